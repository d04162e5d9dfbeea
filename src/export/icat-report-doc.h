/* icat-report-doc.h — a report written once, given as PDF and as OpenDocument
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports coordinators draft from the records (mandate coverage, the
 * chair's handover, the contribution to the Secretary-General's report)
 * go out as PDF and are edited as .odt. A report is built as a list of
 * blocks — headings, text, facts, bulleted lines, tables — and each writer
 * renders the same list: the PDF through the page writer, with a bookmark
 * for every heading and the documents' footer; the .odt through
 * icat-odt-writer.c, whose headings are its outline.
 */
#pragma once

#include "icat-document.h"
#include "icat-page-writer.h"

G_BEGIN_DECLS

typedef struct _IcatReportDoc IcatReportDoc;

/* title: the document's title (its metadata and first line); subject: its
 * metadata's subject; running_footer: the text at the foot of each page. */
IcatReportDoc *icat_report_doc_new         (const char         *title,
                                            const char         *subject,
                                            const char         *running_footer);
void           icat_report_doc_free        (IcatReportDoc      *doc);

const char    *icat_report_doc_get_title   (IcatReportDoc      *doc);

/* ICAT_TEXT_HEADING_1…3 become bookmarks; other styles are plain text. */
void           icat_report_doc_heading     (IcatReportDoc      *doc,
                                            IcatTextStyle       style,
                                            const char         *text);
void           icat_report_doc_text        (IcatReportDoc      *doc,
                                            IcatTextStyle       style,
                                            const char         *text);
void           icat_report_doc_item        (IcatReportDoc      *doc,
                                            const char         *text);
void           icat_report_doc_fact        (IcatReportDoc      *doc,
                                            const char         *label,
                                            const char         *value);
void           icat_report_doc_table_begin (IcatReportDoc      *doc,
                                            guint               n_columns,
                                            const double       *fractions,
                                            const char * const *headers);
void           icat_report_doc_table_row   (IcatReportDoc      *doc,
                                            const char * const *cells,
                                            IcatRowFlags        flags);
void           icat_report_doc_table_end   (IcatReportDoc      *doc);

/* The pages, for a PDF, the preview or printing. */
IcatDocument  *icat_report_doc_lay_out     (IcatReportDoc      *doc,
                                            IcatPaperSize       paper);
/* The .odt; language: the document's language tag ("en", "zh-CN"); date:
 * the records' date, which the file carries instead of the clock's. */
GBytes        *icat_report_doc_write_odt   (IcatReportDoc      *doc,
                                            const char         *language,
                                            GDateTime          *date,
                                            GError            **error);

typedef enum {
  ICAT_REPORT_PDF,
  ICAT_REPORT_ODT,
} IcatReportFormat;

/* The finished file: a PDF on paper, or an .odt in the language of the
 * program's messages; date as icat_report_doc_write_odt () takes it. */
GBytes        *icat_report_doc_render      (IcatReportDoc      *doc,
                                            IcatReportFormat    format,
                                            IcatPaperSize       paper,
                                            GDateTime          *date,
                                            GError            **error);
/* The language of the program's messages as a language tag ("zh-CN"). */
const char    *icat_report_language        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatReportDoc, icat_report_doc_free)

G_END_DECLS
