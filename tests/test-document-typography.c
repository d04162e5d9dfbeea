/* test-document-typography.c — the work plan and the meeting record set as UN documents are
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs icat-tracker-cli ($ICAT_CLI) on a new database seeded
 * with ICAT's history and reads the PDF back with poppler's pdftotext and
 * pdffonts: the faces used (build-aux/dev installs them), the cover's
 * count in a sentence, a contents page only for ten entries or more, lead
 * agencies beside their activities and whole, typographic apostrophes.
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "icat-test-util.h"

#define JANUARY_2015_BRIEFING "a205de48-c47f-5bf7-a9a4-42c2b8275c03"

typedef IcatTestCliDir Fixture;

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  return icat_test_run_text (argv);
}

static char *
output_path (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in: %s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in: %s", part, text);
}

/* ------------------------------------------------------------------ */

/* Body in Liberation Serif (Times New Roman's metrics), headings in
 * Liberation Sans; Chinese in the Ming face AR PL UMing. */
static void
test_faces (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *plan = output_path (fixture, "plan.pdf");
  g_autofree char *record = output_path (fixture, "record.pdf");
  g_autofree char *chinese = output_path (fixture, "zh.pdf");
  g_autofree char *fonts = NULL;
  g_autofree char *record_fonts = NULL;
  g_autofree char *chinese_fonts = NULL;

  icat_test_write_document (fixture->db, (const char * const[]) { "workplan", "--year", "2016", NULL }, plan);
  fonts = icat_test_pdf_fonts (plan);
  assert_has (fonts, "LiberationSerif");
  assert_has (fonts, "LiberationSans-Bold");
  assert_lacks (fonts, "DejaVu");

  icat_test_write_document (fixture->db, (const char * const[]) { "minutes", JANUARY_2015_BRIEFING, NULL }, record);
  record_fonts = icat_test_pdf_fonts (record);
  assert_has (record_fonts, "LiberationSerif");
  assert_has (record_fonts, "LiberationSans-Bold");

  icat_test_cli_speak ("zh_CN");
  icat_test_write_document (fixture->db, (const char * const[]) { "workplan", "--year", "2016", NULL }, chinese);
  chinese_fonts = icat_test_pdf_fonts (chinese);
  assert_has (chinese_fonts, "UMing");
}

/* "This plan has 12 activities.", and the kinds under it add up to it. */
static void
test_cover_count (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "plan.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GRegex) sentence = g_regex_new ("This plan has (\\d+) activit(y|ies)\\.\\s*Action items: (\\d+) · "
                                            "papers: (\\d+) · meetings: (\\d+) · recurring dates: (\\d+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *ending = NULL;
  guint total, sum = 0;

  icat_test_write_document (fixture->db, (const char * const[]) { "workplan", "--year", "2016", NULL }, pdf);
  text = pdf_text (pdf);
  if (!g_regex_match (sentence, text, 0, &match))
    g_error ("no count sentence in: %s", text);
  total_text = g_match_info_fetch (match, 1);
  ending = g_match_info_fetch (match, 2);
  total = atoi (total_text);
  g_assert_cmpstr (ending, ==, total == 1 ? "y" : "ies");
  for (int i = 3; i <= 6; i++)
    {
      g_autofree char *number = g_match_info_fetch (match, i);

      sum += atoi (number);
    }
  g_assert_cmpuint (total, >, 1);
  g_assert_cmpuint (sum, ==, total);
}

/* A year (2025) of demo data: 60 action items, papers with their leads. */
static void
import_demo (Fixture *fixture)
{
  g_autofree char *demo = output_path (fixture, "demo.json");

  icat_test_cli_ok (fixture->db, (const char * const[]) { "demo", "--years", "1", "--meetings", "0", "--items", "60",
                                            "--seed", "2", "-o", demo, NULL });
  icat_test_cli_ok (fixture->db, (const char * const[]) { "import", demo, NULL });
}

/* Under ten entries (2016's pillars and the timeline), no contents page;
 * from ten on (a year of demo data by mandate), one. */
static void
test_contents (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *by_pillar = output_path (fixture, "pillar.pdf");
  g_autofree char *by_mandate = output_path (fixture, "mandate.pdf");
  g_autofree char *pillar_text = NULL;
  g_autofree char *mandate_text = NULL;

  icat_test_write_document (fixture->db, (const char * const[]) { "workplan", "--year", "2016", NULL }, by_pillar);
  pillar_text = pdf_text (by_pillar);
  assert_has (pillar_text, "Timeline of the year");
  assert_lacks (pillar_text, "Contents");

  import_demo (fixture);
  icat_test_write_document (fixture->db,
                            (const char * const[]) { "workplan", "--year", "2025", "--group-by", "mandate", NULL },
                            by_mandate);
  mandate_text = pdf_text (by_mandate);
  assert_has (mandate_text, "Contents");
  assert_has (mandate_text, "Timeline of the year");
}

/* Each paper's lead agencies, as its record names them, on its row. */
static GHashTable *
paper_leads (Fixture *fixture)
{
  GHashTable *leads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_extract (p.title, '$.en'), a.acronym FROM paper p "
                                       "JOIN paper_lead_agencies l ON l.owner_id = p.id JOIN agency a ON a.id = l.target_id "
                                       "WHERE p.year = 2025", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (leads, g_strndup ((const char *) sqlite3_column_text (stmt, 0), 20),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return leads;
}

/* The papers' lead agencies beside them, and typographic apostrophes. */
static void
test_leads_and_apostrophes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "plan.pdf");
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GHashTable) leads = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer title, lead;

  import_demo (fixture);
  leads = paper_leads (fixture);
  g_assert_cmpuint (g_hash_table_size (leads), >=, 2);
  icat_test_write_document (fixture->db, (const char * const[]) { "workplan", "--year", "2025", NULL }, pdf);
  text = icat_test_run_text (argv);
  flat = pdf_text (pdf);
  assert_has (flat, "activity’s start");
  assert_lacks (flat, "activity's");
  /* The lead column fits the longest acronym on one line. */
  if (strstr (text, "INTERPOL") == NULL)
    g_error ("“INTERPOL” is broken in the lead column: %s", text);

  /* A title's first line starts the row that names its lead. */
  lines = g_strsplit (text, "\n", -1);
  g_hash_table_iter_init (&iter, leads);
  while (g_hash_table_iter_next (&iter, &title, &lead))
    {
      gboolean found = FALSE;
      g_autofree char *start = g_strndup (title, 12);

      for (guint i = 0; lines[i] != NULL && !found; i++)
        found = strstr (lines[i], start) != NULL && strstr (lines[i], "Paper") != NULL && strstr (lines[i], lead) != NULL;
      if (!found)
        g_error ("no row names “%s” with its lead %s: %s", (const char *) title, (const char *) lead, text);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);
  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_autofree char *options = g_strdup_printf ("suppressions=%s/lsan-gui.supp:print_suppressions=0",
                                                  g_getenv ("G_TEST_SRCDIR"));

      g_setenv ("LSAN_OPTIONS", options, TRUE);
    }

#define ADD(path, func) \
  g_test_add ("/typography/" path, Fixture, NULL, icat_test_cli_dir_set_up, func, icat_test_cli_dir_tear_down)
  ADD ("faces", test_faces);
  ADD ("cover-count", test_cover_count);
  ADD ("contents", test_contents);
  ADD ("leads-and-apostrophes", test_leads_and_apostrophes);
#undef ADD

  return g_test_run ();
}
