/* icat-exchange-split.h — a document's record lists cut into one piece per record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-schema.h"

G_BEGIN_DECLS

/* Where one record's text is in the document. */
typedef struct {
  gsize offset;
  gsize length;
} IcatRecordSpan;

typedef struct {
  /* The document without the records: each list that was cut is "[]". */
  char   *skeleton;
  gsize   skeleton_length;
  /* IcatRecordSpan per record, in icat_schema_kinds () order; NULL where
   * the document has no list of that kind to cut. */
  GArray *spans[ICAT_N_KINDS];
} IcatExchangeSplit;

IcatExchangeSplit *icat_exchange_split      (const char        *text,
                                             gsize              length);
void               icat_exchange_split_free (IcatExchangeSplit *split);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatExchangeSplit, icat_exchange_split_free)

G_END_DECLS
