/* test-first-page.c — a long list's first page first, the rest after the first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of strings behind icat_first_page_new (): its first rows until the
 * view is painted or all of it is asked for, then every row, announced once.
 */
#define G_LOG_DOMAIN "test-first-page"

#include "config.h"

#include <adwaita.h>

#include "icat-first-page.h"
#include "icat-test-util.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static GListModel *
strings_new (guint n)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %u", i);

      gtk_string_list_append (strings, text);
    }
  return G_LIST_MODEL (strings);
}

static char *
string_at (GListModel *model,
           guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* Never shown: the first page until all of it is asked for, once. */
static void
test_show_all (void)
{
  GListModel *strings = strings_new (100);
  GtkWidget *view = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GtkSliceListModel) first_page = icat_first_page_new (g_object_ref (strings), 10, view);
  g_autofree char *last = NULL;
  g_autofree char *beyond = NULL;
  Changes changes = { 0 };

  g_signal_connect (first_page, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 10);
  last = string_at (G_LIST_MODEL (first_page), 9);
  beyond = string_at (G_LIST_MODEL (first_page), 10);
  g_assert_cmpstr (last, ==, "row 9");
  g_assert_null (beyond);

  icat_first_page_show_all (first_page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 100);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 10);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 90);

  /* Asked again, nothing changes; the list's own changes still come through. */
  icat_first_page_show_all (first_page);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  gtk_string_list_remove (GTK_STRING_LIST (strings), 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 99);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 50);

  g_object_unref (view);
  g_object_unref (strings);
}

/* Changes made while rows are held back are not lost: a renamed first row
 * shows at once, a row added beyond the page arrives with the others. */
static void
test_changes_while_held (void)
{
  GListModel *strings = strings_new (40);
  GtkWidget *view = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GtkSliceListModel) first_page = icat_first_page_new (g_object_ref (strings), 5, view);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  gtk_string_list_splice (GTK_STRING_LIST (strings), 0, 1, (const char * const[]) { "row 0, renamed", NULL });
  gtk_string_list_append (GTK_STRING_LIST (strings), "row 40");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 5);
  first = string_at (G_LIST_MODEL (first_page), 0);
  g_assert_cmpstr (first, ==, "row 0, renamed");

  icat_first_page_show_all (first_page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 41);
  last = string_at (G_LIST_MODEL (first_page), 40);
  g_assert_cmpstr (last, ==, "row 40");

  g_object_unref (view);
  g_object_unref (strings);
}

/* A list shorter than its first page is whole from the start. */
static void
test_short_list (void)
{
  GListModel *strings = strings_new (3);
  GtkWidget *view = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GtkSliceListModel) first_page = icat_first_page_new (g_object_ref (strings), 10, view);
  Changes changes = { 0 };

  g_signal_connect (first_page, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 3);
  icat_first_page_show_all (first_page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 3);
  g_assert_cmpuint (changes.n_signals, ==, 0);

  /* Empty, too. */
  gtk_string_list_splice (GTK_STRING_LIST (strings), 0, 3, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_page)), ==, 0);

  g_object_unref (view);
  g_object_unref (strings);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_label_new ("row"));
}

typedef struct {
  GtkSliceListModel *first_page;
  guint              n_at_first_paint;
  gboolean           painted;
} Painted;

static void
first_paint_cb (GdkFrameClock *clock,
                Painted       *painted)
{
  if (painted->painted)
    return;
  painted->painted = TRUE;
  painted->n_at_first_paint = g_list_model_get_n_items (G_LIST_MODEL (painted->first_page));
}

static void
window_realized_cb (GtkWidget *window,
                    Painted   *painted)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_paint_cb), painted);
}

static gboolean
all_shown (GListModel    *model,
           gconstpointer  n)
{
  return g_list_model_get_n_items (model) == GPOINTER_TO_UINT (n);
}

static gboolean
finalized (Painted       *painted,
           gconstpointer  data)
{
  return painted->first_page == NULL;
}

/* In a window: the first frame is painted with the first page, and every
 * row follows without being asked for. */
static void
test_painted (void)
{
  GListModel *strings = strings_new (500);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list_view = gtk_list_view_new (NULL, g_object_ref (factory));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  Painted painted = { 0 };

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  painted.first_page = icat_first_page_new (g_object_ref (strings), 20, list_view);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (painted.first_page)));
  gtk_list_view_set_model (GTK_LIST_VIEW (list_view), GTK_SELECTION_MODEL (selection));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 300);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));

  icat_test_wait_until (all_shown, G_LIST_MODEL (painted.first_page), GUINT_TO_POINTER (500), 10);
  g_assert_true (painted.painted);
  g_assert_cmpuint (painted.n_at_first_paint, ==, 20);

  /* The rows let go of the model as the main loop runs on. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&selection);
  g_object_add_weak_pointer (G_OBJECT (painted.first_page), (gpointer *) &painted.first_page);
  g_object_unref (painted.first_page);
  icat_test_wait_until (finalized, &painted, NULL, 10);
  g_object_unref (strings);
}

/* Enough rows of a height to fill the tallest monitor, and one more at
 * each end; taller rows, fewer. */
static void
test_rows (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  int tallest = 0;
  guint rows_30 = icat_first_page_rows (30);
  guint rows_70 = icat_first_page_rows (70);

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }
  g_assert_cmpint (tallest, >, 0);
  g_assert_cmpint ((rows_30 - 2) * 30, >=, tallest);
  g_assert_cmpint ((rows_30 - 3) * 30, <, tallest);
  g_assert_cmpint ((rows_70 - 2) * 70, >=, tallest);
  g_assert_cmpint ((rows_70 - 3) * 70, <, tallest);
  g_assert_cmpuint (rows_70, <, rows_30);
  g_assert_cmpuint (icat_first_page_rows (G_MAXINT), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/first-page/show-all", test_show_all);
  g_test_add_func ("/first-page/changes-while-held", test_changes_while_held);
  g_test_add_func ("/first-page/short-list", test_short_list);
  g_test_add_func ("/first-page/painted", test_painted);
  g_test_add_func ("/first-page/rows", test_rows);
  return g_test_run ();
}
