/* icat-rtl-scroll.h — a wide table that starts at its right edge when the
 * window reads right to left
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkColumnView lays its columns out right to left in a right-to-left
 * window, yet its horizontal scrolling starts at the left: wider than its
 * pane, it would show its last columns and hide the first (the action
 * item's title). This keeps scroller's view where the columns start — its
 * right edge, or as far from it as the user scrolled — as the table or the
 * pane changes width. Left to right it does nothing. */
void icat_rtl_scroll_from_start (GtkScrolledWindow *scroller);

G_END_DECLS
