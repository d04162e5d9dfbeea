/* replay-exchange.c — every file of the fuzz corpus through the fuzz target
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in every build, without libFuzzer, so that an input that once
 * crashed the importer (saved to tests/fuzz/corpus/exchange/) keeps being
 * tried. Arguments: corpus folders or files; by default the corpus in the
 * source tree.
 */
#include "config.h"

#include <glib.h>

#include "fuzz-exchange.h"

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_inputs (const char *path,
            GPtrArray  *paths)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (paths, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (path, names->pdata[i], NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      add_inputs (argv[i], paths);
  else
    {
      g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "exchange", NULL);

      add_inputs (corpus, paths);
    }
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *test_path = g_strconcat ("/fuzz/exchange/", base, NULL);

      g_test_add_data_func (test_path, paths->pdata[i], replay_file);
    }
  status = g_test_run ();
  icat_fuzz_exchange_cleanup ();
  return status;
}
