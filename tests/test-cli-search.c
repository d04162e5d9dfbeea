/* test-cli-search.c — icat-tracker-cli, run as the real program: search
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-test-cli.h"
#include "icat-test-util.h"

#define MEETING_ID "11111111-1111-4111-8111-111111111111"

static void
test_search_lines (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  gboolean seen_mandate = FALSE;

  import_document (fixture, NEW_DOCUMENT);
  /* A two-character Chinese word, as Ctrl+F finds it. */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "工作组", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  /* The meeting, with the word in its title, first (the newest), then the
   * seed's Working Group meetings with it in their titles, before the
   * seed's mandates with it in their text; every line has five fields. */
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) each = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (each), ==, 5);
      if (g_str_equal (each[0], "mandate"))
        seen_mandate = TRUE;
      else
        g_assert_true (g_str_equal (each[0], "meeting") && !seen_mandate && strstr (each[3], "Working Group") != NULL);
    }
  g_assert_true (seen_mandate);
  /* kind, id, the day it meets where it meets, title, matching text */
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[0], ==, "meeting");
  g_assert_cmpstr (fields[1], ==, MEETING_ID);
  g_assert_cmpstr (fields[2], ==, "2026-03-10");
  g_assert_cmpstr (fields[3], ==, "Working Group meeting");
  g_assert_cmpstr (fields[4], ==, "…rking Group meeting 工作组会议");
}

static void
test_search_several_words (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  import_document (fixture, NEW_DOCUMENT);
  /* Words as separate arguments or in one, short or long. */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "会议", "wo", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "meeting\t" MEETING_ID "\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "Work plan", NULL), ==, 0);
  /* The matching text is the meeting's own: its venue and agenda. */
  g_assert_true (g_str_has_prefix (out, "meeting\t" MEETING_ID "\t2026-03-10\tWorking Group meeting\tGeneva Work plan\n"));
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  create_database (fixture->db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "--limit", "3", "a", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* The default is the window's 50. */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "a", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 51);
}

static void
test_search_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->db);
  /* Nothing found is not a failure (DESIGN.md: exit 0 on success, a
   * message on failure): exit 0 and no line, so a script sees no hits. */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "zzqqxx", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static void
test_search_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", NULL), ==, 2);
  assert_one_line_error (err, "Give the words to search for");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "--limit", "0", "a", NULL), ==, 2);
  assert_one_line_error (err, "--limit");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "search", "--limit", "x", "a", NULL), ==, 2);
  assert_one_line_error (err, "limit");
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
#define ADD(path, func) g_test_add ("/cli/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lines", test_search_lines);
  ADD ("several-words", test_search_several_words);
  ADD ("limit", test_search_limit);
  ADD ("nothing", test_search_nothing);
  ADD ("usage", test_search_usage);
#undef ADD
  return g_test_run ();
}
