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

int
main (int    argc,
      char **argv)
{
  g_autoptr(IcatApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* build-aux/dev points this at the build tree, so a build that is not
   * installed still speaks the user's language. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ICAT_TRACKER_LOCALEDIR") ? g_getenv ("ICAT_TRACKER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = icat_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
