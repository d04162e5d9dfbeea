/* icat-device.c — the id of this user on this machine
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-device"

#include "config.h"

#include <glib/gstdio.h>

#include "icat-device.h"
#include "icat-schema.h"

static char *
load_or_create (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "icat-tracker", NULL);
  g_autofree char *path = g_build_filename (folder, "device-id", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (icat_is_uuid (contents))
        return g_steal_pointer (&contents);
    }

  id = g_uuid_string_random ();
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, id, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    /* Edits still carry an id; it just will not be the same next time. */
    g_message ("Cannot keep the device id in %s: %s", path,
               error ? error->message : g_strerror (errno));
  return id;
}

const char *
icat_device_get_id (void)
{
  static char *device_id;

  if (g_once_init_enter (&device_id))
    g_once_init_leave (&device_id, load_or_create ());
  return device_id;
}
