/* icat-chair-rotation-order.c — the turn order of the chair rotation
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is kept in settings as agency ids; an empty list stands for the
 * current members and the Working Group by acronym, so the default follows
 * membership changes until the coordinators set an order of their own. Its
 * rows are kept and relabelled when it changes, so the keyboard focus stays
 * on the turn that moved.
 */
#define G_LOG_DOMAIN "icat-chair-rotation"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-chair-order-row.h"
#include "icat-chair-rotation-private.h"
#include "icat-format.h"
#include "icat-record-list.h"
#include "icat-toast.h"
#include "icat-today.h"

/* The default turn order: the current members and the Working Group, by acronym. */
static GStrv
default_order (IcatChairRotation *self)
{
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();
  g_autofree char *today = icat_today_string ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->agencies)); i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);
      gboolean working_group = FALSE;
      IcatAgencyStatus status;

      if (agency == NULL)
        continue;
      status = icat_agency_status_on (icat_record_get_data (agency), today, &working_group);
      if (working_group || status == ICAT_AGENCY_STATUS_MEMBER || status == ICAT_AGENCY_STATUS_COORDINATOR)
        g_strv_builder_add (order, icat_record_get_id (agency));
    }
  return g_strv_builder_end (order);
}

GStrv
_icat_chair_rotation_current_order (IcatChairRotation *self)
{
  g_auto(GStrv) stored = g_settings_get_strv (self->settings, "rotation-order");
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();

  if (stored[0] == NULL)
    return default_order (self);
  for (guint i = 0; stored[i] != NULL; i++)
    if (g_hash_table_contains (self->acronyms, stored[i]))
      g_strv_builder_add (order, stored[i]);
  return g_strv_builder_end (order);
}

/* Rows */

static void
update_order_row (IcatChairRotation *self,
                  IcatChairOrderRow *row,
                  guint              index)
{
  const char *acronym = _icat_chair_rotation_acronym_of (self, self->order[index]);
  guint n = g_strv_length (self->order);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *buttons[] = {
    icat_chair_order_row_get_up_button (row),
    icat_chair_order_row_get_down_button (row),
    icat_chair_order_row_get_remove_button (row),
  };
  g_autofree char *up = g_strdup_printf (_("Move %s Up"), acronym);
  g_autofree char *down = g_strdup_printf (_("Move %s Down"), acronym);
  g_autofree char *remove = g_strdup_printf (_("Remove %s from the Order"), acronym);
  const char *labels[] = { up, down, remove };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), acronym);
  gtk_label_set_label (icat_chair_order_row_get_number_label (row), number);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = buttons[i];

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      gtk_widget_set_tooltip_text (button, labels[i]);
    }
  gtk_widget_set_sensitive (icat_chair_order_row_get_up_button (row), index > 0);
  gtk_widget_set_sensitive (icat_chair_order_row_get_down_button (row), index + 1 < n);
}

void
_icat_chair_rotation_update_order (IcatChairRotation *self)
{
  guint n = g_strv_length (self->order);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  GtkListBoxRow *row;
  guint rows = 0;

  while (gtk_list_box_get_row_at_index (self->order_list, rows) != NULL)
    rows++;
  /* Rows are kept and relabelled, so the focus stays where it was. */
  for (; rows > n; rows--)
    gtk_list_box_remove (self->order_list, GTK_WIDGET (gtk_list_box_get_row_at_index (self->order_list, rows - 1)));
  for (; rows < n; rows++)
    gtk_list_box_append (self->order_list, icat_chair_order_row_new ());
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->order_list, i)) != NULL; i++)
    update_order_row (self, ICAT_CHAIR_ORDER_ROW (row), i);
  if (self->focus_order >= 0 && (row = gtk_list_box_get_row_at_index (self->order_list, self->focus_order)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  self->focus_order = -1;

  g_ptr_array_set_size (self->missing_ids, 0);
  /* A former member is never offered for the turn order again. */
  for (guint i = 0; i < self->agency_ids->len; i++)
    if (!g_strv_contains ((const char * const *) self->order, self->agency_ids->pdata[i]) &&
        !g_hash_table_contains (self->former, self->agency_ids->pdata[i]))
      {
        g_ptr_array_add (self->missing_ids, g_strdup (self->agency_ids->pdata[i]));
        g_ptr_array_add (missing, g_strdup (_icat_chair_rotation_acronym_of (self, self->agency_ids->pdata[i])));
      }
  g_ptr_array_add (missing, NULL);
  gtk_string_list_splice (self->missing_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->missing_names)),
                          (const char * const *) missing->pdata);
  gtk_widget_set_visible (self->add_order_box, self->missing_ids->len > 0);
}

/* Changing the rule */

static void
set_order (IcatChairRotation  *self,
           const char * const *order)
{
  g_settings_set_strv (self->settings, "rotation-order", order);
}

static void
move_in_order (IcatChairRotation *self,
               int                index,
               int                offset)
{
  g_auto(GStrv) order = g_strdupv (self->order);
  int n = (int) g_strv_length (order);
  char *moved;

  if (index < 0 || index >= n || index + offset < 0 || index + offset >= n)
    return;
  moved = order[index];
  order[index] = order[index + offset];
  order[index + offset] = moved;
  self->focus_order = index + offset;
  set_order (self, (const char * const *) order);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_in_order (ICAT_CHAIR_ROTATION (widget), g_variant_get_int32 (parameter),
                 g_str_equal (action_name, "rotation.move-up") ? -1 : 1);
}

/* Alt+↑ and Alt+↓ move the turn whose row has the focus. */
static void
move_focused_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatChairRotation *self = ICAT_CHAIR_ROTATION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->order_list))
    return;
  move_in_order (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                 g_str_equal (action_name, "order.move-up") ? -1 : 1);
}

static void
remove_from_order_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  IcatChairRotation *self = ICAT_CHAIR_ROTATION (widget);
  int index = g_variant_get_int32 (parameter);
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;

  for (int i = 0; self->order[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (order, self->order[i]);
  remaining = g_strv_builder_end (order);
  if (remaining[0] == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("The turn order needs at least one agency."));
      return;
    }
  self->focus_order = MAX (0, index - 1);
  set_order (self, (const char * const *) remaining);
}

static void
add_to_order_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatChairRotation *self = ICAT_CHAIR_ROTATION (widget);
  guint selected = gtk_drop_down_get_selected (self->add_order_dropdown);
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();
  g_auto(GStrv) extended = NULL;

  if (selected >= self->missing_ids->len)
    return;
  g_strv_builder_addv (order, (const char **) self->order);
  g_strv_builder_add (order, self->missing_ids->pdata[selected]);
  extended = g_strv_builder_end (order);
  self->focus_order = (int) g_strv_length (extended) - 1;
  set_order (self, (const char * const *) extended);
}

static void
reset_order_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_settings_reset (ICAT_CHAIR_ROTATION (widget)->settings, "rotation-order");
}

void
_icat_chair_rotation_class_init_order (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "rotation.move-up", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "rotation.move-down", "i", move_activated);
  gtk_widget_class_install_action (widget_class, "rotation.remove-from-order", "i", remove_from_order_activated);
  gtk_widget_class_install_action (widget_class, "rotation.add-to-order", NULL, add_to_order_activated);
  gtk_widget_class_install_action (widget_class, "rotation.reset-order", NULL, reset_order_activated);
  gtk_widget_class_install_action (widget_class, "order.move-up", NULL, move_focused_activated);
  gtk_widget_class_install_action (widget_class, "order.move-down", NULL, move_focused_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "order.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "order.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "order.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "order.move-down", NULL);
}
