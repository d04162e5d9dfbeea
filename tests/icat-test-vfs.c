/* icat-test-vfs.c — an SQLite VFS for power cuts and I/O faults in tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian does not ship SQLite's own crash-test VFS (test6.c), so this is a
 * small one in its spirit. Files are known by name: the main database, its
 * WAL and any journal, shared by every connection that opens them, so the
 * store's reading connection sees what its writing one has not synced yet,
 * as it would through the kernel's page cache. Files without a name (SQLite's
 * temporary files) pass straight through until the power is cut.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "icat-test-vfs.h"

#define TEST_VFS_NAME "icat-test"

/* One write (or truncation) that has not reached the disk yet. */
typedef struct {
  sqlite3_int64 offset;   /* the new size, for a truncation */
  gsize         length;
  guint8       *data;     /* NULL for a truncation */
} HeldWrite;

typedef struct {
  char      *path;
  GPtrArray *held;        /* HeldWrite, oldest first */
} FileState;

typedef struct {
  sqlite3_file  base;
  FileState    *state;    /* NULL for a file without a name */
  sqlite3_file *real;     /* the unix VFS's file, allocated right after us */
} TestFile;

#define TEST_FILE_SIZE ((sizeof (TestFile) + 7) & ~(gsize) 7)

static struct {
  GMutex        lock;
  sqlite3_vfs   vfs;
  sqlite3_vfs  *unix_vfs;
  GHashTable   *files;          /* path → FileState */
  GPtrArray    *survivors;      /* FileState of writes a cut kept, written at reset */
  guint         counts[ICAT_TEST_VFS_N_CALLS];
  guint         events;
  guint         cut_at;         /* an event number; 0: no cut planned */
  gboolean      keep_some;
  GRand        *rand;
  gboolean      cut;
  int           fail_call;      /* -1: no fault planned */
  guint         fail_at;
  int           fail_rc;
  gboolean      fired;
} test_vfs = { .fail_call = -1 };

static void
held_write_free (gpointer data)
{
  HeldWrite *write = data;

  g_free (write->data);
  g_free (write);
}

static void
file_state_free (gpointer data)
{
  FileState *state = data;

  g_ptr_array_unref (state->held);
  g_free (state->path);
  g_free (state);
}

static FileState *
file_state_for (const char *path)
{
  FileState *state = g_hash_table_lookup (test_vfs.files, path);

  if (state == NULL)
    {
      state = g_new0 (FileState, 1);
      state->path = g_strdup (path);
      state->held = g_ptr_array_new_with_free_func (held_write_free);
      g_hash_table_insert (test_vfs.files, state->path, state);
    }
  return state;
}

/* The moment of the cut: what the disk has not got is gone, apart from
 * the random part a disk might have written anyway. */
static void
cut_power (void)
{
  GHashTableIter iter;
  gpointer value;

  test_vfs.cut = TRUE;
  g_hash_table_iter_init (&iter, test_vfs.files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FileState *state = value;
      FileState *survivor = NULL;
      HeldWrite *copy;

      for (guint i = 0; test_vfs.keep_some && i < state->held->len; i++)
        {
          HeldWrite *write = state->held->pdata[i];

          /* Truncations are metadata a disk may well lose: never kept. */
          if (write->data == NULL || !g_rand_boolean (test_vfs.rand))
            continue;
          if (survivor == NULL)
            {
              survivor = g_new0 (FileState, 1);
              survivor->path = g_strdup (state->path);
              survivor->held = g_ptr_array_new_with_free_func (held_write_free);
              g_ptr_array_add (test_vfs.survivors, survivor);
            }
          copy = g_new0 (HeldWrite, 1);
          copy->offset = write->offset;
          copy->length = write->length;
          copy->data = g_steal_pointer (&write->data);
          g_ptr_array_add (survivor->held, copy);
        }
      g_ptr_array_set_size (state->held, 0);
    }
}

/* Counts a call; TRUE (with *rc set) when this call is the one to fail. */
static gboolean
call_fails (IcatTestVfsCall call,
            int            *rc)
{
  test_vfs.counts[call]++;
  if (call != ICAT_TEST_VFS_READ)
    {
      test_vfs.events++;
      if (test_vfs.cut_at != 0 && test_vfs.events == test_vfs.cut_at)
        {
          cut_power ();
          *rc = call == ICAT_TEST_VFS_WRITE ? SQLITE_IOERR_WRITE : SQLITE_IOERR_FSYNC;
          return TRUE;
        }
    }
  if (!test_vfs.fired && test_vfs.fail_call == (int) call && test_vfs.counts[call] == test_vfs.fail_at)
    {
      test_vfs.fired = TRUE;
      *rc = test_vfs.fail_rc;
      return TRUE;
    }
  return FALSE;
}

static int
file_size_locked (TestFile      *self,
                  sqlite3_int64 *size)
{
  int rc = self->real->pMethods->xFileSize (self->real, size);

  if (rc != SQLITE_OK || self->state == NULL)
    return rc;
  for (guint i = 0; i < self->state->held->len; i++)
    {
      HeldWrite *write = self->state->held->pdata[i];

      if (write->data == NULL)
        *size = write->offset;
      else
        *size = MAX (*size, write->offset + (sqlite3_int64) write->length);
    }
  return SQLITE_OK;
}

/* The disk's bytes with the held writes laid over them, in order. */
static int
read_through (TestFile      *self,
              guint8        *buffer,
              int            amount,
              sqlite3_int64  offset)
{
  sqlite3_int64 end = offset + amount;
  sqlite3_int64 size = 0;
  int rc = self->real->pMethods->xRead (self->real, buffer, amount, offset);

  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return rc;
  rc = self->real->pMethods->xFileSize (self->real, &size);
  if (rc != SQLITE_OK)
    return rc;
  for (guint i = 0; i < self->state->held->len; i++)
    {
      HeldWrite *write = self->state->held->pdata[i];
      sqlite3_int64 from = MAX (offset, write->offset);
      sqlite3_int64 to = write->data ? MIN (end, write->offset + (sqlite3_int64) write->length) : end;

      if (from < to && write->data != NULL)
        memcpy (buffer + (from - offset), write->data + (from - write->offset), to - from);
      else if (from < to)
        memset (buffer + (from - offset), 0, to - from);
      size = write->data ? MAX (size, write->offset + (sqlite3_int64) write->length) : write->offset;
    }
  if (end > size)
    {
      sqlite3_int64 from = MAX (size, offset);

      memset (buffer + (from - offset), 0, end - from);
      return SQLITE_IOERR_SHORT_READ;
    }
  return SQLITE_OK;
}

static int
test_file_close (sqlite3_file *file)
{
  TestFile *self = (TestFile *) file;

  /* Held writes stay held: closing a file does not write the page cache. */
  return self->real->pMethods->xClose (self->real);
}

static int
test_file_read (sqlite3_file  *file,
                void          *buffer,
                int            amount,
                sqlite3_int64  offset)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);
  int rc = SQLITE_OK;

  if (test_vfs.cut)
    return SQLITE_IOERR_READ;
  if (self->state == NULL)
    return self->real->pMethods->xRead (self->real, buffer, amount, offset);
  if (call_fails (ICAT_TEST_VFS_READ, &rc))
    return rc;
  return read_through (self, buffer, amount, offset);
}

static int
test_file_write (sqlite3_file  *file,
                 const void    *buffer,
                 int            amount,
                 sqlite3_int64  offset)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);
  HeldWrite *write;
  int rc = SQLITE_OK;

  if (test_vfs.cut)
    return SQLITE_IOERR_WRITE;
  if (self->state == NULL)
    return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
  if (call_fails (ICAT_TEST_VFS_WRITE, &rc))
    return rc;
  write = g_new0 (HeldWrite, 1);
  write->offset = offset;
  write->length = amount;
  write->data = g_memdup2 (buffer, amount);
  g_ptr_array_add (self->state->held, write);
  return SQLITE_OK;
}

static int
test_file_truncate (sqlite3_file  *file,
                    sqlite3_int64  size)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);
  HeldWrite *truncation;

  if (test_vfs.cut)
    return SQLITE_IOERR_TRUNCATE;
  if (self->state == NULL)
    return self->real->pMethods->xTruncate (self->real, size);
  truncation = g_new0 (HeldWrite, 1);
  truncation->offset = size;
  g_ptr_array_add (self->state->held, truncation);
  return SQLITE_OK;
}

static int
test_file_sync (sqlite3_file *file,
                int           flags)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);
  int rc = SQLITE_OK;

  if (test_vfs.cut)
    return SQLITE_IOERR_FSYNC;
  if (self->state == NULL)
    return self->real->pMethods->xSync (self->real, flags);
  /* A failed sync keeps what it held: the kernel may still write it. */
  if (call_fails (ICAT_TEST_VFS_SYNC, &rc))
    return rc;
  for (guint i = 0; i < self->state->held->len && rc == SQLITE_OK; i++)
    {
      HeldWrite *write = self->state->held->pdata[i];

      if (write->data != NULL)
        rc = self->real->pMethods->xWrite (self->real, write->data, write->length, write->offset);
      else
        rc = self->real->pMethods->xTruncate (self->real, write->offset);
    }
  if (rc != SQLITE_OK)
    return rc;
  g_ptr_array_set_size (self->state->held, 0);
  /* The disk that can lose power is this simulation, not the real one:
   * waiting for the real one would only make the tests slow. */
  return SQLITE_OK;
}

static int
test_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  if (test_vfs.cut)
    return SQLITE_IOERR_FSTAT;
  return file_size_locked (self, size);
}

static int
test_file_lock (sqlite3_file *file,
                int           level)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
test_file_unlock (sqlite3_file *file,
                  int           level)
{
  TestFile *self = (TestFile *) file;

  /* Also after a cut, so that closing the connection releases its locks. */
  return self->real->pMethods->xUnlock (self->real, level);
}

static int
test_file_check_reserved_lock (sqlite3_file *file,
                               int          *reserved)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, reserved);
}

static int
test_file_control (sqlite3_file *file,
                   int           op,
                   void         *argument)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xFileControl (self->real, op, argument);
}

static int
test_file_sector_size (sqlite3_file *file)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
test_file_device_characteristics (sqlite3_file *file)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

/* Shared memory is the WAL index, memory between connections: it passes
 * through, as SQLite's crash tests do. */
static int
test_file_shm_map (sqlite3_file  *file,
                   int            region,
                   int            size,
                   int            extend,
                   void volatile **memory)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, memory);
}

static int
test_file_shm_lock (sqlite3_file *file,
                    int           offset,
                    int           n,
                    int           flags)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
test_file_shm_barrier (sqlite3_file *file)
{
  TestFile *self = (TestFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
test_file_shm_unmap (sqlite3_file *file,
                     int           delete_flag)
{
  TestFile *self = (TestFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* Version 2: no xFetch, so SQLite never maps a file and always reads
 * through us. */
static const sqlite3_io_methods test_file_methods = {
  .iVersion = 2,
  .xClose = test_file_close,
  .xRead = test_file_read,
  .xWrite = test_file_write,
  .xTruncate = test_file_truncate,
  .xSync = test_file_sync,
  .xFileSize = test_file_size,
  .xLock = test_file_lock,
  .xUnlock = test_file_unlock,
  .xCheckReservedLock = test_file_check_reserved_lock,
  .xFileControl = test_file_control,
  .xSectorSize = test_file_sector_size,
  .xDeviceCharacteristics = test_file_device_characteristics,
  .xShmMap = test_file_shm_map,
  .xShmLock = test_file_shm_lock,
  .xShmBarrier = test_file_shm_barrier,
  .xShmUnmap = test_file_shm_unmap,
};

static int
test_vfs_open (sqlite3_vfs  *vfs,
               const char   *name,
               sqlite3_file *file,
               int           flags,
               int          *out_flags)
{
  TestFile *self = (TestFile *) file;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);
  int rc;

  memset (self, 0, TEST_FILE_SIZE);
  self->real = (sqlite3_file *) ((guint8 *) file + TEST_FILE_SIZE);
  if (test_vfs.cut)
    return SQLITE_CANTOPEN;
  rc = test_vfs.unix_vfs->xOpen (test_vfs.unix_vfs, name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    return rc;
  if (name != NULL)
    self->state = file_state_for (name);
  self->base.pMethods = &test_file_methods;
  return SQLITE_OK;
}

static int
test_vfs_delete (sqlite3_vfs *vfs,
                 const char  *name,
                 int          sync_dir)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  if (test_vfs.cut)
    return SQLITE_IOERR_DELETE;
  /* Deleting commits a rollback journal: it reaches the disk at once, as
   * the unix VFS syncs the folder. */
  if (name != NULL && g_hash_table_contains (test_vfs.files, name))
    g_ptr_array_set_size (((FileState *) g_hash_table_lookup (test_vfs.files, name))->held, 0);
  return test_vfs.unix_vfs->xDelete (test_vfs.unix_vfs, name, sync_dir);
}

static int
test_vfs_access (sqlite3_vfs *vfs,
                 const char  *name,
                 int          flags,
                 int         *result)
{
  return test_vfs.unix_vfs->xAccess (test_vfs.unix_vfs, name, flags, result);
}

static int
test_vfs_full_pathname (sqlite3_vfs *vfs,
                        const char  *name,
                        int          size,
                        char        *out)
{
  return test_vfs.unix_vfs->xFullPathname (test_vfs.unix_vfs, name, size, out);
}

static void *
test_vfs_dl_open (sqlite3_vfs *vfs,
                  const char  *name)
{
  return test_vfs.unix_vfs->xDlOpen (test_vfs.unix_vfs, name);
}

static void
test_vfs_dl_error (sqlite3_vfs *vfs,
                   int          size,
                   char        *message)
{
  test_vfs.unix_vfs->xDlError (test_vfs.unix_vfs, size, message);
}

static void (*test_vfs_dl_sym (sqlite3_vfs *vfs,
                               void        *handle,
                               const char  *symbol)) (void)
{
  return test_vfs.unix_vfs->xDlSym (test_vfs.unix_vfs, handle, symbol);
}

static void
test_vfs_dl_close (sqlite3_vfs *vfs,
                   void        *handle)
{
  test_vfs.unix_vfs->xDlClose (test_vfs.unix_vfs, handle);
}

static int
test_vfs_randomness (sqlite3_vfs *vfs,
                     int          size,
                     char        *out)
{
  return test_vfs.unix_vfs->xRandomness (test_vfs.unix_vfs, size, out);
}

static int
test_vfs_sleep (sqlite3_vfs *vfs,
                int          microseconds)
{
  return test_vfs.unix_vfs->xSleep (test_vfs.unix_vfs, microseconds);
}

static int
test_vfs_current_time (sqlite3_vfs *vfs,
                       double      *now)
{
  return test_vfs.unix_vfs->xCurrentTime (test_vfs.unix_vfs, now);
}

static int
test_vfs_get_last_error (sqlite3_vfs *vfs,
                         int          size,
                         char        *out)
{
  return test_vfs.unix_vfs->xGetLastError (test_vfs.unix_vfs, size, out);
}

static int
test_vfs_current_time_int64 (sqlite3_vfs   *vfs,
                             sqlite3_int64 *now)
{
  return test_vfs.unix_vfs->xCurrentTimeInt64 (test_vfs.unix_vfs, now);
}

/* Writes what a cut kept, now that no connection holds the files' locks. */
static void
write_survivors (void)
{
  for (guint i = 0; i < test_vfs.survivors->len; i++)
    {
      FileState *survivor = test_vfs.survivors->pdata[i];
      int fd = open (survivor->path, O_WRONLY);

      if (fd < 0)
        continue;
      for (guint j = 0; j < survivor->held->len; j++)
        {
          HeldWrite *write = survivor->held->pdata[j];

          g_assert_cmpint (pwrite (fd, write->data, write->length, write->offset), ==, (gssize) write->length);
        }
      close (fd);
    }
  g_ptr_array_set_size (test_vfs.survivors, 0);
}

void
icat_test_vfs_install (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  if (test_vfs.unix_vfs == NULL)
    {
      test_vfs.unix_vfs = sqlite3_vfs_find ("unix");
      g_assert_nonnull (test_vfs.unix_vfs);
      test_vfs.files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, file_state_free);
      test_vfs.survivors = g_ptr_array_new_with_free_func (file_state_free);
      test_vfs.vfs = (sqlite3_vfs) {
        .iVersion = 2,
        .szOsFile = TEST_FILE_SIZE + test_vfs.unix_vfs->szOsFile,
        .mxPathname = test_vfs.unix_vfs->mxPathname,
        .zName = TEST_VFS_NAME,
        .xOpen = test_vfs_open,
        .xDelete = test_vfs_delete,
        .xAccess = test_vfs_access,
        .xFullPathname = test_vfs_full_pathname,
        .xDlOpen = test_vfs_dl_open,
        .xDlError = test_vfs_dl_error,
        .xDlSym = test_vfs_dl_sym,
        .xDlClose = test_vfs_dl_close,
        .xRandomness = test_vfs_randomness,
        .xSleep = test_vfs_sleep,
        .xCurrentTime = test_vfs_current_time,
        .xGetLastError = test_vfs_get_last_error,
        .xCurrentTimeInt64 = test_vfs_current_time_int64,
      };
    }
  g_assert_cmpint (sqlite3_vfs_register (&test_vfs.vfs, 1), ==, SQLITE_OK);
}

static void
reset_locked (void)
{
  if (test_vfs.survivors != NULL)
    write_survivors ();
  memset (test_vfs.counts, 0, sizeof test_vfs.counts);
  test_vfs.events = 0;
  test_vfs.cut_at = 0;
  test_vfs.cut = FALSE;
  test_vfs.fail_call = -1;
  test_vfs.fired = FALSE;
  g_clear_pointer (&test_vfs.rand, g_rand_free);
}

void
icat_test_vfs_uninstall (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  if (test_vfs.unix_vfs == NULL)
    return;
  sqlite3_vfs_unregister (&test_vfs.vfs);
  g_assert_cmpint (sqlite3_vfs_register (test_vfs.unix_vfs, 1), ==, SQLITE_OK);
  reset_locked ();
  g_hash_table_remove_all (test_vfs.files);
}

void
icat_test_vfs_reset (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  reset_locked ();
}

guint
icat_test_vfs_count (IcatTestVfsCall call)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  g_return_val_if_fail (call < ICAT_TEST_VFS_N_CALLS, 0);
  return test_vfs.counts[call];
}

guint
icat_test_vfs_count_events (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  return test_vfs.events;
}

void
icat_test_vfs_cut_power_at (guint    nth_event,
                            gboolean keep_some,
                            guint32  seed)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  g_return_if_fail (nth_event > 0);
  test_vfs.cut_at = test_vfs.events + nth_event;
  test_vfs.keep_some = keep_some;
  g_clear_pointer (&test_vfs.rand, g_rand_free);
  test_vfs.rand = g_rand_new_with_seed (seed);
}

gboolean
icat_test_vfs_power_is_cut (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  return test_vfs.cut;
}

void
icat_test_vfs_fail_at (IcatTestVfsCall call,
                       guint           nth,
                       int             rc)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  g_return_if_fail (call < ICAT_TEST_VFS_N_CALLS && nth > 0);
  test_vfs.fail_call = call;
  test_vfs.fail_at = test_vfs.counts[call] + nth;
  test_vfs.fail_rc = rc;
  test_vfs.fired = FALSE;
}

gboolean
icat_test_vfs_fault_fired (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&test_vfs.lock);

  return test_vfs.fired;
}
