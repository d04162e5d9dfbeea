/* icat-sync-folder.h — reading and writing the sync folder
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-sync-file.h"

G_BEGIN_DECLS

char      *_icat_sync_change_path   (const char   *folder,
                                     const char   *device,
                                     gint64        seq);
char      *_icat_sync_state_path    (const char   *folder,
                                     const char   *device);
/* The laptops' folders (named by their device ids), sorted. */
GPtrArray *_icat_sync_list_devices  (const char   *folder,
                                     GError      **error);
/* The numbers of a laptop's files "<prefix><seq><suffix>", ascending. */
GArray    *_icat_sync_list_numbered (const char   *folder,
                                     const char   *device,
                                     const char   *prefix,
                                     const char   *suffix);
/* Reads a signed file and checks that its header says what its place in
 * the folder says (seq 0: no number). */
gboolean   _icat_sync_read_signed   (const guint8  key[ICAT_SYNC_KEY_SIZE],
                                     const char   *path,
                                     const char   *group,
                                     const char   *kind,
                                     const char   *device,
                                     gint64        seq,
                                     JsonObject  **header,
                                     GBytes      **payload,
                                     GError      **error);
gboolean   _icat_sync_write_file    (const char   *path,
                                     GBytes       *bytes,
                                     GError      **error);

G_END_DECLS
