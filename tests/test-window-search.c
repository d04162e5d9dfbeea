/* test-window-search.c — Ctrl+F searches on a worker, and shows the last keystroke's results
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-search-result-row.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

static char *
save_item (IcatStore  *store,
           const char *title)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  return id;
}

/* The search entry of the window's search popover, opened by Ctrl+F. */
static GtkWidget *
open_search (IcatWindow *window)
{
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT (focus));
  return gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
}

/* What the list shows: the result rows' titles, one a line. */
static char *
shown_titles (GtkWidget *entry)
{
  GtkWidget *list = icat_test_find_type (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER), GTK_TYPE_LIST_BOX);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ICAT_IS_SEARCH_RESULT_ROW (row))
      g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
expected_titles (IcatStore  *store,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 50, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (titles, "%s\n", ((IcatSearchHit *) hits->pdata[i])->title);
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

typedef struct {
  GtkWidget  *entry;
  const char *titles;
} ShownWait;

static gboolean
shows (gpointer      data,
       gconstpointer unused)
{
  ShownWait *wait = data;
  g_autofree char *shown = shown_titles (wait->entry);

  return g_str_equal (shown, wait->titles);
}

static gboolean
timed_out (gpointer      data,
           gconstpointer unused)
{
  return *(gboolean *) data;
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
typing_test (IcatWindow *window,
             IcatStore  *store,
             gpointer    data)
{
  const char *keystrokes[] = { "z", "zr", "zra", "zraf", "zraff", "zraff 会", "zraff 会议" };
  g_autofree char *item = save_item (store, "Zraffic routes 会议 review");
  g_autofree char *other = save_item (store, "Trade routes");
  g_autofree char *expected = expected_titles (store, "zraff 会议");
  g_autofree char *shown = NULL;
  GtkWidget *entry = open_search (window);
  ShownWait wait = { entry, expected };
  gboolean waited = FALSE;

  g_assert_cmpstr (expected, ==, "Zraffic routes 会议 review\n");
  /* Each keystroke starts a search and cancels the one before, without
   * the main loop turning in between, as fast typing does. */
  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), keystrokes[i]);
      g_signal_emit_by_name (entry, "search-changed");
    }
  /* Nothing was searched on this thread: results only come back through
   * the main loop, from the worker. */
  shown = shown_titles (entry);
  g_assert_cmpstr (shown, ==, "");
  icat_test_wait_until (shows, &wait, NULL, 20);
  /* And no earlier keystroke's results replace them later. */
  g_timeout_add (300, set_true_cb, &waited);
  icat_test_wait_until (timed_out, &waited, NULL, 20);
  g_clear_pointer (&shown, g_free);
  shown = shown_titles (entry);
  g_assert_cmpstr (shown, ==, expected);

  /* Emptying the field empties the list at once. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_clear_pointer (&shown, g_free);
  shown = shown_titles (entry);
  g_assert_cmpstr (shown, ==, "");
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)));
}

static void
test_typing (void)
{
  icat_test_run_app (typing_test, NULL);
}

static gboolean
in_section (gpointer      data,
            gconstpointer section)
{
  return g_strcmp0 (icat_window_get_section (data), section) == 0;
}

static void
enter_test (IcatWindow *window,
            IcatStore  *store,
            gpointer    data)
{
  g_autofree char *item = save_item (store, "主席报告的安排");
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  entry = open_search (window);
  /* Enter before the results came opens the best match once they come. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "主席报");
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  icat_test_wait_until (in_section, window, "action-items", 20);
}

static void
test_enter_before_results (void)
{
  icat_test_run_app (enter_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/search/typing", test_typing);
  g_test_add_func ("/window/search/enter-before-results", test_enter_before_results);
  return g_test_run ();
}
