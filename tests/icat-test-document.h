/* icat-test-document.h — random valid exchange documents from a seed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICAT_TEST_DOCUMENT_DEFAULT = 0,
  /* Chair terms and work plans, one a year: only for a document restored
   * alone (import --replace), as the seed has years of its own. */
  ICAT_TEST_DOCUMENT_YEARS = 1 << 0,
} IcatTestDocumentFlags;

/* A document of the exchange format that import must accept: agencies,
 * mandates, meetings with every nested list, papers, action items and
 * (with ICAT_TEST_DOCUMENT_YEARS) chair terms and work plans, referring to
 * each other, with text in many scripts. size scales the number of
 * records. The same seed gives the same document. */
char *icat_test_document_new (guint32               seed,
                              guint                 size,
                              IcatTestDocumentFlags flags);

/* Every "kind/id" of the document's records. */
GPtrArray *icat_test_document_ids (const char *document);

G_END_DECLS
