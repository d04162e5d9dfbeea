/* test-accessible-names.c — every button of the window's sections has a name
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screen reader announces a button by its accessible name. A button
 * with text is named by it; an icon button, and a menu button (whose
 * label GTK 4.8 gives only to the toggle button inside), need the
 * accessible label of their template or code. Tooltips do not count.
 */
#define G_LOG_DOMAIN "test-accessible-names"

#include "config.h"

#include <adwaita.h>

#include "icat-action-items-view.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && *text != '\0';
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* GTK's and libadwaita's own composite widgets name their parts
 * themselves (or not): only the app's buttons are checked. */
static gboolean
is_toolkit_part (GtkWidget *widget)
{
  static const char * const toolkit_parents[] = {
    "GtkSpinButton", "GtkCalendar", "GtkWindowControls", "GtkSearchEntry", "GtkPasswordEntry",
    "GtkDropDown", "AdwEntryRow", "AdwSplitButton", "GtkColumnViewTitle", "GtkTextView",
  };
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* The toggle button inside a menu button: the menu button is checked. */
  if (GTK_IS_MENU_BUTTON (parent))
    return TRUE;
  for (GtkWidget *ancestor = parent; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    for (guint i = 0; i < G_N_ELEMENTS (toolkit_parents); i++)
      if (g_str_equal (G_OBJECT_TYPE_NAME (ancestor), toolkit_parents[i]))
        return TRUE;
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);
  const char *icon = GTK_IS_MENU_BUTTON (widget) ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget))
                     : GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;
  const char *label = GTK_IS_MENU_BUTTON (widget) ? gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))
                      : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *grandparent = parent ? gtk_widget_get_parent (parent) : NULL;

  return g_strdup_printf ("%s (name %s, icon %s, label %s, in %s in %s)", G_OBJECT_TYPE_NAME (widget), name,
                          icon ? icon : "-", label ? label : "-", parent ? G_OBJECT_TYPE_NAME (parent) : "-",
                          grandparent ? G_OBJECT_TYPE_NAME (grandparent) : "-");
}

/* Every unnamed button below root, described one a line. A hidden
 * widget (the sync status while there is no group) is skipped with what
 * it holds: nobody meets it until it is shown, named. Pages of stacks not
 * on screen are still checked. */
static void
collect_unnamed (GtkWidget *root,
                 GString   *unnamed)
{
  if (!gtk_widget_get_visible (root))
    return;
  if ((GTK_IS_MENU_BUTTON (root) && !has_accessible_name (root)) ||
      (GTK_IS_BUTTON (root) && !is_toolkit_part (root) && !has_accessible_name (root) && !has_text (root)))
    {
      g_autofree char *text = describe (root);

      g_string_append_printf (unnamed, "%s\n", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static gboolean
editor_opened (gpointer      window,
               gconstpointer data)
{
  return icat_test_find_named (window, "owner") != NULL;
}

static void
sections_test (IcatWindow *window,
               IcatStore  *store,
               gpointer    data)
{
  const char *sections[] = { "overview", "meetings", "action-items", "work-plan", "papers", "mandates", "agencies" };
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkWidget *items;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  /* The Action items editor too, with its owner and Set Status. */
  items = icat_test_show_section (window, "action-items", ICAT_TYPE_ACTION_ITEMS_VIEW);
  icat_action_items_view_new_item (ICAT_ACTION_ITEMS_VIEW (items));
  icat_test_wait_until (editor_opened, window, NULL, 10);

  collect_unnamed (GTK_WIDGET (window), unnamed);
  if (unnamed->len > 0)
    g_test_message ("Buttons without an accessible name:\n%s", unnamed->str);
  g_assert_cmpstr (unnamed->str, ==, "");
}

static void
test_sections (void)
{
  icat_test_run_app (sections_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  /* The test environment turns accessibility off (GTK_A11Y=none), which
   * keeps no accessible properties at all; the test backend keeps them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/accessible-names/sections", test_sections);
  return g_test_run ();
}
