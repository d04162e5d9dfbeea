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

/* How many clearances the document's papers hold in all. */
static guint
clearance_count (JsonObject *document)
{
  JsonArray *papers = json_object_get_array_member (document, "papers");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (papers); i++)
    {
      JsonObject *paper = json_array_get_object_element (papers, i);

      if (json_object_has_member (paper, "clearances"))
        count += json_array_get_length (json_object_get_array_member (paper, "clearances"));
    }
  return count;
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
  /* The demo papers' clearances were imported with them. */
  g_assert_cmpuint (clearance_count (document), >, 0);
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

static gboolean
names_agency (JsonArray  *ids,
              const char *agency)
{
  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (g_strcmp0 (json_array_get_string_element (ids, i), agency) == 0)
      return TRUE;
  return FALSE;
}

static const char *
member_or_null (JsonObject *object,
                const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_string_member (object, name) : NULL;
}

/* Papers not yet in agency review have no clearances. In review, every
 * agency writing the paper is asked (some answered); after it every one
 * answered, and an objection has its note and the paper its reason for
 * going on. Each clearance is dated after the paper was made and before
 * it was published. counts adds up the states. */
static void
assert_paper_clearances (JsonObject *paper,
                         GHashTable *counts)
{
  const char *status = json_object_get_string_member (paper, "status");
  JsonArray *lead = json_object_get_array_member (paper, "lead_agencies");
  JsonArray *contributing = json_object_get_array_member (paper, "contributing_agencies");
  JsonArray *clearances = json_object_has_member (paper, "clearances") ?
                          json_object_get_array_member (paper, "clearances") : NULL;
  const char *published_on = member_or_null (paper, "published_on");
  gboolean objected = FALSE;

  if (g_str_equal (status, "proposed") || g_str_equal (status, "drafting"))
    {
      g_assert_null (clearances);
      return;
    }
  g_assert_nonnull (clearances);
  g_assert_cmpuint (json_array_get_length (clearances), ==,
                    json_array_get_length (lead) + json_array_get_length (contributing));
  for (guint i = 0; i < json_array_get_length (clearances); i++)
    {
      JsonObject *clearance = json_array_get_object_element (clearances, i);
      const char *agency = json_object_get_string_member (clearance, "agency");
      const char *state = json_object_get_string_member (clearance, "state");
      const char *on = json_object_get_string_member (clearance, "on");
      const char *note = member_or_null (clearance, "note");

      /* The lead first, then the contributors, each once. */
      g_assert_true (i == 0 ? names_agency (lead, agency) : names_agency (contributing, agency));
      g_assert_true (i == 0 || !names_agency (lead, agency));
      g_assert_cmpstr (on, >, json_object_get_string_member (paper, "created_at"));
      if (published_on != NULL)
        g_assert_cmpstr (on, <, published_on);
      if (g_str_equal (state, "objected"))
        {
          g_assert_cmpuint (i, >, 0);
          g_assert_true (note != NULL && *note != '\0');
          objected = TRUE;
        }
      if (g_str_equal (state, "cleared-with-comments"))
        g_assert_true (note != NULL && *note != '\0');
      if (!g_str_equal (status, "agency-review"))
        g_assert_cmpstr (state, !=, "requested");
      g_hash_table_replace (counts, (gpointer) g_intern_string (state),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, state)) + 1));
    }
  if (g_str_equal (status, "agency-review"))
    g_assert_null (member_or_null (paper, "endorsement_reason"));
  else
    g_assert_true (objected == (member_or_null (paper, "endorsement_reason") != NULL));
}

/* Demo papers carry clearances fitting their stage: a coordinator sees
 * agencies that cleared, with and without comments, objections with their
 * reasons and agencies not answered yet. */
static void
test_demo_clearances (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const seeds[] = { "1", "3", "11" };
  static const char * const states[] = { "requested", "cleared", "cleared-with-comments", "objected" };

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *text = demo ("10", "0", "0", seeds[s]);
      g_autoptr(JsonObject) document = parse_object (text);
      JsonArray *papers = json_object_get_array_member (document, "papers");

      for (guint i = 0; i < json_array_get_length (papers); i++)
        assert_paper_clearances (json_array_get_object_element (papers, i), counts);
    }
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, states[i])), >, 0);
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
  g_test_add ("/cli/demo/clearances", Fixture, NULL, fixture_set_up, test_demo_clearances, fixture_tear_down);
  g_test_add ("/cli/demo/empty", Fixture, NULL, fixture_set_up, test_demo_empty, fixture_tear_down);
  g_test_add ("/cli/demo/usage", Fixture, NULL, fixture_set_up, test_demo_usage, fixture_tear_down);
  return g_test_run ();
}
