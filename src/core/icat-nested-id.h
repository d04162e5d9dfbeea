/* icat-nested-id.h — stable ids for the rows of nested lists
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A membership, focal point, attendance row, invitee, attachment or status
 * change has no id of its own in older documents. It gets one derived from
 * its parent's id, its list and its natural key, so two laptops importing
 * the same file (or the seed) give the same row the same id, and merging
 * their changes lines up the right rows.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "icat-schema.h"

G_BEGIN_DECLS

/* The namespace of every derived id (a random UUID chosen once; never
 * change it, or ids derived before and after would differ). */
#define ICAT_NESTED_ID_NAMESPACE "d4e4b455-187d-4f52-b5a6-737f941906b1"

/* An RFC 4122 §4.3 name-based (SHA-1, version 5) UUID of name in the
 * namespace, lower-case; NULL if namespace_uuid is not a UUID. */
char     *icat_uuid_v5                (const char     *namespace_uuid,
                                       const char     *name);
/* The id of a nested row: a UUIDv5 of "<parent id>/<list>/<key>", where key
 * is the row's natural key, with "#2", "#3"… for later rows of one list
 * that share it. */
char     *icat_nested_id              (const char     *parent_id,
                                       const char     *list_name,
                                       const char     *key);
/* The natural key of a row of kind ("role/from" for a membership…), or
 * NULL if the kind has none (agenda items and decisions carry their own
 * ids). */
char     *icat_nested_id_natural_key  (const IcatKind *kind,
                                       JsonObject     *row);
/* Gives every row of a validated list that lacks an id (absent or null) its
 * derived id. An id the list already holds is never given twice: the next
 * free "#n" is taken instead. */
void      icat_nested_ids_fill        (const char     *parent_id,
                                       const char     *list_name,
                                       const IcatKind *kind,
                                       JsonArray      *rows);
/* Editors keep the id of each nested row they show on its widget (any
 * GObject), so a save updates the row in place. remember takes the id of
 * the row's data (none for a new row); add puts it into the row's JSON. */
void      icat_nested_id_remember     (gpointer        row_object,
                                       JsonObject     *data);
void      icat_nested_id_add          (gpointer        row_object,
                                       JsonObject     *json);
/* Fills the ids of rows (the JSON of a list of parent_kind's field
 * list_name) that have none, as the store would, and remembers each on
 * its widget: widgets[i] shows rows[i]. */
void      icat_nested_ids_fill_widgets (const char    *parent_kind,
                                       const char     *parent_id,
                                       const char     *list_name,
                                       JsonArray      *rows,
                                       GPtrArray      *widgets);
/* Registers icat_nested_id (parent_id, list_name, key) as an SQL function
 * on the connection, so a migration gives existing rows the same ids. */
int       icat_nested_id_register_sql (sqlite3        *handle);

G_END_DECLS
