/* icat-meeting-reported.h — the action items reported on at a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MEETING_REPORTED (icat_meeting_reported_get_type ())
G_DECLARE_FINAL_TYPE (IcatMeetingReported, icat_meeting_reported, ICAT, MEETING_REPORTED, AdwBin)

/* Follows the meeting id (NULL: none): a group listing the action items
 * reported on at it (icat_meeting_reported_items ()), each row opening its
 * item through "meetings.show-action-item". Read off the main loop, again
 * shortly after any action item or the meeting changes. */
void   icat_meeting_reported_set_meeting (IcatMeetingReported *self,
                                          IcatStore           *store,
                                          const char          *meeting_id);
/* The rows shown, for tests: 0 while none or still reading. */
guint  icat_meeting_reported_get_n_items (IcatMeetingReported *self);
/* The row of the index-th item, for tests. */
GtkWidget *icat_meeting_reported_get_row (IcatMeetingReported *self,
                                          guint                index);

G_END_DECLS
