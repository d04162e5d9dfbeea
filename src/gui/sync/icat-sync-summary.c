/* icat-sync-summary.c — the state of sharing, as a coordinator reads it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line says the one thing that most needs attention: a folder gone
 * (the USB stick is out) before files refused (somebody else's or
 * damaged) before this laptop's own changes waiting; otherwise all is
 * shared. A second line says whose work came last, the reassurance two
 * people at one table look for.
 */
#define G_LOG_DOMAIN "icat-sync-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-sync-summary.h"

void
icat_sync_summary_free (IcatSyncSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->failure);
  g_free (summary->last_laptop);
  g_clear_pointer (&summary->last_at, g_date_time_unref);
  g_free (summary);
}

/* The other laptops, counted; the one whose newest applied change is the
 * newest of all. */
static void
find_last_laptop (IcatSyncSummary      *summary,
                  const IcatSyncStatus *status)
{
  const IcatSyncLaptop *last = NULL;

  for (guint i = 0; status->laptops != NULL && i < status->laptops->len; i++)
    {
      const IcatSyncLaptop *laptop = status->laptops->pdata[i];

      if (laptop->is_self)
        continue;
      summary->other_laptops++;
      if (laptop->last_change_at == NULL)
        continue;
      if (last == NULL || g_strcmp0 (laptop->last_change_at, last->last_change_at) > 0)
        last = laptop;
    }
  if (last == NULL)
    return;
  summary->last_at = g_date_time_new_from_iso8601 (last->last_change_at, NULL);
  if (last->name != NULL && *last->name != '\0')
    summary->last_laptop = g_strdup (last->name);
  else
    /* Translators: a laptop that has not been given a name; %.8s is the
     * beginning of its id */
    summary->last_laptop = g_strdup_printf (_("laptop %.8s"), last->device_id);
}

IcatSyncSummary *
icat_sync_summary_new (const IcatSyncStatus *status,
                       const GError         *failure)
{
  IcatSyncSummary *summary = g_new0 (IcatSyncSummary, 1);

  if (status == NULL || status->group_id == NULL)
    return summary;
  summary->in_group = TRUE;
  summary->folder_reachable = status->folder != NULL && g_file_test (status->folder, G_FILE_TEST_IS_DIR);
  summary->failure = failure ? g_strdup (failure->message) : NULL;
  summary->unshared = status->unshared;
  summary->refused = status->refused ? status->refused->len : 0;
  summary->open_conflicts = status->open_conflicts;
  find_last_laptop (summary, status);
  return summary;
}

char *
icat_sync_summary_title (const IcatSyncSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (!summary->in_group)
    return NULL;
  if (!summary->folder_reachable)
    return g_strdup (_("Sync folder not reachable"));
  if (summary->failure != NULL)
    return g_strdup (_("Changes could not be shared"));
  if (summary->refused > 0)
    return g_strdup_printf (ngettext ("%u file refused", "%u files refused", summary->refused),
                            summary->refused);
  if (summary->unshared > 0)
    return g_strdup_printf (ngettext ("%u change not yet shared", "%u changes not yet shared",
                                      (gulong) MIN (summary->unshared, G_MAXUINT)),
                            (guint) MIN (summary->unshared, G_MAXUINT));
  return g_strdup (_("All changes shared"));
}

/* "10:42" today, "4 Dec 10:42" before, in the user's time zone. */
static char *
format_when (GDateTime *at,
             GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: the time of day of a change, as strftime formats it */
    return g_date_time_format (local, C_("time of a change today", "%H:%M"));
  /* Translators: the day and time of a change, as strftime formats it */
  return g_date_time_format (local, C_("time of a change", "%-d %b %H:%M"));
}

char *
icat_sync_summary_subtitle (const IcatSyncSummary *summary,
                            GDateTime             *now)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (summary != NULL && now != NULL, NULL);

  if (!summary->in_group)
    return NULL;
  if (summary->folder_reachable && summary->failure != NULL)
    return g_strdup (summary->failure);
  if (summary->other_laptops == 0)
    return g_strdup (_("No other laptop yet"));
  if (summary->last_laptop == NULL || summary->last_at == NULL)
    /* Translators: the other laptops of the group joined, and none of
     * their changes has come in yet */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other laptop, nothing received yet",
                                         "%u other laptops, nothing received yet", summary->other_laptops),
                            summary->other_laptops);
  when = format_when (summary->last_at, now);
  /* Translators: "Last from Amina's laptop 10:42": whose change came last, and when */
  return g_strdup_printf (_("Last from %s %s"), summary->last_laptop, when);
}

char *
icat_sync_summary_decisions (const IcatSyncSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (!summary->in_group || summary->open_conflicts == 0)
    return NULL;
  return g_strdup_printf (_("Needs your decision (%u)"), summary->open_conflicts);
}

const char *
icat_sync_summary_icon (const IcatSyncSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (!summary->folder_reachable || summary->failure != NULL || summary->refused > 0)
    return "dialog-warning-symbolic";
  if (summary->unshared > 0)
    return "emblem-synchronizing-symbolic";
  return "emblem-ok-symbolic";
}
