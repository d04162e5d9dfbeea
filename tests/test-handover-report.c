/* test-handover-report.c — icat-tracker-cli report handover: the chair's handover pack as PDF and .odt
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records imported through the CLI (so through IcatStore) around the
 * handover of 2025 to 2026; the PDF is read back with pdftotext, the .odt
 * with LibreOffice headless (in the normal build only). Each statement is
 * checked where it belongs, and the records outside it are checked absent.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <string.h>

#include "icat-test-cli.h"
#include "icat-test-util.h"

#define PARA_10_ID "93492e55-1624-5898-987b-6a86af846efb"   /* A/RES/72/195 para 10, to the coordinator */
#define UNODC_ID   "95b8e2c6-dfec-5883-89e7-3f294c639fb6"
#define IOM_ID     "cf549496-627d-57fa-9e4f-dbb2d342159d"
#define OHCHR_ID   "a7cf89f4-5a9e-5898-903f-c11fec5bdfbb"
#define OSCE_ID    "279568e8-aa93-5a0a-98a7-6ce7a3bd9e10"

#define STAMP(id) "\"id\": \"" id "\", \"created_at\": \"2025-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2025-11-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", "

static const char records[] =
  "{\"format\": \"icat-tracker\", \"version\": 1, "
  "\"chair_terms\": [{" STAMP ("44444444-4444-4444-8444-444444444441") "\"year\": 2026, "
  "  \"agencies\": [\"" IOM_ID "\", \"" OSCE_ID "\"]}], "
  "\"meetings\": [{" STAMP ("11111111-1111-4111-8111-111111111111")
  "  \"kind\": \"working-group\", \"title\": {\"en\": \"Spring Working Group\"}, "
  "  \"starts_at\": \"2025-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\", "
  "  \"venue\": \"Geneva\", \"decisions\": [{\"id\": \"22222222-2222-4222-8222-222222222221\", \"number\": 1, "
  "  \"text\": \"Draft the indicators paper\"}]}, "
  " {" STAMP ("11111111-1111-4111-8111-111111111112")
  "  \"kind\": \"principals\", \"title\": {\"en\": \"Old principals meeting\"}, "
  "  \"starts_at\": \"2024-05-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"UTC\", "
  "  \"decisions\": [{\"id\": \"22222222-2222-4222-8222-222222222222\", \"number\": 1, "
  "  \"text\": \"Decision already carried out\"}]}, "
  " {" STAMP ("11111111-1111-4111-8111-111111111113")
  "  \"kind\": \"principals\", \"title\": {\"en\": \"Vienna principals meeting\"}, "
  "  \"starts_at\": \"2026-04-14T08:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\", "
  "  \"venue\": \"Vienna\"}], "
  "\"papers\": [{" STAMP ("77777777-7777-4777-8777-777777777771")
  "  \"kind\": \"issue-brief\", \"title\": {\"en\": \"Brief on indicators\"}, \"status\": \"agency-review\", "
  "  \"lead_agencies\": [\"" UNODC_ID "\"], \"contributing_agencies\": [\"" IOM_ID "\", \"" OHCHR_ID "\"], "
  "  \"clearances\": [{\"agency\": \"" UNODC_ID "\", \"state\": \"cleared\"}, "
  "  {\"agency\": \"" IOM_ID "\", \"state\": \"objected\"}]}, "
  " {" STAMP ("77777777-7777-4777-8777-777777777772")
  "  \"kind\": \"policy-paper\", \"title\": {\"en\": \"Published paper\"}, \"status\": \"published\", "
  "  \"published_on\": \"2025-09-01\"}], "
  "\"action_items\": [{" STAMP ("33333333-3333-4333-8333-333333333331")
  "  \"title\": \"Collect the indicators\", \"owner\": \"" UNODC_ID "\", \"due\": \"2025-06-01\", "
  "  \"status\": \"in-progress\", \"meeting\": \"11111111-1111-4111-8111-111111111111\", "
  "  \"mandates\": [\"" PARA_10_ID "\"]}, "
  " {" STAMP ("33333333-3333-4333-8333-333333333332")
  "  \"title\": \"Brief the Member States\", \"owner\": \"" IOM_ID "\", \"due\": \"2026-05\", \"status\": \"open\"}, "
  " {" STAMP ("33333333-3333-4333-8333-333333333333")
  "  \"title\": \"Review the terms of reference\", \"owner\": \"" IOM_ID "\", \"due\": \"2028-01-15\", "
  "  \"status\": \"open\"}, "
  " {" STAMP ("33333333-3333-4333-8333-333333333334")
  "  \"title\": \"Finished task\", \"owner\": \"" IOM_ID "\", \"due\": \"2025-02-01\", \"status\": \"done\", "
  "  \"meeting\": \"11111111-1111-4111-8111-111111111112\"}]}";

static void
import_records (Fixture *fixture)
{
  g_autofree char *file = g_build_filename (fixture->dir, "records.json", NULL);
  g_autofree char *err = NULL;

  write_file (file, records, -1);
  g_assert_cmpint (cli (NULL, &err, "--database", fixture->db, "import", file, NULL), ==, 0);
}

/* Text without white space, so line breaks and columns do not matter. */
static char *
squeezed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_auto(IcatTestRun) run = icat_test_run_program (NULL, argv);
  g_autofree char *text = NULL;

  g_assert_cmpint (run.status, ==, 0);
  text = icat_test_bytes_text (run.out);
  return squeezed (text);
}

/* Each of parts, in this order. */
static void
assert_says_in_order (const char         *text,
                      const char * const *parts)
{
  const char *from = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = squeezed (parts[i]);
      const char *found = strstr (from, part);

      if (found == NULL)
        g_error ("“%s” is not where expected in: %s", parts[i], text);
      from = found + strlen (part);
    }
}

static void
assert_absent (const char *text,
               const char *part)
{
  g_autofree char *squeezed_part = squeezed (part);

  if (strstr (text, squeezed_part) != NULL)
    g_error ("“%s” should not be in: %s", part, text);
}

static const char * const handover_in_order[] = {
  "Chair’s handover pack 2025–2026",
  "Draft generated by ICAT Tracker",
  "The chairs of 2025 hand over to those of 2026 on 1 January 2026",
  "Open action items", "3", "Overdue at the handover", "1", "Papers in progress", "3", "Meetings planned", "1",
  "Outgoing, chairs of 2025", "UNODC — United Nations Office on Drugs and Crime",
  "Incoming, chairs of 2026", "IOM — International Organization for Migration", "OSCE",
  "Open action items by owner", "IOM", "2", "1", "1", "0", "UNODC", "1", "0", "0", "1",
  "Overdue on 1 January 2026", "Collect the indicators", "UNODC", "Spring Working Group, 10 March 2025", "1 June 2025",
  "Brief the Member States", "IOM", "—", "May 2026",
  "Papers in progress", "Brief on indicators", "Agency review", "UNODC", "1 of 3 cleared · 1 objected",
  "Objected: IOM.", "Not answered: OHCHR.",
  "Decisions still to implement", "Spring Working Group, 10 March 2025", "1. Draft the indicators paper", "1",
  "Meetings planned", "14 April 2026", "Vienna principals meeting", "Vienna",
  "Mandate paragraphs with no work in 2025", "A/RES/72/195, para. 9", "A/RES/72/195, para. 11",
  "Chair rotation: the next proposals", "two co-chairs a year", "Turn order", "2027", "2028", "2029",
  NULL
};

static void
assert_outside_absent (const char *text)
{
  const char *gaps = strstr (text, "Mandateparagraphswithnoworkin2025");

  /* Done work, the earlier meeting's carried-out decision, the published
   * paper and the undated-or-later item are not listed. */
  assert_absent (text, "Finished task");
  assert_absent (text, "Decision already carried out");
  assert_absent (text, "Published paper");
  assert_absent (text, "Review the terms of reference");
  /* Paragraph 10 has work in 2025, so it is no gap. */
  g_assert_nonnull (gaps);
  g_assert_null (strstr (gaps, "A/RES/72/195,para.10"));
}

static void
test_handover_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "handover.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL, *second = NULL;
  gsize first_length = 0, second_length = 0;

  import_records (fixture);
  /* The PDF's metadata carries the clock's time unless the build's date is given. */
  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);
  g_assert_cmpint (cli (NULL, &err, "--database", fixture->db, "report", "handover", "--year", "2025", "-o", pdf,
                        NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = pdf_text (pdf);
  assert_says_in_order (text, handover_in_order);
  assert_outside_absent (text);
  /* The coming year's heading (pdftotext may read it after its table). */
  g_assert_nonnull (strstr (strstr (text, "Overdueon1January2026"), "Duein2026"));

  /* The same records give the same bytes. */
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2025", "-o", again,
                        NULL), ==, 0);
  first = read_file (pdf, &first_length);
  second = read_file (again, &second_length);
  g_assert_cmpmem (first, first_length, second, second_length);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* A year earlier: the 2025 chairs are the incoming ones, and the 2025
 * meeting's work is not the year's. */
static void
test_handover_other_year (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "handover.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const in_order[] = {
    "Chair’s handover pack 2024–2025", "Incoming, chairs of 2025", "UNODC",
    "Due in 2025", "Collect the indicators",
    "Mandate paragraphs with no work in 2024", "A/RES/72/195, para. 10",
    NULL
  };

  import_records (fixture);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2024", "-o", pdf,
                        NULL), ==, 0);
  text = pdf_text (pdf);
  assert_says_in_order (text, in_order);
  /* Nothing was overdue on 1 January 2025, and the 2025 meeting's decisions
   * were not yet taken at that handover. */
  assert_absent (text, "Overdue on 1 January 2025");
  assert_absent (text, "Draft the indicators paper");
}

static void
test_handover_odt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (fixture->dir, "handover.odt", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again", NULL);
  g_autofree char *first = NULL, *second = NULL;
  gsize first_length = 0, second_length = 0;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  import_records (fixture);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2025", "-o", odt,
                        NULL), ==, 0);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2025",
                        "--format", "odt", "-o", again, NULL), ==, 0);
  first = read_file (odt, &first_length);
  second = read_file (again, &second_length);
  g_assert_cmpuint (first_length, >, 38);
  g_assert_cmpmem (first + 30, 8, "mimetype", 8);
  g_assert_cmpmem (first, first_length, second, second_length);

  if (g_getenv ("ICAT_TEST_LIBREOFFICE") == NULL)
    {
      g_test_skip ("LibreOffice reads the documents in the normal build only");
      return;
    }
  raw = icat_test_libreoffice_text (fixture->dir, odt);
  text = squeezed (raw);
  assert_says_in_order (text, handover_in_order);
  assert_outside_absent (text);
}

static void
test_handover_chinese (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "handover.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const in_order[] = { "摘要", "Collect the indicators", "Brief on indicators", "A/RES/72/195", NULL };

  import_records (fixture);
  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2025", "-o", pdf,
                        NULL), ==, 0);
  text = pdf_text (pdf);
  assert_says_in_order (text, in_order);
  assert_absent (text, "Summary");
}

/* Long lists are cut and counted: 45 overdue items (40 listed) arising
 * from 22 meetings with decisions (20 listed). */
static void
test_handover_long_lists (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "many.json", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "handover.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [");
  const char *stamp = "\"created_at\": \"2025-02-01T09:00:00.000Z\", \"updated_at\": \"2025-11-01T10:00:00.000Z\", "
                      "\"updated_by\": \"99999999-9999-4999-8999-999999999999\"";

  for (guint m = 0; m < 22; m++)
    g_string_append_printf (json, "%s{\"id\": \"11111111-1111-4111-8111-1111111110%02u\", %s, \"kind\": \"working-group\", "
                            "\"title\": {\"en\": \"Meeting %u\"}, \"starts_at\": \"2025-01-%02uT09:00:00Z\", "
                            "\"date_precision\": \"day\", \"timezone\": \"UTC\", \"decisions\": [{\"id\": "
                            "\"22222222-2222-4222-8222-2222222220%02u\", \"number\": 1, \"text\": \"Decision %u.\"}]}",
                            m > 0 ? ", " : "", m, stamp, m, m + 1, m, m);
  g_string_append (json, "], \"action_items\": [");
  for (guint i = 0; i < 45; i++)
    g_string_append_printf (json, "%s{\"id\": \"33333333-3333-4333-8333-3333333330%02u\", %s, \"title\": \"Item %02u\", "
                            "\"owner\": \"" UNODC_ID "\", \"due\": \"2025-03-%02u\", \"status\": \"open\", "
                            "\"meeting\": \"11111111-1111-4111-8111-1111111110%02u\"}",
                            i > 0 ? ", " : "", i, stamp, i, i % 28 + 1, i % 22);
  g_string_append (json, "]}");
  write_file (file, json->str, -1);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "import", file, NULL), ==, 0);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2025", "-o", pdf,
                        NULL), ==, 0);
  text = pdf_text (pdf);
  assert_says_in_order (text, (const char * const[]) {
    "UNODC", "45", "0", "0", "45",
    "5 more counted, not listed.",
    "Meeting 21", "1. Decision 21.", "2 earlier meetings with open action items counted, not listed.",
    NULL });
  /* The two earliest meetings are the ones counted, not listed. */
  assert_absent (text, "Decision 0.");
  assert_absent (text, "Decision 1.");
  g_assert_nonnull (strstr (text, "Decision2."));
}

/* A database with only the built-in records: a valid pack that says there is nothing
 * but the built-in reports the sources do not say came out. */
static void
test_handover_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "handover.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const in_order[] = {
    "Chair’s handover pack 2030–2031", "Not yet chosen", "No action item is open.",
    "Papers in progress", "Global Report on Trafficking in Persons 2018", "Proposed", "Not asked yet",
    "No decision waits on an open action item.",
    "No meeting is planned after the handover.", "Chair rotation: the next proposals", "2031",
    NULL
  };

  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "handover", "--year", "2030", "-o", pdf,
                        NULL), ==, 0);
  text = pdf_text (pdf);
  assert_says_in_order (text, in_order);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add ("/cli/report/handover-pdf", Fixture, NULL, fixture_set_up, test_handover_pdf, fixture_tear_down);
  g_test_add ("/cli/report/handover-other-year", Fixture, NULL, fixture_set_up, test_handover_other_year,
              fixture_tear_down);
  g_test_add ("/cli/report/handover-odt", Fixture, NULL, fixture_set_up, test_handover_odt, fixture_tear_down);
  g_test_add ("/cli/report/handover-chinese", Fixture, NULL, fixture_set_up, test_handover_chinese,
              fixture_tear_down);
  g_test_add ("/cli/report/handover-long-lists", Fixture, NULL, fixture_set_up, test_handover_long_lists,
              fixture_tear_down);
  g_test_add ("/cli/report/handover-empty", Fixture, NULL, fixture_set_up, test_handover_empty, fixture_tear_down);

  return g_test_run ();
}
