/* icat-document.c — laid-out pages of a work plan or a meeting record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-document.h"
#include "icat-error.h"

struct _IcatDocument {
  char *title;
};

IcatDocument *
icat_document_new_work_plan (IcatDb          *db,
                             int              year,
                             IcatGroupBy      group_by,
                             IcatPaperSize    paper,
                             IcatExportFlags  flags,
                             GError         **error)
{
  (void) db; (void) year; (void) group_by; (void) paper; (void) flags;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "work plans are not available yet");
  return NULL;
}

IcatDocument *
icat_document_new_meeting_record (IcatDb          *db,
                                  const char      *meeting_id,
                                  IcatPaperSize    paper,
                                  IcatExportFlags  flags,
                                  GError         **error)
{
  (void) db; (void) meeting_id; (void) paper; (void) flags;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "meeting records are not available yet");
  return NULL;
}

void
icat_document_free (IcatDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->title);
  g_free (document);
}

const char *
icat_document_get_title (IcatDocument *document)
{
  return document->title;
}

guint
icat_document_get_n_pages (IcatDocument *document)
{
  (void) document;
  return 0;
}

void
icat_document_get_page_size (IcatDocument *document,
                             double       *width,
                             double       *height)
{
  (void) document;
  *width = 595.276;
  *height = 841.89;
}

void
icat_document_draw_page (IcatDocument *document,
                         cairo_t      *cr,
                         guint         page)
{
  (void) document; (void) cr; (void) page;
}

gboolean
icat_document_write_pdf (IcatDocument  *document,
                         GOutputStream *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  (void) document; (void) stream; (void) cancellable;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "PDF is not available yet");
  return FALSE;
}

gboolean
icat_document_write_pdf_file (IcatDocument *document,
                              const char   *path,
                              GError      **error)
{
  (void) document; (void) path;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "PDF is not available yet");
  return FALSE;
}
