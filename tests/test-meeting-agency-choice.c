/* test-meeting-agency-choice.c — a meeting's chairs and presenters offer current members
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-agency-choice.h"
#include "icat-meeting-editor.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

#define SHOW_FORMER "Show former members…"

/* The first combo row below root with this title. */
static AdwComboRow *
combo_titled (GtkWidget  *root,
              const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = combo_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the drop-down offers, in order, a space between. */
static char *
offered (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", gtk_string_object_get_string (name));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
selected_name (AdwComboRow *row)
{
  GtkStringObject *name = adw_combo_row_get_selected_item (row);

  return name ? gtk_string_object_get_string (name) : NULL;
}

/* Chooses as a click in the drop-down's list does. */
static void
choose (AdwComboRow *row,
        const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static char *
chairs_json (Fixture    *f,
             const char *first,
             const char *second)
{
  g_autofree char *one = icat_test_agency_id (f->store, first);
  g_autofree char *two = second ? icat_test_agency_id (f->store, second) : NULL;

  return two ? g_strdup_printf ("[\"%s\", \"%s\"]", one, two) : g_strdup_printf ("[\"%s\"]", one);
}

/* A new meeting's chair and co-chair offer the 20 current members and
 * "Show former members…" last; choosing that keeps the chair and offers
 * DAW and UNIFEM, and DAW chosen then is saved. */
static void
test_new_meeting_chairs (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = new_meeting (f);
  AdwComboRow *chair = combo_titled (GTK_WIDGET (f->editor), "Chair");
  AdwComboRow *cochair = combo_titled (GTK_WIDGET (f->editor), "Co-chair");
  g_autofree char *names = offered (chair);
  g_autofree char *unodc_chair = chairs_json (f, "UNODC", NULL);
  g_autofree char *daw_chair = chairs_json (f, "DAW", "IOM");
  Expected expected = { "chairs", unodc_chair };

  g_assert_nonnull (chair);
  g_assert_nonnull (cochair);
  g_assert_true (g_str_has_prefix (names, "None DPKO ICAO ICMPD "));
  g_assert_true (g_str_has_suffix (names, " World Bank " SHOW_FORMER));
  g_assert_null (strstr (names, "DAW"));
  g_assert_null (strstr (names, "UNIFEM"));
  g_assert_false (_icat_agency_choice_get_show_former (chair));

  choose (chair, "UNODC");
  icat_test_wait_until (stored_field_is, f, &expected, 10);

  /* Not a choice of chair: UNODC stays, and is what is saved. */
  choose (chair, SHOW_FORMER);
  g_assert_true (_icat_agency_choice_get_show_former (chair));
  g_assert_cmpstr (selected_name (chair), ==, "UNODC");
  g_clear_pointer (&names, g_free);
  names = offered (chair);
  g_assert_true (g_str_has_suffix (names, " World Bank DAW UNIFEM"));
  g_assert_null (strstr (names, SHOW_FORMER));
  icat_test_wait_saved (f->store);
  g_assert_true (stored_field_is (f, &expected));

  /* The co-chair has its own list, former members still hidden. */
  g_clear_pointer (&names, g_free);
  names = offered (cochair);
  g_assert_null (strstr (names, "DAW"));
  g_assert_true (g_str_has_suffix (names, SHOW_FORMER));

  choose (chair, "DAW");
  choose (cochair, "IOM");
  expected.json = daw_chair;
  icat_test_wait_until (stored_field_is, f, &expected, 10);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

/* A meeting whose chair is DAW (2005) shows DAW, chosen, among the current
 * members; the others wait behind the toggle; and the next meeting opened
 * in the same editor offers DAW no more. */
static void
test_stored_meeting_keeps_former_chair (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *daw = icat_test_agency_id (f->store, "DAW");
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"working-group\", \"title\": {\"en\": \"2005 meeting\"},"
                                           " \"starts_at\": \"2005-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                                           " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
                                           " \"chairs\": [\"%s\"]}", daw);
  g_autofree char *daw_chair = chairs_json (f, "DAW", "ILO");
  g_autofree char *id = open_stored_meeting (f, json);
  AdwComboRow *chair = combo_titled (GTK_WIDGET (f->editor), "Chair");
  AdwComboRow *cochair = combo_titled (GTK_WIDGET (f->editor), "Co-chair");
  g_autofree char *names = offered (chair);
  Expected expected = { "chairs", daw_chair };

  g_assert_cmpstr (selected_name (chair), ==, "DAW");
  g_assert_cmpuint (icat_agency_choice_get_selected (chair), !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (g_str_has_suffix (names, " World Bank DAW " SHOW_FORMER));
  g_assert_null (strstr (names, "UNIFEM"));
  g_assert_cmpstr (selected_name (cochair), ==, "None");

  /* Choosing a co-chair keeps DAW as chair. */
  choose (cochair, "ILO");
  icat_test_wait_until (stored_field_is, f, &expected, 10);
  g_assert_cmpstr (selected_name (chair), ==, "DAW");

  /* A new meeting: nobody chairs it, and DAW is not offered. */
  g_free (new_meeting (f));
  g_clear_pointer (&names, g_free);
  names = offered (chair);
  g_assert_cmpstr (selected_name (chair), ==, "None");
  g_assert_null (strstr (names, "DAW"));
  g_assert_true (g_str_has_suffix (names, " World Bank " SHOW_FORMER));
}

/* An agenda item's presenter: the same list, and a former presenter the
 * meeting names stays shown and selected. */
static void
test_presenter (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *unifem = icat_test_agency_id (f->store, "UNIFEM");
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"working-group\", \"title\": {\"en\": \"2008 meeting\"},"
                                           " \"starts_at\": \"2008-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                                           " \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\","
                                           " \"agenda\": [{\"id\": \"4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b\", \"position\": 0,"
                                           " \"title\": \"Gender and trafficking\", \"presenter\": \"%s\"},"
                                           " {\"id\": \"5a2d3c4b-6e7f-4081-9bac-1d2e3f4a5b6c\", \"position\": 1,"
                                           " \"title\": \"Any other business\"}]}", unifem);
  g_autofree char *id = open_stored_meeting (f, json);
  AdwComboRow *first = ADW_COMBO_ROW (agenda_part (f, 0, "agenda-presenter"));
  AdwComboRow *second = ADW_COMBO_ROW (agenda_part (f, 1, "agenda-presenter"));
  g_autofree char *first_names = offered (first);
  g_autofree char *second_names = offered (second);
  g_autofree char *agenda = NULL;
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");

  g_assert_cmpstr (selected_name (first), ==, "UNIFEM");
  g_assert_true (g_str_has_suffix (first_names, " World Bank UNIFEM " SHOW_FORMER));
  g_assert_null (strstr (second_names, "UNIFEM"));
  g_assert_cmpstr (selected_name (second), ==, "None");

  choose (second, SHOW_FORMER);
  g_assert_cmpstr (selected_name (second), ==, "None");
  g_clear_pointer (&second_names, g_free);
  second_names = offered (second);
  g_assert_true (g_str_has_suffix (second_names, " World Bank DAW UNIFEM"));
  choose (second, "IOM");
  icat_test_wait_saved (f->store);
  agenda = stored_field (f, "agenda");
  /* UNIFEM still presents the first item, IOM the second. */
  g_assert_nonnull (strstr (agenda, unifem));
  g_assert_nonnull (strstr (agenda, iom));
  g_assert_true (strstr (agenda, unifem) < strstr (agenda, iom));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/meeting-agency-choice/new-meeting", Fixture, NULL, fixture_set_up, test_new_meeting_chairs,
              fixture_tear_down);
  g_test_add ("/meeting-agency-choice/stored-former-chair", Fixture, NULL, fixture_set_up,
              test_stored_meeting_keeps_former_chair, fixture_tear_down);
  g_test_add ("/meeting-agency-choice/presenter", Fixture, NULL, fixture_set_up, test_presenter, fixture_tear_down);
  return g_test_run ();
}
