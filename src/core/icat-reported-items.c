/* icat-reported-items.c — the action items reported on at a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting hears what became of action items: an item counts as reported
 * at it when its status changed on the meeting's days, or when it arose
 * from the meeting. History is looked up by the time of the change
 * (action_item_history_at, schema version 10), so a meeting reads its few
 * days, never ten years of history.
 */
#define G_LOG_DOMAIN "icat-reported-items"

#include "config.h"

#include "icat-db.h"
#include "icat-format.h"
#include "icat-reported-items.h"

void
icat_reported_item_free (IcatReportedItem *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->owner);
  g_free (item->status);
  g_free (item);
}

/* The local midnight that begins the day of when in zone, days later, as
 * history writes its times. */
static char *
local_midnight (GDateTime *when,
                GTimeZone *zone,
                int        days)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_days (midnight, days);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (later);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
}

gboolean
icat_meeting_days_range (const char  *starts_at,
                         const char  *ends_at,
                         const char  *zone_name,
                         char       **from,
                         char       **until)
{
  g_autoptr(GTimeZone) zone = zone_name ? icat_time_zone_named (zone_name) : NULL;
  g_autoptr(GDateTime) starts = starts_at ? g_date_time_new_from_iso8601 (starts_at, NULL) : NULL;
  g_autoptr(GDateTime) ends = ends_at ? g_date_time_new_from_iso8601 (ends_at, NULL) : NULL;

  g_return_val_if_fail (from != NULL && until != NULL, FALSE);
  if (starts == NULL)
    return FALSE;
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  /* An end before the start is a mistake check reports; the start's day stands. */
  if (ends == NULL || g_date_time_compare (ends, starts) < 0)
    {
      g_clear_pointer (&ends, g_date_time_unref);
      ends = g_date_time_ref (starts);
    }
  *from = local_midnight (starts, zone, 0);
  *until = local_midnight (ends, zone, 1);
  return TRUE;
}

static gboolean
meeting_days (IcatDb      *db,
              const char  *meeting_id,
              char       **from,
              char       **until,
              GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT starts_at, ends_at, timezone FROM meeting WHERE id = ?1", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, meeting_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = icat_meeting_days_range ((const char *) sqlite3_column_text (stmt, 0),
                                       (const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2), from, until);
      rc = SQLITE_DONE;
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  /* No such meeting: a range nothing falls in. */
  if (!found)
    {
      *from = g_strdup ("");
      *until = g_strdup ("");
    }
  return TRUE;
}

/* The status reported is the last one set before the meeting's days
 * ended; an item with no history says its own status. */
#define REPORTED_SQL \
  "SELECT i.id, i.title, a.acronym, " \
  "  coalesce ((SELECT h.status FROM action_item_history h WHERE h.parent_id = i.id AND h.at < ?3 " \
  "             ORDER BY h.at DESC, h.seq DESC LIMIT 1), i.status), " \
  "  i.meeting IS ?1 " \
  "FROM (SELECT parent_id AS id FROM action_item_history WHERE at >= ?2 AND at < ?3 " \
  "      UNION SELECT id FROM action_item WHERE meeting = ?1) AS hit " \
  "JOIN action_item i ON i.id = hit.id LEFT JOIN agency a ON a.id = i.owner " \
  "ORDER BY a.acronym, i.title, i.id LIMIT ?4"

GPtrArray *
icat_meeting_reported_items (IcatDb      *db,
                             const char  *meeting_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_reported_item_free);
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);
  if (!meeting_days (db, meeting_id, &from, &until, error) ||
      (stmt = icat_db_prepare (db, REPORTED_SQL, error)) == NULL)
    return NULL;
  icat_bind_text (stmt, 1, meeting_id);
  icat_bind_text (stmt, 2, from);
  icat_bind_text (stmt, 3, until);
  sqlite3_bind_int (stmt, 4, ICAT_MEETING_REPORTED_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatReportedItem *item = g_new0 (IcatReportedItem, 1);

      item->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      item->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->owner = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      item->status = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      item->from_meeting = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (items, item);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}
