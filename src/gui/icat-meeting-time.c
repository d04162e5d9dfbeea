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

#include "icat-format.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"

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
  const char *zone_name = icat_json_get_string (shown, "timezone");
  const char *starts_at = icat_json_get_string (shown, "starts_at");
  const char *ends_at = icat_json_get_string (shown, "ends_at");
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) starts = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) ends = ends_at ? g_date_time_new_from_iso8601 (ends_at, NULL) : NULL;
  g_autoptr(GDateTime) local_starts = NULL, local_ends = NULL;
  g_autofree char *city = zone_city (icat_json_get_string (shown, "venue"), zone_name);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  if (g_strcmp0 (icat_json_get_string (shown, "date_precision"), "minute") != 0 || starts == NULL || zone == NULL)
    return g_strdup (_("No time set"));
  local_starts = g_date_time_to_timezone (starts, zone);
  a = g_date_time_format (local_starts, "%H:%M");
  b = g_date_time_format (starts, "%H:%M");
  if (ends == NULL)
    /* Translators: "10:00 Vienna time · 09:00 UTC" */
    return g_strdup_printf (_("%1$s %2$s time · %3$s UTC"), a, city, b);
  local_ends = g_date_time_to_timezone (ends, zone);
  c = g_date_time_format (local_ends, "%H:%M");
  d = g_date_time_format (ends, "%H:%M");
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
  _icat_meeting_show_error (self->zone_row, zone == NULL);
  if (self->loading > 0)
    return;
  _icat_meeting_editor_queue_field (self, "venue", _icat_meeting_string_node (venue < VENUE_OTHER ? venues[venue].venue : city));
  if (zone == NULL)
    return;
  _icat_meeting_editor_queue_field (self, "timezone", _icat_meeting_string_node (zone_name));
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

static GDateTime *
read_times (IcatMeetingEditor *self,
            GTimeZone         *zone,
            GDateTime        **ends,
            const char       **precision)
{
  g_autofree char *date = _icat_meeting_stripped_text (self->date_row);
  g_autofree char *start = _icat_meeting_stripped_text (self->start_row);
  g_autofree char *end = _icat_meeting_stripped_text (self->end_row);
  int year = 0, month = 1, day = 1, hour = 12, minute = 0, end_hour = 0, end_minute = 0;
  gboolean date_ok = parse_date (date, &year, &month, &day, precision);
  gboolean full_day = date_ok && g_str_equal (*precision, "day");
  gboolean start_ok = *start == '\0' || (full_day && parse_time (start, &hour, &minute));
  gboolean end_ok = *end == '\0' || (full_day && *start != '\0' && parse_time (end, &end_hour, &end_minute));
  GDateTime *starts = date_ok ? g_date_time_new (zone, year, month, day, hour, minute, 0) : NULL;

  _icat_meeting_show_error (self->date_row, starts == NULL);
  _icat_meeting_show_error (self->start_row, !start_ok);
  _icat_meeting_show_error (self->end_row, !end_ok);
  if (starts != NULL && (!start_ok || !end_ok))
    g_clear_pointer (&starts, g_date_time_unref);
  if (starts == NULL)
    return NULL;
  if (*start != '\0')
    *precision = "minute";
  if (*end != '\0')
    {
      g_autoptr(GDateTime) same_day = g_date_time_new (zone, year, month, day, end_hour, end_minute, 0);

      /* An end before the start is the next morning. */
      *ends = g_date_time_compare (same_day, starts) > 0 ? g_date_time_ref (same_day)
                                                          : g_date_time_add_days (same_day, 1);
    }
  return starts;
}

static JsonNode *
timestamp_node (GDateTime *time)
{
  g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;
  g_autofree char *text = utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z") : NULL;

  return _icat_meeting_string_node (text);
}

static void
save_time (IcatMeetingEditor *self)
{
  g_autoptr(GTimeZone) zone = zone_new (selected_zone (self));
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  const char *precision = NULL;

  if (zone == NULL || self->loading > 0)
    return;
  starts = read_times (self, zone, &ends, &precision);
  if (starts == NULL)
    return;
  _icat_meeting_editor_queue_field (self, "starts_at", timestamp_node (starts));
  _icat_meeting_editor_queue_field (self, "ends_at", timestamp_node (ends));
  _icat_meeting_editor_queue_field (self, "date_precision", _icat_meeting_string_node (precision));
  _icat_meeting_time_update (self);
}

static void
time_changed_cb (IcatMeetingEditor *self)
{
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
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
load_times (IcatMeetingEditor *self,
            JsonObject        *data)
{
  const char *precision = icat_json_get_string (data, "date_precision");
  const char *starts_at = icat_json_get_string (data, "starts_at");
  const char *ends_at = icat_json_get_string (data, "ends_at");
  g_autoptr(GTimeZone) zone = zone_new (icat_json_get_string (data, "timezone"));
  g_autoptr(GDateTime) utc = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) end_utc = ends_at ? g_date_time_new_from_iso8601 (ends_at, NULL) : NULL;
  g_autoptr(GDateTime) starts = NULL, ends = NULL;
  g_autofree char *date = NULL, *start = NULL, *end = NULL;
  gboolean minute = g_strcmp0 (precision, "minute") == 0;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  starts = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  ends = end_utc && minute ? g_date_time_to_timezone (end_utc, zone) : NULL;
  if (starts != NULL)
    date = g_date_time_format (starts, g_strcmp0 (precision, "year") == 0 ? "%Y"
                                       : g_strcmp0 (precision, "month") == 0 ? "%Y-%m" : "%Y-%m-%d");
  start = starts && minute ? g_date_time_format (starts, "%H:%M") : NULL;
  end = ends ? g_date_time_format (ends, "%H:%M") : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start ? start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end ? end : "");
  _icat_meeting_show_error (self->date_row, FALSE);
  _icat_meeting_show_error (self->start_row, FALSE);
  _icat_meeting_show_error (self->end_row, FALSE);
}

static void
load_venue (IcatMeetingEditor *self,
            JsonObject        *data)
{
  const char *venue = icat_json_get_string (data, "venue");
  guint index = VENUE_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    if (g_strcmp0 (venue, venues[i].venue) == 0)
      index = i;
  adw_combo_row_set_selected (self->venue_row, index);
  gtk_editable_set_text (GTK_EDITABLE (self->city_row), index == VENUE_OTHER && venue ? venue : "");
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), icat_json_get_string (data, "timezone") ? icat_json_get_string (data, "timezone") : "");
  show_place_rows (self);
  _icat_meeting_show_error (self->zone_row, FALSE);
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
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}
