/* icat-index-batch.c — an import's search documents, written together
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-index-batch"

#include "config.h"

#include "icat-index-batch.h"
#include "icat-record-io.h"

/* Enough that the index writes a handful of segments for 100,000 records,
 * few enough that the batch's text stays small. */
#define BATCH_SIZE 4096

struct _IcatIndexBatch {
  JsonArray *documents;  /* [kind, record id, title, body] */
};

IcatIndexBatch *
icat_index_batch_new (void)
{
  IcatIndexBatch *batch = g_new0 (IcatIndexBatch, 1);

  batch->documents = json_array_new ();
  return batch;
}

void
icat_index_batch_free (IcatIndexBatch *batch)
{
  json_array_unref (batch->documents);
  g_free (batch);
}

gboolean
icat_index_batch_flush (IcatIndexBatch  *batch,
                        IcatDb          *db,
                        GError         **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (json_array_get_length (batch->documents) == 0)
    return TRUE;
  node = json_node_init_array (json_node_alloc (), batch->documents);
  json = json_to_string (node, FALSE);
  json_array_unref (batch->documents);
  batch->documents = json_array_new ();

  /* The same upsert as icat_record_io_index (), row by row in the
   * batch's order; "WHERE true" tells SQLite that ON CONFLICT belongs to
   * the INSERT, not to the SELECT. */
  stmt = icat_db_prepare (db,
                          "INSERT INTO search_doc (kind, record_id, title, body) "
                          "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each (?1) WHERE true "
                          "ORDER BY key "
                          "ON CONFLICT (record_id) DO UPDATE SET title = excluded.title, body = excluded.body",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, json);
  return icat_db_run (db, stmt, error);
}

gboolean
icat_index_batch_add (IcatIndexBatch  *batch,
                      IcatDb          *db,
                      const IcatKind  *kind,
                      const char      *id,
                      JsonObject      *record,
                      GError         **error)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  JsonArray *document = json_array_sized_new (4);

  icat_record_io_search_text (kind, record, title, body);
  json_array_add_string_element (document, kind->name);
  json_array_add_string_element (document, id);
  json_array_add_string_element (document, title->str);
  json_array_add_string_element (document, body->str);
  json_array_add_array_element (batch->documents, document);
  if (json_array_get_length (batch->documents) < BATCH_SIZE)
    return TRUE;
  return icat_index_batch_flush (batch, db, error);
}
