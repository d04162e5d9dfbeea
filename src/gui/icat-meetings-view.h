/* icat-meetings-view.h
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MEETINGS_VIEW (icat_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatMeetingsView, icat_meetings_view, ICAT, MEETINGS_VIEW, AdwBin)

GtkWidget *icat_meetings_view_new (IcatStore *store,
                          GSettings *settings);

G_END_DECLS
