/* test-overview.c — the Overview's rows open the record they name, and
 * its counts fill in from a worker
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include "icat-chart.h"
#include "icat-overview.h"
#include "icat-overview-row.h"
#include "icat-test-util.h"
#include "icat-today.h"

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

/* The first AdwActionRow under widget whose title is title, or NULL. */
static AdwActionRow *
find_any_row (GtkWidget  *widget,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_any_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static guint
count_rows (GtkWidget  *widget,
            const char *title)
{
  guint n = ADW_IS_ACTION_ROW (widget) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, title);
  return n;
}

/* The row titled title (the data) is on the overview (the subject). */
static gboolean
has_row (gpointer      overview,
         gconstpointer title)
{
  return find_any_row (overview, title) != NULL;
}

typedef struct {
  const char *title;
  const char *subtitle;
} RowSays;

static gboolean
row_says (gpointer      overview,
          gconstpointer data)
{
  const RowSays *says = data;
  AdwActionRow *row = find_any_row (overview, says->title);

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (row), says->subtitle) == 0;
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

  /* The workload is counted on a worker. */
  icat_test_wait_until (has_row, overview, "UNODC", 10);
  row = find_row (overview, "UNODC");
  g_assert_nonnull (row);
  g_assert_cmpstr (icat_overview_row_get_target_id (row), ==, agency);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (shown_overdue, ==, agency);

  g_object_unref (overview);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static char *
save_item (IcatStore  *store,
           const char *owner,
           const char *due)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"Chase the report\", \"owner\": \"%s\","
                                           " \"status\": \"open\", \"due\": \"%s\"}", owner, due);
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (store, "action_item", item, &error);

  g_assert_no_error (error);
  return id;
}

/* The page is drawn at once, with a placeholder where the counts go, and
 * the counts replace it when the worker returns. */
static void
test_counts_fill_in (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autofree char *soon = icat_day_string (next_week);
  g_autofree char *overdue_id = save_item (store, unodc, "2020-06-30");
  g_autofree char *soon_id = save_item (store, unodc, soon);
  GtkWidget *overview = g_object_ref_sink (icat_overview_new (store));

  /* Before the main loop has run: headings and the placeholder, no count. */
  g_assert_true (has_row (overview, "Counting action items…"));
  g_assert_false (has_row (overview, "UNODC"));
  g_assert_false (has_row (overview, "Nothing overdue"));

  icat_test_wait_until (row_says, overview, &(RowSays) { "UNODC", "1 overdue · 1 due within two weeks" }, 10);
  g_assert_false (has_row (overview, "Counting action items…"));
  g_assert_cmpuint (count_rows (overview, "UNODC"), ==, 1);

  g_object_unref (overview);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* An empty database says so once counted. */
static void
test_counts_nothing_overdue (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  GtkWidget *overview = g_object_ref_sink (icat_overview_new (store));

  icat_test_wait_until (has_row, overview, "Nothing overdue", 10);
  g_assert_false (has_row (overview, "Counting action items…"));

  g_object_unref (overview);
  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
time_passed (gpointer      until,
             gconstpointer unused)
{
  return g_get_monotonic_time () >= *(gint64 *) until;
}

/* Changes that arrive while a count runs are counted again, and an older
 * count finishing late never replaces a newer one on screen. */
static void
test_change_while_counting (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (store, "IOM");
  GtkWidget *overview = g_object_ref_sink (icat_overview_new (store));
  gint64 until;

  /* The first count is running: each save queues another, and the loop
   * runs a little between them so that counts overlap. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = save_item (store, unodc, "2021-01-15");

      until = g_get_monotonic_time () + (i % 2 ? 250 : 20) * G_TIME_SPAN_MILLISECOND;
      icat_test_wait_until (time_passed, &until, NULL, 10);
    }
  g_free (save_item (store, iom, "2022-03-01"));
  icat_test_wait_until (row_says, overview, &(RowSays) { "UNODC", "5 overdue · 0 due within two weeks" }, 10);
  icat_test_wait_until (row_says, overview, &(RowSays) { "IOM", "1 overdue · 0 due within two weeks" }, 10);
  /* Longer than a refresh's delay and a count: nothing older comes back. */
  until = g_get_monotonic_time () + 800 * G_TIME_SPAN_MILLISECOND;
  icat_test_wait_until (time_passed, &until, NULL, 10);
  g_assert_true (row_says (overview, &(RowSays) { "UNODC", "5 overdue · 0 due within two weeks" }));
  g_assert_cmpuint (count_rows (overview, "UNODC"), ==, 1);
  g_assert_cmpuint (count_rows (overview, "IOM"), ==, 1);
  g_assert_false (has_row (overview, "Counting action items…"));

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

static IcatTally *
tally_new (const char *label,
           guint       value)
{
  IcatTally *tally = g_new0 (IcatTally, 1);

  tally->label = g_strdup (label);
  tally->values[0] = value;
  return tally;
}

static int
height_for_width (GtkWidget *widget,
                  int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return minimum;
}

/* At 360 px the legend wraps to more lines instead of being cut
 * ("Don…"); wide, it is one line; a chart of one series has none. */
static void
test_chart_legend_wraps (void)
{
  const char * const labels[] = { "Open work", "Completed work only", "No work" };
  const char * const colors[] = { "#3584e4", "#2ec27e", "#c0bfbc" };
  GtkWidget *chart = g_object_ref_sink (icat_chart_new ());
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_tally_free);
  int wide, narrow, narrowest, one_series;

  g_ptr_array_add (rows, tally_new ("All mandates", 119));
  g_ptr_array_add (rows, tally_new ("Addressed to ICAT", 16));
  icat_chart_set_rows (ICAT_CHART (chart), rows);
  icat_chart_set_series (ICAT_CHART (chart), labels, colors, 3);
  wide = height_for_width (chart, 1000);
  narrow = height_for_width (chart, 260);
  narrowest = height_for_width (chart, 60);
  /* Two rows of 24 px under a legend of lines of 24 px. */
  g_assert_cmpint (wide, ==, 24 + 2 * 24);
  g_assert_cmpint (narrow, >=, 2 * 24 + 2 * 24);
  g_assert_cmpint (narrow, <, 3 * 24 + 2 * 24 + 1);
  /* GTK measures no narrower than the chart's minimum width, which follows
   * its row labels in the system's font: as narrow as it goes, the legend
   * takes two or three lines, never fewer than at 260 px. */
  g_assert_cmpint (narrowest, >=, narrow);
  g_assert_cmpint (narrowest, <=, 3 * 24 + 2 * 24);
  icat_chart_set_series (ICAT_CHART (chart), labels, colors, 1);
  one_series = height_for_width (chart, 60);
  g_assert_cmpint (one_series, ==, 2 * 24);
  g_object_unref (chart);
}

/* The Overview's charts are about 560 px wide in the window's usual size:
 * a long stage name ("Agency review" in Russian) is there whole, not
 * "Рассмотрение учрежд…"; in a narrow chart the labels give way to the
 * bars. */
static void
test_chart_labels_whole (void)
{
  const char *long_label = "Рассмотрение учреждениями";
  GtkWidget *chart = g_object_ref_sink (icat_chart_new ());
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_tally_free);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart, long_label);
  int text_width;

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_assert_cmpint (text_width, >, 160);
  g_ptr_array_add (rows, tally_new ("Предложена", 2));
  g_ptr_array_add (rows, tally_new (long_label, 1));
  icat_chart_set_rows (ICAT_CHART (chart), rows);
  g_assert_cmpint (icat_chart_get_label_width (ICAT_CHART (chart), 560), ==, text_width);
  g_assert_cmpint (icat_chart_get_label_width (ICAT_CHART (chart), 300), ==, 160);
  g_assert_cmpint (icat_chart_get_label_width (ICAT_CHART (chart), 440), ==, 176);
  g_object_unref (chart);
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
  g_test_add_func ("/overview/counts-fill-in", test_counts_fill_in);
  g_test_add_func ("/overview/counts-nothing-overdue", test_counts_nothing_overdue);
  g_test_add_func ("/overview/change-while-counting", test_change_while_counting);
  g_test_add_func ("/overview/chart-legend-wraps", test_chart_legend_wraps);
  g_test_add_func ("/overview/chart-labels-whole", test_chart_labels_whole);
  return g_test_run ();
}
