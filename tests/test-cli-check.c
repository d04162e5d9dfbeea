/* test-cli-check.c — icat-tracker-cli, run as the real program: check: what the database holds against the rules
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the binary ($ICAT_CLI) on databases in its own temporary
 * directory and looks at exit status, output and the database afterwards.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-db.h"
#include "icat-test-cli.h"
#include "icat-test-util.h"

/* ------------------------------------------------------------------ */
/* check                                                                */

static void
test_check_fresh (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  /* Again, on the database that now exists. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
test_check_second_chair_term (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->db);
  sql_exec (fixture->db,
            "INSERT INTO chair_term (id, created_at, updated_at, updated_by, year) VALUES "
            "('66666666-6666-4666-8666-666666666661', '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z', "
            "'99999999-9999-4999-8999-999999999999', 2016);"
            "INSERT INTO chair_term_agencies (owner_id, target_id, position) "
            "SELECT '66666666-6666-4666-8666-666666666661', id, 0 FROM agency WHERE acronym = 'IOM';");
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 1);
  if (!has_line (out, "More than one chair term is recorded for 2016."))
    g_error ("check said: %s", out);
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_check_bad_pillar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *mandate;
  g_autofree char *export = NULL;

  export = export_db (fixture->db);
  root = parse_object (export);
  mandate = json_array_get_object_element (json_object_get_array_member (root, "mandates"), 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE mandate SET pillar = 'nonsense' WHERE id = '%s'",
                                            json_object_get_string_member (mandate, "id"));

    sql_exec (fixture->db, sql);
  }
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 1);
  expected = g_strdup_printf ("mandate %s.pillar: must be one of: general, prevention, protection, "
                              "prosecution, partnership, coordination, reporting",
                              json_object_get_string_member (mandate, "id"));
  if (!has_line (out, expected))
    g_error ("check said: %s", out);
  g_assert_cmpstr (err, ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("check/fresh", test_check_fresh);
  ADD ("check/second-chair-term", test_check_second_chair_term);
  ADD ("check/bad-pillar", test_check_bad_pillar);
#undef ADD

  return g_test_run ();
}
