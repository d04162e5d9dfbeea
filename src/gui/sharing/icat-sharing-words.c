/* icat-sharing-words.c — conflicts and laptops as a coordinator reads them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No widgets here: what the sync window shows is worded by plain
 * functions, so a test can check the words without a display.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icat-fields.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-sharing-words.h"

typedef struct {
  const char *name;
  const char *label;
} Label;

static const Label kind_labels[] = {
  { "meeting", N_("Meeting") },
  { "action_item", N_("Action item") },
  { "paper", N_("Paper") },
  { "agency", N_("Agency") },
  { "mandate", N_("Mandate") },
  { "chair_term", N_("Chair term") },
  { "work_plan", N_("Work plan") },
};

/* The editors' own labels, so a conflict names a field as the editor
 * the coordinator opens does. */
static const Label field_labels[] = {
  { ICAT_KEY_ACRONYM, N_("Acronym") },
  { ICAT_KEY_AGENCY, N_("Agency") },
  { ICAT_KEY_AGENDA, N_("Agenda") },
  { ICAT_KEY_APPROVED_ON, N_("Approved on") },
  { ICAT_KEY_ATTACHMENTS, N_("Attachments") },
  { ICAT_KEY_ATTENDANCE, N_("Attendance") },
  { ICAT_KEY_CHAIRS, N_("Chairs") },
  { ICAT_KEY_CIRCULATED_ON, N_("Circulated on") },
  { ICAT_KEY_CLEARANCES, N_("Clearances") },
  { ICAT_KEY_ENDORSEMENT_REASON, N_("Reason for endorsement despite an objection") },
  { ICAT_KEY_COMPLETION_NOTE, N_("Completion note") },
  { ICAT_KEY_CONTRIBUTING_AGENCIES, N_("Contributing agencies") },
  { ICAT_KEY_DECISIONS, N_("Decisions") },
  { ICAT_KEY_DESCRIPTION, N_("Description") },
  { ICAT_KEY_DUE, N_("Due") },
  { ICAT_KEY_EMAIL, N_("E-mail") },
  { ICAT_KEY_ENDS_AT, N_("End") },
  { ICAT_KEY_FOCAL_POINTS, N_("Focal points") },
  { ICAT_KEY_HISTORY, N_("Status history") },
  { ICAT_KEY_INVITED, N_("Invited States and Organizations") },
  { ICAT_KEY_KIND, N_("Kind") },
  { ICAT_KEY_LEAD_AGENCIES, N_("Lead agencies") },
  { ICAT_KEY_MANDATES, N_("Mandates") },
  { ICAT_KEY_MEETING, N_("Meeting") },
  { ICAT_KEY_MEMBERSHIPS, N_("Memberships") },
  { ICAT_KEY_MINUTES, N_("Minutes") },
  { ICAT_KEY_MULTI_DAY, N_("Lasts Several Days") },
  { ICAT_KEY_NAME, N_("Name") },
  { ICAT_KEY_NOTE, N_("Note") },
  { ICAT_KEY_NUMBER, N_("Number") },
  { ICAT_KEY_OWNER, N_("Owner") },
  { ICAT_KEY_PHONE, N_("Phone") },
  { ICAT_KEY_PILLAR, N_("Pillar") },
  { ICAT_KEY_PRESENT, N_("Present") },
  { ICAT_KEY_PRIORITY, N_("Priority") },
  { ICAT_KEY_RECORD_STATUS, N_("Status") },
  { ICAT_KEY_STARTS_AT, N_("Start") },
  { ICAT_KEY_STATE, N_("Clearance state") },
  { ICAT_KEY_STATUS, N_("Status") },
  { ICAT_KEY_SUPPORTING, N_("Supporting agencies") },
  { ICAT_KEY_TARGET_DATE, N_("Target date") },
  { ICAT_KEY_TEXT, N_("Text") },
  { ICAT_KEY_TIMEZONE, N_("Time zone") },
  { ICAT_KEY_TITLE, N_("Title") },
  { ICAT_KEY_VENUE, N_("Venue") },
  { ICAT_KEY_WEBSITE, N_("Website") },
};

static const char *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *name)
{
  for (gsize i = 0; name != NULL && i < n_labels; i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);
  return NULL;
}

const char *
icat_sharing_kind_label (const char *record_kind)
{
  const char *label = lookup (kind_labels, G_N_ELEMENTS (kind_labels), record_kind);

  return label ? label : record_kind ? record_kind : "";
}

static const char *
one_field_label (const char *name)
{
  const char *label = lookup (field_labels, G_N_ELEMENTS (field_labels), name);

  return label ? label : name;
}

char *
icat_sharing_field_label (const char *field)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) label = g_string_new (NULL);

  if (field == NULL || *field == '\0')
    return g_strdup ("");
  /* "agenda.minutes": a column of a nested list. */
  parts = g_strsplit (field, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_string_append_printf (label, "%s%s", i ? " · " : "", one_field_label (parts[i]));
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static char *
node_text (JsonNode *node);

/* A text in the languages of the records: "Working Group / 工作组". */
static gboolean
is_localized (GList *members)
{
  for (GList *l = members; l != NULL; l = l->next)
    if (!icat_localized_is_code (l->data))
      return FALSE;
  return members != NULL;
}

/* A deleted record's edits: "Venue: Geneva; Note: …". */
static char *
object_text (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) text = g_string_new (NULL);

  if (is_localized (members))
    {
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *value = node_text (json_object_get_member (object, l->data));

          g_string_append_printf (text, "%s%s", text->len ? " / " : "", value);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *value = node_text (json_object_get_member (object, l->data));

      if (text->len > 0)
        g_string_append (text, icat_list_separator ());
      g_string_append_printf (text, "%s: %s", one_field_label (l->data), value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
array_text (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = json_array_get_length (array);

  if (n == 0)
    return g_strdup (_("(empty)"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *element = node_text (json_array_get_element (array, i));

      g_string_append_printf (text, "%s%s", i ? ", " : "", element);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A text column may hold JSON itself (a title in two languages). */
static char *
string_text (const char *string)
{
  g_autoptr(JsonNode) inner = NULL;

  if (string[0] != '{' && string[0] != '[')
    return g_strdup (string);
  inner = json_from_string (string, NULL);
  if (inner == NULL || JSON_NODE_HOLDS_VALUE (inner) || JSON_NODE_HOLDS_NULL (inner))
    return g_strdup (string);
  return node_text (inner);
}

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_text (json_node_get_object (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return array_text (json_node_get_array (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) ? string_text (json_node_get_string (node)) : g_strdup (_("(empty)"));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

char *
icat_sharing_value_text (const char *value_json)
{
  g_autoptr(JsonNode) node = value_json ? json_from_string (value_json, NULL) : NULL;

  if (node == NULL && value_json != NULL && *value_json != '\0')
    return g_strdup (value_json);
  return node_text (node);
}

gboolean
icat_sharing_value_is_long (const char *value_json)
{
  g_autoptr(JsonNode) node = value_json ? json_from_string (value_json, NULL) : NULL;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  text = json_node_get_string (node);
  return g_utf8_strlen (text, -1) > 80 || strchr (text, '\n') != NULL;
}

char *
icat_sharing_time_text (const char *iso_time)
{
  g_autoptr(GDateTime) utc = iso_time ? g_date_time_new_from_iso8601 (iso_time, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day and time, strftime format: "5 Dec, 10:42". */
    return g_date_time_format (local, _("%-d %b, %H:%M"));
  /* Translators: a day and time of another year: "5 Dec 2025, 10:42". */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
icat_sharing_laptop_name (const IcatSyncStatus *status,
                          const char           *device_id,
                          const char           *self_id)
{
  g_autofree char *short_id = NULL;

  if (device_id == NULL || *device_id == '\0')
    return g_strdup (_("Another laptop"));
  if (g_strcmp0 (device_id, self_id) == 0)
    return g_strdup (_("This laptop"));
  for (guint i = 0; status != NULL && status->laptops != NULL && i < status->laptops->len; i++)
    {
      IcatSyncLaptop *laptop = status->laptops->pdata[i];

      if (g_str_equal (laptop->device_id, device_id) && laptop->name != NULL && *laptop->name != '\0')
        return g_strdup (laptop->name);
    }
  short_id = g_strndup (device_id, 8);
  /* Translators: a laptop that has not given itself a name, and the
   * first characters of its id. */
  return g_strdup_printf (_("Unnamed laptop %s"), short_id);
}

const char *
icat_sharing_kind_explanation (const IcatSyncConflict *conflict)
{
  const char *kind = conflict ? conflict->kind : NULL;

  if (g_strcmp0 (kind, "field") == 0)
    return _("Two laptops changed this field. Both values are kept until you choose.");
  if (g_strcmp0 (kind, "deleted") == 0)
    return _("One laptop deleted this record while another changed it. The record is deleted for now; the changes are kept until you choose.");
  if (g_strcmp0 (kind, "orphan") == 0)
    return _("Something was added to this record on one laptop while another laptop deleted the record, so it was removed with it.");
  if (g_strcmp0 (kind, "restored") == 0)
    return _("Another laptop deleted a record that this one still needs, so it was brought back.");
  if (g_strcmp0 (kind, "cleared") == 0)
    return _("This record pointed to a record another laptop deleted, so the link was removed.");
  if (g_strcmp0 (kind, "approved") == 0)
    return _("Changed on another laptop after approval. The change is kept; the record’s History shows what changed since it was approved.");
  if (g_strcmp0 (kind, "duplicate") == 0)
    return _("Two laptops gave decisions of this meeting the same number. Renumber one of them in the meeting.");
  return _("Two laptops changed this record at the same time.");
}

const char *
icat_sharing_problem_words (IcatSyncProblem  problem,
                            const char      *reason)
{
  switch (problem)
    {
    case ICAT_SYNC_PROBLEM_DAMAGED:
      return _("Damaged or cut short: it is not the file a laptop of the group wrote.");
    case ICAT_SYNC_PROBLEM_SIGNATURE:
      return _("Tampered with or damaged: it was changed after a laptop of the group wrote it.");
    case ICAT_SYNC_PROBLEM_OTHER_GROUP:
      return _("Made by another group, or changed on the way: it is not signed with this group’s key.");
    case ICAT_SYNC_PROBLEM_MISNAMED:
      return _("Misnamed: it was copied or renamed into a place that is not its own.");
    case ICAT_SYNC_PROBLEM_TOO_LARGE:
      return _("Too large to be a change of ICAT Tracker.");
    case ICAT_SYNC_PROBLEM_NEWER:
      return _("Made by a newer version of ICAT Tracker: it waits until this laptop is updated.");
    case ICAT_SYNC_PROBLEM_OTHER:
    default:
      return reason ? reason : "";
    }
}
