/* icat-document.h — laid-out pages of a work plan or a meeting record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is laid out once, with cairo and PangoCairo and no display, into
 * one recording per page. The PDF export, the app's preview and the print
 * dialog all replay the same pages, so what is printed is what is exported.
 * The command line's work plan, shown nowhere, is drawn from the same
 * layout code straight into its PDF (icat_document_write_work_plan_pdf ()).
 * Headings and labels are in the language of the running program.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "icat-db.h"
#include "icat-export.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_PAPER_A4,
  ICAT_PAPER_LETTER,
} IcatPaperSize;

typedef enum {
  ICAT_GROUP_BY_PILLAR,
  ICAT_GROUP_BY_MANDATE,
} IcatGroupBy;

typedef struct _IcatDocument IcatDocument;

/* The work plan of a year: cover, contents, activities grouped by GPA pillar
 * or by mandate, and a timeline of the year. A year with nothing in it still
 * gives a useful document (cover, recurring dates, a note saying so). */
IcatDocument *icat_document_new_work_plan      (IcatDb          *db,
                                                int              year,
                                                IcatGroupBy      group_by,
                                                IcatPaperSize    paper,
                                                IcatExportFlags  flags,
                                                GError         **error);
/* The same work plan as the PDF icat_document_write_pdf () writes, drawn
 * straight into it rather than kept as pages: for the command line, where
 * nothing shows the pages. */
gboolean      icat_document_write_work_plan_pdf (IcatDb          *db,
                                                 int              year,
                                                 IcatGroupBy      group_by,
                                                 IcatPaperSize    paper,
                                                 IcatExportFlags  flags,
                                                 GOutputStream   *stream,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
/* The record of one meeting; ICAT_ERROR_NOT_FOUND for an unknown id. */
IcatDocument *icat_document_new_meeting_record (IcatDb          *db,
                                                const char      *meeting_id,
                                                IcatPaperSize    paper,
                                                IcatExportFlags  flags,
                                                GError         **error);
void          icat_document_free               (IcatDocument    *document);

/* A section of a document that the user may leave out: its name in the
 * settings ("timeline"), the flag that leaves it out, and its heading
 * (untranslated: show it with gettext). */
typedef struct {
  const char      *name;
  IcatExportFlags  omit;
  const char      *title;
} IcatDocumentSection;

/* Each ends with an entry whose name is NULL. */
extern const IcatDocumentSection icat_work_plan_sections[];
extern const IcatDocumentSection icat_meeting_record_sections[];

/* The flags that leave out the sections named in omitted (NULL: none);
 * names of other sections, or of none, leave nothing out. */
IcatExportFlags icat_document_sections_flags   (const IcatDocumentSection *sections,
                                                const char * const        *omitted);

const char   *icat_document_get_title          (IcatDocument    *document);
guint         icat_document_get_n_pages        (IcatDocument    *document);
/* In points (1/72 inch). */
void          icat_document_get_page_size      (IcatDocument    *document,
                                                double          *width,
                                                double          *height);
/* Draws page (from 0) with its top left corner at the origin of cr, in
 * points. Safe from any thread, one thread at a time. */
void          icat_document_draw_page          (IcatDocument    *document,
                                                cairo_t         *cr,
                                                guint            page);
/* The PDF, with title, author and subject; with SOURCE_DATE_EPOCH set, the
 * same bytes every time. */
gboolean      icat_document_write_pdf          (IcatDocument    *document,
                                                GOutputStream   *stream,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* Writes through a temporary file, so a failure leaves no half document. */
gboolean      icat_document_write_pdf_file     (IcatDocument    *document,
                                                const char      *path,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatDocument, icat_document_free)

G_END_DECLS
