/* icat-pdf-language.h — a PDF that says its language
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends to pdf, a whole PDF as cairo finished it, an incremental update
 * that rewrites its catalog with /Lang (tag), tag a language tag such as
 * "ar" or "zh-CN". FALSE, and pdf untouched, when the PDF is not laid out
 * as cairo writes one or the tag is not a language tag. */
gboolean icat_pdf_add_language (GByteArray  *pdf,
                                const char  *tag,
                                GError     **error);

G_END_DECLS
