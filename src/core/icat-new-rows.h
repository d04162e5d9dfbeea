/* icat-new-rows.h — rows an import inserts, written as changeset bytes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-db.h"

G_BEGIN_DECLS

typedef struct _IcatNewRows IcatNewRows;

/* Collects the rows an import inserts for records the database did not
 * hold (the record's own row and its links), as the INSERT changes
 * SQLite's session would have recorded, while the session (which may be
 * NULL) is paused. The session files each row under a hash of its primary
 * key whose low bits, the bucket, come from the key's last few characters:
 * ids that differ only earlier (sequential ids), or links that share a
 * target (owner_id, target_id), fall into a few buckets, and every insert
 * walks the whole chain — quadratic in an import's size. */
IcatNewRows *icat_new_rows_new        (sqlite3_session  *session);
void         icat_new_rows_free       (IcatNewRows      *rows);

/* Around writing rows that are then noted below. */
void         icat_new_rows_pause      (IcatNewRows      *rows);
void         icat_new_rows_resume     (IcatNewRows      *rows);

/* Notes the row (owner_id, target_id, position) inserted into a link table. */
gboolean     icat_new_rows_add_link   (IcatNewRows      *rows,
                                       IcatDb           *db,
                                       const char       *table,
                                       const char       *owner_id,
                                       const char       *target_id,
                                       gint64            position,
                                       GError          **error);
/* Notes the row of table with this id, as it is now. */
gboolean     icat_new_rows_add_record (IcatNewRows      *rows,
                                       IcatDb           *db,
                                       const char       *table,
                                       const char       *id,
                                       GError          **error);

/* The changes noted, in changeset format (empty when none), to be
 * appended to the session's changeset: a changeset may name a table again. */
GBytes      *icat_new_rows_finish     (IcatNewRows      *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatNewRows, icat_new_rows_free)

G_END_DECLS
