/* icat-meeting-row.c — one meeting in the Meetings list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meetings-view"

#include "config.h"

#include "icat-conflict-mark.h"
#include "icat-format.h"
#include "icat-meeting-row.h"
#include "icat-schema.h"

struct _IcatMeetingRow {
  GtkBox      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkLabel   *when_label;
  GtkLabel   *kind_label;
  GtkLabel   *status_label;
  IcatConflictMark *conflict_mark;

  /* Owned */
  IcatStore  *store;  /* for its conflict mark */
  IcatRecord *meeting;
};

G_DEFINE_FINAL_TYPE (IcatMeetingRow, icat_meeting_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_meeting (IcatMeetingRow *self)
{
  IcatRecord *meeting = self->meeting;
  JsonObject *data;
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;
  const char *status;
  const char *kind;

  if (meeting == NULL)
    return;
  data = icat_record_get_data (meeting);
  when = icat_format_meeting_when (data);
  line = g_strdup_printf ("%s · %s", when, icat_format_venue (icat_json_get_string (data, ICAT_KEY_VENUE)));
  status = icat_json_get_string (data, ICAT_KEY_RECORD_STATUS);
  gtk_label_set_label (self->title_label, icat_record_get_title (meeting));
  gtk_label_set_label (self->when_label, line);
  kind = icat_meeting_kind_label (icat_json_get_string (data, ICAT_KEY_KIND));
  gtk_label_set_label (self->kind_label, kind);
  /* The tag may be cut to keep the row one height: its whole text here. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_label), kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind, -1);
  gtk_label_set_label (self->status_label, icat_meeting_status_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "caption", "meeting-status",
                                                 g_strcmp0 (status, "approved") == 0 ? "meeting-status-approved"
                                                 : g_strcmp0 (status, "circulated") == 0 ? "meeting-status-circulated"
                                                 : "meeting-status-draft", NULL });
}

static void
icat_meeting_row_dispose (GObject *object)
{
  IcatMeetingRow *self = ICAT_MEETING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MEETING_ROW);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_meeting_row_parent_class)->dispose (object);
}

static void
icat_meeting_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcatMeetingRow *self = ICAT_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_meeting_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcatMeetingRow *self = ICAT_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icat_meeting_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_meeting_row_class_init (IcatMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_meeting_row_dispose;
  object_class->get_property = icat_meeting_row_get_property;
  object_class->set_property = icat_meeting_row_set_property;

  /* Set again with the same record, the row shows its data anew. */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ICAT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICAT_TYPE_CONFLICT_MARK);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/meetings/icat-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingRow, conflict_mark);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMeetingRow, status_label);
}

static void
icat_meeting_row_init (IcatMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_meeting_row_new (IcatStore *store)
{
  IcatMeetingRow *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_new (ICAT_TYPE_MEETING_ROW, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/* A NULL meeting (the row unbound) leaves what is shown as it is. */
void
icat_meeting_row_set_record (IcatMeetingRow *self,
                             IcatRecord     *meeting)
{
  g_return_if_fail (ICAT_IS_MEETING_ROW (self));
  g_return_if_fail (meeting == NULL || ICAT_IS_RECORD (meeting));

  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (meeting != NULL)
    icat_conflict_mark_set_record (self->conflict_mark, self->store, "meeting", icat_record_get_id (meeting));
  show_meeting (self);
}

IcatRecord *
icat_meeting_row_get_record (IcatMeetingRow *self)
{
  g_return_val_if_fail (ICAT_IS_MEETING_ROW (self), NULL);
  return self->meeting;
}
