/* test-clearance.c — joint papers cleared agency by agency
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counting and rules of src/core/icat-clearance.c on their own, then
 * through the store: the import keeps and exports the clearances, search
 * finds their notes, check reports the odd ones, and the app's move to
 * Working Group endorsement needs a reason when an agency objected.
 */
#include "config.h"

#include <string.h>

#include "icat-clearance.h"
#include "icat-error.h"
#include "icat-nested-id.h"
#include "icat-test-util.h"

#define PAPER_ID "77777777-7777-4777-8777-777777777771"
#define STAMP "\"created_at\": \"2026-02-01T09:00:00.000Z\", \"updated_at\": \"2026-02-01T10:00:00.000Z\", " \
              "\"updated_by\": \"99999999-9999-4999-8999-999999999999\""

/* Counting and the rules, on records alone {{{ */

static void
test_count (void)
{
  g_autoptr(JsonObject) paper =
    icat_test_object ("{\"lead_agencies\": [\"a\"], \"contributing_agencies\": [\"b\", \"c\", \"a\", \"d\"],"
                      " \"clearances\": [{\"agency\": \"a\", \"state\": \"cleared\"},"
                      "                  {\"agency\": \"b\", \"state\": \"cleared-with-comments\"},"
                      "                  {\"agency\": \"c\", \"state\": \"objected\"},"
                      "                  {\"agency\": \"x\", \"state\": \"requested\"}]}");
  g_autoptr(JsonObject) empty = icat_test_object ("{}");
  IcatClearanceCount count;

  icat_clearance_count (paper, &count);
  /* a, b, c and x have rows; d leads nothing yet but writes the paper. */
  g_assert_cmpuint (count.n_rows, ==, 4);
  g_assert_cmpuint (count.n_agencies, ==, 5);
  g_assert_cmpuint (count.n_cleared, ==, 2);
  g_assert_cmpuint (count.n_objected, ==, 1);

  icat_clearance_count (empty, &count);
  g_assert_cmpuint (count.n_rows + count.n_agencies + count.n_cleared + count.n_objected, ==, 0);
  icat_clearance_count (NULL, &count);
  g_assert_cmpuint (count.n_agencies, ==, 0);

  g_assert_true (icat_clearance_state_is_cleared ("cleared"));
  g_assert_true (icat_clearance_state_is_cleared ("cleared-with-comments"));
  g_assert_false (icat_clearance_state_is_cleared ("requested"));
  g_assert_false (icat_clearance_state_is_cleared ("objected"));
  g_assert_false (icat_clearance_state_is_cleared (NULL));
}

static void
test_summary (void)
{
  g_autoptr(JsonObject) objected =
    icat_test_object ("{\"status\": \"agency-review\", \"lead_agencies\": [\"a\"], \"contributing_agencies\": [\"b\", \"c\"],"
                      " \"clearances\": [{\"agency\": \"a\", \"state\": \"cleared\"}, {\"agency\": \"b\", \"state\": \"objected\"}]}");
  g_autoptr(JsonObject) none_asked = icat_test_object ("{\"status\": \"agency-review\", \"lead_agencies\": [\"a\", \"b\"]}");
  g_autoptr(JsonObject) drafting = icat_test_object ("{\"status\": \"drafting\", \"lead_agencies\": [\"a\", \"b\"]}");
  g_autoptr(JsonObject) nobody = icat_test_object ("{\"status\": \"agency-review\"}");
  g_autofree char *with_objection = NULL;
  g_autofree char *not_yet = NULL;

  icat_test_set_language ("en");
  with_objection = icat_clearance_summary (objected);
  g_assert_cmpstr (with_objection, ==, "1 of 3 cleared · 1 objected");
  not_yet = icat_clearance_summary (none_asked);
  g_assert_cmpstr (not_yet, ==, "0 of 2 cleared");
  /* Before agency review with nothing asked, the card says nothing. */
  g_assert_null (icat_clearance_summary (drafting));
  g_assert_null (icat_clearance_summary (nobody));
  g_assert_null (icat_clearance_summary (NULL));
}

static void
test_missing_and_request_all (void)
{
  g_autoptr(JsonObject) paper =
    icat_test_object ("{\"lead_agencies\": [\"a\", \"b\"], \"contributing_agencies\": [\"b\", \"c\"],"
                      " \"clearances\": [{\"id\": \"kept\", \"agency\": \"b\", \"state\": \"objected\", \"note\": \"n\"}]}");
  g_autoptr(JsonObject) bare = icat_test_object ("{\"lead_agencies\": null}");
  g_auto(GStrv) missing = icat_clearance_missing_agencies (paper);
  g_auto(GStrv) none = icat_clearance_missing_agencies (bare);
  g_autoptr(JsonArray) filled = icat_clearance_request_all (paper, "2026-03-04");
  g_autoptr(JsonArray) nothing = icat_clearance_request_all (NULL, "2026-03-04");
  JsonObject *row;

  /* In the paper's order, each agency once, b already answered. */
  g_assert_cmpuint (g_strv_length (missing), ==, 2);
  g_assert_cmpstr (missing[0], ==, "a");
  g_assert_cmpstr (missing[1], ==, "c");
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_cmpuint (json_array_get_length (filled), ==, 3);
  row = json_array_get_object_element (filled, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "kept");
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "objected");
  row = json_array_get_object_element (filled, 2);
  g_assert_cmpstr (json_object_get_string_member (row, "agency"), ==, "c");
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "requested");
  g_assert_cmpstr (json_object_get_string_member (row, "on"), ==, "2026-03-04");
  g_assert_false (json_object_has_member (row, "id"));
  g_assert_cmpuint (json_array_get_length (nothing), ==, 0);
}

static void
test_endorsement_rule (void)
{
  g_autoptr(JsonObject) objected =
    icat_test_object ("{\"status\": \"wg-endorsement\", \"clearances\": [{\"agency\": \"a\", \"state\": \"objected\"}]}");
  g_autoptr(JsonObject) blank_reason =
    icat_test_object ("{\"status\": \"wg-endorsement\", \"endorsement_reason\": \"  \\n\","
                      " \"clearances\": [{\"agency\": \"a\", \"state\": \"objected\"}]}");
  g_autoptr(JsonObject) reasoned =
    icat_test_object ("{\"status\": \"wg-endorsement\", \"endorsement_reason\": \"Agreed at the principals' meeting\","
                      " \"clearances\": [{\"agency\": \"a\", \"state\": \"objected\"}]}");
  g_autoptr(JsonObject) cleared =
    icat_test_object ("{\"status\": \"wg-endorsement\", \"clearances\": [{\"agency\": \"a\", \"state\": \"cleared\"}]}");
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_paper_endorsement_needs_reason (objected));
  g_assert_true (icat_paper_endorsement_needs_reason (blank_reason));
  g_assert_false (icat_paper_endorsement_needs_reason (reasoned));
  g_assert_false (icat_paper_endorsement_needs_reason (cleared));
  g_assert_false (icat_paper_endorsement_needs_reason (NULL));

  g_assert_false (icat_paper_check_endorsement ("agency-review", objected, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "$.endorsement_reason: "));
  g_clear_error (&error);
  /* A new paper straight to endorsement is a move too. */
  g_assert_false (icat_paper_check_endorsement (NULL, blank_reason, NULL));
  g_assert_true (icat_paper_check_endorsement ("agency-review", reasoned, &error));
  g_assert_no_error (error);
  g_assert_true (icat_paper_check_endorsement ("agency-review", cleared, NULL));
  /* Already awaiting endorsement: an objection recorded now is kept. */
  g_assert_true (icat_paper_check_endorsement ("wg-endorsement", objected, NULL));
}

static void
test_find_duplicate (void)
{
  g_autoptr(JsonObject) twice =
    icat_test_object ("{\"c\": [{\"agency\": \"a\"}, {\"agency\": \"b\"}, {\"agency\": \"c\"}, {\"agency\": \"b\"}]}");
  g_autoptr(JsonObject) once = icat_test_object ("{\"c\": [{\"agency\": \"a\"}, {\"agency\": \"b\"}]}");
  g_autoptr(JsonObject) empty = icat_test_object ("{\"c\": []}");

  g_assert_cmpint (icat_clearance_find_duplicate (json_object_get_array_member (twice, "c")), ==, 3);
  g_assert_cmpint (icat_clearance_find_duplicate (json_object_get_array_member (once, "c")), ==, -1);
  g_assert_cmpint (icat_clearance_find_duplicate (json_object_get_array_member (empty, "c")), ==, -1);
  g_assert_cmpint (icat_clearance_find_duplicate (NULL), ==, -1);
}

/* }}} */
/* Through the store {{{ */

typedef struct {
  char      *dir;
  IcatStore *store;
  char      *unodc;
  char      *iom;
  char      *ilo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
  fixture->iom = icat_test_agency_id (fixture->store, "IOM");
  fixture->ilo = icat_test_agency_id (fixture->store, "ILO");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  icat_test_finalize_store (g_steal_pointer (&fixture->store));
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
  g_free (fixture->unodc);
  g_free (fixture->iom);
  g_free (fixture->ilo);
}

/* A paper in agency review led by UNODC with IOM, cleared by UNODC and
 * objected to by IOM, and ILO's answer though it writes nothing. */
static void
import_paper (Fixture    *fixture,
              const char *status)
{
  g_autofree char *text =
    g_strdup_printf ("{\"format\": \"icat-tracker\", \"version\": 1, \"papers\": [{\"id\": \"" PAPER_ID "\", " STAMP ", "
                     "\"kind\": \"joint-statement\", \"title\": {\"en\": \"Joint statement on climate\"}, \"status\": \"%s\", "
                     "\"lead_agencies\": [\"%s\"], \"contributing_agencies\": [\"%s\"], "
                     "\"clearances\": [{\"agency\": \"%s\", \"state\": \"cleared\", \"on\": \"2026-03-02\"}, "
                     "{\"agency\": \"%s\", \"state\": \"objected\", \"on\": \"2026-03-03\", \"note\": \"Missing the saffron supply chain\"}, "
                     "{\"agency\": \"%s\", \"state\": \"objected\"}]}]}",
                     status, fixture->unodc, fixture->iom, fixture->unodc, fixture->iom, fixture->ilo);
  g_autoptr(GBytes) document = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_store_import (fixture->store, document, "paper.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
}

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) paper = NULL;
  g_autofree char *export = NULL;
  g_autofree char *derived = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  JsonArray *clearances;
  JsonObject *row;

  import_paper (fixture, "agency-review");
  paper = icat_store_read (fixture->store, "paper", PAPER_ID, &error);
  g_assert_no_error (error);
  clearances = json_object_get_array_member (paper, "clearances");
  g_assert_cmpuint (json_array_get_length (clearances), ==, 3);
  row = json_array_get_object_element (clearances, 1);
  /* The id every laptop derives from the paper and the agency. */
  derived = icat_nested_id (PAPER_ID, "clearances", fixture->iom);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, derived);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "objected");
  g_assert_cmpstr (json_object_get_string_member (row, "on"), ==, "2026-03-03");
  g_assert_true (json_object_get_null_member (paper, "endorsement_reason"));

  /* Export writes every key of each row, in the schema's order. */
  export = icat_test_export (fixture->store);
  g_assert_nonnull (strstr (export, "\"state\" : \"cleared\",\n"));
  g_assert_nonnull (strstr (export, "\"on\" : null,\n"));
  g_assert_nonnull (strstr (export, "\"endorsement_reason\" : null"));

  /* The note is in the paper's search document. */
  hits = icat_store_search (fixture->store, "saffron", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((IcatSearchHit *) hits->pdata[0])->id, ==, PAPER_ID);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *start)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], start) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ilo_row = g_strdup_printf ("The paper " PAPER_ID " (ILO) has a clearance from an agency that neither leads nor contributes");
  g_autofree char *ilo_note = g_strdup_printf ("The objection to the paper " PAPER_ID " (ILO) says nothing of why");
  g_autofree char *iom_note = g_strdup_printf ("The objection to the paper " PAPER_ID " (IOM)");

  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  import_paper (fixture, "agency-review");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (problems, ilo_row));
  g_assert_true (has_problem (problems, ilo_note));
  /* IOM's objection says why; UNODC leads. */
  g_assert_false (has_problem (problems, iom_note));
  g_assert_cmpuint (problems->len, ==, 2);
}

static char *
save_status (Fixture     *fixture,
             const char  *status,
             const char  *reason,
             GError     **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();

  json_object_set_string_member (changes, "id", PAPER_ID);
  json_object_set_string_member (changes, "status", status);
  if (reason != NULL)
    json_object_set_string_member (changes, "endorsement_reason", reason);
  return icat_store_save (fixture->store, "paper", changes, error);
}

static void
test_endorsement_in_store (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) paper = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *moved = NULL;

  import_paper (fixture, "agency-review");
  refused = save_status (fixture, "wg-endorsement", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "$.endorsement_reason: "));
  g_clear_error (&error);
  paper = icat_store_read (fixture->store, "paper", PAPER_ID, &error);
  g_assert_cmpstr (json_object_get_string_member (paper, "status"), ==, "agency-review");
  g_clear_pointer (&paper, json_object_unref);

  moved = save_status (fixture, "wg-endorsement", "The principals asked to take it up", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved, ==, PAPER_ID);
  paper = icat_store_read (fixture->store, "paper", PAPER_ID, &error);
  g_assert_cmpstr (json_object_get_string_member (paper, "status"), ==, "wg-endorsement");
  g_assert_cmpstr (json_object_get_string_member (paper, "endorsement_reason"), ==, "The principals asked to take it up");
}

/* A document that records such a paper imports as written. */
static void
test_endorsement_import (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;

  import_paper (fixture, "wg-endorsement");
  paper = icat_store_read (fixture->store, "paper", PAPER_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (paper, "status"), ==, "wg-endorsement");
  /* And stays editable: only the move itself asks for a reason. */
  edited = save_status (fixture, "wg-endorsement", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited, ==, PAPER_ID);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/clearance/count", test_count);
  g_test_add_func ("/clearance/summary", test_summary);
  g_test_add_func ("/clearance/missing-and-request-all", test_missing_and_request_all);
  g_test_add_func ("/clearance/endorsement-rule", test_endorsement_rule);
  g_test_add_func ("/clearance/find-duplicate", test_find_duplicate);
#define ADD(path, func) g_test_add ("/clearance/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store/round-trip", test_store_round_trip);
  ADD ("store/check", test_check);
  ADD ("store/endorsement", test_endorsement_in_store);
  ADD ("store/endorsement-import", test_endorsement_import);
  return g_test_run ();
}
