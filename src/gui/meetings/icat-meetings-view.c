/* icat-meetings-view.c — the Meetings section: a filtered list and an editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a lazy IcatRecordList, filtered and sorted in SQL. What acts on
 * whole records (a new meeting, the next meeting, an action item from an
 * agenda item, deleting) lives here as "meetings.*" actions, which the
 * editor's buttons and menu reach from inside the view.
 */
#define G_LOG_DOMAIN "icat-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-delete-confirm.h"
#include "icat-error.h"
#include "icat-filter.h"
#include "icat-first-page.h"
#include "icat-format.h"
#include "icat-list-detail.h"
#include "icat-meeting-editor.h"
#include "icat-meeting-row.h"
#include "icat-meetings-view.h"
#include "icat-record-create.h"
#include "icat-record-factory.h"
#include "icat-record-io.h"
#include "icat-record-list.h"
#include "icat-schema.h"
#include "icat-toast.h"

#define FIRST_YEAR 2006  /* ICAT's first year */
/* A meeting's row has three lines or more: 76 pixels in Adwaita. */
#define MIN_ROW_HEIGHT 70

/* The venues the list filters by (NULL: all). */
static const char * const venue_filters[] = { NULL, "Geneva", "Vienna", "New York", "virtual" };

struct _IcatMeetingsView {
  AdwBin              parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *year_dropdown;
  GtkDropDown        *venue_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_button;
  AdwBin             *editor_bin;

  /* Borrowed */
  IcatMeetingEditor  *editor;     /* NULL until made: see ensure_editor () */

  /* Owned */
  IcatListDetail     *list_detail;
  IcatStore          *store;
  GSettings          *settings;
  IcatRecordList     *meetings;
  GtkSliceListModel  *first_page; /* of meetings, until the first frame is painted */
  GtkSingleSelection *selection;
  int                 last_year;  /* the year listed first in the year filter */
  guint               editor_source;
};

G_DEFINE_FINAL_TYPE (IcatMeetingsView, icat_meetings_view, ADW_TYPE_BIN)

enum {
  SHOW_ACTION_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The editor {{{ */

/* The editor is made when a meeting is first opened, or just after the
 * section's first frame: making it costs as much as the list, and until
 * then its pane shows the editor's own empty state (the template). */
static void
ensure_editor (IcatMeetingsView *self)
{
  GtkWidget *editor;

  if (self->editor != NULL)
    return;
  g_clear_handle_id (&self->editor_source, g_source_remove);
  editor = icat_meeting_editor_new (self->store);
  self->editor = ICAT_MEETING_EDITOR (editor);
  adw_bin_set_child (self->editor_bin, editor);
  icat_list_detail_bind_folded (self->list_detail, editor, "folded");
  g_signal_connect_object (editor, "notify::meeting-id", G_CALLBACK (icat_list_detail_shown_changed),
                           self->list_detail, G_CONNECT_SWAPPED);
}

static gboolean
make_editor_idle (gpointer data)
{
  IcatMeetingsView *self = data;

  self->editor_source = 0;
  ensure_editor (self);
  return G_SOURCE_REMOVE;
}

/* After the rows of the list (icat-first-page.c), at a lower priority. */
static void
first_frame_painted_cb (GdkFrameClock    *clock,
                        IcatMeetingsView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (self->editor == NULL && self->editor_source == 0)
    self->editor_source = g_idle_add_full (G_PRIORITY_LOW, make_editor_idle, self, NULL);
}

static void
mapped_cb (IcatMeetingsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, mapped_cb, self);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
}

/* }}} */
/* Opening meetings */

static void
show_meeting (gpointer    view,
              const char *id)
{
  IcatMeetingsView *self = view;

  ensure_editor (self);
  icat_meeting_editor_set_meeting (self->editor, id);
}

static const char *
shown_meeting (gpointer view)
{
  IcatMeetingsView *self = view;

  return self->editor != NULL ? icat_meeting_editor_get_meeting_id (self->editor) : NULL;
}

static void
open_meeting (IcatMeetingsView *self,
              const char       *id)
{
  ensure_editor (self);
  icat_list_detail_open (self->list_detail, id);
}

void
icat_meetings_view_show_meeting (IcatMeetingsView *self,
                                 const char       *id)
{
  guint position;

  g_return_if_fail (ICAT_IS_MEETINGS_VIEW (self));
  g_return_if_fail (id != NULL);

  open_meeting (self, id);
  if (icat_meeting_editor_get_meeting_id (self->editor) == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("This meeting no longer exists."));
      return;
    }
  /* Its row, found by counting in SQL; none when the filters hide it. */
  position = icat_record_list_find_position (self->meetings, id);
  icat_first_page_show_all (self->first_page);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
icat_meetings_view_show_agenda_item (IcatMeetingsView *self,
                                     const char       *meeting_id,
                                     const char       *item_id)
{
  g_return_if_fail (ICAT_IS_MEETINGS_VIEW (self));
  g_return_if_fail (meeting_id != NULL);

  icat_meetings_view_show_meeting (self, meeting_id);
  if (item_id != NULL && self->editor != NULL &&
      g_strcmp0 (icat_meeting_editor_get_meeting_id (self->editor), meeting_id) == 0)
    icat_meeting_editor_show_agenda_item (self->editor, item_id);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (widget);

  icat_list_detail_back (self->list_detail);
}

/* Filters */

static gboolean
filters_active (IcatMeetingsView *self)
{
  return gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->year_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->venue_dropdown) > 0;
}

static void
update_empty_state (IcatMeetingsView *self)
{
  gboolean filtered = filters_active (self);

  icat_filter_show_empty (self->list_stack, G_LIST_MODEL (self->meetings));
  adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Meetings") : _("No Meetings"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("No meeting is of this kind, year and venue.")
                                            : _("Working Group and principals meetings appear here."));
  gtk_button_set_label (self->empty_button, filtered ? _("_Show All Meetings") : _("_New Meeting"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                  filtered ? "meetings.clear-filters" : "meetings.new");
}

static void
apply_filters (IcatMeetingsView *self)
{
  guint kind = icat_filter_selected (self->kind_dropdown);
  guint year = icat_filter_selected (self->year_dropdown);
  guint venue = icat_filter_selected (self->venue_dropdown);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", self->last_year - (int) year + 1) : NULL;

  g_settings_set_string (self->settings, "meeting-filter-kind", kind > 0 ? icat_meeting_kinds[kind - 1] : "");
  g_settings_set_int (self->settings, "meeting-filter-year", year > 0 ? self->last_year - (int) year + 1 : 0);
  g_settings_set_string (self->settings, "meeting-filter-venue",
                         venue > 0 && venue < G_N_ELEMENTS (venue_filters) ? venue_filters[venue] : "");
  icat_record_list_set_filter (self->meetings, ICAT_FILTER_KIND, kind > 0 ? icat_meeting_kinds[kind - 1] : NULL);
  icat_record_list_set_filter (self->meetings, ICAT_FILTER_YEAR, year_text);
  icat_record_list_set_filter (self->meetings, ICAT_FILTER_VENUE,
                               venue < G_N_ELEMENTS (venue_filters) ? venue_filters[venue] : NULL);
  update_empty_state (self);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (widget);

  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->venue_dropdown, 0);
}

/* Drop-downs whose button label shortens to fit a narrow window. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* The button names what "all" chooses among ("Kind"); the list says "All kinds". */
static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  const char *all = g_object_get_data (G_OBJECT (factory), "all");

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       all != NULL && gtk_list_item_get_position (item) == 0
                       ? all : gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
setup_dropdown (GtkDropDown   *dropdown,
                GtkStringList *choices,
                const char    *all)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_object_set_data_full (G_OBJECT (button), "all", g_strdup (all), g_free);
  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
}

static guint
index_of (const char * const *values,
          guint               n_values,
          const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (values[i] != NULL && g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
setup_filters (IcatMeetingsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char *[]) { _("All kinds"), NULL });
  g_autoptr(GtkStringList) years = gtk_string_list_new ((const char *[]) { _("All years"), NULL });
  g_autoptr(GtkStringList) places = gtk_string_list_new ((const char *[]) { _("All venues"), NULL });
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *kind = g_settings_get_string (self->settings, "meeting-filter-kind");
  g_autofree char *venue = g_settings_get_string (self->settings, "meeting-filter-venue");
  int year = g_settings_get_int (self->settings, "meeting-filter-year");

  self->last_year = MAX (g_date_time_get_year (now) + 2, year);
  for (guint i = 0; icat_meeting_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, icat_meeting_kind_label (icat_meeting_kinds[i]));
  for (int y = self->last_year; y >= FIRST_YEAR; y--)
    {
      g_autofree char *text = g_strdup_printf ("%d", y);

      gtk_string_list_append (years, text);
    }
  for (guint i = 1; i < G_N_ELEMENTS (venue_filters); i++)
    gtk_string_list_append (places, icat_format_venue (venue_filters[i]));
  setup_dropdown (self->kind_dropdown, kinds, C_("meeting filter", "Kind"));
  setup_dropdown (self->year_dropdown, years, C_("meeting filter", "Year"));
  setup_dropdown (self->venue_dropdown, places, C_("meeting filter", "Venue"));
  for (guint i = 0; icat_meeting_kinds[i] != NULL; i++)
    if (g_strcmp0 (kind, icat_meeting_kinds[i]) == 0)
      gtk_drop_down_set_selected (self->kind_dropdown, i + 1);
  gtk_drop_down_set_selected (self->year_dropdown, year >= FIRST_YEAR ? (guint) (self->last_year - year + 1) : 0);
  gtk_drop_down_set_selected (self->venue_dropdown, index_of (venue_filters, G_N_ELEMENTS (venue_filters), venue));
  apply_filters (self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->venue_dropdown, "notify::selected", G_CALLBACK (apply_filters), self);
}

/* A new meeting */

static void
meeting_created (GtkWidget  *view,
                 const char *id,
                 gpointer    user_data)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (view);

  icat_meetings_view_show_meeting (self, id);
  icat_meeting_editor_focus_title (self->editor);
}

static JsonNode *
timestamp_node (GDateTime *time)
{
  g_autoptr(GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;
  g_autofree char *text = utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z") : NULL;

  if (text == NULL)
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (), text);
}

void
icat_meetings_view_new_meeting (IcatMeetingsView *self)
{
  g_autoptr(GTimeZone) vienna = g_time_zone_new_identifier ("Europe/Vienna");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(JsonObject) meeting = json_object_new ();
  JsonObject *title = json_object_new ();

  g_return_if_fail (ICAT_IS_MEETINGS_VIEW (self));

  if (vienna == NULL)
    vienna = g_time_zone_new_utc ();
  now = g_date_time_new_now (vienna);
  tomorrow = g_date_time_add_days (now, 1);
  starts = g_date_time_new (vienna, g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                            g_date_time_get_day_of_month (tomorrow), 9, 0, 0);
  json_object_set_string_member (title, icat_user_language (), _("New meeting"));
  json_object_set_string_member (meeting, ICAT_KEY_KIND, "working-group");
  json_object_set_object_member (meeting, ICAT_KEY_TITLE, title);
  json_object_set_member (meeting, ICAT_KEY_STARTS_AT, timestamp_node (starts));
  json_object_set_string_member (meeting, ICAT_KEY_DATE_PRECISION, "minute");
  json_object_set_string_member (meeting, ICAT_KEY_TIMEZONE, "Europe/Vienna");
  json_object_set_string_member (meeting, ICAT_KEY_VENUE, "Vienna");
  json_object_set_string_member (meeting, ICAT_KEY_RECORD_STATUS, "draft");
  icat_record_create (self->store, "meeting", meeting, GTK_WIDGET (self), meeting_created, NULL);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  icat_meetings_view_new_meeting (ICAT_MEETINGS_VIEW (widget));
}

/* Plan next meeting: a month later, same place and chairs, the same agenda
 * titles, the action items still open, and the agenda items marked to
 * continue at the next meeting. */

static JsonNode *
month_later (JsonObject *meeting,
             const char *field)
{
  const char *text = icat_json_get_string (meeting, field);
  const char *zone_name = icat_json_get_string (meeting, ICAT_KEY_TIMEZONE);
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) utc = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (utc == NULL)
    return json_node_new (JSON_NODE_NULL);
  /* The same local time, whatever summer time does meanwhile. */
  local = zone ? g_date_time_to_timezone (utc, zone) : g_date_time_ref (utc);
  later = g_date_time_add_months (local, 1);
  return timestamp_node (later);
}

static gboolean
is_still_open (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in-progress") == 0 ||
         g_strcmp0 (status, "blocked") == 0;
}

/* One line per action item of the meeting still open: "Title (UNODC)". */
static char *
open_action_items_text (IcatMeetingsView *self,
                        const char       *meeting_id)
{
  g_autoptr(IcatRecordList) items = icat_record_list_new (self->store, "action_item");
  g_autoptr(GString) text = g_string_new (NULL);

  icat_record_list_set_filter (items, ICAT_FILTER_MEETING, meeting_id);
  icat_record_list_set_sort (items, ICAT_KEY_DUE, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      g_autoptr(IcatRecord) owner = NULL;

      if (!is_still_open (icat_record_get_string (item, ICAT_KEY_STATUS)))
        continue;
      owner = icat_store_lookup (self->store, "agency", icat_record_get_string (item, ICAT_KEY_OWNER));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an open action item in the minutes: "Title (UNODC)" */
      g_string_append_printf (text, _("%1$s (%2$s)"), icat_record_get_string (item, ICAT_KEY_TITLE),
                              owner ? icat_record_get_string (owner, ICAT_KEY_ACRONYM) : "?");
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* An agenda item for the next meeting: a new id, the same title, presenter
 * and mandates. */
static JsonObject *
next_agenda_item (JsonObject *old,
                  guint       position)
{
  JsonObject *item = json_object_new ();
  JsonNode *mandates = json_object_get_member (old, ICAT_KEY_MANDATES);
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (item, ICAT_KEY_ID, id);
  json_object_set_int_member (item, ICAT_KEY_POSITION, position);
  json_object_set_string_member (item, ICAT_KEY_TITLE, icat_json_get_string (old, ICAT_KEY_TITLE));
  if (icat_json_get_string (old, ICAT_KEY_PRESENTER) != NULL)
    json_object_set_string_member (item, ICAT_KEY_PRESENTER, icat_json_get_string (old, ICAT_KEY_PRESENTER));
  /* The item answers to the same mandates next time. */
  if (mandates != NULL && JSON_NODE_HOLDS_ARRAY (mandates))
    json_object_set_member (item, ICAT_KEY_MANDATES, json_node_copy (mandates));
  return item;
}

static gboolean
continues_next (JsonObject *agenda_item)
{
  return json_object_get_boolean_member_with_default (agenda_item, ICAT_KEY_CONTINUE_NEXT, FALSE);
}

/* "Continued from ICAT Working Group (10 March 2026)": the meeting by its
 * title and day, as far as its date is known. */
static char *
continued_from_text (JsonObject *meeting)
{
  JsonNode *title = json_object_get_member (meeting, ICAT_KEY_TITLE);
  const char *precision = icat_json_get_string (meeting, ICAT_KEY_DATE_PRECISION);
  g_autoptr(JsonObject) day = json_object_new ();
  g_autofree char *when = NULL;

  json_object_set_string_member (day, ICAT_KEY_STARTS_AT, icat_json_get_string (meeting, ICAT_KEY_STARTS_AT));
  json_object_set_string_member (day, ICAT_KEY_TIMEZONE, icat_json_get_string (meeting, ICAT_KEY_TIMEZONE));
  json_object_set_string_member (day, ICAT_KEY_DATE_PRECISION,
                                 g_strcmp0 (precision, "minute") == 0 || precision == NULL ? "day" : precision);
  when = icat_format_meeting_when (day);
  /* Translators: the minutes of an agenda item carried over from an earlier
   * meeting: "Continued from ICAT Working Group (10 March 2026)" */
  return g_strdup_printf (_("Continued from %1$s (%2$s)"),
                          title && JSON_NODE_HOLDS_OBJECT (title) ? icat_localized_pick (json_node_get_object (title)) : "",
                          when);
}

static JsonObject *
open_items_agenda_item (const char *open_items,
                        guint       position)
{
  JsonObject *item = json_object_new ();
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (item, ICAT_KEY_ID, id);
  json_object_set_int_member (item, ICAT_KEY_POSITION, position);
  json_object_set_string_member (item, ICAT_KEY_TITLE, _("Open action items"));
  if (open_items != NULL)
    json_object_set_string_member (item, ICAT_KEY_MINUTES, open_items);
  return item;
}

/* The standing items (every item not marked to continue, and the open
 * action items), then the items marked "Continue at next meeting", each
 * in the order it had. */
static JsonArray *
next_agenda (IcatMeetingsView *self,
             JsonObject       *meeting)
{
  JsonNode *node = json_object_get_member (meeting, ICAT_KEY_AGENDA);
  JsonArray *agenda = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = agenda ? json_array_get_length (agenda) : 0;
  JsonArray *next = json_array_new ();
  g_autofree char *open_items = open_action_items_text (self, icat_json_get_string (meeting, ICAT_KEY_ID));
  g_autofree char *continued_from = continued_from_text (meeting);
  guint position = 0;
  JsonObject *item;

  for (guint i = 0; i < n; i++)
    if (!continues_next (json_array_get_object_element (agenda, i)))
      json_array_add_object_element (next, next_agenda_item (json_array_get_object_element (agenda, i), position++));

  json_array_add_object_element (next, open_items_agenda_item (open_items, position++));

  for (guint i = 0; i < n; i++)
    if (continues_next (json_array_get_object_element (agenda, i)))
      {
        item = next_agenda_item (json_array_get_object_element (agenda, i), position++);
        json_object_set_string_member (item, ICAT_KEY_MINUTES, continued_from);
        json_array_add_object_element (next, item);
      }
  return next;
}

static JsonObject *
next_meeting (IcatMeetingsView *self,
              JsonObject       *meeting)
{
  static const char * const kept[] = {
    ICAT_KEY_KIND, ICAT_KEY_TITLE, ICAT_KEY_DATE_PRECISION, ICAT_KEY_TIMEZONE,
    ICAT_KEY_VENUE, ICAT_KEY_HOST, ICAT_KEY_CHAIRS,
  };
  JsonObject *next = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      JsonNode *value = json_object_get_member (meeting, kept[i]);

      if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
        json_object_set_member (next, kept[i], json_node_copy (value));
    }
  json_object_set_member (next, ICAT_KEY_STARTS_AT, month_later (meeting, ICAT_KEY_STARTS_AT));
  json_object_set_member (next, ICAT_KEY_ENDS_AT, month_later (meeting, ICAT_KEY_ENDS_AT));
  json_object_set_string_member (next, ICAT_KEY_RECORD_STATUS, "draft");
  json_object_set_array_member (next, ICAT_KEY_AGENDA, next_agenda (self, meeting));
  return next;
}

static void
plan_next_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (widget);
  g_autoptr(JsonObject) meeting = self->editor ? icat_meeting_editor_dup_state (self->editor) : NULL;
  g_autoptr(JsonObject) next = NULL;

  if (meeting == NULL)
    return;
  next = next_meeting (self, meeting);
  icat_record_create (self->store, "meeting", next, GTK_WIDGET (self), meeting_created, NULL);
}

/* An action item reported at the meeting, opened in its own section. */
static void
show_action_item_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_ACTION_ITEM], 0, g_variant_get_string (parameter, NULL));
}

/* An action item from an agenda item */

static void
action_item_created (GtkWidget  *view,
                     const char *id,
                     gpointer    user_data)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (view);
  g_autoptr(IcatRecord) item = icat_store_lookup (self->store, "action_item", id);
  const char *meeting_id = item ? icat_record_get_string (item, ICAT_KEY_MEETING) : NULL;
  const char *agenda_item_id = item ? icat_record_get_string (item, ICAT_KEY_AGENDA_ITEM) : NULL;

  g_signal_emit (view, signals[SHOW_ACTION_ITEM], 0, id);
  /* The action item is shown in its own section: the toast leads back to
   * the agenda item it came from, where the minutes were being taken. */
  if (meeting_id != NULL && agenda_item_id != NULL)
    gtk_widget_activate_action (view, "win.toast-back-to-meeting", "(ss)", meeting_id, agenda_item_id);
}

/* The coordinator answers for what has no presenter and no chair. */
static char *
coordinator_id (IcatMeetingsView *self)
{
  g_autoptr(IcatRecordList) agencies = icat_record_list_new (self->store, "agency");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (agencies)); i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (agencies), i);

      if (g_strcmp0 (icat_record_get_string (agency, ICAT_KEY_ACRONYM), "UNODC") == 0)
        return g_strdup (icat_record_get_id (agency));
    }
  return NULL;
}

static char *
action_item_owner (IcatMeetingsView *self,
                   JsonObject       *meeting,
                   JsonObject       *agenda_item)
{
  JsonNode *chairs = json_object_get_member (meeting, ICAT_KEY_CHAIRS);

  if (icat_json_get_string (agenda_item, ICAT_KEY_PRESENTER) != NULL)
    return g_strdup (icat_json_get_string (agenda_item, ICAT_KEY_PRESENTER));
  if (chairs != NULL && JSON_NODE_HOLDS_ARRAY (chairs) && json_array_get_length (json_node_get_array (chairs)) > 0)
    return g_strdup (json_array_get_string_element (json_node_get_array (chairs), 0));
  return coordinator_id (self);
}

static JsonObject *
find_agenda_item (JsonObject *meeting,
                  const char *id)
{
  JsonNode *node = json_object_get_member (meeting, ICAT_KEY_AGENDA);
  JsonArray *agenda = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (agenda, i), ICAT_KEY_ID), id) == 0)
      return json_array_get_object_element (agenda, i);
  return NULL;
}

static void
new_action_item_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (widget);
  g_autoptr(JsonObject) meeting = self->editor ? icat_meeting_editor_dup_state (self->editor) : NULL;
  g_autoptr(JsonObject) action = json_object_new ();
  JsonObject *agenda_item = meeting ? find_agenda_item (meeting, g_variant_get_string (parameter, NULL)) : NULL;
  g_autofree char *owner = NULL;
  JsonNode *mandates;

  if (agenda_item == NULL)
    return;
  owner = action_item_owner (self, meeting, agenda_item);
  if (owner == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("Choose who presents this item first: the action item needs an owner."));
      return;
    }
  mandates = json_object_get_member (agenda_item, ICAT_KEY_MANDATES);
  json_object_set_string_member (action, ICAT_KEY_TITLE, icat_json_get_string (agenda_item, ICAT_KEY_TITLE));
  json_object_set_string_member (action, ICAT_KEY_OWNER, owner);
  json_object_set_string_member (action, ICAT_KEY_STATUS, "open");
  json_object_set_string_member (action, ICAT_KEY_MEETING, icat_json_get_string (meeting, ICAT_KEY_ID));
  json_object_set_string_member (action, ICAT_KEY_AGENDA_ITEM, icat_json_get_string (agenda_item, ICAT_KEY_ID));
  if (mandates != NULL && JSON_NODE_HOLDS_ARRAY (mandates))
    json_object_set_member (action, ICAT_KEY_MANDATES, json_node_copy (mandates));
  /* dup_state sent the agenda item first; saves are written in order. */
  icat_record_create (self->store, "action_item", action, GTK_WIDGET (self), action_item_created, NULL);
}

/* Deleting */

static void
meeting_deleted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IcatMeetingsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (icat_store_delete_finish (ICAT_STORE (source), result, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", _("Meeting deleted"));
  else if (g_error_matches (error, ICAT_ERROR, ICAT_ERROR_IN_USE))
    icat_toast (GTK_WIDGET (self), _("This meeting cannot be deleted: action items still refer to it."));
  else
    icat_toast (GTK_WIDGET (self), error->message);
}

static void
delete_confirmed (GtkWidget *view,
                  gpointer   user_data)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (view);
  const char *id = user_data;

  if (self->editor != NULL)
    icat_meeting_editor_flush (self->editor);
  icat_store_delete_async (self->store, "meeting", id, NULL, meeting_deleted_cb, g_object_ref (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (widget);
  const char *id = self->editor ? icat_meeting_editor_get_meeting_id (self->editor) : NULL;
  g_autoptr(IcatRecord) meeting = id ? icat_store_lookup (self->store, "meeting", id) : NULL;
  g_autofree char *body = NULL;

  if (meeting == NULL)
    return;
  body = g_strdup_printf (_("“%s” will be deleted with its agenda, minutes, attendance and decisions."),
                          icat_record_get_title (meeting));
  icat_delete_confirm (widget, _("Delete Meeting?"), body, NULL, delete_confirmed, g_strdup (id), g_free);
}

/* The type */

static void
icat_meetings_view_dispose (GObject *object)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (object);

  g_clear_handle_id (&self->editor_source, g_source_remove);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->list_detail);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_page);
  g_clear_object (&self->meetings);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_meetings_view_parent_class)->dispose (object);
}

static void
icat_meetings_view_class_init (IcatMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_meetings_view_dispose;

  signals[SHOW_ACTION_ITEM] =
    g_signal_new ("show-action-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/meetings/icat-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, venue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingsView, editor_bin);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "meetings.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "meetings.plan-next", NULL, plan_next_activated);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "meetings.new-action-item", "s", new_action_item_activated);
  gtk_widget_class_install_action (widget_class, "meetings.show-action-item", "s", show_action_item_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "meetings.new", NULL);
}

static void
icat_meetings_view_init (IcatMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
meeting_row_new (gpointer store)
{
  return icat_meeting_row_new (store);
}

static void
setup_list (IcatMeetingsView *self)
{
  g_autoptr(GtkListItemFactory) factory = icat_record_factory_new (meeting_row_new, self->store);

  self->meetings = icat_record_list_new (self->store, "meeting");
  icat_record_list_set_sort (self->meetings, "upcoming", FALSE);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED);
  self->first_page = icat_first_page_new (g_object_ref (G_LIST_MODEL (self->meetings)),
                                           icat_first_page_rows (MIN_ROW_HEIGHT), GTK_WIDGET (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_page)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  icat_list_detail_set_selection (self->list_detail, self->selection);
  icat_list_detail_set_list (self->list_detail, self->list_view);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
icat_meetings_view_new (IcatStore *store,
                        GSettings *settings)
{
  IcatMeetingsView *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ICAT_TYPE_MEETINGS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->list_detail = icat_list_detail_new (ICAT_LIST_DETAIL_KEEP, self->leaflet, self->list_pane,
                                            adw_leaflet_get_child_by_name (self->leaflet, "editor"),
                                            self, show_meeting, shown_meeting);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), self);
  setup_list (self);
  setup_filters (self);
  return GTK_WIDGET (self);
}

GtkWidget *
_icat_meetings_view_get_editor (IcatMeetingsView *self)
{
  ensure_editor (self);
  return GTK_WIDGET (self->editor);
}

GListModel *
_icat_meetings_view_get_list (IcatMeetingsView *self)
{
  return G_LIST_MODEL (self->meetings);
}

GtkSingleSelection *
_icat_meetings_view_get_selection (IcatMeetingsView *self)
{
  return self->selection;
}
