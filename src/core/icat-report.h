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
 * today and soon are dates, "YYYY-MM-DD". */
GPtrArray *icat_report_workload      (IcatStore  *store,
                                      const char *today,
                                      const char *soon,
                                      GError    **error);
/* The chair term of a year as acronyms, "IOM + OSRSG-VAC", or NULL. */
char      *icat_report_chairs_of     (IcatStore  *store,
                                      int         year);

/* The years an agency chaired or co-chaired ICAT: "2016, 2021, 2022", or NULL. */
char      *icat_report_chair_years   (IcatStore  *store,
                                      const char *agency_id);

G_END_DECLS
