/* test-exchange-refuse.c — the JSON exchange format: refusals of whole documents and of single fields
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
  { "paper/clearance-twice", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"agency\": \"@IOM@\", \"state\": \"cleared\"}, {\"agency\": \"@UNODC@\", \"state\": \"requested\"}, {\"agency\": \"@IOM@\", \"state\": \"objected\", \"note\": \"x\"}]", "bad.json: $.papers[0].clearances[2].agency: this agency's clearance is already listed" },
  { "paper/clearance-state", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"agency\": \"@IOM@\", \"state\": \"approved\"}]", "$.papers[0].clearances[0].state: must be one of: requested, cleared, cleared-with-comments, objected" },
  { "paper/clearance-state-missing", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"agency\": \"@IOM@\"}]", "$.papers[0].clearances[0].state: is required" },
  { "paper/clearance-agency-missing", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"state\": \"cleared\"}]", "$.papers[0].clearances[0].agency: is required" },
  { "paper/clearance-agency-unknown", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"agency\": " UNKNOWN_AGENCY ", \"state\": \"cleared\"}]", "$.papers[0].clearances[0].agency: no agency with this id" },
  { "paper/clearance-on", "papers", PAPER (PAPER_ID, STAMP), "clearances", "[{\"agency\": \"@IOM@\", \"state\": \"cleared\", \"on\": \"yesterday\"}]", "$.papers[0].clearances[0].on: must be a date" },
  { "paper/clearances-not-list", "papers", PAPER (PAPER_ID, STAMP), "clearances", "{\"agency\": \"@IOM@\"}", "$.papers[0].clearances: must be a list" },
  { "paper/endorsement-reason-number", "papers", PAPER (PAPER_ID, STAMP), "endorsement_reason", "5", "$.papers[0].endorsement_reason: must be text" },
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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/exchange/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("refuse/empty", test_refuse_empty);
  ADD ("refuse/syntax", test_refuse_syntax);
  ADD ("refuse/utf8", test_refuse_utf8);
  ADD ("refuse/not-an-object", test_refuse_not_an_object);
  ADD ("refuse/format-and-version", test_refuse_format_and_version);
  ADD ("refuse/deep-nesting", test_refuse_deep_nesting);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_fields); i++)
    {
      g_autofree char *path = g_strconcat ("/exchange/refuse/field/", bad_fields[i].path, NULL);

      g_test_add (path, Fixture, &bad_fields[i], fixture_set_up, test_refuse_field, fixture_tear_down);
    }

  return g_test_run ();
}
