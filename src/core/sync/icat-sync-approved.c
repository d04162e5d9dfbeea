/* icat-sync-approved.c — changes to approved minutes from another laptop
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An approved meeting record is read-only in the app, but a laptop that had
 * not yet seen the approval may still have changed its agenda, minutes,
 * decisions or attendance. No edit is ever dropped: the change is applied
 * like any other, and the meeting gets an "approved" conflict, kept for a
 * person to look at and dismiss like the other marks of a merge. It is
 * named by the change (its laptop and clock), so each such change is
 * flagged once, on whichever laptop meets it.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-fields.h"
#include "icat-store-private.h"
#include "icat-sync-private.h"

/* The lists of a meeting that approval locks; the approval itself lives in
 * the meeting's own row and never counts. */
static gboolean
is_locked_table (const char *table)
{
  return g_str_equal (table, "meeting_agenda") || g_str_equal (table, "meeting_agenda_mandates") ||
         g_str_equal (table, "meeting_decisions") || g_str_equal (table, "meeting_attendance");
}

static gboolean
is_approved (IcatDb     *db,
             const char *meeting_id,
             gboolean   *approved,
             GError    **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT record_status = 'approved' FROM meeting WHERE id = ?1", error);
  int rc;

  *approved = FALSE;
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *approved = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || icat_db_fail (db, rc, error);
}

GHashTable *
_icat_sync_approved_touched (IcatDb   *db,
                             GBytes   *changeset,
                             GError  **error)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  void *data = (void *) g_bytes_get_data (changeset, &size);
  int rc;

  if (size == 0)
    return g_steal_pointer (&touched);
  rc = sqlite3changeset_start (&iter, size, data);
  while (rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      g_autofree char *first = NULL;
      g_autofree char *meeting_id = NULL;
      const IcatKind *kind = NULL;
      gboolean direct, approved;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (!is_locked_table (table))
        continue;
      first = _icat_sync_first_column (db, table, iter, op != SQLITE_INSERT);
      if (first == NULL || !_icat_record_of_row (db, table, first, &kind, &meeting_id, &direct) ||
          g_hash_table_contains (touched, meeting_id))
        continue;
      if (!is_approved (db, meeting_id, &approved, error))
        {
          sqlite3changeset_finalize (iter);
          return NULL;
        }
      g_hash_table_insert (touched, g_steal_pointer (&meeting_id), GINT_TO_POINTER (approved));
    }
  rc = iter != NULL ? sqlite3changeset_finalize (iter) : rc;
  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error), NULL;
  return g_steal_pointer (&touched);
}

gboolean
_icat_sync_approved_flag (IcatDb               *db,
                          GHashTable           *touched,
                          const IcatSyncClock  *remote,
                          guint                *new_conflicts,
                          GError              **error)
{
  GHashTableIter iter;
  gpointer key, was_approved;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, &was_approved))
    {
      IcatSyncClash clash = { "approved", "meeting", key, -1, NULL, NULL, NULL, remote, key };
      gboolean approved = GPOINTER_TO_INT (was_approved);

      /* Approved before the change, or by it. */
      if (!approved && !is_approved (db, key, &approved, error))
        return FALSE;
      if (approved && !_icat_sync_record_clash (db, &clash, new_conflicts, error))
        return FALSE;
    }
  return TRUE;
}
