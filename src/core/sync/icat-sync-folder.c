/* icat-sync-folder.c — reading and writing the sync folder
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * <folder>/<device-id>/ belongs to one laptop, the only writer of its
 * files: <seq>.icatsync (one change each, never rewritten),
 * state.icatstate (its name and what it has applied) and
 * snapshot-<seq>.icatsnap (the whole database, for laptops that join
 * late). Anything else in the folder (Syncthing's .stfolder, .stversions,
 * temporary files) is not looked at.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "icat-error.h"
#include "icat-schema.h"
#include "icat-sync-folder.h"
#include "icat-sync.h"

/* A ten-year database is some 200 MB; its snapshot must pass. */
#define MAX_FILE_SIZE ((goffset) 1 << 30)

char *
_icat_sync_change_path (const char *folder,
                        const char *device,
                        gint64      seq)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".icatsync", seq);

  return g_build_filename (folder, device, name, NULL);
}

char *
_icat_sync_state_path (const char *folder,
                       const char *device)
{
  return g_build_filename (folder, device, "state.icatstate", NULL);
}

/* seq from "<seq><suffix>" with a prefix; -1 when the name is not one. */
static gint64
numbered_name (const char *name,
               const char *prefix,
               const char *suffix)
{
  gsize prefix_len = strlen (prefix), name_len = strlen (name), suffix_len = strlen (suffix);
  g_autofree char *digits = NULL;
  guint64 value;

  if (name_len <= prefix_len + suffix_len || !g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, suffix))
    return -1;
  digits = g_strndup (name + prefix_len, name_len - prefix_len - suffix_len);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &value, NULL))
    return -1;
  return (gint64) value;
}

static int
compare_seq (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

GPtrArray *
_icat_sync_list_devices (const char  *folder,
                         GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (icat_is_uuid (name) && g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (devices, g_strdup (name));
    }
  g_ptr_array_sort (devices, (GCompareFunc) g_strcmp0);
  return g_steal_pointer (&devices);
}

GArray *
_icat_sync_list_numbered (const char *folder,
                          const char *device,
                          const char *prefix,
                          const char *suffix)
{
  g_autofree char *path = g_build_filename (folder, device, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gint64 seq = numbered_name (name, prefix, suffix);

      if (seq > 0)
        g_array_append_val (seqs, seq);
    }
  g_array_sort (seqs, compare_seq);
  return seqs;
}

/* A file whose signature failed may come from another group: its header,
 * though not to be trusted, says so. Only the words of the refusal
 * follow it, nothing of the file is used. */
static void
name_other_group (GBytes      *bytes,
                  const char  *group,
                  GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *start = length > 8 ? memchr (data, '{', MIN (length, 64)) : NULL;
  const char *end = start ? memchr (start, '\n', length - (start - data)) : NULL;
  g_autofree char *text = end ? g_strndup (start, end - start) : NULL;
  g_autoptr(JsonNode) header = text ? json_from_string (text, NULL) : NULL;
  const char *named;

  if (error == NULL || !g_error_matches (*error, ICAT_SYNC_PROBLEM_ERROR, ICAT_SYNC_PROBLEM_SIGNATURE) ||
      header == NULL || !JSON_NODE_HOLDS_OBJECT (header))
    return;
  named = json_object_get_string_member_with_default (json_node_get_object (header), "group", NULL);
  if (named == NULL || g_strcmp0 (named, group) == 0)
    return;
  g_clear_error (error);
  g_set_error_literal (error, ICAT_SYNC_PROBLEM_ERROR, ICAT_SYNC_PROBLEM_OTHER_GROUP,
                       _("not signed by this group’s key: changed, or made by another group (its header names another group)"));
}

gboolean
_icat_sync_read_signed (const guint8   key[ICAT_SYNC_KEY_SIZE],
                        const char    *path,
                        const char    *group,
                        const char    *kind,
                        const char    *device,
                        gint64         seq,
                        JsonObject   **header,
                        GBytes       **payload,
                        GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) read_header = NULL;
  g_autoptr(GBytes) read_payload = NULL;

  GStatBuf info;

  /* Read whole before its signature is checked: a file past any real
   * change or snapshot is refused unread. */
  if (g_stat (path, &info) == 0 && info.st_size > MAX_FILE_SIZE)
    return g_set_error_literal (error, ICAT_SYNC_PROBLEM_ERROR, ICAT_SYNC_PROBLEM_TOO_LARGE,
                                _("too large to be a change or a snapshot")), FALSE;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!_icat_sync_file_unpack (key, bytes, &read_header, &read_payload, error))
    {
      name_other_group (bytes, group, error);
      return FALSE;
    }
  if (g_strcmp0 (json_object_get_string_member_with_default (read_header, "group", ""), group) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (read_header, "kind", ""), kind) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (read_header, "device", ""), device) != 0 ||
      (seq > 0 && json_object_get_int_member_with_default (read_header, "seq", -1) != seq))
    return g_set_error_literal (error, ICAT_SYNC_PROBLEM_ERROR, ICAT_SYNC_PROBLEM_MISNAMED,
                                _("its header names another laptop, number or group than its place in the folder")), FALSE;
  *header = g_steal_pointer (&read_header);
  *payload = g_steal_pointer (&read_payload);
  return TRUE;
}

gboolean
_icat_sync_write_file (const char  *path,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    return g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                        _("Cannot create “%s”: %s"), folder, g_strerror (errno)), FALSE;
  /* Written beside and renamed, so a reader never sees half a file. */
  return g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
