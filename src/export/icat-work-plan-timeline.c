/* icat-work-plan-timeline.c — the year at a glance, Gantt-style
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per activity: a bar from its start to its end, a diamond for a
 * single day, a pale bar across the month or the year when only that much
 * is known. The month header repeats on every page the chart spans.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "icat-work-plan-data.h"

#define ROW_HEIGHT   13.0
#define HEADER_HEIGHT 16.0
#define LABEL_SHARE  0.34

typedef struct {
  double start;    /* fraction of the year */
  double end;
  gboolean point;  /* a single known day */
  gboolean vague;  /* only the month or the year is known */
} Span;

static const char *
month_label (int month)
{
  /* Translators: abbreviated month names for the work plan's timeline */
  const char *labels[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", labels[month]);
}

static void
type_colour (cairo_t          *cr,
             IcatActivityType  type)
{
  switch (type)
    {
    case ICAT_ACTIVITY_ACTION_ITEM:
      cairo_set_source_rgb (cr, 0.00, 0.47, 0.71);
      break;
    case ICAT_ACTIVITY_PAPER:
      cairo_set_source_rgb (cr, 0.18, 0.55, 0.34);
      break;
    case ICAT_ACTIVITY_MEETING:
      cairo_set_source_rgb (cr, 0.85, 0.45, 0.05);
      break;
    case ICAT_ACTIVITY_RECURRING:
    default:
      cairo_set_source_rgb (cr, 0.50, 0.31, 0.64);
      break;
    }
}

/* The part of the year a stored date covers, as fractions; FALSE when the
 * date is not in the year. */
static gboolean
date_range (const char *date,
            int         year,
            double     *from,
            double     *to,
            int        *fields)
{
  int y = 0, month = 0, day = 0;
  double days_in_year = g_date_is_leap_year (year) ? 366 : 365;

  if (date == NULL)
    return FALSE;
  *fields = sscanf (date, "%4d-%2d-%2d", &y, &month, &day);
  if (*fields < 1)
    return FALSE;
  if (y < year)
    {
      *from = *to = 0;
      return TRUE;
    }
  if (y > year)
    {
      *from = *to = 1;
      return TRUE;
    }
  if (*fields == 1 || month < 1 || month > 12)
    {
      *fields = 1;
      *from = 0;
      *to = 1;
    }
  else
    {
      gboolean whole_month = *fields == 2 || !g_date_valid_dmy (day, month, year);
      GDate *when = g_date_new_dmy (whole_month ? 1 : day, month, year);

      *fields = whole_month ? 2 : 3;
      *from = (g_date_get_day_of_year (when) - 1) / days_in_year;
      *to = whole_month ? *from + g_date_get_days_in_month (month, year) / days_in_year
                        : g_date_get_day_of_year (when) / days_in_year;
      g_date_free (when);
    }
  return TRUE;
}

static gboolean
activity_span (IcatActivity *activity,
               int           year,
               Span         *span)
{
  double start_from, start_to, end_from, end_to;
  int start_fields = 0, end_fields = 0;
  gboolean has_start = date_range (activity->start, year, &start_from, &start_to, &start_fields);
  gboolean has_end = date_range (activity->end, year, &end_from, &end_to, &end_fields);

  if (!has_start && !has_end)
    return FALSE;
  if (has_start && has_end)
    {
      span->start = start_from;
      span->end = MAX (end_to, start_to);
      span->point = FALSE;
      span->vague = FALSE;
    }
  else
    {
      int fields = has_start ? start_fields : end_fields;

      span->start = has_start ? start_from : end_from;
      span->end = has_start ? start_to : end_to;
      span->point = fields == 3;
      span->vague = fields < 3;
    }
  return span->end > 0 && span->start < 1;
}

/* Right to left, the chart is drawn mirrored: titles on the right, the
 * year running from right to left. Takes the left edge x and width w of
 * something as the left-to-right chart has it; gives its left edge. */
static double
mirror_x (IcatPageWriter *writer,
          double          x,
          double          w)
{
  double left = icat_page_writer_get_left (writer);

  if (!icat_page_writer_is_right_to_left (writer))
    return x;
  return left + (left + icat_page_writer_get_body_width (writer)) - x - w;
}

/* Where to draw a layout of layout_width so that its text, text_width
 * wide, starts at x: right to left, layouts are right-aligned. */
static double
text_start (IcatPageWriter *writer,
            double          x,
            double          layout_width,
            int             text_width)
{
  return icat_page_writer_is_right_to_left (writer) ? x - (layout_width - text_width) : x;
}

static void
draw_month_header (IcatPageWriter *writer,
                   gpointer        user_data)
{
  cairo_t *cr = icat_page_writer_get_cairo (writer);
  double left = icat_page_writer_get_left (writer);
  double width = icat_page_writer_get_body_width (writer);
  double chart_x = left + width * LABEL_SHARE;
  double month_width = width * (1 - LABEL_SHARE) / 12;
  double y = icat_page_writer_get_y (writer);

  cairo_set_source_rgb (cr, ICAT_INK_SHADE);
  cairo_rectangle (cr, left, y, width, HEADER_HEIGHT);
  cairo_fill (cr);
  for (int month = 0; month < 12; month++)
    {
      /* Twice a month's width to break in: a long month name ("أغسطس")
       * reaches over the month lines rather than breaking in two. */
      g_autoptr(PangoLayout) label = icat_page_writer_short_layout (writer, ICAT_TEXT_TABLE_HEADER, month_label (month),
                                                                    2 * month_width);
      int label_width;

      pango_layout_get_pixel_size (label, &label_width, NULL);
      cairo_set_source_rgb (cr, ICAT_INK_TEXT);
      double cell_x = mirror_x (writer, chart_x + month * month_width, month_width);

      icat_page_writer_show (writer, label, text_start (writer, cell_x + (month_width - label_width) / 2, 2 * month_width,
                                                        label_width), y + 3);
    }
  icat_page_writer_advance (writer, HEADER_HEIGHT);
}

static void
draw_legend (IcatPageWriter *writer)
{
  cairo_t *cr = icat_page_writer_get_cairo (writer);
  double x = icat_page_writer_get_left (writer);
  double y = icat_page_writer_get_y (writer);
  gboolean rtl = icat_page_writer_is_right_to_left (writer);
  const IcatActivityType types[] = {
    ICAT_ACTIVITY_ACTION_ITEM, ICAT_ACTIVITY_PAPER, ICAT_ACTIVITY_MEETING, ICAT_ACTIVITY_RECURRING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(PangoLayout) label = icat_page_writer_layout (writer, ICAT_TEXT_SMALL,
                                                              icat_activity_type_label (types[i]), 120);
      int label_width;

      pango_layout_get_pixel_size (label, &label_width, NULL);
      type_colour (cr, types[i]);
      cairo_rectangle (cr, mirror_x (writer, x, 14), y + 2, 14, 7);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, ICAT_INK_TEXT);
      /* Right to left, the label is right-aligned in its 120 points. */
      icat_page_writer_show (writer, label, rtl ? mirror_x (writer, x + 18, 0) - 120 : x + 18, y);
      x += 18 + label_width + 18;
    }
  icat_page_writer_advance (writer, 18);
}

static void
draw_row (IcatPageWriter *writer,
          IcatActivity   *activity,
          const Span     *span,
          gboolean        shaded)
{
  cairo_t *cr = icat_page_writer_get_cairo (writer);
  double left = icat_page_writer_get_left (writer);
  double width = icat_page_writer_get_body_width (writer);
  double chart_x = left + width * LABEL_SHARE;
  double chart_width = width * (1 - LABEL_SHARE);
  double y = icat_page_writer_get_y (writer);
  double mid = y + ROW_HEIGHT / 2;
  /* One line per row; the full title is in the tables above. */
  g_autoptr(PangoLayout) label = icat_page_writer_line_layout (writer, ICAT_TEXT_SMALL, activity->title,
                                                               width * LABEL_SHARE - 6);

  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
      cairo_rectangle (cr, left, y, width, ROW_HEIGHT);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, ICAT_INK_TEXT);
  icat_page_writer_show (writer, label, mirror_x (writer, left, width * LABEL_SHARE - 6), y + 1.5);

  type_colour (cr, activity->type);
  if (span->point)
    {
      double x = mirror_x (writer, chart_x + (span->start + span->end) / 2 * chart_width, 0);

      cairo_move_to (cr, x, mid - 4.5);
      cairo_line_to (cr, x + 4.5, mid);
      cairo_line_to (cr, x, mid + 4.5);
      cairo_line_to (cr, x - 4.5, mid);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else
    {
      double from = CLAMP (span->start, 0, 1);
      double to = CLAMP (span->end, 0, 1);

      double bar_width = MAX ((to - from) * chart_width, 2);

      cairo_rectangle (cr, mirror_x (writer, chart_x + from * chart_width, bar_width), mid - 3.5, bar_width, 7);
      if (span->vague)
        {
          /* Only the month or the year is known: a pale bar. */
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_paint_with_alpha (cr, 0.35);
          cairo_restore (cr);
          cairo_new_path (cr);
        }
      else
        cairo_fill (cr);
    }
  icat_page_writer_advance (writer, ROW_HEIGHT);
}

/* The month lines over the rows of one page, drawn once per page rather
 * than per row: a plan of thousands of rows stays small and quick. */
static void
draw_month_lines (IcatPageWriter *writer,
                  double          top)
{
  cairo_t *cr = icat_page_writer_get_cairo (writer);
  double width = icat_page_writer_get_body_width (writer);
  double chart_x = icat_page_writer_get_left (writer) + width * LABEL_SHARE;
  double chart_width = width * (1 - LABEL_SHARE);
  double bottom = icat_page_writer_get_y (writer);

  if (bottom <= top)
    return;
  cairo_set_source_rgb (cr, ICAT_INK_RULE);
  for (int month = 0; month <= 12; month++)
    cairo_rectangle (cr, mirror_x (writer, chart_x + month * chart_width / 12, 0.3), top, 0.3, bottom - top);
  cairo_fill (cr);
}

void
icat_work_plan_draw_timeline (IcatPageWriter   *writer,
                              IcatWorkPlanData *data)
{
  guint drawn = 0;
  double top;

  icat_page_writer_text (writer, ICAT_TEXT_CAPTION,
                         _("Bars run from an activity’s start to its end or due date; a diamond marks a single day; "
                           "a pale bar covers the month or the year when only that much is known."), 0);
  draw_legend (writer);
  icat_page_writer_ensure (writer, HEADER_HEIGHT + 3 * ROW_HEIGHT);
  draw_month_header (writer, NULL);
  icat_page_writer_set_page_header (writer, draw_month_header, NULL);
  top = icat_page_writer_get_y (writer);
  for (guint i = 0; i < data->activities->len; i++)
    {
      IcatActivity *activity = data->activities->pdata[i];
      Span span;

      if (!activity_span (activity, data->year, &span))
        continue;
      if (icat_page_writer_get_room (writer) < ROW_HEIGHT)
        {
          draw_month_lines (writer, top);
          icat_page_writer_new_page (writer);
          top = icat_page_writer_get_y (writer);
        }
      draw_row (writer, activity, &span, drawn % 2 == 1);
      drawn++;
    }
  draw_month_lines (writer, top);
  icat_page_writer_set_page_header (writer, NULL, NULL);
  if (drawn == 0)
    icat_page_writer_text (writer, ICAT_TEXT_BODY, _("No activity of this year has a date yet."), 0);
}
