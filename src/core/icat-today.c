/* icat-today.c — days as records store them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates such as a due day or a circulation day are stored as YYYY-MM-DD, and
 * compared as text: one writer keeps every "today" in the same shape.
 */
#define G_LOG_DOMAIN "icat-today"

#include "config.h"

#include "icat-today.h"

char *
icat_day_string (GDateTime *when)
{
  if (when == NULL)
    return NULL;
  return g_date_time_format (when, "%Y-%m-%d");
}

char *
icat_today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return icat_day_string (now);
}

gboolean
icat_same_day (GDateTime *a,
               GDateTime *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}
