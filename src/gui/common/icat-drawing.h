/* icat-drawing.h — what the widgets that draw with cairo share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The colour widget's text is drawn in, from its style. */
void   icat_drawing_get_text_color  (GtkWidget     *widget,
                                     GdkRGBA       *color);
/* The theme's colour called name ("accent_color"), or fallback where the
 * theme has none. */
void   icat_drawing_get_theme_color (GtkWidget     *widget,
                                     const char    *name,
                                     const GdkRGBA *fallback,
                                     GdkRGBA       *color);
/* Where a span laid out left to right from x, width wide, starts in
 * widget's direction: mirrored across widget's width right to left. */
double icat_drawing_mirrored        (GtkWidget     *widget,
                                     double         x,
                                     double         width);

G_END_DECLS
