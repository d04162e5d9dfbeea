/* icat-ref-row.c — one reference of an editor's reference list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-ref-list"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-ref-row.h"

struct _IcatRefRow {
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkButton    *remove_button;

  /* Owned */
  char         *record_id;
};

G_DEFINE_FINAL_TYPE (IcatRefRow, icat_ref_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RECORD_ID,
  N_PROPS
};

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_clicked_cb (IcatRefRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

/* The remove button says which reference it takes away, to the eye and to
 * screen readers alike. */
static void
label_remove_button (IcatRefRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the tooltip of a button that takes an agency or a mandate off a list */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static void
icat_ref_row_finalize (GObject *object)
{
  IcatRefRow *self = ICAT_REF_ROW (object);

  g_free (self->record_id);
  G_OBJECT_CLASS (icat_ref_row_parent_class)->finalize (object);
}

static void
icat_ref_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IcatRefRow *self = ICAT_REF_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_ref_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IcatRefRow *self = ICAT_REF_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      self->record_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_ref_row_class_init (IcatRefRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_ref_row_finalize;
  object_class->get_property = icat_ref_row_get_property;
  object_class->set_property = icat_ref_row_set_property;

  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The remove button was clicked. */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/common/icat-ref-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatRefRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
icat_ref_row_init (IcatRefRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_ref_row_new (const char *record_id,
                  const char *title,
                  const char *subtitle)
{
  IcatRefRow *self;

  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  self = g_object_new (ICAT_TYPE_REF_ROW, "record-id", record_id, "title", title, NULL);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  label_remove_button (self);
  return GTK_WIDGET (self);
}

const char *
icat_ref_row_get_record_id (IcatRefRow *self)
{
  g_return_val_if_fail (ICAT_IS_REF_ROW (self), NULL);
  return self->record_id;
}

GtkWidget *
_icat_ref_row_get_remove_button (IcatRefRow *self)
{
  g_return_val_if_fail (ICAT_IS_REF_ROW (self), NULL);
  return GTK_WIDGET (self->remove_button);
}
