/* icat-decision-row.h — one numbered decision in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry row with the decision's text and a remove button; it keeps the
 * decision's id, so an edited decision stays the same record.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_DECISION_ROW (icat_decision_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatDecisionRow, icat_decision_row, ICAT, DECISION_ROW, AdwEntryRow)

/* decision_id: NULL for a new decision (a new id is made). */
GtkWidget  *icat_decision_row_new               (const char      *decision_id);
const char *icat_decision_row_get_decision_id   (IcatDecisionRow *self);
GtkWidget  *icat_decision_row_get_remove_button (IcatDecisionRow *self);

G_END_DECLS
