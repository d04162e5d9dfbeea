/* icat-search-tokenizer.h — the index of one- and two-character terms
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The FTS5 tokenizer behind search_short (schema 7). */
#define ICAT_SEARCH_TOKENIZER "icat_short"

/* Registers the tokenizer on every SQLite connection this process opens
 * from now on (sqlite3_auto_extension), so the app, the command line,
 * `check`, sync's own connections and the tests all can write
 * search_doc, whose triggers fill search_short. Safe to call often. */
void      icat_search_tokenizer_init      (void);

/* Registers it on one connection. */
int       icat_search_tokenizer_register  (sqlite3    *handle);

/* Calls emit with each token the tokenizer makes of a document's text:
 * every character but white space, folded to lower case, and every pair
 * of neighbouring such characters. For tests and the snippet. */
void      icat_search_tokenizer_split     (const char *text,
                                           void      (*emit) (const char *token,
                                                              gsize       length,
                                                              gpointer    user_data),
                                           gpointer    user_data);

G_END_DECLS
