/* bench-work-plan.c — how long does a work plan of 2,000 activities take?
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports 2,000 action items due in 2016 into a new seeded database, each
 * owned by one of the agencies and linked to one or two mandates, then lays
 * out the 2016 work plan, grouped by pillar and by mandate, and writes its
 * PDF to memory, five times each; prints the median and the slowest of each
 * step and the number of pages. Run it in an optimized build, never under
 * the sanitizers:
 *   meson setup /tmp/bench -Dbuildtype=release && ninja -C /tmp/bench
 *   /tmp/bench/tests/bench-work-plan
 * --items N changes the count.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "icat-document.h"
#include "icat-record-list.h"
#include "icat-store.h"

#define N_RUNS 5

static GPtrArray *
record_ids (IcatStore  *store,
            const char *kind)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (store, kind);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (ids, g_strdup (icat_record_get_id (record)));
    }
  return ids;
}

static void
import_items (IcatStore *store,
              guint      count)
{
  static const char * const statuses[] = { "open", "in-progress", "done", "blocked" };
  static const char * const verbs[] = { "Draft", "Review", "Circulate", "Collect inputs for", "Present" };
  static const char * const things[] = { "the issue brief on the trafficking of children",
                                         "the joint statement for World Day",
                                         "the contribution to the Secretary-General's report",
                                         "the training module on non-punishment",
                                         "the briefing note for Member States" };
  g_autoptr(GPtrArray) agencies = record_ids (store, "agency");
  g_autoptr(GPtrArray) mandates = record_ids (store, "mandate");
  g_autoptr(GString) json = g_string_new ("{\"format\":\"icat-tracker\",\"version\":1,\"action_items\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GDate) due = g_date_new_dmy (1, G_DATE_JANUARY, 2016);
      guint first = i % mandates->len, second = (i * 31 + 7) % mandates->len;
      g_autofree char *second_mandate = NULL;
      char due_text[16];

      /* Two of three items serve a second mandate, never the same one twice. */
      if (i % 3 && second != first)
        second_mandate = g_strdup_printf (",\"%s\"", (char *) mandates->pdata[second]);
      g_date_add_days (due, (i * 7919u) % 366u);
      g_date_strftime (due_text, sizeof due_text, "%Y-%m-%d", due);
      g_string_append_printf (json,
                              "%s{\"id\":\"%08x-0000-4000-8000-%012x\",\"created_at\":\"2016-01-01T00:00:00.000Z\","
                              "\"updated_at\":\"2016-01-01T00:00:00.000Z\","
                              "\"updated_by\":\"00000000-0000-4000-8000-000000000001\","
                              "\"title\":\"%s %s, no. %u\",\"owner\":\"%s\",\"due\":\"%s\",\"status\":\"%s\","
                              "\"priority\":\"normal\",\"mandates\":[\"%s\"%s],\"meeting\":null}",
                              i > 0 ? "," : "", i, i, verbs[i % 5], things[(i / 5) % 5], i,
                              (char *) agencies->pdata[i % agencies->len], due_text, statuses[(i / 3) % 4],
                              (char *) mandates->pdata[first], second_mandate ? second_mandate : "");
    }
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  if (!icat_store_import (store, bytes, "bench.json", ICAT_IMPORT_DEFAULT, NULL, &error))
    g_error ("Import failed: %s", error->message);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms)
{
  qsort (ms, N_RUNS, sizeof *ms, compare_doubles);
  g_print ("  %-28s median %7.1f ms, slowest %7.1f ms\n", what, ms[N_RUNS / 2], ms[N_RUNS - 1]);
}

static void
measure (IcatDb      *db,
         IcatGroupBy  group_by,
         const char  *name)
{
  double layout[N_RUNS], pdf[N_RUNS];
  guint pages = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcatDocument) document = NULL;
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      gint64 start = g_get_monotonic_time ();

      document = icat_document_new_work_plan (db, 2016, group_by, ICAT_PAPER_A4, 0, &error);
      if (document == NULL)
        g_error ("Work plan: %s", error->message);
      layout[run] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      if (!icat_document_write_pdf (document, stream, NULL, &error))
        g_error ("PDF: %s", error->message);
      pdf[run] = (g_get_monotonic_time () - start) / 1000.0;
      pages = icat_document_get_n_pages (document);
    }
  g_print ("Work plan 2016 by %s, %u pages:\n", name, pages);
  report ("laid out", layout);
  report ("PDF written", pdf);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("icat-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int n_items = 2000;
  GOptionEntry options[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "How many action items", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  store = icat_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  import_items (store, (guint) MAX (n_items, 0));
  g_print ("%d action items due in 2016, besides the seeded papers and meetings\n", n_items);

  measure (_icat_store_get_read_db (store), ICAT_GROUP_BY_PILLAR, "pillar");
  measure (_icat_store_get_read_db (store), ICAT_GROUP_BY_MANDATE, "mandate");

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
