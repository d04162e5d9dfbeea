/* icat-reports.c — the reports there are, for the command line and the app alike
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table, so `icat-tracker-cli report NAME` and the app's report menu
 * name the same reports and draft them the same way: a new report is a
 * drafting function and a line here (plus its words in the CLI's and the
 * window's tables, which are about how each asks for it).
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include "icat-reports.h"

static IcatReportDoc *
draft_coverage (IcatDb  *db,
                int      from_year,
                int      to_year,
                GError **error)
{
  return icat_report_coverage_new (db, from_year, error);
}

static IcatReportDoc *
draft_handover (IcatDb  *db,
                int      from_year,
                int      to_year,
                GError **error)
{
  return icat_report_handover_new (db, from_year, error);
}

static const IcatReportKind report_kinds[] = {
  { "coverage", FALSE, draft_coverage },
  { "sg", TRUE, icat_report_sg_new },
  { "handover", FALSE, draft_handover },
};

const IcatReportKind *
icat_report_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (report_kinds);
  return report_kinds;
}

const IcatReportKind *
icat_report_kind_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_kinds); i++)
    if (g_strcmp0 (report_kinds[i].name, name) == 0)
      return &report_kinds[i];
  return NULL;
}

GBytes *
icat_report_draft (IcatDb               *db,
                   const IcatReportKind *kind,
                   int                   from_year,
                   int                   to_year,
                   IcatReportFormat      format,
                   IcatPaperSize         paper,
                   GError              **error)
{
  g_autoptr(IcatReportDoc) doc = kind->draft (db, from_year, to_year, error);
  g_autoptr(GDateTime) date = NULL;

  if (doc == NULL || (date = icat_report_records_date (db, error)) == NULL)
    return NULL;
  return icat_report_doc_render (doc, format, paper, date, error);
}
