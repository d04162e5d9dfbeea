/* icat-sync-file.h — the group's key and its signed files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ICAT_SYNC_KEY_SIZE 32

gboolean  _icat_sync_key_new          (guint8        key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
/* The group's public name, derived from its key. */
char     *_icat_sync_group_id         (const guint8  key[ICAT_SYNC_KEY_SIZE]);
/* $XDG_CONFIG_HOME/icat-tracker/groups/<group>.key, owner-only; loading
 * refuses a key other users can read. */
gboolean  _icat_sync_key_save         (const char   *group_id,
                                       const guint8  key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
gboolean  _icat_sync_key_load         (const char   *group_id,
                                       guint8        key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
gboolean  _icat_sync_join_file_write  (const char   *path,
                                       const guint8  key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
gboolean  _icat_sync_join_file_read   (const char   *path,
                                       guint8        key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
/* The key as 52 letters and digits in groups of four, to read out. */
char     *_icat_sync_passphrase       (const guint8  key[ICAT_SYNC_KEY_SIZE]);
gboolean  _icat_sync_passphrase_decode (const char  *passphrase,
                                       guint8        key[ICAT_SYNC_KEY_SIZE],
                                       GError      **error);
/* A signed file: header (gets "size") and payload. */
GBytes   *_icat_sync_file_pack        (const guint8  key[ICAT_SYNC_KEY_SIZE],
                                       JsonObject   *header,
                                       GBytes       *payload);
/* Checks the signature first; the error message says why a file is
 * refused, in a phrase that follows "file: ". */
gboolean  _icat_sync_file_unpack      (const guint8  key[ICAT_SYNC_KEY_SIZE],
                                       GBytes       *file,
                                       JsonObject  **header,
                                       GBytes      **payload,
                                       GError      **error);

G_END_DECLS
