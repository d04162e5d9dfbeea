/* icat-sync-private.h — what the parts of merging share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-store-private.h"
#include "icat-sync.h"

G_BEGIN_DECLS

/* A hybrid logical clock: milliseconds since 1970 << 16 | a counter, so a
 * laptop's next change is later than every change it has seen, whatever
 * its wall clock says. Ties between laptops go to the higher device id. */
typedef struct {
  gint64      hlc;
  const char *device;
} IcatSyncClock;

int       _icat_sync_clock_compare (const IcatSyncClock *a,
                                    const IcatSyncClock *b);
/* The wall-clock time of a clock, ISO 8601 UTC. */
char     *_icat_sync_clock_time    (gint64             hlc);

/* One row's identity in the clock, tombstone and conflict tables: its
 * primary key values, in order, joined by a space (ids hold none). */
char     *_icat_sync_row_key       (sqlite3_changeset_iter *iter,
                                    gboolean                old_values);
/* Values as JSON, for tombstones and conflicts: NULL, integers, reals and
 * texts as themselves. */
JsonNode *_icat_sync_value_to_json (sqlite3_value     *value);
char     *_icat_sync_value_to_text (sqlite3_value     *value);
void      _icat_sync_bind_json     (sqlite3_stmt      *stmt,
                                    int                index,
                                    JsonNode          *node);
gboolean  _icat_sync_values_equal  (sqlite3_value     *a,
                                    sqlite3_value     *b);

/* The row's first column (its record's id, or its parent's): from the
 * change when it holds it, else from the row in db; NULL when neither. */
char      *_icat_sync_first_column  (IcatDb                 *db,
                                     const char             *table,
                                     sqlite3_changeset_iter *iter,
                                     gboolean                old_key);
/* Column names of a record table (as PRAGMA table_info lists them), or
 * NULL for a table that is not one: changesets name tables, and only
 * record tables may be touched. Owned by the cache. */
GPtrArray *_icat_sync_table_columns (IcatDb          *db,
                                     const char      *table);
/* The primary key columns' positions, in key order. */
GArray    *_icat_sync_table_key     (IcatDb          *db,
                                     const char      *table);

/* Brings the clocks and tombstones up to date with a change made (or
 * applied) at clock: creations, column writes and deletions. */
gboolean  _icat_sync_note_changes  (IcatDb              *db,
                                    const void          *changeset,
                                    int                  size,
                                    const IcatSyncClock *clock,
                                    GError             **error);
/* The next clock for a change of this laptop: later than every clock in
 * the journal and than the wall clock. */
gint64    _icat_sync_next_hlc      (IcatDb          *db,
                                    GError         **error);

/* Applying one change of another laptop (icat-sync-apply.c). */
typedef struct {
  const char *device;
  gint64      seq;
  gint64      hlc;
  const char *made_at;
  GBytes     *changeset;
  const char *resolves;  /* JSON array or NULL */
} IcatSyncEntry;

gboolean  _icat_sync_apply_entry   (IcatDb          *db,
                                    const IcatSyncEntry *entry,
                                    IcatNotices     *notices,
                                    guint           *new_conflicts,
                                    GError         **error);
/* After a batch: broken references repaired and duplicate decision
 * numbers found, each kept as a conflict. */
gboolean  _icat_sync_repair        (IcatDb          *db,
                                    IcatNotices     *notices,
                                    const IcatSyncClock *clock,
                                    guint           *new_conflicts,
                                    GError         **error);

/* Conflicts (icat-sync-conflict.c). */
typedef struct {
  const char          *kind;
  const char          *table;
  const char          *row_key;
  int                  column;       /* -1: the whole row */
  const char          *kept_value;   /* JSON text */
  const IcatSyncClock *kept;
  const char          *lost_value;
  const IcatSyncClock *lost;
  const char          *record_hint;  /* the row's first column, when known */
} IcatSyncClash;

gboolean  _icat_sync_record_clash  (IcatDb          *db,
                                    const IcatSyncClash *clash,
                                    guint           *new_conflicts,
                                    GError         **error);
/* A device's newer value replaces its own older losing one. */
gboolean  _icat_sync_drop_superseded (IcatDb        *db,
                                    const char      *table,
                                    const char      *row_key,
                                    int              column,
                                    const IcatSyncClock *newer,
                                    GError         **error);
gboolean  _icat_sync_close_conflicts (IcatDb        *db,
                                    const char      *resolves,
                                    GError         **error);
/* Open conflicts whose id begins with id_prefix (NULL: all). */
GPtrArray *_icat_sync_list_conflicts (IcatDb        *db,
                                    const char      *id_prefix,
                                    GError         **error);

/* Settings kept in the database (sync_setting). */
char     *_icat_sync_setting       (IcatDb          *db,
                                    const char      *key);
gboolean  _icat_sync_set_setting   (IcatDb          *db,
                                    const char      *key,
                                    const char      *value,
                                    GError         **error);
/* After joining or making a group: a snapshot and the state file of this
 * laptop in the folder, and its changes so far counted as published. */
gboolean  _icat_sync_start_publishing (IcatStore     *store,
                                    GError         **error);
/* _icat_sync_set_setting () in a write of the store's own. */
gboolean  _icat_sync_store_setting (IcatStore       *store,
                                    const char      *key,
                                    const char      *value,
                                    GError         **error);

G_END_DECLS
