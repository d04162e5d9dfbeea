/* icat-page-writer.h — flowing text and tables onto pages
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer lays out PangoCairo text top to bottom and starts a new page
 * when the current one is full. Text breaks only between lines, a table row
 * moves whole to the next page when it fits there, and a table's header row
 * repeats on every page it spans. Each page is a cairo recording surface,
 * replayed later into a PDF, a preview or a printer; or, for a PDF that
 * nothing else shows, the pages are measured first and then drawn straight
 * into it (icat_page_writer_new_measuring ()).
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  ICAT_TEXT_BODY,
  ICAT_TEXT_SMALL,
  ICAT_TEXT_CAPTION,      /* grey, small: notes under a heading */
  ICAT_TEXT_HEADING_1,
  ICAT_TEXT_HEADING_2,
  ICAT_TEXT_HEADING_3,
  ICAT_TEXT_TABLE_HEADER,
  ICAT_TEXT_TABLE_CELL,
  ICAT_TEXT_COVER_KICKER, /* the organization's name above a cover title */
  ICAT_TEXT_COVER_TITLE,
  ICAT_TEXT_COVER_SUBTITLE,
  ICAT_TEXT_TITLE,        /* the title at the top of a record */
} IcatTextStyle;

typedef enum {
  ICAT_ROW_DEFAULT = 0,
  ICAT_ROW_ALERT   = 1 << 0,  /* overdue: the last column in red */
  ICAT_ROW_MUTED   = 1 << 1,  /* cancelled or done: grey text */
  ICAT_ROW_GROUP   = 1 << 2,  /* a sub-heading spanning the table */
} IcatRowFlags;

/* The sans of headings, labels and footers (see icat-page-writer.c). */
#define ICAT_DOCUMENT_SANS "Liberation Sans,WenQuanYi Micro Hei,Noto Naskh Arabic,sans-serif"

/* Colours of the documents: UN blue for rules and shading, near-black text. */
#define ICAT_INK_TEXT   0.10, 0.10, 0.12
#define ICAT_INK_MUTED  0.37, 0.36, 0.39
#define ICAT_INK_ACCENT 0.00, 0.47, 0.71
#define ICAT_INK_ALERT  0.75, 0.11, 0.16
#define ICAT_INK_RULE   0.75, 0.75, 0.74
#define ICAT_INK_SHADE  0.90, 0.95, 0.98

typedef struct _IcatPageWriter IcatPageWriter;

typedef void (*IcatPageHeaderFunc) (IcatPageWriter *writer,
                                    gpointer        user_data);

IcatPageWriter *icat_page_writer_new        (double          width,
                                             double          height);
/* Pages that are only counted, not drawn: a first pass that finds where
 * everything falls (page numbers for a contents page and "Page X of Y"). */
IcatPageWriter *icat_page_writer_new_measuring (double       width,
                                                double       height);
/* A measuring writer starts again at the first page, now drawing straight
 * onto target (a PDF surface), each page shown as it ends, once page_end
 * has drawn on it. The texts laid out while measuring are not laid out
 * again. */
void            icat_page_writer_restart_on (IcatPageWriter     *writer,
                                             cairo_surface_t    *target,
                                             IcatPageHeaderFunc  page_end,
                                             gpointer            user_data);
/* Ends the last page on the target. */
void            icat_page_writer_end_streaming (IcatPageWriter *writer);
gboolean        icat_page_writer_is_streaming (IcatPageWriter *writer);
void            icat_page_writer_free       (IcatPageWriter *writer);

double          icat_page_writer_get_body_width (IcatPageWriter *writer);
double          icat_page_writer_get_left   (IcatPageWriter *writer);
double          icat_page_writer_get_y      (IcatPageWriter *writer);
/* Space left on the current page. */
double          icat_page_writer_get_room   (IcatPageWriter *writer);
void            icat_page_writer_advance    (IcatPageWriter *writer,
                                             double          height);
cairo_t        *icat_page_writer_get_cairo  (IcatPageWriter *writer);
guint           icat_page_writer_get_page   (IcatPageWriter *writer);
guint           icat_page_writer_get_n_pages (IcatPageWriter *writer);

void            icat_page_writer_new_page   (IcatPageWriter *writer);
/* A new cairo context on an earlier page, to fill it in afterwards (a table
 * of contents that needs the page numbers of what follows it). */
cairo_t        *icat_page_writer_cairo_for_page (IcatPageWriter *writer,
                                                 guint           page);
/* Starts a new page unless height still fits on this one; TRUE if it did. */
gboolean        icat_page_writer_ensure     (IcatPageWriter *writer,
                                             double          height);
/* Called at the top of each new page until unset: a repeated header. */
void            icat_page_writer_set_page_header (IcatPageWriter    *writer,
                                                  IcatPageHeaderFunc func,
                                                  gpointer           user_data);

PangoLayout    *icat_page_writer_layout     (IcatPageWriter *writer,
                                             IcatTextStyle   style,
                                             const char     *text,
                                             double          width);
/* The same, shared with other users of the same short text: do not change it. */
PangoLayout    *icat_page_writer_short_layout (IcatPageWriter *writer,
                                               IcatTextStyle   style,
                                               const char     *text,
                                               double          width);
/* Shared as well: on one line, ellipsized at the end when it is longer. */
PangoLayout    *icat_page_writer_line_layout (IcatPageWriter *writer,
                                              IcatTextStyle   style,
                                              const char     *text,
                                              double          width);
double          icat_layout_height          (PangoLayout    *layout);
/* Sets the text as documents draw it (see arabic_lam_alef_forms). */
void            icat_layout_set_text        (PangoLayout    *layout,
                                             const char     *text);
/* A text as a right-to-left document sets it: left-to-right phrases
 * isolated (LRI … PDI) so they keep their order, a text with no
 * right-to-left letter isolated whole. */
char           *icat_text_isolate_left_to_right (const char *text);
/* The text with a word joiner (U+2060) wherever a line could break inside
 * it, so that a line never does: a date in a narrow column
 * ("2025年3月10日", "10 марта 2025") stays whole, on the next line if need
 * be. The joiner is invisible and left out of the PDF's text; the .odt
 * writer leaves it out. A text wider than the whole column is still cut
 * where it must be. */
char           *icat_text_unbroken          (const char *text);
/* Cut at the end with an ellipsis when longer than the layout's width; call
 * after the text is set. */
void            icat_layout_ellipsize_end   (PangoLayout    *layout);
/* Right-aligned, every paragraph right to left (Arabic documents). */
void            icat_layout_set_right_to_left (PangoLayout *layout);
/* Whether documents in language (a tag such as "ar" or "zh-CN") are laid
 * out right to left. */
gboolean        icat_language_is_right_to_left (const char *language);
/* The writer's documents are right to left: their language is (see
 * page_writer_new ()). */
gboolean        icat_page_writer_is_right_to_left (IcatPageWriter *writer);
/* Draws a whole layout with its top left corner at (x, y). */
void            icat_page_writer_show       (IcatPageWriter *writer,
                                             PangoLayout    *layout,
                                             double          x,
                                             double          y);

/* Flowing text, broken between lines across pages. */
void            icat_page_writer_text       (IcatPageWriter *writer,
                                             IcatTextStyle   style,
                                             const char     *text,
                                             double          indent);
/* A heading, kept on the same page as the first lines after it. */
void            icat_page_writer_heading    (IcatPageWriter *writer,
                                             IcatTextStyle   style,
                                             const char     *text);

/* A label and its value side by side, as on a cover or a record's head. */
void            icat_page_writer_fact       (IcatPageWriter *writer,
                                             const char     *label,
                                             const char     *value);

/* fractions: each column's share of the body width, summing to 1. */
void            icat_page_writer_table_begin (IcatPageWriter     *writer,
                                              guint               n_columns,
                                              const double       *fractions,
                                              const char * const *headers);
void            icat_page_writer_table_row   (IcatPageWriter     *writer,
                                              const char * const *cells,
                                              IcatRowFlags        flags);
void            icat_page_writer_table_end   (IcatPageWriter     *writer);

/* Ends the last page and hands the pages over (cairo_surface_t, recording). */
GPtrArray      *icat_page_writer_finish     (IcatPageWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatPageWriter, icat_page_writer_free)

G_END_DECLS
