/* test-sync-membership.c — a laptop's name, its sync folder, and leaving a group
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the preferences change, read back as "sync status" reads it: the
 * values are stored, a refused change leaves everything as it was, and a
 * laptop that leaves keeps every record and can make or join a group
 * again.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <glib/gstdio.h>

#include "icat-error.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

enum { A, B };

static IcatSyncStatus *
status_of (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  IcatSyncStatus *status = icat_sync_status (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

/* The name laptop knows for device, or NULL. */
static char *
laptop_name_seen (IcatStore  *laptop,
                  const char *device)
{
  g_autoptr(IcatSyncStatus) status = status_of (laptop);

  for (guint i = 0; i < status->laptops->len; i++)
    {
      IcatSyncLaptop *seen = status->laptops->pdata[i];

      if (g_str_equal (seen->device_id, device))
        return g_strdup (seen->name);
    }
  return NULL;
}

static char *
device_name_of (IcatStore *store)
{
  g_autoptr(IcatSyncStatus) status = status_of (store);

  return g_strdup (status->device_name);
}

static void
set_name (IcatStore  *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_sync_set_device_name (store, name, &error));
  g_assert_no_error (error);
}

static void
test_device_name_alone (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  char *name;

  name = device_name_of (store);
  g_assert_null (name);

  set_name (store, "  UNODC Vienna laptop\n");
  name = device_name_of (store);
  g_assert_cmpstr (name, ==, "UNODC Vienna laptop");
  g_free (name);

  set_name (store, "小组主席的电脑");
  name = device_name_of (store);
  g_assert_cmpstr (name, ==, "小组主席的电脑");
  g_free (name);

  /* Only blanks, nothing, or no text at all: no name. */
  set_name (store, "   ");
  name = device_name_of (store);
  g_assert_null (name);
  set_name (store, "Chair's laptop");
  set_name (store, "");
  name = device_name_of (store);
  g_assert_null (name);
  set_name (store, "Chair's laptop");
  set_name (store, NULL);
  name = device_name_of (store);
  g_assert_null (name);

  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The other laptops see the new name once this one has run. */
static void
test_device_name_published (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  const char *device_a = icat_test_group_device (group, A);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *own = NULL;

  icat_test_group_run (group, B, NULL);
  before = laptop_name_seen (group->laptops[B], device_a);
  g_assert_cmpstr (before, ==, "Laptop A");
  set_name (group->laptops[A], " UNODC Vienna laptop ");
  own = laptop_name_seen (group->laptops[A], device_a);
  g_assert_cmpstr (own, ==, "UNODC Vienna laptop");
  icat_test_group_run (group, A, NULL);
  icat_test_group_run (group, B, NULL);
  after = laptop_name_seen (group->laptops[B], device_a);
  g_assert_cmpstr (after, ==, "UNODC Vienna laptop");
}

static void
assert_folder (IcatStore  *store,
               const char *folder)
{
  g_autoptr(IcatSyncStatus) status = status_of (store);

  g_assert_cmpstr (status->folder, ==, folder);
}

static void
test_folder (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *stick = g_build_filename (group->dir, "stick", NULL);
  g_autofree char *roundabout = g_build_filename (group->dir, "stick", "..", "stick", NULL);
  g_autofree char *missing = g_build_filename (group->dir, "not-plugged-in", NULL);
  g_autofree char *published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  IcatSyncReport report;

  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);
  g_assert_true (icat_sync_set_folder (group->laptops[A], roundabout, &error));
  g_assert_no_error (error);
  assert_folder (group->laptops[A], stick);
  assert_folder (group->laptops[B], group->folder);

  /* A folder that is not there, or none: refused, the folder kept. */
  g_assert_false (icat_sync_set_folder (group->laptops[A], missing, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_assert_nonnull (g_strstr_len (error->message, -1, "not-plugged-in"));
  g_clear_error (&error);
  g_assert_false (icat_sync_set_folder (group->laptops[A], "", &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (icat_sync_set_folder (group->laptops[A], NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_folder (group->laptops[A], stick);

  /* The next run writes into the folder remembered. */
  item = icat_test_sync_add_item (group->laptops[A], "Draft the joint statement");
  icat_test_group_run (group, A, &report);
  g_assert_cmpuint (report.published_changes, ==, 1);
  published = g_build_filename (stick, icat_test_group_device (group, A), "1.icatsync", NULL);
  g_assert_true (g_file_test (published, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (icat_test_group_last_file (group, A), ==, 0);
}

static void
test_folder_outside_group (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (icat_sync_set_folder (store, dir, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  assert_folder (store, NULL);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_not_in_group (IcatStore *store)
{
  g_autoptr(IcatSyncStatus) status = status_of (store);

  g_assert_null (status->group_id);
  g_assert_null (status->folder);
  g_assert_cmpint (status->unshared, ==, 0);
}

static void
test_leave (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  g_autofree char *key_path = icat_test_group_key_path (group);
  g_autofree char *item = icat_test_sync_add_item (group->laptops[A], "Convene the principals");
  g_autofree char *kept_name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;

  icat_test_group_run (group, A, NULL);
  icat_test_group_run (group, B, NULL);
  before = icat_test_export (group->laptops[B]);

  g_assert_true (icat_sync_leave (group->laptops[B], &error));
  g_assert_no_error (error);
  assert_not_in_group (group->laptops[B]);
  after = icat_test_export (group->laptops[B]);
  g_assert_cmpstr (after, ==, before);
  record = icat_store_read (group->laptops[B], "action_item", item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (record, "title"), ==, "Convene the principals");
  kept_name = device_name_of (group->laptops[B]);
  g_assert_cmpstr (kept_name, ==, "Laptop B");
  g_assert_true (g_file_test (key_path, G_FILE_TEST_IS_REGULAR));

  /* Changes made outside the group are not counted as waiting to be shared. */
  g_free (icat_test_sync_add_item (group->laptops[B], "Only on this laptop"));
  assert_not_in_group (group->laptops[B]);
  g_assert_false (icat_sync_run (group->laptops[B], NULL, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Leaving twice: refused, and nothing changes. */
  g_assert_false (icat_sync_leave (group->laptops[B], &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_not_in_group (group->laptops[B]);
  g_assert_false (icat_sync_set_folder (group->laptops[B], group->folder, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_not_in_group (group->laptops[B]);

  /* Joining again brings the group's records back in. */
  g_assert_true (icat_sync_join (group->laptops[B], group->folder, group->join_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  status = status_of (group->laptops[B]);
  g_assert_cmpstr (status->group_id, ==, group->group_id);
  g_assert_cmpstr (status->folder, ==, group->folder);
  g_assert_cmpstr (status->device_name, ==, "Laptop B");
  g_clear_pointer (&status, icat_sync_status_free);
  icat_test_group_run (group, B, NULL);
}

/* The first laptop leaves and makes a new group of its own. */
static void
test_leave_then_create (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (1);
  g_autofree char *folder = g_build_filename (group->dir, "new-folder", NULL);
  g_autofree char *join_file = g_build_filename (group->dir, "new.icatjoin", NULL);
  g_autofree char *passphrase = NULL;
  g_autofree char *item = icat_test_sync_add_item (group->laptops[A], "Kept across groups");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (icat_sync_leave (group->laptops[A], &error));
  g_assert_no_error (error);
  g_assert_true (icat_sync_init (group->laptops[A], folder, join_file, NULL, &passphrase, &error));
  g_assert_no_error (error);
  g_assert_nonnull (passphrase);
  status = status_of (group->laptops[A]);
  g_assert_nonnull (status->group_id);
  g_assert_cmpstr (status->group_id, !=, group->group_id);
  g_assert_cmpstr (status->folder, ==, folder);
  g_assert_cmpstr (status->device_name, ==, "Laptop A");
  g_assert_cmpint (status->unshared, ==, 0);
  record = icat_store_read (group->laptops[A], "action_item", item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
}

/* A key that is not the folder's group's: refused in words that say so,
 * and the database is as it was. */
static void
test_join_other_key (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (1);
  g_autoptr(IcatTestGroup) other = icat_test_group_new (1);
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autofree char *unknown = g_strnfill (52, 'A');
  g_autoptr(GError) error = NULL;

  g_assert_false (icat_sync_join (store, group->folder, other->join_file, NULL, NULL, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_nonnull (g_strstr_len (error->message, -1, "opens with this passphrase or join file"));
  g_clear_error (&error);
  g_assert_false (icat_sync_join (store, group->folder, NULL, unknown, NULL, NULL, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_clear_error (&error);
  assert_not_in_group (store);
  after = icat_test_export (store);
  g_assert_cmpstr (after, ==, before);

  /* The right join file still works. */
  g_assert_true (icat_sync_join (store, group->folder, group->join_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/sync/membership/device-name", test_device_name_alone);
  g_test_add_func ("/sync/membership/device-name-published", test_device_name_published);
  g_test_add_func ("/sync/membership/folder", test_folder);
  g_test_add_func ("/sync/membership/folder-outside-group", test_folder_outside_group);
  g_test_add_func ("/sync/membership/leave", test_leave);
  g_test_add_func ("/sync/membership/leave-then-create", test_leave_then_create);
  g_test_add_func ("/sync/membership/join-other-key", test_join_other_key);
  return g_test_run ();
}
