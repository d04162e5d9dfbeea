/* test-exchange-round-trip.c — the JSON exchange format: round trips and upserts
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test imports through icat_store_import on a fresh seeded store in
 * its own temporary directory, then looks at what the database holds.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icat-error.h"
#include "icat-test-exchange.h"
#include "icat-test-util.h"

/* ------------------------------------------------------------------ */
/* Round trips                                                          */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *other_dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) other = icat_test_store_new (other_dir, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IcatImportSummary summary;

  /* Something of every kind and every nested list, beyond the seed; the
   * note's brackets sit inside a string and are no nesting. */
  assert_import (fixture->store,
                 DOC ("\"agencies\": [{" META (AGENCY_ID, STAMP) ", \"acronym\": \"ASEAN\", "
                      "\"name\": {\"zh\": \"东南亚国家联盟\", \"en\": \"Association of Southeast Asian Nations\", \"fr\": \"ANASE\"}, "
                      "\"kind\": \"regional\", \"memberships\": [{\"role\": \"partner\", \"from\": \"2026-01\", \"to\": \"2027\", \"note\": \"MoU\"}], "
                      "\"successor\": \"@OSCE@\", \"focal_points\": [{\"name\": \"Focal Point\", \"title\": \"Officer\", "
                      "\"email\": \"fp.example.org\", \"phone\": \"+1 555\"}], \"website\": \"https://asean.org\", \"note\": \"[[[[[[[[[[[[[[[[[[[[\"}], "
                      "\"chair_terms\": [" TERM (TERM_ID, STAMP) "], "
                      "\"meetings\": [" MEETING_HEAD (MEETING_ID, STAMP) ", \"host\": \"@UNODC@\", "
                      "\"chairs\": [\"@UNODC@\", \"@IOM@\"], \"record_status\": \"circulated\", \"circulated_on\": \"2026-03-20\", "
                      "\"agenda\": [{\"id\": \"" AGENDA2_ID "\", \"position\": 1, \"title\": \"Any other business\"}, "
                      "{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Work plan\", \"presenter\": \"@UNODC@\", "
                      "\"minutes\": \"Agreed.\\n第二行\", \"mandates\": []}], "
                      "\"decisions\": [{\"id\": \"" DECISION_ID "\", \"number\": 1, \"text\": \"The work plan is adopted.\"}], "
                      "\"attendance\": [{\"agency\": \"@IOM@\", \"present\": true, \"delegates\": [\"A\", \"B\"]}, "
                      "{\"agency\": \"@ILO@\", \"present\": false}], "
                      "\"invited\": [{\"name\": \"Sweden\", \"kind\": \"state\", \"attended\": true}], "
                      "\"attachments\": [{\"title\": \"Minutes\", \"uri\": \"https://example.org/m.pdf\"}], "
                      "\"note\": \"quote \\\" [[[[[[[[[[[[[[[[[[[[ and backslash \\\\\"}], "
                      "\"papers\": [" PAPER (PAPER_ID, STAMP) "], "
                      "\"mandates\": [" MANDATE (MANDATE_ID, STAMP) "], "
                      "\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"Draft the work plan\", "
                      "\"description\": \"Longer text\", \"owner\": \"@UNODC@\", \"supporting\": [\"@IOM@\", \"@ILO@\"], "
                      "\"starts\": \"2026\", \"due\": \"2026-06\", \"status\": \"in-progress\", \"priority\": \"high\", "
                      "\"meeting\": \"" MEETING_ID "\", \"agenda_item\": \"" AGENDA1_ID "\", "
                      "\"mandates\": [\"" MANDATE_ID "\"], \"completion_note\": null, "
                      "\"history\": [{\"status\": \"open\", \"at\": \"2026-03-10T12:00:00Z\", \"by\": \"" DEVICE_ID "\"}, "
                      "{\"status\": \"in-progress\", \"at\": \"2026-03-11T12:00:00.000Z\"}]}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.added, ==, 6);

  first = icat_test_export (fixture->store);
  bytes = g_bytes_new (first, strlen (first));
  g_assert_true (icat_store_import (other, bytes, DISPLAY_NAME, ICAT_IMPORT_REPLACE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.total.added, ==, 6);
  g_assert_cmpuint (summary.total.removed, ==, 0);
  g_assert_cmpuint (summary.total.kept, ==, 0);
  second = icat_test_export (other);
  g_assert_cmpstr (first, ==, second);

  /* Importing a database's own export again changes nothing. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (second, strlen (second));
  memset (&summary, 0, sizeof summary);
  g_assert_true (icat_store_import (other, bytes, DISPLAY_NAME, ICAT_IMPORT_DEFAULT, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.total.added, ==, 0);
  g_assert_cmpuint (summary.total.kept, ==, 0);
  g_assert_cmpuint (summary.total.updated, >, 150);
  {
    g_autofree char *third = icat_test_export (other);

    g_assert_cmpstr (third, ==, first);
  }

  /* The export keeps the nested order and the fixed key order. */
  assert_contains (first, "\"en\" : \"Association of Southeast Asian Nations\",\n"
                          "        \"zh\" : \"东南亚国家联盟\",\n"
                          "        \"fr\" : \"ANASE\"");
  g_assert_true (strstr (first, AGENDA1_ID) < strstr (first, AGENDA2_ID));

  g_clear_object (&other);
  icat_test_tmpdir_free (g_steal_pointer (&other_dir));
}

static void
test_seed_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "seed", "icat.json", NULL);
  g_autofree char *seed = NULL;
  g_autofree char *export = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;

  g_assert_true (g_file_get_contents (path, &seed, NULL, &error));
  g_assert_no_error (error);
  root = icat_test_object (seed);
  export = icat_store_export_json (fixture->store, json_object_get_string_member (root, "exported_at"), &error);
  g_assert_no_error (error);
  icat_test_drop_generator (export);
  icat_test_drop_group_name (seed);
  g_assert_cmpstr (export, ==, seed);

  /* Records are sorted by id. */
  {
    g_autoptr(GList) lists = json_object_get_members (root);

    for (GList *l = lists; l != NULL; l = l->next)
      {
        JsonNode *member = json_object_get_member (root, l->data);
        JsonArray *records;

        if (!JSON_NODE_HOLDS_ARRAY (member))
          continue;
        records = json_node_get_array (member);
        for (guint i = 1; i < json_array_get_length (records); i++)
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, i - 1), "id"), <,
                           json_object_get_string_member (json_array_get_object_element (records, i), "id"));
      }
  }

  /* And a second export of the same database gives the same bytes. */
  {
    g_autofree char *again = icat_test_export (fixture->store);
    g_autofree char *again2 = icat_test_export (fixture->store);

    g_assert_cmpstr (again, ==, again2);
  }
}

/* ------------------------------------------------------------------ */
/* Upserts                                                              */

static void
test_upsert_newer_older_equal (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  IcatImportSummary summary;

  assert_import (fixture->store, DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.added, ==, 1);
  g_assert_cmpuint (summary.by_kind[3].added, ==, 1);  /* papers */

  /* Older: the stored copy stays, nothing changes. */
  before = icat_test_export (fixture->store);
  assert_import (fixture->store,
                 DOC ("\"papers\": [{" META (PAPER_ID, OLDER) ", \"kind\": \"report\", "
                      "\"title\": {\"en\": \"Old title\"}, \"status\": \"proposed\"}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.kept, ==, 1);
  g_assert_cmpuint (summary.total.added, ==, 0);
  g_assert_cmpuint (summary.total.updated, ==, 0);
  after = icat_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* Equal: the file's copy replaces the stored one. */
  assert_import (fixture->store,
                 DOC ("\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"issue-brief\", "
                      "\"title\": {\"en\": \"Equal title\"}, \"status\": \"agency-review\"}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.updated, ==, 1);
  {
    g_autoptr(JsonObject) paper = read_record (fixture->store, "paper", PAPER_ID);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (paper, "title"), "en"), ==, "Equal title");
    g_assert_cmpstr (json_object_get_string_member (paper, "status"), ==, "agency-review");
    /* Absent in the file means absent: year and the lead agencies went. */
    g_assert_true (json_object_get_null_member (paper, "year"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (paper, "lead_agencies")), ==, 0);
  }

  /* Newer: replaces. */
  assert_import (fixture->store,
                 DOC ("\"papers\": [{" META (PAPER_ID, NEWER) ", \"kind\": \"issue-brief\", "
                      "\"title\": {\"en\": \"Newer title\"}, \"year\": 2027, \"status\": \"published\"}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.updated, ==, 1);
  g_assert_cmpuint (summary.total.kept, ==, 0);
  {
    g_autoptr(JsonObject) paper = read_record (fixture->store, "paper", PAPER_ID);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (paper, "title"), "en"), ==, "Newer title");
    g_assert_cmpint (json_object_get_int_member (paper, "year"), ==, 2027);
    g_assert_cmpstr (json_object_get_string_member (paper, "updated_at"), ==, NEWER);
  }
}

static void
test_upsert_nested_replaced (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = NULL;
  JsonArray *agenda;
  IcatImportSummary summary;

  assert_import (fixture->store,
                 DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, STAMP) ", "
                      "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"First\"}, "
                      "{\"id\": \"" AGENDA2_ID "\", \"position\": 1, \"title\": \"Second\"}], "
                      "\"attendance\": [{\"agency\": \"@IOM@\", \"present\": true}, {\"agency\": \"@ILO@\", \"present\": true}]}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  meeting = read_record (fixture->store, "meeting", MEETING_ID);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "agenda")), ==, 2);
  g_clear_pointer (&meeting, json_object_unref);

  assert_import (fixture->store,
                 DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, NEWER) ", "
                      "\"agenda\": [{\"id\": \"" AGENDA2_ID "\", \"position\": 0, \"title\": \"Second, now first\"}]}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.updated, ==, 1);
  meeting = read_record (fixture->store, "meeting", MEETING_ID);
  agenda = json_object_get_array_member (meeting, "agenda");
  g_assert_cmpuint (json_array_get_length (agenda), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agenda, 0), "id"), ==, AGENDA2_ID);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agenda, 0), "title"), ==, "Second, now first");
  /* The attendance list the file leaves out is replaced by nothing. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendance")), ==, 0);
}

static void
test_upsert_timestamps (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) item = NULL;

  /* Timestamps without milliseconds are accepted and kept as given. */
  assert_import (fixture->store,
                 DOC ("\"action_items\": [{\"id\": \"" ACTION_ID "\", \"created_at\": \"2020-05-05T05:05:05Z\", "
                      "\"updated_at\": \"2021-06-06T06:06:06.123Z\", \"updated_by\": \"" DEVICE_ID "\", "
                      "\"title\": \"Keep my times\", \"owner\": \"@UNODC@\", \"status\": \"open\"}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  item = read_record (fixture->store, "action_item", ACTION_ID);
  g_assert_cmpstr (json_object_get_string_member (item, "created_at"), ==, "2020-05-05T05:05:05.000Z");
  g_assert_cmpstr (json_object_get_string_member (item, "updated_at"), ==, "2021-06-06T06:06:06.123Z");
  g_assert_cmpstr (json_object_get_string_member (item, "updated_by"), ==, DEVICE_ID);
}

static void
test_upsert_reference_into_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(JsonObject) item = NULL;
  g_autofree char *unodc = icat_test_agency_id (fixture->store, "UNODC");
  g_autofree char *ilo = icat_test_agency_id (fixture->store, "ILO");
  IcatImportSummary summary;

  /* The owner is a seed agency the file does not carry. */
  assert_import (fixture->store,
                 DOC ("\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"Refer to the database\", "
                      "\"owner\": \"@UNODC@\", \"supporting\": [\"@ILO@\"], \"status\": \"open\"}]"),
                 ICAT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.total.added, ==, 1);
  g_assert_cmpuint (summary.by_kind[5].added, ==, 1);  /* action items */
  item = read_record (fixture->store, "action_item", ACTION_ID);
  g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==, unodc);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (item, "supporting"), 0), ==, ilo);

  /* And an agenda item of a meeting already in the database. */
  assert_import (fixture->store, DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, NULL);
  assert_import (fixture->store,
                 DOC ("\"action_items\": [{" META (ACTION2_ID, STAMP) ", \"title\": \"From the agenda\", "
                      "\"owner\": \"@UNODC@\", \"status\": \"open\", \"meeting\": \"" MEETING_ID "\", "
                      "\"agenda_item\": \"" AGENDA1_ID "\"}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  g_clear_pointer (&item, json_object_unref);
  item = read_record (fixture->store, "action_item", ACTION2_ID);
  g_assert_cmpstr (json_object_get_string_member (item, "agenda_item"), ==, AGENDA1_ID);
}

static void
test_upsert_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = icat_test_export (fixture->store);
  g_autofree char *after = NULL;
  const char *lists[] = { "agencies", "chair_terms", "meetings", "papers", "mandates", "action_items" };
  const char *document = DOC ("\"agencies\": [" AGENCY (AGENCY_ID, STAMP) "], "
                              "\"chair_terms\": [{" META (TERM_ID, STAMP) ", \"year\": 2030, "
                              "\"agencies\": [\"" AGENCY_ID "\"]}], \"unknown_top_level\": {\"ignored\": [1, 2]}");
  guint removed = 0;
  IcatImportSummary summary;

  /* A dry run says what would happen and changes nothing. */
  assert_import (fixture->store, document, ICAT_IMPORT_REPLACE | ICAT_IMPORT_DRY_RUN, &summary);
  after = icat_test_export (fixture->store);
  g_assert_cmpstr (seed, ==, after);
  g_clear_pointer (&after, g_free);
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      guint stored = count_in_export (seed, lists[k]);

      g_assert_cmpuint (summary.by_kind[k].removed, ==, stored);
      removed += stored;
    }
  g_assert_cmpuint (removed, >, 150);
  g_assert_cmpuint (summary.total.removed, ==, removed);
  g_assert_cmpuint (summary.total.added, ==, 2);

  memset (&summary, 0, sizeof summary);
  assert_import (fixture->store, document, ICAT_IMPORT_REPLACE, &summary);
  g_assert_cmpuint (summary.total.added, ==, 2);
  g_assert_cmpuint (summary.total.updated, ==, 0);
  g_assert_cmpuint (summary.total.removed, ==, removed);

  after = icat_test_export (fixture->store);
  g_assert_cmpuint (count_in_export (after, "agencies"), ==, 1);
  g_assert_cmpuint (count_in_export (after, "chair_terms"), ==, 1);
  g_assert_cmpuint (count_in_export (after, "meetings"), ==, 0);
  g_assert_cmpuint (count_in_export (after, "papers"), ==, 0);
  g_assert_cmpuint (count_in_export (after, "mandates"), ==, 0);
  g_assert_cmpuint (count_in_export (after, "action_items"), ==, 0);
  assert_contains (after, AGENCY_ID);
  g_assert_null (strstr (after, "UNODC"));

  /* The replaced database's search index and checks are consistent. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = icat_store_check (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_upsert_replace_needs_references_in_file (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autofree char *expanded = expand (fixture->store, DOC ("\"chair_terms\": [" TERM (TERM_ID, STAMP) "]"));
  g_autoptr(GBytes) bytes = g_bytes_new (expanded, strlen (expanded));
  g_autofree char *message = NULL;

  /* UNODC is in the database but goes with --replace. */
  message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_REPLACE, ICAT_ERROR_INVALID,
                                  "$.chair_terms[0].agencies[0]: no agency with this id");
}

static void
test_upsert_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = icat_test_export (fixture->store);
  g_autofree char *after = NULL;
  IcatImportSummary summary;

  assert_import (fixture->store, DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, NULL);
  g_clear_pointer (&before, g_free);
  before = icat_test_export (fixture->store);

  assert_import (fixture->store,
                 DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) "], "
                      "\"papers\": [{" META (PAPER_ID, NEWER) ", \"kind\": \"issue-brief\", \"title\": {\"en\": \"Changed\"}, \"status\": \"published\"}], "
                      "\"action_items\": [" ACTION (ACTION_ID, STAMP) "]"),
                 ICAT_IMPORT_DRY_RUN, &summary);
  g_assert_cmpuint (summary.total.added, ==, 2);
  g_assert_cmpuint (summary.total.updated, ==, 1);
  g_assert_cmpuint (summary.total.kept, ==, 0);
  g_assert_cmpuint (summary.total.removed, ==, 0);
  g_assert_cmpuint (summary.by_kind[2].added, ==, 1);
  g_assert_cmpuint (summary.by_kind[3].updated, ==, 1);
  g_assert_cmpuint (summary.by_kind[5].added, ==, 1);
  after = icat_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (record_exists (fixture->store, "meeting", MEETING_ID));

  /* A dry run of a bad file fails like the real thing. */
  {
    g_autofree char *text = expand (fixture->store, DOC ("\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"x\", "
                                                         "\"owner\": \"" MISSING_ID "\", \"status\": \"open\"}]"));
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    g_autofree char *message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DRY_RUN, ICAT_ERROR_INVALID,
                                                     "$.action_items[0].owner: no agency with this id");
  }
}

/* An agenda item that moves from one meeting to another, with the meetings
 * in either order in the file. */
static void
test_upsert_agenda_item_moves (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  gboolean ok;

  assert_import (fixture->store,
                 DOC ("\"meetings\": [" MEETING_HEAD (MEETING2_ID, STAMP) ", "
                      "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Moves\"}]}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  /* MEETING_ID sorts before MEETING2_ID, as an export would list them. */
  ok = import_text (fixture->store,
                    DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, NEWER) ", "
                         "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Moved\"}]}, "
                         MEETING_HEAD (MEETING2_ID, NEWER) ", \"agenda\": []}]"),
                    ICAT_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  meeting = read_record (fixture->store, "meeting", MEETING_ID);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "agenda")), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/exchange/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("seed-export", test_seed_export);
  ADD ("upsert/newer-older-equal", test_upsert_newer_older_equal);
  ADD ("upsert/nested-replaced", test_upsert_nested_replaced);
  ADD ("upsert/timestamps", test_upsert_timestamps);
  ADD ("upsert/reference-into-database", test_upsert_reference_into_database);
  ADD ("upsert/replace", test_upsert_replace);
  ADD ("upsert/replace-needs-references-in-file", test_upsert_replace_needs_references_in_file);
  ADD ("upsert/dry-run", test_upsert_dry_run);
  ADD ("upsert/agenda-item-moves", test_upsert_agenda_item_moves);
#undef ADD

  return g_test_run ();
}
