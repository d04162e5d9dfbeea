/* icat-action-item-editor.c — edits one action item in place
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field saves as it is edited, through an IcatAutosave per item. The
 * record's own notifications bring in changes made elsewhere; while edits
 * are waiting to be written they win, so typing is never overwritten.
 */
#define G_LOG_DOMAIN "icat-action-item-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-action-item-editor.h"
#include "icat-action-items-chase.h"
#include "icat-autosave.h"
#include "icat-conflict-banner.h"
#include "icat-editor-chrome.h"
#include "icat-editor-record.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-history-window.h"
#include "icat-input.h"
#include "icat-record-list.h"
#include "icat-record-picker.h"
#include "icat-ref-list.h"
#include "icat-schema.h"
#include "icat-toast.h"

struct _IcatActionItemEditor {
  AdwBin               parent_instance;

  /* Template widgets */
  IcatConflictBanner *conflict_banner;
  GtkWidget           *back_button;
  GtkWidget           *close_button;
  GtkWidget           *menu_button;
  AdwEntryRow         *title_row;
  AdwComboRow         *status_row;
  AdwComboRow         *priority_row;
  AdwActionRow        *owner_row;
  GtkMenuButton       *owner_button;
  GtkWidget           *email_button;
  AdwComboRow         *meeting_row;
  GtkTextView         *description_view;
  GtkTextView         *completion_view;
  AdwEntryRow         *starts_row;
  AdwEntryRow         *due_row;
  GtkCalendar         *starts_calendar;
  GtkCalendar         *due_calendar;
  GtkMenuButton       *starts_calendar_button;
  GtkMenuButton       *due_calendar_button;
  AdwPreferencesGroup *supporting_group;
  AdwPreferencesGroup *mandates_group;
  AdwPreferencesGroup *history_group;
  GtkMenuButton       *supporting_add;
  GtkMenuButton       *mandates_add;

  /* Owned */
  IcatStore           *store;
  IcatRecord          *record;
  IcatAutosave        *autosave;
  IcatRecordList      *agencies;
  IcatRecordList      *meetings;
  IcatRecordList      *mandates;
  GPtrArray           *history_rows;    /* borrowed rows of history_group */
  IcatRefList         *supporting;
  IcatRefList         *mandate_refs;
  /* What the choice rows show, so a list shifting under them saves nothing. */
  char                *shown_owner;
  char                *shown_meeting;
  char                *shown_starts;
  char                *shown_due;
  char                *shown_title;     /* the title last queued or loaded */

  gboolean             loading;
  gint64               queued_at;       /* when a typed field was last queued; 0: flushed since */
};

G_DEFINE_FINAL_TYPE (IcatActionItemEditor, icat_action_item_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Labels {{{ */

static GtkExpression *
choice_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (icat_action_record_label), NULL, NULL);
}

/* }}} */
/* Helpers {{{ */

/* The position of a record among choices that list `records` after
 * `skip` fixed entries; GTK_INVALID_LIST_POSITION when absent. */
static guint
find_record (IcatRecordList *records,
             guint           skip,
             const char     *id)
{
  guint position = id != NULL ? icat_record_list_find_position (records, id) : GTK_INVALID_LIST_POSITION;

  return position == GTK_INVALID_LIST_POSITION ? position : position + skip;
}

static const char *
selected_record_id (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return ICAT_IS_RECORD (item) ? icat_record_get_id (ICAT_RECORD (item)) : NULL;
}

/* }}} */
/* Loading {{{ */

static void
load_history (IcatActionItemEditor *self)
{
  JsonArray *history = self->record ? icat_record_get_array (self->record, ICAT_KEY_HISTORY) : NULL;
  guint n = history ? json_array_get_length (history) : 0;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, self->history_rows->pdata[i]);
  g_ptr_array_set_size (self->history_rows, 0);
  /* Newest first: the current status on top. */
  for (guint i = n; i > 0; i--)
    {
      JsonObject *change = json_array_get_object_element (history, i - 1);
      const char *at = json_object_get_string_member_with_default (change, ICAT_KEY_AT, NULL);
      g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
      g_autofree char *date = icat_action_format_date (day);
      const char *status = json_object_get_string_member_with_default (change, ICAT_KEY_STATUS, NULL);
      /* Translators: a status change in an item's history: "Open — 23 Nov 2026" */
      g_autofree char *line = g_strdup_printf (_("%s — %s"), icat_action_status_label (status), date);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), n > 0);
}

/* The owner as the row shows it: the acronym on the button (a former
 * member the record names stays shown) and the name below the title. */
static void
show_owner (IcatActionItemEditor *self,
            const char           *owner)
{
  g_autoptr(IcatRecord) agency = owner ? icat_store_lookup (self->store, "agency", owner) : NULL;
  const char *acronym = agency ? icat_record_get_string (agency, ICAT_KEY_ACRONYM) : NULL;
  const char *name = agency ? icat_record_get_localized (agency, ICAT_KEY_NAME) : NULL;

  gtk_menu_button_set_label (self->owner_button, acronym ? acronym : _("Choose…"));
  adw_action_row_set_subtitle (self->owner_row, name ? name : "");
  g_free (self->shown_owner);
  self->shown_owner = g_strdup (owner);
  icat_chase_button_set_agency (self->email_button, owner);
}

static void
load_choices (IcatActionItemEditor *self)
{
  IcatRecord *record = self->record;
  const char *owner = icat_record_get_string (record, ICAT_KEY_OWNER);
  const char *meeting = icat_record_get_string (record, ICAT_KEY_MEETING);
  guint position;

  adw_combo_row_set_selected (self->status_row,
                              icat_enum_index (icat_action_statuses, icat_record_get_string (record, ICAT_KEY_STATUS), 0));
  adw_combo_row_set_selected (self->priority_row,
                              icat_enum_index (icat_priorities, icat_record_get_string (record, ICAT_KEY_PRIORITY), 1));
  show_owner (self, owner);
  position = find_record (self->meetings, 1, meeting);
  adw_combo_row_set_selected (self->meeting_row, position == GTK_INVALID_LIST_POSITION ? 0 : position);
  g_free (self->shown_meeting);
  self->shown_meeting = g_strdup (meeting);
}

static void
load_fields (IcatActionItemEditor *self)
{
  IcatRecord *record = self->record;

  self->loading = TRUE;
  load_history (self);
  if (record != NULL)
    {
      icat_editor_record_load_entry (self->title_row, icat_record_get_string (record, ICAT_KEY_TITLE));
      g_free (self->shown_title);
      self->shown_title = g_strdup (icat_record_get_string (record, ICAT_KEY_TITLE));
      icat_text_view_show_text (self->description_view, icat_record_get_string (record, ICAT_KEY_DESCRIPTION));
      icat_text_view_show_text (self->completion_view, icat_record_get_string (record, ICAT_KEY_COMPLETION_NOTE));
      icat_editor_record_load_entry (self->starts_row, icat_record_get_string (record, ICAT_KEY_STARTS));
      icat_editor_record_load_entry (self->due_row, icat_record_get_string (record, ICAT_KEY_DUE));
      g_free (self->shown_starts);
      self->shown_starts = g_strdup (icat_record_get_string (record, ICAT_KEY_STARTS));
      g_free (self->shown_due);
      self->shown_due = g_strdup (icat_record_get_string (record, ICAT_KEY_DUE));
      load_choices (self);
      icat_ref_list_set_from (self->supporting, icat_record_get_array (record, ICAT_KEY_SUPPORTING));
      icat_ref_list_set_from (self->mandate_refs, icat_record_get_array (record, ICAT_KEY_MANDATES));
    }
  self->loading = FALSE;
}

static void
record_data_changed_cb (IcatActionItemEditor *self)
{
  /* Edits still waiting to be written are newer than what the store says. */
  if (self->autosave != NULL && icat_autosave_get_pending (self->autosave))
    {
      self->loading = TRUE;
      load_history (self);
      self->loading = FALSE;
      return;
    }
  load_fields (self);
}

/* Nothing typed is lost without a word: leaving the record, each field it
 * could not save says so in a toast. */
static void
report_unsaved (IcatActionItemEditor *self)
{
  const char *title = icat_record_get_string (self->record, ICAT_KEY_TITLE);

  icat_rows_report_unsaved (title,
                            GTK_WIDGET (self->title_row), C_("field in a sentence", "title"),
                            GTK_WIDGET (self->starts_row), C_("field in a sentence", "start date"),
                            GTK_WIDGET (self->due_row), C_("field in a sentence", "due date"),
                            NULL);
}

/* A record that is gone has nothing left to save into. */
static void
forget_problems (IcatActionItemEditor *self)
{
  icat_row_show_problem (GTK_WIDGET (self->title_row), NULL);
  icat_row_show_problem (GTK_WIDGET (self->starts_row), NULL);
  icat_row_show_problem (GTK_WIDGET (self->due_row), NULL);
}

static void
record_deleted_cb (IcatActionItemEditor *self)
{
  forget_problems (self);
  icat_action_item_editor_set_item (self, NULL);
}

/* }}} */
/* Editing {{{ */

static void
title_changed_cb (IcatActionItemEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  g_autofree char *problem = NULL;

  if (self->loading || self->autosave == NULL)
    return;
  /* A title is required: an empty one waits until something is typed. */
  problem = icat_input_title_problem (text);
  icat_row_show_problem (GTK_WIDGET (self->title_row), problem);
  if (problem != NULL)
    {
      icat_editor_record_withdraw_typed (self->autosave, self->record, self->queued_at,
                                         ICAT_KEY_TITLE, &self->shown_title);
      return;
    }
  g_free (self->shown_title);
  self->shown_title = g_strdup (text);
  self->queued_at = g_get_monotonic_time ();
  icat_autosave_set_string (self->autosave, ICAT_KEY_TITLE, text);
}

static void
text_changed_cb (GtkTextBuffer        *buffer,
                 IcatActionItemEditor *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "icat-view");
  g_autofree char *text = NULL;

  if (self->loading || self->autosave == NULL)
    return;
  text = icat_text_view_get_text (view);
  icat_autosave_set_string (self->autosave, g_object_get_data (G_OBJECT (buffer), "icat-field"), text);
}

static void
date_changed_cb (IcatActionItemEditor *self)
{
  const char *starts = gtk_editable_get_text (GTK_EDITABLE (self->starts_row));
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  g_autofree char *starts_problem = NULL;
  g_autofree char *due_problem = NULL;
  g_autofree char *order_problem = NULL;
  gboolean in_order;

  if (self->loading || self->autosave == NULL)
    return;
  starts_problem = icat_input_date_problem (starts);
  due_problem = icat_input_date_problem (due);
  if (starts_problem == NULL && due_problem == NULL)
    order_problem = icat_input_date_order_problem (starts, due);
  in_order = order_problem == NULL;
  /* Neither can be saved without the other: both say so, so both keep
   * what was typed, and leaving the item names both. */
  if (!in_order)
    {
      starts_problem = g_strdup (_("The start date is after the due date."));
      due_problem = g_strdup (_("The due date is before the start date."));
    }
  icat_row_show_problem (GTK_WIDGET (self->starts_row), starts_problem);
  icat_row_show_problem (GTK_WIDGET (self->due_row), due_problem);
  /* Each date that is right is saved; a pair out of order waits. */
  if (starts_problem == NULL)
    icat_editor_record_queue_text (self->autosave, &self->queued_at, ICAT_KEY_STARTS, starts, &self->shown_starts);
  else
    icat_editor_record_withdraw_typed (self->autosave, self->record, self->queued_at,
                                       ICAT_KEY_STARTS, &self->shown_starts);
  if (due_problem == NULL)
    icat_editor_record_queue_text (self->autosave, &self->queued_at, ICAT_KEY_DUE, due, &self->shown_due);
  else
    icat_editor_record_withdraw_typed (self->autosave, self->record, self->queued_at, ICAT_KEY_DUE, &self->shown_due);
}

static void
status_selected_cb (IcatActionItemEditor *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  if (self->loading || self->autosave == NULL || position >= g_strv_length ((char **) icat_action_statuses))
    return;
  icat_autosave_set_string (self->autosave, ICAT_KEY_STATUS, icat_action_statuses[position]);
}

static void
priority_selected_cb (IcatActionItemEditor *self)
{
  guint position = adw_combo_row_get_selected (self->priority_row);

  if (self->loading || self->autosave == NULL || position >= g_strv_length ((char **) icat_priorities))
    return;
  icat_autosave_set_string (self->autosave, ICAT_KEY_PRIORITY, icat_priorities[position]);
}

static void
owner_chosen (IcatRecord *agency,
              gpointer    user_data)
{
  IcatActionItemEditor *self = user_data;
  const char *id = icat_record_get_id (agency);

  if (self->loading || self->autosave == NULL || g_strcmp0 (id, self->shown_owner) == 0)
    return;
  show_owner (self, id);
  icat_autosave_set_string (self->autosave, ICAT_KEY_OWNER, id);
}

static void
meeting_selected_cb (IcatActionItemEditor *self)
{
  const char *id = selected_record_id (self->meeting_row);

  if (self->loading || self->autosave == NULL || g_strcmp0 (id, self->shown_meeting) == 0)
    return;
  if (id == NULL && adw_combo_row_get_selected (self->meeting_row) != 0)
    return;
  g_free (self->shown_meeting);
  self->shown_meeting = g_strdup (id);
  icat_autosave_set_string (self->autosave, ICAT_KEY_MEETING, id);
  /* The agenda item belongs to the meeting it came from. */
  icat_autosave_set (self->autosave, ICAT_KEY_AGENDA_ITEM, NULL);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatActionItemEditor *self = ICAT_ACTION_ITEM_EDITOR (widget);
  g_autofree char *id = NULL;

  if (self->record == NULL)
    return;
  id = g_strdup (icat_record_get_id (self->record));
  forget_problems (self);
  /* Writes are queued in order: what was typed lands before the delete,
   * and nothing is left to recreate the item after it. */
  icat_action_item_editor_set_item (self, NULL);
  icat_editor_record_delete (GTK_WIDGET (self), self->store, "action_item", id, _("Action item deleted"));
}

/* }}} */
/* Public API {{{ */

void
icat_action_item_editor_flush (IcatActionItemEditor *self)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEM_EDITOR (self));
  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
  self->queued_at = 0;
}

static void
detach_item (IcatActionItemEditor *self)
{
  if (self->record != NULL)
    report_unsaved (self);
  icat_editor_record_detach (GTK_WIDGET (self), &self->record, &self->autosave);
  /* Nothing is left waiting to be written. */
  self->queued_at = 0;
}

void
icat_action_item_editor_set_item (IcatActionItemEditor *self,
                                  const char           *id)
{
  g_autoptr(IcatRecord) record = NULL;

  g_return_if_fail (ICAT_IS_ACTION_ITEM_EDITOR (self));
  if (id != NULL && self->record != NULL && g_strcmp0 (id, icat_record_get_id (self->record)) == 0)
    return;
  record = id ? icat_store_lookup (self->store, "action_item", id) : NULL;
  if (record == NULL && self->record == NULL)
    return;
  detach_item (self);
  if (record != NULL)
    {
      self->record = g_steal_pointer (&record);
      self->autosave = icat_editor_record_attach (GTK_WIDGET (self), self->store, "action_item", self->record,
                                                  G_CALLBACK (record_data_changed_cb),
                                                  G_CALLBACK (record_deleted_cb));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
  icat_history_menu_set_record (GTK_MENU_BUTTON (self->menu_button), "action_item",
                                self->record ? icat_record_get_id (self->record) : NULL);
  load_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
  icat_conflict_banner_set_record (self->conflict_banner, self->store, "action_item",
                                   self->record ? icat_record_get_id (self->record) : NULL);
}

const char *
icat_action_item_editor_get_item_id (IcatActionItemEditor *self)
{
  g_return_val_if_fail (ICAT_IS_ACTION_ITEM_EDITOR (self), NULL);
  return self->record ? icat_record_get_id (self->record) : NULL;
}

void
icat_action_item_editor_focus_title (IcatActionItemEditor *self)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEM_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

/* }}} */
/* GObject {{{ */

static void
icat_action_item_editor_dispose (GObject *object)
{
  IcatActionItemEditor *self = ICAT_ACTION_ITEM_EDITOR (object);

  detach_item (self);
  /* AdwBin holds its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_ACTION_ITEM_EDITOR);
  g_clear_pointer (&self->supporting, icat_ref_list_free);
  g_clear_pointer (&self->mandate_refs, icat_ref_list_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->agencies);
  g_clear_object (&self->meetings);
  g_clear_object (&self->mandates);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_action_item_editor_parent_class)->dispose (object);
}

static void
icat_action_item_editor_finalize (GObject *object)
{
  IcatActionItemEditor *self = ICAT_ACTION_ITEM_EDITOR (object);

  g_free (self->shown_owner);
  g_free (self->shown_meeting);
  g_free (self->shown_starts);
  g_free (self->shown_due);
  g_free (self->shown_title);
  G_OBJECT_CLASS (icat_action_item_editor_parent_class)->finalize (object);
}

static void
icat_action_item_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  IcatActionItemEditor *self = ICAT_ACTION_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_string (value, icat_action_item_editor_get_item_id (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, icat_editor_chrome_get_folded (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_action_item_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  IcatActionItemEditor *self = ICAT_ACTION_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (icat_editor_chrome_set_folded (self->back_button, self->close_button, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_action_item_editor_class_init (IcatActionItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_action_item_editor_dispose;
  object_class->finalize = icat_action_item_editor_finalize;
  object_class->get_property = icat_action_item_editor_get_property;
  object_class->set_property = icat_action_item_editor_set_property;

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    icat_editor_chrome_folded_param ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICAT_TYPE_CONFLICT_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/action-items/icat-action-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, owner_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, email_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, completion_view);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, starts_calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, starts_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, due_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, supporting_group);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, mandates_group);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, supporting_add);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemEditor, mandates_add);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
}

static void
icat_action_item_editor_init (IcatActionItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  icat_date_picker_attach (self->starts_row, self->starts_calendar_button, self->starts_calendar);
  icat_date_picker_attach (self->due_row, self->due_calendar_button, self->due_calendar);
  self->history_rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

static void
setup_choices (IcatActionItemEditor *self)
{
  g_autoptr(GtkStringList) statuses = icat_enum_labels (icat_action_statuses, icat_action_status_label);
  g_autoptr(GtkStringList) priorities = icat_enum_labels (icat_priorities, icat_action_priority_label);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringList) none = gtk_string_list_new (NULL);
  g_autoptr(GtkFlattenListModel) meetings = NULL;
  g_autoptr(GtkExpression) expression = choice_expression ();

  gtk_string_list_append (none, _("No meeting"));
  g_list_store_append (parts, none);
  g_list_store_append (parts, self->meetings);
  meetings = gtk_flatten_list_model_new (G_LIST_MODEL (parts));

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  icat_record_picker_attach (self->owner_button, self->agencies, NULL, owner_chosen, self);
  adw_combo_row_set_expression (self->meeting_row, expression);
  adw_combo_row_set_model (self->meeting_row, G_LIST_MODEL (meetings));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->priority_row, "notify::selected", G_CALLBACK (priority_selected_cb), self);
  g_signal_connect_swapped (self->meeting_row, "notify::selected", G_CALLBACK (meeting_selected_cb), self);
}

static void
setup_text (IcatActionItemEditor *self,
            GtkTextView          *view,
            const char           *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_object_set_data (G_OBJECT (buffer), "icat-view", view);
  g_object_set_data (G_OBJECT (buffer), "icat-field", (gpointer) field);
  g_signal_connect (buffer, "changed", G_CALLBACK (text_changed_cb), self);
}

GtkWidget *
icat_action_item_editor_new (IcatStore *store)
{
  IcatActionItemEditor *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_ACTION_ITEM_EDITOR, NULL);
  self->store = g_object_ref (store);
  icat_chase_button_init (self->email_button, store);
  self->agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  self->meetings = icat_record_list_new (store, "meeting");
  icat_record_list_set_sort (self->meetings, ICAT_KEY_STARTS_AT, TRUE);
  self->mandates = icat_record_list_new (store, "mandate");
  icat_record_list_set_sort (self->mandates, ICAT_KEY_DOCUMENT, FALSE);
  self->supporting = icat_ref_list_new (store, ICAT_KEY_SUPPORTING, "agency", _("No supporting agencies"),
                                        self->supporting_group, self->supporting_add, self->agencies,
                                        icat_editor_record_refs_changed, &self->autosave);
  self->mandate_refs = icat_ref_list_new (store, ICAT_KEY_MANDATES, "mandate", _("No mandates"),
                                          self->mandates_group, self->mandates_add, self->mandates,
                                          icat_editor_record_refs_changed, &self->autosave);
  setup_choices (self);
  setup_text (self, self->description_view, ICAT_KEY_DESCRIPTION);
  setup_text (self, self->completion_view, ICAT_KEY_COMPLETION_NOTE);
  load_fields (self);
  return GTK_WIDGET (self);
}

/* }}} */
