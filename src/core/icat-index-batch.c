/* icat-index-batch.c — an import's search documents, written together
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-index-batch"

#include "config.h"

#include "icat-index-batch.h"
#include "icat-record-io.h"
#include "icat-schema-aside.h"

/* Enough that the index writes a handful of segments for 100,000 records,
 * few enough that the batch's text stays small. */
#define BATCH_SIZE 4096

/* Fewer documents than this are indexed as they are written: a rebuild
 * reads every stored document again. */
#define BULK_MINIMUM 2000

static gboolean always_bulk;  /* for tests */

/* The full-text indexes whose content is search_doc, which its triggers
 * fill (schema 001 and 007). */
static const char * const full_text_indexes[] = { "search_fts", "search_short" };

struct _IcatIndexBatch {
  GString   *documents;  /* a JSON array of [kind, record id, title, body] */
  guint      n_documents;
  GPtrArray *triggers;   /* the SQL of search_doc's triggers, set aside; NULL: indexing row by row */
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
  g_clear_pointer (&batch->triggers, g_ptr_array_unref);
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

gboolean
icat_index_batch_is_bulk (guint n_rows,
                          guint n_stored)
{
  return always_bulk || (n_rows >= BULK_MINIMUM && n_rows >= n_stored);
}

gboolean
icat_index_batch_plan (IcatIndexBatch  *batch,
                       IcatDb          *db,
                       guint            n_documents,
                       guint            n_stored,
                       GError         **error)
{
  if (!icat_index_batch_is_bulk (n_documents, n_stored))
    return TRUE;
  batch->triggers = icat_schema_set_aside (db, "trigger", "search_doc", FALSE, error);
  return batch->triggers != NULL;
}

/* FTS5 keeps the terms of the documents it is given in memory up to its
 * "hashsize" (1 MiB unless set), then writes them as a segment of the
 * index, and merges the segments as they pile up. For a rebuild it is
 * raised so the index of 100,000 documents is written in a few large
 * segments instead of being merged again and again, then set back. */
#define FTS5_DEFAULT_HASH_SIZE (1024 * 1024)
#define REBUILD_HASH_SIZE (32 * 1024 * 1024)

static gboolean
set_hash_size (IcatDb      *db,
               const char  *index,
               int          size,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\", rank) VALUES ('hashsize', %d)",
                                          index, index, size);

  return icat_db_exec (db, sql, error);
}

/* Each index read again from search_doc in one pass ('rebuild'): what
 * the triggers would have written, document by document. */
static gboolean
rebuild_indexes (IcatIndexBatch  *batch,
                 IcatDb          *db,
                 GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (full_text_indexes); i++)
    {
      const char *index = full_text_indexes[i];
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\") VALUES ('rebuild')", index, index);

      if (!set_hash_size (db, index, REBUILD_HASH_SIZE, error) ||
          !icat_db_exec (db, rebuild, error) ||
          !set_hash_size (db, index, FTS5_DEFAULT_HASH_SIZE, error))
        return FALSE;
    }
  if (!icat_schema_restore (db, batch->triggers, error))
    return FALSE;
  g_clear_pointer (&batch->triggers, g_ptr_array_unref);
  return TRUE;
}

gboolean
icat_index_batch_finish (IcatIndexBatch  *batch,
                         IcatDb          *db,
                         GError         **error)
{
  if (!icat_index_batch_flush (batch, db, error))
    return FALSE;
  return batch->triggers == NULL || rebuild_indexes (batch, db, error);
}

void
_icat_index_batch_set_always_bulk (gboolean bulk)
{
  always_bulk = bulk;
}
