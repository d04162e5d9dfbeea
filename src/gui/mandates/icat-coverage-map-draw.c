/* icat-coverage-map-draw.c — how the coverage map and its legend look
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo and Pango in one snapshot: rows in view only, under fixed row
 * labels and column headers. Nothing is told by colour alone: cells carry
 * their counts, rows without work are hatched and say so, and rows
 * addressed to ICAT are bold with a mark at the label.
 */
#define G_LOG_DOMAIN "icat-coverage-map"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-coverage-map-private.h"
#include "icat-drawing.h"

/* A sequential blue scale (ColorBrewer "Blues"), lightest first. */
static const GdkRGBA blues[] = {
  { 0.871, 0.922, 0.969, 1 },
  { 0.776, 0.859, 0.937, 1 },
  { 0.620, 0.792, 0.882, 1 },
  { 0.420, 0.682, 0.839, 1 },
  { 0.259, 0.573, 0.776, 1 },
  { 0.129, 0.443, 0.710, 1 },
  { 0.031, 0.318, 0.612, 1 },
  { 0.031, 0.188, 0.420, 1 },
};

/* Adwaita's blue, for a theme without an accent colour. */
static const GdkRGBA fallback_accent = { 0.21, 0.52, 0.89, 1 };

/* Text {{{ */

static gboolean
has_letter (const char *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_isalpha (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

PangoLayout *
_icat_coverage_map_layout_new (IcatCoverageMap *self,
                               const char      *text,
                               gboolean         bold)
{
  /* "72/195 ¶10" has no letter to say which way it reads; a right-to-left
   * layout would turn it into "10¶ 72/195". A symbol reads left to right. */
  g_autofree char *marked = !has_letter (text) ? g_strconcat ("\u200e", text, NULL) : NULL;
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), marked ? marked : text);

  if (bold)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  return layout;
}

char *
_icat_coverage_work_text (IcatCoverageLine *row)
{
  if (!_icat_coverage_line_has_work (row))
    return g_strdup (_("No work"));
  /* Translators: a mandate's work in the coverage map: open (or in progress, or blocked) and done items */
  return g_strdup_printf (_("%u open, %u done"), row->open, row->completed);
}

/* }}} */
/* Drawing {{{ */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A count's place on the scale, 0 (light) to 1 (dark): eased, so a few
 * items already show, and one item is never the darkest shade. */
static double
shade_of (guint count,
          guint max_count)
{
  double t;

  if (count == 0)
    return 0;
  t = (double) count / MAX (max_count, 4);
  return MAX (0.15, t * (2 - t));
}

static GdkRGBA
blue_for (double shade)
{
  double position = shade * (G_N_ELEMENTS (blues) - 1);
  guint low = (guint) position;
  guint high = MIN (low + 1, G_N_ELEMENTS (blues) - 1);
  double t = position - low;

  return (GdkRGBA) { blues[low].red + (blues[high].red - blues[low].red) * t,
                     blues[low].green + (blues[high].green - blues[low].green) * t,
                     blues[low].blue + (blues[high].blue - blues[low].blue) * t, 1 };
}

static void
draw_text (IcatCoverageMap *self,
           cairo_t         *cr,
           const char      *text,
           gboolean         bold,
           double           x,
           double           y,
           double           width,
           double           height,
           double           xalign)
{
  g_autoptr(PangoLayout) layout = _icat_coverage_map_layout_new (self, text, bold);
  int text_width, text_height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1 - xalign;
  cairo_move_to (cr, x + (width - text_width) * xalign, y + (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Diagonal lines: a row without work looks different even without colour. */
static void
draw_hatching (cairo_t       *cr,
               const GdkRGBA *fg,
               double         x,
               double         y,
               double         width,
               double         height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  set_color (cr, fg, 0.05);
  cairo_paint (cr);
  set_color (cr, fg, 0.22);
  cairo_set_line_width (cr, 1);
  for (double offset = -height; offset < width; offset += 7)
    {
      cairo_move_to (cr, x + offset, y + height);
      cairo_line_to (cr, x + offset + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_cell (IcatCoverageMap *self,
           cairo_t         *cr,
           const GdkRGBA   *fg,
           int              row,
           int              column,
           double           y)
{
  guint count = icat_coverage_get (self->coverage, row, column);
  double x = icat_drawing_mirrored (GTK_WIDGET (self), _icat_coverage_map_column_x (self, column), self->cell_width);
  double shade = shade_of (count, self->coverage->max_count);
  GdkRGBA fill = blue_for (shade);
  g_autofree char *text = NULL;

  if (count == 0)
    {
      set_color (cr, fg, 0.06);
      cairo_rectangle (cr, x + 1, y + 1, self->cell_width - 2, self->row_height - 2);
      cairo_fill (cr);
      return;
    }
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_rectangle (cr, x + 1, y + 1, self->cell_width - 2, self->row_height - 2);
  cairo_fill (cr);
  text = g_strdup_printf ("%u", count);
  if (shade > 0.5)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    gdk_cairo_set_source_rgba (cr, &blues[G_N_ELEMENTS (blues) - 1]);
  draw_text (self, cr, text, FALSE, x, y, self->cell_width, self->row_height, 0.5);
}

static void
draw_row (IcatCoverageMap *self,
          cairo_t         *cr,
          const GdkRGBA   *fg,
          const GdkRGBA   *accent,
          int              row)
{
  IcatCoverageLine *line = self->coverage->rows->pdata[row];
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double y = _icat_coverage_map_row_y (self, row);
  double cells_width = _icat_coverage_map_n_columns (self) * self->cell_width;
  double work_x = _icat_coverage_map_column_x (self, _icat_coverage_map_n_columns (self));
  g_autofree char *work = _icat_coverage_work_text (line);

  if (line->for_icat)
    {
      set_color (cr, accent, 0.10);
      cairo_rectangle (cr, 0, y, width, self->row_height);
      cairo_fill (cr);
    }
  if (row == self->hover_row)
    {
      set_color (cr, fg, 0.05);
      cairo_rectangle (cr, 0, y, width, self->row_height);
      cairo_fill (cr);
    }
  /* Cancelled work alone is no work: the row is hatched, and what was
   * cancelled still shows in its cell. */
  if (!_icat_coverage_line_has_work (line))
    draw_hatching (cr, fg, icat_drawing_mirrored (GTK_WIDGET (self), _icat_coverage_map_column_x (self, 0), cells_width),
                   y + 1, cells_width, self->row_height - 2);
  for (int column = 0; column < _icat_coverage_map_n_columns (self); column++)
    if (_icat_coverage_line_has_work (line) || icat_coverage_get (self->coverage, row, column) > 0)
      draw_cell (self, cr, fg, row, column, y);
  set_color (cr, fg, _icat_coverage_line_has_work (line) ? 0.7 : 1);
  draw_text (self, cr, work, !_icat_coverage_line_has_work (line),
             icat_drawing_mirrored (GTK_WIDGET (self), work_x + CELL_PADDING, self->work_width - CELL_PADDING),
             y, self->work_width - CELL_PADDING, self->row_height, 0);
}

static void
draw_rows (IcatCoverageMap *self,
           cairo_t         *cr,
           const GdkRGBA   *fg,
           const GdkRGBA   *accent)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int first = MAX (0, (int) (_icat_coverage_map_scrolled (self->vadjustment) / self->row_height));
  int last = MIN (_icat_coverage_map_n_rows (self) - 1, first + (height - self->header_height) / self->row_height + 1);
  double cells_start = icat_drawing_mirrored (GTK_WIDGET (self), self->label_width,
                                              gtk_widget_get_width (GTK_WIDGET (self)) - self->label_width);

  cairo_save (cr);
  cairo_rectangle (cr, cells_start, self->header_height,
                   gtk_widget_get_width (GTK_WIDGET (self)) - self->label_width, height - self->header_height);
  cairo_clip (cr);
  for (int row = first; row <= last; row++)
    draw_row (self, cr, fg, accent, row);
  cairo_restore (cr);
}

/* The fixed column of row labels at the start side. */
static void
draw_labels (IcatCoverageMap *self,
             cairo_t         *cr,
             const GdkRGBA   *fg,
             const GdkRGBA   *accent,
             const GdkRGBA   *background)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int first = MAX (0, (int) (_icat_coverage_map_scrolled (self->vadjustment) / self->row_height));
  int last = MIN (_icat_coverage_map_n_rows (self) - 1, first + (height - self->header_height) / self->row_height + 1);
  double x = icat_drawing_mirrored (GTK_WIDGET (self), 0, self->label_width);

  cairo_save (cr);
  cairo_rectangle (cr, x, self->header_height, self->label_width, height - self->header_height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, background);
  cairo_paint (cr);
  for (int row = first; row <= last; row++)
    {
      IcatCoverageLine *line = self->coverage->rows->pdata[row];
      double y = _icat_coverage_map_row_y (self, row);

      if (line->for_icat)
        {
          set_color (cr, accent, 0.10);
          cairo_rectangle (cr, x, y, self->label_width, self->row_height);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, accent);
          cairo_rectangle (cr, icat_drawing_mirrored (GTK_WIDGET (self), 2, 4), y + 3, 4, self->row_height - 6);
          cairo_fill (cr);
        }
      set_color (cr, fg, 1);
      draw_text (self, cr, self->row_labels->pdata[row], line->for_icat,
                 icat_drawing_mirrored (GTK_WIDGET (self), CELL_PADDING + 6, self->label_width - CELL_PADDING - 6), y,
                 self->label_width - CELL_PADDING - 6, self->row_height, 0);
    }
  cairo_restore (cr);
  set_color (cr, fg, 0.15);
  cairo_rectangle (cr, icat_drawing_mirrored (GTK_WIDGET (self), self->label_width - 1, 1), 0, 1, height);
  cairo_fill (cr);
}

/* Column labels, turned to read upwards, at the top. */
static void
draw_header (IcatCoverageMap *self,
             cairo_t         *cr,
             const GdkRGBA   *fg,
             const GdkRGBA   *background)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  gdk_cairo_set_source_rgba (cr, background);
  cairo_rectangle (cr, 0, 0, width, self->header_height);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_rectangle (cr, icat_drawing_mirrored (GTK_WIDGET (self), self->label_width, width - self->label_width), 0,
                   width - self->label_width, self->header_height);
  cairo_clip (cr);
  set_color (cr, fg, 1);
  for (int column = 0; column <= _icat_coverage_map_n_columns (self); column++)
    {
      const char *label = column < _icat_coverage_map_n_columns (self)
                          ? ((IcatCoverageLine *) self->coverage->columns->pdata[column])->label : NULL;
      double x = icat_drawing_mirrored (GTK_WIDGET (self), _icat_coverage_map_column_x (self, column), self->cell_width);
      g_autoptr(PangoLayout) layout = NULL;
      int text_width, text_height;

      if (label == NULL)
        {
          /* The last column, the row's work, reads across. */
          draw_text (self, cr, _("Work"), TRUE,
                     icat_drawing_mirrored (GTK_WIDGET (self), _icat_coverage_map_column_x (self, column) + CELL_PADDING,
                                            self->work_width),
                     self->header_height - self->row_height, self->work_width, self->row_height, 0);
          continue;
        }
      if (self->upright_headers)
        {
          draw_text (self, cr, label, FALSE, x, self->header_height - self->row_height - CELL_PADDING / 2,
                     self->cell_width, self->row_height, 0.5);
          continue;
        }
      layout = _icat_coverage_map_layout_new (self, label, FALSE);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_save (cr);
      cairo_translate (cr, x + (self->cell_width - text_height) / 2.0, self->header_height - CELL_PADDING);
      /* Upwards from the cells, in either direction of the layout. */
      cairo_rotate (cr, -G_PI / 2);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  cairo_restore (cr);
  set_color (cr, fg, 0.7);
  draw_text (self, cr, _("Mandate"), TRUE, icat_drawing_mirrored (GTK_WIDGET (self), CELL_PADDING + 6, self->label_width),
             self->header_height - self->row_height, self->label_width - CELL_PADDING - 6, self->row_height, 0);
  set_color (cr, fg, 0.15);
  cairo_rectangle (cr, 0, self->header_height - 1, width, 1);
  cairo_fill (cr);
}

static void
draw_cursor (IcatCoverageMap *self,
             cairo_t         *cr,
             const GdkRGBA   *accent)
{
  double x, y, width;

  if (self->cursor_row < 0 || !gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;
  y = _icat_coverage_map_row_y (self, self->cursor_row);
  if (y < self->header_height)
    return;
  if (self->cursor_column < 0)
    {
      x = icat_drawing_mirrored (GTK_WIDGET (self), 0, self->label_width);
      width = self->label_width;
    }
  else
    {
      x = icat_drawing_mirrored (GTK_WIDGET (self), _icat_coverage_map_column_x (self, self->cursor_column),
                                 self->cell_width);
      width = self->cell_width;
    }
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, x + 1, y + 1, width - 2, self->row_height - 2);
  cairo_stroke (cr);
}

void
_icat_coverage_map_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent, background;
  cairo_t *cr;

  if (self->coverage == NULL || width <= 0 || height <= 0)
    return;
  icat_drawing_get_text_color (widget, &fg);
  icat_drawing_get_theme_color (widget, "accent_color", &fallback_accent, &accent);
  icat_drawing_get_theme_color (widget, "view_bg_color", &(GdkRGBA) { 1, 1, 1, 1 }, &background);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_rows (self, cr, &fg, &accent);
  draw_labels (self, cr, &fg, &accent, &background);
  draw_header (self, cr, &fg, &background);
  draw_cursor (self, cr, &accent);
  cairo_destroy (cr);
}

/* }}} */
/* Legend {{{ */

typedef enum {
  SWATCH_SCALE,
  SWATCH_NO_WORK,
  SWATCH_ICAT,
} Swatch;

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  Swatch swatch = GPOINTER_TO_INT (data);
  GtkWidget *widget = GTK_WIDGET (area);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg, accent;

  icat_drawing_get_text_color (widget, &fg);
  icat_drawing_get_theme_color (widget, "accent_color", &fallback_accent, &accent);
  if (swatch == SWATCH_NO_WORK)
    draw_hatching (cr, &fg, 0, 2, width, height - 4);
  else if (swatch == SWATCH_ICAT)
    {
      set_color (cr, &accent, 0.10);
      cairo_paint (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, rtl ? width - 6 : 2, 3, 4, height - 6);
      cairo_fill (cr);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (blues); i++)
      {
        double cell = (double) width / G_N_ELEMENTS (blues);
        guint shade = rtl ? G_N_ELEMENTS (blues) - 1 - i : i;

        gdk_cairo_set_source_rgba (cr, &blues[shade]);
        cairo_rectangle (cr, i * cell, 2, cell, height - 4);
        cairo_fill (cr);
      }
}

static GtkWidget *
swatch_new (Swatch swatch,
            int    width)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 18);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, GINT_TO_POINTER (swatch), NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return area;
}

static GtkWidget *
legend_item_new (GtkWidget  *swatch,
                 const char *before,
                 GtkWidget  *after)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (before != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (before));
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), after);
  return box;
}

static void
legend_scale_changed_cb (IcatCoverageMap *map,
                         GParamSpec      *pspec,
                         GtkLabel        *label)
{
  IcatCoverage *coverage = icat_coverage_map_get_coverage (map);
  guint max_count = coverage ? MAX (coverage->max_count, 1) : 1;
  /* Translators: the right end of the coverage map's colour scale: "12 items" */
  g_autofree char *text = g_strdup_printf (ngettext ("%u item", "%u items", max_count), max_count);
  GtkWidget *least = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (label)));

  gtk_label_set_label (label, text);
  /* A scale from one item to one item would say "1 item ▒▒▒ 1 item":
   * it says it once, after the colour. */
  gtk_widget_set_visible (least, max_count > 1);
}

GtkWidget *
icat_coverage_legend_new (IcatCoverageMap *map)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *most = gtk_label_new (NULL);
  /* Both ends of the scale say what they count: "1 item ▒▒▒ 12 items",
   * not a bare "1". */
  g_autofree char *least = g_strdup_printf (ngettext ("%u item", "%u items", 1), 1);

  g_return_val_if_fail (ICAT_IS_COVERAGE_MAP (map), NULL);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), legend_item_new (swatch_new (SWATCH_SCALE, 96), least, most));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), legend_item_new (swatch_new (SWATCH_NO_WORK, 28), NULL,
                                                             gtk_label_new (_("No open or completed work"))));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), legend_item_new (swatch_new (SWATCH_ICAT, 28), NULL,
                                                             gtk_label_new (_("Addressed to ICAT (bold)"))));
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  g_signal_connect_object (map, "notify::summary", G_CALLBACK (legend_scale_changed_cb), most, 0);
  legend_scale_changed_cb (map, NULL, GTK_LABEL (most));
  return flow;
}

/* }}} */
