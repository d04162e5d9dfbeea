/* icat-action-items-view.h
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

GtkWidget *icat_action_items_view_new (IcatStore *store,
                          GSettings *settings);

G_END_DECLS
