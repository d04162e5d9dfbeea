/* icat-format.c — record values as people read them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-format"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-format.h"

char *
icat_format_meeting_when (JsonObject *meeting)
{
  const char *starts_at = json_object_get_string_member_with_default (meeting, "starts_at", NULL);
  const char *zone_name = json_object_get_string_member_with_default (meeting, "timezone", NULL);
  const char *precision = json_object_get_string_member_with_default (meeting, "date_precision", "day");
  g_autoptr(GDateTime) utc = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *format;

  if (utc == NULL)
    return g_strdup (_("Date unknown"));
  local = zone ? g_date_time_to_timezone (utc, zone) : g_date_time_ref (utc);

  if (g_strcmp0 (precision, "year") == 0)
    /* Translators: a date known only to the year; strftime format */
    format = _("%Y");
  else if (g_strcmp0 (precision, "month") == 0)
    /* Translators: a date known to the month, e.g. "May 2018"; strftime format */
    format = _("%B %Y");
  else if (g_strcmp0 (precision, "minute") == 0)
    /* Translators: a date and time, e.g. "2 May 2018, 10:00"; strftime format */
    format = _("%-d %B %Y, %H:%M");
  else
    /* Translators: a day, e.g. "2 May 2018"; strftime format */
    format = _("%-d %B %Y");
  return g_date_time_format (local, format);
}

static const struct {
  const char *venue;
  const char *label;
} venues[] = {
  { "Geneva", N_("Geneva") },
  { "Vienna", N_("Vienna") },
  { "New York", N_("New York") },
  { "London", N_("London") },
  { "virtual", N_("Virtual") },
};

const char *
icat_format_venue (const char *venue)
{
  if (venue == NULL)
    return _("Venue unknown");
  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    if (g_strcmp0 (venue, venues[i].venue) == 0)
      return _(venues[i].label);
  return venue;
}
