/* test-history-window.c — a record's History, opened from its editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole app on a database of its own: a meeting edited twice, its
 * History opened from the meeting editor's menu, the changes shown newest
 * first, and "Restore This Version" putting an earlier value back in the
 * database; an approved meeting opens on its changes since approval.
 */
#include "config.h"

#include <adwaita.h>

#include "icat-history-approval-note.h"
#include "icat-history-private.h"
#include "icat-history-window.h"
#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

typedef struct {
  IcatWindow        *window;
  IcatStore         *store;
  char              *id;
  IcatHistoryWindow *history;
} Fixture;

/* Another record's save: the journal combines saves of the same rows a
 * few minutes apart until they are shared, so one comes between. */
static void
save_other (Fixture *f)
{
  g_autoptr(JsonObject) changes = icat_test_object ("{\"kind\": \"working-group\", \"title\": {\"en\": \"Other\"}, "
                                                     "\"starts_at\": \"2027-04-01T09:00:00.000Z\", "
                                                     "\"date_precision\": \"day\", \"timezone\": \"UTC\"}");
  g_autofree char *id = icat_store_save (f->store, "meeting", changes, NULL);

  g_assert_nonnull (id);
}

static void
save (Fixture    *f,
      const char *json)
{
  g_autoptr(JsonObject) changes = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (f->id != NULL)
    json_object_set_string_member (changes, "id", f->id);
  id = icat_store_save (f->store, "meeting", changes, &error);
  g_assert_no_error (error);
  if (f->id == NULL)
    f->id = g_steal_pointer (&id);
}

/* The meeting editor's "History" item: win.show-history with "meeting/id". */
static void
open_history_from_menu (Fixture *f)
{
  GtkWidget *editor;
  GtkMenuButton *menu;
  GMenuModel *model;
  g_autofree char *expected = g_strconcat ("meeting/", f->id, NULL);
  guint found = 0;

  icat_test_show_section (f->window, "meetings", ICAT_TYPE_MEETINGS_VIEW);
  icat_window_show_record (f->window, "meeting", f->id);
  editor = icat_test_find_type (GTK_WIDGET (f->window), ICAT_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  menu = GTK_MENU_BUTTON (icat_test_find_named (editor, "meeting-menu"));
  model = gtk_menu_button_get_menu_model (menu);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          if (g_strcmp0 (action, "win.show-history") != 0)
            continue;
          found++;
          target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET, NULL);
          g_assert_cmpstr (g_variant_get_string (target, NULL), ==, expected);
          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (menu), action, target));
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

static gboolean
history_shown (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL && f->history == NULL; l = l->next)
    if (ICAT_IS_HISTORY_WINDOW (l->data))
      f->history = l->data;
  return f->history != NULL && !icat_history_window_is_loading (f->history);
}

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  guint count = g_strcmp0 (gtk_widget_get_name (root), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count += count_named (child, name);
  return count;
}

static gboolean
note_is (Fixture       *f,
         gconstpointer  text)
{
  g_autoptr(JsonObject) meeting = icat_store_read (f->store, "meeting", f->id, NULL);

  return g_strcmp0 (json_object_get_string_member_with_default (meeting, "note", NULL), text) == 0;
}

static gboolean
shows_changes (Fixture       *f,
               gconstpointer  count)
{
  GtkStack *stack = GTK_STACK (icat_test_find_type (GTK_WIDGET (f->history), GTK_TYPE_STACK));

  return !icat_history_window_is_loading (f->history) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") == 0 &&
         count_named (GTK_WIDGET (f->history), "history-changes") == GPOINTER_TO_UINT (count);
}

/* The index-th change shown, newest first. */
static GtkWidget *
nth_entry (Fixture *f,
           guint    index)
{
  GtkWidget *list = icat_test_find_named (GTK_WIDGET (f->history), "history-changes");
  GtkWidget *entry = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (list)));

  for (guint i = 0; i < index && entry != NULL; i++)
    entry = gtk_widget_get_next_sibling (entry);
  g_assert_nonnull (entry);
  return entry;
}

/* The restore button of field in a change. */
static GtkWidget *
restore_button (GtkWidget  *entry,
                const char *field)
{
  GtkWidget *list = icat_test_find_named (entry, "history-changes");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = icat_test_find_named (row, "history-restore");

      if (button != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (button), "field"), field) == 0)
        return button;
    }
  return NULL;
}

static void
close_history (Fixture *f)
{
  icat_test_wait_until (history_shown, f, NULL, 10);
  gtk_window_destroy (GTK_WINDOW (f->history));
  f->history = NULL;
}

static void
restore_test (IcatWindow *window,
              IcatStore  *store,
              gpointer    data)
{
  Fixture f = { window, store, NULL, NULL };
  GtkWidget *restore;

  save (&f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
            "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", "
            "\"timezone\": \"Europe/Vienna\", \"note\": \"Agreed agenda\"}");
  save_other (&f);
  save (&f, "{\"note\": \"Quorum reached\"}");
  open_history_from_menu (&f);
  icat_test_wait_until (history_shown, &f, NULL, 10);
  icat_test_wait_until (shows_changes, &f, GUINT_TO_POINTER (2), 10);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f.history)) == GTK_WINDOW (window));

  /* Newest first: the note's change, whose version is the note as it is
   * (nothing to restore); the creation's is "Agreed agenda". */
  g_assert_null (restore_button (nth_entry (&f, 0), "note"));
  restore = restore_button (nth_entry (&f, 1), "note");
  g_assert_nonnull (gtk_widget_get_tooltip_text (restore));
  g_assert_nonnull (restore);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (restore), "value"), ==, "\"Agreed agenda\"");
  save_other (&f);
  g_signal_emit_by_name (restore, "clicked");
  icat_test_wait_until (note_is, &f, "Agreed agenda", 10);
  /* The restore is a change of its own, shown at the top. */
  icat_test_wait_until (shows_changes, &f, GUINT_TO_POINTER (3), 10);

  /* Undo from the toast puts the note back as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.history), "history.undo", NULL));
  icat_test_wait_until (note_is, &f, "Quorum reached", 10);
  close_history (&f);
  g_free (f.id);
}

static gboolean
approval_shown (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *since = icat_test_find_type (GTK_WIDGET (f->history), GTK_TYPE_TOGGLE_BUTTON);

  return since != NULL && gtk_widget_get_visible (gtk_widget_get_parent (since)) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (since)), data) == 0;
}

static gboolean
note_counts (GtkWidget     *note,
             gconstpointer  count)
{
  return gtk_widget_get_visible (note) &&
         icat_history_approval_note_get_count (ICAT_HISTORY_APPROVAL_NOTE (note)) == GPOINTER_TO_UINT (count);
}

static void
approval_test (IcatWindow *window,
               IcatStore  *store,
               gpointer    data)
{
  Fixture f = { window, store, NULL, NULL };
  GtkWidget *since;
  GtkWidget *all;
  GtkWidget *note;
  GtkWidget *label;

  save (&f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
            "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", "
            "\"timezone\": \"Europe/Vienna\", \"note\": \"Agreed agenda\"}");
  save_other (&f);
  save (&f, "{\"record_status\": \"approved\", \"approved_on\": \"2027-03-02\"}");
  save_other (&f);
  save (&f, "{\"venue\": \"Vienna International Centre\"}");
  open_history_from_menu (&f);
  icat_test_wait_until (history_shown, &f, NULL, 10);
  icat_test_wait_until (approval_shown, &f, "Changes Since Approval (1)", 10);
  icat_test_wait_until (shows_changes, &f, GUINT_TO_POINTER (1), 10);

  /* All changes: the creation and the approval too. */
  since = icat_test_find_type (GTK_WIDGET (f.history), GTK_TYPE_TOGGLE_BUTTON);
  all = gtk_widget_get_next_sibling (since);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
  icat_test_wait_until (shows_changes, &f, GUINT_TO_POINTER (3), 10);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (since), TRUE);
  icat_test_wait_until (shows_changes, &f, GUINT_TO_POINTER (1), 10);
  close_history (&f);

  /* The editor says so under the record's status, and counts on. */
  note = icat_test_find_named (icat_test_find_type (GTK_WIDGET (window), ICAT_TYPE_MEETING_EDITOR),
                               "history-approval-note");
  g_assert_nonnull (note);
  icat_test_wait_until (note_counts, note, GUINT_TO_POINTER (1), 10);
  label = icat_test_find_type (note, GTK_TYPE_LABEL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Changed after approval: 1 change"));
  save_other (&f);
  save (&f, "{\"note\": \"Corrected after the meeting\"}");
  icat_test_wait_until (note_counts, note, GUINT_TO_POINTER (2), 10);
  g_free (f.id);
}

/* How values and times read, without a window (TZ is UTC in the tests). */
static void
test_words (void)
{
  g_autofree char *changed = _icat_history_short_change ("Vienna", "New York");
  g_autofree char *emptied = _icat_history_short_change ("Vienna", NULL);
  g_autofree char *filled = _icat_history_short_change (NULL, "Vienna");
  g_autofree char *time = _icat_history_format_time ("2027-03-01T09:05:00.000Z");
  g_autofree char *no_time = _icat_history_format_time (NULL);
  g_autofree char *bad_time = _icat_history_format_time ("yesterday");

  g_assert_cmpstr (changed, ==, "Vienna → New York");
  g_assert_cmpstr (emptied, ==, "Vienna → (empty)");
  g_assert_cmpstr (filled, ==, "(empty) → Vienna");
  g_assert_cmpstr (time, ==, "1 March 2027, 09:05");
  g_assert_cmpstr (no_time, ==, "");
  g_assert_cmpstr (bad_time, ==, "yesterday");
}

static void
test_restore (void)
{
  icat_test_run_app (restore_test, NULL);
}

static void
test_approval (void)
{
  icat_test_run_app (approval_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history-window/words", test_words);
  g_test_add_func ("/history-window/restore", test_restore);
  g_test_add_func ("/history-window/approval", test_approval);

  return g_test_run ();
}
