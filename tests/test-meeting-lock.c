/* test-meeting-lock.c — approved minutes are read-only until reopened
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An approved meeting's agenda, minutes, decisions and attendance cannot
 * be changed in the editor — the widgets say so, and trying anyway leaves
 * the database as it was — until "Reopen Record", confirmed, sets the
 * record back to circulated with the day of the reopening.
 */
#include "config.h"

#include <string.h>

#include "icat-format.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-today.h"

#define AGENDA_ITEM_ID "0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e6f"
#define DECISION_ID    "1c9d2f4e-6e8b-4d3c-8f7a-2b3c4d5e6f70"

static char *
open_approved (Fixture    *f,
               const char *unodc)
{
  g_autofree char *json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, \"starts_at\": \"2026-04-20T09:00:00.000Z\","
    " \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
    " \"record_status\": \"approved\", \"circulated_on\": \"2026-04-24\", \"approved_on\": \"2026-05-03\","
    " \"agenda\": [{\"id\": \"" AGENDA_ITEM_ID "\", \"position\": 0, \"title\": \"Issue brief\","
    " \"minutes\": \"Endorsed as drafted.\"}],"
    " \"decisions\": [{\"id\": \"" DECISION_ID "\", \"number\": 1, \"text\": \"Publish the issue brief\"}],"
    " \"attendance\": [{\"agency\": \"%s\", \"present\": true}]}", unodc);

  return open_stored_meeting (f, json);
}

static const char *
lock_line (Fixture *f)
{
  GtkWidget *box = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-lock");

  g_assert_nonnull (box);
  if (!gtk_widget_get_visible (box))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return gtk_label_get_label (GTK_LABEL (child));
  g_assert_not_reached ();
}

/* The three lists as stored, as one text to compare. */
static char *
locked_fields (Fixture *f)
{
  g_autofree char *agenda = stored_field (f, "agenda");
  g_autofree char *decisions = stored_field (f, "decisions");
  g_autofree char *attendance = stored_field (f, "attendance");

  return g_strjoin ("\n", agenda, decisions, attendance, NULL);
}

static void
assert_agenda_editable (Fixture  *f,
                        gboolean  editable)
{
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (agenda_part (f, 0, "agenda-title"))) == editable);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (agenda_part (f, 0, "agenda-minutes"))) == editable);
  g_assert_true (gtk_widget_get_sensitive (agenda_part (f, 0, "agenda-presenter")) == editable);
  g_assert_true (gtk_widget_get_visible (agenda_part (f, 0, "agenda-remove")) == editable);
  g_assert_true (gtk_widget_get_visible (agenda_part (f, 0, "agenda-move-up")) == editable);
  g_assert_true (gtk_widget_get_visible (agenda_part (f, 0, "agenda-link-mandate")) == editable);
  g_assert_true (gtk_widget_get_visible (agenda_part (f, 0, "agenda-drag-handle")) == editable);
  /* Whether the item continues at the next meeting is part of the agenda too. */
  g_assert_true (gtk_widget_get_sensitive (adw_action_row_get_activatable_widget (
                   ADW_ACTION_ROW (agenda_part (f, 0, "agenda-continue-next")))) == editable);
  /* A new action item is a record of its own: always offered. */
  g_assert_true (gtk_widget_get_visible (agenda_part (f, 0, "agenda-new-action-item")));
}

static void
assert_lists_editable (Fixture    *f,
                       const char *unodc,
                       gboolean    editable)
{
  GtkWidget *decision_remove = icat_test_find_named (GTK_WIDGET (f->editor), "decision-remove");
  GtkWidget *attendance = _icat_meeting_editor_get_attendance (f->editor, unodc);

  g_assert_nonnull (decision_remove);
  g_assert_true (gtk_widget_get_visible (decision_remove) == editable);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (gtk_widget_get_ancestor (decision_remove, ADW_TYPE_ENTRY_ROW)))
                 == editable);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (attendance)) == editable);
  g_assert_true (gtk_widget_get_sensitive (icat_test_find_named (attendance, "attendance-present")) == editable);
}

/* What a person could try on a locked record, the keyboard's ways too. */
static void
try_editing (Fixture    *f,
             const char *unodc)
{
  GtkWidget *attendance = _icat_meeting_editor_get_attendance (f->editor, unodc);

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-agenda-item", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-decision", NULL);
  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (f->editor), ==, 1);
  gtk_widget_grab_focus (agenda_part (f, 0, "agenda-title"));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "agenda.move-down", NULL);
  icat_test_type_text (agenda_part (f, 0, "agenda-title"), "Changed title");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, 0, "agenda-minutes"))),
                            "Changed minutes", -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (icat_test_find_named (attendance, "attendance-present")), FALSE);
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_saved (f->store);
}

static gboolean
minutes_are (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);

  return g_strcmp0 (json_object_get_string_member_with_default (item, "minutes", NULL), data) == 0;
}

static GtkWidget *
reopen_dialog (Fixture *f)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.reopen-record", NULL));
  dialog = icat_test_find_toplevel ("meeting-reopen-dialog");
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_locked_until_reopened (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *id = open_approved (f, unodc);
  g_autofree char *before = locked_fields (f);
  g_autofree char *after = NULL;
  g_autofree char *today = icat_today_string ();
  g_autofree char *reopened = g_strdup_printf ("\"%s\"", today);
  const Expected circulated = { "record_status", "\"circulated\"" };
  const Expected reopened_today = { "reopened_on", reopened };
  g_autoptr(JsonObject) cancelled = NULL;
  GtkWidget *status;
  g_autoptr(JsonObject) reopened_record = NULL;

  g_assert_cmpstr (lock_line (f), ==, "Record approved on 3 May 2026");
  assert_agenda_editable (f, FALSE);
  assert_lists_editable (f, unodc, FALSE);
  g_assert_false (gtk_widget_get_sensitive (icat_test_find_named (GTK_WIDGET (f->editor), "meeting-status")));

  try_editing (f, unodc);
  after = locked_fields (f);
  g_assert_cmpstr (after, ==, before);

  /* Cancelled: nothing changes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (reopen_dialog (f)), "cancel");
  icat_test_wait_saved (f->store);
  cancelled = read_meeting (f);
  g_assert_cmpstr (json_object_get_string_member (cancelled, "record_status"), ==, "approved");
  g_assert_null (json_object_get_string_member_with_default (cancelled, "reopened_on", NULL));
  g_assert_nonnull (lock_line (f));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (reopen_dialog (f)), "reopen");
  icat_test_wait_until (stored_field_is, f, &circulated, 10);
  g_assert_true (stored_field_is (f, &reopened_today));
  reopened_record = read_meeting (f);
  g_assert_cmpstr (json_object_get_string_member (reopened_record, "approved_on"), ==, "2026-05-03");
  g_assert_null (lock_line (f));
  status = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-status");
  g_assert_true (gtk_widget_get_sensitive (status));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 1);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), today));
  assert_agenda_editable (f, TRUE);
  assert_lists_editable (f, unodc, TRUE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, 0, "agenda-minutes"))),
                            "Changed after reopening", -1);
  icat_meeting_editor_flush (f->editor);
  icat_test_wait_until (minutes_are, f, "Changed after reopening", 10);
}

static gboolean
window_narrow (Fixture       *f,
               gconstpointer  width)
{
  return gtk_widget_get_width (f->window) == GPOINTER_TO_INT (width) &&
         gtk_widget_get_width (icat_test_find_named (GTK_WIDGET (f->editor), "meeting-lock")) <= GPOINTER_TO_INT (width);
}

/* At 360 px in Chinese the lock line may wrap, but never inside the date,
 * which has no space to break at and so could break anywhere. */
static void
test_lock_line_narrow (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *id = open_approved (f, unodc);
  g_autofree char *date = icat_format_date ("2026-05-03");
  GtkWidget *box = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-lock");
  GtkLabel *label = NULL;
  PangoLayout *layout;
  const PangoLogAttr *breaks;
  const char *text;
  const char *at;
  int n_breaks, first, length, first_line, last_line, x;

  g_assert_cmpstr (date, ==, "2026年5月3日");
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      label = GTK_LABEL (child);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  icat_test_wait_until (window_narrow, f, GINT_TO_POINTER (360), 10);
  layout = gtk_label_get_layout (label);
  text = pango_layout_get_text (layout);
  at = strstr (text, date);
  g_assert_nonnull (at);
  /* No line may break between two characters of the date... */
  breaks = pango_layout_get_log_attrs_readonly (layout, &n_breaks);
  first = (int) g_utf8_pointer_to_offset (text, at);
  length = (int) g_utf8_strlen (date, -1);
  g_assert_cmpint (first + length, <, n_breaks);
  for (int i = first + 1; i < first + length; i++)
    g_assert_false (breaks[i].is_line_break);
  /* ...and at this width none does. */
  pango_layout_index_to_line_x (layout, (int) (at - text), FALSE, &first_line, &x);
  pango_layout_index_to_line_x (layout, (int) (g_utf8_prev_char (at + strlen (date)) - text), FALSE, &last_line, &x);
  g_assert_cmpint (first_line, ==, last_line);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The build's catalogues, for the test in Chinese. */
  icat_test_use_build_catalogues ();
  g_test_add ("/meetings/lock/until-reopened", Fixture, NULL, fixture_set_up, test_locked_until_reopened,
              fixture_tear_down);
  g_test_add ("/meetings/lock/narrow-chinese", Fixture, NULL, chinese_set_up, test_lock_line_narrow, chinese_tear_down);
  return g_test_run ();
}
