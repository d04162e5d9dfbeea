/* icat-export-private.h — what the exports and documents share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-db.h"

G_BEGIN_DECLS

/* Prepares sql; unless year is 0, binds ?1 and ?2 to the year and the next
 * ("2016" and "2017"), between which every date of that year sorts. */
sqlite3_stmt *_icat_export_prepare_for_year (IcatDb      *db,
                                             const char  *sql,
                                             int          year,
                                             GError     **error);

/* A localized column holds a JSON object of language → text: the text in
 * the user's language (icat_localized_pick ()); a plain text as it is. */
char         *_icat_export_column_localized (sqlite3_stmt *stmt,
                                             int           column);

G_END_DECLS
