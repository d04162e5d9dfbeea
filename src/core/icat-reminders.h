/* icat-reminders.h — the daily reminders of due and overdue action items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "icat-report.h"

G_BEGIN_DECLS

/* "Due this week" is the next seven days: today and the six days after it,
 * whatever the locale's first weekday, so a reminder on a Friday still
 * shows the coming Monday's work. */
#define ICAT_REMINDER_DAYS 7

/* The first day after this week as records store a day ("2026-12-13" for
 * today "2026-12-06"): open items due before it are due this week or
 * overdue. NULL when today is not a day. */
char          *icat_reminders_week_end     (const char      *today);
/* One IcatAgencyWorkload per owner agency with open action items overdue
 * (due before today) or due this week, most overdue first; done and
 * cancelled items never count. One indexed SQL aggregate: call it from a
 * worker thread with a connection of its own (icat_store_read_async ()). */
GPtrArray     *icat_reminders_count        (struct _IcatDb  *db,
                                            const char      *today,
                                            GError         **error);
/* "UNODC: 3 action items overdue, 2 due this week", in the user's language. */
char          *icat_reminder_text          (const IcatAgencyWorkload *workload);
/* The notification id of an agency's reminder: a newer one replaces it. */
char          *icat_reminder_id            (const char      *agency_id);
/* The reminder as a desktop notification: its text as the title, and
 * "app.show-due" with the agency's id as the default action, which opens
 * the agency's items due this week and overdue. */
GNotification *icat_reminder_notification_new (const IcatAgencyWorkload *workload);

G_END_DECLS
