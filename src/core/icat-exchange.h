/* icat-exchange.h — the JSON exchange document: parse, check, import, export
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-db.h"
#include "icat-new-rows.h"
#include "icat-schema.h"
#include "icat-validate.h"

G_BEGIN_DECLS

#define ICAT_FORMAT_NAME "icat-tracker"
#define ICAT_FORMAT_VERSION 1
/* The program that wrote a document: its top-level "generator" (config.h's
 * PACKAGE_VERSION, where the macro is used). */
#define ICAT_EXCHANGE_GENERATOR "ICAT Tracker " PACKAGE_VERSION
/* Deep enough for any record of the format (document, list, record, nested
 * list, child, link list); json-glib recurses without a limit and crashes
 * on documents nested hundreds of thousands deep. */
#define ICAT_FORMAT_MAX_DEPTH 16

typedef struct {
  guint added;
  guint updated;   /* replaced: the file's copy was as new or newer */
  guint kept;      /* the stored copy was newer and stays */
  guint removed;   /* only with --replace: stored records not in the file */
} IcatImportCounts;

typedef struct {
  IcatImportCounts total;
  IcatImportCounts by_kind[ICAT_N_KINDS];  /* in the order of icat_schema_kinds() */
} IcatImportSummary;

typedef struct _IcatImportPlan IcatImportPlan;

/* Reads a document: not empty, valid UTF-8, not absurdly nested, JSON, our
 * format and version. Errors read "NAME:LINE:COLUMN: message" or
 * "NAME: message". */
JsonNode       *icat_exchange_parse   (const char     *display_name,
                                       GBytes         *bytes,
                                       GError        **error);
/* A document read for an import: checked as icat_exchange_parse ()
 * checks it, but with each record left as text until it is planned, then
 * read one at a time (see icat-exchange-split.c). */
typedef struct _IcatExchangeDocument IcatExchangeDocument;

IcatExchangeDocument *icat_exchange_read (const char   *display_name,
                                          GBytes       *bytes,
                                          GError      **error);
void            icat_exchange_document_free (IcatExchangeDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatExchangeDocument, icat_exchange_document_free)

/* Validates every record and reference against the document and the
 * database; nothing is written. */
IcatImportPlan *icat_import_plan_new  (IcatDb         *db,
                                       JsonNode       *document,
                                       gboolean        replace,
                                       const char     *display_name,
                                       GError        **error);
/* The same for a document icat_exchange_read () read, which the plan takes,
 * holding only the records it needs to check across the document; the
 * others are read again when written. */
IcatImportPlan *icat_import_plan_new_reading (IcatDb                *db,
                                              IcatExchangeDocument  *document,
                                              gboolean               replace,
                                              GError               **error);
const IcatImportSummary *icat_import_plan_get_summary (IcatImportPlan *plan);
/* Writes the plan; the caller holds the transaction. Each record is let
 * go once written, so a plan is applied once. */
gboolean        icat_import_plan_apply (IcatImportPlan *plan,
                                       IcatDb         *db,
                                       GError        **error);
/* The same, with the rows of records new to the database (their own row
 * and links) noted in new_rows instead of the session that records the
 * transaction. */
gboolean        icat_import_plan_apply_noting_new_rows (IcatImportPlan  *plan,
                                                        IcatDb          *db,
                                                        IcatNewRows     *new_rows,
                                                        GError         **error);
void            icat_import_plan_free (IcatImportPlan *plan);

/* Checks that every reference the validation collected names a record in
 * file_ids ("kind/id") or, unless replace, in the database; file_parents
 * holds the ids of records whose nested lists the file replaces. */
gboolean        icat_validation_resolve (IcatValidation *validation,
                                       IcatDb         *db,
                                       GHashTable     *file_ids,
                                       GHashTable     *file_parents,
                                       gboolean        replace,
                                       GError        **error);

/* Fields marked unique: not twice in the document (seen collects
 * "kind/field/value"), and not on a stored record the document does not
 * replace (file_ids). */
gboolean        icat_check_unique     (IcatDb         *db,
                                       const IcatKind *kind,
                                       JsonObject     *record,
                                       const char     *path,
                                       GHashTable     *seen,
                                       GHashTable     *file_ids,
                                       gboolean        replace,
                                       GError        **error);

/* The whole database as a stable exchange document (UTF-8, ends in a
 * newline). exported_at NULL means now. */
char           *icat_exchange_export  (IcatDb         *db,
                                       const char     *exported_at,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatImportPlan, icat_import_plan_free)

G_END_DECLS
