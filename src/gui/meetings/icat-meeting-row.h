/* icat-meeting-row.h — one meeting in the Meetings list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting's title, when and where it is, its kind and the status of
 * its minutes. Given its record ("record") again, it shows the new data.
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-record.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MEETING_ROW (icat_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatMeetingRow, icat_meeting_row, ICAT, MEETING_ROW, GtkBox)

GtkWidget  *icat_meeting_row_new         (IcatStore      *store);
void        icat_meeting_row_set_record  (IcatMeetingRow *self,
                                          IcatRecord     *meeting);
IcatRecord *icat_meeting_row_get_record  (IcatMeetingRow *self);

G_END_DECLS
