/* test-sync-decide.c — a merged value decides a conflict; lists find the
 * records that wait for a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two laptops of one group (two stores, two databases, one sync folder),
 * each case checked on both after they exchange their files.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-store-private.h"
#include "icat-sync-private.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

static void
exchange (IcatTestGroup *group)
{
  icat_test_group_run (group, 0, NULL);
  icat_test_group_run (group, 1, NULL);
  icat_test_group_run (group, 0, NULL);
}

static char *
new_meeting (IcatTestGroup *group)
{
  g_autoptr(JsonObject) meeting = json_object_new ();
  g_autoptr(JsonObject) title = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (title, "en", "Working Group");
  json_object_set_string_member (meeting, "kind", "working-group");
  json_object_set_object_member (meeting, "title", g_steal_pointer (&title));
  json_object_set_string_member (meeting, "starts_at", "2027-03-01T09:00:00.000Z");
  json_object_set_string_member (meeting, "date_precision", "day");
  json_object_set_string_member (meeting, "timezone", "Europe/Vienna");
  json_object_set_string_member (meeting, "note", "Agreed agenda");
  id = icat_store_save (group->laptops[0], "meeting", meeting, &error);
  g_assert_no_error (error);
  exchange (group);
  return id;
}

/* Both laptops typed the meeting's note: one open conflict on each. */
static char *
clash_on_note (IcatTestGroup *group,
               const char    *meeting)
{
  g_autoptr(GPtrArray) conflicts = NULL;

  icat_test_sync_set_text (group->laptops[0], "meeting", meeting, "note", "Typed on A");
  icat_test_sync_set_text (group->laptops[1], "meeting", meeting, "note", "Typed on B");
  exchange (group);
  conflicts = icat_sync_conflicts (group->laptops[1], NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  return g_strdup (((IcatSyncConflict *) conflicts->pdata[0])->id);
}

static char *
note_of (IcatStore  *store,
         const char *meeting)
{
  g_autoptr(JsonObject) record = icat_store_read (store, "meeting", meeting, NULL);

  g_assert_nonnull (record);
  return g_strdup (json_object_get_string_member_with_default (record, "note", NULL));
}

static gboolean
is_resolved (IcatStore  *store,
             const char *conflict)
{
  IcatDb *db = _icat_store_get_read_db (store);
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT resolved_at FROM sync_conflict WHERE id = ?1", NULL);
  gboolean resolved;

  g_assert_nonnull (stmt);
  icat_bind_text (stmt, 1, conflict);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  resolved = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  sqlite3_reset (stmt);
  return resolved;
}

static void
test_merged_value (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *meeting = new_meeting (group);
  g_autofree char *conflict = clash_on_note (group, meeting);
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_sync_resolve_with_value (group->laptops[1], conflict,
                                               "\"Typed on A, then on B\"", &error));
  g_assert_no_error (error);
  /* Closed at once where it was decided, and on the other after a run. */
  g_assert_true (is_resolved (group->laptops[1], conflict));
  g_assert_false (is_resolved (group->laptops[0], conflict));
  exchange (group);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) open = icat_sync_conflicts (group->laptops[i], NULL);
      g_autofree char *note = note_of (group->laptops[i], meeting);

      g_assert_cmpstr (note, ==, "Typed on A, then on B");
      g_assert_cmpuint (open->len, ==, 0);
      g_assert_true (is_resolved (group->laptops[i], conflict));
    }
}

static void
test_merged_empty (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *meeting = new_meeting (group);
  g_autofree char *conflict = clash_on_note (group, meeting);
  g_autoptr(GError) error = NULL;

  /* null empties the field, on both laptops. */
  g_assert_true (icat_sync_resolve_with_value (group->laptops[0], conflict, "null", &error));
  g_assert_no_error (error);
  exchange (group);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *note = note_of (group->laptops[i], meeting);

      g_assert_null (note);
      g_assert_true (is_resolved (group->laptops[i], conflict));
    }
}

static void
test_merged_refused (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *meeting = new_meeting (group);
  g_autofree char *conflict = clash_on_note (group, meeting);
  g_autofree char *before = note_of (group->laptops[1], meeting);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *not_values[] = { "[\"a\", \"b\"]", "{\"en\": \"x\"}", "not json", "" };

  for (guint i = 0; i < G_N_ELEMENTS (not_values); i++)
    {
      g_assert_false (icat_sync_resolve_with_value (group->laptops[1], conflict, not_values[i], &error));
      g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (icat_sync_resolve_with_value (group->laptops[1], "ffffffff", "\"x\"", &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nothing was written and the conflict is still open. */
  after = note_of (group->laptops[1], meeting);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (is_resolved (group->laptops[1], conflict));
}

static void
test_merged_not_a_field (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *meeting = new_meeting (group);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  IcatSyncConflict *deleted;

  g_assert_true (icat_store_delete (group->laptops[0], "meeting", meeting, &error));
  icat_test_sync_set_text (group->laptops[1], "meeting", meeting, "venue", "Geneva");
  exchange (group);
  conflicts = icat_sync_conflicts (group->laptops[0], NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  deleted = conflicts->pdata[0];
  g_assert_cmpstr (deleted->kind, ==, "deleted");
  /* A deleted record has no one field to merge into. */
  g_assert_false (icat_sync_resolve_with_value (group->laptops[0], deleted->id, "\"Geneva\"", &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_false (is_resolved (group->laptops[0], deleted->id));
}

static void
assert_marked (IcatStore  *store,
               const char *meeting,
               gboolean    marked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) records = icat_sync_conflicted_records (store, &error);
  g_autofree char *key = g_strconcat ("meeting/", meeting, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (g_hash_table_size (records), ==, marked ? 1 : 0);
  g_assert_cmpint (g_hash_table_contains (records, key), ==, marked);
}

static void
test_conflicted_records (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *meeting = new_meeting (group);
  g_autofree char *conflict = NULL;
  g_autoptr(GError) error = NULL;

  assert_marked (group->laptops[0], meeting, FALSE);
  assert_marked (group->laptops[1], meeting, FALSE);
  conflict = clash_on_note (group, meeting);
  assert_marked (group->laptops[0], meeting, TRUE);
  assert_marked (group->laptops[1], meeting, TRUE);

  /* Two conflicts of one record are one mark. */
  icat_test_sync_set_text (group->laptops[0], "meeting", meeting, "venue", "Vienna");
  icat_test_sync_set_text (group->laptops[1], "meeting", meeting, "venue", "New York");
  exchange (group);
  {
    g_autoptr(GPtrArray) open = icat_sync_conflicts (group->laptops[0], NULL);

    g_assert_cmpuint (open->len, ==, 2);
  }
  assert_marked (group->laptops[0], meeting, TRUE);

  /* Decided on one laptop: unmarked there, and on the other after a run. */
  {
    g_autoptr(GPtrArray) open = icat_sync_conflicts (group->laptops[0], NULL);

    for (guint i = 0; i < open->len; i++)
      g_assert_true (icat_sync_resolve (group->laptops[0], ((IcatSyncConflict *) open->pdata[i])->id,
                                        ICAT_SYNC_KEEP_MINE, &error));
    g_assert_no_error (error);
  }
  assert_marked (group->laptops[0], meeting, FALSE);
  assert_marked (group->laptops[1], meeting, TRUE);
  exchange (group);
  assert_marked (group->laptops[1], meeting, FALSE);
}

/* Laptop A's newest change file, as laptop B will read it next. */
static char *
publish_change (IcatTestGroup *group)
{
  g_free (icat_test_sync_add_item (group->laptops[0], "Draft the issue brief"));
  icat_test_group_run (group, 0, NULL);
  return icat_test_group_file (group, 0, icat_test_group_last_file (group, 0));
}

static IcatSyncFileProblem *
only_problem (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = icat_sync_file_problems (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  return g_ptr_array_steal_index (problems, 0);
}

static void
test_file_problems (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autoptr(IcatTestGroup) other = icat_test_group_new (1);
  g_autofree char *path = publish_change (group);
  g_autofree char *good = NULL;
  g_autofree char *stranger = NULL;
  gsize length;
  IcatSyncFileProblem *problem;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  /* Nothing refused yet. */
  icat_test_group_run (group, 1, NULL);
  none = icat_sync_file_problems (group->laptops[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* A byte changed at the end of the payload: tampered with. */
  g_free (path);
  path = publish_change (group);
  g_assert_true (g_file_get_contents (path, &good, &length, &error));
  good[length - 40] ^= 0x01;
  g_assert_true (g_file_set_contents (path, good, length, &error));
  icat_test_group_run (group, 1, NULL);
  problem = only_problem (group->laptops[1]);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_true (problem->refused);
  g_assert_cmpint (problem->problem, ==, ICAT_SYNC_PROBLEM_SIGNATURE);
  g_assert_nonnull (strstr (problem->reason, "not signed by this group’s key: changed"));
  icat_sync_file_problem_free (problem);

  /* Another group's change file in its place: named as such. */
  g_free (icat_test_sync_add_item (other->laptops[0], "Another group's item"));
  icat_test_group_run (other, 0, NULL);
  stranger = icat_test_group_file (other, 0, icat_test_group_last_file (other, 0));
  g_clear_pointer (&good, g_free);
  g_assert_true (g_file_get_contents (stranger, &good, &length, &error));
  g_assert_true (g_file_set_contents (path, good, length, &error));
  icat_test_group_run (group, 1, NULL);
  problem = only_problem (group->laptops[1]);
  g_assert_cmpint (problem->problem, ==, ICAT_SYNC_PROBLEM_OTHER_GROUP);
  g_assert_nonnull (strstr (problem->reason, "made by another group"));
  icat_sync_file_problem_free (problem);
  {
    g_autoptr(IcatSyncStatus) status = icat_sync_status (group->laptops[1], &error);

    /* `sync status` words the same. */
    g_assert_no_error (error);
    g_assert_cmpuint (status->refused->len, ==, 1);
    g_assert_nonnull (strstr (status->refused->pdata[0], path));
    g_assert_nonnull (strstr (status->refused->pdata[0], "made by another group"));
  }
}

static void
test_problem_names (void)
{
  g_autoptr(GError) newer = g_error_new_literal (ICAT_SYNC_PROBLEM_ERROR, ICAT_SYNC_PROBLEM_NEWER, "words");
  g_autoptr(GError) unreadable = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_ACCES, "Permission denied");

  /* A problem is kept by name and read back; any other error by its words. */
  g_assert_cmpstr (_icat_sync_problem_stored (newer), ==, "newer");
  g_assert_cmpint (_icat_sync_problem_parse ("newer"), ==, ICAT_SYNC_PROBLEM_NEWER);
  g_assert_nonnull (strstr (_icat_sync_problem_text ("newer"), "newer version"));
  g_assert_cmpstr (_icat_sync_problem_stored (unreadable), ==, "Permission denied");
  g_assert_cmpint (_icat_sync_problem_parse ("Permission denied"), ==, ICAT_SYNC_PROBLEM_OTHER);
  g_assert_cmpstr (_icat_sync_problem_text ("Permission denied"), ==, "Permission denied");
  g_assert_cmpint (_icat_sync_problem_parse (NULL), ==, ICAT_SYNC_PROBLEM_OTHER);
  g_assert_cmpstr (_icat_sync_problem_text (NULL), ==, "");
  g_assert_cmpint (_icat_sync_problem_parse (""), ==, ICAT_SYNC_PROBLEM_OTHER);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/sync/decide/merged-value", test_merged_value);
  g_test_add_func ("/sync/decide/merged-empty", test_merged_empty);
  g_test_add_func ("/sync/decide/merged-refused", test_merged_refused);
  g_test_add_func ("/sync/decide/merged-not-a-field", test_merged_not_a_field);
  g_test_add_func ("/sync/decide/conflicted-records", test_conflicted_records);
  g_test_add_func ("/sync/decide/file-problems", test_file_problems);
  g_test_add_func ("/sync/decide/problem-names", test_problem_names);
  return g_test_run ();
}
