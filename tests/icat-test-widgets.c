/* icat-test-widgets.c — finding widgets in the UI tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-application.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

GtkWidget *
icat_test_find_named (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icat_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
icat_test_find_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icat_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  IcatTestAppFunc test;
  gpointer        data;
} AppTest;

static void
activated_cb (GApplication *app,
              AppTest      *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ICAT_IS_WINDOW (window));
  run->test (ICAT_WINDOW (window), icat_application_get_store (ICAT_APPLICATION (app)), run->data);
  gtk_window_close (window);
}

void
icat_test_run_app (IcatTestAppFunc test,
                   gpointer        data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "icat.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };
  AppTest run = { test, data };

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

GtkWidget *
icat_test_show_section (IcatWindow *window,
                        const char *section,
                        GType       type)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section));
  view = icat_test_find_type (GTK_WIDGET (window), type);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  return view;
}
