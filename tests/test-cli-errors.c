/* test-cli-errors.c — icat-tracker-cli, run as the real program: errors, the database chosen, help
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
/* Errors                                                               */

static void
test_error_usage (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "frobnicate", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: Unknown command “frobnicate”\n"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "xml", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  assert_contains (err, "xml");
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--no-such-option", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_error_import_missing_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", missing, NULL), ==, 1);
  assert_one_line_error (err, "missing.json");
  g_assert_cmpstr (out, ==, "");
}

static void
test_error_missing_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "not-here", NULL);
  g_autofree char *database = g_build_filename (folder, "icat.db", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", database, "export", NULL), ==, 1);
  assert_one_line_error (err, folder);
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* The file is refused and its bytes stay as they were; no journal is left. */
static void
assert_refused_untouched (const char *database,
                          const char *expected)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  gsize before_length, after_length;
  const char *commands[] = { "export", "check", "import" };
  g_autofree char *file = g_strconcat (database, ".json", NULL);

  write_file (file, NEW_DOCUMENT, -1);
  before = read_file (database, &before_length);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&after, g_free);
      if (strcmp (commands[i], "import") == 0)
        g_assert_cmpint (cli (&out, &err, "--database", database, commands[i], file, NULL), ==, 1);
      else
        g_assert_cmpint (cli (&out, &err, "--database", database, commands[i], NULL), ==, 1);
      assert_one_line_error (err, expected);
      g_assert_cmpstr (out, ==, "");
      after = read_file (database, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_error_not_sqlite (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "x.db", NULL);
  g_autofree char *message = NULL;

  write_file (database, "hello", -1);
  message = g_strdup_printf ("“%s” is not an ICAT Tracker database", database);
  assert_refused_untouched (database, message);
}

static void
test_error_other_sqlite (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "other.db", NULL);

  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (database, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  }
  assert_refused_untouched (database, "is an SQLite file but not an ICAT Tracker database");
}

static void
test_error_newer_version (Fixture       *fixture,
                          gconstpointer  data)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  assert_refused_untouched (fixture->db, "newer version of ICAT Tracker (database version 99");
}

static void
test_error_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *through_uri = NULL;
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->db);
  uri = g_strdup_printf ("file:%s?mode=ro", fixture->db);
  write_file (file, NEW_DOCUMENT, -1);
  before = export_db (fixture->db);

  /* Reading works through the read-only URI. */
  through_uri = export_db (uri);
  g_assert_cmpstr (through_uri, ==, before);

  g_assert_cmpint (cli (&out, &err, "--database", uri, "import", file, NULL), ==, 1);
  assert_one_line_error (err, "read-only");
  g_assert_cmpstr (out, ==, "");
  after = export_db (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* --database beats $ICAT_TRACKER_DB, which beats the default. */
static void
test_database_choice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *from_env = g_build_filename (fixture->dir, "env.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *default_db = g_build_filename (fixture->data_home, "icat-tracker", "icat-tracker.db", NULL);

  g_setenv ("ICAT_TRACKER_DB", from_env, TRUE);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (from_env, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, NULL, "check", NULL), ==, 0);
  g_assert_true (g_file_test (from_env, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_unsetenv ("ICAT_TRACKER_DB");

  /* The default lives in the (test's own) data folder. */
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli (&out, NULL, "check", NULL), ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *commands[] = { "export", "import", "check", "workplan", "minutes" };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--help", NULL), ==, 0);
  assert_contains (out, "Usage:");
  assert_contains (out, "export");
  assert_contains (out, "import");
  assert_contains (out, "check");
  assert_contains (out, "workplan");
  assert_contains (out, "minutes");
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("icat-tracker-cli %s", commands[i]);

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, commands[i], "--help", NULL), ==, 0);
      assert_contains (out, "Usage:");
      assert_contains (out, usage);
      g_assert_cmpstr (err, ==, "");
    }
  /* Asking for help creates no database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("error/usage", test_error_usage);
  ADD ("error/import-missing-file", test_error_import_missing_file);
  ADD ("error/missing-folder", test_error_missing_folder);
  ADD ("error/not-sqlite", test_error_not_sqlite);
  ADD ("error/other-sqlite", test_error_other_sqlite);
  ADD ("error/newer-version", test_error_newer_version);
  ADD ("error/read-only", test_error_read_only);
  ADD ("database-choice", test_database_choice);
  ADD ("help", test_help);
#undef ADD

  return g_test_run ();
}
