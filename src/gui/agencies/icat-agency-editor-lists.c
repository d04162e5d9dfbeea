/* icat-agency-editor-lists.c — an agency's memberships over time and its focal points
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row each, as expander rows holding the fields. A membership whose dates
 * are not dates, or that ends before it starts, and a focal point without a
 * name say why below the field, and their list is not sent until they are
 * put right.
 * Marking an agency inactive, or recording that it left, ends its roles
 * today and adds the new one, whose dates stay open to correct.
 */
#define G_LOG_DOMAIN "icat-agency-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-agency-editor-private.h"
#include "icat-editor-util.h"
#include "icat-focal-point-row.h"
#include "icat-format.h"
#include "icat-input.h"
#include "icat-membership-row.h"
#include "icat-nested-id.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"

/* Memberships */

static IcatMembershipRow *
membership_of (GtkWidget *row)
{
  return ICAT_MEMBERSHIP_ROW (row);
}

static const char *
membership_role (IcatMembershipRow *membership)
{
  guint role = adw_combo_row_get_selected (icat_membership_row_get_role_row (membership));

  return role < g_strv_length ((char **) icat_membership_roles) ? icat_membership_roles[role] : "member";
}

static char *
period_text (const char *from,
             const char *to)
{
  g_autofree char *start = icat_format_date (from);
  g_autofree char *end = icat_format_date (to);

  if (from == NULL || *from == '\0')
    return g_strdup (_("No start date"));
  if (to == NULL || *to == '\0')
    /* Translators: a role that still lasts, e.g. "Since 2006" */
    return g_strdup_printf (_("Since %s"), start);
  /* Translators: a role that ended, e.g. "2006 to 1 January 2011" */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/* Checks the dates of a membership, marks what is wrong, and says whether
 * it can be saved. */
static gboolean
membership_valid (IcatMembershipRow *membership)
{
  g_autofree char *from = _icat_agency_stripped_text (icat_membership_row_get_from_row (membership));
  g_autofree char *to = _icat_agency_stripped_text (icat_membership_row_get_to_row (membership));
  g_autofree char *from_problem = icat_input_required_problem (from, _("A start date is needed"));
  g_autofree char *to_problem = icat_input_date_problem (to);

  if (from_problem == NULL)
    from_problem = icat_input_date_problem (from);
  if (from_problem == NULL && to_problem == NULL)
    to_problem = icat_input_date_order_problem (from, to);
  icat_row_show_problem (GTK_WIDGET (icat_membership_row_get_from_row (membership)), from_problem);
  icat_row_show_problem (GTK_WIDGET (icat_membership_row_get_to_row (membership)), to_problem);
  /* The row's own title says which role it is: red, with no line of its own. */
  _icat_agency_show_error (ADW_EXPANDER_ROW (membership), from_problem != NULL || to_problem != NULL);
  return from_problem == NULL && to_problem == NULL;
}

static void
update_membership_row (IcatMembershipRow *membership)
{
  g_autofree char *from = _icat_agency_stripped_text (icat_membership_row_get_from_row (membership));
  g_autofree char *to = _icat_agency_stripped_text (icat_membership_row_get_to_row (membership));
  g_autofree char *period = period_text (from, to);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (membership), icat_format_enum (ICAT_KEY_ROLE, membership_role (membership)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (membership), period);
}

/* The list as it stands, or NULL when a row cannot be saved yet. */
static JsonNode *
memberships_to_json (IcatAgencyEditor *self)
{
  g_autoptr(JsonArray) memberships = json_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  gboolean valid = TRUE;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->memberships_list, i)) != NULL; i++)
    {
      IcatMembershipRow *membership = membership_of (GTK_WIDGET (row));
      g_autofree char *from = _icat_agency_stripped_text (icat_membership_row_get_from_row (membership));
      g_autofree char *to = _icat_agency_stripped_text (icat_membership_row_get_to_row (membership));
      g_autofree char *note = _icat_agency_stripped_text (icat_membership_row_get_note_row (membership));
      JsonObject *object;

      if (!membership_valid (membership))
        {
          valid = FALSE;
          continue;
        }
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_ROLE, membership_role (membership));
      json_object_set_string_member (object, ICAT_KEY_FROM, from);
      json_object_set_member (object, ICAT_KEY_TO, _icat_agency_string_node (to));
      json_object_set_member (object, ICAT_KEY_NOTE, _icat_agency_string_node (note));
      icat_nested_id_add (membership, object);
      json_array_add_object_element (memberships, object);
      g_ptr_array_add (widgets, membership);
    }
  if (valid)
    icat_nested_ids_fill_widgets ("agency", self->agency ? icat_record_get_id (self->agency) : NULL,
                                  ICAT_KEY_MEMBERSHIPS, memberships, widgets);
  return valid ? _icat_agency_array_node (g_steal_pointer (&memberships)) : NULL;
}

static void
memberships_changed (IcatAgencyEditor *self)
{
  GtkListBoxRow *row;
  JsonNode *node;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->memberships_list, i)) != NULL; i++)
    update_membership_row (membership_of (GTK_WIDGET (row)));
  if (self->loading > 0)
    return;
  node = memberships_to_json (self);
  if (node != NULL)
    _icat_agency_editor_queue_field (self, ICAT_KEY_MEMBERSHIPS, node);
  else
    _icat_agency_editor_withdraw_field (self, ICAT_KEY_MEMBERSHIPS);
  _icat_agency_editor_update_status (self);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Removing is a saved change of its own, so the toast's Undo takes back just that. */
static void
remove_row (IcatAgencyEditor *self,
            GtkListBox       *list,
            GtkWidget        *row,
            void            (*changed) (IcatAgencyEditor *self),
            const char       *message)
{
  GtkWidget *neighbour = gtk_widget_get_next_sibling (row);

  if (neighbour == NULL)
    neighbour = gtk_widget_get_prev_sibling (row);
  icat_autosave_flush (self->autosave);
  gtk_list_box_remove (list, row);
  changed (self);
  icat_autosave_flush (self->autosave);
  self->queued_at = 0;
  if (neighbour == NULL || !gtk_widget_grab_focus (neighbour))
    gtk_widget_grab_focus (GTK_WIDGET (self->acronym_row));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);
}

static void
remove_membership_clicked_cb (GtkWidget        *button,
                              IcatAgencyEditor *self)
{
  remove_row (self, self->memberships_list, gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW),
              memberships_changed, _("Role removed"));
}

static GtkWidget *
membership_row_new (IcatAgencyEditor *self,
                    JsonObject       *data)
{
  IcatMembershipRow *membership = ICAT_MEMBERSHIP_ROW (icat_membership_row_new ());
  AdwComboRow *role = icat_membership_row_get_role_row (membership);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  icat_nested_id_remember (membership, data);
  for (guint i = 0; icat_membership_roles[i] != NULL; i++)
    gtk_string_list_append (roles, icat_format_enum (ICAT_KEY_ROLE, icat_membership_roles[i]));
  adw_combo_row_set_model (role, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (role, _icat_agency_enum_index (icat_membership_roles, icat_json_get_string (data, ICAT_KEY_ROLE)));
  set_entry_text (icat_membership_row_get_from_row (membership), icat_json_get_string (data, ICAT_KEY_FROM));
  set_entry_text (icat_membership_row_get_to_row (membership), icat_json_get_string (data, ICAT_KEY_TO));
  set_entry_text (icat_membership_row_get_note_row (membership), icat_json_get_string (data, ICAT_KEY_NOTE));

  g_signal_connect (icat_membership_row_get_remove_button (membership), "clicked",
                    G_CALLBACK (remove_membership_clicked_cb), self);
  g_signal_connect_swapped (role, "notify::selected", G_CALLBACK (memberships_changed), self);
  g_signal_connect_swapped (icat_membership_row_get_from_row (membership), "changed", G_CALLBACK (memberships_changed), self);
  g_signal_connect_swapped (icat_membership_row_get_to_row (membership), "changed", G_CALLBACK (memberships_changed), self);
  g_signal_connect_swapped (icat_membership_row_get_note_row (membership), "changed", G_CALLBACK (memberships_changed), self);
  update_membership_row (membership);
  return GTK_WIDGET (membership);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

void
_icat_agency_memberships_load (IcatAgencyEditor *self,
                               JsonObject       *data)
{
  JsonArray *memberships = _icat_agency_get_array (data, ICAT_KEY_MEMBERSHIPS);

  self->loading++;
  clear_list (self->memberships_list);
  for (guint i = 0; memberships != NULL && i < json_array_get_length (memberships); i++)
    gtk_list_box_append (self->memberships_list,
                         membership_row_new (self, json_array_get_object_element (memberships, i)));
  self->loading--;
}

static void
add_membership_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (widget);
  g_autofree char *today = icat_today_string ();
  g_autoptr(JsonObject) data = json_object_new ();
  GtkWidget *row;

  if (self->agency == NULL)
    return;
  json_object_set_string_member (data, ICAT_KEY_ROLE, "member");
  json_object_set_string_member (data, ICAT_KEY_FROM, today);
  row = membership_row_new (self, data);
  gtk_list_box_append (self->memberships_list, row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  memberships_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (icat_membership_row_get_role_row (membership_of (row))));
}

/* Ends open roles today: the member role only ("inactive"), or every role
 * ("left"). Returns how many it ended. */
static guint
end_roles (IcatAgencyEditor *self,
           gboolean          member_only,
           const char       *today)
{
  GtkListBoxRow *row;
  guint ended = 0;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->memberships_list, i)) != NULL; i++)
    {
      IcatMembershipRow *membership = membership_of (GTK_WIDGET (row));
      g_autofree char *to = _icat_agency_stripped_text (icat_membership_row_get_to_row (membership));

      if (*to != '\0' && strncmp (to, today, MIN (strlen (to), strlen (today))) <= 0)
        continue;
      if (member_only && !g_str_equal (membership_role (membership), "member"))
        continue;
      gtk_editable_set_text (GTK_EDITABLE (icat_membership_row_get_to_row (membership)), today);
      ended++;
    }
  return ended;
}

static void
mark_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (widget);
  gboolean inactive = g_str_equal (action_name, "agency.mark-inactive");
  g_autofree char *today = icat_today_string ();
  guint ended;

  if (self->agency == NULL)
    return;
  self->loading++;
  ended = end_roles (self, inactive, today);
  if (inactive)
    {
      g_autoptr(JsonObject) data = json_object_new ();
      GtkWidget *row;

      json_object_set_string_member (data, ICAT_KEY_ROLE, "inactive-member");
      json_object_set_string_member (data, ICAT_KEY_FROM, today);
      row = membership_row_new (self, data);
      gtk_list_box_append (self->memberships_list, row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  self->loading--;
  if (!inactive && ended == 0)
    {
      icat_toast (GTK_WIDGET (self), _("This agency holds no role that could end."));
      return;
    }
  memberships_changed (self);
}

/* Focal points */

static IcatFocalPointRow *
focal_point_of (GtkWidget *row)
{
  return ICAT_FOCAL_POINT_ROW (row);
}

static void
update_focal_point_row (IcatFocalPointRow *focal)
{
  g_autofree char *name = _icat_agency_stripped_text (icat_focal_point_row_get_name_row (focal));
  AdwEntryRow *details[] = { icat_focal_point_row_get_title_row (focal), icat_focal_point_row_get_email_row (focal), icat_focal_point_row_get_phone_row (focal) };
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      g_autofree char *text = _icat_agency_stripped_text (details[i]);

      if (*text != '\0')
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", text);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (focal), *name != '\0' ? name : _("New focal point"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (focal), subtitle->str);
}

/* A focal point is saved once it has a name; until then it says so. */
static gboolean
focal_point_valid (IcatFocalPointRow *focal)
{
  g_autofree char *name = _icat_agency_stripped_text (icat_focal_point_row_get_name_row (focal));
  g_autofree char *problem = icat_input_required_problem (name, _("A name is needed"));

  icat_row_show_problem (GTK_WIDGET (icat_focal_point_row_get_name_row (focal)), problem);
  _icat_agency_show_error (ADW_EXPANDER_ROW (focal), problem != NULL);
  return problem == NULL;
}

/* The list as it stands, or NULL when a focal point has no name yet:
 * sending the others alone would delete it, contacts and all. */
static JsonNode *
focal_points_to_json (IcatAgencyEditor *self)
{
  g_autoptr(JsonArray) focal_points = json_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  gboolean valid = TRUE;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->focal_points_list, i)) != NULL; i++)
    {
      IcatFocalPointRow *focal = focal_point_of (GTK_WIDGET (row));
      g_autofree char *name = _icat_agency_stripped_text (icat_focal_point_row_get_name_row (focal));
      g_autofree char *title = _icat_agency_stripped_text (icat_focal_point_row_get_title_row (focal));
      g_autofree char *email = _icat_agency_stripped_text (icat_focal_point_row_get_email_row (focal));
      g_autofree char *phone = _icat_agency_stripped_text (icat_focal_point_row_get_phone_row (focal));
      JsonObject *object;

      if (!focal_point_valid (focal))
        {
          valid = FALSE;
          continue;
        }
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_NAME, name);
      json_object_set_member (object, ICAT_KEY_TITLE, _icat_agency_string_node (title));
      json_object_set_member (object, ICAT_KEY_EMAIL, _icat_agency_string_node (email));
      json_object_set_member (object, ICAT_KEY_PHONE, _icat_agency_string_node (phone));
      icat_nested_id_add (focal, object);
      json_array_add_object_element (focal_points, object);
      g_ptr_array_add (widgets, focal);
    }
  if (valid)
    icat_nested_ids_fill_widgets ("agency", self->agency ? icat_record_get_id (self->agency) : NULL,
                                  ICAT_KEY_FOCAL_POINTS, focal_points, widgets);
  return valid ? _icat_agency_array_node (g_steal_pointer (&focal_points)) : NULL;
}

static void
focal_points_changed (IcatAgencyEditor *self)
{
  GtkListBoxRow *row;
  JsonNode *node;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->focal_points_list, i)) != NULL; i++)
    update_focal_point_row (focal_point_of (GTK_WIDGET (row)));
  if (self->loading > 0)
    return;
  node = focal_points_to_json (self);
  if (node != NULL)
    _icat_agency_editor_queue_field (self, ICAT_KEY_FOCAL_POINTS, node);
  else
    _icat_agency_editor_withdraw_field (self, ICAT_KEY_FOCAL_POINTS);
}

static void
remove_focal_point_clicked_cb (GtkWidget        *button,
                               IcatAgencyEditor *self)
{
  remove_row (self, self->focal_points_list, gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW),
              focal_points_changed, _("Focal point removed"));
}

static GtkWidget *
focal_point_row_new (IcatAgencyEditor *self,
                     JsonObject       *data)
{
  IcatFocalPointRow *focal = ICAT_FOCAL_POINT_ROW (icat_focal_point_row_new ());
  AdwEntryRow *entries[] = {
    icat_focal_point_row_get_name_row (focal), icat_focal_point_row_get_title_row (focal),
    icat_focal_point_row_get_email_row (focal), icat_focal_point_row_get_phone_row (focal),
  };
  static const char * const fields[] = { ICAT_KEY_NAME, ICAT_KEY_TITLE, ICAT_KEY_EMAIL, ICAT_KEY_PHONE };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (fields));
  icat_nested_id_remember (focal, data);
  g_signal_connect (icat_focal_point_row_get_remove_button (focal), "clicked",
                    G_CALLBACK (remove_focal_point_clicked_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      set_entry_text (entries[i], icat_json_get_string (data, fields[i]));
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (focal_points_changed), self);
    }
  update_focal_point_row (focal);
  return GTK_WIDGET (focal);
}

void
_icat_agency_focal_points_load (IcatAgencyEditor *self,
                                JsonObject       *data)
{
  JsonArray *focal_points = _icat_agency_get_array (data, ICAT_KEY_FOCAL_POINTS);

  self->loading++;
  clear_list (self->focal_points_list);
  for (guint i = 0; focal_points != NULL && i < json_array_get_length (focal_points); i++)
    gtk_list_box_append (self->focal_points_list,
                         focal_point_row_new (self, json_array_get_object_element (focal_points, i)));
  self->loading--;
}

static void
add_focal_point_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (widget);
  GtkWidget *row;

  if (self->agency == NULL)
    return;
  row = focal_point_row_new (self, NULL);
  gtk_list_box_append (self->focal_points_list, row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (icat_focal_point_row_get_name_row (focal_point_of (row))));
}

void
_icat_agency_lists_unsaved_rows (IcatAgencyEditor *self,
                                 GPtrArray        *rows,
                                 GPtrArray        *names)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->memberships_list, i)) != NULL; i++)
    {
      IcatMembershipRow *membership = membership_of (GTK_WIDGET (row));

      g_ptr_array_add (rows, icat_membership_row_get_from_row (membership));
      g_ptr_array_add (names, (gpointer) C_("field in a sentence", "start date of a role"));
      g_ptr_array_add (rows, icat_membership_row_get_to_row (membership));
      g_ptr_array_add (names, (gpointer) C_("field in a sentence", "end date of a role"));
    }
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->focal_points_list, i)) != NULL; i++)
    {
      g_ptr_array_add (rows, icat_focal_point_row_get_name_row (focal_point_of (GTK_WIDGET (row))));
      g_ptr_array_add (names, (gpointer) C_("field in a sentence", "name of a focal point"));
    }
}

void
_icat_agency_editor_class_init_lists (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agency.add-membership", NULL, add_membership_activated);
  gtk_widget_class_install_action (widget_class, "agency.mark-inactive", NULL, mark_activated);
  gtk_widget_class_install_action (widget_class, "agency.mark-left", NULL, mark_activated);
  gtk_widget_class_install_action (widget_class, "agency.add-focal-point", NULL, add_focal_point_activated);
}
