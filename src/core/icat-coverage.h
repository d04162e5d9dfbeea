/* icat-coverage.h — which mandates have work behind them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A matrix of mandates (rows, in the documents' order) against agencies or
 * against the state of the work, counting the action items and papers
 * linked to each mandate. Computed in a few grouped queries; run it off the
 * main loop on a large database.
 */
#pragma once

#include <glib.h>

#include "icat-db.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_COVERAGE_BY_AGENCY,   /* columns: agencies that own, support, lead or contribute;
                              * cancelled action items not counted; current members
                              * first by acronym, then former members and defunct
                              * bodies (DAW, UNIFEM) that have work, by acronym */
  ICAT_COVERAGE_BY_STATUS,   /* columns: open, in progress, blocked, done, cancelled */
} IcatCoverageAxis;

typedef struct {
  char     *id;
  char     *label;           /* "A/RES/72/195, para. 10", or an acronym, or a status label */
  char     *pillar;          /* rows only */
  gboolean  for_icat;        /* rows only: the paragraph addresses ICAT or its coordinator */
  guint     open;            /* rows only: open, in-progress and blocked work */
  guint     completed;       /* rows only: done action items and published papers */
  gboolean  former;          /* agency columns only: a former member or defunct body */
} IcatCoverageLine;

typedef struct {
  GPtrArray *rows;           /* IcatCoverageLine, mandates */
  GPtrArray *columns;        /* IcatCoverageLine */
  guint     *counts;         /* rows × columns, row-major */
  guint      max_count;
} IcatCoverage;

IcatCoverage *icat_coverage_compute   (IcatDb           *db,
                                       IcatCoverageAxis  axis,
                                       GError          **error);
void          icat_coverage_free      (IcatCoverage     *coverage);
guint         icat_coverage_get       (IcatCoverage     *coverage,
                                       guint             row,
                                       guint             column);
/* DOMAIN.md: 72/195 paras 8-13 and 19-22; GPA annex 11, 56 and 59;
 * ECOSOC 2015/23 paras 7-8; COP 5/2 para 16. */
gboolean      icat_mandate_addresses_icat (const char   *document,
                                           const char   *paragraph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatCoverage, icat_coverage_free)

G_END_DECLS
