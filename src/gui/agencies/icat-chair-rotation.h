/* icat-chair-rotation.h — who chaired ICAT, who chairs now, whose turn is next
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CHAIR_ROTATION (icat_chair_rotation_get_type ())
G_DECLARE_FINAL_TYPE (IcatChairRotation, icat_chair_rotation, ICAT, CHAIR_ROTATION, AdwBin)

/* The rule is kept in settings: "rotation-order" (agency ids; empty for
 * the current members and the Working Group by acronym),
 * "rotation-skip-years", "rotation-co-chairs", "rotation-pair". Messages go
 * to the window's "win.toast" and "win.toast-undo" actions. */
GtkWidget *icat_chair_rotation_new      (IcatStore         *store,
                                         GSettings         *settings);
/* Ctrl+N: records the chairs of the first year from this one that has
 * none, as proposed, and opens that year to change them. */
void       icat_chair_rotation_add_year (IcatChairRotation *self);

/* For tests: a fixed "this year" instead of the clock's. */
void       _icat_chair_rotation_set_this_year (IcatChairRotation *self,
                                               int                year);
/* The row of a recorded year (an AdwExpanderRow holding a spin button
 * named "chair-year", combo rows "chair-chair" and "chair-cochair" and an
 * entry row "chair-note"), or NULL. */
GtkWidget *_icat_chair_rotation_get_year_row  (IcatChairRotation *self,
                                               int                year);
/* The proposal's row at index (an AdwActionRow: the year as title, the
 * chairs and any warning as subtitle), or NULL. */
GtkWidget *_icat_chair_rotation_get_proposal  (IcatChairRotation *self,
                                               guint              index);
/* The sentences of the rule check, as shown. */
GStrv      _icat_chair_rotation_dup_warnings  (IcatChairRotation *self);

G_END_DECLS
