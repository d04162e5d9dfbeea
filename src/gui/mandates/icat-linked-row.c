/* icat-linked-row.c — a record that answers a mandate, in the mandate's detail
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-mandates-view"

#include "config.h"

#include "icat-linked-row.h"

struct _IcatLinkedRow {
  AdwActionRow  parent_instance;

  /* Owned */
  char         *kind;
  char         *record_id;
};

G_DEFINE_FINAL_TYPE (IcatLinkedRow, icat_linked_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
icat_linked_row_finalize (GObject *object)
{
  IcatLinkedRow *self = ICAT_LINKED_ROW (object);

  g_free (self->kind);
  g_free (self->record_id);
  G_OBJECT_CLASS (icat_linked_row_parent_class)->finalize (object);
}

static void
icat_linked_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcatLinkedRow *self = ICAT_LINKED_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_linked_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcatLinkedRow *self = ICAT_LINKED_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_RECORD_ID:
      self->record_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_linked_row_class_init (IcatLinkedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_linked_row_finalize;
  object_class->get_property = icat_linked_row_get_property;
  object_class->set_property = icat_linked_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/mandates/icat-linked-row.ui");
}

static void
icat_linked_row_init (IcatLinkedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_linked_row_new (const char *kind,
                     const char *record_id,
                     const char *title,
                     const char *subtitle)
{
  IcatLinkedRow *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  self = g_object_new (ICAT_TYPE_LINKED_ROW, "kind", kind, "record-id", record_id, "title", title, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return GTK_WIDGET (self);
}

const char *
icat_linked_row_get_kind (IcatLinkedRow *self)
{
  g_return_val_if_fail (ICAT_IS_LINKED_ROW (self), NULL);
  return self->kind;
}

const char *
icat_linked_row_get_record_id (IcatLinkedRow *self)
{
  g_return_val_if_fail (ICAT_IS_LINKED_ROW (self), NULL);
  return self->record_id;
}
