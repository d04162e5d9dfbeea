/* icat-record-reader.h — records of an import read ahead on threads of their own
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-validate.h"

G_BEGIN_DECLS

/* Reads and checks item index: returns the record, or NULL and sets error,
 * or NULL without an error for an item with nothing to read. validation
 * is the item's own. Called on the reader's threads, several at once for
 * different items: it may only read what they share. */
typedef JsonObject *(*IcatRecordReadFunc) (gpointer         data,
                                           guint            index,
                                           IcatValidation  *validation,
                                           GError         **error);

typedef struct _IcatRecordReader IcatRecordReader;

/* Starts n_threads threads reading items 0 to n_items - 1, item i on
 * thread i % n_threads, never more than a few hundred ahead of the
 * taker. */
IcatRecordReader *icat_record_reader_start (guint               n_items,
                                            guint               n_threads,
                                            IcatRecordReadFunc  read_func,
                                            gpointer            data);
/* Waits for item index, which must be the one after the last taken, and
 * returns its record (NULL when there was nothing to read, or with error
 * set). validation, when not NULL, receives the item's validation. */
JsonObject       *icat_record_reader_take  (IcatRecordReader   *reader,
                                            guint               index,
                                            IcatValidation    **validation,
                                            GError            **error);
/* Stops the threads, waits for them, and drops what was not taken. */
void              icat_record_reader_stop  (IcatRecordReader   *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatRecordReader, icat_record_reader_stop)

G_END_DECLS
