/* test-sg-report.c — icat-tracker-cli report sg: ICAT's contribution to the Secretary-General's report
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records imported through the CLI (and so through IcatStore), the report
 * on 2016–2017 read back: the PDF with pdftotext, the .odt with
 * LibreOffice headless (in the normal build, where ICAT_TEST_LIBREOFFICE
 * is set). What falls in the period is there with its reference; what
 * falls outside it is not.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <string.h>

#include "icat-test-cli.h"
#include "icat-test-util.h"

#define PARA_10_ID "93492e55-1624-5898-987b-6a86af846efb"   /* A/RES/72/195 para 10, to the coordinator */
#define UNODC_ID   "95b8e2c6-dfec-5883-89e7-3f294c639fb6"
#define IOM_ID     "cf549496-627d-57fa-9e4f-dbb2d342159d"
#define STAMPS \
  "\"created_at\": \"2027-02-01T09:00:00.000Z\", \"updated_at\": \"2027-03-01T10:00:00.000Z\", " \
  "\"updated_by\": \"99999999-9999-4999-8999-999999999999\", "

#define PRINCIPALS_ID "11111111-1111-4111-8111-000000000001"
#define PRINCIPALS    "Principals meeting on the joint work"
#define DECISION      "The principals adopt the joint work plan"
#define WG_ID         "11111111-1111-4111-8111-000000000002"
#define WG_MEETING    "Working Group meeting on the issue briefs"
#define LATER_MEETING "Working Group meeting after the period"
#define PLANNED_MEETING "Principals meeting still to come"
#define PAPER_ID      "22222222-2222-4222-8222-000000000001"
#define PAPER         "Issue brief on remedies in the period"
#define LATER_PAPER   "Issue brief after the period"
#define DONE_ID       "33333333-3333-4333-8333-000000000001"
#define DONE_ITEM     "Prepare the principals meeting"
#define OPEN_ITEM     "Draft the joint analysis"
#define LATER_ITEM    "Finish after the period"
#define MARKED_ITEM   "Marked done before its due date"

static const char records[] =
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": ["
  "{\"id\": \"" PRINCIPALS_ID "\", " STAMPS "\"kind\": \"principals\", \"title\": {\"en\": \"" PRINCIPALS "\"}, "
  "\"starts_at\": \"2016-07-26T08:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"America/New_York\", "
  "\"venue\": \"New York\", \"agenda\": [{\"id\": \"11111111-1111-4111-8111-100000000001\", \"position\": 0, "
  "\"title\": \"Joint work\", \"mandates\": [\"" PARA_10_ID "\"]}], "
  "\"decisions\": [{\"id\": \"11111111-1111-4111-8111-200000000001\", \"number\": 1, \"text\": \"" DECISION "\"}]}, "
  "{\"id\": \"" WG_ID "\", " STAMPS "\"kind\": \"working-group\", \"title\": {\"en\": \"" WG_MEETING "\"}, "
  "\"starts_at\": \"2017-03-10T09:00:00Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", "
  "\"venue\": \"Vienna\"}, "
  "{\"id\": \"11111111-1111-4111-8111-000000000003\", " STAMPS "\"kind\": \"working-group\", "
  "\"title\": {\"en\": \"" LATER_MEETING "\"}, \"starts_at\": \"2018-01-10T09:00:00Z\", \"date_precision\": \"day\", "
  "\"timezone\": \"Europe/Vienna\", \"agenda\": [{\"id\": \"11111111-1111-4111-8111-100000000003\", \"position\": 0, "
  "\"title\": \"Later work\", \"mandates\": [\"" PARA_10_ID "\"]}]}, "
  "{\"id\": \"11111111-1111-4111-8111-000000000004\", " STAMPS "\"kind\": \"principals\", "
  "\"title\": {\"en\": \"" PLANNED_MEETING "\"}, \"starts_at\": \"2090-06-10T09:00:00Z\", \"date_precision\": \"day\", "
  "\"timezone\": \"Europe/Vienna\"}], "
  "\"papers\": ["
  "{\"id\": \"" PAPER_ID "\", " STAMPS "\"kind\": \"issue-brief\", \"number\": \"09\", "
  "\"title\": {\"en\": \"" PAPER "\"}, \"year\": 2017, \"published_on\": \"2017-05-15\", \"status\": \"published\", "
  "\"lead_agencies\": [\"" UNODC_ID "\"], \"mandates\": [\"" PARA_10_ID "\"]}, "
  "{\"id\": \"22222222-2222-4222-8222-000000000002\", " STAMPS "\"kind\": \"issue-brief\", "
  "\"title\": {\"en\": \"" LATER_PAPER "\"}, \"year\": 2019, \"published_on\": \"2019-02-01\", \"status\": \"published\", "
  "\"mandates\": [\"" PARA_10_ID "\"]}], "
  "\"action_items\": ["
  "{\"id\": \"" DONE_ID "\", " STAMPS "\"title\": \"" DONE_ITEM "\", \"owner\": \"" UNODC_ID "\", "
  "\"due\": \"2016-11-30\", \"status\": \"done\", \"mandates\": [\"" PARA_10_ID "\"]}, "
  "{\"id\": \"33333333-3333-4333-8333-000000000002\", " STAMPS "\"title\": \"" OPEN_ITEM "\", "
  "\"owner\": \"" UNODC_ID "\", \"starts\": \"2017-02-01\", \"due\": \"2018-06-01\", \"status\": \"in-progress\", "
  "\"mandates\": [\"" PARA_10_ID "\"]}, "
  "{\"id\": \"33333333-3333-4333-8333-000000000003\", " STAMPS "\"title\": \"" LATER_ITEM "\", "
  "\"owner\": \"" UNODC_ID "\", \"starts\": \"2018-02-01\", \"due\": \"2019-03-01\", \"status\": \"open\", "
  "\"mandates\": [\"" PARA_10_ID "\"]}, "
  /* Done in March 2016 by its history, though due in 2019. */
  "{\"id\": \"33333333-3333-4333-8333-000000000004\", " STAMPS "\"title\": \"" MARKED_ITEM "\", "
  "\"owner\": \"" UNODC_ID "\", \"due\": \"2019-03-01\", \"status\": \"done\", "
  "\"history\": [{\"status\": \"open\", \"at\": \"2016-01-05T09:00:00.000Z\"}, "
  "{\"status\": \"done\", \"at\": \"2016-03-02T09:00:00.000Z\"}], \"mandates\": [\"" PARA_10_ID "\"]}]}";

/* The records' numbers follow their first mention: the chair term of 2016
 * and the members come before them, so the numbers are looked up in the
 * annex rather than assumed. */
static const char * const in_order[] = {
  /* The title breaks at its hyphen, which pdftotext then leaves out; the
   * footer of each page has it whole. */
  "ICAT’s contribution to the report of the Secretary",
  "Draft generated by ICAT Tracker from its records as they stood on 1 March 2027",
  "It covers 2016–2017",
  "Summary", "Period", "2016–2017", "Principals-level meetings", "1", "Working Group meetings", "1",
  "Briefings for Member States", "2", "Papers published", "8",
  "Composition and chairs", "UNODC — United Nations Office on Drugs and Crime",
  "Chairs of ICAT", "2016: UNODC [", "2017: no chair recorded",
  "Meetings held", "Principals-level meetings", "26 July 2016 — " PRINCIPALS ", New York [",
  "Decision 1: " DECISION,
  "Working Group meetings", "10 March 2017 — " WG_MEETING ", Vienna [",
  "Briefings for Member States (resolution 72/195, para. 9)", "March 2017 — Consultative briefing for Member States",
  "Papers published", "09 " PAPER, "Issue brief", "15 May 2017", "UNODC",
  "Resolution 72/195: the paragraphs addressed to ICAT",
  "A/RES/72/195, para. 8",
  "A/RES/72/195, para. 10", "Meetings", "1", "Papers published", "1", "Action items completed", "2",
  "Action items open", "1", "Done in the period", PRINCIPALS, PAPER ", published 15 May 2017 [",
  MARKED_ITEM " — UNODC, done 2 March 2016 [", DONE_ITEM " — UNODC, done 30 November 2016 [", "Open", OPEN_ITEM " — UNODC, due 1 June 2018 [",
  "A/RES/72/195, para. 11", "Nothing is recorded on this paragraph for the period.",
  "Annex: the records referred to",
  NULL
};

/* The annex resolves each reference to its record: [n] title kind date id. */
static void
assert_annex_lists (const char *text,
                    const char *title,
                    const char *kind,
                    const char *date,
                    const char *id)
{
  const char *annex = strstr (text, "Annex:therecordsreferredto");
  g_autofree char *row = g_strconcat (title, kind, date, id, NULL);
  g_autofree char *squeezed_row = icat_test_squeezed (row);
  const char *found = strstr (annex, squeezed_row);
  const char *open;
  g_autofree char *number = NULL;
  g_autofree char *mention = NULL;

  g_assert_nonnull (found);
  /* The number in brackets just before the row is the one the text gives. */
  for (open = found; open > annex && *open != '['; open--)
    ;
  number = g_strndup (open, found - open);
  mention = g_strconcat (number, NULL);
  g_assert_nonnull (strstr (text, mention));
  g_assert_true (strstr (text, mention) < annex);
}

static void
run_report (Fixture    *fixture,
            const char *output,
            const char *from,
            const char *to)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cli (NULL, &err, "--database", fixture->db, "report", "sg", "--from", from, "--to", to,
                        "-o", output, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_sg_pdf (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *text = NULL;

  import_document (fixture, records);
  run_report (fixture, pdf, "2016", "2017");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, in_order);
  g_assert_nonnull (strstr (text, "ICAT’scontributiontothereportoftheSecretary-General,2016–2017"));
  assert_annex_lists (text, PRINCIPALS, "Meeting", "26 July 2016", PRINCIPALS_ID);
  assert_annex_lists (text, PAPER, "Paper", "15 May 2017", PAPER_ID);
  assert_annex_lists (text, DONE_ITEM " (UNODC)", "Action item", "30 November 2016", DONE_ID);
  /* Outside the period: not in the report. */
  icat_test_assert_not_said (text, LATER_MEETING);
  icat_test_assert_not_said (text, LATER_PAPER);
  icat_test_assert_not_said (text, LATER_ITEM);
}

static void
test_sg_one_year (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const says[] = { "ICAT’s contribution to the report of the Secretary", "Draft generated",
                                "2018: UNICEF [", LATER_MEETING, "A/RES/72/195, para. 10", "Action items completed", "0",
                                "Action items open", "2", OPEN_ITEM, LATER_ITEM, NULL };

  import_document (fixture, records);
  run_report (fixture, pdf, "2018", "2018");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, says);
  icat_test_assert_not_said (text, PRINCIPALS);
  icat_test_assert_not_said (text, DONE_ITEM);
  icat_test_assert_not_said (text, MARKED_ITEM);
  icat_test_assert_not_said (text, PAPER);
}

/* A meeting still to come has not been held: it is left out. */
static void
test_sg_not_held (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const says[] = { "Principals-level meetings", "0",
                                "No principals-level meeting is recorded in the period.", NULL };

  import_document (fixture, records);
  run_report (fixture, pdf, "2090", "2090");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, says);
  icat_test_assert_not_said (text, PLANNED_MEETING);
}

/* Twelve more completed items on para 10: ten of the fourteen listed, the rest counted. */
static void
test_sg_counted (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autoptr(GString) document = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [");
  g_autofree char *text = NULL;
  const char * const says[] = { "A/RES/72/195, para. 10", "Action items completed", "14", "Done in the period",
                                MARKED_ITEM, DONE_ITEM, "Batch item 01", "Batch item 08",
                                "4 more action items, counted rather than listed. All 14 by owner: UNODC 13, IOM 1.",
                                "Open", NULL };

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (document, "%s{\"id\": \"44444444-4444-4444-8444-0000000000%02u\", " STAMPS
                            "\"title\": \"Batch item %02u\", \"owner\": \"%s\", \"due\": \"2017-04-%02u\", "
                            "\"status\": \"done\", \"mandates\": [\"" PARA_10_ID "\"]}",
                            i > 1 ? ", " : "", i, i, i < 12 ? UNODC_ID : IOM_ID, i);
  g_string_append (document, "]}");
  import_document (fixture, records);
  import_document (fixture, document->str);
  run_report (fixture, pdf, "2016", "2017");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, says);
  /* The tenth listed is item 08: the two completed in 2016 lead. */
  icat_test_assert_not_said (text, "Batch item 09");
}

static void
test_sg_odt (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (fixture->dir, "sg.odt", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  import_document (fixture, records);
  assert_odt_report_repeats (fixture, (const char * const[]) { "sg", "--from", "2016", "--to", "2017", NULL }, odt);

  if (g_getenv ("ICAT_TEST_LIBREOFFICE") == NULL)
    {
      g_test_skip ("LibreOffice reads the documents in the normal build only");
      return;
    }
  raw = icat_test_libreoffice_text (fixture->dir, odt);
  text = icat_test_squeezed (raw);
  icat_test_assert_says_in_order (text, in_order);
  icat_test_assert_not_said (text, LATER_MEETING);
}

static void
test_sg_pdf_same_bytes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.pdf", NULL);

  import_document (fixture, records);
  /* The page writer dates a PDF by the clock unless told (as for every PDF it writes). */
  g_setenv ("SOURCE_DATE_EPOCH", "1772323200", TRUE);
  run_report (fixture, pdf, "2016", "2017");
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  run_report (fixture, again, "2016", "2017");
  g_unsetenv ("SOURCE_DATE_EPOCH");
  assert_same_files (pdf, again);
}

static void
test_sg_chinese (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *text = NULL;
  /* The words this report shares with the others are in the catalogue the tests build. */
  const char * const says[] = { "机构间打击贩运人口协调小组（ICAT）", "摘要", "2016年7月26日", PRINCIPALS, DECISION,
                                PAPER, "2017年5月15日", "A/RES/72/195", DONE_ITEM, "2016年11月30日", NULL };

  import_document (fixture, records);
  icat_test_cli_speak ("zh_CN");
  run_report (fixture, pdf, "2016", "2017");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, says);
  icat_test_assert_not_said (text, "26 July 2016");
}

/* With no records at all, a valid document that says there is nothing. */
static void
test_sg_empty (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "sg.pdf", NULL);
  g_autofree char *text = NULL;
  const char * const says[] = {
    "ICAT’s contribution to the report of the Secretary", "It covers 2016–2017",
    "No membership of ICAT is recorded for the period.", "2016: no chair recorded", "2017: no chair recorded",
    "No principals-level meeting is recorded in the period.", "No Working Group meeting is recorded in the period.",
    "No briefing for Member States is recorded in the period.", "No paper is recorded as published in the period.",
    "No paragraph of resolution 72/195 addressed to ICAT or its coordinator is recorded.",
    "The report refers to no record.", NULL
  };

  create_database (fixture->db);
  sql_exec (fixture->db, "PRAGMA foreign_keys = OFF; "
            "DELETE FROM action_item_mandates; DELETE FROM action_item_supporting; DELETE FROM action_item_history; "
            "DELETE FROM action_item; DELETE FROM paper_mandates; DELETE FROM paper_lead_agencies; "
            "DELETE FROM paper_contributing_agencies; DELETE FROM paper_clearances; DELETE FROM paper; "
            "DELETE FROM meeting_agenda_mandates; DELETE FROM meeting_agenda; DELETE FROM meeting_decisions; "
            "DELETE FROM meeting_chairs; DELETE FROM meeting_attendance; DELETE FROM meeting_invited; "
            "DELETE FROM meeting_attachments; DELETE FROM work_plan; DELETE FROM meeting; DELETE FROM mandate; "
            "DELETE FROM chair_term_agencies; DELETE FROM chair_term; DELETE FROM agency_memberships; "
            "DELETE FROM agency_focal_points; DELETE FROM agency;");
  run_report (fixture, pdf, "2016", "2017");
  text = icat_test_pdf_squeezed (pdf, FALSE);
  icat_test_assert_says_in_order (text, says);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add ("/cli/report/sg-pdf", Fixture, NULL, fixture_set_up, test_sg_pdf, fixture_tear_down);
  g_test_add ("/cli/report/sg-one-year", Fixture, NULL, fixture_set_up, test_sg_one_year, fixture_tear_down);
  g_test_add ("/cli/report/sg-not-held", Fixture, NULL, fixture_set_up, test_sg_not_held, fixture_tear_down);
  g_test_add ("/cli/report/sg-counted", Fixture, NULL, fixture_set_up, test_sg_counted, fixture_tear_down);
  g_test_add ("/cli/report/sg-odt", Fixture, NULL, fixture_set_up, test_sg_odt, fixture_tear_down);
  g_test_add ("/cli/report/sg-pdf-same-bytes", Fixture, NULL, fixture_set_up, test_sg_pdf_same_bytes,
              fixture_tear_down);
  g_test_add ("/cli/report/sg-chinese", Fixture, NULL, fixture_set_up, test_sg_chinese, fixture_tear_down);
  g_test_add ("/cli/report/sg-empty", Fixture, NULL, fixture_set_up, test_sg_empty, fixture_tear_down);

  return g_test_run ();
}
