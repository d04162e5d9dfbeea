/* icat-papers-view.h — the Papers section: a board of joint papers by stage
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_PAPERS_VIEW (icat_papers_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatPapersView, icat_papers_view, ICAT, PAPERS_VIEW, AdwBin)

/* Messages go to the window's "win.toast" and "win.toast-undo" actions. */
GtkWidget  *icat_papers_view_new         (IcatStore      *store);
/* Ctrl+N: saves a proposed policy paper of this year and opens it with
 * its title selected. */
void        icat_papers_view_new_paper   (IcatPapersView *self);
/* Opens the paper in the editor and selects its card. */
void        icat_papers_view_show_paper  (IcatPapersView *self,
                                          const char     *id);
/* Moves the paper to the stage after its own, in one saved change that
 * Undo takes back; its target date, which was the old stage's, is
 * cleared; a paper published now gets today as its date (and this year
 * when it had none). */
void        icat_papers_view_advance     (IcatPapersView *self,
                                          const char     *id);

/* The stage after status ("proposed" → "drafting" …), NULL after
 * "published" or for an unknown one. Needs no display. */
const char *icat_paper_next_status       (const char     *status);
/* Whether a paper (exchange format) is late on today ("YYYY-MM-DD"): not
 * published, and the whole of its target date (a day, a month or a
 * year) is past. Needs no display. */
gboolean    icat_paper_is_overdue        (JsonObject     *paper,
                                          const char     *today);
/* The day a year before today ("YYYY-MM-DD", 29 February going back to
 * the 28th): a paper published before it is in the archive, not on the
 * board. NULL when today is not a day. Needs no display. */
char       *icat_paper_archive_cutoff    (const char     *today);

/* For tests: the lazy list of one stage's column (a published paper of
 * the last year only), of the archive, the page shown ("board",
 * "board-empty", "archive" or "archive-empty"), the
 * editor, the cards. */
GListModel *_icat_papers_view_get_column (IcatPapersView *self,
                                          const char     *status);
GListModel *_icat_papers_view_get_archive (IcatPapersView *self);
const char *_icat_papers_view_get_page   (IcatPapersView *self);
GtkWidget  *_icat_papers_view_get_editor (IcatPapersView *self);
/* A card's paper (NULL for any other widget), and its "overdue" badge
 * or "advance" button. */
const char *_icat_paper_card_get_paper_id (GtkWidget     *card);
GtkWidget  *_icat_paper_card_get_part     (GtkWidget     *card,
                                           const char    *part);

G_END_DECLS
