/* icat-search-result-row.h — one record found by the window's search
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An activatable row with the record's title; it keeps the record's kind
 * and id, so activating it shows that record (see icat-window-search.c).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_SEARCH_RESULT_ROW (icat_search_result_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatSearchResultRow, icat_search_result_row, ICAT, SEARCH_RESULT_ROW, AdwActionRow)

GtkWidget  *icat_search_result_row_new       (const char          *kind,
                                              const char          *id);
const char *icat_search_result_row_get_kind  (IcatSearchResultRow *self);
const char *icat_search_result_row_get_id    (IcatSearchResultRow *self);
/* For a meeting matched in its minutes: the agenda item to open it at. */
void        icat_search_result_row_set_agenda_item_id (IcatSearchResultRow *self,
                                                       const char          *agenda_item_id);
const char *icat_search_result_row_get_agenda_item_id (IcatSearchResultRow *self);

G_END_DECLS
