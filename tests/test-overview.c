/* test-overview.c — the Overview's rows open the record they name
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include "icat-overview.h"
#include "icat-overview-row.h"
#include "icat-test-util.h"

/* The first IcatOverviewRow under widget whose title is title, or NULL. */
static IcatOverviewRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ICAT_IS_OVERVIEW_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ICAT_OVERVIEW_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcatOverviewRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
shown_cb (IcatOverview *overview,
          const char   *id,
          char        **shown)
{
  g_free (*shown);
  *shown = g_strdup (id);
}

static void
test_rows_open_records (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  g_autofree char *agency = icat_test_agency_id (store, "UNODC");
  g_autofree char *item_json = g_strdup_printf ("{\"title\": \"Convene the principals\", \"owner\": \"%s\","
                                                " \"status\": \"open\", \"due\": \"2020-06-30\"}", agency);
  g_autoptr(JsonObject) meeting = icat_test_object (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Geneva\"},"
    " \"starts_at\": \"2030-04-01T08:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\"}");
  g_autoptr(JsonObject) item = icat_test_object (item_json);
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting_id = icat_store_save (store, "meeting", meeting, &error);
  g_autofree char *item_id = NULL;
  g_autofree char *shown_meeting = NULL;
  g_autofree char *shown_overdue = NULL;
  GtkWidget *overview;
  IcatOverviewRow *row;

  g_assert_no_error (error);
  item_id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  overview = g_object_ref_sink (icat_overview_new (store));
  g_signal_connect (overview, "show-meeting", G_CALLBACK (shown_cb), &shown_meeting);
  g_signal_connect (overview, "show-overdue", G_CALLBACK (shown_cb), &shown_overdue);

  row = find_row (overview, "Working Group, Geneva");
  g_assert_nonnull (row);
  g_assert_cmpstr (icat_overview_row_get_target_signal (row), ==, "show-meeting");
  g_assert_cmpstr (icat_overview_row_get_target_id (row), ==, meeting_id);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (shown_meeting, ==, meeting_id);
  g_assert_null (shown_overdue);

  row = find_row (overview, "UNODC");
  g_assert_nonnull (row);
  g_assert_cmpstr (icat_overview_row_get_target_id (row), ==, agency);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (shown_overdue, ==, agency);

  g_object_unref (overview);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_row_new (void)
{
  g_autoptr(GtkWidget) row = g_object_ref_sink (icat_overview_row_new ("show-meeting", "m-1", "A meeting", NULL));

  g_assert_cmpstr (icat_overview_row_get_target_signal (ICAT_OVERVIEW_ROW (row)), ==, "show-meeting");
  g_assert_cmpstr (icat_overview_row_get_target_id (ICAT_OVERVIEW_ROW (row)), ==, "m-1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "A meeting");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/overview/row-new", test_row_new);
  g_test_add_func ("/overview/rows-open-records", test_rows_open_records);
  return g_test_run ();
}
