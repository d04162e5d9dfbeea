/* test-documents.c — work plans and meeting records as PDF, through the CLI
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs icat-tracker-cli ($ICAT_CLI) on a database in its own
 * temporary directory and reads the PDF back with poppler's pdftotext and
 * pdfinfo and with qpdf, which share no code with cairo.
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "icat-document.h"
#include "icat-error.h"
#include "icat-test-util.h"

#define JANUARY_2015_BRIEFING "a205de48-c47f-5bf7-a9a4-42c2b8275c03"
#define UNODC_ID              "95b8e2c6-dfec-5883-89e7-3f294c639fb6"
#define ARABIC_MEETING_ID     "11111111-1111-4111-8111-1111111111a1"
#define LONG_MEETING_ID       "11111111-1111-4111-8111-1111111111b2"
#define EPOCH                 "1700000000"  /* 14 November 2023 */

#define ARABIC_TITLE   "اجتماع الفريق العامل المعني بمكافحة الاتجار بالأشخاص"
#define ARABIC_MINUTES "ناقش الفريق خطة العمل لعام ألفين وسبعة وعشرين واتفق على إعداد ورقة سياساتية مشتركة"
#define LAST_WORD      "Finisterre"

typedef IcatTestCliDir Fixture;

/* ------------------------------------------------------------------ */
/* Running programs                                                     */

/* Runs argv, keeping standard output as bytes (a PDF may hold NULs). */
static IcatTestRun
run (const char * const *argv)
{
  return icat_test_run_program (NULL, argv);
}

static IcatTestRun G_GNUC_NULL_TERMINATED
cli (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("ICAT_CLI"));
  g_assert_nonnull (args->pdata[0]);
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, fixture->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run ((const char * const *) args->pdata);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* A failure: exit 1 and one line on stderr naming the problem. */
static void
assert_failed (IcatTestRun *result,
               const char  *part)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "icat-tracker-cli: "));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  assert_contains (result->err, part);
  g_assert_cmpuint (g_bytes_get_size (result->out), ==, 0);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
create_database (Fixture *fixture)
{
  g_auto(IcatTestRun) result = cli (fixture, "check", NULL);

  g_assert_cmpint (result.status, ==, 0);
}

static void
import (Fixture    *fixture,
        const char *document)
{
  g_autofree char *file = g_build_filename (fixture->dir, "import.json", NULL);
  g_auto(IcatTestRun) result = { 0 };

  write_file (file, document);
  result = cli (fixture, "import", file, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Reading PDFs back                                                    */

/* Text as pdftotext reads it, with white space, hyphens (a line may break
 * inside a word) and Unicode direction marks removed, in NFKC (so Arabic
 * presentation forms compare equal to the letters they show). */
static char *
normalized (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *result = g_string_new (NULL);

  g_assert_nonnull (nfkc);
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x00ad || c == 0x2010 || c == 0x061c ||
          c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (result, c);
    }
  return g_string_free (result, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = icat_test_run_text (argv);

  return normalized (text);
}

static void
assert_pdf_says (const char *text,
                 const char *words)
{
  g_autofree char *expected = normalized (words);

  if (strstr (text, expected) == NULL)
    g_error ("the PDF does not say “%s”; it says: %s", words, text);
}

/* pdfinfo's "Key: value" lines. */
static GHashTable *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  g_autofree char *text = icat_test_run_text (argv);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GHashTable *info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon != NULL)
        g_hash_table_insert (info, g_strndup (lines[i], colon - lines[i]), g_strstrip (g_strdup (colon + 1)));
    }
  return info;
}

static void
assert_page_size (GHashTable *info,
                  int         width,
                  int         height)
{
  const char *size = g_hash_table_lookup (info, "Page size");
  double w = 0, h = 0;

  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "%lf x %lf", &w, &h), ==, 2);
  g_assert_cmpint ((int) (w + 0.5), ==, width);
  g_assert_cmpint ((int) (h + 0.5), ==, height);
}

static guint
pdf_pages (GHashTable *info)
{
  const char *pages = g_hash_table_lookup (info, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* A well-formed PDF with a title, an author and a subject. */
static void
assert_sound_pdf (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  g_auto(IcatTestRun) check = run (argv);
  g_autoptr(GHashTable) info = pdf_info (pdf);
  const char * const keys[] = { "Title", "Author", "Subject" };

  if (check.status != 0)
    g_error ("qpdf --check %s: %s", pdf, (const char *) g_bytes_get_data (check.out, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = g_hash_table_lookup (info, keys[i]);

      if (value == NULL || *value == '\0')
        g_error ("%s has no %s", pdf, keys[i]);
    }
}

static char *
output_path (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* ------------------------------------------------------------------ */
/* Work plans                                                           */

static void
test_work_plan (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "work-plan-2016.pdf");
  g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", "2016", "-o", pdf, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) info = NULL;

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpuint (g_bytes_get_size (result.out), ==, 0);
  assert_sound_pdf (pdf);
  info = pdf_info (pdf);
  assert_page_size (info, 595, 842);

  text = pdf_text (pdf);
  assert_pdf_says (text, "2016");
  /* The chair of 2016, and the two policy papers due that year. */
  assert_pdf_says (text, "UNODC");
  assert_pdf_says (text, "Providing effective remedies for victims of trafficking in persons");
  assert_pdf_says (text, "Overview of common approaches of UN agencies to monitoring and evaluating anti-trafficking measures");
}

static void
test_work_plan_letter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "letter.pdf");
  g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", "2016", "--paper", "letter",
                            "--group-by", "mandate", "-o", pdf, NULL);
  g_autoptr(GHashTable) info = NULL;

  g_assert_cmpint (result.status, ==, 0);
  assert_sound_pdf (pdf);
  info = pdf_info (pdf);
  assert_page_size (info, 612, 792);
}

static void
test_work_plan_chinese (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "zh.pdf");
  g_auto(IcatTestRun) result = { 0 };
  g_autofree char *text = NULL;

  icat_test_cli_speak ("zh_CN");
  result = cli (fixture, "workplan", "--year", "2016", "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_sound_pdf (pdf);
  text = pdf_text (pdf);
  assert_pdf_says (text, "工作计划");
  assert_pdf_says (text, "为人口贩运受害者提供有效救济");
}

/* A year with nothing in it still gives a document, which says so. */
static void
test_work_plan_empty_year (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "2030.pdf");
  g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", "2030", "-o", pdf, NULL);
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GHashTable) info = NULL;

  g_assert_cmpint (result.status, ==, 0);
  assert_sound_pdf (pdf);
  info = pdf_info (pdf);
  g_assert_cmpuint (pdf_pages (info), >=, 1);
  text = pdf_text (pdf);
  lower = g_utf8_strdown (text, -1);
  assert_pdf_says (text, "2030");
  assert_contains (lower, "nothing");
  assert_contains (lower, "planned");
}

/* pdftotext's reading of a PDF, as laid out on the page. */
static char *
pdf_layout_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return icat_test_run_text (argv);
}

/* The work plan as the app keeps it (pages recorded, then replayed into
 * the PDF), written in this process. */
static void
write_kept_work_plan (const char      *database,
                      IcatGroupBy      group_by,
                      IcatExportFlags  flags,
                      const char      *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (database, ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(IcatDocument) document = NULL;

  g_assert_no_error (error);
  document = icat_document_new_work_plan (db, 2025, group_by, ICAT_PAPER_A4, flags, &error);
  g_assert_no_error (error);
  g_assert_true (icat_document_write_pdf_file (document, pdf, &error));
  g_assert_no_error (error);
}

/* The command line draws the plan straight into the PDF after measuring
 * its pages once; the PDF says the same on the same pages as the app's.
 * The app's PDFs are written by a subprocess of this test, since the fonts
 * load fontconfig (see main ()). */
static void
test_work_plan_streamed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *demo = output_path (fixture, "demo.json");
  g_autofree char *streamed = output_path (fixture, "streamed.pdf");
  g_autofree char *kept = output_path (fixture, "kept.pdf");
  g_autofree char *streamed_mandate = output_path (fixture, "streamed-mandate.pdf");
  g_autofree char *kept_mandate = output_path (fixture, "kept-mandate.pdf");
  g_auto(IcatTestRun) made = { 0 };
  g_auto(IcatTestRun) imported = { 0 };
  g_auto(IcatTestRun) by_pillar = { 0 };
  g_auto(IcatTestRun) by_mandate = { 0 };
  g_autoptr(GHashTable) streamed_info = NULL;
  g_autoptr(GHashTable) kept_info = NULL;
  g_autofree char *streamed_text = NULL;
  g_autofree char *kept_text = NULL;
  g_autofree char *streamed_mandate_text = NULL;
  g_autofree char *kept_mandate_text = NULL;

  if (g_test_subprocess ())
    {
      g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
      write_kept_work_plan (g_getenv ("ICAT_TEST_KEPT_DB"), ICAT_GROUP_BY_PILLAR, 0, g_getenv ("ICAT_TEST_KEPT_PDF"));
      write_kept_work_plan (g_getenv ("ICAT_TEST_KEPT_DB"), ICAT_GROUP_BY_MANDATE, ICAT_EXPORT_INCLUDE_CONTACTS,
                            g_getenv ("ICAT_TEST_KEPT_MANDATE_PDF"));
      return;
    }
  made = cli (fixture, "demo", "--years", "1", "--meetings", "2", "--items", "300", "--seed", "5", "-o", demo, NULL);
  imported = cli (fixture, "import", demo, NULL);
  g_assert_cmpint (made.status + imported.status, ==, 0);
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  by_pillar = cli (fixture, "workplan", "--year", "2025", "-o", streamed, NULL);
  by_mandate = cli (fixture, "workplan", "--year", "2025", "--group-by", "mandate", "--include-contacts",
                    "-o", streamed_mandate, NULL);
  g_assert_cmpint (by_pillar.status + by_mandate.status, ==, 0);
  g_setenv ("ICAT_TEST_KEPT_DB", fixture->db, TRUE);
  g_setenv ("ICAT_TEST_KEPT_PDF", kept, TRUE);
  g_setenv ("ICAT_TEST_KEPT_MANDATE_PDF", kept_mandate, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_sound_pdf (streamed);
  streamed_info = pdf_info (streamed);
  kept_info = pdf_info (kept);
  /* Long enough for the timeline and the tables to run over many pages. */
  g_assert_cmpuint (pdf_pages (streamed_info), >=, 15);
  g_assert_cmpuint (pdf_pages (streamed_info), ==, pdf_pages (kept_info));
  streamed_text = pdf_layout_text (streamed);
  kept_text = pdf_layout_text (kept);
  g_assert_cmpstr (streamed_text, ==, kept_text);
  assert_contains (streamed_text, "Page 2 of");
  streamed_mandate_text = pdf_layout_text (streamed_mandate);
  kept_mandate_text = pdf_layout_text (kept_mandate);
  g_assert_cmpstr (streamed_mandate_text, ==, kept_mandate_text);
}

/* A year without a plan writes nothing at all. */
static void
test_work_plan_streamed_error (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  create_database (fixture);
  db = icat_db_open (fixture->db, ICAT_DB_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (icat_document_write_work_plan_pdf (db, 2005, ICAT_GROUP_BY_PILLAR, ICAT_PAPER_A4, 0,
                                                     memory, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), ==, 0);
}

/* No page ends on a section's heading: its table's header comes with it.
 * The general section grows a row at a time through the years 2041 to
 * 2060, so the prevention section's heading lands at every height of a page. */
#define MANDATE_GENERAL    "f34bcc4c-7bdc-5f6b-9fe7-e0f5110cfe9a"  /* 72/195 para 1 */
#define MANDATE_PREVENTION "50821843-b3be-5b8c-96ed-43095a3f9fdb"  /* 72/195 para 5 */

static void
append_plan_item (GString    *document,
                  guint       n,
                  int         year,
                  const char *mandate)
{
  g_string_append_printf (document,
                          "%s{\"id\": \"%08x-0000-4000-8000-000000000000\", "
                          "\"created_at\": \"2026-01-01T00:00:00.000Z\", \"updated_at\": \"2026-01-01T00:00:00.000Z\", "
                          "\"updated_by\": \"00000000-0000-4000-8000-000000000001\", "
                          "\"title\": \"Prepare the consultation with Member States, step %u\", "
                          "\"owner\": \"" UNODC_ID "\", \"due\": \"%d-06-01\", \"status\": \"open\", "
                          "\"mandates\": [\"%s\"]}",
                          n > 0 ? ", " : "", n + 1, n, year, mandate);
}

static void
test_work_plan_headings_keep_with_tables (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GString) document = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [");
  /* A section's caption is a line of its own; the cover's "This plan has
   * 12 activities." is no caption. */
  g_autoptr(GRegex) caption = g_regex_new ("^\\s*[0-9]+ activit(y|ies)\\s*$", G_REGEX_MULTILINE, 0, NULL);
  guint n = 0;

  for (int year = 2041; year <= 2060; year++)
    {
      for (int i = 0; i < 10 + (year - 2041); i++)
        append_plan_item (document, n++, year, MANDATE_GENERAL);
      for (int i = 0; i < 2; i++)
        append_plan_item (document, n++, year, MANDATE_PREVENTION);
    }
  g_string_append (document, "]}");
  import (fixture, document->str);

  for (int year = 2041; year <= 2060; year++)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      g_autofree char *pdf = output_path (fixture, "headings.pdf");
      g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", year_text, "-o", pdf, NULL);
      /* -layout keeps each page's lines in their order on the page. */
      const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_auto(GStrv) pages = NULL;

      g_assert_cmpint (result.status, ==, 0);
      text = icat_test_run_text (argv);
      pages = g_strsplit (text, "\f", -1);
      for (guint page = 0; pages[page] != NULL; page++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          int last_end = -1;

          g_regex_match (caption, pages[page], 0, &match);
          while (g_match_info_matches (match))
            {
              g_match_info_fetch_pos (match, 0, NULL, &last_end);
              g_match_info_next (match, NULL);
            }
          if (last_end >= 0 && strstr (pages[page] + last_end, "End or due") == NULL)
            g_error ("the work plan of %d leaves a heading alone at the foot of page %u:\n%s",
                     year, page + 1, pages[page]);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Meeting records                                                      */

static void
test_meeting_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "record.pdf");
  g_auto(IcatTestRun) result = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", pdf, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) info = NULL;

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_sound_pdf (pdf);
  info = pdf_info (pdf);
  assert_page_size (info, 595, 842);
  text = pdf_text (pdf);
  assert_pdf_says (text, "New York");
  assert_pdf_says (text, "Consultative briefing for Member States");
}

static void
test_meeting_record_chinese (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "record-zh.pdf");
  g_auto(IcatTestRun) result = { 0 };
  g_autofree char *text = NULL;

  icat_test_cli_speak ("zh_CN");
  result = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "--paper", "letter", "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_sound_pdf (pdf);
  text = pdf_text (pdf);
  assert_pdf_says (text, "纽约");
  assert_pdf_says (text, "为各国常驻代表团举办的咨询情况简介会");
}

#define MEETING_HEAD(id) \
  "{\"id\": \"" id "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"starts_at\": \"2026-03-10T09:00:00.000Z\", \"date_precision\": \"minute\", " \
  "\"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"host\": \"" UNODC_ID "\", "

static void
test_meeting_record_arabic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "record-ar.pdf");
  g_auto(IcatTestRun) result = { 0 };
  g_autofree char *text = NULL;

  import (fixture,
          "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [" MEETING_HEAD (ARABIC_MEETING_ID)
          "\"title\": {\"en\": \"Working Group (Arabic)\", \"ar\": \"" ARABIC_TITLE "\"}, "
          "\"agenda\": [{\"id\": \"22222222-2222-4222-8222-2222222222a1\", \"position\": 0, "
          "\"title\": \"Work plan\", \"minutes\": \"" ARABIC_MINUTES "\"}]}]}");
  /* Records show the user's language: an Arabic reader sees the Arabic title. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  result = cli (fixture, "minutes", ARABIC_MEETING_ID, "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_sound_pdf (pdf);
  text = pdf_text (pdf);
  assert_pdf_says (text, ARABIC_TITLE);
  assert_pdf_says (text, ARABIC_MINUTES);
}

/* Meetings that say when they end: in Vienna (UTC+1 in March), one over
 * two days, one in New York whose evening is the next day in UTC, and one
 * known to the day that lasts three days. */
#define TIMED_MEETING(id, title, zone, venue, starts, ends, precision, multi_day) \
  "{\"id\": \"" id "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"" title "\"}, \"starts_at\": \"" starts "\", " \
  "\"ends_at\": \"" ends "\", \"multi_day\": " multi_day ", \"date_precision\": \"" precision "\", " \
  "\"timezone\": \"" zone "\", \"venue\": \"" venue "\"}"

#define MORNING_ID    "11111111-1111-4111-8111-1111111111c1"
#define TWO_DAYS_ID   "11111111-1111-4111-8111-1111111111c2"
#define EVENING_ID    "11111111-1111-4111-8111-1111111111c3"
#define THREE_DAYS_ID "11111111-1111-4111-8111-1111111111c4"

static void
import_timed_meetings (Fixture *fixture)
{
  import (fixture,
          "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": ["
          TIMED_MEETING (MORNING_ID, "Morning", "Europe/Vienna", "Vienna",
                         "2026-03-10T09:00:00.000Z", "2026-03-10T11:00:00.000Z", "minute", "false") ", "
          TIMED_MEETING (TWO_DAYS_ID, "Two days", "Europe/Vienna", "Vienna",
                         "2026-03-10T08:00:00.000Z", "2026-03-11T16:00:00.000Z", "minute", "true") ", "
          TIMED_MEETING (EVENING_ID, "Evening", "America/New_York", "New York",
                         "2026-01-16T00:00:00.000Z", "2026-01-16T02:00:00.000Z", "minute", "false") ", "
          TIMED_MEETING (THREE_DAYS_ID, "Three days", "Europe/Vienna", "Vienna",
                         "2026-03-10T09:00:00.000Z", "2026-03-12T09:00:00.000Z", "day", "true")
          "]}");
}

/* The record's text for one meeting. */
static char *
record_text (Fixture    *fixture,
             const char *meeting_id)
{
  g_autofree char *pdf = output_path (fixture, "timed.pdf");
  g_auto(IcatTestRun) result = cli (fixture, "minutes", meeting_id, "-o", pdf, NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return pdf_text (pdf);
}

/* The start and the end, where the meeting is and in UTC. */
static void
test_meeting_record_end_time (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *morning = NULL;
  g_autofree char *two_days = NULL;
  g_autofree char *evening = NULL;
  g_autofree char *three_days = NULL;

  import_timed_meetings (fixture);
  morning = record_text (fixture, MORNING_ID);
  assert_pdf_says (morning, "10 March 2026, 10:00–12:00 (Europe/Vienna), 09:00–11:00 UTC");
  two_days = record_text (fixture, TWO_DAYS_ID);
  assert_pdf_says (two_days, "10 March 2026, 09:00 – 11 March 2026, 17:00 (Europe/Vienna), "
                             "10 March 2026, 08:00 – 11 March 2026, 16:00 UTC");
  evening = record_text (fixture, EVENING_ID);
  assert_pdf_says (evening, "15 January 2026, 19:00–21:00 (America/New_York), 16 January 2026, 00:00–02:00 UTC");
  three_days = record_text (fixture, THREE_DAYS_ID);
  assert_pdf_says (three_days, "10 March 2026 – 12 March 2026");
}

#define RECORDED_MEETING(id, status_fields) \
  "{\"id\": \"" id "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00.000Z\", \"date_precision\": \"minute\", " \
  "\"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", " status_fields "}"

/* The record says when it was approved, and when it was reopened since. */
static void
test_meeting_record_approval (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *approved = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *approved_again = NULL;

  import (fixture,
          "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": ["
          RECORDED_MEETING (MORNING_ID, "\"record_status\": \"approved\", \"circulated_on\": \"2026-03-12\", "
                                        "\"approved_on\": \"2026-03-20\"") ", "
          RECORDED_MEETING (TWO_DAYS_ID, "\"record_status\": \"circulated\", \"circulated_on\": \"2026-03-12\", "
                                         "\"approved_on\": \"2026-03-20\", \"reopened_on\": \"2026-04-02\"") ", "
          RECORDED_MEETING (EVENING_ID, "\"record_status\": \"approved\", \"approved_on\": \"2026-04-09\", "
                                        "\"reopened_on\": \"2026-04-02\"")
          "]}");
  approved = record_text (fixture, MORNING_ID);
  assert_pdf_says (approved, "Approved on 20 March 2026");
  g_assert_null (strstr (approved, "reopened"));
  reopened = record_text (fixture, TWO_DAYS_ID);
  assert_pdf_says (reopened, "Approved on 20 March 2026, reopened on 2 April 2026");
  /* Approved again after reopening: the newer approval is what counts. */
  approved_again = record_text (fixture, EVENING_ID);
  assert_pdf_says (approved_again, "Approved on 9 April 2026");
  g_assert_null (strstr (approved_again, "reopened"));
}

/* In Chinese the dates and times take the Chinese form. */
static void
test_meeting_record_end_time_chinese (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *morning = NULL;
  g_autofree char *two_days = NULL;
  g_autofree char *evening = NULL;
  g_autofree char *three_days = NULL;

  import_timed_meetings (fixture);
  icat_test_cli_speak ("zh_CN");
  morning = record_text (fixture, MORNING_ID);
  assert_pdf_says (morning, "2026年3月10日 10:00–12:00");
  assert_pdf_says (morning, "Europe/Vienna");
  assert_pdf_says (morning, "09:00–11:00");
  g_assert_null (strstr (morning, "March"));
  two_days = record_text (fixture, TWO_DAYS_ID);
  assert_pdf_says (two_days, "2026年3月10日 09:00");
  assert_pdf_says (two_days, "2026年3月11日 17:00");
  assert_pdf_says (two_days, "2026年3月10日 08:00");
  assert_pdf_says (two_days, "2026年3月11日 16:00");
  evening = record_text (fixture, EVENING_ID);
  assert_pdf_says (evening, "2026年1月15日 19:00–21:00");
  assert_pdf_says (evening, "2026年1月16日 00:00–02:00");
  three_days = record_text (fixture, THREE_DAYS_ID);
  assert_pdf_says (three_days, "2026年3月10日");
  assert_pdf_says (three_days, "2026年3月12日");
}

/* A 300-character title and a 5,000-character minute run over pages,
 * and nothing is cut off. */
static void
test_meeting_record_long (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) minutes = g_string_new (NULL);
  g_autoptr(GString) document = g_string_new (NULL);
  g_autofree char *pdf = output_path (fixture, "long.pdf");
  g_autofree char *short_pdf = output_path (fixture, "short.pdf");
  g_auto(IcatTestRun) result = { 0 };
  g_auto(IcatTestRun) short_result = { 0 };
  g_autoptr(GHashTable) info = NULL;
  g_autoptr(GHashTable) short_info = NULL;
  g_autofree char *text = NULL;

  while (title->len < 290)
    g_string_append_printf (title, "Consultation %u on the work plan ", (guint) title->len);
  g_string_truncate (title, 290);
  g_string_append (title, " Lastwords");
  g_assert_cmpuint (title->len, ==, 300);
  for (guint i = 0; minutes->len < 4990; i++)
    g_string_append_printf (minutes, "Paragraph %u: the Working Group discussed item %u at length. ", i, i);
  g_string_truncate (minutes, 4990);
  g_string_append (minutes, " " LAST_WORD);
  g_assert_cmpuint (minutes->len, >=, 5000);

  g_string_append_printf (document,
                          "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [" MEETING_HEAD (LONG_MEETING_ID)
                          "\"title\": {\"en\": \"%s\"}, "
                          "\"agenda\": [{\"id\": \"22222222-2222-4222-8222-2222222222b1\", \"position\": 0, "
                          "\"title\": \"Long minutes\", \"minutes\": \"%s\"}]}]}", title->str, minutes->str);
  import (fixture, document->str);

  result = cli (fixture, "minutes", LONG_MEETING_ID, "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  short_result = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", short_pdf, NULL);
  g_assert_cmpint (short_result.status, ==, 0);
  assert_sound_pdf (pdf);
  info = pdf_info (pdf);
  short_info = pdf_info (short_pdf);
  g_assert_cmpuint (pdf_pages (info), >, pdf_pages (short_info));
  g_assert_cmpuint (pdf_pages (info), >=, 2);
  text = pdf_text (pdf);
  assert_pdf_says (text, LAST_WORD);
  assert_pdf_says (text, "Lastwords");
}

/* ------------------------------------------------------------------ */
/* Output                                                               */

/* With SOURCE_DATE_EPOCH, the same database gives the same bytes, to a
 * file or to standard output. */
static void
test_reproducible (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *first = output_path (fixture, "first.pdf");
  g_autofree char *second = output_path (fixture, "second.pdf");
  g_autofree char *plan_first = output_path (fixture, "plan-first.pdf");
  g_autofree char *plan_second = output_path (fixture, "plan-second.pdf");
  g_autoptr(GBytes) first_bytes = NULL, second_bytes = NULL;
  g_autoptr(GBytes) plan_first_bytes = NULL, plan_second_bytes = NULL;
  g_autoptr(GHashTable) info = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  {
    g_auto(IcatTestRun) a = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", first, NULL);
    g_auto(IcatTestRun) b = { 0 };
    g_auto(IcatTestRun) c = cli (fixture, "workplan", "--year", "2016", "-o", plan_first, NULL);
    g_auto(IcatTestRun) d = { 0 };
    g_auto(IcatTestRun) to_stdout = { 0 };

    /* Time itself is the point: made a second later, the documents are
     * still the same bytes. */
    g_usleep (1100 * 1000);
    b = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", second, NULL);
    d = cli (fixture, "workplan", "--year", "2016", "-o", plan_second, NULL);
    to_stdout = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", "-", NULL);
    g_assert_cmpint (a.status + b.status + c.status + d.status + to_stdout.status, ==, 0);

    first_bytes = read_bytes (first);
    second_bytes = read_bytes (second);
    plan_first_bytes = read_bytes (plan_first);
    plan_second_bytes = read_bytes (plan_second);
    g_assert_true (g_bytes_equal (first_bytes, second_bytes));
    g_assert_true (g_bytes_equal (plan_first_bytes, plan_second_bytes));
    g_assert_true (g_bytes_equal (to_stdout.out, first_bytes));
    g_assert_cmpmem (g_bytes_get_data (to_stdout.out, NULL), 5, "%PDF-", 5);
  }
  info = pdf_info (first);
  assert_contains (g_hash_table_lookup (info, "CreationDate"), "2023");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *missing_folder = g_build_filename (fixture->dir, "nonexistent-dir", NULL);
  g_autofree char *unwritable = g_build_filename (missing_folder, "x.pdf", NULL);
  g_autofree char *pdf = output_path (fixture, "never.pdf");
  g_autoptr(GBytes) before = NULL, after = NULL;

  create_database (fixture);
  before = read_bytes (fixture->db);
  {
    g_auto(IcatTestRun) result = cli (fixture, "minutes", "00000000-0000-4000-8000-000000000000", "-o", pdf, NULL);

    assert_failed (&result, "00000000-0000-4000-8000-000000000000");
    assert_contains (result.err, "No meeting");
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(IcatTestRun) result = cli (fixture, "minutes", JANUARY_2015_BRIEFING, "-o", unwritable, NULL);

    assert_failed (&result, unwritable);
    assert_contains (result.err, "does not exist");
  }
  {
    g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", "2016", "-o", unwritable, NULL);

    assert_failed (&result, unwritable);
  }
  {
    g_auto(IcatTestRun) result = cli (fixture, "workplan", "--year", "2016", "-o", fixture->dir, NULL);

    assert_failed (&result, "it is a folder");
  }
  g_assert_false (g_file_test (missing_folder, G_FILE_TEST_EXISTS));
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
}

/* Mistakes on the command line: exit 2, one line, no database touched. */
static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "workplan", "-o", "x.pdf" }, "--year YYYY" },
    { { "workplan", "--year", "2016" }, "-o FILE.pdf" },
    { { "workplan", "--year", "sixteen", "-o", "x.pdf" }, "--year wants a year from 2006 to 2100, not “sixteen”" },
    { { "workplan", "--year", "2101", "-o", "x.pdf" }, "not “2101”" },
    { { "workplan", "--year", "2016", "--paper", "a3", "-o", "x.pdf" }, "Unknown paper size “a3”" },
    { { "workplan", "--year", "2016", "--group-by", "agency", "-o", "x.pdf" }, "Unknown grouping “agency”" },
    { { "minutes", "-o", "x.pdf" }, "Name one meeting" },
    { { "minutes", JANUARY_2015_BRIEFING }, "-o FILE.pdf" },
    { { "minutes", JANUARY_2015_BRIEFING, "--paper", "legal", "-o", "x.pdf" }, "Unknown paper size “legal”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(IcatTestRun) result = { 0 };

      g_ptr_array_add (args, (gpointer) g_getenv ("ICAT_CLI"));
      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->db);
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, NULL);
      result = run ((const char * const *) args->pdata);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, "icat-tracker-cli: "));
      g_assert_true (strchr (result.err, '\n') == result.err + strlen (result.err) - 1);
      assert_contains (result.err, cases[i].message);
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);
  /* The fonts of a PDF load fontconfig, whose caches LeakSanitizer reports
   * however clean the program is: this test's subprocesses (the CLI's get
   * it anyway) get the suppression the window tests use (libfontconfig
   * alone). Read at start, so this process keeps its own options. */
  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_autofree char *options = g_strdup_printf ("suppressions=%s/lsan-gui.supp:print_suppressions=0",
                                                  g_getenv ("G_TEST_SRCDIR"));

      g_setenv ("LSAN_OPTIONS", options, TRUE);
    }

#define ADD(path, func) \
  g_test_add ("/documents/" path, Fixture, NULL, icat_test_cli_dir_set_up, func, icat_test_cli_dir_tear_down)
  ADD ("work-plan/2016", test_work_plan);
  ADD ("work-plan/letter", test_work_plan_letter);
  ADD ("work-plan/chinese", test_work_plan_chinese);
  ADD ("work-plan/empty-year", test_work_plan_empty_year);
  ADD ("work-plan/headings-keep-with-tables", test_work_plan_headings_keep_with_tables);
  ADD ("work-plan/streamed", test_work_plan_streamed);
  ADD ("work-plan/streamed-error", test_work_plan_streamed_error);
  ADD ("meeting-record/new-york", test_meeting_record);
  ADD ("meeting-record/chinese", test_meeting_record_chinese);
  ADD ("meeting-record/arabic", test_meeting_record_arabic);
  ADD ("meeting-record/end-time", test_meeting_record_end_time);
  ADD ("meeting-record/end-time-chinese", test_meeting_record_end_time_chinese);
  ADD ("meeting-record/long", test_meeting_record_long);
  ADD ("meeting-record/approval", test_meeting_record_approval);
  ADD ("reproducible", test_reproducible);
  ADD ("errors", test_errors);
  ADD ("usage-errors", test_usage_errors);
#undef ADD

  return g_test_run ();
}
