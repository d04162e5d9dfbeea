/* icat-test-meetings.c — the Meetings section's test fixture
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window holding the meetings view on a new database, the toasts it
 * would show, and ways to read back what was saved; shared by
 * test-meetings-view.c and test-meeting-input.c.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          Fixture       *f)
{
  /* In the log as it happens, so a wait that times out shows why. */
  g_test_message ("toast: %s", g_variant_get_string (parameter, NULL));
  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

static void
export_record_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  Fixture       *f)
{
  g_ptr_array_add (f->exported, g_variant_dup_string (parameter, NULL));
}

static void
show_action_item_cb (IcatMeetingsView *view,
                     const char       *id,
                     Fixture          *f)
{
  g_ptr_array_add (f->action_items, g_strdup (id));
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) export = g_simple_action_new ("export-meeting-record", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) withdraw = g_simple_action_new ("withdraw-undo", NULL);
  const char * const names[] = { "toast", "toast-undo" };

  f->dir = icat_test_tmpdir_new ();
  f->store = icat_test_store_new (f->dir, NULL);
  f->settings = g_settings_new (APP_ID);
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->action_items = g_ptr_array_new_with_free_func (g_free);
  f->exported = g_ptr_array_new_with_free_func (g_free);
  /* The window's action, which the editor's menu targets at its meeting. */
  g_signal_connect (export, "activate", G_CALLBACK (export_record_cb), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (export));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (withdraw));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (toast_cb), f);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  f->view = ICAT_MEETINGS_VIEW (icat_meetings_view_new (f->store, f->settings));
  f->editor = ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (f->view));
  g_signal_connect (f->view, "show-action-item", G_CALLBACK (show_action_item_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GPtrArray *watched = icat_test_watch_widgets (f->window);

  g_assert_cmpuint (watched->len, >=, 2);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Edits flushed on the way out are written; their answers come back. */
  icat_test_wait_saved (f->store);
  /* The view and its editor went with the window. */
  icat_test_assert_finalized (watched);
  icat_test_finalize_store (f->store);
  g_clear_object (&f->settings);
  g_ptr_array_unref (f->toasts);
  g_ptr_array_unref (f->action_items);
  g_ptr_array_unref (f->exported);
  icat_test_tmpdir_free (f->dir);
}

JsonObject *
read_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const char *id = icat_meeting_editor_get_meeting_id (f->editor);
  JsonObject *meeting;

  g_assert_nonnull (id);
  meeting = icat_store_read (f->store, "meeting", id, &error);
  g_assert_no_error (error);
  return meeting;
}

gboolean
meeting_open (Fixture       *f,
              gconstpointer  data)
{
  return icat_meeting_editor_get_meeting_id (f->editor) != NULL &&
         g_strcmp0 (icat_meeting_editor_get_meeting_id (f->editor), data) != 0;
}

gboolean
stored_title_is (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *title = json_object_get_object_member (meeting, "title");

  return g_strcmp0 (json_object_get_string_member_with_default (title, "en", NULL), data) == 0;
}

/* A JSON text of a field, to compare whole lists at once. */
char *
stored_field (Fixture    *f,
              const char *field)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonNode *node = json_object_get_member (meeting, field);

  return node ? json_to_string (node, FALSE) : g_strdup ("null");
}

gboolean
stored_field_is (Fixture       *f,
                 gconstpointer  data)
{
  const Expected *expected = data;
  g_autofree char *text = stored_field (f, expected->field);
  g_autoptr(JsonNode) want = json_from_string (expected->json, NULL);
  g_autoptr(JsonNode) have = json_from_string (text, NULL);

  g_assert_nonnull (want);
  return json_node_equal (want, have);
}

char *
new_meeting (Fixture *f)
{
  const char *before = icat_meeting_editor_get_meeting_id (f->editor);
  g_autofree char *previous = g_strdup (before);

  icat_meetings_view_new_meeting (f->view);
  icat_test_wait_until (meeting_open, f, previous, 10);
  return g_strdup (icat_meeting_editor_get_meeting_id (f->editor));
}

GtkWidget *
agenda_part (Fixture    *f,
             guint       index,
             const char *name)
{
  GtkWidget *item = _icat_meeting_editor_get_agenda_item (f->editor, index);
  GtkWidget *part;

  g_assert_nonnull (item);
  part = icat_test_find_named (item, name);
  g_assert_nonnull (part);
  return part;
}

void
add_agenda_item (Fixture    *f,
                 const char *title,
                 const char *minutes)
{
  guint n = _icat_meeting_editor_get_n_agenda (f->editor);
  GtkTextBuffer *buffer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-agenda-item", NULL));
  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (f->editor), ==, n + 1);
  gtk_editable_set_text (GTK_EDITABLE (agenda_part (f, n, "agenda-title")), title);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, n, "agenda-minutes")));
  /* Typed a piece at a time, as during a meeting. */
  for (const char *word = minutes; *word != '\0'; word = g_utf8_next_char (word))
    gtk_text_buffer_insert_at_cursor (buffer, word, g_utf8_next_char (word) - word);
}

gboolean
agenda_is (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonArray *agenda = json_object_get_array_member (meeting, "agenda");
  const char * const *expected = data;
  guint n = 0;

  for (; expected[n * 2] != NULL; n++)
    {
      JsonObject *item;

      if (n >= json_array_get_length (agenda))
        return FALSE;
      item = json_array_get_object_element (agenda, n);
      if (json_object_get_int_member (item, "position") != n ||
          g_strcmp0 (json_object_get_string_member (item, "title"), expected[n * 2]) != 0 ||
          g_strcmp0 (json_object_get_string_member_with_default (item, "minutes", NULL), expected[n * 2 + 1]) != 0)
        return FALSE;
    }
  return n == json_array_get_length (agenda);
}

gboolean
toast_shown (Fixture       *f,
             gconstpointer  data)
{
  for (guint i = 0; i < f->toasts->len; i++)
    if (strstr (f->toasts->pdata[i], data) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
agenda_widgets_are (Fixture       *f,
                    gconstpointer  data)
{
  return _icat_meeting_editor_get_n_agenda (f->editor) == GPOINTER_TO_UINT (data);
}

/* A row of the editor's top group by the start of its title ("Date",
 * "Start time"); the rows of "what is wrong" lines come and go between. */
GtkWidget *
row_titled (Fixture    *f,
            const char *prefix)
{
  GtkWidget *when = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-when");

  for (GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_parent (when)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), prefix))
      return row;
  g_assert_not_reached ();
}

char *
open_stored_meeting (Fixture    *f,
                     const char *json)
{
  g_autoptr(JsonObject) meeting = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, "meeting", meeting, &error);
  IcatRecord *selected;

  g_assert_no_error (error);
  icat_meetings_view_show_meeting (f->view, id);
  g_assert_cmpstr (icat_meeting_editor_get_meeting_id (f->editor), ==, id);
  /* Its row is selected too, found without reading the list. */
  selected = gtk_single_selection_get_selected_item (_icat_meetings_view_get_selection (f->view));
  g_assert_nonnull (selected);
  g_assert_cmpstr (icat_record_get_id (selected), ==, id);
  return id;
}

/* The environment changes only while no other thread runs (setenv is not
 * thread-safe): before the store starts its writer, after it is gone. */
void
language_set_up (Fixture       *f,
                 gconstpointer  data)
{
  icat_test_set_language (data);
  fixture_set_up (f, NULL);
}

void
language_tear_down (Fixture       *f,
                    gconstpointer  data)
{
  fixture_tear_down (f, NULL);
  icat_test_set_language (NULL);
}

void
chinese_set_up (Fixture       *f,
                gconstpointer  data)
{
  language_set_up (f, "zh_CN");
}

void
chinese_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  language_tear_down (f, NULL);
}

gboolean
action_items_shown (Fixture       *f,
                    gconstpointer  data)
{
  return f->action_items->len == GPOINTER_TO_UINT (data);
}

JsonObject *
read_action_item (Fixture    *f,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *item = icat_store_read (f->store, "action_item", id, &error);

  g_assert_no_error (error);
  return item;
}
