/* icat-conflict-card.h — one conflict, both sides and the ways to decide it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-store.h"
#include "icat-sync.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CONFLICT_CARD (icat_conflict_card_get_type ())
G_DECLARE_FINAL_TYPE (IcatConflictCard, icat_conflict_card, ICAT, CONFLICT_CARD, GtkBox)

/* status names the laptops (may be NULL). */
GtkWidget  *icat_conflict_card_new            (IcatStore              *store,
                                               const IcatSyncConflict *conflict,
                                               const IcatSyncStatus   *status);
const char *icat_conflict_card_get_conflict_id (IcatConflictCard      *self);
/* The button that decides as keep would, NULL when the card has none
 * ("Keep This One", "Keep the Record", "Delete It", "Understood"). */
GtkButton  *icat_conflict_card_get_button     (IcatConflictCard       *self,
                                               IcatSyncKeep            keep);
/* Decides as the merged-value dialog does when saved with text. */
gboolean    icat_conflict_card_save_merged    (IcatConflictCard       *self,
                                               const char             *text);

G_END_DECLS
