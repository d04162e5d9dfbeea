/* test-store.c — the store: saving, validation, deleting, undo, notifications, bad databases
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "icat-db.h"
#include "icat-device.h"
#include "icat-error.h"
#include "icat-record-list.h"
#include "icat-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  IcatStore *store;
  char      *unodc;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, &fixture->path);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->unodc);
  g_free (fixture->path);
  icat_test_tmpdir_free (fixture->dir);
}

static guint
count_records (IcatStore  *store,
               const char *kind)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static char *
save_action_item (Fixture    *fixture,
                  const char *title,
                  const char *status)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (changes, "title", title);
  json_object_set_string_member (changes, "owner", fixture->unodc);
  json_object_set_string_member (changes, "status", status);
  json_object_set_string_member (changes, "due", "2027-03-31");
  id = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
test_seed (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_cmpuint (count_records (fixture->store, "mandate"), ==, 119);
  g_assert_cmpuint (count_records (fixture->store, "agency"), >=, 17);
  g_assert_cmpuint (count_records (fixture->store, "action_item"), ==, 0);
  /* The seed is where a database starts, not an edit to undo. */
  g_assert_false (icat_store_can_undo (fixture->store));
}

static void
test_create_and_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = save_action_item (fixture, "Draft the 2027 work plan", "open");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *same_id = NULL;
  JsonArray *history;

  before = icat_store_read (fixture->store, "action_item", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (before, "title"), ==, "Draft the 2027 work plan");
  g_assert_cmpstr (json_object_get_string_member (before, "updated_by"), ==, icat_device_get_id ());
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (before, "history")), ==, 1);

  g_usleep (2000);  /* timestamps have millisecond resolution */
  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "status", "in-progress");
  /* Timestamps belong to the store; an edit cannot forge them. */
  json_object_set_string_member (changes, "created_at", "2000-01-01T00:00:00.000Z");
  same_id = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same_id, ==, id);

  after = icat_store_read (fixture->store, "action_item", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (after, "title"), ==, "Draft the 2027 work plan");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (after, "created_at"), ==,
                   json_object_get_string_member (before, "created_at"));
  g_assert_cmpstr (json_object_get_string_member (after, "updated_at"), >,
                   json_object_get_string_member (before, "updated_at"));
  history = json_object_get_array_member (after, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "status"), ==, "in-progress");
}

static void
test_invalid_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *before = icat_test_export (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) missing_title = icat_test_object ("{\"status\": \"open\"}");
  g_autoptr(JsonObject) bad_owner = icat_test_object ("{\"title\": \"x\", \"status\": \"open\", "
                                                      "\"owner\": \"11111111-1111-4111-8111-111111111111\"}");
  g_autoptr(JsonObject) bad_status = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_object_set_string_member (missing_title, "owner", fixture->unodc);
  id = icat_store_save (fixture->store, "action_item", missing_title, &error);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.title"));
  g_assert_null (id);
  g_clear_error (&error);

  id = icat_store_save (fixture->store, "action_item", bad_owner, &error);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.owner: no agency with this id"));
  g_clear_error (&error);

  json_object_set_string_member (bad_status, "title", "x");
  json_object_set_string_member (bad_status, "owner", fixture->unodc);
  json_object_set_string_member (bad_status, "status", "finished");
  id = icat_store_save (fixture->store, "action_item", bad_status, &error);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_clear_error (&error);

  /* One chair term a year: 2016 is UNODC's. */
  {
    g_autoptr(JsonObject) term = json_object_new ();
    JsonArray *agencies = json_array_new ();

    json_array_add_string_element (agencies, fixture->unodc);
    json_object_set_int_member (term, "year", 2016);
    json_object_set_array_member (term, "agencies", agencies);
    id = icat_store_save (fixture->store, "chair_term", term, &error);
    g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "$.year: another record already has 2016"));
    g_clear_error (&error);
  }

  after = icat_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (icat_store_can_undo (fixture->store));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = save_action_item (fixture, "Circulate the minutes", "open");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) gone = NULL;

  /* UNODC owns the item: deleting it would leave the item without an owner. */
  g_assert_false (icat_store_delete (fixture->store, "agency", fixture->unodc, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (icat_store_delete (fixture->store, "action_item", id, &error));
  g_assert_no_error (error);
  gone = icat_store_read (fixture->store, "action_item", id, &error);
  g_assert_null (gone);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (icat_store_delete (fixture->store, "action_item", id, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *before = icat_test_export (fixture->store);
  g_autofree char *id = save_action_item (fixture, "Prepare the principals meeting", "open");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *ignored = NULL;

  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "title", "Prepare the principals-level meeting");
  ignored = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);

  g_assert_true (icat_store_can_undo (fixture->store));
  icat_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  record = icat_store_read (fixture->store, "action_item", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (record, "title"), ==, "Prepare the principals meeting");

  icat_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  after_undo = icat_test_export (fixture->store);
  g_assert_cmpstr (after_undo, ==, before);

  g_assert_false (icat_store_can_undo (fixture->store));
  g_assert_false (icat_store_undo (fixture->store, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
}

typedef struct {
  guint created;
  guint updated;
  guint deleted;
  char *last_id;
} Counts;

static void
record_changed_cb (IcatStore  *store,
                   const char *kind,
                   const char *id,
                   int         change,
                   Counts     *counts)
{
  g_assert_cmpstr (kind, ==, "action_item");
  if (change == ICAT_CHANGE_CREATED)
    counts->created++;
  else if (change == ICAT_CHANGE_UPDATED)
    counts->updated++;
  else
    counts->deleted++;
  g_free (counts->last_id);
  counts->last_id = g_strdup (id);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notifications (Fixture       *fixture,
                    gconstpointer  data)
{
  Counts counts = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(IcatRecord) live = NULL;
  g_autoptr(IcatRecord) again = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;
  guint data_notifications = 0, deleted_notifications = 0;
  gulong handler;

  handler = g_signal_connect (fixture->store, "record-changed::action_item", G_CALLBACK (record_changed_cb), &counts);
  id = save_action_item (fixture, "Update the ICAT website", "open");
  g_assert_cmpuint (counts.created, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpstr (counts.last_id, ==, id);

  live = icat_store_lookup (fixture->store, "action_item", id);
  again = icat_store_lookup (fixture->store, "action_item", id);
  g_assert_true (live == again);
  g_signal_connect (live, "notify::data", G_CALLBACK (count_notify), &data_notifications);
  g_signal_connect (live, "notify::deleted", G_CALLBACK (count_notify), &deleted_notifications);

  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "status", "done");
  ignored = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (data_notifications, ==, 1);
  g_assert_cmpstr (icat_record_get_string (live, "status"), ==, "done");

  g_assert_true (icat_store_delete (fixture->store, "action_item", id, &error));
  g_assert_cmpuint (counts.deleted, ==, 1);
  g_assert_cmpuint (deleted_notifications, ==, 1);
  g_assert_true (icat_record_get_deleted (live));

  /* Notices of other kinds do not reach this detail. */
  g_signal_handler_disconnect (fixture->store, handler);
  g_free (counts.last_id);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **id = user_data;
  g_autoptr(GError) error = NULL;

  *id = icat_store_save_finish (ICAT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
failed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, error);

  g_assert_null (id);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autofree char *id = NULL;
  Counts counts = { 0 };

  g_signal_connect (fixture->store, "record-changed::action_item", G_CALLBACK (record_changed_cb), &counts);
  json_object_set_string_member (changes, "title", "Brief Member States in Vienna");
  json_object_set_string_member (changes, "owner", fixture->unodc);
  json_object_set_string_member (changes, "status", "open");
  icat_store_save_async (fixture->store, "action_item", changes, NULL, saved_cb, &id);
  /* Writes run on the writer thread; nothing is announced before they land. */
  g_assert_cmpuint (counts.created, ==, 0);
  while (id == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.created, ==, 1);
  stored = icat_store_read (fixture->store, "action_item", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (stored, "title"), ==, "Brief Member States in Vienna");

  json_object_set_string_member (bad, "title", "");
  icat_store_save_async (fixture->store, "action_item", bad, NULL, failed_cb, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_cmpuint (counts.created, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->store, record_changed_cb, &counts);
  g_free (counts.last_id);
}

static void
count_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *saved = user_data;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, NULL);

  if (id != NULL)
    (*saved)++;
}

/* Quitting relies on this: once sync returns, every queued save is on disk,
 * as another connection to the file sees. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  const guint n_saves = 40;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  sqlite3_stmt *stmt;
  guint saved = 0;

  for (guint i = 0; i < n_saves; i++)
    {
      g_autoptr(JsonObject) changes = json_object_new ();
      g_autofree char *title = g_strdup_printf ("Queued before quitting %u", i);

      json_object_set_string_member (changes, "title", title);
      json_object_set_string_member (changes, "owner", fixture->unodc);
      json_object_set_string_member (changes, "status", "open");
      icat_store_save_async (fixture->store, "action_item", changes, NULL, count_saved_cb, &saved);
    }
  icat_store_sync (fixture->store);

  db = icat_db_open (fixture->path, ICAT_DB_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  stmt = icat_db_prepare (db, "SELECT count(*) FROM action_item WHERE title LIKE 'Queued before quitting %'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n_saves);
  sqlite3_reset (stmt);

  /* The callbacks still come, on the main loop, afterwards. */
  while (saved < n_saves)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_read_only (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(IcatStore) read_only = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  {
    g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
    g_autofree char *ilo = icat_test_agency_id (store, "ILO");

    before = icat_test_export (store);
    json_object_set_string_member (changes, "owner", ilo);
  }
  uri = g_strdup_printf ("file:%s?mode=ro", path);
  read_only = icat_store_open (uri, &error);
  g_assert_no_error (error);
  json_object_set_string_member (changes, "title", "Cannot be saved");
  json_object_set_string_member (changes, "status", "open");
  id = icat_store_save (read_only, "action_item", changes, &error);
  g_assert_null (id);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  after = icat_test_export (read_only);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&read_only);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = icat_test_export (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *id = NULL;
  IcatDb *db = _icat_store_get_write_db (fixture->store);
  sqlite3_stmt *stmt = icat_db_prepare (db, "PRAGMA page_count", NULL);
  g_autofree char *limit = NULL;

  /* No more pages than the file has now: the next growth fails as on a full disk. */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_true (icat_db_exec (db, limit, NULL));

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "Minutes of the Working Group. ");
  json_object_set_string_member (changes, "title", "A very long record");
  json_object_set_string_member (changes, "description", long_text->str);
  json_object_set_string_member (changes, "owner", fixture->unodc);
  json_object_set_string_member (changes, "status", "open");
  id = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_null (id);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_DISK_FULL);
  after = icat_test_export (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  gsize before_length = 0, after_length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  store = icat_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ICAT_ERROR, code);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_databases (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *text_file = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "icat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text_file, "Agenda for Vienna\n", -1, NULL));
  assert_refused_untouched (text_file, ICAT_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (newer, ICAT_ERROR_NEWER_VERSION);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (foreign, ICAT_ERROR_NOT_A_DATABASE);

  store = icat_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
reloaded_cb (IcatStore *store,
             guint     *count)
{
  (*count)++;
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = save_action_item (fixture, "Collect agency inputs", "open");
  g_autoptr(IcatStore) other = NULL;
  g_autoptr(IcatRecord) live = icat_store_lookup (fixture->store, "action_item", id);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;
  guint reloaded = 0;

  g_signal_connect (fixture->store, "reloaded", G_CALLBACK (reloaded_cb), &reloaded);
  g_assert_false (icat_store_poll_external_changes (fixture->store));

  /* Another program (the command line) writes to the same file. */
  other = icat_store_open (fixture->path, &error);
  g_assert_no_error (error);
  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "status", "done");
  ignored = icat_store_save (other, "action_item", changes, &error);
  g_assert_no_error (error);

  g_assert_true (icat_store_poll_external_changes (fixture->store));
  g_assert_cmpuint (reloaded, ==, 1);
  g_assert_cmpstr (icat_record_get_string (live, "status"), ==, "done");
  g_assert_false (icat_store_poll_external_changes (fixture->store));
  g_signal_handlers_disconnect_by_func (fixture->store, reloaded_cb, &reloaded);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static const char *
agenda_minutes (JsonObject *meeting,
                guint       item)
{
  JsonArray *agenda = json_object_get_array_member (meeting, "agenda");

  if (item >= json_array_get_length (agenda))
    return NULL;
  return json_object_get_string_member_with_default (json_array_get_object_element (agenda, item), "minutes", NULL);
}

/* The agenda as the window shows it: a copy of the live record's (whose
 * data is never written to) with one item's minutes typed. */
static JsonObject *
agenda_typed (IcatRecord *live,
              guint       item,
              const char *minutes)
{
  g_autofree char *shown = json_to_string (json_object_get_member (icat_record_get_data (live), "agenda"), FALSE);
  JsonNode *agenda = json_from_string (shown, NULL);
  JsonObject *changes = json_object_new ();

  g_assert_nonnull (agenda);
  json_object_set_string_member (json_array_get_object_element (json_node_get_array (agenda), item), "minutes", minutes);
  json_object_set_string_member (changes, "id", icat_record_get_id (live));
  json_object_set_member (changes, "agenda", agenda);
  return changes;
}

/* A change that reached the file after the window last read the record
 * (another laptop's, applied while a save waited for the writer) is not
 * undone by that save: the save's list is merged with the record as it is
 * now, the window's own edit kept. */
static void
test_save_after_change_elsewhere (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = icat_test_object (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
    "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\", "
    "\"agenda\": [{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-0000000000c1\", \"position\": 0, \"title\": \"Opening\", \"minutes\": \"Draft\"}, "
    "{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-0000000000c2\", \"position\": 1, \"title\": \"Joint paper\", \"minutes\": \"Draft\"}]}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (fixture->store, "meeting", meeting, &error);
  g_autoptr(IcatRecord) live = icat_store_lookup (fixture->store, "meeting", id);
  g_autoptr(IcatStore) other = NULL;
  g_autoptr(JsonObject) elsewhere = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *ignored = NULL;
  gboolean saved[2] = { FALSE, FALSE };

  g_assert_no_error (error);
  /* Elsewhere: the first item's minutes, and a third item. */
  other = icat_store_open (fixture->path, &error);
  g_assert_no_error (error);
  elsewhere = agenda_typed (live, 0, "Opened by the chair");
  json_array_add_element (json_object_get_array_member (elsewhere, "agenda"), json_from_string (
    "{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-0000000000c3\", \"position\": 2, \"title\": \"Any other business\"}", NULL));
  ignored = icat_store_save (other, "meeting", elsewhere, &error);
  g_assert_no_error (error);

  /* The window still shows the record as it was and saves the second
   * item's minutes twice, the second save sent before the first is
   * answered, each with the whole agenda as it shows it. */
  g_assert_cmpstr (agenda_minutes (icat_record_get_data (live), 0), ==, "Draft");
  first = agenda_typed (live, 1, "UNODC");
  second = agenda_typed (live, 1, "UNODC to circulate");
  icat_store_save_async (fixture->store, "meeting", first, NULL, save_done_cb, &saved[0]);
  icat_store_save_async (fixture->store, "meeting", second, NULL, save_done_cb, &saved[1]);
  while (!saved[0] || !saved[1])
    g_main_context_iteration (NULL, TRUE);

  stored = icat_store_read (other, "meeting", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agenda_minutes (stored, 0), ==, "Opened by the chair");
  g_assert_cmpstr (agenda_minutes (stored, 1), ==, "UNODC to circulate");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stored, "agenda")), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/seed", test_seed);
  ADD ("/store/save/create-update", test_create_and_update);
  ADD ("/store/save/invalid", test_invalid_changes_nothing);
  ADD ("/store/delete", test_delete);
  ADD ("/store/undo", test_undo);
  ADD ("/store/notifications", test_notifications);
  ADD ("/store/save/async", test_async);
  ADD ("/store/sync", test_sync);
  ADD ("/store/disk-full", test_disk_full);
  ADD ("/store/external-change", test_external_change);
  ADD ("/store/save/after-change-elsewhere", test_save_after_change_elsewhere);
#undef ADD
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/bad-databases", test_bad_databases);
  return g_test_run ();
}
