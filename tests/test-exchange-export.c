/* test-exchange-export.c — the streamed export gives the bytes of reading record by record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export used to read each record with icat_record_io_read() (a query
 * per record and per nested list) and have json-glib lay out the whole
 * document at once. That way is kept here, as it was, and the streamed
 * export must give the same bytes for the seed, for random documents
 * (icat-test-document.c: every kind, every nested list, text in many
 * scripts), merged into the seed or restored alone, and for a database
 * with no records at all. ICAT_EXCHANGE_EXPORT_TRIALS sets the number of
 * random documents and ICAT_EXCHANGE_EXPORT_SEED the first one's seed.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "icat-exchange.h"
#include "icat-exchange-export.h"
#include "icat-record-io.h"
#include "icat-record-read.h"
#include "icat-test-document.h"
#include "icat-test-state.h"
#include "icat-test-util.h"

#define EXPORTED_AT "2026-01-01T00:00:00.000Z"

static char *template_dir;
static char *template_path;

/* The export as it was before it streamed {{{ */

static gboolean
add_records_one_by_one (IcatDb      *db,
                        JsonObject  *root,
                        GError     **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], error);
      g_autoptr(JsonArray) records = json_array_new ();

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          JsonObject *record = icat_record_io_read (db, kinds[k], ids->pdata[i], error);

          if (record == NULL)
            return FALSE;
          json_array_add_object_element (records, record);
        }
      json_object_set_array_member (root, kinds[k]->plural, g_steal_pointer (&records));
    }
  return TRUE;
}

static char *
export_one_by_one (IcatDb     *db,
                   const char *exported_at)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (root, "format", ICAT_FORMAT_NAME);
  json_object_set_int_member (root, "version", ICAT_FORMAT_VERSION);
  json_object_set_string_member (root, "exported_at", exported_at);
  json_object_set_string_member (root, "generator", ICAT_EXCHANGE_GENERATOR);
  g_assert_true (icat_db_begin_snapshot (db, &error));
  g_assert_true (add_records_one_by_one (db, root, &error));
  g_assert_no_error (error);
  icat_db_end_snapshot (db);

  json_node_set_object (root_node, root);
  json_generator_set_root (generator, root_node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* }}} */

static IcatStore *
open_copy (const char *dir,
           char      **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "export.db", NULL);
  IcatStore *store;

  icat_test_copy_file (template_path, path);
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  *path_out = g_steal_pointer (&path);
  return store;
}

static void
import_document (IcatStore       *store,
                 const char      *document,
                 IcatImportFlags  flags)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_store_import (store, bytes, "random.json", flags, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_same_export (IcatStore  *store,
                    const char *exported_at,
                    const char *what)
{
  IcatDb *db = _icat_store_get_read_db (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed = icat_exchange_export (db, exported_at, &error);
  g_autofree char *one_by_one = export_one_by_one (db, exported_at);

  g_assert_no_error (error);
  if (g_strcmp0 (streamed, one_by_one) != 0)
    g_error ("%s: the streamed export differs from reading record by record", what);
  /* And it is a document import takes back. */
  g_assert_true (g_str_has_suffix (streamed, "\n}\n"));
  g_assert_true (sqlite3_get_autocommit (icat_db_handle (db)));
}

static void
test_seed (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = open_copy (dir, &path);

  assert_same_export (store, EXPORTED_AT, "the seed");
  /* exported_at is whatever the caller gives, quoted as json-glib quotes. */
  assert_same_export (store, "\"quoted\"\n\t\\ 导出", "exported_at with escapes");
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_random_documents (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  guint trials = icat_test_env_uint ("ICAT_EXCHANGE_EXPORT_TRIALS", 12);
  guint32 first_seed = icat_test_env_seed ("ICAT_EXCHANGE_EXPORT_SEED");

  g_test_message ("ICAT_EXCHANGE_EXPORT_SEED=%u replays these documents", first_seed);
  for (guint trial = 0; trial < trials; trial++)
    {
      guint32 seed = first_seed + trial;
      gboolean alone = trial % 2 == 1;
      g_autofree char *document = icat_test_document_new (seed, 1 + trial % 6,
                                                          alone ? ICAT_TEST_DOCUMENT_YEARS : ICAT_TEST_DOCUMENT_DEFAULT);
      g_autofree char *path = NULL;
      g_autofree char *what = g_strdup_printf ("seed %u, %s", seed, alone ? "alone" : "merged");
      g_autoptr(IcatStore) store = open_copy (dir, &path);

      import_document (store, document, alone ? ICAT_IMPORT_REPLACE : ICAT_IMPORT_DEFAULT);
      assert_same_export (store, EXPORTED_AT, what);
      g_clear_object (&store);
      g_remove (path);
    }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every list empty: "[]" on one line, as json-glib writes an empty array. */
static void
test_no_records (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = open_copy (dir, &path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  import_document (store, "{\"format\": \"icat-tracker\", \"version\": 1}", ICAT_IMPORT_REPLACE);
  assert_same_export (store, EXPORTED_AT, "no records");
  text = icat_exchange_export (_icat_store_get_read_db (store), EXPORTED_AT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\n  \"agencies\" : [],\n"));
  g_assert_true (g_str_has_suffix (text, "\n  \"work_plans\" : []\n}\n"));
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct {
  GString *text;
  guint    pieces;
  guint    fail_at;  /* the piece refused as a full disk would; 0: none */
} Sink;

static gboolean
collect (const char  *data,
         gsize        length,
         gpointer     user_data,
         GError     **error)
{
  Sink *sink = user_data;

  if (++sink->pieces == sink->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return FALSE;
    }
  g_assert_cmpuint (length, >, 0);
  g_string_append_len (sink->text, data, length);
  return TRUE;
}

/* A large export reaches the sink in pieces that add up to the document;
 * a sink that fails stops it with its error and lets the snapshot go. */
static void
test_pieces (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = open_copy (dir, &path);
  g_autofree char *document = icat_test_document_new (4242, 40, ICAT_TEST_DOCUMENT_DEFAULT);
  IcatDb *db = _icat_store_get_read_db (store);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) partial = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;
  Sink sink = { text, 0, 0 };
  Sink failing = { partial, 0, 2 };

  import_document (store, document, ICAT_IMPORT_DEFAULT);
  whole = icat_exchange_export (db, EXPORTED_AT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (whole), >, 2 * 64 * 1024);

  g_assert_true (icat_exchange_export_to (db, EXPORTED_AT, collect, &sink, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink.pieces, >=, 2);
  g_assert_cmpstr (text->str, ==, whole);

  g_assert_false (icat_exchange_export_to (db, EXPORTED_AT, collect, &failing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (failing.pieces, ==, 2);
  g_assert_true (g_str_has_prefix (whole, partial->str));
  g_assert_true (sqlite3_get_autocommit (icat_db_handle (db)));
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The reader gives each kind's records in the order of their ids, each as
 * icat_record_io_read() reads it, and nothing for a kind with no records. */
static void
test_reader (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = open_copy (dir, &path);
  g_autofree char *document = icat_test_document_new (77, 3, ICAT_TEST_DOCUMENT_DEFAULT);
  IcatDb *db = _icat_store_get_read_db (store);
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  g_autoptr(GError) error = NULL;

  import_document (store, document, ICAT_IMPORT_DEFAULT);
  g_assert_true (icat_db_begin_snapshot (db, &error));
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(IcatRecordReader) reader = icat_record_reader_new (db, kinds[k], &error);
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], &error);
      JsonObject *record;
      guint n = 0;

      g_assert_no_error (error);
      while ((record = icat_record_reader_next (reader, &error)) != NULL)
        {
          g_autoptr(JsonObject) read = record;
          g_autoptr(JsonObject) expected = icat_record_io_read (db, kinds[k], ids->pdata[n], &error);
          g_autoptr(JsonNode) read_node = json_node_init_object (json_node_alloc (), read);
          g_autoptr(JsonNode) expected_node = json_node_init_object (json_node_alloc (), expected);

          g_assert_no_error (error);
          g_assert_cmpstr (json_object_get_string_member (read, "id"), ==, ids->pdata[n]);
          g_assert_true (json_node_equal (read_node, expected_node));
          n++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, ids->len);
      /* At the end it stays at the end. */
      g_assert_null (icat_record_reader_next (reader, &error));
      g_assert_no_error (error);
    }
  icat_db_end_snapshot (db);
  g_clear_object (&store);
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

  g_test_add_func ("/exchange-export/seed", test_seed);
  g_test_add_func ("/exchange-export/random-documents", test_random_documents);
  g_test_add_func ("/exchange-export/no-records", test_no_records);
  g_test_add_func ("/exchange-export/pieces", test_pieces);
  g_test_add_func ("/exchange-export/reader", test_reader);
  status = g_test_run ();

  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
  g_free (template_path);
  return status;
}
