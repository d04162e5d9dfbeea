/* icat-action-items-filters.c — the Action items filters: dropdowns, toggles, saved state
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filters are SQL (IcatRecordList's WHERE); the widgets' choices are kept
 * in GSettings and restored when the view is made.
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-items-view-private.h"
#include "icat-format.h"
#include "icat-reminders.h"
#include "icat-schema.h"

static void sync_filters (IcatActionItemsView *self);

/* Filters {{{ */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_autofree char *text = icat_action_record_label (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static GtkListItemFactory *
label_factory_new (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

/* "All …" followed by the records of a (short) list; records may be NULL
 * for "All …" alone until add_choices () adds them. */
static GListModel *
choices_new (const char *all,
             GListModel *records)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringList) first = gtk_string_list_new (NULL);

  gtk_string_list_append (first, all);
  g_list_store_append (parts, first);
  if (records != NULL)
    g_list_store_append (parts, records);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* The records after the "All …" of a dropdown made without them. */
static void
add_choices (GtkDropDown *dropdown,
             GListModel  *records)
{
  GtkFlattenListModel *choices = GTK_FLATTEN_LIST_MODEL (gtk_drop_down_get_model (dropdown));
  GListStore *parts = G_LIST_STORE (gtk_flatten_list_model_get_model (choices));

  if (g_list_model_get_n_items (G_LIST_MODEL (parts)) < 2)
    g_list_store_append (parts, records);
}

/* A dropdown's list makes a row, and so reads the record, for up to 200
 * choices as soon as it has them, and ten years of meetings are read in
 * full: the meeting filter gets its meetings when the pointer, a touch or
 * the focus reaches it, or when a meeting is chosen for it. */
static void
add_meeting_choices (IcatActionItemsView *self)
{
  add_choices (self->meeting_dropdown, G_LIST_MODEL (self->meetings));
}

static void
add_meeting_choices_when_reached (IcatActionItemsView *self)
{
  GtkWidget *dropdown = GTK_WIDGET (self->meeting_dropdown);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *press = gtk_gesture_click_new ();

  g_signal_connect_object (motion, "enter", G_CALLBACK (add_meeting_choices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (add_meeting_choices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (press, "pressed", G_CALLBACK (add_meeting_choices), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (dropdown, motion);
  gtk_widget_add_controller (dropdown, focus);
  gtk_widget_add_controller (dropdown, GTK_EVENT_CONTROLLER (press));
}

static GListModel *
enum_choices_new (const char         *all,
                  const char * const *values,
                  const char *      (*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return G_LIST_MODEL (list);
}

static void
setup_dropdown (IcatActionItemsView *self,
                GtkDropDown         *dropdown,
                GListModel          *model)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (16);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (48);
  g_autoptr(GtkExpression) expression =
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (icat_action_record_label), NULL, NULL);

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_model (dropdown, model);
  g_object_unref (model);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (sync_filters), self, G_CONNECT_SWAPPED);
}

static const char *
dropdown_record_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return ICAT_IS_RECORD (item) ? icat_record_get_id (ICAT_RECORD (item)) : NULL;
}

static const char *
dropdown_enum_value (GtkDropDown        *dropdown,
                     const char * const *values)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **) values))
    return NULL;
  return values[position - 1];
}

/* The record's choice, after "All …"; that one when the record is gone. */
static void
select_record (GtkDropDown    *dropdown,
               IcatRecordList *records,
               const char     *id)
{
  guint position = id != NULL && *id != '\0' ? icat_record_list_find_position (records, id)
                                              : GTK_INVALID_LIST_POSITION;

  gtk_drop_down_set_selected (dropdown, position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
}

static void
select_enum (GtkDropDown        *dropdown,
             const char * const *values,
             const char         *value)
{
  guint position = 0;

  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

static char *
this_month (IcatActionItemsView *self)
{
  return g_strndup (self->today, 7);
}

gboolean
_icat_action_items_view_any_filter (IcatActionItemsView *self)
{
  return gtk_drop_down_get_selected (self->agency_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->mandate_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->pillar_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->meeting_dropdown) > 0 ||
         gtk_toggle_button_get_active (self->overdue_toggle) ||
         gtk_toggle_button_get_active (self->week_toggle) ||
         gtk_toggle_button_get_active (self->month_toggle);
}

static void
save_filters (IcatActionItemsView *self)
{
  const char *agency = dropdown_record_id (self->agency_dropdown);
  const char *status = dropdown_enum_value (self->status_dropdown, icat_action_statuses);
  const char *mandate = dropdown_record_id (self->mandate_dropdown);
  const char *pillar = dropdown_enum_value (self->pillar_dropdown, icat_pillars);
  const char *meeting = dropdown_record_id (self->meeting_dropdown);

  g_settings_set_string (self->settings, "action-filter-owner", agency ? agency : "");
  g_settings_set_string (self->settings, "action-filter-status", status ? status : "");
  g_settings_set_string (self->settings, "action-filter-mandate", mandate ? mandate : "");
  g_settings_set_string (self->settings, "action-filter-pillar", pillar ? pillar : "");
  g_settings_set_string (self->settings, "action-filter-meeting", meeting ? meeting : "");
  g_settings_set_boolean (self->settings, "action-filter-overdue", gtk_toggle_button_get_active (self->overdue_toggle));
  g_settings_set_boolean (self->settings, "action-filter-due-this-week", gtk_toggle_button_get_active (self->week_toggle));
  g_settings_set_boolean (self->settings, "action-filter-due-this-month",
                          gtk_toggle_button_get_active (self->month_toggle));
}

/* "Overdue" and "Due this week" are both open items due before a day:
 * today, or the day after the next seven days (so overdue ones too). */
static const char *
due_before (IcatActionItemsView *self,
            const char          *week_end)
{
  if (gtk_toggle_button_get_active (self->week_toggle))
    return week_end;
  return gtk_toggle_button_get_active (self->overdue_toggle) ? self->today : NULL;
}

/* The widgets' filters onto the list. Each change re-reads the list, so
 * narrowing ones go first and the list never grows in between. */
static void
sync_filters (IcatActionItemsView *self)
{
  g_autofree char *month = this_month (self);
  g_autofree char *week_end = icat_reminders_week_end (self->today);
  struct { IcatFilter filter; const char *value; } wanted[] = {
    { ICAT_FILTER_AGENCY, dropdown_record_id (self->agency_dropdown) },
    { ICAT_FILTER_DUE_BEFORE, due_before (self, week_end) },
    { ICAT_FILTER_DUE_MONTH, gtk_toggle_button_get_active (self->month_toggle) ? month : NULL },
    { ICAT_FILTER_STATUS, dropdown_enum_value (self->status_dropdown, icat_action_statuses) },
    { ICAT_FILTER_MANDATE, dropdown_record_id (self->mandate_dropdown) },
    { ICAT_FILTER_PILLAR, dropdown_enum_value (self->pillar_dropdown, icat_pillars) },
    { ICAT_FILTER_MEETING, dropdown_record_id (self->meeting_dropdown) },
  };

  if (self->syncing)
    return;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
      if ((wanted[i].value != NULL) == (pass == 0))
        icat_record_list_set_filter (self->items, wanted[i].filter, wanted[i].value);
  save_filters (self);
  _icat_action_items_view_update_email_button (self);
}

void
_icat_action_items_view_set_filters (IcatActionItemsView *self,
                                     const char          *agency,
                                     const char          *status,
                                     gboolean             overdue,
                                     gboolean             this_week_only,
                                     gboolean             this_month_only,
                                     const char          *mandate,
                                     const char          *pillar,
                                     const char          *meeting)
{
  self->syncing = TRUE;
  select_record (self->agency_dropdown, self->agencies, agency);
  select_enum (self->status_dropdown, icat_action_statuses, status);
  gtk_toggle_button_set_active (self->overdue_toggle, overdue && !this_week_only);
  gtk_toggle_button_set_active (self->week_toggle, this_week_only);
  gtk_toggle_button_set_active (self->month_toggle, this_month_only);
  select_record (self->mandate_dropdown, self->mandates, mandate);
  select_enum (self->pillar_dropdown, icat_pillars, pillar);
  if (meeting != NULL && *meeting != '\0')
    add_meeting_choices (self);
  select_record (self->meeting_dropdown, self->meetings, meeting);
  self->syncing = FALSE;
  sync_filters (self);
}

/* Overdue items are a part of this week's: one of the two at a time. */
static void
due_toggled (IcatActionItemsView *self,
             GtkToggleButton     *toggle)
{
  GtkToggleButton *other = toggle == self->week_toggle ? self->overdue_toggle : self->week_toggle;

  if (gtk_toggle_button_get_active (toggle) && gtk_toggle_button_get_active (other))
    {
      self->syncing = TRUE;
      gtk_toggle_button_set_active (other, FALSE);
      self->syncing = FALSE;
    }
  sync_filters (self);
}

void
_icat_action_items_view_restore_filters (IcatActionItemsView *self)
{
  g_autofree char *agency = g_settings_get_string (self->settings, "action-filter-owner");
  g_autofree char *status = g_settings_get_string (self->settings, "action-filter-status");
  g_autofree char *mandate = g_settings_get_string (self->settings, "action-filter-mandate");
  g_autofree char *pillar = g_settings_get_string (self->settings, "action-filter-pillar");
  g_autofree char *meeting = g_settings_get_string (self->settings, "action-filter-meeting");

  _icat_action_items_view_set_filters (self, agency, status,
                                       g_settings_get_boolean (self->settings, "action-filter-overdue"),
                                       g_settings_get_boolean (self->settings, "action-filter-due-this-week"),
                                       g_settings_get_boolean (self->settings, "action-filter-due-this-month"),
                                       mandate, pillar, meeting);
}

void
_icat_action_items_view_setup_filters (IcatActionItemsView *self)
{
  self->agencies = icat_record_list_new (self->store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  self->mandates = icat_record_list_new (self->store, "mandate");
  icat_record_list_set_sort (self->mandates, ICAT_KEY_DOCUMENT, FALSE);
  self->meetings = icat_record_list_new (self->store, "meeting");
  icat_record_list_set_sort (self->meetings, ICAT_KEY_STARTS_AT, TRUE);

  self->syncing = TRUE;
  setup_dropdown (self, self->agency_dropdown, choices_new (_("All agencies"), G_LIST_MODEL (self->agencies)));
  setup_dropdown (self, self->status_dropdown,
                  enum_choices_new (_("All statuses"), icat_action_statuses, icat_action_status_label));
  setup_dropdown (self, self->mandate_dropdown, choices_new (_("All mandates"), G_LIST_MODEL (self->mandates)));
  setup_dropdown (self, self->pillar_dropdown,
                  enum_choices_new (_("All pillars"), icat_pillars, icat_action_pillar_label));
  setup_dropdown (self, self->meeting_dropdown, choices_new (_("All meetings"), NULL));
  add_meeting_choices_when_reached (self);
  g_signal_connect_object (self->overdue_toggle, "toggled", G_CALLBACK (due_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->week_toggle, "toggled", G_CALLBACK (due_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_toggle, "toggled", G_CALLBACK (sync_filters), self, G_CONNECT_SWAPPED);
  self->syncing = FALSE;
}

const char *
_icat_action_items_view_get_filter_agency (IcatActionItemsView *self)
{
  return dropdown_record_id (self->agency_dropdown);
}

/* }}} */
