/* icat-sync-conflict.c — clashes kept for a person
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conflict is named by the change that lost (table, row, column, its
 * clock and laptop), so every laptop that meets the clash names it alike,
 * whatever order the files came in, and a resolution made on one laptop
 * closes it on the others, even on one that meets the clash later.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-sync-private.h"

void
icat_sync_conflict_free (IcatSyncConflict *conflict)
{
  g_free (conflict->id);
  g_free (conflict->kind);
  g_free (conflict->record_kind);
  g_free (conflict->record_id);
  g_free (conflict->field);
  g_free (conflict->mine_value);
  g_free (conflict->mine_device);
  g_free (conflict->mine_time);
  g_free (conflict->theirs_value);
  g_free (conflict->theirs_device);
  g_free (conflict->theirs_time);
  g_free (conflict->found_at);
  g_free (conflict);
}

/* A field clash is named by its losing write; a deleted record's by the
 * row and the laptop whose edits it holds (icat-sync-deleted.c); any other
 * conflict by its row alone, since laptops meet a deletion and the edits
 * around it in different orders and must still name one conflict alike. */
static char *
conflict_id (const IcatSyncClash *clash)
{
  gboolean by_write = (g_str_equal (clash->kind, "field") || g_str_equal (clash->kind, "approved")) &&
                      clash->lost != NULL;
  gboolean by_laptop = g_str_equal (clash->kind, "deleted") && clash->lost != NULL;
  g_autofree char *text = g_strdup_printf ("%s\n%s\n%s\n%d\n%" G_GINT64_FORMAT "\n%s",
                                           clash->kind, clash->table, clash->row_key, clash->column,
                                           by_write ? clash->lost->hlc : 0,
                                           (by_write || by_laptop) && clash->lost->device ? clash->lost->device : "");

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);
}

/* "note" for a record's column, "agenda.minutes" for a nested list's,
 * "mandates" for a link list. */
static char *
field_name (IcatDb              *db,
            const IcatKind      *kind,
            const IcatSyncClash *clash)
{
  GPtrArray *columns = _icat_sync_table_columns (db, clash->table);
  const char *list = clash->table + strlen (kind->name);
  const char *column = clash->column >= 0 && columns != NULL && (guint) clash->column < columns->len
                       ? columns->pdata[clash->column] : NULL;

  if (*list == '\0')
    return g_strdup (column ? column : "");
  list++;
  if (column == NULL || g_str_equal (column, "target_id"))
    return g_strdup (list);
  return g_strconcat (list, ".", column, NULL);
}

/* The record a clash is about, from the row's first column or, for a row
 * gone from the table, its tombstone. */
static gboolean
clash_record (IcatDb               *db,
              const IcatSyncClash  *clash,
              const IcatKind      **kind,
              char                **record_id)
{
  g_autofree char *first = g_strdup (clash->record_hint);
  gboolean direct;

  if (first == NULL)
    {
      sqlite3_stmt *stmt = icat_db_prepare (db,
                                            "SELECT json_extract (row_values, '$[0]') FROM sync_tombstone "
                                            "WHERE tbl = ?1 AND pk = ?2",
                                            NULL);

      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, clash->table);
      icat_bind_text (stmt, 2, clash->row_key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (first == NULL)
    first = g_strdup (clash->row_key);
  return _icat_record_of_row (db, clash->table, first, kind, record_id, &direct);
}

static gboolean
conflict_exists (IcatDb     *db,
                 const char *id)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT 1 FROM sync_conflict WHERE id = ?1", NULL);
  gboolean exists = FALSE;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

gboolean
_icat_sync_record_clash (IcatDb               *db,
                         const IcatSyncClash  *clash,
                         guint                *new_conflicts,
                         GError              **error)
{
  g_autofree char *id = conflict_id (clash);
  g_autofree char *field = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *now = icat_timestamp_now ();
  const IcatKind *kind = NULL;
  gboolean exists;
  sqlite3_stmt *stmt;

  if (!clash_record (db, clash, &kind, &record_id))
    {
      kind = NULL;
      record_id = g_strdup (clash->row_key);
    }
  field = kind ? field_name (db, kind, clash) : g_strdup (clash->table);

  /* The laptop's own newer losing value replaces its older one. */
  if (clash->lost != NULL && clash->lost->device != NULL && g_str_equal (clash->kind, "field"))
    {
      stmt = icat_db_prepare (db,
                              "DELETE FROM sync_conflict WHERE tbl = ?1 AND pk = ?2 AND col = ?3 "
                              "AND lost_device = ?4 AND lost_hlc < ?5 AND resolved_at IS NULL AND kind = ?6",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, clash->table);
      icat_bind_text (stmt, 2, clash->row_key);
      sqlite3_bind_int (stmt, 3, clash->column);
      icat_bind_text (stmt, 4, clash->lost->device);
      sqlite3_bind_int64 (stmt, 5, clash->lost->hlc);
      icat_bind_text (stmt, 6, clash->kind);
      if (!icat_db_run (db, stmt, error))
        return FALSE;
    }

  stmt = icat_db_prepare (db,
                          "INSERT INTO sync_conflict (id, kind, record_kind, record_id, tbl, pk, col, field, "
                          "kept_value, kept_hlc, kept_device, lost_value, lost_hlc, lost_device, found_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                          /* A laptop's further edits of a deleted record join its conflict. */
                          "ON CONFLICT DO UPDATE SET lost_value = json_patch (lost_value, excluded.lost_value), "
                          "lost_hlc = max (lost_hlc, excluded.lost_hlc) "
                          "WHERE sync_conflict.kind = 'deleted' AND sync_conflict.resolved_at IS NULL",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  icat_bind_text (stmt, 2, clash->kind);
  icat_bind_text (stmt, 3, kind ? kind->name : clash->table);
  icat_bind_text (stmt, 4, record_id);
  icat_bind_text (stmt, 5, clash->table);
  icat_bind_text (stmt, 6, clash->row_key);
  sqlite3_bind_int (stmt, 7, clash->column);
  icat_bind_text (stmt, 8, field);
  icat_bind_text (stmt, 9, clash->kept_value);
  if (clash->kept != NULL)
    {
      sqlite3_bind_int64 (stmt, 10, clash->kept->hlc);
      icat_bind_text (stmt, 11, clash->kept->device);
    }
  icat_bind_text (stmt, 12, clash->lost_value);
  if (clash->lost != NULL)
    {
      sqlite3_bind_int64 (stmt, 13, clash->lost->hlc);
      icat_bind_text (stmt, 14, clash->lost->device);
    }
  icat_bind_text (stmt, 15, now);
  exists = conflict_exists (db, id);
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  if (!exists && sqlite3_changes (icat_db_handle (db)) > 0 && new_conflicts != NULL)
    (*new_conflicts)++;
  return TRUE;
}

/* A write replaces the losing values its laptop had seen: its own older
 * ones, and those of laptops up to what it had applied of each (deps).
 * Whoever typed over a value saw it, so it is no longer a clash. */
gboolean
_icat_sync_drop_seen (IcatDb               *db,
                      const char           *table,
                      const char           *row_key,
                      int                   column,
                      const IcatSyncClock  *writer,
                      const char           *deps,
                      GError              **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "DELETE FROM sync_conflict WHERE tbl = ?1 AND pk = ?2 AND col = ?3 "
                                        "AND kind = 'field' AND resolved_at IS NULL "
                                        "AND ((lost_device = ?4 AND lost_hlc < ?5) "
                                        "  OR lost_hlc <= (SELECT j.hlc FROM json_each (?6) AS d "
                                        "                  JOIN sync_journal AS j ON j.device = d.key AND j.seq = d.value "
                                        "                  WHERE d.key = sync_conflict.lost_device))",
                                        error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, row_key);
  sqlite3_bind_int (stmt, 3, column);
  icat_bind_text (stmt, 4, writer->device);
  sqlite3_bind_int64 (stmt, 5, writer->hlc);
  icat_bind_text (stmt, 6, deps ? deps : "{}");
  return icat_db_run (db, stmt, error);
}

gboolean
_icat_sync_drop_typed_over (IcatDb      *db,
                            const char  *table,
                            const char  *row_key,
                            int          column,
                            GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "DELETE FROM sync_conflict WHERE tbl = ?1 AND pk = ?2 AND col = ?3 "
                                        "AND kind = 'field' AND resolved_at IS NULL",
                                        error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, row_key);
  sqlite3_bind_int (stmt, 3, column);
  return icat_db_run (db, stmt, error);
}

gboolean
_icat_sync_forget_row_conflicts (IcatDb               *db,
                                 const char           *table,
                                 const char           *row_key,
                                 const IcatSyncClock  *deleter,
                                 const char           *deps,
                                 GError              **error)
{
  /* Edits that met an earlier deletion are moot too once their own laptop,
   * or one that had seen them, deletes the row: whoever deletes here on
   * this laptop has seen them all. */
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "DELETE FROM sync_conflict WHERE tbl = ?1 AND pk = ?2 AND resolved_at IS NULL "
                                        "AND (kind IN ('field', 'orphan', 'cleared', 'restored', 'approved') OR (kind = 'deleted' AND ?3 AND "
                                        "  (?4 IS NULL OR lost_device = ?4 OR lost_hlc <= "
                                        "   (SELECT j.hlc FROM json_each (?5) AS d JOIN sync_journal AS j "
                                        "    ON j.device = d.key AND j.seq = d.value WHERE d.key = sync_conflict.lost_device))))",
                                        error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, row_key);
  sqlite3_bind_int (stmt, 3, deleter != NULL);
  if (deleter != NULL && deleter->device != NULL)
    icat_bind_text (stmt, 4, deleter->device);
  icat_bind_text (stmt, 5, deps ? deps : "{}");
  return icat_db_run (db, stmt, error);
}

gboolean
_icat_sync_close_conflicts (IcatDb      *db,
                            const char  *resolves,
                            GError     **error)
{
  g_autofree char *now = icat_timestamp_now ();
  sqlite3_stmt *stmt;

  /* A conflict not met yet is noted closed, so that meeting it later
   * does not open it. */
  stmt = icat_db_prepare (db,
                          "INSERT INTO sync_conflict (id, kind, record_kind, record_id, tbl, pk, col, field, "
                          "found_at, resolved_at) "
                          "SELECT value, '', '', '', '', '', -1, '', ?2, ?2 FROM json_each (?1) WHERE true "
                          "ON CONFLICT DO UPDATE SET resolved_at = excluded.resolved_at "
                          "WHERE sync_conflict.resolved_at IS NULL",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, resolves);
  icat_bind_text (stmt, 2, now);
  return icat_db_run (db, stmt, error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
_icat_sync_list_conflicts (IcatDb      *db,
                           const char  *id_prefix,
                           const char  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_conflict_free);
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT id, kind, record_kind, record_id, field, kept_value, kept_hlc, kept_device, "
                                        "lost_value, lost_hlc, lost_device, found_at FROM sync_conflict "
                                        "WHERE resolved_at IS NULL AND (?1 IS NULL OR substr (id, 1, length (?1)) = ?1) "
                                        "ORDER BY found_at, id",
                                        error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id_prefix != NULL)
    icat_bind_text (stmt, 1, id_prefix);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatSyncConflict *conflict = g_new0 (IcatSyncConflict, 1);

      conflict->id = column_text (stmt, 0);
      conflict->kind = column_text (stmt, 1);
      conflict->record_kind = column_text (stmt, 2);
      conflict->record_id = column_text (stmt, 3);
      conflict->field = column_text (stmt, 4);
      conflict->mine_value = column_text (stmt, 5);
      conflict->mine_time = _icat_sync_clock_time (sqlite3_column_int64 (stmt, 6));
      conflict->mine_device = column_text (stmt, 7);
      conflict->theirs_value = column_text (stmt, 8);
      conflict->theirs_time = _icat_sync_clock_time (sqlite3_column_int64 (stmt, 9));
      conflict->theirs_device = column_text (stmt, 10);
      conflict->found_at = column_text (stmt, 11);
      /* Mine is this laptop's own value when one of the two is. */
      if (g_strcmp0 (conflict->theirs_device, self) == 0)
        {
          char *swap;

#define SWAP(a, b) (swap = (a), (a) = (b), (b) = swap)
          SWAP (conflict->mine_value, conflict->theirs_value);
          SWAP (conflict->mine_device, conflict->theirs_device);
          SWAP (conflict->mine_time, conflict->theirs_time);
#undef SWAP
        }
      g_ptr_array_add (conflicts, conflict);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&conflicts);
}
