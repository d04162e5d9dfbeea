/* icat-search-result-row.c — one record found by the window's search
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include "icat-search-result-row.h"

struct _IcatSearchResultRow {
  AdwActionRow    parent_instance;

  /* Owned */
  char           *kind;
  char           *id;
  char           *agenda_item_id;
};

G_DEFINE_FINAL_TYPE (IcatSearchResultRow, icat_search_result_row, ADW_TYPE_ACTION_ROW)

static void
icat_search_result_row_finalize (GObject *object)
{
  IcatSearchResultRow *self = ICAT_SEARCH_RESULT_ROW (object);

  g_free (self->kind);
  g_free (self->id);
  g_free (self->agenda_item_id);
  G_OBJECT_CLASS (icat_search_result_row_parent_class)->finalize (object);
}

static void
icat_search_result_row_class_init (IcatSearchResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_search_result_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/window/icat-search-result-row.ui");
}

static void
icat_search_result_row_init (IcatSearchResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_search_result_row_new (const char *kind,
                            const char *id)
{
  IcatSearchResultRow *self;

  g_return_val_if_fail (kind != NULL, NULL);
  self = g_object_new (ICAT_TYPE_SEARCH_RESULT_ROW, NULL);
  self->kind = g_strdup (kind);
  self->id = g_strdup (id);
  return GTK_WIDGET (self);
}

const char *
icat_search_result_row_get_kind (IcatSearchResultRow *self)
{
  g_return_val_if_fail (ICAT_IS_SEARCH_RESULT_ROW (self), NULL);
  return self->kind;
}

const char *
icat_search_result_row_get_id (IcatSearchResultRow *self)
{
  g_return_val_if_fail (ICAT_IS_SEARCH_RESULT_ROW (self), NULL);
  return self->id;
}

void
icat_search_result_row_set_agenda_item_id (IcatSearchResultRow *self,
                                           const char          *agenda_item_id)
{
  g_return_if_fail (ICAT_IS_SEARCH_RESULT_ROW (self));
  g_free (self->agenda_item_id);
  self->agenda_item_id = g_strdup (agenda_item_id);
}

const char *
icat_search_result_row_get_agenda_item_id (IcatSearchResultRow *self)
{
  g_return_val_if_fail (ICAT_IS_SEARCH_RESULT_ROW (self), NULL);
  return self->agenda_item_id;
}
