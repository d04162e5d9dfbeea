/* test-cli-demo.c — icat-tracker-cli demo, run as the real program: a
 * made-up document that imports, repeats itself for a seed and holds
 * what was asked for
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "icat-test-cli.h"
#include "icat-test-util.h"

/* The built-in data holds no action items and no work plans. */
#define SEED_MEETINGS 19
#define SEED_PAPERS   25

static char *
demo (const char *years,
      const char *meetings,
      const char *items,
      const char *seed)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "demo", "--years", years, "--meetings", meetings, "--items", items,
                        "--seed", seed, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

static guint
list_length (JsonObject *document,
             const char *name)
{
  return json_array_get_length (json_object_get_array_member (document, name));
}

static gboolean
has_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static void
test_demo_imports (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonObject) document = NULL;

  g_assert_cmpint (cli (&out, &err, "demo", "--years", "3", "--meetings", "12", "--items", "300",
                        "--output", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 12 meetings, 3 papers and a work plan a year, 300 action items. */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_contains (out, "Records added: 324; updated: 0;");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");

  exported = export_db (fixture->db);
  document = parse_object (exported);
  g_assert_cmpuint (list_length (document, "action_items"), ==, 300);
  g_assert_cmpuint (list_length (document, "meetings"), ==, 12 + SEED_MEETINGS);
  g_assert_cmpuint (list_length (document, "papers"), ==, 9 + SEED_PAPERS);
  g_assert_cmpuint (list_length (document, "work_plans"), ==, 3);
}

static void
test_demo_seed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = demo ("2", "10", "200", "7");
  g_autofree char *again = demo ("2", "10", "200", "7");
  g_autofree char *other = demo ("2", "10", "200", "8");
  g_autofree char *default_seed = NULL;
  g_autofree char *seed_one = demo ("10", "500", "100", "1");
  g_autofree char *err = NULL;

  g_assert_cmpuint (strlen (first), >, 10000);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other);

  /* The default is seed 1, the ten years and 500 meetings. */
  g_assert_cmpint (cli (&default_seed, &err, "demo", "--items", "100", NULL), ==, 0);
  g_assert_cmpstr (default_seed, ==, seed_one);
}

/* Each kind of text in the document: titles in both languages. */
static void
assert_both_languages (JsonObject *document)
{
  JsonArray *meetings = json_object_get_array_member (document, "meetings");
  JsonArray *items = json_object_get_array_member (document, "action_items");
  guint chinese = 0;

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *title = json_object_get_object_member (json_array_get_object_element (meetings, i), "title");

      g_assert_false (has_chinese (json_object_get_string_member (title, "en")));
      g_assert_true (has_chinese (json_object_get_string_member (title, "zh")));
    }
  for (guint i = 0; i < json_array_get_length (items); i++)
    chinese += has_chinese (json_object_get_string_member (json_array_get_object_element (items, i), "title"));
  /* A quarter of the titles are Chinese, give or take. */
  g_assert_cmpuint (chinese, >, json_array_get_length (items) / 8);
  g_assert_cmpuint (chinese, <, json_array_get_length (items) / 2);
}

/* Due dates in every year asked for and no other, several statuses, and
 * items that come from a meeting and answer a mandate. */
static void
assert_spread (JsonObject *document,
               int         first_year,
               int         last_year)
{
  JsonArray *items = json_object_get_array_member (document, "action_items");
  g_autoptr(GHashTable) years = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  guint from_meetings = 0, with_mandates = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      int year = atoi (json_object_get_string_member (item, "due"));

      g_assert_cmpint (year, >=, first_year);
      g_assert_cmpint (year, <=, last_year);
      g_hash_table_add (years, GINT_TO_POINTER (year));
      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (item, "status"));
      from_meetings += json_object_has_member (item, "meeting");
      with_mandates += json_array_get_length (json_object_get_array_member (item, "mandates")) > 0;
    }
  g_assert_cmpuint (g_hash_table_size (years), ==, last_year - first_year + 1);
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 5);
  g_assert_cmpuint (from_meetings, >, 0);
  g_assert_cmpuint (with_mandates, >, 0);
}

static void
test_demo_contents (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = demo ("4", "20", "1000", "3");
  g_autoptr(JsonObject) document = parse_object (text);
  JsonObject *meeting;

  g_assert_cmpstr (json_object_get_string_member (document, "format"), ==, "icat-tracker");
  g_assert_cmpuint (list_length (document, "meetings"), ==, 20);
  g_assert_cmpuint (list_length (document, "action_items"), ==, 1000);
  g_assert_cmpuint (list_length (document, "papers"), ==, 12);
  g_assert_cmpuint (list_length (document, "work_plans"), ==, 4);
  assert_both_languages (document);
  assert_spread (document, 2022, 2025);

  /* A meeting has its record: agenda with minutes, decisions, attendance. */
  meeting = json_array_get_object_element (json_object_get_array_member (document, "meetings"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "agenda")), >=, 3);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (
    json_object_get_array_member (meeting, "agenda"), 0), "minutes"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "decisions")), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendance")), >=, 6);
}

/* Nothing but one year's work plan, still a document that imports. */
static void
test_demo_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.json", NULL);
  g_autofree char *text = demo ("1", "0", "0", "0");
  g_autoptr(JsonObject) document = parse_object (text);
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *plan;

  g_assert_cmpuint (list_length (document, "meetings"), ==, 0);
  g_assert_cmpuint (list_length (document, "action_items"), ==, 0);
  g_assert_cmpuint (list_length (document, "work_plans"), ==, 1);
  plan = json_array_get_object_element (json_object_get_array_member (document, "work_plans"), 0);
  g_assert_cmpint (json_object_get_int_member (plan, "year"), ==, 2025);
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "draft");

  write_file (path, text, -1);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", path, NULL), ==, 0);
  assert_contains (out, "Records added: 4;");
}

static void
test_demo_usage (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const wrong[][3] = {
    { "--years", "0", "--years wants a number from 1 to 100, not “0”" },
    { "--years", "101", "--years wants a number from 1 to 100, not “101”" },
    { "--items", "-1", "--items wants a number from 0 to 10000000, not “-1”" },
    { "--meetings", "many", "--meetings wants a number from 0 to 100000, not “many”" },
    { "--seed", "", "--seed wants a number from 0 to 18446744073709551615, not “”" },
  };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_cmpint (cli (&out, &err, "demo", wrong[i][0], wrong[i][1], NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_line_error (err, wrong[i][2]);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  g_assert_cmpint (cli (&out, &err, "demo", "extra", NULL), ==, 2);
  assert_one_line_error (err, "Unexpected argument");
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/cli/demo/imports", Fixture, NULL, fixture_set_up, test_demo_imports, fixture_tear_down);
  g_test_add ("/cli/demo/seed", Fixture, NULL, fixture_set_up, test_demo_seed, fixture_tear_down);
  g_test_add ("/cli/demo/contents", Fixture, NULL, fixture_set_up, test_demo_contents, fixture_tear_down);
  g_test_add ("/cli/demo/empty", Fixture, NULL, fixture_set_up, test_demo_empty, fixture_tear_down);
  g_test_add ("/cli/demo/usage", Fixture, NULL, fixture_set_up, test_demo_usage, fixture_tear_down);
  return g_test_run ();
}
