/* test-rows-later.c — a list's first rows first, the rest after its first frame
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <adwaita.h>

#include "icat-rows-later.h"
#include "icat-test-util.h"

#define N_ITEMS 40

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

static void
setup_cb (GtkListItemFactory *factory,
          GtkListItem        *item)
{
  gtk_list_item_set_child (item, gtk_label_new ("row"));
}

/* A list view whose model is rows; the caller owns the widget. */
static GtkWidget *
list_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  return g_object_ref_sink (gtk_list_view_new (NULL, factory));
}

static void
list_set_rows (GtkWidget         *list,
               GtkSliceListModel *rows)
{
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)));

  gtk_list_view_set_model (GTK_LIST_VIEW (list), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static char *
text_at (GListModel *model,
         guint       position)
{
  g_autoptr(GtkStringObject) string = g_list_model_get_item (model, position);

  return string ? g_strdup (gtk_string_object_get_string (string)) : NULL;
}

static gboolean
n_listed (GListModel    *rows,
          gconstpointer  n)
{
  return g_list_model_get_n_items (rows) == GPOINTER_TO_UINT (n);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* A shown list: its first rows until the window's first frame, then all,
 * at the positions of the model below, which it goes on following. */
static void
test_after_first_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = list_new ();
  g_autoptr(GListModel) strings = strings_new (N_ITEMS);
  g_autoptr(GtkSliceListModel) rows = icat_rows_later_new (g_object_ref (strings), 5, list);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean painted = FALSE;

  list_set_rows (list, rows);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  /* A change while the rows are held back is not lost. */
  gtk_string_list_splice (GTK_STRING_LIST (strings), 0, 1, (const char * const[]) { "row 0, renamed", NULL });
  gtk_string_list_append (GTK_STRING_LIST (strings), "row 40");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  icat_test_wait_until (n_listed, G_LIST_MODEL (rows), GUINT_TO_POINTER (N_ITEMS + 1), 10);
  g_assert_true (painted);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), painted_cb, &painted);
  first = text_at (G_LIST_MODEL (rows), 0);
  g_assert_cmpstr (first, ==, "row 0, renamed");
  last = text_at (G_LIST_MODEL (rows), N_ITEMS);
  g_assert_cmpstr (last, ==, "row 40");
  gtk_string_list_remove (GTK_STRING_LIST (strings), N_ITEMS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, N_ITEMS);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (list);
}

/* Asked for a row beyond the first (a record opened from elsewhere): all
 * at once, in one change, and a second call changes nothing. */
static void
test_show_all (void)
{
  GtkWidget *list = list_new ();
  g_autoptr(GListModel) strings = strings_new (N_ITEMS);
  g_autoptr(GtkSliceListModel) rows = icat_rows_later_new (g_object_ref (strings), 5, list);
  guint n_changes = 0;

  list_set_rows (list, rows);
  g_signal_connect (rows, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  icat_rows_later_show_all (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, N_ITEMS);
  g_assert_cmpuint (n_changes, ==, 1);
  icat_rows_later_show_all (rows);
  g_assert_cmpuint (n_changes, ==, 1);
  g_object_unref (list);
}

/* A list nobody shows has no frame to wait for; one gone before its first
 * idle is no reason to keep the rows back either. */
static void
test_not_shown (void)
{
  GtkWidget *list = list_new ();
  GtkWidget *gone = list_new ();
  g_autoptr(GListModel) strings = strings_new (N_ITEMS);
  g_autoptr(GtkSliceListModel) rows = icat_rows_later_new (g_object_ref (strings), 5, list);
  g_autoptr(GtkSliceListModel) orphan = icat_rows_later_new (g_object_ref (strings), 5, gone);

  list_set_rows (list, rows);
  g_object_unref (gone);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  icat_test_wait_until (n_listed, G_LIST_MODEL (rows), GUINT_TO_POINTER (N_ITEMS), 10);
  icat_test_wait_until (n_listed, G_LIST_MODEL (orphan), GUINT_TO_POINTER (N_ITEMS), 10);
  g_object_unref (list);
}

/* Fewer items than the first rows, and none. */
static void
test_short_lists (void)
{
  GtkWidget *list = list_new ();
  g_autoptr(GListModel) three = strings_new (3);
  g_autoptr(GListModel) none = strings_new (0);
  g_autoptr(GtkSliceListModel) rows = icat_rows_later_new (g_object_ref (three), 5, list);
  g_autoptr(GtkSliceListModel) empty = icat_rows_later_new (g_object_ref (none), 5, list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  icat_rows_later_show_all (rows);
  icat_rows_later_show_all (empty);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  g_object_unref (list);
  /* Let the idles holding them go before the models are checked for leaks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/rows-later/after-first-frame", test_after_first_frame);
  g_test_add_func ("/rows-later/show-all", test_show_all);
  g_test_add_func ("/rows-later/not-shown", test_not_shown);
  g_test_add_func ("/rows-later/short-lists", test_short_lists);
  return g_test_run ();
}
