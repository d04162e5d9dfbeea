/* icat-test-state.h — what a database holds, for tests that break things
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-store.h"

G_BEGIN_DECLS

/* The store's export without the fields a save stamps with the time and
 * the device (created_at, updated_at, updated_by, exported_at, and a status
 * change's at and by), so two runs of the same edits compare equal. */
char     *icat_test_state          (IcatStore  *store);
/* The same for an exchange document. */
char     *icat_test_state_of_json  (const char *document);
/* PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check finds
 * nothing, through a plain connection of SQLite's own. */
void      icat_test_assert_sound   (const char *path);
/* icat_store_check finds nothing. */
void      icat_test_assert_checked (IcatStore  *store);
/* Copies a file (a database closed cleanly, a fixture). */
void      icat_test_copy_file      (const char *from,
                                    const char *to);
/* A seeded database made once per test program, closed, in dir; returns
 * its path. */
char     *icat_test_seeded_template (const char *dir);
/* An unsigned number from $NAME, or when unset fallback (half of it in a
 * build with AddressSanitizer). */
guint     icat_test_env_uint       (const char *name,
                                    guint       fallback);

/* The seed in $NAME, or a new one from GLib's test seed (--seed). */
guint32   icat_test_env_seed       (const char *name);

G_END_DECLS
