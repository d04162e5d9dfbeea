/* icat-format.h — record values as people read them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "2 May 2018", "May 2018" or "2018", as precise as the record knows it,
 * in the meeting's own time zone; with a time for "minute" precision. */
char       *icat_format_meeting_when (JsonObject *meeting);
/* A venue in the user's language: "New York" → "纽约"; NULL → "Venue unknown". */
const char *icat_format_venue        (const char *venue);

/* An enumeration value as people read it, translated: ("status",
 * "in-progress") → "In progress". field disambiguates values shared by
 * several enumerations; unknown values come back as they are. */
const char *icat_format_enum         (const char *field,
                                      const char *value);
/* "Member since 2006 · Working Group · Coordinator", from an agency's memberships. */
char       *icat_format_agency_roles (JsonObject *agency);
/* A stored date (YYYY, YYYY-MM or YYYY-MM-DD) as people write it, saying
 * only as much as is known: "2 May 2018", "May 2018", "2018". */
char       *icat_format_date         (const char *date);

G_END_DECLS
