/* icat-agency-editor.h — edits one agency in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_AGENCY_EDITOR (icat_agency_editor_get_type ())
G_DECLARE_FINAL_TYPE (IcatAgencyEditor, icat_agency_editor, ICAT, AGENCY_EDITOR, AdwBin)

/* Properties: "agency-id" (read-only), "folded" (a back button to the list).
 * Its back button and menu activate "agencies.back" and "agencies.delete",
 * which the agencies view around it provides; messages go to "win.toast"
 * and "win.toast-undo". Its own actions: "agency.add-membership",
 * "agency.mark-inactive" and "agency.mark-left" (from today: the dates stay
 * editable), "agency.add-focal-point". */
GtkWidget  *icat_agency_editor_new           (IcatStore        *store);
/* NULL shows the "no agency" page. Edits to the previous agency are written first. */
void        icat_agency_editor_set_agency    (IcatAgencyEditor *self,
                                              const char       *id);
const char *icat_agency_editor_get_agency_id (IcatAgencyEditor *self);
/* Moves the focus to the acronym and selects it (a new agency). */
void        icat_agency_editor_focus_acronym (IcatAgencyEditor *self);
/* Writes the queued edits now. */
void        icat_agency_editor_flush         (IcatAgencyEditor *self);

/* For tests: the widgets a person would use. The rows of the lists are
 * AdwExpanderRows; a membership row holds entry rows named
 * "membership-from", "membership-to", "membership-note" and a combo row
 * "membership-role"; a focal point row "focal-name", "focal-title",
 * "focal-email", "focal-phone". */
GtkEditable *_icat_agency_editor_get_acronym    (IcatAgencyEditor *self);
GtkWidget   *_icat_agency_editor_get_membership (IcatAgencyEditor *self,
                                                 guint             index);
GtkWidget   *_icat_agency_editor_get_focal_point (IcatAgencyEditor *self,
                                                  guint             index);

G_END_DECLS
