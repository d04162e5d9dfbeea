/* icat-first-page.h — a long list's first page first, the rest after the first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many rows at least `min_row_height` pixels tall fill the tallest
 * monitor, and a row more beyond each end. */
guint              icat_first_page_rows     (int                min_row_height);
GtkSliceListModel *icat_first_page_new      (GListModel        *model,
                                             guint              n_rows,
                                             GtkWidget         *view);
void               icat_first_page_show_all (GtkSliceListModel *first_page);

G_END_DECLS
