/* icat-export-csv.c — action items as a spreadsheet (RFC 4180 CSV)
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query reads the rows with their owner, meeting and agenda item joined
 * in, and one more per list (supporting agencies, mandates, focal points)
 * reads that list for every item at once; meetings and mandates are
 * labelled once each. 100,000 items cost a few queries, not 100,000.
 */
#define G_LOG_DOMAIN "icat-export-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icat-error.h"
#include "icat-export.h"
#include "icat-export-private.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"

/* Each query comes in two forms: for every action item, and for those due
 * in [?1, ?2) — "2016" to "2017". Dates are text ("2016", "2016-03",
 * "2016-03-31") and each of them sorts between "2016" and "2017", so the
 * due-date index finds a year's items. (One form with "?1 IS NULL OR …"
 * would scan every item even for one year.) */
typedef struct {
  const char *all;
  const char *year;
} YearQuery;

#define DUE_IN_YEAR " WHERE i.due >= ?1 AND i.due < ?2"

/* Items without a due date come last; rowid is not used, so the order does
 * not depend on how the database was filled. */
#define ACTION_ITEMS_SELECT \
  "SELECT i.id, i.title, o.acronym, i.owner, i.starts, i.due, i.status, i.priority, " \
  "  m.id, m.title, m.starts_at, m.date_precision, m.timezone, " \
  "  g.title, i.description, i.completion_note " \
  "FROM action_item i " \
  "JOIN agency o ON o.id = i.owner " \
  "LEFT JOIN meeting m ON m.id = i.meeting " \
  "LEFT JOIN meeting_agenda g ON g.id = i.agenda_item"
#define ACTION_ITEMS_ORDER " ORDER BY i.due IS NULL, i.due, i.title, i.id"

static const YearQuery action_items_query = {
  ACTION_ITEMS_SELECT ACTION_ITEMS_ORDER,
  ACTION_ITEMS_SELECT DUE_IN_YEAR ACTION_ITEMS_ORDER,
};

/* The lists, each read for every item in one pass: a subquery per row
 * would sort once per row (seconds for 100,000 items). */
static const YearQuery supporting_query = {
  "SELECT s.owner_id, a.acronym FROM action_item_supporting s JOIN agency a ON a.id = s.target_id "
  "ORDER BY s.owner_id, s.position, s.target_id",
  "SELECT s.owner_id, a.acronym FROM action_item i JOIN action_item_supporting s ON s.owner_id = i.id "
  "JOIN agency a ON a.id = s.target_id" DUE_IN_YEAR " ORDER BY s.owner_id, s.position, s.target_id",
};

static const YearQuery mandates_query = {
  "SELECT s.owner_id, s.target_id FROM action_item_mandates s ORDER BY s.owner_id, s.position, s.target_id",
  "SELECT s.owner_id, s.target_id FROM action_item i JOIN action_item_mandates s ON s.owner_id = i.id"
  DUE_IN_YEAR " ORDER BY s.owner_id, s.position, s.target_id",
};

#define FOCAL_POINTS_SQL \
  "SELECT parent_id, name || coalesce (', ' || nullif (email, ''), '') || coalesce (', ' || nullif (phone, ''), '') " \
  "FROM agency_focal_points ORDER BY parent_id, seq, id"

static const YearQuery focal_points_query = { FOCAL_POINTS_SQL, FOCAL_POINTS_SQL };

enum {
  COL_ID,
  COL_TITLE,
  COL_OWNER,
  COL_OWNER_ID,
  COL_STARTS,
  COL_DUE,
  COL_STATUS,
  COL_PRIORITY,
  COL_MEETING_ID,
  COL_MEETING_TITLE,
  COL_MEETING_STARTS_AT,
  COL_MEETING_PRECISION,
  COL_MEETING_TIMEZONE,
  COL_AGENDA_ITEM,
  COL_DESCRIPTION,
  COL_COMPLETION_NOTE,
};

typedef struct {
  int         year;
  gboolean    contacts;
  gboolean    raw;             /* cells as stored, even those that look like formulas */
  GHashTable *mandate_labels;  /* mandate id → label */
  GHashTable *meeting_labels;  /* meeting id → label, filled as rows name them */
  GHashTable *supporting;      /* action item id → "IOM; UNHCR" */
  GHashTable *mandates;        /* action item id → "A/RES/72/195, para. 10; …" */
  GHashTable *focal_points;    /* agency id → "Name, e-mail, phone; …" (only with contacts) */
} CsvExport;

static void
csv_export_clear (CsvExport *export)
{
  g_clear_pointer (&export->mandate_labels, g_hash_table_unref);
  g_clear_pointer (&export->meeting_labels, g_hash_table_unref);
  g_clear_pointer (&export->supporting, g_hash_table_unref);
  g_clear_pointer (&export->mandates, g_hash_table_unref);
  g_clear_pointer (&export->focal_points, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvExport, csv_export_clear)

static GHashTable *
string_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static sqlite3_stmt *
prepare_for_year (IcatDb           *db,
                  const YearQuery  *query,
                  int               year,
                  GError          **error)
{
  return _icat_export_prepare_for_year (db, year != 0 ? query->year : query->all, year, error);
}

/* A spreadsheet runs a cell starting with one of these as a formula: an
 * imported title "=HYPERLINK(…)" would become a live link (CSV injection). */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* RFC 4180: a field holding a comma, a quote, CR or LF is quoted, and its
 * quotes are doubled. Unless raw, a cell that looks like a formula starts
 * with an apostrophe, as OWASP recommends: spreadsheets then show it as
 * text, and hide the apostrophe. */
static void
append_field (GString    *out,
              const char *text,
              gboolean    first,
              gboolean    raw)
{
  gboolean neutralise;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  neutralise = !raw && looks_like_formula (text);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      if (neutralise)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

/* Mandates are labelled as everywhere else in the app ("A/RES/72/195,
 * para. 10"), by the core's record title. */
static gboolean
load_mandate_labels (IcatDb      *db,
                     GHashTable  *labels,
                     GError     **error)
{
  const IcatKind *kind = icat_schema_lookup ("mandate");
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT id, document, paragraph FROM mandate", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) mandate = json_object_new ();

      json_object_set_string_member (mandate, "document", column_text (stmt, 1));
      json_object_set_string_member (mandate, "paragraph", column_text (stmt, 2));
      g_hash_table_insert (labels, g_strdup (column_text (stmt, 0)), icat_record_title (kind, mandate));
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

/* Rows of (key, value), in order, into key → "value; value; …"; values
 * found in labels are replaced by their label. */
static gboolean
load_lists (IcatDb           *db,
            const YearQuery  *query,
            int               year,
            GHashTable       *labels,
            GHashTable       *into,
            GError          **error)
{
  sqlite3_stmt *stmt = prepare_for_year (db, query, year, error);
  g_autofree char *key = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Rows come grouped by key: each list is finished when the key changes. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = column_text (stmt, 1);
      const char *label = labels ? g_hash_table_lookup (labels, value) : NULL;

      if (key != NULL && strcmp (key, column_text (stmt, 0)) != 0)
        {
          g_hash_table_insert (into, g_steal_pointer (&key), g_strdup (list->str));
          g_string_truncate (list, 0);
        }
      if (key == NULL)
        key = g_strdup (column_text (stmt, 0));
      /* "; " in every language, unlike the documents' lists
       * (icat_list_separator ()): a spreadsheet splits the cell with one
       * fixed delimiter ("Text to Columns", TEXTSPLIT), so the same
       * formula reads a file exported in Arabic, Chinese or English. */
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", label ? label : value);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  if (key != NULL)
    g_hash_table_insert (into, g_steal_pointer (&key), g_strdup (list->str));
  return TRUE;
}

static gboolean
csv_export_load (CsvExport  *export,
                 IcatDb     *db,
                 GError    **error)
{
  export->mandate_labels = string_table_new ();
  export->meeting_labels = string_table_new ();
  export->supporting = string_table_new ();
  export->mandates = string_table_new ();
  export->focal_points = string_table_new ();

  return load_mandate_labels (db, export->mandate_labels, error) &&
         load_lists (db, &supporting_query, export->year, NULL, export->supporting, error) &&
         load_lists (db, &mandates_query, export->year, export->mandate_labels, export->mandates, error) &&
         (!export->contacts || load_lists (db, &focal_points_query, 0, NULL, export->focal_points, error));
}

/* "Working Group · 14 March 2016", as the action item editor names a meeting. */
static const char *
meeting_label (CsvExport    *export,
               sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, COL_MEETING_ID);
  g_autoptr(JsonNode) title = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  g_autofree char *when = NULL;
  char *label;

  if (id == NULL)
    return NULL;
  label = g_hash_table_lookup (export->meeting_labels, id);
  if (label != NULL)
    return label;

  title = json_from_string (column_text (stmt, COL_MEETING_TITLE), NULL);
  meeting = json_object_new ();
  json_object_set_string_member (meeting, "starts_at", column_text (stmt, COL_MEETING_STARTS_AT));
  json_object_set_string_member (meeting, "date_precision", column_text (stmt, COL_MEETING_PRECISION));
  json_object_set_string_member (meeting, "timezone", column_text (stmt, COL_MEETING_TIMEZONE));
  when = icat_format_meeting_when (meeting);
  /* Translators: a meeting in a list: title · date */
  label = g_strdup_printf (_("%s · %s"),
                           title && JSON_NODE_HOLDS_OBJECT (title) ? icat_localized_pick (json_node_get_object (title)) : "",
                           when);
  g_hash_table_insert (export->meeting_labels, g_strdup (id), label);
  return label;
}

static void
append_header (GString   *out,
               CsvExport *export)
{
  const char *headers[] = {
    _("Title"), _("Owner"), _("Owner’s focal points"), _("Supporting agencies"), _("Starts"), _("Due"),
    _("Status"), _("Priority"), _("Meeting"), _("Agenda item"), _("Mandates"), _("Description"),
    _("Completion note"), _("ID"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (i != 2 || export->contacts)
      append_field (out, headers[i], i == 0, export->raw);
  end_row (out);
}

static void
append_row (GString      *out,
            CsvExport    *export,
            sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, COL_ID);
  const char *priority = column_text (stmt, COL_PRIORITY);

  append_field (out, column_text (stmt, COL_TITLE), TRUE, export->raw);
  append_field (out, column_text (stmt, COL_OWNER), FALSE, export->raw);
  if (export->contacts)
    append_field (out, g_hash_table_lookup (export->focal_points, column_text (stmt, COL_OWNER_ID)), FALSE, export->raw);
  append_field (out, g_hash_table_lookup (export->supporting, id), FALSE, export->raw);
  append_field (out, column_text (stmt, COL_STARTS), FALSE, export->raw);
  append_field (out, column_text (stmt, COL_DUE), FALSE, export->raw);
  append_field (out, icat_format_enum ("status", column_text (stmt, COL_STATUS)), FALSE, export->raw);
  /* The format says an absent priority is normal. */
  append_field (out, icat_format_enum ("priority", priority ? priority : "normal"), FALSE, export->raw);
  append_field (out, meeting_label (export, stmt), FALSE, export->raw);
  append_field (out, column_text (stmt, COL_AGENDA_ITEM), FALSE, export->raw);
  append_field (out, g_hash_table_lookup (export->mandates, id), FALSE, export->raw);
  append_field (out, column_text (stmt, COL_DESCRIPTION), FALSE, export->raw);
  append_field (out, column_text (stmt, COL_COMPLETION_NOTE), FALSE, export->raw);
  append_field (out, id, FALSE, export->raw);
  end_row (out);
}

GBytes *
icat_export_action_items_csv (IcatDb          *db,
                              int              year,
                              IcatExportFlags  flags,
                              GError         **error)
{
  g_auto(CsvExport) export = {
    .year = year,
    .contacts = (flags & ICAT_EXPORT_INCLUDE_CONTACTS) != 0,
    .raw = (flags & ICAT_EXPORT_RAW) != 0,
  };
  g_autoptr(GString) out = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (year == 0 || (year > 0 && year < 9999), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!csv_export_load (&export, db, error))
    return NULL;
  stmt = prepare_for_year (db, &action_items_query, year, error);
  if (stmt == NULL)
    return NULL;

  out = g_string_new (NULL);
  if (flags & ICAT_EXPORT_BOM)
    g_string_append (out, "\xef\xbb\xbf");
  append_header (out, &export);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_row (out, &export, stmt);
  if (!icat_db_end_rows (db, stmt, rc, error))
    {
      return NULL;
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
