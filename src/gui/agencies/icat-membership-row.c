/* icat-membership-row.c — one role an agency held, in the agency editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-agency-editor"

#include "config.h"

#include "icat-membership-row.h"

struct _IcatMembershipRow {
  AdwExpanderRow   parent_instance;

  /* Template widgets */
  AdwComboRow     *role_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  AdwEntryRow     *note_row;
  GtkWidget       *remove_button;
};

G_DEFINE_FINAL_TYPE (IcatMembershipRow, icat_membership_row, ADW_TYPE_EXPANDER_ROW)

static void
icat_membership_row_class_init (IcatMembershipRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/agencies/icat-membership-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMembershipRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMembershipRow, from_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMembershipRow, to_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMembershipRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMembershipRow, remove_button);
}

static void
icat_membership_row_init (IcatMembershipRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_membership_row_new (void)
{
  return g_object_new (ICAT_TYPE_MEMBERSHIP_ROW, NULL);
}

AdwComboRow *
icat_membership_row_get_role_row (IcatMembershipRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEMBERSHIP_ROW (self), NULL);
  return self->role_row;
}

AdwEntryRow *
icat_membership_row_get_from_row (IcatMembershipRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEMBERSHIP_ROW (self), NULL);
  return self->from_row;
}

AdwEntryRow *
icat_membership_row_get_to_row (IcatMembershipRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEMBERSHIP_ROW (self), NULL);
  return self->to_row;
}

AdwEntryRow *
icat_membership_row_get_note_row (IcatMembershipRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEMBERSHIP_ROW (self), NULL);
  return self->note_row;
}

GtkWidget *
icat_membership_row_get_remove_button (IcatMembershipRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEMBERSHIP_ROW (self), NULL);
  return self->remove_button;
}
