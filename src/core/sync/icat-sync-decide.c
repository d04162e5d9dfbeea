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

/* Refused and waiting files {{{ */

G_DEFINE_QUARK (icat-sync-problem-error-quark, icat_sync_problem_error)

/* Stored names never change: databases keep them between versions. */
static const char * const problem_names[] = {
  [ICAT_SYNC_PROBLEM_OTHER] = "other",
  [ICAT_SYNC_PROBLEM_DAMAGED] = "damaged",
  [ICAT_SYNC_PROBLEM_SIGNATURE] = "signature",
  [ICAT_SYNC_PROBLEM_OTHER_GROUP] = "other-group",
  [ICAT_SYNC_PROBLEM_MISNAMED] = "misnamed",
  [ICAT_SYNC_PROBLEM_TOO_LARGE] = "too-large",
  [ICAT_SYNC_PROBLEM_NEWER] = "newer",
};

const char *
_icat_sync_problem_name (IcatSyncProblem problem)
{
  g_assert ((guint) problem < G_N_ELEMENTS (problem_names));
  return problem_names[problem];
}

const char *
_icat_sync_problem_stored (const GError *error)
{
  if (error->domain == ICAT_SYNC_PROBLEM_ERROR && error->code > ICAT_SYNC_PROBLEM_OTHER &&
      (guint) error->code < G_N_ELEMENTS (problem_names))
    return problem_names[error->code];
  return error->message;
}

IcatSyncProblem
_icat_sync_problem_parse (const char *stored)
{
  for (guint i = ICAT_SYNC_PROBLEM_OTHER + 1; stored != NULL && i < G_N_ELEMENTS (problem_names); i++)
    if (g_str_equal (stored, problem_names[i]))
      return i;
  return ICAT_SYNC_PROBLEM_OTHER;
}

/* The words `sync status` prints after "file: ". */
const char *
_icat_sync_problem_text (const char *stored)
{
  switch (_icat_sync_problem_parse (stored))
    {
    case ICAT_SYNC_PROBLEM_DAMAGED:
      return _("damaged or cut short: not an ICAT Tracker sync file as it was written");
    case ICAT_SYNC_PROBLEM_SIGNATURE:
      return _("not signed by this group’s key: changed, cut short, or from another group");
    case ICAT_SYNC_PROBLEM_OTHER_GROUP:
      return _("not signed by this group’s key: changed, or made by another group (its header names another group)");
    case ICAT_SYNC_PROBLEM_MISNAMED:
      return _("its header names another laptop, number or group than its place in the folder");
    case ICAT_SYNC_PROBLEM_TOO_LARGE:
      return _("too large to be a change or a snapshot");
    case ICAT_SYNC_PROBLEM_NEWER:
      return _("made by a newer version of ICAT Tracker; it is kept until this one is updated");
    case ICAT_SYNC_PROBLEM_OTHER:
    default:
      return stored ? stored : "";
    }
}

void
icat_sync_file_problem_free (IcatSyncFileProblem *problem)
{
  g_free (problem->path);
  g_free (problem->reason);
  g_free (problem);
}

GPtrArray *
icat_sync_file_problems (IcatStore  *store,
                         GError    **error)
{
  IcatDb *db;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  db = _icat_store_get_read_db (store);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_file_problem_free);
  stmt = icat_db_prepare (db, "SELECT path, refused, reason FROM sync_file_problem ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatSyncFileProblem *problem = g_new0 (IcatSyncFileProblem, 1);
      const char *stored = (const char *) sqlite3_column_text (stmt, 2);

      problem->path = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      problem->refused = sqlite3_column_int (stmt, 1) != 0;
      problem->problem = _icat_sync_problem_parse (stored);
      problem->reason = g_strdup (_icat_sync_problem_text (stored));
      g_ptr_array_add (problems, problem);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&problems);
}

/* }}} */
