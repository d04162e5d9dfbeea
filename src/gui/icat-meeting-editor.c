/* icat-meeting-editor.c — edits one meeting in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field writes through one IcatAutosave. The editor remembers each
 * field as it last showed or sent it ("shown"); when the record changes, only
 * the sections whose stored value differs from that are filled again, so our
 * own saves never disturb the typing, and an Undo or the command line show up.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "icat-autosave.h"
#include "icat-format.h"
#include "icat-meeting-editor.h"
#include "icat-record-list.h"
#include "icat-schema.h"

typedef enum {
  SECTION_AGENDA,
  SECTION_DECISIONS,
  SECTION_ATTENDANCE,
  SECTION_INVITED,
  SECTION_ATTACHMENTS,
  N_SECTIONS
} Section;

static const char * const section_fields[N_SECTIONS] = {
  "agenda", "decisions", "attendance", "invited", "attachments",
};

/* The fields of the top of the editor, filled together. */
static const char * const general_fields[] = {
  "title", "kind", "venue", "timezone", "starts_at", "ends_at", "date_precision",
  "chairs", "record_status", "circulated_on", "approved_on",
};

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

typedef struct {
  char          *id;
  JsonNode      *mandates;   /* kept as they are */
  AdwEntryRow   *title;
  AdwComboRow   *presenter;
  GtkTextBuffer *minutes;
} AgendaItem;

typedef struct {
  IcatMeetingEditor *editor;   /* borrowed */
  char              *agency;
  gboolean           listed;   /* in the record's attendance, or touched */
  AdwEntryRow       *row;
  GtkCheckButton    *present;
} Attendance;

struct _IcatMeetingEditor {
  AdwBin             parent_instance;

  /* Template widgets */
  GtkButton         *back_button;
  AdwWindowTitle    *heading;
  GtkMenuButton     *menu_button;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  AdwActionRow      *warning_row;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *venue_row;
  AdwEntryRow       *city_row;
  AdwEntryRow       *zone_row;
  AdwEntryRow       *date_row;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  AdwEntryRow       *start_row;
  AdwEntryRow       *end_row;
  AdwActionRow      *when_row;
  AdwComboRow       *chair_row;
  AdwComboRow       *cochair_row;
  GtkLabel          *agenda_empty;
  GtkBox            *agenda_box;
  GtkListBox        *decisions_list;
  AdwExpanderRow    *attendance_expander;
  GtkListBox        *invited_list;
  GtkLabel          *attachments_empty;
  GtkBox            *attachments_box;
  AdwComboRow       *status_row;

  /* Borrowed */
  GPtrArray         *attendance;    /* Attendance, one per agency, owned by its row */

  /* Owned */
  IcatStore         *store;
  IcatRecordList    *agencies;      /* by acronym: attendance, chairs, presenters */
  GtkStringList     *agency_names;  /* "None" and the acronyms, as drop-downs show them */
  GPtrArray         *agency_ids;    /* NULL and the ids, in the same order */
  IcatRecord        *meeting;
  IcatAutosave      *autosave;
  JsonObject        *shown;         /* each field as the editor last showed or sent it */
  guint              loading;       /* > 0 while widgets are filled from the record */
  gboolean           save_failed;
};

G_DEFINE_FINAL_TYPE (IcatMeetingEditor, icat_meeting_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEETING_ID,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void section_changed (IcatMeetingEditor *self, Section section);
static void save_time       (IcatMeetingEditor *self);

/* Labels */

const char *
_icat_meeting_kind_label (const char *kind)
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
_icat_meeting_status_label (const char *record_status)
{
  if (g_strcmp0 (record_status, "circulated") == 0)
    return _("Circulated");
  if (g_strcmp0 (record_status, "approved") == 0)
    return _("Approved");
  return _("Draft");
}

static GtkStringList *
labels_model (const char * const *values,
              const char       *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return list;
}

/* JSON helpers */

static JsonArray *
get_array (JsonObject *object,
           const char *field)
{
  JsonNode *node = object ? json_object_get_member (object, field) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonNode *
string_node (const char *text)
{
  if (text == NULL || *text == '\0')
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
value_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_init_int (copy, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return json_node_init_double (copy, json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (copy, json_node_get_boolean (node));
    default:
      return json_node_init_string (copy, json_node_get_string (node));
    }
}

/* A copy without null members and empty lists, so that a value compares
 * equal to what the store gives back for it; NULL for nothing at all. It
 * shares nothing with the original, not even strings: json-glib counts
 * references without atomics, and what is sent is read by the store's
 * writing thread while the editor keeps its copy. */
static JsonNode *
normalized (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy;

      if (json_array_get_length (array) == 0)
        return NULL;
      copy = json_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = normalized (json_array_get_element (array, i));

          json_array_add_element (copy, element ? element : json_node_new (JSON_NODE_NULL));
        }
      return array_node (copy);
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = normalized (json_object_get_member (object, l->data));

          if (member != NULL)
            json_object_set_member (copy, l->data, member);
        }
      return object_node (copy);
    }
  return value_copy (node);
}

static void
remember (IcatMeetingEditor *self,
          const char        *field,
          JsonNode          *value)
{
  JsonNode *copy = normalized (value);

  if (copy != NULL)
    json_object_set_member (self->shown, field, copy);
  else if (json_object_has_member (self->shown, field))
    json_object_remove_member (self->shown, field);
}

static gboolean
is_shown (IcatMeetingEditor *self,
          JsonObject        *data,
          const char        *field)
{
  g_autoptr(JsonNode) stored = normalized (json_object_get_member (data, field));
  JsonNode *shown = json_object_get_member (self->shown, field);

  if (stored == NULL || shown == NULL)
    return stored == shown;
  return json_node_equal (stored, shown);
}

/* Queues a field's new value (transfer full) unless the widgets are being filled. */
static void
queue_field (IcatMeetingEditor *self,
             const char        *field,
             JsonNode          *value)
{
  g_autoptr(JsonNode) owned = value;

  if (self->loading > 0 || self->autosave == NULL)
    return;
  remember (self, field, value);
  icat_autosave_set (self->autosave, field, g_steal_pointer (&owned));
}

static char *
stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
show_error (gpointer  widget,
            gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
toast (IcatMeetingEditor *self,
       const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

const char *
_icat_user_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize len = strcspn (names[i], "_.@");

      if ((len == 1 && names[i][0] == 'C') || strncmp (names[i], "POSIX", 5) == 0)
        continue;
      return len == 2 && strncmp (names[i], "zh", 2) == 0 ? "zh" : "en";
    }
  return "en";
}

static GtkWidget *
child_of (GtkWidget *widget,
          gpointer   container)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != container)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static GtkWidget *
icon_button_new (const char *icon,
                 const char *label,
                 const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (name != NULL)
    gtk_widget_set_name (button, name);
  return button;
}

/* Agencies */

static guint
agency_index (IcatMeetingEditor *self,
              const char        *id)
{
  for (guint i = 1; id != NULL && i < self->agency_ids->len; i++)
    if (g_strcmp0 (self->agency_ids->pdata[i], id) == 0)
      return i;
  return 0;
}

static const char *
agency_at (IcatMeetingEditor *self,
           guint              index)
{
  return index < self->agency_ids->len ? self->agency_ids->pdata[index] : NULL;
}

/* Principals-level meetings and inactive members */

/* Whether a date of the format ("2018", "2018-05", "2018-05-02") starts after,
 * or ends before, the day today: compared to as much as it gives. */
static int
compare_to_today (const char *date,
                  const char *today)
{
  return strncmp (date, today, strlen (date));
}

static gboolean
is_inactive_member (IcatRecord *agency,
                    const char *today)
{
  JsonArray *memberships = icat_record_get_array (agency, "memberships");
  const char *role = NULL;
  const char *latest = NULL;

  for (guint i = 0; memberships != NULL && i < json_array_get_length (memberships); i++)
    {
      JsonObject *membership = json_array_get_object_element (memberships, i);
      const char *from = icat_json_get_string (membership, "from");
      const char *to = icat_json_get_string (membership, "to");

      if (from == NULL || compare_to_today (from, today) > 0 ||
          (to != NULL && compare_to_today (to, today) < 0))
        continue;
      if (latest == NULL || strcmp (from, latest) >= 0)
        {
          latest = from;
          role = icat_json_get_string (membership, "role");
        }
    }
  return g_strcmp0 (role, "inactive-member") == 0;
}

static gboolean
is_listed (IcatRecord *agency,
           JsonObject *meeting)
{
  JsonArray *attendance = get_array (meeting, "attendance");
  JsonArray *invited = get_array (meeting, "invited");
  JsonNode *name = json_object_get_member (icat_record_get_data (agency), "name");
  JsonObject *names = name != NULL && JSON_NODE_HOLDS_OBJECT (name) ? json_node_get_object (name) : NULL;

  for (guint i = 0; attendance != NULL && i < json_array_get_length (attendance); i++)
    if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (attendance, i), "agency"),
                   icat_record_get_id (agency)) == 0)
      return TRUE;
  for (guint i = 0; invited != NULL && i < json_array_get_length (invited); i++)
    {
      const char *invitee = icat_json_get_string (json_array_get_object_element (invited, i), "name");
      g_autoptr(GList) languages = names ? json_object_get_members (names) : NULL;

      if (invitee == NULL)
        continue;
      if (g_ascii_strcasecmp (invitee, icat_record_get_string (agency, "acronym")) == 0)
        return TRUE;
      for (GList *l = languages; l != NULL; l = l->next)
        if (g_strcmp0 (invitee, icat_json_get_string (names, l->data)) == 0)
          return TRUE;
    }
  return FALSE;
}

static char **
missing_inactive (GListModel *agencies,
                  JsonObject *meeting)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autofree char *today = today_string ();

  if (g_strcmp0 (icat_json_get_string (meeting, "kind"), "principals") == 0)
    for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
      {
        g_autoptr(IcatRecord) agency = g_list_model_get_item (agencies, i);

        if (is_inactive_member (agency, today) && !is_listed (agency, meeting))
          g_strv_builder_add (missing, icat_record_get_string (agency, "acronym"));
      }
  return g_strv_builder_end (missing);
}

char **
icat_meeting_missing_inactive_members (IcatStore  *store,
                                       JsonObject *meeting)
{
  g_autoptr(IcatRecordList) agencies = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);
  agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (agencies, "acronym", FALSE);
  return missing_inactive (G_LIST_MODEL (agencies), meeting);
}

static void
update_warning (IcatMeetingEditor *self)
{
  g_auto(GStrv) missing = missing_inactive (G_LIST_MODEL (self->agencies), self->shown);
  g_autofree char *list = g_strjoinv (", ", missing);
  g_autofree char *subtitle = g_strdup_printf (_("Not invited: %s"), list);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), missing[0] != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->warning_row), subtitle);
}

/* Heading, time and record status */

static void
update_heading (IcatMeetingEditor *self)
{
  JsonObject *data = icat_record_get_data (self->meeting);
  g_autofree char *when = icat_format_meeting_when (data);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, icat_format_venue (icat_json_get_string (data, "venue")));

  adw_window_title_set_title (self->heading, icat_record_get_title (self->meeting));
  adw_window_title_set_subtitle (self->heading, subtitle);
}

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

static void
update_when (IcatMeetingEditor *self)
{
  g_autofree char *when = format_when (self->shown);

  adw_action_row_set_subtitle (self->when_row, when);
}

static void
update_status_subtitle (IcatMeetingEditor *self)
{
  const char *circulated = icat_json_get_string (self->shown, "circulated_on");
  const char *approved = icat_json_get_string (self->shown, "approved_on");
  g_autoptr(GString) text = g_string_new (NULL);

  if (circulated != NULL)
    g_string_append_printf (text, _("Circulated on %s"), circulated);
  if (approved != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("Approved on %s"), approved);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), text->str);
}

/* General fields */

static const char *
title_text (JsonObject *title)
{
  g_autoptr(GList) languages = NULL;
  const char *text = icat_json_get_string (title, _icat_user_language ());

  if (text == NULL)
    text = icat_json_get_string (title, "en");
  if (text == NULL && title != NULL && (languages = json_object_get_members (title)) != NULL)
    text = icat_json_get_string (title, languages->data);
  return text ? text : "";
}

static void
title_changed_cb (IcatMeetingEditor *self)
{
  JsonNode *old = json_object_get_member (self->shown, "title");
  g_autoptr(JsonNode) copy = old && JSON_NODE_HOLDS_OBJECT (old) ? normalized (old) : object_node (json_object_new ());
  JsonObject *title = json_node_get_object (copy);
  g_autofree char *text = stripped_text (self->title_row);
  const char *language = _icat_user_language ();

  if (*text != '\0')
    json_object_set_string_member (title, language, text);
  else if (json_object_has_member (title, language))
    json_object_remove_member (title, language);
  show_error (self->title_row, json_object_get_size (title) == 0);
  if (json_object_get_size (title) > 0)
    queue_field (self, "title", g_steal_pointer (&copy));
}

static void
kind_selected_cb (IcatMeetingEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (kind == GTK_INVALID_LIST_POSITION)
    return;
  queue_field (self, "kind", string_node (icat_meeting_kinds[kind]));
  update_warning (self);
}

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
  g_autofree char *city = stripped_text (self->city_row);

  show_place_rows (self);
  show_error (self->zone_row, zone == NULL);
  if (self->loading > 0)
    return;
  queue_field (self, "venue", string_node (venue < VENUE_OTHER ? venues[venue].venue : city));
  if (zone == NULL)
    return;
  queue_field (self, "timezone", string_node (zone_name));
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
  g_autofree char *date = stripped_text (self->date_row);
  g_autofree char *start = stripped_text (self->start_row);
  g_autofree char *end = stripped_text (self->end_row);
  int year = 0, month = 1, day = 1, hour = 12, minute = 0, end_hour = 0, end_minute = 0;
  gboolean date_ok = parse_date (date, &year, &month, &day, precision);
  gboolean full_day = date_ok && g_str_equal (*precision, "day");
  gboolean start_ok = *start == '\0' || (full_day && parse_time (start, &hour, &minute));
  gboolean end_ok = *end == '\0' || (full_day && *start != '\0' && parse_time (end, &end_hour, &end_minute));
  GDateTime *starts = date_ok ? g_date_time_new (zone, year, month, day, hour, minute, 0) : NULL;

  show_error (self->date_row, starts == NULL);
  show_error (self->start_row, !start_ok);
  show_error (self->end_row, !end_ok);
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

  return string_node (text);
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
  queue_field (self, "starts_at", timestamp_node (starts));
  queue_field (self, "ends_at", timestamp_node (ends));
  queue_field (self, "date_precision", string_node (precision));
  update_when (self);
}

static void
time_changed_cb (IcatMeetingEditor *self)
{
  save_time (self);
}

static void
calendar_shown_cb (IcatMeetingEditor *self)
{
  g_autofree char *text = stripped_text (self->date_row);
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
  show_error (self->date_row, FALSE);
  show_error (self->start_row, FALSE);
  show_error (self->end_row, FALSE);
}

static void
chairs_selected_cb (IcatMeetingEditor *self)
{
  const char *chair = agency_at (self, adw_combo_row_get_selected (self->chair_row));
  const char *cochair = agency_at (self, adw_combo_row_get_selected (self->cochair_row));
  JsonArray *chairs = json_array_new ();

  if (chair != NULL)
    json_array_add_string_element (chairs, chair);
  if (cochair != NULL && g_strcmp0 (cochair, chair) != 0)
    json_array_add_string_element (chairs, cochair);
  queue_field (self, "chairs", array_node (chairs));
}

static void
status_selected_cb (IcatMeetingEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  g_autofree char *today = today_string ();

  if (self->loading > 0 || status == GTK_INVALID_LIST_POSITION)
    return;
  queue_field (self, "record_status", string_node (icat_record_statuses[status]));
  /* Each step keeps the day it was taken. */
  if (status == 1 || (status == 2 && !json_object_has_member (self->shown, "circulated_on")))
    queue_field (self, "circulated_on", string_node (today));
  if (status == 2)
    queue_field (self, "approved_on", string_node (today));
  update_status_subtitle (self);
}

static guint
enum_index (const char * const *values,
            const char         *value,
            guint               fallback)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return fallback;
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
  show_error (self->zone_row, FALSE);
}

static void
load_general (IcatMeetingEditor *self,
              JsonObject        *data)
{
  JsonArray *chairs = get_array (data, "chairs");
  guint n_chairs = chairs ? json_array_get_length (chairs) : 0;
  JsonNode *title = json_object_get_member (data, "title");

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         title_text (title && JSON_NODE_HOLDS_OBJECT (title) ? json_node_get_object (title) : NULL));
  show_error (self->title_row, FALSE);
  adw_combo_row_set_selected (self->kind_row, enum_index (icat_meeting_kinds, icat_json_get_string (data, "kind"), 0));
  load_venue (self, data);
  load_times (self, data);
  adw_combo_row_set_selected (self->chair_row,
                              agency_index (self, n_chairs > 0 ? json_array_get_string_element (chairs, 0) : NULL));
  adw_combo_row_set_selected (self->cochair_row,
                              agency_index (self, n_chairs > 1 ? json_array_get_string_element (chairs, 1) : NULL));
  adw_combo_row_set_selected (self->status_row,
                              enum_index (icat_record_statuses, icat_json_get_string (data, "record_status"), 0));
  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    remember (self, general_fields[i], json_object_get_member (data, general_fields[i]));
  self->loading--;
  update_when (self);
  update_status_subtitle (self);
}

/* Agenda */

static void
agenda_item_free (gpointer data)
{
  AgendaItem *item = data;

  g_free (item->id);
  g_clear_pointer (&item->mandates, json_node_unref);
  g_free (item);
}

static AgendaItem *
agenda_item_get (GtkWidget *box)
{
  return box ? g_object_get_data (G_OBJECT (box), "agenda-item") : NULL;
}

static char *
agenda_title (AgendaItem *item)
{
  char *title = stripped_text (item->title);

  if (*title != '\0')
    return title;
  g_free (title);
  return g_strdup (_("Untitled item"));
}

static JsonNode *
agenda_to_json (IcatMeetingEditor *self)
{
  JsonArray *agenda = json_array_new ();
  gint64 position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AgendaItem *item = agenda_item_get (child);
      JsonObject *object = json_object_new ();
      GtkTextIter start, end;
      g_autofree char *minutes = NULL;
      g_autofree char *title = agenda_title (item);

      gtk_text_buffer_get_bounds (item->minutes, &start, &end);
      minutes = gtk_text_buffer_get_text (item->minutes, &start, &end, FALSE);
      json_object_set_string_member (object, "id", item->id);
      json_object_set_int_member (object, "position", position++);
      json_object_set_string_member (object, "title", title);
      json_object_set_member (object, "presenter",
                              string_node (agency_at (self, adw_combo_row_get_selected (item->presenter))));
      json_object_set_member (object, "minutes", string_node (minutes));
      if (item->mandates != NULL)
        json_object_set_member (object, "mandates", normalized (item->mandates));
      json_array_add_object_element (agenda, object);
    }
  return array_node (agenda);
}

static GtkWidget *
agenda_item_box (IcatMeetingEditor *self,
                 gpointer           widget)
{
  return child_of (GTK_WIDGET (widget), self->agenda_box);
}

static void
update_agenda_labels (IcatMeetingEditor *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AgendaItem *item = agenda_item_get (child);
      g_autofree char *title = g_strdup_printf (_("Item %u"), ++n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->title), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_empty), n == 0);
}

/* Puts an agenda item where another one is, shifting those between. */
static void
move_agenda_item (IcatMeetingEditor *self,
                  GtkWidget         *box,
                  GtkWidget         *onto)
{
  gboolean down = FALSE;

  if (box == NULL || onto == NULL || box == onto)
    return;
  for (GtkWidget *w = gtk_widget_get_next_sibling (box); w != NULL; w = gtk_widget_get_next_sibling (w))
    down |= w == onto;
  gtk_box_reorder_child_after (self->agenda_box, box, down ? onto : gtk_widget_get_prev_sibling (onto));
  section_changed (self, SECTION_AGENDA);
}

static void
move_agenda_item_by_one (IcatMeetingEditor *self,
                         GtkWidget         *box,
                         gboolean           up)
{
  if (box != NULL)
    move_agenda_item (self, box, up ? gtk_widget_get_prev_sibling (box) : gtk_widget_get_next_sibling (box));
}

static void
move_up_clicked_cb (GtkButton         *button,
                    IcatMeetingEditor *self)
{
  move_agenda_item_by_one (self, agenda_item_box (self, button), TRUE);
}

static void
move_down_clicked_cb (GtkButton         *button,
                      IcatMeetingEditor *self)
{
  move_agenda_item_by_one (self, agenda_item_box (self, button), FALSE);
}

/* Alt+Up and Alt+Down move the item that holds the focus. */
static void
agenda_move_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL)
    move_agenda_item_by_one (self, agenda_item_box (self, focus), g_str_equal (action_name, "agenda.move-up"));
}

static GdkContentProvider *
agenda_drag_prepare_cb (GtkDragSource     *source,
                        double             x,
                        double             y,
                        IcatMeetingEditor *self)
{
  GtkWidget *box = agenda_item_box (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  AgendaItem *item = agenda_item_get (box);

  return item ? gdk_content_provider_new_typed (G_TYPE_STRING, item->id) : NULL;
}

static void
agenda_drag_begin_cb (GtkDragSource     *source,
                      GdkDrag           *drag,
                      IcatMeetingEditor *self)
{
  GtkWidget *box = agenda_item_box (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (box);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
agenda_drop_cb (GtkDropTarget     *target,
                const GValue      *value,
                double             x,
                double             y,
                IcatMeetingEditor *self)
{
  GtkWidget *onto = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *id = g_value_get_string (value);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (agenda_item_get (child)->id, id) == 0)
      {
        move_agenda_item (self, child, onto);
        return TRUE;
      }
  return FALSE;
}

static void
agenda_changed_cb (IcatMeetingEditor *self)
{
  section_changed (self, SECTION_AGENDA);
}

static GtkWidget *
agenda_title_row_new (IcatMeetingEditor *self,
                      AgendaItem        *item,
                      JsonObject        *data)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *drag = gtk_drag_source_new ();
  const char *title = icat_json_get_string (data, "title");

  item->title = ADW_ENTRY_ROW (row);
  gtk_widget_set_name (row, "agenda-title");
  gtk_editable_set_text (GTK_EDITABLE (row), title ? title : "");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder; or Alt+Up and Alt+Down"));
  gtk_widget_add_css_class (handle, "meeting-drag-handle");
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (agenda_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (agenda_drag_begin_cb), self);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), handle);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (agenda_changed_cb), self);
  return row;
}

static GtkWidget *
agenda_presenter_row_new (IcatMeetingEditor *self,
                          AgendaItem        *item,
                          JsonObject        *data)
{
  GtkWidget *row = adw_combo_row_new ();

  item->presenter = ADW_COMBO_ROW (row);
  gtk_widget_set_name (row, "agenda-presenter");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Presenter"));
  adw_combo_row_set_model (item->presenter, G_LIST_MODEL (self->agency_names));
  adw_combo_row_set_selected (item->presenter, agency_index (self, icat_json_get_string (data, "presenter")));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (agenda_changed_cb), self);
  return row;
}

static GtkWidget *
agenda_minutes_row_new (IcatMeetingEditor *self,
                        AgendaItem        *item,
                        JsonObject        *data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Minutes"));
  GtkWidget *view = gtk_text_view_new ();
  const char *minutes = icat_json_get_string (data, "minutes");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "meeting-minutes-box");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (view, "agenda-minutes");
  gtk_widget_add_css_class (view, "meeting-minutes");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  item->minutes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (item->minutes, minutes ? minutes : "", -1);
  g_signal_connect_object (item->minutes, "changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void remove_agenda_item_clicked_cb (GtkButton *button, IcatMeetingEditor *self);

static GtkWidget *
agenda_buttons_row_new (IcatMeetingEditor *self,
                        AgendaItem        *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *action = gtk_button_new_with_mnemonic (_("New _Action Item"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up = icon_button_new ("go-up-symbolic", _("Move Up"), "agenda-move-up");
  GtkWidget *down = icon_button_new ("go-down-symbolic", _("Move Down"), "agenda-move-down");
  GtkWidget *remove = icon_button_new ("user-trash-symbolic", _("Remove Agenda Item"), "agenda-remove");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "meeting-agenda-buttons");
  gtk_widget_set_name (action, "agenda-new-action-item");
  gtk_widget_add_css_class (action, "flat");
  /* The meetings view makes action items: it shows them afterwards. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (action), "meetings.new-action-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (action), g_variant_new_string (item->id));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_tooltip_text (up, _("Move Up (Alt+Up)"));
  gtk_widget_set_tooltip_text (down, _("Move Down (Alt+Down)"));
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_agenda_item_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), action);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
agenda_item_new (IcatMeetingEditor *self,
                 JsonObject        *data)
{
  GtkWidget *list = gtk_list_box_new ();
  AgendaItem *item = g_new0 (AgendaItem, 1);
  JsonNode *mandates = data ? json_object_get_member (data, "mandates") : NULL;
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  item->id = icat_json_get_string (data, "id") ? g_strdup (icat_json_get_string (data, "id")) : g_uuid_string_random ();
  item->mandates = normalized (mandates);
  g_object_set_data_full (G_OBJECT (list), "agenda-item", item, agenda_item_free);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "meeting-agenda-item");
  gtk_list_box_append (GTK_LIST_BOX (list), agenda_title_row_new (self, item, data));
  gtk_list_box_append (GTK_LIST_BOX (list), agenda_presenter_row_new (self, item, data));
  gtk_list_box_append (GTK_LIST_BOX (list), agenda_minutes_row_new (self, item, data));
  gtk_list_box_append (GTK_LIST_BOX (list), agenda_buttons_row_new (self, item));
  g_signal_connect (drop, "drop", G_CALLBACK (agenda_drop_cb), self);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (drop));
  return list;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
load_agenda (IcatMeetingEditor *self,
             JsonArray         *agenda)
{
  clear_box (self->agenda_box);
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    gtk_box_append (self->agenda_box, agenda_item_new (self, json_array_get_object_element (agenda, i)));
}

/* Decisions */

static JsonNode *
decisions_to_json (IcatMeetingEditor *self)
{
  JsonArray *decisions = json_array_new ();
  GtkListBoxRow *row;
  gint64 number = 1;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->decisions_list, i)) != NULL; i++)
    {
      g_autofree char *text = stripped_text (row);
      JsonObject *object;

      /* A decision is saved once it says something. */
      if (*text == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, "id", g_object_get_data (G_OBJECT (row), "decision-id"));
      json_object_set_int_member (object, "number", number++);
      json_object_set_string_member (object, "text", text);
      json_array_add_object_element (decisions, object);
    }
  return array_node (decisions);
}

static void
update_decision_labels (IcatMeetingEditor *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->decisions_list, i)) != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Decision %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

static void
decisions_changed_cb (IcatMeetingEditor *self)
{
  section_changed (self, SECTION_DECISIONS);
}

static void remove_row_clicked_cb (GtkButton *button, IcatMeetingEditor *self);

static GtkWidget *
decision_row_new (IcatMeetingEditor *self,
                  JsonObject        *data)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = icon_button_new ("user-trash-symbolic", _("Remove Decision"), "decision-remove");
  const char *id = icat_json_get_string (data, "id");
  const char *text = icat_json_get_string (data, "text");

  g_object_set_data_full (G_OBJECT (row), "decision-id", id ? g_strdup (id) : g_uuid_string_random (), g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_clicked_cb), self);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (decisions_changed_cb), self);
  return row;
}

static void
load_decisions (IcatMeetingEditor *self,
                JsonArray         *decisions)
{
  clear_list (self->decisions_list);
  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    gtk_list_box_append (self->decisions_list,
                         decision_row_new (self, json_array_get_object_element (decisions, i)));
}

/* Attendance: a row for every agency */

static JsonNode *
attendance_to_json (IcatMeetingEditor *self)
{
  JsonArray *attendance = json_array_new ();

  for (guint i = 0; i < self->attendance->len; i++)
    {
      Attendance *entry = self->attendance->pdata[i];
      gboolean present = gtk_check_button_get_active (entry->present);
      g_auto(GStrv) names = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry->row)), ",", -1);
      JsonArray *delegates = json_array_new ();
      JsonObject *object;

      for (guint n = 0; names[n] != NULL; n++)
        if (*g_strstrip (names[n]) != '\0')
          json_array_add_string_element (delegates, names[n]);
      if (!entry->listed && !present && json_array_get_length (delegates) == 0)
        {
          json_array_unref (delegates);
          continue;
        }
      object = json_object_new ();
      json_object_set_string_member (object, "agency", entry->agency);
      json_object_set_boolean_member (object, "present", present);
      json_object_set_array_member (object, "delegates", delegates);
      json_array_add_object_element (attendance, object);
    }
  return array_node (attendance);
}

static void
update_attendance_summary (IcatMeetingEditor *self)
{
  guint present = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->attendance->len; i++)
    present += gtk_check_button_get_active (((Attendance *) self->attendance->pdata[i])->present);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency present", "%u agencies present", present),
                             present);
  adw_expander_row_set_subtitle (self->attendance_expander, summary);
}

static void
attendance_touched_cb (Attendance *entry)
{
  if (entry->editor->loading > 0)
    return;
  entry->listed = TRUE;
  section_changed (entry->editor, SECTION_ATTENDANCE);
}

static void
attendance_free (gpointer data)
{
  Attendance *entry = data;

  g_free (entry->agency);
  g_free (entry);
}

static void
add_attendance_row (IcatMeetingEditor *self,
                    IcatRecord        *agency)
{
  Attendance *entry = g_new0 (Attendance, 1);
  const char *acronym = icat_record_get_string (agency, "acronym");
  g_autofree char *title = g_strdup_printf (_("%s delegates, separated by commas"), acronym);
  g_autofree char *present = g_strdup_printf (_("%s present"), acronym);

  entry->editor = self;
  entry->agency = g_strdup (icat_record_get_id (agency));
  entry->row = ADW_ENTRY_ROW (adw_entry_row_new ());
  entry->present = GTK_CHECK_BUTTON (gtk_check_button_new ());
  /* The row owns the entry: a signal never outlives it. */
  g_object_set_data_full (G_OBJECT (entry->row), "attendance", entry, attendance_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), title);
  gtk_widget_set_valign (GTK_WIDGET (entry->present), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (entry->present), "attendance-present");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry->present), present);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->present), GTK_ACCESSIBLE_PROPERTY_LABEL, present, -1);
  adw_entry_row_add_prefix (entry->row, GTK_WIDGET (entry->present));
  g_signal_connect_swapped (entry->present, "toggled", G_CALLBACK (attendance_touched_cb), entry);
  g_signal_connect_swapped (entry->row, "changed", G_CALLBACK (attendance_touched_cb), entry);
  adw_expander_row_add_row (self->attendance_expander, GTK_WIDGET (entry->row));
  g_ptr_array_add (self->attendance, entry);
}

static void
load_attendance (IcatMeetingEditor *self,
                 JsonArray         *attendance)
{
  for (guint i = 0; i < self->attendance->len; i++)
    {
      Attendance *entry = self->attendance->pdata[i];
      JsonObject *found = NULL;
      JsonArray *delegates;
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint n = 0; attendance != NULL && n < json_array_get_length (attendance); n++)
        if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (attendance, n), "agency"), entry->agency) == 0)
          found = json_array_get_object_element (attendance, n);
      delegates = get_array (found, "delegates");
      for (guint n = 0; delegates != NULL && n < json_array_get_length (delegates); n++)
        g_string_append_printf (names, "%s%s", n > 0 ? ", " : "", json_array_get_string_element (delegates, n));
      entry->listed = found != NULL;
      gtk_check_button_set_active (entry->present, found && json_object_get_boolean_member_with_default (found, "present", FALSE));
      gtk_editable_set_text (GTK_EDITABLE (entry->row), names->str);
    }
}

/* Invited States and organizations */

static JsonNode *
invited_to_json (IcatMeetingEditor *self)
{
  JsonArray *invited = json_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->invited_list, i)) != NULL; i++)
    {
      g_autofree char *name = stripped_text (row);
      GtkDropDown *kind = g_object_get_data (G_OBJECT (row), "kind");
      int attended = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "attended"));
      JsonObject *object;

      if (*name == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, "name", name);
      json_object_set_string_member (object, "kind", icat_invitee_kinds[MIN (gtk_drop_down_get_selected (kind), 1)]);
      if (attended != 0)
        json_object_set_boolean_member (object, "attended", attended == 2);
      json_array_add_object_element (invited, object);
    }
  return array_node (invited);
}

static void
invited_changed_cb (IcatMeetingEditor *self)
{
  section_changed (self, SECTION_INVITED);
}

static GtkWidget *
invitee_row_new (IcatMeetingEditor *self,
                 JsonObject        *data)
{
  GtkWidget *row = adw_entry_row_new ();
  const char * const kinds[] = { _("State"), _("Organization"), NULL };
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  GtkWidget *remove = icon_button_new ("user-trash-symbolic", _("Remove Invitee"), NULL);
  JsonNode *attended = data ? json_object_get_member (data, "attended") : NULL;
  const char *name = icat_json_get_string (data, "name");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("State or organization"));
  gtk_editable_set_text (GTK_EDITABLE (row), name ? name : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), enum_index (icat_invitee_kinds, icat_json_get_string (data, "kind"), 0));
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (kind, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of invitee"), -1);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  /* Whether they came is kept as it is: 0 unknown, 1 no, 2 yes. */
  if (attended != NULL && JSON_NODE_HOLDS_VALUE (attended))
    g_object_set_data (G_OBJECT (row), "attended", GINT_TO_POINTER (json_node_get_boolean (attended) ? 2 : 1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), kind);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_clicked_cb), self);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (invited_changed_cb), self);
  g_signal_connect_swapped (kind, "notify::selected", G_CALLBACK (invited_changed_cb), self);
  return row;
}

static void
load_invited (IcatMeetingEditor *self,
              JsonArray         *invited)
{
  clear_list (self->invited_list);
  for (guint i = 0; invited != NULL && i < json_array_get_length (invited); i++)
    gtk_list_box_append (self->invited_list, invitee_row_new (self, json_array_get_object_element (invited, i)));
}

/* Attachments */

static JsonNode *
attachments_to_json (IcatMeetingEditor *self)
{
  JsonArray *attachments = json_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *title = stripped_text (g_object_get_data (G_OBJECT (child), "title-row"));
      g_autofree char *uri = stripped_text (g_object_get_data (G_OBJECT (child), "uri-row"));
      JsonObject *object;

      if (*uri == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, "title", *title != '\0' ? title : uri);
      json_object_set_string_member (object, "uri", uri);
      json_array_add_object_element (attachments, object);
    }
  return array_node (attachments);
}

static void
attachments_changed_cb (IcatMeetingEditor *self)
{
  section_changed (self, SECTION_ATTACHMENTS);
}

/* A path or an address as typed, as something to open. */
static char *
attachment_uri (const char *text)
{
  if (g_path_is_absolute (text))
    return g_filename_to_uri (text, NULL, NULL);
  if (g_uri_peek_scheme (text) != NULL)
    return g_strdup (text);
  return g_strconcat ("https://", text, NULL);
}

static void
open_attachment_clicked_cb (GtkButton         *button,
                            IcatMeetingEditor *self)
{
  GtkWidget *box = child_of (GTK_WIDGET (button), self->attachments_box);
  g_autofree char *text = stripped_text (g_object_get_data (G_OBJECT (box), "uri-row"));
  g_autofree char *uri = *text != '\0' ? attachment_uri (text) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                GtkEditable     *uri_row)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    uri = g_file_get_uri (file);
  if (uri != NULL)
    gtk_editable_set_text (uri_row, uri);
  g_object_unref (chooser);
}

static void
choose_file_clicked_cb (GtkButton         *button,
                        IcatMeetingEditor *self)
{
  GtkWidget *box = child_of (GTK_WIDGET (button), self->attachments_box);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose Attachment"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb),
                           g_object_get_data (G_OBJECT (box), "uri-row"), 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
attachment_new (IcatMeetingEditor *self,
                JsonObject        *data)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title = adw_entry_row_new ();
  GtkWidget *uri = adw_entry_row_new ();
  GtkWidget *choose = icon_button_new ("document-open-symbolic", _("Choose File"), NULL);
  GtkWidget *open = gtk_button_new_with_label (_("Open"));
  GtkWidget *remove = icon_button_new ("user-trash-symbolic", _("Remove Attachment"), NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (uri), _("File or web address"));
  gtk_editable_set_text (GTK_EDITABLE (title), icat_json_get_string (data, "title") ? icat_json_get_string (data, "title") : "");
  gtk_editable_set_text (GTK_EDITABLE (uri), icat_json_get_string (data, "uri") ? icat_json_get_string (data, "uri") : "");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Attachment"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (uri), choose);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (uri), open);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (uri), remove);
  g_object_set_data (G_OBJECT (list), "title-row", title);
  g_object_set_data (G_OBJECT (list), "uri-row", uri);
  g_signal_connect (choose, "clicked", G_CALLBACK (choose_file_clicked_cb), self);
  g_signal_connect (open, "clicked", G_CALLBACK (open_attachment_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_clicked_cb), self);
  g_signal_connect_swapped (title, "changed", G_CALLBACK (attachments_changed_cb), self);
  g_signal_connect_swapped (uri, "changed", G_CALLBACK (attachments_changed_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), title);
  gtk_list_box_append (GTK_LIST_BOX (list), uri);
  return list;
}

static void
load_attachments (IcatMeetingEditor *self,
                  JsonArray         *attachments)
{
  clear_box (self->attachments_box);
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    gtk_box_append (self->attachments_box, attachment_new (self, json_array_get_object_element (attachments, i)));
}

/* Sections */

static JsonNode *(* const section_to_json[N_SECTIONS]) (IcatMeetingEditor *self) = {
  agenda_to_json, decisions_to_json, attendance_to_json, invited_to_json, attachments_to_json,
};

static void (* const section_load[N_SECTIONS]) (IcatMeetingEditor *self, JsonArray *array) = {
  load_agenda, load_decisions, load_attendance, load_invited, load_attachments,
};

static void
update_labels (IcatMeetingEditor *self,
               Section            section)
{
  switch (section)
    {
    case SECTION_AGENDA:
      update_agenda_labels (self);
      break;
    case SECTION_DECISIONS:
      update_decision_labels (self);
      break;
    case SECTION_ATTENDANCE:
      update_attendance_summary (self);
      break;
    case SECTION_ATTACHMENTS:
      gtk_widget_set_visible (GTK_WIDGET (self->attachments_empty),
                              gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box)) == NULL);
      break;
    case SECTION_INVITED:
    case N_SECTIONS:
    default:
      break;
    }
}

static void
section_changed (IcatMeetingEditor *self,
                 Section            section)
{
  update_labels (self, section);
  if (self->loading > 0)
    return;
  queue_field (self, section_fields[section], section_to_json[section] (self));
  if (section == SECTION_ATTENDANCE || section == SECTION_INVITED)
    update_warning (self);
}

static void
load_section (IcatMeetingEditor *self,
              Section            section,
              JsonObject        *data)
{
  self->loading++;
  section_load[section] (self, get_array (data, section_fields[section]));
  remember (self, section_fields[section], json_object_get_member (data, section_fields[section]));
  self->loading--;
  update_labels (self, section);
}

/* Adding and removing */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (widget);
  GtkWidget *element;
  GtkWidget *focus;
  Section section;

  if (self->meeting == NULL)
    return;
  if (g_str_equal (action_name, "editor.add-agenda-item"))
    {
      element = agenda_item_new (self, NULL);
      gtk_box_append (self->agenda_box, element);
      focus = GTK_WIDGET (agenda_item_get (element)->title);
      section = SECTION_AGENDA;
    }
  else if (g_str_equal (action_name, "editor.add-decision"))
    {
      focus = element = decision_row_new (self, NULL);
      gtk_list_box_append (self->decisions_list, element);
      section = SECTION_DECISIONS;
    }
  else if (g_str_equal (action_name, "editor.add-invitee"))
    {
      focus = element = invitee_row_new (self, NULL);
      gtk_list_box_append (self->invited_list, element);
      section = SECTION_INVITED;
    }
  else
    {
      element = attachment_new (self, NULL);
      gtk_box_append (self->attachments_box, element);
      focus = g_object_get_data (G_OBJECT (element), "title-row");
      section = SECTION_ATTACHMENTS;
    }
  section_changed (self, section);
  gtk_widget_grab_focus (focus);
}

/* Removing is its own saved change, so the toast's Undo takes back just that. */
static void
remove_element (IcatMeetingEditor *self,
                Section            section,
                GtkWidget         *element,
                const char        *message)
{
  GtkWidget *container = gtk_widget_get_parent (element);
  GtkWidget *neighbour = gtk_widget_get_next_sibling (element);

  if (neighbour == NULL)
    neighbour = gtk_widget_get_prev_sibling (element);
  icat_autosave_flush (self->autosave);
  if (GTK_IS_LIST_BOX (container))
    gtk_list_box_remove (GTK_LIST_BOX (container), element);
  else
    gtk_box_remove (GTK_BOX (container), element);
  section_changed (self, section);
  icat_autosave_flush (self->autosave);
  if (neighbour == NULL || !gtk_widget_child_focus (neighbour, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);
}

static void
remove_agenda_item_clicked_cb (GtkButton         *button,
                               IcatMeetingEditor *self)
{
  remove_element (self, SECTION_AGENDA, agenda_item_box (self, button), _("Agenda item removed"));
}

static void
remove_row_clicked_cb (GtkButton         *button,
                       IcatMeetingEditor *self)
{
  GtkWidget *element;

  if ((element = child_of (GTK_WIDGET (button), self->decisions_list)) != NULL)
    remove_element (self, SECTION_DECISIONS, element, _("Decision removed"));
  else if ((element = child_of (GTK_WIDGET (button), self->invited_list)) != NULL)
    remove_element (self, SECTION_INVITED, element, _("Invitee removed"));
  else if ((element = child_of (GTK_WIDGET (button), self->attachments_box)) != NULL)
    remove_element (self, SECTION_ATTACHMENTS, element, _("Attachment removed"));
}

/* Following the record */

static void
load_all (IcatMeetingEditor *self)
{
  JsonObject *data = icat_record_get_data (self->meeting);

  load_general (self, data);
  for (Section s = 0; s < N_SECTIONS; s++)
    load_section (self, s, data);
  update_heading (self);
  update_warning (self);
}

/* Fills again what changed elsewhere (an Undo, the command line), leaving
 * alone what shows our own saves. Never while our edits wait to be saved. */
static void
sync_from_record (IcatMeetingEditor *self)
{
  JsonObject *data;
  gboolean general = TRUE;

  if (self->meeting == NULL || icat_record_get_deleted (self->meeting))
    return;
  update_heading (self);
  if (icat_autosave_get_pending (self->autosave))
    return;
  data = icat_record_get_data (self->meeting);
  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    general &= is_shown (self, data, general_fields[i]);
  if (!general)
    load_general (self, data);
  for (Section s = 0; s < N_SECTIONS; s++)
    if (!is_shown (self, data, section_fields[s]))
      load_section (self, s, data);
  update_warning (self);
}

static void
pending_changed_cb (IcatMeetingEditor *self)
{
  if (!self->save_failed && !icat_autosave_get_pending (self->autosave))
    sync_from_record (self);
}

static void
saved_cb (IcatMeetingEditor *self)
{
  self->save_failed = FALSE;
}

static void
save_failed_cb (IcatMeetingEditor *self,
                GError            *error)
{
  /* What was typed stays on screen; the message says why it is not saved. */
  self->save_failed = TRUE;
  toast (self, error->message);
}

static void
meeting_deleted_cb (IcatMeetingEditor *self)
{
  icat_meeting_editor_set_meeting (self, NULL);
}

static void
clear_meeting (IcatMeetingEditor *self)
{
  if (self->autosave != NULL)
    {
      /* Saves still on their way report failures through the toast. */
      icat_autosave_flush (self->autosave);
      g_signal_handlers_disconnect_by_func (self->autosave, pending_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->autosave, saved_cb, self);
      g_clear_object (&self->autosave);
    }
  if (self->meeting != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->meeting, self);
      g_clear_object (&self->meeting);
    }
  g_clear_pointer (&self->shown, json_object_unref);
  self->shown = json_object_new ();
  self->save_failed = FALSE;
}

void
icat_meeting_editor_set_meeting (IcatMeetingEditor *self,
                                 const char        *id)
{
  g_return_if_fail (ICAT_IS_MEETING_EDITOR (self));

  if (self->meeting != NULL && g_strcmp0 (id, icat_record_get_id (self->meeting)) == 0)
    return;
  clear_meeting (self);
  if (id != NULL)
    self->meeting = icat_store_lookup (self->store, "meeting", id);
  if (self->meeting != NULL)
    {
      self->autosave = icat_autosave_new (self->store, "meeting", id);
      g_signal_connect_object (self->autosave, "failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (self->autosave, "saved", G_CALLBACK (saved_cb), self);
      g_signal_connect_swapped (self->autosave, "notify::pending", G_CALLBACK (pending_changed_cb), self);
      g_signal_connect_swapped (self->meeting, "notify::data", G_CALLBACK (sync_from_record), self);
      g_signal_connect_swapped (self->meeting, "notify::deleted", G_CALLBACK (meeting_deleted_cb), self);
      load_all (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  gtk_stack_set_visible_child_name (self->stack, self->meeting ? "editor" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), self->meeting != NULL);
  if (self->meeting == NULL)
    {
      adw_window_title_set_title (self->heading, NULL);
      adw_window_title_set_subtitle (self->heading, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ID]);
}

const char *
icat_meeting_editor_get_meeting_id (IcatMeetingEditor *self)
{
  g_return_val_if_fail (ICAT_IS_MEETING_EDITOR (self), NULL);
  return self->meeting ? icat_record_get_id (self->meeting) : NULL;
}

void
icat_meeting_editor_focus_title (IcatMeetingEditor *self)
{
  g_return_if_fail (ICAT_IS_MEETING_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

void
icat_meeting_editor_flush (IcatMeetingEditor *self)
{
  g_return_if_fail (ICAT_IS_MEETING_EDITOR (self));
  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
}

JsonObject *
icat_meeting_editor_dup_state (IcatMeetingEditor *self)
{
  JsonObject *data;
  JsonObject *state;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (ICAT_IS_MEETING_EDITOR (self), NULL);
  if (self->meeting == NULL)
    return NULL;
  icat_autosave_flush (self->autosave);
  data = icat_record_get_data (self->meeting);
  state = json_object_new ();
  members = json_object_get_members (data);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_has_member (self->shown, l->data) ? NULL
                        : normalized (json_object_get_member (data, l->data));

      if (value != NULL)
        json_object_set_member (state, l->data, value);
    }
  g_list_free (g_steal_pointer (&members));
  members = json_object_get_members (self->shown);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (state, l->data, normalized (json_object_get_member (self->shown, l->data)));
  return state;
}

/* Agencies: the choices of the drop-downs and the attendance rows */

static void
rebuild_agencies (IcatMeetingEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->loading++;
  for (guint i = 0; i < self->attendance->len; i++)
    adw_expander_row_remove (self->attendance_expander,
                             GTK_WIDGET (((Attendance *) self->attendance->pdata[i])->row));
  g_ptr_array_set_size (self->attendance, 0);
  g_ptr_array_set_size (self->agency_ids, 0);
  g_ptr_array_add (self->agency_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      g_ptr_array_add (self->agency_ids, g_strdup (icat_record_get_id (agency)));
      g_ptr_array_add (names, g_strdup (icat_record_get_string (agency, "acronym")));
      add_attendance_row (self, agency);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->agency_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agency_names)),
                          (const char * const *) names->pdata);
  self->loading--;
  if (self->meeting != NULL)
    load_all (self);
}

/* An agency was edited: its acronym or its membership may have changed. */
static void
agency_changed_cb (IcatMeetingEditor *self)
{
  rebuild_agencies (self);
}

/* The type */

static void
icat_meeting_editor_dispose (GObject *object)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (object);

  clear_meeting (self);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MEETING_EDITOR);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->shown, json_object_unref);
  g_clear_object (&self->agency_names);
  g_clear_object (&self->agencies);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_meeting_editor_parent_class)->dispose (object);
}

static void
icat_meeting_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MEETING_ID:
      g_value_set_string (value, icat_meeting_editor_get_meeting_id (self));
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->back_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_meeting_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK_BUTTON:
      if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/icat-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, warning_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, cochair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, agenda_empty);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attendance_expander);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, invited_list);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attachments_empty);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, status_row);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
icat_meeting_editor_class_init (IcatMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_meeting_editor_dispose;
  object_class->get_property = icat_meeting_editor_get_property;
  object_class->set_property = icat_meeting_editor_set_property;

  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.add-agenda-item", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-decision", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-invitee", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-attachment", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, agenda_move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, agenda_move_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
}

static void
setup_models (IcatMeetingEditor *self)
{
  g_autoptr(GtkStringList) kinds = labels_model (icat_meeting_kinds, _icat_meeting_kind_label);
  g_autoptr(GtkStringList) statuses = labels_model (icat_record_statuses, _icat_meeting_status_label);
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    gtk_string_list_append (places, icat_format_venue (venues[i].venue));
  gtk_string_list_append (places, _("Other…"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->venue_row, G_LIST_MODEL (places));
  adw_combo_row_set_model (self->chair_row, G_LIST_MODEL (self->agency_names));
  adw_combo_row_set_model (self->cochair_row, G_LIST_MODEL (self->agency_names));
  placeholder = gtk_label_new (_("No decisions yet."));
  gtk_widget_add_css_class (placeholder, "meeting-placeholder");
  gtk_list_box_set_placeholder (self->decisions_list, placeholder);
  placeholder = gtk_label_new (_("Nobody from outside ICAT invited."));
  gtk_widget_add_css_class (placeholder, "meeting-placeholder");
  gtk_list_box_set_placeholder (self->invited_list, placeholder);
}

static void
icat_meeting_editor_init (IcatMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->agency_names = gtk_string_list_new (NULL);
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
  self->attendance = g_ptr_array_new ();
  self->shown = json_object_new ();
  setup_models (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->venue_row, "notify::selected", G_CALLBACK (venue_selected_cb), self);
  g_signal_connect_swapped (self->chair_row, "notify::selected", G_CALLBACK (chairs_selected_cb), self);
  g_signal_connect_swapped (self->cochair_row, "notify::selected", G_CALLBACK (chairs_selected_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), FALSE);
}

GtkWidget *
icat_meeting_editor_new (IcatStore *store)
{
  IcatMeetingEditor *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_MEETING_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (self->agencies, "acronym", FALSE);
  g_signal_connect_object (store, "record-changed::agency", G_CALLBACK (agency_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (agency_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_agencies (self);
  return GTK_WIDGET (self);
}

/* For tests */

GtkEditable *
_icat_meeting_editor_get_title (IcatMeetingEditor *self)
{
  return GTK_EDITABLE (self->title_row);
}

guint
_icat_meeting_editor_get_n_agenda (IcatMeetingEditor *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

GtkWidget *
_icat_meeting_editor_get_agenda_item (IcatMeetingEditor *self,
                                      guint              index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));

  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

GtkWidget *
_icat_meeting_editor_get_attendance (IcatMeetingEditor *self,
                                     const char        *agency_id)
{
  for (guint i = 0; i < self->attendance->len; i++)
    if (g_strcmp0 (((Attendance *) self->attendance->pdata[i])->agency, agency_id) == 0)
      return GTK_WIDGET (((Attendance *) self->attendance->pdata[i])->row);
  return NULL;
}

GtkWidget *
_icat_meeting_editor_get_decision (IcatMeetingEditor *self,
                                   guint              index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->decisions_list, index));
}

gboolean
_icat_meeting_editor_get_warning_visible (IcatMeetingEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->warning_row));
}
