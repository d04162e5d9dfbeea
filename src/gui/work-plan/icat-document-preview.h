/* icat-document-preview.h — a laid-out document's pages, shown as paper
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-document.h"

G_BEGIN_DECLS

/* A document shared by whoever draws it — the preview, a print job — and
 * freed with the last reference, so a print job can go on drawing a
 * document the preview has already replaced with a newer one. */
typedef struct _IcatDocumentHandle IcatDocumentHandle;

#define ICAT_TYPE_DOCUMENT_HANDLE (icat_document_handle_get_type ())
GType               icat_document_handle_get_type     (void) G_GNUC_CONST;
/* Takes the document. */
IcatDocumentHandle *icat_document_handle_new          (IcatDocument       *document);
IcatDocumentHandle *icat_document_handle_ref          (IcatDocumentHandle *handle);
void                icat_document_handle_unref        (IcatDocumentHandle *handle);
IcatDocument       *icat_document_handle_get_document (IcatDocumentHandle *handle);

/* A print job of the document's pages, on paper of its size, in points;
 * it keeps a reference to the document until it is done. */
GtkPrintOperation  *icat_document_handle_new_print_operation (IcatDocumentHandle *handle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatDocumentHandle, icat_document_handle_unref)

#define ICAT_TYPE_DOCUMENT_PREVIEW (icat_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (IcatDocumentPreview, icat_document_preview, ICAT, DOCUMENT_PREVIEW, GtkWidget)

/* The pages one below the other, as wide as the pane allows, in a scrolled
 * list: only the pages in view are drawn. */
GtkWidget          *icat_document_preview_new          (void);
/* Shows this document (NULL: none). Pages already on screen are redrawn
 * in place, so the reader keeps their place in a document that changed. */
void                icat_document_preview_set_document (IcatDocumentPreview *self,
                                                        IcatDocumentHandle  *handle);
IcatDocumentHandle *icat_document_preview_get_document (IcatDocumentPreview *self);
guint               icat_document_preview_get_n_pages  (IcatDocumentPreview *self);
/* The page in the middle of the view (from 0): "Current Page" when printing. */
guint               icat_document_preview_get_current_page (IcatDocumentPreview *self);

G_END_DECLS
