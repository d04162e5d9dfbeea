/* test-power-loss.c — a power cut at any moment loses nothing acknowledged
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store works through the test VFS (icat-test-vfs.c), which holds every
 * write until its file is synced, and the power is cut at a random write or
 * sync: what was held is lost (or, every other trial, a random part of it
 * reaches the disk). The database is then reopened as it is on the disk,
 * through SQLite's plain VFS, and must be sound (integrity_check,
 * foreign_key_check, the store's check) and hold exactly the edits that
 * were acknowledged, with at most the one in progress whole, never a part
 * of it.
 *
 * A first run without a cut records the state after each step and counts
 * the moments a cut can hit. ICAT_POWER_LOSS_TRIALS sets the number of
 * trials per workload (a quick run by default) and ICAT_POWER_LOSS_SEED
 * the first trial's seed, to replay a failure.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "icat-store.h"
#include "icat-test-state.h"
#include "icat-test-util.h"
#include "icat-test-vfs.h"

#define MEETING_ID "7a0c0e52-1d3b-4f6a-9c21-000000000001"
#define AGENDA_1_ID "7a0c0e52-1d3b-4f6a-9c21-000000000002"
#define AGENDA_2_ID "7a0c0e52-1d3b-4f6a-9c21-000000000003"
#define ACTION_ID "7a0c0e52-1d3b-4f6a-9c21-000000000004"
#define PAPER_ID "7a0c0e52-1d3b-4f6a-9c21-000000000006"

typedef struct {
  IcatStore *store;
  char      *agency;  /* UNODC, from the seed */
} Work;

typedef gboolean (*Step) (Work *work, GError **error);

static char *template_dir;
static char *template_path;
static guint n_trials;
static guint32 first_seed;

static gboolean
save (Work        *work,
      const char  *kind,
      const char  *json,
      GError     **error)
{
  g_autoptr(GString) text = g_string_new (json);
  g_autoptr(JsonObject) changes = NULL;
  g_autofree char *id = NULL;

  g_string_replace (text, "@AGENCY@", work->agency, 0);
  changes = icat_test_object (text->str);
  id = icat_store_save (work->store, kind, changes, error);
  return id != NULL;
}

static gboolean
save_new_meeting (Work    *work,
                  GError **error)
{
  return save (work, "meeting",
               "{\"id\": \"" MEETING_ID "\", \"kind\": \"working-group\","
               " \"title\": {\"en\": \"Working Group, spring\", \"zh\": \"工作组春季会议\"},"
               " \"starts_at\": \"2026-04-14T08:00:00.000Z\", \"ends_at\": \"2026-04-14T10:00:00.000Z\","
               " \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
               " \"host\": \"@AGENCY@\","
               " \"agenda\": [{\"id\": \"" AGENDA_1_ID "\", \"position\": 0, \"title\": \"议程通过\","
               "               \"presenter\": \"@AGENCY@\", \"minutes\": \"会议通过了议程。\"},"
               "              {\"id\": \"" AGENDA_2_ID "\", \"position\": 1, \"title\": \"Work plan\"}]}",
               error);
}

/* Minutes long enough to fill many pages, so the commit spans many writes. */
static gboolean
save_long_minutes (Work    *work,
                   GError **error)
{
  g_autoptr(GString) json = g_string_new ("{\"id\": \"" MEETING_ID "\", \"agenda\": [{\"id\": \"" AGENDA_1_ID "\","
                                          " \"position\": 0, \"title\": \"议程通过\", \"minutes\": \"");

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (json, "第%u段：工作组讨论了二〇二六年工作计划。The group discussed the plan. ", i);
  g_string_append (json, "\"}, {\"id\": \"" AGENDA_2_ID "\", \"position\": 1, \"title\": \"Work plan\"}]}");
  return save (work, "meeting", json->str, error);
}

static gboolean
save_action_item (Work    *work,
                  GError **error)
{
  return save (work, "action_item",
               "{\"id\": \"" ACTION_ID "\", \"title\": \"Circulate the draft\", \"owner\": \"@AGENCY@\","
               " \"status\": \"open\", \"due\": \"2026-05-01\", \"meeting\": \"" MEETING_ID "\","
               " \"agenda_item\": \"" AGENDA_2_ID "\"}",
               error);
}

static gboolean
import_paper (Work    *work,
              GError **error)
{
  static const char document[] =
    "{\"format\": \"icat-tracker\", \"version\": 1, \"exported_at\": \"2026-03-01T00:00:00.000Z\","
    " \"agencies\": [{\"id\": \"7a0c0e52-1d3b-4f6a-9c21-000000000005\", \"created_at\": \"2026-03-01T00:00:00.000Z\","
    "   \"updated_at\": \"2026-03-01T00:00:00.000Z\", \"updated_by\": \"7a0c0e52-1d3b-4f6a-9c21-0000000000ff\","
    "   \"acronym\": \"TESTAG\", \"name\": {\"en\": \"Test agency\", \"zh\": \"测试机构\"}, \"kind\": \"regional\"}],"
    " \"papers\": [{\"id\": \"" PAPER_ID "\", \"created_at\": \"2026-03-01T00:00:00.000Z\","
    "   \"updated_at\": \"2026-03-01T00:00:00.000Z\", \"updated_by\": \"7a0c0e52-1d3b-4f6a-9c21-0000000000ff\","
    "   \"kind\": \"issue-brief\", \"title\": {\"en\": \"Trafficking and technology\", \"zh\": \"人口贩运与技术\"},"
    "   \"year\": 2026, \"status\": \"drafting\","
    "   \"lead_agencies\": [\"7a0c0e52-1d3b-4f6a-9c21-000000000005\"]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, sizeof document - 1);

  return icat_store_import (work->store, bytes, "paper.json", ICAT_IMPORT_DEFAULT, NULL, error);
}

static gboolean
delete_action_item (Work    *work,
                    GError **error)
{
  return icat_store_delete (work->store, "action_item", ACTION_ID, error);
}

static gboolean
undo (Work    *work,
      GError **error)
{
  return icat_store_undo (work->store, error);
}

typedef struct {
  GError  *error;
  gboolean done;
} AsyncResult;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *outcome = user_data;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &outcome->error);

  outcome->done = TRUE;
}

/* As the app saves: on the store's writing thread. */
static gboolean
save_paper_status_async (Work    *work,
                         GError **error)
{
  g_autoptr(JsonObject) changes = icat_test_object ("{\"id\": \"" PAPER_ID "\", \"status\": \"agency-review\"}");
  AsyncResult outcome = { NULL, FALSE };

  icat_store_save_async (work->store, "paper", changes, NULL, saved_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  if (outcome.error != NULL)
    return g_propagate_error (error, outcome.error), FALSE;
  return TRUE;
}

static gboolean
restore_seed (Work    *work,
              GError **error)
{
  g_autoptr(GBytes) seed = g_resources_lookup_data (RESOURCE_PREFIX "/seed/icat.json", 0, NULL);

  g_assert_nonnull (seed);
  return icat_store_import (work->store, seed, "icat.json", ICAT_IMPORT_REPLACE, NULL, error);
}

static const Step workload[] = {
  save_new_meeting,
  save_action_item,
  save_long_minutes,
  import_paper,
  delete_action_item,
  undo,
  save_paper_status_async,
  restore_seed,
  save_new_meeting,
  undo,
};

/* Runs the steps until one fails; returns how many were acknowledged.
 * A first run records the state after each step and the number of writes
 * and syncs done by the end of each (opening is step 0). */
static guint
run_workload (const char *path,
              GPtrArray  *states,
              GArray     *marks)
{
  g_autoptr(GError) error = NULL;
  Work work = { 0 };
  guint acknowledged = 0;

  work.store = icat_store_open (path, &error);
  if (work.store == NULL)
    return 0;
  work.agency = icat_test_agency_id (work.store, "UNODC");
  for (;; acknowledged++)
    {
      if (states != NULL)
        {
          guint events = icat_test_vfs_count_events ();

          g_ptr_array_add (states, icat_test_state (work.store));
          g_array_append_val (marks, events);
        }
      if (acknowledged == G_N_ELEMENTS (workload) || !workload[acknowledged] (&work, &error))
        break;
    }
  if (states != NULL)
    g_assert_no_error (error);
  g_free (work.agency);
  g_object_unref (work.store);
  return acknowledged;
}

/* A cut in a step chosen at random, at a random write or sync of it, so
 * that a large step does not take most of the trials. */
static guint
choose_cut (GRand  *rand,
            GArray *marks)
{
  guint step = g_rand_int_range (rand, 0, marks->len);
  guint from = step == 0 ? 0 : g_array_index (marks, guint, step - 1);
  guint to = g_array_index (marks, guint, step);

  if (to <= from)
    return g_rand_int_range (rand, 1, g_array_index (marks, guint, marks->len - 1) + 1);
  return g_rand_int_range (rand, from + 1, to + 1);
}

/* Reopens what is on the disk and finds one of the states allowed. */
static void
assert_recovered (const char  *path,
                  GPtrArray   *states,
                  guint        acknowledged,
                  guint32      seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autofree char *state = NULL;

  icat_test_assert_sound (path);
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  icat_test_assert_checked (store);
  state = icat_test_state (store);
  if (g_strcmp0 (state, states->pdata[acknowledged]) == 0)
    return;
  if (acknowledged + 1 < states->len && g_strcmp0 (state, states->pdata[acknowledged + 1]) == 0)
    return;
  g_error ("trial with seed %u: after %u acknowledged steps the database holds neither their "
           "result nor that of the next step", seed, acknowledged);
}

static void
test_workload (void)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "reference.db", NULL);
  guint events;

  icat_test_copy_file (template_path, path);
  icat_test_vfs_install ();
  g_assert_cmpuint (run_workload (path, states, marks), ==, G_N_ELEMENTS (workload));
  events = icat_test_vfs_count_events ();
  icat_test_vfs_uninstall ();
  g_assert_cmpuint (events, >, 20);
  g_test_message ("%u writes and syncs in the workload", events);

  for (guint trial = 0; trial < n_trials; trial++)
    {
      guint32 seed = first_seed + trial;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *name = g_strdup_printf ("trial-%u.db", trial);
      g_autofree char *trial_path = g_build_filename (dir, name, NULL);
      guint cut_at = choose_cut (rand, marks);
      guint acknowledged;

      icat_test_copy_file (template_path, trial_path);
      icat_test_vfs_install ();
      icat_test_vfs_cut_power_at (cut_at, trial % 2 == 1, seed);
      acknowledged = run_workload (trial_path, NULL, NULL);
      g_assert_true (icat_test_vfs_power_is_cut ());
      icat_test_vfs_uninstall ();
      g_test_message ("seed %u: cut at %u of %u, %u steps acknowledged", seed, cut_at, events, acknowledged);
      assert_recovered (trial_path, states, acknowledged, seed);
      g_assert_no_errno (g_remove (trial_path));
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Opens a database (migrating or creating it) and saves one edit. */
static guint
open_and_save (const char *path,
               GPtrArray  *states)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = icat_store_open (path, &error);
  g_autoptr(JsonObject) changes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *agency = NULL;

  if (store == NULL)
    return 0;
  if (states != NULL)
    g_ptr_array_add (states, icat_test_state (store));
  agency = icat_test_agency_id (store, "UNODC");
  changes = icat_test_object ("{\"id\": \"" ACTION_ID "\", \"title\": \"迁移之后\", \"status\": \"open\"}");
  json_object_set_string_member (changes, "owner", agency);
  id = icat_store_save (store, "action_item", changes, &error);
  if (id == NULL)
    return 1;
  if (states != NULL)
    g_ptr_array_add (states, icat_test_state (store));
  return 2;
}

/* fixture: a database file to start from, or NULL for a first start. */
static void
test_opening (gconstpointer data)
{
  const char *fixture_name = data;
  g_autofree char *fixture = fixture_name ? g_test_build_filename (G_TEST_DIST, "data", fixture_name, NULL) : NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "reference.db", NULL);
  guint events;

  if (fixture != NULL)
    icat_test_copy_file (fixture, path);
  icat_test_vfs_install ();
  g_assert_cmpuint (open_and_save (path, states), ==, 2);
  events = icat_test_vfs_count_events ();
  icat_test_vfs_uninstall ();
  g_test_message ("%u writes and syncs", events);

  for (guint trial = 0; trial < MAX (n_trials / 3, 1); trial++)
    {
      guint32 seed = first_seed + trial;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *name = g_strdup_printf ("trial-%u.db", trial);
      g_autofree char *trial_path = g_build_filename (dir, name, NULL);
      guint cut_at = g_rand_int_range (rand, 1, events + 1);
      guint reached;

      if (fixture != NULL)
        icat_test_copy_file (fixture, trial_path);
      icat_test_vfs_install ();
      icat_test_vfs_cut_power_at (cut_at, trial % 2 == 1, seed);
      reached = open_and_save (trial_path, NULL);
      icat_test_vfs_uninstall ();
      g_test_message ("seed %u: cut at %u of %u, reached %u", seed, cut_at, events, reached);
      /* Whatever the cut interrupted, the next start finishes opening. */
      assert_recovered (trial_path, states, reached == 2 ? 1 : 0, seed);
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  icat_test_init (&argc, &argv);
  n_trials = icat_test_env_uint ("ICAT_POWER_LOSS_TRIALS", 50);
  first_seed = icat_test_env_seed ("ICAT_POWER_LOSS_SEED");
  g_test_message ("ICAT_POWER_LOSS_SEED=%u replays these trials", first_seed);
  template_dir = icat_test_tmpdir_new ();
  template_path = icat_test_seeded_template (template_dir);

  g_test_add_func ("/power-loss/workload", test_workload);
  g_test_add_data_func ("/power-loss/migration", "schema-v1.db", test_opening);
  g_test_add_data_func ("/power-loss/first-start", NULL, test_opening);
  status = g_test_run ();

  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
  g_free (template_path);
  return status;
}
