/* icat-sharing-window.h — the laptops of the group, refused files and
 * the conflicts that need a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_SHARING_WINDOW (icat_sharing_window_get_type ())
G_DECLARE_FINAL_TYPE (IcatSharingWindow, icat_sharing_window, ICAT, SHARING_WINDOW, AdwWindow)

/* Opens the sync window of parent (one per parent; raised if open) on
 * page "laptops", "files" or "decisions" (NULL: as it was). */
IcatSharingWindow *icat_sharing_window_present (GtkWindow  *parent,
                                                IcatStore  *store,
                                                const char *page);
/* The laptops page's content. */
GtkWidget         *_icat_sharing_window_get_laptops   (IcatSharingWindow *self);
/* The refused files page's content. */
GtkWidget         *_icat_sharing_window_get_files     (IcatSharingWindow *self);
/* The decisions page's cards, in order: IcatConflictCard. */
GtkWidget         *_icat_sharing_window_get_decisions (IcatSharingWindow *self);

G_END_DECLS
