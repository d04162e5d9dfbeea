/* main.c — icat-tracker, the desktop app
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tracker"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "icat-application.h"
#include "icat-install-dirs.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(IcatApplication) app = NULL;

  /* Before GLib and GTK read the data folders: the schema and the icons. */
  icat_install_dirs_add_data_dir ();
  setlocale (LC_ALL, "");
  icat_install_dirs_bind_translations ();

  app = icat_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
