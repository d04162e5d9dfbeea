/* icat-drawing.c — what the widgets that draw with cairo share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's chart and the coverage map take their ink from the theme,
 * so they follow dark mode and high contrast, and are laid out left to
 * right, then mirrored for right-to-left languages.
 */
#define G_LOG_DOMAIN "icat-drawing"

#include "config.h"

#include "icat-drawing.h"

/* GTK 4.8 has no other way to read a widget's colours for cairo than its
 * style context (gtk_widget_get_color () came in 4.10). */

void
icat_drawing_get_text_color (GtkWidget *widget,
                             GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
icat_drawing_get_theme_color (GtkWidget     *widget,
                              const char    *name,
                              const GdkRGBA *fallback,
                              GdkRGBA       *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && fallback != NULL && color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    *color = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

double
icat_drawing_mirrored (GtkWidget *widget,
                       double     x,
                       double     width)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), x);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (widget) - x - width;
  return x;
}
