/* test-meeting-carry.c — agenda items carried to the next meeting, and the
 * action items reported at a meeting, driven as a person would
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-format.h"
#include "icat-meeting-editor.h"
#include "icat-meeting-reported.h"
#include "icat-meetings-view.h"
#include "icat-record-list.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

#define ITEM_A "1c1f3e0b-5d7a-4c2b-9e6f-1a2b3c4d5e61"
#define ITEM_B "1c1f3e0b-5d7a-4c2b-9e6f-1a2b3c4d5e62"
#define ITEM_C "1c1f3e0b-5d7a-4c2b-9e6f-1a2b3c4d5e63"

static char *
first_mandate_id (Fixture *f)
{
  g_autoptr(IcatRecordList) mandates = icat_record_list_new (f->store, "mandate");
  g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (mandates), 0);

  return g_strdup (icat_record_get_id (mandate));
}

static gboolean
first_item_continues (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);

  return json_object_get_boolean_member (item, "continue_next") == GPOINTER_TO_INT (data);
}

static gboolean
switch_is_off (GtkSwitch     *toggle,
               gconstpointer  data)
{
  return !gtk_switch_get_active (toggle);
}

/* The switch under an agenda item's minutes saves with the item, and a
 * change from elsewhere turns it. */
static void
test_toggle (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = open_stored_meeting (f,
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, \"starts_at\": \"2030-03-10T09:00:00.000Z\","
    " \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\","
    " \"agenda\": [{\"id\": \"" ITEM_A "\", \"position\": 0, \"title\": \"Issue brief\"}]}");
  GtkWidget *row = agenda_part (f, 0, "agenda-continue-next");
  GtkSwitch *toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_autoptr(JsonObject) change = icat_test_object ("{\"agenda\": [{\"id\": \"" ITEM_A "\", \"position\": 0,"
                                                   " \"title\": \"Issue brief\", \"continue_next\": false}]}");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_true (GTK_WIDGET (toggle) == icat_test_find_type (row, GTK_TYPE_SWITCH));
  gtk_switch_set_active (toggle, TRUE);
  icat_test_wait_until (first_item_continues, f, GINT_TO_POINTER (TRUE), 10);

  json_object_set_string_member (change, "id", id);
  saved = icat_store_save (f->store, "meeting", change, &error);
  g_assert_no_error (error);
  icat_test_wait_until (switch_is_off, toggle, NULL, 10);
  g_assert_true (first_item_continues (f, GINT_TO_POINTER (FALSE)));
}

static gboolean
meeting_changed (Fixture       *f,
                 gconstpointer  data)
{
  return g_strcmp0 (icat_meeting_editor_get_meeting_id (f->editor), data) != 0;
}

static void
assert_agenda_item (JsonArray  *agenda,
                    guint       index,
                    const char *title,
                    const char *presenter,
                    const char *minutes)
{
  JsonObject *item = json_array_get_object_element (agenda, index);

  g_assert_cmpint (json_object_get_int_member (item, "position"), ==, index);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, title);
  g_assert_cmpstr (json_object_get_string_member (item, "presenter"), ==, presenter);
  g_assert_cmpstr (json_object_get_string_member (item, "minutes"), ==, minutes);
  /* Carried once: marked again if it is to go on further. */
  g_assert_false (json_object_get_boolean_member (item, "continue_next"));
  g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, ITEM_A);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, ITEM_B);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), !=, ITEM_C);
}

/* Plan Next Meeting: the standing items, the open action items, then the
 * items marked to continue, in their order, each saying where it came from. */
static void
test_plan_next_carries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *mandate = first_mandate_id (f);
  g_autofree char *json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\", \"zh\": \"工作组\"},"
    " \"starts_at\": \"2030-03-10T23:30:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\","
    " \"venue\": \"Vienna\","
    " \"agenda\": ["
    "  {\"id\": \"" ITEM_C "\", \"position\": 2, \"title\": \"Trafficking for forced criminality\", \"continue_next\": true},"
    "  {\"id\": \"" ITEM_A "\", \"position\": 0, \"title\": \"Welcome\", \"minutes\": \"Opened at 10:05.\"},"
    "  {\"id\": \"" ITEM_B "\", \"position\": 1, \"title\": \"Issue brief\", \"presenter\": \"%s\","
    "   \"minutes\": \"Draft discussed.\", \"mandates\": [\"%s\"], \"continue_next\": true}]}", iom, mandate);
  g_autofree char *id = open_stored_meeting (f, json);
  g_autoptr(JsonObject) next = NULL;
  JsonArray *agenda;
  JsonArray *mandates;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "meetings.plan-next", NULL));
  icat_test_wait_until (meeting_changed, f, id, 10);
  next = read_meeting (f);
  agenda = json_object_get_array_member (next, "agenda");
  g_assert_cmpuint (json_array_get_length (agenda), ==, 4);
  assert_agenda_item (agenda, 0, "Welcome", NULL, NULL);
  assert_agenda_item (agenda, 1, "Open action items", NULL, NULL);
  /* 23:30 UTC is the next day in Vienna: the meeting's own day is named. */
  assert_agenda_item (agenda, 2, "Issue brief", iom, "Continued from Working Group (11 March 2030)");
  mandates = json_object_get_array_member (json_array_get_object_element (agenda, 2), "mandates");
  g_assert_cmpuint (json_array_get_length (mandates), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (mandates, 0), ==, mandate);
  assert_agenda_item (agenda, 3, "Trafficking for forced criminality", NULL,
                      "Continued from Working Group (11 March 2030)");
}

static IcatMeetingReported *
reported_of (Fixture *f)
{
  GtkWidget *reported = icat_test_find_named (GTK_WIDGET (f->editor), "meeting-reported");

  g_assert_nonnull (reported);
  return ICAT_MEETING_REPORTED (reported);
}

static gboolean
reported_count_is (Fixture       *f,
                   gconstpointer  data)
{
  return icat_meeting_reported_get_n_items (reported_of (f)) == GPOINTER_TO_UINT (data);
}

static char *
save_item (Fixture    *f,
           const char *title,
           const char *owner,
           const char *meeting,
           const char *history)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"%s\", \"owner\": \"%s\", \"status\": \"open\","
                                           " \"meeting\": %s%s%s, \"history\": %s}", title, owner,
                                           meeting ? "\"" : "", meeting ? meeting : "null", meeting ? "\"" : "",
                                           history);
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, "action_item", item, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_row (Fixture    *f,
            guint       index,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = icat_meeting_reported_get_row (reported_of (f), index);

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
}

/* On 10 March 2030 in Vienna (UTC+1): changes from 2030-03-09T23:00Z to
 * 2030-03-10T23:00Z count, and the items arising from the meeting. */
static void
test_reported (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *id = NULL;
  g_autofree char *reported = save_item (f, "Send the report <draft>", unodc, NULL,
                                         "[{\"status\": \"done\", \"at\": \"2030-03-09T23:00:00.000Z\"}]");
  g_autofree char *before = save_item (f, "Earlier work", iom, NULL,
                                       "[{\"status\": \"done\", \"at\": \"2030-03-09T22:59:00.000Z\"}]");
  g_autofree char *arising = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonObject) change = NULL;
  g_autoptr(GError) error = NULL;

  id = open_stored_meeting (f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"},"
                               " \"starts_at\": \"2030-03-10T09:00:00.000Z\", \"date_precision\": \"minute\","
                               " \"timezone\": \"Europe/Vienna\"}");
  arising = save_item (f, "Draft the brief", iom, id, "[]");
  icat_test_wait_until (reported_count_is, f, GUINT_TO_POINTER (2), 10);
  assert_row (f, 0, "Draft the brief", "IOM · Open · arose at this meeting");
  assert_row (f, 1, "Send the report <draft>", "UNODC · Done");

  /* A status reported later, dated on the meeting's day, joins the list. */
  change = icat_test_object ("{\"history\": [{\"status\": \"blocked\", \"at\": \"2030-03-10T15:00:00.000Z\"}]}");
  json_object_set_string_member (change, "id", before);
  saved = icat_store_save (f->store, "action_item", change, &error);
  g_assert_no_error (error);
  icat_test_wait_until (reported_count_is, f, GUINT_TO_POINTER (3), 10);
  assert_row (f, 1, "Earlier work", "IOM · Blocked");

  /* A row opens its action item. */
  gtk_widget_activate (icat_meeting_reported_get_row (reported_of (f), 2));
  icat_test_wait_until (action_items_shown, f, GUINT_TO_POINTER (1), 10);
  g_assert_cmpstr (f->action_items->pdata[0], ==, reported);
}

static gboolean
empty_shown (Fixture       *f,
             gconstpointer  data)
{
  return gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (reported_of (f)), "meeting-reported-empty"));
}

/* A meeting nobody reported at says so. */
static void
test_reported_none (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *later = save_item (f, "Later work", iom, NULL,
                                      "[{\"status\": \"done\", \"at\": \"2030-03-11T00:00:00.000Z\"}]");
  g_autofree char *id = open_stored_meeting (f, "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"},"
                                                " \"starts_at\": \"2030-03-10T00:00:00.000Z\", \"date_precision\": \"day\","
                                                " \"timezone\": \"Europe/Vienna\"}");

  icat_test_wait_until (empty_shown, f, NULL, 10);
  g_assert_cmpuint (icat_meeting_reported_get_n_items (reported_of (f)), ==, 0);
  g_assert_false (gtk_widget_get_visible (icat_test_find_named (GTK_WIDGET (reported_of (f)), "meeting-reported-list")));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/meeting-carry/toggle", Fixture, NULL, fixture_set_up, test_toggle, fixture_tear_down);
  g_test_add ("/meeting-carry/plan-next", Fixture, NULL, fixture_set_up, test_plan_next_carries, fixture_tear_down);
  g_test_add ("/meeting-carry/reported", Fixture, NULL, fixture_set_up, test_reported, fixture_tear_down);
  g_test_add ("/meeting-carry/reported-none", Fixture, NULL, fixture_set_up, test_reported_none, fixture_tear_down);
  return g_test_run ();
}
