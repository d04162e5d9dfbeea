/* icat-schema.c — the field tables of every record kind
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-schema.h"

const char * const icat_agency_kinds[] = { "un-entity", "intergovernmental", "regional", NULL };
const char * const icat_membership_roles[] = { "member", "inactive-member", "working-group", "partner", "coordinator", NULL };
const char * const icat_meeting_kinds[] = { "working-group", "principals", "member-state-briefing", "hq-briefing", "other", NULL };
const char * const icat_date_precisions[] = { "minute", "day", "month", "year", NULL };
const char * const icat_record_statuses[] = { "draft", "circulated", "approved", NULL };
const char * const icat_paper_kinds[] = { "policy-paper", "issue-brief", "joint-statement", "report", "other", NULL };
const char * const icat_paper_statuses[] = { "proposed", "drafting", "agency-review", "wg-endorsement", "published", NULL };
const char * const icat_clearance_states[] = { "requested", "cleared", "cleared-with-comments", "objected", NULL };
const char * const icat_documents[] = { "A/RES/72/195", "A/RES/64/293", "E/RES/2015/23", "CTOC/COP resolution 5/2", NULL };
const char * const icat_addressees[] = { "icat", "coordinator", "unodc", "member-states", "secretary-general", "un-system", "stakeholders", NULL };
const char * const icat_pillars[] = { "general", "prevention", "protection", "prosecution", "partnership", "coordination", "reporting", NULL };
const char * const icat_action_statuses[] = { "open", "in-progress", "done", "blocked", "cancelled", NULL };
const char * const icat_priorities[] = { "low", "normal", "high", NULL };
const char * const icat_invitee_kinds[] = { "state", "organization", NULL };
const char * const icat_work_plan_statuses[] = { "draft", "endorsed", NULL };

const char * const icat_field_keys[] = {
  ICAT_KEY_ACRONYM,
  ICAT_KEY_ADDRESSEE,
  ICAT_KEY_AGENCIES,
  ICAT_KEY_AGENCY,
  ICAT_KEY_AGENDA,
  ICAT_KEY_AGENDA_ITEM,
  ICAT_KEY_APPROVED_ON,
  ICAT_KEY_AT,
  ICAT_KEY_ATTACHMENTS,
  ICAT_KEY_ATTENDANCE,
  ICAT_KEY_ATTENDED,
  ICAT_KEY_BY,
  ICAT_KEY_CHAIRS,
  ICAT_KEY_CIRCULATED_ON,
  ICAT_KEY_CLEARANCES,
  ICAT_KEY_COMPLETION_NOTE,
  ICAT_KEY_CONTINUE_NEXT,
  ICAT_KEY_CONTRIBUTING_AGENCIES,
  ICAT_KEY_CREATED_AT,
  ICAT_KEY_DATE_PRECISION,
  ICAT_KEY_DECISIONS,
  ICAT_KEY_DELEGATES,
  ICAT_KEY_DESCRIPTION,
  ICAT_KEY_DOCUMENT,
  ICAT_KEY_DUE,
  ICAT_KEY_EMAIL,
  ICAT_KEY_ENDORSED_AT,
  ICAT_KEY_ENDORSED_ON,
  ICAT_KEY_ENDORSEMENT_REASON,
  ICAT_KEY_ENDS_AT,
  ICAT_KEY_FOCAL_POINTS,
  ICAT_KEY_FROM,
  ICAT_KEY_HISTORY,
  ICAT_KEY_HOST,
  ICAT_KEY_ID,
  ICAT_KEY_INVITED,
  ICAT_KEY_KIND,
  ICAT_KEY_LEAD_AGENCIES,
  ICAT_KEY_LINK,
  ICAT_KEY_MANDATES,
  ICAT_KEY_MEETING,
  ICAT_KEY_MEMBERSHIPS,
  ICAT_KEY_MINUTES,
  ICAT_KEY_MULTI_DAY,
  ICAT_KEY_NAME,
  ICAT_KEY_NOTE,
  ICAT_KEY_NUMBER,
  ICAT_KEY_ON,
  ICAT_KEY_OWNER,
  ICAT_KEY_PARAGRAPH,
  ICAT_KEY_PHONE,
  ICAT_KEY_PILLAR,
  ICAT_KEY_POSITION,
  ICAT_KEY_PRESENT,
  ICAT_KEY_PRESENTER,
  ICAT_KEY_PRIORITY,
  ICAT_KEY_PUBLISHED_ON,
  ICAT_KEY_RECORD_STATUS,
  ICAT_KEY_REOPENED_ON,
  ICAT_KEY_ROLE,
  ICAT_KEY_STARTS,
  ICAT_KEY_STARTS_AT,
  ICAT_KEY_STATE,
  ICAT_KEY_STATUS,
  ICAT_KEY_SUCCESSOR,
  ICAT_KEY_SUPPORTING,
  ICAT_KEY_TARGET_DATE,
  ICAT_KEY_TEXT,
  ICAT_KEY_TIMEZONE,
  ICAT_KEY_TITLE,
  ICAT_KEY_TO,
  ICAT_KEY_UPDATED_AT,
  ICAT_KEY_UPDATED_BY,
  ICAT_KEY_URI,
  ICAT_KEY_VENUE,
  ICAT_KEY_WEBSITE,
  ICAT_KEY_YEAR,
  NULL
};

#define REQ ICAT_FIELD_REQUIRED
#define META_FIELDS \
  { ICAT_KEY_ID,         ICAT_VALUE_ID,        REQ | ICAT_FIELD_META }, \
  { ICAT_KEY_CREATED_AT, ICAT_VALUE_TIMESTAMP, REQ | ICAT_FIELD_META }, \
  { ICAT_KEY_UPDATED_AT, ICAT_VALUE_TIMESTAMP, REQ | ICAT_FIELD_META }, \
  { ICAT_KEY_UPDATED_BY, ICAT_VALUE_ID,        REQ | ICAT_FIELD_META }
#define KIND(n, p, f, child, order) { n, p, f, G_N_ELEMENTS (f), child, order }

/* Agencies */
static const IcatField membership_fields[] = {
  /* Optional: a row without one gets an id derived from its natural key
   * (icat-nested-id.c). */
  { ICAT_KEY_ID,   ICAT_VALUE_ID,   0 },
  { ICAT_KEY_ROLE, ICAT_VALUE_ENUM, REQ, icat_membership_roles },
  { ICAT_KEY_FROM, ICAT_VALUE_DATE, REQ },
  { ICAT_KEY_TO,   ICAT_VALUE_DATE, 0 },
  { ICAT_KEY_NOTE, ICAT_VALUE_TEXT, 0 },
};
static const IcatField focal_point_fields[] = {
  { ICAT_KEY_ID,    ICAT_VALUE_ID,   0 },
  { ICAT_KEY_NAME,  ICAT_VALUE_TEXT, REQ | ICAT_FIELD_SEARCH },
  { ICAT_KEY_TITLE, ICAT_VALUE_TEXT, 0 },
  { ICAT_KEY_EMAIL, ICAT_VALUE_TEXT, ICAT_FIELD_PRIVATE },
  { ICAT_KEY_PHONE, ICAT_VALUE_TEXT, ICAT_FIELD_PRIVATE },
};
static const IcatKind membership_kind = KIND ("membership", "memberships", membership_fields, TRUE, "seq, id");
static const IcatKind focal_point_kind = KIND ("focal_point", "focal_points", focal_point_fields, TRUE, "seq, id");

static const IcatField agency_fields[] = {
  META_FIELDS,
  { ICAT_KEY_ACRONYM,      ICAT_VALUE_TEXT,      REQ | ICAT_FIELD_TITLE | ICAT_FIELD_UNIQUE },
  { ICAT_KEY_NAME,         ICAT_VALUE_LOCALIZED, REQ | ICAT_FIELD_TITLE },
  { ICAT_KEY_KIND,         ICAT_VALUE_ENUM,      REQ, icat_agency_kinds },
  { ICAT_KEY_MEMBERSHIPS,  ICAT_VALUE_CHILDREN,  0, NULL, NULL, &membership_kind },
  { ICAT_KEY_SUCCESSOR,    ICAT_VALUE_REF,       0, NULL, "agency" },
  { ICAT_KEY_FOCAL_POINTS, ICAT_VALUE_CHILDREN,  0, NULL, NULL, &focal_point_kind },
  { ICAT_KEY_WEBSITE,      ICAT_VALUE_TEXT,      0 },
  { ICAT_KEY_NOTE,         ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
};

/* Chair terms */
static const IcatField chair_term_fields[] = {
  META_FIELDS,
  { ICAT_KEY_YEAR,     ICAT_VALUE_INTEGER,  REQ | ICAT_FIELD_UNIQUE, NULL, NULL, NULL, NULL, 2006, 2100 },
  { ICAT_KEY_AGENCIES, ICAT_VALUE_REF_LIST, REQ, NULL, "agency", NULL, NULL, 1, 2 },
  { ICAT_KEY_NOTE,     ICAT_VALUE_TEXT,     0 },
};

/* Meetings */
static const IcatField agenda_fields[] = {
  { ICAT_KEY_ID,        ICAT_VALUE_ID,       REQ },
  { ICAT_KEY_POSITION,  ICAT_VALUE_INTEGER,  REQ, NULL, NULL, NULL, NULL, 0, G_MAXINT32 },
  { ICAT_KEY_TITLE,     ICAT_VALUE_TEXT,     REQ | ICAT_FIELD_SEARCH },
  { ICAT_KEY_PRESENTER, ICAT_VALUE_REF,      0, NULL, "agency" },
  { ICAT_KEY_MINUTES,   ICAT_VALUE_TEXT,     ICAT_FIELD_SEARCH },
  { ICAT_KEY_MANDATES,  ICAT_VALUE_REF_LIST, 0, NULL, "mandate" },
  /* "Plan Next Meeting" carries the item into the next agenda (schema
   * version 10; older documents lack it). */
  { ICAT_KEY_CONTINUE_NEXT, ICAT_VALUE_BOOLEAN, ICAT_FIELD_FALSE_IF_ABSENT },
};
static const IcatField decision_fields[] = {
  { ICAT_KEY_ID,     ICAT_VALUE_ID,      REQ },
  { ICAT_KEY_NUMBER, ICAT_VALUE_INTEGER, REQ, NULL, NULL, NULL, NULL, 1, G_MAXINT32 },
  { ICAT_KEY_TEXT,   ICAT_VALUE_TEXT,    REQ | ICAT_FIELD_SEARCH },
};
static const IcatField attendance_fields[] = {
  { ICAT_KEY_ID,        ICAT_VALUE_ID,        0 },
  { ICAT_KEY_AGENCY,    ICAT_VALUE_REF,       REQ, NULL, "agency" },
  { ICAT_KEY_PRESENT,   ICAT_VALUE_BOOLEAN,   REQ },
  { ICAT_KEY_DELEGATES, ICAT_VALUE_NAME_LIST, ICAT_FIELD_SEARCH },
};
static const IcatField invitee_fields[] = {
  { ICAT_KEY_ID,       ICAT_VALUE_ID,      0 },
  { ICAT_KEY_NAME,     ICAT_VALUE_TEXT,    REQ | ICAT_FIELD_SEARCH },
  { ICAT_KEY_KIND,     ICAT_VALUE_ENUM,    REQ, icat_invitee_kinds },
  { ICAT_KEY_ATTENDED, ICAT_VALUE_BOOLEAN, 0 },
};
static const IcatField attachment_fields[] = {
  { ICAT_KEY_ID,    ICAT_VALUE_ID,   0 },
  { ICAT_KEY_TITLE, ICAT_VALUE_TEXT, REQ | ICAT_FIELD_SEARCH },
  { ICAT_KEY_URI,   ICAT_VALUE_TEXT, REQ },
};
static const IcatKind agenda_kind = KIND ("agenda_item", "agenda", agenda_fields, TRUE, "position, seq, id");
static const IcatKind decision_kind = KIND ("decision", "decisions", decision_fields, TRUE, "number, seq, id");
static const IcatKind attendance_kind = KIND ("attendance", "attendance", attendance_fields, TRUE, "seq, id");
static const IcatKind invitee_kind = KIND ("invitee", "invited", invitee_fields, TRUE, "seq, id");
static const IcatKind attachment_kind = KIND ("attachment", "attachments", attachment_fields, TRUE, "seq, id");

static const IcatField meeting_fields[] = {
  META_FIELDS,
  { ICAT_KEY_KIND,      ICAT_VALUE_ENUM,      REQ, icat_meeting_kinds },
  { ICAT_KEY_TITLE,     ICAT_VALUE_LOCALIZED, REQ | ICAT_FIELD_TITLE },
  { ICAT_KEY_STARTS_AT, ICAT_VALUE_TIMESTAMP, REQ },
  { ICAT_KEY_ENDS_AT,   ICAT_VALUE_TIMESTAMP, 0 },
  /* The meeting lasts several days, so ending more than a day after it
   * starts is meant (schema version 4; older documents lack it). */
  { ICAT_KEY_MULTI_DAY,      ICAT_VALUE_BOOLEAN,  ICAT_FIELD_FALSE_IF_ABSENT },
  { ICAT_KEY_DATE_PRECISION, ICAT_VALUE_ENUM,     REQ, icat_date_precisions },
  { ICAT_KEY_TIMEZONE,       ICAT_VALUE_TIMEZONE, REQ },
  { ICAT_KEY_VENUE,          ICAT_VALUE_TEXT,     ICAT_FIELD_SEARCH },
  { ICAT_KEY_HOST,           ICAT_VALUE_REF,      0, NULL, "agency" },
  { ICAT_KEY_CHAIRS,         ICAT_VALUE_REF_LIST, 0, NULL, "agency" },
  { ICAT_KEY_RECORD_STATUS,  ICAT_VALUE_ENUM,     0, icat_record_statuses },
  { ICAT_KEY_CIRCULATED_ON,  ICAT_VALUE_DATE,     0 },
  { ICAT_KEY_APPROVED_ON,    ICAT_VALUE_DATE,     0 },
  /* The day an approved record was last reopened (set back to circulated);
   * approved_on keeps the approval's day (schema 9; older documents lack it). */
  { ICAT_KEY_REOPENED_ON,    ICAT_VALUE_DATE,     0 },
  { ICAT_KEY_AGENDA,         ICAT_VALUE_CHILDREN, 0, NULL, NULL, &agenda_kind },
  { ICAT_KEY_DECISIONS,      ICAT_VALUE_CHILDREN, 0, NULL, NULL, &decision_kind },
  { ICAT_KEY_ATTENDANCE,     ICAT_VALUE_CHILDREN, 0, NULL, NULL, &attendance_kind },
  { ICAT_KEY_INVITED,        ICAT_VALUE_CHILDREN, 0, NULL, NULL, &invitee_kind },
  { ICAT_KEY_ATTACHMENTS,    ICAT_VALUE_CHILDREN, 0, NULL, NULL, &attachment_kind },
  { ICAT_KEY_NOTE,           ICAT_VALUE_TEXT,     ICAT_FIELD_SEARCH },
};

/* Papers */
/* One agency's clearance of a joint paper (schema version 8). Its id is
 * derived from the agency, so two laptops clearing for different agencies
 * write different rows and both survive a merge. */
static const IcatField clearance_fields[] = {
  { ICAT_KEY_ID,     ICAT_VALUE_ID,   0 },
  { ICAT_KEY_AGENCY, ICAT_VALUE_REF,  REQ, NULL, "agency" },
  { ICAT_KEY_STATE,  ICAT_VALUE_ENUM, REQ, icat_clearance_states },
  { ICAT_KEY_ON,     ICAT_VALUE_DATE, 0 },
  { ICAT_KEY_NOTE,   ICAT_VALUE_TEXT, ICAT_FIELD_SEARCH },
};
static const IcatKind clearance_kind = KIND ("clearance", "clearances", clearance_fields, TRUE, "seq, id");

static const IcatField paper_fields[] = {
  META_FIELDS,
  { ICAT_KEY_KIND,                  ICAT_VALUE_ENUM,      REQ, icat_paper_kinds },
  { ICAT_KEY_NUMBER,                ICAT_VALUE_TEXT,      0 },
  { ICAT_KEY_TITLE,                 ICAT_VALUE_LOCALIZED, REQ | ICAT_FIELD_TITLE },
  { ICAT_KEY_YEAR,                  ICAT_VALUE_INTEGER,   0, NULL, NULL, NULL, NULL, 1990, 2100 },
  { ICAT_KEY_PUBLISHED_ON,          ICAT_VALUE_DATE,      0 },
  { ICAT_KEY_TARGET_DATE,           ICAT_VALUE_DATE,      0 },
  { ICAT_KEY_STATUS,                ICAT_VALUE_ENUM,      REQ, icat_paper_statuses },
  { ICAT_KEY_LEAD_AGENCIES,         ICAT_VALUE_REF_LIST,  0, NULL, "agency" },
  { ICAT_KEY_CONTRIBUTING_AGENCIES, ICAT_VALUE_REF_LIST,  0, NULL, "agency" },
  { ICAT_KEY_MANDATES,              ICAT_VALUE_REF_LIST,  0, NULL, "mandate" },
  { ICAT_KEY_LINK,                  ICAT_VALUE_TEXT,      0 },
  { ICAT_KEY_NOTE,                  ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
  { ICAT_KEY_CLEARANCES,            ICAT_VALUE_CHILDREN,  0, NULL, NULL, &clearance_kind },
  /* Why the paper went to Working Group endorsement while an agency
   * objected (schema version 8). */
  { ICAT_KEY_ENDORSEMENT_REASON,    ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
};

/* Mandates */
static const IcatField mandate_fields[] = {
  META_FIELDS,
  { ICAT_KEY_DOCUMENT,  ICAT_VALUE_ENUM,      REQ | ICAT_FIELD_TITLE, icat_documents },
  { ICAT_KEY_PARAGRAPH, ICAT_VALUE_TEXT,      REQ | ICAT_FIELD_TITLE },
  { ICAT_KEY_TEXT,      ICAT_VALUE_LOCALIZED, REQ | ICAT_FIELD_SEARCH },
  { ICAT_KEY_ADDRESSEE, ICAT_VALUE_ENUM,      REQ, icat_addressees },
  { ICAT_KEY_PILLAR,    ICAT_VALUE_ENUM,      REQ, icat_pillars },
  { ICAT_KEY_NOTE,      ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
};

/* Action items */
static const IcatField status_change_fields[] = {
  { ICAT_KEY_ID,     ICAT_VALUE_ID,        0 },
  { ICAT_KEY_STATUS, ICAT_VALUE_ENUM,      REQ, icat_action_statuses },
  { ICAT_KEY_AT,     ICAT_VALUE_TIMESTAMP, REQ },
  { ICAT_KEY_BY,     ICAT_VALUE_ID,        0 },
};
static const IcatKind status_change_kind = KIND ("status_change", "history", status_change_fields, TRUE, "seq, id");

static const IcatField action_item_fields[] = {
  META_FIELDS,
  { ICAT_KEY_TITLE,           ICAT_VALUE_TEXT,      REQ | ICAT_FIELD_TITLE },
  { ICAT_KEY_DESCRIPTION,     ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
  { ICAT_KEY_OWNER,           ICAT_VALUE_REF,       REQ, NULL, "agency" },
  { ICAT_KEY_SUPPORTING,      ICAT_VALUE_REF_LIST,  0, NULL, "agency" },
  { ICAT_KEY_STARTS,          ICAT_VALUE_DATE,      0 },
  { ICAT_KEY_DUE,             ICAT_VALUE_DATE,      0 },
  { ICAT_KEY_STATUS,          ICAT_VALUE_ENUM,      REQ, icat_action_statuses },
  { ICAT_KEY_PRIORITY,        ICAT_VALUE_ENUM,      0, icat_priorities },
  { ICAT_KEY_MEETING,         ICAT_VALUE_REF,       0, NULL, "meeting" },
  { ICAT_KEY_AGENDA_ITEM,     ICAT_VALUE_CHILD_REF, 0, NULL, "meeting_agenda", NULL, "meeting" },
  { ICAT_KEY_MANDATES,        ICAT_VALUE_REF_LIST,  0, NULL, "mandate" },
  { ICAT_KEY_COMPLETION_NOTE, ICAT_VALUE_TEXT,      ICAT_FIELD_SEARCH },
  { ICAT_KEY_HISTORY,         ICAT_VALUE_CHILDREN,  0, NULL, NULL, &status_change_kind },
};

/* Work plans: one a year; its activities are the year's records. */
static const IcatField work_plan_fields[] = {
  META_FIELDS,
  { ICAT_KEY_YEAR,        ICAT_VALUE_INTEGER, REQ | ICAT_FIELD_UNIQUE, NULL, NULL, NULL, NULL, 2006, 2100 },
  { ICAT_KEY_STATUS,      ICAT_VALUE_ENUM,    REQ, icat_work_plan_statuses },
  { ICAT_KEY_ENDORSED_ON, ICAT_VALUE_DATE,    0 },
  { ICAT_KEY_ENDORSED_AT, ICAT_VALUE_REF,     0, NULL, "meeting" },
  { ICAT_KEY_NOTE,        ICAT_VALUE_TEXT,    ICAT_FIELD_SEARCH },
};

static const IcatKind agency_kind = KIND ("agency", "agencies", agency_fields, FALSE, NULL);
static const IcatKind chair_term_kind = KIND ("chair_term", "chair_terms", chair_term_fields, FALSE, NULL);
static const IcatKind meeting_kind = KIND ("meeting", "meetings", meeting_fields, FALSE, NULL);
static const IcatKind paper_kind = KIND ("paper", "papers", paper_fields, FALSE, NULL);
static const IcatKind mandate_kind = KIND ("mandate", "mandates", mandate_fields, FALSE, NULL);
static const IcatKind action_item_kind = KIND ("action_item", "action_items", action_item_fields, FALSE, NULL);
static const IcatKind work_plan_kind = KIND ("work_plan", "work_plans", work_plan_fields, FALSE, NULL);

static const IcatKind * const all_kinds[] = {
  &agency_kind, &chair_term_kind, &meeting_kind, &paper_kind, &mandate_kind, &action_item_kind,
  &work_plan_kind,
};
G_STATIC_ASSERT (G_N_ELEMENTS (all_kinds) == ICAT_N_KINDS);

const IcatKind * const *
icat_schema_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (all_kinds);
  return all_kinds;
}

const IcatKind *
icat_schema_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    if (g_strcmp0 (all_kinds[i]->name, name) == 0)
      return all_kinds[i];
  return NULL;
}

const IcatKind *
icat_schema_lookup_plural (const char *plural)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    if (g_strcmp0 (all_kinds[i]->plural, plural) == 0)
      return all_kinds[i];
  return NULL;
}

const IcatField *
icat_kind_lookup_field (const IcatKind *kind,
                        const char     *name)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, name) == 0)
      return &kind->fields[i];
  return NULL;
}

char *
icat_schema_sub_table (const char      *parent_table,
                       const IcatField *field)
{
  return g_strconcat (parent_table, "_", field->name, NULL);
}

gboolean
icat_schema_enum_has (const IcatField *field,
                      const char      *value)
{
  return value != NULL && g_strv_contains ((const char * const *) field->choices, value);
}

const char *
icat_schema_missing_message (const char *kind_name)
{
  if (g_strcmp0 (kind_name, "agency") == 0)
    return _("no agency with this id");
  if (g_strcmp0 (kind_name, "meeting") == 0)
    return _("no meeting with this id");
  if (g_strcmp0 (kind_name, "mandate") == 0)
    return _("no mandate with this id");
  if (g_strcmp0 (kind_name, "paper") == 0)
    return _("no paper with this id");
  if (g_strcmp0 (kind_name, "action_item") == 0)
    return _("no action item with this id");
  return _("no record with this id");
}

gboolean
icat_is_uuid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      char c = text[i];

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (c != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (c) && !(c >= 'a' && c <= 'f'))
        return FALSE;
    }
  return TRUE;
}

static gboolean
digits (const char *text,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
icat_is_date (const char *text)
{
  gsize len;
  int year, month = 1, day = 1;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (!(len == 4 || len == 7 || len == 10) || !digits (text, 4))
    return FALSE;
  year = atoi (text);
  if (len >= 7)
    {
      if (text[4] != '-' || !digits (text + 5, 2))
        return FALSE;
      month = atoi (text + 5);
    }
  if (len == 10)
    {
      if (text[7] != '-' || !digits (text + 8, 2))
        return FALSE;
      day = atoi (text + 8);
    }
  return year >= ICAT_YEAR_MIN && year <= ICAT_YEAR_MAX && g_date_valid_dmy (day, month, year);
}

char *
icat_timestamp_normalize (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *seconds = NULL;
  gsize len;

  if (text == NULL)
    return NULL;
  /* Only the UTC forms the format allows: YYYY-MM-DDTHH:MM:SS[.mmm]Z. */
  len = strlen (text);
  if (!(len == 20 || len == 24) || text[len - 1] != 'Z' || text[10] != 'T')
    return NULL;
  if (len == 24 && (text[19] != '.' || !digits (text + 20, 3)))
    return NULL;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL ||
      g_date_time_get_year (parsed) < ICAT_YEAR_MIN || g_date_time_get_year (parsed) > ICAT_YEAR_MAX)
    return NULL;
  seconds = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (parsed) / 1000);
}

char *
icat_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}
