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
 * flagged once, alike on every laptop: on one that meets it after the
 * approval, and on one that meets the approval after it (the approving
 * laptop had not applied it, as its dependencies say).
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

/* What a change does to a meeting, as flags in the touched table. */
enum {
  TOUCHES_LISTS    = 1 << 0,  /* its agenda, minutes, decisions or attendance */
  WAS_APPROVED     = 1 << 1,  /* before the change */
  APPROVES         = 1 << 2,  /* sets record_status to "approved" */
};

static void
note_meeting (GHashTable *touched,
              char       *meeting_id,
              int         flags)
{
  int before = GPOINTER_TO_INT (g_hash_table_lookup (touched, meeting_id));

  g_hash_table_insert (touched, meeting_id, GINT_TO_POINTER (before | flags));
}

/* The meeting of a row of the locked lists the change holds, or NULL. */
static char *
locked_meeting_of (IcatDb                 *db,
                   sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;
  g_autofree char *first = NULL;
  char *meeting_id = NULL;
  const IcatKind *kind = NULL;
  gboolean direct;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (!is_locked_table (table))
    return NULL;
  first = _icat_sync_first_column (db, table, iter, op != SQLITE_INSERT);
  if (first == NULL || !_icat_record_of_row (db, table, first, &kind, &meeting_id, &direct))
    return NULL;
  return meeting_id;
}

/* The meeting whose record_status the change sets to "approved", or NULL. */
static char *
approved_meeting_of (IcatDb                 *db,
                     sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;
  GPtrArray *columns;
  sqlite3_value *status = NULL;
  sqlite3_value *id = NULL;
  int column = -1;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  columns = g_str_equal (table, "meeting") && op != SQLITE_DELETE ? _icat_sync_table_columns (db, table) : NULL;
  for (guint i = 0; columns != NULL && i < columns->len && (int) i < n_columns; i++)
    if (g_str_equal (columns->pdata[i], ICAT_KEY_RECORD_STATUS))
      column = i;
  /* An update holds the new values of the columns it changed only. */
  if (column < 0 || sqlite3changeset_new (iter, column, &status) != SQLITE_OK || status == NULL ||
      g_strcmp0 ((const char *) sqlite3_value_text (status), "approved") != 0)
    return NULL;
  /* The id, the first column, is the key: an update holds it as old. */
  if ((op == SQLITE_UPDATE ? sqlite3changeset_old (iter, 0, &id) : sqlite3changeset_new (iter, 0, &id)) != SQLITE_OK ||
      id == NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_value_text (id));
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
      char *approving = approved_meeting_of (db, iter);
      char *meeting_id = locked_meeting_of (db, iter);
      gboolean approved;

      if (approving != NULL)
        note_meeting (touched, approving, APPROVES);
      if (meeting_id == NULL)
        continue;
      if (!is_approved (db, meeting_id, &approved, error))
        {
          g_free (meeting_id);
          sqlite3changeset_finalize (iter);
          return NULL;
        }
      note_meeting (touched, meeting_id, TOUCHES_LISTS | (approved ? WAS_APPROVED : 0));
    }
  rc = iter != NULL ? sqlite3changeset_finalize (iter) : rc;
  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error), NULL;
  return g_steal_pointer (&touched);
}

static gboolean
flag_change (IcatDb               *db,
             const char           *meeting_id,
             const IcatSyncClock  *change,
             guint                *new_conflicts,
             GError              **error)
{
  IcatSyncClash clash = { "approved", "meeting", meeting_id, -1, NULL, NULL, NULL, change, meeting_id };

  return _icat_sync_record_clash (db, &clash, new_conflicts, error);
}

/* Whether a change of the journal touched the locked lists of the meeting. */
static gboolean
changes_lists_of (IcatDb      *db,
                  const void  *data,
                  int          size,
                  const char  *meeting_id)
{
  sqlite3_changeset_iter *iter = NULL;
  gboolean found = FALSE;

  if (size <= 0 || sqlite3changeset_start (&iter, size, (void *) data) != SQLITE_OK)
    return FALSE;
  while (!found && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      g_autofree char *of = locked_meeting_of (db, iter);

      found = g_strcmp0 (of, meeting_id) == 0;
    }
  sqlite3changeset_finalize (iter);
  return found;
}

/* An approval arrived: the changes of the meeting's lists made elsewhere
 * that the approving laptop had not applied (deps: what it had, by laptop)
 * are changes of approved minutes too. */
static gboolean
flag_unseen (IcatDb               *db,
             const char           *meeting_id,
             const IcatSyncClock  *approver,
             const char           *deps,
             guint                *new_conflicts,
             GError              **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT j.device, j.hlc, j.changeset FROM sync_journal_record AS r "
                                        "JOIN sync_journal AS j ON j.device = r.device AND j.seq = r.seq "
                                        "WHERE r.kind = 'meeting' AND r.record_id = ?1 AND j.device != ?2 "
                                        "AND j.seq > coalesce ((SELECT d.value FROM json_each (?3) AS d "
                                        "                       WHERE d.key = j.device), 0)",
                                        error);
  g_autoptr(GPtrArray) unseen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) clocks = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, meeting_id);
  icat_bind_text (stmt, 2, approver->device);
  icat_bind_text (stmt, 3, deps);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (changes_lists_of (db, sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2), meeting_id))
      {
        gint64 hlc = sqlite3_column_int64 (stmt, 1);

        g_ptr_array_add (unseen, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_array_append_val (clocks, hlc);
      }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < unseen->len; i++)
    {
      IcatSyncClock change = { g_array_index (clocks, gint64, i), unseen->pdata[i] };

      if (!flag_change (db, meeting_id, &change, new_conflicts, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_icat_sync_approved_flag (IcatDb               *db,
                          GHashTable           *touched,
                          const IcatSyncClock  *remote,
                          const char           *deps,
                          guint                *new_conflicts,
                          GError              **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int flags = GPOINTER_TO_INT (value);
      gboolean approved = (flags & WAS_APPROVED) != 0;

      /* Approved before the change, or by it. */
      if (!approved && !is_approved (db, key, &approved, error))
        return FALSE;
      if (!approved)
        continue;
      if ((flags & TOUCHES_LISTS) && !flag_change (db, key, remote, new_conflicts, error))
        return FALSE;
      /* Without its dependencies a change cannot say what it had seen. */
      if ((flags & APPROVES) && deps != NULL && !flag_unseen (db, key, remote, deps, new_conflicts, error))
        return FALSE;
    }
  return TRUE;
}
