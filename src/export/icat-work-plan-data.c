/* icat-work-plan-data.c — gathering the activities of a year
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A handful of queries over indexed columns, one row per activity, so a
 * plan of thousands of activities is read in a few milliseconds.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icat-error.h"
#include "icat-export-private.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-today.h"
#include "icat-work-plan-data.h"

/* 72/195 first, then the Plan, ECOSOC and the Conference of the Parties;
 * paragraphs in the documents' order (as the Mandates list sorts them). */
#define MANDATE_ORDER \
  "CASE document WHEN 'A/RES/72/195' THEN 0 WHEN 'A/RES/64/293' THEN 1 WHEN 'E/RES/2015/23' THEN 2 ELSE 3 END, " \
  "CASE WHEN paragraph GLOB 'annex *' THEN 1000 + CAST (substr (paragraph, 7) AS INTEGER) " \
  "ELSE CAST (paragraph AS INTEGER) END"

static void
mandate_info_free (IcatMandateInfo *mandate)
{
  g_free (mandate->id);
  g_free (mandate->label);
  g_free (mandate->summary);
  g_free (mandate->pillar);
  g_free (mandate);
}

static void
activity_free (IcatActivity *activity)
{
  g_free (activity->title);
  g_free (activity->type_label);
  g_free (activity->lead);
  g_free (activity->start);
  g_free (activity->end);
  g_free (activity->status_label);
  g_ptr_array_unref (activity->mandates);
  g_ptr_array_unref (activity->lead_ids);
  g_free (activity);
}

void
icat_work_plan_data_free (IcatWorkPlanData *data)
{
  if (data == NULL)
    return;
  g_free (data->status);
  g_free (data->endorsed_on);
  g_free (data->endorsed_at_title);
  g_free (data->chairs);
  g_free (data->working_group);
  g_clear_pointer (&data->activities, g_ptr_array_unref);
  g_clear_pointer (&data->mandates, g_hash_table_unref);
  g_free (data);
}

const char *
icat_activity_type_label (IcatActivityType type)
{
  switch (type)
    {
    case ICAT_ACTIVITY_ACTION_ITEM:
      return _("Action item");
    case ICAT_ACTIVITY_PAPER:
      return _("Paper");
    case ICAT_ACTIVITY_MEETING:
      return _("Meeting");
    case ICAT_ACTIVITY_RECURRING:
    default:
      return _("Recurring date");
    }
}

static IcatActivity *
activity_new (IcatActivityType type)
{
  IcatActivity *activity = g_new0 (IcatActivity, 1);

  activity->type = type;
  activity->mandates = g_ptr_array_new ();
  activity->lead_ids = g_ptr_array_new_with_free_func (g_free);
  return activity;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* ids: the lead agencies' ids separated by spaces, or NULL. */
static void
add_lead_ids (IcatActivity *activity,
              const char   *ids)
{
  g_auto(GStrv) split = NULL;

  if (ids == NULL)
    return;
  split = g_strsplit (ids, " ", -1);
  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (activity->lead_ids, g_strdup (split[i]));
}

static gboolean
load_mandates (IcatWorkPlanData  *data,
               GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (data->db, "SELECT id, document, paragraph, text, pillar FROM mandate ORDER BY "
                                        MANDATE_ORDER, error);
  const IcatKind *kind = icat_schema_lookup ("mandate");
  guint order = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatMandateInfo *mandate = g_new0 (IcatMandateInfo, 1);
      g_autoptr(JsonObject) record = json_object_new ();

      json_object_set_string_member (record, "document", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (record, "paragraph", (const char *) sqlite3_column_text (stmt, 2));
      mandate->id = column_text (stmt, 0);
      mandate->label = icat_record_title (kind, record);
      mandate->summary = _icat_export_column_localized (stmt, 3);
      mandate->pillar = column_text (stmt, 4);
      mandate->order = order++;
      g_hash_table_insert (data->mandates, mandate->id, mandate);
    }
  return icat_db_end_rows (data->db, stmt, rc, error);
}

static IcatMandateInfo *
find_mandate (IcatWorkPlanData *data,
              const char       *document,
              const char       *paragraph)
{
  g_autoptr(JsonObject) record = json_object_new ();
  g_autofree char *label = NULL;
  GHashTableIter iter;
  IcatMandateInfo *mandate;

  json_object_set_string_member (record, "document", document);
  json_object_set_string_member (record, "paragraph", paragraph);
  label = icat_record_title (icat_schema_lookup ("mandate"), record);
  g_hash_table_iter_init (&iter, data->mandates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mandate))
    if (g_strcmp0 (mandate->label, label) == 0)
      return mandate;
  return NULL;
}

/* The mandates of the record in column 0 of row, through a link table
 * named by the schema (never by user input). On failure row is reset, so
 * the caller can stop stepping through it. */
static gboolean
link_mandates (IcatWorkPlanData  *data,
               IcatActivity      *activity,
               const char        *sql,
               sqlite3_stmt      *row,
               GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (data->db, sql, error);
  int rc;

  if (stmt == NULL)
    {
      sqlite3_reset (row);
      return FALSE;
    }
  icat_bind_text (stmt, 1, (const char *) sqlite3_column_text (row, 0));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatMandateInfo *mandate = g_hash_table_lookup (data->mandates, sqlite3_column_text (stmt, 0));

      if (mandate != NULL && !g_ptr_array_find (activity->mandates, mandate, NULL))
        g_ptr_array_add (activity->mandates, mandate);
    }
  if (!icat_db_end_rows (data->db, stmt, rc, error))
    {
      sqlite3_reset (row);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_plan_record (IcatWorkPlanData  *data,
                  GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (data->db,
                                        "SELECT w.status, w.endorsed_on, m.title FROM work_plan w "
                                        "LEFT JOIN meeting m ON m.id = w.endorsed_at WHERE w.year = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      data->status = column_text (stmt, 0);
      data->endorsed_on = column_text (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        data->endorsed_at_title = _icat_export_column_localized (stmt, 2);
    }
  if (data->status == NULL)
    data->status = g_strdup ("draft");
  /* One plan a year: a row is as good as the end. */
  return icat_db_end_rows (data->db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

static gboolean
load_chairs (IcatWorkPlanData  *data,
             GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (data->db,
                                        "SELECT a.acronym, a.name FROM chair_term t "
                                        "JOIN chair_term_agencies l ON l.owner_id = t.id "
                                        "JOIN agency a ON a.id = l.target_id WHERE t.year = ? ORDER BY l.position, l.target_id", error);
  g_autoptr(GString) chairs = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = _icat_export_column_localized (stmt, 1);

      if (chairs->len > 0)
        g_string_append (chairs, "\n");
      g_string_append_printf (chairs, "%s — %s", sqlite3_column_text (stmt, 0), name);
      data->n_chairs++;
    }
  if (chairs->len > 0)
    data->chairs = g_string_free (g_steal_pointer (&chairs), FALSE);
  return icat_db_end_rows (data->db, stmt, rc, error);
}

static gboolean
load_working_group (IcatWorkPlanData  *data,
                    GError           **error)
{
  /* Membership dates may be partial: "2013" or "2013-05" both start in 2013. */
  sqlite3_stmt *stmt = icat_db_prepare (data->db,
                                        "SELECT DISTINCT a.acronym FROM agency a JOIN agency_memberships m ON m.parent_id = a.id "
                                        "WHERE m.role = 'working-group' AND m.\"from\" <= ?1 || '-12-31' "
                                        "AND (m.\"to\" IS NULL OR m.\"to\" >= ?1) ORDER BY a.acronym COLLATE NOCASE", error);
  g_autofree char *year = g_strdup_printf ("%d", data->year);
  g_autoptr(GString) members = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (members->len > 0)
        g_string_append (members, ", ");
      g_string_append (members, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (members->len > 0)
    data->working_group = g_string_free (g_steal_pointer (&members), FALSE);
  return icat_db_end_rows (data->db, stmt, rc, error);
}

static gboolean
load_action_items (IcatWorkPlanData  *data,
                   const char        *today,
                   GError           **error)
{
  sqlite3_stmt *stmt = _icat_export_prepare_for_year (data->db,
                                                      "SELECT t.id, t.title, a.acronym, t.starts, t.due, t.status, t.owner FROM action_item t "
                                                      "JOIN agency a ON a.id = t.owner "
                                                      "WHERE (t.due >= ?1 AND t.due < ?2) OR (t.starts >= ?1 AND t.starts < ?2) "
                                                      "OR (t.starts < ?1 AND t.due >= ?2) "
                                                      "ORDER BY coalesce (t.starts, t.due), t.title, t.id",
                                                      data->year, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatActivity *activity = activity_new (ICAT_ACTIVITY_ACTION_ITEM);
      const char *status = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *due_end = NULL;
      gboolean open = g_strv_contains ((const char * const[]) { "open", "in-progress", "blocked", NULL }, status);

      activity->title = column_text (stmt, 1);
      activity->type_label = g_strdup (icat_activity_type_label (activity->type));
      activity->lead = column_text (stmt, 2);
      activity->start = column_text (stmt, 3);
      activity->end = column_text (stmt, 4);
      g_ptr_array_add (activity->lead_ids, column_text (stmt, 6));
      /* A due date of "2026-11" is due by the end of November: '~' sorts
       * after every digit and dash. */
      due_end = activity->end != NULL ? g_strconcat (activity->end, "~", NULL) : NULL;
      activity->overdue = open && due_end != NULL && strcmp (due_end, today) < 0;
      activity->muted = !open;
      activity->status_label = activity->overdue
        /* Translators: an action item's status in the work plan, e.g. "Open, overdue" */
        ? g_strdup_printf (_("%s, overdue"), icat_format_enum ("status", status))
        : g_strdup (icat_format_enum ("status", status));
      g_ptr_array_add (data->activities, activity);
      data->n_action_items++;
      if (!link_mandates (data, activity, "SELECT target_id FROM action_item_mandates WHERE owner_id = ? ORDER BY position, target_id",
                          stmt, error))
        return FALSE;
    }
  return icat_db_end_rows (data->db, stmt, rc, error);
}

static gboolean
load_papers (IcatWorkPlanData  *data,
             GError           **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (data->db,
                                        "SELECT t.id, t.title, t.kind, t.status, t.published_on, t.target_date, t.year, "
                                        "(SELECT group_concat (a.acronym, ', ') FROM paper_lead_agencies l "
                                        " JOIN agency a ON a.id = l.target_id WHERE l.owner_id = t.id), "
                                        "(SELECT group_concat (l.target_id, ' ') FROM paper_lead_agencies l WHERE l.owner_id = t.id) "
                                        "FROM paper t WHERE t.year = ?1 OR substr (t.published_on, 1, 4) = ?2 "
                                        "OR substr (t.target_date, 1, 4) = ?2 "
                                        "ORDER BY coalesce (t.published_on, t.target_date, t.year), t.id", error);
  g_autofree char *year = g_strdup_printf ("%d", data->year);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->year);
  icat_bind_text (stmt, 2, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatActivity *activity = activity_new (ICAT_ACTIVITY_PAPER);
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *lead_ids = column_text (stmt, 8);

      activity->title = _icat_export_column_localized (stmt, 1);
      activity->type_label = g_strdup (icat_format_enum ("kind", (const char *) sqlite3_column_text (stmt, 2)));
      activity->lead = column_text (stmt, 7);
      activity->end = column_text (stmt, 4);
      if (activity->end == NULL)
        activity->end = column_text (stmt, 5);
      if (activity->end == NULL)
        activity->end = column_text (stmt, 6);
      activity->status_label = g_strdup (icat_format_enum ("status", status));
      add_lead_ids (activity, lead_ids);
      g_ptr_array_add (data->activities, activity);
      data->n_papers++;
      if (!link_mandates (data, activity, "SELECT target_id FROM paper_mandates WHERE owner_id = ? ORDER BY position, target_id",
                          stmt, error))
        return FALSE;
    }
  return icat_db_end_rows (data->db, stmt, rc, error);
}

/* The day (or month, or year) a meeting starts, in its venue's time zone. */
static char *
meeting_date (const char *starts_at,
              const char *zone_name,
              const char *precision)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GTimeZone) zone = zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = zone != NULL ? g_date_time_to_timezone (utc, zone) : g_date_time_ref (utc);
  if (g_strcmp0 (precision, "year") == 0)
    return g_date_time_format (local, "%Y");
  if (g_strcmp0 (precision, "month") == 0)
    return g_date_time_format (local, "%Y-%m");
  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
load_meetings (IcatWorkPlanData  *data,
               const char        *now,
               GError           **error)
{
  sqlite3_stmt *stmt = _icat_export_prepare_for_year (data->db,
                                                      "SELECT t.id, t.title, t.kind, t.starts_at, t.ends_at, t.timezone, t.date_precision, "
                                                      "coalesce ((SELECT group_concat (a.acronym, ', ') FROM meeting_chairs l "
                                                      "  JOIN agency a ON a.id = l.target_id WHERE l.owner_id = t.id), "
                                                      "  (SELECT a.acronym FROM agency a WHERE a.id = t.host)), "
                                                      "coalesce ((SELECT group_concat (l.target_id, ' ') FROM meeting_chairs l WHERE l.owner_id = t.id), t.host) "
                                                      "FROM meeting t WHERE t.starts_at >= ?1 AND t.starts_at < ?2 ORDER BY t.starts_at, t.id",
                                                      data->year, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatActivity *activity = activity_new (ICAT_ACTIVITY_MEETING);
      const char *starts_at = (const char *) sqlite3_column_text (stmt, 3);
      const char *ends_at = (const char *) sqlite3_column_text (stmt, 4);
      const char *zone = (const char *) sqlite3_column_text (stmt, 5);
      const char *precision = (const char *) sqlite3_column_text (stmt, 6);
      g_autofree char *lead_ids = column_text (stmt, 8);

      activity->title = _icat_export_column_localized (stmt, 1);
      activity->type_label = g_strdup (icat_format_enum ("kind", (const char *) sqlite3_column_text (stmt, 2)));
      activity->lead = column_text (stmt, 7);
      activity->start = meeting_date (starts_at, zone, precision);
      if (ends_at != NULL)
        {
          activity->end = meeting_date (ends_at, zone, precision);
          if (g_strcmp0 (activity->end, activity->start) == 0)
            g_clear_pointer (&activity->end, g_free);
        }
      activity->status_label = g_strdup (strcmp (starts_at, now) < 0 ? _("Held") : _("Planned"));
      add_lead_ids (activity, lead_ids);
      g_ptr_array_add (data->activities, activity);
      data->n_meetings++;
      if (!link_mandates (data, activity,
                          "SELECT l.target_id FROM meeting_agenda a JOIN meeting_agenda_mandates l ON l.owner_id = a.id "
                          "WHERE a.parent_id = ? ORDER BY a.position, a.seq, a.id, l.position, l.target_id",
                          stmt, error))
        return FALSE;
    }
  return icat_db_end_rows (data->db, stmt, rc, error);
}

static void
add_recurring (IcatWorkPlanData *data,
               const char       *title,
               const char       *lead,
               const char       *date,
               const char       *status,
               const char       *paragraph)
{
  IcatActivity *activity = activity_new (ICAT_ACTIVITY_RECURRING);
  IcatMandateInfo *mandate = paragraph != NULL ? find_mandate (data, "A/RES/72/195", paragraph) : NULL;

  activity->title = g_strdup (title);
  activity->type_label = g_strdup (icat_activity_type_label (activity->type));
  activity->lead = g_strdup (lead);
  activity->start = g_strdup (date);
  activity->status_label = g_strdup (status);
  if (mandate != NULL)
    g_ptr_array_add (activity->mandates, mandate);
  g_ptr_array_add (data->activities, activity);
  data->n_recurring++;
}

/* DOMAIN.md, "Recurring dates", with the paragraphs of 72/195 behind them. */
static void
load_recurring (IcatWorkPlanData *data)
{
  int year = data->year;
  g_autofree char *may = g_strdup_printf ("%d-05", year);
  g_autofree char *world_day = g_strdup_printf ("%d-07-30", year);
  g_autofree char *whole_year = g_strdup_printf ("%d", year);

  add_recurring (data, _("Commission on Crime Prevention and Criminal Justice, annual session"), NULL, may,
                 _("Every year"), NULL);
  if (year >= 2014)
    add_recurring (data, _("World Day against Trafficking in Persons"), _("All members"), world_day,
                   _("Every year"), "5");
  if (year >= 2017 && (year - 2017) % 4 == 0)
    add_recurring (data, _("Appraisal of the Global Plan of Action by the General Assembly"), NULL, whole_year,
                   _("Every four years"), "4");
  if (year >= 2012 && year % 2 == 0)
    add_recurring (data, _("UNODC Global Report on Trafficking in Persons"), "UNODC", whole_year,
                   _("Every two years"), "21");
  if (year == 2019)
    add_recurring (data, _("Report of the Secretary-General on resolution 72/195 to the General Assembly (74th session)"),
                   NULL, whole_year, _("Once"), "22");
}

/* Undated activities last; otherwise by their first date, then title. */
static int
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  const IcatActivity *x = *(IcatActivity **) a;
  const IcatActivity *y = *(IcatActivity **) b;
  const char *x_date = x->start != NULL ? x->start : x->end;
  const char *y_date = y->start != NULL ? y->start : y->end;
  int order;

  if (x_date == NULL || y_date == NULL)
    order = (x_date == NULL) - (y_date == NULL);
  else
    order = strcmp (x_date, y_date);
  return order != 0 ? order : g_strcmp0 (x->title, y->title);
}

IcatWorkPlanData *
icat_work_plan_data_load (IcatDb  *db,
                          int      year,
                          GError **error)
{
  g_autoptr(IcatWorkPlanData) data = g_new0 (IcatWorkPlanData, 1);
  g_autoptr(GDateTime) now = icat_document_now ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *today = icat_day_string (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  data->db = db;
  data->year = year;
  data->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_free);
  data->mandates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mandate_info_free);
  if (!load_mandates (data, error) ||
      !load_plan_record (data, error) ||
      !load_chairs (data, error) ||
      !load_working_group (data, error) ||
      !load_action_items (data, today, error) ||
      !load_papers (data, error) ||
      !load_meetings (data, stamp, error))
    return NULL;
  data->n_recorded = data->activities->len;
  load_recurring (data);
  g_ptr_array_sort (data->activities, compare_activities);
  return g_steal_pointer (&data);
}

/* Grouping */

static void
group_free (IcatActivityGroup *group)
{
  g_free (group->title);
  g_free (group->description);
  g_ptr_array_unref (group->activities);
  g_free (group);
}

static IcatActivityGroup *
group_new (const char *title,
           const char *description)
{
  IcatActivityGroup *group = g_new0 (IcatActivityGroup, 1);

  group->title = g_strdup (title);
  group->description = g_strdup (description);
  group->activities = g_ptr_array_new ();
  return group;
}

static int
compare_mandate_groups (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GHashTable *orders = user_data;
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (orders, *(gpointer *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (orders, *(gpointer *) b));

  return (x > y) - (x < y);
}

/* One group per mandate with work behind it, in the documents' order; an
 * activity serving several mandates is listed under each. */
static GPtrArray *
group_by_mandate (IcatWorkPlanData *data,
                  IcatActivityGroup *unlinked)
{
  g_autoptr(GHashTable) by_mandate = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) orders = g_hash_table_new (NULL, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < data->activities->len; i++)
    {
      IcatActivity *activity = data->activities->pdata[i];

      if (activity->mandates->len == 0)
        g_ptr_array_add (unlinked->activities, activity);
      for (guint m = 0; m < activity->mandates->len; m++)
        {
          IcatMandateInfo *mandate = activity->mandates->pdata[m];
          IcatActivityGroup *group = g_hash_table_lookup (by_mandate, mandate);

          if (group == NULL)
            {
              group = group_new (mandate->label, mandate->summary);
              g_hash_table_insert (by_mandate, mandate, group);
              g_hash_table_insert (orders, group, GUINT_TO_POINTER (mandate->order));
              g_ptr_array_add (groups, group);
            }
          g_ptr_array_add (group->activities, activity);
        }
    }
  g_ptr_array_sort_with_data (groups, compare_mandate_groups, orders);
  return groups;
}

/* One group per pillar of the Global Plan of Action, in the schema's order;
 * an activity goes under the pillar of its first mandate. */
static GPtrArray *
group_by_pillar (IcatWorkPlanData  *data,
                 IcatActivityGroup *unlinked)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint p = 0; icat_pillars[p] != NULL; p++)
    {
      IcatActivityGroup *group = group_new (icat_format_enum ("pillar", icat_pillars[p]), NULL);

      for (guint i = 0; i < data->activities->len; i++)
        {
          IcatActivity *activity = data->activities->pdata[i];
          IcatMandateInfo *first = activity->mandates->len > 0 ? activity->mandates->pdata[0] : NULL;

          if (first != NULL && g_strcmp0 (first->pillar, icat_pillars[p]) == 0)
            g_ptr_array_add (group->activities, activity);
        }
      if (group->activities->len > 0)
        g_ptr_array_add (groups, group);
      else
        group_free (group);
    }
  for (guint i = 0; i < data->activities->len; i++)
    {
      IcatActivity *activity = data->activities->pdata[i];

      if (activity->mandates->len == 0)
        g_ptr_array_add (unlinked->activities, activity);
    }
  return groups;
}

GPtrArray *
icat_work_plan_data_group (IcatWorkPlanData *data,
                           IcatGroupBy       group_by)
{
  IcatActivityGroup *unlinked = group_new (_("Not linked to a mandate"), NULL);
  GPtrArray *groups = group_by == ICAT_GROUP_BY_MANDATE
                      ? group_by_mandate (data, unlinked)
                      : group_by_pillar (data, unlinked);

  if (unlinked->activities->len > 0)
    g_ptr_array_add (groups, unlinked);
  else
    group_free (unlinked);
  return groups;
}

GPtrArray *
icat_work_plan_data_contacts (IcatWorkPlanData *data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = icat_db_prepare (data->db,
                                        "SELECT a.acronym, f.name, f.title, f.email, f.phone FROM agency a "
                                        "JOIN agency_focal_points f ON f.parent_id = a.id WHERE a.id = ? ORDER BY f.seq, f.id", NULL);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();

  if (stmt == NULL)
    return rows;
  for (guint i = 0; i < data->activities->len; i++)
    {
      IcatActivity *activity = data->activities->pdata[i];

      for (guint l = 0; l < activity->lead_ids->len; l++)
        if (g_hash_table_add (seen, activity->lead_ids->pdata[l]))
          g_ptr_array_add (agencies, activity->lead_ids->pdata[l]);
    }
  for (guint i = 0; i < agencies->len; i++)
    {
      icat_bind_text (stmt, 1, agencies->pdata[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char **row = g_new0 (char *, 5);
          const char *email = (const char *) sqlite3_column_text (stmt, 3);
          const char *phone = (const char *) sqlite3_column_text (stmt, 4);

          row[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          row[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          row[2] = g_strdup (sqlite3_column_text (stmt, 2) != NULL ? (const char *) sqlite3_column_text (stmt, 2) : "");
          row[3] = g_strjoin ("\n", email != NULL ? email : "", phone != NULL ? phone : "", NULL);
          g_strstrip (row[3]);
          g_ptr_array_add (rows, row);
        }
      sqlite3_reset (stmt);
    }
  return rows;
}
