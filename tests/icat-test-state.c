/* icat-test-state.c — what a database holds, for tests that break things
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "icat-test-state.h"
#include "icat-test-util.h"

static const char * const stamped_fields[] = {
  "created_at", "updated_at", "updated_by", "exported_at", "at", "by",
};

static void
strip_stamps (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        strip_stamps (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      /* A status change's id is derived from its time, so it is a stamp too. */
      if (json_object_has_member (object, "at") && json_object_has_member (object, "id"))
        json_object_remove_member (object, "id");
      for (guint i = 0; i < G_N_ELEMENTS (stamped_fields); i++)
        if (json_object_has_member (object, stamped_fields[i]))
          json_object_remove_member (object, stamped_fields[i]);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        strip_stamps (json_object_get_member (object, l->data));
    }
}

char *
icat_test_state_of_json (const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (document, &error);

  g_assert_no_error (error);
  strip_stamps (root);
  return json_to_string (root, TRUE);
}

char *
icat_test_state (IcatStore *store)
{
  g_autofree char *export = icat_test_export (store);

  return icat_test_state_of_json (export);
}

static void
assert_query (sqlite3    *db,
              const char *sql,
              const char *expected_first_row)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  if (expected_first_row == NULL)
    {
      if (rc == SQLITE_ROW)
        g_error ("%s: found %s", sql, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpint (rc, ==, SQLITE_DONE);
    }
  else
    {
      g_assert_cmpint (rc, ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected_first_row);
    }
  sqlite3_finalize (stmt);
}

void
icat_test_assert_sound (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  assert_query (db, "PRAGMA integrity_check", "ok");
  assert_query (db, "PRAGMA foreign_key_check", NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
icat_test_assert_checked (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = icat_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

void
icat_test_copy_file (const char *from,
                     const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

char *
icat_test_seeded_template (const char *dir)
{
  g_autofree char *path = NULL;
  IcatStore *store = icat_test_store_new (dir, &path);
  g_autofree char *wal = NULL;

  /* Closing the last connection checkpoints the WAL into the file. */
  g_object_unref (store);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&path);
}

guint
icat_test_env_uint (const char *name,
                    guint       fallback)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
#ifdef __SANITIZE_ADDRESS__
    /* The sanitizers look for memory errors, which a few trials find as
     * well as many: half the quick run, in half the time it would take. */
    return MAX (fallback / 2, 1);
#else
    return fallback;
#endif
  return (guint) g_ascii_strtoull (value, NULL, 10);
}

guint32
icat_test_env_seed (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    return g_test_rand_int_range (2, G_MAXINT32);
  return (guint32) g_ascii_strtoull (value, NULL, 10);
}
