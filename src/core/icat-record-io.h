/* icat-record-io.h — records between SQL rows and exchange-format objects
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-db.h"
#include "icat-new-rows.h"
#include "icat-schema.h"

G_BEGIN_DECLS

/* The whole record as the exchange format writes it, or NULL with
 * ICAT_ERROR_NOT_FOUND. */
JsonObject *icat_record_io_read     (IcatDb         *db,
                                     const IcatKind *kind,
                                     const char     *id,
                                     GError        **error);
/* Stores a validated, normalized record. Only what differs from the
 * stored copy is written: nested rows by their ids (seq is their place in
 * the list), links by their targets; rows and links no longer listed go. */
gboolean    icat_record_io_write    (IcatDb         *db,
                                     const IcatKind *kind,
                                     JsonObject     *record,
                                     GError        **error);
/* The same for a record the database does not hold yet (an import knows
 * which): it skips looking for the record's own rows and links to remove,
 * since it has none, and writes exactly what icat_record_io_write () would.
 * With new_rows, the record's own row and links are noted there rather
 * than in the session (see icat-new-rows.h). */
gboolean    icat_record_io_write_new (IcatDb          *db,
                                      const IcatKind  *kind,
                                      JsonObject      *record,
                                      IcatNewRows     *new_rows,
                                      GError         **error);
/* Deletes the record, its nested rows and every link row it owns, in the
 * caller's transaction. */
gboolean    icat_record_io_delete   (IcatDb         *db,
                                     const IcatKind *kind,
                                     const char     *id,
                                     GError        **error);
/* How many references other records hold to this one. */
gboolean    icat_record_io_count_uses (IcatDb       *db,
                                     const IcatKind *kind,
                                     const char     *id,
                                     gint64         *uses,
                                     GError        **error);
gboolean    icat_record_io_exists   (IcatDb         *db,
                                     const char     *table,
                                     const char     *id,
                                     gboolean       *exists,
                                     GError        **error);
/* The ids of every record of kind, sorted; NULL on failure. */
GPtrArray  *icat_record_io_list_ids (IcatDb         *db,
                                     const IcatKind *kind,
                                     GError        **error);
/* The stored updated_at, or NULL when there is no such record. */
char       *icat_record_io_updated_at (IcatDb       *db,
                                     const IcatKind *kind,
                                     const char     *id,
                                     GError        **error);
/* The record's searchable text as its search document holds it. */
void        icat_record_io_search_text (const IcatKind *kind,
                                        JsonObject     *record,
                                        GString        *title,
                                        GString        *body);
/* Refreshes the record's row in the full-text index (or removes it when
 * record is NULL). */
gboolean    icat_record_io_index    (IcatDb         *db,
                                     const IcatKind *kind,
                                     const char     *id,
                                     JsonObject     *record,
                                     GError        **error);

/* Text helpers shared with the search index and displays. */
/* The text of a localized object to show: in the user's language, else
 * English, else Chinese, else any other; NULL when it has none. */
const char *icat_localized_pick     (JsonObject     *localized);
/* The language of the records ("ar", "en", "es", "fr", "ru" or "zh") the
 * user reads first, "en" when none of them: where typed names go. */
const char *icat_localized_user_code (void);
/* Whether code is one of those six. */
gboolean    icat_localized_is_code  (const char     *code);
char       *icat_record_title       (const IcatKind *kind,
                                     JsonObject     *record);

G_END_DECLS
