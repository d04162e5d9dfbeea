/* icat-check.c — integrity and consistency of a database
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `icat-tracker-cli check` reports: damage SQLite can see, broken
 * references, records that no longer pass the exchange format's rules (a
 * file edited by another tool), and facts that contradict each other.
 */
#define G_LOG_DOMAIN "icat-check"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-store.h"
#include "icat-validate.h"

typedef struct {
  const char *sql;
  const char *message;  /* printf format with one %s: the query's first column */
} Rule;

static gboolean
report_rows (IcatDb      *db,
             const char  *sql,
             const char  *message,
             GPtrArray   *problems,
             GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      /* message is one of the translated formats in the rules below. */
      g_ptr_array_add (problems, g_strdup_printf (message, value ? value : ""));
#pragma GCC diagnostic pop
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

static gboolean
check_integrity (IcatDb     *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The database file is damaged: %s"), line));
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  return report_rows (db, "SELECT \"table\" || ' row ' || rowid || ' → ' || parent FROM pragma_foreign_key_check",
                      _("A reference points at a missing record: %s"), problems, error);
}

/* Each record, read back, must still pass the format's rules. */
static gboolean
check_records (IcatDb     *db,
               GPtrArray  *problems,
               GError    **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], error);

      if (ids == NULL)
        return FALSE;

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(JsonObject) record = icat_record_io_read (db, kinds[k], ids->pdata[i], error);
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autoptr(IcatValidation) validation = icat_validation_new ();
          g_autoptr(JsonObject) checked = NULL;
          g_autoptr(GError) invalid = NULL;
          g_autofree char *path = g_strdup_printf ("%s %s", kinds[k]->name, (const char *) ids->pdata[i]);

          if (record == NULL)
            return FALSE;
          json_node_set_object (node, record);
          checked = icat_validate_record (kinds[k], node, path, validation, &invalid);
          if (checked == NULL)
            g_ptr_array_add (problems, g_strdup (invalid->message));
        }
    }
  return TRUE;
}

/* A database with no records at all lacks even the built-in agencies and
 * mandates every new database starts with: worth saying, since the app
 * would show nothing and nothing would say why. */
static gboolean
check_not_empty (IcatDb     *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  int rc;

  for (guint k = 0; k < n_kinds; k++)
    g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM \"%s\")", k > 0 ? " OR " : "", kinds[k]->name);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
    g_ptr_array_add (problems,
                     g_strdup (_("The database holds no records at all, not even the built-in agencies and mandates. "
                                 "Restore a backup with “import --replace”, or start a new database to get the built-in data.")));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : icat_db_fail (db, rc, error);
}

static GPtrArray *
check_all (IcatDb  *db,
           GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const Rule rules[] = {
    { "SELECT year FROM chair_term GROUP BY year HAVING count(*) > 1",
      _("More than one chair term is recorded for %s.") },
    { "SELECT t.year FROM chair_term t WHERE (SELECT count(*) FROM chair_term_agencies a WHERE a.owner_id = t.id) NOT BETWEEN 1 AND 2",
      _("The chair term of %s must name one chair or two co-chairs.") },
    { "SELECT document || ' ' || paragraph FROM mandate GROUP BY document, paragraph HAVING count(*) > 1",
      _("The mandate %s is recorded more than once.") },
    { "SELECT id FROM meeting WHERE ends_at IS NOT NULL AND ends_at < starts_at",
      _("The meeting %s ends before it starts.") },
    /* julianday() reads both timestamps; an end a day and a minute after the
     * start is kept as typed but is more often a wrong date than a retreat. */
    { "SELECT id FROM meeting WHERE ends_at IS NOT NULL AND NOT multi_day "
      "AND julianday (ends_at) - julianday (starts_at) > 1.0",
      /* Translators: %s is a meeting's id. */
      _("The meeting %s ends more than 24 hours after it starts but is not marked as lasting several days.") },
    /* Reopening keeps the day of the approval; without it the record
     * says it was reopened from an approval nobody recorded. */
    { "SELECT id FROM meeting WHERE reopened_on IS NOT NULL AND approved_on IS NULL",
      /* Translators: %s is a meeting's id. */
      _("The meeting record %s is marked reopened but has no date of approval.") },
    { "SELECT i.id FROM action_item i WHERE i.agenda_item IS NOT NULL AND NOT EXISTS "
      "(SELECT 1 FROM meeting_agenda a WHERE a.id = i.agenda_item AND a.parent_id = i.meeting)",
      _("The action item %s names an agenda item of another meeting.") },
    { "SELECT year FROM work_plan GROUP BY year HAVING count(*) > 1",
      _("More than one work plan is recorded for %s.") },
    { "SELECT year FROM work_plan WHERE status = 'endorsed' AND endorsed_on IS NULL",
      _("The work plan of %s is marked endorsed but has no date of endorsement.") },
    /* Clearance is asked of the agencies that write the paper; a row for
     * another agency is more often one removed from the paper since. */
    { "SELECT c.parent_id || ' (' || coalesce (a.acronym, c.agency) || ')' FROM paper_clearances c "
      "LEFT JOIN agency a ON a.id = c.agency WHERE "
      "NOT EXISTS (SELECT 1 FROM paper_lead_agencies l WHERE l.owner_id = c.parent_id AND l.target_id = c.agency) AND "
      "NOT EXISTS (SELECT 1 FROM paper_contributing_agencies t WHERE t.owner_id = c.parent_id AND t.target_id = c.agency)",
      /* Translators: %s is a paper's id and an agency's acronym: "… (UNODC)" */
      _("The paper %s has a clearance from an agency that neither leads nor contributes to it.") },
    { "SELECT c.parent_id || ' (' || coalesce (a.acronym, c.agency) || ')' FROM paper_clearances c "
      "LEFT JOIN agency a ON a.id = c.agency WHERE c.state = 'objected' AND trim (coalesce (c.note, '')) = ''",
      /* Translators: %s is a paper's id and an agency's acronym: "… (UNODC)" */
      _("The objection to the paper %s says nothing of why: its note is empty.") },
    { "SELECT acronym FROM agency GROUP BY acronym HAVING count(*) > 1",
      _("The acronym %s is used by more than one agency.") },
    { "SELECT 'search' WHERE (SELECT count(*) FROM search_doc) != "
      "(SELECT (SELECT count(*) FROM agency) + (SELECT count(*) FROM chair_term) + (SELECT count(*) FROM meeting) + "
      "(SELECT count(*) FROM paper) + (SELECT count(*) FROM mandate) + (SELECT count(*) FROM action_item) + "
      "(SELECT count(*) FROM work_plan))",
      _("The search index does not cover every record (%s); exporting and importing with --replace rebuilds it.") },
  };

  if (!check_integrity (db, problems, error) ||
      !check_not_empty (db, problems, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!report_rows (db, rules[i].sql, rules[i].message, problems, error))
      return NULL;
  if (!check_records (db, problems, error))
    return NULL;
  return g_steal_pointer (&problems);
}

GPtrArray *
icat_check_database (IcatDb  *db,
                     GError **error)
{
  GPtrArray *problems;

  /* The rules compare tables: they must see one state of the file. */
  if (!icat_db_begin_snapshot (db, error))
    return NULL;
  problems = check_all (db, error);
  icat_db_end_snapshot (db);
  return problems;
}

GPtrArray *
icat_store_check (IcatStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  return icat_check_database (_icat_store_get_read_db (self), error);
}
