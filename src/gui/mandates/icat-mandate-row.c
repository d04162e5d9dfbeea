/* icat-mandate-row.c — one mandate in the Mandates list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-mandates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-coverage.h"
#include "icat-format.h"
#include "icat-mandate-row.h"
#include "icat-schema.h"

struct _IcatMandateRow {
  GtkBox      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkLabel   *icat_badge;
  GtkLabel   *subtitle_label;
  GtkLabel   *excerpt_label;

  /* Owned */
  IcatRecord *mandate;
};

G_DEFINE_FINAL_TYPE (IcatMandateRow, icat_mandate_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
prefers_chinese (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh");
}

/* The text people read in the list: Chinese in a Chinese session. */
static const char *
mandate_excerpt (IcatRecord *mandate)
{
  JsonNode *node = json_object_get_member (icat_record_get_data (mandate), ICAT_KEY_TEXT);
  JsonObject *text = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *chinese = text ? icat_json_get_string (text, "zh") : NULL;
  const char *english = text ? icat_json_get_string (text, "en") : NULL;

  if (prefers_chinese () && chinese != NULL)
    return chinese;
  return english ? english : chinese;
}

static void
show_mandate (IcatMandateRow *self)
{
  IcatRecord *mandate = self->mandate;
  gboolean for_icat;
  g_autofree char *subtitle = NULL;

  if (mandate == NULL)
    return;
  for_icat = icat_mandate_addresses_icat (icat_record_get_string (mandate, ICAT_KEY_DOCUMENT),
                                          icat_record_get_string (mandate, ICAT_KEY_PARAGRAPH));
  /* Translators: a mandate's pillar and whom it addresses: "Coordination · Addressed to Member States" */
  subtitle = g_strdup_printf (_("%s · %s"), icat_format_enum (ICAT_KEY_PILLAR, icat_record_get_string (mandate, ICAT_KEY_PILLAR)),
                              icat_format_enum (ICAT_KEY_ADDRESSEE, icat_record_get_string (mandate, ICAT_KEY_ADDRESSEE)));
  gtk_label_set_label (self->title_label, icat_record_get_title (mandate));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->excerpt_label, mandate_excerpt (mandate));
  gtk_widget_set_visible (GTK_WIDGET (self->icat_badge), for_icat);
  if (for_icat)
    gtk_widget_add_css_class (GTK_WIDGET (self), "mandate-row-icat");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "mandate-row-icat");
}

static void
icat_mandate_row_dispose (GObject *object)
{
  IcatMandateRow *self = ICAT_MANDATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MANDATE_ROW);
  g_clear_object (&self->mandate);
  G_OBJECT_CLASS (icat_mandate_row_parent_class)->dispose (object);
}

static void
icat_mandate_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcatMandateRow *self = ICAT_MANDATE_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->mandate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_mandate_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcatMandateRow *self = ICAT_MANDATE_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icat_mandate_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_mandate_row_class_init (IcatMandateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_mandate_row_dispose;
  object_class->get_property = icat_mandate_row_get_property;
  object_class->set_property = icat_mandate_row_set_property;

  /* Set again with the same record, the row shows its data anew. */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ICAT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/mandates/icat-mandate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMandateRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMandateRow, icat_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatMandateRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMandateRow, excerpt_label);
}

static void
icat_mandate_row_init (IcatMandateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_mandate_row_new (void)
{
  return g_object_new (ICAT_TYPE_MANDATE_ROW, NULL);
}

/* A NULL mandate (the row unbound) leaves what is shown as it is. */
void
icat_mandate_row_set_record (IcatMandateRow *self,
                             IcatRecord     *mandate)
{
  g_return_if_fail (ICAT_IS_MANDATE_ROW (self));
  g_return_if_fail (mandate == NULL || ICAT_IS_RECORD (mandate));

  if (g_set_object (&self->mandate, mandate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  show_mandate (self);
}

IcatRecord *
icat_mandate_row_get_record (IcatMandateRow *self)
{
  g_return_val_if_fail (ICAT_IS_MANDATE_ROW (self), NULL);
  return self->mandate;
}
