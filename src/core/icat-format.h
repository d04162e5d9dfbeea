/* icat-format.h — record values as people read them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-record.h"

G_BEGIN_DECLS

/* The time zone of an identifier ("Europe/Vienna"), or NULL when the
 * system does not know it; kept once read (a new reference). */
GTimeZone  *icat_time_zone_named     (const char *zone_name);
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

/* Words shared by the action item views; "" for NULL (status, pillar),
 * "Normal" for no priority; an unknown value comes back as it is. */
const char *icat_action_status_label        (const char *status);
const char *icat_action_priority_label      (const char *priority);
const char *icat_action_pillar_label        (const char *pillar);
/* "23 Nov 2026", "Nov 2026" or "2026" for a date as precise as it is given;
 * anything that is not a date comes back as it is ("" for NULL). */
char       *icat_action_format_date         (const char *date);
/* Whether an action item (exchange format) is late on the day today
 * ("YYYY-MM-DD"): due before it and neither done nor cancelled. The rule of
 * ICAT_FILTER_DUE_BEFORE, so the marks agree with the "Overdue" filter. */
gboolean    icat_action_item_is_overdue     (JsonObject *item,
                                             const char *today);

/* "72/195 ¶10", "GPA annex 11", "2015/23 ¶7", "5/2 ¶16": a mandate in a
 * few characters, as row labels, cards and chips show it, between U+2068
 * and U+2069 so that a right-to-left line keeps it in order. NULL when the
 * document or the paragraph is missing or empty. */
char       *icat_mandate_short_label        (const char *document,
                                             const char *paragraph);
/* The same for a mandate record; its title when the document or the
 * paragraph is missing. */
char       *icat_action_mandate_short_label (IcatRecord *mandate);
/* A record as choice lists show it: an agency's acronym, a meeting's title
 * and date, another record's title; the "string" of any other object (a
 * GtkStringObject); "" for NULL. */
char       *icat_action_record_label        (GObject    *item);

/* Translated labels of a meeting's kind (an unknown kind comes back as it
 * is, "" for NULL) and of its record's status ("Draft" unless circulated
 * or approved). */
const char *icat_meeting_kind_label         (const char *kind);
const char *icat_meeting_status_label       (const char *record_status);
/* What stands between the items of a list written on a line: "; ", "؛ "
 * in Arabic, "；" in Chinese. It follows the language of the messages,
 * which is a document's own when the command line writes it in another
 * language than the app's. */
const char *icat_list_separator             (void);
/* Appends item to list, after the separator unless list is still empty. */
void        icat_list_append                (GString    *list,
                                             const char *item);
/* "zh" when the user reads Chinese first of the records' languages, else
 * "en": where typed titles go in editors that offer only those two. */
const char *icat_user_language              (void);

G_END_DECLS
