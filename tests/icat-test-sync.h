/* icat-test-sync.h — a group of laptops in one test program
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-store.h"
#include "icat-sync.h"
#include "icat-sync-file.h"

G_BEGIN_DECLS

#define ICAT_TEST_SYNC_MAX_LAPTOPS 4

/* Laptops of one group, each an in-process store with a device id of its
 * own, sharing a sync folder. The group's key is in this process's config
 * folder (icat_test_init moved it to a temporary one), which all laptops
 * share, as one user's laptops would not: the tests that need the key
 * apart use the command line. */
typedef struct {
  char      *dir;        /* the databases, the folder, the join file */
  char      *folder;
  char      *join_file;
  char      *group_id;
  guint      n_laptops;
  IcatStore *laptops[ICAT_TEST_SYNC_MAX_LAPTOPS];
} IcatTestGroup;

/* The first laptop makes the group (sync init, named "Laptop A"), the
 * others join it from its snapshot ("Laptop B", ...). Device ids are
 * distinct across every group of the process. */
IcatTestGroup *icat_test_group_new        (guint           n_laptops);
/* Finalizes every store and removes dir. */
void           icat_test_group_free       (IcatTestGroup  *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatTestGroup, icat_test_group_free)

const char    *icat_test_group_device     (IcatTestGroup  *group,
                                           guint           laptop);
/* One sync run of laptop that must succeed; report may be NULL. */
void           icat_test_group_run        (IcatTestGroup  *group,
                                           guint           laptop,
                                           IcatSyncReport *report);
/* The highest number of laptop's change files in the folder, 0: none. */
gint64         icat_test_group_last_file  (IcatTestGroup  *group,
                                           guint           laptop);
/* folder/<laptop's device>/<seq>.icatsync */
char          *icat_test_group_file       (IcatTestGroup  *group,
                                           guint           laptop,
                                           gint64          seq);
/* The group's key file, and the key read from it. */
char          *icat_test_group_key_path   (IcatTestGroup  *group);
void           icat_test_group_key        (IcatTestGroup  *group,
                                           guint8          key[ICAT_SYNC_KEY_SIZE]);

/* A change on a laptop: a new open action item; returns its id. */
char          *icat_test_sync_add_item    (IcatStore      *store,
                                           const char     *title);
/* A change on a laptop: one field of a record set to a text. */
void           icat_test_sync_set_text    (IcatStore      *store,
                                           const char     *kind,
                                           const char     *id,
                                           const char     *field,
                                           const char     *text);

G_END_DECLS
