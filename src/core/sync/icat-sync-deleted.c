/* icat-sync-deleted.c — edits that meet a deletion
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record deleted on one laptop while others edited it stays deleted on
 * every laptop, and each laptop's unseen edits are kept as one conflict
 * per editing laptop, named by the row and that laptop. Laptops meet the
 * two in either order:
 * - the edit first, then the deletion (SQLite reports a DATA conflict):
 *   the row's columns the deleting laptop had not seen, and the values
 *   that had lost a clash there, go to their laptops' conflicts (the
 *   latter also when the row held just what the deleting laptop saw);
 * - the deletion first, then the edit (NOTFOUND): the edit's columns go
 *   to its laptop's conflict.
 * Either way every laptop holds the same conflicts, with every edit.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-sync-private.h"

/* Whether the laptop behind deps (a JSON object: device → seq applied)
 * had seen the write (device, hlc). */
static gboolean
was_seen (IcatDb      *db,
          const char  *deps,
          const char  *device,
          gint64       hlc)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT EXISTS (SELECT 1 FROM json_each (?1) AS d "
                                        "JOIN sync_journal AS j ON j.device = d.key AND j.seq = d.value "
                                        "WHERE d.key = ?2 AND j.hlc >= ?3)",
                                        NULL);
  gboolean seen = FALSE;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, deps ? deps : "{}");
  icat_bind_text (stmt, 2, device);
  sqlite3_bind_int64 (stmt, 3, hlc);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seen = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return seen;
}

/* One editing laptop's part: its columns and its latest clock. */
typedef struct {
  char       *device;
  gint64      hlc;
  JsonObject *columns;
} Edits;

static void
edits_free (gpointer data)
{
  Edits *edits = data;

  g_free (edits->device);
  json_object_unref (edits->columns);
  g_free (edits);
}

static void
add_edit (GHashTable *by_device,
          const char *device,
          gint64      hlc,
          const char *column,
          JsonNode   *value)
{
  Edits *edits = g_hash_table_lookup (by_device, device);

  if (edits == NULL)
    {
      edits = g_new0 (Edits, 1);
      edits->device = g_strdup (device);
      edits->columns = json_object_new ();
      g_hash_table_insert (by_device, edits->device, edits);
    }
  /* A laptop's later write of a column is its edit. */
  if (!json_object_has_member (edits->columns, column) || hlc >= edits->hlc)
    json_object_set_member (edits->columns, column, value);
  else
    json_node_unref (value);
  edits->hlc = MAX (edits->hlc, hlc);
}

static gboolean
record_edits (IcatDb              *db,
              const char          *table,
              const char          *key,
              const char          *record_hint,
              Edits               *edits,
              const IcatSyncClock *deleted,
              guint               *new_conflicts,
              GError             **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  IcatSyncClock lost = { edits->hlc, edits->device };
  IcatSyncClash clash = { "deleted", table, key, -1, NULL, deleted, NULL, &lost, record_hint };

  json_node_set_object (node, edits->columns);
  text = json_to_string (node, FALSE);
  clash.lost_value = text;
  return _icat_sync_record_clash (db, &clash, new_conflicts, error);
}

/* The values of the row's columns that lost a clash here. */
static gboolean
add_lost_values (IcatDb      *db,
                 const char  *table,
                 const char  *key,
                 GPtrArray   *columns,
                 const char  *deps,
                 GHashTable  *by_device,
                 GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT col, lost_value, lost_hlc, lost_device FROM sync_conflict "
                                        "WHERE tbl = ?1 AND pk = ?2 AND kind = 'field' AND resolved_at IS NULL",
                                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int column = sqlite3_column_int (stmt, 0);
      const char *device = (const char *) sqlite3_column_text (stmt, 3);
      gint64 hlc = sqlite3_column_int64 (stmt, 2);
      JsonNode *value;

      if (device == NULL || column < 0 || (guint) column >= columns->len || was_seen (db, deps, device, hlc))
        continue;
      value = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
      if (value != NULL)
        add_edit (by_device, device, hlc, columns->pdata[column], value);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

gboolean
_icat_sync_keep_unseen_edits (IcatDb                 *db,
                              const char             *table,
                              const char             *key,
                              sqlite3_changeset_iter *iter,
                              const IcatSyncClock    *deleter,
                              const char             *deps,
                              guint                  *new_conflicts,
                              GError                **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autoptr(GHashTable) by_device = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, edits_free);
  g_autofree char *record = _icat_sync_first_column (db, table, iter, TRUE);
  GHashTableIter walk;
  gpointer value;

  for (guint i = 0; i < columns->len; i++)
    {
      sqlite3_value *expected = NULL;
      sqlite3_value *current = NULL;
      g_autofree char *device = NULL;
      gint64 hlc = 0;

      if (_icat_sync_is_stamp_column (columns->pdata[i]))
        continue;
      sqlite3changeset_old (iter, i, &expected);
      sqlite3changeset_conflict (iter, i, &current);
      if (_icat_sync_values_equal (expected, current) ||
          !_icat_sync_column_clock (db, table, key, i, &hlc, &device, NULL) || *device == '\0')
        continue;
      if (g_strcmp0 (device, deleter->device) == 0 || was_seen (db, deps, device, hlc))
        continue;
      add_edit (by_device, device, hlc, columns->pdata[i], _icat_sync_value_to_json (current));
    }
  if (!add_lost_values (db, table, key, columns, deps, by_device, error))
    return FALSE;
  g_hash_table_iter_init (&walk, by_device);
  while (g_hash_table_iter_next (&walk, NULL, &value))
    if (!record_edits (db, table, key, record, value, deleter, new_conflicts, error))
      return FALSE;
  return TRUE;
}

gboolean
_icat_sync_keep_lost_of_deleted (IcatDb               *db,
                                 const char           *table,
                                 const char           *key,
                                 const char           *record_hint,
                                 const IcatSyncClock  *deleter,
                                 const char           *deps,
                                 guint                *new_conflicts,
                                 GError              **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autoptr(GHashTable) by_device = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, edits_free);
  GHashTableIter walk;
  gpointer value;

  if (!add_lost_values (db, table, key, columns, deps, by_device, error))
    return FALSE;
  g_hash_table_iter_init (&walk, by_device);
  while (g_hash_table_iter_next (&walk, NULL, &value))
    if (!g_str_equal (((Edits *) value)->device, deleter->device) &&
        !record_edits (db, table, key, record_hint, value, deleter, new_conflicts, error))
      return FALSE;
  return TRUE;
}

/* An edit that typed over other laptops' edits of the deleted row, having
 * seen them, replaces them in their conflicts, as it replaced them on the
 * laptops where the row was still there. */
static gboolean
drop_typed_over (IcatDb      *db,
                 const char  *table,
                 const char  *key,
                 Edits       *edits,
                 const char  *deps,
                 GError     **error)
{
  g_autoptr(GList) columns = json_object_get_members (edits->columns);
  sqlite3_stmt *stmt;

  for (GList *l = columns; l != NULL; l = l->next)
    {
      g_autofree char *path = g_strdup_printf ("$.\"%s\"", (const char *) l->data);

      stmt = icat_db_prepare (db,
                              "UPDATE sync_conflict SET lost_value = json_remove (lost_value, ?3) "
                              "WHERE tbl = ?1 AND pk = ?2 AND kind = 'deleted' AND resolved_at IS NULL "
                              "AND lost_device != ?4 AND lost_hlc <= (SELECT j.hlc FROM json_each (?5) AS d "
                              "  JOIN sync_journal AS j ON j.device = d.key AND j.seq = d.value "
                              "  WHERE d.key = sync_conflict.lost_device)",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, table);
      icat_bind_text (stmt, 2, key);
      icat_bind_text (stmt, 3, path);
      icat_bind_text (stmt, 4, edits->device);
      icat_bind_text (stmt, 5, deps ? deps : "{}");
      if (!icat_db_run (db, stmt, error))
        return FALSE;
    }
  stmt = icat_db_prepare (db,
                          "DELETE FROM sync_conflict WHERE tbl = ?1 AND pk = ?2 AND kind = 'deleted' "
                          "AND resolved_at IS NULL AND lost_value = '{}'",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  return icat_db_run (db, stmt, error);
}

static gboolean
join_orphan (IcatDb      *db,
             const char  *table,
             const char  *key,
             Edits       *edits,
             gboolean    *joined,
             GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "UPDATE sync_conflict SET lost_value = json_patch (lost_value, ?3) "
                                        "WHERE tbl = ?1 AND pk = ?2 AND kind = 'orphan' AND resolved_at IS NULL",
                                        error);

  if (stmt == NULL)
    return FALSE;
  json_node_set_object (node, edits->columns);
  text = json_to_string (node, FALSE);
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  icat_bind_text (stmt, 3, text);
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  *joined = sqlite3_changes (icat_db_handle (db)) > 0;
  return TRUE;
}

gboolean
_icat_sync_keep_edit_of_deleted (IcatDb                 *db,
                                 const char             *table,
                                 const char             *key,
                                 sqlite3_changeset_iter *iter,
                                 const IcatSyncClock    *editor,
                                 const char             *deps,
                                 guint                  *new_conflicts,
                                 GError                **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autoptr(GHashTable) by_device = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, edits_free);
  g_autofree char *record = _icat_sync_first_column (db, table, iter, TRUE);
  IcatSyncClock deleted = { 0, "" };
  gboolean joined = FALSE;
  Edits *edits;

  for (guint i = 0; i < columns->len; i++)
    {
      sqlite3_value *value = NULL;

      if (!_icat_sync_is_stamp_column (columns->pdata[i]) && sqlite3changeset_new (iter, i, &value) == SQLITE_OK && value != NULL)
        add_edit (by_device, editor->device, editor->hlc, columns->pdata[i], _icat_sync_value_to_json (value));
    }
  edits = g_hash_table_lookup (by_device, editor->device);
  if (edits == NULL)
    return TRUE;
  if (!drop_typed_over (db, table, key, edits, deps, error))
    return FALSE;
  /* A row removed here because its record was gone keeps its edits in
   * that conflict, as on the laptops where the edit came first. */
  if (!join_orphan (db, table, key, edits, &joined, error))
    return FALSE;
  return joined || record_edits (db, table, key, record, edits, &deleted, new_conflicts, error);
}
