/* icat-sync-service.h — sharing without thinking about it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-store.h"
#include "icat-sync-summary.h"

G_BEGIN_DECLS

/* A saved change waits this long for more before it is published:
 * autosave already gathers a burst of typing into one save. */
#define ICAT_SYNC_PUBLISH_DELAY_MS 1500
/* A file that appeared in the folder is read this long after, so a
 * synchronizer that writes it in pieces has finished. */
#define ICAT_SYNC_SETTLE_DELAY_MS 400
/* Network folders that do not tell about changes are read this often. */
#define ICAT_SYNC_RESCAN_SECONDS 30

#define ICAT_TYPE_SYNC_SERVICE (icat_sync_service_get_type ())
G_DECLARE_FINAL_TYPE (IcatSyncService, icat_sync_service, ICAT, SYNC_SERVICE, GObject)

/* While the store's database is in a group with a folder, publishes each
 * saved change, watches the folder and applies the other laptops' files,
 * on a worker thread. */
IcatSyncService       *icat_sync_service_new         (IcatStore       *store);
IcatStore             *icat_sync_service_get_store   (IcatSyncService *self);
/* The state now ("summary" notifies when it changes). */
const IcatSyncSummary *icat_sync_service_get_summary (IcatSyncService *self);
/* Reads the group and folder again (after Preferences changed them) and
 * runs at once. */
void                   icat_sync_service_run_now     (IcatSyncService *self);
/* Whether a run is on its way (for tests: wait until FALSE). */
gboolean               icat_sync_service_is_busy     (IcatSyncService *self);
/* Before quitting: waits for a run in flight, then publishes what this
 * laptop has not shared yet; nothing runs afterwards. */
void                   icat_sync_service_shutdown    (IcatSyncService *self);

/* Signals: "ran" (): a run finished; views that show sharing refresh. */

G_END_DECLS
