/* icat-action-item-editor.c — see icat-action-item-editor.h
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-action-item-editor.h"
