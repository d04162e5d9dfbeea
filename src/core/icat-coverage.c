/* icat-coverage.c — which mandates have work behind them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-coverage"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "icat-agency-order.h"
#include "icat-coverage.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-today.h"

static const char * const work_statuses[] = { "open", "in-progress", "blocked", "done", "cancelled", NULL };

/* Papers count by stage: published is done work, the rest is under way. */
#define PAPER_AS_STATUS \
  "CASE p.status WHEN 'published' THEN 'done' WHEN 'proposed' THEN 'open' ELSE 'in-progress' END"

/* Cancelled action items are no work: an agency's cell counts only what
 * the row's "open" and "completed" count, so a paragraph with "No work"
 * never shows a number. */
static const char by_agency_sql[] =
  "SELECT l.target_id, i.owner, count(*) FROM action_item_mandates l "
  "JOIN action_item i ON i.id = l.owner_id WHERE i.status <> 'cancelled' GROUP BY 1, 2 "
  "UNION ALL SELECT l.target_id, s.target_id, count(*) FROM action_item_mandates l "
  "JOIN action_item_supporting s ON s.owner_id = l.owner_id "
  "JOIN action_item i ON i.id = l.owner_id WHERE i.status <> 'cancelled' GROUP BY 1, 2 "
  "UNION ALL SELECT l.target_id, a.target_id, count(*) FROM paper_mandates l "
  "JOIN paper_lead_agencies a ON a.owner_id = l.owner_id GROUP BY 1, 2 "
  "UNION ALL SELECT l.target_id, a.target_id, count(*) FROM paper_mandates l "
  "JOIN paper_contributing_agencies a ON a.owner_id = l.owner_id GROUP BY 1, 2";

static const char by_status_sql[] =
  "SELECT l.target_id, i.status, count(*) FROM action_item_mandates l "
  "JOIN action_item i ON i.id = l.owner_id GROUP BY 1, 2 "
  "UNION ALL SELECT l.target_id, " PAPER_AS_STATUS ", count(*) FROM paper_mandates l "
  "JOIN paper p ON p.id = l.owner_id GROUP BY 1, 2";

static void
line_free (IcatCoverageLine *line)
{
  g_free (line->id);
  g_free (line->label);
  g_free (line->pillar);
  g_free (line);
}

void
icat_coverage_free (IcatCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_clear_pointer (&coverage->rows, g_ptr_array_unref);
  g_clear_pointer (&coverage->columns, g_ptr_array_unref);
  g_free (coverage->counts);
  g_free (coverage);
}

guint
icat_coverage_get (IcatCoverage *coverage,
                   guint         row,
                   guint         column)
{
  g_return_val_if_fail (row < coverage->rows->len && column < coverage->columns->len, 0);
  return coverage->counts[row * coverage->columns->len + column];
}

gboolean
icat_mandate_addresses_icat (const char *document,
                             const char *paragraph)
{
  static const struct {
    const char *document;
    int         from;
    int         to;
    gboolean    annex;
  } ranges[] = {
    { "A/RES/72/195", 8, 13, FALSE },
    { "A/RES/72/195", 19, 22, FALSE },
    { "A/RES/64/293", 11, 11, TRUE },
    { "A/RES/64/293", 56, 56, TRUE },
    { "A/RES/64/293", 59, 59, TRUE },
    { "E/RES/2015/23", 7, 8, FALSE },
    { "CTOC/COP resolution 5/2", 16, 16, FALSE },
  };
  gboolean annex = paragraph != NULL && g_str_has_prefix (paragraph, "annex ");
  int number;

  if (document == NULL || paragraph == NULL)
    return FALSE;
  number = atoi (annex ? paragraph + strlen ("annex ") : paragraph);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (strcmp (ranges[i].document, document) == 0 && ranges[i].annex == annex &&
        number >= ranges[i].from && number <= ranges[i].to)
      return TRUE;
  return FALSE;
}

static gboolean
load_rows (IcatDb        *db,
           IcatCoverage  *coverage,
           GHashTable    *row_of,
           GError       **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT id, document, paragraph, pillar FROM mandate ORDER BY "
                                        "CASE document WHEN 'A/RES/72/195' THEN 0 WHEN 'A/RES/64/293' THEN 1 "
                                        "WHEN 'E/RES/2015/23' THEN 2 ELSE 3 END, "
                                        "CASE WHEN paragraph GLOB 'annex *' THEN 1000 + CAST (substr (paragraph, 7) AS INTEGER) "
                                        "ELSE CAST (paragraph AS INTEGER) END, id", error);
  const IcatKind *kind = icat_schema_lookup ("mandate");
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatCoverageLine *row = g_new0 (IcatCoverageLine, 1);
      g_autoptr(JsonObject) record = json_object_new ();
      const char *document = (const char *) sqlite3_column_text (stmt, 1);
      const char *paragraph = (const char *) sqlite3_column_text (stmt, 2);

      json_object_set_string_member (record, "document", document);
      json_object_set_string_member (record, "paragraph", paragraph);
      row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->label = icat_record_title (kind, record);
      row->pillar = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->for_icat = icat_mandate_addresses_icat (document, paragraph);
      g_hash_table_insert (row_of, row->id, GUINT_TO_POINTER (coverage->rows->len));
      g_ptr_array_add (coverage->rows, row);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

static void
add_column (IcatCoverage *coverage,
            GHashTable   *column_of,
            const char   *id,
            const char   *label)
{
  IcatCoverageLine *column = g_new0 (IcatCoverageLine, 1);

  column->id = g_strdup (id);
  column->label = g_strdup (label);
  g_hash_table_insert (column_of, column->id, GUINT_TO_POINTER (coverage->columns->len));
  g_ptr_array_add (coverage->columns, column);
}

static gboolean
agency_is_former (IcatDb     *db,
                  const char *id,
                  const char *today)
{
  g_autoptr(JsonObject) agency = icat_record_io_read (db, icat_schema_lookup ("agency"), id, NULL);

  return icat_agency_is_former (agency, today);
}

/* Agencies that are or were members, partners or coordinator: the ones
 * that can own work. Current members come first, since new work goes to
 * them; a former member's column is dropped later if it has no work. */
static gboolean
load_agency_columns (IcatDb        *db,
                     IcatCoverage  *coverage,
                     GHashTable    *column_of,
                     GError       **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT a.id, a.acronym FROM agency a WHERE EXISTS "
                                        "(SELECT 1 FROM agency_memberships m WHERE m.parent_id = a.id) "
                                        "ORDER BY a.acronym COLLATE NOCASE, a.id", error);
  g_autofree char *today = icat_today_string ();
  g_autoptr(GPtrArray) former = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *acronym = (const char *) sqlite3_column_text (stmt, 1);

      if (agency_is_former (db, id, today))
        {
          g_ptr_array_add (former, g_strdup (id));
          g_ptr_array_add (former, g_strdup (acronym));
        }
      else
        add_column (coverage, column_of, id, acronym);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i + 1 < former->len; i += 2)
    {
      add_column (coverage, column_of, former->pdata[i], former->pdata[i + 1]);
      ((IcatCoverageLine *) g_ptr_array_index (coverage->columns, coverage->columns->len - 1))->former = TRUE;
    }
  return TRUE;
}

static gboolean
column_has_work (IcatCoverage *coverage,
                 guint         column)
{
  for (guint row = 0; row < coverage->rows->len; row++)
    if (coverage->counts[row * coverage->columns->len + column] > 0)
      return TRUE;
  return FALSE;
}

/* A former member without work would be an empty column nobody can fill;
 * one with work keeps it, so no counted work is hidden. */
static void
drop_idle_former_columns (IcatCoverage *coverage)
{
  guint n_old = coverage->columns->len;
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (1, n_old));
  guint n_new = 0;
  guint *counts;

  for (guint c = 0; c < n_old; c++)
    {
      keep[c] = !((IcatCoverageLine *) coverage->columns->pdata[c])->former || column_has_work (coverage, c);
      n_new += keep[c];
    }
  if (n_new == n_old)
    return;
  counts = g_new0 (guint, MAX (1, coverage->rows->len * n_new));
  for (guint row = 0; row < coverage->rows->len; row++)
    for (guint c = 0, kept = 0; c < n_old; c++)
      if (keep[c])
        counts[row * n_new + kept++] = coverage->counts[row * n_old + c];
  g_free (coverage->counts);
  coverage->counts = counts;
  for (guint c = n_old; c > 0; c--)
    if (!keep[c - 1])
      g_ptr_array_remove_index (coverage->columns, c - 1);
}

static void
count_row_state (IcatCoverageLine *row,
                 const char       *status,
                 guint             count)
{
  if (g_strcmp0 (status, "done") == 0)
    row->completed += count;
  else if (g_strcmp0 (status, "cancelled") != 0)
    row->open += count;
}

static gboolean
fill_counts (IcatDb            *db,
             IcatCoverage      *coverage,
             IcatCoverageAxis   axis,
             GHashTable        *row_of,
             GHashTable        *column_of,
             GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, axis == ICAT_COVERAGE_BY_AGENCY ? by_agency_sql : by_status_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row_index, column_index;
      guint count = (guint) sqlite3_column_int64 (stmt, 2);
      guint *cell;

      if (!g_hash_table_lookup_extended (row_of, sqlite3_column_text (stmt, 0), NULL, &row_index) ||
          !g_hash_table_lookup_extended (column_of, sqlite3_column_text (stmt, 1), NULL, &column_index))
        continue;
      cell = &coverage->counts[GPOINTER_TO_UINT (row_index) * coverage->columns->len + GPOINTER_TO_UINT (column_index)];
      *cell += count;
      coverage->max_count = MAX (coverage->max_count, *cell);
      if (axis == ICAT_COVERAGE_BY_STATUS)
        count_row_state (coverage->rows->pdata[GPOINTER_TO_UINT (row_index)],
                         (const char *) sqlite3_column_text (stmt, 1), count);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

/* By agency, a row's open and completed work come from the status query. */
static gboolean
fill_row_states (IcatDb        *db,
                 IcatCoverage  *coverage,
                 GHashTable    *row_of,
                 GError       **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, by_status_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row_index;

      if (g_hash_table_lookup_extended (row_of, sqlite3_column_text (stmt, 0), NULL, &row_index))
        count_row_state (coverage->rows->pdata[GPOINTER_TO_UINT (row_index)],
                         (const char *) sqlite3_column_text (stmt, 1), (guint) sqlite3_column_int64 (stmt, 2));
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

IcatCoverage *
icat_coverage_compute (IcatDb           *db,
                       IcatCoverageAxis  axis,
                       GError          **error)
{
  g_autoptr(IcatCoverage) coverage = g_new0 (IcatCoverage, 1);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_str_hash, g_str_equal);

  coverage->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  coverage->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  if (!load_rows (db, coverage, row_of, error))
    return NULL;
  if (axis == ICAT_COVERAGE_BY_AGENCY)
    {
      if (!load_agency_columns (db, coverage, column_of, error))
        return NULL;
    }
  else
    for (guint i = 0; work_statuses[i] != NULL; i++)
      add_column (coverage, column_of, work_statuses[i], icat_format_enum ("status", work_statuses[i]));

  coverage->counts = g_new0 (guint, MAX (1, coverage->rows->len * coverage->columns->len));
  if (!fill_counts (db, coverage, axis, row_of, column_of, error))
    return NULL;
  if (axis == ICAT_COVERAGE_BY_AGENCY && !fill_row_states (db, coverage, row_of, error))
    return NULL;
  if (axis == ICAT_COVERAGE_BY_AGENCY)
    drop_idle_former_columns (coverage);
  return g_steal_pointer (&coverage);
}
