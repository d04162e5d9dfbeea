/* icat-sync-status-button.h — the state of sharing at the foot of the sidebar
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-sync-service.h"

G_BEGIN_DECLS

#define ICAT_TYPE_SYNC_STATUS_BUTTON (icat_sync_status_button_get_type ())
G_DECLARE_FINAL_TYPE (IcatSyncStatusButton, icat_sync_status_button, ICAT, SYNC_STATUS_BUTTON, GtkWidget)

/* Hidden while the database is not in a group. Clicking opens the sync
 * page ("win.show-sharing" with "laptops", or "decisions" from the
 * "Needs your decision" button). */
void        icat_sync_status_button_set_service (IcatSyncStatusButton *self,
                                                 IcatSyncService      *service);
/* For tests: the texts shown. */
const char *icat_sync_status_button_get_title     (IcatSyncStatusButton *self);
const char *icat_sync_status_button_get_subtitle  (IcatSyncStatusButton *self);
const char *icat_sync_status_button_get_decisions (IcatSyncStatusButton *self);

G_END_DECLS
