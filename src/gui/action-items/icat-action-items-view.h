/* icat-action-items-view.h — the Action items section: list, filters, editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_ACTION_ITEMS_VIEW (icat_action_items_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatActionItemsView, icat_action_items_view, ICAT, ACTION_ITEMS_VIEW, AdwBin)

GtkWidget *icat_action_items_view_new          (IcatStore           *store,
                                                GSettings           *settings);
/* Ctrl+N: makes an item ("New action item", owned by the agency of the
 * agency filter or else UNODC, open) and opens it with the title focused. */
void       icat_action_items_view_new_item     (IcatActionItemsView *self);
/* Opens the item in the editor, and selects and shows its row when the
 * current filters list it. */
void       icat_action_items_view_show_item    (IcatActionItemsView *self,
                                                const char          *id);
/* The agency's overdue items: agency filter on it, "Overdue" on, the
 * other filters cleared. */
void       icat_action_items_view_show_overdue (IcatActionItemsView *self,
                                                const char          *agency_id);
/* The agency's open items due this week (the next 7 days) and overdue, as
 * a reminder's notification opens them; agency_id NULL for every agency's. */
void       icat_action_items_view_show_due     (IcatActionItemsView *self,
                                                const char          *agency_id);

/* A mailto: URI asking the agency's focal points about its items overdue
 * on today ("YYYY-MM-DD"); every part percent-encoded. NULL if there is no
 * such agency. Needs no display. */
char      *icat_action_items_mailto            (IcatStore           *store,
                                                const char          *agency_id,
                                                const char          *today);

G_END_DECLS
