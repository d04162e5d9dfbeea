/* test-io-faults.c — a failed read, write or sync is told, changes nothing,
 * and the next attempt succeeds
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test VFS (icat-test-vfs.c) fails the Nth read, write or sync of an
 * import, a save, an undo and the migration, once. A first run counts the
 * calls of each kind the operation makes; the faults then hit the first
 * calls, the last ones and some between (every one with
 * ICAT_IO_FAULTS_ALL=1; GLib's --seed replays the choice). After each: the error is one of
 * the store's, in words (never "Database error: …"); the database reads
 * as before, byte for byte; the same operation then succeeds; and the file
 * reopened through SQLite's plain VFS is sound and holds the result.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "icat-error.h"
#include "icat-index-batch.h"
#include "icat-store.h"
#include "icat-test-state.h"
#include "icat-test-util.h"
#include "icat-test-vfs.h"

#define MEETING_ID "3c5e9a10-52b1-4d7e-8f03-000000000001"
#define AGENDA_ID "3c5e9a10-52b1-4d7e-8f03-000000000002"

typedef struct {
  const char *name;
  const char *fixture;                 /* copied to the database path; NULL: the seeded template */
  gboolean  (*prepare) (IcatStore *store);
  gboolean  (*run) (IcatStore *store, GError **error);
} Operation;

static char *template_dir;
static char *template_path;

static JsonObject *
meeting_changes (IcatStore  *store,
                 const char *minutes)
{
  g_autofree char *agency = icat_test_agency_id (store, "IOM");
  JsonObject *changes = icat_test_object ("{\"id\": \"" MEETING_ID "\", \"kind\": \"principals\","
                                          " \"title\": {\"en\": \"Principals\", \"zh\": \"负责人会议\"},"
                                          " \"starts_at\": \"2026-09-20T13:00:00.000Z\", \"date_precision\": \"minute\","
                                          " \"timezone\": \"America/New_York\", \"venue\": \"New York\"}");
  g_autoptr(GString) text = g_string_new (minutes);
  JsonArray *agenda = json_array_new ();
  JsonObject *item = json_object_new ();

  /* Several pages of minutes, so a save writes more than one page. */
  for (guint i = 0; i < 8; i++)
    g_string_append (text, text->str);
  json_object_set_string_member (item, "id", AGENDA_ID);
  json_object_set_int_member (item, "position", 0);
  json_object_set_string_member (item, "title", "Joint statement");
  json_object_set_string_member (item, "presenter", agency);
  json_object_set_string_member (item, "minutes", text->str);
  json_array_add_object_element (agenda, item);
  json_object_set_array_member (changes, "agenda", agenda);
  return changes;
}

static gboolean
save_meeting (IcatStore  *store,
              GError    **error)
{
  g_autoptr(JsonObject) changes = meeting_changes (store, "负责人讨论了联合声明。");
  g_autofree char *id = icat_store_save (store, "meeting", changes, error);

  return id != NULL;
}

static gboolean
nothing_to_prepare (IcatStore *store)
{
  return TRUE;
}

static gboolean
prepare_undo (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = save_meeting (store, &error);

  g_assert_no_error (error);
  return saved;
}

static gboolean
undo (IcatStore  *store,
      GError    **error)
{
  return icat_store_undo (store, error);
}

static gboolean
import_agencies (IcatStore  *store,
                 GError    **error)
{
  static const char document[] =
    "{\"format\": \"icat-tracker\", \"version\": 1, \"exported_at\": \"2026-06-01T00:00:00.000Z\", \"agencies\": ["
    " {\"id\": \"3c5e9a10-52b1-4d7e-8f03-000000000010\", \"created_at\": \"2026-06-01T00:00:00.000Z\","
    "  \"updated_at\": \"2026-06-01T00:00:00.000Z\", \"updated_by\": \"3c5e9a10-52b1-4d7e-8f03-0000000000ff\","
    "  \"acronym\": \"FAULTA\", \"name\": {\"en\": \"First test agency\", \"zh\": \"第一测试机构\"}, \"kind\": \"regional\"},"
    " {\"id\": \"3c5e9a10-52b1-4d7e-8f03-000000000011\", \"created_at\": \"2026-06-01T00:00:00.000Z\","
    "  \"updated_at\": \"2026-06-01T00:00:00.000Z\", \"updated_by\": \"3c5e9a10-52b1-4d7e-8f03-0000000000ff\","
    "  \"acronym\": \"FAULTB\", \"name\": {\"en\": \"Second test agency\"}, \"kind\": \"intergovernmental\","
    "  \"successor\": \"3c5e9a10-52b1-4d7e-8f03-000000000010\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, sizeof document - 1);

  return icat_store_import (store, bytes, "agencies.json", ICAT_IMPORT_DEFAULT, NULL, error);
}

/* The same import filling the full-text indexes in one pass at the end,
 * as a large one does: search_doc's triggers set aside and made again. */
static gboolean
import_agencies_in_bulk (IcatStore  *store,
                         GError    **error)
{
  gboolean imported;

  _icat_index_batch_set_always_bulk (TRUE);
  imported = import_agencies (store, error);
  _icat_index_batch_set_always_bulk (FALSE);
  return imported;
}

static const Operation operations[] = {
  { "import", NULL, nothing_to_prepare, import_agencies },
  { "import-in-bulk", NULL, nothing_to_prepare, import_agencies_in_bulk },
  { "save", NULL, nothing_to_prepare, save_meeting },
  { "undo", NULL, prepare_undo, undo },
  { "migration", "schema-v1.db", NULL, NULL },
};

static char *
fresh_database (const Operation *operation,
                const char      *dir,
                const char      *name)
{
  g_autofree char *fixture = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (operation->fixture != NULL)
    {
      fixture = g_test_build_filename (G_TEST_DIST, "data", operation->fixture, NULL);
      icat_test_copy_file (fixture, path);
    }
  else
    icat_test_copy_file (template_path, path);
  return path;
}

/* Opens the store (or, for the migration, does nothing yet) and prepares. */
static IcatStore *
open_prepared (const Operation *operation,
               const char      *path)
{
  g_autoptr(GError) error = NULL;
  IcatStore *store;

  if (operation->run == NULL)
    return NULL;
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (operation->prepare (store));
  return store;
}

/* Runs the operation; for the migration, opening is the operation and the
 * store opened is returned in *opened. */
static gboolean
run_operation (const Operation  *operation,
               IcatStore        *store,
               const char       *path,
               IcatStore       **opened,
               GError          **error)
{
  if (operation->run != NULL)
    return operation->run (store, error);
  *opened = icat_store_open (path, error);
  return *opened != NULL;
}

static void
assert_told_in_words (const GError *error,
                      int           rc)
{
  g_assert_nonnull (error);
  g_test_message ("told: %s", error->message);
  g_assert_true (error->domain == ICAT_ERROR);
  g_assert_false (g_str_has_prefix (error->message, "Database error"));
  g_assert_null (strstr (error->message, "SQLITE_"));
  if (rc == SQLITE_FULL)
    g_assert_cmpint (error->code, ==, ICAT_ERROR_DISK_FULL);
  else
    g_assert_cmpint (error->code, ==, ICAT_ERROR_IO);
}

/* The calls to fail: all of them when few or ICAT_IO_FAULTS_ALL is set
 * (the long run), else the first, the last and some between. */
static GArray *
calls_to_fail (guint count)
{
  GArray *calls = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean all = count <= 12 || g_getenv ("ICAT_IO_FAULTS_ALL") != NULL;

  for (guint n = 1; n <= count; n++)
    if (all || n <= 3 || n > count - 3 || g_test_rand_int_range (0, count) < 6)
      g_array_append_val (calls, n);
  return calls;
}

static void
fail_one_call (const Operation *operation,
               const char      *dir,
               IcatTestVfsCall  call,
               guint            nth,
               int              rc,
               const char      *expected)
{
  g_autofree char *name = g_strdup_printf ("%s-%d-%u.db", operation->name, call, nth);
  g_autofree char *path = fresh_database (operation, dir, name);
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(IcatStore) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *state = NULL;
  gboolean done;

  icat_test_vfs_install ();
  store = open_prepared (operation, path);
  before = store ? icat_test_export (store) : NULL;
  icat_test_vfs_fail_at (call, nth, rc);
  done = run_operation (operation, store, path, &opened, &error);
  g_assert_true (icat_test_vfs_fault_fired ());
  if (!done)
    {
      g_autofree char *after = store ? icat_test_export (store) : NULL;

      assert_told_in_words (error, rc);
      g_assert_cmpstr (after, ==, before);
      g_clear_error (&error);
      /* The fault has passed: the same operation now succeeds. */
      g_assert_true (run_operation (operation, store, path, &opened, &error));
      g_assert_no_error (error);
    }
  else
    g_test_message ("%s: call %u of kind %d failed and SQLite recovered", operation->name, nth, call);
  g_clear_object (&store);
  g_clear_object (&opened);
  icat_test_vfs_uninstall ();

  icat_test_assert_sound (path);
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  icat_test_assert_checked (store);
  state = icat_test_state (store);
  g_assert_cmpstr (state, ==, expected);
  g_clear_object (&store);
  g_assert_no_errno (g_remove (path));
}

static void
test_faults (gconstpointer data)
{
  const Operation *operation = data;
  static const int codes[ICAT_TEST_VFS_N_CALLS][2] = {
    [ICAT_TEST_VFS_READ] = { SQLITE_IOERR_READ, SQLITE_IOERR_READ },
    [ICAT_TEST_VFS_WRITE] = { SQLITE_IOERR_WRITE, SQLITE_FULL },
    [ICAT_TEST_VFS_SYNC] = { SQLITE_IOERR_FSYNC, SQLITE_IOERR_FSYNC },
  };
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = fresh_database (operation, dir, "reference.db");
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(IcatStore) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  guint counts[ICAT_TEST_VFS_N_CALLS];

  icat_test_vfs_install ();
  store = open_prepared (operation, path);
  before = store ? icat_test_export (store) : NULL;
  icat_test_vfs_reset ();
  g_assert_true (run_operation (operation, store, path, &opened, &error));
  g_assert_no_error (error);
  for (int call = 0; call < ICAT_TEST_VFS_N_CALLS; call++)
    counts[call] = icat_test_vfs_count (call);
  expected = icat_test_state (store ? store : opened);
  g_clear_object (&store);
  g_clear_object (&opened);
  icat_test_vfs_uninstall ();

  for (int call = 0; call < ICAT_TEST_VFS_N_CALLS; call++)
    {
      g_autoptr(GArray) nths = calls_to_fail (counts[call]);

      g_test_message ("%s: %u calls of kind %d, %u failed in turn", operation->name, counts[call], call, nths->len);
      g_assert_cmpuint (counts[call], >, 0);
      for (guint i = 0; i < nths->len; i++)
        fail_one_call (operation, dir, call, g_array_index (nths, guint, i), codes[call][i % 2], expected);
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  icat_test_init (&argc, &argv);
  template_dir = icat_test_tmpdir_new ();
  template_path = icat_test_seeded_template (template_dir);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *test_path = g_strconcat ("/io-faults/", operations[i].name, NULL);

      g_test_add_data_func (test_path, &operations[i], test_faults);
    }
  status = g_test_run ();

  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
  g_free (template_path);
  return status;
}
