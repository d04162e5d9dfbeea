/* test-meeting-input.c — the meeting editor with input a person gets wrong
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An end before the start, a day that does not exist, an empty title, an
 * agenda item without one, and Ctrl+Z pressed right after a removal: each
 * said in words or undone, and the database checked.
 */
#include "config.h"

#include "icat-editor-util.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

static gboolean
field_is_null (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = stored_field (f, data);

  return g_str_equal (text, "null");
}

/* An end before the start is said in words next to the end, and no end is
 * saved; ending on a later day is a choice of its own. */
static void
test_end_before_start (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  Expected ten = { "starts_at", "\"2030-01-15T09:00:00.000Z\"" };
  Expected next_day = { "ends_at", "\"2030-01-16T07:00:00.000Z\"" };
  Expected several = { "multi_day", "true" };
  GtkWidget *end = row_titled (f, "End time");
  GtkWidget *end_date = row_titled (f, "End date");
  GtkWidget *several_days = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-multi-day");
  GtkSwitch *toggle = GTK_SWITCH (icat_test_find_type (several_days, GTK_TYPE_SWITCH));
  g_autoptr(JsonObject) meeting = NULL;

  /* Vienna: 10:00 local is 09:00 UTC in January. */
  gtk_editable_set_text (GTK_EDITABLE (row_titled (f, "Date")), "2030-01-15");
  gtk_editable_set_text (GTK_EDITABLE (row_titled (f, "Start time")), "10:00");
  gtk_editable_set_text (GTK_EDITABLE (end), "08:00");
  g_assert_cmpstr (icat_row_get_problem (end), ==, "The meeting ends before it starts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end)), ==, "08:00");
  icat_test_wait_until (stored_field_is, f, &ten, 10);
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  g_assert_true (field_is_null (f, "ends_at"));
  meeting = read_meeting (f);
  g_assert_false (json_object_get_boolean_member (meeting, "multi_day"));

  /* "Lasts several days", ending the next morning: saved as that day. */
  g_assert_false (gtk_widget_get_visible (end_date));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (gtk_widget_get_visible (end_date));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_date)), ==, "2030-01-16");
  g_assert_null (icat_row_get_problem (end));
  icat_test_wait_until (stored_field_is, f, &next_day, 10);
  icat_test_wait_until (stored_field_is, f, &several, 10);

  /* An end date before the start is said there. */
  gtk_editable_set_text (GTK_EDITABLE (end_date), "2030-01-14");
  g_assert_cmpstr (icat_row_get_problem (end_date), ==, "The meeting ends before it starts");
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  g_assert_true (stored_field_is (f, &next_day));
}

/* A date that does not exist and an empty title are said in words next to
 * their fields and stay on screen; choosing another meeting tells, in a
 * toast, what was not saved and why. */
static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = new_meeting (f);
  g_autofree char *second = NULL;
  GtkWidget *date = row_titled (f, "Date");
  GtkWidget *title = GTK_WIDGET (_icat_meeting_editor_get_title (f->editor));
  g_autofree char *stored_date = stored_field (f, "starts_at");
  Expected unchanged = { "starts_at", stored_date };

  gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
  g_assert_cmpstr (icat_row_get_problem (date), ==, "February 2026 has 28 days");
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  g_assert_cmpstr (icat_row_get_problem (title), ==, "A title is needed");
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  g_assert_true (stored_field_is (f, &unchanged));
  g_assert_true (stored_title_is (f, "New meeting"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-02-30");
  g_assert_cmpuint (f->toasts->len, ==, 0);

  /* Fixing the title saves it; the date still waits. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Briefing");
  g_assert_null (icat_row_get_problem (title));
  icat_test_wait_until (stored_title_is, f, "Briefing", 10);

  /* Leaving says what was not saved. */
  second = new_meeting (f);
  g_assert_true (toast_shown (f, "The date of “Briefing” was not saved: February 2026 has 28 days"));
  g_assert_null (icat_row_get_problem (date));
}

/* A blank agenda title is never saved as a placeholder. The format needs a
 * title, so a blanked item keeps the one it had, and a new item waits for
 * one; the row says so in words, and nothing reads "Untitled item". */
static void
test_agenda_untitled (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  const char * const kept[] = { "Welcome", "Opened at 10:05.", NULL };
  const char * const both[] = { "Welcome", "Opened at 10:05.", "Budget", "Approved.", NULL };
  GtkWidget *title;
  GtkTextBuffer *minutes;
  g_autofree char *agenda = NULL;
  g_autoptr(GError) error = NULL;

  add_agenda_item (f, "Welcome", "Opened at 10:05.");
  icat_test_wait_until (agenda_is, f, kept, 10);

  /* Blanked: the stored title stays, the row says why. */
  title = agenda_part (f, 0, "agenda-title");
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  g_assert_cmpstr (icat_row_get_problem (title), ==, "A title is needed to save this agenda item");
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  g_assert_true (agenda_is (f, kept));
  gtk_editable_set_text (GTK_EDITABLE (title), "Welcome");
  g_assert_null (icat_row_get_problem (title));

  /* A new item with minutes and no title is not saved yet, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-agenda-item", NULL));
  title = agenda_part (f, 1, "agenda-title");
  g_assert_null (icat_row_get_problem (title));
  minutes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, 1, "agenda-minutes")));
  gtk_text_buffer_insert_at_cursor (minutes, "Approved.", -1);
  g_assert_cmpstr (icat_row_get_problem (title), ==, "A title is needed to save this agenda item");
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  g_assert_true (agenda_is (f, kept));
  agenda = stored_field (f, "agenda");
  g_assert_null (strstr (agenda, "Untitled"));
  /* Titled, it is saved with what was typed in it before. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Budget");
  icat_test_wait_until (agenda_is, f, both, 10);
  g_assert_null (icat_row_get_problem (title));

  /* An untitled item on screen when an undo brings the agenda back is
   * not dropped without a word. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-agenda-item", NULL));
  minutes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, 2, "agenda-minutes")));
  gtk_text_buffer_insert_at_cursor (minutes, "Any other business.", -1);
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
  /* The newest change is that save, which left the agenda as it was; the
   * one before it added "Budget". */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (icat_store_undo (f->store, &error));
      g_assert_no_error (error);
    }
  icat_test_wait_until (agenda_widgets_are, f, GUINT_TO_POINTER (1), 10);
  g_assert_true (agenda_is (f, kept));
  g_assert_true (toast_shown (f, "was not saved: A title is needed to save this agenda item"));
}

/* Deleting an agenda item and pressing Ctrl+Z at once, with real keys in
 * the app's window: the deletion is undone wherever the focus went, no
 * title is blanked, the editor shows what the database holds, and what is
 * typed afterwards is saved. */

static const char *undo_keys_meeting =
  "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"},"
  " \"starts_at\": \"2030-03-10T09:00:00.000Z\", \"date_precision\": \"minute\","
  " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"agenda\": ["
  "{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e71\", \"position\": 0, \"title\": \"Opening\", \"minutes\": \"Opened.\"},"
  "{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e72\", \"position\": 1, \"title\": \"Work plan\", \"minutes\": \"Adopted.\"},"
  "{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e73\", \"position\": 2, \"title\": \"Other business\", \"minutes\": \"None.\"}]}";

static gboolean
window_mapped (Fixture       *f,
               gconstpointer  data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
window_active (Fixture       *f,
               gconstpointer  data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static void
press_ctrl_z (IcatTestKeyboard *kb)
{
  const char * const ctrl_z[] = { "Control_L", "z", NULL };

  icat_test_keyboard_press (kb, ctrl_z);
}

static void
remove_third_item (Fixture    *f,
                   GtkWidget  *window)
{
  const char * const two[] = { "Opening", "Opened.", "Work plan", "Adopted.", NULL };
  GtkWidget *remove = agenda_part (f, 2, "agenda-remove");
  GtkWidget *focus;

  /* As a click does: the button takes the focus, then is clicked. */
  gtk_widget_grab_focus (remove);
  g_signal_emit_by_name (remove, "clicked");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus));
  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (f->editor), ==, 2);
  icat_test_wait_until (agenda_is, f, two, 10);
}

static void
undo_keys_test (IcatWindow *window,
                IcatStore  *store,
                gpointer    data)
{
  IcatTestKeyboard *kb = data;
  const char * const three[] = { "Opening", "Opened.", "Work plan", "Adopted.", "Other business", "None.", NULL };
  const char * const typed[] = { "Opening", "Opened.", "Work plan", "Adopted.", "Other business", "None. Closed.", NULL };
  g_autoptr(JsonObject) meeting = icat_test_object (undo_keys_meeting);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (store, "meeting", meeting, &error);
  Fixture f = { NULL };
  GtkTextBuffer *minutes;

  g_assert_no_error (error);
  f.store = store;
  f.toasts = g_ptr_array_new_with_free_func (g_free);
  f.view = ICAT_MEETINGS_VIEW (icat_test_show_section (window, "meetings", ICAT_TYPE_MEETINGS_VIEW));
  f.editor = ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (f.view));
  icat_meetings_view_show_meeting (f.view, id);
  /* Keys go to it once the X server has given it the focus. */
  icat_test_wait_until (window_mapped, &f, window, 10);
  icat_test_keyboard_focus_widget (kb, GTK_WIDGET (window));
  icat_test_wait_until (window_active, &f, window, 10);

  /* The bin, then Ctrl+Z at once: the focus is on no text field. */
  remove_third_item (&f, GTK_WIDGET (window));
  press_ctrl_z (kb);
  icat_test_wait_until (agenda_widgets_are, &f, GUINT_TO_POINTER (3), 10);
  icat_test_wait_until (agenda_is, &f, three, 10);

  /* While the toast shows, Ctrl+Z in a field undoes the deletion too;
   * the field's text is left alone. */
  remove_third_item (&f, GTK_WIDGET (window));
  gtk_widget_grab_focus (agenda_part (&f, 1, "agenda-title"));
  press_ctrl_z (kb);
  icat_test_wait_until (agenda_widgets_are, &f, GUINT_TO_POINTER (3), 10);
  icat_test_wait_until (agenda_is, &f, three, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agenda_part (&f, 1, "agenda-title"))), ==, "Work plan");

  /* What is typed after the undo is saved. */
  minutes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (&f, 2, "agenda-minutes")));
  gtk_text_buffer_insert_at_cursor (minutes, " Closed.", -1);
  icat_test_wait_until (agenda_is, &f, typed, 10);
  g_ptr_array_unref (f.toasts);
}

static char *test_program;

static void
test_undo_keys (void)
{
  icat_test_run_app_with_keys (test_program, "/meetings/agenda/undo-keys", "ICAT_TEST_UNDO_KEYS_CHILD", undo_keys_test);
}

int
main (int    argc,
      char **argv)
{
  test_program = argv[0];
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/meetings/end-before-start", Fixture, NULL, fixture_set_up, test_end_before_start, fixture_tear_down);
  g_test_add ("/meetings/invalid-input", Fixture, NULL, fixture_set_up, test_invalid_input, fixture_tear_down);
  g_test_add ("/meetings/agenda/untitled", Fixture, NULL, fixture_set_up, test_agenda_untitled, fixture_tear_down);
  g_test_add_func ("/meetings/agenda/undo-keys", test_undo_keys);
  return g_test_run ();
}
