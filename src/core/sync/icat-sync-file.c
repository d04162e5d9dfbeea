/* icat-sync-file.c — the group's key and its signed files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group is a 32-byte secret made by its first laptop. It lives in the
 * user's config folder (owner-only), never in the database or the sync
 * folder, and reaches other laptops as a join file or a passphrase. Every
 * file in the sync folder is
 *
 *   "ICATSYNC 1\n" header-JSON "\n" payload HMAC-SHA-256
 *
 * with the HMAC over everything before it, so a file that was changed,
 * cut short or signed by another group is refused; the header names the
 * laptop and number the file must be found under, so a file replayed
 * under another name is refused too.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/random.h>

#include "icat-error.h"
#include "icat-sync-file.h"
#include "icat-sync.h"

#define MAGIC "ICATSYNC 1\n"
#define MAC_SIZE 32
#define MAX_HEADER 65536

gboolean
_icat_sync_key_new (guint8   key[ICAT_SYNC_KEY_SIZE],
                    GError **error)
{
  gsize filled = 0;

  while (filled < ICAT_SYNC_KEY_SIZE)
    {
      ssize_t n = getrandom (key + filled, ICAT_SYNC_KEY_SIZE - filled, 0);

      if (n < 0 && errno != EINTR)
        return g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                            _("Cannot make a key for the group: %s"), g_strerror (errno)), FALSE;
      if (n > 0)
        filled += n;
    }
  return TRUE;
}

char *
_icat_sync_group_id (const guint8 key[ICAT_SYNC_KEY_SIZE])
{
  g_autofree char *mac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, key, ICAT_SYNC_KEY_SIZE,
                                                    "ICAT Tracker group", -1);

  return g_strndup (mac, 32);
}

static char *
key_path (const char *group_id)
{
  g_autofree char *name = g_strconcat (group_id, ".key", NULL);

  return g_build_filename (g_get_user_config_dir (), "icat-tracker", "groups", name, NULL);
}

static gboolean
decode_key (const char  *text,
            guint8       key[ICAT_SYNC_KEY_SIZE])
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree guchar *bytes = NULL;
  gsize length = 0;

  bytes = g_base64_decode (copy, &length);
  if (length != ICAT_SYNC_KEY_SIZE)
    return FALSE;
  memcpy (key, bytes, ICAT_SYNC_KEY_SIZE);
  return TRUE;
}

gboolean
_icat_sync_key_save (const char   *group_id,
                     const guint8  key[ICAT_SYNC_KEY_SIZE],
                     GError      **error)
{
  g_autofree char *path = key_path (group_id);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = g_base64_encode (key, ICAT_SYNC_KEY_SIZE);
  g_autofree char *line = g_strconcat (text, "\n", NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                        _("Cannot create “%s”: %s"), folder, g_strerror (errno)), FALSE;
  return g_file_set_contents_full (path, line, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
_icat_sync_key_load (const char  *group_id,
                     guint8       key[ICAT_SYNC_KEY_SIZE],
                     GError     **error)
{
  g_autofree char *path = key_path (group_id);
  g_autofree char *text = NULL;
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("This laptop has no key for its group (%s is missing). Join the group again."),
                        path), FALSE;
  /* A key others can read lets them write into the group. */
  if ((info.st_mode & 0077) != 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The group key %s can be read by other users. Make it private (chmod 600) and try again."),
                        path), FALSE;
  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  if (!decode_key (text, key))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The group key %s is damaged. Join the group again."), path), FALSE;
  return TRUE;
}

/* Join files and passphrases {{{ */

gboolean
_icat_sync_join_file_write (const char    *path,
                            const guint8   key[ICAT_SYNC_KEY_SIZE],
                            GError       **error)
{
  g_autofree char *group = _icat_sync_group_id (key);
  g_autofree char *encoded = g_base64_encode (key, ICAT_SYNC_KEY_SIZE);
  g_autofree char *text = g_strdup_printf ("{\n  \"icat_tracker_group\": 1,\n  \"group\": \"%s\",\n  \"key\": \"%s\"\n}\n",
                                           group, encoded);

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
_icat_sync_join_file_read (const char  *path,
                           guint8       key[ICAT_SYNC_KEY_SIZE],
                           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *group = NULL;
  JsonObject *object;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  root = json_from_string (text, NULL);
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || json_object_get_int_member_with_default (object, "icat_tracker_group", 0) != 1 ||
      !decode_key (json_object_get_string_member_with_default (object, "key", ""), key))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("“%s” is not an ICAT Tracker join file."), path), FALSE;
  group = _icat_sync_group_id (key);
  if (g_strcmp0 (group, json_object_get_string_member_with_default (object, "group", "")) != 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The join file “%s” is damaged."), path), FALSE;
  return TRUE;
}

static const char base32_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

char *
_icat_sync_passphrase (const guint8 key[ICAT_SYNC_KEY_SIZE])
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint bits = 0, value = 0, written = 0;

  /* 32 letters and digits without look-alikes (no I, O, 0, 1), in groups of four. */
  for (guint i = 0; i < ICAT_SYNC_KEY_SIZE; i++)
    {
      value = (value << 8) | key[i];
      bits += 8;
      while (bits >= 5)
        {
          if (written > 0 && written % 4 == 0)
            g_string_append_c (text, '-');
          g_string_append_c (text, base32_alphabet[(value >> (bits - 5)) & 31]);
          written++;
          bits -= 5;
        }
    }
  if (bits > 0)
    {
      if (written % 4 == 0)
        g_string_append_c (text, '-');
      g_string_append_c (text, base32_alphabet[(value << (5 - bits)) & 31]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_icat_sync_passphrase_decode (const char  *passphrase,
                              guint8       key[ICAT_SYNC_KEY_SIZE],
                              GError     **error)
{
  guint bits = 0, value = 0, filled = 0;

  for (const char *p = passphrase; *p != '\0'; p++)
    {
      const char *found;
      char c = g_ascii_toupper (*p);

      if (c == '-' || g_ascii_isspace (c))
        continue;
      found = strchr (base32_alphabet, c);
      if (found == NULL)
        return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                            _("The passphrase holds “%c”, which no passphrase has. Check it letter by letter."),
                            *p), FALSE;
      if (filled == ICAT_SYNC_KEY_SIZE && bits + 5 >= 8)
        return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                            _("The passphrase is too long. Check it letter by letter.")), FALSE;
      value = ((value << 5) | (guint) (found - base32_alphabet)) & 0xfff;
      bits += 5;
      if (bits >= 8)
        {
          key[filled++] = (value >> (bits - 8)) & 0xff;
          bits -= 8;
        }
    }
  if (filled != ICAT_SYNC_KEY_SIZE)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The passphrase is incomplete. Check it letter by letter.")), FALSE;
  /* The last letter carries one bit of the key and four zeros: another
   * letter there is a mistake, never a different key. */
  if ((value & ((1u << bits) - 1)) != 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The passphrase does not check out. Check it letter by letter.")), FALSE;
  return TRUE;
}

/* }}} */
/* Signed files {{{ */

static void
mac_of (const guint8  key[ICAT_SYNC_KEY_SIZE],
        const guint8 *data,
        gsize         length,
        guint8        digest[MAC_SIZE])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, ICAT_SYNC_KEY_SIZE);
  gsize digest_length = MAC_SIZE;

  g_hmac_update (hmac, data, length);
  g_hmac_get_digest (hmac, digest, &digest_length);
}

GBytes *
_icat_sync_file_pack (const guint8  key[ICAT_SYNC_KEY_SIZE],
                      JsonObject   *header,
                      GBytes       *payload)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *header_text = NULL;
  GByteArray *file = g_byte_array_new ();
  guint8 digest[MAC_SIZE];
  gsize size = 0;
  const guint8 *data = payload ? g_bytes_get_data (payload, &size) : NULL;

  json_object_set_int_member (header, "size", size);
  json_node_set_object (node, header);
  header_text = json_to_string (node, FALSE);
  g_byte_array_append (file, (const guint8 *) MAGIC, strlen (MAGIC));
  g_byte_array_append (file, (const guint8 *) header_text, strlen (header_text));
  g_byte_array_append (file, (const guint8 *) "\n", 1);
  if (size > 0)
    g_byte_array_append (file, data, size);
  mac_of (key, file->data, file->len, digest);
  g_byte_array_append (file, digest, MAC_SIZE);
  return g_byte_array_free_to_bytes (file);
}

static gboolean
refuse (GError          **error,
        IcatSyncProblem   problem,
        const char       *reason)
{
  return g_set_error_literal (error, ICAT_SYNC_PROBLEM_ERROR, problem, reason), FALSE;
}

gboolean
_icat_sync_file_unpack (const guint8   key[ICAT_SYNC_KEY_SIZE],
                        GBytes        *file,
                        JsonObject   **header,
                        GBytes       **payload,
                        GError       **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (file, &length);
  guint8 digest[MAC_SIZE];
  const guint8 *newline;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *header_text = NULL;
  gsize header_start = strlen (MAGIC), payload_start;
  gint64 size;

  if (length < header_start + MAC_SIZE || memcmp (data, MAGIC, header_start) != 0)
    return refuse (error, ICAT_SYNC_PROBLEM_DAMAGED, _("not an ICAT Tracker sync file, or cut short"));
  mac_of (key, data, length - MAC_SIZE, digest);
  /* Compared whole, in constant time, before anything else is trusted. */
  {
    guint8 difference = 0;

    for (guint i = 0; i < MAC_SIZE; i++)
      difference |= digest[i] ^ data[length - MAC_SIZE + i];
    if (difference != 0)
      return refuse (error, ICAT_SYNC_PROBLEM_SIGNATURE,
                     _("not signed by this group’s key: changed, cut short, or from another group"));
  }
  newline = memchr (data + header_start, '\n', MIN (length - MAC_SIZE - header_start, MAX_HEADER));
  if (newline == NULL)
    return refuse (error, ICAT_SYNC_PROBLEM_DAMAGED, _("its header is damaged"));
  header_text = g_strndup ((const char *) data + header_start, newline - (data + header_start));
  node = json_from_string (header_text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, ICAT_SYNC_PROBLEM_DAMAGED, _("its header is damaged"));
  payload_start = newline + 1 - data;
  size = json_object_get_int_member_with_default (json_node_get_object (node), "size", -1);
  if (size < 0 || (gsize) size != length - MAC_SIZE - payload_start)
    return refuse (error, ICAT_SYNC_PROBLEM_DAMAGED, _("its length does not match its header"));
  *header = json_object_ref (json_node_get_object (node));
  *payload = g_bytes_new_from_bytes (file, payload_start, size);
  return TRUE;
}

/* }}} */
