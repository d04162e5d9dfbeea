/* test-window-keys.c — Alt+1…7 wherever the focus is, a new agenda item in view, the way back to a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-action-items-view.h"
#include "icat-agencies-view.h"
#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

#define N_AGENDA 14

static char *test_program;

/* A meeting with a long agenda, so that its last items are below the
 * editor's first screen. Item i has the id ...0000000000<i+10>. */
static char *
save_long_meeting (IcatStore *store)
{
  g_autoptr(GString) json = g_string_new (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Vienna\"},"
    " \"starts_at\": \"2030-03-02T08:00:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\","
    " \"venue\": \"Vienna\", \"agenda\": [");
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  for (guint i = 0; i < N_AGENDA; i++)
    g_string_append_printf (json, "%s{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-0000000000%02u\", \"position\": %u,"
                            " \"title\": \"Item %u\", \"minutes\": \"Minutes of item %u.\\nDiscussed at length.\"}",
                            i > 0 ? "," : "", i + 10, i, i + 1, i + 1);
  g_string_append (json, "]}");
  meeting = icat_test_object (json->str);
  id = icat_store_save (store, "meeting", meeting, &error);
  g_assert_no_error (error);
  return id;
}

static IcatMeetingEditor *
open_meeting (IcatWindow *window,
              const char *id)
{
  GtkWidget *view = icat_test_show_section (window, "meetings", ICAT_TYPE_MEETINGS_VIEW);

  icat_meetings_view_show_meeting (ICAT_MEETINGS_VIEW (view), id);
  return ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (ICAT_MEETINGS_VIEW (view)));
}

static void
new_agenda_item_test (IcatWindow *window,
                      IcatStore  *store,
                      gpointer    data)
{
  g_autofree char *id = save_long_meeting (store);
  IcatMeetingEditor *editor = open_meeting (window, id);

  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (editor), ==, N_AGENDA);
  /* The first screen shows the first items, not the last. */
  g_assert_false (icat_test_agenda_item_in_view (editor, GUINT_TO_POINTER (N_AGENDA - 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-agenda-item", NULL));
  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (editor), ==, N_AGENDA + 1);
  icat_test_wait_until (icat_test_agenda_item_in_view, editor, GUINT_TO_POINTER (N_AGENDA), 10);
}

static void
test_new_agenda_item (void)
{
  icat_test_run_app (new_agenda_item_test, NULL);
}

static gboolean
in_section (gpointer      data,
            gconstpointer section)
{
  return g_strcmp0 (icat_window_get_section (data), section) == 0;
}

/* The mapped button below root labelled label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
button_shown (gpointer      root,
              gconstpointer label)
{
  return find_button (root, label) != NULL;
}

static guint
count_rows (IcatStore  *store,
            const char *sql)
{
  g_autofree char *count = icat_test_query_text (_icat_store_get_read_db (store), sql);

  return (guint) g_ascii_strtoull (count, NULL, 10);
}

static void
back_to_meeting_test (IcatWindow *window,
                      IcatStore  *store,
                      gpointer    data)
{
  g_autofree char *id = save_long_meeting (store);
  IcatMeetingEditor *editor = open_meeting (window, id);
  GtkWidget *last = _icat_meeting_editor_get_agenda_item (editor, N_AGENDA - 1);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM action_item WHERE meeting = '%s'"
                                          " AND agenda_item = '0b8c1f3e-5d7a-4c2b-9e6f-0000000000%02u'",
                                          id, N_AGENDA - 1 + 10);

  /* "New action item" on the last agenda item: the action item is made
   * and shown in its own section. */
  g_signal_emit_by_name (icat_test_find_named (last, "agenda-new-action-item"), "clicked");
  icat_test_wait_until (in_section, window, "action-items", 10);
  icat_test_wait_saved (store);
  g_assert_cmpuint (count_rows (store, sql), ==, 1);

  /* The toast leads back to the meeting, at that agenda item. */
  icat_test_wait_until (button_shown, window, "_Back to Meeting", 10);
  g_signal_emit_by_name (find_button (GTK_WIDGET (window), "_Back to Meeting"), "clicked");
  icat_test_wait_until (in_section, window, "meetings", 10);
  g_assert_cmpstr (icat_meeting_editor_get_meeting_id (editor), ==, id);
  icat_test_wait_until (icat_test_agenda_item_in_view, editor, GUINT_TO_POINTER (N_AGENDA - 1), 10);
}

static void
test_back_to_meeting (void)
{
  icat_test_run_app (back_to_meeting_test, NULL);
}

/* The first widget of type below root that a person could focus. */
static GtkWidget *
find_focusable (GtkWidget *root,
                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      gtk_widget_get_focusable (root) && gtk_widget_is_sensitive (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_focusable (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
window_active (gpointer      window,
               gconstpointer unused)
{
  return gtk_window_is_active (window);
}

/* Alt+digit pressed on the X server, with the focus on widget. */
static void
press_alt (IcatTestKeyboard *kb,
           GtkWidget        *widget,
           const char       *digit)
{
  const char * const keys[] = { "Alt_L", digit, NULL };
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (widget));
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
  icat_test_keyboard_press (kb, keys);
}

/* Keys pressed on the X server, with the focus on widget. */
static void
press_keys (IcatTestKeyboard   *kb,
            GtkWidget          *widget,
            const char * const *keys)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  icat_test_keyboard_press (kb, keys);
}

/* The popover is open, and the window's focus inside it. */
static gboolean
focus_in_popover (gpointer      popover,
                  gconstpointer unused)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));

  return gtk_widget_get_mapped (popover) && focus != NULL &&
         GTK_WIDGET (gtk_widget_get_native (focus)) == GTK_WIDGET (popover);
}

static void
alt_keys_test (IcatWindow *window,
               IcatStore  *store,
               gpointer    data)
{
  IcatTestKeyboard *kb = data;
  GtkWidget *view = icat_test_show_section (window, "action-items", ICAT_TYPE_ACTION_ITEMS_VIEW);
  GtkWidget *dropdown = icat_test_find_type (view, GTK_TYPE_DROP_DOWN);
  const char * const space[] = { "space", NULL };
  const char * const alt_2[] = { "Alt_L", "2", NULL };
  GtkWidget *meetings;
  GtkWidget *button;
  GtkWidget *popover;

  icat_test_keyboard_focus_widget (kb, GTK_WIDGET (window));
  icat_test_wait_until (window_active, window, NULL, 10);

  /* On a dropdown of the Action items filters. */
  g_assert_nonnull (dropdown);
  press_alt (kb, find_focusable (dropdown, GTK_TYPE_BUTTON), "2");
  icat_test_wait_until (in_section, window, "meetings", 10);

  meetings = icat_test_find_type (GTK_WIDGET (window), ICAT_TYPE_MEETINGS_VIEW);
  /* On a button of the Meetings section. */
  button = find_focusable (meetings, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  press_alt (kb, button, "7");
  icat_test_wait_until (in_section, window, "agencies", 10);

  /* And back, from a button of the Agencies section. */
  button = find_focusable (icat_test_find_type (GTK_WIDGET (window), ICAT_TYPE_AGENCIES_VIEW), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  press_alt (kb, button, "3");
  icat_test_wait_until (in_section, window, "action-items", 10);

  /* With the dropdown's list open: the list closes on the way. */
  popover = icat_test_find_type (dropdown, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  press_keys (kb, find_focusable (dropdown, GTK_TYPE_BUTTON), space);
  icat_test_wait_until (focus_in_popover, popover, NULL, 10);
  icat_test_keyboard_press (kb, alt_2);
  icat_test_wait_until (in_section, window, "meetings", 10);
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
test_alt_keys (void)
{
  icat_test_run_app_with_keys (test_program, "/window/keys/alt-sections", "ICAT_TEST_ALT_KEYS_CHILD", alt_keys_test);
}

int
main (int    argc,
      char **argv)
{
  test_program = argv[0];
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/keys/alt-sections", test_alt_keys);
  g_test_add_func ("/window/agenda/new-item-in-view", test_new_agenda_item);
  g_test_add_func ("/window/agenda/back-to-meeting", test_back_to_meeting);
  return g_test_run ();
}
