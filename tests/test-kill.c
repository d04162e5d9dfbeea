/* test-kill.c — killing icat-tracker-cli at any moment loses nothing
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real command line ($ICAT_CLI) and sends it SIGKILL at a random
 * moment of its run (measured once without a kill): imports of random
 * documents into one database, `import --replace` restores, and first
 * starts on a new database. After each kill: integrity_check and
 * foreign_key_check through SQLite's own VFS, `check` exits 0, every
 * import that exited 0 is there, the killed one is there whole or not at
 * all, and a killed first start is seeded by the next start.
 * ICAT_KILL_TRIALS sets the trials per case (a quick run by default) and
 * ICAT_KILL_SEED the first trial's seed, to replay a failure.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "icat-schema.h"
#include "icat-test-document.h"
#include "icat-test-state.h"
#include "icat-test-util.h"

static char *template_dir;
static char *template_path;
static guint n_trials;
static guint32 first_seed;

/* Runs the CLI and kills it after delay_us unless it ended before; returns
 * its exit status, or -1 when it was killed. */
static int
run_cli_killed_after (const char * const *arguments,
                      gint64              delay_us)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  GPid pid;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ICAT_CLI"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + delay_us;
  while (g_get_monotonic_time () < deadline)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
      g_usleep (200);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static gint64
time_cli (const char * const *arguments)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (run_cli_killed_after (arguments, G_MAXINT64 / 2), ==, 0);
  return g_get_monotonic_time () - start;
}

/* Any moment of a run that takes about duration µs, or a little after it:
 * some runs end before the kill. */
static gint64
random_delay (GRand  *rand,
              gint64  duration)
{
  return g_rand_int_range (rand, 0, MIN (duration * 3 / 2, G_MAXINT32 - 1) + 1);
}

/* Every "kind/id" in the database, read through SQLite's own VFS. */
static GHashTable *
stored_ids (const char *path)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\"", kinds[k]->name);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (ids, g_strconcat (kinds[k]->name, "/", sqlite3_column_text (stmt, 0), NULL));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return ids;
}

/* How many of the document's records the database holds. */
static guint
count_present (GHashTable *stored,
               GPtrArray  *document_ids)
{
  guint present = 0;

  for (guint i = 0; i < document_ids->len; i++)
    present += g_hash_table_contains (stored, document_ids->pdata[i]);
  return present;
}

static gboolean
same_ids (GHashTable *stored,
          GHashTable *expected)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (stored) != g_hash_table_size (expected))
    return FALSE;
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (stored, id))
      return FALSE;
  return TRUE;
}

static void
assert_sound_and_checked (const char *path,
                          guint32     seed)
{
  g_autofree char *output = NULL;

  icat_test_assert_sound (path);
  if (icat_test_run_cli ((const char *[]) { "--database", path, "check", NULL }, &output, NULL) != 0)
    g_error ("seed %u: check after the kill: %s", seed, output);
}

static char *
write_document (const char *dir,
                guint       trial,
                const char *document)
{
  g_autofree char *name = g_strdup_printf ("document-%u.json", trial);
  char *file = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (file, document, -1, NULL));
  return file;
}

static void
test_import (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "icat.db", NULL);
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *probe = icat_test_document_new (first_seed - 1, 20, ICAT_TEST_DOCUMENT_DEFAULT);
  g_autofree char *probe_file = write_document (dir, n_trials, probe);
  gint64 duration;

  icat_test_copy_file (template_path, path);
  /* A first import, not killed, measures how long one takes. */
  duration = time_cli ((const char *[]) { "--database", path, "import", probe_file, NULL });
  g_ptr_array_add (acknowledged, icat_test_document_ids (probe));

  for (guint trial = 0; trial < n_trials; trial++)
    {
      guint32 seed = first_seed + trial;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *document = icat_test_document_new (seed, 20, ICAT_TEST_DOCUMENT_DEFAULT);
      g_autofree char *file = write_document (dir, trial, document);
      g_autoptr(GPtrArray) ids = icat_test_document_ids (document);
      g_autoptr(GHashTable) stored = NULL;
      gint64 delay = random_delay (rand, duration);
      int status = run_cli_killed_after ((const char *[]) { "--database", path, "import", file, NULL }, delay);
      guint present;

      assert_sound_and_checked (path, seed);
      stored = stored_ids (path);
      present = count_present (stored, ids);
      g_test_message ("seed %u: killed after %" G_GINT64_FORMAT " µs of %" G_GINT64_FORMAT ", exit %d, %u of %u records",
                      seed, delay, duration, status, present, ids->len);
      if (status == 0)
        g_ptr_array_add (acknowledged, g_ptr_array_ref (ids));
      if (present != 0 && present != ids->len)
        g_error ("seed %u: %u of the %u records of a killed import are stored", seed, present, ids->len);
      g_assert_true (status == -1 || status == 0);
      for (guint i = 0; i < acknowledged->len; i++)
        g_assert_cmpuint (count_present (stored, acknowledged->pdata[i]), ==,
                          ((GPtrArray *) acknowledged->pdata[i])->len);
      g_remove (file);
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Each restore replaces the whole database: afterwards it holds what it
 * held before or exactly the file's records. */
static void
test_replace (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "icat.db", NULL);
  g_autofree char *probe = icat_test_document_new (first_seed - 1, 20, ICAT_TEST_DOCUMENT_YEARS);
  g_autofree char *probe_file = write_document (dir, n_trials, probe);
  g_autoptr(GHashTable) before = NULL;
  gint64 duration;

  icat_test_copy_file (template_path, path);
  duration = time_cli ((const char *[]) { "--database", path, "import", "--replace", probe_file, NULL });
  before = stored_ids (path);
  for (guint trial = 0; trial < n_trials; trial++)
    {
      guint32 seed = first_seed + trial;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *document = icat_test_document_new (seed, 20, ICAT_TEST_DOCUMENT_YEARS);
      g_autofree char *file = write_document (dir, trial, document);
      g_autoptr(GPtrArray) ids = icat_test_document_ids (document);
      g_autoptr(GHashTable) restored = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) stored = NULL;
      gint64 delay = random_delay (rand, duration);
      int status = run_cli_killed_after ((const char *[]) { "--database", path, "import", "--replace", file, NULL },
                                         delay);

      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (restored, ids->pdata[i]);
      assert_sound_and_checked (path, seed);
      stored = stored_ids (path);
      g_test_message ("seed %u: killed after %" G_GINT64_FORMAT " µs of %" G_GINT64_FORMAT ", exit %d",
                      seed, delay, duration, status);
      g_assert_true (status == -1 || status == 0);
      if (same_ids (stored, restored))
        {
          g_clear_pointer (&before, g_hash_table_unref);
          before = g_steal_pointer (&stored);
        }
      else if (status == 0 || !same_ids (stored, before))
        g_error ("seed %u: after a restore %s, the database holds neither the backup nor what it held before",
                 seed, status == 0 ? "that succeeded" : "killed halfway");
      g_remove (file);
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A first start killed while it creates and seeds the database: the next
 * start finds a database it can use, seeded. */
static void
test_first_start (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *reference = g_build_filename (dir, "reference.db", NULL);
  g_autoptr(GHashTable) seeded = NULL;
  gint64 duration;

  duration = time_cli ((const char *[]) { "--database", reference, "check", NULL });
  seeded = stored_ids (reference);
  g_assert_cmpuint (g_hash_table_size (seeded), >, 100);
  for (guint trial = 0; trial < n_trials; trial++)
    {
      guint32 seed = first_seed + trial;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *name = g_strdup_printf ("first-%u.db", trial);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GHashTable) stored = NULL;
      g_autofree char *output = NULL;
      gint64 delay = random_delay (rand, duration);
      int status = run_cli_killed_after ((const char *[]) { "--database", path, "check", NULL }, delay);

      g_test_message ("seed %u: first start killed after %" G_GINT64_FORMAT " µs of %" G_GINT64_FORMAT ", exit %d",
                      seed, delay, duration, status);
      g_assert_true (status == -1 || status == 0);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        icat_test_assert_sound (path);
      /* The next start. */
      if (icat_test_run_cli ((const char *[]) { "--database", path, "check", NULL }, &output, NULL) != 0)
        g_error ("seed %u: the start after a first start killed after %" G_GINT64_FORMAT " µs: %s",
                 seed, delay, output);
      icat_test_assert_sound (path);
      stored = stored_ids (path);
      if (!same_ids (stored, seeded))
        g_error ("seed %u: after a first start killed after %" G_GINT64_FORMAT " µs, the next start holds %u records "
                 "instead of the %u built in", seed, delay, g_hash_table_size (stored), g_hash_table_size (seeded));
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  icat_test_init (&argc, &argv);
  n_trials = icat_test_env_uint ("ICAT_KILL_TRIALS", 10);
  first_seed = icat_test_env_seed ("ICAT_KILL_SEED");
  g_test_message ("ICAT_KILL_SEED=%u replays these trials", first_seed);
  template_dir = icat_test_tmpdir_new ();
  template_path = icat_test_seeded_template (template_dir);

  g_test_add_func ("/kill/import", test_import);
  g_test_add_func ("/kill/replace", test_replace);
  g_test_add_func ("/kill/first-start", test_first_start);
  status = g_test_run ();

  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
  g_free (template_path);
  return status;
}
