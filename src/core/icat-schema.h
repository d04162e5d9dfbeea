/* icat-schema.h — the record kinds of ICAT Tracker and their fields
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table describes every field of the exchange format (doc/exchange-format.md):
 * its JSON name, which is also its SQL column, its type and rules. Import,
 * export, validation, storage and search all walk these tables, so a field
 * is added in one place.
 */
#pragma once

#include <glib.h>

#include "icat-fields.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_VALUE_ID,          /* a UUID string */
  ICAT_VALUE_TIMESTAMP,   /* UTC, YYYY-MM-DDTHH:MM:SS.mmmZ */
  ICAT_VALUE_DATE,        /* YYYY[-MM[-DD]] */
  ICAT_VALUE_TEXT,
  ICAT_VALUE_LOCALIZED,   /* {"en": ..., "zh": ...}; a JSON text column */
  ICAT_VALUE_INTEGER,
  ICAT_VALUE_BOOLEAN,
  ICAT_VALUE_ENUM,
  ICAT_VALUE_TIMEZONE,    /* an IANA zone name */
  ICAT_VALUE_REF,         /* the id of a record of kind `ref` */
  ICAT_VALUE_REF_LIST,    /* ids of kind `ref`, kept in a link table */
  ICAT_VALUE_NAME_LIST,   /* a list of strings; a JSON text column */
  ICAT_VALUE_CHILDREN,    /* nested records of kind `child`, in a child table */
  ICAT_VALUE_CHILD_REF,   /* the id of a child in table `ref` of the record named by field `via` */
} IcatValueType;

typedef enum {
  ICAT_FIELD_REQUIRED = 1 << 0,
  ICAT_FIELD_TITLE    = 1 << 1,  /* names the record: search title and display */
  ICAT_FIELD_SEARCH   = 1 << 2,  /* its text is found by full-text search */
  ICAT_FIELD_META     = 1 << 3,  /* id and timestamps, set by the store */
  ICAT_FIELD_PRIVATE  = 1 << 4,  /* contact details left out of documents for others */
  ICAT_FIELD_UNIQUE   = 1 << 5,  /* no two records of the kind share the value */
  ICAT_FIELD_FALSE_IF_ABSENT = 1 << 6,  /* a boolean that a missing or null value sets to false */
} IcatFieldFlags;

/* Top-level record kinds: the length of icat_schema_kinds(). */
#define ICAT_N_KINDS 7

typedef struct _IcatKind IcatKind;

typedef struct {
  const char          *name;
  IcatValueType        type;
  IcatFieldFlags       flags;
  const char * const  *choices;  /* ICAT_VALUE_ENUM */
  const char          *ref;      /* kind name (REF, REF_LIST) or child table (CHILD_REF) */
  const IcatKind      *child;    /* ICAT_VALUE_CHILDREN */
  const char          *via;      /* ICAT_VALUE_CHILD_REF: the REF field naming the parent */
  gint64               min;      /* ICAT_VALUE_INTEGER */
  gint64               max;
} IcatField;

struct _IcatKind {
  const char       *name;       /* "meeting"; also the table name */
  const char       *plural;     /* "meetings": the key in the exchange document */
  const IcatField  *fields;
  guint             n_fields;
  gboolean          is_child;   /* nested in a parent; no id or timestamps of its own */
  const char       *order_by;   /* children: how export orders them */
};

/* Top-level kinds in the order the exchange document lists them. */
const IcatKind * const *icat_schema_kinds      (guint          *n_kinds);
const IcatKind         *icat_schema_lookup     (const char     *name);
const IcatKind         *icat_schema_lookup_plural (const char  *plural);
const IcatField        *icat_kind_lookup_field (const IcatKind *kind,
                                                const char     *name);
/* The table of a child kind or link list: "<parent table>_<field>". */
char                   *icat_schema_sub_table  (const char     *parent_table,
                                                const IcatField *field);
gboolean                icat_schema_enum_has   (const IcatField *field,
                                                const char     *value);
/* "no agency with this id", translated, for a reference to kind_name. */
const char             *icat_schema_missing_message (const char *kind_name);

/* The years a date or timestamp may fall in: every export and document
 * (iCalendar's four-digit years, sorting as text) handles them. */
#define ICAT_YEAR_MIN 1900
#define ICAT_YEAR_MAX 2199

/* Value checks shared by validation and the store. */
gboolean icat_is_uuid      (const char *text);
gboolean icat_is_date      (const char *text);
/* Accepts a UTC ISO 8601 timestamp with or without milliseconds; returns the
 * canonical form with milliseconds, or NULL. */
char    *icat_timestamp_normalize (const char *text);
char    *icat_timestamp_now       (void);

/* The enumerations, also used by the UI to build its choices. */
extern const char * const icat_agency_kinds[];
extern const char * const icat_membership_roles[];
extern const char * const icat_meeting_kinds[];
extern const char * const icat_date_precisions[];
extern const char * const icat_record_statuses[];
extern const char * const icat_paper_kinds[];
extern const char * const icat_paper_statuses[];
extern const char * const icat_clearance_states[];
extern const char * const icat_documents[];
extern const char * const icat_addressees[];
extern const char * const icat_pillars[];
extern const char * const icat_action_statuses[];
extern const char * const icat_priorities[];
extern const char * const icat_invitee_kinds[];
extern const char * const icat_work_plan_statuses[];

G_END_DECLS
