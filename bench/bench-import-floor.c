/* bench-import-floor.c — what SQLite alone needs to store an import
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of `icat-tracker-cli import`: a new database, opened as the
 * CLI opens one (same schema, search tokenizers, WAL, synchronous = FULL,
 * cache), receives in one transaction every row a finished import left in
 * another database: the records, their nested rows and links, the search
 * documents (whose triggers fill both full-text indexes, as the import's
 * do), and the journal entry with its row clocks that takes the import to
 * other laptops. Nothing is parsed, validated or planned, so the time and
 * the peak memory are what storing those bytes costs on this machine.
 *   bench-import-floor IMPORTED.db NEW.db
 * Run it in an optimized build (bench/run does), never under the
 * sanitizers.
 */
#define G_LOG_DOMAIN "icat-bench"

#include "config.h"

#include "icat-db.h"

/* Tables a trigger fills: copying them too would add their rows twice. */
static gboolean
is_filled_by_trigger (const char *table)
{
  return g_str_has_prefix (table, "search_fts") || g_str_has_prefix (table, "search_short") ||
         g_str_equal (table, "sync_applied");
}

static GPtrArray *
list_tables (IcatDb  *db,
             GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT name FROM imported.sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY rootpage",
                                        error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      if (!is_filled_by_trigger (table))
        g_ptr_array_add (tables, g_strdup (table));
    }
  return icat_db_end_rows (db, stmt, rc, error) ? g_steal_pointer (&tables) : NULL;
}

/* The built-in data comes along: the import's database had it. */
static gboolean
copy_tables (IcatDb     *db,
             GPtrArray  *tables,
             GError    **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *copy = g_strdup_printf ("INSERT INTO main.\"%s\" SELECT * FROM imported.\"%s\"",
                                               (char *) tables->pdata[i], (char *) tables->pdata[i]);

      if (!icat_db_exec (db, copy, error))
        return g_prefix_error (error, "%s: ", (char *) tables->pdata[i]), FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *attach = NULL;
  char *quoted;

  if (argc != 3)
    {
      g_printerr ("usage: bench-import-floor IMPORTED.db NEW.db\n");
      return 2;
    }
  db = icat_db_open (argv[2], ICAT_DB_READ_WRITE, NULL, &error);
  if (db == NULL)
    g_error ("%s: %s", argv[2], error->message);
  quoted = sqlite3_mprintf ("ATTACH %Q AS imported", argv[1]);
  attach = g_strdup (quoted);
  sqlite3_free (quoted);
  /* As the store's writer has it, but with the references unchecked:
   * the rows are a finished import's, and a floor leaves out what it can. */
  if (!icat_db_exec (db, "PRAGMA temp_store = MEMORY", &error) ||
      !icat_db_exec (db, "PRAGMA foreign_keys = OFF", &error) ||
      !icat_db_exec (db, attach, &error) ||
      (tables = list_tables (db, &error)) == NULL ||
      !icat_db_begin (db, &error) ||
      !copy_tables (db, tables, &error) ||
      !icat_db_commit (db, &error))
    g_error ("copying %s into %s: %s", argv[1], argv[2], error->message);
  g_print ("%u tables copied\n", tables->len);
  return 0;
}
