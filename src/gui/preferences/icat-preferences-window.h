/* icat-preferences-window.h — the preferences: sharing between laptops
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_PREFERENCES_WINDOW (icat_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (IcatPreferencesWindow, icat_preferences_window, ICAT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences of store's database, over parent (may be NULL) and in
 * its application. */
GtkWidget *icat_preferences_window_new (GtkWindow *parent,
                                        IcatStore *store);

G_END_DECLS
