/* test-window-search.c — Ctrl+F searches on a worker, and shows the last keystroke's results
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"
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

static gboolean
text_focused (gpointer subject,
              gpointer data)
{
  return GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (subject)));
}

/* The search entry of the window's search popover, opened by Ctrl+F: at
 * once, or once the window is on screen when it is not yet. */
static GtkWidget *
open_search (IcatWindow *window)
{
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  icat_test_wait_until (text_focused, window, NULL, 20);
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

/* Four meetings of one title, on four days; the minutes of the third's
 * twelfth agenda item (id ...0000000000<day><11>) say "zanzibar". */
static char *
save_principals_meeting (IcatStore *store,
                         guint      day)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  g_string_append_printf (json,
                          "{\"kind\": \"principals\", \"title\": {\"en\": \"Qorvath <ICAT> & heads\", \"zh\": \"机构间协调小组主管级会议\"},"
                          " \"starts_at\": \"2030-0%u-1%uT08:00:00.000Z\", \"date_precision\": \"day\","
                          " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"agenda\": [", day, day);
  for (guint i = 0; i < 14; i++)
    g_string_append_printf (json, "%s{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-000000000%u%02u\", \"position\": %u,"
                            " \"title\": \"Item %u\", \"minutes\": \"%s\"}",
                            i > 0 ? "," : "", day, i, i, i + 1,
                            day == 3 && i == 11 ? "The delegates from zanzibar & <elsewhere> reported." : "Noted.");
  g_string_append (json, "]}");
  meeting = icat_test_object (json->str);
  id = icat_store_save (store, "meeting", meeting, &error);
  g_assert_no_error (error);
  return id;
}

/* The label below root with this style class, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The subtitles of the result rows as their labels have them (Pango
 * markup, and whether it is read as markup), one a line. */
static char *
shown_subtitles (GtkWidget *entry)
{
  GtkWidget *list = icat_test_find_type (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER), GTK_TYPE_LIST_BOX);
  g_autoptr(GString) subtitles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ICAT_IS_SEARCH_RESULT_ROW (row))
      {
        GtkLabel *subtitle = find_label (row, "subtitle");

        g_assert_nonnull (subtitle);
        g_assert_true (gtk_label_get_use_markup (subtitle));
        g_string_append_printf (subtitles, "%s\n", gtk_label_get_label (subtitle));
      }
  return g_string_free (g_steal_pointer (&subtitles), FALSE);
}

typedef struct {
  GtkWidget *entry;
  guint      rows;
} RowsWait;

static gboolean
shows_rows (gpointer      data,
            gconstpointer unused)
{
  RowsWait *wait = data;
  GtkWidget *list = icat_test_find_type (gtk_widget_get_ancestor (wait->entry, GTK_TYPE_POPOVER), GTK_TYPE_LIST_BOX);
  guint rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    rows += ICAT_IS_SEARCH_RESULT_ROW (row);
  return rows == wait->rows;
}

static void
minutes_test (IcatWindow *window,
              IcatStore  *store,
              gpointer    data)
{
  g_autofree char *first = save_principals_meeting (store, 1);
  g_autofree char *second = save_principals_meeting (store, 2);
  g_autofree char *third = save_principals_meeting (store, 3);
  g_autofree char *fourth = save_principals_meeting (store, 4);
  g_autofree char *subtitles = NULL;
  GtkWidget *entry = open_search (window);
  RowsWait all = { entry, 4 };
  RowsWait one = { entry, 1 };
  GtkWidget *list;
  GtkWidget *view;
  IcatMeetingEditor *editor;

  /* Four rows of one title, told apart by their dates. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "qorvath");
  g_signal_emit_by_name (entry, "search-changed");
  icat_test_wait_until (shows_rows, &all, NULL, 20);
  subtitles = shown_subtitles (entry);
  g_assert_cmpstr (subtitles, ==,
                   "Meeting · 14 April 2030\n<b>Qorvath</b> &lt;ICAT&gt; &amp; heads 机构间协调小组主管级会议\n"
                   "Meeting · 13 March 2030\n<b>Qorvath</b> &lt;ICAT&gt; &amp; heads 机构间协调小组主管级会议\n"
                   "Meeting · 12 February 2030\n<b>Qorvath</b> &lt;ICAT&gt; &amp; heads 机构间协调小组主管级会议\n"
                   "Meeting · 11 January 2030\n<b>Qorvath</b> &lt;ICAT&gt; &amp; heads 机构间协调小组主管级会议\n");
  g_clear_pointer (&subtitles, g_free);

  /* A word of the minutes: the text around it, the word in bold, and the
   * meeting opens at that agenda item. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar");
  g_signal_emit_by_name (entry, "search-changed");
  icat_test_wait_until (shows_rows, &one, NULL, 20);
  subtitles = shown_subtitles (entry);
  g_assert_cmpstr (subtitles, ==,
                   "Meeting · 13 March 2030\n…The delegates from <b>zanzibar</b> &amp; &lt;elsewhere&gt; reported. Item 13…\n");
  list = icat_test_find_type (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER), GTK_TYPE_LIST_BOX);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (icat_window_get_section (window), ==, "meetings");
  view = icat_test_find_type (GTK_WIDGET (window), ICAT_TYPE_MEETINGS_VIEW);
  editor = ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (ICAT_MEETINGS_VIEW (view)));
  g_assert_cmpstr (icat_meeting_editor_get_meeting_id (editor), ==, third);
  icat_test_wait_until (icat_test_agenda_item_in_view, editor, GUINT_TO_POINTER (11), 20);
}

static void
test_minutes (void)
{
  icat_test_run_app (minutes_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/search/typing", test_typing);
  g_test_add_func ("/window/search/enter-before-results", test_enter_before_results);
  g_test_add_func ("/window/search/minutes", test_minutes);
  return g_test_run ();
}
