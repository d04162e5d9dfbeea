/* icat-rows-later.h — a list's first screenful of rows first, the rest after the first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkListView makes, binds and measures a row widget for up to 200
 * items as soon as it has a model, though a screen shows a dozen. A section
 * whose rows are rich (mandates with their text, paper cards, agencies) then
 * pays for every row before its first frame. This model shows its list's
 * first rows (as many as fill a tall screen) until the list has painted a
 * frame, then all of them; positions are those of the model below it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkSliceListModel *icat_rows_later_new      (GListModel        *model,
                                             guint              first_rows,
                                             GtkWidget         *list);
void               icat_rows_later_show_all (GtkSliceListModel *rows);

G_END_DECLS
