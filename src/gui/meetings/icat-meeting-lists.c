/* icat-meeting-lists.c — who attended a meeting, who was invited, what is attached
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attendance has a row for every agency, made once per list of agencies;
 * invitees and attachments have a row per entry of the record.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-attachment-row.h"
#include "icat-attendance-row.h"
#include "icat-editor-util.h"
#include "icat-invitee-row.h"
#include "icat-meeting-editor-private.h"
#include "icat-nested-id.h"
#include "icat-schema.h"

/* Attendance: a row for every agency */

JsonNode *
_icat_meeting_attendance_to_json (IcatMeetingEditor *self)
{
  JsonArray *attendance = json_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  for (guint i = 0; i < self->attendance->len; i++)
    {
      IcatAttendanceRow *row = self->attendance->pdata[i];
      gboolean present = gtk_check_button_get_active (icat_attendance_row_get_present_button (row));
      g_auto(GStrv) names = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
      JsonArray *delegates = json_array_new ();
      JsonObject *object;

      for (guint n = 0; names[n] != NULL; n++)
        if (*g_strstrip (names[n]) != '\0')
          json_array_add_string_element (delegates, names[n]);
      if (!icat_attendance_row_get_listed (row) && !present && json_array_get_length (delegates) == 0)
        {
          json_array_unref (delegates);
          continue;
        }
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_AGENCY, icat_attendance_row_get_agency_id (row));
      json_object_set_boolean_member (object, ICAT_KEY_PRESENT, present);
      json_object_set_array_member (object, ICAT_KEY_DELEGATES, delegates);
      icat_nested_id_add (row, object);
      json_array_add_object_element (attendance, object);
      g_ptr_array_add (widgets, row);
    }
  icat_nested_ids_fill_widgets ("meeting", icat_meeting_editor_get_meeting_id (self), ICAT_KEY_ATTENDANCE,
                                attendance, widgets);
  return _icat_meeting_array_node (attendance);
}

void
_icat_meeting_attendance_update (IcatMeetingEditor *self)
{
  guint present = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->attendance->len; i++)
    present += gtk_check_button_get_active (icat_attendance_row_get_present_button (self->attendance->pdata[i]));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency present", "%u agencies present", present),
                             present);
  adw_expander_row_set_subtitle (self->attendance_expander, summary);
}

/* Called for the row's text and for its check button. */
static void
attendance_touched_cb (GtkWidget         *widget,
                       IcatMeetingEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ICAT_TYPE_ATTENDANCE_ROW);

  if (self->loading > 0)
    return;
  icat_attendance_row_set_listed (ICAT_ATTENDANCE_ROW (row), TRUE);
  _icat_meeting_editor_section_changed (self, SECTION_ATTENDANCE);
}

void
_icat_meeting_attendance_add_row (IcatMeetingEditor *self,
                                  IcatRecord        *agency)
{
  GtkWidget *row = icat_attendance_row_new (icat_record_get_id (agency));
  const char *acronym = icat_record_get_string (agency, ICAT_KEY_ACRONYM);
  g_autofree char *title = g_strdup_printf (_("%s delegates, separated by commas"), acronym);
  g_autofree char *present = g_strdup_printf (_("%s present"), acronym);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  icat_attendance_row_set_present_label (ICAT_ATTENDANCE_ROW (row), present);
  g_signal_connect (icat_attendance_row_get_present_button (ICAT_ATTENDANCE_ROW (row)), "toggled",
                    G_CALLBACK (attendance_touched_cb), self);
  g_signal_connect (row, "changed", G_CALLBACK (attendance_touched_cb), self);
  adw_expander_row_add_row (self->attendance_expander, row);
  /* Borrowed: the expander holds the row until _icat_meeting_attendance_clear. */
  g_ptr_array_add (self->attendance, row);
}

static gboolean
attendance_row_names_agency (IcatAttendanceRow *row)
{
  return icat_attendance_row_get_listed (row) ||
         gtk_check_button_get_active (icat_attendance_row_get_present_button (row)) ||
         *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0';
}

void
_icat_meeting_attendance_show_former (IcatMeetingEditor *self)
{
  gboolean show_all;

  if (self->show_former_row == NULL)
    return;
  show_all = gtk_switch_get_active (self->show_former_switch);

  for (guint i = 0; i < self->attendance->len; i++)
    {
      IcatAttendanceRow *row = self->attendance->pdata[i];
      gboolean former = g_hash_table_contains (self->former_agencies, icat_attendance_row_get_agency_id (row));

      gtk_widget_set_visible (GTK_WIDGET (row), !former || show_all || attendance_row_names_agency (row));
    }
  gtk_widget_set_visible (self->show_former_row, g_hash_table_size (self->former_agencies) > 0);
}

static void
show_former_toggled_cb (IcatMeetingEditor *self)
{
  _icat_meeting_attendance_show_former (self);
}

/* Former members and defunct bodies (DAW, UNIFEM) rarely attend now; a
 * meeting that lists them still shows them. */
void
_icat_meeting_attendance_add_show_former (IcatMeetingEditor *self)
{
  GtkWidget *toggle;

  if (self->show_former_row != NULL)
    {
      g_autoptr(GtkWidget) row = g_object_ref (self->show_former_row);

      adw_expander_row_remove (self->attendance_expander, row);
      adw_expander_row_add_row (self->attendance_expander, row);
      return;
    }
  self->show_former_row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  gtk_widget_set_name (toggle, "attendance-show-former");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->show_former_row), _("Show former members"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->show_former_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->show_former_row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show former members"), -1);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (show_former_toggled_cb), self);
  self->show_former_switch = GTK_SWITCH (toggle);
  adw_expander_row_add_row (self->attendance_expander, self->show_former_row);
}

void
_icat_meeting_attendance_clear (IcatMeetingEditor *self)
{
  for (guint i = 0; i < self->attendance->len; i++)
    adw_expander_row_remove (self->attendance_expander, self->attendance->pdata[i]);
  g_ptr_array_set_size (self->attendance, 0);
}

void
_icat_meeting_attendance_load (IcatMeetingEditor *self,
                               JsonArray         *attendance)
{
  for (guint i = 0; i < self->attendance->len; i++)
    {
      IcatAttendanceRow *row = self->attendance->pdata[i];
      JsonObject *found = NULL;
      JsonArray *delegates;
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint n = 0; attendance != NULL && n < json_array_get_length (attendance); n++)
        if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (attendance, n), ICAT_KEY_AGENCY),
                       icat_attendance_row_get_agency_id (row)) == 0)
          found = json_array_get_object_element (attendance, n);
      delegates = _icat_meeting_get_array (found, ICAT_KEY_DELEGATES);
      for (guint n = 0; delegates != NULL && n < json_array_get_length (delegates); n++)
        g_string_append_printf (names, "%s%s", n > 0 ? ", " : "", json_array_get_string_element (delegates, n));
      icat_attendance_row_set_listed (row, found != NULL);
      icat_nested_id_remember (row, found);
      gtk_check_button_set_active (icat_attendance_row_get_present_button (row),
                                   found && json_object_get_boolean_member_with_default (found, ICAT_KEY_PRESENT, FALSE));
      gtk_editable_set_text (GTK_EDITABLE (row), names->str);
    }
  _icat_meeting_attendance_show_former (self);
}

/* Invited States and organizations */

JsonNode *
_icat_meeting_invited_to_json (IcatMeetingEditor *self)
{
  JsonArray *invited = json_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->invited_list, i)) != NULL; i++)
    {
      g_autofree char *name = _icat_meeting_stripped_text (row);
      GtkDropDown *kind = icat_invitee_row_get_kind_drop_down (ICAT_INVITEE_ROW (row));
      IcatAttended attended = icat_invitee_row_get_attended (ICAT_INVITEE_ROW (row));
      JsonObject *object;

      if (*name == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_NAME, name);
      json_object_set_string_member (object, ICAT_KEY_KIND, icat_invitee_kinds[MIN (gtk_drop_down_get_selected (kind), 1)]);
      if (attended != ICAT_ATTENDED_UNKNOWN)
        json_object_set_boolean_member (object, ICAT_KEY_ATTENDED, attended == ICAT_ATTENDED_YES);
      icat_nested_id_add (row, object);
      json_array_add_object_element (invited, object);
      g_ptr_array_add (widgets, row);
    }
  icat_nested_ids_fill_widgets ("meeting", icat_meeting_editor_get_meeting_id (self), ICAT_KEY_INVITED,
                                invited, widgets);
  return _icat_meeting_array_node (invited);
}

static void
invited_changed_cb (IcatMeetingEditor *self)
{
  _icat_meeting_editor_section_changed (self, SECTION_INVITED);
}

static void
remove_invitee_clicked_cb (GtkButton         *button,
                           IcatMeetingEditor *self)
{
  _icat_meeting_editor_remove_element (self, SECTION_INVITED,
                                       _icat_meeting_child_of (GTK_WIDGET (button), self->invited_list),
                                       _("Invitee removed"));
}

static GtkWidget *
invitee_row_new (IcatMeetingEditor *self,
                 JsonObject        *data)
{
  GtkWidget *row = icat_invitee_row_new ();
  GtkDropDown *kind = icat_invitee_row_get_kind_drop_down (ICAT_INVITEE_ROW (row));
  JsonNode *attended = data ? json_object_get_member (data, ICAT_KEY_ATTENDED) : NULL;
  const char *name = icat_json_get_string (data, ICAT_KEY_NAME);

  icat_nested_id_remember (row, data);
  gtk_editable_set_text (GTK_EDITABLE (row), name ? name : "");
  gtk_drop_down_set_selected (kind, icat_enum_index (icat_invitee_kinds, icat_json_get_string (data, ICAT_KEY_KIND), 0));
  /* Whether they came is not shown, and kept as it is. */
  if (attended != NULL && JSON_NODE_HOLDS_VALUE (attended))
    icat_invitee_row_set_attended (ICAT_INVITEE_ROW (row),
                                   json_node_get_boolean (attended) ? ICAT_ATTENDED_YES : ICAT_ATTENDED_NO);
  g_signal_connect (icat_invitee_row_get_remove_button (ICAT_INVITEE_ROW (row)), "clicked", G_CALLBACK (remove_invitee_clicked_cb), self);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (invited_changed_cb), self);
  g_signal_connect_swapped (kind, "notify::selected", G_CALLBACK (invited_changed_cb), self);
  return row;
}

void
_icat_meeting_invited_load (IcatMeetingEditor *self,
                            JsonArray         *invited)
{
  _icat_meeting_clear_list (self->invited_list);
  for (guint i = 0; invited != NULL && i < json_array_get_length (invited); i++)
    gtk_list_box_append (self->invited_list, invitee_row_new (self, json_array_get_object_element (invited, i)));
}

GtkWidget *
_icat_meeting_invited_add (IcatMeetingEditor *self)
{
  GtkWidget *row = invitee_row_new (self, NULL);

  gtk_list_box_append (self->invited_list, row);
  return row;
}

/* Attachments */

JsonNode *
_icat_meeting_attachments_to_json (IcatMeetingEditor *self)
{
  JsonArray *attachments = json_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *title = _icat_meeting_stripped_text (icat_attachment_row_get_title_row (ICAT_ATTACHMENT_ROW (child)));
      g_autofree char *uri = _icat_meeting_stripped_text (icat_attachment_row_get_uri_row (ICAT_ATTACHMENT_ROW (child)));
      JsonObject *object;

      if (*uri == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_TITLE, *title != '\0' ? title : uri);
      json_object_set_string_member (object, ICAT_KEY_URI, uri);
      icat_nested_id_add (child, object);
      json_array_add_object_element (attachments, object);
      g_ptr_array_add (widgets, child);
    }
  icat_nested_ids_fill_widgets ("meeting", icat_meeting_editor_get_meeting_id (self), ICAT_KEY_ATTACHMENTS,
                                attachments, widgets);
  return _icat_meeting_array_node (attachments);
}

void
_icat_meeting_attachments_update (IcatMeetingEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_empty),
                          gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box)) == NULL);
}

static void
attachments_changed_cb (IcatMeetingEditor *self)
{
  _icat_meeting_editor_section_changed (self, SECTION_ATTACHMENTS);
}

static void
open_attachment_clicked_cb (GtkButton         *button,
                            IcatMeetingEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ICAT_TYPE_ATTACHMENT_ROW);
  AdwEntryRow *uri_row = icat_attachment_row_get_uri_row (ICAT_ATTACHMENT_ROW (row));

  icat_open_typed_link (GTK_WIDGET (self), gtk_editable_get_text (GTK_EDITABLE (uri_row)));
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
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ICAT_TYPE_ATTACHMENT_ROW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose Attachment"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb),
                           icat_attachment_row_get_uri_row (ICAT_ATTACHMENT_ROW (row)), 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_attachment_clicked_cb (GtkButton         *button,
                              IcatMeetingEditor *self)
{
  _icat_meeting_editor_remove_element (self, SECTION_ATTACHMENTS,
                                       _icat_meeting_child_of (GTK_WIDGET (button), self->attachments_box),
                                       _("Attachment removed"));
}

static GtkWidget *
attachment_new (IcatMeetingEditor *self,
                JsonObject        *data)
{
  GtkWidget *row = icat_attachment_row_new ();
  AdwEntryRow *title = icat_attachment_row_get_title_row (ICAT_ATTACHMENT_ROW (row));
  AdwEntryRow *uri = icat_attachment_row_get_uri_row (ICAT_ATTACHMENT_ROW (row));
  const char *title_text = icat_json_get_string (data, ICAT_KEY_TITLE);
  const char *uri_text = icat_json_get_string (data, ICAT_KEY_URI);

  icat_nested_id_remember (row, data);
  gtk_editable_set_text (GTK_EDITABLE (title), title_text ? title_text : "");
  gtk_editable_set_text (GTK_EDITABLE (uri), uri_text ? uri_text : "");
  g_signal_connect (icat_attachment_row_get_choose_button (ICAT_ATTACHMENT_ROW (row)), "clicked",
                    G_CALLBACK (choose_file_clicked_cb), self);
  g_signal_connect (icat_attachment_row_get_open_button (ICAT_ATTACHMENT_ROW (row)), "clicked",
                    G_CALLBACK (open_attachment_clicked_cb), self);
  g_signal_connect (icat_attachment_row_get_remove_button (ICAT_ATTACHMENT_ROW (row)), "clicked",
                    G_CALLBACK (remove_attachment_clicked_cb), self);
  g_signal_connect_swapped (title, "changed", G_CALLBACK (attachments_changed_cb), self);
  g_signal_connect_swapped (uri, "changed", G_CALLBACK (attachments_changed_cb), self);
  return row;
}

void
_icat_meeting_attachments_load (IcatMeetingEditor *self,
                                JsonArray         *attachments)
{
  _icat_meeting_clear_box (self->attachments_box);
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    gtk_box_append (self->attachments_box, attachment_new (self, json_array_get_object_element (attachments, i)));
}

GtkWidget *
_icat_meeting_attachments_add (IcatMeetingEditor *self)
{
  GtkWidget *row = attachment_new (self, NULL);

  gtk_box_append (self->attachments_box, row);
  return GTK_WIDGET (icat_attachment_row_get_title_row (ICAT_ATTACHMENT_ROW (row)));
}

/* For tests */

GtkWidget *
_icat_meeting_editor_get_attendance (IcatMeetingEditor *self,
                                     const char        *agency_id)
{
  for (guint i = 0; i < self->attendance->len; i++)
    if (g_strcmp0 (icat_attendance_row_get_agency_id (self->attendance->pdata[i]), agency_id) == 0)
      return self->attendance->pdata[i];
  return NULL;
}
