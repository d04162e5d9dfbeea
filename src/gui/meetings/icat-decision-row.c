/* icat-decision-row.c — one numbered decision in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-decision-row.h"

struct _IcatDecisionRow {
  AdwEntryRow  parent_instance;

  /* Template widgets */
  GtkWidget   *remove_button;

  /* Owned */
  char        *decision_id;
};

G_DEFINE_FINAL_TYPE (IcatDecisionRow, icat_decision_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DECISION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
icat_decision_row_constructed (GObject *object)
{
  IcatDecisionRow *self = ICAT_DECISION_ROW (object);

  G_OBJECT_CLASS (icat_decision_row_parent_class)->constructed (object);
  if (self->decision_id == NULL)
    self->decision_id = g_uuid_string_random ();
}

static void
icat_decision_row_finalize (GObject *object)
{
  IcatDecisionRow *self = ICAT_DECISION_ROW (object);

  g_free (self->decision_id);
  G_OBJECT_CLASS (icat_decision_row_parent_class)->finalize (object);
}

static void
icat_decision_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcatDecisionRow *self = ICAT_DECISION_ROW (object);

  switch (prop_id)
    {
    case PROP_DECISION_ID:
      g_value_set_string (value, self->decision_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_decision_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IcatDecisionRow *self = ICAT_DECISION_ROW (object);

  switch (prop_id)
    {
    case PROP_DECISION_ID:
      self->decision_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_decision_row_class_init (IcatDecisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = icat_decision_row_constructed;
  object_class->finalize = icat_decision_row_finalize;
  object_class->get_property = icat_decision_row_get_property;
  object_class->set_property = icat_decision_row_set_property;

  properties[PROP_DECISION_ID] =
    g_param_spec_string ("decision-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/meetings/icat-decision-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatDecisionRow, remove_button);
}

static void
icat_decision_row_init (IcatDecisionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_decision_row_new (const char *decision_id)
{
  return g_object_new (ICAT_TYPE_DECISION_ROW, "decision-id", decision_id, NULL);
}

const char *
icat_decision_row_get_decision_id (IcatDecisionRow *self)
{
  g_return_val_if_fail (ICAT_IS_DECISION_ROW (self), NULL);
  return self->decision_id;
}

GtkWidget *
icat_decision_row_get_remove_button (IcatDecisionRow *self)
{
  g_return_val_if_fail (ICAT_IS_DECISION_ROW (self), NULL);
  return self->remove_button;
}
