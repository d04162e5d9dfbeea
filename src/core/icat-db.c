/* icat-db.c — opening, migrating and talking to the SQLite file
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-db"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "icat-db.h"
#include "icat-error.h"

struct _IcatDb {
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, owned */
  gboolean    read_only;
};

G_DEFINE_QUARK (icat-error-quark, icat_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

gboolean
icat_db_fail (IcatDb  *db,
              int      rc,
              GError **error)
{
  int primary = rc & 0xff;
  const char *detail = db && db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_READONLY:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_READ_ONLY,
                   _("The database is read-only, so the change was not saved."));
      break;
    case SQLITE_FULL:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_DISK_FULL,
                   _("The disk is full, so the change was not saved. Free some space and try again."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an ICAT Tracker database."), db ? db->path : "");
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                   _("The database “%s” cannot be opened."), db ? db->path : "");
      break;
    case SQLITE_IOERR:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                   _("The database could not be read or written: %s"), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                   _("The change breaks the database’s rules: %s"), detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                   _("The database is busy in another program. Try again in a moment."));
      break;
    default:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
icat_db_prepare (IcatDb      *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      icat_db_fail (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
icat_db_exec (IcatDb      *db,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  return TRUE;
}

gboolean
icat_db_run (IcatDb        *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return icat_db_fail (db, rc, error);
  return TRUE;
}

gboolean
icat_db_begin (IcatDb  *db,
               GError **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database fails here and
   * not halfway through. */
  return icat_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
icat_db_commit (IcatDb  *db,
                GError **error)
{
  int rc = sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      icat_db_fail (db, rc, error);
      icat_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

void
icat_db_rollback (IcatDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

gint64
icat_db_data_version (IcatDb *db)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

void
icat_bind_text (sqlite3_stmt *stmt,
                int           index,
                const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

sqlite3 *
icat_db_handle (IcatDb *db)
{
  return db->handle;
}

const char *
icat_db_path (IcatDb *db)
{
  return db->path;
}

gboolean
icat_db_read_only (IcatDb *db)
{
  return db->read_only;
}

void
icat_db_close (IcatDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

static gboolean
query_int (IcatDb      *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return icat_db_fail (db, rc, error);
    }
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static const char * const migrations[] = {
  "schema/001-initial.sql",
  "schema/002-work-plans.sql",
  "schema/003-order-indexes.sql",
  "schema/004-multi-day.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ICAT_SCHEMA_VERSION);

static gboolean
migrate (IcatDb  *db,
         gint64   from_version,
         GError **error)
{
  for (gint64 version = from_version; version < ICAT_SCHEMA_VERSION; version++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_PREFIX "/", migrations[version], NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (resource, 0, error);
      g_autofree char *set_version = NULL;

      if (sql == NULL)
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version + 1);
      if (!icat_db_begin (db, error))
        return FALSE;
      if (!icat_db_exec (db, g_bytes_get_data (sql, NULL), error) ||
          !icat_db_exec (db, set_version, error) ||
          !icat_db_commit (db, error))
        {
          icat_db_rollback (db);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %" G_GINT64_FORMAT, db->path, version + 1);
    }
  return TRUE;
}

/* Checks what kind of file this is before anything writes to it: switching
 * to WAL or migrating would change a file we must refuse untouched. */
static gboolean
check_version (IcatDb  *db,
               gint64  *version,
               GError **error)
{
  gint64 tables = 0;

  if (!query_int (db, "PRAGMA user_version", version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;
  if (*version > ICAT_SCHEMA_VERSION)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of ICAT Tracker (database version %d; "
                     "this version reads up to %d). It was not changed. Please update ICAT Tracker."),
                   db->path, (int) *version, ICAT_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version == 0 && tables > 0)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite file but not an ICAT Tracker database. It was not changed."),
                   db->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *folder = NULL;

  if (g_str_has_prefix (path, "file:") || g_strcmp0 (path, ":memory:") == 0)
    return TRUE;
  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                   _("Cannot open the database “%s”: the folder “%s” does not exist."),
                   path, folder);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                   _("Cannot open the database “%s”: it is a folder."), path);
      return FALSE;
    }
  return TRUE;
}

IcatDb *
icat_db_open (const char   *path,
              IcatDbFlags   flags,
              gboolean     *created,
              GError      **error)
{
  g_autoptr(IcatDb) db = g_new0 (IcatDb, 1);
  int open_flags = SQLITE_OPEN_URI;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_folder (path, error))
    return NULL;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->read_only = (flags & ICAT_DB_READ_ONLY) != 0;
  open_flags |= db->read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &db->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      icat_db_fail (db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);

  if (!check_version (db, &version, error))
    return NULL;

  /* 32 MiB of page cache: a large import stays in memory until it commits. */
  if (!icat_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !icat_db_exec (db, "PRAGMA cache_size = -32768", error))
    return NULL;
  if (!db->read_only && sqlite3_db_readonly (db->handle, "main") == 0)
    {
      /* An acknowledged edit must survive a power cut. */
      if (!icat_db_exec (db, "PRAGMA journal_mode = WAL", error) ||
          !icat_db_exec (db, "PRAGMA synchronous = FULL", error) ||
          !migrate (db, version, error))
        return NULL;
    }
  else if (version < ICAT_SCHEMA_VERSION)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_READ_ONLY,
                   version == 0
                     ? _("The database “%s” is empty and read-only, so it cannot be set up.")
                     : _("The database “%s” needs updating to this version of ICAT Tracker but is read-only."),
                   path);
      return NULL;
    }

  if (created != NULL)
    *created = (version == 0);
  return g_steal_pointer (&db);
}
