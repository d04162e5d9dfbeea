/* icat-sync-apply.c — another laptop's change, merged field by field
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sqlite3changeset_apply_v2() applies the change; its conflict handler
 * sets aside the rows this laptop changed meanwhile, and each column of
 * those is then settled by its clock: the later write wins (ties: the
 * higher device id) and a different losing value is kept as a conflict.
 * The rules depend only on the changes and their clocks, never on the
 * order files arrive in, so every laptop ends with the same records:
 * - different columns of one row: each keeps its latest write;
 * - a row deleted on one laptop and edited on another: the deletion wins
 *   unless the row was created again later, and the edit is kept as a
 *   conflict;
 * - a row created on two laptops with one id (an agency ticked present on
 *   both): one row, its columns settled as edits.
 * Applying is not this laptop's change: nothing here is journaled again.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-sync-private.h"

typedef struct {
  IcatDb        *db;
  IcatSyncClock  remote;
  const char    *deps;        /* what the remote laptop had applied */
  GHashTable    *set_aside;   /* "table\nkey": rows settled column by column */
  GHashTable    *not_found;   /* "table\nkey": rows no longer here */
  guint         *new_conflicts;
  GError        *error;       /* the first failure inside the handler */
} Apply;

static char *
mark_of (const char *table,
         const char *key)
{
  return g_strconcat (table, "\n", key, NULL);
}

/* Reading and writing rows by key {{{ */

static void
append_key_condition (GString    *sql,
                      GPtrArray  *columns,
                      GArray     *key,
                      int         first_index)
{
  for (guint i = 0; i < key->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%d", i ? " AND " : " WHERE ",
                            (const char *) columns->pdata[g_array_index (key, int, i)], first_index + (int) i);
}

static void
bind_key (sqlite3_stmt           *stmt,
          int                     first_index,
          sqlite3_changeset_iter *iter,
          GArray                 *key,
          gboolean                old_values)
{
  for (guint i = 0; i < key->len; i++)
    {
      sqlite3_value *value = NULL;

      if (old_values)
        sqlite3changeset_old (iter, g_array_index (key, int, i), &value);
      else
        sqlite3changeset_new (iter, g_array_index (key, int, i), &value);
      sqlite3_bind_value (stmt, first_index + i, value);
    }
}

/* The row's current values (sqlite3_value copies), or NULL when there is
 * none; FALSE on a failure. */
static gboolean
read_row (IcatDb                  *db,
          const char              *table,
          sqlite3_changeset_iter  *iter,
          gboolean                 old_key,
          GPtrArray              **values,
          GError                 **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  GArray *key = _icat_sync_table_key (db, table);
  g_autoptr(GString) sql = g_string_new ("SELECT *");
  sqlite3_stmt *stmt;
  int rc;

  *values = NULL;
  g_string_append_printf (sql, " FROM \"%s\"", table);
  append_key_condition (sql, columns, key, 1);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, 1, iter, key, old_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
      for (guint i = 0; i < columns->len; i++)
        g_ptr_array_add (*values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

static gboolean
write_column (IcatDb                  *db,
              const char              *table,
              sqlite3_changeset_iter  *iter,
              gboolean                 old_key,
              int                      column,
              sqlite3_value           *value,
              GError                 **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "UPDATE \"%s\" SET \"%s\" = ?1", table, (const char *) columns->pdata[column]);
  append_key_condition (sql, columns, _icat_sync_table_key (db, table), 2);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_value (stmt, 1, value);
  bind_key (stmt, 2, iter, _icat_sync_table_key (db, table), old_key);
  return icat_db_run (db, stmt, error);
}

static gboolean
delete_row (IcatDb                  *db,
            const char              *table,
            sqlite3_changeset_iter  *iter,
            gboolean                 old_key,
            GError                 **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "DELETE FROM \"%s\"", table);
  append_key_condition (sql, columns, _icat_sync_table_key (db, table), 1);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, 1, iter, _icat_sync_table_key (db, table), old_key);
  return icat_db_run (db, stmt, error);
}

/* Puts back the row a deletion removed, from the deletion's old values. */
static gboolean
insert_old_row (IcatDb                  *db,
                const char              *table,
                sqlite3_changeset_iter  *iter,
                GError                 **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autofree char *sql = _icat_sync_insert_sql (db, table);
  sqlite3_stmt *stmt;

  stmt = icat_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      sqlite3_value *value = NULL;

      sqlite3changeset_old (iter, i, &value);
      sqlite3_bind_value (stmt, i + 1, value);
    }
  return icat_db_run (db, stmt, error);
}

/* }}} */
/* Clocks {{{ */

static gboolean
set_column_clock (IcatDb              *db,
                  const char          *table,
                  const char          *key,
                  int                  column,
                  const IcatSyncClock *clock,
                  GError             **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "INSERT INTO sync_clock (tbl, pk, col, hlc, device) VALUES (?1, ?2, ?3, ?4, ?5) "
                                        "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device",
                                        error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  sqlite3_bind_int (stmt, 3, column);
  sqlite3_bind_int64 (stmt, 4, clock->hlc);
  icat_bind_text (stmt, 5, clock->device);
  return icat_db_run (db, stmt, error);
}

static gboolean
tombstone_clock (IcatDb      *db,
                 const char  *table,
                 const char  *key,
                 gint64      *hlc,
                 GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT hlc FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  *hlc = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

/* }}} */
/* The conflict handler {{{ */

/* A deletion meets a row edited since: it wins unless the row was
 * created again later; the edits its laptop had not seen are kept as
 * conflicts (icat-sync-deleted.c). */
static int
settle_deleted_edit (Apply                  *apply,
                     sqlite3_changeset_iter *iter,
                     const char             *table,
                     const char             *key)
{
  g_autofree char *device = NULL;
  gint64 created = 0;

  if (!_icat_sync_column_clock (apply->db, table, key, -1, &created, &device, &apply->error))
    return SQLITE_CHANGESET_ABORT;
  if (created > apply->remote.hlc)
    return SQLITE_CHANGESET_OMIT;
  if (!_icat_sync_keep_unseen_edits (apply->db, table, key, iter, &apply->remote, apply->deps,
                                     apply->new_conflicts, &apply->error) ||
      !_icat_sync_forget_row_conflicts (apply->db, table, key, NULL, NULL, &apply->error))
    return SQLITE_CHANGESET_ABORT;
  return SQLITE_CHANGESET_REPLACE;
}

static int
on_conflict (void                   *data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  Apply *apply = data;
  const char *table;
  int n_columns, op, indirect;
  g_autofree char *key = NULL;

  if (apply->error != NULL)
    return SQLITE_CHANGESET_ABORT;
  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (conflict == SQLITE_CHANGESET_FOREIGN_KEY)
    /* Repaired before COMMIT (_icat_sync_repair). */
    return SQLITE_CHANGESET_OMIT;
  key = _icat_sync_row_key (iter, op != SQLITE_INSERT);

  switch (conflict)
    {
    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_DELETE)
        return settle_deleted_edit (apply, iter, table, key);
      g_hash_table_add (apply->set_aside, mark_of (table, key));
      return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_CONFLICT:
      g_hash_table_add (apply->set_aside, mark_of (table, key));
      return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_NOTFOUND:
      g_hash_table_add (apply->not_found, mark_of (table, key));
      if (op == SQLITE_UPDATE &&
          !_icat_sync_keep_edit_of_deleted (apply->db, table, key, iter, &apply->remote, apply->deps,
                                            apply->new_conflicts, &apply->error))
        return SQLITE_CHANGESET_ABORT;
      return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_CONSTRAINT:
    default:
      /* A constraint the schema checks itself; the change cannot be
       * merged and is kept out rather than stopping the whole file. */
      g_warning ("A change to %s from %s breaks a constraint and was left out", table, apply->remote.device);
      return SQLITE_CHANGESET_OMIT;
    }
}

/* }}} */
/* Settling each change {{{ */

typedef struct {
  const char              *table;
  const char              *key;
  sqlite3_changeset_iter  *iter;
  int                      op;
  GPtrArray               *before;     /* the row before the merge */
  gboolean                 applied;    /* sqlite already wrote the new values */
} Settling;

static gboolean
settle_column (Apply     *apply,
               Settling  *settling,
               int        column,
               GError   **error)
{
  GPtrArray *columns = _icat_sync_table_columns (apply->db, settling->table);
  sqlite3_value *new_value = NULL;
  sqlite3_value *old_value = NULL;
  sqlite3_value *current = settling->before->pdata[column];
  g_autofree char *local_device = NULL;
  IcatSyncClock local = { 0, NULL };
  gboolean remote_wins, clash;
  sqlite3_value *target;
  g_autofree char *first = NULL;
  g_autofree char *current_text = NULL;
  g_autofree char *new_text = NULL;

  sqlite3changeset_new (settling->iter, column, &new_value);
  if (new_value == NULL)
    return TRUE;
  if (settling->op == SQLITE_UPDATE)
    sqlite3changeset_old (settling->iter, column, &old_value);
  if (!_icat_sync_column_clock (apply->db, settling->table, settling->key, column, &local.hlc, &local_device, error))
    return FALSE;
  local.device = local_device;

  remote_wins = _icat_sync_clock_compare (&apply->remote, &local) > 0;
  if (remote_wins)
    clash = !_icat_sync_values_equal (current, new_value) &&
            (old_value == NULL || !_icat_sync_values_equal (current, old_value));
  else
    clash = !_icat_sync_values_equal (current, new_value);
  clash = clash && !_icat_sync_is_stamp_column (columns->pdata[column]) &&
          g_strcmp0 (local.device, apply->remote.device) != 0;
  target = remote_wins ? new_value : current;

  if (!_icat_sync_drop_seen (apply->db, settling->table, settling->key, column, &apply->remote, apply->deps, error))
    return FALSE;
  if (clash)
    {
      IcatSyncClash found = { "field", settling->table, settling->key, column, NULL, NULL, NULL, NULL, NULL };

      first = g_strdup ((const char *) sqlite3_value_text (settling->before->pdata[0]));
      found.record_hint = first;
      current_text = _icat_sync_value_to_text (current);
      new_text = _icat_sync_value_to_text (new_value);
      found.kept_value = remote_wins ? new_text : current_text;
      found.kept = remote_wins ? &apply->remote : &local;
      found.lost_value = remote_wins ? current_text : new_text;
      found.lost = remote_wins ? &local : &apply->remote;
      if (!_icat_sync_record_clash (apply->db, &found, apply->new_conflicts, error))
        return FALSE;
    }
  if (remote_wins && !set_column_clock (apply->db, settling->table, settling->key, column, &apply->remote, error))
    return FALSE;
  if (!_icat_sync_values_equal (target, settling->applied ? new_value : current) &&
      !write_column (apply->db, settling->table, settling->iter, settling->op != SQLITE_INSERT, column, target, error))
    return FALSE;
  return TRUE;
}

static gboolean
settle_columns (Apply     *apply,
                Settling  *settling,
                GError   **error)
{
  unsigned char *pk = NULL;
  int n_columns = 0;

  sqlite3changeset_pk (settling->iter, &pk, &n_columns);
  for (int i = 0; i < n_columns; i++)
    if (!pk[i] && !settle_column (apply, settling, i, error))
      return FALSE;
  return TRUE;
}

/* A row this change created: it stands unless deleted later. */
static gboolean
settle_created (Apply     *apply,
                Settling  *settling,
                GError   **error)
{
  gint64 deleted = 0;
  sqlite3_stmt *stmt;

  if (!tombstone_clock (apply->db, settling->table, settling->key, &deleted, error))
    return FALSE;
  if (deleted > apply->remote.hlc)
    return delete_row (apply->db, settling->table, settling->iter, FALSE, error);
  stmt = icat_db_prepare (apply->db, "DELETE FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, settling->table);
  icat_bind_text (stmt, 2, settling->key);
  if (!icat_db_run (apply->db, stmt, error))
    return FALSE;
  stmt = icat_db_prepare (apply->db, "DELETE FROM sync_clock WHERE tbl = ?1 AND pk = ?2", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, settling->table);
  icat_bind_text (stmt, 2, settling->key);
  return icat_db_run (apply->db, stmt, error) &&
         set_column_clock (apply->db, settling->table, settling->key, -1, &apply->remote, error);
}

/* A row created on two laptops with one id (an agency ticked present on
 * both): it exists since the later creation, which a deletion must be
 * later than to remove it. */
static gboolean
settle_created_again (Apply     *apply,
                      Settling  *settling,
                      GError   **error)
{
  g_autofree char *device = NULL;
  IcatSyncClock created = { 0, NULL };

  if (!_icat_sync_column_clock (apply->db, settling->table, settling->key, -1, &created.hlc, &device, error))
    return FALSE;
  created.device = device;
  if (_icat_sync_clock_compare (&apply->remote, &created) <= 0)
    return TRUE;
  return set_column_clock (apply->db, settling->table, settling->key, -1, &apply->remote, error);
}

/* A row this change deleted: gone for good unless it was created again
 * after the deletion, which then stands. */
static gboolean
settle_deleted (Apply     *apply,
                Settling  *settling,
                gboolean   was_here,
                GError   **error)
{
  g_autofree char *device = NULL;
  g_autofree char *row = NULL;
  gint64 created = 0, deleted = 0;
  sqlite3_stmt *stmt;

  if (!_icat_sync_column_clock (apply->db, settling->table, settling->key, -1, &created, &device, error) ||
      !tombstone_clock (apply->db, settling->table, settling->key, &deleted, error))
    return FALSE;
  if (was_here && created <= apply->remote.hlc)
    {
      g_autofree char *record = _icat_sync_first_column (apply->db, settling->table, settling->iter, TRUE);

      if (!_icat_sync_keep_lost_of_deleted (apply->db, settling->table, settling->key, record, &apply->remote,
                                            apply->deps, apply->new_conflicts, error))
        return FALSE;
    }
  if (!(was_here && created > apply->remote.hlc) &&
      !_icat_sync_forget_row_conflicts (apply->db, settling->table, settling->key, &apply->remote, apply->deps, error))
    return FALSE;
  if (was_here && created > apply->remote.hlc)
    return insert_old_row (apply->db, settling->table, settling->iter, error);
  if (deleted >= apply->remote.hlc)
    return TRUE;
  row = NULL;
  {
    g_autoptr(JsonArray) values = json_array_new ();
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
    int n_columns = _icat_sync_table_columns (apply->db, settling->table)->len;

    for (int i = 0; i < n_columns; i++)
      {
        sqlite3_value *value = NULL;

        sqlite3changeset_old (settling->iter, i, &value);
        json_array_add_element (values, _icat_sync_value_to_json (value));
      }
    json_node_set_array (node, values);
    row = json_to_string (node, FALSE);
  }
  stmt = icat_db_prepare (apply->db,
                          "INSERT INTO sync_tombstone (tbl, pk, hlc, device, row_values) VALUES (?1, ?2, ?3, ?4, ?5) "
                          "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device, row_values = excluded.row_values",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, settling->table);
  icat_bind_text (stmt, 2, settling->key);
  sqlite3_bind_int64 (stmt, 3, apply->remote.hlc);
  icat_bind_text (stmt, 4, apply->remote.device);
  icat_bind_text (stmt, 5, row);
  if (!icat_db_run (apply->db, stmt, error))
    return FALSE;
  stmt = icat_db_prepare (apply->db, "DELETE FROM sync_clock WHERE tbl = ?1 AND pk = ?2", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, settling->table);
  icat_bind_text (stmt, 2, settling->key);
  return icat_db_run (apply->db, stmt, error);
}

static void
note_record (Apply                  *apply,
             sqlite3_changeset_iter *iter,
             const char             *table,
             int                     op,
             IcatNotices            *notices)
{
  g_autofree char *first = _icat_sync_first_column (apply->db, table, iter, op != SQLITE_INSERT);
  const IcatKind *kind = NULL;
  g_autofree char *record_id = NULL;
  gboolean direct = FALSE;

  if (first != NULL && _icat_record_of_row (apply->db, table, first, &kind, &record_id, &direct))
    _icat_notices_add (notices, kind->name, record_id,
                       direct && op == SQLITE_DELETE ? ICAT_CHANGE_DELETED
                       : direct && op == SQLITE_INSERT ? ICAT_CHANGE_CREATED : ICAT_CHANGE_UPDATED);
}

static gboolean
settle_change (Apply                  *apply,
               sqlite3_changeset_iter *iter,
               IcatNotices            *notices,
               GError                **error)
{
  const char *table;
  int n_columns, op, indirect;
  g_autofree char *key = NULL;
  g_autofree char *mark = NULL;
  g_autoptr(GPtrArray) row = NULL;
  gboolean set_aside, not_found;
  Settling settling = { NULL, NULL, iter, 0, NULL, FALSE };

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  key = _icat_sync_row_key (iter, op != SQLITE_INSERT);
  mark = mark_of (table, key);
  set_aside = g_hash_table_contains (apply->set_aside, mark);
  not_found = g_hash_table_contains (apply->not_found, mark);
  settling.table = table;
  settling.key = key;
  settling.op = op;

  if (!read_row (apply->db, table, iter, op != SQLITE_INSERT, &row, error))
    return FALSE;
  settling.before = row;
  note_record (apply, iter, table, op, notices);
  switch (op)
    {
    case SQLITE_INSERT:
      if (set_aside && row != NULL)
        return settle_columns (apply, &settling, error) && settle_created_again (apply, &settling, error);
      return row == NULL || settle_created (apply, &settling, error);
    case SQLITE_UPDATE:
      if (row == NULL || not_found)
        return TRUE;
      if (!set_aside)
        {
          /* Applied: the row held the change's old values. */
          g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

          for (guint i = 0; i < row->len; i++)
            {
              sqlite3_value *old_value = NULL;

              sqlite3changeset_old (iter, i, &old_value);
              g_ptr_array_add (before, sqlite3_value_dup (old_value ? old_value : row->pdata[i]));
            }
          settling.before = before;
          settling.applied = TRUE;
          return settle_columns (apply, &settling, error);
        }
      return settle_columns (apply, &settling, error);
    case SQLITE_DELETE:
      if (row != NULL)
        return TRUE;
      return settle_deleted (apply, &settling, !not_found, error);
    default:
      return TRUE;
    }
}

/* }}} */

static gboolean
journal_entry (IcatDb               *db,
               const IcatSyncEntry  *entry,
               GError              **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "INSERT INTO sync_journal (device, seq, hlc, made_at, changeset, resolves, deps) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error);
  gsize size;
  const void *data = g_bytes_get_data (entry->changeset, &size);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, entry->device);
  sqlite3_bind_int64 (stmt, 2, entry->seq);
  sqlite3_bind_int64 (stmt, 3, entry->hlc);
  icat_bind_text (stmt, 4, entry->made_at);
  sqlite3_bind_blob (stmt, 5, size > 0 ? data : "", size, SQLITE_TRANSIENT);
  if (entry->resolves != NULL)
    icat_bind_text (stmt, 6, entry->resolves);
  else
    sqlite3_bind_null (stmt, 6);
  if (entry->deps != NULL)
    icat_bind_text (stmt, 7, entry->deps);
  else
    sqlite3_bind_null (stmt, 7);
  return icat_db_run (db, stmt, error);
}

gboolean
_icat_sync_apply_entry (IcatDb               *db,
                        const IcatSyncEntry  *entry,
                        IcatNotices          *notices,
                        guint                *new_conflicts,
                        GError              **error)
{
  Apply apply = { db, { entry->hlc, entry->device }, entry->deps, NULL, NULL, new_conflicts, NULL };
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  void *data = (void *) g_bytes_get_data (entry->changeset, &size);
  gboolean ok = TRUE;
  int rc;

  g_autoptr(GHashTable) approved_touched = NULL;

  apply.set_aside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  apply.not_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (size > 0)
    {
      /* Only record tables: a file names tables, and nothing else of this
       * database may be touched by one. */
      rc = sqlite3changeset_start (&iter, size, data);
      while (rc == SQLITE_OK && ok && sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table;
          int n_columns, op, indirect;

          sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
          if (_icat_sync_table_columns (db, table) == NULL ||
              (guint) n_columns != _icat_sync_table_columns (db, table)->len)
            ok = (g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                               "The change names a table this version does not merge (“%s”).", table), FALSE);
        }
      if (iter != NULL)
        rc = sqlite3changeset_finalize (iter);
      iter = NULL;
      if (ok && rc != SQLITE_OK)
        ok = icat_db_fail (db, rc, error);

      if (ok)
        ok = (approved_touched = _icat_sync_approved_touched (db, entry->changeset, error)) != NULL;
      if (ok)
        {
          rc = sqlite3changeset_apply_v2 (icat_db_handle (db), size, data, NULL, on_conflict, &apply,
                                          NULL, NULL, 0);
          if (apply.error != NULL)
            ok = (g_propagate_error (error, g_steal_pointer (&apply.error)), FALSE);
          else if (rc != SQLITE_OK)
            ok = icat_db_fail (db, rc, error);
        }
      if (ok)
        {
          rc = sqlite3changeset_start (&iter, size, data);
          while (rc == SQLITE_OK && ok && sqlite3changeset_next (iter) == SQLITE_ROW)
            ok = settle_change (&apply, iter, notices, error);
          sqlite3changeset_finalize (iter);
        }
      if (ok)
        ok = _icat_sync_approved_flag (db, approved_touched, &apply.remote, entry->deps, new_conflicts, error);
    }
  g_hash_table_unref (apply.set_aside);
  g_hash_table_unref (apply.not_found);
  g_clear_error (&apply.error);
  return ok && journal_entry (db, entry, error) &&
         _icat_sync_history_note (db, entry->device, entry->seq, data, size, error) &&
         (entry->resolves == NULL || _icat_sync_close_conflicts (db, entry->resolves, error));
}
