/* icat-first-page.c — a long list's first page first, the rest after the first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list and column views make, bind and measure a row for up to
 * 200 items as soon as their model has them, ten times what a window shows,
 * and each row reads its record. A section opened on a list of thousands
 * shows its first page of rows at once; the others are added once that
 * frame is painted (or as soon as a row beyond it is asked for), so the
 * user sees the list no later and scrolls through all of it as before.
 */
#define G_LOG_DOMAIN "icat-first-page"

#include "config.h"

#include "icat-first-page.h"

#define SHOW_ALL_SOURCE "icat-first-page-source"

void
icat_first_page_show_all (GtkSliceListModel *first_page)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (first_page));

  g_object_set_data (G_OBJECT (first_page), SHOW_ALL_SOURCE, NULL);
  if (gtk_slice_list_model_get_size (first_page) != G_MAXUINT)
    gtk_slice_list_model_set_size (first_page, G_MAXUINT);
}

static gboolean
show_all_idle (gpointer data)
{
  /* This source ends by returning: it must not be removed as well. */
  g_object_steal_data (data, SHOW_ALL_SOURCE);
  icat_first_page_show_all (data);
  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* After the paint, not in it: the frame goes to the screen first. */
static void
painted_cb (GdkFrameClock     *clock,
            GtkSliceListModel *first_page)
{
  guint source;

  g_signal_handlers_disconnect_by_func (clock, painted_cb, first_page);
  if (gtk_slice_list_model_get_size (first_page) == G_MAXUINT ||
      g_object_get_data (G_OBJECT (first_page), SHOW_ALL_SOURCE) != NULL)
    return;
  source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_all_idle, first_page, NULL);
  g_object_set_data_full (G_OBJECT (first_page), SHOW_ALL_SOURCE, GUINT_TO_POINTER (source), remove_source);
}

static void
view_mapped_cb (GtkWidget         *view,
                GtkSliceListModel *first_page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);

  g_signal_handlers_disconnect_by_func (view, view_mapped_cb, first_page);
  if (clock == NULL)
    {
      icat_first_page_show_all (first_page);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (painted_cb), first_page, 0);
}

/* Without a monitor to ask: a 4K screen at scale 1. */
#define FALLBACK_HEIGHT 2160

guint
icat_first_page_rows (int min_row_height)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;
  int tallest = 0;

  g_return_val_if_fail (min_row_height > 0, 0);
  for (guint i = 0; monitors != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }
  if (tallest <= 0)
    tallest = FALLBACK_HEIGHT;
  return (guint) (tallest / min_row_height + (tallest % min_row_height != 0)) + 2;
}

/* A slice of `model` (taken) that holds its first `n_rows` (what
 * icat_first_page_rows () counts) until `view` has painted its first frame, then all of
 * it. Owned by the caller. */
GtkSliceListModel *
icat_first_page_new (GListModel *model,
                     guint       n_rows,
                     GtkWidget  *view)
{
  GtkSliceListModel *first_page;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  first_page = gtk_slice_list_model_new (model, 0, n_rows);
  g_signal_connect_object (view, "map", G_CALLBACK (view_mapped_cb), first_page, 0);
  return first_page;
}
