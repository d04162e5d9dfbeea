/* icat-reports.h — the reports coordinators draft from the records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-db.h"
#include "icat-report-doc.h"
#include "icat-work-plan-data.h"

G_BEGIN_DECLS

/* Mandate coverage for a year: each paragraph of the mandates in the
 * documents' order, the year's action items, papers and meetings linked to
 * it with their state, and the paragraphs with no work (those addressed to
 * ICAT or its coordinator marked). */
IcatReportDoc *icat_report_coverage_new (IcatDb      *db,
                                         int          year,
                                         GError     **error);

/* ICAT's contribution to the Secretary-General's report on the years
 * from_year .. to_year: composition and chairs, meetings with their
 * decisions, briefings for Member States, papers published, and the work
 * done and open on each paragraph of 72/195 addressed to ICAT or its
 * coordinator; every statement cites its records, listed in an annex. */
IcatReportDoc *icat_report_sg_new       (IcatDb      *db,
                                         int          from_year,
                                         int          to_year,
                                         GError     **error);

/* The chair's handover pack at the end of year: the chairs of year hand
 * over to those of year + 1. Open action items by owner (the overdue and
 * the coming year's listed), papers in progress with their clearances,
 * decisions whose action items are still open, the meetings planned, the
 * year's coverage gaps and the chair rotation's next proposals. */
IcatReportDoc *icat_report_handover_new (IcatDb      *db,
                                         int          year,
                                         GError     **error);

/* A paragraph with no work in a year, as the coverage report finds it. */
typedef struct {
  IcatMandateInfo *mandate;     /* borrowed from the work plan's data */
  char            *addressee;   /* the mandate's addressee value */
  gboolean         for_icat;    /* addressed to ICAT or its coordinator */
} IcatCoverageGap;

/* IcatCoverageGap for each paragraph without work in data's year (the
 * recurring dates are not work): those addressed to ICAT or its
 * coordinator first, each part in the documents' order. */
GPtrArray     *icat_report_coverage_gaps (IcatDb           *db,
                                          IcatWorkPlanData *data,
                                          GError          **error);

/* When the records last changed (the newest updated_at of any record):
 * the date a report carries, so the same records give the same file. The
 * Unix epoch for an empty database. */
GDateTime     *icat_report_records_date (IcatDb      *db,
                                         GError     **error);

/* Drafts a report on the years from_year .. to_year (the same year for a
 * report on one year) from the records in db. */
typedef IcatReportDoc *(*IcatReportDraftFunc) (IcatDb  *db,
                                               int      from_year,
                                               int      to_year,
                                               GError **error);

typedef struct {
  const char          *name;          /* the command line's word for it: "coverage" */
  gboolean             spans_years;   /* on a period (--from, --to), not on one --year */
  IcatReportDraftFunc  draft;
} IcatReportKind;

const IcatReportKind *icat_report_kinds     (guint                *n_kinds);
/* NULL when there is no such report. */
const IcatReportKind *icat_report_kind_find (const char           *name);

/* The report's file: drafted, dated by icat_report_records_date () and
 * rendered, so the same records give the same bytes. */
GBytes        *icat_report_draft        (IcatDb               *db,
                                         const IcatReportKind *kind,
                                         int                   from_year,
                                         int                   to_year,
                                         IcatReportFormat      format,
                                         IcatPaperSize         paper,
                                         GError              **error);

G_END_DECLS
