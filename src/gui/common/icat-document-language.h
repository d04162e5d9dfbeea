/* icat-document-language.h — a document written in another language than the app's
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-document.h"

G_BEGIN_DECLS

/* The file chooser's choice: "app", or a code of icat_languages (). */
#define ICAT_DOCUMENT_LANGUAGE_CHOICE "document-language"

/* Adds "Language" to an export's file chooser, the app's own first. */
void      icat_document_language_add_choice    (GtkFileChooser       *chooser);
/* The language chosen there; NULL for the app's own, which the app writes
 * itself. */
char     *icat_document_language_get_choice    (GtkFileChooser       *chooser);

/* The options a document's command shares: --paper, and --omit for each
 * of sections (NULL: none) that omitted leaves out. */
void      icat_document_language_add_options   (GStrvBuilder              *command,
                                                IcatPaperSize              paper,
                                                const IcatDocumentSection *sections,
                                                IcatExportFlags            omitted);

/* What a document written in another language calls when it is written,
 * or not (error is then in the app's language). */
typedef void (*IcatDocumentWritten) (gpointer      data,
                                     const GError *error);

/* Runs icat-tracker-cli --database database COMMAND… --language language
 * -o -, where command holds the command and its options, and writes what
 * it drafted to output as the app writes any export; then calls written
 * with data, which data_free frees. Every failure is told in the app's
 * language, not the document's. */
void      icat_document_language_write         (const char                *database,
                                                const char * const        *command,
                                                const char                *language,
                                                const char                *output,
                                                IcatDocumentWritten        written,
                                                gpointer                   data,
                                                GDestroyNotify             data_free);

/* The icat-tracker-cli that goes with this program; NULL if none. */
char     *icat_document_language_find_cli      (void);

G_END_DECLS
