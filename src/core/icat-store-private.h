/* icat-store-private.h — what the store and its journal share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "icat-db.h"
#include "icat-store.h"

G_BEGIN_DECLS

/* A record one write touched, and how; views are told of each. */
typedef struct {
  char      *kind;
  char      *id;
  IcatChange change;
} IcatNotice;

/* The records one write touched, each once. */
typedef struct {
  GArray     *list;   /* IcatNotice */
  GHashTable *index;  /* "kind/id" → index in list + 1 */
} IcatNotices;

void         _icat_notices_init          (IcatNotices      *notices);
void         _icat_notices_clear         (IcatNotices      *notices);
/* Adds the records a changeset touched; db finds the record a row below
 * a nested list belongs to. */
void         _icat_notices_collect       (IcatNotices      *notices,
                                          IcatDb           *db,
                                          const void       *changeset,
                                          int               size);
void         _icat_notices_add           (IcatNotices      *notices,
                                          const char       *kind,
                                          const char       *id,
                                          IcatChange        change);
/* Re-reads the records noticed into the search index. */
gboolean     _icat_notices_reindex       (IcatNotices      *notices,
                                          IcatDb           *db,
                                          GError          **error);
/* The record a row of table belongs to: its kind, and its id from
 * first_column (the row's id, its parent's, or for a table below a nested
 * list the nested row's, whose parent is looked up). FALSE for tables
 * outside the records. */
gboolean     _icat_record_of_row         (IcatDb           *db,
                                          const char       *table,
                                          const char       *first_column,
                                          const IcatKind  **kind,
                                          char            **record_id,
                                          gboolean         *is_record_row);

/* The undo history: changesets of the last writes, newest first, kept
 * within a depth and a size. Not thread-safe: the store holds its write
 * lock around every call. */
typedef struct _IcatJournal IcatJournal;

IcatJournal *_icat_journal_new           (void);
void         _icat_journal_free          (IcatJournal      *journal);
/* Whether table holds records (or their nested lists and links), the
 * tables journaled and merged. */
gboolean     _icat_journal_tracks_table  (const char       *table);
/* Records the record tables' changes on db, in the transaction begun. */
gboolean     _icat_journal_start_session (IcatDb           *db,
                                          sqlite3_session **session,
                                          GError          **error);
gboolean     _icat_journal_can_undo      (IcatJournal      *journal);
void         _icat_journal_push_undo     (IcatJournal      *journal,
                                          GBytes           *changeset);
/* The newest changeset, or NULL when there is nothing to undo. */
GBytes      *_icat_journal_pop_undo      (IcatJournal      *journal);
/* Applies the inverse of changeset on db, in the transaction begun, adds
 * the records it touched to notices and re-indexes them for search. */
gboolean     _icat_journal_undo          (IcatDb           *db,
                                          GBytes           *changeset,
                                          IcatNotices      *notices,
                                          GError          **error);

/* A write of the core's own in one transaction on the writing connection:
 * it adds the records it touches to notices (journaled writes have theirs
 * added from their changeset). */
typedef gboolean (*IcatStoreWriteFunc) (IcatDb       *db,
                                        IcatNotices  *notices,
                                        gpointer      data,
                                        GError      **error);

typedef enum {
  ICAT_STORE_WRITE_DEFAULT    = 0,
  /* This laptop's change: journaled and shared like an edit. Without it
   * the write is not journaled (applying other laptops' changes). */
  ICAT_STORE_WRITE_JOURNALED  = 1 << 0,
  /* Views re-read everything afterwards. */
  ICAT_STORE_WRITE_RELOAD_ALL = 1 << 1,
} IcatStoreWriteFlags;

/* Runs func on the caller's thread after every queued write; resolves
 * (a JSON array of conflict ids, or NULL) travels with a journaled
 * change. Called on a worker thread (a sync run), it writes there and
 * the views hear of the records touched on the store's own thread. */
gboolean     _icat_store_write           (IcatStore           *self,
                                          IcatStoreWriteFunc   func,
                                          gpointer             data,
                                          IcatStoreWriteFlags  flags,
                                          const char          *resolves,
                                          GError             **error);
/* For tests that play several laptops in one process. */
void         _icat_store_set_device_id   (IcatStore           *self,
                                          const char          *device_id);

/* The journal entry of a local change, in the transaction that made it
 * (src/core/sync/icat-sync-journal.c); notices are the records the
 * changeset touched, collected once by the caller: walking the changeset
 * of a large import is not cheap. */
gboolean     _icat_sync_journal_local    (IcatDb              *db,
                                          const char          *device_id,
                                          GBytes              *changeset,
                                          const IcatNotices   *notices,
                                          const char          *resolves,
                                          GError             **error);

G_END_DECLS
