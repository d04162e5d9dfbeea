/* icat-test-sync.c — a group of laptops in one test program
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every laptop is a store of its own on a database of its own; they differ
 * by the device id the store writes under, as two laptops would.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <glib/gstdio.h>

#include "icat-store-private.h"
#include "icat-sync-folder.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

/* Distinct in the whole process, so two groups never share a device. */
static char *
next_device_id (void)
{
  static guint count;

  return g_strdup_printf ("00000000-0000-4000-8000-%012x", ++count);
}

static IcatStore *
laptop_new (const char *dir,
            guint       laptop)
{
  g_autofree char *name = g_strdup_printf ("laptop-%u.db", laptop);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *device = next_device_id ();
  g_autoptr(GError) error = NULL;
  IcatStore *store = icat_store_open (path, &error);

  g_assert_no_error (error);
  _icat_store_set_device_id (store, device);
  return store;
}

IcatTestGroup *
icat_test_group_new (guint n_laptops)
{
  IcatTestGroup *group = g_new0 (IcatTestGroup, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;

  g_assert_cmpuint (n_laptops, >=, 1);
  g_assert_cmpuint (n_laptops, <=, ICAT_TEST_SYNC_MAX_LAPTOPS);
  group->dir = icat_test_tmpdir_new ();
  group->folder = g_build_filename (group->dir, "folder", NULL);
  group->join_file = g_build_filename (group->dir, "group.icatjoin", NULL);
  group->n_laptops = n_laptops;
  g_assert_cmpint (g_mkdir (group->folder, 0700), ==, 0);

  for (guint i = 0; i < n_laptops; i++)
    {
      g_autofree char *name = g_strdup_printf ("Laptop %c", 'A' + i);

      group->laptops[i] = laptop_new (group->dir, i);
      if (i == 0)
        g_assert_true (icat_sync_init (group->laptops[i], group->folder, group->join_file, name, NULL, &error));
      else
        g_assert_true (icat_sync_join (group->laptops[i], group->folder, group->join_file, NULL, name, NULL, &error));
      g_assert_no_error (error);
    }
  status = icat_sync_status (group->laptops[0], &error);
  g_assert_no_error (error);
  group->group_id = g_strdup (status->group_id);
  return group;
}

void
icat_test_group_free (IcatTestGroup *group)
{
  for (guint i = 0; i < group->n_laptops; i++)
    icat_test_finalize_store (g_steal_pointer (&group->laptops[i]));
  icat_test_tmpdir_free (g_steal_pointer (&group->dir));
  g_free (group->folder);
  g_free (group->join_file);
  g_free (group->group_id);
  g_free (group);
}

const char *
icat_test_group_device (IcatTestGroup *group,
                        guint          laptop)
{
  g_assert_cmpuint (laptop, <, group->n_laptops);
  return icat_store_get_device_id (group->laptops[laptop]);
}

void
icat_test_group_run (IcatTestGroup  *group,
                     guint           laptop,
                     IcatSyncReport *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (laptop, <, group->n_laptops);
  g_assert_true (icat_sync_run (group->laptops[laptop], NULL, report, &error));
  g_assert_no_error (error);
}

gint64
icat_test_group_last_file (IcatTestGroup *group,
                           guint          laptop)
{
  g_autoptr(GArray) seqs = _icat_sync_list_numbered (group->folder, icat_test_group_device (group, laptop),
                                                     "", ".icatsync");

  return seqs->len > 0 ? g_array_index (seqs, gint64, seqs->len - 1) : 0;
}

char *
icat_test_group_file (IcatTestGroup *group,
                      guint          laptop,
                      gint64         seq)
{
  return _icat_sync_change_path (group->folder, icat_test_group_device (group, laptop), seq);
}

char *
icat_test_group_key_path (IcatTestGroup *group)
{
  g_autofree char *name = g_strconcat (group->group_id, ".key", NULL);

  return g_build_filename (g_get_user_config_dir (), "icat-tracker", "groups", name, NULL);
}

void
icat_test_group_key (IcatTestGroup *group,
                     guint8         key[ICAT_SYNC_KEY_SIZE])
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_icat_sync_key_load (group->group_id, key, &error));
  g_assert_no_error (error);
}

char *
icat_test_sync_add_item (IcatStore  *store,
                         const char *title)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  char *id;

  json_object_set_string_member (changes, "title", title);
  json_object_set_string_member (changes, "owner", owner);
  json_object_set_string_member (changes, "status", "open");
  json_object_set_string_member (changes, "due", "2027-03-31");
  id = icat_store_save (store, "action_item", changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

void
icat_test_sync_set_text (IcatStore  *store,
                         const char *kind,
                         const char *id,
                         const char *field,
                         const char *text)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, field, text);
  saved = icat_store_save (store, kind, changes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, id);
}
