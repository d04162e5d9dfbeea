/* icat-attendance-row.c — one agency's attendance in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-attendance-row.h"

struct _IcatAttendanceRow {
  AdwEntryRow     parent_instance;

  /* Template widgets */
  GtkCheckButton *present_button;

  /* Owned */
  char           *agency_id;
  gboolean        listed;   /* in the record's attendance, or touched */
};

G_DEFINE_FINAL_TYPE (IcatAttendanceRow, icat_attendance_row, ADW_TYPE_ENTRY_ROW)

static void
icat_attendance_row_finalize (GObject *object)
{
  IcatAttendanceRow *self = ICAT_ATTENDANCE_ROW (object);

  g_free (self->agency_id);
  G_OBJECT_CLASS (icat_attendance_row_parent_class)->finalize (object);
}

static void
icat_attendance_row_class_init (IcatAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_attendance_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/meetings/icat-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAttendanceRow, present_button);
}

static void
icat_attendance_row_init (IcatAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_attendance_row_new (const char *agency_id)
{
  IcatAttendanceRow *self;

  g_return_val_if_fail (agency_id != NULL, NULL);
  self = g_object_new (ICAT_TYPE_ATTENDANCE_ROW, NULL);
  self->agency_id = g_strdup (agency_id);
  return GTK_WIDGET (self);
}

const char *
icat_attendance_row_get_agency_id (IcatAttendanceRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTENDANCE_ROW (self), NULL);
  return self->agency_id;
}

GtkCheckButton *
icat_attendance_row_get_present_button (IcatAttendanceRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTENDANCE_ROW (self), NULL);
  return self->present_button;
}

/* The check button has no text of its own: the label names the agency for
 * the tooltip and for screen readers. */
void
icat_attendance_row_set_present_label (IcatAttendanceRow *self,
                                       const char        *label)
{
  g_return_if_fail (ICAT_IS_ATTENDANCE_ROW (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->present_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->present_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

gboolean
icat_attendance_row_get_listed (IcatAttendanceRow *self)
{
  g_return_val_if_fail (ICAT_IS_ATTENDANCE_ROW (self), FALSE);
  return self->listed;
}

void
icat_attendance_row_set_listed (IcatAttendanceRow *self,
                                gboolean           listed)
{
  g_return_if_fail (ICAT_IS_ATTENDANCE_ROW (self));
  self->listed = listed;
}
