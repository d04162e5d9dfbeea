/* test-record-writes.c — a save writes only what changed, a delete leaves no orphans
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laptops merge the changesets of their saves (SQLite's session
 * extension), so a save must touch only the rows that changed: a raw
 * session watches icat_record_io_write and the test reads what it saw.
 * Nothing cascades any more, so a delete must remove a record's nested
 * rows and links itself.
 */
#include "config.h"

/* The session API, as icat-store-private.h switches it on. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "icat-nested-id.h"
#include "icat-record-io.h"
#include "icat-test-util.h"
#include "icat-validate.h"

#define MEETING "6d2a9c1e-4b7f-4e0a-8c3d-000000000001"
#define AGENDA_1 "6d2a9c1e-4b7f-4e0a-8c3d-000000000011"
#define AGENDA_2 "6d2a9c1e-4b7f-4e0a-8c3d-000000000012"
#define AGENDA_3 "6d2a9c1e-4b7f-4e0a-8c3d-000000000013"
#define AGENDA_0 "6d2a9c1e-4b7f-4e0a-8c3d-000000000010"
#define ACTION "6d2a9c1e-4b7f-4e0a-8c3d-000000000021"

typedef struct {
  char   *dir;
  IcatDb *db;
  char   *unodc;
  char   *unicef;
  char   *mandate_1;
  char   *mandate_2;
} Fixture;

static gint64
query_int (IcatDb     *db,
           const char *sql)
{
  g_autofree char *text = icat_test_query_text (db, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = NULL;

  f->dir = icat_test_tmpdir_new ();
  store = icat_test_store_new (f->dir, &path);
  g_clear_object (&store);
  f->db = icat_db_open (path, ICAT_DB_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  f->unodc = icat_test_query_text (f->db, "SELECT id FROM agency WHERE acronym = 'UNODC'");
  f->unicef = icat_test_query_text (f->db, "SELECT id FROM agency WHERE acronym = 'UNICEF'");
  f->mandate_1 = icat_test_query_text (f->db, "SELECT id FROM mandate ORDER BY id LIMIT 1");
  f->mandate_2 = icat_test_query_text (f->db, "SELECT id FROM mandate ORDER BY id LIMIT 1 OFFSET 1");
  g_assert_nonnull (f->unicef);
  g_assert_nonnull (f->mandate_2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icat_db_close (f->db);
  g_free (f->unodc);
  g_free (f->unicef);
  g_free (f->mandate_1);
  g_free (f->mandate_2);
  icat_test_tmpdir_free (f->dir);
}

/* A meeting with something in every list, checked as a save checks it. */
static JsonObject *
meeting_new (Fixture    *f,
             const char *agenda_2_minutes)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(IcatValidation) validation = icat_validation_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *record;

  g_string_printf (json,
                   "{\"id\": \"" MEETING "\", \"created_at\": \"2026-03-01T09:00:00.000Z\","
                   " \"updated_at\": \"2026-03-01T09:00:00.000Z\", \"updated_by\": \"%s\","
                   " \"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"},"
                   " \"starts_at\": \"2026-03-10T08:00:00.000Z\", \"date_precision\": \"minute\","
                   " \"timezone\": \"Europe/Vienna\", \"chairs\": [\"%s\", \"%s\"],"
                   " \"agenda\": [{\"id\": \"" AGENDA_1 "\", \"position\": 0, \"title\": \"Opening\", \"mandates\": [\"%s\", \"%s\"]},"
                   "             {\"id\": \"" AGENDA_2 "\", \"position\": 1, \"title\": \"Work plan\", \"minutes\": \"%s\"},"
                   "             {\"id\": \"" AGENDA_3 "\", \"position\": 2, \"title\": \"Other business\"}],"
                   " \"decisions\": [{\"id\": \"6d2a9c1e-4b7f-4e0a-8c3d-000000000031\", \"number\": 1, \"text\": \"Adopted\"},"
                   "                {\"id\": \"6d2a9c1e-4b7f-4e0a-8c3d-000000000032\", \"number\": 2, \"text\": \"Endorsed\"}],"
                   " \"attendance\": [{\"agency\": \"%s\", \"present\": true}, {\"agency\": \"%s\", \"present\": false}],"
                   " \"invited\": [{\"name\": \"Austria\", \"kind\": \"state\"}],"
                   " \"attachments\": [{\"title\": \"Agenda\", \"uri\": \"https://example.org/agenda.pdf\"}]}",
                   f->unodc, f->unodc, f->unicef, f->mandate_1, f->mandate_2, agenda_2_minutes, f->unodc, f->unicef);
  node = json_from_string (json->str, &error);
  g_assert_no_error (error);
  record = icat_validate_record (icat_schema_lookup ("meeting"), node, "$", validation, &error);
  g_assert_no_error (error);
  return record;
}

static void
write_record (Fixture    *f,
              const char *kind,
              JsonObject *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_db_begin (f->db, &error));
  g_assert_true (icat_record_io_write (f->db, icat_schema_lookup (kind), record, &error));
  g_assert_true (icat_db_commit (f->db, &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What a session saw the write change: "UPDATE meeting_agenda, …", sorted. */
static char *
changes_of_write (Fixture    *f,
                  JsonObject *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_session *session = NULL;
  sqlite3_changeset_iter *iter = NULL;
  void *changeset = NULL;
  int size = 0;

  g_assert_true (icat_db_begin (f->db, &error));
  g_assert_cmpint (sqlite3session_create (icat_db_handle (f->db), "main", &session), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_attach (session, NULL), ==, SQLITE_OK);
  g_assert_true (icat_record_io_write (f->db, icat_schema_lookup ("meeting"), record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3session_changeset (session, &size, &changeset), ==, SQLITE_OK);
  sqlite3session_delete (session);
  g_assert_true (icat_db_commit (f->db, &error));

  g_assert_cmpint (sqlite3changeset_start (&iter, size, changeset), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;

      g_assert_cmpint (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect), ==, SQLITE_OK);
      g_ptr_array_add (changes, g_strdup_printf ("%s %s", op == SQLITE_INSERT ? "INSERT"
                                                          : op == SQLITE_DELETE ? "DELETE" : "UPDATE", table));
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  sqlite3_free (changeset);
  g_ptr_array_sort (changes, compare_strings);
  g_ptr_array_add (changes, NULL);
  return g_strjoinv (", ", (char **) changes->pdata);
}

static void
test_one_minute (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = meeting_new (f, "Discussed.");
  g_autoptr(JsonObject) typed = meeting_new (f, "Discussed and endorsed.");
  g_autofree char *same = NULL;
  g_autofree char *changes = NULL;

  write_record (f, "meeting", meeting);
  /* Saving the same record again writes nothing at all. */
  same = changes_of_write (f, meeting);
  g_assert_cmpstr (same, ==, "");

  json_object_set_string_member (typed, "updated_at", "2026-03-10T10:00:00.000Z");
  changes = changes_of_write (f, typed);
  g_assert_cmpstr (changes, ==, "UPDATE meeting, UPDATE meeting_agenda");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM meeting_agenda WHERE minutes = 'Discussed and endorsed.' "
                                     "AND id = '" AGENDA_2 "'"), ==, 1);
}

static char *
agenda_ids (Fixture *f)
{
  return icat_test_query_text (f->db, "SELECT group_concat (title || '=' || id, ' ') FROM "
                            "(SELECT title, id FROM meeting_agenda WHERE parent_id = '" MEETING "' ORDER BY title)");
}

static void
test_insert_at_top (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = meeting_new (f, "Discussed.");
  JsonArray *agenda = json_object_get_array_member (meeting, "agenda");
  g_autoptr(JsonArray) moved = json_array_new ();
  g_autoptr(JsonObject) top = icat_test_object ("{\"id\": \"" AGENDA_0 "\", \"position\": 0, \"title\": \"Zero: welcome\","
                                                " \"presenter\": null, \"minutes\": null, \"mandates\": [],"
                                                " \"continue_next\": false}");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *expected = NULL;

  write_record (f, "meeting", meeting);
  before = agenda_ids (f);
  json_array_add_object_element (moved, json_object_ref (top));
  for (guint i = 0; i < json_array_get_length (agenda); i++)
    {
      JsonObject *item = json_array_get_object_element (agenda, i);

      json_object_set_int_member (item, "position", i + 1);
      json_array_add_object_element (moved, json_object_ref (item));
    }
  json_object_set_array_member (meeting, "agenda", g_steal_pointer (&moved));
  changes = changes_of_write (f, meeting);
  /* The new item is one insert; the others move (position and seq) but
   * keep their ids: no delete. */
  g_assert_cmpstr (changes, ==, "INSERT meeting_agenda, UPDATE meeting_agenda, UPDATE meeting_agenda, "
                                "UPDATE meeting_agenda");
  after = agenda_ids (f);
  expected = g_strconcat (before, " Zero: welcome=" AGENDA_0, NULL);
  g_assert_cmpstr (after, ==, expected);
}

static void
test_removed_rows_go (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = meeting_new (f, "Discussed.");
  g_autofree char *changes = NULL;

  write_record (f, "meeting", meeting);
  /* Agenda item 1 goes with its two mandate links; one chair goes. */
  json_array_remove_element (json_object_get_array_member (meeting, "agenda"), 0);
  json_array_remove_element (json_object_get_array_member (meeting, "chairs"), 1);
  changes = changes_of_write (f, meeting);
  /* The two items after it move up a place (seq); nothing else changes. */
  g_assert_cmpstr (changes, ==, "DELETE meeting_agenda, DELETE meeting_agenda_mandates, "
                                "DELETE meeting_agenda_mandates, DELETE meeting_chairs, "
                                "UPDATE meeting_agenda, UPDATE meeting_agenda");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM meeting_agenda_mandates WHERE owner_id = '" AGENDA_1 "'"), ==, 0);
}

static const char * const child_counts =
  "SELECT (SELECT count(*) FROM meeting_agenda WHERE parent_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_decisions WHERE parent_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_attendance WHERE parent_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_invited WHERE parent_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_attachments WHERE parent_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_chairs WHERE owner_id = '" MEETING "')"
  " + (SELECT count(*) FROM meeting_agenda_mandates WHERE owner_id IN ('" AGENDA_1 "', '" AGENDA_2 "', '" AGENDA_3 "'))"
  " + (SELECT count(*) FROM action_item_history WHERE parent_id = '" ACTION "')"
  " + (SELECT count(*) FROM action_item_supporting WHERE owner_id = '" ACTION "')"
  " + (SELECT count(*) FROM action_item_mandates WHERE owner_id = '" ACTION "')";

static void
test_delete_leaves_no_orphans (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = meeting_new (f, "Discussed.");
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(IcatValidation) validation = icat_validation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;

  g_string_printf (json,
                   "{\"id\": \"" ACTION "\", \"created_at\": \"2026-03-01T09:00:00.000Z\","
                   " \"updated_at\": \"2026-03-01T09:00:00.000Z\", \"updated_by\": \"%s\","
                   " \"title\": \"Circulate the plan\", \"owner\": \"%s\", \"supporting\": [\"%s\"],"
                   " \"status\": \"done\", \"meeting\": \"" MEETING "\", \"agenda_item\": \"" AGENDA_2 "\","
                   " \"mandates\": [\"%s\"], \"history\": [{\"status\": \"open\", \"at\": \"2026-03-01T09:00:00.000Z\"},"
                   " {\"status\": \"done\", \"at\": \"2026-03-02T09:00:00.000Z\"}]}",
                   f->unodc, f->unodc, f->unicef, f->mandate_1);
  node = json_from_string (json->str, &error);
  g_assert_no_error (error);
  action = icat_validate_record (icat_schema_lookup ("action_item"), node, "$", validation, &error);
  g_assert_no_error (error);
  write_record (f, "meeting", meeting);
  write_record (f, "action_item", action);
  /* Two agenda mandates, 3 items, 2 decisions, 2 attendance rows, an
   * invitee, an attachment, 2 chairs; 2 status changes, a supporting
   * agency and a mandate. */
  g_assert_cmpint (query_int (f->db, child_counts), ==, 2 + 3 + 2 + 2 + 1 + 1 + 2 + 2 + 1 + 1);

  g_assert_true (icat_db_begin (f->db, &error));
  g_assert_true (icat_record_io_delete (f->db, icat_schema_lookup ("action_item"), ACTION, &error));
  g_assert_true (icat_record_io_delete (f->db, icat_schema_lookup ("meeting"), MEETING, &error));
  g_assert_no_error (error);
  problems = icat_test_query_text (f->db, "SELECT group_concat (\"table\") FROM pragma_foreign_key_check");
  g_assert_null (problems);
  g_assert_true (icat_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, child_counts), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM search_doc WHERE record_id IN ('" MEETING "', '" ACTION "')"), ==, 0);
}

/* SQLite 3.40 fires cascades while it applies another laptop's changes. */
static void
test_no_cascade (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *cascading = icat_test_query_text (f->db, "SELECT group_concat (name) FROM sqlite_schema "
                                                  "WHERE upper (sql) LIKE '%CASCADE%'");

  g_assert_null (cascading);
}

/* parent_id first (the journal reads the record from column 0), then the
 * row's own id as its key, then its place in the list. */
static void
test_nested_columns (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const tables[] = {
    "agency_memberships", "agency_focal_points", "meeting_agenda", "meeting_decisions",
    "meeting_attendance", "meeting_invited", "meeting_attachments", "action_item_history",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat (name || ':' || pk, ' ') FROM "
                                                      "(SELECT name, pk FROM pragma_table_info ('%s') ORDER BY cid LIMIT 3)",
                                                      tables[i]);
      g_autofree char *index_sql = g_strdup_printf ("SELECT group_concat (name) FROM pragma_index_info ('%s_order')",
                                                    tables[i]);
      g_autofree char *columns = icat_test_query_text (f->db, columns_sql);
      g_autofree char *index = icat_test_query_text (f->db, index_sql);

      g_assert_cmpstr (columns, ==, "parent_id:0 id:1 seq:0");
      g_assert_cmpstr (index, ==, "parent_id,seq");
    }
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/record-writes/one-minute", Fixture, NULL, fixture_set_up, test_one_minute, fixture_tear_down);
  g_test_add ("/record-writes/insert-at-top", Fixture, NULL, fixture_set_up, test_insert_at_top, fixture_tear_down);
  g_test_add ("/record-writes/removed-rows-go", Fixture, NULL, fixture_set_up, test_removed_rows_go, fixture_tear_down);
  g_test_add ("/record-writes/delete-leaves-no-orphans", Fixture, NULL, fixture_set_up,
              test_delete_leaves_no_orphans, fixture_tear_down);
  g_test_add ("/record-writes/no-cascade", Fixture, NULL, fixture_set_up, test_no_cascade, fixture_tear_down);
  g_test_add ("/record-writes/nested-columns", Fixture, NULL, fixture_set_up, test_nested_columns, fixture_tear_down);
  return g_test_run ();
}
