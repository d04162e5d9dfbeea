/* icat-meeting-time.c — where and when a meeting is held
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venue, its time zone, and the date and times typed in the venue's
 * local time; the record keeps them in UTC with how precise the date is.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-input.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"
#include "icat-today.h"

static const struct {
  const char *venue;
  const char *zone;
} venues[] = {
  { "Geneva", "Europe/Zurich" },
  { "Vienna", "Europe/Vienna" },
  { "New York", "America/New_York" },
  { "virtual", NULL },
};
#define VENUE_VIRTUAL 3
#define VENUE_OTHER   G_N_ELEMENTS (venues)

static void save_time (IcatMeetingEditor *self);

/* The time as the record has it */

/* "Vienna" for a meeting in Vienna, else the city of the time zone. */
static char *
zone_city (const char *venue,
           const char *zone)
{
  const char *slash = zone ? strrchr (zone, '/') : NULL;
  char *city;

  for (guint i = 0; i < VENUE_VIRTUAL; i++)
    if (g_strcmp0 (venue, venues[i].venue) == 0)
      return g_strdup (icat_format_venue (venue));
  city = g_strdup (slash ? slash + 1 : zone ? zone : "UTC");
  g_strdelimit (city, "_", ' ');
  return city;
}

static char *
format_when (JsonObject *shown)
{
  const char *zone_name = icat_json_get_string (shown, ICAT_KEY_TIMEZONE);
  const char *starts_at = icat_json_get_string (shown, ICAT_KEY_STARTS_AT);
  const char *ends_at = icat_json_get_string (shown, ICAT_KEY_ENDS_AT);
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) starts = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) ends = ends_at ? g_date_time_new_from_iso8601 (ends_at, NULL) : NULL;
  g_autoptr(GDateTime) local_starts = NULL, local_ends = NULL;
  g_autofree char *city = zone_city (icat_json_get_string (shown, ICAT_KEY_VENUE), zone_name);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  if (g_strcmp0 (icat_json_get_string (shown, ICAT_KEY_DATE_PRECISION), "minute") != 0 || starts == NULL || zone == NULL)
    return g_strdup (_("No time set"));
  local_starts = g_date_time_to_timezone (starts, zone);
  a = g_date_time_format (local_starts, "%H:%M");
  b = g_date_time_format (starts, "%H:%M");
  if (ends == NULL)
    /* Translators: "10:00 Vienna time · 09:00 UTC" */
    return g_strdup_printf (_("%1$s %2$s time · %3$s UTC"), a, city, b);
  local_ends = g_date_time_to_timezone (ends, zone);
  /* An end on a later day says which day. */
  c = g_date_time_format (local_ends, icat_same_day (local_starts, local_ends) ? "%H:%M" : "%Y-%m-%d %H:%M");
  d = g_date_time_format (ends, icat_same_day (starts, ends) ? "%H:%M" : "%Y-%m-%d %H:%M");
  /* Translators: "10:00–12:00 Vienna time · 09:00–11:00 UTC" */
  return g_strdup_printf (_("%1$s–%2$s %3$s time · %4$s–%5$s UTC"), a, c, city, b, d);
}

void
_icat_meeting_time_update (IcatMeetingEditor *self)
{
  g_autofree char *when = format_when (self->shown);

  adw_action_row_set_subtitle (self->when_row, when);
}

/* Venue and time zone */

static const char *
selected_zone (IcatMeetingEditor *self)
{
  guint venue = adw_combo_row_get_selected (self->venue_row);

  if (venue < VENUE_VIRTUAL)
    return venues[venue].zone;
  return gtk_editable_get_text (GTK_EDITABLE (self->zone_row));
}

static GTimeZone *
zone_new (const char *name)
{
  if (name == NULL || (strchr (name, '/') == NULL && strcmp (name, "UTC") != 0))
    return NULL;
  return g_time_zone_new_identifier (name);
}

static void
show_place_rows (IcatMeetingEditor *self)
{
  guint venue = adw_combo_row_get_selected (self->venue_row);

  gtk_widget_set_visible (GTK_WIDGET (self->city_row), venue >= VENUE_OTHER);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_row), venue >= VENUE_VIRTUAL);
}

static void
place_changed_cb (IcatMeetingEditor *self)
{
  guint venue = adw_combo_row_get_selected (self->venue_row);
  const char *zone_name = selected_zone (self);
  g_autoptr(GTimeZone) zone = zone_new (zone_name);
  g_autofree char *city = _icat_meeting_stripped_text (self->city_row);

  show_place_rows (self);
  icat_row_show_problem (GTK_WIDGET (self->zone_row),
                         zone == NULL ? _("Write a time zone such as Europe/Vienna") : NULL);
  if (self->loading > 0)
    return;
  _icat_meeting_editor_queue_field (self, ICAT_KEY_VENUE, _icat_meeting_string_node (venue < VENUE_OTHER ? venues[venue].venue : city));
  if (zone == NULL)
    return;
  _icat_meeting_editor_queue_field (self, ICAT_KEY_TIMEZONE, _icat_meeting_string_node (zone_name));
  /* The times typed stay the local times of the new place. */
  save_time (self);
}

static void
venue_selected_cb (IcatMeetingEditor *self)
{
  guint venue = adw_combo_row_get_selected (self->venue_row);

  /* A virtual meeting keeps the zone of where it was last held. */
  if (venue < VENUE_VIRTUAL)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (self->zone_row), venues[venue].zone);
      self->loading--;
    }
  place_changed_cb (self);
}

/* Date and times, typed in the venue's local time */

static gboolean
parse_date (const char  *text,
            int         *year,
            int         *month,
            int         *day,
            const char **precision)
{
  if (!icat_is_date (text))
    return FALSE;
  *month = *day = 1;
  switch (strlen (text))
    {
    case 4:
      *precision = "year";
      return sscanf (text, "%4d", year) == 1;
    case 7:
      *precision = "month";
      return sscanf (text, "%4d-%2d", year, month) == 2;
    default:
      *precision = "day";
      return sscanf (text, "%4d-%2d-%2d", year, month, day) == 3;
    }
}

/* "9:30" or "09:30". */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  const char *colon = strchr (text, ':');
  gsize hour_digits = colon ? (gsize) (colon - text) : 0;

  if (hour_digits < 1 || hour_digits > 2 || strlen (colon) != 3)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (c != colon && !g_ascii_isdigit (*c))
      return FALSE;
  *hour = atoi (text);
  *minute = atoi (colon + 1);
  return *hour < 24 && *minute < 60;
}

/* The date and times as typed, read in the venue's zone: what can be
 * saved, and what is wrong with each row in words (NULL when fine). */
typedef struct {
  GDateTime  *starts;
  GDateTime  *ends;
  const char *precision;
  char       *date_problem;
  char       *start_problem;
  char       *end_date_problem;
  char       *end_problem;
} Times;

static void
times_clear (Times *times)
{
  g_clear_pointer (&times->starts, g_date_time_unref);
  g_clear_pointer (&times->ends, g_date_time_unref);
  g_clear_pointer (&times->date_problem, g_free);
  g_clear_pointer (&times->start_problem, g_free);
  g_clear_pointer (&times->end_date_problem, g_free);
  g_clear_pointer (&times->end_problem, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Times, times_clear)

static char *
time_problem (const char *text,
              gboolean    full_day)
{
  int hour, minute;

  if (!full_day)
    return g_strdup (_("A time needs a full date (YYYY-MM-DD)"));
  if (!parse_time (text, &hour, &minute))
    /* Translators: keep the digits as they are */
    return g_strdup (_("Write the time as 09:30"));
  return NULL;
}

/* The day the meeting starts: the date row, day precision or coarser. */
static void
read_start (IcatMeetingEditor *self,
            GTimeZone         *zone,
            Times             *times,
            int               *ymd)
{
  g_autofree char *date = _icat_meeting_stripped_text (self->date_row);
  g_autofree char *start = _icat_meeting_stripped_text (self->start_row);
  int hour = 12, minute = 0;

  times->date_problem = *date == '\0' ? g_strdup (_("A date is needed")) : icat_input_date_problem (date);
  if (times->date_problem != NULL || !parse_date (date, &ymd[0], &ymd[1], &ymd[2], &times->precision))
    return;
  if (*start != '\0')
    times->start_problem = time_problem (start, g_str_equal (times->precision, "day"));
  if (times->start_problem != NULL)
    return;
  if (*start != '\0')
    {
      parse_time (start, &hour, &minute);
      times->precision = "minute";
    }
  times->starts = g_date_time_new (zone, ymd[0], ymd[1], ymd[2], hour, minute, 0);
}

/* The end: a time the same day, or, for a meeting that lasts several days,
 * a later date (and time). An end before the start is said, never moved to
 * the next morning. */
static void
read_end (IcatMeetingEditor *self,
          GTimeZone         *zone,
          Times             *times,
          const int         *ymd)
{
  g_autofree char *end_date = _icat_meeting_stripped_text (self->end_date_row);
  g_autofree char *end = _icat_meeting_stripped_text (self->end_row);
  g_autofree char *start = _icat_meeting_stripped_text (self->start_row);
  gboolean several_days = gtk_switch_get_active (self->multi_day_switch);
  int day[3] = { ymd[0], ymd[1], ymd[2] };
  int hour = g_date_time_get_hour (times->starts), minute = g_date_time_get_minute (times->starts);
  const char *precision = NULL;

  if (several_days)
    {
      times->end_date_problem = *end_date == '\0' ? g_strdup (_("An end date is needed"))
                                                  : icat_input_date_problem (end_date);
      if (times->end_date_problem == NULL &&
          (!parse_date (end_date, &day[0], &day[1], &day[2], &precision) || !g_str_equal (precision, "day")))
        /* Translators: keep the digits as they are */
        times->end_date_problem = g_strdup (_("Write the end date as 2026-03-12"));
    }
  if (*end != '\0')
    times->end_problem = *start == '\0' ? g_strdup (_("An end time needs a start time"))
                                        : time_problem (end, TRUE);
  if (times->end_problem != NULL || times->end_date_problem != NULL || (*end == '\0' && !several_days))
    return;
  if (*end != '\0')
    parse_time (end, &hour, &minute);
  times->ends = g_date_time_new (zone, day[0], day[1], day[2], hour, minute, 0);
  if (g_date_time_compare (times->ends, times->starts) > 0 || (*end == '\0' && several_days &&
                                                                g_date_time_compare (times->ends, times->starts) == 0))
    return;
  g_clear_pointer (&times->ends, g_date_time_unref);
  if (several_days && (day[0] != ymd[0] || day[1] != ymd[1] || day[2] != ymd[2]))
    times->end_date_problem = g_strdup (_("The meeting ends before it starts"));
  else
    times->end_problem = g_strdup (_("The meeting ends before it starts"));
}

static void
read_times (IcatMeetingEditor *self,
            GTimeZone         *zone,
            Times             *times)
{
  int ymd[3] = { 0, 1, 1 };

  read_start (self, zone, times, ymd);
  if (times->starts != NULL)
    read_end (self, zone, times, ymd);
  icat_row_show_problem (GTK_WIDGET (self->date_row), times->date_problem);
  icat_row_show_problem (GTK_WIDGET (self->start_row), times->start_problem);
  icat_row_show_problem (GTK_WIDGET (self->end_date_row), times->end_date_problem);
  icat_row_show_problem (GTK_WIDGET (self->end_row), times->end_problem);
}

static JsonNode *
timestamp_node (GDateTime *time)
{
  g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;
  g_autofree char *text = utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z") : NULL;

  return _icat_meeting_string_node (text);
}

/* A value queued a moment ago that the typing has since made wrong ("2026-02"
 * on the way to "2026-02-30") is taken back before it is sent. */
static void
take_back (IcatMeetingEditor *self,
           gboolean           start_too)
{
  if (start_too)
    {
      icat_autosave_unset (self->autosave, ICAT_KEY_STARTS_AT);
      icat_autosave_unset (self->autosave, ICAT_KEY_DATE_PRECISION);
    }
  icat_autosave_unset (self->autosave, ICAT_KEY_ENDS_AT);
  icat_autosave_unset (self->autosave, ICAT_KEY_MULTI_DAY);
}

static void
save_time (IcatMeetingEditor *self)
{
  g_autoptr(GTimeZone) zone = zone_new (selected_zone (self));
  g_auto(Times) times = { NULL };

  if (zone == NULL || self->loading > 0)
    return;
  read_times (self, zone, &times);
  if (times.starts == NULL)
    {
      take_back (self, TRUE);
      return;
    }
  _icat_meeting_editor_queue_field (self, ICAT_KEY_STARTS_AT, timestamp_node (times.starts));
  _icat_meeting_editor_queue_field (self, ICAT_KEY_DATE_PRECISION, _icat_meeting_string_node (times.precision));
  /* The end and whether it is on a later day are saved together, or not at all. */
  if (times.end_problem != NULL || times.end_date_problem != NULL)
    take_back (self, FALSE);
  else
    {
      _icat_meeting_editor_queue_field (self, ICAT_KEY_ENDS_AT, timestamp_node (times.ends));
      _icat_meeting_editor_queue_field (self, ICAT_KEY_MULTI_DAY,
                                        json_node_init_boolean (json_node_alloc (),
                                                                gtk_switch_get_active (self->multi_day_switch)));
    }
  _icat_meeting_time_update (self);
}

static void
time_changed_cb (IcatMeetingEditor *self)
{
  save_time (self);
}

/* Turned on, the end date starts as the day after the start. */
static void
multi_day_toggled_cb (IcatMeetingEditor *self)
{
  gboolean several_days = gtk_switch_get_active (self->multi_day_switch);
  g_autofree char *end_date = _icat_meeting_stripped_text (self->end_date_row);
  g_autofree char *date = _icat_meeting_stripped_text (self->date_row);
  int year, month, day;
  const char *precision;

  gtk_widget_set_visible (GTK_WIDGET (self->end_date_row), several_days);
  if (self->loading > 0)
    return;
  if (several_days && *end_date == '\0' && parse_date (date, &year, &month, &day, &precision) &&
      g_str_equal (precision, "day"))
    {
      g_autoptr(GDateTime) start = g_date_time_new_utc (year, month, day, 12, 0, 0);
      g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);
      g_autofree char *text = icat_day_string (next);

      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (self->end_date_row), text);
      self->loading--;
    }
  if (!several_days)
    icat_row_show_problem (GTK_WIDGET (self->end_date_row), NULL);
  save_time (self);
}

static void
calendar_shown_cb (IcatMeetingEditor *self)
{
  g_autofree char *text = _icat_meeting_stripped_text (self->date_row);
  int year, month, day;
  const char *precision;
  g_autoptr(GDateTime) date = NULL;

  if (parse_date (text, &year, &month, &day, &precision))
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date != NULL)
    gtk_calendar_select_day (self->calendar, date);
}

static void
day_selected_cb (IcatMeetingEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = icat_day_string (date);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

/* A row that says what is wrong with its text keeps that text when the
 * record changes under it: it is newer than what was stored. */
static void
load_entry (AdwEntryRow *row,
            const char  *text)
{
  if (icat_row_get_problem (GTK_WIDGET (row)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
load_times (IcatMeetingEditor *self,
            JsonObject        *data)
{
  const char *precision = icat_json_get_string (data, ICAT_KEY_DATE_PRECISION);
  const char *starts_at = icat_json_get_string (data, ICAT_KEY_STARTS_AT);
  const char *ends_at = icat_json_get_string (data, ICAT_KEY_ENDS_AT);
  g_autoptr(GTimeZone) zone = zone_new (icat_json_get_string (data, ICAT_KEY_TIMEZONE));
  g_autoptr(GDateTime) utc = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) end_utc = ends_at ? g_date_time_new_from_iso8601 (ends_at, NULL) : NULL;
  g_autoptr(GDateTime) starts = NULL, ends = NULL;
  g_autofree char *date = NULL, *start = NULL, *end = NULL, *end_date = NULL, *start_day = NULL;
  gboolean minute = g_strcmp0 (precision, "minute") == 0;
  JsonNode *marked;
  gboolean several_days;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  starts = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  ends = end_utc ? g_date_time_to_timezone (end_utc, zone) : NULL;
  if (starts != NULL)
    date = g_date_time_format (starts, g_strcmp0 (precision, "year") == 0 ? "%Y"
                                       : g_strcmp0 (precision, "month") == 0 ? "%Y-%m" : "%Y-%m-%d");
  start = starts && minute ? g_date_time_format (starts, "%H:%M") : NULL;
  end = ends && minute ? g_date_time_format (ends, "%H:%M") : NULL;
  end_date = icat_day_string (ends);
  /* A record that ends on a later day shows it so, marked or not. */
  start_day = icat_day_string (starts);
  marked = json_object_get_member (data, ICAT_KEY_MULTI_DAY);
  several_days = (marked != NULL && JSON_NODE_HOLDS_VALUE (marked) && json_node_get_boolean (marked)) ||
                 (start_day != NULL && end_date != NULL && strcmp (start_day, end_date) != 0);
  load_entry (self->date_row, date);
  load_entry (self->start_row, start);
  load_entry (self->end_row, end);
  load_entry (self->end_date_row, several_days ? end_date : NULL);
  gtk_switch_set_active (self->multi_day_switch, several_days);
  gtk_widget_set_visible (GTK_WIDGET (self->end_date_row), several_days);
}

static void
load_venue (IcatMeetingEditor *self,
            JsonObject        *data)
{
  const char *venue = icat_json_get_string (data, ICAT_KEY_VENUE);
  guint index = VENUE_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    if (g_strcmp0 (venue, venues[i].venue) == 0)
      index = i;
  adw_combo_row_set_selected (self->venue_row, index);
  gtk_editable_set_text (GTK_EDITABLE (self->city_row), index == VENUE_OTHER && venue ? venue : "");
  load_entry (self->zone_row, icat_json_get_string (data, ICAT_KEY_TIMEZONE));
  show_place_rows (self);
}

void
_icat_meeting_time_load (IcatMeetingEditor *self,
                         JsonObject        *data)
{
  load_venue (self, data);
  load_times (self, data);
}

void
_icat_meeting_time_init (IcatMeetingEditor *self)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    gtk_string_list_append (places, icat_format_venue (venues[i].venue));
  gtk_string_list_append (places, _("Other…"));
  adw_combo_row_set_model (self->venue_row, G_LIST_MODEL (places));
  g_signal_connect_swapped (self->venue_row, "notify::selected", G_CALLBACK (venue_selected_cb), self);
}

void
_icat_meeting_time_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, multi_day_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}
