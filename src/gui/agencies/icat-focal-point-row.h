/* icat-focal-point-row.h — one focal point of an agency, in the agency editor
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

#define ICAT_TYPE_FOCAL_POINT_ROW (icat_focal_point_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatFocalPointRow, icat_focal_point_row, ICAT, FOCAL_POINT_ROW, AdwExpanderRow)

GtkWidget   *icat_focal_point_row_new               (void);
AdwEntryRow *icat_focal_point_row_get_name_row      (IcatFocalPointRow *self);
AdwEntryRow *icat_focal_point_row_get_title_row     (IcatFocalPointRow *self);
AdwEntryRow *icat_focal_point_row_get_email_row     (IcatFocalPointRow *self);
AdwEntryRow *icat_focal_point_row_get_phone_row     (IcatFocalPointRow *self);
GtkWidget   *icat_focal_point_row_get_remove_button (IcatFocalPointRow *self);

G_END_DECLS
