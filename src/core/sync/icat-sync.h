/* icat-sync.h — laptops that merge through a shared folder
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each laptop journals its own changes (SQLite changesets) and writes them
 * as signed, immutable files into its own folder inside a sync folder that
 * Syncthing, a cloud folder or a USB stick keeps in step. Reading the
 * folder applies the other laptops' files, field by field, with a clock per
 * field deciding a clash and the losing value kept as a conflict for a
 * person. See the README's "Sharing between laptops".
 */
#pragma once

#include "icat-store.h"

G_BEGIN_DECLS

/* What one sync run did. */
typedef struct {
  guint applied_changes;    /* files of other laptops applied */
  guint applied_laptops;    /* from how many laptops */
  guint new_conflicts;      /* clashes found while applying */
  guint published_changes;  /* this laptop's files written */
  guint waiting_files;      /* kept for later: a gap before them, or a newer schema */
  guint refused_files;      /* not signed by the group, damaged or misnamed */
} IcatSyncReport;

typedef enum {
  ICAT_SYNC_KEEP_MINE,      /* this laptop's own value, or the one it shows when neither is */
  ICAT_SYNC_KEEP_THEIRS,    /* the other value */
} IcatSyncKeep;

/* A clash kept for a person. Values are JSON texts ("null", "\"text\"", 3). */
typedef struct {
  char   *id;
  char   *kind;           /* "field", "deleted", "orphan", "restored", "cleared", "duplicate", "approved" */
  char   *record_kind;    /* "meeting" */
  char   *record_id;
  char   *field;         /* "note", "agenda", ... */
  char   *mine_value;     /* this laptop's own value, or else the one it shows */
  char   *mine_device;
  char   *mine_time;      /* ISO 8601 UTC, or NULL */
  char   *theirs_value;   /* the other value */
  char   *theirs_device;
  char   *theirs_time;
  char   *found_at;
} IcatSyncConflict;

void      icat_sync_conflict_free (IcatSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatSyncConflict, icat_sync_conflict_free)

/* A laptop of the group as this one knows it. */
typedef struct {
  char   *device_id;
  char   *name;           /* "UNODC Vienna laptop", or NULL */
  gint64  applied;        /* how many of its changes this laptop has applied */
  gint64  published;      /* how many it has published, as far as seen */
  char   *last_change_at; /* when its newest applied change was made */
  gboolean is_self;
} IcatSyncLaptop;

void      icat_sync_laptop_free (IcatSyncLaptop *laptop);

typedef struct {
  char      *group_id;       /* NULL: not in a group */
  char      *folder;
  char      *device_name;
  gint64     unshared;       /* this laptop's changes not yet in the folder */
  GPtrArray *laptops;        /* IcatSyncLaptop */
  GPtrArray *refused;        /* "file: reason" */
  GPtrArray *waiting;        /* "file: reason" */
  guint      open_conflicts;
} IcatSyncStatus;

void      icat_sync_status_free (IcatSyncStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatSyncStatus, icat_sync_status_free)

/* Makes a new group for this database: a secret key kept in the user's
 * config folder, the join file for others (owner-only), and a snapshot in
 * the folder. passphrase (may be NULL) gets the key as words to read out. */
gboolean  icat_sync_init   (IcatStore   *store,
                            const char  *folder,
                            const char  *join_file,
                            const char  *device_name,
                            char       **passphrase,
                            GError     **error);
/* Joins the group of join_file (or of passphrase): this database then
 * holds the group's records, from the newest snapshot in folder; what it
 * held before is first saved beside it as a JSON backup, named in
 * backup_path (may be NULL). */
gboolean  icat_sync_join   (IcatStore   *store,
                            const char  *folder,
                            const char  *join_file,
                            const char  *passphrase,
                            const char  *device_name,
                            char       **backup_path,
                            GError     **error);
/* Applies what other laptops wrote and publishes this laptop's changes,
 * once. folder NULL: the one remembered for this database. */
gboolean  icat_sync_run    (IcatStore       *store,
                            const char      *folder,
                            IcatSyncReport  *report,
                            GError         **error);
/* The same on a worker thread, with a connection of its own for reading,
 * so the window never waits for the folder or the merge: the views hear
 * of the records changed on the store's thread. One run at a time per
 * store; the caller keeps the store until the callback. */
void      icat_sync_run_async  (IcatStore          *store,
                                const char         *folder,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
gboolean  icat_sync_run_finish (IcatStore          *store,
                                GAsyncResult       *result,
                                IcatSyncReport     *report,
                                GError            **error);
IcatSyncStatus *icat_sync_status (IcatStore *store,
                                  GError   **error);
/* Open conflicts, oldest first: IcatSyncConflict. */
GPtrArray *icat_sync_conflicts (IcatStore *store,
                                GError   **error);
/* Closes a conflict (id or a unique beginning of it) with a change that
 * syncs, so it closes on every laptop. */
gboolean  icat_sync_resolve (IcatStore    *store,
                             const char   *conflict_id,
                             IcatSyncKeep  keep,
                             GError      **error);

/* This laptop's name as the group sees it ("UNODC Vienna laptop"), in or
 * out of a group: trimmed, and an empty name clears it. Published with
 * this laptop's next state file. */
gboolean  icat_sync_set_device_name (IcatStore   *store,
                                     const char  *name,
                                     GError     **error);
/* Remembers another sync folder for a database in a group (the folder
 * must exist; kept as a canonical path), as "sync run --folder" does,
 * without running. */
gboolean  icat_sync_set_folder      (IcatStore   *store,
                                     const char  *folder,
                                     GError     **error);
/* Takes this database out of its group: the group, its folder and what
 * was published are forgotten; the records, their journal and the
 * group's key file stay, so creating or joining a group works again. */
gboolean  icat_sync_leave           (IcatStore   *store,
                                     GError     **error);
/* A record's History (icat-sync-history.c), from the change journal. */
typedef enum {
  ICAT_SYNC_FIELD_CHANGED,  /* a field of the record or of a nested row */
  ICAT_SYNC_ROW_CREATED,    /* the record, or nested_path's row, was made */
  ICAT_SYNC_ROW_DELETED,
  ICAT_SYNC_LINK_ADDED,     /* field's list gained new_text ("Chairs": "UNODC") */
  ICAT_SYNC_LINK_REMOVED,   /* ... or lost old_text */
} IcatSyncChangeKind;

typedef struct {
  IcatSyncChangeKind change;
  char    *nested_path;  /* "agenda/<row id>" for a nested row; NULL for the record's own */
  char    *row_label;    /* "Agenda item 3"; NULL for the record's own */
  char    *field;        /* "minutes"; NULL when a row was made or deleted */
  char    *label;        /* in words: "Agenda item 3 · Minutes" */
  char    *old_value;    /* JSON as the record holds it ("\"text\"", true, 3); NULL: none */
  char    *new_value;
  char    *old_text;     /* as people read it (agency names, Yes/No); NULL: empty */
  char    *new_text;
  gboolean restorable;   /* a field whose row still exists */
} IcatSyncFieldChange;

void      icat_sync_field_change_free (IcatSyncFieldChange *change);

/* One change of the journal, as it touched one record. */
typedef struct {
  char      *device_id;
  char      *device_name;  /* the laptop's name; NULL when it has none */
  gboolean   is_self;
  gint64     seq;
  gint64     hlc;
  char      *made_at;      /* ISO 8601 UTC */
  GPtrArray *changes;      /* IcatSyncFieldChange, in the change's order */
  gboolean   after_approval; /* another laptop's change to approved minutes,
                              * flagged as an "approved" conflict */
} IcatSyncHistoryEntry;

void      icat_sync_history_entry_free (IcatSyncHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatSyncHistoryEntry, icat_sync_history_entry_free)

typedef struct {
  const char *kind;
  const char *id;
  const char *self_device;  /* whose changes are this laptop's (icat_store_get_device_id ()) */
  const char *since;        /* only changes made after it (ISO 8601 date or time), or NULL */
  guint       offset;       /* of the newest first */
  guint       limit;        /* 0: all */
} IcatSyncHistoryQuery;

/* Every change of this laptop and of the others applied here that touched
 * the record or its nested rows and links, newest first: IcatSyncHistoryEntry.
 * total (may be NULL) gets how many there are in all. Takes a connection,
 * so it runs on a worker through icat_store_read_async (). */
GPtrArray *icat_sync_history  (IcatDb                      *db,
                               const IcatSyncHistoryQuery  *query,
                               guint                       *total,
                               GError                     **error);
/* When the newest change that approved the record (record_status set to
 * "approved") was made; made_at NULL when the journal holds none. */
gboolean  icat_sync_history_approved_at (IcatDb      *db,
                                         const char  *kind,
                                         const char  *id,
                                         char       **made_at,
                                         GError     **error);
/* A field's name in words: "minutes" → "Minutes". */
const char *icat_sync_field_label (const char *field);
/* "Restore this version": value_json (as IcatSyncFieldChange holds it)
 * saved back into field, an ordinary change that syncs and can be undone;
 * for a nested row's field (nested_path "agenda/<row id>") the record's
 * list is saved with that one value put back. */
gboolean  icat_sync_restore_field (IcatStore   *store,
                                   const char  *kind,
                                   const char  *id,
                                   const char  *nested_path,
                                   const char  *field,
                                   const char  *value_json,
                                   GError     **error);
/* The changes icat_sync_restore_field () saves, for a save of the caller's. */
JsonObject *icat_sync_restore_changes (IcatStore   *store,
                                       const char  *kind,
                                       const char  *id,
                                       const char  *nested_path,
                                       const char  *field,
                                       const char  *value_json,
                                       GError     **error);
/* Closes a field conflict with value_json (a JSON string, number,
 * boolean or null) written as an ordinary change: a value a person merged
 * from both sides, which every laptop takes and which closes the conflict
 * there too (icat-sync-decide.c). */
gboolean    icat_sync_resolve_with_value (IcatStore   *store,
                                          const char  *conflict_id,
                                          const char  *value_json,
                                          GError     **error);
/* The records with an open conflict, as a set of "kind/id" strings. */
GHashTable *icat_sync_conflicted_records (IcatStore   *store,
                                          GError     **error);

/* Why a file of the sync folder is refused or waits. Kept with the file
 * by name, not in words, so each reader words it in their language. */
typedef enum {
  ICAT_SYNC_PROBLEM_OTHER,        /* an error of its own, kept in words (a file that cannot be read) */
  ICAT_SYNC_PROBLEM_DAMAGED,      /* not a sync file, cut short, or its header or length broken */
  ICAT_SYNC_PROBLEM_SIGNATURE,    /* not signed by the group's key: changed since it was written */
  ICAT_SYNC_PROBLEM_OTHER_GROUP,  /* not signed by the group's key, and its header names another group */
  ICAT_SYNC_PROBLEM_MISNAMED,     /* signed, but not in the place its header names */
  ICAT_SYNC_PROBLEM_TOO_LARGE,    /* past any real change or snapshot, refused unread */
  ICAT_SYNC_PROBLEM_NEWER,        /* made by a newer ICAT Tracker: it waits */
} IcatSyncProblem;

#define ICAT_SYNC_PROBLEM_ERROR (icat_sync_problem_error_quark ())
GQuark      icat_sync_problem_error_quark (void);

typedef struct {
  char            *path;
  gboolean         refused;  /* FALSE: it waits */
  IcatSyncProblem  problem;
  char            *reason;   /* in the reader's words, as `sync status` prints it */
} IcatSyncFileProblem;

void        icat_sync_file_problem_free (IcatSyncFileProblem *problem);
/* The files the last sync run refused or kept waiting: IcatSyncFileProblem. */
GPtrArray  *icat_sync_file_problems      (IcatStore   *store,
                                          GError     **error);

G_END_DECLS
