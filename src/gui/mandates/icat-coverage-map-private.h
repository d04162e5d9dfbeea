/* icat-coverage-map-private.h — IcatCoverageMap's parts, shared by its files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-coverage-map.h"

G_BEGIN_DECLS

#define CELL_PADDING 8

struct _IcatCoverageMap {
  GtkWidget         parent_instance;

  /* Owned */
  IcatStore        *store;
  IcatCoverage     *coverage;
  GPtrArray        *row_labels;    /* char *: short labels of coverage->rows */
  char             *summary;
  char             *font_name;     /* the metrics were measured in */
  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  GCancellable     *cancellable;

  IcatCoverageAxis  axis;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;
  gboolean          dirty;         /* the data changed since the last computation began */
  gboolean          busy;
  guint             generation;    /* of the computation whose result is wanted */
  guint             refresh_source;

  /* Layout, in pixels, computed from the text */
  int               label_width;
  int               header_height;
  int               cell_width;
  int               row_height;
  int               work_width;
  gboolean          upright_headers;  /* a few wide columns: labels read across */

  /* Where the keyboard and the pointer are; -1: nowhere */
  int               cursor_row;
  int               cursor_column;
  int               hover_row;
  int               hover_column;
};

static inline gboolean
_icat_coverage_line_has_work (IcatCoverageLine *row)
{
  return row->open > 0 || row->completed > 0;
}

/* icat-coverage-map.c: where things are, in pixels from the widget's
 * start corner; x laid out left to right, then mirrored for the
 * widget's direction. */
int          _icat_coverage_map_n_rows      (IcatCoverageMap *self);
int          _icat_coverage_map_n_columns   (IcatCoverageMap *self);
double       _icat_coverage_map_scrolled    (GtkAdjustment   *adjustment);
double       _icat_coverage_map_column_x    (IcatCoverageMap *self,
                                             int              column);
double       _icat_coverage_map_row_y       (IcatCoverageMap *self,
                                             int              row);

/* icat-coverage-map-draw.c: text and drawing */
PangoLayout *_icat_coverage_map_layout_new  (IcatCoverageMap *self,
                                             const char      *text,
                                             gboolean         bold);
/* "3 open, 1 done" or "No work": the last column of a row. */
char        *_icat_coverage_work_text       (IcatCoverageLine *row);
void         _icat_coverage_map_snapshot    (GtkWidget       *widget,
                                             GtkSnapshot     *snapshot);

G_END_DECLS
