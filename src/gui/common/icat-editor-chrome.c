/* icat-editor-chrome.c — an editor's back and close buttons
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every editor sits in a leaflet beside its list. In a narrow window it
 * covers the list, and a back button in its header leads there; in a wide
 * one the list stays in view, and an editor that can be closed shows a
 * close button instead. Whether the back button shows is the state itself,
 * so that it cannot drift from a copy.
 */
#define G_LOG_DOMAIN "icat-editor-chrome"

#include "config.h"

#include "icat-editor-chrome.h"

GParamSpec *
icat_editor_chrome_folded_param (void)
{
  return g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

gboolean
icat_editor_chrome_get_folded (GtkWidget *back_button)
{
  g_return_val_if_fail (GTK_IS_WIDGET (back_button), FALSE);

  return gtk_widget_get_visible (back_button);
}

gboolean
icat_editor_chrome_set_folded (GtkWidget *back_button,
                               GtkWidget *close_button,
                               gboolean   folded)
{
  g_return_val_if_fail (GTK_IS_WIDGET (back_button), FALSE);
  g_return_val_if_fail (close_button == NULL || GTK_IS_WIDGET (close_button), FALSE);

  folded = !!folded;
  if (gtk_widget_get_visible (back_button) == folded)
    return FALSE;
  gtk_widget_set_visible (back_button, folded);
  if (close_button != NULL)
    gtk_widget_set_visible (close_button, !folded);
  return TRUE;
}
