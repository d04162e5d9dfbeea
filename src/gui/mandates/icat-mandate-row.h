/* icat-mandate-row.h — one mandate in the Mandates list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mandate's title, pillar and addressee, the start of its text, and a
 * badge when it is addressed to ICAT. Given its record ("record") again, it shows the new data.
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-record.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MANDATE_ROW (icat_mandate_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatMandateRow, icat_mandate_row, ICAT, MANDATE_ROW, GtkBox)

GtkWidget  *icat_mandate_row_new         (void);
void        icat_mandate_row_set_record  (IcatMandateRow *self,
                                          IcatRecord     *mandate);
IcatRecord *icat_mandate_row_get_record  (IcatMandateRow *self);

G_END_DECLS
