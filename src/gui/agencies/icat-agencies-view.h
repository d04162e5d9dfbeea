/* icat-agencies-view.h — the Agencies and chairs section
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_AGENCIES_VIEW (icat_agencies_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatAgenciesView, icat_agencies_view, ICAT, AGENCIES_VIEW, AdwBin)

/* Two pages: "agencies" (the list and an editor beside it) and "rotation"
 * (the chairs year by year, the rule and its proposal). Messages go to the
 * window's "win.toast" and "win.toast-undo" actions. */
GtkWidget  *icat_agencies_view_new         (IcatStore        *store,
                                            GSettings        *settings);
/* Ctrl+N: a new agency, or the chairs of the next year, by the page shown. */
void        icat_agencies_view_add         (IcatAgenciesView *self);
/* Shows the agencies page with this agency in the editor. */
void        icat_agencies_view_show_agency (IcatAgenciesView *self,
                                            const char       *id);
/* "agencies" or "rotation". */
const char *icat_agencies_view_get_page    (IcatAgenciesView *self);
void        icat_agencies_view_set_page    (IcatAgenciesView *self,
                                            const char       *page);

/* For tests. */
GtkWidget  *_icat_agencies_view_get_editor   (IcatAgenciesView *self);
GtkWidget  *_icat_agencies_view_get_rotation (IcatAgenciesView *self);
GListModel *_icat_agencies_view_get_list     (IcatAgenciesView *self);

G_END_DECLS
