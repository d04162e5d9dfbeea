/* icat-page-writer.c — flowing text and tables onto pages
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include "icat-page-writer.h"
#include "icat-report-doc.h"

/* 2 cm margins; the footer sits in the bottom margin. */
#define MARGIN_SIDE   56.7
#define MARGIN_TOP    56.7
#define MARGIN_BOTTOM 70.0
#define CELL_PAD      4.0

typedef struct {
  guint   n_columns;
  double *x;          /* left edge of each column */
  double *width;
  char  **headers;
} Table;

struct _IcatPageWriter {
  double             width;
  double             height;
  double             left;
  double             right;
  double             top;
  double             bottom;
  double             y;

  PangoFontMap      *font_map;
  PangoContext      *context;
  GPtrArray         *pages;       /* cairo_surface_t; NULL when measuring or streaming */
  cairo_surface_t   *target;      /* streaming: the pages go straight onto it */
  cairo_t           *cr;          /* on the last page */
  guint              n_pages;

  IcatPageHeaderFunc page_end_func;
  gpointer           page_end_data;

  PangoFontDescription *fonts[ICAT_TEXT_TITLE + 1];
  GHashTable        *laid_out;     /* LaidOutKey → LaidOut */

  IcatPageHeaderFunc header_func;
  gpointer           header_data;
  Table             *table;
  gboolean           rtl;          /* Arabic: right-aligned, columns mirrored */
};

/* UN documents are set in Times New Roman: the text is in Liberation Serif
 * (fonts-liberation2), which has its metrics, and Chinese in the Ming face
 * AR PL UMing (fonts-arphic-uming). Headings and labels are in a sans:
 * Liberation Sans (Arial's metrics), and WenQuanYi Micro Hei for Chinese.
 * Arabic, in both, is in Noto Naskh Arabic (fonts-noto-core), which shapes
 * it; it comes after the Chinese faces, so nothing else changes face.
 * The generic family last stands in where a face is missing. */
#define ICAT_SERIF "Liberation Serif,AR PL UMing CN,Noto Naskh Arabic,serif "
#define ICAT_SANS  ICAT_DOCUMENT_SANS " "

static const struct {
  const char *font;
  double      space_after;
} styles[] = {
  [ICAT_TEXT_BODY]           = { ICAT_SERIF "10.5", 5 },
  [ICAT_TEXT_SMALL]          = { ICAT_SERIF "9", 3 },
  [ICAT_TEXT_CAPTION]        = { ICAT_SANS "8.5", 6 },
  [ICAT_TEXT_HEADING_1]      = { ICAT_SANS "Bold 15", 8 },
  [ICAT_TEXT_HEADING_2]      = { ICAT_SANS "Bold 12", 5 },
  [ICAT_TEXT_HEADING_3]      = { ICAT_SANS "Bold 10.5", 3 },
  [ICAT_TEXT_TABLE_HEADER]   = { ICAT_SANS "Bold 8.5", 0 },
  [ICAT_TEXT_TABLE_CELL]     = { ICAT_SERIF "9.5", 0 },
  [ICAT_TEXT_COVER_KICKER]   = { ICAT_SANS "Bold 11", 10 },
  [ICAT_TEXT_COVER_TITLE]    = { ICAT_SANS "Bold 30", 14 },
  [ICAT_TEXT_COVER_SUBTITLE] = { ICAT_SERIF "14", 8 },
  [ICAT_TEXT_TITLE]          = { ICAT_SANS "Bold 19", 10 },
};

static void
table_free (Table *table)
{
  g_free (table->x);
  g_free (table->width);
  g_strfreev (table->headers);
  g_free (table);
}

/* A text laid out once for every place that shows it in the same style
 * and width: statuses, dates and acronyms down a table, and the titles a
 * work plan lists in its tables and again in its timeline (in a year of
 * 2,000 action items, most titles recur). */
typedef struct {
  IcatTextStyle  style;
  int            width;     /* Pango units, as the layout has it */
  gboolean       one_line;  /* ellipsized to a single line */
  char          *text;
} LaidOutKey;

typedef struct {
  LaidOutKey   key;
  PangoLayout *layout;
  GArray      *bounds;  /* of each line: see line_bounds () */
} LaidOut;

/* Past this many texts the cache starts again, so a document of
 * thousands of different titles keeps its memory flat. */
#define MAX_LAID_OUT 4096

static guint
laid_out_key_hash (gconstpointer data)
{
  const LaidOutKey *key = data;

  return g_str_hash (key->text) ^ ((guint) key->width * 31u) ^ ((guint) key->style << 24) ^ (guint) key->one_line;
}

static gboolean
laid_out_key_equal (gconstpointer a,
                    gconstpointer b)
{
  const LaidOutKey *key_a = a;
  const LaidOutKey *key_b = b;

  return key_a->style == key_b->style && key_a->width == key_b->width &&
         key_a->one_line == key_b->one_line && strcmp (key_a->text, key_b->text) == 0;
}

static void
laid_out_free (LaidOut *laid_out)
{
  g_free (laid_out->key.text);
  g_clear_object (&laid_out->layout);
  g_clear_pointer (&laid_out->bounds, g_array_unref);
  g_free (laid_out);
}

/* Streaming: the page just drawn gets its footer and goes to the target. */
static void
end_streamed_page (IcatPageWriter *writer)
{
  if (writer->page_end_func != NULL)
    writer->page_end_func (writer, writer->page_end_data);
  cairo_show_page (writer->cr);
  g_clear_pointer (&writer->cr, cairo_destroy);
}

static void
start_page (IcatPageWriter *writer)
{
  if (writer->target != NULL)
    {
      if (writer->cr != NULL)
        end_streamed_page (writer);
      writer->cr = cairo_create (writer->target);
    }
  else if (writer->pages != NULL)
    {
      cairo_rectangle_t extents = { 0, 0, writer->width, writer->height };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      g_clear_pointer (&writer->cr, cairo_destroy);
      g_ptr_array_add (writer->pages, page);
      writer->cr = cairo_create (page);
    }
  else if (writer->cr == NULL)
    /* Measuring: a context in error, on which drawing does nothing. */
    writer->cr = cairo_create (NULL);
  writer->n_pages++;
  writer->y = writer->top;
  if (writer->header_func != NULL)
    writer->header_func (writer, writer->header_data);
}

static IcatPageWriter *
page_writer_new (double   width,
                 double   height,
                 gboolean recording)
{
  IcatPageWriter *writer = g_new0 (IcatPageWriter, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  writer->width = width;
  writer->height = height;
  writer->left = MARGIN_SIDE;
  writer->right = width - MARGIN_SIDE;
  writer->top = MARGIN_TOP;
  writer->bottom = height - MARGIN_BOTTOM;

  /* A font map of our own: the default one belongs to the thread that made
   * it, and documents are laid out on worker threads. No hinting, so the
   * preview, the printout and the PDF break lines in the same places. */
  writer->font_map = pango_cairo_font_map_new ();
  writer->context = pango_font_map_create_context (writer->font_map);
  pango_cairo_context_set_resolution (writer->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (writer->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (writer->context, FALSE);
  /* The direction follows the language the document is written in: the
   * language tag of the catalogue, which the .odt reports declare too
   * (icat_report_language ()), so a report's PDF and .odt always agree and
   * no second marker must be kept in step in every catalogue. The locale
   * (pango_language_get_default ()) would not do: LANGUAGE=ar with
   * LANG=C.UTF-8 writes Arabic under the "c" locale. */
  writer->rtl = icat_language_is_right_to_left (icat_report_language ());
  if (writer->rtl)
    pango_context_set_base_dir (writer->context, PANGO_DIRECTION_RTL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    writer->fonts[i] = pango_font_description_from_string (styles[i].font);
  writer->laid_out = g_hash_table_new_full (laid_out_key_hash, laid_out_key_equal, NULL, (GDestroyNotify) laid_out_free);

  if (recording)
    writer->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  start_page (writer);
  return writer;
}

IcatPageWriter *
icat_page_writer_new (double width,
                      double height)
{
  return page_writer_new (width, height, TRUE);
}

IcatPageWriter *
icat_page_writer_new_measuring (double width,
                                double height)
{
  return page_writer_new (width, height, FALSE);
}

void
icat_page_writer_restart_on (IcatPageWriter     *writer,
                             cairo_surface_t    *target,
                             IcatPageHeaderFunc  page_end,
                             gpointer            user_data)
{
  g_return_if_fail (writer->pages == NULL && writer->target == NULL);

  g_clear_pointer (&writer->table, table_free);
  g_clear_pointer (&writer->cr, cairo_destroy);
  writer->header_func = NULL;
  writer->header_data = NULL;
  writer->target = cairo_surface_reference (target);
  writer->page_end_func = page_end;
  writer->page_end_data = user_data;
  writer->n_pages = 0;
  start_page (writer);
}

void
icat_page_writer_end_streaming (IcatPageWriter *writer)
{
  g_return_if_fail (writer->target != NULL && writer->cr != NULL);

  end_streamed_page (writer);
  g_clear_pointer (&writer->target, cairo_surface_destroy);
}

void
icat_page_writer_free (IcatPageWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_pointer (&writer->table, table_free);
  g_clear_pointer (&writer->cr, cairo_destroy);
  g_clear_pointer (&writer->target, cairo_surface_destroy);
  g_clear_pointer (&writer->pages, g_ptr_array_unref);
  g_clear_pointer (&writer->laid_out, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    g_clear_pointer (&writer->fonts[i], pango_font_description_free);
  g_clear_object (&writer->context);
  g_clear_object (&writer->font_map);
  g_free (writer);
}

double
icat_page_writer_get_body_width (IcatPageWriter *writer)
{
  return writer->right - writer->left;
}

double
icat_page_writer_get_left (IcatPageWriter *writer)
{
  return writer->left;
}

double
icat_page_writer_get_y (IcatPageWriter *writer)
{
  return writer->y;
}

double
icat_page_writer_get_room (IcatPageWriter *writer)
{
  return writer->bottom - writer->y;
}

void
icat_page_writer_advance (IcatPageWriter *writer,
                          double          height)
{
  writer->y += height;
}

cairo_t *
icat_page_writer_get_cairo (IcatPageWriter *writer)
{
  return writer->cr;
}

guint
icat_page_writer_get_page (IcatPageWriter *writer)
{
  return writer->n_pages - 1;
}

guint
icat_page_writer_get_n_pages (IcatPageWriter *writer)
{
  return writer->n_pages;
}

gboolean
icat_page_writer_is_right_to_left (IcatPageWriter *writer)
{
  return writer->rtl;
}

gboolean
icat_page_writer_is_streaming (IcatPageWriter *writer)
{
  return writer->target != NULL;
}

void
icat_page_writer_new_page (IcatPageWriter *writer)
{
  start_page (writer);
}

cairo_t *
icat_page_writer_cairo_for_page (IcatPageWriter *writer,
                                 guint           page)
{
  /* Measuring or streaming, earlier pages are gone: nothing to draw on. */
  if (writer->pages == NULL)
    return cairo_create (NULL);
  g_return_val_if_fail (page < writer->pages->len, NULL);
  return cairo_create (writer->pages->pdata[page]);
}

gboolean
icat_page_writer_ensure (IcatPageWriter *writer,
                         double          height)
{
  if (writer->y + height <= writer->bottom)
    return FALSE;
  start_page (writer);
  return TRUE;
}

void
icat_page_writer_set_page_header (IcatPageWriter    *writer,
                                  IcatPageHeaderFunc func,
                                  gpointer           user_data)
{
  writer->header_func = func;
  writer->header_data = user_data;
}

PangoLayout *
icat_page_writer_layout (IcatPageWriter *writer,
                         IcatTextStyle   style,
                         const char     *text,
                         double          width)
{
  PangoLayout *layout = pango_layout_new (writer->context);

  pango_layout_set_font_description (layout, writer->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  if (writer->rtl)
    icat_layout_set_right_to_left (layout);
  icat_layout_set_text (layout, text);
  return layout;
}

double
icat_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The top and bottom of each line, in points from the layout's top. */
static GArray *
line_bounds (PangoLayout *layout)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int top, bottom;
      double pair[2];

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pair[0] = (double) top / PANGO_SCALE;
      pair[1] = (double) bottom / PANGO_SCALE;
      g_array_append_val (bounds, pair);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return bounds;
}

#define LINE_TOP(bounds, i) (g_array_index (bounds, double, 2 * (i)))
#define LINE_BOTTOM(bounds, i) (g_array_index (bounds, double, 2 * (i) + 1))

/* The shared layout of a text, laid out on first use. */
static LaidOut *
lay_out_shared (IcatPageWriter *writer,
                IcatTextStyle   style,
                const char     *text,
                double          width,
                gboolean        one_line)
{
  LaidOutKey key = { style, (int) (MAX (width, 1) * PANGO_SCALE), one_line, (char *) (text != NULL ? text : "") };
  LaidOut *laid_out = g_hash_table_lookup (writer->laid_out, &key);

  if (laid_out != NULL)
    return laid_out;
  if (g_hash_table_size (writer->laid_out) >= MAX_LAID_OUT)
    g_hash_table_remove_all (writer->laid_out);
  laid_out = g_new0 (LaidOut, 1);
  laid_out->key = key;
  laid_out->key.text = g_strdup (key.text);
  laid_out->layout = icat_page_writer_layout (writer, style, key.text, width);
  if (one_line)
    {
      pango_layout_set_single_paragraph_mode (laid_out->layout, TRUE);
      icat_layout_ellipsize_end (laid_out->layout);
    }
  laid_out->bounds = line_bounds (laid_out->layout);
  g_hash_table_insert (writer->laid_out, &laid_out->key, laid_out);
  return laid_out;
}

/* Statuses, dates, acronyms and labels repeat down a table: each is laid
 * out once. A shared layout is only read and drawn, never changed. */
PangoLayout *
icat_page_writer_short_layout (IcatPageWriter *writer,
                               IcatTextStyle   style,
                               const char     *text,
                               double          width)
{
  return g_object_ref (lay_out_shared (writer, style, text, width, FALSE)->layout);
}

PangoLayout *
icat_page_writer_line_layout (IcatPageWriter *writer,
                              IcatTextStyle   style,
                              const char     *text,
                              double          width)
{
  return g_object_ref (lay_out_shared (writer, style, text, width, TRUE)->layout);
}

static void
set_ink (cairo_t       *cr,
         IcatTextStyle  style)
{
  switch (style)
    {
    case ICAT_TEXT_CAPTION:
      cairo_set_source_rgb (cr, ICAT_INK_MUTED);
      break;
    case ICAT_TEXT_HEADING_1:
    case ICAT_TEXT_COVER_KICKER:
      cairo_set_source_rgb (cr, ICAT_INK_ACCENT);
      break;
    default:
      cairo_set_source_rgb (cr, ICAT_INK_TEXT);
      break;
    }
}

void
icat_page_writer_show (IcatPageWriter *writer,
                       PangoLayout    *layout,
                       double          x,
                       double          y)
{
  if (cairo_status (writer->cr) != CAIRO_STATUS_SUCCESS)
    return;
  cairo_move_to (writer->cr, x, y);
  pango_cairo_show_layout (writer->cr, layout);
}

/* Draws lines [first, end) of layout with the top of line `first` at y.
 * Line by line rather than clipped, so text cut off a page is not hidden in
 * the PDF, where it would be found twice by search and copy. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        end)
{
  PangoLayoutIter *iter;
  double offset = 0;

  /* Measuring: nothing would be drawn. */
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;
  iter = pango_layout_get_iter (layout);
  for (guint i = 0; i < end; i++)
    {
      if (i >= first)
        {
          PangoRectangle logical;
          int top;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          pango_layout_iter_get_line_yrange (iter, &top, NULL);
          if (i == first)
            offset = (double) top / PANGO_SCALE;
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
}

/* How many lines from `first` fit in room; at least one on an empty page. */
static guint
lines_that_fit (GArray *bounds,
                guint   first,
                double  room)
{
  guint end = first;

  while (end < bounds->len && LINE_BOTTOM (bounds, end) - LINE_TOP (bounds, first) <= room)
    end++;
  return end;
}

void
icat_page_writer_text (IcatPageWriter *writer,
                       IcatTextStyle   style,
                       const char     *text,
                       double          indent)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) bounds = NULL;
  guint first = 0;

  if (text == NULL || *text == '\0')
    return;
  layout = icat_page_writer_layout (writer, style, text, icat_page_writer_get_body_width (writer) - indent);
  bounds = line_bounds (layout);
  while (first < bounds->len)
    {
      guint end = lines_that_fit (bounds, first, icat_page_writer_get_room (writer));

      if (end == first)
        {
          if (writer->y == writer->top)
            end = first + 1;  /* a line taller than a page: let it overflow */
          else
            {
              start_page (writer);
              continue;
            }
        }
      set_ink (writer->cr, style);
      show_lines (writer->cr, layout, writer->left + indent, writer->y, first, end);
      writer->y += LINE_BOTTOM (bounds, end - 1) - LINE_TOP (bounds, first);
      first = end;
      if (first < bounds->len)
        start_page (writer);
    }
  writer->y += styles[style].space_after;
}

void
icat_page_writer_heading (IcatPageWriter *writer,
                          IcatTextStyle   style,
                          const char     *text)
{
  g_autoptr(PangoLayout) layout = icat_page_writer_layout (writer, style, text, icat_page_writer_get_body_width (writer));
  double height = icat_layout_height (layout);
  double space_before = style == ICAT_TEXT_HEADING_1 ? 10 : 6;

  if (writer->y > writer->top)
    writer->y += space_before;
  /* Never alone at the foot of a page: keep room for three lines after it. */
  icat_page_writer_ensure (writer, height + 40);
  set_ink (writer->cr, style);
  icat_page_writer_show (writer, layout, writer->left, writer->y);
  writer->y += height + styles[style].space_after;
  if (style == ICAT_TEXT_HEADING_1)
    {
      cairo_set_source_rgb (writer->cr, ICAT_INK_ACCENT);
      cairo_rectangle (writer->cr, writer->left, writer->y - styles[style].space_after + 2,
                       icat_page_writer_get_body_width (writer), 1.2);
      cairo_fill (writer->cr);
      writer->y += 4;
    }
}

void
icat_page_writer_fact (IcatPageWriter *writer,
                       const char     *label,
                       const char     *value)
{
  double label_width = 130;
  g_autoptr(PangoLayout) label_layout = icat_page_writer_layout (writer, ICAT_TEXT_CAPTION, label, label_width - 10);
  g_autoptr(PangoLayout) value_layout = icat_page_writer_layout (writer, ICAT_TEXT_BODY, value,
                                                                 icat_page_writer_get_body_width (writer) - label_width);
  double height = MAX (icat_layout_height (label_layout), icat_layout_height (value_layout));

  icat_page_writer_ensure (writer, height);
  cairo_set_source_rgb (writer->cr, ICAT_INK_MUTED);
  icat_page_writer_show (writer, label_layout, writer->rtl ? writer->right - label_width + 10 : writer->left,
                         writer->y + 1);
  cairo_set_source_rgb (writer->cr, ICAT_INK_TEXT);
  icat_page_writer_show (writer, value_layout, writer->rtl ? writer->left : writer->left + label_width, writer->y);
  writer->y += height + 7;
}

/* Tables */

static double
draw_table_header (IcatPageWriter *writer)
{
  Table *table = writer->table;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *layout = icat_page_writer_short_layout (writer, ICAT_TEXT_TABLE_HEADER, table->headers[i],
                                               table->width[i] - 2 * CELL_PAD);

      height = MAX (height, icat_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  height += 2 * CELL_PAD;
  cairo_set_source_rgb (writer->cr, ICAT_INK_SHADE);
  cairo_rectangle (writer->cr, writer->left, writer->y, icat_page_writer_get_body_width (writer), height);
  cairo_fill (writer->cr);
  cairo_set_source_rgb (writer->cr, ICAT_INK_ACCENT);
  cairo_rectangle (writer->cr, writer->left, writer->y + height - 0.8, icat_page_writer_get_body_width (writer), 0.8);
  cairo_fill (writer->cr);
  cairo_set_source_rgb (writer->cr, ICAT_INK_TEXT);
  for (guint i = 0; i < table->n_columns; i++)
    icat_page_writer_show (writer, layouts->pdata[i], table->x[i] + CELL_PAD, writer->y + CELL_PAD);
  writer->y += height;
  return height;
}

static void
table_page_header (IcatPageWriter *writer,
                   gpointer        user_data)
{
  draw_table_header (writer);
}

void
icat_page_writer_table_begin (IcatPageWriter     *writer,
                              guint               n_columns,
                              const double       *fractions,
                              const char * const *headers)
{
  Table *table = g_new0 (Table, 1);
  double x = writer->rtl ? writer->right : writer->left;

  g_return_if_fail (writer->table == NULL);
  table->n_columns = n_columns;
  table->x = g_new (double, n_columns);
  table->width = g_new (double, n_columns);
  table->headers = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      table->width[i] = fractions[i] * icat_page_writer_get_body_width (writer);
      table->headers[i] = g_strdup (headers[i]);
      /* Right to left, the first column is on the right. */
      if (writer->rtl)
        x -= table->width[i];
      table->x[i] = x;
      if (!writer->rtl)
        x += table->width[i];
    }
  writer->table = table;
  /* The header and at least one row together. */
  icat_page_writer_ensure (writer, 48);
  draw_table_header (writer);
  icat_page_writer_set_page_header (writer, table_page_header, NULL);
}

typedef struct {
  PangoLayout *layout;
  GArray      *bounds;
  guint        next;     /* first line not drawn yet */
} Cell;

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->bounds, g_array_unref);
}

static double
remaining_height (Cell *cell)
{
  if (cell->next >= cell->bounds->len)
    return 0;
  return LINE_BOTTOM (cell->bounds, cell->bounds->len - 1) - LINE_TOP (cell->bounds, cell->next);
}

static void
set_cell_ink (cairo_t      *cr,
              IcatRowFlags  flags,
              gboolean      last_column)
{
  if ((flags & ICAT_ROW_ALERT) && last_column)
    cairo_set_source_rgb (cr, ICAT_INK_ALERT);
  else if (flags & ICAT_ROW_MUTED)
    cairo_set_source_rgb (cr, ICAT_INK_MUTED);
  else
    cairo_set_source_rgb (cr, ICAT_INK_TEXT);
}

/* Draws as much of the row as fits on this page; TRUE when it is all drawn. */
static gboolean
draw_row_part (IcatPageWriter *writer,
               Cell           *cells,
               IcatRowFlags    flags)
{
  Table *table = writer->table;
  double room = icat_page_writer_get_room (writer) - 2 * CELL_PAD;
  double used = 0;
  gboolean done = TRUE;

  if (flags & ICAT_ROW_GROUP)
    {
      cairo_set_source_rgb (writer->cr, 0.96, 0.96, 0.96);
      cairo_rectangle (writer->cr, writer->left, writer->y, icat_page_writer_get_body_width (writer),
                       remaining_height (&cells[0]) + 2 * CELL_PAD);
      cairo_fill (writer->cr);
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      Cell *cell = &cells[i];
      guint end;

      if (cell->next >= cell->bounds->len)
        continue;
      end = lines_that_fit (cell->bounds, cell->next, room);
      if (end == cell->next && writer->y == writer->top)
        end = cell->next + 1;
      if (end > cell->next)
        {
          set_cell_ink (writer->cr, flags, i == table->n_columns - 1);
          /* A group heading spans the table from its left edge. */
          double x = (flags & ICAT_ROW_GROUP) ? writer->left : table->x[i];

          show_lines (writer->cr, cell->layout, x + CELL_PAD, writer->y + CELL_PAD, cell->next, end);
          used = MAX (used, LINE_BOTTOM (cell->bounds, end - 1) - LINE_TOP (cell->bounds, cell->next));
          cell->next = end;
        }
      if (cell->next < cell->bounds->len)
        done = FALSE;
    }
  writer->y += used + 2 * CELL_PAD;
  cairo_set_source_rgb (writer->cr, ICAT_INK_RULE);
  cairo_rectangle (writer->cr, writer->left, writer->y - 0.4, icat_page_writer_get_body_width (writer), 0.4);
  cairo_fill (writer->cr);
  return done;
}

void
icat_page_writer_table_row (IcatPageWriter     *writer,
                            const char * const *cells,
                            IcatRowFlags        flags)
{
  Table *table = writer->table;
  g_autofree Cell *laid_out = g_new0 (Cell, table->n_columns);
  guint n = (flags & ICAT_ROW_GROUP) ? 1 : table->n_columns;
  double height = 0;
  double full_page = writer->bottom - writer->top - 40;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = (flags & ICAT_ROW_GROUP) ? icat_page_writer_get_body_width (writer) : table->width[i];
      IcatTextStyle style = (flags & ICAT_ROW_GROUP) ? ICAT_TEXT_TABLE_HEADER : ICAT_TEXT_TABLE_CELL;

      LaidOut *shared = lay_out_shared (writer, style, i < n ? cells[i] : "", width - 2 * CELL_PAD, FALSE);

      laid_out[i].layout = g_object_ref (shared->layout);
      laid_out[i].bounds = g_array_ref (shared->bounds);
      if (i >= n)
        laid_out[i].next = laid_out[i].bounds->len;
      height = MAX (height, remaining_height (&laid_out[i]));
    }
  height += 2 * CELL_PAD;

  /* A row moves whole to the next page when it fits there; only a row
   * longer than a page is broken, and then between lines. A group heading
   * never ends a page. */
  if (height > icat_page_writer_get_room (writer) - ((flags & ICAT_ROW_GROUP) ? 30 : 0) &&
      (height <= full_page || icat_page_writer_get_room (writer) < 60))
    start_page (writer);
  while (!draw_row_part (writer, laid_out, flags))
    start_page (writer);

  for (guint i = 0; i < table->n_columns; i++)
    cell_clear (&laid_out[i]);
}

void
icat_page_writer_table_end (IcatPageWriter *writer)
{
  g_clear_pointer (&writer->table, table_free);
  icat_page_writer_set_page_header (writer, NULL, NULL);
  writer->y += 8;
}

GPtrArray *
icat_page_writer_finish (IcatPageWriter *writer)
{
  g_clear_pointer (&writer->cr, cairo_destroy);
  return g_steal_pointer (&writer->pages);
}
