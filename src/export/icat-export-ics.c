/* icat-export-ics.c — meetings as an iCalendar file (RFC 5545), through libical
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every value comes from the database, DTSTAMP included, so the same
 * database always gives the same bytes. A meeting whose time is known is
 * written in its venue's zone, with that zone's VTIMEZONE; one known only to
 * the day, month or year is an all-day event.
 */
#define G_LOG_DOMAIN "icat-export-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "icat-error.h"
#include "icat-export.h"
#include "icat-export-private.h"
#include "icat-format.h"
#include "icat-record-io.h"

#define UID_DOMAIN "icattracker.org"

/* Meetings starting in [?1, ?2) — "2016" to "2017" — or all when ?1 is NULL.
 * Meetings number in the hundreds, so one form serves both (the CSV export
 * of 100,000 action items needs two). */
#define YEAR_FILTER "(?1 IS NULL OR (m.starts_at >= ?1 AND m.starts_at < ?2))"

#define MEETINGS_SQL \
  "SELECT m.id, m.kind, m.title, m.starts_at, m.ends_at, m.date_precision, m.timezone, m.venue, " \
  "  m.host, h.acronym, m.created_at, m.updated_at " \
  "FROM meeting m LEFT JOIN agency h ON h.id = m.host " \
  "WHERE " YEAR_FILTER " ORDER BY m.starts_at, m.id"

#define CHAIRS_SQL \
  "SELECT c.owner_id, a.id, a.acronym FROM meeting_chairs c " \
  "JOIN meeting m ON m.id = c.owner_id JOIN agency a ON a.id = c.target_id " \
  "WHERE " YEAR_FILTER " ORDER BY c.owner_id, c.position, c.target_id"

#define AGENDA_SQL \
  "SELECT g.parent_id, g.title, p.acronym FROM meeting_agenda g " \
  "JOIN meeting m ON m.id = g.parent_id LEFT JOIN agency p ON p.id = g.presenter " \
  "WHERE " YEAR_FILTER " ORDER BY g.parent_id, g.position, g.seq, g.id"

#define FOCAL_POINTS_SQL \
  "SELECT parent_id, name, email, phone FROM agency_focal_points ORDER BY parent_id, seq, id"

enum {
  MEETING_ID,
  MEETING_KIND,
  MEETING_TITLE,
  MEETING_STARTS_AT,
  MEETING_ENDS_AT,
  MEETING_PRECISION,
  MEETING_TIMEZONE,
  MEETING_VENUE,
  MEETING_HOST,
  MEETING_HOST_ACRONYM,
  MEETING_CREATED_AT,
  MEETING_UPDATED_AT,
};

typedef struct {
  int         year;
  gboolean    contacts;
  GHashTable *chairs;        /* meeting id → GPtrArray of {agency id, acronym} pairs, flattened */
  GHashTable *agendas;       /* meeting id → GPtrArray of {title, presenter acronym} pairs, flattened */
  GHashTable *focal_points;  /* agency id → "Name, e-mail, phone; …" (only with contacts) */
  GHashTable *zones;         /* zone name → gint64 * earliest start (Unix time) of an event in it */
} IcsExport;

static void
ics_export_clear (IcsExport *export)
{
  g_clear_pointer (&export->chairs, g_hash_table_unref);
  g_clear_pointer (&export->agendas, g_hash_table_unref);
  g_clear_pointer (&export->focal_points, g_hash_table_unref);
  g_clear_pointer (&export->zones, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcsExport, ics_export_clear)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Reads rows of (key, a, b) into key → [a, b, a, b, …]. */
static gboolean
load_pairs (IcatDb      *db,
            const char  *sql,
            int          year,
            GHashTable  *into,
            GError     **error)
{
  sqlite3_stmt *stmt = _icat_export_prepare_for_year (db, sql, year, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = column_text (stmt, 0);
      GPtrArray *values = g_hash_table_lookup (into, key);

      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (into, g_strdup (key), values);
        }
      g_ptr_array_add (values, g_strdup (column_text (stmt, 1)));
      g_ptr_array_add (values, g_strdup (column_text (stmt, 2)));
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

static gboolean
load_focal_points (IcatDb      *db,
                   GHashTable  *into,
                   GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, FOCAL_POINTS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *agency = column_text (stmt, 0);
      GString *text = g_hash_table_lookup (into, agency);

      if (text == NULL)
        g_hash_table_insert (into, g_strdup (agency), text = g_string_new (NULL));
      else
        g_string_append (text, icat_list_separator ());
      g_string_append (text, column_text (stmt, 1));
      for (int column = 2; column <= 3; column++)
        if (column_text (stmt, column) != NULL && *column_text (stmt, column) != '\0')
          g_string_append_printf (text, ", %s", column_text (stmt, column));
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
ics_export_load (IcsExport  *export,
                 IcatDb     *db,
                 GError    **error)
{
  export->chairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  export->agendas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  export->focal_points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  export->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return load_pairs (db, CHAIRS_SQL, export->year, export->chairs, error) &&
         load_pairs (db, AGENDA_SQL, export->year, export->agendas, error) &&
         (!export->contacts || load_focal_points (db, export->focal_points, error));
}

/* ------------------------------------------------------------------ */
/* Times                                                                */

static struct icaltimetype
utc_time (GDateTime *when)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (when), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

/* A time as the clock on the wall shows it; the property gets the TZID. */
static struct icaltimetype
wall_time (GDateTime *local,
           gboolean   is_date)
{
  struct icaltimetype time = icaltime_null_time ();

  time.year = g_date_time_get_year (local);
  time.month = g_date_time_get_month (local);
  time.day = g_date_time_get_day_of_month (local);
  time.is_date = is_date;
  if (!is_date)
    {
      time.hour = g_date_time_get_hour (local);
      time.minute = g_date_time_get_minute (local);
      time.second = g_date_time_get_second (local);
    }
  return time;
}

static GDateTime *
parse_timestamp (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static void
note_zone_use (IcsExport  *export,
               const char *zone,
               GDateTime  *starts)
{
  gint64 *earliest = g_hash_table_lookup (export->zones, zone);

  if (earliest == NULL)
    {
      earliest = g_new (gint64, 1);
      *earliest = g_date_time_to_unix (starts);
      g_hash_table_insert (export->zones, g_strdup (zone), earliest);
    }
  else
    *earliest = MIN (*earliest, g_date_time_to_unix (starts));
}

static icalproperty *
zoned_property (icalproperty *property,
                const char   *zone)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone));
  return property;
}

/* Whether libical can describe the zone in a VTIMEZONE. UTC itself has no
 * rules to describe: its times are written with a Z instead. */
static gboolean
zone_has_rules (const char *zone_name)
{
  icaltimezone *zone = zone_name ? icaltimezone_get_builtin_timezone (zone_name) : NULL;

  return zone != NULL && icaltimezone_get_component (zone) != NULL;
}

/* DTSTART and DTEND at the minute, in the meeting's zone; two hours when
 * the end is not recorded. */
static void
add_timed (IcsExport     *export,
           icalcomponent *event,
           GDateTime     *starts,
           GDateTime     *ends,
           const char    *zone_name)
{
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) end = ends ? g_date_time_ref (ends) : g_date_time_add_hours (starts, 2);
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local_end = NULL;

  if (zone == NULL || !zone_has_rules (zone_name))
    {
      /* UTC, or a zone libical does not know: UTC is still the right moment. */
      icalcomponent_add_property (event, icalproperty_new_dtstart (utc_time (starts)));
      icalcomponent_add_property (event, icalproperty_new_dtend (utc_time (end)));
      return;
    }
  local_start = g_date_time_to_timezone (starts, zone);
  local_end = g_date_time_to_timezone (end, zone);
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtstart (wall_time (local_start, FALSE)), zone_name));
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtend (wall_time (local_end, FALSE)), zone_name));
  note_zone_use (export, zone_name, starts);
}

/* An all-day event on the day the meeting starts (or the first day of its
 * month or year) until the day it ends; DTEND is the day after. */
static void
add_all_day (icalcomponent *event,
             GDateTime     *starts,
             GDateTime     *ends,
             const char    *zone_name,
             const char    *precision)
{
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (starts, zone ? zone : utc);
  struct icaltimetype first = wall_time (local, TRUE);
  struct icaltimetype last = first;

  if (g_strcmp0 (precision, "day") != 0)
    {
      first.day = 1;
      if (g_strcmp0 (precision, "year") == 0)
        first.month = 1;
      last = first;
    }
  else if (ends != NULL)
    {
      g_autoptr(GDateTime) local_end = g_date_time_to_timezone (ends, zone ? zone : utc);
      struct icaltimetype end_day = wall_time (local_end, TRUE);

      if (icaltime_compare_date_only (end_day, first) > 0)
        last = end_day;
    }
  icaltime_adjust (&last, 1, 0, 0, 0);
  icalcomponent_add_property (event, icalproperty_new_dtstart (first));
  icalcomponent_add_property (event, icalproperty_new_dtend (last));
}

/* ------------------------------------------------------------------ */
/* Texts                                                                */

static const char *
venue_label (const char *venue)
{
  if (g_strcmp0 (venue, "virtual") == 0)
    return _("Virtual meeting");
  return icat_format_venue (venue);
}

static void
append_precision_note (GString      *text,
                       sqlite3_stmt *stmt)
{
  const char *precision = column_text (stmt, MEETING_PRECISION);
  g_autoptr(JsonObject) meeting = json_object_new ();
  g_autofree char *when = NULL;

  if (g_strcmp0 (precision, "month") != 0 && g_strcmp0 (precision, "year") != 0)
    return;
  json_object_set_string_member (meeting, "starts_at", column_text (stmt, MEETING_STARTS_AT));
  json_object_set_string_member (meeting, "timezone", column_text (stmt, MEETING_TIMEZONE));
  json_object_set_string_member (meeting, "date_precision", precision);
  when = icat_format_meeting_when (meeting);
  g_string_append_c (text, '\n');
  if (g_str_equal (precision, "month"))
    /* Translators: %s is a month, e.g. "January 2015" */
    g_string_append_printf (text, _("Only the month of this meeting is known: %s. The day shown is a placeholder."), when);
  else
    /* Translators: %s is a year, e.g. "2006" */
    g_string_append_printf (text, _("Only the year of this meeting is known: %s. The day shown is a placeholder."), when);
}

static void
append_chairs (GString   *text,
               GPtrArray *chairs)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_chairs = chairs ? chairs->len / 2 : 0;

  if (n_chairs == 0)
    return;
  for (guint i = 0; i < n_chairs; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (const char *) chairs->pdata[2 * i + 1]);
  g_string_append_c (text, '\n');
  /* Two co-chairs are a different title, not a plural: two strings. */
  if (n_chairs == 1)
    /* Translators: the chair of a meeting, e.g. "Chair: UNODC" */
    g_string_append_printf (text, _("Chair: %s"), names->str);
  else
    /* Translators: the co-chairs of a meeting, e.g. "Co-chairs: IOM, UNHCR" */
    g_string_append_printf (text, _("Co-chairs: %s"), names->str);
}

static void
append_agenda (GString   *text,
               GPtrArray *agenda)
{
  if (agenda == NULL || agenda->len == 0)
    return;
  g_string_append_printf (text, "\n\n%s", _("Agenda:"));
  for (guint i = 0; i < agenda->len / 2; i++)
    {
      const char *title = agenda->pdata[2 * i];
      const char *presenter = agenda->pdata[2 * i + 1];

      g_string_append_c (text, '\n');
      if (presenter != NULL)
        /* Translators: an agenda item: number, title and the presenting agency, e.g. "2. Work plan (UNODC)" */
        g_string_append_printf (text, _("%u. %s (%s)"), i + 1, title, presenter);
      else
        /* Translators: an agenda item: number and title, e.g. "2. Work plan" */
        g_string_append_printf (text, _("%u. %s"), i + 1, title);
    }
}

/* Host and chairs, each once, with their focal points' names, e-mail
 * addresses and phone numbers. */
static void
append_focal_points (IcsExport    *export,
                     GString      *text,
                     sqlite3_stmt *stmt,
                     GPtrArray    *chairs)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();
  g_autoptr(GString) lines = g_string_new (NULL);

  if (column_text (stmt, MEETING_HOST) != NULL)
    {
      g_ptr_array_add (agencies, (gpointer) column_text (stmt, MEETING_HOST));
      g_ptr_array_add (agencies, (gpointer) column_text (stmt, MEETING_HOST_ACRONYM));
    }
  for (guint i = 0; chairs != NULL && i < chairs->len; i++)
    g_ptr_array_add (agencies, chairs->pdata[i]);

  for (guint i = 0; i < agencies->len; i += 2)
    {
      GString *contacts = g_hash_table_lookup (export->focal_points, agencies->pdata[i]);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j += 2)
        seen = g_str_equal (agencies->pdata[j], agencies->pdata[i]);
      if (seen || contacts == NULL)
        continue;
      g_string_append_printf (lines, "\n%s: %s", (const char *) agencies->pdata[i + 1], contacts->str);
    }
  if (lines->len > 0)
    g_string_append_printf (text, "\n\n%s%s", _("Focal points:"), lines->str);
}

static char *
meeting_description (IcsExport    *export,
                     sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, MEETING_ID);
  GPtrArray *chairs = g_hash_table_lookup (export->chairs, id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, icat_format_enum ("kind", column_text (stmt, MEETING_KIND)));
  if (column_text (stmt, MEETING_HOST_ACRONYM) != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the agency hosting a meeting, e.g. "Host: UNODC" */
      g_string_append_printf (text, _("Host: %s"), column_text (stmt, MEETING_HOST_ACRONYM));
    }
  append_chairs (text, chairs);
  append_precision_note (text, stmt);
  append_agenda (text, g_hash_table_lookup (export->agendas, id));
  if (export->contacts)
    append_focal_points (export, text, stmt, chairs);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
meeting_title (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) title = json_from_string (column_text (stmt, MEETING_TITLE), NULL);
  const char *text = NULL;

  if (title != NULL && JSON_NODE_HOLDS_OBJECT (title))
    text = icat_localized_pick (json_node_get_object (title));
  return g_strdup (text ? text : "");
}

/* ------------------------------------------------------------------ */
/* Events and zones                                                     */

static icalcomponent *
meeting_event (IcsExport     *export,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(icalcomponent) event = icalcomponent_new_vevent ();
  g_autoptr(GDateTime) starts = parse_timestamp (column_text (stmt, MEETING_STARTS_AT));
  g_autoptr(GDateTime) ends = parse_timestamp (column_text (stmt, MEETING_ENDS_AT));
  g_autoptr(GDateTime) created = parse_timestamp (column_text (stmt, MEETING_CREATED_AT));
  g_autoptr(GDateTime) updated = parse_timestamp (column_text (stmt, MEETING_UPDATED_AT));
  g_autofree char *uid = g_strdup_printf ("%s@" UID_DOMAIN, column_text (stmt, MEETING_ID));
  g_autofree char *summary = meeting_title (stmt);
  g_autofree char *description = meeting_description (export, stmt);
  const char *precision = column_text (stmt, MEETING_PRECISION);

  if (starts == NULL || updated == NULL || created == NULL)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                   _("The meeting %s has a date that cannot be read; run “icat-tracker-cli check”."),
                   column_text (stmt, MEETING_ID));
      return NULL;
    }
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (utc_time (updated)));
  icalcomponent_add_property (event, icalproperty_new_created (utc_time (created)));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (utc_time (updated)));
  if (g_strcmp0 (precision, "minute") == 0)
    add_timed (export, event, starts, ends, column_text (stmt, MEETING_TIMEZONE));
  else
    add_all_day (event, starts, ends, column_text (stmt, MEETING_TIMEZONE), precision);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (column_text (stmt, MEETING_VENUE) != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (venue_label (column_text (stmt, MEETING_VENUE))));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories (icat_format_enum ("kind", column_text (stmt, MEETING_KIND))));
  return g_steal_pointer (&event);
}

/* The zone's rules from the first year an event uses onwards, under its
 * IANA name (libical's own TZIDs carry a prefix few programs know). */
static icalcomponent *
zone_component (const char *zone_name,
                gint64      earliest)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (zone_name);
  icalcomponent *component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (earliest);
  struct icaltimetype cut = icaltime_null_time ();

  cut.year = g_date_time_get_year (from);
  cut.month = 1;
  cut.day = 1;
  cut.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (component, cut, icaltime_null_time (), FALSE);
  icalproperty_set_tzid (icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY), zone_name);
  return component;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_zones (IcsExport     *export,
           icalcomponent *calendar)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (export->zones, NULL);
  guint n_names = g_hash_table_size (export->zones);

  /* By name, so the output does not depend on hash order. */
  g_qsort_with_data (names, n_names, sizeof (char *), compare_names, NULL);
  for (guint i = 0; i < n_names; i++)
    {
      gint64 *earliest = g_hash_table_lookup (export->zones, names[i]);

      icalcomponent_add_component (calendar, zone_component (names[i], *earliest));
    }
}

static icalcomponent *
new_calendar (void)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//ICAT Tracker//ICAT Tracker " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  return calendar;
}

static gboolean
add_events (IcsExport      *export,
            IcatDb         *db,
            GPtrArray      *events,
            GError        **error)
{
  sqlite3_stmt *stmt = _icat_export_prepare_for_year (db, MEETINGS_SQL, export->year, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      icalcomponent *event = meeting_event (export, stmt, error);

      if (event == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_ptr_array_add (events, event);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

GBytes *
icat_export_meetings_ics (IcatDb          *db,
                          int              year,
                          IcatExportFlags  flags,
                          GError         **error)
{
  g_auto(IcsExport) export = {
    .year = year,
    .contacts = (flags & ICAT_EXPORT_INCLUDE_CONTACTS) != 0,
  };
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) icalcomponent_free);
  char *text;
  GBytes *bytes;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (year == 0 || (year > 0 && year < 9999), NULL);

  if (!ics_export_load (&export, db, error) || !add_events (&export, db, events, error))
    return NULL;

  calendar = new_calendar ();
  add_zones (&export, calendar);
  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, events->pdata[i]);
  /* The calendar owns the events now. */
  g_ptr_array_set_free_func (events, NULL);

  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);
  return bytes;
}
