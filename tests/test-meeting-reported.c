/* test-meeting-reported.c — which action items count as reported at a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-db.h"
#include "icat-reported-items.h"
#include "icat-test-util.h"

/* The meeting's days are whole local days of its time zone. */
static void
test_days_range (void)
{
  const struct {
    const char *starts_at, *ends_at, *zone, *from, *until;
  } cases[] = {
    /* 10:00 in Vienna, winter time. */
    { "2026-03-10T09:00:00.000Z", NULL, "Europe/Vienna", "2026-03-09T23:00:00.000Z", "2026-03-10T23:00:00.000Z" },
    /* Three days. */
    { "2026-03-10T09:00:00.000Z", "2026-03-12T16:00:00.000Z", "Europe/Vienna",
      "2026-03-09T23:00:00.000Z", "2026-03-12T23:00:00.000Z" },
    /* The day summer time starts has 23 hours. */
    { "2026-03-29T08:00:00.000Z", NULL, "Europe/Vienna", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z" },
    /* 21:30 on 1 June in New York is 2 June in UTC: the local day counts. */
    { "2026-06-02T01:30:00.000Z", NULL, "America/New_York", "2026-06-01T04:00:00.000Z", "2026-06-02T04:00:00.000Z" },
    /* Auckland is ahead of UTC: its day begins the evening before in UTC. */
    { "2026-03-09T21:00:00.000Z", NULL, "Pacific/Auckland", "2026-03-09T11:00:00.000Z", "2026-03-10T11:00:00.000Z" },
    /* A zone that cannot be read, or none, counts as UTC. */
    { "2026-03-10T09:00:00.000Z", NULL, "Not/AZone", "2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z" },
    { "2026-03-10T09:00:00.000Z", NULL, NULL, "2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z" },
    /* An end before the start leaves the start's day. */
    { "2026-03-10T09:00:00.000Z", "2026-03-01T09:00:00.000Z", "UTC", "2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z" },
    { NULL, NULL, "UTC", NULL, NULL },
    { "", NULL, "UTC", NULL, NULL },
    { "10 March", NULL, "UTC", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      gboolean ok = icat_meeting_days_range (cases[i].starts_at, cases[i].ends_at, cases[i].zone, &from, &until);

      g_test_message ("case %u", i);
      g_assert_true (ok == (cases[i].from != NULL));
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (until, ==, cases[i].until);
    }
}

static char *
save (IcatStore  *store,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) object = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (store, kind, object, &error);

  g_assert_no_error (error);
  return id;
}

static char *
save_meeting (IcatStore  *store,
              const char *starts_at)
{
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"working-group\", \"title\": {\"en\": \"WG\"}, "
                                           "\"starts_at\": \"%s\", \"date_precision\": \"minute\", "
                                           "\"timezone\": \"Europe/Vienna\"}", starts_at);

  return save (store, "meeting", json);
}

/* An action item of owner with the status changes history (a JSON list of
 * [status, at] pairs), arising from meeting when it is not NULL. */
static void
save_item (IcatStore  *store,
           const char *title,
           const char *owner,
           const char *status,
           const char *meeting,
           const char *history)
{
  g_autoptr(JsonObject) item = icat_test_object ("{}");
  g_autoptr(JsonObject) pairs = NULL;
  g_autofree char *wrapped = g_strdup_printf ("{\"h\": %s}", history);
  JsonArray *list = json_array_new ();
  JsonArray *changes;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  pairs = icat_test_object (wrapped);
  changes = json_object_get_array_member (pairs, "h");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonArray *pair = json_array_get_array_element (changes, i);
      JsonObject *change = json_object_new ();

      json_object_set_string_member (change, "status", json_array_get_string_element (pair, 0));
      json_object_set_string_member (change, "at", json_array_get_string_element (pair, 1));
      json_array_add_object_element (list, change);
    }
  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", status);
  if (meeting != NULL)
    json_object_set_string_member (item, "meeting", meeting);
  json_object_set_array_member (item, "history", list);
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
}

static GString *
describe (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      IcatReportedItem *item = items->pdata[i];

      g_string_append_printf (text, "%s%s %s %s%s", i ? "; " : "", item->title,
                              item->owner ? item->owner : "-", item->status,
                              item->from_meeting ? " (arising)" : "");
    }
  return text;
}

/* A meeting on 10 March 2026 in Vienna (UTC+1): its day runs from
 * 2026-03-09T23:00Z to 2026-03-10T23:00Z. */
static void
test_items (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (store, "IOM");
  g_autofree char *meeting = save_meeting (store, "2026-03-10T09:00:00.000Z");
  g_autofree char *other = save_meeting (store, "2026-04-10T08:00:00.000Z");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  save_item (store, "At local midnight", unodc, "open", NULL,
             "[[\"open\", \"2026-02-01T10:00:00.000Z\"], [\"in-progress\", \"2026-03-09T23:00:00.000Z\"]]");
  save_item (store, "Just before the day", unodc, "done", NULL, "[[\"done\", \"2026-03-09T22:59:59.999Z\"]]");
  save_item (store, "Last moment of the day", iom, "cancelled", NULL,
             "[[\"done\", \"2026-03-10T22:59:59.999Z\"], [\"cancelled\", \"2026-04-01T10:00:00.000Z\"]]");
  save_item (store, "Just after the day", iom, "blocked", NULL, "[[\"blocked\", \"2026-03-10T23:00:00.000Z\"]]");
  save_item (store, "Arising", iom, "in-progress", meeting, "[]");
  save_item (store, "Arising elsewhere", iom, "open", other, "[]");

  items = icat_meeting_reported_items (_icat_store_get_read_db (store), meeting, &error);
  g_assert_no_error (error);
  text = describe (items);
  /* The status reported is the last one before the day ended, not today's. */
  g_assert_cmpstr (text->str, ==,
                   "Arising IOM in-progress (arising); Last moment of the day IOM done; "
                   "At local midnight UNODC in-progress");

  none = icat_meeting_reported_items (_icat_store_get_read_db (store), "5e1f0c2a-6d7b-4c1e-9a3f-00000000dead", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The history is read through its index by time, never scanned. */
static void
test_indexed (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (_icat_store_get_read_db (store)),
                                       "EXPLAIN QUERY PLAN SELECT parent_id FROM action_item_history "
                                       "WHERE at >= '2026-03-09T23:00:00.000Z' AND at < '2026-03-10T23:00:00.000Z'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "USING INDEX action_item_history_at"));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/meeting-reported/days-range", test_days_range);
  g_test_add_func ("/meeting-reported/items", test_items);
  g_test_add_func ("/meeting-reported/indexed", test_indexed);
  return g_test_run ();
}
