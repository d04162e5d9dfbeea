/* icat-reported-items.h — the action items reported on at a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

struct _IcatDb;

/* At most this many items are read for one meeting. */
#define ICAT_MEETING_REPORTED_MAX 500

typedef struct {
  char     *id;
  char     *title;
  char     *owner;          /* the owner agency's acronym, or NULL */
  char     *status;         /* the status reported: the last change before the meeting ended */
  gboolean  from_meeting;   /* created from the meeting (its "meeting" field) */
} IcatReportedItem;

void       icat_reported_item_free         (IcatReportedItem *item);

/* The meeting's days in its time zone, from the local midnight of the day
 * it starts to the local midnight after the day it ends (or starts, when
 * ends_at is NULL), as UTC timestamps like history's "at". A zone that
 * cannot be read counts as UTC. FALSE when starts_at is not a time. */
gboolean   icat_meeting_days_range         (const char  *starts_at,
                                            const char  *ends_at,
                                            const char  *zone_name,
                                            char       **from,
                                            char       **until);

/* The action items reported on at a meeting: those whose status history
 * has a change within the meeting's days, and those created from it;
 * ordered by owner and title. One indexed query that reads only those
 * items; still, call it from a worker thread with a connection of its
 * own. An unknown meeting has none. */
GPtrArray *icat_meeting_reported_items     (struct _IcatDb *db,
                                            const char     *meeting_id,
                                            GError        **error);

G_END_DECLS
