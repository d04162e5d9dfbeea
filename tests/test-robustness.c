/* test-robustness.c — first start, consistent exports, read-only media
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new database is created, migrated and seeded in one transaction, by
 * exactly one of many processes starting at once; a database an older
 * version left empty is seeded when opened; an export reads one snapshot
 * while another connection writes; a database that cannot be written is
 * still checked and exported, and is left byte for byte as it was.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-test-util.h"

/* The seed's own exported_at, so that an export of a new database can be
 * compared with data/seed/icat.json byte for byte. */
static char *
read_seed (char **exported_at)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "seed", "icat.json", NULL);
  g_autoptr(JsonObject) root = NULL;
  char *seed = NULL;

  g_assert_true (g_file_get_contents (path, &seed, NULL, NULL));
  root = icat_test_object (seed);
  *exported_at = g_strdup (json_object_get_string_member (root, "exported_at"));
  return seed;
}

/* Opens path as the app does and asserts it holds exactly the seed. */
static void
assert_holds_seed (const char *path)
{
  g_autofree char *exported_at = NULL;
  g_autofree char *seed = read_seed (&exported_at);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = icat_store_open (path, &error);
  g_autofree char *export = NULL;

  g_assert_no_error (error);
  export = icat_store_export_json (store, exported_at, &error);
  g_assert_no_error (error);
  icat_test_drop_generator (export);
  icat_test_drop_group_name (seed);
  g_assert_cmpstr (export, ==, seed);
}

static int G_GNUC_NULL_TERMINATED
cli (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return icat_test_run_cli ((const char * const *) args->pdata, out, err);
}

/* ------------------------------------------------------------------ */
/* First start                                                          */

#define N_PROCESSES 12

/* Every process finds a new path at once: each exits 0, and the seed is
 * loaded once (before, the losers failed with "table agency already
 * exists", or found tables without the version and refused the file). */
static void
test_first_start_concurrent (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  GSubprocess *processes[N_PROCESSES];

  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_autoptr(GError) error = NULL;

      processes[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                       g_getenv ("ICAT_CLI"), "--database", path, "check", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_subprocess_get_if_exited (processes[i]));
      g_assert_cmpint (g_subprocess_get_exit_status (processes[i]), ==, 0);
      g_object_unref (processes[i]);
    }
  assert_holds_seed (path);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What a first start killed before it wrote anything leaves. */
static void
test_first_start_empty_file (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "killed.db", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (cli (&out, &err, "--database", path, "check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_holds_seed (path);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Before schema version 4 the seed had a transaction of its own; a first
 * start killed while it loaded left the schema of its version and no
 * records. Opening such a file seeds it. */
static void
test_first_start_empty_old_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  const char * const scripts[] = { "001-initial.sql", "002-work-plans.sql", "003-order-indexes.sql" };
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autofree char *out = NULL, *err = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int i = 0; i < version; i++)
    {
      g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "schema", scripts[i], NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (script, &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (handle, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  g_assert_cmpint (cli (&out, &err, "--database", path, "check", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "");
  assert_holds_seed (path);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A current database emptied on purpose (a backup of nothing restored) is
 * not seeded again behind the user's back, but check says it is empty. */
static void
test_first_start_emptied_on_purpose (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *empty = g_build_filename (dir, "empty.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);

  g_clear_object (&store);
  g_assert_true (g_file_set_contents (empty, "{\"format\": \"icat-tracker\", \"version\": 1}", -1, NULL));
  g_assert_cmpint (cli (&out, &err, "--database", path, "import", "--replace", empty, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", path, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "The database holds no records at all"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", path, "export", "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"agencies\" : [],"));
  g_assert_nonnull (strstr (out, "\"mandates\" : [],"));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ------------------------------------------------------------------ */
/* One snapshot per export                                              */

#define N_AGENCIES 40
#define N_ITEMS 400
#define N_EXPORTS 50

/* A whole database: agencies and action items owned by them, every id
 * marked by generation, so two generations share no record. */
static GBytes *
generation_document (guint generation)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"agencies\": [");
  const char *meta = "\"created_at\": \"2026-02-01T09:00:00.000Z\", \"updated_at\": \"2026-02-01T09:00:00.000Z\", "
                     "\"updated_by\": \"99999999-9999-4999-8999-999999999999\"";

  for (guint i = 0; i < N_AGENCIES; i++)
    g_string_append_printf (text, "%s{\"id\": \"a%07u-0000-4000-8000-%012u\", %s, \"acronym\": \"G%uA%u\", "
                            "\"name\": {\"en\": \"Agency %u\"}, \"kind\": \"un-entity\"}",
                            i > 0 ? ", " : "", generation, i, meta, generation, i, i);
  g_string_append (text, "], \"action_items\": [");
  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (text, "%s{\"id\": \"b%07u-0000-4000-8000-%012u\", %s, \"title\": \"Item %u of %u\", "
                            "\"owner\": \"a%07u-0000-4000-8000-%012u\", \"status\": \"open\"}",
                            i > 0 ? ", " : "", generation, i, meta, i, generation,
                            generation, i % N_AGENCIES);
  g_string_append (text, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

typedef struct {
  char     *path;
  GBytes   *documents[2];
  gint      stop;
  gint      imports;
} Writer;

/* Restores the two generations in turn, as fast as it can. */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = icat_store_open (writer->path, &error);

  g_assert_no_error (error);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_assert_true (icat_store_import (store, writer->documents[g_atomic_int_get (&writer->imports) % 2], "generation.json",
                                        ICAT_IMPORT_REPLACE, NULL, &error));
      g_assert_no_error (error);
      g_atomic_int_inc (&writer->imports);
    }
  return NULL;
}

/* The export of a database holding exactly one generation. */
static char *
generation_export (GBytes *document)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autoptr(GError) error = NULL;
  char *export;

  g_assert_true (icat_store_import (store, document, "generation.json", ICAT_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  export = icat_test_export (store);
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
  return export;
}

/* JSON exports taken while another connection restores whole databases
 * are each exactly one of the states it committed, and each restores with
 * import --replace into a database of its own (before, the export read a
 * kind at a time, and mixed states or lost a record it had listed). */
static void
test_export_snapshot (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *restore_dir = icat_test_tmpdir_new ();
  char *expected[2] = { NULL, NULL };
  g_autoptr(IcatStore) restored = NULL;
  g_autoptr(GHashTable) restored_exports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Writer writer = { 0 };
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  guint seen[2] = { 0, 0 };

  restored = icat_test_store_new (restore_dir, NULL);
  for (guint g = 0; g < 2; g++)
    {
      writer.documents[g] = generation_document (g + 1);
      expected[g] = generation_export (writer.documents[g]);
    }
  g_object_unref (icat_test_store_new (dir, &writer.path));
  thread = g_thread_new ("writer", writer_thread, &writer);
  db = icat_db_open (writer.path, ICAT_DB_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  while (g_atomic_int_get (&writer.imports) == 0)
    g_usleep (G_USEC_PER_SEC / 100);

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      g_autofree char *export = icat_exchange_export (db, "2026-01-01T00:00:00.000Z", &error);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_no_error (error);
      if (g_strcmp0 (export, expected[0]) == 0)
        seen[0]++;
      else if (g_strcmp0 (export, expected[1]) == 0)
        seen[1]++;
      else
        g_error ("export %u is neither generation: a torn export", i);

      /* Equal bytes restore alike: each distinct export is restored once. */
      if (!g_hash_table_add (restored_exports, g_strdup (export)))
        continue;
      bytes = g_bytes_new (export, strlen (export));
      g_assert_true (icat_store_import (restored, bytes, "backup.json", ICAT_IMPORT_REPLACE, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_test_message ("%u restores while exporting; exports of each: %u, %u", writer.imports, seen[0], seen[1]);
  g_assert_cmpint (writer.imports, >, 1);
  g_assert_cmpuint (seen[0] + seen[1], >, 0);

  for (guint g = 0; g < 2; g++)
    {
      g_bytes_unref (writer.documents[g]);
      g_free (expected[g]);
    }
  g_free (writer.path);
  g_clear_pointer (&db, icat_db_close);
  g_clear_object (&restored);
  icat_test_tmpdir_free (g_steal_pointer (&restore_dir));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ------------------------------------------------------------------ */
/* Read-only media                                                      */

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Root ignores permissions, so the folder's refusal is played by folders
 * standing where SQLite would create the -wal and -shm files, and the
 * file's by a read-only URI. Every reading command works and writes
 * nothing; before, they failed ("cannot be opened") or tried to write. */
static void
test_read_only_media (gconstpointer data)
{
  gboolean side_files_blocked = GPOINTER_TO_INT (data);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *writable_export = NULL;
  g_autofree char *out_json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *out_csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *out_ics = g_build_filename (dir, "out.ics", NULL);
  g_autofree char *out_pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *meeting_id = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
  g_autoptr(JsonObject) root = NULL;
  const char * const *commands[] = {
    (const char * const[]) { "check", NULL },
    (const char * const[]) { "export", "--format", "json", "-o", out_json, NULL },
    (const char * const[]) { "export", "--format", "csv", "-o", out_csv, NULL },
    (const char * const[]) { "export", "--format", "ics", "-o", out_ics, NULL },
    (const char * const[]) { "workplan", "--year", "2016", "-o", out_pdf, NULL },
    (const char * const[]) { "minutes", "MEETING", "-o", out_pdf, NULL },
  };

  writable_export = icat_test_export (store);
  root = icat_test_object (writable_export);
  meeting_id = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0), "id"));
  g_clear_object (&store);  /* the last connection checkpoints and removes -wal and -shm */

  if (side_files_blocked)
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *side = g_strconcat (path, (const char *[]) { "-wal", "-shm" }[i], NULL);

        g_remove (side);
        g_assert_cmpint (g_mkdir (side, 0500), ==, 0);
      }
  before = file_checksum (path);
  uri = g_strdup_printf ("file:%s?mode=ro", path);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      int status;

      for (guint i = 0; commands[c][i] != NULL; i++)
        g_ptr_array_add (args, (gpointer) (g_strcmp0 (commands[c][i], "MEETING") == 0 ? meeting_id : commands[c][i]));
      g_ptr_array_add (args, NULL);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      status = icat_test_run_cli_on (uri, (const char * const *) args->pdata, &out, &err);
      g_test_message ("%s: %d %s", commands[c][0], status, err);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (status, ==, 0);
    }

  /* The backup is the database's, and the file is untouched. */
  {
    g_autofree char *backup = NULL;
    g_autoptr(JsonObject) backup_root = NULL;
    g_autoptr(JsonObject) writable_root = icat_test_object (writable_export);
    g_autoptr(JsonNode) a = json_node_new (JSON_NODE_OBJECT);
    g_autoptr(JsonNode) b = json_node_new (JSON_NODE_OBJECT);

    g_assert_true (g_file_get_contents (out_json, &backup, NULL, NULL));
    backup_root = icat_test_object (backup);
    json_object_remove_member (backup_root, "exported_at");
    json_object_remove_member (writable_root, "exported_at");
    json_node_set_object (a, backup_root);
    json_node_set_object (b, writable_root);
    g_assert_true (json_node_equal (a, b));
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ------------------------------------------------------------------ */
/* What import accepts, every output handles                             */

#define EDGE_META(id) \
  "\"id\": \"" id "\", \"created_at\": \"1900-01-01T00:00:00.000Z\", " \
  "\"updated_at\": \"2199-12-31T23:59:59.999Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\""
#define EDGE_FIRST "11111111-1111-4111-8111-111111111111"
#define EDGE_LAST  "11111111-1111-4111-8111-111111111112"

/* The first and last moments of the years the format allows, in zones
 * named without a slash, and text beyond the Basic Multilingual Plane:
 * check finds nothing wrong, and the backup, CSV, iCalendar and the meeting
 * record are all written (before, 9999 gave iCalendar "DTSTART:00000000"
 * and a critical warning). */
static void
test_accepted_edges_export (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "edges.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *document = g_build_filename (dir, "edges.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "record.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *first = NULL, *second = NULL;
  const char *text =
    "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": ["
    "{" EDGE_META (EDGE_FIRST) ", \"kind\": \"other\", \"title\": {\"en\": \"First \\ud83d\\ude00\"}, "
    "\"starts_at\": \"1900-01-01T00:00:00.000Z\", \"ends_at\": \"1900-01-01T02:00:00.000Z\", "
    "\"date_precision\": \"minute\", \"timezone\": \"CET\"}, "
    "{" EDGE_META (EDGE_LAST) ", \"kind\": \"other\", \"title\": {\"en\": \"Last\"}, "
    "\"starts_at\": \"2199-12-31T22:00:00.000Z\", \"ends_at\": \"2199-12-31T23:59:59.999Z\", "
    "\"date_precision\": \"minute\", \"timezone\": \"EST5EDT\"}]}";

  g_assert_true (g_file_set_contents (document, text, -1, NULL));
  g_assert_cmpint (cli (&out, &err, "--database", path, "import", document, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", path, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", path, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "DTSTART;TZID=CET:19000101T010000"));
  g_assert_nonnull (strstr (out, "21991231T"));
  g_assert_null (strstr (out, "00000000"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", path, "export", "--format", "csv", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (cli (&out, &err, "--database", path, "minutes", i == 0 ? EDGE_FIRST : EDGE_LAST, "-o", pdf, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  /* The backup restores into another database as the same bytes. */
  g_setenv ("ICAT_TRACKER_EXPORTED_AT", "2026-01-01T00:00:00.000Z", TRUE);
  g_assert_cmpint (cli (&first, &err, "--database", path, "export", "--format", "json", "-o", "-", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (backup, first, -1, NULL));
  g_assert_cmpint (cli (&out, &err, "--database", copy, "import", "--replace", backup, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&second, &err, "--database", copy, "export", "--format", "json", NULL), ==, 0);
  g_unsetenv ("ICAT_TRACKER_EXPORTED_AT");
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "First 😀"));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  /* The PDF commands load fontconfig, whose caches LeakSanitizer reports
   * however clean the CLI is: its processes get the suppression the window
   * tests use (libfontconfig alone). Read at start, so this process keeps
   * its own options. */
  if (g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_autofree char *options = g_strdup_printf ("suppressions=%s/lsan-gui.supp:print_suppressions=0",
                                                  g_getenv ("G_TEST_SRCDIR"));

      g_setenv ("LSAN_OPTIONS", options, TRUE);
    }

  g_test_add_func ("/robustness/first-start/concurrent", test_first_start_concurrent);
  g_test_add_func ("/robustness/first-start/empty-file", test_first_start_empty_file);
  for (int version = 1; version <= 3; version++)
    {
      g_autofree char *path = g_strdup_printf ("/robustness/first-start/empty-schema-v%d", version);

      g_test_add_data_func (path, GINT_TO_POINTER (version), test_first_start_empty_old_version);
    }
  g_test_add_func ("/robustness/first-start/emptied-on-purpose", test_first_start_emptied_on_purpose);
  g_test_add_func ("/robustness/export/one-snapshot", test_export_snapshot);
  g_test_add_func ("/robustness/import/accepted-edges-export", test_accepted_edges_export);
  g_test_add_data_func ("/robustness/read-only/uri", GINT_TO_POINTER (FALSE), test_read_only_media);
  g_test_add_data_func ("/robustness/read-only/folder", GINT_TO_POINTER (TRUE), test_read_only_media);
  return g_test_run ();
}
