/* icat-sync-group.c — making, joining and looking after a group
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first laptop makes the group (a key, a join file, a snapshot of its
 * database in the folder). A laptop that joins takes the newest snapshot
 * as its database — after saving what it held as a JSON backup beside it —
 * and from then on merges the files after it.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-sync-folder.h"
#include "icat-sync-private.h"

typedef struct {
  const char *group;
  const char *folder;
  const char *name;
} Membership;

static gboolean
write_membership (IcatDb       *db,
                  IcatNotices  *notices,
                  gpointer      data,
                  GError      **error)
{
  Membership *membership = data;

  return _icat_sync_set_setting (db, "group", membership->group, error) &&
         _icat_sync_set_setting (db, "folder", membership->folder, error) &&
         (membership->name == NULL || _icat_sync_set_setting (db, "device_name", membership->name, error)) &&
         icat_db_exec (db, "DELETE FROM sync_device; DELETE FROM sync_file_problem", error);
}

static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("The sync folder “%s” is not reachable."), folder ? folder : ""), FALSE;
  return TRUE;
}

gboolean
icat_sync_init (IcatStore   *store,
                const char  *folder,
                const char  *join_file,
                const char  *device_name,
                char       **passphrase,
                GError     **error)
{
  guint8 key[ICAT_SYNC_KEY_SIZE];
  g_autofree char *group = NULL;
  g_autofree char *current = NULL;
  g_autofree char *absolute = NULL;
  Membership membership;

  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  current = _icat_sync_setting (_icat_store_get_read_db (store), "group");
  if (current != NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("This database is already in a group.")), FALSE;
  if (!check_folder (folder, error) || !_icat_sync_key_new (key, error))
    return FALSE;
  group = _icat_sync_group_id (key);
  absolute = g_canonicalize_filename (folder, NULL);
  membership = (Membership) { group, absolute, device_name };
  if (!_icat_sync_key_save (group, key, error) ||
      !_icat_sync_join_file_write (join_file, key, error) ||
      !_icat_store_write (store, write_membership, &membership, 0, NULL, error) ||
      !_icat_sync_start_publishing (store, error))
    return FALSE;
  if (passphrase != NULL)
    *passphrase = _icat_sync_passphrase (key);
  memset (key, 0, sizeof key);
  return TRUE;
}

/* Joining {{{ */

/* The snapshot covering the most changes, verified; NULL in *path when
 * the folder holds none. */
static gboolean
find_snapshot (const guint8   key[ICAT_SYNC_KEY_SIZE],
               const char    *group,
               const char    *folder,
               GBytes       **database,
               GError       **error)
{
  g_autoptr(GPtrArray) devices = _icat_sync_list_devices (folder, error);
  gint64 best = -1;
  guint seen = 0;

  if (devices == NULL)
    return FALSE;
  *database = NULL;
  for (guint d = 0; d < devices->len; d++)
    {
      g_autoptr(GArray) seqs = _icat_sync_list_numbered (folder, devices->pdata[d], "snapshot-", ".icatsnap");

      for (guint i = 0; i < seqs->len; i++)
        {
          g_autofree char *name = g_strdup_printf ("snapshot-%" G_GINT64_FORMAT ".icatsnap", g_array_index (seqs, gint64, i));
          g_autofree char *path = g_build_filename (folder, devices->pdata[d], name, NULL);
          g_autoptr(JsonObject) header = NULL;
          g_autoptr(GBytes) payload = NULL;
          JsonObject *applied;
          g_autoptr(GList) members = NULL;
          gint64 covered = 0;

          seen++;
          if (!_icat_sync_read_signed (key, path, group, "snapshot", devices->pdata[d], g_array_index (seqs, gint64, i),
                                       &header, &payload, NULL))
            continue;
          if (json_object_get_int_member_with_default (header, "schema", 0) != ICAT_SCHEMA_VERSION)
            return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NEWER_VERSION,
                                _("The group’s snapshot %s was made by another version of ICAT Tracker; "
                                  "use the same version on every laptop."), path), FALSE;
          applied = json_object_get_object_member (header, "applied");
          members = applied ? json_object_get_members (applied) : NULL;
          for (GList *l = members; l != NULL; l = l->next)
            covered += json_object_get_int_member (applied, l->data);
          if (covered > best)
            {
              best = covered;
              g_clear_pointer (database, g_bytes_unref);
              *database = g_steal_pointer (&payload);
            }
        }
    }
  if (*database == NULL && seen > 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("No snapshot in the sync folder “%s” opens with this passphrase or join file: check the "
                          "passphrase letter by letter, or use the join file of the group that shares this folder."),
                        folder), FALSE;
  if (*database == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("The sync folder “%s” holds no snapshot of the group yet: run “sync run” on a laptop "
                          "of the group, wait until its files arrive here, and join again."), folder), FALSE;
  return TRUE;
}

/* The tables a snapshot replaces: the records and how they came to be. */
static gboolean
is_replaced_table (const char *table)
{
  static const char * const sync_tables[] = { "sync_journal", "sync_journal_record", "sync_clock", "sync_tombstone", "sync_conflict", NULL };

  return _icat_journal_tracks_table (table) || g_strv_contains (sync_tables, table);
}

static gboolean
copy_table (IcatDb      *db,
            sqlite3     *snapshot,
            const char  *table,
            GError     **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM \"%s\"", table);
  g_autofree char *select_sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(GString) insert_sql = g_string_new (NULL);
  sqlite3_stmt *rows = NULL;
  gboolean ok = TRUE;
  int columns, rc;

  if (!icat_db_exec (db, delete_sql, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (snapshot, select_sql, -1, &rows, NULL);
  if (rc != SQLITE_OK)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The group’s snapshot is damaged: %s"), sqlite3_errmsg (snapshot)), FALSE;
  columns = sqlite3_column_count (rows);
  g_string_printf (insert_sql, "INSERT INTO \"%s\" VALUES (", table);
  for (int i = 0; i < columns; i++)
    g_string_append_printf (insert_sql, "%s?%d", i ? ", " : "", i + 1);
  g_string_append (insert_sql, ")");
  while (ok && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      sqlite3_stmt *insert = icat_db_prepare (db, insert_sql->str, error);

      if (insert == NULL)
        {
          ok = FALSE;
          break;
        }
      for (int i = 0; i < columns; i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (rows, i));
      ok = icat_db_run (db, insert, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = (g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                       _("The group’s snapshot is damaged: %s"), sqlite3_errmsg (snapshot)), FALSE);
  sqlite3_finalize (rows);
  return ok;
}

static gboolean
reindex_everything (IcatDb   *db,
                    GError  **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  if (!icat_db_exec (db, "DELETE FROM search_doc", error))
    return FALSE;
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], error);

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(JsonObject) record = icat_record_io_read (db, kinds[k], ids->pdata[i], error);

          if (record == NULL || !icat_record_io_index (db, kinds[k], ids->pdata[i], record, error))
            return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  const char *snapshot_path;
  Membership  membership;
} Joining;

static gboolean
take_snapshot (IcatDb       *db,
               IcatNotices  *notices,
               gpointer      data,
               GError      **error)
{
  Joining *joining = data;
  sqlite3 *snapshot = NULL;
  sqlite3_stmt *tables = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_open_v2 (joining->snapshot_path, &snapshot, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (snapshot, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables, NULL);
  while (rc == SQLITE_OK && sqlite3_step (tables) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (tables, 0)));
  sqlite3_finalize (tables);
  if (rc != SQLITE_OK || names->len == 0)
    ok = (g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("The group’s snapshot is damaged: %s"),
                       snapshot ? sqlite3_errmsg (snapshot) : ""), FALSE);
  /* Filled again as the journal is copied. */
  ok = ok && icat_db_exec (db, "DELETE FROM sync_applied", error);
  for (guint i = 0; ok && i < names->len; i++)
    if (is_replaced_table (names->pdata[i]))
      ok = copy_table (db, snapshot, names->pdata[i], error);
  sqlite3_close (snapshot);
  return ok &&
         write_membership (db, notices, &joining->membership, error) &&
         reindex_everything (db, error);
}

/* What this database held, as a JSON backup beside it. */
static char *
save_backup (IcatStore  *store,
             GError    **error)
{
  const char *path = icat_store_get_path (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *text = NULL;
  g_autofree char *backup = NULL;

  if (g_str_has_prefix (path, "file:"))
    return g_strdup ("");
  text = icat_store_export_json (store, NULL, error);
  if (text == NULL)
    return NULL;
  backup = g_strdup_printf ("%s.before-joining-%s.json", path, stamp);
  if (!g_file_set_contents_full (backup, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&backup);
}

gboolean
icat_sync_join (IcatStore   *store,
                const char  *folder,
                const char  *join_file,
                const char  *passphrase,
                const char  *device_name,
                char       **backup_path,
                GError     **error)
{
  guint8 key[ICAT_SYNC_KEY_SIZE];
  g_autofree char *group = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GBytes) database = NULL;
  Joining joining;
  gboolean ok;
  int fd;

  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (join_file != NULL || passphrase != NULL, FALSE);
  if (!check_folder (folder, error))
    return FALSE;
  if (join_file != NULL ? !_icat_sync_join_file_read (join_file, key, error)
                        : !_icat_sync_passphrase_decode (passphrase, key, error))
    return FALSE;
  group = _icat_sync_group_id (key);
  if (!find_snapshot (key, group, folder, &database, error))
    return FALSE;
  backup = save_backup (store, error);
  if (backup == NULL)
    return FALSE;
  fd = g_file_open_tmp ("icat-tracker-join-XXXXXX", &temporary, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  if (!g_file_set_contents (temporary, g_bytes_get_data (database, NULL), g_bytes_get_size (database), error))
    return FALSE;

  absolute = g_canonicalize_filename (folder, NULL);
  joining = (Joining) { temporary, { group, absolute, device_name } };
  ok = _icat_sync_key_save (group, key, error) &&
       _icat_store_write (store, take_snapshot, &joining, ICAT_STORE_WRITE_RELOAD_ALL, NULL, error) &&
       _icat_sync_start_publishing (store, error);
  g_unlink (temporary);
  memset (key, 0, sizeof key);
  if (ok && backup_path != NULL)
    *backup_path = *backup ? g_steal_pointer (&backup) : NULL;
  return ok;
}

/* }}} */
/* Status {{{ */

IcatSyncStatus *
icat_sync_status (IcatStore  *store,
                  GError    **error)
{
  IcatDb *db = _icat_store_get_read_db (store);
  g_autoptr(IcatSyncStatus) status = g_new0 (IcatSyncStatus, 1);
  g_autofree char *published = NULL;
  sqlite3_stmt *stmt;
  int rc;

  status->group_id = _icat_sync_setting (db, "group");
  status->folder = _icat_sync_setting (db, "folder");
  status->device_name = _icat_sync_setting (db, "device_name");
  published = _icat_sync_setting (db, "published");
  status->laptops = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_laptop_free);
  status->refused = g_ptr_array_new_with_free_func (g_free);
  status->waiting = g_ptr_array_new_with_free_func (g_free);

  stmt = icat_db_prepare (db,
                          "SELECT d.id, d.name, coalesce (a.seq, 0), coalesce (d.published, a.seq, 0), "
                          "(SELECT made_at FROM sync_journal AS j WHERE j.device = d.id AND j.seq = a.seq) "
                          "FROM (SELECT id, name, published FROM sync_device "
                          "      UNION SELECT device, NULL, NULL FROM sync_applied WHERE device NOT IN (SELECT id FROM sync_device) "
                          "      UNION SELECT ?1, NULL, NULL WHERE ?1 NOT IN (SELECT id FROM sync_device) "
                          "        AND ?1 NOT IN (SELECT device FROM sync_applied)) AS d "
                          "LEFT JOIN sync_applied AS a ON a.device = d.id ORDER BY d.id",
                          error);
  if (stmt == NULL)
    return NULL;
  /* This laptop is in the list even before its first change. */
  icat_bind_text (stmt, 1, icat_store_get_device_id (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatSyncLaptop *laptop = g_new0 (IcatSyncLaptop, 1);

      laptop->device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      laptop->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      laptop->applied = sqlite3_column_int64 (stmt, 2);
      laptop->published = sqlite3_column_int64 (stmt, 3);
      laptop->last_change_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      laptop->is_self = g_strcmp0 (laptop->device_id, icat_store_get_device_id (store)) == 0;
      if (laptop->is_self && laptop->name == NULL)
        laptop->name = g_strdup (status->device_name);
      g_ptr_array_add (status->laptops, laptop);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;

  stmt = icat_db_prepare (db,
                          "SELECT count (*) FROM sync_journal WHERE device = ?1 AND seq > ?2",
                          error);
  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, icat_store_get_device_id (store));
  sqlite3_bind_int64 (stmt, 2, published ? g_ascii_strtoll (published, NULL, 10) : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW && status->group_id != NULL)
    status->unshared = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = icat_db_prepare (db, "SELECT path, refused, reason FROM sync_file_problem ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sqlite3_column_int (stmt, 1) ? status->refused : status->waiting,
                     g_strdup_printf ("%s: %s", sqlite3_column_text (stmt, 0),
                                      _icat_sync_problem_text ((const char *) sqlite3_column_text (stmt, 2))));
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  stmt = icat_db_prepare (db, "SELECT count (*) FROM sync_conflict WHERE resolved_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status->open_conflicts = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return g_steal_pointer (&status);
}

GPtrArray *
icat_sync_conflicts (IcatStore  *store,
                     GError    **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  return _icat_sync_list_conflicts (_icat_store_get_read_db (store), NULL, icat_store_get_device_id (store), error);
}

/* }}} */
