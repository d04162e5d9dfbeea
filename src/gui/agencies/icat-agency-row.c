/* icat-agency-row.c — one agency in the Agencies list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-agencies-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-row.h"
#include "icat-conflict-mark.h"
#include "icat-format.h"
#include "icat-report.h"
#include "icat-schema.h"
#include "icat-today.h"

struct _IcatAgencyRow {
  GtkBox      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkLabel   *status_badge;
  GtkLabel   *working_group_badge;
  GtkLabel   *detail_label;
  IcatConflictMark *conflict_mark;

  /* Owned */
  IcatStore  *store;   /* for the years the agency chaired */
  IcatRecord *agency;
};

G_DEFINE_FINAL_TYPE (IcatAgencyRow, icat_agency_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *style)
{
  gtk_label_set_label (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL && *text != '\0');
  gtk_widget_set_css_classes (GTK_WIDGET (badge), (const char *[]) { "caption", "agency-badge", style, NULL });
}

/* The agency's title, its standing today, its kind and chair years. */
static void
show_agency (IcatAgencyRow *self)
{
  IcatRecord *agency = self->agency;
  g_autofree char *today = icat_today_string ();
  g_autofree char *chaired = NULL;
  g_autofree char *detail = NULL;
  gboolean working_group = FALSE;
  IcatAgencyStatus status;
  const char *kind;

  if (agency == NULL)
    return;
  status = icat_agency_status_on (icat_record_get_data (agency), today, &working_group);
  kind = icat_format_enum (ICAT_KEY_KIND, icat_record_get_string (agency, ICAT_KEY_KIND));
  chaired = icat_report_chair_years (self->store, icat_record_get_id (agency));
  /* Translators: an agency's kind and the years it chaired, e.g. "UN entity · Chair 2016, 2021" */
  detail = chaired ? g_strdup_printf (_("%s · Chair %s"), kind, chaired) : g_strdup (kind);
  gtk_label_set_label (self->title_label, icat_record_get_title (agency));
  gtk_label_set_label (self->detail_label, detail);
  set_badge (self->status_badge, icat_format_agency_status (status),
             status == ICAT_AGENCY_STATUS_FORMER_MEMBER ? "agency-status-former"
             : status == ICAT_AGENCY_STATUS_INACTIVE_MEMBER ? "agency-status-inactive"
             : "agency-status-active");
  set_badge (self->working_group_badge, working_group ? _("Working Group") : NULL, "agency-working-group");
  if (status == ICAT_AGENCY_STATUS_FORMER_MEMBER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "agency-former");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "agency-former");
}

static void
icat_agency_row_dispose (GObject *object)
{
  IcatAgencyRow *self = ICAT_AGENCY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_AGENCY_ROW);
  g_clear_object (&self->agency);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_agency_row_parent_class)->dispose (object);
}

static void
icat_agency_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcatAgencyRow *self = ICAT_AGENCY_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->agency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agency_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcatAgencyRow *self = ICAT_AGENCY_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icat_agency_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agency_row_class_init (IcatAgencyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_agency_row_dispose;
  object_class->get_property = icat_agency_row_get_property;
  object_class->set_property = icat_agency_row_set_property;

  /* Set again with the same record, the row shows its data anew. */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ICAT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICAT_TYPE_CONFLICT_MARK);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/agencies/icat-agency-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyRow, conflict_mark);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyRow, working_group_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyRow, detail_label);
}

static void
icat_agency_row_init (IcatAgencyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_agency_row_new (IcatStore *store)
{
  IcatAgencyRow *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_new (ICAT_TYPE_AGENCY_ROW, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/* A NULL agency (the row unbound) leaves what is shown as it is. */
void
icat_agency_row_set_record (IcatAgencyRow *self,
                            IcatRecord    *agency)
{
  g_return_if_fail (ICAT_IS_AGENCY_ROW (self));
  g_return_if_fail (agency == NULL || ICAT_IS_RECORD (agency));

  if (g_set_object (&self->agency, agency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (agency != NULL)
    icat_conflict_mark_set_record (self->conflict_mark, self->store, "agency", icat_record_get_id (agency));
  show_agency (self);
}

IcatRecord *
icat_agency_row_get_record (IcatAgencyRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENCY_ROW (self), NULL);
  return self->agency;
}
