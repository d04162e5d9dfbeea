/* icat-chair-term-row.h — one recorded year of the chair rotation
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row for a chair_term record: its year, chair, co-chair and
 * note, edited in place through the row's own IcatAutosave. The row keeps
 * the record's id and year; the rotation fills it, follows its fields and
 * says what its header shows (see icat-chair-rotation.c).
 */
#pragma once

#include <adwaita.h>

#include "icat-autosave.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CHAIR_TERM_ROW (icat_chair_term_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatChairTermRow, icat_chair_term_row, ICAT, CHAIR_TERM_ROW, AdwExpanderRow)

GtkWidget     *icat_chair_term_row_new               (IcatStore        *store,
                                                      const char       *term_id,
                                                      GListModel       *chair_names,
                                                      GListModel       *cochair_names,
                                                      GPtrArray        *agency_ids,
                                                      GHashTable       *former);
const char    *icat_chair_term_row_get_term_id       (IcatChairTermRow *self);
IcatAutosave  *icat_chair_term_row_get_autosave      (IcatChairTermRow *self);
GtkWidget     *icat_chair_term_row_get_remove_button (IcatChairTermRow *self);
GtkSpinButton *icat_chair_term_row_get_year_spin     (IcatChairTermRow *self);
AdwComboRow   *icat_chair_term_row_get_chair_row     (IcatChairTermRow *self);
AdwComboRow   *icat_chair_term_row_get_cochair_row   (IcatChairTermRow *self);
AdwEntryRow   *icat_chair_term_row_get_note_row      (IcatChairTermRow *self);

/* The year of the record as last loaded, and as last loaded or queued. */
int            icat_chair_term_row_get_year          (IcatChairTermRow *self);
int            icat_chair_term_row_get_shown_year    (IcatChairTermRow *self);
void           icat_chair_term_row_set_shown_year    (IcatChairTermRow *self,
                                                      int               year);
/* Shows the record's values; the row is loading meanwhile, so its fields'
 * signals are not edits. */
void           icat_chair_term_row_load              (IcatChairTermRow *self,
                                                      int               year,
                                                      guint             chair,
                                                      guint             cochair,
                                                      const char       *note);
gboolean       icat_chair_term_row_is_loading        (IcatChairTermRow *self);
void           icat_chair_term_row_show_header       (IcatChairTermRow *self,
                                                      const char       *subtitle,
                                                      gboolean          warned,
                                                      gboolean          this_year);

G_END_DECLS
