/* icat-chart.c — horizontal stacked bars for the Overview
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per label, its bar split into the series (statuses, stages), the
 * total written at the end of the bar so the numbers are there to read, not
 * only to guess from the lengths. Drawn with cairo; mirrored right to left.
 */
#define G_LOG_DOMAIN "icat-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-chart.h"
#include "icat-drawing.h"

#define ROW_HEIGHT    24
#define BAR_HEIGHT    14
#define LEGEND_HEIGHT 24
#define LABEL_GAP     10
#define MAX_SERIES    ICAT_TALLY_MAX_VALUES

struct _IcatChart {
  GtkWidget  parent_instance;

  char      *series[MAX_SERIES];
  GdkRGBA    colors[MAX_SERIES];
  guint      n_series;
  GPtrArray *rows;    /* IcatTally */
};

G_DEFINE_FINAL_TYPE (IcatChart, icat_chart, GTK_TYPE_WIDGET)

static guint
row_total (IcatChart *self,
           IcatTally *tally)
{
  guint total = 0;

  for (guint s = 0; s < self->n_series; s++)
    total += tally->values[s];
  return total;
}

static guint
max_total (IcatChart *self)
{
  guint max = 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    max = MAX (max, row_total (self, self->rows->pdata[i]));
  return max;
}

/* A legend entry: its swatch, its label and the gap after it. */
static int
legend_entry_width (IcatChart *self,
                    guint      series)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->series[series]);
  int text_width;

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  return 16 + text_width + 16;
}

/* Where each legend entry goes in a chart width wide: the entries fill a
 * line and wrap to the next, so that a narrow window shows "Done" whole
 * rather than "Don…". Returns the number of lines; x and line (MAX_SERIES
 * each, may be NULL) get each entry's place. */
static guint
legend_lines (IcatChart *self,
              double     width,
              double    *x,
              guint     *line)
{
  double at = 0;
  guint lines = 1;

  for (guint s = 0; s < self->n_series; s++)
    {
      int entry = legend_entry_width (self, s);

      if (at > 0 && at + entry - 16 > width)
        {
          lines++;
          at = 0;
        }
      if (x != NULL)
        x[s] = at;
      if (line != NULL)
        line[s] = lines - 1;
      at += entry;
    }
  return lines;
}

static double
legend_height (IcatChart *self,
               double     width)
{
  return self->n_series > 1 ? LEGEND_HEIGHT * legend_lines (self, width, NULL, NULL) : 0;
}

/* The labels' column: as wide as the widest label, up to two fifths of the
 * chart (at least 160 px), so that "Рассмотрение учреждениями" or
 * "Approbation du Groupe de travail" is read whole at the window's usual
 * width while the bars keep most of a narrow chart. */
int
icat_chart_get_label_width (IcatChart *self,
                            int        chart_width)
{
  int widest = 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      ((IcatTally *) self->rows->pdata[i])->label);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return MIN (widest, MAX (160, chart_width * 2 / 5));
}

/* The legend wraps: the height depends on the width. */
static GtkSizeRequestMode
icat_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
icat_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  IcatChart *self = ICAT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    {
      guint n = self->rows != NULL ? self->rows->len : 0;

      /* As wide as it is given, or as its natural width. */
      *minimum = *natural = (int) legend_height (self, for_size >= 0 ? for_size : 480) + (int) MAX (n, 1) * ROW_HEIGHT;
    }
}

/* x positions run from the start edge: mirrored when right to left. */
static double
flip (IcatChart *self,
      double     x,
      double     span)
{
  return icat_drawing_mirrored (GTK_WIDGET (self), x, span);
}

static void
draw_legend (IcatChart *self,
             cairo_t   *cr,
             double     width,
             GdkRGBA   *ink)
{
  double x[MAX_SERIES];
  guint line[MAX_SERIES];

  legend_lines (self, width, x, line);
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->series[s]);
      double top = line[s] * LEGEND_HEIGHT;
      int text_width, text_height;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gdk_cairo_set_source_rgba (cr, &self->colors[s]);
      cairo_rectangle (cr, flip (self, x[s], 12), top + 6, 12, 12);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, ink);
      cairo_move_to (cr, flip (self, x[s] + 16, text_width), top + 12 - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_row (IcatChart *self,
          cairo_t   *cr,
          IcatTally *tally,
          double     y,
          int        labels,
          double     scale,
          GdkRGBA   *ink)
{
  g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (GTK_WIDGET (self), tally->label);
  g_autofree char *total_text = g_strdup_printf ("%u", row_total (self, tally));
  g_autoptr(PangoLayout) total = gtk_widget_create_pango_layout (GTK_WIDGET (self), total_text);
  double x = labels + LABEL_GAP;
  int text_width, text_height, total_width;

  pango_layout_set_width (label, labels * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (label, &text_width, &text_height);
  gdk_cairo_set_source_rgba (cr, ink);
  cairo_move_to (cr, flip (self, labels - text_width, text_width), y + (ROW_HEIGHT - text_height) / 2.0);
  pango_cairo_show_layout (cr, label);

  for (guint s = 0; s < self->n_series; s++)
    {
      double span = tally->values[s] * scale;

      if (span <= 0)
        continue;
      gdk_cairo_set_source_rgba (cr, &self->colors[s]);
      cairo_rectangle (cr, flip (self, x, span), y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0, span, BAR_HEIGHT);
      cairo_fill (cr);
      x += span;
    }
  pango_layout_get_pixel_size (total, &total_width, &text_height);
  gdk_cairo_set_source_rgba (cr, ink);
  cairo_move_to (cr, flip (self, x + 6, total_width), y + (ROW_HEIGHT - text_height) / 2.0);
  pango_cairo_show_layout (cr, total);
}

static void
icat_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  IcatChart *self = ICAT_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int labels = icat_chart_get_label_width (self, (int) width);
  guint max = max_total (self);
  double scale;
  GdkRGBA ink;
  cairo_t *cr;

  if (self->rows == NULL || self->rows->len == 0 || width <= 0)
    return;
  icat_drawing_get_text_color (widget, &ink);
  /* Room for the longest bar and its total after it. */
  scale = max > 0 ? (width - labels - LABEL_GAP - 40) / max : 0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->n_series > 1)
    draw_legend (self, cr, width, &ink);
  for (guint i = 0; i < self->rows->len; i++)
    draw_row (self, cr, self->rows->pdata[i], legend_height (self, width) + i * ROW_HEIGHT, labels,
              MAX (scale, 0), &ink);
  cairo_destroy (cr);
}

/* "UNODC: Open 3, Done 1", in the words and punctuation of the UI language. */
static char *
describe_row (IcatChart *self,
              IcatTally *tally)
{
  g_autoptr(GString) values = g_string_new (NULL);

  if (self->n_series == 1)
    g_string_append_printf (values, "%u", tally->values[0]);
  for (guint s = 0; self->n_series > 1 && s < self->n_series; s++)
    {
      if (s > 0)
        /* Translators: between the parts of a list */
        g_string_append (values, _(", "));
      g_string_append_printf (values, "%s %u", self->series[s], tally->values[s]);
    }
  /* Translators: a row of a chart, for screen readers: "UNODC: Open 3, Done 1" */
  return g_strdup_printf (_("%s: %s"), tally->label, values->str);
}

char *
icat_chart_describe (IcatChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ICAT_IS_CHART (self), NULL);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      g_autofree char *row = describe_row (self, self->rows->pdata[i]);

      if (i > 0)
        g_string_append_c (text, ' ');
      /* Translators: one sentence of a chart, read by screen readers: "UNODC: Open 3, Done 1." */
      g_string_append_printf (text, C_("chart", "%s."), row);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
icat_chart_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip)
{
  IcatChart *self = ICAT_CHART (widget);
  double legend = legend_height (self, gtk_widget_get_width (widget));
  int row = (int) ((y - legend) / ROW_HEIGHT);
  g_autofree char *text = NULL;

  if (self->rows == NULL || y < legend || row < 0 || row >= (int) self->rows->len)
    return FALSE;
  text = describe_row (self, self->rows->pdata[row]);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (IcatChart *self)
{
  g_autofree char *text = icat_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
icat_chart_set_series (IcatChart          *self,
                       const char * const *labels,
                       const char * const *colors,
                       guint               n_series)
{
  g_return_if_fail (ICAT_IS_CHART (self));
  g_return_if_fail (n_series >= 1 && n_series <= MAX_SERIES);

  for (guint s = 0; s < MAX_SERIES; s++)
    g_clear_pointer (&self->series[s], g_free);
  for (guint s = 0; s < n_series; s++)
    {
      self->series[s] = g_strdup (labels[s]);
      gdk_rgba_parse (&self->colors[s], colors[s]);
    }
  self->n_series = n_series;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
icat_chart_set_rows (IcatChart *self,
                     GPtrArray *tallies)
{
  g_return_if_fail (ICAT_IS_CHART (self));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = tallies != NULL ? g_ptr_array_ref (tallies) : NULL;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
icat_chart_get_n_rows (IcatChart *self)
{
  g_return_val_if_fail (ICAT_IS_CHART (self), 0);
  return self->rows != NULL ? self->rows->len : 0;
}

static void
icat_chart_finalize (GObject *object)
{
  IcatChart *self = ICAT_CHART (object);

  for (guint s = 0; s < MAX_SERIES; s++)
    g_free (self->series[s]);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (icat_chart_parent_class)->finalize (object);
}

static void
icat_chart_class_init (IcatChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_chart_finalize;
  widget_class->get_request_mode = icat_chart_get_request_mode;
  widget_class->measure = icat_chart_measure;
  widget_class->snapshot = icat_chart_snapshot;
  widget_class->query_tooltip = icat_chart_query_tooltip;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icat_chart_init (IcatChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
icat_chart_new (void)
{
  return g_object_new (ICAT_TYPE_CHART, NULL);
}
