/* icat-chair-order-row.c — one turn in the chair rotation's order
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-chair-rotation"

#include "config.h"

#include "icat-chair-order-row.h"

struct _IcatChairOrderRow {
  AdwActionRow    parent_instance;

  /* Template widgets */
  GtkLabel       *number_label;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (IcatChairOrderRow, icat_chair_order_row, ADW_TYPE_ACTION_ROW)

static void
icat_chair_order_row_class_init (IcatChairOrderRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/agencies/icat-chair-order-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatChairOrderRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, IcatChairOrderRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, IcatChairOrderRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, IcatChairOrderRow, remove_button);
}

static void
icat_chair_order_row_init (IcatChairOrderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_chair_order_row_new (void)
{
  return g_object_new (ICAT_TYPE_CHAIR_ORDER_ROW, NULL);
}

GtkLabel *
icat_chair_order_row_get_number_label (IcatChairOrderRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_ORDER_ROW (self), NULL);
  return self->number_label;
}

GtkWidget *
icat_chair_order_row_get_up_button (IcatChairOrderRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_ORDER_ROW (self), NULL);
  return self->up_button;
}

GtkWidget *
icat_chair_order_row_get_down_button (IcatChairOrderRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_ORDER_ROW (self), NULL);
  return self->down_button;
}

GtkWidget *
icat_chair_order_row_get_remove_button (IcatChairOrderRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_ORDER_ROW (self), NULL);
  return self->remove_button;
}
