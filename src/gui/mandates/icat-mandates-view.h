/* icat-mandates-view.h — the Mandates section: paragraphs and their coverage
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MANDATES_VIEW (icat_mandates_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatMandatesView, icat_mandates_view, ICAT, MANDATES_VIEW, AdwBin)

/* Signal "show-record" (const char *kind, const char *id): the person
 * chose an action item, paper or meeting linked to a paragraph; the window
 * opens it where it lives. */
GtkWidget *icat_mandates_view_new                (IcatStore        *store);
/* Shows the paragraph on the Paragraphs page and selects its row when the
 * filters list it. */
void       icat_mandates_view_show_mandate       (IcatMandatesView *self,
                                                  const char       *id);
/* "paragraphs" or "coverage" */
void       icat_mandates_view_set_page           (IcatMandatesView *self,
                                                  const char       *page);

/* For tests. */
const char *_icat_mandates_view_get_mandate_id   (IcatMandatesView *self);
/* The group of linked action items, papers or meetings; each row is an
 * AdwActionRow with its record's id as "icat-id" data. */
GtkWidget  *_icat_mandates_view_get_linked_group (IcatMandatesView *self,
                                                  const char       *kind);
GtkWidget  *_icat_mandates_view_get_coverage_map (IcatMandatesView *self);
/* "document-filter", "pillar-filter", "list" (the GtkListView), "title",
 * "icat-badge", "text-zh", "text-en" (labels), "by-status" (the toggle),
 * "summary" (the coverage's one sentence). */
GtkWidget  *_icat_mandates_view_get_part         (IcatMandatesView *self,
                                                  const char       *part);

G_END_DECLS
