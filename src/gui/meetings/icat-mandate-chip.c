/* icat-mandate-chip.c — a mandate linked to an agenda item, in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-mandate-chip.h"

struct _IcatMandateChip {
  GtkBox          parent_instance;

  /* Template widgets */
  GtkLabel       *label;
  GtkWidget      *remove_button;

  /* Owned */
  char           *mandate_id;
};

G_DEFINE_FINAL_TYPE (IcatMandateChip, icat_mandate_chip, GTK_TYPE_BOX)

static void
icat_mandate_chip_finalize (GObject *object)
{
  IcatMandateChip *self = ICAT_MANDATE_CHIP (object);

  g_free (self->mandate_id);
  G_OBJECT_CLASS (icat_mandate_chip_parent_class)->finalize (object);
}

static void
icat_mandate_chip_class_init (IcatMandateChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_mandate_chip_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/meetings/icat-mandate-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMandateChip, label);
  gtk_widget_class_bind_template_child (widget_class, IcatMandateChip, remove_button);
}

static void
icat_mandate_chip_init (IcatMandateChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_mandate_chip_new (const char *mandate_id)
{
  IcatMandateChip *self;

  g_return_val_if_fail (mandate_id != NULL, NULL);
  self = g_object_new (ICAT_TYPE_MANDATE_CHIP, NULL);
  self->mandate_id = g_strdup (mandate_id);
  return GTK_WIDGET (self);
}

const char *
icat_mandate_chip_get_mandate_id (IcatMandateChip *self)
{
  g_return_val_if_fail (ICAT_IS_MANDATE_CHIP (self), NULL);
  return self->mandate_id;
}

GtkLabel *
icat_mandate_chip_get_label (IcatMandateChip *self)
{
  g_return_val_if_fail (ICAT_IS_MANDATE_CHIP (self), NULL);
  return self->label;
}

GtkWidget *
icat_mandate_chip_get_remove_button (IcatMandateChip *self)
{
  g_return_val_if_fail (ICAT_IS_MANDATE_CHIP (self), NULL);
  return self->remove_button;
}
