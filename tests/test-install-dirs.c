/* test-install-dirs.c — an installed tree that was moved finds its data
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-install-dirs.h"

static void
test_relocate_moved_tree (void)
{
  g_autofree char *locale = icat_install_dirs_relocate ("/tmp/destdir/usr/local/bin/icat-tracker-cli",
                                                        "/usr/local", "/usr/local/bin",
                                                        "/usr/local/share/locale");
  g_autofree char *unpacked = icat_install_dirs_relocate ("/tmp/deb/usr/bin/icat-tracker",
                                                          "/usr", "/usr/bin", "/usr/share");
  g_autofree char *other_prefix = icat_install_dirs_relocate ("/home/ana/opt/icat/bin/icat-tracker",
                                                              "/opt/icat", "/opt/icat/bin",
                                                              "/opt/icat/share/glib-2.0/schemas");

  g_assert_cmpstr (locale, ==, "/tmp/destdir/usr/local/share/locale");
  g_assert_cmpstr (unpacked, ==, "/tmp/deb/usr/share");
  g_assert_cmpstr (other_prefix, ==, "/home/ana/opt/icat/share/glib-2.0/schemas");
}

static void
test_relocate_root_prefix (void)
{
  g_autofree char *moved = icat_install_dirs_relocate ("/srv/root/bin/icat-tracker", "/", "/bin", "/share/locale");

  g_assert_cmpstr (moved, ==, "/srv/root/share/locale");
}

/* Where it was installed, in the build tree, or outside the prefix: the
 * configured folder stands. */
static void
test_relocate_not_moved (void)
{
  g_assert_null (icat_install_dirs_relocate ("/usr/bin/icat-tracker", "/usr", "/usr/bin", "/usr/share"));
  g_assert_null (icat_install_dirs_relocate ("/work/icat/_build/src/icat-tracker",
                                             "/usr/local", "/usr/local/bin", "/usr/local/share"));
  g_assert_null (icat_install_dirs_relocate ("/tmp/x/usr/bin/icat-tracker", "/usr", "/usr/bin", "/etc/icat"));
  g_assert_null (icat_install_dirs_relocate ("/tmp/x/usr/libexec/icat-tracker", "/usr", "/usr/bin", "/usr/share"));
  g_assert_null (icat_install_dirs_relocate ("icat-tracker", "/usr", "/usr/bin", "/usr/share"));
  g_assert_null (icat_install_dirs_relocate (NULL, "/usr", "/usr/bin", "/usr/share"));
  g_assert_null (icat_install_dirs_relocate ("", "/usr", "/usr/bin", "/usr/share"));
}

/* The test program lives in the build tree: the configured folders. */
static void
test_find_in_build_tree (void)
{
  g_autofree char *localedir = icat_install_dirs_find (LOCALEDIR);
  g_autofree char *datadir = icat_install_dirs_find (DATADIR);

  g_assert_cmpstr (localedir, ==, LOCALEDIR);
  g_assert_cmpstr (datadir, ==, DATADIR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/install-dirs/relocate/moved", test_relocate_moved_tree);
  g_test_add_func ("/install-dirs/relocate/root-prefix", test_relocate_root_prefix);
  g_test_add_func ("/install-dirs/relocate/not-moved", test_relocate_not_moved);
  g_test_add_func ("/install-dirs/find/build-tree", test_find_in_build_tree);
  return g_test_run ();
}
