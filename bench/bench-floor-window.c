/* bench-floor-window.c — the floor of a first frame: a bare libadwaita
 * window with a GtkColumnView over N strings
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench/run times `icat-tracker --exit-after-first-frame` from exec to its
 * first painted frame against this program, started the same way: an
 * AdwApplication (non-unique, like the app) whose window is presented on
 * activate and which leaves with _exit (0) at the frame clock's first
 * "after-paint". What the app costs beyond this is ICAT Tracker's own.
 *   bench-floor-window [--rows N]    (default 100000)
 */
#define G_LOG_DOMAIN "icat-bench"

#include "config.h"

#include <adwaita.h>
#include <unistd.h>

static int n_rows = 100000;

static void
exit_at_first_frame (GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  _exit (0);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* The strings are made before the window, as the app reads its data
 * before its window: the floor is GTK's own cost of 100,000 rows. */
static GListModel *
make_rows (void)
{
  GtkStringList *rows = gtk_string_list_new (NULL);

  for (int i = 0; i < n_rows; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Action item %d", i + 1);
      gtk_string_list_append (rows, text);
    }
  return G_LIST_MODEL (rows);
}

static GtkWidget *
make_column_view (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_single_selection_new (make_rows ()));
  GtkWidget *view = gtk_column_view_new (selection);
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  column = gtk_column_view_column_new ("Title", factory);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
  g_object_unref (column);
  return view;
}

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* The app's default size (org.icattracker.Tracker.gschema.xml). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), make_column_view ());
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (exit_at_first_frame), NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Rows in the column view (default 100000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a bare window's first frame");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_rows < 0)
    {
      g_printerr ("bench-floor-window: %s\n", error ? error->message : "--rows wants a number of rows");
      return 2;
    }
  app = adw_application_new ("org.icattracker.Tracker.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
