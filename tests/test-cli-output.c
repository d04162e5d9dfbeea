/* test-cli-output.c — the files icat-tracker-cli writes with -o
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command that writes a file (export as JSON, CSV and iCalendar,
 * workplan, minutes) is run as the real program ($ICAT_CLI): -o never
 * overwrites the database, keeps an existing file's mode, and writes
 * through a symbolic link, even one whose file does not exist yet. CSV
 * cells that a spreadsheet would run as formulas are read back from the
 * file's bytes.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-test-util.h"

#define JANUARY_2015_BRIEFING "a205de48-c47f-5bf7-a9a4-42c2b8275c03"
#define UNODC_ID              "95b8e2c6-dfec-5883-89e7-3f294c639fb6"

typedef IcatTestCliDir Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  icat_test_cli_dir_set_up (fixture, data);
  /* Every run of a command gives the same bytes. */
  g_setenv ("ICAT_TRACKER_EXPORTED_AT", "2030-01-02T03:04:05.678Z", TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  g_unsetenv ("ICAT_TRACKER_DB");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("ICAT_TRACKER_EXPORTED_AT");
  icat_test_cli_dir_tear_down (fixture, data);
}

/* ------------------------------------------------------------------ */
/* Running the program                                                  */

/* Runs the CLI in folder cwd. */
static IcatTestRun
run_in (const char         *cwd,
        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("ICAT_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return icat_test_run_program (cwd, (const char * const *) argv->pdata);
}

/* The commands that write a file, each with what it needs but -o. */
typedef struct {
  const char *name;
  const char *args[5];
} Command;

static const Command commands[] = {
  { "export json", { "export", "--format", "json", NULL } },
  { "export csv",  { "export", "--format", "csv", NULL } },
  { "export ics",  { "export", "--format", "ics", NULL } },
  { "workplan",    { "workplan", "--year", "2016", NULL } },
  { "minutes",     { "minutes", JANUARY_2015_BRIEFING, NULL } },
};

/* command on database, writing to output (NULL: no -o), run in cwd
 * (NULL: the fixture's folder). */
static IcatTestRun
run_command (Fixture       *fixture,
             const Command *command,
             const char    *database,
             const char    *output,
             const char    *cwd)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) (database ? database : fixture->db));
  for (guint i = 0; command->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) command->args[i]);
  if (output != NULL)
    {
      g_ptr_array_add (args, (gpointer) "-o");
      g_ptr_array_add (args, (gpointer) output);
    }
  g_ptr_array_add (args, NULL);
  return run_in (cwd ? cwd : fixture->dir, (const char * const *) args->pdata);
}

/* What the command writes to standard output: what -o must write. */
static GBytes *
expected_output (Fixture       *fixture,
                 const Command *command)
{
  g_auto(IcatTestRun) result = run_command (fixture, command, NULL, "-", NULL);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (result.out), >, 0);
  return g_bytes_ref (result.out);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
create_database (Fixture *fixture)
{
  const char *args[] = { "--database", fixture->db, "check", NULL };
  g_auto(IcatTestRun) result = run_in (fixture->dir, args);

  g_assert_cmpint (result.status, ==, 0);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* ------------------------------------------------------------------ */
/* -o never names the database                                          */

/* The database's file and SQLite's files beside it, as bytes (NULL for
 * one that does not exist). */
static GPtrArray *
database_files (const char *database)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (database, suffixes[i], NULL);

      g_ptr_array_add (files, g_file_test (path, G_FILE_TEST_EXISTS) ? read_bytes (path) : NULL);
    }
  return files;
}

static void
assert_same_files (GPtrArray *before,
                   GPtrArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_true ((before->pdata[i] == NULL) == (after->pdata[i] == NULL));
      if (before->pdata[i] != NULL)
        assert_bytes_equal (before->pdata[i], after->pdata[i]);
    }
}

/* A refusal: exit 1, one line naming the database, nothing on standard
 * output, and the database's files as they were. */
static void
assert_refused (Fixture       *fixture,
                const Command *command,
                const char    *database,
                const char    *output,
                const char    *cwd)
{
  g_autoptr(GPtrArray) before = database_files (fixture->db);
  g_autoptr(GPtrArray) after = NULL;
  g_auto(IcatTestRun) result = run_command (fixture, command, database, output, cwd);

  if (result.status != 1)
    g_error ("%s -o %s (database %s) exited with %d", command->name, output,
             database ? database : fixture->db, result.status);
  g_assert_true (g_str_has_prefix (result.err, "icat-tracker-cli: "));
  g_assert_true (strchr (result.err, '\n') == result.err + strlen (result.err) - 1);
  assert_contains (result.err, "is the database");
  assert_contains (result.err, output);
  g_assert_cmpuint (g_bytes_get_size (result.out), ==, 0);
  after = database_files (fixture->db);
  assert_same_files (before, after);
}

static void
test_database_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *soft_link = g_build_filename (fixture->dir, "link-to-db", NULL);
  g_autofree char *hard_link = g_build_filename (fixture->dir, "hard-link.db", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", fixture->db);
  g_autofree char *check_out = NULL;
  const char *check[] = { "--database", fixture->db, "check", NULL };

  create_database (fixture);
  g_assert_cmpint (symlink ("icat.db", soft_link), ==, 0);
  g_assert_cmpint (link (fixture->db, hard_link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *command = &commands[i];

      g_test_message ("%s", command->name);
      assert_refused (fixture, command, NULL, fixture->db, NULL);
      assert_refused (fixture, command, NULL, soft_link, NULL);
      assert_refused (fixture, command, NULL, hard_link, NULL);
      /* Relative to where the program runs, spelled differently. */
      assert_refused (fixture, command, NULL, "icat.db", NULL);
      assert_refused (fixture, command, NULL, "../sub/../icat.db", sub);
      assert_refused (fixture, command, "icat.db", fixture->db, NULL);
      assert_refused (fixture, command, uri, "./icat.db", NULL);
      /* SQLite's companions, which exist only while the database is open. */
      assert_refused (fixture, command, NULL, wal, NULL);
      assert_refused (fixture, command, NULL, shm, NULL);
      assert_refused (fixture, command, NULL, "icat.db-journal", NULL);
    }

  /* Still a sound database. */
  {
    g_auto(IcatTestRun) result = run_in (fixture->dir, check);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpuint (g_bytes_get_size (result.out), ==, 0);
  }
}

/* A database that does not exist yet is not created to be overwritten. */
static void
test_new_database_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(IcatTestRun) result = run_command (fixture, &commands[i], NULL, fixture->db, NULL);

      g_assert_cmpint (result.status, ==, 1);
      assert_contains (result.err, "is the database");
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

/* ------------------------------------------------------------------ */
/* An existing file keeps its mode                                      */

static void
test_mode_kept (Fixture       *fixture,
                gconstpointer  data)
{
  const guint modes[] = { 0600, 0640 };

  create_database (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        g_autofree char *file = g_build_filename (fixture->dir, "contacts.out", NULL);
        g_autoptr(GBytes) expected = expected_output (fixture, &commands[i]);
        g_autoptr(GBytes) written = NULL;
        g_auto(IcatTestRun) result = { 0 };

        write_file (file, "older contents, for the focal points only");
        g_assert_cmpint (g_chmod (file, modes[m]), ==, 0);
        result = run_command (fixture, &commands[i], NULL, file, NULL);
        g_assert_cmpint (result.status, ==, 0);
        g_assert_cmpstr (result.err, ==, "");
        written = read_bytes (file);
        assert_bytes_equal (written, expected);
        if (file_mode (file) != modes[m])
          g_error ("%s -o: mode %o became %o", commands[i].name, modes[m], file_mode (file));
        g_assert_cmpint (g_unlink (file), ==, 0);
      }
}

/* ------------------------------------------------------------------ */
/* Symbolic links are followed                                          */

static void
assert_still_link (const char *link,
                   const char *target)
{
  g_autofree char *read = NULL;
  GStatBuf buf;

  g_assert_cmpint (g_lstat (link, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  read = g_file_read_link (link, NULL);
  g_assert_cmpstr (read, ==, target);
}

static void
test_dangling_link (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "exports", NULL);
  g_autofree char *target = g_build_filename (folder, "latest.out", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "latest", NULL);

  create_database (fixture);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("exports/latest.out", link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GBytes) expected = expected_output (fixture, &commands[i]);
      g_autoptr(GBytes) written = NULL;
      g_auto(IcatTestRun) result = { 0 };

      g_test_message ("%s", commands[i].name);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      result = run_command (fixture, &commands[i], NULL, link, NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      assert_still_link (link, "exports/latest.out");
      written = read_bytes (target);
      assert_bytes_equal (written, expected);
      g_assert_cmpint (g_unlink (target), ==, 0);
    }
}

/* A link to an existing file: that file is replaced, keeping its mode. */
static void
test_link_to_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "real.out", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "latest", NULL);

  create_database (fixture);
  g_assert_cmpint (symlink (target, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GBytes) expected = expected_output (fixture, &commands[i]);
      g_autoptr(GBytes) written = NULL;
      g_auto(IcatTestRun) result = { 0 };

      write_file (target, "older contents");
      g_assert_cmpint (g_chmod (target, 0600), ==, 0);
      result = run_command (fixture, &commands[i], NULL, link, NULL);
      g_assert_cmpint (result.status, ==, 0);
      assert_still_link (link, target);
      written = read_bytes (target);
      assert_bytes_equal (written, expected);
      g_assert_cmpuint (file_mode (target), ==, 0600);
    }
}

/* Links that point at each other are refused, and stay links. */
static void
test_link_loop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second", NULL);

  create_database (fixture);
  g_assert_cmpint (symlink ("second", first), ==, 0);
  g_assert_cmpint (symlink ("first", second), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(IcatTestRun) result = run_command (fixture, &commands[i], NULL, first, NULL);

      g_assert_cmpint (result.status, ==, 1);
      assert_contains (result.err, "Cannot write “");
      assert_still_link (first, "second");
      assert_still_link (second, "first");
    }
}

/* ------------------------------------------------------------------ */
/* CSV cells that look like formulas                                    */

/* Each title starts with a character a spreadsheet reads as the start of
 * a formula, but the last two, which must come out unchanged. */
static const char * const formula_titles[] = {
  "=HYPERLINK(\"http://example.org\",\"x\")",
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A2)",
  "\tTabbed",
  "\rCarriage return",
  "Plain title",
  "A title with = - + @ inside",
};

static void
import_formula_titles (Fixture *fixture)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "formulas.json", NULL);
  const char *args[] = { "--database", fixture->db, "import", file, NULL };
  g_auto(IcatTestRun) result = { 0 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "icat-tracker");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "action_items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (formula_titles); i++)
    {
      g_autofree char *id = g_strdup_printf ("44444444-4444-4444-8444-4444444444%02u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, "2026-02-01T09:00:00.000Z");
      json_builder_set_member_name (builder, "updated_at");
      json_builder_add_string_value (builder, "2026-02-01T10:00:00.000Z");
      json_builder_set_member_name (builder, "updated_by");
      json_builder_add_string_value (builder, "99999999-9999-4999-8999-999999999999");
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, formula_titles[i]);
      json_builder_set_member_name (builder, "owner");
      json_builder_add_string_value (builder, UNODC_ID);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, formula_titles[i]);
      /* The rows come out in this order: by due date. */
      json_builder_set_member_name (builder, "due");
      {
        g_autofree char *due = g_strdup_printf ("2016-01-%02u", i + 1);

        json_builder_add_string_value (builder, due);
      }
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "open");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  write_file (file, text);
  result = run_in (fixture->dir, args);
  g_assert_cmpint (result.status, ==, 0);
}

/* The cell as it must appear in the file's bytes: with its apostrophe
 * unless raw, then quoted when RFC 4180 needs it. */
static char *
expected_cell (const char *title,
               gboolean    raw)
{
  gboolean formula = strchr ("=+-@\t\r", title[0]) != NULL;
  g_autofree char *text = g_strconcat (formula && !raw ? "'" : "", title, NULL);
  g_autoptr(GString) quoted = NULL;

  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_steal_pointer (&text);
  quoted = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static void
assert_formula_cells (const char *csv,
                      gboolean    raw)
{
  /* The header row first, then one row per title, in order. */
  const char *row = strstr (csv, "\r\n");

  g_assert_nonnull (row);
  row += 2;
  for (guint i = 0; i < G_N_ELEMENTS (formula_titles); i++)
    {
      g_autofree char *cell = expected_cell (formula_titles[i], raw);
      g_autofree char *description = g_strdup_printf (",%s,", cell);
      const char *end = NULL;

      if (!g_str_has_prefix (row, cell) || (row[strlen (cell)] != ','))
        g_error ("row %u does not start with the cell %s: %s", i, cell, row);
      /* The description column, which holds the same text. A cell's CR
       * comes without LF, so the row ends at the first CRLF. */
      end = strstr (row + strlen (cell), "\r\n");
      g_assert_nonnull (end);
      if (g_strstr_len (row + strlen (cell), end - row - strlen (cell), description) == NULL)
        g_error ("row %u has no description %s", i, description);
      row = end + 2;
    }
  g_assert_cmpstr (row, ==, "");
}

static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.csv", NULL);
  g_autofree char *raw_file = g_build_filename (fixture->dir, "raw.csv", NULL);
  const char *args[] = { "--database", NULL, "export", "--format", "csv", "--year", "2016", "-o", NULL, NULL, NULL };
  g_autoptr(GBytes) neutral = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autofree char *neutral_text = NULL;
  g_autofree char *raw_text = NULL;

  import_formula_titles (fixture);
  args[1] = fixture->db;
  args[8] = file;
  {
    g_auto(IcatTestRun) result = run_in (fixture->dir, args);

    g_assert_cmpint (result.status, ==, 0);
  }
  args[8] = raw_file;
  args[9] = "--raw";
  {
    g_auto(IcatTestRun) result = run_in (fixture->dir, args);

    g_assert_cmpint (result.status, ==, 0);
  }

  neutral = read_bytes (file);
  raw = read_bytes (raw_file);
  neutral_text = icat_test_bytes_text (neutral);
  raw_text = icat_test_bytes_text (raw);
  assert_formula_cells (neutral_text, FALSE);
  assert_formula_cells (raw_text, TRUE);
  /* As a spreadsheet would meet it first. */
  assert_contains (neutral_text, "\r\n\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",UNODC,");
  assert_contains (raw_text, "\r\n\"=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",UNODC,");
}

/* --raw is for CSV, and --help says what it does. */
static void
test_csv_raw_option (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const formats[] = { "json", "ics" };
  const char *help[] = { "export", "--help", NULL };
  g_auto(IcatTestRun) result = run_in (fixture->dir, help);
  g_autofree char *text = icat_test_bytes_text (result.out);

  g_assert_cmpint (result.status, ==, 0);
  assert_contains (text, "--raw");
  assert_contains (text, "apostrophe");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *args[] = { "--database", fixture->db, "export", "--format", formats[i], "--raw", NULL };
      g_auto(IcatTestRun) refused = run_in (fixture->dir, args);

      g_assert_cmpint (refused.status, ==, 2);
      assert_contains (refused.err, "--raw applies only to CSV");
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli-output/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("database-refused", test_database_refused);
  ADD ("new-database-refused", test_new_database_refused);
  ADD ("mode-kept", test_mode_kept);
  ADD ("dangling-link", test_dangling_link);
  ADD ("link-to-file", test_link_to_file);
  ADD ("link-loop", test_link_loop);
  ADD ("csv-formulas", test_csv_formulas);
  ADD ("csv-raw-option", test_csv_raw_option);
#undef ADD

  return g_test_run ();
}
