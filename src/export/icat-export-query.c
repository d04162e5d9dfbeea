/* icat-export-query.c — the year window the exports and documents read
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-export"

#include "config.h"

#include "icat-export-private.h"
#include "icat-record-io.h"

sqlite3_stmt *
_icat_export_prepare_for_year (IcatDb      *db,
                               const char  *sql,
                               int          year,
                               GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);

  if (stmt != NULL && year != 0)
    {
      g_autofree char *from = g_strdup_printf ("%04d", year);
      g_autofree char *until = g_strdup_printf ("%04d", year + 1);

      icat_bind_text (stmt, 1, from);
      icat_bind_text (stmt, 2, until);
    }
  return stmt;
}

char *
_icat_export_column_localized (sqlite3_stmt *stmt,
                               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (text != NULL ? text : "");
  return g_strdup (icat_localized_pick (json_node_get_object (node)));
}
