/* icat-index-batch.h — an import's search documents, written together
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-db.h"
#include "icat-schema.h"

G_BEGIN_DECLS

typedef struct _IcatIndexBatch IcatIndexBatch;

/* Writes records' search documents as icat_record_io_index () would, a
 * few thousand in one statement. The full-text index keeps what it is
 * given in memory until a statement ends, then writes it out: one
 * statement per document wrote a tiny index segment per record and then
 * merged them, most of an import's time. */
IcatIndexBatch *icat_index_batch_new   (void);
void            icat_index_batch_free  (IcatIndexBatch  *batch);

/* Whether writing n_rows new rows into a table holding n_stored is a bulk
 * write, done faster without what keeps the table's indexes up row by row:
 * a few thousand rows or more, and at least as many as are stored. */
gboolean        icat_index_batch_is_bulk (guint n_rows,
                                          guint n_stored);

/* Before the first document: a batch of n_documents at least as many as
 * the n_stored the database holds, and a few thousand or more, fills the
 * full-text indexes in one pass at the end, rather than through
 * search_doc's triggers document by document. */
gboolean        icat_index_batch_plan  (IcatIndexBatch  *batch,
                                        IcatDb          *db,
                                        guint            n_documents,
                                        guint            n_stored,
                                        GError         **error);

/* Adds the record's document, writing the batch when it is full. */
gboolean        icat_index_batch_add   (IcatIndexBatch  *batch,
                                        IcatDb          *db,
                                        const IcatKind  *kind,
                                        const char      *id,
                                        JsonObject      *record,
                                        GError         **error);
/* Writes what is left. */
gboolean        icat_index_batch_flush (IcatIndexBatch  *batch,
                                        IcatDb          *db,
                                        GError         **error);
/* Writes what is left and fills the indexes a bulk batch left; call it
 * before the transaction ends. */
gboolean        icat_index_batch_finish (IcatIndexBatch  *batch,
                                         IcatDb          *db,
                                         GError         **error);

/* For tests: every batch, however small, fills the indexes at the end. */
void            _icat_index_batch_set_always_bulk (gboolean bulk);

/* Appends text as a JSON string that SQLite's JSON functions read: every
 * control character escaped, which json-glib does not do; NULL as null.
 * For statements that take many rows as one JSON array. */
void            icat_json_append_string (GString    *out,
                                         const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatIndexBatch, icat_index_batch_free)

G_END_DECLS
