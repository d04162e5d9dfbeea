/* icat-meeting-editor.c — see icat-meeting-editor.h
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-meeting-editor.h"
