/* icat-db.h — one SQLite connection with its prepared statements
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define ICAT_SCHEMA_VERSION 10

typedef enum {
  ICAT_DB_READ_WRITE = 0,
  ICAT_DB_READ_ONLY  = 1 << 0,  /* a connection that must never write */
} IcatDbFlags;

typedef struct _IcatDb IcatDb;

/* Fills a new database inside the transaction that creates it. */
typedef gboolean (*IcatDbSeedFunc) (IcatDb   *db,
                                    gpointer  user_data,
                                    GError  **error);

IcatDb       *icat_db_open        (const char   *path,
                                   IcatDbFlags   flags,
                                   gboolean     *created,
                                   GError      **error);
/* As icat_db_open(); a new database (or one an older version left without
 * records) is filled by seed in the transaction that sets it up, and
 * created says whether that happened. */
IcatDb       *icat_db_open_full   (const char     *path,
                                   IcatDbFlags     flags,
                                   IcatDbSeedFunc  seed,
                                   gpointer        seed_data,
                                   gboolean       *created,
                                   GError        **error);
void          icat_db_close       (IcatDb       *db);
sqlite3      *icat_db_handle      (IcatDb       *db);
const char   *icat_db_path        (IcatDb       *db);
gboolean      icat_db_read_only   (IcatDb       *db);

/* A cached statement, reset and with its bindings cleared. Borrowed. */
sqlite3_stmt *icat_db_prepare     (IcatDb       *db,
                                   const char   *sql,
                                   GError      **error);
gboolean      icat_db_exec        (IcatDb       *db,
                                   const char   *sql,
                                   GError      **error);
/* Steps a statement that returns no rows. */
gboolean      icat_db_run         (IcatDb       *db,
                                   sqlite3_stmt *stmt,
                                   GError      **error);
gboolean      icat_db_fail        (IcatDb       *db,
                                   int           rc,
                                   GError      **error);
/* Ends a walk through a statement's rows: resets it and, unless rc (what
 * the last sqlite3_step() returned) is SQLITE_DONE, fails as
 * icat_db_fail() does. */
gboolean      icat_db_end_rows    (IcatDb       *db,
                                   sqlite3_stmt *stmt,
                                   int           rc,
                                   GError      **error);
gboolean      icat_db_begin       (IcatDb       *db,
                                   GError      **error);
gboolean      icat_db_commit      (IcatDb       *db,
                                   GError      **error);
void          icat_db_rollback    (IcatDb       *db);
gint64        icat_db_data_version (IcatDb      *db);
/* Every read until icat_db_end_snapshot() sees one state of the database,
 * whatever other connections commit meanwhile: an export is never torn.
 * Calls nest; within the caller's own transaction they change nothing. */
gboolean      icat_db_begin_snapshot (IcatDb    *db,
                                     GError   **error);
void          icat_db_end_snapshot (IcatDb      *db);

void          icat_bind_text      (sqlite3_stmt *stmt,
                                   int           index,
                                   const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatDb, icat_db_close)

G_END_DECLS
