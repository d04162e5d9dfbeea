/* test-sync-syncthing.c — two laptops merge through a folder that real Syncthing daemons keep in step
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two Syncthing daemons on loopback (tests/icat-test-syncthing.c) share one
 * folder. Each laptop is a database of its own used through the real
 * icat-tracker-cli ($ICAT_CLI) with its own config folder, so each has its
 * own device id and group key, and its sync folder is its daemon's copy of
 * the shared folder: what two coordinators in a meeting room would run.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "icat-test-syncthing.h"
#include "icat-test-util.h"

#define FIXED_EXPORTED_AT "2030-01-02T03:04:05.678Z"

/* The meeting both laptops edit, with explicit ids for its agenda items. */
#define MEETING_ID     "5ca1ab1e-0000-4000-8000-000000000012"
#define FIRST_ITEM_ID  "5ca1ab1e-0000-4000-8000-000000000121"
#define SECOND_ITEM_ID "5ca1ab1e-0000-4000-8000-000000000122"

#define MINUTES_FROM_VIENNA "The Working Group agreed the outline of the issue brief on online recruitment."
#define NOTE_BEFORE         "Room to be confirmed."
#define NOTE_FROM_VIENNA    "Room M0E37, Vienna International Centre."
#define NOTE_FROM_CHAIR     "Moved to the Board Room on the fourth floor."

typedef struct {
  char       *database;
  char       *config_home;
  char       *data_home;
  const char *folder;  /* the laptop's copy of the Syncthing folder */
} Laptop;

typedef struct {
  char              *dir;
  IcatTestSyncthing *syncthing;
  Laptop             vienna;  /* UNODC's laptop: starts the group */
  Laptop             chair;   /* the chair's laptop: joins it */
} Fixture;

static void
laptop_init (Laptop     *laptop,
             const char *dir,
             const char *name)
{
  g_autofree char *database = g_strconcat (name, ".db", NULL);
  g_autofree char *config = g_strconcat (name, "-config", NULL);
  g_autofree char *data = g_strconcat (name, "-data", NULL);

  laptop->database = g_build_filename (dir, database, NULL);
  laptop->config_home = g_build_filename (dir, config, NULL);
  laptop->data_home = g_build_filename (dir, data, NULL);
}

static void
laptop_clear (Laptop *laptop)
{
  g_clear_pointer (&laptop->database, g_free);
  g_clear_pointer (&laptop->config_home, g_free);
  g_clear_pointer (&laptop->data_home, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  laptop_init (&fixture->vienna, fixture->dir, "vienna");
  laptop_init (&fixture->chair, fixture->dir, "chair");
}

/* Runs after a test that returned, failed softly or skipped; an aborted
 * test program takes its daemons with it (see icat-test-syncthing.h). */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->syncthing, icat_test_syncthing_stop);
  laptop_clear (&fixture->vienna);
  laptop_clear (&fixture->chair);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* Starts the daemons, or skips the test where Syncthing is not installed. */
static gboolean
start_syncthing (Fixture *fixture)
{
  if (!icat_test_syncthing_available ())
    {
      g_test_skip ("syncthing is not installed (build-aux/dev installs it)");
      return FALSE;
    }
  fixture->syncthing = icat_test_syncthing_start (2);
  fixture->vienna.folder = icat_test_syncthing_get_folder (fixture->syncthing, 0);
  fixture->chair.folder = icat_test_syncthing_get_folder (fixture->syncthing, 1);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The transport alone                                                  */

static void
test_file_crosses (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char contents[] = "agenda item 3: minutes typed in Vienna\n";
  g_autofree char *written = NULL;
  g_autofree char *arrived = NULL;
  g_autofree char *received = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!start_syncthing (fixture))
    return;
  written = g_build_filename (fixture->vienna.folder, "minutes.txt", NULL);
  arrived = g_build_filename (fixture->chair.folder, "minutes.txt", NULL);
  start = g_get_monotonic_time ();
  g_assert_true (g_file_set_contents (written, contents, -1, &error));
  g_assert_no_error (error);
  icat_test_syncthing_wait_for_file (fixture->syncthing, 1, "minutes.txt", 30);
  g_test_message ("the file crossed in %.1f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_true (g_file_get_contents (arrived, &received, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (received, ==, contents);
}

/* ------------------------------------------------------------------ */
/* Running the command line as one laptop                               */

/* Runs icat-tracker-cli on laptop's database with laptop's own config
 * and data folders; with fixed_exported_at, an export is dated so that two
 * exports compare equal. */
static IcatTestRun
laptop_run (Laptop             *laptop,
            gboolean            fixed_exported_at,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *suppressions = g_strdup_printf ("suppressions=%s/lsan-gui.supp:print_suppressions=0",
                                                   g_getenv ("G_TEST_SRCDIR"));
  IcatTestRun run = { 0 };

  g_ptr_array_add (argv, (gpointer) g_getenv ("ICAT_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, laptop->database);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  /* As icat_test_run_program (): the CLI's fontconfig leaks, its own code does not. */
  g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", suppressions, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", laptop->config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", laptop->data_home, TRUE);
  if (fixed_exported_at)
    g_subprocess_launcher_setenv (launcher, "ICAT_TRACKER_EXPORTED_AT", FIXED_EXPORTED_AT, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "ICAT_TRACKER_EXPORTED_AT");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &run.out, &err, &error));
  g_assert_no_error (error);
  run.err = icat_test_bytes_text (err);
  run.status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  command = g_strjoinv (" ", (char **) args);
  if (*run.err != '\0')
    g_test_message ("%s: %s: %s", laptop->database, command, run.err);
  return run;
}

/* Runs a command that must succeed and returns its standard output. */
static char *
laptop_cli (Laptop             *laptop,
            const char * const *args)
{
  g_auto(IcatTestRun) run = laptop_run (laptop, FALSE, args);
  g_autofree char *command = g_strjoinv (" ", (char **) args);

  if (run.status != 0)
    g_error ("icat-tracker-cli %s on %s ended with %d: %s", command, laptop->database, run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  return icat_test_bytes_text (run.out);
}

static char *
laptop_export (Laptop *laptop)
{
  g_auto(IcatTestRun) run = laptop_run (laptop, TRUE, (const char *[]) { "export", "--format", "json", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return icat_test_bytes_text (run.out);
}

/* Whether the CLI has the sync commands yet. */
static gboolean
cli_has_sync (Laptop *laptop)
{
  g_auto(IcatTestRun) run = laptop_run (laptop, FALSE, (const char *[]) { "sync", "--help", NULL });

  return run.status == 0;
}

/* ------------------------------------------------------------------ */
/* Records in an export                                                 */

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

/* The element of list whose member is value, or NULL. */
static JsonObject *
find_element (JsonArray  *list,
              const char *member,
              const char *value)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *element = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (element, member, NULL), value) == 0)
        return element;
    }
  return NULL;
}

static JsonObject *
find_meeting (JsonNode *document)
{
  return find_element (json_object_get_array_member (json_node_get_object (document), "meetings"),
                       "id", MEETING_ID);
}

static char *
agency_id (JsonNode   *document,
           const char *acronym)
{
  JsonObject *agency = find_element (json_object_get_array_member (json_node_get_object (document), "agencies"),
                                     "acronym", acronym);

  g_assert_nonnull (agency);
  return g_strdup (json_object_get_string_member (agency, "id"));
}

/* ------------------------------------------------------------------ */
/* Edits, as a person's import of a changed export                      */

static void
import_document (Fixture    *fixture,
                 Laptop     *laptop,
                 const char *document)
{
  g_autofree char *path = g_build_filename (fixture->dir, "edit.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, document, -1, &error));
  g_assert_no_error (error);
  out = laptop_cli (laptop, (const char *[]) { "import", path, NULL });
  g_test_message ("import on %s: %s", laptop->database, out);
}

/* The meeting both laptops will edit: two agenda items, UNODC present and
 * IOM not (yet), and a note. */
static void
add_meeting (Fixture *fixture)
{
  g_autofree char *seed = laptop_export (&fixture->vienna);
  g_autoptr(JsonNode) document = parse (seed);
  g_autofree char *unodc = agency_id (document, "UNODC");
  g_autofree char *iom = agency_id (document, "IOM");
  g_autofree char *meeting = g_strdup_printf (
    "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{"
    "\"id\": \"" MEETING_ID "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", "
    "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", "
    "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\"}, "
    "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\", "
    "\"venue\": \"Vienna\", \"note\": \"" NOTE_BEFORE "\", \"agenda\": ["
    "{\"id\": \"" FIRST_ITEM_ID "\", \"position\": 0, \"title\": \"Work plan\"}, "
    "{\"id\": \"" SECOND_ITEM_ID "\", \"position\": 1, \"title\": \"Issue brief\"}], "
    "\"attendance\": [{\"agency\": \"%s\", \"present\": true}, {\"agency\": \"%s\", \"present\": false}]}]}",
    unodc, iom);

  import_document (fixture, &fixture->vienna, meeting);
}

/* A change to the meeting as an export shows it. */
typedef void (*MeetingEdit) (JsonObject *meeting,
                             JsonNode   *document);

/* Exports laptop's database, lets edit change the meeting, and imports
 * the meeting alone, dated a minute from now so that import takes it. */
static void
edit_meeting (Fixture     *fixture,
              Laptop      *laptop,
              MeetingEdit  edit)
{
  g_autofree char *text = laptop_export (laptop);
  g_autoptr(JsonNode) document = parse (text);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 1);
  g_autoptr(JsonNode) changed = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) frame = json_object_new ();
  g_autoptr(JsonArray) meetings = json_array_new ();
  g_autofree char *updated_at = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *changed_text = NULL;
  JsonObject *meeting = find_meeting (document);

  g_assert_nonnull (meeting);
  edit (meeting, document);
  json_object_set_string_member (meeting, "updated_at", updated_at);
  json_array_add_object_element (meetings, json_object_ref (meeting));
  json_object_set_string_member (frame, "format", "icat-tracker");
  json_object_set_int_member (frame, "version", 1);
  json_object_set_array_member (frame, "meetings", json_array_ref (meetings));
  json_node_set_object (changed, frame);
  changed_text = json_to_string (changed, TRUE);
  import_document (fixture, laptop, changed_text);
}

/* In Vienna: the minutes of the second agenda item, and the room. */
static void
type_minutes_in_vienna (JsonObject *meeting,
                        JsonNode   *document)
{
  JsonObject *item = find_element (json_object_get_array_member (meeting, "agenda"), "id", SECOND_ITEM_ID);

  g_assert_nonnull (item);
  json_object_set_string_member (item, "minutes", MINUTES_FROM_VIENNA);
  json_object_set_string_member (meeting, "note", NOTE_FROM_VIENNA);
}

/* At the chair's: IOM was there after all, and the room changed. */
static void
tick_attendance_at_chair (JsonObject *meeting,
                          JsonNode   *document)
{
  g_autofree char *iom = agency_id (document, "IOM");
  JsonObject *row = find_element (json_object_get_array_member (meeting, "attendance"), "agency", iom);

  g_assert_nonnull (row);
  json_object_set_boolean_member (row, "present", TRUE);
  json_object_set_string_member (meeting, "note", NOTE_FROM_CHAIR);
}

/* ------------------------------------------------------------------ */
/* Two laptops                                                          */

/* The snapshot `sync init` wrote: "<device-id>/snapshot-<seq>.icatsnap"
 * inside the laptop's sync folder, the only folder not Syncthing's own. */
static char *
find_snapshot (Laptop *laptop)
{
  g_autoptr(GDir) folder = g_dir_open (laptop->folder, 0, NULL);
  g_autoptr(GDir) device = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *device_path = NULL;
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (name[0] != '.')
      {
        g_assert_null (device_id);
        device_id = g_strdup (name);
      }
  g_assert_nonnull (device_id);
  device_path = g_build_filename (laptop->folder, device_id, NULL);
  device = g_dir_open (device_path, 0, NULL);
  g_assert_nonnull (device);
  while ((name = g_dir_read_name (device)) != NULL)
    if (g_str_has_prefix (name, "snapshot-") && g_str_has_suffix (name, ".icatsnap"))
      return g_build_filename (device_id, name, NULL);
  g_error ("no snapshot in %s", device_path);
}

/* The join file, carried from one laptop to the other as a person would:
 * a copy only its owner reads. */
static char *
hand_over (const char *join_file,
           const char *dir)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *copy = g_build_filename (dir, "join-copy", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (join_file, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error));
  g_assert_no_error (error);
  return copy;
}

/* Joining from a folder that holds no snapshot yet (Syncthing has not
 * brought it) fails with a one-line error and leaves laptop free to join
 * again once it has. */
static void
join_too_early (Laptop     *laptop,
                const char *dir,
                const char *join_file)
{
  g_autofree char *empty = g_build_filename (dir, "not-synced-yet", NULL);
  g_autofree char *out = NULL;
  g_auto(IcatTestRun) run = { 0 };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  run = laptop_run (laptop, FALSE, (const char *[]) { "sync", "join", "--folder", empty, join_file, NULL });
  out = icat_test_bytes_text (run.out);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "icat-tracker-cli: "));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
}

/* Vienna starts a group, its snapshot crosses, the chair joins from it. */
static void
form_group (Fixture *fixture)
{
  g_autofree char *join_file = g_build_filename (fixture->dir, "group.icatjoin", NULL);
  g_autofree char *out = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *copy = NULL;
  GStatBuf status;

  out = laptop_cli (&fixture->vienna, (const char *[]) { "sync", "init", "--folder", fixture->vienna.folder,
                                                         "--join-file", join_file,
                                                         "--name", "UNODC Vienna laptop", NULL });
  g_test_message ("sync init: %s", out);
  g_assert_cmpint (g_stat (join_file, &status), ==, 0);
  g_assert_cmpint (status.st_mode & 0777, ==, 0600);
  copy = hand_over (join_file, fixture->dir);
  join_too_early (&fixture->chair, fixture->dir, copy);
  snapshot = find_snapshot (&fixture->vienna);
  icat_test_syncthing_wait_for_file (fixture->syncthing, 1, snapshot, 30);
  g_clear_pointer (&out, g_free);
  out = laptop_cli (&fixture->chair, (const char *[]) { "sync", "join", "--folder", fixture->chair.folder,
                                                        "--name", "Chair laptop", copy, NULL });
  g_test_message ("sync join: %s", out);
}

static void
sync_run (Laptop *laptop)
{
  g_autofree char *out = laptop_cli (laptop, (const char *[]) { "sync", "run", NULL });

  g_test_message ("sync run on %s: %s", laptop->database, out);
}

/* One round of `sync run` on both laptops; true once their exports are
 * the same. Between rounds Syncthing has half a second to carry files. */
static gboolean
laptops_agree (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *vienna = NULL;
  g_autofree char *chair = NULL;

  sync_run (&fixture->vienna);
  sync_run (&fixture->chair);
  vienna = laptop_export (&fixture->vienna);
  chair = laptop_export (&fixture->chair);
  if (g_strcmp0 (vienna, chair) == 0)
    return TRUE;
  g_usleep (G_USEC_PER_SEC / 2);
  return FALSE;
}

/* Both edits are in the laptop's data, and its note is one of the two. */
static void
assert_merged (Laptop *laptop)
{
  g_autofree char *text = laptop_export (laptop);
  g_autoptr(JsonNode) document = parse (text);
  g_autofree char *iom = agency_id (document, "IOM");
  g_autofree char *unodc = agency_id (document, "UNODC");
  JsonObject *meeting = find_meeting (document);
  JsonObject *item, *first_item, *iom_row, *unodc_row;
  const char *note;

  g_assert_nonnull (meeting);
  item = find_element (json_object_get_array_member (meeting, "agenda"), "id", SECOND_ITEM_ID);
  first_item = find_element (json_object_get_array_member (meeting, "agenda"), "id", FIRST_ITEM_ID);
  g_assert_nonnull (item);
  g_assert_nonnull (first_item);
  g_assert_cmpstr (json_object_get_string_member_with_default (item, "minutes", NULL), ==, MINUTES_FROM_VIENNA);
  g_assert_null (json_object_get_string_member_with_default (first_item, "minutes", NULL));
  iom_row = find_element (json_object_get_array_member (meeting, "attendance"), "agency", iom);
  unodc_row = find_element (json_object_get_array_member (meeting, "attendance"), "agency", unodc);
  g_assert_nonnull (iom_row);
  g_assert_nonnull (unodc_row);
  g_assert_true (json_object_get_boolean_member (iom_row, "present"));
  g_assert_true (json_object_get_boolean_member (unodc_row, "present"));
  note = json_object_get_string_member_with_default (meeting, "note", NULL);
  if (g_strcmp0 (note, NOTE_FROM_VIENNA) != 0 && g_strcmp0 (note, NOTE_FROM_CHAIR) != 0)
    g_error ("the merged note is “%s”, neither laptop's", note);
}

static guint
count_occurrences (const char *text,
                   const char *part)
{
  guint count = 0;

  for (const char *found = strstr (text, part); found != NULL; found = strstr (found + 1, part))
    count++;
  return count;
}

/* One open conflict, about the meeting's note, holding both texts; the
 * minutes and the attendance merged without one. */
static void
assert_one_note_conflict (Laptop *laptop)
{
  g_autofree char *out = laptop_cli (laptop, (const char *[]) { "sync", "conflicts", NULL });

  g_auto(GStrv) lines = NULL;
  guint record_lines = 0;

  g_test_message ("sync conflicts on %s:\n%s", laptop->database, out);
  g_assert_cmpuint (count_occurrences (out, NOTE_FROM_VIENNA), ==, 1);
  g_assert_cmpuint (count_occurrences (out, NOTE_FROM_CHAIR), ==, 1);
  g_assert_null (strstr (out, MINUTES_FROM_VIENNA));
  /* The line that names the record names the field too. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], MEETING_ID) != NULL)
      {
        g_assert_true (g_str_has_suffix (lines[i], " note"));
        record_lines++;
      }
  g_assert_cmpuint (record_lines, ==, 1);
}

/* Each laptop knows the other by the name it was given, and counts the
 * one open conflict. */
static void
assert_status (Laptop *laptop)
{
  g_autofree char *out = laptop_cli (laptop, (const char *[]) { "sync", "status", NULL });

  g_test_message ("sync status on %s:\n%s", laptop->database, out);
  g_assert_nonnull (strstr (out, "UNODC Vienna laptop"));
  g_assert_nonnull (strstr (out, "Chair laptop"));
  g_assert_nonnull (strstr (out, "\n1 open conflict\n"));
}

static void
test_two_laptops_merge (Fixture       *fixture,
                        gconstpointer  data)
{
  if (!cli_has_sync (&fixture->vienna))
    {
      g_test_skip ("icat-tracker-cli has no sync command yet");
      return;
    }
  if (!start_syncthing (fixture))
    return;
  add_meeting (fixture);
  form_group (fixture);

  edit_meeting (fixture, &fixture->vienna, type_minutes_in_vienna);
  edit_meeting (fixture, &fixture->chair, tick_attendance_at_chair);
  icat_test_wait_until (laptops_agree, fixture, NULL, 60);

  assert_merged (&fixture->vienna);
  assert_merged (&fixture->chair);
  assert_one_note_conflict (&fixture->vienna);
  assert_one_note_conflict (&fixture->chair);
  assert_status (&fixture->vienna);
  assert_status (&fixture->chair);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

  g_test_add ("/sync/syncthing/file-crosses", Fixture, NULL,
              fixture_set_up, test_file_crosses, fixture_tear_down);
  g_test_add ("/sync/syncthing/two-laptops-merge", Fixture, NULL,
              fixture_set_up, test_two_laptops_merge, fixture_tear_down);
  return g_test_run ();
}
