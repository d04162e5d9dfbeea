/* test-cli-import.c — icat-tracker-cli, run as the real program: import: replace, dry run, bad files
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
/* import                                                               */

static void
test_import_replace_round_trip (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *new_file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *first = NULL, *second = NULL, *seed = NULL;

  /* The first database gains a meeting. */
  write_file (new_file, NEW_DOCUMENT, -1);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", new_file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Records added: 1; updated: 0; kept because the stored copy is newer: 0\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "-o", backup, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  first = export_db (fixture->db);

  /* The other one starts from the seed and becomes the same. */
  seed = export_db (other);
  g_assert_cmpstr (seed, !=, first);
  g_assert_cmpint (cli (&out, &err, "--database", other, "import", "--replace", backup, NULL), ==, 0);
  assert_contains (out, "Records added: 1; updated: ");
  g_assert_true (g_str_has_suffix (out, "Records removed: 0\n"));
  second = export_db (other);
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --replace back to the seed removes the meeting again. */
  write_file (backup, seed, -1);
  g_assert_cmpint (cli (&out, &err, "--database", other, "import", "--replace", backup, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "Records removed: 1\n"));
  g_clear_pointer (&second, g_free);
  second = export_db (other);
  g_assert_cmpstr (second, ==, seed);
}

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *err = NULL;

  write_file (file, NEW_DOCUMENT, -1);
  before = export_db (fixture->db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", "--dry-run", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing was changed. The import would do this:\nRecords added: 1; updated: 0; kept because the stored copy is newer: 0\n");
  after = export_db (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct {
    const char *contents;
    const char *expected;
  } cases[] = {
    { "{\"format\": \"icat-tracker\",\n \"version\": 1,\n \"meetings\": [}", ":3:15: " },
    { "", "the file is empty" },
    { "{\"format\": \"icat-tracker\", \"version\": 2}", "version 2" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [{"
      "\"id\": \"44444444-4444-4444-8444-444444444441\", \"created_at\": \"2026-02-01T09:00:00.000Z\", "
      "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", "
      "\"title\": \"x\", \"owner\": \"00000000-0000-4000-8000-000000000000\", \"status\": \"open\"}]}",
      "$.action_items[0].owner: no agency with this id" },
  };
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *before = export_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      g_autofree char *prefix = g_strconcat ("icat-tracker-cli: ", file, NULL);

      write_file (file, cases[i].contents, -1);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", file, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      assert_one_line_error (err, cases[i].expected);
      /* The message names the file as given. */
      g_assert_true (g_str_has_prefix (err, prefix));
      after = export_db (fixture->db);
      g_assert_cmpstr (before, ==, after);

      /* --replace does not empty the database first either. */
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&after, g_free);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", "--replace", file, NULL), ==, 1);
      assert_one_line_error (err, cases[i].expected);
      after = export_db (fixture->db);
      g_assert_cmpstr (before, ==, after);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import/replace-round-trip", test_import_replace_round_trip);
  ADD ("import/dry-run", test_import_dry_run);
  ADD ("import/bad-file", test_import_bad_file);
#undef ADD

  return g_test_run ();
}
