/* icat-sync-resolve.c — a person decides a conflict
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision is an ordinary change of this laptop, journaled and shared,
 * that names the conflicts it closes: keeping this laptop's value changes
 * nothing but the conflict; keeping the other value writes it with a new
 * clock, which every laptop takes.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-sync-private.h"

typedef struct {
  char         *id;
  char         *kind;
  char         *record_kind;
  char         *record_id;
  char         *table;
  char         *row_key;
  int           column;
  char         *lost_value;
  IcatSyncKeep  keep;
  const char   *device;
  gboolean      lost_is_mine;  /* the value that lost is this laptop's */
  const char   *merged_value;  /* JSON written instead of either side, or NULL */
} Resolving;

static void
resolving_clear (Resolving *resolving)
{
  g_free (resolving->id);
  g_free (resolving->kind);
  g_free (resolving->record_kind);
  g_free (resolving->record_id);
  g_free (resolving->table);
  g_free (resolving->row_key);
  g_free (resolving->lost_value);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Resolving, resolving_clear)

static gboolean
find_conflict (IcatDb      *db,
               const char  *prefix,
               Resolving   *resolving,
               GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT id, kind, record_kind, record_id, tbl, pk, col, lost_value, lost_device FROM sync_conflict "
                                        "WHERE resolved_at IS NULL AND substr (id, 1, length (?1)) = ?1 LIMIT 2",
                                        error);
  int found = 0;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, prefix);
  while (sqlite3_step (stmt) == SQLITE_ROW && ++found == 1)
    {
      resolving->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      resolving->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      resolving->record_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      resolving->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      resolving->table = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      resolving->row_key = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      resolving->column = sqlite3_column_int (stmt, 6);
      resolving->lost_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      resolving->lost_is_mine = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), resolving->device) == 0;
    }
  sqlite3_reset (stmt);
  if (found == 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND, _("There is no open conflict “%s”."), prefix), FALSE;
  if (found > 1)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("More than one conflict begins with “%s”: give more of its id."), prefix), FALSE;
  return TRUE;
}

/* Sets column of the conflict's row to value (JSON). */
static gboolean
write_value (IcatDb      *db,
             Resolving   *resolving,
             const char  *column,
             JsonNode    *value,
             GError     **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, resolving->table);
  GArray *key = _icat_sync_table_key (db, resolving->table);
  g_auto(GStrv) parts = g_strsplit (resolving->row_key, " ", -1);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (columns == NULL || g_strv_length (parts) != key->len)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("The conflict’s record is not known here.")), FALSE;
  g_string_printf (sql, "UPDATE \"%s\" SET \"%s\" = ?1", resolving->table, column);
  for (guint i = 0; i < key->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? " AND " : " WHERE ",
                            (const char *) columns->pdata[g_array_index (key, int, i)], i + 2);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _icat_sync_bind_json (stmt, 1, value);
  for (guint i = 0; i < key->len; i++)
    icat_bind_text (stmt, i + 2, parts[i]);
  return icat_db_run (db, stmt, error);
}

static gboolean
insert_row (IcatDb      *db,
            Resolving   *resolving,
            JsonObject  *row,
            GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (row);
  GPtrArray *columns = _icat_sync_table_columns (db, resolving->table);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n = 0;
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO \"%s\" (", resolving->table);
  for (GList *l = members; l != NULL; l = l->next)
    {
      /* Only the table's own columns: the names come from the file. */
      if (!g_ptr_array_find_with_equal_func (columns, l->data, g_str_equal, NULL))
        continue;
      g_string_append_printf (sql, "%s\"%s\"", n++ ? ", " : "", (const char *) l->data);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  for (GList *l = members; l != NULL; l = l->next)
    if (g_ptr_array_find_with_equal_func (columns, l->data, g_str_equal, NULL))
      _icat_sync_bind_json (stmt, ++n, json_object_get_member (row, l->data));
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  return TRUE;
}

/* Brings back a record deleted elsewhere with the edits it lost. */
static gboolean
restore_edited (IcatDb      *db,
                Resolving   *resolving,
                JsonObject  *edit,
                GError     **error)
{
  g_autoptr(JsonObject) row = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT row_values FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  g_autoptr(JsonNode) values = NULL;
  GPtrArray *columns = _icat_sync_table_columns (db, resolving->table);
  g_autoptr(GList) members = json_object_get_members (edit);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, resolving->table);
  icat_bind_text (stmt, 2, resolving->row_key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    values = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_reset (stmt);
  row = json_object_new ();
  if (values != NULL && JSON_NODE_HOLDS_ARRAY (values) &&
      json_array_get_length (json_node_get_array (values)) == columns->len)
    for (guint i = 0; i < columns->len; i++)
      json_object_set_member (row, columns->pdata[i],
                              json_node_copy (json_array_get_element (json_node_get_array (values), i)));
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (row, l->data, json_node_copy (json_object_get_member (edit, l->data)));
  return insert_row (db, resolving, row, error);
}

static gboolean
keep_theirs (IcatDb     *db,
             Resolving  *resolving,
             GError    **error)
{
  g_autoptr(JsonNode) lost = resolving->lost_value ? json_from_string (resolving->lost_value, NULL) : NULL;
  GPtrArray *columns = _icat_sync_table_columns (db, resolving->table);

  if (lost == NULL || columns == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("This conflict has no other value to keep: close it with “--keep mine”.")), FALSE;
  if (g_str_equal (resolving->kind, "field") && resolving->column >= 0 && (guint) resolving->column < columns->len)
    return write_value (db, resolving, columns->pdata[resolving->column], lost, error);
  if (g_str_equal (resolving->kind, "deleted") && JSON_NODE_HOLDS_OBJECT (lost))
    return restore_edited (db, resolving, json_node_get_object (lost), error);
  if (g_str_equal (resolving->kind, "orphan") && JSON_NODE_HOLDS_OBJECT (lost))
    return insert_row (db, resolving, json_node_get_object (lost), error);
  return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                      _("This conflict has no other value to keep: close it with “--keep mine”.")), FALSE;
}

/* The record shows it changed, and search finds its new text. */
static gboolean
touch_record (IcatDb     *db,
              Resolving  *resolving,
              GError    **error)
{
  const IcatKind *kind = icat_schema_lookup (resolving->record_kind);
  g_autofree char *sql = NULL;
  g_autofree char *now = icat_timestamp_now ();
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (kind == NULL)
    return TRUE;
  sql = g_strdup_printf ("UPDATE \"%s\" SET updated_at = ?1, updated_by = ?2 WHERE id = ?3", kind->name);
  stmt = icat_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, now);
  icat_bind_text (stmt, 2, resolving->device);
  icat_bind_text (stmt, 3, resolving->record_id);
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  record = icat_record_io_read (db, kind, resolving->record_id, &local_error);
  if (record == NULL && !g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  return icat_record_io_index (db, kind, resolving->record_id, record, error);
}

/* A value a person made of both: written with a new clock, like keeping
 * the other value, so every laptop takes it. */
static gboolean
write_merged (IcatDb     *db,
              Resolving  *resolving,
              GError    **error)
{
  g_autoptr(JsonNode) value = json_from_string (resolving->merged_value, NULL);
  GPtrArray *columns = _icat_sync_table_columns (db, resolving->table);

  if (!g_str_equal (resolving->kind, "field") || columns == NULL ||
      resolving->column < 0 || (guint) resolving->column >= columns->len)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("Only a conflict over one field can take a merged value.")), FALSE;
  g_assert (value != NULL);
  return write_value (db, resolving, columns->pdata[resolving->column], value, error);
}

static gboolean
write_resolution (IcatDb       *db,
                  IcatNotices  *notices,
                  gpointer      data,
                  GError      **error)
{
  Resolving *resolving = data;

  if (resolving->merged_value != NULL)
    return write_merged (db, resolving, error) && touch_record (db, resolving, error);
  /* The value shown stays unless the person keeps the one that lost. */
  if ((resolving->keep == ICAT_SYNC_KEEP_MINE) != resolving->lost_is_mine)
    return TRUE;
  return keep_theirs (db, resolving, error) && touch_record (db, resolving, error);
}

gboolean
_icat_sync_resolve_as (IcatStore     *store,
                       const char    *conflict_id,
                       IcatSyncKeep   keep,
                       const char    *merged_value,
                       GError       **error)
{
  g_auto(Resolving) resolving = { 0 };
  g_autofree char *resolves = NULL;

  resolving.device = icat_store_get_device_id (store);
  if (!find_conflict (_icat_store_get_read_db (store), conflict_id, &resolving, error))
    return FALSE;
  resolving.keep = keep;
  resolving.merged_value = merged_value;
  resolves = g_strdup_printf ("[\"%s\"]", resolving.id);
  return _icat_store_write (store, write_resolution, &resolving, ICAT_STORE_WRITE_JOURNALED, resolves, error);
}

gboolean
icat_sync_resolve (IcatStore     *store,
                   const char    *conflict_id,
                   IcatSyncKeep   keep,
                   GError       **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);
  return _icat_sync_resolve_as (store, conflict_id, keep, NULL, error);
}
