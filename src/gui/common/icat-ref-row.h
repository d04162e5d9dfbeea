/* icat-ref-row.h — one reference of an editor's reference list
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row naming an agency or a mandate that a record refers to, with a
 * button that asks to take it off the list ("remove-requested"). The list
 * (IcatRefList) decides what removing means.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_REF_ROW (icat_ref_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatRefRow, icat_ref_row, ICAT, REF_ROW, AdwActionRow)

/* title: the record's label (or its id when it is not found); subtitle may
 * be NULL. */
GtkWidget  *icat_ref_row_new                (const char *record_id,
                                             const char *title,
                                             const char *subtitle);
const char *icat_ref_row_get_record_id      (IcatRefRow *self);

/* For tests: the button a person clicks to remove the reference. */
GtkWidget  *_icat_ref_row_get_remove_button (IcatRefRow *self);

G_END_DECLS
