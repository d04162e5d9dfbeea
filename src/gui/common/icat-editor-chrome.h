/* icat-editor-chrome.h — an editor's back and close buttons
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The editors' "folded" property: TRUE when the editor covers its list in a
 * narrow window. */
GParamSpec *icat_editor_chrome_folded_param (void);
gboolean    icat_editor_chrome_get_folded   (GtkWidget *back_button);
/* Folded, the back button shows; beside the list, the close button (if
 * any) does. TRUE when this changed what shows, for notifying "folded". */
gboolean    icat_editor_chrome_set_folded   (GtkWidget *back_button,
                                             GtkWidget *close_button,
                                             gboolean   folded);

G_END_DECLS
