/* icat-report.c — figures the Overview shows
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aggregates computed in SQL over indexed columns, so they stay instant
 * with 100,000 action items.
 */
#define G_LOG_DOMAIN "icat-report"

#include "config.h"

#include <stdlib.h>

#include "icat-db.h"
#include "icat-format.h"
#include "icat-report.h"
#include "icat-schema.h"

void
icat_agency_workload_free (IcatAgencyWorkload *workload)
{
  g_free (workload->agency_id);
  g_free (workload->acronym);
  g_free (workload);
}

GPtrArray *
icat_report_workload (IcatDb      *db,
                      const char  *today,
                      const char  *soon,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_agency_workload_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL && soon != NULL, NULL);
  stmt = icat_db_prepare (db,
                          "SELECT i.owner, a.acronym, sum (i.due < ?1), sum (i.due >= ?1 AND i.due < ?2) "
                          "FROM action_item i JOIN agency a ON a.id = i.owner "
                          "WHERE i.status NOT IN ('done', 'cancelled') AND i.due < ?2 "
                          "GROUP BY i.owner ORDER BY 3 DESC, 4 DESC, a.acronym", error);
  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, today);
  icat_bind_text (stmt, 2, soon);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatAgencyWorkload *row = g_new0 (IcatAgencyWorkload, 1);

      row->agency_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->acronym = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->overdue = sqlite3_column_int (stmt, 2);
      row->due_soon = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

char *
icat_report_chair_years (IcatStore  *store,
                         const char *agency_id)
{
  IcatDb *db = _icat_store_get_read_db (store);
  g_autoptr(GString) years = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  stmt = icat_db_prepare (db,
                          "SELECT t.year FROM chair_term_agencies c JOIN chair_term t ON t.id = c.owner_id "
                          "WHERE c.target_id = ?1 ORDER BY t.year", NULL);
  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, agency_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (years, "%s%d", years->len ? ", " : "", sqlite3_column_int (stmt, 0));
  sqlite3_reset (stmt);
  return years->len > 0 ? g_string_free (g_steal_pointer (&years), FALSE) : NULL;
}

char *
icat_report_chairs_of (IcatStore *store,
                       int        year)
{
  IcatDb *db = _icat_store_get_read_db (store);
  g_autoptr(GString) chairs = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  stmt = icat_db_prepare (db,
                          "SELECT a.acronym FROM chair_term t JOIN chair_term_agencies c ON c.owner_id = t.id "
                          "JOIN agency a ON a.id = c.target_id WHERE t.year = ?1 ORDER BY c.position", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (chairs->len > 0)
        g_string_append (chairs, " + ");
      g_string_append (chairs, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  return chairs->len > 0 ? g_string_free (g_steal_pointer (&chairs), FALSE) : NULL;
}

void
icat_tally_free (IcatTally *tally)
{
  g_free (tally->id);
  g_free (tally->label);
  g_free (tally);
}

GPtrArray *
icat_report_status_by_agency (IcatDb  *db,
                              guint    limit,
                              GError **error)
{
  /* One pass over the owner index, grouped; the agencies with the most
   * unfinished work come first. */
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT a.id, a.acronym, "
                                        "sum (i.status = 'open'), sum (i.status = 'in-progress'), sum (i.status = 'blocked'), "
                                        "sum (i.status = 'done'), sum (i.status = 'cancelled') "
                                        "FROM action_item i JOIN agency a ON a.id = i.owner GROUP BY i.owner "
                                        "ORDER BY sum (i.status IN ('open', 'in-progress', 'blocked')) DESC, count (*) DESC, "
                                        "a.acronym COLLATE NOCASE LIMIT ?", error);
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_tally_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatTally *tally = g_new0 (IcatTally, 1);

      tally->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      tally->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      for (guint v = 0; v < 5; v++)
        tally->values[v] = (guint) sqlite3_column_int64 (stmt, 2 + v);
      g_ptr_array_add (tallies, tally);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    {
      return NULL;
    }
  return g_steal_pointer (&tallies);
}

GPtrArray *
icat_report_papers_by_stage (IcatDb  *db,
                             GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT status, count (*) FROM paper GROUP BY status", error);
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_tally_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; icat_paper_statuses[i] != NULL; i++)
    {
      IcatTally *tally = g_new0 (IcatTally, 1);

      tally->id = g_strdup (icat_paper_statuses[i]);
      tally->label = g_strdup (icat_format_enum ("status", icat_paper_statuses[i]));
      g_ptr_array_add (tallies, tally);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < tallies->len; i++)
      {
        IcatTally *tally = tallies->pdata[i];

        if (g_strcmp0 (tally->id, (const char *) sqlite3_column_text (stmt, 0)) == 0)
          tally->values[0] = (guint) sqlite3_column_int64 (stmt, 1);
      }
  if (!icat_db_end_rows (db, stmt, rc, error))
    {
      return NULL;
    }
  return g_steal_pointer (&tallies);
}

static void
insert_year (GArray *years,
             int     year)
{
  guint i = 0;

  while (i < years->len && g_array_index (years, int, i) < year)
    i++;
  if (i == years->len || g_array_index (years, int, i) != year)
    g_array_insert_val (years, i, year);
}

/* Adds the integer years of sql's only column (NULLs skipped). */
static gboolean
add_years_of (IcatDb      *db,
              const char  *sql,
              GArray      *years,
              GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      insert_year (years, sqlite3_column_int (stmt, 0));
  return icat_db_end_rows (db, stmt, rc, error);
}

/* The due dates are skipped through year by year: the first due date from
 * 1 January of each year on is one seek in the due-date index. */
static gboolean
add_due_years (IcatDb  *db,
               GArray  *years,
               GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT min (due) FROM action_item WHERE due >= ?1", error);
  char from[8] = "0000";

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      int rc;
      int year;

      icat_bind_text (stmt, 1, from);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return icat_db_fail (db, rc, error);
        }
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        break;
      year = atoi ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      insert_year (years, year);
      if (year >= 9999)
        break;
      g_snprintf (from, sizeof from, "%04d", year + 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GArray *
icat_report_activity_years (IcatDb  *db,
                            GError **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  if (!add_due_years (db, years, error) ||
      !add_years_of (db, "SELECT DISTINCT CAST (substr (starts_at, 1, 4) AS INTEGER) FROM meeting", years, error) ||
      !add_years_of (db, "SELECT DISTINCT year FROM paper", years, error) ||
      !add_years_of (db, "SELECT DISTINCT year FROM chair_term", years, error) ||
      !add_years_of (db, "SELECT DISTINCT year FROM work_plan", years, error))
    return NULL;
  return g_steal_pointer (&years);
}
