/* icat-meeting-record.c — the record of a meeting, as pages
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a coordinator circulates after a meeting: when and where, who
 * chaired and who attended, the agenda with each item's minutes, the
 * decisions, and the action items that came out of it.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icat-document-private.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-seed.h"
#include "icat-today.h"

typedef struct {
  char *acronym;
  char *name;
} Agency;

static void
agency_free (Agency *agency)
{
  g_free (agency->acronym);
  g_free (agency->name);
  g_free (agency);
}

typedef struct {
  IcatDb          *db;
  IcatPageWriter  *writer;
  JsonObject      *meeting;
  GHashTable      *agencies;  /* id → Agency */
  GPtrArray       *outline;
  IcatExportFlags  flags;
} Record;

static GHashTable *
load_agencies (IcatDb  *db,
               GError **error)
{
  g_autoptr(GHashTable) agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) agency_free);
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT id, acronym, name FROM agency", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Agency *agency = g_new0 (Agency, 1);
      g_autoptr(JsonNode) name = json_from_string ((const char *) sqlite3_column_text (stmt, 2), NULL);

      agency->acronym = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      agency->name = g_strdup (name != NULL && JSON_NODE_HOLDS_OBJECT (name)
                               ? icat_localized_pick (json_node_get_object (name)) : agency->acronym);
      g_hash_table_insert (agencies, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), agency);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    {
      return NULL;
    }
  return g_steal_pointer (&agencies);
}

static const char *
acronym_of (Record     *record,
            const char *id)
{
  Agency *agency = id != NULL ? g_hash_table_lookup (record->agencies, id) : NULL;

  return agency != NULL ? agency->acronym : NULL;
}

static char *
acronyms_of (Record    *record,
             JsonArray *ids)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *acronym = acronym_of (record, json_array_get_string_element (ids, i));

      if (acronym == NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, acronym);
    }
  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static char *
meeting_title (JsonObject *meeting)
{
  JsonNode *title = json_object_get_member (meeting, "title");

  if (title != NULL && JSON_NODE_HOLDS_OBJECT (title))
    return g_strdup (icat_localized_pick (json_node_get_object (title)));
  return g_strdup (_("Meeting"));
}

static GDateTime *
member_time (JsonObject *meeting,
             const char *name)
{
  const char *text = member_string (meeting, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static char *
format_moment (GDateTime *moment,
               gboolean   with_date)
{
  /* Translators: a date and time, e.g. "2 May 2018, 10:00"; strftime format */
  return g_date_time_format (moment, with_date ? _("%-d %B %Y, %H:%M") : "%H:%M");
}

/* From starts to ends (NULL: unknown), both in one zone: "15 January
 * 2015, 10:00–12:00" ("10:00–12:00" without with_date), or both dates
 * and times when the meeting ends on a later day. */
static char *
time_span (GDateTime *starts,
           GDateTime *ends,
           gboolean   with_date)
{
  gboolean one_day = ends == NULL || icat_same_day (starts, ends);
  g_autofree char *from = format_moment (starts, with_date || !one_day);
  g_autofree char *until = NULL;

  if (ends == NULL)
    return g_steal_pointer (&from);
  until = format_moment (ends, !one_day);
  if (one_day)
    /* Translators: a meeting's start and end time on one day, e.g. "15 January 2015, 10:00–12:00" */
    return g_strdup_printf (_("%s–%s"), from, until);
  /* Translators: a meeting's start and end on different days, e.g. "15 January 2015, 10:00 – 16 January 2015, 12:00" */
  return g_strdup_printf (_("%s – %s"), from, until);
}

/* A meeting known to the day: "15 January 2015", or "15 January 2015 –
 * 16 January 2015" when it ends on a later day. */
static char *
day_span (GDateTime *starts,
          GDateTime *ends)
{
  /* Translators: a day, e.g. "2 May 2018"; strftime format */
  g_autofree char *from = g_date_time_format (starts, _("%-d %B %Y"));
  g_autofree char *until = NULL;

  if (ends == NULL || icat_same_day (starts, ends))
    return g_steal_pointer (&from);
  until = g_date_time_format (ends, _("%-d %B %Y"));
  return g_strdup_printf (_("%s – %s"), from, until);
}

/* "15 January 2015, 10:00–12:00 (America/New_York), 15:00–17:00 UTC": the
 * start and the end where the meeting takes place and in UTC, with the
 * dates wherever a day is not the one already named. */
static char *
when_text (JsonObject *meeting)
{
  const char *precision = member_string (meeting, "date_precision");
  const char *zone_name = member_string (meeting, "timezone");
  g_autoptr(GDateTime) starts = member_time (meeting, "starts_at");
  g_autoptr(GDateTime) ends = member_time (meeting, "ends_at");
  g_autoptr(GTimeZone) zone = zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) local_starts = NULL;
  g_autoptr(GDateTime) local_ends = NULL;
  g_autofree char *local = NULL;
  g_autofree char *utc = NULL;
  gboolean minute = g_strcmp0 (precision, "minute") == 0;

  if (starts == NULL || (!minute && precision != NULL && strcmp (precision, "day") != 0))
    return icat_format_meeting_when (meeting);
  /* An end before the start says nothing about when the meeting ended. */
  if (ends != NULL && g_date_time_compare (ends, starts) < 0)
    g_clear_pointer (&ends, g_date_time_unref);
  local_starts = zone != NULL ? g_date_time_to_timezone (starts, zone) : g_date_time_ref (starts);
  if (ends != NULL)
    local_ends = zone != NULL ? g_date_time_to_timezone (ends, zone) : g_date_time_ref (ends);
  if (!minute)
    return day_span (local_starts, local_ends);

  local = time_span (local_starts, local_ends, TRUE);
  utc = time_span (starts, ends,
                   !icat_same_day (starts, local_starts) || (ends != NULL && !icat_same_day (ends, local_ends)));
  /* Translators: when a meeting takes place: its local start and end, the time zone, and the same in UTC,
   * e.g. "15 January 2015, 10:00–12:00 (America/New_York), 15:00–17:00 UTC" */
  return g_strdup_printf (_("%s (%s), %s UTC"), local, zone_name != NULL ? zone_name : "UTC", utc);
}

static char *
record_status_text (JsonObject *meeting)
{
  const char *status = member_string (meeting, "record_status");
  g_autofree char *circulated = icat_format_date (member_string (meeting, "circulated_on"));
  g_autofree char *approved = icat_format_date (member_string (meeting, "approved_on"));
  g_autofree char *reopened = icat_format_date (member_string (meeting, "reopened_on"));

  if (g_strcmp0 (status, "approved") == 0 && *approved != '\0')
    /* Translators: the status of a meeting record, with its date */
    return g_strdup_printf (_("Approved on %s"), approved);
  /* A reopened record is circulated again, but readers must know that
   * what they hold may differ from what was approved. */
  if (*reopened != '\0' && *approved != '\0')
    /* Translators: the status of a meeting record: the day it was approved,
     * then the day it was reopened for changes */
    return g_strdup_printf (_("Approved on %s, reopened on %s"), approved, reopened);
  if (g_strcmp0 (status, "circulated") == 0 && *circulated != '\0')
    /* Translators: the status of a meeting record, with its date */
    return g_strdup_printf (_("Circulated on %s"), circulated);
  return g_strdup (icat_format_enum ("record_status", status != NULL ? status : "draft"));
}

static void
write_head (Record *record)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  IcatPageWriter *writer = record->writer;
  JsonObject *meeting = record->meeting;
  g_autofree char *title = meeting_title (meeting);
  g_autofree char *when = when_text (meeting);
  g_autofree char *chairs = acronyms_of (record, member_array (meeting, "chairs"));
  g_autofree char *status = record_status_text (meeting);
  const char *host = acronym_of (record, member_string (meeting, "host"));
  JsonArray *chair_ids = member_array (meeting, "chairs");

  icat_page_writer_text (writer, ICAT_TEXT_COVER_KICKER, group_heading, 0);
  icat_page_writer_text (writer, ICAT_TEXT_TITLE, title, 0);
  icat_outline_add (record->outline, title, 0, 0);
  icat_page_writer_fact (writer, _("Meeting"), icat_format_enum ("kind", member_string (meeting, "kind")));
  icat_page_writer_fact (writer, _("Date and time"), when);
  icat_page_writer_fact (writer, _("Venue"), icat_format_venue (member_string (meeting, "venue")));
  if (host != NULL)
    icat_page_writer_fact (writer, _("Host"), host);
  icat_page_writer_fact (writer, chair_ids != NULL && json_array_get_length (chair_ids) > 1 ? _("Co-chairs") : _("Chair"),
                         chairs != NULL ? chairs : _("Not recorded"));
  icat_page_writer_fact (writer, _("Record"), status);
}

static int
compare_attendance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Record *record = user_data;
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;

  return g_strcmp0 (acronym_of (record, member_string (x, "agency")), acronym_of (record, member_string (y, "agency")));
}

static void
begin_section (Record     *record,
               const char *title)
{
  icat_page_writer_heading (record->writer, ICAT_TEXT_HEADING_1, title);
  icat_outline_add (record->outline, title, icat_page_writer_get_page (record->writer), 1);
}

static void
write_attendance (Record *record)
{
  JsonArray *attendance = member_array (record->meeting, "attendance");
  JsonArray *invited = member_array (record->meeting, "invited");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const double fractions[] = { 0.20, 0.14, 0.66 };
  const char *headers[] = { _("Agency"), _("Attendance"), _("Delegates") };

  begin_section (record, _("Attendance"));
  if (attendance == NULL || json_array_get_length (attendance) == 0)
    icat_page_writer_text (record->writer, ICAT_TEXT_BODY, _("Attendance was not recorded."), 0);
  for (guint i = 0; attendance != NULL && i < json_array_get_length (attendance); i++)
    g_ptr_array_add (rows, json_array_get_object_element (attendance, i));
  g_ptr_array_sort_with_data (rows, compare_attendance, record);
  if (rows->len > 0)
    {
      icat_page_writer_table_begin (record->writer, G_N_ELEMENTS (fractions), fractions, headers);
      for (guint i = 0; i < rows->len; i++)
        {
          JsonObject *row = rows->pdata[i];
          JsonArray *delegates = member_array (row, "delegates");
          g_autoptr(GString) names = g_string_new (NULL);
          gboolean present = json_object_get_boolean_member_with_default (row, "present", FALSE);
          const char *acronym = acronym_of (record, member_string (row, "agency"));
          const char *cells[3];

          for (guint d = 0; delegates != NULL && d < json_array_get_length (delegates); d++)
            g_string_append_printf (names, "%s%s", d > 0 ? ", " : "", json_array_get_string_element (delegates, d));
          cells[0] = acronym != NULL ? acronym : "—";
          cells[1] = present ? _("Present") : _("Absent");
          cells[2] = names->str;
          icat_page_writer_table_row (record->writer, cells, present ? ICAT_ROW_DEFAULT : ICAT_ROW_MUTED);
        }
      icat_page_writer_table_end (record->writer);
    }
  if (invited != NULL && json_array_get_length (invited) > 0)
    {
      const double invited_fractions[] = { 0.50, 0.25, 0.25 };
      const char *invited_headers[] = { _("Invited"), _("Kind"), _("Attended") };

      icat_page_writer_heading (record->writer, ICAT_TEXT_HEADING_3, _("Invited States and organizations"));
      icat_page_writer_table_begin (record->writer, G_N_ELEMENTS (invited_fractions), invited_fractions, invited_headers);
      for (guint i = 0; i < json_array_get_length (invited); i++)
        {
          JsonObject *row = json_array_get_object_element (invited, i);
          JsonNode *attended = json_object_get_member (row, "attended");
          const char *cells[] = {
            member_string (row, "name"), icat_format_enum ("kind", member_string (row, "kind")),
            attended == NULL || JSON_NODE_HOLDS_NULL (attended) ? "—"
            : json_node_get_boolean (attended) ? _("Yes") : _("No"),
          };

          icat_page_writer_table_row (record->writer, cells, ICAT_ROW_DEFAULT);
        }
      icat_page_writer_table_end (record->writer);
    }
}

static char *
mandate_labels (Record    *record,
                JsonArray *ids)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      g_autoptr(JsonObject) mandate = icat_document_read (record->db, "mandate", json_array_get_string_element (ids, i), NULL);
      g_autofree char *label = mandate != NULL ? icat_record_title (icat_schema_lookup ("mandate"), mandate) : NULL;

      if (label == NULL)
        continue;
      icat_list_append (labels, label);
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
write_agenda (Record *record)
{
  JsonArray *agenda = member_array (record->meeting, "agenda");

  begin_section (record, _("Agenda and minutes"));
  if (agenda == NULL || json_array_get_length (agenda) == 0)
    icat_page_writer_text (record->writer, ICAT_TEXT_BODY, _("No agenda was recorded."), 0);
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    {
      JsonObject *item = json_array_get_object_element (agenda, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, member_string (item, "title"));
      g_autofree char *mandates = mandate_labels (record, member_array (item, "mandates"));
      const char *presenter = acronym_of (record, member_string (item, "presenter"));
      const char *minutes = member_string (item, "minutes");
      g_autoptr(GString) about = g_string_new (NULL);

      if (presenter != NULL)
        /* Translators: under an agenda item: the agency that presented it */
        g_string_append_printf (about, _("Presented by %s"), presenter);
      if (*mandates != '\0')
        {
          /* Translators: under an agenda item: the mandates it serves */
          g_autofree char *served = g_strdup_printf (_("Mandates: %s"), mandates);

          g_string_append_printf (about, "%s%s", about->len > 0 ? " · " : "", served);
        }
      icat_page_writer_heading (record->writer, ICAT_TEXT_HEADING_3, heading);
      icat_page_writer_text (record->writer, ICAT_TEXT_CAPTION, about->str, 0);
      icat_page_writer_text (record->writer, ICAT_TEXT_BODY,
                             minutes != NULL && *minutes != '\0' ? minutes : _("No minutes were taken for this item."), 12);
    }
}

static void
write_decisions (Record *record)
{
  JsonArray *decisions = member_array (record->meeting, "decisions");

  if (decisions == NULL || json_array_get_length (decisions) == 0)
    return;
  begin_section (record, _("Decisions"));
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision = json_array_get_object_element (decisions, i);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                               json_object_get_int_member_with_default (decision, "number", i + 1),
                                               member_string (decision, "text"));

      icat_page_writer_text (record->writer, ICAT_TEXT_BODY, text, 0);
    }
}

static gboolean
write_action_items (Record     *record,
                    const char *id,
                    GError    **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (record->db,
                                        "SELECT t.title, a.acronym, t.due, t.status FROM action_item t "
                                        "JOIN agency a ON a.id = t.owner WHERE t.meeting = ? "
                                        "ORDER BY t.due IS NULL, t.due, t.title, t.id", error);
  const double fractions[] = { 0.52, 0.14, 0.17, 0.17 };
  const char *headers[] = { _("Action item"), _("Owner"), _("Due"), _("Status") };
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  begin_section (record, _("Action items arising"));
  icat_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *due = icat_format_date ((const char *) sqlite3_column_text (stmt, 2));
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      const char *cells[] = {
        (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
        *due != '\0' ? due : "—", icat_format_enum ("status", status),
      };

      if (!any)
        icat_page_writer_table_begin (record->writer, G_N_ELEMENTS (fractions), fractions, headers);
      any = TRUE;
      icat_page_writer_table_row (record->writer, cells,
                                  g_strv_contains ((const char * const[]) { "done", "cancelled", NULL }, status)
                                  ? ICAT_ROW_MUTED : ICAT_ROW_DEFAULT);
    }
  if (!icat_db_end_rows (record->db, stmt, rc, error))
    return FALSE;
  if (any)
    icat_page_writer_table_end (record->writer);
  else
    icat_page_writer_text (record->writer, ICAT_TEXT_BODY, _("No action items came out of this meeting."), 0);
  return TRUE;
}

static void
write_attachments (Record *record)
{
  JsonArray *attachments = member_array (record->meeting, "attachments");

  if (attachments == NULL || json_array_get_length (attachments) == 0)
    return;
  begin_section (record, _("Attachments"));
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = json_array_get_object_element (attachments, i);
      g_autofree char *line = g_strdup_printf ("%s — %s", member_string (attachment, "title"), member_string (attachment, "uri"));

      icat_page_writer_text (record->writer, ICAT_TEXT_BODY, line, 0);
    }
}

/* Focal points of the agencies that attended or own action items: only when
 * asked for, as e-mail addresses and phone numbers are personal data. */
static void
write_contacts (Record *record)
{
  JsonArray *attendance = member_array (record->meeting, "attendance");
  const double fractions[] = { 0.14, 0.26, 0.26, 0.34 };
  const char *headers[] = { _("Agency"), _("Focal point"), _("Title"), _("E-mail and phone") };
  sqlite3_stmt *stmt = icat_db_prepare (record->db,
                                        "SELECT f.name, f.title, f.email, f.phone FROM agency_focal_points f "
                                        "WHERE f.parent_id = ? ORDER BY f.seq, f.id", NULL);
  gboolean any = FALSE;

  if (stmt == NULL || attendance == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (attendance); i++)
    {
      const char *agency = member_string (json_array_get_object_element (attendance, i), "agency");

      icat_bind_text (stmt, 1, agency);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *reach = g_strjoin ("\n", sqlite3_column_text (stmt, 2) ? (const char *) sqlite3_column_text (stmt, 2) : "",
                                              sqlite3_column_text (stmt, 3) ? (const char *) sqlite3_column_text (stmt, 3) : "", NULL);
          const char *cells[] = {
            acronym_of (record, agency), (const char *) sqlite3_column_text (stmt, 0),
            sqlite3_column_text (stmt, 1) ? (const char *) sqlite3_column_text (stmt, 1) : "", g_strstrip (reach),
          };

          if (!any)
            {
              begin_section (record, _("Focal points"));
              icat_page_writer_table_begin (record->writer, G_N_ELEMENTS (fractions), fractions, headers);
            }
          any = TRUE;
          icat_page_writer_table_row (record->writer, cells, ICAT_ROW_DEFAULT);
        }
      sqlite3_reset (stmt);
    }
  if (any)
    icat_page_writer_table_end (record->writer);
}

IcatDocument *
icat_document_new_meeting_record (IcatDb          *db,
                                  const char      *meeting_id,
                                  IcatPaperSize    paper,
                                  IcatExportFlags  flags,
                                  GError         **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GHashTable) agencies = NULL;
  g_autoptr(GPtrArray) outline = g_ptr_array_new ();
  g_autoptr(IcatPageWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *document_title = NULL;
  g_autofree char *footer = NULL;
  Record record;
  double width, height;

  meeting = icat_document_read (db, "meeting", meeting_id, &local_error);
  if (meeting == NULL)
    {
      if (g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND, _("There is no meeting with the id %s."), meeting_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  agencies = load_agencies (db, error);
  if (agencies == NULL)
    return NULL;

  icat_page_size_points (paper, &width, &height);
  writer = icat_page_writer_new (width, height);
  record = (Record) { db, writer, meeting, agencies, outline, flags };
  title = meeting_title (meeting);
  when = icat_format_meeting_when (meeting);
  /* Translators: the title of a meeting record document: meeting title, date */
  document_title = g_strdup_printf (_("Record of %s, %s"), title, when);
  footer = g_strdup_printf ("%s · %s", _("ICAT"), document_title);

  write_head (&record);
  if (!(flags & ICAT_EXPORT_OMIT_ATTENDANCE))
    write_attendance (&record);
  if (!(flags & ICAT_EXPORT_OMIT_AGENDA))
    write_agenda (&record);
  if (!(flags & ICAT_EXPORT_OMIT_DECISIONS))
    write_decisions (&record);
  if (!(flags & ICAT_EXPORT_OMIT_ACTION_ITEMS) && !write_action_items (&record, meeting_id, error))
    return NULL;
  if (!(flags & ICAT_EXPORT_OMIT_ATTACHMENTS))
    write_attachments (&record);
  if (flags & ICAT_EXPORT_INCLUDE_CONTACTS)
    write_contacts (&record);

  return icat_document_new_from_writer (writer, document_title,
                                        _("The record of an ICAT meeting: attendance, agenda and minutes, "
                                          "decisions and action items"),
                                        footer, outline, FALSE);
}
