/* icat-sync-membership.c — this laptop's name, its sync folder, leaving
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the preferences change after a group is made or joined. Every
 * setting goes through the store's own write, as icat_sync_init writes
 * them, so the CLI's "sync status" and the next state file see it.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-error.h"
#include "icat-sync-private.h"

gboolean
icat_sync_set_device_name (IcatStore   *store,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  return _icat_sync_store_setting (store, "device_name", *trimmed ? trimmed : NULL, error);
}

static gboolean
check_in_group (IcatStore  *store,
                GError    **error)
{
  g_autofree char *group = NULL;

  if (!_icat_sync_read_setting (_icat_store_get_read_db (store), "group", &group, error))
    return FALSE;
  if (group == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("This database is not in a group.")), FALSE;
  return TRUE;
}

gboolean
icat_sync_set_folder (IcatStore   *store,
                      const char  *folder,
                      GError     **error)
{
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  if (!check_in_group (store, error))
    return FALSE;
  if (folder == NULL || *folder == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("The sync folder “%s” is not reachable."), folder ? folder : ""), FALSE;
  /* The same folder named through a link or "..", remembered as one. */
  absolute = g_canonicalize_filename (folder, NULL);
  return _icat_sync_store_setting (store, "folder", absolute, error);
}

static gboolean
clear_membership (IcatDb       *db,
                  IcatNotices  *notices,
                  gpointer      data,
                  GError      **error)
{
  /* The problems were those of the folder's files, which are no longer
   * read; the laptops' names stay for the changes they made. */
  return _icat_sync_set_setting (db, "group", NULL, error) &&
         _icat_sync_set_setting (db, "folder", NULL, error) &&
         _icat_sync_set_setting (db, "published", NULL, error) &&
         _icat_sync_set_setting (db, "pruned", NULL, error) &&
         icat_db_exec (db, "DELETE FROM sync_file_problem", error);
}

gboolean
icat_sync_leave (IcatStore  *store,
                 GError    **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  if (!check_in_group (store, error))
    return FALSE;
  return _icat_store_write (store, clear_membership, NULL, 0, NULL, error);
}
