/* icat-invitee-row.c — one invited State or organization in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-invitee-row.h"

struct _IcatInviteeRow {
  AdwEntryRow     parent_instance;

  /* Template widgets */
  GtkDropDown    *kind_drop_down;
  GtkWidget      *remove_button;

  /* Owned: the editor does not show it, so it is kept as loaded */
  IcatAttended    attended;
};

G_DEFINE_FINAL_TYPE (IcatInviteeRow, icat_invitee_row, ADW_TYPE_ENTRY_ROW)

static void
icat_invitee_row_class_init (IcatInviteeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/meetings/icat-invitee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatInviteeRow, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, IcatInviteeRow, remove_button);
}

static void
icat_invitee_row_init (IcatInviteeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_invitee_row_new (void)
{
  return g_object_new (ICAT_TYPE_INVITEE_ROW, NULL);
}

GtkDropDown *
icat_invitee_row_get_kind_drop_down (IcatInviteeRow *self)
{
  g_return_val_if_fail (ICAT_IS_INVITEE_ROW (self), NULL);
  return self->kind_drop_down;
}

GtkWidget *
icat_invitee_row_get_remove_button (IcatInviteeRow *self)
{
  g_return_val_if_fail (ICAT_IS_INVITEE_ROW (self), NULL);
  return self->remove_button;
}

IcatAttended
icat_invitee_row_get_attended (IcatInviteeRow *self)
{
  g_return_val_if_fail (ICAT_IS_INVITEE_ROW (self), ICAT_ATTENDED_UNKNOWN);
  return self->attended;
}

void
icat_invitee_row_set_attended (IcatInviteeRow *self,
                               IcatAttended    attended)
{
  g_return_if_fail (ICAT_IS_INVITEE_ROW (self));
  self->attended = attended;
}
