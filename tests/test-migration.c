/* test-migration.c — databases of every released schema version still open
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/schema-vN.db is a database as version N of the schema wrote it
 * (the seed plus a meeting with agenda, decisions and attendance, and an
 * action item from it; from version 2 also a work plan; version 3 adds only
 * indexes; version 4 the multi-day mark, every meeting unmarked; each
 * newer file is the one before it migrated). Each must open, migrate to the
 * current version, keep every record and pass the consistency check.
 */
#include "config.h"

#include "icat-db.h"
#include "icat-error.h"
#include "icat-nested-id.h"
#include "icat-test-util.h"

/* The newest schema version a released ICAT Tracker wrote. */
#define LAST_RELEASED_VERSION 4

/* The export without the ids of nested rows that may have none, as a
 * document written before schema 5 had them. */
static GBytes *
without_nested_ids (const char *export)
{
  static const char * const lists[] = { "memberships", "focal_points", "attendance", "invited", "attachments", "history" };
  g_autoptr(JsonNode) root = json_from_string (export, NULL);
  g_autoptr(GList) kinds = NULL;
  guint removed = 0;
  char *text;

  g_assert_nonnull (root);
  kinds = json_object_get_members (json_node_get_object (root));
  for (GList *k = kinds; k != NULL; k = k->next)
    {
      JsonNode *records = json_object_get_member (json_node_get_object (root), k->data);

      for (guint r = 0; JSON_NODE_HOLDS_ARRAY (records) && r < json_array_get_length (json_node_get_array (records)); r++)
        {
          JsonObject *record = json_array_get_object_element (json_node_get_array (records), r);

          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            {
              JsonArray *rows = json_object_has_member (record, lists[l]) ? json_object_get_array_member (record, lists[l]) : NULL;

              for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
                {
                  json_object_remove_member (json_array_get_object_element (rows, i), "id");
                  removed++;
                }
            }
        }
    }
  g_assert_cmpuint (removed, >, 0);
  text = json_to_string (root, TRUE);
  return g_bytes_new_take (text, strlen (text));
}

/* The migration gives nested rows the ids an import of the same records
 * without ids derives: a laptop that migrated and one that imported agree. */
static void
assert_ids_as_import_derives (IcatStore *migrated)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) imported = icat_test_store_new (dir, NULL);
  g_autofree char *export = icat_test_export (migrated);
  g_autofree char *again = NULL;
  g_autoptr(GBytes) document = without_nested_ids (export);
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_store_import (imported, document, "migrated.json", ICAT_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  again = icat_test_export (imported);
  g_assert_cmpstr (again, ==, export);
  g_clear_object (&imported);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Version 5: nothing cascades, and the fixture's attendance rows have
 * the ids an import derives. */
static void
assert_version_5 (sqlite3 *db)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE upper (sql) LIKE '%CASCADE%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT parent_id, agency, id FROM meeting_attendance", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint n = 0;; n++)
    {
      g_autofree char *derived = NULL;

      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_assert_cmpuint (n, >, 0);
          break;
        }
      derived = icat_nested_id ((const char *) sqlite3_column_text (stmt, 0), "attendance",
                                (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, derived);
    }
  sqlite3_finalize (stmt);
}

/* Version 8: the clearance list of joint papers, empty, and the reason
 * for endorsing despite an objection, unset on every paper; the papers
 * themselves as they were (beside the papers the built-in data's
 * revision of 6 December 2026 adds, created at that revision). */
static void
assert_version_8 (sqlite3 *db,
                  int      papers_before)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM paper_clearances), "
                                           "(SELECT count(*) FROM paper WHERE endorsement_reason IS NOT NULL), "
                                           "(SELECT count(*) FROM paper WHERE created_at != ?1), "
                                           "(SELECT count(*) FROM sqlite_schema WHERE name = 'paper_clearances_agency')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, "2026-12-06T00:00:00.000Z", -1, SQLITE_STATIC), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, papers_before);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
  sqlite3_finalize (stmt);
}

static int
count_papers (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM paper", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_open_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("schema-v%d.db", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  JsonObject *agenda_item;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int papers_before;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  papers_before = count_papers (path);

  store = icat_store_open (path, &error);
  g_assert_no_error (error);

  item = icat_store_read (store, "action_item", "5e1f0c2a-6d7b-4c1e-9a3f-000000000004", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Circulate the endorsed work plan");
  g_assert_cmpstr (json_object_get_string_member (item, "agenda_item"), ==, "5e1f0c2a-6d7b-4c1e-9a3f-000000000002");
  g_assert_cmpstr (json_object_get_string_member (item, "updated_at"), ==, "2026-02-01T09:30:00.000Z");
  meeting = icat_store_read (store, "meeting", "5e1f0c2a-6d7b-4c1e-9a3f-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "agenda")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "decisions")), ==, 1);
  /* Meetings from before version 4 are not multi-day. */
  g_assert_true (json_object_has_member (meeting, "multi_day"));
  g_assert_false (json_object_get_boolean_member (meeting, "multi_day"));
  /* Agenda items from before version 10 do not continue at the next meeting. */
  agenda_item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);
  g_assert_true (json_object_has_member (agenda_item, "continue_next"));
  g_assert_false (json_object_get_boolean_member (agenda_item, "continue_next"));
  /* Records from before schema 9 were never reopened. */
  g_assert_null (json_object_get_string_member_with_default (meeting, "reopened_on", NULL));
  if (version >= 2)
    {
      g_autoptr(JsonObject) plan = icat_store_read (store, "work_plan", "5e1f0c2a-6d7b-4c1e-9a3f-000000000005", &error);

      g_assert_no_error (error);
      g_assert_cmpint (json_object_get_int_member (plan, "year"), ==, 2026);
      g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "endorsed");
      g_assert_cmpstr (json_object_get_string_member (plan, "endorsed_at"), ==, "5e1f0c2a-6d7b-4c1e-9a3f-000000000001");
    }

  problems = icat_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_ids_as_import_derives (store);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ICAT_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  /* Version 3's indexes, for the owner and priority orders. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                           "name IN ('agency_acronym', 'action_item_priority')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  /* Version 10's index, for what a meeting heard reported. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                           "name = 'action_item_history_at'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  assert_version_5 (db);
  /* The reopening day of every meeting recorded before is empty. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(reopened_on) FROM meeting", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  assert_version_8 (db, papers_before);
  sqlite3_close (db);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A database set back to an older version number is migrated again: the
 * migrations that add a column skip it where it is there already. */
static void
test_migrate_again (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v4.db", NULL);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "again.db", NULL);
  g_autofree char *contents = NULL;
  /* Schema 7: from before reopened_on, whatever the versions after it. */
  const char *set_back = "PRAGMA user_version = 7";
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meeting SET approved_on = '2026-05-03', reopened_on = '2026-06-01'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_back, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  meeting = icat_store_read (store, "meeting", "5e1f0c2a-6d7b-4c1e-9a3f-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meeting, "reopened_on"), ==, "2026-06-01");
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Migrating switches foreign keys off for its transaction only. */
static void
test_foreign_keys_on (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.db", NULL);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  IcatDb *db;
  sqlite3_stmt *stmt;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  db = icat_db_open (path, ICAT_DB_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (db), "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  icat_db_close (db);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  /* One entry per released schema version. */
  for (int version = 1; version <= LAST_RELEASED_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("/migration/from-v%d", version);

      g_test_add_data_func (path, GINT_TO_POINTER (version), test_open_version);
    }
  g_test_add_func ("/migration/foreign-keys-on", test_foreign_keys_on);
  g_test_add_func ("/migration/again", test_migrate_again);
  return g_test_run ();
}
