/* icat-record-read.h — every record of a kind, read in one pass per table
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * icat_record_io_read() reads one record with a query per nested list; a
 * whole export would run hundreds of thousands of them. A reader walks
 * each table of a kind once, all in the order of the records' ids, and
 * puts every record together as its rows go by.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-db.h"
#include "icat-schema.h"

G_BEGIN_DECLS

typedef struct _IcatRecordReader IcatRecordReader;

/* Reads kind's records sorted by id, each as icat_record_io_read() gives
 * it. Holds statements of db until freed: call it inside one snapshot. */
IcatRecordReader *icat_record_reader_new  (IcatDb           *db,
                                           const IcatKind   *kind,
                                           GError          **error);
/* The next record, or NULL at the end (error unset) or on failure. */
JsonObject       *icat_record_reader_next (IcatRecordReader *reader,
                                           GError          **error);
void              icat_record_reader_free (IcatRecordReader *reader);

/* A stored column as the exchange format writes it: localized text with
 * its languages in a fixed order, name lists parsed, NULL as null. */
JsonNode         *icat_record_column_to_node (sqlite3_stmt    *stmt,
                                              int              column,
                                              const IcatField *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatRecordReader, icat_record_reader_free)

G_END_DECLS
