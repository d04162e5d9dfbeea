/* icat-agency-row.h — one agency in the Agencies list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agency's title, its standing today (badges), its kind and the years
 * it chaired. Given its record ("record") again, it shows the new data.
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-record.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_AGENCY_ROW (icat_agency_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatAgencyRow, icat_agency_row, ICAT, AGENCY_ROW, GtkBox)

GtkWidget  *icat_agency_row_new         (IcatStore     *store);
void        icat_agency_row_set_record  (IcatAgencyRow *self,
                                         IcatRecord    *agency);
IcatRecord *icat_agency_row_get_record  (IcatAgencyRow *self);

G_END_DECLS
