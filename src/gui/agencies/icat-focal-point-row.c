/* icat-focal-point-row.c — one focal point of an agency, in the agency editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-agency-editor"

#include "config.h"

#include "icat-focal-point-row.h"

struct _IcatFocalPointRow {
  AdwExpanderRow   parent_instance;

  /* Template widgets */
  AdwEntryRow     *name_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  GtkWidget       *remove_button;
};

G_DEFINE_FINAL_TYPE (IcatFocalPointRow, icat_focal_point_row, ADW_TYPE_EXPANDER_ROW)

static void
icat_focal_point_row_class_init (IcatFocalPointRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/agencies/icat-focal-point-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatFocalPointRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, IcatFocalPointRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, IcatFocalPointRow, email_row);
  gtk_widget_class_bind_template_child (widget_class, IcatFocalPointRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IcatFocalPointRow, remove_button);
}

static void
icat_focal_point_row_init (IcatFocalPointRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_focal_point_row_new (void)
{
  return g_object_new (ICAT_TYPE_FOCAL_POINT_ROW, NULL);
}

AdwEntryRow *
icat_focal_point_row_get_name_row (IcatFocalPointRow *self)
{
  g_return_val_if_fail (ICAT_IS_FOCAL_POINT_ROW (self), NULL);
  return self->name_row;
}

AdwEntryRow *
icat_focal_point_row_get_title_row (IcatFocalPointRow *self)
{
  g_return_val_if_fail (ICAT_IS_FOCAL_POINT_ROW (self), NULL);
  return self->title_row;
}

AdwEntryRow *
icat_focal_point_row_get_email_row (IcatFocalPointRow *self)
{
  g_return_val_if_fail (ICAT_IS_FOCAL_POINT_ROW (self), NULL);
  return self->email_row;
}

AdwEntryRow *
icat_focal_point_row_get_phone_row (IcatFocalPointRow *self)
{
  g_return_val_if_fail (ICAT_IS_FOCAL_POINT_ROW (self), NULL);
  return self->phone_row;
}

GtkWidget *
icat_focal_point_row_get_remove_button (IcatFocalPointRow *self)
{
  g_return_val_if_fail (ICAT_IS_FOCAL_POINT_ROW (self), NULL);
  return self->remove_button;
}
