/* bench-search.c — what a search costs per keystroke
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the store on a database and times icat_store_search () — the
 * search the window's Ctrl+F runs, with its limit of 50 hits — for each
 * term given, as typed one keystroke after another: every round runs the
 * terms in order, and each term's figure is the median of its rounds.
 * One line per term on standard output, tab-separated:
 *   TERM  MEDIAN_MS  MIN_MS  MAX_MS  HITS
 *   bench-search --database PATH [--runs N] [--limit N] TERM...
 * Run it in an optimized build (bench/run does), never under the
 * sanitizers.
 */
#define G_LOG_DOMAIN "icat-bench"

#include "config.h"

#include <locale.h>

#include "icat-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One keystroke: the time to the hits a user sees, and how many. */
static double
search_once (IcatStore  *store,
             const char *term,
             guint       limit,
             guint      *n_hits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 start = g_get_monotonic_time ();

  hits = icat_store_search (store, term, limit, &error);
  if (hits == NULL)
    g_error ("search for “%s” failed: %s", term, error->message);
  *n_hits = hits->len;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *term,
        GArray     *ms,
        guint       n_hits)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%s\t%.2f\t%.2f\t%.2f\t%u\n", term, g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len - 1), n_hits);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  int runs = 7, limit = 50;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to search", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Rounds over the terms (default 7)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Hits asked for (default 50, as the window)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("TERM... — time a search per keystroke");
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *hits = NULL;

  /* Terms and their output in UTF-8, whatever the caller's locale. */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || argc < 2 || runs < 1 || limit < 1)
    {
      g_printerr ("bench-search: %s\n", error ? error->message : "give --database and at least one term");
      return 2;
    }
  store = icat_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 1;
    }
  hits = g_new0 (guint, argc);
  for (int t = 1; t < argc; t++)
    g_ptr_array_add (times, g_array_new (FALSE, FALSE, sizeof (double)));
  /* A first round, not counted, reads the pages into SQLite's cache: a
   * user types into a window that has long had the database open. */
  for (int t = 1; t < argc; t++)
    search_once (store, argv[t], (guint) limit, &hits[t]);
  for (int round = 0; round < runs; round++)
    for (int t = 1; t < argc; t++)
      {
        double ms = search_once (store, argv[t], (guint) limit, &hits[t]);

        g_array_append_val (times->pdata[t - 1], ms);
      }
  for (int t = 1; t < argc; t++)
    report (argv[t], times->pdata[t - 1], hits[t]);
  return 0;
}
