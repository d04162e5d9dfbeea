/* icat-store.h — the one door to ICAT Tracker's data
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "icat-exchange.h"
#include "icat-record.h"

G_BEGIN_DECLS

/* One SQLite connection (icat-db.h); a read function only passes it on. */
typedef struct _IcatDb IcatDb;

#define ICAT_TYPE_STORE (icat_store_get_type ())
G_DECLARE_FINAL_TYPE (IcatStore, icat_store, ICAT, STORE, GObject)

typedef enum {
  ICAT_CHANGE_CREATED,
  ICAT_CHANGE_UPDATED,
  ICAT_CHANGE_DELETED,
} IcatChange;

typedef enum {
  ICAT_IMPORT_DEFAULT = 0,
  ICAT_IMPORT_REPLACE = 1 << 0,  /* the database then holds the file's records and nothing else */
  ICAT_IMPORT_DRY_RUN = 1 << 1,  /* check and count, write nothing */
} IcatImportFlags;

typedef struct {
  char *kind;
  char *id;
  char *title;
  char *date;            /* the date the record is known by, YYYY-MM-DD; "" when none */
  char *when;            /* the same as people read it ("2 May 2018", "May 2018") */
  char *text;            /* the text around the first match (icat_search_snippet); "" when none */
  char *agenda_item_id;  /* a meeting matched in its agenda, not its title: the first such item; else NULL */
} IcatSearchHit;

void        icat_search_hit_free (IcatSearchHit *hit);

/* Opens (creating and seeding when missing) the database at path: a file
 * name or an SQLite "file:" URI. */
IcatStore  *icat_store_open        (const char  *path,
                                    GError     **error);
/* $ICAT_TRACKER_DB, or $XDG_DATA_HOME/icat-tracker/icat-tracker.db */
char       *icat_store_default_path (void);
const char *icat_store_get_path    (IcatStore   *self);
/* The id every change made through this store is by: this user on this
 * machine (icat-device.h). */
const char *icat_store_get_device_id (IcatStore *self);

/* Reading, on the thread that opened the store. */
JsonObject *icat_store_read        (IcatStore   *self,
                                    const char  *kind,
                                    const char  *id,
                                    GError     **error);
/* The live object for a record, shared while anybody holds it; NULL if
 * there is no such record. */
IcatRecord *icat_store_lookup      (IcatStore   *self,
                                    const char  *kind,
                                    const char  *id);
/* Titles and nested texts; Chinese by substring, even two characters. */
GPtrArray  *icat_store_search      (IcatStore   *self,
                                    const char  *text,
                                    guint        limit,
                                    GError     **error);
char       *icat_store_export_json (IcatStore   *self,
                                    const char  *exported_at,
                                    GError     **error);
/* Writes the JSON export to a file on a worker thread, with a connection of
 * its own, so a large database never blocks the window. */
void        icat_store_export_to_file_async  (IcatStore    *self,
                                              GFile        *file,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer      user_data);
gboolean    icat_store_export_to_file_finish (IcatStore    *self,
                                              GAsyncResult *result,
                                              GError      **error);
/* A read on a worker thread, so a long one never blocks the window: func
 * gets a read-only connection of its own (immutable when the file is on
 * read-only media, as icat_db_open() does) and every query it makes sees
 * one committed state of the database, while saves go on. It returns an
 * owned result, freed by result_free if nobody takes it, or NULL with
 * error set. */
typedef gpointer (*IcatStoreReadFunc) (IcatDb        *db,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

typedef enum {
  ICAT_STORE_READ_DEFAULT          = 0,
  /* A cancelled read answers G_IO_ERROR_CANCELLED at once and func runs
   * on unheard; by default the answer waits until func has returned. */
  ICAT_STORE_READ_RETURN_ON_CANCEL = 1 << 0,
} IcatStoreReadFlags;

/* The read keeps the database's path, not the store: the store may be
 * finalized while it runs, and the callback's source object is NULL.
 * data_free and result_free may run on the worker thread. */
void        icat_store_read_async  (IcatStore          *self,
                                    IcatStoreReadFunc   func,
                                    gpointer            data,
                                    GDestroyNotify      data_free,
                                    GDestroyNotify      result_free,
                                    IcatStoreReadFlags  flags,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
/* func's result, owned by the caller; NULL with error set when func
 * failed, the database could not be opened, or the read was cancelled. */
gpointer    icat_store_read_finish (GAsyncResult       *result,
                                    GError            **error);
/* Every problem found, one sentence each; empty when all is well. */
GPtrArray  *icat_store_check       (IcatStore   *self,
                                    GError     **error);
/* The same check on a connection of its own, which may be read-only: the
 * command line checks a database on read-only media this way. */
GPtrArray  *icat_check_database    (struct _IcatDb *db,
                                    GError     **error);

/* Writing. Each call is one transaction. changes holds the fields to set
 * (absent fields keep their value); without an "id" a new record is made.
 * Returns the record's id. */
char       *icat_store_save        (IcatStore   *self,
                                    const char  *kind,
                                    JsonObject  *changes,
                                    GError     **error);
void        icat_store_save_async  (IcatStore   *self,
                                    const char  *kind,
                                    JsonObject  *changes,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer     user_data);
char       *icat_store_save_finish (IcatStore   *self,
                                    GAsyncResult *result,
                                    GError     **error);
gboolean    icat_store_delete      (IcatStore   *self,
                                    const char  *kind,
                                    const char  *id,
                                    GError     **error);
void        icat_store_delete_async (IcatStore  *self,
                                    const char  *kind,
                                    const char  *id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer     user_data);
gboolean    icat_store_delete_finish (IcatStore *self,
                                    GAsyncResult *result,
                                    GError     **error);
gboolean    icat_store_import      (IcatStore   *self,
                                    GBytes      *document,
                                    const char  *display_name,
                                    IcatImportFlags flags,
                                    IcatImportSummary *summary,
                                    GError     **error);
void        icat_store_import_async (IcatStore  *self,
                                    GBytes      *document,
                                    const char  *display_name,
                                    IcatImportFlags flags,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer     user_data);
gboolean    icat_store_import_finish (IcatStore *self,
                                    GAsyncResult *result,
                                    IcatImportSummary *summary,
                                    GError     **error);

/* Undo of the last saved changes, newest first. */
gboolean    icat_store_can_undo    (IcatStore   *self);
gboolean    icat_store_undo        (IcatStore   *self,
                                    GError     **error);
void        icat_store_undo_async  (IcatStore   *self,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer     user_data);
gboolean    icat_store_undo_finish (IcatStore   *self,
                                    GAsyncResult *result,
                                    GError     **error);

/* Waits until every queued write has reached the disk (before quitting). */
void        icat_store_sync        (IcatStore   *self);

/* Notices changes another program (icat-tracker-cli) made to the file and
 * tells every view; the app calls this from a timeout. */
gboolean    icat_store_poll_external_changes (IcatStore *self);

/* For lists and reports inside the core: the main-thread connection. */
struct _IcatDb *_icat_store_get_read_db (IcatStore *self);
/* For tests that simulate a full disk on the writing connection. */
struct _IcatDb *_icat_store_get_write_db (IcatStore *self);

G_END_DECLS
