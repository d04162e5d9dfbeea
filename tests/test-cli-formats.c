/* test-cli-formats.c — icat-tracker-cli, run as the real program: CSV, iCalendar and where an export is written
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
/* CSV and iCalendar                                                    */

#define UNODC_ID "95b8e2c6-dfec-5883-89e7-3f294c639fb6"
#define IOM_ID   "cf549496-627d-57fa-9e4f-dbb2d342159d"

#define ACTION_ITEM(id, title, due) \
  "{\"id\": \"" id "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"title\": \"" title "\", \"owner\": \"" UNODC_ID "\", \"supporting\": [\"" IOM_ID "\"], " \
  "\"due\": " due ", \"status\": \"open\"}"

#define ACTION_ITEMS_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [" \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444441", "Draft the 2016 work plan, with \\\"remedies\\\"", "\"2016-03-31\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444442", "Two lines:\\nsecond line", "\"2016\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444443", "起草2017年工作计划", "\"2017-06\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444444", "No due date", "null") "]}"

/* Python's csv module reads the file (an independent RFC 4180 reader)
 * and prints the rows as JSON. */
static const char read_csv_script[] =
  "import csv, io, json, sys\n"
  "text = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
  "bom = text.startswith('\\ufeff')\n"
  "rows = list(csv.reader(io.StringIO(text[1:] if bom else text, newline=''), strict=True))\n"
  "print(json.dumps({'bom': bom, 'crlf': text.endswith('\\r\\n'), 'header': rows[0], 'rows': rows[1:]}))\n";

/* Python's icalendar reads the calendar and prints its events' UIDs and
 * DTSTARTs as JSON. */
static const char read_ics_script[] =
  "import json, sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "print(json.dumps([{'uid': str(e['UID']), 'start': str(e.decoded('DTSTART')), 'summary': str(e['SUMMARY'])}\n"
  "                  for e in cal.walk('VEVENT')]))\n";

static JsonNode *
run_python (const char *script,
            const char *file)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  JsonNode *node;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read %s: %s", file, err);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static void
import_action_items (Fixture *fixture)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.json", NULL);
  g_autofree char *out = NULL;

  write_file (file, ACTION_ITEMS_DOCUMENT, -1);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "import", file, NULL), ==, 0);
}

static guint
count_records (const char *export,
               const char *plural)
{
  g_autoptr(JsonObject) root = parse_object (export);

  return json_array_get_length (json_object_get_array_member (root, plural));
}

/* One row per action item in the database, however its text looks. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *export = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonObject *csv;
  JsonArray *rows;

  import_action_items (fixture);
  export = export_db (fixture->db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "csv", "-o", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  parsed = run_python (read_csv_script, file);
  csv = json_node_get_object (parsed);
  rows = json_object_get_array_member (csv, "rows");
  g_assert_cmpuint (count_records (export, "action_items"), ==, 4);
  g_assert_cmpuint (json_array_get_length (rows), ==, count_records (export, "action_items"));
  g_assert_false (json_object_get_boolean_member (csv, "bom"));
  g_assert_true (json_object_get_boolean_member (csv, "crlf"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (csv, "header"), 0), ==, "Title");
  /* By due date: "2016" before "2016-03-31"; no date last. */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==, "Two lines:\nsecond line");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 0), ==,
                   "Draft the 2016 work plan, with \"remedies\"");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 2), 0), ==, "起草2017年工作计划");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 0), ==, "No due date");
  g_clear_pointer (&parsed, json_node_unref);

  /* --year: the items due that year; --bom: the mark for spreadsheets. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "csv",
                        "--year", "2016", "--bom", "-o", file, NULL), ==, 0);
  parsed = run_python (read_csv_script, file);
  csv = json_node_get_object (parsed);
  g_assert_true (json_object_get_boolean_member (csv, "bom"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (csv, "rows")), ==, 2);
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "meetings.ics", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *export = export_db (fixture->db);
  g_autoptr(JsonObject) root = parse_object (export);
  JsonArray *meetings = json_object_get_array_member (root, "meetings");
  g_autoptr(JsonNode) parsed = NULL;
  JsonArray *events;
  guint in_2018 = 0;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "ics", "-o", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  parsed = run_python (read_ics_script, file);
  events = json_node_get_array (parsed);

  /* Every seeded meeting, once, under its id. */
  g_assert_cmpuint (json_array_get_length (meetings), >=, 12);
  g_assert_cmpuint (json_array_get_length (events), ==, json_array_get_length (meetings));
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);
      g_autofree char *uid = g_strconcat (json_object_get_string_member (meeting, "id"), "@icattracker.org", NULL);
      guint found = 0;

      for (guint e = 0; e < json_array_get_length (events); e++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (events, e), "uid"), uid))
          found++;
      g_assert_cmpuint (found, ==, 1);
      if (g_str_has_prefix (json_object_get_string_member (meeting, "starts_at"), "2018-"))
        in_2018++;
    }
  g_clear_pointer (&parsed, json_node_unref);

  /* --year: the meetings starting that year, here on standard output. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "ics", "--year", "2018", NULL), ==, 0);
  write_file (file, out, -1);
  parsed = run_python (read_ics_script, file);
  g_assert_cmpuint (in_2018, >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (parsed)), ==, in_2018);
}

/* In Chinese: headers, values, titles and cities in the user's language. */
static void
test_export_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.csv", NULL);
  g_autofree char *out = NULL, *ics = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonArray *header;

  import_action_items (fixture);
  icat_test_cli_speak ("zh_CN");
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "csv", "-o", file, NULL), ==, 0);
  g_assert_cmpint (cli (&ics, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");

  parsed = run_python (read_csv_script, file);
  header = json_object_get_array_member (json_node_get_object (parsed), "header");
  g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "标题");
  g_assert_cmpstr (json_array_get_string_element (header, 1), ==, "负责机构");
  /* The January 2015 briefing: its Chinese title, in 纽约. */
  assert_contains (ics, "SUMMARY:为各国常驻代表团举办的咨询情况简介会\r\n");
  assert_contains (ics, "LOCATION:纽约\r\n");
}

/* No -o and -o - both mean standard output; -o FILE replaces the file
 * whole and leaves nothing else behind. */
static void
test_export_document_output (Fixture       *fixture,
                             gconstpointer  data)
{
  const char * const formats[] = { "csv", "ics" };

  import_action_items (fixture);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, formats[f], NULL);
      g_autofree char *file = g_build_filename (folder, "out", NULL);
      g_autofree char *plain = NULL, *dash = NULL, *written = NULL, *out = NULL, *err = NULL;
      g_autoptr(GDir) dir = NULL;

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_cmpint (cli (&plain, NULL, "--database", fixture->db, "export", "--format", formats[f], NULL), ==, 0);
      g_assert_cmpint (cli (&dash, NULL, "--database", fixture->db, "export", "--format", formats[f], "-o", "-", NULL), ==, 0);
      g_assert_cmpstr (plain, ==, dash);
      g_assert_true (g_str_has_prefix (plain, f == 0 ? "Title," : "BEGIN:VCALENDAR\r\n"));

      write_file (file, "older and longer contents than nothing at all", -1);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[f], "-o", file, NULL), ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, "");
      written = read_file (file, NULL);
      g_assert_cmpstr (written, ==, plain);
      /* No temporary file is left beside it. */
      dir = g_dir_open (folder, 0, NULL);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "out");
      g_assert_null (g_dir_read_name (dir));
    }
}

/* A pipe is written into, not replaced by a file. */
static void
test_export_to_fifo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  g_autofree char *expected = NULL, *out = NULL;
  char buffer[65536];
  gssize length;
  GStatBuf buf;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Opened for reading first, so the program's open does not block. */
  fd = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (cli (&expected, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpuint (strlen (expected), <, sizeof buffer);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "ics", "-o", fifo, NULL), ==, 0);
  length = read (fd, buffer, sizeof buffer);
  close (fd);
  g_assert_cmpint (length, ==, strlen (expected));
  g_assert_cmpmem (buffer, length, expected, strlen (expected));
  g_assert_cmpint (g_stat (fifo, &buf), ==, 0);
  g_assert_true (S_ISFIFO (buf.st_mode));
}

/* Options that do not fit are refused in one line, before the database is
 * even opened. */
static void
test_export_option_errors (Fixture       *fixture,
                           gconstpointer  data)
{
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--format", "json", "--year", "2016" }, "--year does not apply to JSON export" },
    { { "--year", "2016" }, "--year does not apply to JSON export" },
    { { "--format", "ics", "--bom" }, "--bom applies only to CSV" },
    { { "--bom" }, "--bom applies only to CSV" },
    { { "--format", "csv", "--year", "twenty" }, "--year wants a year from 2006 to 2100, not “twenty”" },
    { { "--format", "csv", "--year", "2005" }, "not “2005”" },
    { { "--format", "ics", "--year", "2101" }, "not “2101”" },
    { { "--format", "ics", "--year", "2016x" }, "not “2016x”" },
    { { "--format", "pdf" }, "The export format “pdf” is not available; use json, csv or ics" },
    { { "--format", "csv", "extra" }, "Unexpected argument" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;
      int status;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->db);
      g_ptr_array_add (args, (gpointer) "export");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, NULL);
      status = icat_test_run_cli ((const char * const *) args->pdata, &out, &err);
      g_assert_cmpint (status, ==, 2);
      assert_one_line_error (err, cases[i].message);
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

/* An output that cannot be written: one line naming it, exit 1, nothing
 * written, and the database as it was. */
static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const formats[] = { "csv", "ics", "json" };
  g_autofree char *before = NULL;
  gsize before_length = 0;

  create_database (fixture->db);
  before = read_file (fixture->db, &before_length);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *missing = g_build_filename (fixture->dir, "nonexistent-dir", "x.out", NULL);
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      gsize after_length = 0;

      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[i],
                            "-o", missing, NULL), ==, 1);
      assert_one_line_error (err, "Cannot write “");
      assert_contains (err, "nonexistent-dir” does not exist");
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* A folder is not a file. */
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[i],
                            "-o", fixture->dir, NULL), ==, 1);
      assert_one_line_error (err, "it is a folder");
      g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));

      after = read_file (fixture->db, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
    }
}

/* The exports only read: through a read-only URI too, and the file keeps
 * its bytes. */
static void
test_export_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *csv = NULL, *csv_ro = NULL, *ics = NULL, *ics_ro = NULL;
  gsize before_length = 0, after_length = 0;

  import_action_items (fixture);
  uri = g_strdup_printf ("file:%s?mode=ro", fixture->db);
  before = read_file (fixture->db, &before_length);
  g_assert_cmpint (cli (&csv, NULL, "--database", fixture->db, "export", "--format", "csv", NULL), ==, 0);
  g_assert_cmpint (cli (&csv_ro, NULL, "--database", uri, "export", "--format", "csv", NULL), ==, 0);
  g_assert_cmpint (cli (&ics, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpint (cli (&ics_ro, NULL, "--database", uri, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpstr (csv, ==, csv_ro);
  g_assert_cmpstr (ics, ==, ics_ro);
  after = read_file (fixture->db, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A missing database is created and seeded first, as by every command. */
static void
test_export_new_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  assert_contains (out, "UID:a205de48-c47f-5bf7-a9a4-42c2b8275c03@icattracker.org\r\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export/csv", test_export_csv);
  ADD ("export/ics", test_export_ics);
  ADD ("export/chinese", test_export_chinese);
  ADD ("export/document-output", test_export_document_output);
  ADD ("export/fifo", test_export_to_fifo);
  ADD ("export/option-errors", test_export_option_errors);
  ADD ("export/unwritable", test_export_unwritable);
  ADD ("export/read-only", test_export_read_only);
  ADD ("export/new-database", test_export_new_database);
#undef ADD

  return g_test_run ();
}
