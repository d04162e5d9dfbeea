/* icat-rtl-scroll.c — a wide table that starts at its right edge when the
 * window reads right to left
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is remembered as its distance from the right edge, where the
 * columns start: 0 until the user scrolls. When the table or the pane
 * changes width the adjustment changes, and the view is put back at the
 * same distance.
 */
#include "config.h"

#include "icat-rtl-scroll.h"

#define DISTANCE_KEY "icat-rtl-scroll-distance"

static gboolean
right_to_left (GtkWidget *scroller)
{
  return gtk_widget_get_direction (scroller) == GTK_TEXT_DIR_RTL;
}

static double
scrollable_end (GtkAdjustment *adjustment)
{
  return MAX (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
              gtk_adjustment_get_lower (adjustment));
}

static double *
distance_of (GtkAdjustment *adjustment)
{
  double *distance = g_object_get_data (G_OBJECT (adjustment), DISTANCE_KEY);

  if (distance == NULL)
    {
      distance = g_new0 (double, 1);
      g_object_set_data_full (G_OBJECT (adjustment), DISTANCE_KEY, distance, g_free);
    }
  return distance;
}

static void
value_changed_cb (GtkAdjustment *adjustment,
                  GtkWidget     *scroller)
{
  if (right_to_left (scroller))
    *distance_of (adjustment) = scrollable_end (adjustment) - gtk_adjustment_get_value (adjustment);
}

static void
changed_cb (GtkAdjustment *adjustment,
            GtkWidget     *scroller)
{
  double distance = *distance_of (adjustment);

  if (!right_to_left (scroller))
    return;
  gtk_adjustment_set_value (adjustment, scrollable_end (adjustment) - distance);
  /* Clamped to the new width, the distance is what it now is. */
  *distance_of (adjustment) = scrollable_end (adjustment) - gtk_adjustment_get_value (adjustment);
}

void
icat_rtl_scroll_from_start (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (value_changed_cb), scroller, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (changed_cb), scroller, 0);
}
