/* icat-fields.h — the names of record fields, as constants
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exchange format, the database and the code spell a field the same
 * way. Code names a field through these constants, so a misspelt name is a
 * compile error instead of a silently empty value; the field tables in
 * icat-schema.c are written with the same constants, and test-schema checks
 * that every constant names a field and every field has a constant.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICAT_KEY_ACRONYM               "acronym"
#define ICAT_KEY_ADDRESSEE             "addressee"
#define ICAT_KEY_AGENCIES              "agencies"
#define ICAT_KEY_AGENCY                "agency"
#define ICAT_KEY_AGENDA                "agenda"
#define ICAT_KEY_AGENDA_ITEM           "agenda_item"
#define ICAT_KEY_APPROVED_ON           "approved_on"
#define ICAT_KEY_AT                    "at"
#define ICAT_KEY_ATTACHMENTS           "attachments"
#define ICAT_KEY_ATTENDANCE            "attendance"
#define ICAT_KEY_ATTENDED              "attended"
#define ICAT_KEY_BY                    "by"
#define ICAT_KEY_CHAIRS                "chairs"
#define ICAT_KEY_CIRCULATED_ON         "circulated_on"
#define ICAT_KEY_CLEARANCES            "clearances"
#define ICAT_KEY_COMPLETION_NOTE       "completion_note"
#define ICAT_KEY_CONTINUE_NEXT         "continue_next"
#define ICAT_KEY_CONTRIBUTING_AGENCIES "contributing_agencies"
#define ICAT_KEY_CREATED_AT            "created_at"
#define ICAT_KEY_DATE_PRECISION        "date_precision"
#define ICAT_KEY_DECISIONS             "decisions"
#define ICAT_KEY_DELEGATES             "delegates"
#define ICAT_KEY_DESCRIPTION           "description"
#define ICAT_KEY_DOCUMENT              "document"
#define ICAT_KEY_DUE                   "due"
#define ICAT_KEY_EMAIL                 "email"
#define ICAT_KEY_ENDORSED_AT           "endorsed_at"
#define ICAT_KEY_ENDORSED_ON           "endorsed_on"
#define ICAT_KEY_ENDORSEMENT_REASON    "endorsement_reason"
#define ICAT_KEY_ENDS_AT               "ends_at"
#define ICAT_KEY_FOCAL_POINTS          "focal_points"
#define ICAT_KEY_FROM                  "from"
#define ICAT_KEY_HISTORY               "history"
#define ICAT_KEY_HOST                  "host"
#define ICAT_KEY_ID                    "id"
#define ICAT_KEY_INVITED               "invited"
#define ICAT_KEY_KIND                  "kind"
#define ICAT_KEY_LEAD_AGENCIES         "lead_agencies"
#define ICAT_KEY_LINK                  "link"
#define ICAT_KEY_MANDATES              "mandates"
#define ICAT_KEY_MEETING               "meeting"
#define ICAT_KEY_MEMBERSHIPS           "memberships"
#define ICAT_KEY_MINUTES               "minutes"
#define ICAT_KEY_MULTI_DAY             "multi_day"
#define ICAT_KEY_NAME                  "name"
#define ICAT_KEY_NOTE                  "note"
#define ICAT_KEY_NUMBER                "number"
#define ICAT_KEY_ON                    "on"
#define ICAT_KEY_OWNER                 "owner"
#define ICAT_KEY_PARAGRAPH             "paragraph"
#define ICAT_KEY_PHONE                 "phone"
#define ICAT_KEY_PILLAR                "pillar"
#define ICAT_KEY_POSITION              "position"
#define ICAT_KEY_PRESENT               "present"
#define ICAT_KEY_PRESENTER             "presenter"
#define ICAT_KEY_PRIORITY              "priority"
#define ICAT_KEY_PUBLISHED_ON          "published_on"
#define ICAT_KEY_RECORD_STATUS         "record_status"
#define ICAT_KEY_REOPENED_ON           "reopened_on"
#define ICAT_KEY_ROLE                  "role"
#define ICAT_KEY_STARTS                "starts"
#define ICAT_KEY_STARTS_AT             "starts_at"
#define ICAT_KEY_STATE                 "state"
#define ICAT_KEY_STATUS                "status"
#define ICAT_KEY_SUCCESSOR             "successor"
#define ICAT_KEY_SUPPORTING            "supporting"
#define ICAT_KEY_TARGET_DATE           "target_date"
#define ICAT_KEY_TEXT                  "text"
#define ICAT_KEY_TIMEZONE              "timezone"
#define ICAT_KEY_TITLE                 "title"
#define ICAT_KEY_TO                    "to"
#define ICAT_KEY_UPDATED_AT            "updated_at"
#define ICAT_KEY_UPDATED_BY            "updated_by"
#define ICAT_KEY_URI                   "uri"
#define ICAT_KEY_VENUE                 "venue"
#define ICAT_KEY_WEBSITE               "website"
#define ICAT_KEY_YEAR                  "year"

/* Every ICAT_KEY_ constant above, NULL-terminated. */
extern const char * const icat_field_keys[];

G_END_DECLS
