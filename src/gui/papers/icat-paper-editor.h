/* icat-paper-editor.h — edits one joint paper in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_PAPER_EDITOR (icat_paper_editor_get_type ())
G_DECLARE_FINAL_TYPE (IcatPaperEditor, icat_paper_editor, ICAT, PAPER_EDITOR, AdwBin)

/* Properties: "paper-id" (read-only; NULL once the paper is deleted) and
 * "folded" (a back button instead of a close button). Both buttons
 * activate "papers.close-editor", which the papers view provides. */
GtkWidget  *icat_paper_editor_new          (IcatStore       *store);
/* Shows the paper (NULL: none), first writing what was typed into the last one. */
void        icat_paper_editor_set_paper    (IcatPaperEditor *self,
                                            const char      *id);
const char *icat_paper_editor_get_paper_id (IcatPaperEditor *self);
/* Focuses the title in the user's language, its text selected. */
void        icat_paper_editor_focus_title  (IcatPaperEditor *self);
/* Writes what is waiting for the typing to stop. */
void        icat_paper_editor_flush        (IcatPaperEditor *self);
/* Whether moving the open paper to Working Group endorsement needs a
 * reason, judged from what the editor shows: an objection just chosen
 * counts before the autosave has written it. */
gboolean    icat_paper_editor_endorsement_needs_reason (IcatPaperEditor *self);

/* For tests: the row of "title-en", "number", "year", "status" (an
 * AdwComboRow), "target-date" or "link". */
GtkWidget  *_icat_paper_editor_get_row     (IcatPaperEditor *self,
                                            const char      *field);
/* For tests: the reference list of "lead_agencies", "contributing_agencies"
 * or "mandates". */
struct _IcatRefList *_icat_paper_editor_get_refs (IcatPaperEditor *self,
                                                  const char      *field);
/* For tests: the Clearances group. */
struct _IcatPaperClearances *_icat_paper_editor_get_clearances (IcatPaperEditor *self);

G_END_DECLS
