/* icat-membership-row.h — one role an agency held, in the agency editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row holding the fields (a template); the agency editor fills
 * them, follows them and removes the row (see icat-agency-editor-lists.c).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_MEMBERSHIP_ROW (icat_membership_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatMembershipRow, icat_membership_row, ICAT, MEMBERSHIP_ROW, AdwExpanderRow)

GtkWidget   *icat_membership_row_new               (void);
AdwComboRow *icat_membership_row_get_role_row      (IcatMembershipRow *self);
AdwEntryRow *icat_membership_row_get_from_row      (IcatMembershipRow *self);
AdwEntryRow *icat_membership_row_get_to_row        (IcatMembershipRow *self);
AdwEntryRow *icat_membership_row_get_note_row      (IcatMembershipRow *self);
GtkWidget   *icat_membership_row_get_remove_button (IcatMembershipRow *self);

G_END_DECLS
