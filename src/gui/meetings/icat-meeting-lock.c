/* icat-meeting-lock.c — approved minutes are read-only until reopened
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a meeting record is approved, what the group approved — the agenda
 * with its minutes and mandates, the decisions and the attendance — is
 * shown read-only: texts not editable, choices insensitive, no add,
 * remove, link or reorder buttons, and their actions (and so their
 * shortcuts) off. The line at the top of the record says since when and
 * offers "Reopen Record", which sets the record back to circulated and
 * notes the day in one save. The meeting's logistics (title, kind, venue,
 * time, chairs), its invitees and attachments stay editable: they
 * describe or accompany the meeting and are not the text the group
 * approved. A new action item from an agenda item stays possible too: it
 * is a record of its own.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "icat-conflict-marks.h"
#include "icat-format.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"
#include "icat-sync.h"
#include "icat-today.h"

/* The actions that change what approval locks. */
static const char * const locked_actions[] = {
  "editor.add-agenda-item", "editor.add-decision", "agenda.move-up", "agenda.move-down",
};

/* Buttons (and the drag handle) that add, remove, link or reorder. */
static const char * const locked_buttons[] = {
  "agenda-move-up", "agenda-move-down", "agenda-remove", "agenda-drag-handle",
  "agenda-link-mandate", "agenda-mandate-remove", "decision-remove",
};

gboolean
_icat_meeting_lock_is_locked (IcatMeetingEditor *self)
{
  return self->meeting != NULL &&
         g_strcmp0 (icat_json_get_string (self->shown, ICAT_KEY_RECORD_STATUS), "approved") == 0;
}

gboolean
_icat_meeting_lock_covers (IcatMeetingSection section)
{
  return section == SECTION_AGENDA || section == SECTION_DECISIONS || section == SECTION_ATTENDANCE;
}

static gboolean
is_locked_button (GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);

  for (guint i = 0; i < G_N_ELEMENTS (locked_buttons); i++)
    if (g_strcmp0 (name, locked_buttons[i]) == 0)
      return TRUE;
  return FALSE;
}

/* An add button in a section's header, found by its action. */
static gboolean
is_locked_add_button (GtkWidget *widget)
{
  const char *action = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  return g_strcmp0 (action, "editor.add-agenda-item") == 0 || g_strcmp0 (action, "editor.add-decision") == 0;
}

static void
lock_tree (GtkWidget *widget,
           gboolean   locked)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), !locked);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), !locked);
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), !locked);
  else if (ADW_IS_COMBO_ROW (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget))
    gtk_widget_set_sensitive (widget, !locked);
  else if (is_locked_button (widget) || is_locked_add_button (widget))
    gtk_widget_set_visible (widget, !locked);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lock_tree (child, locked);
}

/* The section's group: what lock_tree walks, header and all. */
static GtkWidget *
group_of (gpointer widget)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_PREFERENCES_GROUP);

  return group != NULL ? group : GTK_WIDGET (widget);
}

/* Whether the record has an open "approved" conflict: a change from
 * another laptop after approval. Read only when the marks say the record
 * has a conflict at all, from the few open conflicts. */
static gboolean
changed_elsewhere (IcatMeetingEditor *self)
{
  const char *id = icat_record_get_id (self->meeting);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  if (!icat_conflict_marks_has (icat_conflict_marks_get (self->store), "meeting", id))
    return FALSE;
  conflicts = icat_sync_conflicts (self->store, &error);
  if (conflicts == NULL)
    {
      g_warning ("Cannot read the conflicts: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      if (g_str_equal (conflict->kind, "approved") && g_strcmp0 (conflict->record_id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
update_flag (IcatMeetingEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->lock_flag), self->meeting != NULL && changed_elsewhere (self));
}

/* The line wraps on a narrow window, but never inside the date: Chinese
 * would otherwise break between any two characters of "2026年5月3日". */
static PangoAttrList *
unbroken (const char *text,
          const char *part)
{
  const char *at = *part != '\0' ? strstr (text, part) : NULL;
  PangoAttrList *attributes;
  PangoAttribute *no_breaks;

  if (at == NULL)
    return NULL;
  attributes = pango_attr_list_new ();
  no_breaks = pango_attr_allow_breaks_new (FALSE);
  no_breaks->start_index = (guint) (at - text);
  no_breaks->end_index = no_breaks->start_index + (guint) strlen (part);
  pango_attr_list_insert (attributes, no_breaks);
  return attributes;
}

static void
update_line (IcatMeetingEditor *self,
             gboolean           locked)
{
  g_autofree char *approved = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *attributes;

  gtk_widget_set_visible (GTK_WIDGET (self->lock_box), locked);
  if (!locked)
    return;
  approved = icat_format_date (icat_json_get_string (self->shown, ICAT_KEY_APPROVED_ON));
  text = *approved != '\0'
         /* Translators: at the top of an approved meeting record, before "Reopen Record" */
         ? g_strdup_printf (_("Record approved on %s"), approved)
         : g_strdup (_("Record approved"));
  attributes = unbroken (text, approved);
  gtk_label_set_label (self->lock_label, text);
  gtk_label_set_attributes (self->lock_label, attributes);
  g_clear_pointer (&attributes, pango_attr_list_unref);
}

void
_icat_meeting_lock_update (IcatMeetingEditor *self)
{
  gboolean locked = _icat_meeting_lock_is_locked (self);

  for (guint i = 0; i < G_N_ELEMENTS (locked_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), locked_actions[i], !locked);
  lock_tree (group_of (self->agenda_box), locked);
  lock_tree (group_of (self->decisions_list), locked);
  lock_tree (group_of (self->attendance_expander), locked);
  /* Reopening is the way back: the status does not leave "approved" alone. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), !locked);
  update_line (self, locked);
  update_flag (self);
}

/* Reopening */

static void
reopen (IcatMeetingEditor *self)
{
  g_autofree char *today = icat_today_string ();

  if (!_icat_meeting_lock_is_locked (self))
    return;
  /* Both fields in one save, so the journal holds the reopening whole;
   * approved_on stays, for the History and the record's PDF. */
  _icat_meeting_editor_queue_field (self, ICAT_KEY_RECORD_STATUS, _icat_meeting_string_node ("circulated"));
  _icat_meeting_editor_queue_field (self, ICAT_KEY_REOPENED_ON, _icat_meeting_string_node (today));
  icat_autosave_flush (self->autosave);
  _icat_meeting_editor_status_shown (self);
  _icat_meeting_lock_update (self);
}

static void
reopen_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    IcatMeetingEditor *self)
{
  if (g_strcmp0 (response, "reopen") == 0)
    reopen (self);
  g_object_unref (self);
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!_icat_meeting_lock_is_locked (self))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Reopen the Approved Record?"),
                                   _("The agenda, minutes, decisions and attendance can be changed again, and the "
                                     "record goes back to circulated. The day of its approval and of this reopening "
                                     "are kept with the record."));
  gtk_widget_set_name (dialog, "meeting-reopen-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (reopen_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
flag_link_cb (GtkLabel          *label,
              const char        *uri,
              IcatMeetingEditor *self)
{
  g_autofree char *target = NULL;

  if (self->meeting == NULL)
    return TRUE;
  target = g_strconcat ("meeting/", icat_record_get_id (self->meeting), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-history", "s", target);
  return TRUE;
}

void
_icat_meeting_lock_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, lock_box);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, lock_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingEditor, lock_flag);
  gtk_widget_class_install_action (widget_class, "editor.reopen-record", NULL, reopen_activated);
}

void
_icat_meeting_lock_init (IcatMeetingEditor *self)
{
  g_autofree char *markup = g_markup_printf_escaped ("<a href=\"history\">%s</a>",
                                                     /* Translators: on a meeting record; a link to its History */
                                                     _("Changed on another laptop after approval — see History"));

  gtk_label_set_markup (self->lock_flag, markup);
  g_signal_connect (self->lock_flag, "activate-link", G_CALLBACK (flag_link_cb), self);
  g_signal_connect_object (icat_conflict_marks_get (self->store), "changed",
                           G_CALLBACK (update_flag), self, G_CONNECT_SWAPPED);
}
