/* icat-reminder-service.h — daily notifications of due and overdue action items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_REMINDER_SERVICE (icat_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (IcatReminderService, icat_reminder_service, ICAT, REMINDER_SERVICE, GObject)

/* Sends the day's reminders a few seconds after it is made and again on
 * the first check of each new day while the app runs, unless the
 * "reminders" setting is off or "reminders-last-day" is today already.
 * application is borrowed: it owns the service.
 *
 * Signal "reminder" (const char *agency_id, const char *text,
 * GNotification *): one per owner agency with open items overdue or due
 * this week, text being the notification's title; its default handler
 * sends the notification through the application. */
IcatReminderService *icat_reminder_service_new       (GApplication        *application,
                                                      IcatStore           *store,
                                                      GSettings           *settings);
/* Counts on a worker and sends today's reminders, unless they are off or
 * were sent today: FALSE then, and nothing is counted. */
gboolean             icat_reminder_service_check_now (IcatReminderService *self);

G_END_DECLS
