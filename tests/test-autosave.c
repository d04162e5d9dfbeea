/* test-autosave.c — IcatAutosave: the delay, the flush on dispose, failures
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test edits a seed agency's note through an autosave on a store of
 * its own, and reads back what the database holds.
 */
#define G_LOG_DOMAIN "test-autosave"

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "icat-autosave.h"
#include "icat-db.h"
#include "icat-error.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

typedef struct {
  char         *dir;
  char         *path;
  IcatStore    *store;
  char         *agency;     /* UNODC's id */
  IcatAutosave *autosave;
  guint         saved;      /* "saved" emissions */
  GPtrArray    *failures;   /* the GErrors "failed" gave */
  gint64        saved_at;   /* monotonic time of the last "saved" */
} Fixture;

static void
saved_cb (IcatAutosave *autosave,
          Fixture      *f)
{
  f->saved++;
  f->saved_at = g_get_monotonic_time ();
}

static void
failed_cb (IcatAutosave *autosave,
           GError       *error,
           Fixture      *f)
{
  g_ptr_array_add (f->failures, g_error_copy (error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = icat_test_tmpdir_new ();
  f->store = icat_test_store_new (f->dir, &f->path);
  f->agency = icat_test_agency_id (f->store, "UNODC");
  f->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  f->autosave = icat_autosave_new (f->store, "agency", f->agency);
  g_signal_connect (f->autosave, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (f->autosave, "failed", G_CALLBACK (failed_cb), f);
}

/* Only the test holds the store once the saves in flight have answered. */
static gboolean
store_released (IcatStore     *store,
                gconstpointer  data)
{
  return G_OBJECT (store)->ref_count == 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->autosave != NULL)
    g_assert_finalize_object (f->autosave);
  icat_test_wait_saved (f->store);
  icat_test_wait_until (store_released, f->store, NULL, 10);
  icat_test_finalize_store (f->store);
  g_ptr_array_unref (f->failures);
  g_free (f->agency);
  g_free (f->path);
  icat_test_tmpdir_free (f->dir);
}

/* The agency's note as the database holds it (NULL when it has none). */
static char *
stored_note (IcatStore  *store,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) agency = icat_store_read (store, "agency", id, &error);

  g_assert_no_error (error);
  if (!json_object_has_member (agency, "note") || json_object_get_null_member (agency, "note"))
    return NULL;
  return g_strdup (json_object_get_string_member (agency, "note"));
}

static gboolean
saved_times (Fixture       *f,
             gconstpointer  data)
{
  return f->saved >= GPOINTER_TO_UINT (data);
}

static gboolean
failed_times (Fixture       *f,
              gconstpointer  data)
{
  return f->failures->len >= GPOINTER_TO_UINT (data);
}

static gboolean
not_pending (Fixture       *f,
             gconstpointer  data)
{
  return !icat_autosave_get_pending (f->autosave);
}

/* Runs the main loop for a while without waiting for anything: the point
 * is what has NOT happened by then. */
static void
run_main_loop_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Several quick edits make one save, of the last text, and only once the
 * typing has paused for the whole delay. */
static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = stored_note (f->store, f->agency);
  g_autofree char *after = NULL;
  gint64 last_edit;

  g_assert_false (icat_autosave_get_pending (f->autosave));
  icat_autosave_set_string (f->autosave, "note", "Focal");
  g_assert_true (icat_autosave_get_pending (f->autosave));
  /* Each edit starts the delay again: after three edits 3/5 of a delay
   * apart, more than one delay has passed since the first, and nothing is
   * written yet. */
  run_main_loop_for (ICAT_AUTOSAVE_DELAY_MS * 3 / 5);
  icat_autosave_set_string (f->autosave, "note", "Focal point");
  run_main_loop_for (ICAT_AUTOSAVE_DELAY_MS * 3 / 5);
  icat_autosave_set_string (f->autosave, "note", "Focal point changes in May");
  last_edit = g_get_monotonic_time ();
  run_main_loop_for (ICAT_AUTOSAVE_DELAY_MS * 3 / 5);
  icat_store_sync (f->store);
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_true (icat_autosave_get_pending (f->autosave));
  after = stored_note (f->store, f->agency);
  g_assert_cmpstr (after, ==, before);

  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (1), 10);
  g_assert_cmpint (f->saved_at - last_edit, >=, ICAT_AUTOSAVE_DELAY_MS * 1000);
  g_assert_false (icat_autosave_get_pending (f->autosave));
  g_clear_pointer (&after, g_free);
  after = stored_note (f->store, f->agency);
  g_assert_cmpstr (after, ==, "Focal point changes in May");
  /* One save for the three edits: no other follows. */
  run_main_loop_for (ICAT_AUTOSAVE_DELAY_MS * 2);
  g_assert_cmpuint (f->saved, ==, 1);
  g_assert_cmpuint (f->failures->len, ==, 0);
}

/* An empty text clears the field; taking back the only queued field leaves
 * nothing pending and nothing is sent. */
static void
test_clear_and_unset (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *note = NULL;

  icat_autosave_set_string (f->autosave, "note", "Kept");
  icat_autosave_flush (f->autosave);
  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (1), 10);
  note = stored_note (f->store, f->agency);
  g_assert_cmpstr (note, ==, "Kept");

  icat_autosave_set_string (f->autosave, "note", "Wrong");
  icat_autosave_unset (f->autosave, "note");
  g_assert_false (icat_autosave_get_pending (f->autosave));
  /* Unsetting a field never queued changes nothing. */
  icat_autosave_unset (f->autosave, "website");
  g_assert_false (icat_autosave_get_pending (f->autosave));
  icat_autosave_flush (f->autosave);
  icat_test_wait_saved (f->store);
  g_assert_cmpuint (f->saved, ==, 1);
  g_clear_pointer (&note, g_free);
  note = stored_note (f->store, f->agency);
  g_assert_cmpstr (note, ==, "Kept");

  icat_autosave_set_string (f->autosave, "note", "");
  icat_autosave_flush (f->autosave);
  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (2), 10);
  g_clear_pointer (&note, g_free);
  note = stored_note (f->store, f->agency);
  g_assert_null (note);
}

/* An edit still waiting for the delay when its editor goes away is
 * written: it is in the file, for a store opened afresh. */
static void
test_flush_on_dispose (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcatStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gpointer gone = f->autosave;

  icat_autosave_set_string (f->autosave, "note", "Written on the way out");
  g_assert_true (icat_autosave_get_pending (f->autosave));
  /* The save sent on dispose holds the autosave until it is answered;
   * disposing disconnected its handlers, so only the file can tell. */
  g_object_add_weak_pointer (G_OBJECT (f->autosave), &gone);
  g_object_unref (g_steal_pointer (&f->autosave));
  icat_test_wait_saved (f->store);
  g_assert_null (gone);

  reopened = icat_store_open (f->path, &error);
  g_assert_no_error (error);
  note = stored_note (reopened, f->agency);
  g_assert_cmpstr (note, ==, "Written on the way out");
}

/* Queues what a new agency needs: acronym, name (in English) and kind. */
static void
queue_new_agency (IcatAutosave *autosave)
{
  icat_autosave_set (autosave, "name", json_from_string ("{\"en\": \"Council of Europe\"}", NULL));
  icat_autosave_set_string (autosave, "acronym", "CoE");
  icat_autosave_set_string (autosave, "kind", "regional");
}

/* A record not made yet: the first save creates it and the autosave then
 * follows its id, so a later edit changes that record, not a new one. */
static void
test_new_record (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcatAutosave) autosave = icat_autosave_new (f->store, "agency", NULL);
  g_autoptr(JsonObject) agency = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  g_signal_connect (autosave, "saved", G_CALLBACK (saved_cb), f);
  g_assert_null (icat_autosave_get_id (autosave));
  queue_new_agency (autosave);
  icat_autosave_flush (autosave);
  /* Sent before the id is known: it waits for the first save's answer. */
  icat_autosave_set_string (autosave, "note", "Observer");
  icat_autosave_flush (autosave);
  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (2), 10);
  icat_test_wait_saved (f->store);

  g_assert_nonnull (icat_autosave_get_id (autosave));
  agency = icat_store_read (f->store, "agency", icat_autosave_get_id (autosave), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (agency, "acronym"), ==, "CoE");
  note = stored_note (f->store, icat_autosave_get_id (autosave));
  g_assert_cmpstr (note, ==, "Observer");
  g_signal_handlers_disconnect_by_data (autosave, f);
}

/* Sets the database's largest size to what it is now: the next write
 * that needs a page fails as on a full disk. */
static void
fill_disk (IcatStore *store)
{
  IcatDb *db = _icat_store_get_write_db (store);
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;

  icat_store_sync (store);
  stmt = icat_db_prepare (db, "PRAGMA page_count", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_true (icat_db_exec (db, limit, NULL));
}

/* A save that fails is reported with its error; nothing of it is stored,
 * nothing stays pending (the editor keeps the text), and the next edit
 * once there is room saves. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *before = stored_note (f->store, f->agency);
  g_autofree char *stored = NULL;
  GError *error;

  fill_disk (f->store);
  for (guint i = 0; i < 20000; i++)
    g_string_append (note, "Comments from the agencies are due by March. ");
  icat_autosave_set_string (f->autosave, "note", note->str);
  icat_autosave_flush (f->autosave);
  icat_test_wait_until (failed_times, f, GUINT_TO_POINTER (1), 10);
  icat_test_wait_until (not_pending, f, NULL, 10);

  error = f->failures->pdata[0];
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_DISK_FULL);
  g_assert_cmpuint (f->saved, ==, 0);
  stored = stored_note (f->store, f->agency);
  g_assert_cmpstr (stored, ==, before);

  g_assert_true (icat_db_exec (_icat_store_get_write_db (f->store), "PRAGMA max_page_count = 1073741823", NULL));
  icat_autosave_set_string (f->autosave, "note", note->str);
  icat_autosave_flush (f->autosave);
  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (1), 10);
  g_clear_pointer (&stored, g_free);
  stored = stored_note (f->store, f->agency);
  g_assert_cmpstr (stored, ==, note->str);
  g_assert_cmpuint (f->failures->len, ==, 1);
}

/* A new record whose first save fails has no id yet; the next edit tries
 * to create it again. */
static void
test_new_record_fails (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcatAutosave) autosave = icat_autosave_new (f->store, "agency", NULL);
  GError *error;

  g_signal_connect (autosave, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (autosave, "failed", G_CALLBACK (failed_cb), f);
  /* No name: the store refuses the record. */
  icat_autosave_set_string (autosave, "acronym", "CoE");
  icat_autosave_flush (autosave);
  icat_test_wait_until (failed_times, f, GUINT_TO_POINTER (1), 10);
  error = f->failures->pdata[0];
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_null (icat_autosave_get_id (autosave));
  g_assert_false (icat_autosave_get_pending (autosave));

  queue_new_agency (autosave);
  icat_autosave_flush (autosave);
  icat_test_wait_until (saved_times, f, GUINT_TO_POINTER (1), 10);
  g_assert_nonnull (icat_autosave_get_id (autosave));
  g_signal_handlers_disconnect_by_data (autosave, f);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/autosave/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("debounce", test_debounce);
  ADD ("clear-and-unset", test_clear_and_unset);
  ADD ("flush-on-dispose", test_flush_on_dispose);
  ADD ("new-record", test_new_record);
  ADD ("disk-full", test_disk_full);
  ADD ("new-record-fails", test_new_record_fails);
#undef ADD

  return g_test_run ();
}
