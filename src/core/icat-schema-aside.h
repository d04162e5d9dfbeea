/* icat-schema-aside.h — triggers and indexes set aside while a large import writes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-db.h"

G_BEGIN_DECLS

/* Drops the schema's objects of type ("trigger" or "index") on table, and
 * with nested on the tables of its nested lists and links too
 * ("action_item_mandates"), keeping their SQL to create them again: inside
 * the caller's transaction, so a failed import rolls them back with the
 * rest, and other connections never see a table without them. Indexes a
 * table's own constraints made (a primary key, UNIQUE) are never dropped.
 * Returns the statements that create them again (perhaps none), or NULL
 * with error set. */
GPtrArray *icat_schema_set_aside (IcatDb      *db,
                                  const char  *type,
                                  const char  *table,
                                  gboolean     nested,
                                  GError     **error);
/* Creates again what icat_schema_set_aside () dropped. */
gboolean   icat_schema_restore   (IcatDb      *db,
                                  GPtrArray   *statements,
                                  GError     **error);

G_END_DECLS
