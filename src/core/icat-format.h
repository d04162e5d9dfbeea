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
/* A stored date (YYYY, YYYY-MM or YYYY-MM-DD) as people write it, saying
 * only as much as is known: "2 May 2018", "May 2018", "2018". */
char       *icat_format_date         (const char *date);

typedef enum {
  ICAT_AGENCY_STATUS_NONE,             /* no role has begun */
  ICAT_AGENCY_STATUS_MEMBER,           /* an active member */
  ICAT_AGENCY_STATUS_INACTIVE_MEMBER,
  ICAT_AGENCY_STATUS_PARTNER,
  ICAT_AGENCY_STATUS_COORDINATOR,
  ICAT_AGENCY_STATUS_FORMER_MEMBER,    /* every role it held has ended */
} IcatAgencyStatus;

/* An agency's standing on a date (YYYY, YYYY-MM or YYYY-MM-DD), from its
 * memberships. A role counts from its "from" to its "to", both included,
 * as far as the dates say: on "2011" a role that ended "2011-01-01" still
 * counts. Coordinator comes first; otherwise the role that began last.
 * working_group (optional) tells whether it sat in the Working Group. */
IcatAgencyStatus icat_agency_status_on     (JsonObject       *agency,
                                            const char       *date,
                                            gboolean         *working_group);
/* "Active member", "Former member"…; "" for ICAT_AGENCY_STATUS_NONE. */
const char      *icat_format_agency_status (IcatAgencyStatus  status);

G_END_DECLS
