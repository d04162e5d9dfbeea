/* icat-toast.c — a short message at the bottom of the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sections and editors do not know the window's toast overlay: they reach
 * it through the window's "win.toast" action, from wherever they sit.
 */
#define G_LOG_DOMAIN "icat-toast"

#include "config.h"

#include "icat-toast.h"

void
icat_toast (GtkWidget  *widget,
            const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  gtk_widget_activate_action (widget, "win.toast", "s", message);
}
