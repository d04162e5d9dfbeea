/* test-sync-history.c — a record's History from the change journal
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two laptops in one process (two stores with their own device ids and
 * one sync folder), as in test-sync-merge.c: each one's History of a
 * record lists both laptops' changes, with their names, fields and
 * values; a restored value is an ordinary change that reaches the other
 * laptop; the migration to schema 6 indexes a journal written before it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "icat-error.h"
#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-test-util.h"

static const char * const device_ids[] = {
  "00000000-0000-4000-8000-0000000000a1",
  "00000000-0000-4000-8000-0000000000b2",
};
static const char * const device_names[] = { "Vienna", "New York" };

typedef struct {
  char      *dir;
  char      *folder;
  IcatStore *laptop[2];
} Pair;

static IcatStore *
open_laptop (Pair  *pair,
             guint  laptop)
{
  g_autofree char *name = g_strdup_printf ("laptop-%u.db", laptop);
  g_autofree char *path = g_build_filename (pair->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  IcatStore *store = icat_store_open (path, &error);

  g_assert_no_error (error);
  _icat_store_set_device_id (store, device_ids[laptop]);
  return store;
}

static void
pair_set_up (Pair          *pair,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *join = NULL;

  pair->dir = icat_test_tmpdir_new ();
  pair->folder = g_build_filename (pair->dir, "folder", NULL);
  join = g_build_filename (pair->dir, "join.json", NULL);
  g_assert_cmpint (g_mkdir (pair->folder, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    pair->laptop[i] = open_laptop (pair, i);
  g_assert_true (icat_sync_init (pair->laptop[0], pair->folder, join, device_names[0], NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icat_sync_join (pair->laptop[1], pair->folder, join, NULL, device_names[1], NULL, &error));
  g_assert_no_error (error);
}

static void
pair_tear_down (Pair          *pair,
                gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    icat_test_finalize_store (g_steal_pointer (&pair->laptop[i]));
  g_free (pair->folder);
  icat_test_tmpdir_free (pair->dir);
}

static void
run (Pair  *pair,
     guint  laptop)
{
  IcatSyncReport report;
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_sync_run (pair->laptop[laptop], NULL, &report, &error));
  g_assert_no_error (error);
}

static void
exchange (Pair *pair)
{
  run (pair, 0);
  run (pair, 1);
  run (pair, 0);
}

static char *
save (IcatStore  *store,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) changes = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (store, kind, changes, &error);

  g_assert_no_error (error);
  return id;
}

#define AGENDA_ITEM "00000000-0000-4000-8000-00000000a9e1"

static char *
new_meeting (Pair *pair)
{
  char *id = save (pair->laptop[0], "meeting",
                   "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
                   "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", "
                   "\"timezone\": \"Europe/Vienna\", \"note\": \"Agreed agenda\", "
                   "\"agenda\": [{\"id\": \"" AGENDA_ITEM "\", \"position\": 3, \"title\": \"Data\", "
                   "\"minutes\": \"First draft\"}]}");

  exchange (pair);
  return id;
}

static GPtrArray *
history (IcatStore  *store,
         const char *id,
         const char *since,
         guint       offset,
         guint       limit,
         guint      *total)
{
  IcatSyncHistoryQuery query = { "meeting", id, icat_store_get_device_id (store), since, offset, limit };
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = icat_sync_history (_icat_store_get_read_db (store), &query, total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* The change of field (in nested_path's row, or the record's) in entry. */
static IcatSyncFieldChange *
find_change (IcatSyncHistoryEntry *entry,
             const char           *nested_path,
             const char           *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      IcatSyncFieldChange *change = entry->changes->pdata[i];

      if (g_strcmp0 (change->nested_path, nested_path) == 0 && g_strcmp0 (change->field, field) == 0)
        return change;
    }
  return NULL;
}

static IcatSyncHistoryEntry *
entry_at (GPtrArray *entries,
          guint      index)
{
  g_assert_cmpuint (index, <, entries->len);
  return entries->pdata[index];
}

static void
test_two_laptops (Pair          *pair,
                  gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Quorum reached\"}", id);
  g_autofree char *venue = g_strdup_printf ("{\"id\": \"%s\", \"venue\": \"Vienna International Centre\"}", id);

  g_free (save (pair->laptop[0], "meeting", note));
  exchange (pair);
  g_free (save (pair->laptop[1], "meeting", venue));
  exchange (pair);

  for (guint laptop = 0; laptop < 2; laptop++)
    {
      guint total = 0;
      g_autoptr(GPtrArray) entries = history (pair->laptop[laptop], id, NULL, 0, 0, &total);
      IcatSyncHistoryEntry *newest = entry_at (entries, 0);
      IcatSyncHistoryEntry *middle = entry_at (entries, 1);
      IcatSyncHistoryEntry *oldest = entry_at (entries, 2);
      IcatSyncFieldChange *change;

      g_assert_cmpuint (entries->len, ==, 3);
      g_assert_cmpuint (total, ==, 3);
      /* Newest first, each laptop by its name and this one as itself. */
      g_assert_cmpstr (newest->device_id, ==, device_ids[1]);
      g_assert_cmpstr (newest->device_name, ==, "New York");
      g_assert_cmpint (newest->is_self, ==, laptop == 1);
      g_assert_cmpstr (middle->device_id, ==, device_ids[0]);
      g_assert_cmpstr (middle->device_name, ==, "Vienna");
      g_assert_cmpint (middle->is_self, ==, laptop == 0);
      g_assert_cmpint (newest->hlc, >, middle->hlc);
      g_assert_cmpint (middle->hlc, >, oldest->hlc);
      g_assert_cmpstr (newest->made_at, >, middle->made_at);

      change = find_change (newest, NULL, "venue");
      g_assert_nonnull (change);
      g_assert_cmpint (change->change, ==, ICAT_SYNC_FIELD_CHANGED);
      g_assert_cmpstr (change->label, ==, "Venue");
      g_assert_cmpstr (change->old_value, ==, "null");
      g_assert_null (change->old_text);
      g_assert_cmpstr (change->new_value, ==, "\"Vienna International Centre\"");
      g_assert_true (change->restorable);
      /* The stamps of the save are not the user's fields. */
      g_assert_null (find_change (newest, NULL, "updated_at"));

      change = find_change (middle, NULL, "note");
      g_assert_nonnull (change);
      g_assert_cmpstr (change->old_value, ==, "\"Agreed agenda\"");
      g_assert_cmpstr (change->new_value, ==, "\"Quorum reached\"");
      g_assert_cmpstr (change->new_text, ==, "Quorum reached");

      /* The creation, with its values and its agenda item. */
      change = find_change (oldest, NULL, NULL);
      g_assert_nonnull (change);
      g_assert_cmpint (change->change, ==, ICAT_SYNC_ROW_CREATED);
      g_assert_cmpstr (change->label, ==, "The record");
      change = find_change (oldest, NULL, "title");
      g_assert_nonnull (change);
      g_assert_null (change->old_value);
      g_assert_cmpstr (change->new_value, ==, "{\"en\":\"Working Group\"}");
      g_assert_cmpstr (change->new_text, ==, "Working Group");
      change = find_change (oldest, "agenda/" AGENDA_ITEM, "minutes");
      g_assert_nonnull (change);
      g_assert_cmpstr (change->label, ==, "Agenda item 3 · Minutes");
    }
}

static void
test_nested_rows (Pair          *pair,
                  gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *minutes = g_strdup_printf ("{\"id\": \"%s\", \"agenda\": [{\"id\": \"" AGENDA_ITEM "\", "
                                              "\"position\": 3, \"title\": \"Data\", \"minutes\": \"Agreed\"}]}", id);
  g_autofree char *removed = g_strdup_printf ("{\"id\": \"%s\", \"agenda\": []}", id);
  g_autoptr(GPtrArray) entries = NULL;
  IcatSyncFieldChange *change;

  g_free (save (pair->laptop[1], "meeting", minutes));
  exchange (pair);
  entries = history (pair->laptop[0], id, NULL, 0, 0, NULL);
  change = find_change (entry_at (entries, 0), "agenda/" AGENDA_ITEM, "minutes");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->row_label, ==, "Agenda item 3");
  g_assert_cmpstr (change->label, ==, "Agenda item 3 · Minutes");
  g_assert_cmpstr (change->old_value, ==, "\"First draft\"");
  g_assert_cmpstr (change->new_value, ==, "\"Agreed\"");
  g_assert_true (change->restorable);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A deleted item is still named, from its tombstone, and its old
   * changes can no longer be restored. */
  g_free (save (pair->laptop[0], "meeting", removed));
  exchange (pair);
  entries = history (pair->laptop[1], id, NULL, 0, 0, NULL);
  change = entry_at (entries, 0)->changes->pdata[0];
  g_assert_cmpint (change->change, ==, ICAT_SYNC_ROW_DELETED);
  g_assert_cmpstr (change->label, ==, "Agenda item 3");
  g_assert_cmpstr (change->nested_path, ==, "agenda/" AGENDA_ITEM);
  change = find_change (entry_at (entries, 1), "agenda/" AGENDA_ITEM, "minutes");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->label, ==, "Agenda item 3 · Minutes");
  g_assert_false (change->restorable);
}

static void
test_since_and_pages (Pair          *pair,
                      gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint total = 0;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Version %u\"}", id, i);

      g_free (save (pair->laptop[i % 2], "meeting", note));
      exchange (pair);
    }
  all = history (pair->laptop[0], id, "2000-01-01", 0, 0, &total);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpuint (total, ==, 5);

  /* After the second newest change: the newest only. */
  after = history (pair->laptop[0], id, entry_at (all, 1)->made_at, 0, 0, &total);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (entry_at (after, 0)->hlc, ==, entry_at (all, 0)->hlc);
  g_assert_cmpstr (find_change (entry_at (after, 0), NULL, "note")->new_value, ==, "\"Version 3\"");

  none = history (pair->laptop[0], id, "2999-01-01", 0, 0, &total);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (total, ==, 0);

  /* A page of two from the third newest. */
  page = history (pair->laptop[0], id, NULL, 2, 2, &total);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpint (entry_at (page, 0)->hlc, ==, entry_at (all, 2)->hlc);
  g_assert_cmpint (entry_at (page, 1)->hlc, ==, entry_at (all, 3)->hlc);
}

static void
test_empty_and_unknown (Pair          *pair,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  IcatSyncHistoryQuery query = { "nothing", "x", NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  guint total = 7;

  empty = history (pair->laptop[0], "00000000-0000-4000-8000-000000000000", NULL, 0, 0, &total);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (total, ==, 0);
  unknown = icat_sync_history (_icat_store_get_read_db (pair->laptop[0]), &query, NULL, &error);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_null (unknown);
  g_assert_cmpstr (icat_sync_field_label ("minutes"), ==, "Minutes");
  g_assert_cmpstr (icat_sync_field_label ("no_such_field"), ==, "no_such_field");
}

static void
test_restore (Pair          *pair,
              gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Quorum reached\", "
                                           "\"agenda\": [{\"id\": \"" AGENDA_ITEM "\", \"position\": 3, "
                                           "\"title\": \"Data\", \"minutes\": \"Rewritten\"}]}", id);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  IcatSyncFieldChange *change;

  g_free (save (pair->laptop[1], "meeting", note));
  exchange (pair);

  /* Laptop A puts back the versions its creation wrote. */
  entries = history (pair->laptop[0], id, NULL, 0, 0, NULL);
  change = find_change (entry_at (entries, 1), NULL, "note");
  g_assert_true (icat_sync_restore_field (pair->laptop[0], "meeting", id, change->nested_path,
                                          change->field, change->new_value, &error));
  g_assert_no_error (error);
  change = find_change (entry_at (entries, 1), "agenda/" AGENDA_ITEM, "minutes");
  g_assert_true (icat_sync_restore_field (pair->laptop[0], "meeting", id, change->nested_path,
                                          change->field, change->new_value, &error));
  g_assert_no_error (error);
  exchange (pair);

  for (guint laptop = 0; laptop < 2; laptop++)
    {
      g_autoptr(JsonObject) meeting = icat_store_read (pair->laptop[laptop], "meeting", id, NULL);
      JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);

      g_assert_cmpstr (json_object_get_string_member (meeting, "note"), ==, "Agreed agenda");
      g_assert_cmpstr (json_object_get_string_member (item, "minutes"), ==, "First draft");
      g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Data");
    }
  after = history (pair->laptop[1], id, NULL, 0, 0, NULL);
  g_assert_cmpstr (entry_at (after, 0)->device_name, ==, "Vienna");
  change = find_change (entry_at (after, 0), "agenda/" AGENDA_ITEM, "minutes");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_value, ==, "\"Rewritten\"");
  g_assert_cmpstr (change->new_value, ==, "\"First draft\"");

  /* A row that is gone cannot take its value back. */
  g_assert_false (icat_sync_restore_field (pair->laptop[0], "meeting", id, "agenda/no-such-row",
                                           "minutes", "\"x\"", &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (icat_sync_restore_field (pair->laptop[0], "meeting", id, "agenda",
                                           "minutes", "\"x\"", &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
}

static void
test_approval (Pair          *pair,
               gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *approve = g_strdup_printf ("{\"id\": \"%s\", \"record_status\": \"approved\", "
                                              "\"approved_on\": \"2027-03-02\"}", id);
  g_autofree char *later = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Changed after\"}", id);
  g_autofree char *approved_at = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GPtrArray) since = NULL;
  g_autoptr(GError) error = NULL;
  IcatDb *db = _icat_store_get_read_db (pair->laptop[0]);

  g_assert_true (icat_sync_history_approved_at (db, "meeting", id, &none, &error));
  g_assert_no_error (error);
  g_assert_null (none);

  g_free (save (pair->laptop[1], "meeting", approve));
  exchange (pair);
  g_free (save (pair->laptop[1], "meeting", later));
  exchange (pair);
  g_assert_true (icat_sync_history_approved_at (db, "meeting", id, &approved_at, &error));
  g_assert_no_error (error);
  g_assert_nonnull (approved_at);
  since = history (pair->laptop[0], id, approved_at, 0, 0, NULL);
  g_assert_cmpuint (since->len, ==, 1);
  g_assert_cmpstr (find_change (entry_at (since, 0), NULL, "note")->new_value, ==, "\"Changed after\"");
  g_assert_cmpstr (find_change (entry_at (since, 0), NULL, "note")->label, ==, "Note");
}

/* Saves not yet shared are combined into one change: a value typed and
 * put back within it changed nothing, and is not listed. */
static void
test_put_back (Pair          *pair,
               gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *typed = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Draft\", \"venue\": \"Geneva\"}", id);
  g_autofree char *back = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Agreed agenda\"}", id);
  g_autoptr(GPtrArray) entries = NULL;
  IcatSyncHistoryEntry *newest;

  g_free (save (pair->laptop[0], "meeting", typed));
  g_free (save (pair->laptop[0], "meeting", back));
  entries = history (pair->laptop[0], id, NULL, 0, 0, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  newest = entry_at (entries, 0);
  g_assert_null (find_change (newest, NULL, "note"));
  g_assert_nonnull (find_change (newest, NULL, "venue"));
  g_assert_cmpstr (find_change (newest, NULL, "venue")->new_value, ==, "\"Geneva\"");
}

static gint64
count_index (IcatStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (_icat_store_get_read_db (store)),
                                       "SELECT count (*) FROM sync_journal_record", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* A database of schema 5 has a journal and no index: the migration
 * derives the index from the journal, as journaling would have made it. */
static void
test_migration_fills_index (Pair          *pair,
                            gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Quorum reached\"}", id);
  g_autofree char *path = g_strdup (icat_store_get_path (pair->laptop[1]));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 indexed;
  sqlite3 *handle = NULL;

  g_free (save (pair->laptop[0], "meeting", note));
  exchange (pair);
  before = history (pair->laptop[1], id, NULL, 0, 0, NULL);
  indexed = count_index (pair->laptop[1]);
  g_assert_cmpint (indexed, >, 0);
  icat_test_finalize_store (g_steal_pointer (&pair->laptop[1]));

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  /* Back to version 5: what the later versions added goes too. */
  g_assert_cmpint (sqlite3_exec (handle, "DROP TABLE sync_journal_record; "
                                 "ALTER TABLE meeting_agenda DROP COLUMN continue_next; "
                                 "DROP INDEX action_item_history_at; PRAGMA user_version = 5",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  pair->laptop[1] = open_laptop (pair, 1);
  g_assert_cmpint (count_index (pair->laptop[1]), ==, indexed);
  after = history (pair->laptop[1], id, NULL, 0, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (after->len, ==, 2);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpint (entry_at (after, i)->hlc, ==, entry_at (before, i)->hlc);
      g_assert_cmpuint (entry_at (after, i)->changes->len, ==, entry_at (before, i)->changes->len);
    }
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/sync/history/" path, Pair, NULL, pair_set_up, func, pair_tear_down)
  ADD ("two-laptops", test_two_laptops);
  ADD ("nested-rows", test_nested_rows);
  ADD ("since-and-pages", test_since_and_pages);
  ADD ("empty-and-unknown", test_empty_and_unknown);
  ADD ("restore", test_restore);
  ADD ("approval", test_approval);
  ADD ("put-back", test_put_back);
  ADD ("migration-fills-index", test_migration_fills_index);
#undef ADD

  return g_test_run ();
}
