/* test-input.c — the words an editor shows next to a field typed wrong
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "icat-input.h"
#include "icat-schema.h"
#include "icat-test-util.h"

static void
assert_problem (char       *problem,
                const char *expected)
{
  g_autofree char *owned = problem;

  g_assert_cmpstr (owned, ==, expected);
}

static void
test_date_valid (void)
{
  const char *valid[] = { "", "2026", "2026-03", "2026-03-31", "2024-02-29", "1900-01-01", "2026-12-31", "2199-12-31" };

  assert_problem (icat_input_date_problem (NULL), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *problem = icat_input_date_problem (valid[i]);

      g_test_message ("%s", valid[i]);
      g_assert_null (problem);
      /* What passes here is what the store accepts. */
      g_assert_true (*valid[i] == '\0' || icat_is_date (valid[i]));
    }
}

static void
test_date_day_out_of_month (void)
{
  assert_problem (icat_input_date_problem ("2026-02-30"), "February 2026 has 28 days");
  assert_problem (icat_input_date_problem ("2026-02-29"), "February 2026 has 28 days");
  assert_problem (icat_input_date_problem ("2028-02-30"), "February 2028 has 29 days");
  assert_problem (icat_input_date_problem ("2026-04-31"), "April 2026 has 30 days");
  assert_problem (icat_input_date_problem ("2026-01-32"), "January 2026 has 31 days");
  assert_problem (icat_input_date_problem ("2026-01-00"), "January 2026 has 31 days");
  g_assert_false (icat_is_date ("2026-02-30"));
}

static void
test_date_shape (void)
{
  const char *shapeless[] = { "30/02/2026", "2026-2-3", "26-02-03", "2026-02-03T10:00", "tomorrow",
                              "2026-02-", " 2026-02-03", "2026/02/03", "２０２６" };

  for (guint i = 0; i < G_N_ELEMENTS (shapeless); i++)
    {
      g_test_message ("%s", shapeless[i]);
      assert_problem (icat_input_date_problem (shapeless[i]), "Write the date as 2026-03-31, 2026-03 or 2026");
      g_assert_false (icat_is_date (shapeless[i]));
    }
}

static void
test_date_month_and_year (void)
{
  assert_problem (icat_input_date_problem ("2026-13"), "Write the month as 01 to 12");
  assert_problem (icat_input_date_problem ("2026-00-10"), "Write the month as 01 to 12");
  assert_problem (icat_input_date_problem ("1899-12-31"), "Write a year from 1900 to 2199");
  assert_problem (icat_input_date_problem ("0999"), "Write a year from 1900 to 2199");
  assert_problem (icat_input_date_problem ("2200-01-01"), "Write a year from 1900 to 2199");
  g_assert_false (icat_is_date ("2026-13"));
  g_assert_false (icat_is_date ("1899-12-31"));
  g_assert_true (icat_is_date ("2199-12-31"));
}

static void
test_date_order (void)
{
  assert_problem (icat_input_date_order_problem ("2026-05-01", "2026-04-30"), "The end is before the start");
  assert_problem (icat_input_date_order_problem ("2026", "2025-12"), "The end is before the start");
  /* Partial dates compare as far as both go. */
  assert_problem (icat_input_date_order_problem ("2026-05-01", "2026-05"), NULL);
  assert_problem (icat_input_date_order_problem ("2026-05-01", "2026-05-01"), NULL);
  assert_problem (icat_input_date_order_problem ("", "2020"), NULL);
  assert_problem (icat_input_date_order_problem ("2026", NULL), NULL);
}

static void
test_required (void)
{
  assert_problem (icat_input_title_problem (""), "A title is needed");
  assert_problem (icat_input_title_problem (NULL), "A title is needed");
  /* Spaces of any script are still blank. */
  assert_problem (icat_input_title_problem (" \t\u3000"), "A title is needed");
  assert_problem (icat_input_title_problem ("Draft"), NULL);
  assert_problem (icat_input_required_problem ("", "A name is needed"), "A name is needed");
  assert_problem (icat_input_required_problem ("UNODC", "A name is needed"), NULL);
}

static void
test_year (void)
{
  assert_problem (icat_input_year_problem ("", 1990, 2100), NULL);
  assert_problem (icat_input_year_problem ("2026", 1990, 2100), NULL);
  assert_problem (icat_input_year_problem ("1989", 1990, 2100), "Write a year from 1990 to 2100");
  assert_problem (icat_input_year_problem ("20266", 1990, 2100), "Write a year from 1990 to 2100");
  assert_problem (icat_input_year_problem ("20x6", 1990, 2100), "Write a year from 1990 to 2100");
}

static void
test_link (void)
{
  const char *fine[] = { "", "https://icat.un.org/", "icat.un.org/papers", "/home/x/Minutes 2026.pdf",
                         "mailto:icat@un.org", "  https://icat.un.org/  ", "file:///etc/hosts" };
  const char *spaced[] = { "https://icat.un.org/a paper.pdf", "icat.un.org\tx", "https://icat.un.org/\n/x",
                           "/home/x/a\nb.pdf" };
  const char *incomplete[] = { "https://", "http:///papers", "https://icat.un.org/%zz" };

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    assert_problem (icat_input_link_problem (fine[i]), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (spaced); i++)
    assert_problem (icat_input_link_problem (spaced[i]), "A web address cannot contain spaces");
  for (guint i = 0; i < G_N_ELEMENTS (incomplete); i++)
    {
      g_test_message ("%s", incomplete[i]);
      assert_problem (icat_input_link_problem (incomplete[i]),
                      "Write a whole address, such as https://icat.un.org/, or a file’s full path");
    }
}

/* Links from data: the web and e-mail open at once; anything else only
 * once the user has seen the address and said yes. */
static void
test_link_opens_directly (void)
{
  const char *direct[] = { "https://icat.un.org/brief-15", "http://icat.un.org/", "mailto:icat@unodc.org",
                           "HTTPS://ICAT.UN.ORG/", "MailTo:icat@unodc.org",
                           "mailto:icat@unodc.org?subject=Attach%20the%20report&body=attach=me" };
  const char *asked[] = { "javascript:alert(1)", "file:///etc/passwd", "/home/x/doc.pdf", "ftp://ftp.example.org/a",
                          "vscode://file/etc/passwd", "data:text/html,<script>alert(1)</script>", "smb://share/x",
                          "JavaScript:alert(1)", "https", "", NULL,
                          "mailto:x@example.org?attach=/home/x/.ssh/id_rsa",
                          "mailto:x@example.org?subject=Hi&Attachment=file:///etc/passwd",
                          "mailto:x@example.org?%61ttach=/etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (direct); i++)
    g_assert_true (icat_input_link_opens_directly (direct[i]));
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_test_message ("%s", asked[i]);
      g_assert_false (icat_input_link_opens_directly (asked[i]));
    }
}

static void
test_not_saved (void)
{
  g_autofree char *problem = icat_input_date_problem ("2026-02-30");

  assert_problem (icat_input_not_saved_message ("due date", "Draft the paper", problem),
                  "The due date of “Draft the paper” was not saved: February 2026 has 28 days");
  assert_problem (icat_input_not_saved_message ("title", "", "A title is needed"),
                  "The title was not saved: A title is needed");
  {
    const char *fields[] = { "title", "start date", "due date", NULL };

    assert_problem (icat_input_not_saved_list_message ("Draft the paper", fields),
                    "3 fields of “Draft the paper” were not saved: title, start date, due date");
    assert_problem (icat_input_not_saved_list_message (NULL, fields + 1),
                    "2 fields were not saved: start date, due date");
  }
}

/* In Chinese the month reads as Chinese dates do; the sentence is
 * checked once the catalogue has it. */
static void
test_chinese (void)
{
  g_autofree char *problem = NULL;
  gboolean translated;

  icat_test_set_language ("zh_CN");
  translated = g_strcmp0 (ngettext ("%s has %d day", "%s has %d days", 28), "%s has %d days") != 0;
  problem = icat_input_date_problem ("2026-02-30");
  icat_test_set_language (NULL);
  g_assert_nonnull (strstr (problem, "2026年2月"));
  if (!translated)
    {
      g_test_skip ("the build's Chinese catalogue has not got this message yet");
      return;
    }
  g_assert_cmpstr (problem, ==, "2026年2月只有28天");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;

  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/input/date/valid", test_date_valid);
  g_test_add_func ("/input/date/day-out-of-month", test_date_day_out_of_month);
  g_test_add_func ("/input/date/shape", test_date_shape);
  g_test_add_func ("/input/date/month-and-year", test_date_month_and_year);
  g_test_add_func ("/input/date/order", test_date_order);
  g_test_add_func ("/input/required", test_required);
  g_test_add_func ("/input/year", test_year);
  g_test_add_func ("/input/link", test_link);
  g_test_add_func ("/input/not-saved", test_not_saved);
  g_test_add_func ("/input/link-opens-directly", test_link_opens_directly);
  g_test_add_func ("/input/chinese", test_chinese);
  return g_test_run ();
}
