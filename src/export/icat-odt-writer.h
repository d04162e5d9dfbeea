/* icat-odt-writer.h — an editable document (OpenDocument Text) of ICAT's records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coordinators send the reports they draft from ICAT's records on to be
 * edited in Word or LibreOffice, so each report also comes as an .odt. The
 * writer takes the same calls as the PDF page writer (headings, text, facts,
 * tables with the same styles and row flags), so a report is written once
 * against both. The zip container is libgsf's; the same calls and the same
 * date give the same bytes, as a PDF export does.
 */
#pragma once

#include <gio/gio.h>

#include "icat-page-writer.h"

G_BEGIN_DECLS

typedef struct _IcatOdtWriter IcatOdtWriter;

/* language: the document's language tag ("en", "zh-CN", "ar"...), which
 * spell-checking and the writing direction follow; title: the document's
 * title in its metadata; date: when it was made (its metadata and every
 * member of the zip carry it, so pass the records' date, not the clock). */
IcatOdtWriter *icat_odt_writer_new         (const char         *language,
                                            const char         *title,
                                            GDateTime          *date);
void           icat_odt_writer_free        (IcatOdtWriter      *writer);

void           icat_odt_writer_heading     (IcatOdtWriter      *writer,
                                            IcatTextStyle       style,
                                            const char         *text);
void           icat_odt_writer_text        (IcatOdtWriter      *writer,
                                            IcatTextStyle       style,
                                            const char         *text);
/* A bulleted line. */
void           icat_odt_writer_item        (IcatOdtWriter      *writer,
                                            const char         *text);
/* "Label: value", the label in bold. */
void           icat_odt_writer_fact        (IcatOdtWriter      *writer,
                                            const char         *label,
                                            const char         *value);
/* fractions: each column's share of the text width (they need not add up
 * to 1); headers: n_columns texts, repeated on each page. */
void           icat_odt_writer_table_begin (IcatOdtWriter      *writer,
                                            guint               n_columns,
                                            const double       *fractions,
                                            const char * const *headers);
void           icat_odt_writer_table_row   (IcatOdtWriter      *writer,
                                            const char * const *cells,
                                            IcatRowFlags        flags);
void           icat_odt_writer_table_end   (IcatOdtWriter      *writer);

/* The finished document's bytes. */
GBytes        *icat_odt_writer_finish      (IcatOdtWriter      *writer,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatOdtWriter, icat_odt_writer_free)

G_END_DECLS
