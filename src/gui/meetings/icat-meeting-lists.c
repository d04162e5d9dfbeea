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

#include "icat-editor-util.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"

/* Attendance: a row for every agency */

JsonNode *
_icat_meeting_attendance_to_json (IcatMeetingEditor *self)
{
  JsonArray *attendance = json_array_new ();

  for (guint i = 0; i < self->attendance->len; i++)
    {
      IcatAttendance *entry = self->attendance->pdata[i];
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
      json_object_set_string_member (object, ICAT_KEY_AGENCY, entry->agency);
      json_object_set_boolean_member (object, ICAT_KEY_PRESENT, present);
      json_object_set_array_member (object, ICAT_KEY_DELEGATES, delegates);
      json_array_add_object_element (attendance, object);
    }
  return _icat_meeting_array_node (attendance);
}

void
_icat_meeting_attendance_update (IcatMeetingEditor *self)
{
  guint present = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->attendance->len; i++)
    present += gtk_check_button_get_active (((IcatAttendance *) self->attendance->pdata[i])->present);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency present", "%u agencies present", present),
                             present);
  adw_expander_row_set_subtitle (self->attendance_expander, summary);
}

static void
attendance_touched_cb (IcatAttendance *entry)
{
  if (entry->editor->loading > 0)
    return;
  entry->listed = TRUE;
  _icat_meeting_editor_section_changed (entry->editor, SECTION_ATTENDANCE);
}

static void
attendance_free (gpointer data)
{
  IcatAttendance *entry = data;

  g_free (entry->agency);
  g_free (entry);
}

void
_icat_meeting_attendance_add_row (IcatMeetingEditor *self,
                                  IcatRecord        *agency)
{
  IcatAttendance *entry = g_new0 (IcatAttendance, 1);
  const char *acronym = icat_record_get_string (agency, ICAT_KEY_ACRONYM);
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

void
_icat_meeting_attendance_clear (IcatMeetingEditor *self)
{
  for (guint i = 0; i < self->attendance->len; i++)
    adw_expander_row_remove (self->attendance_expander,
                             GTK_WIDGET (((IcatAttendance *) self->attendance->pdata[i])->row));
  g_ptr_array_set_size (self->attendance, 0);
}

void
_icat_meeting_attendance_load (IcatMeetingEditor *self,
                               JsonArray         *attendance)
{
  for (guint i = 0; i < self->attendance->len; i++)
    {
      IcatAttendance *entry = self->attendance->pdata[i];
      JsonObject *found = NULL;
      JsonArray *delegates;
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint n = 0; attendance != NULL && n < json_array_get_length (attendance); n++)
        if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (attendance, n), ICAT_KEY_AGENCY), entry->agency) == 0)
          found = json_array_get_object_element (attendance, n);
      delegates = _icat_meeting_get_array (found, ICAT_KEY_DELEGATES);
      for (guint n = 0; delegates != NULL && n < json_array_get_length (delegates); n++)
        g_string_append_printf (names, "%s%s", n > 0 ? ", " : "", json_array_get_string_element (delegates, n));
      entry->listed = found != NULL;
      gtk_check_button_set_active (entry->present, found && json_object_get_boolean_member_with_default (found, ICAT_KEY_PRESENT, FALSE));
      gtk_editable_set_text (GTK_EDITABLE (entry->row), names->str);
    }
}

/* Invited States and organizations */

JsonNode *
_icat_meeting_invited_to_json (IcatMeetingEditor *self)
{
  JsonArray *invited = json_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->invited_list, i)) != NULL; i++)
    {
      g_autofree char *name = _icat_meeting_stripped_text (row);
      GtkDropDown *kind = g_object_get_data (G_OBJECT (row), "kind");
      int attended = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "attended"));
      JsonObject *object;

      if (*name == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_NAME, name);
      json_object_set_string_member (object, ICAT_KEY_KIND, icat_invitee_kinds[MIN (gtk_drop_down_get_selected (kind), 1)]);
      if (attended != 0)
        json_object_set_boolean_member (object, ICAT_KEY_ATTENDED, attended == 2);
      json_array_add_object_element (invited, object);
    }
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
  GtkWidget *row = adw_entry_row_new ();
  const char * const kinds[] = { _("State"), _("Organization"), NULL };
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  GtkWidget *remove = _icat_meeting_icon_button_new ("user-trash-symbolic", _("Remove Invitee"), NULL);
  JsonNode *attended = data ? json_object_get_member (data, ICAT_KEY_ATTENDED) : NULL;
  const char *name = icat_json_get_string (data, ICAT_KEY_NAME);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("State or organization"));
  gtk_editable_set_text (GTK_EDITABLE (row), name ? name : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind),
                              icat_enum_index (icat_invitee_kinds, icat_json_get_string (data, ICAT_KEY_KIND), 0));
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (kind, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of invitee"), -1);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  /* Whether they came is kept as it is: 0 unknown, 1 no, 2 yes. */
  if (attended != NULL && JSON_NODE_HOLDS_VALUE (attended))
    g_object_set_data (G_OBJECT (row), "attended", GINT_TO_POINTER (json_node_get_boolean (attended) ? 2 : 1));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), kind);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_invitee_clicked_cb), self);
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

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *title = _icat_meeting_stripped_text (g_object_get_data (G_OBJECT (child), "title-row"));
      g_autofree char *uri = _icat_meeting_stripped_text (g_object_get_data (G_OBJECT (child), "uri-row"));
      JsonObject *object;

      if (*uri == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_TITLE, *title != '\0' ? title : uri);
      json_object_set_string_member (object, ICAT_KEY_URI, uri);
      json_array_add_object_element (attachments, object);
    }
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
  GtkWidget *box = _icat_meeting_child_of (GTK_WIDGET (button), self->attachments_box);
  GtkEditable *uri_row = g_object_get_data (G_OBJECT (box), "uri-row");

  icat_open_typed_link (GTK_WIDGET (self), gtk_editable_get_text (uri_row));
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
  GtkWidget *box = _icat_meeting_child_of (GTK_WIDGET (button), self->attachments_box);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose Attachment"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb),
                           g_object_get_data (G_OBJECT (box), "uri-row"), 0);
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
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title = adw_entry_row_new ();
  GtkWidget *uri = adw_entry_row_new ();
  GtkWidget *choose = _icat_meeting_icon_button_new ("document-open-symbolic", _("Choose File"), NULL);
  GtkWidget *open = gtk_button_new_with_label (_("Open"));
  GtkWidget *remove = _icat_meeting_icon_button_new ("user-trash-symbolic", _("Remove Attachment"), NULL);
  const char *title_text = icat_json_get_string (data, ICAT_KEY_TITLE);
  const char *uri_text = icat_json_get_string (data, ICAT_KEY_URI);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (uri), _("File or web address"));
  gtk_editable_set_text (GTK_EDITABLE (title), title_text ? title_text : "");
  gtk_editable_set_text (GTK_EDITABLE (uri), uri_text ? uri_text : "");
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
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_attachment_clicked_cb), self);
  g_signal_connect_swapped (title, "changed", G_CALLBACK (attachments_changed_cb), self);
  g_signal_connect_swapped (uri, "changed", G_CALLBACK (attachments_changed_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), title);
  gtk_list_box_append (GTK_LIST_BOX (list), uri);
  return list;
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
  GtkWidget *box = attachment_new (self, NULL);

  gtk_box_append (self->attachments_box, box);
  return g_object_get_data (G_OBJECT (box), "title-row");
}

/* For tests */

GtkWidget *
_icat_meeting_editor_get_attendance (IcatMeetingEditor *self,
                                     const char        *agency_id)
{
  for (guint i = 0; i < self->attendance->len; i++)
    if (g_strcmp0 (((IcatAttendance *) self->attendance->pdata[i])->agency, agency_id) == 0)
      return GTK_WIDGET (((IcatAttendance *) self->attendance->pdata[i])->row);
  return NULL;
}
