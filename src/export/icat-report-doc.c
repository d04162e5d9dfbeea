/* icat-report-doc.c — a report written once, given as PDF and as OpenDocument
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports are a few pages of records, so their blocks are kept whole and
 * walked once per writer; neither writer needs to know the report.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-report-doc.h"

#include "icat-document-private.h"
#include "icat-odt-writer.h"

/* Points of page a heading needs below it: its own line, a caption and
 * a table's header and first row. */
#define HEADING_KEEP_WITH_NEXT 120.0

typedef enum {
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_ITEM,
  BLOCK_FACT,
  BLOCK_TABLE_BEGIN,
  BLOCK_TABLE_ROW,
  BLOCK_TABLE_END,
} BlockKind;

typedef struct {
  BlockKind      kind;
  IcatTextStyle  style;
  IcatRowFlags   flags;
  GStrv          texts;      /* the text; label and value; headers; cells */
  double        *fractions;  /* BLOCK_TABLE_BEGIN */
} Block;

struct _IcatReportDoc {
  char   *title;
  char   *subject;
  char   *running_footer;
  GArray *blocks;             /* Block */
  guint   table_columns;      /* 0 outside a table */
};

static void
block_clear (Block *block)
{
  g_strfreev (block->texts);
  g_free (block->fractions);
}

IcatReportDoc *
icat_report_doc_new (const char *title,
                     const char *subject,
                     const char *running_footer)
{
  IcatReportDoc *doc = g_new0 (IcatReportDoc, 1);

  doc->title = g_strdup (title);
  doc->subject = g_strdup (subject);
  doc->running_footer = g_strdup (running_footer);
  doc->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (doc->blocks, (GDestroyNotify) block_clear);
  return doc;
}

void
icat_report_doc_free (IcatReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->subject);
  g_free (doc->running_footer);
  g_array_unref (doc->blocks);
  g_free (doc);
}

const char *
icat_report_doc_get_title (IcatReportDoc *doc)
{
  return doc->title;
}

/* n texts, a NULL one given as "". */
static GStrv
copy_texts (const char * const *texts,
            guint               n)
{
  GStrv copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (texts != NULL && texts[i] != NULL ? texts[i] : "");
  return copy;
}

static void
add_block (IcatReportDoc      *doc,
           BlockKind           kind,
           IcatTextStyle       style,
           const char * const *texts,
           guint               n_texts)
{
  Block block = { kind, style, ICAT_ROW_DEFAULT, copy_texts (texts, n_texts), NULL };

  g_array_append_val (doc->blocks, block);
}

void
icat_report_doc_heading (IcatReportDoc *doc,
                         IcatTextStyle  style,
                         const char    *text)
{
  add_block (doc, BLOCK_HEADING, style, &text, 1);
}

void
icat_report_doc_text (IcatReportDoc *doc,
                      IcatTextStyle  style,
                      const char    *text)
{
  add_block (doc, BLOCK_TEXT, style, &text, 1);
}

void
icat_report_doc_item (IcatReportDoc *doc,
                      const char    *text)
{
  add_block (doc, BLOCK_ITEM, ICAT_TEXT_BODY, &text, 1);
}

void
icat_report_doc_fact (IcatReportDoc *doc,
                      const char    *label,
                      const char    *value)
{
  const char *texts[] = { label, value };

  add_block (doc, BLOCK_FACT, ICAT_TEXT_BODY, texts, 2);
}

void
icat_report_doc_table_begin (IcatReportDoc      *doc,
                             guint               n_columns,
                             const double       *fractions,
                             const char * const *headers)
{
  Block *block;

  g_return_if_fail (n_columns > 0 && fractions != NULL && doc->table_columns == 0);

  add_block (doc, BLOCK_TABLE_BEGIN, ICAT_TEXT_TABLE_HEADER, headers, n_columns);
  block = &g_array_index (doc->blocks, Block, doc->blocks->len - 1);
  block->fractions = g_memdup2 (fractions, n_columns * sizeof (double));
  doc->table_columns = n_columns;
}

void
icat_report_doc_table_row (IcatReportDoc      *doc,
                           const char * const *cells,
                           IcatRowFlags        flags)
{
  g_return_if_fail (doc->table_columns > 0);

  /* A group row names its sub-heading only. */
  add_block (doc, BLOCK_TABLE_ROW, ICAT_TEXT_TABLE_CELL, cells, flags & ICAT_ROW_GROUP ? 1 : doc->table_columns);
  g_array_index (doc->blocks, Block, doc->blocks->len - 1).flags = flags;
}

void
icat_report_doc_table_end (IcatReportDoc *doc)
{
  g_return_if_fail (doc->table_columns > 0);

  add_block (doc, BLOCK_TABLE_END, ICAT_TEXT_BODY, NULL, 0);
  doc->table_columns = 0;
}

static int
outline_level (IcatTextStyle style)
{
  switch (style)
    {
    case ICAT_TEXT_HEADING_1: return 0;
    case ICAT_TEXT_HEADING_2: return 1;
    case ICAT_TEXT_HEADING_3: return 2;
    default: return -1;
    }
}

/* A group row gives the page writer as many cells as the table has. */
static const char * const *
row_cells (const Block *block,
           guint        n_columns,
           const char **padded)
{
  if (!(block->flags & ICAT_ROW_GROUP))
    return (const char * const *) block->texts;
  padded[0] = block->texts[0];
  for (guint i = 1; i < n_columns; i++)
    padded[i] = "";
  return padded;
}

IcatDocument *
icat_report_doc_lay_out (IcatReportDoc *doc,
                         IcatPaperSize  paper)
{
  g_autoptr(GPtrArray) outline = g_ptr_array_new ();
  g_autoptr(IcatPageWriter) writer = NULL;
  double width, height;
  guint n_columns = 0;

  g_return_val_if_fail (doc->table_columns == 0, NULL);

  icat_page_size_points (paper, &width, &height);
  writer = icat_page_writer_new (width, height);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *block = &g_array_index (doc->blocks, Block, i);
      g_autofree const char **padded = NULL;
      g_autofree char *bullet = NULL;

      switch (block->kind)
        {
        case BLOCK_HEADING:
          /* A heading stays with the start of what it heads. */
          icat_page_writer_ensure (writer, HEADING_KEEP_WITH_NEXT);
          icat_page_writer_heading (writer, block->style, block->texts[0]);
          if (outline_level (block->style) >= 0)
            icat_outline_add (outline, block->texts[0], icat_page_writer_get_page (writer),
                              outline_level (block->style));
          break;
        case BLOCK_TEXT:
          icat_page_writer_text (writer, block->style, block->texts[0], 0);
          break;
        case BLOCK_ITEM:
          bullet = g_strconcat ("•  ", block->texts[0], NULL);
          icat_page_writer_text (writer, ICAT_TEXT_BODY, bullet, 12);
          break;
        case BLOCK_FACT:
          icat_page_writer_fact (writer, block->texts[0], block->texts[1]);
          break;
        case BLOCK_TABLE_BEGIN:
          n_columns = g_strv_length (block->texts);
          icat_page_writer_table_begin (writer, n_columns, block->fractions, (const char * const *) block->texts);
          break;
        case BLOCK_TABLE_ROW:
          padded = g_new0 (const char *, n_columns + 1);
          icat_page_writer_table_row (writer, row_cells (block, n_columns, padded), block->flags);
          break;
        case BLOCK_TABLE_END:
          icat_page_writer_table_end (writer);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return icat_document_new_from_writer (writer, doc->title, doc->subject, doc->running_footer, outline, FALSE);
}

GBytes *
icat_report_doc_write_odt (IcatReportDoc  *doc,
                           const char     *language,
                           GDateTime      *date,
                           GError        **error)
{
  g_autoptr(IcatOdtWriter) writer = NULL;
  guint n_columns = 0;

  g_return_val_if_fail (doc->table_columns == 0, NULL);

  writer = icat_odt_writer_new (language, doc->title, date);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *block = &g_array_index (doc->blocks, Block, i);
      g_autofree const char **padded = NULL;

      switch (block->kind)
        {
        case BLOCK_HEADING:
          icat_odt_writer_heading (writer, block->style, block->texts[0]);
          break;
        case BLOCK_TEXT:
          icat_odt_writer_text (writer, block->style, block->texts[0]);
          break;
        case BLOCK_ITEM:
          icat_odt_writer_item (writer, block->texts[0]);
          break;
        case BLOCK_FACT:
          icat_odt_writer_fact (writer, block->texts[0], block->texts[1]);
          break;
        case BLOCK_TABLE_BEGIN:
          n_columns = g_strv_length (block->texts);
          icat_odt_writer_table_begin (writer, n_columns, block->fractions, (const char * const *) block->texts);
          break;
        case BLOCK_TABLE_ROW:
          padded = g_new0 (const char *, n_columns + 1);
          icat_odt_writer_table_row (writer, row_cells (block, n_columns, padded), block->flags);
          break;
        case BLOCK_TABLE_END:
          icat_odt_writer_table_end (writer);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return icat_odt_writer_finish (writer, error);
}

const char *
icat_report_language (void)
{
  /* Translators: this translation's language as a language tag (RFC 5646),
   * e.g. "zh-CN" or "fr"; every PDF and .odt the app writes says it is in it */
  return C_("language tag", "en");
}

GBytes *
icat_report_doc_render (IcatReportDoc     *doc,
                        IcatReportFormat   format,
                        IcatPaperSize      paper,
                        GDateTime         *date,
                        GError           **error)
{
  g_autoptr(IcatDocument) document = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  if (format == ICAT_REPORT_ODT)
    return icat_report_doc_write_odt (doc, icat_report_language (), date, error);
  document = icat_report_doc_lay_out (doc, paper);
  memory = g_memory_output_stream_new_resizable ();
  if (!icat_document_write_pdf (document, memory, NULL, error) || !g_output_stream_close (memory, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}
