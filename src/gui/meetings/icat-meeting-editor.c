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

#include "icat-agency-choice.h"
#include "icat-agency-order.h"
#include "icat-editor-chrome.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-history-approval-note.h"
#include "icat-history-window.h"
#include "icat-input.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"

/* The fields of the top of the editor, filled together. */
static const char * const general_fields[] = {
  ICAT_KEY_TITLE, ICAT_KEY_KIND, ICAT_KEY_VENUE, ICAT_KEY_TIMEZONE,
  ICAT_KEY_STARTS_AT, ICAT_KEY_ENDS_AT, ICAT_KEY_MULTI_DAY,
  ICAT_KEY_DATE_PRECISION, ICAT_KEY_CHAIRS, ICAT_KEY_RECORD_STATUS,
  ICAT_KEY_CIRCULATED_ON, ICAT_KEY_APPROVED_ON, ICAT_KEY_REOPENED_ON,
};

G_DEFINE_FINAL_TYPE (IcatMeetingEditor, icat_meeting_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEETING_ID,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Queues a field's new value (transfer full) unless the widgets are being filled. */
void
_icat_meeting_editor_queue_field (IcatMeetingEditor *self,
                                  const char        *field,
                                  JsonNode          *value)
{
  g_autoptr(JsonNode) owned = value;

  if (self->loading > 0 || self->autosave == NULL)
    return;
  _icat_meeting_shown_remember (self->shown, field, value);
  icat_autosave_set (self->autosave, field, g_steal_pointer (&owned));
  /* The Undo of a removal would now take back this edit instead. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.withdraw-undo", NULL);
}

char *
_icat_meeting_stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

GtkWidget *
_icat_meeting_child_of (GtkWidget *widget,
                        gpointer   container)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != container)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

GtkWidget *
_icat_meeting_icon_button_new (const char *icon,
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

guint
_icat_meeting_editor_agency_index (IcatMeetingEditor *self,
                                   const char        *id)
{
  for (guint i = 1; id != NULL && i < self->agency_ids->len; i++)
    if (g_strcmp0 (self->agency_ids->pdata[i], id) == 0)
      return i;
  return 0;
}

const char *
_icat_meeting_editor_agency_at (IcatMeetingEditor *self,
                                guint              index)
{
  return index < self->agency_ids->len ? self->agency_ids->pdata[index] : NULL;
}

static void
update_warning (IcatMeetingEditor *self)
{
  g_auto(GStrv) missing = _icat_meeting_missing_inactive (G_LIST_MODEL (self->agencies), self->shown);
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
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, icat_format_venue (icat_json_get_string (data, ICAT_KEY_VENUE)));

  adw_window_title_set_title (self->heading, icat_record_get_title (self->meeting));
  adw_window_title_set_subtitle (self->heading, subtitle);
}

void
_icat_meeting_editor_status_shown (IcatMeetingEditor *self)
{
  const char *status = icat_json_get_string (self->shown, ICAT_KEY_RECORD_STATUS);
  const char *circulated = icat_json_get_string (self->shown, ICAT_KEY_CIRCULATED_ON);
  const char *approved = icat_json_get_string (self->shown, ICAT_KEY_APPROVED_ON);
  /* Once approved again, the reopening is history (as in the PDF). */
  const char *reopened = g_strcmp0 (status, "approved") != 0
                         ? icat_json_get_string (self->shown, ICAT_KEY_REOPENED_ON) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  self->loading++;
  adw_combo_row_set_selected (self->status_row, icat_enum_index (icat_record_statuses, status, 0));
  self->loading--;
  if (circulated != NULL)
    g_string_append_printf (text, _("Circulated on %s"), circulated);
  if (approved != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("Approved on %s"), approved);
    }
  if (reopened != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("Reopened on %s"), reopened);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), text->str);
}

/* General fields */

static void
title_changed_cb (IcatMeetingEditor *self)
{
  g_autofree char *text = _icat_meeting_stripped_text (self->title_row);
  g_autofree char *problem = icat_input_title_problem (text);
  g_autoptr(JsonNode) copy = _icat_meeting_title_with (json_object_get_member (self->shown, ICAT_KEY_TITLE),
                                                       icat_user_language (), text);
  JsonObject *title = json_node_get_object (copy);

  icat_row_show_problem (GTK_WIDGET (self->title_row),
                         json_object_get_size (title) == 0 ? problem : NULL);
  if (json_object_get_size (title) > 0)
    _icat_meeting_editor_queue_field (self, ICAT_KEY_TITLE, g_steal_pointer (&copy));
}

static void
kind_selected_cb (IcatMeetingEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (kind == GTK_INVALID_LIST_POSITION)
    return;
  _icat_meeting_editor_queue_field (self, ICAT_KEY_KIND, _icat_meeting_string_node (icat_meeting_kinds[kind]));
  update_warning (self);
}

static void
chairs_selected_cb (IcatMeetingEditor *self)
{
  const char *chair = _icat_meeting_editor_agency_at (self, icat_agency_choice_get_selected (self->chair_row));
  const char *cochair = _icat_meeting_editor_agency_at (self, icat_agency_choice_get_selected (self->cochair_row));

  _icat_meeting_editor_queue_field (self, ICAT_KEY_CHAIRS, _icat_meeting_chairs_node (chair, cochair));
}

static void
status_selected_cb (IcatMeetingEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  g_autofree char *today = icat_today_string ();

  if (self->loading > 0 || status == GTK_INVALID_LIST_POSITION)
    return;
  _icat_meeting_editor_queue_field (self, ICAT_KEY_RECORD_STATUS, _icat_meeting_string_node (icat_record_statuses[status]));
  /* Each step keeps the day it was taken. */
  if (status == 1 || (status == 2 && !json_object_has_member (self->shown, ICAT_KEY_CIRCULATED_ON)))
    _icat_meeting_editor_queue_field (self, ICAT_KEY_CIRCULATED_ON, _icat_meeting_string_node (today));
  if (status == 2)
    _icat_meeting_editor_queue_field (self, ICAT_KEY_APPROVED_ON, _icat_meeting_string_node (today));
  _icat_meeting_editor_status_shown (self);
  _icat_meeting_lock_update (self);
}

static void
load_general (IcatMeetingEditor *self,
              JsonObject        *data)
{
  JsonNode *title = json_object_get_member (data, ICAT_KEY_TITLE);

  self->loading++;
  /* A title said to be wrong keeps what was typed (see load_entry). */
  if (icat_row_get_problem (GTK_WIDGET (self->title_row)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                           _icat_meeting_title_text (title && JSON_NODE_HOLDS_OBJECT (title) ? json_node_get_object (title) : NULL));
  adw_combo_row_set_selected (self->kind_row, icat_enum_index (icat_meeting_kinds, icat_json_get_string (data, ICAT_KEY_KIND), 0));
  _icat_meeting_time_load (self, data);
  icat_agency_choice_set_selected (self->chair_row,
                                   _icat_meeting_editor_agency_index (self, _icat_meeting_chair_at (data, 0)));
  icat_agency_choice_set_selected (self->cochair_row,
                                   _icat_meeting_editor_agency_index (self, _icat_meeting_chair_at (data, 1)));
  adw_combo_row_set_selected (self->status_row,
                              icat_enum_index (icat_record_statuses, icat_json_get_string (data, ICAT_KEY_RECORD_STATUS), 0));
  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    _icat_meeting_shown_remember (self->shown, general_fields[i], json_object_get_member (data, general_fields[i]));
  self->loading--;
  _icat_meeting_time_update (self);
  _icat_meeting_editor_status_shown (self);
}

/* Sections: the lists of the record, each saved whole */

static const struct {
  const char  *field;
  const char  *add_action;   /* NULL: rows are not added one by one */
  JsonNode  *(*to_json) (IcatMeetingEditor *self);
  void       (*load)    (IcatMeetingEditor *self, JsonArray *array);
  void       (*update)  (IcatMeetingEditor *self);  /* numbering, summaries; may be NULL */
  GtkWidget *(*add)     (IcatMeetingEditor *self);
} sections[N_SECTIONS] = {
  [SECTION_AGENDA] = { ICAT_KEY_AGENDA, "editor.add-agenda-item", _icat_meeting_agenda_to_json,
                       _icat_meeting_agenda_load, _icat_meeting_agenda_update, _icat_meeting_agenda_add },
  [SECTION_DECISIONS] = { ICAT_KEY_DECISIONS, "editor.add-decision", _icat_meeting_decisions_to_json,
                          _icat_meeting_decisions_load, _icat_meeting_decisions_update, _icat_meeting_decisions_add },
  [SECTION_ATTENDANCE] = { ICAT_KEY_ATTENDANCE, NULL, _icat_meeting_attendance_to_json,
                           _icat_meeting_attendance_load, _icat_meeting_attendance_update, NULL },
  [SECTION_INVITED] = { ICAT_KEY_INVITED, "editor.add-invitee", _icat_meeting_invited_to_json,
                        _icat_meeting_invited_load, NULL, _icat_meeting_invited_add },
  [SECTION_ATTACHMENTS] = { ICAT_KEY_ATTACHMENTS, "editor.add-attachment", _icat_meeting_attachments_to_json,
                            _icat_meeting_attachments_load, _icat_meeting_attachments_update,
                            _icat_meeting_attachments_add },
};

static void
update_section (IcatMeetingEditor  *self,
                IcatMeetingSection  section)
{
  if (sections[section].update != NULL)
    sections[section].update (self);
}

void
_icat_meeting_editor_section_changed (IcatMeetingEditor  *self,
                                      IcatMeetingSection  section)
{
  update_section (self, section);
  if (self->loading > 0)
    return;
  /* Approved minutes change only once reopened, whatever path led here. */
  if (_icat_meeting_lock_covers (section) && _icat_meeting_lock_is_locked (self))
    return;
  _icat_meeting_editor_queue_field (self, sections[section].field, sections[section].to_json (self));
  if (section == SECTION_ATTENDANCE || section == SECTION_INVITED)
    update_warning (self);
}

static void
load_section (IcatMeetingEditor  *self,
              IcatMeetingSection  section,
              JsonObject         *data)
{
  const char *field = sections[section].field;

  self->loading++;
  sections[section].load (self, _icat_meeting_get_array (data, field));
  _icat_meeting_shown_remember (self->shown, field, json_object_get_member (data, field));
  self->loading--;
  update_section (self, section);
}

void
_icat_meeting_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
_icat_meeting_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* Adding and removing */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (widget);

  if (self->meeting == NULL)
    return;
  for (IcatMeetingSection s = 0; s < N_SECTIONS; s++)
    if (g_strcmp0 (sections[s].add_action, action_name) == 0)
      {
        GtkWidget *focus = sections[s].add (self);

        _icat_meeting_editor_section_changed (self, s);
        gtk_widget_grab_focus (focus);
      }
}

/* The section's "add" button, found by its action. */
static GtkWidget *
find_add_button (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_add_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Removing is its own saved change, so the toast's Undo takes back just
 * that. The focus goes to the section's add button, never into a field:
 * Ctrl+Z pressed at once must reach the window's Undo, not blank the text
 * of a neighbour. */
void
_icat_meeting_editor_remove_element (IcatMeetingEditor  *self,
                                     IcatMeetingSection  section,
                                     GtkWidget          *element,
                                     const char         *message)
{
  GtkWidget *container = gtk_widget_get_parent (element);
  GtkWidget *add = find_add_button (GTK_WIDGET (self), sections[section].add_action);

  icat_autosave_flush (self->autosave);
  if (add != NULL)
    gtk_widget_grab_focus (add);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
  if (GTK_IS_LIST_BOX (container))
    gtk_list_box_remove (GTK_LIST_BOX (container), element);
  else
    gtk_box_remove (GTK_BOX (container), element);
  _icat_meeting_editor_section_changed (self, section);
  icat_autosave_flush (self->autosave);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);
}

/* Following the record */

/* What the record holds now becomes the base of the next merge. */
static void
remember_stored (IcatMeetingEditor *self,
                 JsonObject        *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    _icat_meeting_shown_remember (self->stored, general_fields[i], json_object_get_member (data, general_fields[i]));
  for (IcatMeetingSection s = 0; s < N_SECTIONS; s++)
    _icat_meeting_shown_remember (self->stored, sections[s].field, json_object_get_member (data, sections[s].field));
}

static void
load_all (IcatMeetingEditor *self)
{
  JsonObject *data = icat_record_get_data (self->meeting);

  load_general (self, data);
  for (IcatMeetingSection s = 0; s < N_SECTIONS; s++)
    load_section (self, s, data);
  remember_stored (self, data);
  update_heading (self);
  update_warning (self);
  _icat_meeting_lock_update (self);
}

/* Whether the record's field is what a save of this editor sent: then
 * the screen already shows it, or something newer. */
static gboolean
is_own_save (IcatMeetingEditor *self,
             JsonObject        *data,
             const char        *field)
{
  return icat_autosave_is_own_value (self->autosave, field, json_object_get_member (data, field),
                                     _icat_meeting_json_same);
}

/* The general fields: each as typed here where it was changed here, else
 * as the record holds it now. */
static void
merge_general (IcatMeetingEditor *self,
               JsonObject        *data)
{
  g_autoptr(JsonObject) merged = json_object_new ();
  gboolean changed_elsewhere = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    {
      const char *field = general_fields[i];
      gboolean changed_here = !_icat_meeting_shown_matches (self->stored, self->shown, field);
      JsonNode *value = json_object_get_member (changed_here ? self->shown : data, field);

      changed_elsewhere |= !_icat_meeting_shown_matches (self->stored, data, field) &&
                           !is_own_save (self, data, field);
      if (value != NULL)
        json_object_set_member (merged, field, json_node_copy (value));
    }
  if (changed_elsewhere)
    load_general (self, merged);
}

/* Another laptop's change (or the command line's) arrived while edits
 * here wait to be saved: what was typed here stays, in place, cursor and
 * all; everything else follows the record; and a list changed on both
 * sides is saved merged, after the other change. */
static void
merge_while_typing (IcatMeetingEditor *self,
                    JsonObject        *data)
{
  merge_general (self, data);
  for (IcatMeetingSection s = 0; s < N_SECTIONS; s++)
    {
      const char *field = sections[s].field;
      JsonNode *theirs = json_object_get_member (data, field);
      g_autoptr(JsonNode) mine = NULL;
      g_autoptr(JsonNode) merged = NULL;
      g_autoptr(JsonObject) holder = NULL;


      if (_icat_meeting_shown_matches (self->stored, data, field) || is_own_save (self, data, field))
        continue;
      mine = sections[s].to_json (self);
      if (_icat_meeting_json_same (mine, json_object_get_member (self->stored, field)))
        {
          load_section (self, s, data);
          continue;
        }
      merged = _icat_meeting_merge_lists (json_object_get_member (self->stored, field), mine, theirs);
      holder = json_object_new ();
      if (merged != NULL)
        json_object_set_member (holder, field, g_steal_pointer (&merged));
      load_section (self, s, holder);
      /* Saved as the screen now shows it, unless that is what waits already. */
      merged = sections[s].to_json (self);
      if (!_icat_meeting_json_same (merged, mine))
        _icat_meeting_editor_queue_field (self, field, g_steal_pointer (&merged));
    }
  update_warning (self);
}

static void report_unsaved_agenda (IcatMeetingEditor *self);

/* Whether a section on screen is what the record holds. What is shown is
 * compared, not what was last sent: whatever the order of saves and undos,
 * once nothing waits to be written the screen is the database. */
static gboolean
section_is_stored (IcatMeetingEditor  *self,
                   IcatMeetingSection  section,
                   JsonObject         *data)
{
  g_autoptr(JsonNode) on_screen = sections[section].to_json (self);

  return _icat_meeting_json_same (on_screen, json_object_get_member (data, sections[section].field));
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
  data = icat_record_get_data (self->meeting);
  if (icat_autosave_get_pending (self->autosave))
    {
      merge_while_typing (self, data);
      remember_stored (self, data);
      _icat_meeting_lock_update (self);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (general_fields); i++)
    general &= _icat_meeting_shown_matches (self->shown, data, general_fields[i]);
  if (!general)
    load_general (self, data);
  for (IcatMeetingSection s = 0; s < N_SECTIONS; s++)
    if (!_icat_meeting_shown_matches (self->shown, data, sections[s].field) || !section_is_stored (self, s, data))
      {
        /* An item waiting for its title goes with the agenda it was not
         * saved in: said, never dropped quietly. */
        if (s == SECTION_AGENDA)
          report_unsaved_agenda (self);
        load_section (self, s, data);
      }
  remember_stored (self, data);
  update_warning (self);
  _icat_meeting_lock_update (self);
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
  icat_toast (GTK_WIDGET (self), error->message);
}

static void
collect_agenda_rows (IcatMeetingEditor *self,
                     GPtrArray         *rows,
                     GPtrArray         *fields)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_ptr_array_add (rows, icat_agenda_item_row_get_title_row (_icat_meeting_agenda_item_get (child)));
      g_ptr_array_add (fields, (gpointer) C_("field in a sentence", "agenda item"));
    }
}

/* The rows that can say what is wrong with what was typed, each with its
 * name as it reads in a sentence. */
static void
collect_checked_rows (IcatMeetingEditor *self,
                      GPtrArray         *rows,
                      GPtrArray         *fields)
{
  GtkWidget *general[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->zone_row), GTK_WIDGET (self->date_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_date_row), GTK_WIDGET (self->end_row),
  };
  const char *names[] = {
    C_("field in a sentence", "title"), C_("field in a sentence", "time zone"),
    C_("field in a sentence", "date"), C_("field in a sentence", "start time"),
    C_("field in a sentence", "end date"), C_("field in a sentence", "end time"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (general); i++)
    {
      g_ptr_array_add (rows, general[i]);
      g_ptr_array_add (fields, (gpointer) names[i]);
    }
  collect_agenda_rows (self, rows, fields);
}

/* Nothing typed is dropped without a word: leaving the meeting, a toast
 * names each field that could not be saved, and why. */
static void
report_unsaved (IcatMeetingEditor *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  collect_checked_rows (self, rows, fields);
  icat_rows_report_unsavedv (icat_record_get_title (self->meeting), (GtkWidget * const *) rows->pdata,
                             (const char * const *) fields->pdata, rows->len);
}

static void
report_unsaved_agenda (IcatMeetingEditor *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  collect_agenda_rows (self, rows, fields);
  icat_rows_report_unsavedv (icat_record_get_title (self->meeting), (GtkWidget * const *) rows->pdata,
                             (const char * const *) fields->pdata, rows->len);
}

/* A meeting that is gone has nothing left to save into. */
static void
forget_problems (IcatMeetingEditor *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  collect_checked_rows (self, rows, fields);
  for (guint i = 0; i < rows->len; i++)
    icat_row_show_problem (rows->pdata[i], NULL);
}

static void
meeting_deleted_cb (IcatMeetingEditor *self)
{
  forget_problems (self);
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
  g_clear_pointer (&self->stored, json_object_unref);
  self->stored = json_object_new ();
  self->save_failed = FALSE;
}

/* The window exports the record; the menu item names the meeting shown. */
static void
update_export_item (IcatMeetingEditor *self)
{
  g_autoptr(GMenuItem) item = NULL;

  g_menu_remove_all (self->export_section);
  if (self->meeting == NULL)
    return;
  item = g_menu_item_new (_("_Export Record as PDF…"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.export-meeting-record",
                                           g_variant_new_string (icat_record_get_id (self->meeting)));
  g_menu_append_item (self->export_section, item);
}

void
icat_meeting_editor_set_meeting (IcatMeetingEditor *self,
                                 const char        *id)
{
  g_return_if_fail (ICAT_IS_MEETING_EDITOR (self));

  if (self->meeting != NULL && g_strcmp0 (id, icat_record_get_id (self->meeting)) == 0)
    return;
  if (self->meeting != NULL)
    report_unsaved (self);
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
  update_export_item (self);
  icat_history_menu_set_record (self->menu_button, "meeting", self->meeting ? icat_record_get_id (self->meeting) : NULL);
  icat_history_approval_note_set_record (ICAT_HISTORY_APPROVAL_NOTE (self->approval_note), self->store, "meeting",
                                         self->meeting ? icat_record_get_id (self->meeting) : NULL);
  icat_conflict_banner_set_record (self->conflict_banner, self->store, "meeting",
                                   self->meeting ? icat_record_get_id (self->meeting) : NULL);
  icat_meeting_reported_set_meeting (self->reported, self->store,
                                     self->meeting ? icat_record_get_id (self->meeting) : NULL);
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
  g_return_val_if_fail (ICAT_IS_MEETING_EDITOR (self), NULL);
  if (self->meeting == NULL)
    return NULL;
  icat_autosave_flush (self->autosave);
  return _icat_meeting_dup_state (icat_record_get_data (self->meeting), self->shown);
}

/* Agencies: the choices of the drop-downs and the attendance rows */

static void
rebuild_agencies (IcatMeetingEditor *self)
{
  g_autofree char *today = icat_today_string ();
  g_autoptr(GPtrArray) agencies = icat_agency_list_current_first (G_LIST_MODEL (self->agencies), today);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->loading++;
  _icat_meeting_attendance_clear (self);
  g_hash_table_remove_all (self->former_agencies);
  g_ptr_array_set_size (self->agency_ids, 0);
  g_ptr_array_add (self->agency_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < agencies->len; i++)
    {
      IcatRecord *agency = agencies->pdata[i];

      g_ptr_array_add (self->agency_ids, g_strdup (icat_record_get_id (agency)));
      g_ptr_array_add (names, g_strdup (icat_record_get_string (agency, ICAT_KEY_ACRONYM)));
      if (icat_agency_is_former (icat_record_get_data (agency), today))
        g_hash_table_add (self->former_agencies, g_strdup (icat_record_get_id (agency)));
      _icat_meeting_attendance_add_row (self, agency);
    }
  _icat_meeting_attendance_add_show_former (self);
  _icat_meeting_attendance_show_former (self);
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

  /* The problem lines go before their list boxes are torn down. */
  if (self->agenda_box != NULL)
    forget_problems (self);
  clear_meeting (self);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MEETING_EDITOR);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->former_agencies, g_hash_table_unref);
  g_clear_pointer (&self->shown, json_object_unref);
  g_clear_pointer (&self->stored, json_object_unref);
  g_clear_object (&self->agency_names);
  g_clear_object (&self->agencies);
  g_clear_object (&self->mandates);
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
    case PROP_FOLDED:
      g_value_set_boolean (value, icat_editor_chrome_get_folded (GTK_WIDGET (self->back_button)));
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
    case PROP_FOLDED:
      if (icat_editor_chrome_set_folded (GTK_WIDGET (self->back_button), NULL, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  g_type_ensure (ICAT_TYPE_HISTORY_APPROVAL_NOTE);
  g_type_ensure (ICAT_TYPE_CONFLICT_BANNER);
  g_type_ensure (ICAT_TYPE_MEETING_REPORTED);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/meetings/icat-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, export_section);
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
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, multi_day_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, multi_day_switch);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, cochair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, agenda_empty);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, reported);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attendance_expander);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, invited_list);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attachments_empty);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, approval_note);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  _icat_meeting_time_class_init (widget_class);
  _icat_meeting_lock_class_init (widget_class);
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
  properties[PROP_FOLDED] =
    icat_editor_chrome_folded_param ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.add-agenda-item", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-decision", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-invitee", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-attachment", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, _icat_meeting_agenda_move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, _icat_meeting_agenda_move_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
}

static void
setup_models (IcatMeetingEditor *self)
{
  g_autoptr(GtkStringList) kinds = icat_enum_labels (icat_meeting_kinds, icat_meeting_kind_label);
  g_autoptr(GtkStringList) statuses = icat_enum_labels (icat_record_statuses, icat_meeting_status_label);
  GtkWidget *placeholder;

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  icat_agency_choice_attach (self->chair_row, G_LIST_MODEL (self->agency_names), self->agency_ids, 0, self->former_agencies);
  icat_agency_choice_attach (self->cochair_row, G_LIST_MODEL (self->agency_names), self->agency_ids, 0, self->former_agencies);
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
  self->former_agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attendance = g_ptr_array_new ();
  self->shown = json_object_new ();
  self->stored = json_object_new ();
  setup_models (self);
  _icat_meeting_time_init (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
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
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  self->mandates = icat_record_list_new (store, "mandate");
  icat_record_list_set_sort (self->mandates, ICAT_KEY_DOCUMENT, FALSE);
  g_signal_connect_object (store, "record-changed::agency", G_CALLBACK (agency_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (agency_changed_cb), self, G_CONNECT_SWAPPED);
  _icat_meeting_lock_init (self);
  rebuild_agencies (self);
  return GTK_WIDGET (self);
}

/* For tests */

GtkEditable *
_icat_meeting_editor_get_title (IcatMeetingEditor *self)
{
  return GTK_EDITABLE (self->title_row);
}

gboolean
_icat_meeting_editor_get_warning_visible (IcatMeetingEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->warning_row));
}
