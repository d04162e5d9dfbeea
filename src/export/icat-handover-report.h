/* icat-handover-report.h — the handover pack's sections, shared by its files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-db.h"
#include "icat-report-doc.h"

G_BEGIN_DECLS

/* How many entries a list of the pack shows; the rest are counted. */
#define ICAT_HANDOVER_LISTED 40

typedef struct {
  IcatDb        *db;
  IcatReportDoc *doc;
  int            year;           /* the outgoing chairs' */
  char          *next_year;      /* "2026": the incoming chairs' */
  char          *year_after;     /* "2027" */
  char          *handover_day;   /* "2026-01-01" */
} Handover;

/* A localized column (a JSON object of language → text) in the user's
 * language; plain text as it is; "" for NULL. */
char     *_icat_handover_localized           (sqlite3_stmt *stmt,
                                              int           column);
/* A meeting's date from its starts_at, timezone and date_precision in
 * three columns from column on, never broken across lines: the pack's
 * narrow meeting columns broke a Chinese date between any two characters
 * ("2025年3" / "月10日"). */
char     *_icat_handover_meeting_when        (sqlite3_stmt *stmt,
                                              int           column);
/* "Spring Working Group, 10 March 2025": a meeting's title (a localized
 * column) and its date (three columns from when_column on, as above),
 * joined as its language joins them: "，" in Chinese, "، " in Arabic,
 * where an ASCII comma let a Latin title take the day ("…February 2024,
 * 28") and left the month behind. */
char     *_icat_handover_meeting_named       (sqlite3_stmt *stmt,
                                              int           title_column,
                                              int           when_column);
/* Says that total - listed entries were counted without being listed. */
void      _icat_handover_counted             (IcatReportDoc *doc,
                                              guint          listed,
                                              guint          total);

gboolean  _icat_handover_write_action_items  (Handover  *handover,
                                              GError   **error);
gboolean  _icat_handover_write_papers        (Handover  *handover,
                                              GError   **error);
gboolean  _icat_handover_write_decisions     (Handover  *handover,
                                              GError   **error);
gboolean  _icat_handover_write_meetings      (Handover  *handover,
                                              GError   **error);
gboolean  _icat_handover_write_gaps          (Handover  *handover,
                                              GError   **error);
gboolean  _icat_handover_write_rotation      (Handover  *handover,
                                              GError   **error);

G_END_DECLS
