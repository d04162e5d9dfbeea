/* test-today.c — days as records store them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-today"

#include "config.h"

#include <string.h>

#include "icat-today.h"

static void
test_day_padded (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 5, 23, 59, 59);
  g_autofree char *day = icat_day_string (when);

  g_assert_cmpstr (day, ==, "2026-01-05");
}

/* The day is the one where the time is, not in UTC. */
static void
test_day_in_own_zone (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 12, 31, 20, 0, 0);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tokyo);
  g_autofree char *utc_day = icat_day_string (utc);
  g_autofree char *local_day = icat_day_string (local);

  g_assert_cmpstr (utc_day, ==, "2025-12-31");
  g_assert_cmpstr (local_day, ==, "2026-01-01");
}

static void
test_day_null (void)
{
  g_assert_null (icat_day_string (NULL));
}

/* Today is a day of the local clock, read between two looks at it (a
 * test run across midnight sees either day). */
static void
test_today_local (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *today = icat_today_string ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *first = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (before),
                                            g_date_time_get_month (before), g_date_time_get_day_of_month (before));
  g_autofree char *last = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (after),
                                           g_date_time_get_month (after), g_date_time_get_day_of_month (after));

  g_assert_cmpuint (strlen (today), ==, 10);
  g_assert_true (g_str_equal (today, first) || g_str_equal (today, last));
}

static void
test_same_day (void)
{
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 3, 9, 0, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 3, 9, 23, 59, 59);
  g_autoptr(GDateTime) next_morning = g_date_time_add_seconds (evening, 1);
  /* The same day of the year in another year is another day. */
  g_autoptr(GDateTime) year_later = g_date_time_new_utc (2027, 3, 9, 12, 0, 0);

  g_assert_true (icat_same_day (morning, evening));
  g_assert_true (icat_same_day (evening, evening));
  g_assert_false (icat_same_day (evening, next_morning));
  g_assert_false (icat_same_day (morning, year_later));
}

/* Each time is read in its own zone: one moment can be two days. */
static void
test_same_day_own_zones (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 12, 31, 20, 0, 0);
  g_autoptr(GDateTime) in_tokyo = g_date_time_to_timezone (utc, tokyo);
  g_autoptr(GDateTime) utc_later = g_date_time_new_utc (2026, 1, 1, 1, 0, 0);

  g_assert_false (icat_same_day (utc, in_tokyo));
  g_assert_true (icat_same_day (in_tokyo, utc_later));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/today/day/padded", test_day_padded);
  g_test_add_func ("/today/day/own-zone", test_day_in_own_zone);
  g_test_add_func ("/today/day/null", test_day_null);
  g_test_add_func ("/today/today/local", test_today_local);
  g_test_add_func ("/today/same-day/utc", test_same_day);
  g_test_add_func ("/today/same-day/own-zones", test_same_day_own_zones);
  return g_test_run ();
}
