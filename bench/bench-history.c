/* bench-history.c — what a record's History costs in a long journal
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journal of --entries N entries (100,000) of which --changes N (1,000)
 * touched one action item: a real save of its title, and for the others a
 * real save of another action item, each journaled under a record id of
 * its own, as years of edits of 100,000 action items would leave it. Then
 * icat_sync_history () is timed for the one action item: all its changes,
 * the first page of 50 the History window shows, and the count alone;
 * and, for comparison, finding its entries by decoding every changeset.
 *
 * Run it in an optimized build, never under the sanitizers:
 *   meson setup /tmp/bench -Dbuildtype=release && ninja -C /tmp/bench
 *   /tmp/bench/tests/bench-history
 */
#define G_LOG_DOMAIN "icat-bench"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

static int n_entries = 100000;
static int n_changes = 1000;

static GBytes *
last_changeset (IcatStore *store)
{
  sqlite3 *handle = icat_db_handle (_icat_store_get_read_db (store));
  sqlite3_stmt *stmt = NULL;
  GBytes *changeset;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT changeset FROM sync_journal ORDER BY hlc DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  changeset = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return changeset;
}

/* Entries of a laptop "bench", each with its index row: every step-th one
 * the target's change, the others another item's under ids of their own. */
static void
fill_journal (const char *path,
              const char *target,
              GBytes     *target_change,
              GBytes     *other_change)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *entry = NULL;
  sqlite3_stmt *index = NULL;
  int step = n_entries / n_changes;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO sync_journal (device, seq, hlc, made_at, changeset) "
                                       "VALUES ('bench', ?3, ?1 << 16, strftime ('%Y-%m-%dT%H:%M:%fZ', ?1 / 1000.0, 'unixepoch'), ?2)",
                                       -1, &entry, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO sync_journal_record (kind, record_id, device, seq) "
                                       "VALUES ('action_item', ?1, 'bench', ?2)",
                                       -1, &index, NULL), ==, SQLITE_OK);
  for (int seq = 1; seq <= n_entries; seq++)
    {
      gboolean is_target = seq % step == 0;
      GBytes *change = is_target ? target_change : other_change;
      g_autofree char *other_id = g_strdup_printf ("00000000-0000-4000-8000-%012d", seq);

      sqlite3_bind_int64 (entry, 1, 1700000000000LL + seq * 60000LL);
      sqlite3_bind_blob (entry, 2, g_bytes_get_data (change, NULL), g_bytes_get_size (change), SQLITE_STATIC);
      sqlite3_bind_int64 (entry, 3, seq);
      g_assert_cmpint (sqlite3_step (entry), ==, SQLITE_DONE);
      sqlite3_reset (entry);
      /* A change a minute, from November 2023 on: older than the real
       * entries, whose clocks are the wall clock's. */
      sqlite3_bind_text (index, 1, is_target ? target : other_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (index, 2, seq);
      g_assert_cmpint (sqlite3_step (index), ==, SQLITE_DONE);
      sqlite3_reset (index);
    }
  sqlite3_finalize (entry);
  sqlite3_finalize (index);
  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* What a History without the index would do: find the record's entries
 * by decoding every changeset of the journal. */
static double
time_full_scan (IcatStore  *store,
                const char *target,
                guint      *found)
{
  IcatDb *db = _icat_store_get_read_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  *found = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (db), "SELECT changeset FROM sync_journal", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IcatNotices notices;
      g_autofree char *key = g_strconcat ("action_item/", target, NULL);

      _icat_notices_init (&notices);
      _icat_notices_collect (&notices, db, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      *found += g_hash_table_contains (notices.index, key);
      _icat_notices_clear (&notices);
    }
  sqlite3_finalize (stmt);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of 7 runs, in milliseconds. */
static double
time_history (IcatStore  *store,
              const char *target,
              guint       limit,
              gboolean    count_only,
              guint      *n_read)
{
  double times[7];

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      IcatSyncHistoryQuery query = { "action_item", target, icat_store_get_device_id (store), NULL, 0,
                                     count_only ? 1 : limit };
      gint64 start = g_get_monotonic_time ();
      guint total = 0;
      g_autoptr(GPtrArray) entries = icat_sync_history (_icat_store_get_read_db (store), &query, &total, NULL);

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (entries);
      *n_read = count_only ? total : entries->len;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  return times[G_N_ELEMENTS (times) / 2];
}

int
main (int    argc,
      char **argv)
{
  GOptionEntry options[] = {
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Entries in the journal", "N" },
    { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes, "Of them, changes of the one record", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GBytes) target_change = NULL;
  g_autoptr(GBytes) other_change = NULL;
  IcatStore *store;
  guint n_read = 0;
  double ms;

  g_option_context_add_main_entries (context, options, NULL);
  g_assert_true (g_option_context_parse (context, &argc, &argv, NULL));
  g_assert_cmpint (n_changes, >, 0);
  g_assert_cmpint (n_entries, >=, n_changes);
  icat_test_init (&argc, &argv);
  dir = icat_test_tmpdir_new ();
  path = g_build_filename (dir, "bench.db", NULL);

  store = icat_store_open (path, NULL);
  g_assert_nonnull (store);
  target = icat_test_sync_add_item (store, "Target");
  other = icat_test_sync_add_item (store, "Other");
  icat_test_sync_set_text (store, "action_item", target, "title", "Target, as it reads now");
  target_change = last_changeset (store);
  icat_test_sync_set_text (store, "action_item", other, "title", "Other, as it reads now");
  other_change = last_changeset (store);
  icat_test_finalize_store (store);

  fill_journal (path, target, target_change, other_change);
  store = icat_store_open (path, NULL);
  g_assert_nonnull (store);

  ms = time_history (store, target, 0, FALSE, &n_read);
  g_print ("History of 1 record, all %u changes, journal of %d entries: %.1f ms\n", n_read, n_entries, ms);
  ms = time_history (store, target, 50, FALSE, &n_read);
  g_print ("The first page (%u changes): %.1f ms\n", n_read, ms);
  ms = time_history (store, target, 0, TRUE, &n_read);
  g_print ("The count alone (%u) and one change: %.1f ms\n", n_read, ms);
  ms = time_full_scan (store, target, &n_read);
  g_print ("Without the index, decoding the whole journal to find them (%u): %.1f ms\n", n_read, ms);

  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
