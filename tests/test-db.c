/* test-db.c — the small helpers the core's statements share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-db"

#include "config.h"

#include "icat-db.h"
#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-test-util.h"
#include "icat-validate.h"

static IcatDb *
open_scratch_db (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "scratch.db", NULL);
  g_autoptr(GError) error = NULL;
  IcatDb *db = icat_db_open (path, ICAT_DB_READ_WRITE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (icat_db_exec (db, "CREATE TEMP TABLE numbers (n INTEGER UNIQUE); "
                               "INSERT INTO numbers VALUES (1), (2), (3)", &error));
  g_assert_no_error (error);
  return db;
}

static gpointer
let_go_later (gpointer data)
{
  g_usleep (300 * 1000);
  g_assert_cmpint (sqlite3_exec (data, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

/* Another program holding a new file's write lock (setting it up too)
 * while it is switched to the write-ahead log: SQLite refuses the switch
 * at once, and opening waits for the other program instead of failing as
 * "busy" (twelve programs starting on one new file at once sometimes
 * failed so). */
static void
test_open_waits_for_writer (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *writer = NULL;
  GThread *thread;

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("writer", let_go_later, writer);
  db = icat_db_open (path, ICAT_DB_READ_WRITE, NULL, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  mode = icat_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (writer);
  g_clear_pointer (&db, icat_db_close);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_end_rows_done (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatDb) db = open_scratch_db (dir);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT n FROM numbers ORDER BY n", &error);
  int sum = 0;
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sum += sqlite3_column_int (stmt, 0);
  g_assert_cmpint (sum, ==, 6);
  g_assert_true (icat_db_end_rows (db, stmt, rc, &error));
  g_assert_no_error (error);
  /* Reset: stepping again starts from the first row. */
  g_assert_false (sqlite3_stmt_busy (stmt));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_end_rows_failure (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatDb) db = open_scratch_db (dir);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (db, "INSERT INTO numbers VALUES (2)", &error);
  int rc;

  g_assert_no_error (error);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_false (icat_db_end_rows (db, stmt, rc, &error));
  /* The same error as icat_db_fail() gives for a broken rule. */
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_false (sqlite3_stmt_busy (stmt));

  /* A walk stopped at a row is not the end of the rows either. */
  g_clear_error (&error);
  stmt = icat_db_prepare (db, "SELECT n FROM numbers", &error);
  g_assert_no_error (error);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  g_assert_false (icat_db_end_rows (db, stmt, rc, &error));
  g_assert_nonnull (error);
  g_assert_false (sqlite3_stmt_busy (stmt));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static char *
save_action_item (IcatStore  *store,
                  const char *owner,
                  const char *title)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_list_ids (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
  g_autofree char *owner = icat_test_agency_id (store, "IOM");
  const IcatKind *kind = icat_schema_lookup ("action_item");
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  db = icat_db_open (path, ICAT_DB_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  before = icat_record_io_list_ids (db, kind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);
  g_assert_cmpuint (before->len, ==, 0);

  first = save_action_item (store, owner, "Collect case studies");
  second = save_action_item (store, owner, "Draft the issue brief");
  after = icat_record_io_list_ids (db, kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  /* Sorted by id, whatever order they were saved in. */
  g_assert_cmpstr (after->pdata[0], ==, g_strcmp0 (first, second) < 0 ? first : second);
  g_assert_cmpstr (after->pdata[1], ==, g_strcmp0 (first, second) < 0 ? second : first);

  g_clear_pointer (&db, icat_db_close);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_set_invalid (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (icat_set_invalid (&error, "$.meetings[2].title", "needs %d of %s", 1, "these"));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$.meetings[2].title: needs 1 of these");

  /* An empty place still keeps the separator, as a document's name would. */
  g_clear_error (&error);
  g_assert_false (icat_set_invalid (&error, "", "%s", ""));
  g_assert_cmpstr (error->message, ==, ": ");

  /* No error wanted: still FALSE. */
  g_assert_false (icat_set_invalid (NULL, "backup.json", "the file is empty"));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/db/open-waits-for-writer", test_open_waits_for_writer);
  g_test_add_func ("/db/end-rows/done", test_end_rows_done);
  g_test_add_func ("/db/end-rows/failure", test_end_rows_failure);
  g_test_add_func ("/record-io/list-ids", test_list_ids);
  g_test_add_func ("/validate/set-invalid", test_set_invalid);
  return g_test_run ();
}
