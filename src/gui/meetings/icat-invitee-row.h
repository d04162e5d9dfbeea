/* icat-invitee-row.h — one invited State or organization in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry row with the invitee's name, a drop-down for its kind and a
 * remove button; it keeps whether the invitee came as the record had it.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Whether an invitee came: the record may not say. */
typedef enum {
  ICAT_ATTENDED_UNKNOWN,
  ICAT_ATTENDED_NO,
  ICAT_ATTENDED_YES,
} IcatAttended;

#define ICAT_TYPE_INVITEE_ROW (icat_invitee_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatInviteeRow, icat_invitee_row, ICAT, INVITEE_ROW, AdwEntryRow)

GtkWidget    *icat_invitee_row_new                (void);
GtkDropDown  *icat_invitee_row_get_kind_drop_down (IcatInviteeRow *self);
GtkWidget    *icat_invitee_row_get_remove_button  (IcatInviteeRow *self);
IcatAttended  icat_invitee_row_get_attended       (IcatInviteeRow *self);
void          icat_invitee_row_set_attended       (IcatInviteeRow *self,
                                                   IcatAttended    attended);

G_END_DECLS
