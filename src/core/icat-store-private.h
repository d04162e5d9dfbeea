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
/* Adds the records a changeset touched. */
void         _icat_notices_collect       (IcatNotices      *notices,
                                          const void       *changeset,
                                          int               size);

/* The undo history: changesets of the last writes, newest first, kept
 * within a depth and a size. Not thread-safe: the store holds its write
 * lock around every call. */
typedef struct _IcatJournal IcatJournal;

IcatJournal *_icat_journal_new           (void);
void         _icat_journal_free          (IcatJournal      *journal);
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

G_END_DECLS
