/* icat-export-file.c — writing an exported document to the file the user named
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports can hold focal points' contacts and are written over files the
 * user already has, so a write never widens a file's permissions, never
 * turns a symbolic link into a plain file, and never lands on the database
 * it was read from.
 */
#define G_LOG_DOMAIN "icat-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-export.h"

/* As many links as Linux follows before it gives up (ELOOP). */
#define MAX_LINKS 40

/* The files SQLite keeps beside a database, under the database's name. */
static const char * const database_suffixes[] = { "", "-wal", "-shm", "-journal" };

char *
icat_export_resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *folder = NULL;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (folder, target, NULL);
    }
  return g_steal_pointer (&current);
}

/* SQLite's URIs ("file:/path/icat.db?mode=ro") name the file before the
 * query; a plain path is the file. */
static char *
database_file (const char *database)
{
  g_autofree char *path = NULL;
  const char *end;

  if (!g_str_has_prefix (database, "file:"))
    return g_strdup (database);
  path = g_strdup (database + strlen ("file:"));
  end = strpbrk (path, "?#");
  if (end != NULL)
    path[end - path] = '\0';
  if (g_str_has_prefix (path, "//localhost/"))
    memmove (path, path + strlen ("//localhost"), strlen (path + strlen ("//localhost")) + 1);
  else if (g_str_has_prefix (path, "///"))
    memmove (path, path + 2, strlen (path + 2) + 1);
  return g_uri_unescape_string (path, NULL);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf x, y;

  return g_stat (a, &x) == 0 && g_stat (b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* The same name in the same folder, whether or not the file exists yet:
 * a database's -wal file comes and goes. */
static gboolean
same_place (const char *a,
            const char *b)
{
  g_autofree char *name_a = g_path_get_basename (a);
  g_autofree char *name_b = g_path_get_basename (b);
  g_autofree char *folder_a = NULL;
  g_autofree char *folder_b = NULL;

  if (strcmp (name_a, name_b) != 0)
    return FALSE;
  folder_a = g_path_get_dirname (a);
  folder_b = g_path_get_dirname (b);
  return same_file (folder_a, folder_b);
}

static gboolean
is_database_file (const char *target,
                  const char *database)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (database, database_suffixes[i], NULL);

      if (same_file (target, companion) || same_place (target, companion))
        return TRUE;
    }
  return FALSE;
}

gboolean
icat_export_check_not_database (const char  *path,
                                const char  *database,
                                GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *file = NULL;
  g_autofree char *resolved = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (database == NULL)
    return TRUE;
  target = icat_export_resolve_links (path);
  file = database_file (database);
  /* SQLite names its -wal file after the database's real path. */
  resolved = icat_export_resolve_links (file);
  if (is_database_file (target, file) || is_database_file (target, resolved))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s are the file asked for and the database's file; the database is never overwritten */
                   _("Cannot write “%s”: it is the database “%s” or one of its files; choose another file"),
                   path, file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      if (written == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* An existing file keeps its owner and mode: a 0600 export of contacts
 * stays 0600. When the owner or group cannot be kept (another user's
 * file), the group's and others' rights are dropped rather than given to
 * a group the file did not have. */
static gboolean
keep_mode (int         fd,
           const char *target)
{
  GStatBuf old;
  mode_t mode;

  if (g_stat (target, &old) != 0)
    return errno == ENOENT;
  mode = old.st_mode & 07777;
  if (fchown (fd, old.st_uid, old.st_gid) != 0)
    mode &= ~(mode_t) 077;
  return fchmod (fd, mode) == 0;
}

struct _IcatExportFile {
  char *path;       /* as the user named it, for messages */
  char *target;     /* the file written: path with its links followed */
  char *temporary;  /* beside target, renamed over it when whole; NULL in place */
  int   fd;
};

static IcatExportFile *
export_file_fail (IcatExportFile  *file,
                  GError         **error)
{
  int saved_errno = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), file->path, g_strerror (saved_errno));
  icat_export_file_free (file);
  return NULL;
}

static IcatExportFile *
export_file_alloc (const char *path)
{
  IcatExportFile *file = g_new0 (IcatExportFile, 1);

  file->path = g_strdup (path);
  file->fd = -1;
  return file;
}

IcatExportFile *
icat_export_file_new (const char  *path,
                      GError     **error)
{
  IcatExportFile *file;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = export_file_alloc (path);
  /* Through a symbolic link — even one whose file does not exist yet —
   * the file it points to is replaced and the link stays. */
  file->target = icat_export_resolve_links (path);
  /* Still a link: a loop, which the rename would replace by a file. */
  if (g_file_test (file->target, G_FILE_TEST_IS_SYMLINK))
    {
      errno = ELOOP;
      return export_file_fail (file, error);
    }
  file->temporary = g_strconcat (file->target, ".XXXXXX", NULL);
  /* The usual mode of a new file (the umask applies). */
  file->fd = g_mkstemp_full (file->temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      g_clear_pointer (&file->temporary, g_free);
      return export_file_fail (file, error);
    }
  if (!keep_mode (file->fd, file->target))
    return export_file_fail (file, error);
  return file;
}

IcatExportFile *
icat_export_file_new_in_place (const char  *path,
                               GError     **error)
{
  IcatExportFile *file;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = export_file_alloc (path);
  file->fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  if (file->fd < 0)
    return export_file_fail (file, error);
  return file;
}

gboolean
icat_export_file_write (IcatExportFile  *file,
                        const void      *data,
                        gsize            length,
                        GError         **error)
{
  int saved_errno;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (write_all (file->fd, data, length))
    return TRUE;
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), file->path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
icat_export_file_close (IcatExportFile  *file,
                        GError         **error)
{
  gboolean synced;
  int fd;
  int saved_errno;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  fd = g_steal_fd (&file->fd);
  /* A device or pipe has nothing to sync or rename, and what it says on
   * close was never taken as news about the data. */
  if (file->temporary == NULL)
    {
      close (fd);
      return TRUE;
    }
  synced = fsync (fd) == 0;
  saved_errno = errno;
  if (close (fd) == 0 && synced && g_rename (file->temporary, file->target) == 0)
    {
      g_clear_pointer (&file->temporary, g_free);
      return TRUE;
    }
  if (!synced)
    errno = saved_errno;
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), file->path, g_strerror (saved_errno));
  return FALSE;
}

void
icat_export_file_free (IcatExportFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  /* Not closed, or not whole: the old file stays as it was. */
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  g_free (file->temporary);
  g_free (file->target);
  g_free (file->path);
  g_free (file);
}

gboolean
icat_export_replace_file (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(IcatExportFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = icat_export_file_new (path, error);
  return file != NULL &&
         icat_export_file_write (file, data, length, error) &&
         icat_export_file_close (file, error);
}

gboolean
icat_export_write_in_place (const char  *path,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(IcatExportFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = icat_export_file_new_in_place (path, error);
  return file != NULL &&
         icat_export_file_write (file, data, length, error) &&
         icat_export_file_close (file, error);
}
