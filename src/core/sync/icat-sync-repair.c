/* icat-sync-repair.c — no orphan is ever committed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merged changes may leave a reference to a record another laptop deleted
 * (the schema has no cascades, so SQLite reports it rather than deleting
 * anything). Before COMMIT every violation is repaired the same way on
 * every laptop, and kept as a conflict a person can see:
 * - a nested row or link whose record is gone goes with it;
 * - a list's link to a deleted record is removed, an optional reference
 *   cleared;
 * - a required reference (an action item's owner, an attendance row's
 *   agency) brings the deleted record back from its tombstone.
 * Two decisions with one number in a meeting are kept as a conflict too.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-sync-private.h"

#define MAX_PASSES 8

typedef struct {
  char   *table;
  gint64  rowid;
  char   *parent;
  int     fkid;
} Violation;

static void
violation_clear (gpointer data)
{
  Violation *violation = data;

  g_free (violation->table);
  g_free (violation->parent);
}

static gboolean
find_violations (IcatDb   *db,
                 GArray   *violations,
                 GError  **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Violation violation = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int64 (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        sqlite3_column_int (stmt, 3),
      };

      g_array_append_val (violations, violation);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

/* The referencing column of a foreign key, and whether it may be NULL. */
static gboolean
reference_column (IcatDb     *db,
                  Violation  *violation,
                  char      **column,
                  gboolean   *required,
                  GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT f.\"from\", i.\"notnull\" FROM pragma_foreign_key_list('%s') AS f "
                                          "JOIN pragma_table_info('%s') AS i ON i.name = f.\"from\" WHERE f.id = ?1",
                                          violation->table, violation->table);
  sqlite3_stmt *stmt;
  int rc;

  /* Only tables the merge knows reach here: the name is one of the schema's. */
  if (_icat_sync_table_columns (db, violation->table) == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "Unexpected table %s", violation->table), FALSE;
  stmt = icat_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, violation->fkid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *required = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return icat_db_fail (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  return TRUE;
}

/* The row as a JSON object, its key and first column. */
static gboolean
read_violating_row (IcatDb      *db,
                    Violation   *violation,
                    char       **row_json,
                    char       **row_key,
                    char       **first,
                    char       **reference,
                    const char  *column,
                    GError     **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, violation->table);
  GArray *key = _icat_sync_table_key (db, violation->table);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE rowid = ?1", violation->table);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) key_text = g_string_new (NULL);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, violation->rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return icat_db_fail (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
    }
  for (guint i = 0; i < columns->len; i++)
    {
      json_object_set_member (object, columns->pdata[i], _icat_sync_value_to_json (sqlite3_column_value (stmt, i)));
      if (g_str_equal (columns->pdata[i], column))
        *reference = g_strdup ((const char *) sqlite3_column_text (stmt, i));
    }
  for (guint i = 0; i < key->len; i++)
    {
      if (i > 0)
        g_string_append_c (key_text, ' ');
      g_string_append (key_text, (const char *) sqlite3_column_text (stmt, g_array_index (key, int, i)));
    }
  *first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  json_node_set_object (node, object);
  *row_json = json_to_string (node, FALSE);
  *row_key = g_string_free (g_steal_pointer (&key_text), FALSE);
  return TRUE;
}

static gboolean
run_on_rowid (IcatDb      *db,
              const char  *sql,
              gint64       rowid,
              GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return icat_db_run (db, stmt, error);
}

/* Inserts the tombstoned row (table, key) again; FALSE in *restored when
 * there is no tombstone. */
static gboolean
bring_back (IcatDb      *db,
            const char  *table,
            const char  *key,
            gboolean    *restored,
            GError     **error)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  g_autofree char *sql = NULL;
  g_autoptr(JsonNode) values = NULL;
  g_autofree char *row = NULL;
  gint64 hlc = 0;
  g_autofree char *device = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *restored = FALSE;
  if (columns == NULL)
    return TRUE;
  stmt = icat_db_prepare (db, "SELECT row_values, hlc, device FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hlc = sqlite3_column_int64 (stmt, 1);
      device = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
  values = json_from_string (row, NULL);
  if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values) ||
      json_array_get_length (json_node_get_array (values)) != columns->len)
    return TRUE;

  sql = _icat_sync_insert_sql (db, table);
  stmt = icat_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    _icat_sync_bind_json (stmt, i + 1, json_array_get_element (json_node_get_array (values), i));
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  stmt = icat_db_prepare (db, "DELETE FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  stmt = icat_db_prepare (db,
                          "INSERT INTO sync_clock (tbl, pk, col, hlc, device) VALUES (?1, ?2, -1, ?3, ?4) "
                          "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, hlc);
  icat_bind_text (stmt, 4, device);
  *restored = TRUE;
  return icat_db_run (db, stmt, error);
}

static void
notice_row (IcatDb      *db,
            IcatNotices *notices,
            const char  *table,
            const char  *first)
{
  const IcatKind *kind = NULL;
  g_autofree char *record_id = NULL;
  gboolean direct;

  if (first != NULL && _icat_record_of_row (db, table, first, &kind, &record_id, &direct))
    _icat_notices_add (notices, kind->name, record_id, ICAT_CHANGE_UPDATED);
}

static gboolean
repair_one (IcatDb               *db,
            Violation            *violation,
            IcatNotices          *notices,
            const IcatSyncClock  *clock,
            guint                *new_conflicts,
            GError              **error)
{
  g_autofree char *column = NULL;
  g_autofree char *row = NULL;
  g_autofree char *key = NULL;
  g_autofree char *first = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE rowid = ?1", violation->table);
  gboolean required = FALSE, restored = FALSE;
  gboolean is_link = FALSE;
  IcatSyncClash clash = { NULL, violation->table, NULL, -1, NULL, NULL, NULL, NULL, NULL };
  GPtrArray *columns = _icat_sync_table_columns (db, violation->table);

  if (!reference_column (db, violation, &column, &required, error) ||
      !read_violating_row (db, violation, &row, &key, &first, &reference, column, error))
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (columns->pdata[i], column))
      clash.column = i;
  is_link = g_str_equal (columns->pdata[0], "owner_id");
  clash.row_key = key;
  clash.record_hint = first;
  notice_row (db, notices, violation->table, first);

  if (g_str_equal (column, "parent_id") || g_str_equal (column, "owner_id"))
    {
      /* Added to a record deleted elsewhere: it goes with the record. A
       * link has nothing a person would miss beyond its owner. */
      clash.kind = "orphan";
      clash.column = -1;
      clash.lost_value = row;
      if (!run_on_rowid (db, delete_sql, violation->rowid, error) ||
          !_icat_sync_forget_row_conflicts (db, violation->table, key, NULL, NULL, error))
        return FALSE;
      return is_link || _icat_sync_record_clash (db, &clash, new_conflicts, error);
    }
  if (required && !is_link)
    {
      if (!bring_back (db, violation->parent, reference, &restored, error))
        return FALSE;
      if (restored)
        {
          notice_row (db, notices, violation->parent, reference);
          clash.kind = "restored";
          clash.kept_value = row;
          return _icat_sync_record_clash (db, &clash, new_conflicts, error);
        }
      clash.kind = "orphan";
      clash.column = -1;
      clash.lost_value = row;
      return run_on_rowid (db, delete_sql, violation->rowid, error) &&
             _icat_sync_forget_row_conflicts (db, violation->table, key, NULL, NULL, error) &&
             _icat_sync_record_clash (db, &clash, new_conflicts, error);
    }
  /* A list's link or an optional reference to a deleted record. */
  clash.kind = "cleared";
  clash.lost_value = row;
  if (is_link)
    {
      if (!run_on_rowid (db, delete_sql, violation->rowid, error))
        return FALSE;
    }
  else
    {
      g_autofree char *clear_sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = NULL WHERE rowid = ?1",
                                                   violation->table, column);

      if (!run_on_rowid (db, clear_sql, violation->rowid, error))
        return FALSE;
    }
  return _icat_sync_record_clash (db, &clash, new_conflicts, error);
}

static gboolean
repair_references (IcatDb               *db,
                   IcatNotices          *notices,
                   const IcatSyncClock  *clock,
                   guint                *new_conflicts,
                   GError              **error)
{
  for (int pass = 0; pass < MAX_PASSES; pass++)
    {
      g_autoptr(GArray) violations = g_array_new (FALSE, TRUE, sizeof (Violation));
      int current = 0, highest = 0;

      sqlite3_db_status (icat_db_handle (db), SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0);
      if (current == 0 && pass > 0)
        return TRUE;
      g_array_set_clear_func (violations, violation_clear);
      if (!find_violations (db, violations, error))
        return FALSE;
      if (violations->len == 0)
        return TRUE;
      for (guint i = 0; i < violations->len; i++)
        if (!repair_one (db, &g_array_index (violations, Violation, i), notices, clock, new_conflicts, error))
          return FALSE;
    }
  return g_set_error (error, ICAT_ERROR, ICAT_ERROR_CONFLICT,
                      "The merged changes leave references that cannot be repaired."), FALSE;
}

/* A duplicate number's conflict ends when the duplicates do (renumbered,
 * or the meeting deleted). keys is a JSON array of the clashes that stay. */
static gboolean
drop_ended_duplicates (IcatDb      *db,
                       const char  *meeting,
                       const char  *keys,
                       GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "DELETE FROM sync_conflict WHERE kind = 'duplicate' AND record_kind = 'meeting' "
                                        "AND record_id = ?1 AND resolved_at IS NULL "
                                        "AND pk NOT IN (SELECT value FROM json_each (?2))",
                                        error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, meeting);
  icat_bind_text (stmt, 2, keys);
  return icat_db_run (db, stmt, error);
}

/* Two decisions numbered alike in one meeting: both stay, and a person
 * renumbers them. */
gboolean
_icat_sync_find_duplicates (IcatDb             *db,
                            const IcatNotices  *notices,
                            guint              *new_conflicts,
                            GError            **error)
{
  for (guint i = 0; i < notices->list->len; i++)
    {
      IcatNotice *notice = &g_array_index (notices->list, IcatNotice, i);
      sqlite3_stmt *stmt;
      g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonArray) keys = json_array_new ();
      g_autoptr(JsonNode) keys_node = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *keys_text = NULL;
      int rc;

      if (!g_str_equal (notice->kind, "meeting"))
        continue;
      stmt = icat_db_prepare (db,
                              "SELECT number, group_concat (id, ' ') FROM "
                              "(SELECT number, id FROM meeting_decisions WHERE parent_id = ?1 ORDER BY number, id) "
                              "GROUP BY number HAVING count (*) > 1",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, notice->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (clashes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (clashes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          json_array_add_string_element (keys, (const char *) sqlite3_column_text (stmt, 1));
        }
      if (!icat_db_end_rows (db, stmt, rc, error))
        return FALSE;
      json_node_set_array (keys_node, keys);
      keys_text = json_to_string (keys_node, FALSE);
      if (!drop_ended_duplicates (db, notice->id, keys_text, error))
        return FALSE;
      for (guint c = 0; c < clashes->len; c += 2)
        {
          GPtrArray *columns = _icat_sync_table_columns (db, "meeting_decisions");
          IcatSyncClash clash = { "duplicate", "meeting_decisions", clashes->pdata[c + 1], -1,
                                  clashes->pdata[c], NULL, clashes->pdata[c], NULL, notice->id };

          for (guint k = 0; columns != NULL && k < columns->len; k++)
            if (g_str_equal (columns->pdata[k], "number"))
              clash.column = k;
          if (!_icat_sync_record_clash (db, &clash, new_conflicts, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_icat_sync_repair (IcatDb               *db,
                   IcatNotices          *notices,
                   const IcatSyncClock  *clock,
                   guint                *new_conflicts,
                   GError              **error)
{
  return repair_references (db, notices, clock, new_conflicts, error) &&
         _icat_sync_find_duplicates (db, notices, new_conflicts, error);
}
