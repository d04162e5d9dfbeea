/* test-import-bulk.c — an import's fast path writes what the record-by-record path writes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import writes records new to the database outside SQLite's session
 * and notes their rows itself (icat-new-rows.c), and writes search
 * documents a batch at a time (icat-index-batch.c). The same document is
 * imported into two copies of one database, once through each path: every
 * table must hold the same rows, the changesets other laptops get must
 * hold the same changes, search must find the new text, and another laptop
 * must receive the import.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

/* The session API, as icat-store-private.h switches it on. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-index-batch.h"
#include "icat-store-private.h"
#include "icat-sync-private.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

#define N_ITEMS 40
/* Enough for an import written in bulk (icat_index_batch_is_bulk ()). */
#define BULK_ITEMS 2100

/* New action items (some with long titles, so text lengths need more
 * than one byte), each linked to two mandates and with a status history;
 * a new meeting whose agenda item links a mandate; and a newer copy of a
 * stored agency, which goes through the session. */
static GBytes *
make_document_of (IcatDb *db,
                  guint   n_items)
{
  g_autofree char *unodc = icat_test_query_text (db, "SELECT id FROM agency WHERE acronym = 'UNODC'");
  g_autofree char *mandate_1 = icat_test_query_text (db, "SELECT id FROM mandate ORDER BY id LIMIT 1");
  g_autofree char *mandate_2 = icat_test_query_text (db, "SELECT id FROM mandate ORDER BY id LIMIT 1 OFFSET 1");
  g_autofree char *agency = icat_test_query_text (db, "SELECT json_object ('id', id, 'acronym', acronym, 'name', json (name), "
                                            "'kind', kind, 'created_at', created_at, "
                                            "'updated_at', '2030-01-01T00:00:00.000Z', 'updated_by', updated_by) "
                                            "FROM agency WHERE acronym = 'UNODC'");
  GString *json = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"agencies\": [");
  g_autofree char *long_title = g_strnfill (300, 'x');

  g_string_append_printf (json, "%s], \"meetings\": [{\"id\": \"7f000000-0000-4000-8000-000000000001\", "
                          "\"kind\": \"working-group\", \"title\": {\"en\": \"Bulk meeting\"}, "
                          "\"starts_at\": \"2026-03-01T09:00:00.000Z\", \"ends_at\": null, "
                          "\"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"date_precision\": \"minute\", "
                          "\"created_at\": \"2026-01-01T00:00:00.000Z\", \"updated_at\": \"2026-01-01T00:00:00.000Z\", "
                          "\"updated_by\": \"00000000-0000-4000-8000-000000000001\", "
                          "\"agenda\": [{\"id\": \"7f000000-0000-4000-8000-0000000000a1\", \"position\": 0, "
                          "\"title\": \"Bulk agenda\", \"presenter\": \"%s\", \"minutes\": \"Zebrafinch minutes\", "
                          "\"mandates\": [\"%s\"]}]}], \"action_items\": [",
                          agency, unodc, mandate_1);
  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (json, "%s{\"id\": \"7f000000-0000-4000-8000-%012x\", \"title\": \"%s item %u 会议\", "
                            "\"owner\": \"%s\", \"due\": \"2026-06-%02u\", \"status\": \"open\", "
                            "\"mandates\": [\"%s\", \"%s\"], \"meeting\": \"7f000000-0000-4000-8000-000000000001\", "
                            "\"history\": [{\"status\": \"open\", \"at\": \"2026-01-01T00:00:00.000Z\", \"by\": null}], "
                            "\"created_at\": \"2026-01-01T00:00:00.000Z\", \"updated_at\": \"2026-01-01T00:00:00.000Z\", "
                            "\"updated_by\": \"00000000-0000-4000-8000-000000000001\"}",
                            i ? ", " : "", 0x100 + i, i % 3 == 0 ? long_title : "Quokka", i, unodc, 1 + i % 28,
                            i % 2 ? mandate_1 : mandate_2, i % 2 ? mandate_2 : mandate_1);
  g_string_append (json, "]}");
  return g_string_free_to_bytes (json);
}

static GBytes *
make_document (IcatDb *db)
{
  return make_document_of (db, N_ITEMS);
}

/* Imports document in one transaction recorded by a session, as the
 * store does, through the fast path (new_rows) or record by record. */
static GBytes *
import_recorded (IcatDb   *db,
                 GBytes   *document,
                 gboolean  fast)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = icat_exchange_parse ("bulk.json", document, &error);
  g_autoptr(IcatImportPlan) plan = NULL;
  g_autoptr(IcatNewRows) new_rows = NULL;
  g_autoptr(GBytes) noted = NULL;
  g_autoptr(GByteArray) changeset = g_byte_array_new ();
  sqlite3_session *session = NULL;
  void *recorded = NULL;
  int size = 0;

  g_assert_no_error (error);
  g_assert_true (icat_db_begin (db, &error));
  g_assert_true (_icat_journal_start_session (db, &session, &error));
  plan = icat_import_plan_new (db, root, FALSE, "bulk.json", &error);
  g_assert_no_error (error);
  if (fast)
    {
      new_rows = icat_new_rows_new (session);
      g_assert_true (icat_import_plan_apply_noting_new_rows (plan, db, new_rows, &error));
      noted = icat_new_rows_finish (new_rows);
    }
  else
    g_assert_true (icat_import_plan_apply (plan, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3session_changeset (session, &size, &recorded), ==, SQLITE_OK);
  sqlite3session_delete (session);
  g_byte_array_append (changeset, recorded, size);
  sqlite3_free (recorded);
  if (noted != NULL)
    g_byte_array_append (changeset, g_bytes_get_data (noted, NULL), g_bytes_get_size (noted));
  g_assert_true (icat_db_commit (db, &error));
  return g_byte_array_free_to_bytes (g_steal_pointer (&changeset));
}

static void
append_value (GString       *out,
              sqlite3_value *value)
{
  if (value == NULL)
    g_string_append (out, "|-");
  else if (sqlite3_value_type (value) == SQLITE_NULL)
    g_string_append (out, "|null");
  else
    g_string_append_printf (out, "|%d:%s", sqlite3_value_type (value), sqlite3_value_text (value));
}

/* g_ptr_array_sort () passes pointers to the elements. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Each change as a line "table|op|values", sorted: the order of changes
 * in a changeset does not matter to the laptops that apply it. */
static char *
changes_text (GBytes *changeset)
{
  sqlite3_changeset_iter *iter = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_cmpint (sqlite3changeset_start (&iter, g_bytes_get_size (changeset),
                                           (void *) g_bytes_get_data (changeset, NULL)), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      GString *line = g_string_new (NULL);
      unsigned char *pk = NULL;
      int n_pk = 0;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      sqlite3changeset_pk (iter, &pk, &n_pk);
      g_string_append_printf (line, "%s|%d|%d|pk", table, op, indirect);
      for (int i = 0; i < n_pk; i++)
        g_string_append_printf (line, "%d", pk[i]);
      for (int i = 0; i < n_columns; i++)
        {
          sqlite3_value *value = NULL;

          if (op != SQLITE_INSERT)
            sqlite3changeset_old (iter, i, &value);
          append_value (line, value);
          value = NULL;
          if (op != SQLITE_DELETE)
            sqlite3changeset_new (iter, i, &value);
          append_value (line, value);
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* Every row of every record table and of the search documents, as text. */
static char *
tables_text (IcatDb *db)
{
  g_autoptr(GString) all = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (db),
                                       "SELECT name FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                                       "AND name NOT LIKE 'sync%' "
                                       /* Full-text indexes (search_fts, search_short) and
                                        * their shadow tables are derived from search_doc. */
                                       "AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' "
                                       "AND (m.name = v.name OR m.name LIKE v.name || '\\_%' ESCAPE '\\')) ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2, 3", table);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (db), sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (all, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            append_value (all, sqlite3_column_value (rows, i));
          g_string_append_c (all, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static IcatDb *
seeded_db (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
  IcatDb *db;

  icat_test_finalize_store (g_steal_pointer (&store));
  db = icat_db_open (path, ICAT_DB_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  return db;
}

static void
test_same_as_record_by_record (void)
{
  g_autofree char *dir_slow = icat_test_tmpdir_new ();
  g_autofree char *dir_fast = icat_test_tmpdir_new ();
  IcatDb *slow = seeded_db (dir_slow);
  IcatDb *fast = seeded_db (dir_fast);
  g_autoptr(GBytes) document = make_document (slow);
  g_autoptr(GBytes) slow_changes = import_recorded (slow, document, FALSE);
  g_autoptr(GBytes) fast_changes = import_recorded (fast, document, TRUE);
  g_autofree char *slow_tables = tables_text (slow);
  g_autofree char *fast_tables = tables_text (fast);
  g_autofree char *slow_text = changes_text (slow_changes);
  g_autofree char *fast_text = changes_text (fast_changes);
  g_autofree char *links = icat_test_query_text (fast, "SELECT count(*) FROM action_item_mandates");
  g_autofree char *long_title = g_strnfill (300, 'x');
  g_autofree char *long_row = NULL;

  g_assert_cmpstr (fast_tables, ==, slow_tables);
  g_assert_cmpstr (fast_text, ==, slow_text);
  /* Both made real changes: the new items, their links and the agency. */
  g_assert_cmpstr (links, ==, "80");
  g_assert_nonnull (strstr (fast_text, "action_item_mandates|18|"));
  g_assert_nonnull (strstr (fast_text, "\nagency|23|"));
  long_row = g_strdup_printf ("|3:%s item 0 会议|", long_title);
  g_assert_nonnull (strstr (fast_text, long_row));

  icat_db_close (slow);
  icat_db_close (fast);
  icat_test_tmpdir_free (g_steal_pointer (&dir_slow));
  icat_test_tmpdir_free (g_steal_pointer (&dir_fast));
}

static guint
count_hits (IcatStore  *store,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 100, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* Through the store: search finds the new texts (titles, nested minutes,
 * a two-character Chinese word), and a refused import changes nothing. */
static void
test_store_import (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (path, ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(GBytes) document = make_document (db);
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autofree char *broken_text = g_strdup ((const char *) g_bytes_get_data (document, NULL));
  g_autoptr(GBytes) broken = NULL;
  char *owner;

  /* The last item's owner names no agency: refused before any write. */
  owner = g_strrstr (broken_text, "\"owner\": \"");
  g_assert_nonnull (owner);
  memcpy (owner + strlen ("\"owner\": \""), "00000000", 8);
  broken = g_bytes_new (broken_text, strlen (broken_text));
  g_assert_false (icat_store_import (store, broken, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "owner: "));
  g_clear_error (&error);
  after = icat_test_export (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_hits (store, "Quokka"), ==, 0);

  g_assert_true (icat_store_import (store, document, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "Quokka"), ==, N_ITEMS - (N_ITEMS + 2) / 3);
  g_assert_cmpuint (count_hits (store, "Zebrafinch"), ==, 1);
  g_assert_cmpuint (count_hits (store, "会议"), >=, N_ITEMS);

  icat_test_finalize_store (g_steal_pointer (&store));
  g_clear_pointer (&db, icat_db_close);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every hit of a search, in order, with the text around the match. */
static char *
hits_text (IcatStore  *store,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 500, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      IcatSearchHit *hit = hits->pdata[i];

      g_string_append_printf (all, "%s %s %s\n", hit->kind, hit->id, hit->text);
    }
  return g_string_free (all, FALSE);
}

/* SQLite's own check that a full-text index holds exactly what its
 * content table (search_doc) gives. */
static void
assert_index_matches_documents (IcatDb     *db,
                                const char *index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *check = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)", index, index);

  icat_db_exec (db, check, &error);
  g_assert_no_error (error);
}

/* An import large enough fills both full-text indexes in one pass at the
 * end instead of document by document: search finds the same hits, in the
 * same order, for one-, two- and longer terms, Latin and Chinese, as after
 * the same import indexed document by document; and each index holds
 * exactly what its documents give. */
static void
test_index_in_one_pass (void)
{
  const char *terms[] = { "q", "x", "qu", "it", "qu item", "quokka", "Quokka item 1", "会", "会议", "议",
                          "zebrafinch", "ze", "bulk", "unodc", "ite" };
  g_autofree char *dir_row = icat_test_tmpdir_new ();
  g_autofree char *dir_bulk = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) by_row = icat_test_store_new (dir_row, NULL);
  g_autofree char *bulk_path = NULL;
  g_autoptr(IcatStore) bulk = icat_test_store_new (dir_bulk, &bulk_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (bulk_path, ICAT_DB_READ_WRITE, NULL, &error);
  g_autoptr(GBytes) document = make_document (db);
  g_autofree char *triggers = icat_test_query_text (db, "SELECT group_concat (sql, ';') FROM "
                                                    "(SELECT sql FROM sqlite_schema WHERE tbl_name = 'search_doc' "
                                                    "AND type = 'trigger' ORDER BY name)");
  g_autofree char *triggers_after = NULL;

  g_assert_true (icat_store_import (by_row, document, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  /* This import of a few records fills the indexes at the end as a big
   * one does; the other, too small, document by document. */
  _icat_index_batch_set_always_bulk (TRUE);
  g_assert_true (icat_store_import (bulk, document, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  _icat_index_batch_set_always_bulk (FALSE);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autofree char *expected = hits_text (by_row, terms[i]);
      g_autofree char *found = hits_text (bulk, terms[i]);

      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpstr (found, !=, "");
    }
  assert_index_matches_documents (db, "search_fts");
  assert_index_matches_documents (db, "search_short");
  /* The triggers are back as they were, and keep indexing a new save. */
  triggers_after = icat_test_query_text (db, "SELECT group_concat (sql, ';') FROM "
                                         "(SELECT sql FROM sqlite_schema WHERE tbl_name = 'search_doc' "
                                         "AND type = 'trigger' ORDER BY name)");
  g_assert_cmpstr (triggers_after, ==, triggers);
  g_assert_cmpuint (strlen (triggers), >, 0);

  icat_test_finalize_store (g_steal_pointer (&by_row));
  icat_test_finalize_store (g_steal_pointer (&bulk));
  g_clear_pointer (&db, icat_db_close);
  icat_test_tmpdir_free (g_steal_pointer (&dir_row));
  icat_test_tmpdir_free (g_steal_pointer (&dir_bulk));
}

/* The other laptop receives the import, links and nested rows included. */
static void
test_reaches_other_laptop (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (icat_store_get_path (group->laptops[0]), ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(GBytes) document = make_document (db);
  g_autofree char *exported_a = NULL;
  g_autofree char *exported_b = NULL;
  g_autofree char *before_b = icat_test_export (group->laptops[1]);

  g_assert_true (icat_store_import (group->laptops[0], document, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  icat_test_group_run (group, 0, NULL);
  icat_test_group_run (group, 1, NULL);
  exported_a = icat_test_export (group->laptops[0]);
  exported_b = icat_test_export (group->laptops[1]);
  g_assert_cmpstr (exported_b, !=, before_b);
  g_assert_cmpstr (exported_b, ==, exported_a);
  g_assert_cmpuint (count_hits (group->laptops[1], "Zebrafinch"), ==, 1);
  g_clear_pointer (&db, icat_db_close);
}

/* Checks that the newest journal entry noted each row it inserts: the
 * row's clock (column -1) is the entry's, it has no other clock and no
 * tombstone. Returns how many rows it inserts. */
static guint
check_inserts_noted (IcatDb *db)
{
  sqlite3 *handle = icat_db_handle (db);
  sqlite3_stmt *entry = NULL;
  sqlite3_stmt *clocks = NULL;
  sqlite3_stmt *tombstones = NULL;
  sqlite3_changeset_iter *iter = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *noted = NULL;
  gint64 hlc;
  guint n_inserted = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT hlc, device, changeset FROM sync_journal "
                                       "ORDER BY hlc DESC LIMIT 1", -1, &entry, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*), sum(col = -1 AND hlc = ?3 AND device = ?4) "
                                       "FROM sync_clock WHERE tbl = ?1 AND pk = ?2", -1, &clocks, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2",
                                       -1, &tombstones, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (entry), ==, SQLITE_ROW);
  hlc = sqlite3_column_int64 (entry, 0);
  g_assert_cmpint (sqlite3changeset_start (&iter, sqlite3_column_bytes (entry, 2),
                                           (void *) sqlite3_column_blob (entry, 2)), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      g_autofree char *key = NULL;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op != SQLITE_INSERT)
        continue;
      key = _icat_sync_row_key (iter, FALSE);
      sqlite3_bind_text (clocks, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (clocks, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (clocks, 3, hlc);
      sqlite3_bind_value (clocks, 4, sqlite3_column_value (entry, 1));
      g_assert_cmpint (sqlite3_step (clocks), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (clocks, 0), ==, 1);
      g_assert_cmpint (sqlite3_column_int (clocks, 1), ==, 1);
      sqlite3_reset (clocks);
      sqlite3_bind_text (tombstones, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (tombstones, 2, key, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (tombstones), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (tombstones, 0), ==, 0);
      sqlite3_reset (tombstones);
      n_inserted++;
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  /* No row clock of the entry that it does not insert. */
  sql = g_strdup_printf ("SELECT count(*) FROM sync_clock WHERE col = -1 AND hlc = %" G_GINT64_FORMAT, hlc);
  noted = icat_test_query_text (db, sql);
  g_assert_cmpuint (g_ascii_strtoull (noted, NULL, 10), ==, n_inserted);
  sqlite3_finalize (entry);
  sqlite3_finalize (clocks);
  sqlite3_finalize (tombstones);
  return n_inserted;
}

static IcatImportPlan *
plan_tree (IcatDb     *db,
           GBytes     *document,
           GError    **error)
{
  g_autoptr(JsonNode) root = icat_exchange_parse ("bulk.json", document, error);

  return root != NULL ? icat_import_plan_new (db, root, FALSE, "bulk.json", error) : NULL;
}

static IcatImportPlan *
plan_reading (IcatDb     *db,
              GBytes     *document,
              GError    **error)
{
  IcatExchangeDocument *read = icat_exchange_read ("bulk.json", document, error);

  return read != NULL ? icat_import_plan_new_reading (db, read, FALSE, error) : NULL;
}

/* The store plans with icat_import_plan_new_reading (), one record at a
 * time: the same summary, tables and refusals as a plan of the whole
 * tree (icat_import_plan_new ()). */
static void
test_reading_plan (void)
{
  g_autofree char *dir_tree = icat_test_tmpdir_new ();
  g_autofree char *dir_read = icat_test_tmpdir_new ();
  IcatDb *tree = seeded_db (dir_tree);
  IcatDb *read = seeded_db (dir_read);
  g_autoptr(GBytes) document = make_document (tree);
  g_autofree char *broken_text = g_strdup ((const char *) g_bytes_get_data (document, NULL));
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(IcatImportPlan) tree_plan = NULL;
  g_autoptr(IcatImportPlan) read_plan = NULL;
  g_autofree char *tree_tables = NULL;
  g_autofree char *read_tables = NULL;
  char *owner;

  tree_plan = plan_tree (tree, document, &error);
  g_assert_no_error (error);
  read_plan = plan_reading (read, document, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (icat_import_plan_get_summary (read_plan), sizeof (IcatImportSummary),
                   icat_import_plan_get_summary (tree_plan), sizeof (IcatImportSummary));
  g_assert_cmpuint (icat_import_plan_get_summary (read_plan)->total.added, ==, N_ITEMS + 1);

  g_assert_true (icat_db_begin (tree, &error) && icat_import_plan_apply (tree_plan, tree, &error) &&
                 icat_db_commit (tree, &error));
  g_assert_no_error (error);
  g_assert_true (icat_db_begin (read, &error) && icat_import_plan_apply (read_plan, read, &error) &&
                 icat_db_commit (read, &error));
  g_assert_no_error (error);
  tree_tables = tables_text (tree);
  read_tables = tables_text (read);
  g_assert_cmpstr (read_tables, ==, tree_tables);

  /* A refusal reads the same, though the records before it were let go. */
  owner = g_strrstr (broken_text, "\"owner\": \"");
  g_assert_nonnull (owner);
  memcpy (owner + strlen ("\"owner\": \""), "00000000", 8);
  broken = g_bytes_new (broken_text, strlen (broken_text));
  g_clear_pointer (&tree_plan, icat_import_plan_free);
  g_clear_pointer (&read_plan, icat_import_plan_free);
  g_assert_null (plan_tree (tree, broken, &error));
  g_assert_null (plan_reading (tree, broken, &read_error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_error (read_error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_cmpstr (read_error->message, ==, error->message);

  icat_db_close (tree);
  icat_db_close (read);
  icat_test_tmpdir_free (g_steal_pointer (&dir_tree));
  icat_test_tmpdir_free (g_steal_pointer (&dir_read));
}

static int
note_dropped_index (unsigned  type,
                    void     *data,
                    void     *statement,
                    void     *sql)
{
  if (g_str_has_prefix (sql, "DROP INDEX "))
    g_ptr_array_add (data, g_strdup ((const char *) sql + strlen ("DROP INDEX ")));
  return 0;
}

/* Imports document recorded as the store does, and returns the indexes
 * the import dropped on its way. */
static GPtrArray *
import_noting_dropped_indexes (IcatDb *db,
                               GBytes *document)
{
  GPtrArray *dropped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) changeset = NULL;

  sqlite3_trace_v2 (icat_db_handle (db), SQLITE_TRACE_STMT, note_dropped_index, dropped);
  changeset = import_recorded (db, document, TRUE);
  sqlite3_trace_v2 (icat_db_handle (db), 0, NULL, NULL);
  return dropped;
}

/* A large import of new records writes them without the secondary indexes
 * of their tables and builds those once at the end: afterwards the schema
 * holds every index as before, each one agreeing with its table. An
 * import that also updates a record keeps them all. */
static void
test_indexes_set_aside (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *dir_update = icat_test_tmpdir_new ();
  IcatDb *db = seeded_db (dir);
  IcatDb *db_update = seeded_db (dir_update);
  const char *indexes_sql = "SELECT group_concat (name || ': ' || sql, char (10)) FROM "
                            "(SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)";
  g_autofree char *indexes_before = icat_test_query_text (db, indexes_sql);
  g_autoptr(GBytes) with_update = make_document_of (db, BULK_ITEMS);
  g_autofree char *text = g_strdup (g_bytes_get_data (with_update, NULL));
  char *agencies = strstr (text, "\"agencies\": [") + strlen ("\"agencies\": [");
  char *agencies_end = strstr (agencies, "], \"meetings\"");
  g_autoptr(GBytes) only_new = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GPtrArray) dropped_with_update = NULL;
  g_autofree char *indexes_after = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *by_owner = NULL;

  /* The same document without the newer copy of a stored agency. */
  memmove (agencies, agencies_end, strlen (agencies_end) + 1);
  only_new = g_bytes_new (text, strlen (text));
  dropped = import_noting_dropped_indexes (db, only_new);
  g_assert_true (g_ptr_array_find_with_equal_func (dropped, "\"action_item_owner\"", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (dropped, "\"action_item_mandates_target\"", g_str_equal, NULL));
  /* A kind with few new records (one meeting) keeps its indexes. */
  g_assert_false (g_ptr_array_find_with_equal_func (dropped, "\"meeting_starts_at\"", g_str_equal, NULL));
  indexes_after = icat_test_query_text (db, indexes_sql);
  g_assert_cmpstr (indexes_after, ==, indexes_before);
  integrity = icat_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_clear_pointer (&integrity, g_free);
  by_owner = icat_test_query_text (db, "SELECT count (*) FROM action_item INDEXED BY action_item_owner "
                                   "WHERE owner IS NOT NULL");
  g_assert_cmpstr (by_owner, ==, G_STRINGIFY (BULK_ITEMS));

  dropped_with_update = import_noting_dropped_indexes (db_update, with_update);
  g_assert_cmpuint (dropped_with_update->len, ==, 0);
  integrity = icat_test_query_text (db_update, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  icat_db_close (db);
  icat_db_close (db_update);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
  icat_test_tmpdir_free (g_steal_pointer (&dir_update));
}

/* Breaks the action item whose id ends in hex_id: field (the first after
 * its id) gets value, which must be as long as the one it replaces. */
static void
break_item (char       *text,
            guint       hex_id,
            const char *field,
            const char *value)
{
  g_autofree char *id = g_strdup_printf ("7f000000-0000-4000-8000-%012x", hex_id);
  char *item = strstr (text, id);
  char *place;

  g_assert_nonnull (item);
  place = strstr (item, field);
  g_assert_nonnull (place);
  place += strlen (field);
  g_assert_cmpuint (strcspn (place, "\""), ==, strlen (value));
  memcpy (place, value, strlen (value));
}

/* The reading plan reads and checks records on two threads, hundreds
 * ahead of the one that notes them: of two broken records, the first in
 * the document is still the one refused, as a reading in order finds it
 * (the tree plan), wherever the threads had got to. */
static void
test_reading_plan_first_error (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatDb *db = seeded_db (dir);
  g_autoptr(GBytes) document = make_document_of (db, 1000);
  const struct {
    guint       first;
    guint       second;
    const char *path;
  } cases[] = {
    { 0x100 + 700, 0x100 + 701, "$.action_items[700].status" },
    { 0x100 + 701, 0x100 + 700, "$.action_items[700].due" },
    { 0x100 + 999, 0x100 + 3, "$.action_items[3].due" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *text = g_strdup ((const char *) g_bytes_get_data (document, NULL));
      g_autoptr(GBytes) broken = NULL;
      g_autoptr(GError) tree_error = NULL;
      g_autoptr(GError) read_error = NULL;

      break_item (text, cases[c].first, "\"status\": \"", "opem");
      break_item (text, cases[c].second, "\"due\": \"", "2026-13-01");
      broken = g_bytes_new (text, strlen (text));
      g_assert_null (plan_tree (db, broken, &tree_error));
      g_assert_null (plan_reading (db, broken, &read_error));
      g_assert_error (read_error, ICAT_ERROR, ICAT_ERROR_INVALID);
      g_assert_cmpstr (read_error->message, ==, tree_error->message);
      g_assert_nonnull (strstr (read_error->message, cases[c].path));
    }

  icat_db_close (db);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Other laptops tell a newer change from an older one by these clocks.
 * Enough items that the journal notes their rows in more than one batch;
 * then one item deleted (its rows leave tombstones) and imported again,
 * with one more item so the import is a change of its own rather than
 * combined with the deletion. */
static void
test_notes_clocks (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = icat_test_store_new (dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (path, ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(GBytes) document = make_document_of (db, 2500);
  g_autoptr(GBytes) one_more = make_document_of (db, 2501);
  const char *first_item = "7f000000-0000-4000-8000-000000000100";
  g_autofree char *tombstones_before = NULL;
  g_autofree char *tombstones = NULL;
  g_autofree char *tombstones_after = NULL;

  g_assert_true (icat_store_import (store, document, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  /* Each item, its two links and its status history; the meeting, its
   * agenda item and that item's link. */
  g_assert_cmpuint (check_inserts_noted (db), ==, 2500 * 4 + 3);

  tombstones_before = icat_test_query_text (db, "SELECT count(*) FROM sync_tombstone");
  g_assert_true (icat_store_delete (store, "action_item", first_item, &error));
  g_assert_no_error (error);
  tombstones = icat_test_query_text (db, "SELECT count(*) - 4 FROM sync_tombstone");
  g_assert_cmpstr (tombstones, ==, tombstones_before);
  g_assert_true (icat_store_import (store, one_more, "bulk.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_inserts_noted (db), ==, 2 * 4);
  tombstones_after = icat_test_query_text (db, "SELECT count(*) FROM sync_tombstone");
  g_assert_cmpstr (tombstones_after, ==, tombstones_before);

  icat_test_finalize_store (g_steal_pointer (&store));
  g_clear_pointer (&db, icat_db_close);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/import/bulk/same-as-record-by-record", test_same_as_record_by_record);
  g_test_add_func ("/import/bulk/store", test_store_import);
  g_test_add_func ("/import/bulk/reaches-other-laptop", test_reaches_other_laptop);
  g_test_add_func ("/import/bulk/index-in-one-pass", test_index_in_one_pass);
  g_test_add_func ("/import/bulk/notes-clocks", test_notes_clocks);
  g_test_add_func ("/import/bulk/reading-plan", test_reading_plan);
  g_test_add_func ("/import/bulk/reading-plan-first-error", test_reading_plan_first_error);
  g_test_add_func ("/import/bulk/indexes-set-aside", test_indexes_set_aside);
  return g_test_run ();
}
