/* icat-application.h — the ICAT Tracker application
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"
#include "icat-sync-service.h"

G_BEGIN_DECLS

#define ICAT_TYPE_APPLICATION (icat_application_get_type ())
G_DECLARE_FINAL_TYPE (IcatApplication, icat_application, ICAT, APPLICATION, AdwApplication)

IcatApplication *icat_application_new       (void);
IcatStore       *icat_application_get_store (IcatApplication *self);
/* Sharing with other laptops (icat-sync-service.h). */
IcatSyncService *icat_application_get_sync_service (IcatApplication *self);

G_END_DECLS
