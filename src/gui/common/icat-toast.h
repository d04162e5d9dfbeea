/* icat-toast.h — a short message at the bottom of the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows message in a toast of widget's window (its "win.toast" action). */
void icat_toast (GtkWidget  *widget,
                 const char *message);

G_END_DECLS
