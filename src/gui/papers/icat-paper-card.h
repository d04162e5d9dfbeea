/* icat-paper-card.h — one paper's card on the Papers board
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper's title, kind, lead and contributing agencies, mandates and
 * date, a badge when it is overdue, and a button that asks to move it to
 * the next stage ("advance-requested"). Given its record ("record") again,
 * it shows the new data.
 */
#pragma once

#include <adwaita.h>

#include "icat-record.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_PAPER_CARD (icat_paper_card_get_type ())
G_DECLARE_FINAL_TYPE (IcatPaperCard, icat_paper_card, ICAT, PAPER_CARD, GtkBox)

GtkWidget  *icat_paper_card_new                 (IcatStore     *store);
void        icat_paper_card_set_record          (IcatPaperCard *self,
                                                 IcatRecord    *paper);
/* NULL while the card shows no paper. */
const char *icat_paper_card_get_paper_id        (IcatPaperCard *self);

/* For tests: the "overdue" badge and the button to the next stage. */
GtkWidget  *_icat_paper_card_get_overdue_badge  (IcatPaperCard *self);
GtkWidget  *_icat_paper_card_get_advance_button (IcatPaperCard *self);
/* For tests: the line "5 of 7 cleared". */
GtkLabel   *_icat_paper_card_get_clearance_label (IcatPaperCard *self);

G_END_DECLS
