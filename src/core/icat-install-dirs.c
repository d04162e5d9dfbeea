/* icat-install-dirs.c — where an installed ICAT Tracker finds its data
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson compiles the prefix into the programs (LOCALEDIR, DATADIR). A
 * tree that was installed with DESTDIR, or unpacked from the .deb with
 * `dpkg -x`, lives somewhere else: the programs then look for their data
 * next to themselves, as bindir's neighbours, so that no environment
 * variable is ever needed to run them.
 */
#define G_LOG_DOMAIN "icat-install"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-install-dirs.h"

/* @configured_dir (under @prefix) as it lies beside @program_path when the
 * program is not in @bindir but in a folder ending as @bindir does, under
 * another root. NULL when the program is where it was installed, in no
 * bin folder (the build tree), or the folder is outside @prefix. */
char *
icat_install_dirs_relocate (const char *program_path,
                            const char *prefix,
                            const char *bindir,
                            const char *configured_dir)
{
  g_autofree char *program_dir = NULL;
  g_autofree char *canonical_prefix = NULL;
  g_autofree char *bindir_in_prefix = NULL;
  const char *under_prefix;
  gsize program_dir_length, bindir_in_prefix_length;

  g_return_val_if_fail (prefix != NULL && bindir != NULL && configured_dir != NULL, NULL);

  if (program_path == NULL || !g_path_is_absolute (program_path))
    return NULL;
  canonical_prefix = g_canonicalize_filename (prefix, "/");
  if (strcmp (canonical_prefix, "/") == 0)
    canonical_prefix[0] = '\0';
  if (!g_str_has_prefix (bindir, canonical_prefix) || !g_str_has_prefix (configured_dir, canonical_prefix))
    return NULL;
  bindir_in_prefix = g_strdup (bindir + strlen (canonical_prefix));
  under_prefix = configured_dir + strlen (canonical_prefix);
  if (bindir_in_prefix[0] != '/' || under_prefix[0] != '/')
    return NULL;

  program_dir = g_path_get_dirname (program_path);
  if (strcmp (program_dir, bindir) == 0)
    return NULL;
  program_dir_length = strlen (program_dir);
  bindir_in_prefix_length = strlen (bindir_in_prefix);
  if (!g_str_has_suffix (program_dir, bindir_in_prefix))
    return NULL;
  /* The root the tree was moved to, then the folder below it. */
  return g_strdup_printf ("%.*s%s", (int) (program_dir_length - bindir_in_prefix_length),
                          program_dir, under_prefix);
}

/* @configured_dir, or its counterpart in the tree this program runs
 * from when that tree was moved and holds it. */
char *
icat_install_dirs_find (const char *configured_dir)
{
  g_autofree char *program_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *relocated = icat_install_dirs_relocate (program_path, PREFIX, BINDIR, configured_dir);

  if (relocated != NULL && g_file_test (relocated, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&relocated);
  return g_strdup (configured_dir);
}

void
icat_install_dirs_bind_translations (void)
{
  /* build-aux/dev and the tests point this at the build tree, so a build
   * that is not installed still speaks the user's language. */
  const char *build_tree = g_getenv ("ICAT_TRACKER_LOCALEDIR");
  g_autofree char *localedir = build_tree ? g_strdup (build_tree) : icat_install_dirs_find (LOCALEDIR);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
search_path_holds (const char *search_path,
                   const char *dir)
{
  g_auto(GStrv) dirs = g_strsplit (search_path, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *canonical = g_canonicalize_filename (dirs[i], "/");

      if (strcmp (canonical, dir) == 0)
        return TRUE;
    }
  return FALSE;
}

/* GSettings finds the compiled schema, and GTK the icons, in the data
 * folders XDG_DATA_DIRS lists. Outside /usr and /usr/local the app's own
 * data folder is not among them: it goes first, before GLib and GTK read
 * the variable. Call before anything else in main (). TRUE if it was added. */
gboolean
icat_install_dirs_add_data_dir (void)
{
  const char *search_path = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *program_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *program_dir = program_path ? g_path_get_dirname (program_path) : NULL;
  g_autofree char *datadir = icat_install_dirs_relocate (program_path, PREFIX, BINDIR, DATADIR);
  g_autofree char *canonical = NULL;
  g_autofree char *extended = NULL;

  /* The build tree's programs find their data through the variables the
   * tests and build-aux/dev set. */
  if (datadir == NULL && g_strcmp0 (program_dir, BINDIR) == 0)
    datadir = g_strdup (DATADIR);
  if (datadir == NULL || !g_file_test (datadir, G_FILE_TEST_IS_DIR))
    return FALSE;
  canonical = g_canonicalize_filename (datadir, "/");
  /* The XDG Base Directory specification's value when it is unset. */
  if (search_path == NULL || search_path[0] == '\0')
    search_path = "/usr/local/share:/usr/share";
  if (search_path_holds (search_path, canonical))
    return FALSE;
  extended = g_strconcat (canonical, G_SEARCHPATH_SEPARATOR_S, search_path, NULL);
  g_setenv ("XDG_DATA_DIRS", extended, TRUE);
  return TRUE;
}
