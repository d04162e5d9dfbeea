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

static const struct {
  const char *field;   /* NULL: any field */
  const char *value;
  const char *label;
} enum_labels[] = {
  /* action item and paper statuses */
  { NULL, "open", N_("Open") },
  { NULL, "in-progress", N_("In progress") },
  { NULL, "done", N_("Done") },
  { NULL, "blocked", N_("Blocked") },
  { NULL, "cancelled", N_("Cancelled") },
  { NULL, "proposed", N_("Proposed") },
  { NULL, "drafting", N_("Drafting") },
  { NULL, "agency-review", N_("Agency review") },
  { NULL, "wg-endorsement", N_("Working Group endorsement") },
  { NULL, "published", N_("Published") },
  /* meeting records */
  { NULL, "draft", N_("Draft") },
  { NULL, "circulated", N_("Circulated") },
  { NULL, "approved", N_("Approved") },
  /* priorities */
  { NULL, "low", N_("Low") },
  { NULL, "normal", N_("Normal") },
  { NULL, "high", N_("High") },
  /* meeting kinds */
  { NULL, "working-group", N_("Working Group") },
  { NULL, "principals", N_("Principals-level meeting") },
  { NULL, "member-state-briefing", N_("Briefing for Member States") },
  { NULL, "hq-briefing", N_("Headquarters briefing") },
  { NULL, "other", N_("Other") },
  /* paper kinds */
  { NULL, "policy-paper", N_("Policy paper") },
  { NULL, "issue-brief", N_("Issue brief") },
  { NULL, "joint-statement", N_("Joint statement") },
  { NULL, "report", N_("Report") },
  /* pillars */
  { NULL, "general", N_("General") },
  { NULL, "prevention", N_("Prevention") },
  { NULL, "protection", N_("Protection") },
  { NULL, "prosecution", N_("Prosecution") },
  { NULL, "partnership", N_("Partnership") },
  { NULL, "coordination", N_("Coordination") },
  { NULL, "reporting", N_("Reporting") },
  /* addressees */
  { "addressee", "icat", N_("Addressed to ICAT") },
  { "addressee", "coordinator", N_("Addressed to UNODC as coordinator") },
  { "addressee", "member-states", N_("Addressed to Member States") },
  { "addressee", "secretary-general", N_("Addressed to the Secretary-General") },
  { "addressee", "un-system", N_("Addressed to the UN system") },
  { "addressee", "stakeholders", N_("Addressed to all stakeholders") },
  /* agency kinds and roles */
  { NULL, "un-entity", N_("UN entity") },
  { NULL, "intergovernmental", N_("Intergovernmental organization") },
  { NULL, "regional", N_("Regional organization") },
  { NULL, "member", N_("Member") },
  { NULL, "inactive-member", N_("Inactive member") },
  { NULL, "partner", N_("Partner") },
  { "role", "working-group", N_("Working Group member") },
  { NULL, "coordinator", N_("Coordinator") },
  /* invitees */
  { NULL, "state", N_("State") },
  { NULL, "organization", N_("Organization") },
};

const char *
icat_format_enum (const char *field,
                  const char *value)
{
  const char *fallback = NULL;

  if (value == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      if (g_strcmp0 (enum_labels[i].value, value) != 0)
        continue;
      if (enum_labels[i].field != NULL && g_strcmp0 (enum_labels[i].field, field) == 0)
        return _(enum_labels[i].label);
      if (enum_labels[i].field == NULL && fallback == NULL)
        fallback = enum_labels[i].label;
    }
  return fallback ? _(fallback) : value;
}

char *
icat_format_agency_roles (JsonObject *agency)
{
  g_autoptr(GString) roles = g_string_new (icat_format_enum ("kind", json_object_get_string_member_with_default (agency, "kind", NULL)));
  JsonArray *memberships = json_object_has_member (agency, "memberships")
                           ? json_object_get_array_member (agency, "memberships") : NULL;

  for (guint i = 0; memberships != NULL && i < json_array_get_length (memberships); i++)
    {
      JsonObject *membership = json_array_get_object_element (memberships, i);
      const char *from = json_object_get_string_member_with_default (membership, "from", "");
      const char *to = json_object_get_string_member_with_default (membership, "to", NULL);

      g_string_append (roles, " · ");
      if (to != NULL)
        /* Translators: a role held over a period, e.g. "Member 2006–2011" */
        g_string_append_printf (roles, _("%s %.4s–%.4s"),
                                icat_format_enum ("role", json_object_get_string_member (membership, "role")), from, to);
      else
        /* Translators: a role held since a year, e.g. "Member since 2006" */
        g_string_append_printf (roles, _("%s since %.4s"),
                                icat_format_enum ("role", json_object_get_string_member (membership, "role")), from);
    }
  return g_string_free (g_steal_pointer (&roles), FALSE);
}

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
