/* icat-history-private.h — what the History window's files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-sync.h"

G_BEGIN_DECLS

/* Texts longer than this, or of several lines, are shown as a diff. */
#define ICAT_HISTORY_SHORT_TEXT 80

/* A restore button carries what it puts back: "nested-path" (or none),
 * "field", "value" (JSON) and "label" (the field in words), as data. */
typedef void (*IcatHistoryRestoreFunc) (GtkButton *button,
                                        gpointer   user_data);

/* One change of the journal: which laptop and when, then each field it
 * changed with its old and new value. newer_fields holds the fields of
 * the changes shown above it ("path/field"), whose version after this
 * change is not the current one: only those offer to restore it; the
 * entry's fields are added. */
GtkWidget *_icat_history_entry_new    (IcatSyncHistoryEntry   *entry,
                                       GHashTable             *newer_fields,
                                       IcatHistoryRestoreFunc  restore,
                                       gpointer                user_data);
/* "5 March 2027, 10:42" in the user's time zone, from ISO 8601 UTC. */
char      *_icat_history_format_time  (const char             *made_at);
/* "old → new", for short texts; "(empty)" for no value. */
char      *_icat_history_short_change (const char             *old_text,
                                       const char             *new_text);

/* For an approved record (JSON as read), since when its changes count as
 * made after approval: the change that approved it, or, when the journal
 * holds none, the day it records; NULL when it is not approved. On a
 * worker's connection. */
gboolean   _icat_history_approval_since (IcatDb              *db,
                                         const char          *kind,
                                         JsonObject          *record,
                                         char               **since,
                                         GError             **error);

G_END_DECLS
