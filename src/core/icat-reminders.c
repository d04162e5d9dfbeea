/* icat-reminders.c — the daily reminders of due and overdue action items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a reminder says and counts, without GTK: the app's reminder service
 * sends them, the tests read their text.
 */
#define G_LOG_DOMAIN "icat-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-db.h"
#include "icat-reminders.h"

char *
icat_reminders_week_end (const char *today)
{
  g_autoptr(GDate) day = NULL;
  char text[11];

  if (today == NULL)
    return NULL;
  day = g_date_new ();
  g_date_set_parse (day, today);
  /* g_date_set_parse () guesses at the locale's order: only the stored shape. */
  if (!g_date_valid (day) || strlen (today) != 10 || today[4] != '-' || today[7] != '-')
    return NULL;
  g_date_add_days (day, ICAT_REMINDER_DAYS);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

GPtrArray *
icat_reminders_count (IcatDb      *db,
                      const char  *today,
                      GError     **error)
{
  g_autofree char *week_end = icat_reminders_week_end (today);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (week_end != NULL, NULL);
  return icat_report_workload (db, today, week_end, error);
}

char *
icat_reminder_text (const IcatAgencyWorkload *workload)
{
  g_autofree char *overdue = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (workload != NULL, NULL);
  if (workload->due_soon == 0)
    /* Translators: an agency's acronym, then how many of its action items are overdue */
    return g_strdup_printf (ngettext ("%s: %u action item overdue", "%s: %u action items overdue",
                                      workload->overdue),
                            workload->acronym, workload->overdue);
  if (workload->overdue == 0)
    /* Translators: an agency's acronym, then how many of its action items are due in the next 7 days */
    return g_strdup_printf (ngettext ("%s: %u action item due this week", "%s: %u action items due this week",
                                      workload->due_soon),
                            workload->acronym, workload->due_soon);
  overdue = g_strdup_printf (ngettext ("%u action item overdue", "%u action items overdue", workload->overdue),
                             workload->overdue);
  /* Translators: follows "3 action items overdue, "; due in the next 7 days */
  due = g_strdup_printf (ngettext ("%u due this week", "%u due this week", workload->due_soon), workload->due_soon);
  /* Translators: "UNODC: 3 action items overdue, 2 due this week" */
  return g_strdup_printf (_("%s: %s, %s"), workload->acronym, overdue, due);
}

char *
icat_reminder_id (const char *agency_id)
{
  g_return_val_if_fail (agency_id != NULL, NULL);
  return g_strconcat ("due-", agency_id, NULL);
}

GNotification *
icat_reminder_notification_new (const IcatAgencyWorkload *workload)
{
  g_autofree char *text = NULL;
  GNotification *notification;

  g_return_val_if_fail (workload != NULL && workload->agency_id != NULL, NULL);
  text = icat_reminder_text (workload);
  notification = g_notification_new (text);
  g_notification_set_body (notification, _("Open the items due this week and overdue"));
  g_notification_set_default_action_and_target (notification, "app.show-due", "s", workload->agency_id);
  return notification;
}
