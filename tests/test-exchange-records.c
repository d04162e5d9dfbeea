/* test-exchange-records.c — the JSON exchange format: refusals and acceptances that need several records
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
/* Refusals that need several records                                   */

static void
test_refuse_duplicate_ids (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  m1 = assert_refused (fixture->store,
                       DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) ", " PAPER (PAPER_ID, NEWER) "]"),
                       "bad.json: $.papers[1].id: the id " PAPER_ID " appears twice");

  /* Agenda items of two meetings share one table. */
  m2 = assert_refused (fixture->store,
                       DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) ", " MEETING (MEETING2_ID, STAMP) "]"),
                       "$.meetings[1].agenda[0]: the id " AGENDA1_ID " is used twice");

}

/* One id is one record, whatever its kind: in the file, and against a
 * stored record of another kind (before, both were stored). */
static void
test_refuse_id_in_two_kinds (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  m1 = assert_refused (fixture->store,
                       DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "], \"mandates\": [" MANDATE (PAPER_ID, STAMP) "]"),
                       "bad.json: $.mandates[0].id: the id " PAPER_ID " is already the id of $.papers[0]");
  g_assert_false (record_exists (fixture->store, "paper", PAPER_ID));

  assert_import (fixture->store, DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, NULL);
  m2 = assert_refused (fixture->store, DOC ("\"mandates\": [" MANDATE (PAPER_ID, STAMP) "]"),
                       "bad.json: $.mandates[0].id: the id " PAPER_ID " already belongs to a stored paper");
  g_assert_false (record_exists (fixture->store, "mandate", PAPER_ID));
}

/* A document's paragraph is one mandate, in the file and against the
 * database (before, both were stored and check then complained). */
static void
test_refuse_mandate_paragraph_twice (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  m1 = assert_refused (fixture->store,
                       DOC ("\"mandates\": [" MANDATE (MANDATE_ID, STAMP) ", " MANDATE (PAPER_ID, STAMP) "]"),
                       "bad.json: $.mandates[1].paragraph: another mandate is already A/RES/72/195 paragraph 23");

  assert_import (fixture->store, DOC ("\"mandates\": [" MANDATE (MANDATE_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, NULL);
  m2 = assert_refused (fixture->store, DOC ("\"mandates\": [" MANDATE (PAPER_ID, STAMP) "]"),
                       "bad.json: $.mandates[0].paragraph: another mandate is already A/RES/72/195 paragraph 23");
  g_assert_false (record_exists (fixture->store, "mandate", PAPER_ID));

  /* A stored mandate the file moves to another paragraph frees its own. */
  assert_import (fixture->store,
                 DOC ("\"mandates\": [{" META (MANDATE_ID, NEWER) ", \"document\": \"A/RES/72/195\", \"paragraph\": \"24\", "
                      "\"text\": {\"en\": \"Moved.\"}, \"addressee\": \"icat\", \"pillar\": \"coordination\"}, "
                      MANDATE (PAPER_ID, STAMP) "]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  g_assert_true (record_exists (fixture->store, "mandate", PAPER_ID));
}

/* Text that json-glib reads but no text can hold: a lone surrogate (json-glib
 * makes it bytes that are not UTF-8) and U+0000 (json-glib cut the text
 * there). Refused with the field's path; a surrogate pair is one character. */
static void
test_refuse_unholdable_text (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *export = NULL;

  m1 = assert_refused (fixture->store,
                       DOC ("\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"issue-brief\", "
                            "\"title\": {\"en\": \"Half \\ud800 a pair\"}, \"status\": \"drafting\"}]"),
                       "bad.json: $.papers[0].title.en: holds \\u0000 or half of a surrogate pair");
  m2 = assert_refused (fixture->store,
                       DOC ("\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"issue-brief\", "
                            "\"title\": {\"en\": \"Brief\"}, \"status\": \"drafting\", \"note\": \"cut\\u0000short\"}]"),
                       "bad.json: $.papers[0].note: holds \\u0000 or half of a surrogate pair");
  m3 = assert_refused (fixture->store,
                       DOC ("\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"issue-brief\", "
                            "\"title\": {\"en\": \"Brief\"}, \"status\": \"drafting\", \"note\": \"low \\udc00\"}]"),
                       "bad.json:");

  /* An escaped backslash before u0000 is text, and a pair is a character. */
  assert_import (fixture->store,
                 DOC ("\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"issue-brief\", "
                      "\"title\": {\"en\": \"Smile \\ud83d\\ude00\"}, \"status\": \"drafting\", \"note\": \"C:\\\\u0000\"}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  export = icat_test_export (fixture->store);
  assert_contains (export, "\"en\" : \"Smile 😀\"");
  assert_contains (export, "\"note\" : \"C:\\\\u0000\"");
}

/* json-glib stops after the first value; whatever follows is refused. */
static void
test_refuse_trailing_data (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;
  g_autofree char *valid = NULL;

  m1 = assert_refused (fixture->store, DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "]") "\n{}",
                       "bad.json:2:1: there is more after the end of the document");
  m2 = assert_refused (fixture->store, DOC ("\"papers\": []") " \"}\"",
                       "bad.json:1:56: there is more after the end of the document");
  g_assert_false (record_exists (fixture->store, "paper", PAPER_ID));
  /* Whitespace after it is fine. */
  valid = g_strconcat (DOC ("\"papers\": [" PAPER (PAPER_ID, STAMP) "]"), " \n\t\r\n", NULL);
  assert_import (fixture->store, valid, ICAT_IMPORT_DEFAULT, NULL);
}

/* Zones tzdata knows that have no slash in their names. */
static void
test_accept_zones_without_slash (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const zones[] = { "CET", "EST5EDT", "UTC", "Etc/GMT+5" };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(JsonObject) root = icat_test_object (DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, STAMP) "}]"));
      JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) stored = NULL;
      g_autofree char *text = NULL;
      g_autofree char *updated = g_strdup_printf ("2026-02-0%uT10:00:00.000Z", i + 2);

      json_object_set_string_member (meeting, "timezone", zones[i]);
      json_object_set_string_member (meeting, "updated_at", updated);
      json_node_set_object (node, root);
      text = json_to_string (node, FALSE);
      assert_import (fixture->store, text, ICAT_IMPORT_DEFAULT, NULL);
      stored = read_record (fixture->store, "meeting", MEETING_ID);
      g_assert_cmpstr (json_object_get_string_member (stored, "timezone"), ==, zones[i]);
    }
}

static void
test_refuse_agenda_item_of_other_meeting (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  /* Both meetings in the file. */
  m1 = assert_refused (fixture->store,
                       DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) ", " MEETING_HEAD (MEETING2_ID, STAMP) "}], "
                            "\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"x\", \"owner\": \"@UNODC@\", "
                            "\"status\": \"open\", \"meeting\": \"" MEETING2_ID "\", \"agenda_item\": \"" AGENDA1_ID "\"}]"),
                       "bad.json: $.action_items[0].agenda_item: no item with this id in the record it names");

  /* Both meetings in the database. */
  assert_import (fixture->store,
                 DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) ", " MEETING_HEAD (MEETING2_ID, STAMP) "}]"),
                 ICAT_IMPORT_DEFAULT, NULL);
  m2 = assert_refused (fixture->store,
                       DOC ("\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"x\", \"owner\": \"@UNODC@\", "
                            "\"status\": \"open\", \"meeting\": \"" MEETING2_ID "\", \"agenda_item\": \"" AGENDA2_ID "\"}]"),
                       "$.action_items[0].agenda_item: no item with this id in the record it names");
  {
    g_autofree char *m3 = assert_refused (fixture->store,
                                          DOC ("\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"x\", \"owner\": \"@UNODC@\", "
                                               "\"status\": \"open\", \"meeting\": \"" MEETING2_ID "\", \"agenda_item\": \"" AGENDA1_ID "\"}]"),
                                          "$.action_items[0].agenda_item: no item with this id in the record it names");
  }

  /* The meeting in the file drops the item the action item names. */
  {
    g_autofree char *m4 = assert_refused (fixture->store,
                                          DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, NEWER) ", \"agenda\": []}], "
                                               "\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"x\", \"owner\": \"@UNODC@\", "
                                               "\"status\": \"open\", \"meeting\": \"" MEETING_ID "\", \"agenda_item\": \"" AGENDA1_ID "\"}]"),
                                          "$.action_items[0].agenda_item: no item with this id in the record it names");
  }
}

/* Everything up to the last record is valid: nothing of it is written. */
static void
test_refuse_last_record (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  m1 = assert_refused (fixture->store,
                       DOC ("\"agencies\": [" AGENCY (AGENCY_ID, STAMP) "], "
                            "\"chair_terms\": [" TERM (TERM_ID, STAMP) "], "
                            "\"meetings\": [" MEETING (MEETING_ID, STAMP) "], "
                            "\"papers\": [" PAPER (PAPER_ID, STAMP) "], "
                            "\"mandates\": [" MANDATE (MANDATE_ID, STAMP) "], "
                            "\"action_items\": [" ACTION (ACTION_ID, STAMP) ", "
                            "{" META (ACTION2_ID, STAMP) ", \"title\": \"Last\", \"owner\": \"@UNODC@\", \"status\": \"finished\"}]"),
                       "$.action_items[1].status: must be one of");

  /* Found only when the references are resolved, after every record. */
  m2 = assert_refused (fixture->store,
                       DOC ("\"agencies\": [" AGENCY (AGENCY_ID, STAMP) "], "
                            "\"meetings\": [" MEETING (MEETING_ID, STAMP) "], "
                            "\"papers\": [{" META (PAPER_ID, STAMP) ", \"kind\": \"report\", \"title\": {\"en\": \"r\"}, "
                            "\"status\": \"published\", \"mandates\": [\"" MANDATE_ID "\"]}], "
                            "\"mandates\": [" MANDATE (MANDATE_ID, STAMP) "], "
                            "\"action_items\": [" ACTION (ACTION_ID, STAMP) ", "
                            "{" META (ACTION2_ID, STAMP) ", \"title\": \"Last\", \"owner\": \"" AGENCY_ID "\", \"status\": \"open\", "
                            "\"supporting\": [\"@IOM@\", " UNKNOWN_AGENCY "]}]"),
                       "bad.json: $.action_items[1].supporting[1]: no agency with this id");
  g_assert_false (record_exists (fixture->store, "agency", AGENCY_ID));
  g_assert_false (record_exists (fixture->store, "meeting", MEETING_ID));
  g_assert_false (record_exists (fixture->store, "action_item", ACTION_ID));
}

/* A problem that only the database sees while writing is rolled back too. */
static void
test_refuse_write_failure (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  assert_import (fixture->store, DOC ("\"meetings\": [" MEETING (MEETING_ID, STAMP) "]"), ICAT_IMPORT_DEFAULT, NULL);
  before = icat_test_export (fixture->store);
  /* A new meeting whose agenda item has the id of the stored meeting's item. */
  g_assert_false (import_text (fixture->store,
                               DOC ("\"agencies\": [" AGENCY (AGENCY_ID, STAMP) "], "
                                    "\"meetings\": [" MEETING_HEAD (MEETING2_ID, STAMP) ", "
                                    "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Same id\"}]}]"),
                               ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  after = icat_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (record_exists (fixture->store, "agency", AGENCY_ID));
  g_assert_false (record_exists (fixture->store, "meeting", MEETING2_ID));
  g_assert_true (g_str_has_prefix (error->message, DISPLAY_NAME ": $.meetings[0].agenda[0]"));
}

/* DOMAIN/format: one chair term a year. */
static void
test_refuse_second_chair_term (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = icat_test_export (fixture->store);
  g_autofree char *after = NULL;
  gboolean ok;

  ok = import_text (fixture->store,
                    DOC ("\"chair_terms\": [{" META (TERM_ID, STAMP) ", \"year\": 2016, \"agencies\": [\"@IOM@\"]}]"),
                    ICAT_IMPORT_DEFAULT, NULL, &error);
  after = icat_test_export (fixture->store);
  g_assert_false (ok);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  assert_contains (error->message, "$.chair_terms[0].year");
  g_assert_cmpstr (before, ==, after);
}

/* A time zone must be an IANA name: not a file, not a POSIX rule. Run in a
 * subprocess: "/etc/passwd" makes GLib log a critical while loading it. */
static const char * const not_zones[] = { "/etc/passwd", "+05:00", "ABC5", "zone.tab", "Mars" };

static void
test_refuse_timezone_not_iana (gconstpointer data)
{
  const char *zone = not_zones[GPOINTER_TO_UINT (data)];

  if (g_test_subprocess ())
    {
      g_autofree char *dir = icat_test_tmpdir_new ();
      g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
      g_autoptr(JsonObject) root = icat_test_object (DOC ("\"meetings\": [" MEETING_HEAD (MEETING_ID, STAMP) "}]"));
      JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *bad = NULL;
      g_autofree char *message = NULL;

      json_object_set_string_member (meeting, "timezone", zone);
      json_node_set_object (node, root);
      bad = json_to_string (node, FALSE);
      message = assert_refused (store, bad, "$.meetings[0].timezone: must be a time zone name");
      g_clear_object (&store);
      icat_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A due month is not before a start day inside that month. */
static void
test_accept_partial_dates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = import_text (fixture->store,
                    DOC ("\"action_items\": [{" META (ACTION_ID, STAMP) ", \"title\": \"March\", \"owner\": \"@UNODC@\", "
                         "\"starts\": \"2026-03-15\", \"due\": \"2026-03\", \"status\": \"open\"}]"),
                    ICAT_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (record_exists (fixture->store, "action_item", ACTION_ID));
}

/* A meeting ending more than a day after it starts is kept, and `check`
 * names it unless it is marked multi-day; exactly a day is not flagged. */
static void
test_multi_day_meeting (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  g_autofree char *export = NULL;

#define LONG_MEETING(updated, end, extra) \
  DOC ("\"meetings\": [{" META (MEETING_ID, updated) ", \"kind\": \"working-group\", " \
       "\"title\": {\"en\": \"Retreat\"}, \"starts_at\": \"2026-03-10T09:00:00.000Z\", " \
       "\"ends_at\": \"" end "\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\"" extra "}]")
  assert_import (fixture->store, LONG_MEETING (STAMP, "2026-03-11T09:00:00.000Z", ""), ICAT_IMPORT_DEFAULT, NULL);
  meeting = read_record (fixture->store, "meeting", MEETING_ID);
  g_assert_false (json_object_get_boolean_member (meeting, "multi_day"));
  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  assert_import (fixture->store, LONG_MEETING (NEWER, "2026-03-12T17:00:00.000Z", ""), ICAT_IMPORT_DEFAULT, NULL);
  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_contains (problems->pdata[0], MEETING_ID);
  assert_contains (problems->pdata[0], "more than 24 hours after it starts");
  g_clear_pointer (&problems, g_ptr_array_unref);

  assert_import (fixture->store, LONG_MEETING ("2026-02-03T10:00:00.000Z", "2026-03-12T17:00:00.000Z", ", \"multi_day\": true"),
                 ICAT_IMPORT_DEFAULT, NULL);
  g_clear_pointer (&meeting, json_object_unref);
  meeting = read_record (fixture->store, "meeting", MEETING_ID);
  g_assert_true (json_object_get_boolean_member (meeting, "multi_day"));
  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  export = icat_test_export (fixture->store);
  assert_contains (export, "\"ends_at\" : \"2026-03-12T17:00:00.000Z\",\n      \"multi_day\" : true,");
#undef LONG_MEETING
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/exchange/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("refuse/duplicate-ids", test_refuse_duplicate_ids);
  ADD ("refuse/id-in-two-kinds", test_refuse_id_in_two_kinds);
  ADD ("refuse/mandate-paragraph-twice", test_refuse_mandate_paragraph_twice);
  ADD ("refuse/unholdable-text", test_refuse_unholdable_text);
  ADD ("refuse/trailing-data", test_refuse_trailing_data);
  ADD ("accept/zones-without-slash", test_accept_zones_without_slash);
  ADD ("refuse/agenda-item-of-other-meeting", test_refuse_agenda_item_of_other_meeting);
  ADD ("refuse/last-record", test_refuse_last_record);
  ADD ("refuse/write-failure", test_refuse_write_failure);
  ADD ("refuse/second-chair-term", test_refuse_second_chair_term);
  ADD ("accept/partial-dates", test_accept_partial_dates);
  ADD ("multi-day-meeting", test_multi_day_meeting);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (not_zones); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/refuse/timezone-not-iana/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_refuse_timezone_not_iana);
    }

  return g_test_run ();
}
