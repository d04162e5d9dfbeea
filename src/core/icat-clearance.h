/* icat-clearance.h — joint papers cleared agency by agency
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a paper's clearance list says, counted from the record alone (the
 * board's cards have it already, so counting asks the database nothing). */
typedef struct {
  guint n_rows;      /* rows in the clearance list */
  guint n_agencies;  /* agencies that lead, contribute or have a row, each once */
  guint n_cleared;   /* cleared, or cleared with comments */
  guint n_objected;
} IcatClearanceCount;

/* Counts paper's "clearances": of the agencies that write the paper (and
 * any other that answered), how many cleared and objected; an agency not
 * yet asked counts as not cleared. A NULL paper counts nothing. */
void        icat_clearance_count                  (JsonObject         *paper,
                                                   IcatClearanceCount *count);

/* "5 of 7 cleared", and " · 1 objected" after it when an agency objected,
 * counted as icat_clearance_count () counts; the board's cards show it
 * from the record their list read, asking the database nothing more. NULL
 * while there is nothing to show: no agency, or none asked yet and the
 * paper not in agency review. */
char       *icat_clearance_summary                (JsonObject         *paper);

/* Whether the state counts as cleared: "cleared" and "cleared-with-comments". */
gboolean    icat_clearance_state_is_cleared       (const char         *state);

/* The lead and contributing agencies of paper, in that order, each once,
 * that have no row in its clearance list yet. Returns a NULL-terminated
 * array of agency ids (free with g_strfreev). */
char      **icat_clearance_missing_agencies       (JsonObject         *paper);

/* A copy of paper's clearance list with a row added, in the state
 * "requested" and dated today (YYYY-MM-DD), for each agency that
 * icat_clearance_missing_agencies () names. */
JsonArray  *icat_clearance_request_all            (JsonObject         *paper,
                                                   const char         *today);

/* Whether moving paper to Working Group endorsement needs a reason: an
 * agency objected and no endorsement_reason is given. */
gboolean    icat_paper_endorsement_needs_reason   (JsonObject         *paper);

/* The rule the app's saves keep: a paper that moves to "wg-endorsement"
 * from old_status (NULL for a new paper) while an agency objected needs
 * a reason. Sets an ICAT_ERROR_INVALID error at "$.endorsement_reason"
 * and returns FALSE when it has none. Imports and changes from other
 * laptops are not held to it: they record what was decided elsewhere. */
gboolean    icat_paper_check_endorsement          (const char         *old_status,
                                                   JsonObject         *paper,
                                                   GError            **error);

/* The index of the first row of clearances (a validated list) that names
 * the same agency as a row before it, or -1 when each agency is named once. */
int         icat_clearance_find_duplicate         (JsonArray          *clearances);

G_END_DECLS
