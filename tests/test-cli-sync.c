/* test-cli-sync.c — icat-tracker-cli sync, run as the real program by two laptops
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each laptop is a database with a config folder of its own (its device id
 * and its group keys), as on two machines; they share a sync folder in the
 * test's temporary directory.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "icat-test-cli.h"
#include "icat-test-util.h"

#define VENUE_DOCUMENT(venue, updated_at) \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{" \
  "\"id\": \"11111111-1111-4111-8111-111111111111\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"" updated_at "\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\", " \
  "\"venue\": \"" venue "\", \"agenda\": [{\"id\": \"22222222-2222-4222-8222-222222222221\", \"position\": 0, " \
  "\"title\": \"Work plan\"}]}]}"

#define ITEM_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [{" \
  "\"id\": \"33333333-3333-4333-8333-333333333333\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"title\": \"Circulate the draft work plan\", \"status\": \"open\", \"due\": \"2026-04-30\", " \
  "\"owner\": \"95b8e2c6-dfec-5883-89e7-3f294c639fb6\"}]}"

typedef struct {
  Fixture  cli;
  char    *folder;
  char    *join_file;
  char    *db_b;
  char    *db_c;
  char    *passphrase;
} SyncFixture;

static void
sync_set_up (SyncFixture   *fixture,
             gconstpointer  data)
{
  fixture_set_up (&fixture->cli, data);
  fixture->folder = g_build_filename (fixture->cli.dir, "folder", NULL);
  fixture->join_file = g_build_filename (fixture->cli.dir, "group.icatjoin", NULL);
  fixture->db_b = g_build_filename (fixture->cli.dir, "b.db", NULL);
  fixture->db_c = g_build_filename (fixture->cli.dir, "c.db", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
}

static void
sync_tear_down (SyncFixture   *fixture,
                gconstpointer  data)
{
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->join_file, g_free);
  g_clear_pointer (&fixture->db_b, g_free);
  g_clear_pointer (&fixture->db_c, g_free);
  g_clear_pointer (&fixture->passphrase, g_free);
  fixture_tear_down (&fixture->cli, data);
}

/* The programs that follow run as laptop 'a' or 'b': each its own config folder. */
static void
as_laptop (SyncFixture *fixture,
           char         laptop)
{
  g_autofree char *name = g_strdup_printf ("config-%c", laptop);
  g_autofree char *config = g_build_filename (fixture->cli.dir, name, NULL);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

static const char *
database_of (SyncFixture *fixture,
             char         laptop)
{
  return laptop == 'a' ? fixture->cli.db : laptop == 'b' ? fixture->db_b : fixture->db_c;
}

static char *
sync_ok (SyncFixture *fixture,
         char         laptop,
         const char  *command,
         const char  *argument)
{
  g_autofree char *out = NULL, *err = NULL;

  as_laptop (fixture, laptop);
  g_assert_cmpint (cli (&out, &err, "--database", database_of (fixture, laptop), "sync", command, argument, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

static void
assert_run_says (SyncFixture *fixture,
                 char         laptop,
                 const char  *expected)
{
  g_autofree char *out = sync_ok (fixture, laptop, "run", NULL);

  g_assert_cmpstr (out, ==, expected);
}

static void
import_on (SyncFixture *fixture,
           char         laptop,
           const char  *document)
{
  g_autofree char *path = g_build_filename (fixture->cli.dir, "edit.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  write_file (path, document, -1);
  as_laptop (fixture, laptop);
  g_assert_cmpint (cli (&out, &err, "--database", database_of (fixture, laptop), "import", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* A makes the group, named; B joins with the passphrase A printed. */
static void
make_group (SyncFixture *fixture)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf info;

  as_laptop (fixture, 'a');
  g_assert_cmpint (cli (&out, &err, "--database", fixture->cli.db, "sync", "init", "--folder", fixture->folder,
                        "--join-file", fixture->join_file, "--name", "UNODC Vienna laptop", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  assert_contains (lines[0], fixture->join_file);
  g_assert_cmpuint (strlen (lines[1]), ==, 64);
  g_assert_cmpstr (lines[2], ==, "");
  fixture->passphrase = g_strdup (lines[1]);
  g_assert_cmpint (g_stat (fixture->join_file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  as_laptop (fixture, 'b');
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db_b, "sync", "join", "--folder", fixture->folder,
                        "--passphrase", fixture->passphrase, "--name", "Chair’s laptop", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_contains (out, "Joined the group.");
}

/* The venue of the imported meeting, as laptop's export has it. */
static char *
venue_on (SyncFixture *fixture,
          char         laptop)
{
  g_autofree char *export = export_db (database_of (fixture, laptop));
  g_autoptr(JsonObject) root = parse_object (export);
  JsonArray *meetings = json_object_get_array_member (root, "meetings");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (g_strcmp0 (json_object_get_string_member (meeting, "id"), "11111111-1111-4111-8111-111111111111") == 0)
        return g_strdup (json_object_get_string_member (meeting, "venue"));
    }
  g_error ("the meeting is not in laptop %c's export", laptop);
}

static void
assert_venue (SyncFixture *fixture,
              const char  *venue)
{
  for (char laptop = 'a'; laptop <= 'b'; laptop++)
    {
      g_autofree char *value = venue_on (fixture, laptop);

      g_assert_cmpstr (value, ==, venue);
    }
}

static void
assert_exports_equal (SyncFixture *fixture)
{
  g_autofree char *a = export_db (fixture->cli.db);
  g_autofree char *b = export_db (fixture->db_b);

  g_assert_cmpstr (a, ==, b);
}

/* Help and mistakes {{{ */

static void
test_help (SyncFixture   *fixture,
           gconstpointer  data)
{
  const struct { const char *command; const char *options[4]; } commands[] = {
    { NULL, { "init", "join", "resolve", NULL } },
    { "init", { "--folder", "--join-file", "--name", NULL } },
    { "join", { "--folder", "--name", "--passphrase", NULL } },
    { "run", { "--folder", NULL } },
    { "status", { "sync status", NULL } },
    { "conflicts", { "sync conflicts", NULL } },
    { "resolve", { "--keep", "mine|theirs", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      if (commands[i].command == NULL)
        g_assert_cmpint (cli (&out, &err, "--database", fixture->cli.db, "sync", "--help", NULL), ==, 0);
      else
        g_assert_cmpint (cli (&out, &err, "--database", fixture->cli.db, "sync", commands[i].command, "--help", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      assert_contains (out, "Usage:");
      for (guint o = 0; commands[i].options[o] != NULL; o++)
        assert_contains (out, commands[i].options[o]);
    }
  /* Asking for help opens no database. */
  g_assert_false (g_file_test (fixture->cli.db, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (SyncFixture   *fixture,
                   gconstpointer  data)
{
  const char *cases[][6] = {
    { NULL, NULL, NULL, NULL, NULL, "Name a sync command" },
    { "frobnicate", NULL, NULL, NULL, NULL, "Unknown sync command “frobnicate”" },
    { "init", NULL, NULL, NULL, NULL, "--join-file" },
    { "init", "--folder", "F", NULL, NULL, "--join-file" },
    { "init", "--folder", "F", "--join-file", "J extra", "Unexpected argument" },
    { "join", "J", NULL, NULL, NULL, "--folder" },
    { "join", "--folder", "F", NULL, NULL, "Name one join file, or give --passphrase" },
    { "join", "--folder", "F", "--passphrase", "ABCD J", "Name one join file, or give --passphrase" },
    { "run", "--bogus", NULL, NULL, NULL, "--bogus" },
    { "run", "extra", NULL, NULL, NULL, "Unexpected argument" },
    { "status", "extra", NULL, NULL, NULL, "Unexpected argument" },
    { "conflicts", "extra", NULL, NULL, NULL, "Unexpected argument" },
    { "resolve", "--keep", "mine", NULL, NULL, "Name one conflict" },
    { "resolve", "abcd1234", NULL, NULL, NULL, "--keep mine or --keep theirs" },
    { "resolve", "abcd1234", "--keep", "both", NULL, "--keep mine or --keep theirs" },
  };

  create_database (fixture->cli.db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *before = export_db (fixture->cli.db);
      g_autofree char *after = NULL;
      IcatTestRun run = { 0 };

      g_ptr_array_add (args, g_strdup (g_getenv ("ICAT_CLI")));
      g_ptr_array_add (args, g_strdup ("--database"));
      g_ptr_array_add (args, g_strdup (fixture->cli.db));
      g_ptr_array_add (args, g_strdup ("sync"));
      for (guint a = 0; a < 5 && cases[i][a] != NULL; a++)
        {
          g_auto(GStrv) words = g_strsplit (cases[i][a], " ", -1);

          for (guint w = 0; words[w] != NULL; w++)
            g_ptr_array_add (args, g_strdup (words[w]));
        }
      g_ptr_array_add (args, NULL);
      run = icat_test_run_program (NULL, (const char * const *) args->pdata);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (g_bytes_get_size (run.out), ==, 0);
      assert_one_line_error (run.err, cases[i][5]);
      assert_contains (run.err, "--help");
      icat_test_run_clear (&run);
      after = export_db (fixture->cli.db);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_not_in_group (SyncFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->cli.db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->cli.db, "sync", "run", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "This database is not in a group yet");
  g_clear_pointer (&out, g_free);
  out = sync_ok (fixture, 'a', "status", NULL);
  g_assert_cmpstr (out, ==, "This database is not in a group.\n");
}

static void
test_join_without_snapshot (SyncFixture   *fixture,
                            gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->cli.dir, "empty", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL, *after = NULL, *status = NULL;

  make_group (fixture);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  import_on (fixture, 'c', ITEM_DOCUMENT);
  before = export_db (fixture->db_c);
  as_laptop (fixture, 'c');
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db_c, "sync", "join", "--folder", empty,
                        fixture->join_file, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "holds no snapshot of the group yet");
  after = export_db (fixture->db_c);
  g_assert_cmpstr (before, ==, after);
  status = sync_ok (fixture, 'c', "status", NULL);
  g_assert_cmpstr (status, ==, "This database is not in a group.\n");
}

/* }}} */
/* Two laptops {{{ */

static void
test_join_file (SyncFixture   *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *status = NULL, *export_a = NULL, *export_c = NULL;

  make_group (fixture);
  /* A third laptop with the join file rather than the passphrase. */
  as_laptop (fixture, 'c');
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db_c, "sync", "join", "--folder", fixture->folder,
                        "--name", "Working Group laptop", fixture->join_file, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_contains (out, "Joined the group.");
  export_a = export_db (fixture->cli.db);
  export_c = export_db (fixture->db_c);
  g_assert_cmpstr (export_c, ==, export_a);
  status = sync_ok (fixture, 'a', "run", NULL);
  g_clear_pointer (&status, g_free);
  status = sync_ok (fixture, 'a', "status", NULL);
  assert_contains (status, "Working Group laptop");
  assert_contains (status, "Chair’s laptop");
}

static void
test_two_laptops (SyncFixture   *fixture,
                  gconstpointer  data)
{
  g_autofree char *status_a = NULL, *status_b = NULL;

  make_group (fixture);
  import_on (fixture, 'a', VENUE_DOCUMENT ("Geneva", "2026-02-01T10:00:00.000Z"));
  import_on (fixture, 'b', ITEM_DOCUMENT);
  assert_run_says (fixture, 'a', "applied 0 changes from 0 laptops; 0 conflicts; published 1 change\n");
  assert_run_says (fixture, 'b', "applied 1 change from 1 laptop; 0 conflicts; published 1 change\n");
  assert_run_says (fixture, 'a', "applied 1 change from 1 laptop; 0 conflicts; published 0 changes\n");
  assert_run_says (fixture, 'b', "applied 0 changes from 0 laptops; 0 conflicts; published 0 changes\n");
  assert_exports_equal (fixture);

  status_a = sync_ok (fixture, 'a', "status", NULL);
  status_b = sync_ok (fixture, 'b', "status", NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *status = i == 0 ? status_a : status_b;

      assert_contains (status, "UNODC Vienna laptop");
      assert_contains (status, "Chair’s laptop");
      assert_contains (status, "0 changes not yet shared");
      assert_contains (status, "0 open conflicts");
    }
  assert_contains (status_a, "UNODC Vienna laptop (");
  assert_contains (status_a, ", this laptop)");
}

/* The first line of `sync conflicts`: "<id> field meeting/<id> venue". */
static char *
first_conflict_id (const char *listing)
{
  g_auto(GStrv) words = g_strsplit (listing, " ", 2);

  g_assert_cmpuint (strlen (words[0]), ==, 8);
  return g_strdup (words[0]);
}

static void
test_conflict_resolved (SyncFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *listing_a = NULL, *listing_b = NULL, *id = NULL;

  make_group (fixture);
  import_on (fixture, 'a', VENUE_DOCUMENT ("Geneva", "2026-02-01T10:00:00.000Z"));
  g_free (sync_ok (fixture, 'a', "run", NULL));
  g_free (sync_ok (fixture, 'b', "run", NULL));
  /* The same field on both, offline. */
  import_on (fixture, 'a', VENUE_DOCUMENT ("Vienna", "2026-02-02T10:00:00.000Z"));
  import_on (fixture, 'b', VENUE_DOCUMENT ("New York", "2026-02-02T11:00:00.000Z"));
  assert_run_says (fixture, 'a', "applied 0 changes from 0 laptops; 0 conflicts; published 1 change\n");
  assert_run_says (fixture, 'b', "applied 1 change from 1 laptop; 1 conflict; published 1 change\n");
  assert_run_says (fixture, 'a', "applied 1 change from 1 laptop; 1 conflict; published 0 changes\n");
  assert_exports_equal (fixture);
  /* B's edit is the later one: it stands, and A's is kept in the conflict. */
  assert_venue (fixture, "New York");

  listing_a = sync_ok (fixture, 'a', "conflicts", NULL);
  listing_b = sync_ok (fixture, 'b', "conflicts", NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *listing = i == 0 ? listing_a : listing_b;

      assert_contains (listing, " field meeting/11111111-1111-4111-8111-111111111111 venue\n");
      assert_contains (listing, "\"Vienna\"");
      assert_contains (listing, "\"New York\"");
    }
  for (char laptop = 'a'; laptop <= 'b'; laptop++)
    {
      g_autofree char *status = sync_ok (fixture, laptop, "status", NULL);

      assert_contains (status, "\n1 open conflict\n");
    }
  id = first_conflict_id (listing_b);
  g_assert_true (g_str_has_prefix (listing_a, id));
  assert_contains (listing_b, "  mine:   \"New York\" (");
  assert_contains (listing_b, "  theirs: \"Vienna\" (");
  /* Each laptop's own value is its "mine", named by the laptop's name. */
  assert_contains (listing_a, "  mine:   \"Vienna\" (UNODC Vienna laptop, ");
  assert_contains (listing_a, "  theirs: \"New York\" (");

  as_laptop (fixture, 'b');
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (cli (&out, &err, "--database", fixture->db_b, "sync", "resolve", id, "--keep", "theirs", NULL), ==, 0);
    g_assert_cmpstr (err, ==, "");
  }
  assert_run_says (fixture, 'b', "applied 0 changes from 0 laptops; 0 conflicts; published 1 change\n");
  assert_run_says (fixture, 'a', "applied 1 change from 1 laptop; 0 conflicts; published 0 changes\n");
  for (char laptop = 'a'; laptop <= 'b'; laptop++)
    {
      g_autofree char *listing = sync_ok (fixture, laptop, "conflicts", NULL);
      g_autofree char *status = sync_ok (fixture, laptop, "status", NULL);

      g_assert_cmpstr (listing, ==, "");
      assert_contains (status, "0 open conflicts");
    }
  assert_exports_equal (fixture);
  assert_venue (fixture, "Vienna");
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/sync/" path, SyncFixture, NULL, sync_set_up, func, sync_tear_down)
  ADD ("help", test_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("not-in-group", test_not_in_group);
  ADD ("join-without-snapshot", test_join_without_snapshot);
  ADD ("join-file", test_join_file);
  ADD ("two-laptops", test_two_laptops);
  ADD ("conflict-resolved", test_conflict_resolved);
#undef ADD

  return g_test_run ();
}
