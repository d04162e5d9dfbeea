/* icat-test-syncthing.h — real Syncthing daemons on loopback for the sync tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A group of Syncthing daemons (Debian's syncthing 1.19), each with its
 * own temporary home, that listen on 127.0.0.1 only and keep one shared
 * folder in step: what a meeting room's laptops would run, without
 * discovery, relays or anything that leaves the machine. */
typedef struct _IcatTestSyncthing IcatTestSyncthing;

/* Whether the syncthing program is installed (build-aux/dev installs it). */
gboolean           icat_test_syncthing_available     (void);

/* Starts n_daemons (2 or more) daemons, makes each a device of every
 * other and shares one folder between them; returns once every pair is
 * connected. Their processes are killed with the test program even if
 * it aborts on a failed assertion; icat_test_syncthing_stop () also
 * removes their homes and folders. */
IcatTestSyncthing *icat_test_syncthing_start         (guint               n_daemons);
/* Kills every daemon, waits for them and removes their homes and folders. */
void               icat_test_syncthing_stop          (IcatTestSyncthing  *self);

/* The shared folder as daemon index keeps it on disk. */
const char        *icat_test_syncthing_get_folder    (IcatTestSyncthing  *self,
                                                      guint               index);
/* Daemon index's Syncthing device id. */
const char        *icat_test_syncthing_get_device_id (IcatTestSyncthing  *self,
                                                      guint               index);

/* Waits until relative_path (inside the shared folder) exists in daemon
 * index's copy of the folder; fails the test after timeout_seconds (through
 * icat_test_timeout). Syncthing renames a file into place once it is
 * complete, so a file that exists holds all its bytes. */
void               icat_test_syncthing_wait_for_file (IcatTestSyncthing  *self,
                                                      guint               index,
                                                      const char         *relative_path,
                                                      guint               timeout_seconds);

G_END_DECLS
