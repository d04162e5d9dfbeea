/* icat-search.h — finding records by any words in them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "icat-db.h"
#include "icat-store.h"

G_BEGIN_DECLS

/* The search behind Ctrl+F, `icat-tracker-cli search` and
 * icat_store_search(): up to limit IcatSearchHits for the records holding
 * every word of text (a substring, in any case), those with every word in
 * their title first, then the rest, each group newest record first.
 * Cancelling stops the query between rows (G_IO_ERROR_CANCELLED). */
GPtrArray *icat_search_run           (IcatDb        *db,
                                      const char    *text,
                                      guint          limit,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* The same on a worker thread with a read connection of its own, for a
 * window that must not wait: the previous keystroke's search is
 * cancelled through its GCancellable. */
void       icat_store_search_async   (IcatStore          *self,
                                      const char         *text,
                                      guint               limit,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
GPtrArray *icat_store_search_finish  (GAsyncResult       *result,
                                      GError            **error);

/* A line of text around the first place where a word of query occurs in
 * text: at most about width characters, "…" where it is cut, line breaks
 * as spaces. NULL when no word occurs. */
char      *icat_search_snippet       (const char    *text,
                                      const char    *query,
                                      guint          width);

/* text as Pango markup: escaped, each place where a word of query occurs
 * (as the search finds it, in any case) in bold. */
char      *icat_search_markup        (const char    *text,
                                      const char    *query);

G_END_DECLS
