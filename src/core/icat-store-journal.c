/* icat-store-journal.c — what each write changed, and its undo
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write the store makes is recorded by an SQLite session on the
 * record tables. Its changeset names the records the write touched (the
 * notices views get) and, inverted, is the write's undo. This file knows
 * the schema and the writing connection it is given, nothing else of the
 * store.
 */
#define G_LOG_DOMAIN "icat-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-store-private.h"
#include "sync/icat-sync-private.h"

#define UNDO_DEPTH 100
#define UNDO_MAX_BYTES (64 * 1024 * 1024)

struct _IcatJournal {
  GQueue undo;        /* GBytes changesets, newest at the head */
  gsize  undo_bytes;
};

/* Records touched {{{ */

static void
notice_clear (gpointer data)
{
  IcatNotice *notice = data;

  g_free (notice->kind);
  g_free (notice->id);
}

void
_icat_notices_init (IcatNotices *notices)
{
  notices->list = g_array_new (FALSE, TRUE, sizeof (IcatNotice));
  notices->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_array_set_clear_func (notices->list, notice_clear);
}

void
_icat_notices_clear (IcatNotices *notices)
{
  g_clear_pointer (&notices->list, g_array_unref);
  g_clear_pointer (&notices->index, g_hash_table_unref);
}

void
_icat_notices_add (IcatNotices *notices,
            const char  *kind,
            const char  *id,
            IcatChange   change)
{
  g_autofree char *key = g_strconcat (kind, "/", id, NULL);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (notices->index, key));
  IcatNotice notice;

  if (index > 0)
    {
      /* Deleted wins: a record created and removed is gone. */
      if (change == ICAT_CHANGE_DELETED)
        g_array_index (notices->list, IcatNotice, index - 1).change = change;
      return;
    }
  notice.kind = g_strdup (kind);
  notice.id = g_strdup (id);
  notice.change = change;
  g_array_append_val (notices->list, notice);
  g_hash_table_insert (notices->index, g_steal_pointer (&key), GUINT_TO_POINTER (notices->list->len));
}

/* The kind a table belongs to: its own ("meeting") or its parent's for a
 * nested list or link table ("meeting_agenda"). Tables below a nested
 * list (meeting_agenda_mandates) are covered by their parent's row. */
static const IcatKind *
kind_of_table (const char *table,
               gboolean   *direct)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      gsize len = strlen (kinds[k]->name);

      if (strcmp (table, kinds[k]->name) == 0)
        {
          *direct = TRUE;
          return kinds[k];
        }
      if (strncmp (table, kinds[k]->name, len) == 0 && table[len] == '_')
        for (guint i = 0; i < kinds[k]->n_fields; i++)
          if (strcmp (table + len + 1, kinds[k]->fields[i].name) == 0)
            {
              *direct = FALSE;
              return kinds[k];
            }
    }
  return NULL;
}

void
_icat_notices_collect (IcatNotices *notices,
                       IcatDb      *db,
                       const void  *changeset,
                       int          size)
{
  sqlite3_changeset_iter *iter = NULL;
  char *record_id = NULL;
  char *first = NULL;

  if (size == 0 || sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      sqlite3_value *key = NULL;
      const IcatKind *kind;
      gboolean direct = FALSE;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      /* Column 0 is the record's id, or its parent's in a nested table. */
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &key);
      else
        sqlite3changeset_old (iter, 0, &key);
      if (key != NULL && sqlite3_value_type (key) == SQLITE_TEXT)
        first = g_strdup ((const char *) sqlite3_value_text (key));
      else
        /* An update holds only the key and the columns it changed. */
        first = _icat_sync_first_column (db, table, iter, TRUE);
      if (first == NULL || !_icat_record_of_row (db, table, first, &kind, &record_id, &direct))
        {
          g_clear_pointer (&first, g_free);
          continue;
        }
      g_clear_pointer (&first, g_free);
      _icat_notices_add (notices, kind->name, record_id,
                         !direct ? ICAT_CHANGE_UPDATED
                         : op == SQLITE_INSERT ? ICAT_CHANGE_CREATED
                         : op == SQLITE_DELETE ? ICAT_CHANGE_DELETED
                         : ICAT_CHANGE_UPDATED);
      g_clear_pointer (&record_id, g_free);
    }
  sqlite3changeset_finalize (iter);
}

/* }}} */
/* Recording {{{ */

/* A table below a nested list: "meeting_agenda_mandates". */
static gboolean
is_below_nested_list (const char *table)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      gsize len = strlen (kinds[k]->name);

      if (strncmp (table, kinds[k]->name, len) != 0 || table[len] != '_')
        continue;
      for (guint i = 0; i < kinds[k]->n_fields; i++)
        {
          gsize field_len = strlen (kinds[k]->fields[i].name);

          if (strncmp (table + len + 1, kinds[k]->fields[i].name, field_len) == 0 &&
              table[len + 1 + field_len] == '_')
            return TRUE;
        }
    }
  return FALSE;
}

/* The nested list a table below one hangs from: "meeting_agenda" for
 * "meeting_agenda_mandates". */
static char *
nested_list_of (const char *table)
{
  const char *last = strrchr (table, '_');

  /* Link fields have no underscore of their own ("mandates"). */
  return last != NULL ? g_strndup (table, last - table) : NULL;
}

gboolean
_icat_record_of_row (IcatDb          *db,
                     const char      *table,
                     const char      *first_column,
                     const IcatKind **kind,
                     char           **record_id,
                     gboolean        *is_record_row)
{
  g_autofree char *list = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *kind = kind_of_table (table, is_record_row);
  if (*kind != NULL)
    {
      *record_id = g_strdup (first_column);
      return TRUE;
    }
  if (!is_below_nested_list (table) || (list = nested_list_of (table)) == NULL)
    return FALSE;
  *kind = kind_of_table (list, is_record_row);
  *is_record_row = FALSE;
  if (*kind == NULL)
    return FALSE;
  /* The nested row may be gone with the same change; then its own row in
   * the changeset names the record. */
  sql = g_strdup_printf ("SELECT parent_id FROM \"%s\" WHERE id = ?1", list);
  stmt = icat_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, first_column);
  rc = sqlite3_step (stmt);
  *record_id = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  return *record_id != NULL;
}

gboolean
_icat_journal_tracks_table (const char *table)
{
  gboolean direct;

  /* The search index is derived; only records are journaled, with the
   * tables below their nested lists, or an undo would lose an agenda
   * item's mandates. */
  return kind_of_table (table, &direct) != NULL || is_below_nested_list (table);
}

static int
track_record_tables (void       *user_data,
                     const char *table)
{
  return _icat_journal_tracks_table (table);
}

gboolean
_icat_journal_start_session (IcatDb           *db,
                             sqlite3_session **session,
                             GError          **error)
{
  int rc = sqlite3session_create (icat_db_handle (db), "main", session);

  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  sqlite3session_table_filter (*session, track_record_tables, NULL);
  sqlite3session_attach (*session, NULL);
  return TRUE;
}

/* }}} */
/* Undo {{{ */

IcatJournal *
_icat_journal_new (void)
{
  IcatJournal *journal = g_new0 (IcatJournal, 1);

  g_queue_init (&journal->undo);
  return journal;
}

void
_icat_journal_free (IcatJournal *journal)
{
  g_queue_clear_full (&journal->undo, (GDestroyNotify) g_bytes_unref);
  g_free (journal);
}

gboolean
_icat_journal_can_undo (IcatJournal *journal)
{
  return journal->undo.length > 0;
}

GBytes *
_icat_journal_pop_undo (IcatJournal *journal)
{
  GBytes *changeset = g_queue_pop_head (&journal->undo);

  if (changeset != NULL)
    journal->undo_bytes -= g_bytes_get_size (changeset);
  return changeset;
}

void
_icat_journal_push_undo (IcatJournal *journal,
                         GBytes      *changeset)
{
  journal->undo_bytes += g_bytes_get_size (changeset);
  g_queue_push_head (&journal->undo, changeset);
  while (journal->undo.length > UNDO_DEPTH || (journal->undo_bytes > UNDO_MAX_BYTES && journal->undo.length > 1))
    {
      GBytes *oldest = g_queue_pop_tail (&journal->undo);

      journal->undo_bytes -= g_bytes_get_size (oldest);
      g_bytes_unref (oldest);
    }
}

static int
undo_conflict (void                   *user_data,
               int                     conflict,
               sqlite3_changeset_iter *iter)
{
  gboolean *conflicted = user_data;
  const char *table;
  int n_columns, op, indirect;

  /* Undoing a creation deletes the record, and its nested rows go with it
   * (ON DELETE CASCADE) before the changeset reaches them. */
  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  *conflicted = TRUE;
  return SQLITE_CHANGESET_ABORT;
}

gboolean
_icat_notices_reindex (IcatNotices  *notices,
                       IcatDb       *db,
                       GError      **error)
{
  for (guint i = 0; i < notices->list->len; i++)
    {
      IcatNotice *notice = &g_array_index (notices->list, IcatNotice, i);
      const IcatKind *kind = icat_schema_lookup (notice->kind);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) record = icat_record_io_read (db, kind, notice->id, &local_error);

      if (record == NULL && !g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      if (!icat_record_io_index (db, kind, notice->id, record, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_icat_journal_undo (IcatDb       *db,
                    GBytes       *changeset,
                    IcatNotices  *notices,
                    GError      **error)
{
  int inverse_size = 0;
  void *inverse = NULL;
  gboolean conflicted = FALSE;
  int rc;

  rc = sqlite3changeset_invert (g_bytes_get_size (changeset), (void *) g_bytes_get_data (changeset, NULL),
                                &inverse_size, &inverse);
  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  rc = sqlite3changeset_apply_v2 (icat_db_handle (db), inverse_size, inverse,
                                  NULL, undo_conflict, &conflicted, NULL, NULL, 0);
  if (rc == SQLITE_OK)
    _icat_notices_collect (notices, db, inverse, inverse_size);
  sqlite3_free (inverse);
  if (conflicted || rc == SQLITE_ABORT)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_CONFLICT,
                        _("The change cannot be undone: the records have changed since.")), FALSE;
  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  return _icat_notices_reindex (notices, db, error);
}

/* }}} */
