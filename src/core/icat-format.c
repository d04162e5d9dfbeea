/* icat-format.c — record values as people read them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"

/* The zone of a name, kept for the life of the process: lists format the
 * dates of hundreds of meetings in a handful of zones, and reading a zone
 * from the system's database each time cost more than the rest of the
 * formatting. Shared by every thread that formats (documents, exports)
 * or checks (an import). */
GTimeZone *
icat_time_zone_named (const char *zone_name)
{
  static GMutex lock;
  static GHashTable *zones;
  GTimeZone *zone;

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, zone_name);
  if (zone == NULL && (zone = g_time_zone_new_identifier (zone_name)) != NULL)
    g_hash_table_insert (zones, g_strdup (zone_name), zone);
  if (zone != NULL)
    g_time_zone_ref (zone);
  g_mutex_unlock (&lock);
  return zone;
}

char *
icat_format_meeting_when (JsonObject *meeting)
{
  const char *starts_at = json_object_get_string_member_with_default (meeting, "starts_at", NULL);
  const char *zone_name = json_object_get_string_member_with_default (meeting, "timezone", NULL);
  const char *precision = json_object_get_string_member_with_default (meeting, "date_precision", "day");
  g_autoptr(GDateTime) utc = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GTimeZone) zone = zone_name ? icat_time_zone_named (zone_name) : NULL;
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
  { NULL, "open", NC_("value", "Open") },
  { NULL, "in-progress", NC_("value", "In progress") },
  { NULL, "done", NC_("value", "Done") },
  { NULL, "blocked", NC_("value", "Blocked") },
  { NULL, "cancelled", NC_("value", "Cancelled") },
  { NULL, "proposed", NC_("value", "Proposed") },
  { NULL, "drafting", NC_("value", "Drafting") },
  { NULL, "agency-review", NC_("value", "Agency review") },
  { NULL, "wg-endorsement", NC_("value", "Working Group endorsement") },
  { NULL, "published", NC_("value", "Published") },
  /* meeting records */
  { NULL, "draft", NC_("value", "Draft") },
  { NULL, "circulated", NC_("value", "Circulated") },
  { NULL, "approved", NC_("value", "Approved") },
  /* work plans */
  { NULL, "endorsed", NC_("value", "Endorsed by the Working Group") },
  /* priorities */
  { NULL, "low", NC_("value", "Low") },
  { NULL, "normal", NC_("value", "Normal") },
  { NULL, "high", NC_("value", "High") },
  /* meeting kinds */
  { NULL, "working-group", NC_("value", "Working Group") },
  { NULL, "principals", NC_("value", "Principals-level meeting") },
  { NULL, "member-state-briefing", NC_("value", "Briefing for Member States") },
  { NULL, "hq-briefing", NC_("value", "Headquarters briefing") },
  { NULL, "other", NC_("value", "Other") },
  /* paper kinds */
  { NULL, "policy-paper", NC_("value", "Policy paper") },
  { NULL, "issue-brief", NC_("value", "Issue brief") },
  { NULL, "joint-statement", NC_("value", "Joint statement") },
  { NULL, "report", NC_("value", "Report") },
  /* pillars */
  { NULL, "general", NC_("value", "General") },
  { NULL, "prevention", NC_("value", "Prevention") },
  { NULL, "protection", NC_("value", "Protection") },
  { NULL, "prosecution", NC_("value", "Prosecution") },
  { NULL, "partnership", NC_("value", "Partnership") },
  { NULL, "coordination", NC_("value", "Coordination") },
  { NULL, "reporting", NC_("value", "Reporting") },
  /* addressees */
  { "addressee", "icat", NC_("value", "Addressed to ICAT") },
  { "addressee", "coordinator", NC_("value", "Addressed to UNODC as coordinator") },
  { "addressee", "unodc", NC_("value", "Addressed to UNODC in its own right") },
  { "addressee", "member-states", NC_("value", "Addressed to Member States") },
  { "addressee", "secretary-general", NC_("value", "Addressed to the Secretary-General") },
  { "addressee", "un-system", NC_("value", "Addressed to the UN system") },
  { "addressee", "stakeholders", NC_("value", "Addressed to all stakeholders") },
  /* agency kinds and roles */
  { NULL, "un-entity", NC_("value", "UN entity") },
  { NULL, "intergovernmental", NC_("value", "Intergovernmental organization") },
  { NULL, "regional", NC_("value", "Regional organization") },
  { NULL, "member", NC_("value", "Member") },
  { NULL, "inactive-member", NC_("value", "Inactive member") },
  { NULL, "partner", NC_("value", "Partner") },
  { "role", "working-group", NC_("value", "Working Group member") },
  { NULL, "coordinator", NC_("value", "Coordinator") },
  /* clearances of joint papers */
  { "state", "requested", NC_("value", "Requested") },
  { "state", "cleared", NC_("value", "Cleared") },
  { "state", "cleared-with-comments", NC_("value", "Cleared with comments") },
  { "state", "objected", NC_("value", "Objected") },
  /* invitees */
  { NULL, "state", NC_("value", "State") },
  { NULL, "organization", NC_("value", "Organization") },
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
        return g_dpgettext2 (GETTEXT_PACKAGE, "value", enum_labels[i].label);
      if (enum_labels[i].field == NULL && fallback == NULL)
        fallback = enum_labels[i].label;
    }
  return fallback ? g_dpgettext2 (GETTEXT_PACKAGE, "value", fallback) : value;
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

char *
icat_format_date (const char *date)
{
  int year = 0, month = 0, day = 0;
  int fields;
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  fields = sscanf (date, "%4d-%2d-%2d", &year, &month, &day);
  when = g_date_time_new_utc (year, fields >= 2 ? month : 1, fields >= 3 ? day : 1, 0, 0, 0);
  if (when == NULL)
    return g_strdup (date);
  if (fields >= 3)
    return g_date_time_format (when, _("%-d %B %Y"));
  if (fields == 2)
    return g_date_time_format (when, _("%B %Y"));
  return g_date_time_format (when, _("%Y"));
}

/* Compares two dates of the format as far as both go: "2011" and
 * "2011-01-01" are the same time. */
static int
compare_partial_dates (const char *a,
                       const char *b)
{
  return strncmp (a, b, MIN (strlen (a), strlen (b)));
}

IcatAgencyStatus
icat_agency_status_on (JsonObject *agency,
                       const char *date,
                       gboolean   *working_group)
{
  JsonNode *node = agency ? json_object_get_member (agency, "memberships") : NULL;
  JsonArray *memberships = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  IcatAgencyStatus status = ICAT_AGENCY_STATUS_NONE;
  const char *latest_from = NULL;
  gboolean coordinator = FALSE, ended = FALSE, in_group = FALSE;

  g_return_val_if_fail (date != NULL, ICAT_AGENCY_STATUS_NONE);

  for (guint i = 0; memberships != NULL && i < json_array_get_length (memberships); i++)
    {
      JsonObject *membership = json_array_get_object_element (memberships, i);
      const char *role = membership ? json_object_get_string_member_with_default (membership, "role", NULL) : NULL;
      const char *from = membership ? json_object_get_string_member_with_default (membership, "from", NULL) : NULL;
      const char *to = membership ? json_object_get_string_member_with_default (membership, "to", NULL) : NULL;

      if (role == NULL || from == NULL || compare_partial_dates (from, date) > 0)
        continue;
      if (to != NULL && compare_partial_dates (to, date) < 0)
        {
          ended |= g_strcmp0 (role, "working-group") != 0;
          continue;
        }
      if (g_str_equal (role, "working-group"))
        in_group = TRUE;
      else if (g_str_equal (role, "coordinator"))
        coordinator = TRUE;
      else if (latest_from == NULL || strcmp (from, latest_from) >= 0)
        {
          latest_from = from;
          status = g_str_equal (role, "inactive-member") ? ICAT_AGENCY_STATUS_INACTIVE_MEMBER
                   : g_str_equal (role, "partner") ? ICAT_AGENCY_STATUS_PARTNER
                   : ICAT_AGENCY_STATUS_MEMBER;
        }
    }
  if (working_group != NULL)
    *working_group = in_group;
  if (coordinator)
    return ICAT_AGENCY_STATUS_COORDINATOR;
  if (status == ICAT_AGENCY_STATUS_NONE && ended)
    return ICAT_AGENCY_STATUS_FORMER_MEMBER;
  return status;
}

const char *
icat_format_agency_status (IcatAgencyStatus status)
{
  switch (status)
    {
    case ICAT_AGENCY_STATUS_MEMBER:
      return C_("agency status", "Active member");
    case ICAT_AGENCY_STATUS_INACTIVE_MEMBER:
      return C_("agency status", "Inactive member");
    case ICAT_AGENCY_STATUS_PARTNER:
      return C_("agency status", "Partner");
    case ICAT_AGENCY_STATUS_COORDINATOR:
      return C_("agency status", "Coordinator");
    case ICAT_AGENCY_STATUS_FORMER_MEMBER:
      return C_("agency status", "Former member");
    case ICAT_AGENCY_STATUS_NONE:
    default:
      return "";
    }
}

/* Action items {{{ */

/* The translated words come from icat_format_enum, shared by every view. */
const char *
icat_action_status_label (const char *status)
{
  return status ? icat_format_enum ("status", status) : "";
}

const char *
icat_action_priority_label (const char *priority)
{
  /* Absent means normal. */
  return icat_format_enum ("priority", priority ? priority : "normal");
}

const char *
icat_action_pillar_label (const char *pillar)
{
  return pillar ? icat_format_enum ("pillar", pillar) : "";
}

char *
icat_action_format_date (const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  gsize len = date ? strlen (date) : 0;

  if (!icat_is_date (date))
    return g_strdup (date ? date : "");
  if (len == 4)
    return g_strdup (date);
  when = g_date_time_new_utc (atoi (date), atoi (date + 5), len == 10 ? atoi (date + 8) : 1, 0, 0, 0);
  if (len == 7)
    /* Translators: a month, strftime format: "Nov 2026" */
    return g_date_time_format (when, C_("date format", "%b %Y"));
  /* Translators: a day, strftime format: "23 Nov 2026" */
  return g_date_time_format (when, C_("date format", "%-d %b %Y"));
}

gboolean
icat_action_item_is_overdue (JsonObject *item,
                             const char *today)
{
  const char *due = json_object_get_string_member_with_default (item, "due", NULL);
  const char *status = json_object_get_string_member_with_default (item, "status", NULL);

  if (due == NULL || today == NULL)
    return FALSE;
  return strcmp (due, today) < 0 && g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "cancelled") != 0;
}

/* }}} */
/* Mandates and records {{{ */

/* A reference such as "72/195 ¶10" has no letter to say which way it
 * reads: in a right-to-left line its parts would be reordered to "10¶
 * 72/195". Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE it
 * is one run of its own, left to right when it holds no letter, and in
 * the direction of its letters when a translation gives it some. */
static char *
bidi_isolated (char *label)
{
  char *isolated = g_strconcat ("\u2068", label, "\u2069", NULL);

  g_free (label);
  return isolated;
}

static char *
mandate_label (const char *document,
               const char *paragraph)
{
  gboolean annex;

  /* A mandate is one paragraph of one document: without both there is
   * nothing to abbreviate, and the caller shows the record's title. */
  if (document == NULL || *document == '\0' || paragraph == NULL || *paragraph == '\0')
    return NULL;
  annex = g_str_has_prefix (paragraph, "annex ");
  /* The Global Plan of Action is the annex of 64/293. */
  if (g_str_equal (document, "A/RES/64/293") && annex)
    /* Translators: a paragraph of the Global Plan of Action, e.g. "GPA annex 11" */
    return g_strdup_printf (_("GPA annex %s"), paragraph + strlen ("annex "));
  if (g_str_has_prefix (document, "A/RES/"))
    document += strlen ("A/RES/");
  else if (g_str_has_prefix (document, "E/RES/"))
    document += strlen ("E/RES/");
  else if (g_str_has_prefix (document, "CTOC/COP resolution "))
    document += strlen ("CTOC/COP resolution ");
  if (annex)
    /* Translators: a resolution's annex paragraph, e.g. "72/195 annex 3" */
    return g_strdup_printf (_("%s annex %s"), document, paragraph + strlen ("annex "));
  /* Translators: a resolution's paragraph, e.g. "72/195 ¶10" */
  return g_strdup_printf (_("%s ¶%s"), document, paragraph);
}

char *
icat_mandate_short_label (const char *document,
                          const char *paragraph)
{
  char *label = mandate_label (document, paragraph);

  return label != NULL ? bidi_isolated (label) : NULL;
}

char *
icat_action_mandate_short_label (IcatRecord *mandate)
{
  char *label;

  g_return_val_if_fail (ICAT_IS_RECORD (mandate), NULL);

  label = icat_mandate_short_label (icat_record_get_string (mandate, "document"),
                                    icat_record_get_string (mandate, "paragraph"));
  return label ? label : g_strdup (icat_record_get_title (mandate));
}

/* What a choice list shows for an entry that is not a record: the core
 * knows no GTK, so a GtkStringObject is read through its "string" property. */
static char *
dup_string_property (GObject *item)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "string");
  char *text = NULL;

  if (pspec != NULL && pspec->value_type == G_TYPE_STRING && (pspec->flags & G_PARAM_READABLE))
    g_object_get (item, "string", &text, NULL);
  return text ? text : g_strdup ("");
}

char *
icat_action_record_label (GObject *item)
{
  const char *kind;

  if (item == NULL)
    return g_strdup ("");
  if (!ICAT_IS_RECORD (item))
    return dup_string_property (item);
  kind = icat_record_get_kind (ICAT_RECORD (item));
  if (g_str_equal (kind, "agency"))
    return g_strdup (icat_record_get_string (ICAT_RECORD (item), "acronym"));
  if (g_str_equal (kind, "meeting"))
    {
      g_autofree char *when = icat_format_meeting_when (icat_record_get_data (ICAT_RECORD (item)));

      /* Translators: a meeting in a list: title · date */
      return g_strdup_printf (_("%s · %s"), icat_record_get_title (ICAT_RECORD (item)), when);
    }
  return g_strdup (icat_record_get_title (ICAT_RECORD (item)));
}

/* }}} */
/* Meetings and the user's language {{{ */

const char *
icat_meeting_kind_label (const char *kind)
{
  static const char * const labels[] = {
    N_("Working Group"), N_("Principals"), N_("Member State Briefing"),
    N_("Headquarters Briefing"), N_("Other"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == 5);
  for (guint i = 0; icat_meeting_kinds[i] != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, icat_meeting_kinds[i]) == 0)
      return _(labels[i]);
  return kind != NULL ? kind : "";
}

const char *
icat_meeting_status_label (const char *record_status)
{
  if (g_strcmp0 (record_status, "circulated") == 0)
    return _("Circulated");
  if (g_strcmp0 (record_status, "approved") == 0)
    return _("Approved");
  return _("Draft");
}

const char *
icat_list_separator (void)
{
  /* Translators: between the items of a list on one line (agenda items,
   * mandates, agencies…): "; " in English, "؛ " in Arabic, "；" without a
   * space in Chinese, " ; " with a no-break space in French */
  return _("; ");
}

void
icat_list_append (GString    *list,
                  const char *item)
{
  if (list->len > 0)
    g_string_append (list, icat_list_separator ());
  g_string_append (list, item);
}

const char *
icat_user_language (void)
{
  return g_str_equal (icat_localized_user_code (), "zh") ? "zh" : "en";
}

/* }}} */
