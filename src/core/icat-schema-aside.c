/* icat-schema-aside.c — triggers and indexes set aside while a large import writes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large import into a database holding fewer records writes faster with
 * less to keep up row by row: search_doc's triggers feed both full-text
 * indexes a document at a time (icat-index-batch.c fills them in one pass
 * at the end instead), and each secondary index of a table takes a walk
 * down its tree for every row of random ids, where CREATE INDEX sorts the
 * rows once.
 */
#define G_LOG_DOMAIN "icat-db"

#include "config.h"

#include "icat-schema-aside.h"

GPtrArray *
icat_schema_set_aside (IcatDb      *db,
                       const char  *type,
                       const char  *table,
                       gboolean     nested,
                       GError     **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *nested_pattern = g_strconcat (table, "\\_%", NULL);
  /* sql is NULL for the indexes of a table's own constraints. */
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT name, sql FROM sqlite_schema WHERE type = ?1 AND sql IS NOT NULL "
                                        "AND (tbl_name = ?2 OR (?3 AND tbl_name LIKE ?4 ESCAPE '\\')) ORDER BY name",
                                        error);
  int rc;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, type);
  icat_bind_text (stmt, 2, table);
  sqlite3_bind_int (stmt, 3, nested);
  icat_bind_text (stmt, 4, nested_pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", g_str_equal (type, "index") ? "INDEX" : "TRIGGER",
                                               (const char *) names->pdata[i]);

      if (!icat_db_exec (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&statements);
}

gboolean
icat_schema_restore (IcatDb      *db,
                     GPtrArray   *statements,
                     GError     **error)
{
  for (guint i = 0; i < statements->len; i++)
    if (!icat_db_exec (db, statements->pdata[i], error))
      return FALSE;
  return TRUE;
}
