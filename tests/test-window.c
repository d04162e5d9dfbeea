/* test-window.c — the main window: sections, search, undo, settings, the database asked for
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-application.h"
#include "icat-chart.h"
#include "icat-error.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

typedef void (*WindowTest) (IcatWindow *window, IcatStore *store);

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return has_label (wait->root, wait->text);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  wait_until (label_shown, &wait);
}

static void
activated_cb (GApplication *app,
              gpointer      user_data)
{
  WindowTest test = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ICAT_IS_WINDOW (window));
  test (ICAT_WINDOW (window), icat_application_get_store (ICAT_APPLICATION (app)));
  gtk_window_close (window);
}

static void
run_app (WindowTest  test,
         char      **database_out)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), test);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  if (database_out != NULL)
    *database_out = g_steal_pointer (&path);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
sections_test (IcatWindow *window,
               IcatStore  *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *names[] = { "overview", "meetings", "action-items", "work-plan", "papers", "mandates", "agencies" };

  /* The database asked for, seeded. */
  g_assert_true (g_str_has_suffix (icat_store_get_path (store), "window.db"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", names[i]));
      g_assert_cmpstr (icat_window_get_section (window), ==, names[i]);
      /* Remembered for the next start. */
      {
        g_autofree char *last = g_settings_get_string (settings, "last-section");

        g_assert_cmpstr (last, ==, names[i]);
      }
    }
  /* Seed content on screen: a mandate and an agency. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "mandates");
  wait_for_label (GTK_WIDGET (window), "A/RES/72/195, para. 1");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "agencies");
  wait_for_label (GTK_WIDGET (window), "UNODC — United Nations Office on Drugs and Crime");
}

static void
test_sections (void)
{
  run_app (sections_test, NULL);
}

static gboolean
store_can_undo (gpointer data)
{
  return !icat_store_can_undo (data);
}

static void
undo_test (IcatWindow *window,
           IcatStore  *store)
{
  g_autoptr(JsonObject) meeting = icat_test_object (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Geneva — spring\"},"
    " \"starts_at\": \"2030-04-01T08:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\","
    " \"venue\": \"Geneva\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (store, "meeting", meeting, &error);
  g_autoptr(JsonObject) gone = NULL;

  g_assert_no_error (error);
  /* A new meeting shows in the Overview's next meetings. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  wait_for_label (GTK_WIDGET (window), "Working Group, Geneva — spring");

  /* Ctrl+Z outside a text field undoes the last saved change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_until (store_can_undo, store);
  gone = icat_store_read (store, "meeting", id, &error);
  g_assert_null (gone);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
}

static void
test_undo (void)
{
  run_app (undo_test, NULL);
}

static void
search_test (IcatWindow *window,
             IcatStore  *store)
{
  g_autoptr(JsonObject) item = icat_test_object ("{\"title\": \"主席报告的会议安排\", \"status\": \"open\"}");
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *entry;

  json_object_set_string_member (item, "owner", owner);
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT (entry));
  /* A two-character Chinese word finds the item. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY)), "主席");
  wait_for_label (GTK_WIDGET (gtk_widget_get_root (entry)), "主席报告的会议安排");
  g_signal_emit_by_name (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpstr (icat_window_get_section (window), ==, "action-items");
}

static void
test_search (void)
{
  run_app (search_test, NULL);
}

typedef struct {
  IcatChart  *chart;
  const char *text;
} ChartWait;

static gboolean
chart_says (gpointer data)
{
  ChartWait *wait = data;
  g_autofree char *said = icat_chart_describe (wait->chart);

  return strstr (said, wait->text) != NULL;
}

static void
wait_for_chart (GtkWidget  *root,
                const char *name,
                const char *text)
{
  ChartWait wait = { ICAT_CHART (icat_test_find_named (root, name)), text };

  g_assert_nonnull (wait.chart);
  wait_until (chart_says, &wait);
}

/* The Overview's charts count what is in the database, and follow changes. */
static void
charts_test (IcatWindow *window,
             IcatStore  *store)
{
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autofree char *json = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (store),
                                        "SELECT id FROM mandate WHERE document = 'A/RES/72/195' AND paragraph = '10'", NULL);
  g_autofree char *mandate = NULL;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mandate = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  /* The seed: twenty published papers, no action items, no covered mandate. */
  wait_for_chart (GTK_WIDGET (window), "papers-chart", "Published: 20");
  wait_for_chart (GTK_WIDGET (window), "coverage-chart",
                  "All mandates: Open work 0, Completed work only 0, No work 119.");
  g_assert_cmpuint (icat_chart_get_n_rows (ICAT_CHART (icat_test_find_named (GTK_WIDGET (window), "status-chart"))), ==, 0);
  /* An empty chart gives way to a sentence saying why. */
  g_assert_false (gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (window), "status-chart")));
  g_assert_true (gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (window), "chart-empty")));

  json = g_strdup_printf ("{\"title\": \"Convene the principals\", \"owner\": \"%s\", \"status\": \"in-progress\", "
                          "\"mandates\": [\"%s\"]}", owner, mandate);
  item = icat_test_object (json);
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  wait_for_chart (GTK_WIDGET (window), "status-chart",
                  "UNODC: Open 0, In progress 1, Blocked 0, Done 0, Cancelled 0.");
  g_assert_true (gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (window), "status-chart")));
  g_assert_false (gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (window), "chart-empty")));
  /* 72/195 para 10 addresses ICAT, and now has work. */
  wait_for_chart (GTK_WIDGET (window), "coverage-chart",
                  "All mandates: Open work 1, Completed work only 0, No work 118. "
                  "Addressed to ICAT: Open work 1, Completed work only 0, No work 15.");
}

static void
test_charts (void)
{
  run_app (charts_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/sections", test_sections);
  g_test_add_func ("/window/undo", test_undo);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/charts", test_charts);
  return g_test_run ();
}
