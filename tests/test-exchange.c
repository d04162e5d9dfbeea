/* test-exchange.c — the JSON exchange format: export, import, refusals
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
#include "icat-test-util.h"

#define DISPLAY_NAME "bad.json"

#define DEVICE_ID   "99999999-9999-4999-8999-999999999999"
#define CREATED     "2026-02-01T09:00:00.000Z"
#define STAMP       "2026-02-01T10:00:00.000Z"
#define NEWER       "2026-02-02T10:00:00.000Z"
#define OLDER       "2025-12-31T10:00:00.000Z"

#define AGENCY_ID   "55555555-5555-4555-8555-555555555551"
#define TERM_ID     "66666666-6666-4666-8666-666666666661"
#define MEETING_ID  "11111111-1111-4111-8111-111111111111"
#define MEETING2_ID "11111111-1111-4111-8111-111111111112"
#define AGENDA1_ID  "22222222-2222-4222-8222-222222222221"
#define AGENDA2_ID  "22222222-2222-4222-8222-222222222222"
#define DECISION_ID "33333333-3333-4333-8333-333333333331"
#define ACTION_ID   "44444444-4444-4444-8444-444444444441"
#define ACTION2_ID  "44444444-4444-4444-8444-444444444442"
#define PAPER_ID    "77777777-7777-4777-8777-777777777771"
#define MANDATE_ID  "88888888-8888-4888-8888-888888888881"
#define MISSING_ID  "00000000-0000-4000-8000-000000000000"

/* The fields every record carries. */
#define META(id, updated) \
  "\"id\": \"" id "\", \"created_at\": \"" CREATED "\", \"updated_at\": \"" updated "\", " \
  "\"updated_by\": \"" DEVICE_ID "\""
#define DOC(lists) "{\"format\": \"icat-tracker\", \"version\": 1, " lists "}"

/* One valid record of each kind. @ACRONYM@ stands for the seed agency's id. */
#define AGENCY(id, updated) \
  "{" META (id, updated) ", \"acronym\": \"ASEAN\", " \
  "\"name\": {\"en\": \"Association of Southeast Asian Nations\", \"zh\": \"东南亚国家联盟\"}, " \
  "\"kind\": \"regional\", \"memberships\": [{\"role\": \"partner\", \"from\": \"2026-01\"}]}"
#define TERM(id, updated) \
  "{" META (id, updated) ", \"year\": 2030, \"agencies\": [\"@UNODC@\"]}"
#define MEETING_HEAD(id, updated) \
  "{" META (id, updated) ", \"kind\": \"working-group\", " \
  "\"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00.000Z\", \"ends_at\": \"2026-03-10T12:00:00.000Z\", " \
  "\"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\""
#define MEETING(id, updated) \
  MEETING_HEAD (id, updated) ", \"host\": \"@UNODC@\", " \
  "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Work plan 2026\", \"presenter\": \"@UNODC@\"}], " \
  "\"attendance\": [{\"agency\": \"@IOM@\", \"present\": true, \"delegates\": [\"A. Delegate\"]}]}"
#define PAPER(id, updated) \
  "{" META (id, updated) ", \"kind\": \"issue-brief\", \"title\": {\"en\": \"Trafficking and climate change\"}, " \
  "\"year\": 2026, \"status\": \"drafting\", \"lead_agencies\": [\"@IOM@\"]}"
#define MANDATE(id, updated) \
  "{" META (id, updated) ", \"document\": \"A/RES/72/195\", \"paragraph\": \"23\", " \
  "\"text\": {\"en\": \"A test paragraph.\", \"zh\": \"测试段落。\"}, \"addressee\": \"icat\", \"pillar\": \"coordination\"}"
#define ACTION(id, updated) \
  "{" META (id, updated) ", \"title\": \"Draft the 2026 work plan\", \"owner\": \"@UNODC@\", " \
  "\"starts\": \"2026-03\", \"due\": \"2026-06-30\", \"status\": \"open\"}"

/* Fixture: a temporary directory with a fresh seeded store. */
typedef struct {
  char      *dir;
  IcatStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* Replaces every @ACRONYM@ with that seed agency's id. */
static char *
expand (IcatStore  *store,
        const char *text)
{
  g_autoptr(GString) result = g_string_new (NULL);
  const char *p = text;

  for (;;)
    {
      const char *start = strchr (p, '@');
      const char *end;
      g_autofree char *acronym = NULL;
      g_autofree char *id = NULL;

      if (start == NULL)
        break;
      end = strchr (start + 1, '@');
      g_assert_nonnull (end);
      g_string_append_len (result, p, start - p);
      acronym = g_strndup (start + 1, end - start - 1);
      id = icat_test_agency_id (store, acronym);
      g_string_append (result, id);
      p = end + 1;
    }
  g_string_append (result, p);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static gboolean
import_text (IcatStore          *store,
             const char         *text,
             IcatImportFlags     flags,
             IcatImportSummary  *summary,
             GError            **error)
{
  g_autofree char *expanded = expand (store, text);
  gsize length = strlen (expanded);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&expanded), length);

  return icat_store_import (store, bytes, DISPLAY_NAME, flags, summary, error);
}

static void
assert_import (IcatStore         *store,
               const char        *text,
               IcatImportFlags    flags,
               IcatImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (store, text, flags, summary, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* Imports bytes as they are (no expansion); the import must fail with
 * code, a message naming the file and containing expected, and leave the
 * database exactly as it was. Returns the message. */
static char *
assert_refused_bytes (IcatStore  *store,
                      GBytes     *bytes,
                      IcatImportFlags flags,
                      int         code,
                      const char *expected)
{
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  IcatImportSummary summary;

  g_assert_false (icat_store_import (store, bytes, DISPLAY_NAME, flags, &summary, &error));
  g_assert_error (error, ICAT_ERROR, code);
  assert_contains (error->message, expected);
  g_assert_true (g_str_has_prefix (error->message, DISPLAY_NAME ":"));
  g_assert_null (strchr (error->message, '\n'));
  after = icat_test_export (store);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static char *
assert_refused (IcatStore  *store,
                const char *text,
                const char *expected)
{
  g_autofree char *expanded = expand (store, text);
  gsize length = strlen (expanded);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&expanded), length);

  return assert_refused_bytes (store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, expected);
}

static JsonObject *
read_record (IcatStore  *store,
             const char *kind,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *record = icat_store_read (store, kind, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static gboolean
record_exists (IcatStore  *store,
               const char *kind,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = icat_store_read (store, kind, id, &error);

  if (record == NULL)
    g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  return record != NULL;
}

/* How many records of each list an export holds. */
static guint
count_in_export (const char *export,
                 const char *list)
{
  g_autoptr(JsonObject) root = icat_test_object (export);

  return json_array_get_length (json_object_get_array_member (root, list));
}

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

/* ------------------------------------------------------------------ */
/* Refusals of whole documents                                          */

static void
test_refuse_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autofree char *message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID,
                                                   "the file is empty");
  g_autofree char *blank = NULL;

  g_assert_cmpstr (message, ==, "bad.json: the file is empty");
  blank = assert_refused (fixture->store, "  \n\t\n", "not an ICAT Tracker document");
}

static void
test_refuse_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL;

  /* An unexpected character: line 4, column 16 (the “}”). */
  m1 = assert_refused (fixture->store,
                       "{\n  \"format\": \"icat-tracker\",\n  \"version\": 1,\n  \"agencies\": [}\n",
                       "bad.json:4:16: ");
  g_assert_true (g_str_has_prefix (m1, "bad.json:4:16: "));

  /* Truncated: the file ends on line 3. */
  m2 = assert_refused (fixture->store,
                       "{\n  \"format\": \"icat-tracker\",\n  \"version\": 1, \"agencies\": [",
                       "bad.json:3:");
  g_assert_true (g_str_has_prefix (m2, "bad.json:3:"));
  assert_contains (m2, "end of file");

  /* A valid export cut in half. */
  {
    g_autofree char *export = icat_test_export (fixture->store);
    g_autoptr(GBytes) bytes = g_bytes_new (export, strlen (export) / 2);

    m3 = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "bad.json:");
    g_assert_true (g_ascii_isdigit (m3[strlen ("bad.json:")]));
  }
}

static void
test_refuse_utf8 (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char text[] = "{\"format\": \"icat-tracker\", \"version\": 1,\n \"x\": \"中\xff" "b\"}";
  static const char nul[] = "{\"format\": \"icat-tracker\",\n\n \"version\": 1\0}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GBytes) nul_bytes = g_bytes_new_static (nul, sizeof nul - 1);
  g_autofree char *message = NULL;
  g_autofree char *nul_message = NULL;

  /* Columns count characters: 中 is one. */
  message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "UTF-8");
  g_assert_true (g_str_has_prefix (message, "bad.json:2:9: "));

  nul_message = assert_refused_bytes (fixture->store, nul_bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "UTF-8");
  g_assert_true (g_str_has_prefix (nul_message, "bad.json:3:14: "));
}

static void
test_refuse_not_an_object (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *documents[] = { "[]", "[{\"format\": \"icat-tracker\", \"version\": 1}]", "\"icat-tracker\"", "42", "null", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *message = assert_refused (fixture->store, documents[i], "it must be a JSON object");

      g_assert_cmpstr (message, ==, "bad.json: not an ICAT Tracker document (it must be a JSON object)");
    }
}

static void
test_refuse_format_and_version (Fixture       *fixture,
                                gconstpointer  data)
{
  const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "{\"format\": \"something-else\", \"version\": 1}", "bad.json: $.format: not an ICAT Tracker document" },
    { "{\"version\": 1, \"agencies\": []}", "bad.json: $.format: not an ICAT Tracker document" },
    { "{\"format\": null, \"version\": 1}", "bad.json: $.format:" },
    { "{\"format\": 5, \"version\": 1}", "bad.json: $.format:" },
    { "{\"format\": [\"icat-tracker\"], \"version\": 1}", "bad.json: $.format:" },
    { "{\"format\": \"ICAT-TRACKER\", \"version\": 1}", "bad.json: $.format:" },
    { "{\"format\": \"icat-tracker\", \"version\": 2}", "version 2 is not supported" },
    { "{\"format\": \"icat-tracker\", \"version\": 0}", "version 0 is not supported" },
    { "{\"format\": \"icat-tracker\", \"version\": \"1\"}", "bad.json: $.version: must be a whole number" },
    { "{\"format\": \"icat-tracker\", \"version\": 1.0}", "bad.json: $.version: must be a whole number" },
    { "{\"format\": \"icat-tracker\", \"version\": null}", "bad.json: $.version: must be a whole number" },
    { "{\"format\": \"icat-tracker\"}", "bad.json: $.version: must be a whole number" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"agencies\": {}}", "bad.json: $.agencies: must be a list" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": \"none\"}", "bad.json: $.meetings: must be a list" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"papers\": [5]}", "bad.json: $.papers[0]: must be an object" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"papers\": [null]}", "bad.json: $.papers[0]: must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = assert_refused (fixture->store, cases[i].text, cases[i].expected);

      if (strstr (cases[i].expected, "version 2") != NULL)
        assert_contains (message, "reads version 1");
    }

  /* Null and absent lists are empty lists; unknown top-level keys are ignored. */
  assert_import (fixture->store, "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": null, \"later\": [[1]]}",
                 ICAT_IMPORT_DEFAULT, NULL);
}

static void
test_refuse_deep_nesting (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *brackets = g_strnfill (300000, '[');
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) inside = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;

  bytes = g_bytes_new_static (brackets, 300000);
  g_timer_start (timer);
  message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "nested more than 16 levels");
  g_assert_true (g_str_has_prefix (message, "bad.json:1:17: "));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&message, g_free);

  for (guint i = 0; i < 100000; i++)
    g_string_append (objects, "{\"a\": ");
  g_string_append (objects, "1");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (objects, '}');
  bytes = g_bytes_new (objects->str, objects->len);
  message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "nested more than 16 levels");
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&message, g_free);

  /* Deep inside an otherwise proper document. */
  for (guint i = 0; i < 50000; i++)
    g_string_append (inside, "[{\"b\": ");
  bytes = g_bytes_new (inside->str, inside->len);
  message = assert_refused_bytes (fixture->store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, "levels");

  /* Under sanitizers too: the measurement is linear, not the parser's recursion. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
}

/* ------------------------------------------------------------------ */
/* Refusals of single fields: a valid record with one member changed     */

typedef struct {
  const char *path;      /* test path */
  const char *list;      /* "meetings" */
  const char *record;    /* a valid record of that list */
  const char *member;    /* the member to change */
  const char *value;     /* its new JSON value; NULL removes it */
  const char *expected;  /* part of the message */
} BadField;

#define UNKNOWN_AGENCY "\"" MISSING_ID "\""

static const BadField bad_fields[] = {
  /* Every record */
  { "id/not-uuid", "agencies", AGENCY (AGENCY_ID, STAMP), "id", "\"not-a-uuid\"", "bad.json: $.agencies[0].id: must be an id (a lower-case UUID)" },
  { "id/upper-case", "agencies", AGENCY (AGENCY_ID, STAMP), "id", "\"55555555-5555-4555-8555-55555555555A\"", "$.agencies[0].id: must be an id" },
  { "id/number", "agencies", AGENCY (AGENCY_ID, STAMP), "id", "5", "$.agencies[0].id: must be an id" },
  { "id/missing", "papers", PAPER (PAPER_ID, STAMP), "id", NULL, "$.papers[0].id: is required" },
  { "timestamp/space", "agencies", AGENCY (AGENCY_ID, STAMP), "updated_at", "\"2026-02-01 10:00:00\"", "$.agencies[0].updated_at: must be a UTC time" },
  { "timestamp/offset", "agencies", AGENCY (AGENCY_ID, STAMP), "created_at", "\"2026-02-01T10:00:00+01:00\"", "$.agencies[0].created_at: must be a UTC time" },
  { "timestamp/hour-25", "agencies", AGENCY (AGENCY_ID, STAMP), "created_at", "\"2026-02-01T25:00:00Z\"", "$.agencies[0].created_at: must be a UTC time" },
  { "timestamp/date-only", "meetings", MEETING (MEETING_ID, STAMP), "starts_at", "\"2026-03-10\"", "$.meetings[0].starts_at: must be a UTC time" },
  { "timestamp/february-30", "meetings", MEETING (MEETING_ID, STAMP), "starts_at", "\"2026-02-30T10:00:00.000Z\"", "$.meetings[0].starts_at: must be a UTC time" },
  { "timestamp/number", "meetings", MEETING (MEETING_ID, STAMP), "ends_at", "1767225600", "$.meetings[0].ends_at: must be a UTC time" },
  { "timestamp/year-999", "meetings", MEETING (MEETING_ID, STAMP), "starts_at", "\"0999-03-10T09:00:00.000Z\"", "bad.json: $.meetings[0].starts_at: must be in the years 1900 to 2199" },
  { "timestamp/year-9999", "meetings", MEETING (MEETING_ID, STAMP), "ends_at", "\"9999-12-31T23:59:59.999Z\"", "bad.json: $.meetings[0].ends_at: must be in the years 1900 to 2199" },
  { "timestamp/year-1899", "agencies", AGENCY (AGENCY_ID, STAMP), "created_at", "\"1899-12-31T23:59:59.999Z\"", "$.agencies[0].created_at: must be in the years 1900 to 2199" },
  { "timestamp/year-2200", "agencies", AGENCY (AGENCY_ID, STAMP), "updated_at", "\"2200-01-01T00:00:00Z\"", "$.agencies[0].updated_at: must be in the years 1900 to 2199" },
  { "date/year-999", "action_items", ACTION (ACTION_ID, STAMP), "starts", "\"0999\"", "bad.json: $.action_items[0].starts: must be in the years 1900 to 2199" },
  { "date/year-2200", "action_items", ACTION (ACTION_ID, STAMP), "due", "\"2200-01\"", "$.action_items[0].due: must be in the years 1900 to 2199" },
  { "date/year-9999", "papers", PAPER (PAPER_ID, STAMP), "published_on", "\"9999-12-31\"", "$.papers[0].published_on: must be in the years 1900 to 2199" },
  { "updated-by/missing", "agencies", AGENCY (AGENCY_ID, STAMP), "updated_by", NULL, "$.agencies[0].updated_by: is required" },
  { "updated-by/not-uuid", "agencies", AGENCY (AGENCY_ID, STAMP), "updated_by", "\"laptop\"", "$.agencies[0].updated_by: must be an id" },
  { "unknown-field", "meetings", MEETING (MEETING_ID, STAMP), "colour", "\"blue\"", "bad.json: $.meetings[0].colour: is not a field of this record" },
  { "unknown-field/typo", "action_items", ACTION (ACTION_ID, STAMP), "onwer", "\"@UNODC@\"", "$.action_items[0].onwer: is not a field of this record" },
  /* Agencies */
  { "agency/acronym-number", "agencies", AGENCY (AGENCY_ID, STAMP), "acronym", "5", "$.agencies[0].acronym: must be text" },
  { "agency/acronym-blank", "agencies", AGENCY (AGENCY_ID, STAMP), "acronym", "\"  \"", "$.agencies[0].acronym: must not be empty" },
  { "agency/name-string", "agencies", AGENCY (AGENCY_ID, STAMP), "name", "\"ASEAN\"", "$.agencies[0].name: must be texts by language" },
  { "agency/name-no-language", "agencies", AGENCY (AGENCY_ID, STAMP), "name", "{}", "$.agencies[0].name: needs a text in at least one language" },
  { "agency/name-empty-text", "agencies", AGENCY (AGENCY_ID, STAMP), "name", "{\"en\": \"\"}", "$.agencies[0].name: the “en” text must be a non-empty string" },
  { "agency/name-bad-code", "agencies", AGENCY (AGENCY_ID, STAMP), "name", "{\"e1\": \"x\"}", "$.agencies[0].name: “e1” is not a language code" },
  { "agency/kind", "agencies", AGENCY (AGENCY_ID, STAMP), "kind", "\"club\"", "$.agencies[0].kind: must be one of: un-entity, intergovernmental, regional" },
  { "agency/kind-missing", "agencies", AGENCY (AGENCY_ID, STAMP), "kind", NULL, "$.agencies[0].kind: is required" },
  { "agency/memberships-string", "agencies", AGENCY (AGENCY_ID, STAMP), "memberships", "\"partner\"", "$.agencies[0].memberships: must be a list" },
  { "agency/membership-role", "agencies", AGENCY (AGENCY_ID, STAMP), "memberships", "[{\"role\": \"boss\", \"from\": \"2026\"}]", "$.agencies[0].memberships[0].role: must be one of: member, inactive-member, working-group, partner, coordinator" },
  { "agency/membership-from-missing", "agencies", AGENCY (AGENCY_ID, STAMP), "memberships", "[{\"role\": \"partner\"}]", "$.agencies[0].memberships[0].from: is required" },
  { "agency/membership-bad-date", "agencies", AGENCY (AGENCY_ID, STAMP), "memberships", "[{\"role\": \"partner\", \"from\": \"2016-13-01\"}]", "$.agencies[0].memberships[0].from: must be a date like 2026, 2026-11 or 2026-11-23" },
  { "agency/membership-unknown-field", "agencies", AGENCY (AGENCY_ID, STAMP), "memberships", "[{\"role\": \"partner\", \"from\": \"2016\", \"until\": \"2017\"}]", "$.agencies[0].memberships[0].until: is not a field of this record" },
  { "agency/successor", "agencies", AGENCY (AGENCY_ID, STAMP), "successor", UNKNOWN_AGENCY, "bad.json: $.agencies[0].successor: no agency with this id" },
  { "agency/focal-point-name", "agencies", AGENCY (AGENCY_ID, STAMP), "focal_points", "[{\"email\": \"x\"}]", "$.agencies[0].focal_points[0].name: is required" },
  /* Chair terms */
  { "chair-term/year-string", "chair_terms", TERM (TERM_ID, STAMP), "year", "\"2030\"", "$.chair_terms[0].year: must be a whole number" },
  { "chair-term/year-fraction", "chair_terms", TERM (TERM_ID, STAMP), "year", "2030.5", "$.chair_terms[0].year: must be a whole number" },
  { "chair-term/year-range", "chair_terms", TERM (TERM_ID, STAMP), "year", "2005", "$.chair_terms[0].year: must be between 2006 and 2100" },
  { "chair-term/agencies-string", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "\"@UNODC@\"", "$.chair_terms[0].agencies: must be a list" },
  { "chair-term/agencies-none", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "[]", "$.chair_terms[0].agencies: must name between 1 and 2 records" },
  { "chair-term/agencies-missing", "chair_terms", TERM (TERM_ID, STAMP), "agencies", NULL, "$.chair_terms[0].agencies: is required" },
  { "chair-term/three-agencies", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "[\"@UNODC@\", \"@IOM@\", \"@UNHCR@\"]", "$.chair_terms[0].agencies: must name between 1 and 2 records" },
  { "chair-term/agency-twice", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "[\"@UNODC@\", \"@UNODC@\"]", "$.chair_terms[0].agencies[1]: is listed twice" },
  { "chair-term/agency-not-id", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "[\"UNODC\"]", "$.chair_terms[0].agencies[0]: must be an id" },
  { "chair-term/agency-unknown", "chair_terms", TERM (TERM_ID, STAMP), "agencies", "[\"@IOM@\", " UNKNOWN_AGENCY "]", "$.chair_terms[0].agencies[1]: no agency with this id" },
  /* Meetings */
  { "meeting/starts-at-missing", "meetings", MEETING (MEETING_ID, STAMP), "starts_at", NULL, "bad.json: $.meetings[0].starts_at: is required" },
  { "meeting/starts-at-null", "meetings", MEETING (MEETING_ID, STAMP), "starts_at", "null", "$.meetings[0].starts_at: is required" },
  { "meeting/ends-before-start", "meetings", MEETING (MEETING_ID, STAMP), "ends_at", "\"2026-03-10T08:59:59.999Z\"", "$.meetings[0].ends_at: the meeting ends before it starts" },
  { "meeting/title-number", "meetings", MEETING (MEETING_ID, STAMP), "title", "42", "$.meetings[0].title: must be texts by language" },
  { "meeting/title-missing", "meetings", MEETING (MEETING_ID, STAMP), "title", NULL, "$.meetings[0].title: is required" },
  { "meeting/kind", "meetings", MEETING (MEETING_ID, STAMP), "kind", "\"party\"", "$.meetings[0].kind: must be one of: working-group, principals, member-state-briefing, hq-briefing, other" },
  { "meeting/kind-case", "meetings", MEETING (MEETING_ID, STAMP), "kind", "\"Working-Group\"", "$.meetings[0].kind: must be one of" },
  { "meeting/date-precision", "meetings", MEETING (MEETING_ID, STAMP), "date_precision", "\"week\"", "$.meetings[0].date_precision: must be one of: minute, day, month, year" },
  { "meeting/timezone-unknown", "meetings", MEETING (MEETING_ID, STAMP), "timezone", "\"Mars/Olympus\"", "$.meetings[0].timezone: must be a time zone name" },
  { "meeting/timezone-typo", "meetings", MEETING (MEETING_ID, STAMP), "timezone", "\"Europe/Vienn\"", "$.meetings[0].timezone: must be a time zone name" },
  { "meeting/timezone-empty", "meetings", MEETING (MEETING_ID, STAMP), "timezone", "\"\"", "$.meetings[0].timezone: must be a time zone name" },
  { "meeting/timezone-missing", "meetings", MEETING (MEETING_ID, STAMP), "timezone", NULL, "$.meetings[0].timezone: is required" },
  { "meeting/host-unknown", "meetings", MEETING (MEETING_ID, STAMP), "host", UNKNOWN_AGENCY, "$.meetings[0].host: no agency with this id" },
  { "meeting/record-status", "meetings", MEETING (MEETING_ID, STAMP), "record_status", "\"final\"", "$.meetings[0].record_status: must be one of: draft, circulated, approved" },
  { "meeting/agenda-object", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "{}", "$.meetings[0].agenda: must be a list" },
  { "meeting/agenda-title-missing", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"id\": \"" AGENDA1_ID "\", \"position\": 0}]", "$.meetings[0].agenda[0].title: is required" },
  { "meeting/agenda-id-missing", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"position\": 0, \"title\": \"x\"}]", "$.meetings[0].agenda[0].id: is required" },
  { "meeting/agenda-position", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"id\": \"" AGENDA1_ID "\", \"position\": -1, \"title\": \"x\"}]", "$.meetings[0].agenda[0].position: must be between 0 and" },
  { "meeting/agenda-id-twice", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"x\"}, {\"id\": \"" AGENDA1_ID "\", \"position\": 1, \"title\": \"y\"}]", "$.meetings[0].agenda[1]: the id " AGENDA1_ID " is used twice" },
  { "meeting/agenda-presenter", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"x\", \"presenter\": " UNKNOWN_AGENCY "}]", "bad.json: $.meetings[0].agenda[0].presenter: no agency with this id" },
  { "meeting/agenda-mandate", "meetings", MEETING (MEETING_ID, STAMP), "agenda", "[{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"x\", \"mandates\": [" UNKNOWN_AGENCY "]}]", "$.meetings[0].agenda[0].mandates[0]: no mandate with this id" },
  { "meeting/decision-number", "meetings", MEETING (MEETING_ID, STAMP), "decisions", "[{\"id\": \"" DECISION_ID "\", \"number\": 0, \"text\": \"x\"}]", "$.meetings[0].decisions[0].number: must be between 1 and" },
  { "meeting/decision-text-empty", "meetings", MEETING (MEETING_ID, STAMP), "decisions", "[{\"id\": \"" DECISION_ID "\", \"number\": 1, \"text\": \"\"}]", "$.meetings[0].decisions[0].text: must not be empty" },
  { "meeting/multi-day-string", "meetings", MEETING (MEETING_ID, STAMP), "multi_day", "\"yes\"", "$.meetings[0].multi_day: must be true or false" },
  { "meeting/present-yes", "meetings", MEETING (MEETING_ID, STAMP), "attendance", "[{\"agency\": \"@UNODC@\", \"present\": \"yes\"}]", "$.meetings[0].attendance[0].present: must be true or false" },
  { "meeting/present-one", "meetings", MEETING (MEETING_ID, STAMP), "attendance", "[{\"agency\": \"@UNODC@\", \"present\": 1}]", "$.meetings[0].attendance[0].present: must be true or false" },
  { "meeting/delegates-string", "meetings", MEETING (MEETING_ID, STAMP), "attendance", "[{\"agency\": \"@UNODC@\", \"present\": true, \"delegates\": \"A. Person\"}]", "$.meetings[0].attendance[0].delegates: must be a list of names" },
  { "meeting/delegates-number", "meetings", MEETING (MEETING_ID, STAMP), "attendance", "[{\"agency\": \"@UNODC@\", \"present\": true, \"delegates\": [\"A\", 2]}]", "$.meetings[0].attendance[0].delegates[1]: must be text" },
  { "meeting/attendance-agency", "meetings", MEETING (MEETING_ID, STAMP), "attendance", "[{\"agency\": " UNKNOWN_AGENCY ", \"present\": true}]", "$.meetings[0].attendance[0].agency: no agency with this id" },
  { "meeting/invitee-kind", "meetings", MEETING (MEETING_ID, STAMP), "invited", "[{\"name\": \"Sweden\", \"kind\": \"country\"}]", "$.meetings[0].invited[0].kind: must be one of: state, organization" },
  { "meeting/attachment-uri", "meetings", MEETING (MEETING_ID, STAMP), "attachments", "[{\"title\": \"Minutes\"}]", "$.meetings[0].attachments[0].uri: is required" },
  /* Papers */
  { "paper/year-string", "papers", PAPER (PAPER_ID, STAMP), "year", "\"2016\"", "bad.json: $.papers[0].year: must be a whole number" },
  { "paper/status-missing", "papers", PAPER (PAPER_ID, STAMP), "status", NULL, "$.papers[0].status: is required" },
  { "paper/kind", "papers", PAPER (PAPER_ID, STAMP), "kind", "\"book\"", "$.papers[0].kind: must be one of: policy-paper, issue-brief, joint-statement, report, other" },
  { "paper/lead-not-list", "papers", PAPER (PAPER_ID, STAMP), "lead_agencies", "\"@IOM@\"", "$.papers[0].lead_agencies: must be a list" },
  { "paper/mandate-unknown", "papers", PAPER (PAPER_ID, STAMP), "mandates", "[" UNKNOWN_AGENCY "]", "$.papers[0].mandates[0]: no mandate with this id" },
  { "paper/published-on", "papers", PAPER (PAPER_ID, STAMP), "published_on", "\"16 May 2016\"", "$.papers[0].published_on: must be a date" },
  /* Mandates */
  { "mandate/document", "mandates", MANDATE (MANDATE_ID, STAMP), "document", "\"A/RES/72/196\"", "$.mandates[0].document: must be one of: A/RES/72/195, A/RES/64/293, E/RES/2015/23, CTOC/COP resolution 5/2" },
  { "mandate/pillar", "mandates", MANDATE (MANDATE_ID, STAMP), "pillar", "\"nonsense\"", "$.mandates[0].pillar: must be one of: general, prevention, protection, prosecution, partnership, coordination, reporting" },
  { "mandate/addressee-missing", "mandates", MANDATE (MANDATE_ID, STAMP), "addressee", NULL, "$.mandates[0].addressee: is required" },
  { "mandate/paragraph-empty", "mandates", MANDATE (MANDATE_ID, STAMP), "paragraph", "\"\"", "$.mandates[0].paragraph: must not be empty" },
  { "mandate/text-string", "mandates", MANDATE (MANDATE_ID, STAMP), "text", "\"paragraph\"", "$.mandates[0].text: must be texts by language" },
  /* Action items */
  { "action-item/owner-unknown", "action_items", ACTION (ACTION_ID, STAMP), "owner", UNKNOWN_AGENCY, "bad.json: $.action_items[0].owner: no agency with this id" },
  { "action-item/owner-missing", "action_items", ACTION (ACTION_ID, STAMP), "owner", NULL, "$.action_items[0].owner: is required" },
  { "action-item/owner-list", "action_items", ACTION (ACTION_ID, STAMP), "owner", "[\"@UNODC@\"]", "$.action_items[0].owner: must be an id" },
  { "action-item/title-empty", "action_items", ACTION (ACTION_ID, STAMP), "title", "\"\"", "$.action_items[0].title: must not be empty" },
  { "action-item/title-blank", "action_items", ACTION (ACTION_ID, STAMP), "title", "\" \\t\\n\"", "$.action_items[0].title: must not be empty" },
  { "action-item/title-number", "action_items", ACTION (ACTION_ID, STAMP), "title", "5", "$.action_items[0].title: must be text" },
  { "action-item/status", "action_items", ACTION (ACTION_ID, STAMP), "status", "\"finished\"", "$.action_items[0].status: must be one of: open, in-progress, done, blocked, cancelled" },
  { "action-item/priority", "action_items", ACTION (ACTION_ID, STAMP), "priority", "\"urgent\"", "$.action_items[0].priority: must be one of: low, normal, high" },
  { "action-item/due-month-13", "action_items", ACTION (ACTION_ID, STAMP), "due", "\"2016-13-01\"", "$.action_items[0].due: must be a date like 2026, 2026-11 or 2026-11-23" },
  { "action-item/due-february-30", "action_items", ACTION (ACTION_ID, STAMP), "due", "\"2026-02-30\"", "$.action_items[0].due: must be a date" },
  { "action-item/due-timestamp", "action_items", ACTION (ACTION_ID, STAMP), "due", "\"2026-06-30T00:00:00Z\"", "$.action_items[0].due: must be a date" },
  { "action-item/due-before-start", "action_items", ACTION (ACTION_ID, STAMP), "due", "\"2026-02-28\"", "$.action_items[0].due: is before the start date" },
  { "action-item/meeting-unknown", "action_items", ACTION (ACTION_ID, STAMP), "meeting", "\"" MEETING_ID "\"", "$.action_items[0].meeting: no meeting with this id" },
  { "action-item/agenda-item-alone", "action_items", ACTION (ACTION_ID, STAMP), "agenda_item", "\"" AGENDA1_ID "\"", "$.action_items[0].agenda_item: names an item but not the record it belongs to (meeting)" },
  { "action-item/mandate-twice", "action_items", ACTION (ACTION_ID, STAMP), "mandates", "[\"" MANDATE_ID "\", \"" MANDATE_ID "\"]", "$.action_items[0].mandates[1]: is listed twice" },
  { "action-item/history-at", "action_items", ACTION (ACTION_ID, STAMP), "history", "[{\"status\": \"done\"}]", "$.action_items[0].history[0].at: is required" },
  { "action-item/history-status", "action_items", ACTION (ACTION_ID, STAMP), "history", "[{\"status\": \"closed\", \"at\": \"" STAMP "\"}]", "$.action_items[0].history[0].status: must be one of" },
};

static void
test_refuse_field (Fixture       *fixture,
                   gconstpointer  data)
{
  const BadField *bad = data;
  g_autofree char *record_text = expand (fixture->store, bad->record);
  g_autoptr(JsonObject) record = icat_test_object (record_text);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(JsonNode) root_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;

  /* The unchanged record is accepted (checked without writing it). */
  json_object_set_string_member (root, "format", "icat-tracker");
  json_object_set_int_member (root, "version", 1);
  json_array_add_object_element (list, json_object_ref (record));
  json_object_set_array_member (root, bad->list, g_steal_pointer (&list));
  json_node_set_object (root_node, root);
  json_generator_set_root (generator, root_node);
  valid = json_generator_to_data (generator, NULL);
  assert_import (fixture->store, valid, ICAT_IMPORT_DRY_RUN, NULL);

  if (bad->value == NULL)
    json_object_remove_member (record, bad->member);
  else
    {
      g_autofree char *value_text = expand (fixture->store, bad->value);
      g_autoptr(GError) error = NULL;
      JsonNode *value = json_from_string (value_text, &error);

      g_assert_no_error (error);
      json_object_set_member (record, bad->member, value);
    }
  text = json_generator_to_data (generator, NULL);
  message = assert_refused (fixture->store, text, bad->expected);
  g_test_message ("%s", message);
}

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
  ADD ("refuse/empty", test_refuse_empty);
  ADD ("refuse/syntax", test_refuse_syntax);
  ADD ("refuse/utf8", test_refuse_utf8);
  ADD ("refuse/not-an-object", test_refuse_not_an_object);
  ADD ("refuse/format-and-version", test_refuse_format_and_version);
  ADD ("refuse/deep-nesting", test_refuse_deep_nesting);
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

  for (guint i = 0; i < G_N_ELEMENTS (bad_fields); i++)
    {
      g_autofree char *path = g_strconcat ("/exchange/refuse/field/", bad_fields[i].path, NULL);

      g_test_add (path, Fixture, &bad_fields[i], fixture_set_up, test_refuse_field, fixture_tear_down);
    }

  return g_test_run ();
}
