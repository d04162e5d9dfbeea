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
  GString *documents;  /* a JSON array of [kind, record id, title, body] */
  guint    n_documents;
};

IcatIndexBatch *
icat_index_batch_new (void)
{
  IcatIndexBatch *batch = g_new0 (IcatIndexBatch, 1);

  batch->documents = g_string_new ("[");
  return batch;
}

void
icat_index_batch_free (IcatIndexBatch *batch)
{
  g_string_free (batch->documents, TRUE);
  g_free (batch);
}

/* Written here rather than by json-glib, which leaves control characters
 * other than \b \f \n \r \t as they are: an imported title may hold
 * them (json-glib reads them), and SQLite's JSON reader refuses them. */
void
icat_json_append_string (GString    *out,
                         const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_printf (out, "\\%c", *c);
      else if ((guchar) *c < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *c);
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

gboolean
icat_index_batch_flush (IcatIndexBatch  *batch,
                        IcatDb          *db,
                        GError         **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (batch->n_documents == 0)
    return TRUE;
  g_string_append_c (batch->documents, ']');
  json = g_string_free (batch->documents, FALSE);
  batch->documents = g_string_new ("[");
  batch->n_documents = 0;

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
  const char *fields[4];

  icat_record_io_search_text (kind, record, title, body);
  fields[0] = kind->name;
  fields[1] = id;
  fields[2] = title->str;
  fields[3] = body->str;
  g_string_append (batch->documents, batch->n_documents > 0 ? ",[" : "[");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (batch->documents, ',');
      icat_json_append_string (batch->documents, fields[i]);
    }
  g_string_append_c (batch->documents, ']');
  if (++batch->n_documents < BATCH_SIZE)
    return TRUE;
  return icat_index_batch_flush (batch, db, error);
}
