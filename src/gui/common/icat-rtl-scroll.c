/* icat-rtl-scroll.c — a wide table that starts at its right edge when the
 * window reads right to left
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 lays a right-to-left column view out from the right edge of its
 * full width but scrolls it from the left: at value 0 the pane shows the
 * last columns. The view is remembered as its distance from the right
 * edge, where the columns start (0 until the user scrolls), and put back
 * at that distance whenever the table or the pane changes width.
 *
 * The adjustment changes while the column view is being allocated, and a
 * new value set then is not drawn until something else moves: the value is
 * put back from an idle, once the allocation is over.
 */
#include "config.h"

#include "icat-rtl-scroll.h"

#define STATE_KEY "icat-rtl-scroll"

typedef struct {
  GtkWidget *scroller;      /* weak: the adjustment's scrolled window */
  double     distance;      /* from the right edge, where the columns start */
  guint      restore_id;    /* the idle that puts the view back, or 0 */
} RtlScroll;

static void
rtl_scroll_free (RtlScroll *state)
{
  g_clear_handle_id (&state->restore_id, g_source_remove);
  g_clear_weak_pointer (&state->scroller);
  g_free (state);
}

static gboolean
right_to_left (RtlScroll *state)
{
  return state->scroller != NULL && gtk_widget_get_direction (state->scroller) == GTK_TEXT_DIR_RTL;
}

static double
scrollable_end (GtkAdjustment *adjustment)
{
  return MAX (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
              gtk_adjustment_get_lower (adjustment));
}

static gboolean
restore_distance (gpointer data)
{
  GtkAdjustment *adjustment = data;
  RtlScroll *state = g_object_get_data (G_OBJECT (adjustment), STATE_KEY);

  state->restore_id = 0;
  gtk_adjustment_set_value (adjustment, scrollable_end (adjustment) - state->distance);
  /* Clamped to the new width, the distance is what it now is. */
  state->distance = scrollable_end (adjustment) - gtk_adjustment_get_value (adjustment);
  return G_SOURCE_REMOVE;
}

static void
value_changed_cb (GtkAdjustment *adjustment,
                  RtlScroll     *state)
{
  /* A value GTK clamps while the width changes is not the user's. */
  if (right_to_left (state) && state->restore_id == 0)
    state->distance = scrollable_end (adjustment) - gtk_adjustment_get_value (adjustment);
}

static void
changed_cb (GtkAdjustment *adjustment,
            RtlScroll     *state)
{
  if (right_to_left (state) && state->restore_id == 0)
    state->restore_id = g_idle_add (restore_distance, adjustment);
}

void
icat_rtl_scroll_from_start (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment;
  RtlScroll *state;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  state = g_new0 (RtlScroll, 1);
  g_set_weak_pointer (&state->scroller, GTK_WIDGET (scroller));
  /* The state, and with it a pending idle, goes with the adjustment. */
  g_object_set_data_full (G_OBJECT (adjustment), STATE_KEY, state, (GDestroyNotify) rtl_scroll_free);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (value_changed_cb), state);
  g_signal_connect (adjustment, "changed", G_CALLBACK (changed_cb), state);
}
