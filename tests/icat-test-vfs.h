/* icat-test-vfs.h — an SQLite VFS for power cuts and I/O faults in tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layered over SQLite's "unix" VFS and registered as the default, so an
 * IcatStore opened afterwards goes through it without knowing. Every write
 * since a file's last sync is held in memory (later reads see it, as they
 * would see the kernel's page cache) and reaches the disk only at the sync.
 * A power cut drops what is held, or a random part of it, and makes every
 * later call fail until icat_test_vfs_reset (); a fault fails one chosen
 * call once. Shared memory (the WAL index) passes straight through.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICAT_TEST_VFS_READ,
  ICAT_TEST_VFS_WRITE,
  ICAT_TEST_VFS_SYNC,
  ICAT_TEST_VFS_N_CALLS,
} IcatTestVfsCall;

/* Makes the test VFS SQLite's default; connections opened before keep theirs. */
void     icat_test_vfs_install      (void);
/* Back to the plain "unix" VFS; every connection through the test VFS must
 * be closed. Held writes are forgotten, as a power cut would. */
void     icat_test_vfs_uninstall    (void);
/* Clears the counters, a pending cut or fault, and the cut state. */
void     icat_test_vfs_reset        (void);

/* Calls of each kind to files with a name since the last reset. */
guint    icat_test_vfs_count        (IcatTestVfsCall call);
/* Writes and syncs together: the moments at which power can be cut. */
guint    icat_test_vfs_count_events (void);

/* Cuts the power at the nth write or sync (counting from 1) after this
 * call: that call and every later one fail. With keep_some, each write held
 * at that moment reaches the disk or not at random (seeded by seed), as a
 * disk writing its cache in any order would; otherwise all are lost. */
void     icat_test_vfs_cut_power_at (guint    nth_event,
                                     gboolean keep_some,
                                     guint32  seed);
gboolean icat_test_vfs_power_is_cut (void);

/* Fails the nth call of a kind after this call, once, with rc (an
 * SQLITE_IOERR_* code, or SQLITE_FULL for a write). */
void     icat_test_vfs_fail_at      (IcatTestVfsCall call,
                                     guint           nth,
                                     int             rc);
gboolean icat_test_vfs_fault_fired  (void);

G_END_DECLS
