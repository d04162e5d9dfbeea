/* icat-chart.h — horizontal stacked bars for the Overview
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-report.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CHART (icat_chart_get_type ())
G_DECLARE_FINAL_TYPE (IcatChart, icat_chart, ICAT, CHART, GtkWidget)

GtkWidget *icat_chart_new        (void);
/* The parts of each bar: their names (for the legend and tooltips) and
 * colours, "#rrggbb". One series draws plain bars and no legend. */
void       icat_chart_set_series (IcatChart          *self,
                                  const char * const *labels,
                                  const char * const *colors,
                                  guint               n_series);
/* IcatTally rows, drawn top to bottom; the chart keeps a reference. */
void       icat_chart_set_rows   (IcatChart          *self,
                                  GPtrArray          *tallies);
guint      icat_chart_get_n_rows (IcatChart          *self);
/* What the chart says, for screen readers and tests: "UNODC: Open 3, Done 1. …" */
char      *icat_chart_describe   (IcatChart          *self);
/* The width of the labels' column when the chart is chart_width wide. */
int        icat_chart_get_label_width (IcatChart     *self,
                                       int            chart_width);

G_END_DECLS
