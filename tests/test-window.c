/* test-window.c — the app opens on the database it is given and shows its meetings
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-application.h"
#include "icat-test-util.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
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
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct {
  GtkListView *list;
  GtkWidget   *window;
  guint        expected;
} Check;

static gboolean
list_has_expected (gpointer data)
{
  Check *check = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (check->list))) == check->expected;
}

static gboolean
row_shown (gpointer data)
{
  Check *check = data;

  return has_label (GTK_WIDGET (check->list), "Working Group, Geneva — spring");
}

static void
activated_cb (GApplication *app,
              gpointer      user_data)
{
  IcatStore *store;
  GtkWindow *window;
  Check check = { 0 };
  g_autoptr(JsonObject) meeting = icat_test_object (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Geneva — spring\"},"
    " \"starts_at\": \"2030-04-01T08:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\","
    " \"venue\": \"Geneva\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  store = icat_application_get_store (ICAT_APPLICATION (app));
  g_assert_cmpstr (icat_store_get_path (store), ==, user_data);

  check.window = GTK_WIDGET (window);
  check.list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (check.list);
  /* The seed's twelve meetings, newest first. */
  check.expected = 12;
  wait_until (list_has_expected, &check);

  /* A meeting saved anywhere appears at the top of the list. */
  id = icat_store_save (store, "meeting", meeting, &error);
  g_assert_no_error (error);
  check.expected = 13;
  wait_until (list_has_expected, &check);
  wait_until (row_shown, &check);

  gtk_window_destroy (window);
}

static void
test_window_shows_meetings (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };
  int status;

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), path);
  status = g_application_run (G_APPLICATION (app), 3, (char **) argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/shows-meetings", test_window_shows_meetings);
  return g_test_run ();
}
