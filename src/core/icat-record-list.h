/* icat-record-list.h — a lazy, filtered, sorted list of records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "icat-store.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_FILTER_AGENCY,      /* owner, supporting, host, chair, lead or attending agency id */
  ICAT_FILTER_STATUS,
  ICAT_FILTER_YEAR,        /* "2016": due (action items), start (meetings), year (papers, chair terms) */
  ICAT_FILTER_MANDATE,     /* mandate id */
  ICAT_FILTER_PILLAR,
  ICAT_FILTER_DUE_BEFORE,  /* "2026-11-23": still open and due before that day */
  ICAT_FILTER_MEETING,     /* meeting id */
  ICAT_FILTER_DOCUMENT,    /* mandates: "A/RES/72/195" */
  ICAT_FILTER_KIND,        /* meeting, paper or agency kind */
  ICAT_FILTER_VENUE,
  ICAT_FILTER_DUE_MONTH,   /* "2026-11": due in that month */
  ICAT_FILTER_OWNER,       /* action items: the owner agency's id only */
  ICAT_FILTER_ARCHIVED,    /* papers, "2025-11-23": published and dated before that day */
  ICAT_FILTER_ON_BOARD,    /* papers, "2025-11-23": all but those ICAT_FILTER_ARCHIVED holds */
  ICAT_N_FILTERS
} IcatFilter;

#define ICAT_TYPE_RECORD_LIST (icat_record_list_get_type ())
G_DECLARE_FINAL_TYPE (IcatRecordList, icat_record_list, ICAT, RECORD_LIST, GObject)

/* A GListModel of IcatRecord. Only the row order is held (ids as rowids);
 * a record is read when a view asks for it. */
IcatRecordList *icat_record_list_new        (IcatStore      *store,
                                             const char     *kind);
/* value NULL clears the filter. Returns FALSE when this kind of record has
 * no such filter. */
gboolean        icat_record_list_set_filter (IcatRecordList *self,
                                             IcatFilter      filter,
                                             const char     *value);
/* sort: "title", "due", "status", "priority", "owner", "meeting", "starts_at", "upcoming",
 * "year", "document", "acronym", "updated_at"; FALSE when the kind has no such order.
 * Descending reverses the order, ties included; rows without a value (no
 * due date, no meeting) stay last. */
gboolean        icat_record_list_set_sort   (IcatRecordList *self,
                                             const char     *sort,
                                             gboolean        descending);
/* The kind of record the list holds: "agency", "mandate"… */
const char     *icat_record_list_get_kind   (IcatRecordList *self);
/* Re-reads the order now instead of at the next idle moment. */
void            icat_record_list_refresh    (IcatRecordList *self);
/* The position of the record with this id in the list's filters and
 * order, counted in SQL (the rows ordered before it), never by reading
 * the rows. G_MAXUINT (GTK_INVALID_LIST_POSITION) when the list does not
 * hold it. A list behind the database is read again first, so the
 * position is always one of its own. */
guint           icat_record_list_find_position (IcatRecordList *self,
                                                const char     *id);

G_END_DECLS
