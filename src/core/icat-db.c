/* icat-db.c — opening, migrating and talking to the SQLite file
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-db"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-nested-id.h"
#include "icat-search-tokenizer.h"
#include "icat-schema.h"
#include "icat-sync-private.h"

struct _IcatDb {
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, owned */
  gboolean    read_only;
  guint       snapshot_depth;
  gboolean    snapshot_owned;  /* the outermost snapshot began a transaction */
};

G_DEFINE_QUARK (icat-error-quark, icat_error)

static gboolean query_int (IcatDb      *db,
                           const char  *sql,
                           gint64      *value,
                           GError     **error);

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
      /* A connection that only reads never tries a change: SQLite could
       * not set up reading (the -shm file beside it is read-only). */
      if (db != NULL && db->read_only)
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_READ_ONLY,
                     _("The database “%s” cannot be read here: %s"), db->path, detail);
      else
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
      /* The full-text index is set up by reading the file when first
       * used; SQLite reports a failed read there only as an error. */
      if (primary == SQLITE_ERROR && strstr (detail, "vtable constructor failed") != NULL)
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                     _("The database could not be read or written: %s"), detail);
      else
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
icat_db_end_rows (IcatDb        *db,
                  sqlite3_stmt  *stmt,
                  int            rc,
                  GError       **error)
{
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || icat_db_fail (db, rc, error);
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
  int rc;

  /* A read or write that failed on the disk may already have rolled the
   * transaction back, under a caller that went on: nothing was saved. */
  if (sqlite3_get_autocommit (db->handle))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO,
                        _("The database could not be read or written, so the change was not saved.")), FALSE;
  rc = sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
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

gboolean
icat_db_begin_snapshot (IcatDb  *db,
                        GError **error)
{
  gint64 ignored;

  if (db->snapshot_depth++ > 0)
    return TRUE;
  /* Inside a caller's own (write) transaction, reads already agree. */
  db->snapshot_owned = sqlite3_get_autocommit (db->handle) != 0;
  if (!db->snapshot_owned)
    return TRUE;
  /* A deferred transaction reads nothing until its first statement; in WAL
   * mode that first read fixes the snapshot every later read sees. */
  if (!icat_db_exec (db, "BEGIN DEFERRED", error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &ignored, error))
    {
      icat_db_rollback (db);
      db->snapshot_depth = 0;
      db->snapshot_owned = FALSE;
      return FALSE;
    }
  return TRUE;
}

void
icat_db_end_snapshot (IcatDb *db)
{
  g_return_if_fail (db->snapshot_depth > 0);
  if (--db->snapshot_depth > 0 || !db->snapshot_owned)
    return;
  db->snapshot_owned = FALSE;
  /* Nothing was written: ending it only lets the snapshot go. */
  icat_db_rollback (db);
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
  "schema/005-merge.sql",
  "schema/006-history-index.sql",
  "schema/007-search-short.sql",
  "schema/008-paper-clearances.sql",
  "schema/009-meeting-reopened.sql",
  "schema/010-agenda-carry.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ICAT_SCHEMA_VERSION);

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

/* Whether any record kind has a row; asked once every table exists. */
static gboolean
has_records (IcatDb   *db,
             gboolean *found,
             GError  **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  *found = FALSE;
  for (guint k = 0; k < n_kinds && !*found; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\")", kinds[k]->name);
      gint64 exists = 0;

      if (!query_int (db, sql, &exists, error))
        return FALSE;
      *found = exists != 0;
    }
  return TRUE;
}

/* A migration that adds a column cannot run twice (SQLite has no ADD
 * COLUMN IF NOT EXISTS), and a database set back to an older version
 * number is migrated again: it is skipped where its column is there. */
static const struct {
  const char *migration;
  const char *table;
  const char *column;
} added_columns[] = {
  { "schema/008-paper-clearances.sql", "paper", "endorsement_reason" },
  { "schema/009-meeting-reopened.sql", "meeting", "reopened_on" },
  { "schema/010-agenda-carry.sql", "meeting_agenda", "continue_next" },
};

static gboolean
already_added (IcatDb      *db,
               const char  *migration,
               gboolean    *added,
               GError     **error)
{
  *added = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (added_columns); i++)
    if (g_str_equal (added_columns[i].migration, migration))
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('%s') WHERE name = '%s'",
                                                added_columns[i].table, added_columns[i].column);
        gint64 found = 0;

        if (!query_int (db, sql, &found, error))
          return FALSE;
        *added = found > 0;
      }
  return TRUE;
}

static gboolean
apply_migrations (IcatDb  *db,
                  gint64   from_version,
                  GError **error)
{
  g_autofree char *set_version = NULL;

  for (gint64 version = from_version; version < ICAT_SCHEMA_VERSION; version++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_PREFIX "/", migrations[version], NULL);
      g_autoptr(GBytes) sql = NULL;
      gboolean added;

      if (!already_added (db, migrations[version], &added, error))
        return FALSE;
      if (added)
        continue;
      sql = g_resources_lookup_data (resource, 0, error);
      if (sql == NULL || !icat_db_exec (db, g_bytes_get_data (sql, NULL), error))
        return FALSE;
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", ICAT_SCHEMA_VERSION);
  return icat_db_exec (db, set_version, error);
}

/* A migration that rebuilds a table drops the old one while rows still
 * point at it, so foreign keys are off while it runs (they cannot change
 * inside a transaction); before COMMIT every reference is checked at once,
 * and one that points nowhere fails the migration. */
static gboolean
check_foreign_keys (IcatDb  *db,
                    GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "PRAGMA foreign_key_check", error);
  g_autofree char *table = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return icat_db_fail (db, rc, error);
  if (table != NULL)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                   _("“%s” could not be updated to this version of ICAT Tracker: a row of “%s” refers "
                     "to a record that does not exist. It was not changed."),
                   db->path, table);
      return FALSE;
    }
  return TRUE;
}

/* Creating, migrating and seeding are one transaction, so a program killed
 * on its first start leaves either no ICAT Tracker database or a complete
 * one, and the version is read again under the write lock, so processes
 * that open one new file at once set it up exactly once. */
static gboolean
migrate (IcatDb          *db,
         IcatDbSeedFunc   seed,
         gpointer         seed_data,
         gboolean        *created,
         GError         **error)
{
  gint64 version = 0;
  gboolean found = TRUE;

  /* The first creator holds the lock while the seed loads, which takes
   * longer than an ordinary write. */
  sqlite3_busy_timeout (db->handle, 60000);
  if (icat_nested_id_register_sql (db->handle) != SQLITE_OK ||
      _icat_sync_history_register_sql (db) != SQLITE_OK)
    {
      icat_db_fail (db, sqlite3_errcode (db->handle), error);
      goto failed;
    }
  if (!icat_db_exec (db, "PRAGMA foreign_keys = OFF", error) ||
      !icat_db_begin (db, error))
    goto failed;
  if (!check_version (db, &version, error))
    goto failed;
  if (version < ICAT_SCHEMA_VERSION && !apply_migrations (db, version, error))
    goto failed;
  /* Before version 4 the seed loaded in a transaction of its own after the
   * migrations, and a first start killed in between left a database with
   * the schema and no records, which no later start seeded. Such a file
   * can only come from an older version (since version 4 a new database is
   * seeded with its schema, and an empty current one was emptied on
   * purpose, e.g. by import --replace), so it is seeded here while it is
   * migrated, rather than only reported: a coordinator would otherwise
   * start from nothing without knowing why. */
  if (version < ICAT_SCHEMA_VERSION && version > 0 && !has_records (db, &found, error))
    goto failed;
  if ((version == 0 || !found) && seed != NULL && !seed (db, seed_data, error))
    goto failed;
  if (!check_foreign_keys (db, error) ||
      !icat_db_commit (db, error) ||
      !icat_db_exec (db, "PRAGMA foreign_keys = ON", error))
    goto failed;
  sqlite3_busy_timeout (db->handle, 5000);
  if (created != NULL)
    *created = version == 0 || !found;
  if (version < ICAT_SCHEMA_VERSION)
    g_debug ("Migrated %s from schema %" G_GINT64_FORMAT " to %d", db->path, version, ICAT_SCHEMA_VERSION);
  return TRUE;

failed:
  icat_db_rollback (db);
  sqlite3_exec (db->handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  sqlite3_busy_timeout (db->handle, 5000);
  return FALSE;
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

/* SQLite reads a WAL database only where it can open or create the -shm
 * and -wal files beside it; in a read-only folder (a CD, a write-protected
 * stick, a share) that fails although nothing needs writing. Then, if no
 * -wal holds changes not yet in the file, the file alone is the whole
 * database and is opened as immutable: read without locks or side files.
 * With a -wal that holds data, the file alone would be out of date, so the
 * error stands. */
static int
open_read_only_media (IcatDb *db)
{
  int rc = sqlite3_exec (db->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  const char *filename;
  g_autofree char *wal = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  GStatBuf wal_stat;

  if (rc == SQLITE_OK)
    return SQLITE_OK;
  if ((rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_READONLY)
    return rc;
  filename = sqlite3_db_filename (db->handle, "main");
  if (filename == NULL || *filename == '\0')
    return rc;
  wal = g_strconcat (filename, "-wal", NULL);
  if (g_stat (wal, &wal_stat) == 0 && S_ISREG (wal_stat.st_mode) && wal_stat.st_size > 0)
    return rc;
  file_uri = g_filename_to_uri (filename, NULL, NULL);
  if (file_uri == NULL)
    return rc;
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  g_debug ("%s: no -wal or -shm can be made beside it; reading the file alone", db->path);
  sqlite3_close (db->handle);
  db->handle = NULL;
  rc = sqlite3_open_v2 (uri, &db->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    sqlite3_extended_result_codes (db->handle, 1);
  return rc;
}

/* Switching a new file to the write-ahead log needs it to itself, and
 * SQLite says "busy" at once while another program has it open, without
 * waiting as for other locks: programs starting on one new file at once
 * (a second window, the CLI beside the app) wait here as they would for a
 * busy database. */
static gboolean
set_write_ahead_log (IcatDb  *db,
                     GError **error)
{
  gint64 give_up_at = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (db->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > give_up_at)
        return icat_db_fail (db, rc, error);
      g_usleep (10 * 1000);
    }
  return TRUE;
}

IcatDb *
icat_db_open (const char   *path,
              IcatDbFlags   flags,
              gboolean     *created,
              GError      **error)
{
  return icat_db_open_full (path, flags, NULL, NULL, created, error);
}

IcatDb *
icat_db_open_full (const char      *path,
                   IcatDbFlags      flags,
                   IcatDbSeedFunc   seed,
                   gpointer         seed_data,
                   gboolean        *created,
                   GError         **error)
{
  g_autoptr(IcatDb) db = g_new0 (IcatDb, 1);
  int open_flags = SQLITE_OPEN_URI;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* search_doc's triggers fill search_short through this tokenizer. */
  icat_search_tokenizer_init ();
  if (created != NULL)
    *created = FALSE;
  if (!check_folder (path, error))
    return NULL;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->read_only = (flags & ICAT_DB_READ_ONLY) != 0;
  open_flags |= db->read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &db->handle, open_flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db->handle, 1);
      sqlite3_busy_timeout (db->handle, 5000);
    }
  if (rc == SQLITE_OK && db->read_only)
    rc = open_read_only_media (db);
  if (rc != SQLITE_OK)
    {
      icat_db_fail (db, rc, error);
      return NULL;
    }

  if (!check_version (db, &version, error))
    return NULL;

  /* 32 MiB of page cache: a large import stays in memory until it commits. */
  if (!icat_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !icat_db_exec (db, "PRAGMA cache_size = -32768", error))
    return NULL;
  if (!db->read_only && sqlite3_db_readonly (db->handle, "main") == 0)
    {
      /* An acknowledged edit must survive a power cut. */
      if (!set_write_ahead_log (db, error) ||
          !icat_db_exec (db, "PRAGMA synchronous = FULL", error))
        return NULL;
      /* user_version only grows: a current database needs no write lock. */
      if (version < ICAT_SCHEMA_VERSION && !migrate (db, seed, seed_data, created, error))
        return NULL;
      return g_steal_pointer (&db);
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

  return g_steal_pointer (&db);
}
