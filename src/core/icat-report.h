/* icat-report.h — figures the Overview shows
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *agency_id;
  char  *acronym;
  guint  overdue;    /* open and due before today */
  guint  due_soon;   /* open and due from today until (not including) soon */
} IcatAgencyWorkload;

void       icat_agency_workload_free (IcatAgencyWorkload *workload);

/* Agencies with overdue or soon-due open action items, most overdue first.
 * today and soon are dates, "YYYY-MM-DD". It reads every open item due
 * before soon: call it from a worker thread with a connection of its own. */
GPtrArray *icat_report_workload      (struct _IcatDb *db,
                                      const char *today,
                                      const char *soon,
                                      GError    **error);
/* The chair term of a year as acronyms, "IOM + OSRSG-VAC", or NULL. */
char      *icat_report_chairs_of     (IcatStore  *store,
                                      int         year);

/* The years an agency chaired or co-chaired ICAT: "2016, 2021, 2022", or NULL. */
char      *icat_report_chair_years   (IcatStore  *store,
                                      const char *agency_id);

/* A labelled row of counts, as the Overview's charts draw them. */
#define ICAT_TALLY_MAX_VALUES 5

typedef struct {
  char  *id;
  char  *label;
  guint  values[ICAT_TALLY_MAX_VALUES];
} IcatTally;

void       icat_tally_free                (IcatTally  *tally);
/* Action items by status (open, in progress, blocked, done, cancelled) for
 * each owner agency with any, those with the most unfinished work first;
 * at most limit agencies. Reads db directly: call it from a worker thread
 * with a connection of its own. */
GPtrArray *icat_report_status_by_agency   (struct _IcatDb *db,
                                           guint       limit,
                                           GError    **error);
/* Papers at each stage, proposed to published: one tally per stage. */
GPtrArray *icat_report_papers_by_stage    (struct _IcatDb *db,
                                           GError    **error);

/* The years in which something is recorded, ascending (int): an action
 * item due, a meeting held, a paper's year, a chair term or a work plan.
 * Index seeks only, one per year for the action items' due dates, so it
 * stays instant with 100,000 of them. */
GArray    *icat_report_activity_years     (struct _IcatDb *db,
                                           GError    **error);

G_END_DECLS
