/* icat-attendance-row.h — one agency's attendance in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry row with the agency's delegates and a "present" check button; it
 * keeps the agency's id and whether the agency is in the record's attendance
 * (or was touched), so an untouched absent agency is not written.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_ATTENDANCE_ROW (icat_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatAttendanceRow, icat_attendance_row, ICAT, ATTENDANCE_ROW, AdwEntryRow)

GtkWidget      *icat_attendance_row_new                (const char        *agency_id);
const char     *icat_attendance_row_get_agency_id      (IcatAttendanceRow *self);
GtkCheckButton *icat_attendance_row_get_present_button (IcatAttendanceRow *self);
void            icat_attendance_row_set_present_label  (IcatAttendanceRow *self,
                                                        const char        *label);
gboolean        icat_attendance_row_get_listed         (IcatAttendanceRow *self);
void            icat_attendance_row_set_listed         (IcatAttendanceRow *self,
                                                        gboolean           listed);

G_END_DECLS
