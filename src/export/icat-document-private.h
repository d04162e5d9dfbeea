/* icat-document-private.h — what the document builders share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-document.h"
#include "icat-page-writer.h"

G_BEGIN_DECLS

typedef struct {
  char  *title;
  guint  page;   /* from 0 */
  int    level;  /* 0: top */
} IcatOutlineEntry;

/* A document of the pages the writer laid out. Every page but the cover
 * gets the running footer and "Page X of Y". */
IcatDocument *icat_document_new_from_writer (IcatPageWriter *writer,
                                             const char     *title,
                                             const char     *subject,
                                             const char     *running_footer,
                                             GPtrArray      *outline,
                                             gboolean        has_cover);
typedef struct {
  const char *title;
  const char *subject;
  const char *running_footer;
  GPtrArray  *outline;      /* IcatOutlineEntry */
  gboolean    has_cover;
  double      width;        /* of a page, in points */
  double      height;
} IcatDocumentInfo;

/* Lays out the pages of a document on writer, from its first page. */
typedef void (*IcatDocumentLayOut) (IcatPageWriter *writer,
                                    gpointer        user_data);

/* The PDF of a document without keeping its pages: writer has measured
 * them (icat_page_writer_new_measuring ()), lay_out draws them again
 * straight into the PDF, with the same footers as
 * icat_document_new_from_writer () gives. */
gboolean      icat_document_stream_pdf      (IcatPageWriter         *writer,
                                             IcatDocumentLayOut      lay_out,
                                             gpointer                user_data,
                                             const IcatDocumentInfo *info,
                                             GOutputStream          *stream,
                                             GCancellable           *cancellable,
                                             GError                **error);
void          icat_outline_add              (GPtrArray      *outline,
                                             const char     *title,
                                             guint           page,
                                             int             level);

void          icat_page_size_points         (IcatPaperSize   paper,
                                             double         *width,
                                             double         *height);
/* Today, or the day SOURCE_DATE_EPOCH names, so documents are reproducible. */
GDateTime    *icat_document_now             (void);

/* Reading helpers over one connection: ids to acronyms, and so on. */
char         *icat_document_agency_list     (IcatDb         *db,
                                             const char     *link_table,
                                             const char     *owner_id);
JsonObject   *icat_document_read            (IcatDb         *db,
                                             const char     *kind,
                                             const char     *id,
                                             GError        **error);

G_END_DECLS
