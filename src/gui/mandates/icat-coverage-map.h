/* icat-coverage-map.h — mandates against agencies or states of work, as a heat map
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-coverage.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_COVERAGE_MAP (icat_coverage_map_get_type ())
G_DECLARE_FINAL_TYPE (IcatCoverageMap, icat_coverage_map, ICAT, COVERAGE_MAP, GtkWidget)

/* A scrollable widget (put it in a GtkScrolledWindow): row labels stay at
 * the start side and column headers at the top while the cells scroll.
 * The matrix is computed on a worker thread with a connection of its own,
 * when the map is shown and again whenever action items, papers, mandates
 * or agencies change.
 *
 * Properties: "axis" (IcatCoverageAxis), "busy" (a computation is under
 * way), "summary" ("38 of 119 mandates have no work").
 * Signal "mandate-activated" (const char *id): Enter or a double click on
 * a row. */
GtkWidget        *icat_coverage_map_new          (IcatStore        *store);
void              icat_coverage_map_set_axis     (IcatCoverageMap  *self,
                                                  IcatCoverageAxis  axis);
IcatCoverageAxis  icat_coverage_map_get_axis     (IcatCoverageMap  *self);
gboolean          icat_coverage_map_get_busy     (IcatCoverageMap  *self);
/* The matrix drawn; NULL before the first computation ends. Borrowed. */
IcatCoverage     *icat_coverage_map_get_coverage (IcatCoverageMap  *self);
const char       *icat_coverage_map_get_summary  (IcatCoverageMap  *self);

/* A key to the map's shading and marks, wrapping on narrow windows. */
GtkWidget        *icat_coverage_legend_new       (IcatCoverageMap  *map);

/* Rows without any open or completed work. Needs no display. */
guint             icat_coverage_count_without_work (IcatCoverage   *coverage);
G_END_DECLS
