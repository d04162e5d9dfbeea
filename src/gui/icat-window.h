/* icat-window.h — the main window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-application.h"

G_BEGIN_DECLS

#define ICAT_TYPE_WINDOW (icat_window_get_type ())
G_DECLARE_FINAL_TYPE (IcatWindow, icat_window, ICAT, WINDOW, AdwApplicationWindow)

IcatWindow *icat_window_new (IcatApplication *application);

G_END_DECLS
