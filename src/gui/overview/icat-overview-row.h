/* icat-overview-row.h — an Overview row that opens a record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting or an agency's workload on the Overview: the row knows which
 * IcatOverview signal opens its record and the id to pass, so activating
 * it needs no lookup.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_OVERVIEW_ROW (icat_overview_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatOverviewRow, icat_overview_row, ICAT, OVERVIEW_ROW, AdwActionRow)

/* target_signal: the IcatOverview signal to emit, "show-meeting" or
 * "show-overdue"; target_id: the id it carries. */
GtkWidget  *icat_overview_row_new               (const char      *target_signal,
                                                 const char      *target_id,
                                                 const char      *title,
                                                 const char      *subtitle);
const char *icat_overview_row_get_target_signal (IcatOverviewRow *self);
const char *icat_overview_row_get_target_id     (IcatOverviewRow *self);

G_END_DECLS
