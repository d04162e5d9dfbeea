/* icat-diff-label.h — two versions of a text shown as one, changes marked
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pango markup of new_text with what old_text had struck through and
 * what is new underlined (icat-text-diff.h). */
char      *icat_diff_markup    (const char *old_text,
                                const char *new_text);
/* A wrapping, selectable label of icat_diff_markup (), whose accessible
 * description says the same in words, since struck-through and
 * underlined text read aloud alike. */
GtkWidget *icat_diff_label_new (const char *old_text,
                                const char *new_text);

G_END_DECLS
