/* icat-record-picker.h — a menu button's popover that finds an agency or a mandate
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used wherever a record is linked to agencies or mandates: a search entry
 * over the records (short label, full reference and text or name, in the
 * user's language) and the matches below it. Every word typed must appear;
 * a number is found whole, so "72/195 10" finds paragraph 10 and not 100;
 * Chinese, written without spaces, is found as a substring however short.
 * Enter or a click chooses; the popover then closes and clears. Agencies
 * are offered current members first; former members and defunct bodies
 * only once "Show former members" is ticked.
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-record-list.h"

G_BEGIN_DECLS

/* TRUE when record may be offered now (for example: not linked yet). */
typedef gboolean (*IcatRecordPickerOffers) (IcatRecord *record,
                                            gpointer    user_data);
typedef void     (*IcatRecordPickerChosen) (IcatRecord *record,
                                            gpointer    user_data);

/* Gives button its popover, made the first time it opens. source is a list
 * of agencies or of mandates; offers may be NULL; user_data must outlive
 * the button. The popover's entry is named "record-search" and its list
 * "record-matches". */
void            icat_record_picker_attach     (GtkMenuButton          *button,
                                               IcatRecordList         *source,
                                               IcatRecordPickerOffers  offers,
                                               IcatRecordPickerChosen  chosen,
                                               gpointer                user_data);
/* How a picker and a reference list name an agency or a mandate: the label
 * ("UNODC — United Nations Office on Drugs and Crime", "72/195 ¶10") and
 * the detail below it (the name or the text in the user's language; may be
 * NULL). */
char           *icat_record_picker_label      (IcatRecord             *record);
const char     *icat_record_picker_detail     (IcatRecord             *record);

/* For tests: the search entry, the "Show former members" check button
 * (NULL for mandates) and the records offered, in order (the popover is
 * made if it is not yet). */
GtkSearchEntry *_icat_record_picker_get_search (GtkMenuButton         *button);
GtkCheckButton *_icat_record_picker_get_former_toggle (GtkMenuButton  *button);
GListModel     *_icat_record_picker_get_matches (GtkMenuButton        *button);

G_END_DECLS
