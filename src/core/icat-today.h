/* icat-today.h — days as records store them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The calendar day of when, where when is, as records store a day:
 * "2026-01-05". NULL for NULL. */
char     *icat_day_string   (GDateTime *when);
/* Today on this computer's clock and time zone, as icat_day_string () writes it. */
char     *icat_today_string (void);
/* Whether a and b fall on the same calendar day, each read where it is:
 * a time and the same time in another zone may be on different days. */
gboolean  icat_same_day     (GDateTime *a,
                             GDateTime *b);

G_END_DECLS
