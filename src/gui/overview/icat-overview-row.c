/* icat-overview-row.c — an Overview row that opens a record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-overview"

#include "config.h"

#include "icat-overview-row.h"

struct _IcatOverviewRow {
  AdwActionRow  parent_instance;

  /* Owned */
  char         *target_signal;
  char         *target_id;
};

G_DEFINE_FINAL_TYPE (IcatOverviewRow, icat_overview_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TARGET_SIGNAL,
  PROP_TARGET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
icat_overview_row_finalize (GObject *object)
{
  IcatOverviewRow *self = ICAT_OVERVIEW_ROW (object);

  g_free (self->target_signal);
  g_free (self->target_id);
  G_OBJECT_CLASS (icat_overview_row_parent_class)->finalize (object);
}

static void
icat_overview_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcatOverviewRow *self = ICAT_OVERVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET_SIGNAL:
      g_value_set_string (value, self->target_signal);
      break;
    case PROP_TARGET_ID:
      g_value_set_string (value, self->target_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_overview_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IcatOverviewRow *self = ICAT_OVERVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET_SIGNAL:
      self->target_signal = g_value_dup_string (value);
      break;
    case PROP_TARGET_ID:
      self->target_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_overview_row_class_init (IcatOverviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_overview_row_finalize;
  object_class->get_property = icat_overview_row_get_property;
  object_class->set_property = icat_overview_row_set_property;

  properties[PROP_TARGET_SIGNAL] =
    g_param_spec_string ("target-signal", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_ID] =
    g_param_spec_string ("target-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/overview/icat-overview-row.ui");
}

static void
icat_overview_row_init (IcatOverviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_overview_row_new (const char *target_signal,
                       const char *target_id,
                       const char *title,
                       const char *subtitle)
{
  IcatOverviewRow *self;

  g_return_val_if_fail (target_signal != NULL, NULL);

  self = g_object_new (ICAT_TYPE_OVERVIEW_ROW,
                       "target-signal", target_signal,
                       "target-id", target_id,
                       "title", title,
                       NULL);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return GTK_WIDGET (self);
}

const char *
icat_overview_row_get_target_signal (IcatOverviewRow *self)
{
  g_return_val_if_fail (ICAT_IS_OVERVIEW_ROW (self), NULL);
  return self->target_signal;
}

const char *
icat_overview_row_get_target_id (IcatOverviewRow *self)
{
  g_return_val_if_fail (ICAT_IS_OVERVIEW_ROW (self), NULL);
  return self->target_id;
}
