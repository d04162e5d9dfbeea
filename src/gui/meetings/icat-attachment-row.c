/* icat-attachment-row.c — one attachment of a meeting in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-attachment-row.h"

struct _IcatAttachmentRow {
  AdwBin          parent_instance;

  /* Template widgets */
  AdwEntryRow    *title_row;
  AdwEntryRow    *uri_row;
  GtkWidget      *choose_button;
  GtkWidget      *open_button;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (IcatAttachmentRow, icat_attachment_row, ADW_TYPE_BIN)

static void
icat_attachment_row_class_init (IcatAttachmentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/meetings/icat-attachment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAttachmentRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAttachmentRow, uri_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAttachmentRow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, IcatAttachmentRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, IcatAttachmentRow, remove_button);
}

static void
icat_attachment_row_init (IcatAttachmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_attachment_row_new (void)
{
  return g_object_new (ICAT_TYPE_ATTACHMENT_ROW, NULL);
}

AdwEntryRow *
icat_attachment_row_get_title_row (IcatAttachmentRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTACHMENT_ROW (self), NULL);
  return self->title_row;
}

AdwEntryRow *
icat_attachment_row_get_uri_row (IcatAttachmentRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTACHMENT_ROW (self), NULL);
  return self->uri_row;
}

GtkWidget *
icat_attachment_row_get_choose_button (IcatAttachmentRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTACHMENT_ROW (self), NULL);
  return self->choose_button;
}

GtkWidget *
icat_attachment_row_get_open_button (IcatAttachmentRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTACHMENT_ROW (self), NULL);
  return self->open_button;
}

GtkWidget *
icat_attachment_row_get_remove_button (IcatAttachmentRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTACHMENT_ROW (self), NULL);
  return self->remove_button;
}
