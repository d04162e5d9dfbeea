/* test-window.c — the main window: sections, search, undo, settings, the database asked for
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "icat-action-items-view.h"
#include "icat-application.h"
#include "icat-editor-util.h"
#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"
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

static gboolean
lists_label (gpointer subject,
             gpointer data)
{
  GtkWidget *root = subject;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), data) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (lists_label (child, data))
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer      data,
             gconstpointer unused)
{
  LabelWait *wait = data;

  return has_label (wait->root, wait->text);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  icat_test_wait_until (label_shown, &wait, NULL, 10);
}

static void
activated_cb (GApplication *app,
              gpointer      user_data)
{
  WindowTest test = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ICAT_IS_WINDOW (window));
  test (ICAT_WINDOW (window), icat_application_get_store (ICAT_APPLICATION (app)));
  icat_test_close_window (window);
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

/* The header's "+": the button of win.new. */
static GtkWidget *
find_new_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.new") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_new_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
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
      gboolean can_create = i == 1 || i == 2 || i == 4 || i == 6;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", names[i]));
      g_assert_cmpstr (icat_window_get_section (window), ==, names[i]);
      /* One "+" where the section makes records; none, not a dead one,
       * in the Overview, the Work Plan and the Mandates, where win.new
       * (Ctrl+N) is off too: the button follows its action. */
      g_assert_cmpint (gtk_widget_get_visible (find_new_button (GTK_WIDGET (window))), ==, can_create);
      g_assert_cmpint (gtk_widget_is_sensitive (find_new_button (GTK_WIDGET (window))), ==, can_create);
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
store_can_undo (gpointer      data,
                gconstpointer unused)
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
  icat_test_wait_until (store_can_undo, store, NULL, 10);
  gone = icat_store_read (store, "meeting", id, &error);
  g_assert_null (gone);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
}

static void
test_undo (void)
{
  run_app (undo_test, NULL);
}

static gboolean
text_focused (gpointer subject,
              gpointer data)
{
  return GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (subject)));
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

  /* Asked for at once: before the window is on screen, the search opens
   * once it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  icat_test_wait_until (text_focused, window, NULL, 20);
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  /* A two-character Chinese word finds the item. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY)), "主席");
  /* In the results, drawn or not: on a slow X server GTK 4.8 may map the
   * popover late, which is not what this test is about. */
  icat_test_wait_until (lists_label, gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER), "主席报告的会议安排", 20);
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
chart_says (gpointer      data,
            gconstpointer unused)
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
  icat_test_wait_until (chart_says, &wait, NULL, 10);
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
  /* The seed: twenty-three published papers, no action items; the
   * paragraphs its papers answer are covered: published, 72/195 para 5
   * and GPA para 5; proposed, the reports of 72/195 paras 21 and 22, GPA
   * annex 60 and 2015/23 para 5. */
  wait_for_chart (GTK_WIDGET (window), "papers-chart", "Published: 23");
  wait_for_chart (GTK_WIDGET (window), "coverage-chart",
                  "All mandates: Open work 4, Completed work only 2, No work 113.");
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
                  "All mandates: Open work 5, Completed work only 2, No work 112. "
                  "Addressed to ICAT: Open work 3, Completed work only 0, No work 13.");
}

static void
test_charts (void)
{
  run_app (charts_test, NULL);
}

/* Leaving at once: minutes typed a moment ago, then Ctrl+Q or SIGTERM
 * before the autosave's delay is over. */

typedef enum {
  LEAVE_QUIT,
  LEAVE_SIGTERM,
} LeaveWay;

typedef struct {
  LeaveWay  way;
  char     *meeting_id;
} LeaveTest;

static gboolean
meeting_opened (gpointer      data,
                gconstpointer unused)
{
  return icat_meeting_editor_get_meeting_id (data) != NULL;
}

static void
type_then_leave_cb (GApplication *app,
                    LeaveTest    *leave)
{
  IcatWindow *window = ICAT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *view = icat_test_show_section (window, "meetings", ICAT_TYPE_MEETINGS_VIEW);
  IcatMeetingEditor *editor = ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (ICAT_MEETINGS_VIEW (view)));
  GtkWidget *minutes;

  icat_meetings_view_new_meeting (ICAT_MEETINGS_VIEW (view));
  icat_test_wait_until (meeting_opened, editor, NULL, 10);
  leave->meeting_id = g_strdup (icat_meeting_editor_get_meeting_id (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-agenda-item", NULL));
  gtk_editable_set_text (GTK_EDITABLE (icat_test_find_named (_icat_meeting_editor_get_agenda_item (editor, 0),
                                                             "agenda-title")), "Next meeting");
  minutes = icat_test_find_named (_icat_meeting_editor_get_agenda_item (editor, 0), "agenda-minutes");
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (minutes)), "Agreed to meet in May.", -1);
  /* Not a moment for the autosave. */
  if (leave->way == LEAVE_QUIT)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    kill (getpid (), SIGTERM);
}

static void
run_and_leave (LeaveWay way)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };
  LeaveTest leave = { way, NULL };
  g_autoptr(IcatStore) reopened = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *agenda;

  g_signal_connect_after (app, "activate", G_CALLBACK (type_then_leave_cb), &leave);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  g_assert_nonnull (leave.meeting_id);

  /* Read as the next start would, before anything else runs. */
  reopened = icat_store_open (path, &error);
  g_assert_no_error (error);
  meeting = icat_store_read (reopened, "meeting", leave.meeting_id, &error);
  g_assert_no_error (error);
  agenda = json_object_get_array_member (meeting, "agenda");
  g_assert_nonnull (agenda);
  g_assert_cmpuint (json_array_get_length (agenda), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agenda, 0), "minutes"), ==,
                   "Agreed to meet in May.");
  g_free (leave.meeting_id);
  g_clear_object (&reopened);
  /* Quitting closed the window; any left would go now. */
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_clear_object (&app);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_quit_saves (void)
{
  run_and_leave (LEAVE_QUIT);
}

static void
test_sigterm_saves (void)
{
  run_and_leave (LEAVE_SIGTERM);
}

static AdwMessageDialog *
input_loss_dialog (void)
{
  GtkWidget *dialog = icat_test_find_toplevel ("input-loss");

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

static gboolean
problem_shown (gpointer      row,
               gconstpointer unused)
{
  return icat_row_get_problem (row) != NULL;
}

static gboolean
dialog_shown (gpointer      data,
              gconstpointer unused)
{
  return input_loss_dialog () != NULL;
}

static void
answer_input_loss (const char *response)
{
  AdwMessageDialog *dialog;

  icat_test_wait_until (dialog_shown, NULL, NULL, 10);
  dialog = input_loss_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "February 2026 has 28 days"));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A due date that cannot be saved as typed: Ctrl+Q and the close button
 * ask before it is lost, naming the field; keeping on editing keeps it on
 * screen. */
static void
type_wrong_then_quit_cb (GApplication *app,
                         char        **item_id)
{
  IcatWindow *window = ICAT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  IcatStore *store = icat_application_get_store (ICAT_APPLICATION (app));
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *due;

  json_object_set_string_member (changes, "title", "Send the draft to the Working Group");
  json_object_set_string_member (changes, "owner", unodc);
  json_object_set_string_member (changes, "status", "open");
  json_object_set_string_member (changes, "due", "2026-03-31");
  *item_id = icat_store_save (store, "action_item", changes, &error);
  g_assert_no_error (error);

  view = icat_test_show_section (window, "action-items", ICAT_TYPE_ACTION_ITEMS_VIEW);
  icat_action_items_view_show_item (ICAT_ACTION_ITEMS_VIEW (view), *item_id);
  due = icat_test_find_named (view, "due");
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-02-30");
  icat_test_wait_until (problem_shown, due, NULL, 10);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  answer_input_loss ("cancel");
  /* Still there, with what was typed. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-02-30");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  answer_input_loss ("discard");
}

static void
test_quit_asks_before_losing_input (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };
  g_autofree char *item_id = NULL;
  g_autoptr(IcatStore) reopened = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect_after (app, "activate", G_CALLBACK (type_wrong_then_quit_cb), &item_id);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  reopened = icat_store_open (path, &error);
  g_assert_no_error (error);
  item = icat_store_read (reopened, "action_item", item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-03-31");
  g_clear_object (&reopened);
  g_clear_object (&app);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The real program, SIGTERM'd as a session ends, a moment after a person
 * typed a meeting's title (keys go in through the X server). */
static void
test_sigterm_program (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "icat-tracker", NULL);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(IcatStore) reopened = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char * const alt_2[] = { "Alt_L", "2", NULL };
  const char * const ctrl_n[] = { "Control_L", "n", NULL };
  const char *title = "sigterm";
  g_autofree char *display = NULL;
  GSubprocess *server = icat_test_display_start (&display);
  g_autoptr(IcatTestKeyboard) kb = server ? icat_test_keyboard_open (display) : NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  gint64 deadline = g_get_monotonic_time () + icat_test_timeout (30) * G_USEC_PER_SEC;
  gulong window = 0;

  if (kb == NULL)
    {
      g_clear_pointer (&server, icat_test_display_stop);
      g_test_skip ("No Xvfb with XTEST to type into the program");
      return;
    }
  /* On a display of its own, where nothing else takes the focus. */
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, program, "--database", path, NULL);
  g_assert_no_error (error);
  while ((window = icat_test_keyboard_find_window (kb, atoi (g_subprocess_get_identifier (app)))) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 10);
    }
  /* The program reads the keys in order once its window is on screen. */
  g_assert_false (icat_test_keyboard_has_selection (kb));
  icat_test_keyboard_focus (kb, window);
  icat_test_keyboard_press (kb, alt_2);
  icat_test_keyboard_press (kb, ctrl_n);
  /* A new meeting opens with its title selected, ready to be typed over:
   * the selection is the program's, on a display of its own. */
  while (!icat_test_keyboard_has_selection (kb))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  for (const char *c = title; *c != '\0'; c++)
    {
      const char key[] = { *c, '\0' };
      const char * const keys[] = { key, NULL };

      icat_test_keyboard_press (kb, keys);
    }
  /* Well within the autosave's delay. */
  g_subprocess_send_signal (app, SIGTERM);
  g_assert_true (g_subprocess_wait (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  g_clear_pointer (&kb, icat_test_keyboard_free);
  icat_test_display_stop (server);

  reopened = icat_store_open (path, &error);
  g_assert_no_error (error);
  hits = icat_store_search (reopened, title, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((IcatSearchHit *) hits->pdata[0])->title, ==, title);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_object (&reopened);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
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
  g_test_add_func ("/window/quit-saves", test_quit_saves);
  g_test_add_func ("/window/sigterm-saves", test_sigterm_saves);
  g_test_add_func ("/window/sigterm-program", test_sigterm_program);
  g_test_add_func ("/window/quit-asks-before-losing-input", test_quit_asks_before_losing_input);
  return g_test_run ();
}
