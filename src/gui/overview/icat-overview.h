/* icat-overview.h — what needs attention now
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_OVERVIEW (icat_overview_get_type ())
G_DECLARE_FINAL_TYPE (IcatOverview, icat_overview, ICAT, OVERVIEW, AdwBin)

/* Signals: "show-meeting" (const char *id), "show-overdue" (const char *agency_id). */
GtkWidget *icat_overview_new (IcatStore *store);

G_END_DECLS
