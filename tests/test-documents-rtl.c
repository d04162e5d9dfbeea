/* test-documents-rtl.c — the work plan and the meeting record in Arabic, right to left
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs icat-tracker-cli ($ICAT_CLI) with LANGUAGE=ar and the
 * build's catalogues on a new database seeded with ICAT's history, and
 * reads the PDF back: pdftotext for the words (normalized NFKC, as Arabic
 * comes back partly in presentation forms), cropped to a strip of a page
 * to tell where they sit; pdffonts for the faces; qpdf for the bookmarks.
 * The same work plan in English is the contrast: nothing in it is mirrored.
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "icat-test-util.h"

#define JANUARY_2015_BRIEFING "a205de48-c47f-5bf7-a9a4-42c2b8275c03"

/* A4 (the C locale's paper), with 2 cm margins (icat-page-writer.c). */
#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.89
#define MARGIN      56.7
#define BODY_WIDTH  (PAGE_WIDTH - 2 * MARGIN)

/* The words as po/ar.po has them. */
#define AR_WORK_PLAN  "خطة العمل"
#define AR_ACTIVITY   "النشاط"    /* the first column of the work plan's tables */
#define AR_STATUS     "الحالة"    /* their last column */
#define AR_AGENCY     "الوكالة"   /* the first column of the attendance */
#define AR_DELEGATES  "المندوبون" /* its last column */
#define AR_ATTENDANCE "الحضور"    /* the section's heading */
#define AR_PAGE       "الصفحة"    /* "Page %u of %u" */
#define AR_TIMELINE   "الجدول الزمني للسنة"

typedef IcatTestCliDir Fixture;

/* The CLI's document (workplan or minutes) written to a new PDF. */
static char *
write_document (Fixture            *fixture,
                const char * const *args,
                const char         *name)
{
  char *pdf = g_build_filename (fixture->dir, name, NULL);

  icat_test_write_document (fixture->db, args, pdf);
  return pdf;
}

/* The text of the whole document (page 0) or of a part of one page: x, y,
 * width and height in points from the top left. */
static char *
pdf_text (const char *pdf,
          guint       page,
          double      x,
          double      y,
          double      width,
          double      height)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *x_text = g_strdup_printf ("%d", (int) x);
  g_autofree char *y_text = g_strdup_printf ("%d", (int) y);
  g_autofree char *w_text = g_strdup_printf ("%d", (int) width);
  g_autofree char *h_text = g_strdup_printf ("%d", (int) height);
  const char *whole[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *part[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, "-x", x_text, "-y", y_text,
                         "-W", w_text, "-H", h_text, pdf, "-", NULL };
  g_autofree char *text = icat_test_run_text (page == 0 ? whole : part);

  return icat_test_squeezed_normal (text);
}

/* The first page (from 1) with text on it. */
static guint
page_of (const char *pdf,
         const char *text)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *all = icat_test_run_text (argv);
  g_auto(GStrv) pages = g_strsplit (all, "\f", -1);
  g_autofree char *wanted = icat_test_squeezed_normal (text);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *page = icat_test_squeezed_normal (pages[i]);

      if (strstr (page, wanted) != NULL)
        return i + 1;
    }
  g_error ("“%s” is on no page of %s", text, pdf);
  return 0;
}

static void
assert_has (const char *text,
            const char *part)
{
  g_autofree char *wanted = icat_test_squeezed_normal (part);

  if (strstr (text, wanted) == NULL)
    g_error ("“%s” is not in: %s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  g_autofree char *unwanted = icat_test_squeezed_normal (part);

  if (strstr (text, unwanted) != NULL)
    g_error ("“%s” should not be in: %s", part, text);
}

static void
assert_font (const char *pdf,
             const char *font)
{
  g_autofree char *fonts = icat_test_pdf_fonts (pdf);

  if (strstr (fonts, font) == NULL)
    g_error ("%s is not embedded in %s: %s", font, pdf, fonts);
}

/* The PDF's bookmarks name title. */
static void
assert_outline (const char *pdf,
                const char *title)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=outlines", pdf, NULL };
  g_autofree char *json = icat_test_run_text (argv);
  g_autofree char *outlines = icat_test_squeezed_normal (json);

  assert_has (outlines, title);
}

/* A word as pdftotext -bbox places it: from the left and top, in points. */
typedef struct {
  char   *text;  /* squeezed */
  double  left;
  double  top;
  double  right;
} Word;

static void
word_clear (Word *word)
{
  g_free (word->text);
}

/* The words of one page (from 1). */
static GArray *
page_words (const char *pdf,
            guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *html = icat_test_run_text (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\""
                                         " yMax=\"[0-9.]+\">([^<]*)</word>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  g_regex_match (regex, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *left = g_match_info_fetch (match, 1);
      g_autofree char *top = g_match_info_fetch (match, 2);
      g_autofree char *right = g_match_info_fetch (match, 3);
      g_autofree char *text = g_match_info_fetch (match, 4);
      Word word = { icat_test_squeezed_normal (text), g_ascii_strtod (left, NULL),
                    g_ascii_strtod (top, NULL), g_ascii_strtod (right, NULL) };

      g_array_append_val (words, word);
    }
  g_assert_cmpuint (words->len, >, 0);
  return words;
}

/* The word next to word on its line, to its left (side < 0) or right. */
static const Word *
neighbour (GArray     *words,
           const Word *word,
           int         side)
{
  const Word *nearest = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *other = &g_array_index (words, Word, i);
      gboolean beside = side < 0 ? other->right <= word->left + 0.5 : other->left >= word->right - 0.5;

      if (other == word || fabs (other->top - word->top) > 1.5 || !beside)
        continue;
      if (nearest == NULL || (side < 0 ? other->right > nearest->right : other->left < nearest->left))
        nearest = other;
    }
  return nearest;
}

static gboolean
is_number (const Word *word,
           guint       min_digits,
           guint       max_digits)
{
  gsize length = word != NULL ? strlen (word->text) : 0;

  if (length < min_digits || length > max_digits)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (word->text[i]))
      return FALSE;
  return TRUE;
}

/* English, not part of a date: "held in May 2013". */
static gboolean
is_english_word (const Word *word)
{
  for (const char *p = word->text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return word->text[0] != '\0';
}

/* Dates are written under the C locale here: English month names. */
static gboolean
is_month (const Word *word)
{
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December", NULL };

  return g_strv_contains (months, word->text);
}

/* ------------------------------------------------------------------ */

/* Where the first table of the work plan puts its first and last column's
 * headers, and the footer its page number. rtl: the places mirrored. */
static void
assert_work_plan_places (const char *pdf,
                         const char *first_header,
                         const char *last_header,
                         const char *page_word,
                         gboolean    rtl)
{
  guint page = page_of (pdf, first_header);
  /* The first column takes a third of the width, the last a seventh. */
  g_autofree char *left_strip = pdf_text (pdf, page, 0, 0, MARGIN + 0.14 * BODY_WIDTH, PAGE_HEIGHT);
  g_autofree char *right_strip = pdf_text (pdf, page, PAGE_WIDTH - MARGIN - 0.14 * BODY_WIDTH, 0,
                                           MARGIN + 0.14 * BODY_WIDTH, PAGE_HEIGHT);
  g_autofree char *left_foot = pdf_text (pdf, page, 0, PAGE_HEIGHT - 60, PAGE_WIDTH / 2, 60);
  g_autofree char *right_foot = pdf_text (pdf, page, PAGE_WIDTH / 2, PAGE_HEIGHT - 60, PAGE_WIDTH / 2, 60);

  g_assert_cmpuint (page, >, 1);  /* past the cover */
  assert_has (rtl ? right_strip : left_strip, first_header);
  assert_lacks (rtl ? left_strip : right_strip, first_header);
  assert_has (rtl ? left_strip : right_strip, last_header);
  assert_lacks (rtl ? right_strip : left_strip, last_header);
  assert_has (rtl ? left_foot : right_foot, page_word);
  assert_lacks (rtl ? right_foot : left_foot, page_word);
}

/* The work plan in Arabic: its words, shaped in Noto Naskh Arabic, the
 * tables' first column on the right, the page number on the left; the
 * same plan in English as it always was. */
static void
test_work_plan (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "workplan", "--year", "2016", NULL };
  g_autofree char *english = write_document (fixture, args, "en.pdf");
  g_autofree char *arabic = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date_line = NULL;

  assert_work_plan_places (english, "Activity", "Status", "Page", FALSE);

  icat_test_cli_speak ("ar");
  arabic = write_document (fixture, args, "ar.pdf");
  text = pdf_text (arabic, 0, 0, 0, 0, 0);
  assert_has (text, AR_WORK_PLAN);
  assert_has (text, AR_TIMELINE);
  assert_font (arabic, "NotoNaskhArabic-Regular");
  assert_font (arabic, "NotoNaskhArabic-Bold");
  assert_work_plan_places (arabic, AR_ACTIVITY, AR_STATUS, AR_PAGE, TRUE);
  /* A Latin date in an Arabic table keeps its order. */
  assert_has (text, "30July2016");
  assert_outline (arabic, AR_TIMELINE);
}

/* The meeting record in Arabic: the attendance table mirrored, its
 * heading at the right margin. */
static void
test_meeting_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *right_edge = NULL;
  g_autofree char *left_part = NULL;
  guint page;

  icat_test_cli_speak ("ar");
  pdf = write_document (fixture, (const char * const[]) { "minutes", JANUARY_2015_BRIEFING, NULL }, "record.pdf");
  text = pdf_text (pdf, 0, 0, 0, 0, 0);
  assert_has (text, AR_ATTENDANCE);
  assert_has (text, AR_DELEGATES);
  assert_font (pdf, "NotoNaskhArabic");

  page = page_of (pdf, AR_DELEGATES);
  /* The first column (a fifth of the width) on the right, the delegates
   * (two thirds) on the left. The heading "Attendance" ends at the right
   * margin; the column of that name starts a fifth of the width in. */
  right_edge = pdf_text (pdf, page, PAGE_WIDTH - MARGIN - 70, 0, MARGIN + 70, PAGE_HEIGHT);
  left_part = pdf_text (pdf, page, 0, 0, MARGIN + 0.66 * BODY_WIDTH, PAGE_HEIGHT);
  assert_has (right_edge, AR_AGENCY);
  assert_has (right_edge, AR_ATTENDANCE);
  assert_lacks (right_edge, AR_DELEGATES);
  assert_has (left_part, AR_DELEGATES);
  assert_lacks (left_part, AR_AGENCY);
  assert_lacks (left_part, AR_ATTENDANCE);
}

/* A report in Arabic: a mandate's label ("A/RES/72/195، الفقرة 21")
 * starts at the right margin, as every line does, with its Latin reference
 * in its own order; a Latin date inside an Arabic sentence ("… في 6
 * December 2026") reads as one date, the day left of the month and the
 * year right of it, not split around the Arabic. */
static void
test_report_mixed_text (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const args[] = { "report", "coverage", "--year", "2016", NULL };
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) words = NULL;
  guint labels = 0;
  guint dates = 0;

  icat_test_cli_speak ("ar");
  pdf = write_document (fixture, args, "coverage.pdf");
  words = page_words (pdf, 1);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      const Word *after = neighbour (words, word, 1);

      if (g_str_has_prefix (word->text, "A/RES/72/195"))
        {
          /* The heading's at the margin, the table's first column's in its cell. */
          g_assert_cmpfloat (word->right, >, PAGE_WIDTH - MARGIN - 6);
          g_assert_null (after);
          labels++;
        }
      if (is_month (word) && is_number (after, 4, 4))
        {
          const Word *before = neighbour (words, word, -1);

          /* In English text quoted from a resolution, or starting its line. */
          if (before == NULL || is_english_word (before))
            continue;
          if (!is_number (before, 1, 2))
            g_error ("“%s %s” has “%s” on its left, not its day", word->text, after->text, before->text);
          dates++;
        }
    }
  /* The heading of paragraph 21 and four rows of paragraphs with no work;
   * the date the records were drafted from. */
  g_assert_cmpuint (labels, >=, 5);
  g_assert_cmpuint (dates, >=, 1);
}

/* The same report as .odt, for Word and LibreOffice to lay out: its
 * left-to-right phrases isolated as the PDF's are (LRI … PDI), the date in
 * the Arabic sentence and the reference alone in its heading alike. */
static void
test_report_odt_isolates (Fixture       *fixture,
                          gconstpointer  data)
{
  const char * const args[] = { "report", "coverage", "--year", "2016", NULL };
  g_autofree char *odt = NULL;
  g_autofree char *content = NULL;
  g_autoptr(GRegex) date = g_regex_new ("\u2066[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}\u2069", 0, 0, NULL);

  icat_test_cli_speak ("ar");
  odt = write_document (fixture, args, "coverage.odt");
  content = icat_test_run_text ((const char *[]) { "unzip", "-p", odt, "content.xml", NULL });
  g_assert_true (g_regex_match (date, content, 0, NULL));
  g_assert_nonnull (strstr (content, "\u2066A/RES/72/195\u2069"));
}

/* LibreOffice lays the Arabic .odt out from the right: a mandate's label
 * ends at the right margin, not the left. */
static void
test_report_odt_right_aligned (Fixture       *fixture,
                               gconstpointer  data)
{
  const char * const args[] = { "report", "coverage", "--year", "2016", NULL };
  g_autofree char *odt = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) words = NULL;
  guint labels = 0;

  if (g_getenv ("ICAT_TEST_LIBREOFFICE") == NULL)
    {
      g_test_skip ("LibreOffice reads the documents in the normal build only");
      return;
    }
  icat_test_cli_speak ("ar");
  odt = write_document (fixture, args, "coverage.odt");
  pdf = icat_test_libreoffice_convert (fixture->dir, odt, "pdf");
  words = page_words (pdf, 1);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (strstr (word->text, "A/RES/72/195") == NULL)
        continue;
      g_assert_cmpfloat (word->right, >, PAGE_WIDTH / 2);
      labels++;
    }
  g_assert_cmpuint (labels, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

  g_test_add ("/documents-rtl/work-plan", Fixture, NULL, icat_test_cli_dir_set_up, test_work_plan,
              icat_test_cli_dir_tear_down);
  g_test_add ("/documents-rtl/meeting-record", Fixture, NULL, icat_test_cli_dir_set_up, test_meeting_record,
              icat_test_cli_dir_tear_down);
  g_test_add ("/documents-rtl/report-mixed-text", Fixture, NULL, icat_test_cli_dir_set_up, test_report_mixed_text,
              icat_test_cli_dir_tear_down);
  g_test_add ("/documents-rtl/report-odt-isolates", Fixture, NULL, icat_test_cli_dir_set_up,
              test_report_odt_isolates, icat_test_cli_dir_tear_down);
  g_test_add ("/documents-rtl/report-odt-right-aligned", Fixture, NULL, icat_test_cli_dir_set_up,
              test_report_odt_right_aligned, icat_test_cli_dir_tear_down);
  return g_test_run ();
}
