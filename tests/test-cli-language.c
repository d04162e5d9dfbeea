/* test-cli-language.c — icat-tracker-cli --language: a document in another
 * language than the messages'
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each document is written with LANGUAGE set to another language than the
 * one asked for, and read back: PDFs with pdftotext, the .odt's XML with
 * unzip, CSV and iCalendar as they are.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "icat-languages.h"
#include "icat-test-cli.h"
#include "icat-test-util.h"

#define UNODC_EN "United Nations Office on Drugs and Crime"
#define UNODC_ZH "联合国毒品和犯罪问题办公室"
#define NEW_MEETING_ID "11111111-1111-4111-8111-111111111111"   /* NEW_DOCUMENT's */

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  return icat_test_run_text (argv);
}

static char *
odt_part (const char *odt,
          const char *part)
{
  const char *argv[] = { "unzip", "-p", odt, part, NULL };

  return icat_test_run_text (argv);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in: %s", part, text);
}

/* The 2025 work plan written by a CLI that speaks messages, in the
 * document language language, at name in the fixture's folder: its path. */
static char *
work_plan_in (Fixture    *fixture,
              const char *messages,
              const char *language,
              const char *name)
{
  char *pdf = g_build_filename (fixture->dir, name, NULL);

  icat_test_cli_speak (messages);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "workplan", "--year", "2025", "--language", language,
                        "-o", pdf, NULL), ==, 0);
  return pdf;
}

static void
test_workplan_chinese (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = work_plan_in (fixture, "en", "zh_CN", "plan.pdf");
  g_autofree char *text = pdf_text (pdf);

  assert_contains (text, "2025年工作计划");
  /* The agencies' localized names follow the document too. */
  assert_contains (text, UNODC_ZH);
  assert_lacks (text, "Work plan 2025");
  assert_lacks (text, UNODC_EN);
}

static void
test_workplan_english (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;

  icat_test_cli_speak ("zh_CN");
  g_assert_cmpint (cli (NULL, &err, "--database", fixture->db, "workplan", "--year", "2025", "--language=en",
                        "-o", pdf, NULL), ==, 0);
  text = pdf_text (pdf);
  assert_contains (text, "Work plan 2025");
  assert_contains (text, UNODC_EN);
  assert_lacks (text, "工作计划");
  assert_lacks (text, UNODC_ZH);
}

/* The group's and the agencies' names in the built-in data's six
 * languages: the document's, not the messages'. */
static void
test_workplan_french_names (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *pdf = work_plan_in (fixture, "zh_CN", "fr", "plan.pdf");
  g_autofree char *text = g_strdelimit (pdf_text (pdf), "\n", ' ');

  assert_contains (text, "Groupe de coordination interinstitutions contre la traite des personnes (ICAT)");
  assert_contains (text, "Office des Nations Unies contre la drogue et le crime");
  assert_lacks (text, "Inter-Agency Coordination Group");
  assert_lacks (text, UNODC_EN);
  assert_lacks (text, UNODC_ZH);
}

/* Search finds an agency by its name in any language, and names it in the
 * user's. */
static void
test_search_russian_names (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;

  icat_test_cli_speak ("ru");
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "search", "Travail", NULL), ==, 0);
  assert_contains (out, "\tILO — Международная организация труда\t");
  g_unsetenv ("LANGUAGE");
}

static void
test_report_odt_french (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (fixture->dir, "coverage.odt", NULL);
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *styles = NULL;

  icat_test_cli_speak ("zh_CN");
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "coverage", "--year", "2025",
                        "--language", "fr", "-o", odt, NULL), ==, 0);
  content = odt_part (odt, "content.xml");
  assert_contains (content, "Couverture des mandats de l’ICAT en 2025");
  assert_lacks (content, "落实情况");
  meta = odt_part (odt, "meta.xml");
  assert_contains (meta, "<dc:language>fr</dc:language>");
  /* The default style, which spelling checkers go by, says so too. */
  styles = odt_part (odt, "styles.xml");
  assert_contains (styles, "fo:language=\"fr\" fo:country=\"none\"");
}

/* A French record from an Arabic desktop (LANG=ar_EG.UTF-8): the months
 * are French too, from the French locale, not the user's. */
static void
test_minutes_french_dates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *lang = g_strdup (g_getenv ("LANG"));
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  gboolean installed;

  installed = setlocale (LC_ALL, "ar_EG.UTF-8") != NULL && setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  setlocale (LC_ALL, saved_locale);
  if (!installed)
    {
      g_test_skip ("ar_EG.UTF-8 or fr_FR.UTF-8 is not installed (locales-all)");
      return;
    }
  import_document (fixture, NEW_DOCUMENT);
  icat_test_cli_speak ("ar");
  g_setenv ("LANG", "ar_EG.UTF-8", TRUE);
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "minutes", NEW_MEETING_ID, "--language", "fr",
                        "-o", pdf, NULL), ==, 0);
  if (lang != NULL)
    g_setenv ("LANG", lang, TRUE);
  else
    g_unsetenv ("LANG");
  text = pdf_text (pdf);
  assert_contains (text, "10 mars 2026");
  assert_lacks (text, "مارس");
  assert_lacks (text, "March");
}

/* The language tag of a PDF's catalog, as qpdf reads the file: the update
 * that adds it must leave a PDF that qpdf finds sound. */
static char *
pdf_catalog (const char *pdf)
{
  const char *check[] = { "qpdf", "--check", pdf, NULL };
  const char *trailer_argv[] = { "qpdf", "--show-object=trailer", pdf, NULL };
  g_autofree char *checked = icat_test_run_text (check);
  g_autofree char *trailer = icat_test_run_text (trailer_argv);
  g_autofree char *show_root = NULL;
  const char *root = strstr (trailer, "/Root ");

  assert_contains (checked, "No syntax or stream encoding errors found");
  g_assert_nonnull (root);
  show_root = g_strdup_printf ("--show-object=%" G_GUINT64_FORMAT, g_ascii_strtoull (root + 6, NULL, 10));
  return icat_test_run_text ((const char * const[]) { "qpdf", show_root, pdf, NULL });
}

static void
test_pdf_says_language (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *arabic = work_plan_in (fixture, "fr", "ar", "plan-ar.pdf");
  g_autofree char *english = work_plan_in (fixture, "fr", "en", "plan-en.pdf");
  g_autofree char *chinese = g_build_filename (fixture->dir, "coverage.pdf", NULL);
  g_autofree char *catalog = NULL;

  catalog = pdf_catalog (arabic);
  assert_contains (catalog, "/Lang (ar)");
  assert_contains (catalog, "/Type /Catalog");
  g_clear_pointer (&catalog, g_free);
  catalog = pdf_catalog (english);
  assert_contains (catalog, "/Lang (en)");
  g_clear_pointer (&catalog, g_free);
  /* A report, which is laid out otherwise: the same catalog. */
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "report", "coverage", "--year", "2025",
                        "--language", "zh_CN", "-o", chinese, NULL), ==, 0);
  catalog = pdf_catalog (chinese);
  assert_contains (catalog, "/Lang (zh-CN)");
}

/* --omit leaves a section of the record out, as the app's file chooser
 * does: the app passes it on for a record in another language. */
static void
test_minutes_omit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *whole = g_build_filename (fixture->dir, "whole.pdf", NULL);
  g_autofree char *part = g_build_filename (fixture->dir, "part.pdf", NULL);
  g_autofree char *whole_text = NULL;
  g_autofree char *part_text = NULL;
  g_autofree char *err = NULL;

  import_document (fixture, NEW_DOCUMENT);
  icat_test_cli_speak ("en");
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "minutes", NEW_MEETING_ID, "--language", "fr",
                        "-o", whole, NULL), ==, 0);
  whole_text = pdf_text (whole);
  assert_contains (whole_text, "Présences");
  assert_contains (whole_text, "Ordre du jour et procès-verbal");
  g_assert_cmpint (cli (NULL, NULL, "--database", fixture->db, "minutes", NEW_MEETING_ID, "--language", "fr",
                        "--omit", "attendance", "--omit", "agenda", "-o", part, NULL), ==, 0);
  part_text = pdf_text (part);
  assert_lacks (part_text, "Présences");
  assert_lacks (part_text, "Ordre du jour");
  assert_contains (part_text, "Groupe de travail");

  g_assert_cmpint (cli (NULL, &err, "--database", fixture->db, "minutes", NEW_MEETING_ID, "--omit", "timeline",
                        "-o", part, NULL), ==, 2);
  assert_one_line_error (err, "“timeline”");
  assert_contains (err, "attendance, agenda, decisions, action-items, attachments");
}

static void
test_csv_spanish (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *english = NULL;

  icat_test_cli_speak ("fr");
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "csv", "--language", "es",
                        NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Título,Responsable,Organismos de apoyo,"));
  /* Without --language, the messages' language as before. */
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (cli (&english, NULL, "--database", fixture->db, "export", "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (english, "Title,Owner,Supporting agencies,"));
}

static void
test_ics_chinese_titles (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;

  import_document (fixture, NEW_DOCUMENT);
  icat_test_cli_speak ("en");
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "ics", "--year", "2026",
                        "--language", "zh_CN", NULL), ==, 0);
  assert_contains (out, "SUMMARY:工作组会议");
  assert_lacks (out, "Working Group meeting");
}

/* A meeting whose agenda item serves two mandates: A/RES/72/195
 * paragraphs 10 and 14. */
#define TWO_MANDATES_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{" \
  "\"id\": \"" NEW_MEETING_ID "\", \"created_at\": \"2025-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2025-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\"}, " \
  "\"starts_at\": \"2025-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\", " \
  "\"agenda\": [{\"id\": \"22222222-2222-4222-8222-222222222221\", \"position\": 0, \"title\": \"Work plan\", " \
  "\"mandates\": [\"93492e55-1624-5898-987b-6a86af846efb\", \"054f808b-9a32-53e2-a3a5-b1a1d999d7d0\"]}]}]}"

/* The text of the CLI's document (args: "minutes", id, NULL) in language,
 * written by a CLI whose messages are French, whose separator is " ; ". */
static char *
document_text_in (Fixture            *fixture,
                  const char * const *args,
                  const char         *language)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "document.pdf", NULL);
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;

  g_strv_builder_addv (argv, (const char **) args);
  g_strv_builder_add_many (argv, "--language", language, "-o", pdf, NULL);
  command = g_strv_builder_end (argv);
  icat_test_cli_speak ("fr");
  g_assert_cmpint (icat_test_run_cli_on (fixture->db, (const char * const *) command, NULL, NULL), ==, 0);
  return pdf_text (pdf);
}

/* Lists in a document are joined as its language writes them: "؛ " in
 * Arabic, "；" in Chinese, "; " in English, whatever the messages'
 * language; Arabic and Chinese keep no ASCII semicolon anywhere. */
static void
test_list_separator (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const minutes[] = { "minutes", NEW_MEETING_ID, NULL };
  const char * const handover[] = { "report", "handover", "--year", "2025", NULL };
  g_autofree char *record_en = NULL;
  g_autofree char *record_zh = NULL;
  g_autofree char *record_ar = NULL;
  g_autofree char *handover_zh = NULL;
  g_autofree char *handover_ar = NULL;

  import_document (fixture, TWO_MANDATES_DOCUMENT);
  record_en = document_text_in (fixture, minutes, "en");
  assert_contains (record_en, "Mandates: A/RES/72/195, para. 10; A/RES/72/195, para. 14");
  record_zh = document_text_in (fixture, minutes, "zh_CN");
  assert_contains (record_zh, "第 10 段；A/RES/72/195，第 14 段");
  assert_lacks (record_zh, ";");
  record_ar = document_text_in (fixture, minutes, "ar");
  assert_contains (record_ar, "؛");
  assert_lacks (record_ar, ";");

  /* The handover pack: the paragraphs without work, and the rotation's rule. */
  handover_zh = document_text_in (fixture, handover, "zh_CN");
  assert_contains (handover_zh, "第 7 段；");
  assert_contains (handover_zh, "每年两位共同主席；");
  assert_lacks (handover_zh, ";");
  handover_ar = document_text_in (fixture, handover, "ar");
  assert_contains (handover_ar, "؛");
  assert_lacks (handover_ar, ";");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  struct {
    const char *args[8];
    const char *says;
  } cases[] = {
    { { "workplan", "--year", "2025", "--language", "de", "-o", "x.pdf", NULL }, "“de”" },
    { { "minutes", "--language", "zh", "-o", "x.pdf", "some-id", NULL }, "“zh”" },
    { { "report", "handover", "--year", "2025", "--language=", "-o", "x.pdf", NULL }, "“”" },
    { { "export", "--format", "csv", "--language", "EN", NULL }, "“EN”" },
    { { "export", "--language", "fr", NULL }, "JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (icat_test_run_cli_on (fixture->db, cases[i].args, &out, &err), ==, 2);
      assert_one_line_error (err, cases[i].says);
      if (!g_str_equal (cases[i].says, "JSON"))
        assert_contains (err, "ar, en, es, fr, ru, zh_CN");
      g_assert_cmpstr (out, ==, "");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The choices are English and the catalogues of po/LINGUAS, no more. */
static void
test_languages_match_linguas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *codes = icat_language_codes ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  const IcatLanguage *languages;
  guint n_languages;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_ptr_array_add (expected, (gpointer) "en");
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_ptr_array_add (expected, g_strstrip (lines[i]));
  g_ptr_array_sort (expected, compare_strings);
  languages = icat_languages (&n_languages);
  g_assert_cmpuint (n_languages, ==, expected->len);
  for (guint i = 0; i < n_languages; i++)
    {
      g_assert_cmpstr (languages[i].code, ==, expected->pdata[i]);
      g_assert_true (icat_language_find (languages[i].code) == &languages[i]);
    }
  g_assert_cmpstr (codes, ==, "ar, en, es, fr, ru, zh_CN");
  g_assert_cmpstr (icat_language_find ("fr")->name, ==, "Français");
  g_assert_null (icat_language_find (NULL));
  g_assert_null (icat_language_find (""));
  g_assert_null (icat_language_find ("zh"));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add ("/cli/language/workplan-chinese", Fixture, NULL, fixture_set_up, test_workplan_chinese,
              fixture_tear_down);
  g_test_add ("/cli/language/workplan-english", Fixture, NULL, fixture_set_up, test_workplan_english,
              fixture_tear_down);
  g_test_add ("/cli/language/workplan-french-names", Fixture, NULL, fixture_set_up, test_workplan_french_names,
              fixture_tear_down);
  g_test_add ("/cli/language/search-russian-names", Fixture, NULL, fixture_set_up, test_search_russian_names,
              fixture_tear_down);
  g_test_add ("/cli/language/report-odt-french", Fixture, NULL, fixture_set_up, test_report_odt_french,
              fixture_tear_down);
  g_test_add ("/cli/language/pdf-says-language", Fixture, NULL, fixture_set_up, test_pdf_says_language,
              fixture_tear_down);
  g_test_add ("/cli/language/minutes-french-dates", Fixture, NULL, fixture_set_up, test_minutes_french_dates,
              fixture_tear_down);
  g_test_add ("/cli/language/minutes-omit", Fixture, NULL, fixture_set_up, test_minutes_omit, fixture_tear_down);
  g_test_add ("/cli/language/csv-spanish", Fixture, NULL, fixture_set_up, test_csv_spanish, fixture_tear_down);
  g_test_add ("/cli/language/ics-chinese-titles", Fixture, NULL, fixture_set_up, test_ics_chinese_titles,
              fixture_tear_down);
  g_test_add ("/cli/language/list-separator", Fixture, NULL, fixture_set_up, test_list_separator,
              fixture_tear_down);
  g_test_add ("/cli/language/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add_func ("/cli/language/choices-match-linguas", test_languages_match_linguas);

  return g_test_run ();
}
