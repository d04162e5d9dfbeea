/* bench-sync.c — what merging costs: applying, journaling, a day's files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three figures for the README, on a group of two laptops made in this
 * process (each its own database and device id, one key folder):
 *
 *  1. applying 10,000 changes from another laptop: laptop A saves 10,000
 *     new action items one by one (10,000 files), then imports 10,000 more
 *     at once (one file); each time laptop B's `icat-tracker-cli sync run`
 *     is timed as a whole process, as a user would wait for it;
 *  2. what the journal adds to a save: the median of many single saves of
 *     one action item's title, and the median of the journal step alone
 *     (_icat_sync_journal_local with that save's changeset, in a
 *     transaction rolled back each time);
 *  3. a day of minute-taking: a meeting of 8 agenda items, one an hour,
 *     whose minutes grow as typed (8 characters per autosave, an autosave
 *     every 2 seconds: 1,800 saves an hour); the bytes of the .icatsync
 *     files this laptop publishes for it.
 *
 * Run it in an optimized build, never under the sanitizers:
 *   meson setup /tmp/bench -Dbuildtype=release && ninja -C /tmp/bench
 *   /tmp/bench/tests/bench-sync
 * --changes N, --saves N and --hours N change the sizes; --run-every N sets
 * how many autosaves pass between two sync runs (30: once a minute).
 */
#define G_LOG_DOMAIN "icat-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "icat-fields.h"
#include "icat-store-private.h"
#include "icat-sync-folder.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

static int n_changes = 10000;
static int n_saves = 500;
static int n_hours = 8;
static int run_every = 30;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

/* Applying {{{ */

/* A config folder for B alone, as on its own machine: its device id and
 * the group's key, so that the CLI process is laptop B. */
static char *
config_of (IcatTestGroup *group,
           guint          laptop)
{
  g_autofree char *config = g_build_filename (group->dir, "config-b", NULL);
  g_autofree char *groups = g_build_filename (config, "icat-tracker", "groups", NULL);
  g_autofree char *device = g_build_filename (config, "icat-tracker", "device-id", NULL);
  g_autofree char *key_path = icat_test_group_key_path (group);
  g_autofree char *key_name = g_path_get_basename (key_path);
  g_autofree char *key_copy = g_build_filename (groups, key_name, NULL);
  g_autofree char *key = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (groups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (device, icat_test_group_device (group, laptop), -1, NULL));
  g_assert_true (g_file_get_contents (key_path, &key, &length, NULL));
  g_assert_true (g_file_set_contents_full (key_copy, key, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  return g_steal_pointer (&config);
}

static double
time_cli_run (IcatTestGroup *group,
              const char    *config)
{
  const char *argv[] = { CLI_PATH, "--database", icat_store_get_path (group->laptops[1]), "sync", "run", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CONFIG_HOME", config, TRUE);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  double ms;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s", error->message);
  ms = ms_since (start);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sync run failed: %s", err);
  g_print ("    B: %s", out);
  return ms;
}

static void
import_items (IcatStore *store,
              int        count)
{
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GString) json = g_string_new ("{\"format\":\"icat-tracker\",\"version\":1,\"action_items\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < count; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"%08x-0000-4000-8000-%012x\",\"created_at\":\"2026-01-01T00:00:00.000Z\","
                            "\"updated_at\":\"2026-01-01T00:00:00.000Z\","
                            "\"updated_by\":\"00000000-0000-4000-8000-000000000001\","
                            "\"title\":\"Imported item no. %d\",\"owner\":\"%s\",\"due\":\"2026-06-30\",\"status\":\"open\"}",
                            i > 0 ? "," : "", i, i, i, owner);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  if (!icat_store_import (store, bytes, "bench.json", ICAT_IMPORT_DEFAULT, NULL, &error))
    g_error ("Import failed: %s", error->message);
}

static void
bench_applying (IcatTestGroup *group)
{
  g_autofree char *config = config_of (group, 1);
  gint64 start = g_get_monotonic_time ();
  double saved_ms, published_ms, applied_ms, imported_ms, applied_import_ms;

  for (int i = 0; i < n_changes; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action item no. %d", i);

      g_free (icat_test_sync_add_item (group->laptops[0], title));
    }
  saved_ms = ms_since (start);
  start = g_get_monotonic_time ();
  icat_test_group_run (group, 0, NULL);
  published_ms = ms_since (start);
  applied_ms = time_cli_run (group, config);

  start = g_get_monotonic_time ();
  import_items (group->laptops[0], n_changes);
  icat_test_group_run (group, 0, NULL);
  imported_ms = ms_since (start);
  applied_import_ms = time_cli_run (group, config);

  g_print ("\n| %d changes from laptop A | A: saved | A: published | B: `sync run` (whole process) |\n"
           "|---|---|---|---|\n", n_changes);
  g_print ("| %d single saves (%d files) | %.0f ms | %.0f ms | %.0f ms |\n",
           n_changes, n_changes, saved_ms, published_ms, applied_ms);
  g_print ("| one import of %d action items (1 file) | %.0f ms (with publishing) | | %.0f ms |\n\n",
           n_changes, imported_ms, applied_import_ms);
}

/* }}} */
/* The journal's share of a save {{{ */

static GBytes *
last_changeset (IcatDb     *db,
                const char *device)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT changeset FROM sync_journal WHERE device = ?1 "
                                        "ORDER BY seq DESC LIMIT 1", NULL);
  GBytes *changeset;

  g_assert_nonnull (stmt);
  icat_bind_text (stmt, 1, device);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  changeset = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return changeset;
}

static void
bench_journal (IcatTestGroup *group)
{
  IcatStore *store = group->laptops[0];
  g_autofree char *id = icat_test_sync_add_item (store, "An item renamed many times");
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) journal_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GError) error = NULL;
  double save_median, journal_median;

  for (int i = 0; i < n_saves; i++)
    {
      g_autofree char *title = g_strdup_printf ("An item renamed %d times", i + 1);
      gint64 start = g_get_monotonic_time ();
      double ms;

      icat_test_sync_set_text (store, "action_item", id, ICAT_KEY_TITLE, title);
      ms = ms_since (start);
      g_array_append_val (save_ms, ms);
    }

  db = icat_db_open (icat_store_get_path (store), ICAT_DB_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  changeset = last_changeset (db, icat_store_get_device_id (store));
  for (int i = 0; i < n_saves; i++)
    {
      IcatNotices notices;
      gint64 start;
      double ms;

      g_assert_true (icat_db_exec (db, "BEGIN IMMEDIATE", NULL));
      start = g_get_monotonic_time ();
      /* As the store does it: the records the change touched, then the entry. */
      _icat_notices_init (&notices);
      _icat_notices_collect (&notices, db, g_bytes_get_data (changeset, NULL), g_bytes_get_size (changeset));
      g_assert_true (_icat_sync_journal_local (db, icat_store_get_device_id (store), changeset, &notices, NULL,
                                               &error));
      _icat_notices_clear (&notices);
      ms = ms_since (start);
      g_assert_true (icat_db_exec (db, "ROLLBACK", NULL));
      g_array_append_val (journal_ms, ms);
    }
  save_median = median (save_ms);
  journal_median = median (journal_ms);
  g_print ("| one save of an action item's title (journal of %d+ entries) | median | slowest |\n"
           "|---|---|---|\n", 2 * n_changes);
  g_print ("| the whole save (icat_store_save) | %.2f ms | %.2f ms |\n", save_median,
           g_array_index (save_ms, double, save_ms->len - 1));
  g_print ("| its journal step (_icat_sync_journal_local, %" G_GSIZE_FORMAT "-byte changeset) | %.3f ms | %.3f ms |\n\n",
           g_bytes_get_size (changeset), journal_median, g_array_index (journal_ms, double, journal_ms->len - 1));
}

/* }}} */
/* A day of minutes {{{ */

static char *
new_meeting (IcatStore *store,
             int        items)
{
  g_autoptr(JsonObject) meeting = icat_test_object ("{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\"}, "
                                                    "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", "
                                                    "\"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\"}");
  JsonArray *agenda = json_array_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  for (int i = 0; i < items; i++)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *title = g_strdup_printf ("Agenda item %d", i + 1);
      g_autofree char *item_id = g_uuid_string_random ();

      json_object_set_string_member (item, ICAT_KEY_ID, item_id);
      json_object_set_int_member (item, ICAT_KEY_POSITION, i);
      json_object_set_string_member (item, ICAT_KEY_TITLE, title);
      json_array_add_object_element (agenda, item);
    }
  json_object_set_array_member (meeting, ICAT_KEY_AGENDA, agenda);
  id = icat_store_save (store, "meeting", meeting, &error);
  g_assert_no_error (error);
  return id;
}

/* One autosave: the agenda as the editor holds it, with item's minutes longer. */
static void
save_minutes (IcatStore  *store,
              const char *id,
              int         item,
              const char *minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting = icat_store_read (store, "meeting", id, &error);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *saved = NULL;
  JsonArray *agenda;

  g_assert_no_error (error);
  agenda = json_array_ref (json_object_get_array_member (meeting, ICAT_KEY_AGENDA));
  json_object_set_string_member (json_array_get_object_element (agenda, item), ICAT_KEY_MINUTES, minutes);
  json_object_set_string_member (changes, ICAT_KEY_ID, id);
  json_object_set_array_member (changes, ICAT_KEY_AGENDA, agenda);
  saved = icat_store_save (store, "meeting", changes, &error);
  g_assert_no_error (error);
}

static void
bench_minutes (void)
{
  static const char sentences[] = "The Working Group took note of the draft work plan and asked UNODC to circulate "
                                  "a revised version before the next meeting. ";
  g_autoptr(IcatTestGroup) group = icat_test_group_new (1);
  IcatStore *store = group->laptops[0];
  g_autofree char *id = new_meeting (store, MAX (n_hours, 1));
  g_autoptr(GArray) seqs = NULL;
  guint64 total = 0, largest = 0;
  gint64 start = g_get_monotonic_time ();
  gsize typed_length = 0;

  for (int h = 0; h < n_hours; h++)
    {
      g_autoptr(GString) minutes = g_string_new (NULL);

      for (int s = 0; s < 1800; s++)
        {
          for (int c = 0; c < 8; c++)
            g_string_append_c (minutes, sentences[(s * 8 + c) % (sizeof sentences - 1)]);
          save_minutes (store, id, h, minutes->str);
          /* A sync run once a minute shares what was typed since the last. */
          if (run_every > 0 && (s + 1) % run_every == 0)
            icat_test_group_run (group, 0, NULL);
        }
      typed_length = minutes->len;
    }
  icat_test_group_run (group, 0, NULL);
  seqs = _icat_sync_list_numbered (group->folder, icat_test_group_device (group, 0), "", ".icatsync");
  for (guint i = 0; i < seqs->len; i++)
    {
      g_autofree char *path = icat_test_group_file (group, 0, g_array_index (seqs, gint64, i));
      GStatBuf info;

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      total += info.st_size;
      largest = MAX (largest, (guint64) info.st_size);
    }
  g_print ("| a day of minutes: %d hours, an autosave every 2 s, a sync run every %d saves | files | bytes | per hour | largest file |\n"
           "|---|---|---|---|---|\n", n_hours, run_every);
  g_print ("| one agenda item an hour, %" G_GSIZE_FORMAT " characters each | %u | %" G_GUINT64_FORMAT
           " | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " |\n",
           typed_length, seqs->len, total, n_hours > 0 ? total / n_hours : 0, largest);
  g_print ("(%.0f s to save and publish)\n", ms_since (start) / 1000);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes, "Changes laptop B applies", "N" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &n_saves, "Saves timed for the journal's share", "N" },
    { "hours", 0, 0, G_OPTION_ARG_INT, &n_hours, "Hours of minute-taking", "N" },
    { "run-every", 0, 0, G_OPTION_ARG_INT, &run_every, "Autosaves between two sync runs (30: once a minute; 0: one run at the end)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— what merging costs");
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  /* The group's key goes into a folder of the benchmark's own. */
  home = icat_test_tmpdir_new ();
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  {
    g_autoptr(IcatTestGroup) group = icat_test_group_new (2);

    bench_applying (group);
    bench_journal (group);
  }
  bench_minutes ();
  icat_test_tmpdir_free (g_steal_pointer (&home));
  return EXIT_SUCCESS;
}
