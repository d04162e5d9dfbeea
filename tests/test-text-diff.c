/* test-text-diff.c — the words that differ between two versions of a text
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-text-diff.h"
#include "icat-test-util.h"

/* The spans written "=same|-removed|+added|…" to compare in one line. */
static char *
spans_text (GPtrArray *spans)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcatDiffSpan *span = spans->pdata[i];

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append_c (text, "=-+"[span->kind]);
      g_string_append (text, span->text);
    }
  return g_string_free (text, FALSE);
}

static char *
diff_text (const char *old_text,
           const char *new_text)
{
  g_autoptr(GPtrArray) spans = icat_text_diff (old_text, new_text);

  return spans_text (spans);
}

/* Joining the spans back gives each version: nothing is lost or doubled. */
static void
assert_rebuilds (const char *old_text,
                 const char *new_text)
{
  g_autoptr(GPtrArray) spans = icat_text_diff (old_text, new_text);
  g_autoptr(GString) old_again = g_string_new (NULL);
  g_autoptr(GString) new_again = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcatDiffSpan *span = spans->pdata[i];

      if (span->kind != ICAT_DIFF_ADDED)
        g_string_append (old_again, span->text);
      if (span->kind != ICAT_DIFF_REMOVED)
        g_string_append (new_again, span->text);
      if (i > 0)
        g_assert_cmpint (span->kind, !=, ((IcatDiffSpan *) spans->pdata[i - 1])->kind);
    }
  g_assert_cmpstr (old_again->str, ==, old_text ? old_text : "");
  g_assert_cmpstr (new_again->str, ==, new_text ? new_text : "");
}

static void
test_words (void)
{
  g_autofree char *changed = diff_text ("The Working Group agreed the draft paper.",
                                        "The Working Group endorsed the draft paper.");
  g_autofree char *added = diff_text ("UNODC to circulate.", "UNODC and IOM to circulate.");
  g_autofree char *removed = diff_text ("Due in May 2026", "Due in 2026");

  g_assert_cmpstr (changed, ==, "=The Working Group |-agreed |+endorsed |=the draft paper.");
  g_assert_cmpstr (added, ==, "=UNODC |+and IOM |=to circulate.");
  g_assert_cmpstr (removed, ==, "=Due in |-May |=2026");
  assert_rebuilds ("The Working Group agreed the draft paper.", "The Working Group endorsed the draft paper.");
}

static void
test_chinese_by_character (void)
{
  g_autofree char *changed = diff_text ("工作组会议同意文件", "工作组会议核可文件");

  g_assert_cmpstr (changed, ==, "=工作组会议|-同意|+核可|=文件");
  assert_rebuilds ("工作组会议同意文件", "工作组会议核可文件");
}

static void
test_empty_and_same (void)
{
  g_autofree char *from_nothing = diff_text (NULL, "New minutes");
  g_autofree char *to_nothing = diff_text ("Old minutes", "");
  g_autofree char *same = diff_text ("Same text", "Same text");
  g_autoptr(GPtrArray) none = icat_text_diff (NULL, NULL);

  g_assert_cmpstr (from_nothing, ==, "+New minutes");
  g_assert_cmpstr (to_nothing, ==, "-Old minutes");
  g_assert_cmpstr (same, ==, "=Same text");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_interleaved_changes (void)
{
  const char *old_text = "a b c d e f g";
  const char *new_text = "a x c d y f z";
  g_autofree char *changed = diff_text (old_text, new_text);

  g_assert_cmpstr (changed, ==, "=a |-b |+x |=c d |-e |+y |=f |-g|+z");
  assert_rebuilds (old_text, new_text);
  assert_rebuilds ("Minutes of the meeting\nItem 1: agreed\n", "Item 1: not agreed\nItem 2: new");
  /* Unrelated sentences are one replacement, not stitched at a space. */
  g_free (changed);
  changed = diff_text ("who chaired this meeting.", "Quorum reached");
  g_assert_cmpstr (changed, ==, "-who chaired this meeting.|+Quorum reached");
}

/* Two long texts that differ everywhere are told as one replacement at
 * once, not compared word by word. */
static void
test_long_texts_stay_fast (void)
{
  g_autoptr(GString) old_text = g_string_new ("Start ");
  g_autoptr(GString) new_text = g_string_new ("Start ");
  g_autoptr(GPtrArray) spans = NULL;
  gint64 began;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (old_text, "o%u ", i);
      g_string_append_printf (new_text, "n%u ", i);
    }
  began = g_get_monotonic_time ();
  spans = icat_text_diff (old_text->str, new_text->str);
  g_assert_cmpint (g_get_monotonic_time () - began, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpint (((IcatDiffSpan *) spans->pdata[1])->kind, ==, ICAT_DIFF_REMOVED);
  g_assert_cmpint (((IcatDiffSpan *) spans->pdata[2])->kind, ==, ICAT_DIFF_ADDED);
  g_assert_cmpint (((IcatDiffSpan *) spans->pdata[0])->kind, ==, ICAT_DIFF_SAME);
  g_assert_cmpstr (((IcatDiffSpan *) spans->pdata[0])->text, ==, "Start ");
  assert_rebuilds (old_text->str, new_text->str);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add_func ("/text-diff/words", test_words);
  g_test_add_func ("/text-diff/chinese-by-character", test_chinese_by_character);
  g_test_add_func ("/text-diff/empty-and-same", test_empty_and_same);
  g_test_add_func ("/text-diff/interleaved-changes", test_interleaved_changes);
  g_test_add_func ("/text-diff/long-texts-stay-fast", test_long_texts_stay_fast);

  return g_test_run ();
}
