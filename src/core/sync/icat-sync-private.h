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
/* Stamps and list order: columns nobody's work is in, settled silently. */
gboolean   _icat_sync_is_stamp_column (const char     *column);
/* The clock of a column of a row: its own last write, else the row's
 * creation, else none (hlc 0, device ""). */
gboolean   _icat_sync_column_clock  (IcatDb          *db,
                                     const char      *table,
                                     const char      *row_key,
                                     int              column,
                                     gint64          *hlc,
                                     char           **device,
                                     GError         **error);
/* "INSERT INTO table VALUES (?1, …)" for every column of a record table. */
char      *_icat_sync_insert_sql    (IcatDb          *db,
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
  const char *deps;      /* JSON object or NULL */
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

/* Edits meeting a deletion (icat-sync-deleted.c): the row's edits the
 * deleting laptop had not seen, when the deletion arrives after them
 * (iter at a DATA conflict)... */
gboolean  _icat_sync_keep_unseen_edits (IcatDb               *db,
                                    const char             *table,
                                    const char             *key,
                                    sqlite3_changeset_iter *iter,
                                    const IcatSyncClock    *deleter,
                                    const char             *deps,
                                    guint                  *new_conflicts,
                                    GError                **error);
/* ...the values that had lost a clash on the row, when the deletion
 * arrives with no DATA conflict... */
gboolean  _icat_sync_keep_lost_of_deleted (IcatDb            *db,
                                    const char             *table,
                                    const char             *key,
                                    const char             *record_hint,
                                    const IcatSyncClock    *deleter,
                                    const char             *deps,
                                    guint                  *new_conflicts,
                                    GError                **error);
/* ...and an edit arriving after the deletion (iter at NOTFOUND), made
 * with deps applied. */
gboolean  _icat_sync_keep_edit_of_deleted (IcatDb            *db,
                                    const char             *table,
                                    const char             *key,
                                    sqlite3_changeset_iter *iter,
                                    const IcatSyncClock    *editor,
                                    const char             *deps,
                                    guint                  *new_conflicts,
                                    GError                **error);

/* Decisions numbered alike in the meetings noticed, kept as conflicts;
 * the conflicts of duplicates that ended are dropped. */
gboolean  _icat_sync_find_duplicates (IcatDb             *db,
                                    const IcatNotices  *notices,
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
/* Approved minutes changed elsewhere (icat-sync-approved.c): the meetings
 * whose agenda, minutes, decisions or attendance a changeset touches or
 * whose record it approves, each with whether its record is approved
 * before it is applied... */
GHashTable *_icat_sync_approved_touched (IcatDb          *db,
                                         GBytes          *changeset,
                                         GError         **error);
/* ...and, once it is, an "approved" conflict named by the change for
 * each of them approved before or after; for a meeting the change
 * approves, one for each change of those lists made elsewhere that the
 * approving laptop had not applied (deps). */
gboolean  _icat_sync_approved_flag (IcatDb              *db,
                                    GHashTable          *touched,
                                    const IcatSyncClock *remote,
                                    const char          *deps,
                                    guint               *new_conflicts,
                                    GError             **error);
/* A write drops the conflicts whose losing values its laptop had seen
 * (its own older ones, and others' up to deps, a JSON object). */
gboolean  _icat_sync_drop_seen     (IcatDb          *db,
                                    const char      *table,
                                    const char      *row_key,
                                    int              column,
                                    const IcatSyncClock *writer,
                                    const char      *deps,
                                    GError         **error);
/* This laptop typed over the field: it has seen every value in its
 * conflicts. */
gboolean  _icat_sync_drop_typed_over (IcatDb        *db,
                                    const char      *table,
                                    const char      *row_key,
                                    int              column,
                                    GError         **error);
/* A deleted row's field clashes are moot, and so is its having been left
 * without its record: every laptop deletes it. When the row's deletion is
 * a change of deleter (device NULL: this laptop), the edits of it kept
 * from an earlier deletion that deleter had seen (deps) are moot too. */
gboolean  _icat_sync_forget_row_conflicts (IcatDb   *db,
                                    const char      *table,
                                    const char      *row_key,
                                    const IcatSyncClock *deleter,
                                    const char      *deps,
                                    GError         **error);
gboolean  _icat_sync_close_conflicts (IcatDb        *db,
                                    const char      *resolves,
                                    GError         **error);
/* Open conflicts whose id begins with id_prefix (NULL: all), "mine"
 * being self's value when one of the two is. */
GPtrArray *_icat_sync_list_conflicts (IcatDb        *db,
                                    const char      *id_prefix,
                                    const char      *self,
                                    GError         **error);

/* Settings kept in the database (sync_setting); NULL when unset. */
gboolean  _icat_sync_read_setting  (IcatDb          *db,
                                    const char      *key,
                                    char           **value,
                                    GError         **error);
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

/* The index of a record's History (icat-sync-history.c): the records the
 * entry (device, seq) touched; seq 0 for the device's newest entry. */
gboolean  _icat_sync_history_note  (IcatDb          *db,
                                    const char      *device,
                                    gint64           seq,
                                    const void      *changeset,
                                    gsize            size,
                                    GError         **error);
/* The same, with the records already collected from the changeset. */
gboolean  _icat_sync_history_note_records (IcatDb             *db,
                                           const char         *device,
                                           gint64              seq,
                                           const IcatNotices  *notices,
                                           GError            **error);
/* icat_journal_records (changeset), for the migration that fills it. */
int       _icat_sync_history_register_sql (IcatDb   *db);
/* icat_sync_resolve (), or with merged_value (JSON, NULL: none) written
 * instead of either side (icat-sync-resolve.c). */
gboolean  _icat_sync_resolve_as    (IcatStore       *store,
                                    const char      *conflict_id,
                                    IcatSyncKeep     keep,
                                    const char      *merged_value,
                                    GError         **error);

/* A file problem as sync_file_problem keeps it: a problem's name, or the
 * words of an error of another kind (icat-sync-decide.c)... */
const char *_icat_sync_problem_name   (IcatSyncProblem  problem);
const char *_icat_sync_problem_stored (const GError    *error);
/* ...and back: the problem, and its words for `sync status`. */
IcatSyncProblem _icat_sync_problem_parse (const char *stored);
const char *_icat_sync_problem_text  (const char      *stored);

G_END_DECLS
