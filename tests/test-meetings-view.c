/* test-meetings-view.c — the Meetings section, driven as a person would
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-attendance-row.h"
#include "icat-editor-util.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-meeting-editor.h"
#include "icat-meeting-row.h"
#include "icat-meetings-view.h"
#include "icat-nested-id.h"
#include "icat-record-list.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

/* Tests */

static void
test_new_meeting (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  g_autoptr(JsonObject) meeting = read_meeting (f);
  g_autoptr(GTimeZone) vienna = g_time_zone_new_identifier ("Europe/Vienna");
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (json_object_get_string_member (meeting, "starts_at"), NULL);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (starts, vienna);
  g_autoptr(GDateTime) now = g_date_time_new_now (vienna);
  GtkEditable *title = _icat_meeting_editor_get_title (f->editor);
  int start, end;

  g_assert_cmpstr (json_object_get_string_member (meeting, "kind"), ==, "working-group");
  g_assert_cmpstr (json_object_get_string_member (meeting, "venue"), ==, "Vienna");
  g_assert_cmpstr (json_object_get_string_member (meeting, "timezone"), ==, "Europe/Vienna");
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_year (local) - g_date_time_get_day_of_year (now), <=, 1);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "New meeting");
  /* The title is selected, ready to be typed over. */
  g_assert_true (gtk_editable_get_selection_bounds (title, &start, &end));
  g_assert_cmpint (end - start, ==, strlen ("New meeting"));

  gtk_editable_set_text (title, "Working Group, Vienna — autumn");
  icat_test_wait_until (stored_title_is, f, "Working Group, Vienna — autumn", 10);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  const char * const typed[] = { "Adoption of the agenda", "Adopted without changes.",
                                 "Joint issue brief", "UNODC and IOM to draft 会议 notes.", NULL };
  const char * const moved[] = { "Joint issue brief", "UNODC and IOM to draft 会议 notes.",
                                 "Adoption of the agenda", "Adopted without changes.", NULL };
  GtkWidget *minutes;

  add_agenda_item (f, typed[0], typed[1]);
  add_agenda_item (f, typed[2], typed[3]);
  icat_test_wait_until (agenda_is, f, typed, 10);
  /* Our own saves never rebuild what is being typed in. */
  minutes = agenda_part (f, 1, "agenda-minutes");
  icat_test_wait_saved (f->store);
  g_assert_true (minutes == agenda_part (f, 1, "agenda-minutes"));

  /* Alt+Up in the second item moves it first; the focus goes with it. */
  gtk_widget_grab_focus (minutes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "agenda.move-up", NULL));
  g_assert_true (agenda_part (f, 0, "agenda-minutes") == minutes);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == minutes);
  icat_test_wait_until (agenda_is, f, moved, 10);
  /* And Alt+Down puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "agenda.move-down", NULL));
  icat_test_wait_until (agenda_is, f, typed, 10);
  /* The buttons do the same. */
  g_signal_emit_by_name (agenda_part (f, 0, "agenda-move-down"), "clicked");
  icat_test_wait_until (agenda_is, f, moved, 10);
}

static gboolean
decision_saved (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonArray *decisions = json_object_get_array_member (meeting, "decisions");
  JsonObject *decision;

  if (json_array_get_length (decisions) != 1)
    return FALSE;
  decision = json_array_get_object_element (decisions, 0);
  return json_object_get_int_member (decision, "number") == 1 &&
         g_strcmp0 (json_object_get_string_member (decision, "text"), data) == 0;
}

static void
test_attendance_and_decisions (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  /* A new row gets the id every laptop derives for UNODC's attendance. */
  g_autofree char *row_id = icat_nested_id (id, "attendance", unodc);
  g_autofree char *attendance = g_strdup_printf ("[{\"id\": \"%s\", \"agency\": \"%s\", \"present\": true,"
                                                 " \"delegates\": [\"Ana Pérez\", \"Li Wei\"]}]", row_id, unodc);
  GtkWidget *row = _icat_meeting_editor_get_attendance (f->editor, unodc);
  GtkWidget *decision;
  Expected expected = { "attendance", attendance };

  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (icat_test_find_named (row, "attendance-present")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), "Ana Pérez, Li Wei ,");
  icat_test_wait_until (stored_field_is, f, &expected, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-decision", NULL));
  decision = _icat_meeting_editor_get_decision (f->editor, 0);
  g_assert_nonnull (decision);
  gtk_editable_set_text (GTK_EDITABLE (decision), "The Working Group endorsed the issue brief.");
  icat_test_wait_until (decision_saved, f, "The Working Group endorsed the issue brief.", 10);
}

/* The acronyms of the attendance rows shown, in order. */
static char *
attendance_shown (Fixture *f)
{
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  GtkWidget *list = gtk_widget_get_parent (_icat_meeting_editor_get_attendance (f->editor, unodc));
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ICAT_IS_ATTENDANCE_ROW (row) && gtk_widget_get_visible (row))
      {
        g_autoptr(IcatRecord) agency = icat_store_lookup (f->store, "agency",
                                                          icat_attendance_row_get_agency_id (ICAT_ATTENDANCE_ROW (row)));

        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", icat_record_get_string (agency, "acronym"));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Attendance lists current members first; DAW and UNIFEM wait behind
 * "Show former members" unless the meeting names them, and what is ticked
 * for them once shown is saved. */
static void
test_attendance_former_members (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *daw = icat_test_agency_id (f->store, "DAW");
  g_autofree char *unifem = icat_test_agency_id (f->store, "UNIFEM");
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"working-group\", \"title\": {\"en\": \"2009 meeting\"},"
                                           " \"starts_at\": \"2009-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                                           " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
                                           " \"attendance\": [{\"agency\": \"%s\", \"present\": true, \"delegates\": []}]}",
                                           daw);
  g_autofree char *shown = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *toggle;

  g_free (new_meeting (f));
  shown = attendance_shown (f);
  g_assert_true (g_str_has_prefix (shown, "DPKO ICAO ICMPD ILO INTERPOL IOM OAS OHCHR OSCE OSRSG-VAC UN-Women "));
  g_assert_true (g_str_has_suffix (shown, " World Bank"));
  g_assert_null (strstr (shown, "DAW"));
  g_assert_null (strstr (shown, "UNIFEM"));
  toggle = icat_test_find_named (GTK_WIDGET (f->editor), "attendance-show-former");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (toggle, ADW_TYPE_ACTION_ROW)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_clear_pointer (&shown, g_free);
  shown = attendance_shown (f);
  g_assert_true (g_str_has_suffix (shown, " World Bank DAW UNIFEM"));

  /* Ticked once shown: saved like any other agency's attendance. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (icat_test_find_named (_icat_meeting_editor_get_attendance (f->editor, unifem),
                                                                       "attendance-present")), TRUE);
  icat_test_wait_saved (f->store);
  stored = stored_field (f, "attendance");
  g_assert_nonnull (strstr (stored, unifem));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_clear_pointer (&shown, g_free);
  shown = attendance_shown (f);
  g_assert_true (g_str_has_suffix (shown, " World Bank UNIFEM"));

  /* A meeting that names DAW still shows it, the toggle off. */
  g_free (open_stored_meeting (f, json));
  g_clear_pointer (&shown, g_free);
  shown = attendance_shown (f);
  g_assert_true (g_str_has_suffix (shown, " World Bank DAW"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    icat_test_find_named (_icat_meeting_editor_get_attendance (f->editor, daw), "attendance-present"))));
}

/* A meeting saved through the store, then opened as from a search. */
static char *
first_mandate_id (Fixture *f)
{
  g_autoptr(IcatRecordList) mandates = icat_record_list_new (f->store, "mandate");
  g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (mandates), 0);

  return g_strdup (icat_record_get_id (mandate));
}

static guint
agency_position (GListModel *names,
                 const char *acronym)
{
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_strcmp0 (gtk_string_object_get_string (name), acronym) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_action_item (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *mandate = first_mandate_id (f);
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, \"starts_at\": \"2030-03-10T09:00:00.000Z\","
    " \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
    " \"agenda\": [{\"id\": \"0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e6f\", \"position\": 0,"
    " \"title\": \"Issue brief on online recruitment\", \"mandates\": [\"%s\"]}]}", mandate);
  g_autofree char *id = open_stored_meeting (f, json);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  AdwComboRow *presenter;
  AdwMessageDialog *dialog;

  /* No presenter and no chair: the coordinator owns it. */
  g_signal_emit_by_name (agenda_part (f, 0, "agenda-new-action-item"), "clicked");
  icat_test_wait_until (action_items_shown, f, GUINT_TO_POINTER (1), 10);
  first = read_action_item (f, f->action_items->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Issue brief on online recruitment");
  g_assert_cmpstr (json_object_get_string_member (first, "meeting"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (first, "agenda_item"), ==, "0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e6f");
  g_assert_cmpstr (json_object_get_string_member (first, "owner"), ==, unodc);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "open");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "mandates"), 0), ==, mandate);

  /* A new item with a presenter, made at once: the agenda is saved first. */
  add_agenda_item (f, "Annual report", "");
  presenter = ADW_COMBO_ROW (agenda_part (f, 1, "agenda-presenter"));
  adw_combo_row_set_selected (presenter, agency_position (adw_combo_row_get_model (presenter), "IOM"));
  g_signal_emit_by_name (agenda_part (f, 1, "agenda-new-action-item"), "clicked");
  icat_test_wait_until (action_items_shown, f, GUINT_TO_POINTER (2), 10);
  second = read_action_item (f, f->action_items->pdata[1]);
  g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "Annual report");
  g_assert_cmpstr (json_object_get_string_member (second, "owner"), ==, iom);
  g_assert_cmpstr (json_object_get_string_member (second, "agenda_item"), !=, "0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e6f");

  /* The meeting cannot go while its action items refer to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "meetings.delete", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  icat_test_wait_until (toast_shown, f, "action items still refer to it", 10);
  g_assert_cmpstr (icat_meeting_editor_get_meeting_id (f->editor), ==, id);
}

static gboolean
editor_shows_nothing (Fixture       *f,
                      gconstpointer  data)
{
  return icat_meeting_editor_get_meeting_id (f->editor) == NULL;
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) gone = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "meetings.delete", NULL));
  adw_message_dialog_response (find_message_dialog (), "delete");
  icat_test_wait_until (editor_shows_nothing, f, NULL, 10);
  icat_test_wait_until (toast_shown, f, "Meeting deleted", 10);
  gone = icat_store_read (f->store, "meeting", id, &error);
  g_assert_null (gone);
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
}

static void
make_inactive (Fixture    *f,
               const char *acronym)
{
  g_autofree char *id = icat_test_agency_id (f->store, acronym);
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"memberships\": [{\"role\": \"member\", \"from\": \"2007\","
                                           " \"to\": \"2019\"}, {\"role\": \"inactive-member\", \"from\": \"2020\"}]}", id);
  g_autoptr(JsonObject) changes = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = icat_store_save (f->store, "agency", changes, &error);

  g_assert_no_error (error);
}

static void
test_principals_warning (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *icmpd = icat_test_agency_id (f->store, "ICMPD");
  g_autoptr(JsonObject) crafted = icat_test_object ("{\"kind\": \"principals\", \"attendance\": [],"
                                                    " \"invited\": [{\"name\": \"Sweden\", \"kind\": \"state\"}]}");
  g_autoptr(JsonObject) invited = icat_test_object ("{\"kind\": \"principals\", \"invited\":"
                                                    " [{\"name\": \"icmpd\", \"kind\": \"organization\"}]}");
  g_autoptr(JsonObject) working = icat_test_object ("{\"kind\": \"working-group\"}");
  g_auto(GStrv) none = icat_meeting_missing_inactive_members (f->store, crafted);
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) after_invitation = NULL;
  g_auto(GStrv) other_kind = NULL;
  g_autofree char *id = NULL;

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  make_inactive (f, "ICMPD");
  missing = icat_meeting_missing_inactive_members (f->store, crafted);
  g_assert_cmpstrv (missing, ((const char *[]) { "ICMPD", NULL }));
  after_invitation = icat_meeting_missing_inactive_members (f->store, invited);
  g_assert_cmpuint (g_strv_length (after_invitation), ==, 0);
  other_kind = icat_meeting_missing_inactive_members (f->store, working);
  g_assert_cmpuint (g_strv_length (other_kind), ==, 0);

  /* In the editor: shown for a principals meeting until ICMPD is listed. */
  id = open_stored_meeting (f, "{\"kind\": \"principals\", \"title\": {\"en\": \"Principals\"},"
                               " \"starts_at\": \"2030-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                               " \"timezone\": \"America/New_York\", \"venue\": \"New York\"}");
  g_assert_true (_icat_meeting_editor_get_warning_visible (f->editor));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (icat_test_find_named (_icat_meeting_editor_get_attendance (f->editor, icmpd),
                                                             "attendance-present")), TRUE);
  g_assert_false (_icat_meeting_editor_get_warning_visible (f->editor));
}

static gboolean
meeting_changed (Fixture       *f,
                 gconstpointer  data)
{
  return g_strcmp0 (icat_meeting_editor_get_meeting_id (f->editor), data) != 0;
}

static void
save_action_item (Fixture    *f,
                  const char *meeting,
                  const char *title,
                  const char *owner,
                  const char *status,
                  const char *due)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"%s\", \"owner\": \"%s\", \"status\": \"%s\","
                                           " \"meeting\": \"%s\", \"due\": \"%s\"}",
                                           title, owner, status, meeting, due);
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (f->store, "action_item", item, &error);

  g_assert_no_error (error);
}

static void
test_plan_next (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *mandate = first_mandate_id (f);
  g_autofree char *json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\", \"zh\": \"工作组\"},"
    " \"starts_at\": \"2030-03-10T09:00:00.000Z\", \"ends_at\": \"2030-03-10T11:00:00.000Z\","
    " \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"chairs\": [\"%s\"],"
    " \"agenda\": [{\"id\": \"1c1f3e0b-5d7a-4c2b-9e6f-1a2b3c4d5e6f\", \"position\": 0, \"title\": \"Welcome\","
    " \"presenter\": \"%s\", \"minutes\": \"Opened at 10:05.\", \"mandates\": [\"%s\"]}]}", iom, unodc, mandate);
  g_autofree char *id = open_stored_meeting (f, json);
  g_autoptr(JsonObject) next = NULL;
  JsonArray *agenda;
  JsonObject *item;

  save_action_item (f, id, "Draft the issue brief", iom, "open", "2030-03-20");
  save_action_item (f, id, "Send the invitations", unodc, "done", "2030-03-01");
  save_action_item (f, id, "Translate the brief", unodc, "blocked", "2030-04-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "meetings.plan-next", NULL));
  icat_test_wait_until (meeting_changed, f, id, 10);
  next = read_meeting (f);
  /* 10:00 in Vienna a month later is 08:00 UTC: summer time began meanwhile. */
  g_assert_cmpstr (json_object_get_string_member (next, "starts_at"), ==, "2030-04-10T08:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (next, "ends_at"), ==, "2030-04-10T10:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (next, "venue"), ==, "Vienna");
  g_assert_cmpstr (json_object_get_string_member (next, "record_status"), ==, "draft");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (next, "chairs"), 0), ==, iom);
  agenda = json_object_get_array_member (next, "agenda");
  g_assert_cmpuint (json_array_get_length (agenda), ==, 2);
  item = json_array_get_object_element (agenda, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Welcome");
  g_assert_cmpstr (json_object_get_string_member (item, "presenter"), ==, unodc);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, "1c1f3e0b-5d7a-4c2b-9e6f-1a2b3c4d5e6f");
  g_assert_true (json_object_get_null_member (item, "minutes"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "mandates")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (item, "mandates"), 0), ==, mandate);
  /* The ones still open, soonest due first. */
  item = json_array_get_object_element (agenda, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Open action items");
  g_assert_cmpstr (json_object_get_string_member (item, "minutes"), ==,
                   "Draft the issue brief (IOM)\nTranslate the brief (UNODC)");
}

static void
test_time_and_place (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  GtkWidget *when = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-when");
  GtkWidget *date = row_titled (f, "Date");
  Expected geneva = { "starts_at", "\"2030-01-15T13:30:00.000Z\"" };
  Expected new_york = { "starts_at", "\"2030-01-15T19:30:00.000Z\"" };
  Expected zone = { "timezone", "\"America/New_York\"" };
  Expected end = { "ends_at", "\"2030-01-15T21:00:00.000Z\"" };
  AdwComboRow *venue = ADW_COMBO_ROW (row_titled (f, "Venue"));

  adw_combo_row_set_selected (venue, 0);  /* Geneva */
  gtk_editable_set_text (GTK_EDITABLE (date), "2030-01-15");
  gtk_editable_set_text (GTK_EDITABLE (row_titled (f, "Start time")), "14:30");
  icat_test_wait_until (stored_field_is, f, &geneva, 10);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (when)), ==, "14:30 Geneva time · 13:30 UTC");

  /* Moving it keeps the local time: 14:30 in New York. */
  adw_combo_row_set_selected (venue, 2);
  icat_test_wait_until (stored_field_is, f, &new_york, 10);
  icat_test_wait_until (stored_field_is, f, &zone, 10);
  gtk_editable_set_text (GTK_EDITABLE (row_titled (f, "End time")), "16:00");
  icat_test_wait_until (stored_field_is, f, &end, 10);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (when)), ==,
                   "14:30–16:00 New York time · 19:30–21:00 UTC");

  /* A wrong time is said in words and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (row_titled (f, "Start time")), "25:00");
  g_assert_true (gtk_widget_has_css_class (row_titled (f, "Start time"), "error"));
  g_assert_cmpstr (icat_row_get_problem (row_titled (f, "Start time")), ==, "Write the time as 09:30");
}

static gboolean
list_has (Fixture       *f,
          gconstpointer  data)
{
  return g_list_model_get_n_items (_icat_meetings_view_get_list (f->view)) == GPOINTER_TO_UINT (data);
}

static GtkDropDown *
dropdown_labelled (GtkWidget  *root,
                   const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return GTK_DROP_DOWN (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = dropdown_labelled (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *list = _icat_meetings_view_get_list (f->view);
  guint all = g_list_model_get_n_items (list);
  g_autoptr(IcatRecordList) principals = icat_record_list_new (f->store, "meeting");
  GtkDropDown *kind = dropdown_labelled (GTK_WIDGET (f->view), "Kind of meeting");
  GtkDropDown *year = dropdown_labelled (GTK_WIDGET (f->view), "Year");
  g_autofree char *saved = NULL;

  g_assert_cmpuint (all, >=, 12);
  icat_record_list_set_filter (principals, ICAT_FILTER_KIND, "principals");
  g_assert_nonnull (kind);
  gtk_drop_down_set_selected (kind, 2);  /* All kinds, Working Group, Principals */
  saved = g_settings_get_string (f->settings, "meeting-filter-kind");
  g_assert_cmpstr (saved, ==, "principals");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_list_model_get_n_items (G_LIST_MODEL (principals)));
  g_assert_cmpuint (g_list_model_get_n_items (list), <, all);

  /* A year with no meeting: the empty state offers to show them all. */
  gtk_drop_down_set_selected (year, 1);
  g_assert_cmpint (g_settings_get_int (f->settings, "meeting-filter-year"), >, 2026);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meetings.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, all);
  g_assert_cmpint (g_settings_get_int (f->settings, "meeting-filter-year"), ==, 0);

  /* A new meeting comes first: the coming ones lead the list. */
  g_free (new_meeting (f));
  icat_test_wait_until (list_has, f, GUINT_TO_POINTER (all + 1), 10);
  {
    g_autoptr(IcatRecord) first = g_list_model_get_item (list, 0);

    g_assert_cmpstr (icat_record_get_id (first), ==, icat_meeting_editor_get_meeting_id (f->editor));
  }
}

static gboolean
stored_zh_title_is (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *title = json_object_get_object_member (meeting, "title");

  return g_strcmp0 (json_object_get_string_member_with_default (title, "zh", NULL), data) == 0;
}

static void
test_chinese_title (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  GtkEditable *title = _icat_meeting_editor_get_title (f->editor);

  id = open_stored_meeting (f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\", \"zh\": \"工作组\"},"
                               " \"starts_at\": \"2030-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                               " \"timezone\": \"Europe/Zurich\", \"venue\": \"Geneva\"}");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "工作组");
  gtk_editable_set_text (title, "工作组会议");
  icat_test_wait_until (stored_zh_title_is, f, "工作组会议", 10);
  meeting = read_meeting (f);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (meeting, "title"), "en"), ==,
                   "Working Group");
}

/* The list row of a meeting, standing alone, as wide as the list at 360 pixels. */
static GtkWidget *
list_row (Fixture    *f,
          const char *kind)
{
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"%s\", \"title\": {\"en\": \"Briefing\"},"
                                           " \"starts_at\": \"2030-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                                           " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\"}", kind);
  g_autoptr(JsonObject) meeting = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (f->store, "meeting", meeting, &error);
  g_autoptr(IcatRecord) record = NULL;
  GtkWidget *row = g_object_ref_sink (icat_meeting_row_new (f->store));

  g_assert_no_error (error);
  record = icat_store_lookup (f->store, "meeting", id);
  icat_meeting_row_set_record (ICAT_MEETING_ROW (row), record);
  return row;
}

static int
height_at (GtkWidget *row,
           int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* "Réunion d’information des États Membres" keeps to one line, cut, with
 * its whole text as tooltip and description: every row one height. */
static void
test_kind_tag_one_line (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GtkWidget) long_kind = list_row (f, "member-state-briefing");
  g_autoptr(GtkWidget) short_kind = list_row (f, "other");
  const char *kind = icat_meeting_kind_label ("member-state-briefing");
  GtkWidget *tag = icat_test_find_named (long_kind, "meeting-kind");

  g_assert_cmpstr (kind, !=, "Member State Briefing");  /* translated */
  g_assert_cmpint (height_at (long_kind, 240), ==, height_at (short_kind, 240));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (tag)), ==, kind);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tag), ==, kind);
}

static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  const char * const both[] = { "Welcome", "Opened at 10:05.", "Budget", "Approved.", NULL };
  const char * const one[] = { "Budget", "Approved.", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JsonObject) meeting = NULL;
  g_autofree char *quoted = NULL;
  Expected circulated = { "circulated_on", NULL };
  AdwComboRow *status;

  add_agenda_item (f, "Welcome", "Opened at 10:05.");
  add_agenda_item (f, "Budget", "Approved.");
  icat_test_wait_until (agenda_is, f, both, 10);
  g_signal_emit_by_name (agenda_part (f, 0, "agenda-remove"), "clicked");
  g_assert_cmpuint (_icat_meeting_editor_get_n_agenda (f->editor), ==, 1);
  icat_test_wait_until (agenda_is, f, one, 10);
  g_assert_true (toast_shown (f, "Agenda item removed"));

  /* The toast's Undo (the window calls the store) brings it back on screen. */
  g_assert_true (icat_store_undo (f->store, &error));
  g_assert_no_error (error);
  icat_test_wait_until (agenda_widgets_are, f, GUINT_TO_POINTER (2), 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agenda_part (f, 0, "agenda-title"))), ==, "Welcome");
  icat_test_wait_until (agenda_is, f, both, 10);

  /* Circulating the record dates it. */
  today = g_date_time_format (now, "%Y-%m-%d");
  quoted = g_strdup_printf ("\"%s\"", today);
  circulated.json = quoted;
  status = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->editor), "meeting-status"));
  g_assert_nonnull (status);
  adw_combo_row_set_selected (status, 1);
  icat_test_wait_until (stored_field_is, f, &circulated, 10);
  meeting = read_meeting (f);
  g_assert_cmpstr (json_object_get_string_member (meeting, "record_status"), ==, "circulated");
}

/* Dragging an agenda item onto another, as GTK does it: the handle's drag
 * source gives the value, the other item's drop target receives it. */

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

static void
drag_agenda_item (Fixture *f,
                  guint    from,
                  guint    onto)
{
  GtkDragSource *source = GTK_DRAG_SOURCE (find_controller (agenda_part (f, from, "agenda-drag-handle"),
                                                            GTK_TYPE_DRAG_SOURCE));
  GtkDropTarget *target = GTK_DROP_TARGET (find_controller (_icat_meeting_editor_get_agenda_item (f->editor, onto),
                                                            GTK_TYPE_DROP_TARGET));
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_assert_true (gtk_drag_source_get_actions (source) & gtk_drop_target_get_actions (target) & GDK_ACTION_MOVE);
  g_signal_emit_by_name (source, "prepare", 8.0, 8.0, &content);
  g_assert_nonnull (content);
  /* The target takes what the source offers. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), G_TYPE_STRING));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_assert_true (accepted);
}

static void
test_agenda_drag_and_drop (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  const char * const typed[] = { "Welcome", "Opened.", "Budget", "Approved.", "Any other business", "None.", NULL };
  const char * const last_first[] = { "Any other business", "None.", "Welcome", "Opened.", "Budget", "Approved.", NULL };
  const char * const first_last[] = { "Welcome", "Opened.", "Budget", "Approved.", "Any other business", "None.", NULL };
  GtkWidget *minutes;

  add_agenda_item (f, typed[0], typed[1]);
  add_agenda_item (f, typed[2], typed[3]);
  add_agenda_item (f, typed[4], typed[5]);
  icat_test_wait_until (agenda_is, f, typed, 10);
  minutes = agenda_part (f, 2, "agenda-minutes");

  /* The last onto the first: it goes first, the others move down. */
  drag_agenda_item (f, 2, 0);
  g_assert_true (agenda_part (f, 0, "agenda-minutes") == minutes);
  icat_test_wait_until (agenda_is, f, last_first, 10);
  /* And from the top onto the last: back at the end. */
  drag_agenda_item (f, 0, 2);
  g_assert_true (agenda_part (f, 2, "agenda-minutes") == minutes);
  icat_test_wait_until (agenda_is, f, first_last, 10);
  /* Onto itself: nothing moves. */
  drag_agenda_item (f, 1, 1);
  icat_test_wait_saved (f->store);
  g_assert_true (agenda_is (f, first_last));
}

/* The menu offers the window's export of the record shown. */
static void
test_export_record_item (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *first = new_meeting (f);
  g_autofree char *second = NULL;
  GtkMenuButton *menu = GTK_MENU_BUTTON (icat_test_find_named (GTK_WIDGET (f->editor), "meeting-menu"));
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_nonnull (menu);
  for (guint round = 0; round < 2; round++)
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (menu);
      const char *shown = icat_meeting_editor_get_meeting_id (f->editor);
      guint found = 0;

      for (int i = 0; i < g_menu_model_get_n_items (model); i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

          for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
            {
              g_clear_pointer (&action, g_free);
              g_clear_pointer (&target, g_variant_unref);
              g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
              target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET, NULL);
              if (g_strcmp0 (action, "win.export-meeting-record") != 0)
                continue;
              found++;
              g_assert_nonnull (target);
              g_assert_cmpstr (g_variant_get_string (target, NULL), ==, shown);
              g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (menu), action, target));
            }
        }
      g_assert_cmpuint (found, ==, 1);
      g_assert_cmpuint (f->exported->len, ==, round + 1);
      g_assert_cmpstr (f->exported->pdata[round], ==, shown);
      /* Another meeting: the item follows it. */
      if (round == 0)
        second = new_meeting (f);
    }
  g_assert_cmpstr (f->exported->pdata[0], ==, first);
  g_assert_cmpstr (f->exported->pdata[1], ==, second);
}

static gboolean
first_minutes_are (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);

  return g_strcmp0 (json_object_get_string_member_with_default (item, "minutes", NULL), data) == 0;
}

/* Minutes typed while the disk is full: the user is told in words, the
 * text stays on screen and out of the database, and once there is room
 * again the next keystroke saves all of it. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  IcatDb *db = _icat_store_get_write_db (f->store);
  g_autofree char *minutes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *finished = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  id = open_stored_meeting (f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"},"
                               " \"starts_at\": \"2030-03-10T09:00:00.000Z\", \"date_precision\": \"minute\","
                               " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\", \"agenda\": [{\"id\":"
                               " \"0b8c1f3e-5d7a-4c2b-9e6f-1a2b3c4d5e70\", \"position\": 0, \"title\": \"Work plan\"}]}");
  /* Nothing is being written now: the file may not grow from here on. */
  icat_store_sync (f->store);
  minutes = icat_test_fill_disk (db, "The Working Group discussed the work plan. ");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (agenda_part (f, 0, "agenda-minutes")));
  gtk_text_buffer_set_text (buffer, minutes, -1);
  icat_test_wait_until (toast_shown, f, "The disk is full", 10);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, minutes);
  g_assert_true (first_minutes_are (f, NULL));

  /* Room again (the writes are over: the toast came after the failure). */
  g_assert_true (icat_db_exec (db, "PRAGMA max_page_count = 1073741823", NULL));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Agreed.", -1);
  finished = g_strconcat (minutes, "Agreed.", NULL);
  icat_test_wait_until (first_minutes_are, f, finished, 10);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  icat_test_use_build_catalogues ();
  g_test_add ("/meetings/new", Fixture, NULL, fixture_set_up, test_new_meeting, fixture_tear_down);
  g_test_add ("/meetings/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/meetings/agenda", Fixture, NULL, fixture_set_up, test_agenda, fixture_tear_down);
  g_test_add ("/meetings/attendance-former", Fixture, NULL, fixture_set_up, test_attendance_former_members,
              fixture_tear_down);
  g_test_add ("/meetings/attendance-decisions", Fixture, NULL, fixture_set_up, test_attendance_and_decisions,
              fixture_tear_down);
  g_test_add ("/meetings/action-item", Fixture, NULL, fixture_set_up, test_action_item, fixture_tear_down);
  g_test_add ("/meetings/remove-undo-status", Fixture, NULL, fixture_set_up, test_remove_and_undo, fixture_tear_down);
  g_test_add ("/meetings/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/meetings/principals-warning", Fixture, NULL, fixture_set_up, test_principals_warning,
              fixture_tear_down);
  g_test_add ("/meetings/plan-next", Fixture, NULL, fixture_set_up, test_plan_next, fixture_tear_down);
  g_test_add ("/meetings/time-and-place", Fixture, NULL, fixture_set_up, test_time_and_place, fixture_tear_down);
  g_test_add ("/meetings/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/meetings/chinese-title", Fixture, NULL, chinese_set_up, test_chinese_title, chinese_tear_down);
  g_test_add ("/meetings/kind-tag-one-line/french", Fixture, "fr", language_set_up, test_kind_tag_one_line,
              language_tear_down);
  g_test_add ("/meetings/agenda/drag-and-drop", Fixture, NULL, fixture_set_up, test_agenda_drag_and_drop,
              fixture_tear_down);
  g_test_add ("/meetings/export-record-item", Fixture, NULL, fixture_set_up, test_export_record_item,
              fixture_tear_down);
  return g_test_run ();
}
