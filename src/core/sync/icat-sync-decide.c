/* icat-sync-decide.c — what the app needs to let a person decide conflicts
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merged value closes a conflict the way keeping a side does (the
 * decision is a change that names the conflict, icat-sync-resolve.c), and
 * lists mark the records that still wait for a decision.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-error.h"
#include "icat-sync-private.h"

/* A column holds one value: a list or an object would be stored as the
 * text of its JSON, which no field of a conflict expects. */
static gboolean
is_column_value (const char  *value_json,
                 GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (value_json, NULL);

  if (node == NULL || !(JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node)))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("A merged value must be one text, number, true/false or empty.")), FALSE;
  return TRUE;
}

gboolean
icat_sync_resolve_with_value (IcatStore   *store,
                              const char  *conflict_id,
                              const char  *value_json,
                              GError     **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);
  g_return_val_if_fail (value_json != NULL, FALSE);

  if (!is_column_value (value_json, error))
    return FALSE;
  return _icat_sync_resolve_as (store, conflict_id, ICAT_SYNC_KEEP_MINE, value_json, error);
}

GHashTable *
icat_sync_conflicted_records (IcatStore  *store,
                              GError    **error)
{
  IcatDb *db;
  g_autoptr(GHashTable) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  db = _icat_store_get_read_db (store);
  records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Closed conflicts stay in the table (a late clash must not reopen
   * them); the open ones are few. */
  stmt = icat_db_prepare (db,
                          "SELECT DISTINCT record_kind, record_id FROM sync_conflict WHERE resolved_at IS NULL",
                          error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (records, g_strdup_printf ("%s/%s", sqlite3_column_text (stmt, 0),
                                                sqlite3_column_text (stmt, 1)));
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}
