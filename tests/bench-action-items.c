/* bench-action-items.c — is the Action items list instant with 100,000 items?
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports 100,000 action items into a temporary database (one import),
 * then measures:
 *   - for each column's order, both ways, the first query (what a click on
 *     the header costs) and icat_record_list_find_position() for the
 *     first, middle and last rows;
 *   - for the IcatActionItemsView and for a bare GtkColumnView over a
 *     GtkStringList of as many strings (the floor GTK itself sets), the
 *     time from creating the view to its first frame on screen, and frame
 *     times while every row is scrolled past, one page per frame. The
 *     section is first shown once on a small database, so neither view
 *     pays for GTK's first use of the theme, fonts and icons.
 * Run it in an optimized build, never under the sanitizers:
 *   meson setup /tmp/bench -Dbuildtype=release && ninja -C /tmp/bench
 *   GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x800x24" /tmp/bench/tests/bench-action-items
 * --database PATH keeps the generated database for the next run (the
 * import is the slow part); --items N changes the count; --queries-only
 * skips the views.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "icat-action-items-view.h"
#include "icat-record-list.h"
#include "icat-test-widgets.h"

#define N_ITEMS   100000
#define N_COLUMNS 7
#define SETTLE_FRAMES 5

typedef struct {
  const char *name;
  GtkWidget  *window;
  GtkAdjustment *vadjustment;
  GMainLoop  *loop;
  gint64      created;       /* before the view was made */
  gint64      made;          /* after */
  gint64      first_paint;
  gint64      frame_start;   /* this frame's before-paint */
  gint64      last_paint;
  GArray     *intervals;     /* µs between painted frames while scrolling */
  GArray     *work;          /* µs from before-paint to after-paint */
  /* The same in this thread's processor time, which other programs on a
   * busy machine do not inflate. */
  gint64      cpu_created;
  gint64      cpu_first_paint;
  gint64      cpu_frame_start;
  GArray     *cpu_work;
  guint       settle;
  gboolean    scrolling;
  guint       pages;
  gboolean    warm_up;       /* only shown once, not measured */
} Run;

/* The database {{{ */

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
append_item (GString   *json,
             guint      i,
             GPtrArray *agencies,
             GPtrArray *mandates,
             GPtrArray *meetings)
{
  static const char * const statuses[] = { "open", "in-progress", "done", "blocked", "cancelled" };
  static const char * const priorities[] = { "low", "normal", "high" };
  static const char * const verbs[] = { "Draft", "Review", "Circulate", "Collect inputs for", "Present" };
  static const char * const things[] = { "the issue brief", "the joint statement", "the annual report",
                                         "the training module", "the briefing note" };
  g_autoptr(GDate) due = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  char due_text[16];

  /* Due dates spread over ten years. */
  g_date_add_days (due, (i * 7919u) % 3653u);
  g_date_strftime (due_text, sizeof due_text, "%Y-%m-%d", due);
  g_string_append_printf (json,
                          "%s{\"id\":\"%08x-0000-4000-8000-%012x\",\"created_at\":\"2026-01-01T00:00:00.000Z\","
                          "\"updated_at\":\"2026-01-01T00:00:00.000Z\","
                          "\"updated_by\":\"00000000-0000-4000-8000-000000000001\","
                          "\"title\":\"%s %s, no. %u\",\"owner\":\"%s\",\"due\":\"%s\",\"status\":\"%s\","
                          "\"priority\":\"%s\",\"mandates\":[\"%s\"],\"meeting\":%s%s%s}",
                          i > 0 ? "," : "", i, i, verbs[i % 5], things[(i / 5) % 5], i,
                          (char *) agencies->pdata[i % agencies->len], due_text, statuses[(i / 3) % 5],
                          priorities[(i / 7) % 3], (char *) mandates->pdata[i % mandates->len],
                          i % 4 ? "\"" : "", i % 4 ? (char *) meetings->pdata[i % meetings->len] : "null",
                          i % 4 ? "\"" : "");
}

static int n_items = N_ITEMS;
static char *database;
static gboolean queries_only;

static void
import_items (IcatStore *store,
              int        count)
{
  g_autoptr(GPtrArray) agencies = record_ids (store, "agency");
  g_autoptr(GPtrArray) mandates = record_ids (store, "mandate");
  g_autoptr(GPtrArray) meetings = record_ids (store, "meeting");
  g_autoptr(GString) json = g_string_new ("{\"format\":\"icat-tracker\",\"version\":1,\"action_items\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < (guint) count; i++)
    append_item (json, i, agencies, mandates, meetings);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  if (!icat_store_import (store, bytes, "bench.json", ICAT_IMPORT_DEFAULT, NULL, &error))
    g_error ("Import failed: %s", error->message);
  g_print ("Imported %d action items in %.1f s\n", count, (g_get_monotonic_time () - start) / 1e6);
}

/* }}} */
/* Orders and positions {{{ */

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
id_at (GListModel *list,
       guint       position)
{
  g_autoptr(IcatRecord) record = g_list_model_get_item (list, position);

  return g_strdup (icat_record_get_id (record));
}

/* The best of five lookups of the same row: the first prepares the
 * statements, and the others show what the query costs. */
static double
find_ms (IcatRecordList *list,
         const char     *id,
         guint           expected)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (icat_record_list_find_position (list, id) != expected)
        g_error ("%s found in the wrong place", id);
      best = MIN (best, elapsed_ms (start));
    }
  return best;
}

/* Reads the database file once, so that the first queries cost what they
 * do in the app, where the system's disk cache holds the file, and not
 * whatever the disk cache happens to hold after other programs. */
static void
warm_disk_cache (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *files[] = { path, wal };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (files[i], FALSE, NULL);
      const char *bytes = file ? g_mapped_file_get_contents (file) : NULL;
      gsize length = file ? g_mapped_file_get_length (file) : 0;
      volatile char sum = 0;

      for (gsize at = 0; at < length; at += 4096)
        sum += bytes[at];
    }
}

static void
measure_orders (IcatStore *store)
{
  static const char * const orders[] = { "title", "owner", "due", "status", "priority", "meeting" };

  g_print ("Orders (%d items): first query; find_position of the first, middle and last rows\n", n_items);
  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (int descending = 0; descending < 2; descending++)
      {
        g_autoptr(IcatRecordList) list = icat_record_list_new (store, "action_item");
        guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
        guint positions[] = { 0, n / 2, n - 1 };
        double query, found[G_N_ELEMENTS (positions)];
        gint64 start = g_get_monotonic_time ();

        icat_record_list_set_sort (list, orders[o], descending);
        query = elapsed_ms (start);
        for (guint p = 0; p < G_N_ELEMENTS (positions); p++)
          {
            g_autofree char *id = id_at (G_LIST_MODEL (list), positions[p]);

            found[p] = find_ms (list, id, positions[p]);
          }
        g_print ("  %-8s %-10s %7.1f ms; find %6.2f, %6.2f, %6.2f ms\n", orders[o],
                 descending ? "descending" : "ascending", query, found[0], found[1], found[2]);
      }
}

/* }}} */
/* The bare column view {{{ */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* As many columns as the real view, each showing the string. */
static GtkWidget *
bare_view_new (void)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  for (guint i = 0; i < (guint) n_items; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "Row %u", i);
      gtk_string_list_append (strings, text);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (strings))));
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_column_set_fixed_width (column, c == 0 ? 200 : 120);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  return scroller;
}

/* }}} */
/* Measuring {{{ */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *what,
             GArray     *times)
{
  guint n = times->len;

  g_array_sort (times, compare_gint64);
  if (n == 0)
    return;
  g_print ("  %-28s median %6.2f ms, 95th percentile %6.2f ms, max %7.2f ms (%u frames)\n", what,
           g_array_index (times, gint64, n / 2) / 1000.0,
           g_array_index (times, gint64, MIN (n - 1, (guint) (n * 0.95))) / 1000.0,
           g_array_index (times, gint64, n - 1) / 1000.0, n);
}

/* One page further each frame, in the frame's update phase. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Run *run = data;
  double value = gtk_adjustment_get_value (run->vadjustment);
  double page = gtk_adjustment_get_page_size (run->vadjustment);
  double upper = gtk_adjustment_get_upper (run->vadjustment);

  if (run->settle > 0)
    {
      run->settle--;
      return G_SOURCE_CONTINUE;
    }
  if (value + page >= upper - 0.5)
    {
      g_main_loop_quit (run->loop);
      return G_SOURCE_REMOVE;
    }
  run->scrolling = TRUE;
  if (++run->pages % 500 == 0)
    g_printerr ("  … %u pages, row %.0f%%\r", run->pages, 100 * (value + page) / upper);
  gtk_adjustment_set_value (run->vadjustment, MIN (value + page, upper - page));
  return G_SOURCE_CONTINUE;
}

static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Run           *run)
{
  run->frame_start = g_get_monotonic_time ();
  run->cpu_frame_start = cpu_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu_now = cpu_time ();

  if (run->first_paint == 0 && run->warm_up)
    g_main_loop_quit (run->loop);
  else if (run->first_paint == 0)
    {
      run->first_paint = now;
      run->cpu_first_paint = cpu_now;
      gtk_widget_add_tick_callback (run->window, scroll_tick, run, NULL);
    }
  else if (run->scrolling)
    {
      gint64 interval = now - run->last_paint;
      gint64 work = now - run->frame_start;
      gint64 cpu_work = cpu_now - run->cpu_frame_start;

      g_array_append_val (run->intervals, interval);
      g_array_append_val (run->work, work);
      g_array_append_val (run->cpu_work, cpu_work);
    }
  run->last_paint = now;
}

static void
measure (Run       *run,
         GtkWidget *(*make) (gpointer),
         gpointer   data)
{
  GdkFrameClock *clock;
  GtkWidget *child;

  run->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->work = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->cpu_work = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->loop = g_main_loop_new (NULL, FALSE);
  run->settle = SETTLE_FRAMES;
  run->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (run->window), 1280, 800);
  gtk_widget_realize (run->window);
  clock = gtk_widget_get_frame_clock (run->window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), run);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), run);

  run->created = g_get_monotonic_time ();
  run->cpu_created = cpu_time ();
  child = make (data);
  run->made = g_get_monotonic_time ();
  gtk_window_set_child (GTK_WINDOW (run->window), child);
  run->vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (icat_test_find_type (child, GTK_TYPE_COLUMN_VIEW))));
  gtk_window_present (GTK_WINDOW (run->window));
  g_main_loop_run (run->loop);

  if (run->warm_up)
    g_print ("%s: shown\n", run->name);
  else
    {
      g_print ("%s\n", run->name);
      g_print ("  %-28s %6.1f ms (processor %.1f ms; making the view %.1f ms)\n", "view created to first frame",
               (run->first_paint - run->created) / 1000.0, (run->cpu_first_paint - run->cpu_created) / 1000.0,
               (run->made - run->created) / 1000.0);
      print_stats ("frame interval (scrolling)", run->intervals);
      print_stats ("frame work (scrolling)", run->work);
      print_stats ("frame processor time", run->cpu_work);
      g_print ("  %u pages scrolled\n", run->pages);
    }

  g_signal_handlers_disconnect_by_data (clock, run);
  gtk_window_destroy (GTK_WINDOW (run->window));
  g_array_unref (run->intervals);
  g_array_unref (run->work);
  g_array_unref (run->cpu_work);
  g_main_loop_unref (run->loop);
}

static GtkWidget *
make_items_view (gpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return icat_action_items_view_new (ICAT_STORE (data), settings);
}

static GtkWidget *
make_bare_view (gpointer data)
{
  return bare_view_new ();
}

/* }}} */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static const GOptionEntry options[] = {
  { "items", 'n', 0, G_OPTION_ARG_INT, &n_items, "How many action items (100000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Keep the generated database in this file and reuse it next time", "PATH" },
  { "queries-only", 'q', 0, G_OPTION_ARG_NONE, &queries_only, "Measure the orders only, not the views", NULL },
  { NULL }
};

static gboolean
has_items (IcatStore *store)
{
  g_autoptr(IcatRecordList) items = icat_record_list_new (store, "action_item");

  return g_list_model_get_n_items (G_LIST_MODEL (items)) > 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("icat-bench-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  Run warm_up = { .name = "Warm-up: the section on a new database", .warm_up = TRUE };
  Run items = { .name = "IcatActionItemsView" };
  Run bare = { .name = "Bare GtkColumnView over a GtkStringList" };

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  path = database ? g_strdup (database) : g_build_filename (dir, "bench.db", NULL);
  /* Nothing of the user's: settings in memory, device id in the temporary folder. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  gtk_init ();
  adw_init ();

  store = icat_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  if (!has_items (store))
    import_items (store, n_items);
  else
    {
      g_autoptr(IcatRecordList) all = icat_record_list_new (store, "action_item");

      n_items = g_list_model_get_n_items (G_LIST_MODEL (all));
      g_print ("Reusing %s: %d action items\n", path, n_items);
    }

  warm_disk_cache (path);
  measure_orders (store);
  if (!queries_only)
    {
      /* GTK loads the theme, fonts and icons when it first shows them, as
       * the app did long before its Action items section: not counted. */
      g_autofree char *small_path = g_build_filename (dir, "warm-up.db", NULL);
      g_autoptr(IcatStore) small = icat_store_open (small_path, &error);

      if (small == NULL)
        g_error ("Cannot open %s: %s", small_path, error->message);
      import_items (small, 100);
      measure (&warm_up, make_items_view, small);
      measure (&items, make_items_view, store);
      measure (&bare, make_bare_view, NULL);
    }

  g_clear_object (&store);
  g_free (database);
  remove_tree (dir);
  return 0;
}
