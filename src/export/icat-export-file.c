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

static gboolean
write_temporary (int         fd,
                 const char *target,
                 const void *data,
                 gsize       length)
{
  gboolean written = keep_mode (fd, target) && write_all (fd, data, length) && fsync (fd) == 0;
  int saved_errno = errno;

  if (close (fd) != 0 && written)
    return FALSE;
  errno = saved_errno;
  return written;
}

gboolean
icat_export_replace_file (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  /* Through a symbolic link — even one whose file does not exist yet —
   * the file it points to is replaced and the link stays. */
  g_autofree char *target = NULL;
  g_autofree char *temporary = NULL;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = icat_export_resolve_links (path);
  /* Still a link: a loop, which the rename would replace by a file. */
  if (g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (ELOOP),
                   _("Cannot write “%s”: %s"), path, g_strerror (ELOOP));
      return FALSE;
    }
  temporary = g_strconcat (target, ".XXXXXX", NULL);
  /* The usual mode of a new file (the umask applies). */
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0 && write_temporary (fd, target, data, length) && g_rename (temporary, target) == 0)
    return TRUE;

  saved_errno = errno;
  if (fd >= 0)
    g_unlink (temporary);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
icat_export_write_in_place (const char  *path,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  int fd;
  gboolean written;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  written = fd >= 0 && write_all (fd, data, length);
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (written)
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}
