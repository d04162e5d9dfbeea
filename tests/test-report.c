/* test-report.c — the years a work plan can be made for
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-report.h"
#include "icat-test-util.h"

static void
save (IcatStore  *store,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) record = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (store, kind, record, &error);

  g_assert_no_error (error);
}

static gboolean
has_year (GArray *years,
          int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return TRUE;
  return FALSE;
}

/* The seed's years, and those of new records in the 2040s, where the seed
 * has nothing: each counted once, in order, and no year between them. */
static void
test_activity_years (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autofree char *item = NULL, *late_item = NULL, *undated_item = NULL;
  g_autoptr(GArray) seeded = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  seeded = icat_report_activity_years (_icat_store_get_read_db (store), &error);
  g_assert_no_error (error);
  /* The seed's chairs and papers: 2016 had a chair and two papers. */
  g_assert_true (has_year (seeded, 2016));
  for (int year = 2040; year < 2050; year++)
    g_assert_false (has_year (seeded, year));

  item = g_strdup_printf ("{\"title\": \"Draft the brief\", \"owner\": \"%s\", \"status\": \"open\", \"due\": \"2041-03-01\"}", unodc);
  late_item = g_strdup_printf ("{\"title\": \"Review the brief\", \"owner\": \"%s\", \"status\": \"open\", \"due\": \"2043-12-31\"}", unodc);
  undated_item = g_strdup_printf ("{\"title\": \"Someday\", \"owner\": \"%s\", \"status\": \"open\"}", unodc);
  save (store, "action_item", item);
  save (store, "action_item", item);
  save (store, "action_item", late_item);
  save (store, "action_item", undated_item);
  save (store, "meeting", "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
                          "\"starts_at\": \"2045-05-10T08:00:00.000Z\", \"date_precision\": \"minute\", "
                          "\"timezone\": \"Europe/Vienna\"}");
  save (store, "paper", "{\"kind\": \"issue-brief\", \"title\": {\"en\": \"A brief\"}, \"year\": 2047, "
                        "\"status\": \"proposed\"}");
  icat_store_sync (store);

  years = icat_report_activity_years (_icat_store_get_read_db (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, seeded->len + 4);
  for (guint i = 1; i < years->len; i++)
    g_assert_cmpint (g_array_index (years, int, i - 1), <, g_array_index (years, int, i));
  g_assert_true (has_year (years, 2041));
  g_assert_true (has_year (years, 2043));
  g_assert_true (has_year (years, 2045));
  g_assert_true (has_year (years, 2047));
  g_assert_false (has_year (years, 2042));
  g_assert_false (has_year (years, 2044));
  g_assert_false (has_year (years, 2046));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/report/activity-years", test_activity_years);
  return g_test_run ();
}
