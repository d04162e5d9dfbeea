/* icat-rows-later.c — a list's first screenful of rows first, the rest after the first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rest comes in an idle after the list's first "after-paint", so the
 * rows it adds are made after that frame, not inside it. A list that is not
 * mapped by the first idle after it was made (a view built but not shown)
 * gets all its rows in that idle, as no frame waits for it.
 */
#define G_LOG_DOMAIN "icat-rows-later"

#include "config.h"

#include "icat-rows-later.h"

#define LIST_KEY "icat-rows-later-list"

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
icat_rows_later_show_all (GtkSliceListModel *rows)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (rows));

  if (gtk_slice_list_model_get_size (rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (rows, G_MAXUINT);
}

static gboolean
show_all_idle (gpointer data)
{
  icat_rows_later_show_all (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock     *clock,
                GtkSliceListModel *rows)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, rows);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_all_idle, g_object_ref (rows), g_object_unref);
}

/* The list is mapped by now if it is to be seen in the first frame. */
static gboolean
first_idle (gpointer data)
{
  GtkSliceListModel *rows = data;
  g_autoptr(GtkWidget) list = g_weak_ref_get (g_object_get_data (G_OBJECT (rows), LIST_KEY));
  GdkFrameClock *clock = list != NULL && gtk_widget_get_mapped (list) ? gtk_widget_get_frame_clock (list) : NULL;

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), rows, 0);
  else
    icat_rows_later_show_all (rows);
  return G_SOURCE_REMOVE;
}

/* Takes model; the list is held weakly, since it holds the model. */
GtkSliceListModel *
icat_rows_later_new (GListModel *model,
                     guint       first_rows,
                     GtkWidget  *list)
{
  GtkSliceListModel *rows;
  GWeakRef *list_ref;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  rows = gtk_slice_list_model_new (model, 0, first_rows);
  list_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (list_ref, list);
  g_object_set_data_full (G_OBJECT (rows), LIST_KEY, list_ref, weak_ref_free);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, first_idle, g_object_ref (rows), g_object_unref);
  return rows;
}
