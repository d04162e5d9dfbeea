/* icat-conflict-banner.h — an editor's note that its record needs a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CONFLICT_BANNER (icat_conflict_banner_get_type ())
G_DECLARE_FINAL_TYPE (IcatConflictBanner, icat_conflict_banner, ICAT, CONFLICT_BANNER, GtkWidget)

/* Revealed while the record (kind, id) of store has an open conflict;
 * its "Decide…" button opens the sync window on the decisions. id NULL
 * (no record open) hides it. */
void       icat_conflict_banner_set_record  (IcatConflictBanner *self,
                                             IcatStore          *store,
                                             const char         *kind,
                                             const char         *id);
gboolean   icat_conflict_banner_is_shown    (IcatConflictBanner *self);

G_END_DECLS
