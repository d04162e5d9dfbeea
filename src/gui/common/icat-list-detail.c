/* icat-list-detail.c — a list beside the record it shows, in a leaflet
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections that list records beside an editor or a detail pane
 * (meetings, papers, action items, mandates, agencies) agree on how the two
 * panes answer each other: choosing or activating a row opens its record,
 * and in a narrow (folded) window the detail comes forward over the list
 * and "back" returns to it. The view says how to show a record and which
 * one is shown; this object does the rest.
 */
#define G_LOG_DOMAIN "icat-list-detail"

#include "config.h"

#include "icat-list-detail.h"
#include "icat-record.h"

struct _IcatListDetail {
  GObject                 parent_instance;

  IcatListDetailMode      mode;

  /* Borrowed: the view's widgets, which outlive this object */
  gpointer                view;
  AdwLeaflet             *leaflet;
  GtkWidget              *list_page;
  GtkWidget              *detail_page;
  GtkWidget              *separator;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;

  IcatListDetailShowFunc  show;
  IcatListDetailShownFunc shown;
};

G_DEFINE_FINAL_TYPE (IcatListDetail, icat_list_detail, G_TYPE_OBJECT)

static void
icat_list_detail_class_init (IcatListDetailClass *klass)
{
}

static void
icat_list_detail_init (IcatListDetail *self)
{
}

static gboolean
list_in_front (IcatListDetail *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->list_page;
}

/* Back on the folded list (button or swipe): KEEP unselects the row, so
 * that tapping it again opens it again; CLOSE closes the record. */
static void
visible_child_changed_cb (IcatListDetail *self)
{
  if (!list_in_front (self))
    return;
  if (self->mode == ICAT_LIST_DETAIL_CLOSE)
    self->show (self->view, NULL);
  else if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

IcatListDetail *
icat_list_detail_new (IcatListDetailMode      mode,
                      AdwLeaflet             *leaflet,
                      GtkWidget              *list_page,
                      GtkWidget              *detail_page,
                      gpointer                view,
                      IcatListDetailShowFunc  show,
                      IcatListDetailShownFunc shown)
{
  IcatListDetail *self;

  g_return_val_if_fail (ADW_IS_LEAFLET (leaflet), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list_page), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (detail_page), NULL);
  g_return_val_if_fail (show != NULL && shown != NULL, NULL);

  self = g_object_new (ICAT_TYPE_LIST_DETAIL, NULL);
  self->mode = mode;
  self->leaflet = leaflet;
  self->list_page = list_page;
  self->detail_page = detail_page;
  self->view = view;
  self->show = show;
  self->shown = shown;
  g_signal_connect_object (leaflet, "notify::visible-child", G_CALLBACK (visible_child_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

static void
row_activated_cb (IcatListDetail *self,
                  guint           position)
{
  icat_list_detail_activate (self, G_LIST_MODEL (gtk_list_view_get_model (self->list_view)), position);
}

void
icat_list_detail_set_list (IcatListDetail *self,
                           GtkListView    *list_view)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  self->list_view = list_view;
  g_signal_connect_object (list_view, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

/* A row that moved (its record changed) is still the record shown. */
static void
selection_changed_cb (IcatListDetail *self)
{
  IcatRecord *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL && g_strcmp0 (icat_record_get_id (selected), self->shown (self->view)) != 0)
    icat_list_detail_open (self, icat_record_get_id (selected));
}

void
icat_list_detail_set_selection (IcatListDetail     *self,
                                GtkSingleSelection *selection)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  self->selection = selection;
  g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
icat_list_detail_set_separator (IcatListDetail *self,
                                GtkWidget      *separator)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));
  g_return_if_fail (GTK_IS_WIDGET (separator));

  self->separator = separator;
}

static void
set_detail_visible (IcatListDetail *self,
                    gboolean        visible)
{
  if (self->mode != ICAT_LIST_DETAIL_CLOSE)
    return;
  gtk_widget_set_visible (self->detail_page, visible);
  if (self->separator != NULL)
    gtk_widget_set_visible (self->separator, visible);
}

void
icat_list_detail_open (IcatListDetail *self,
                       const char     *id)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));

  self->show (self->view, id);
  if (self->shown (self->view) == NULL)
    return;
  set_detail_visible (self, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_page);
}

void
icat_list_detail_activate (IcatListDetail *self,
                           GListModel     *model,
                           guint           position)
{
  g_autoptr(IcatRecord) record = NULL;

  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  record = g_list_model_get_item (model, position);
  if (record != NULL)
    icat_list_detail_open (self, icat_record_get_id (record));
}

void
icat_list_detail_shown_changed (IcatListDetail *self)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));

  if (self->shown (self->view) != NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  set_detail_visible (self, FALSE);
}

void
icat_list_detail_back (IcatListDetail *self)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  if (self->list_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
icat_list_detail_close (IcatListDetail *self)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));

  self->show (self->view, NULL);
}

void
icat_list_detail_bind_folded (IcatListDetail *self,
                              gpointer        target,
                              const char     *property)
{
  g_return_if_fail (ICAT_IS_LIST_DETAIL (self));
  g_return_if_fail (G_IS_OBJECT (target));

  g_object_bind_property (self->leaflet, "folded", target, property, G_BINDING_SYNC_CREATE);
}
