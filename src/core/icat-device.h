/* icat-device.h — the id of this user on this machine
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A UUID made once per user and machine and kept in
 * $XDG_CONFIG_HOME/icat-tracker/device-id, outside the database, so two
 * copies of one file still tell their laptops apart. */
const char *icat_device_get_id (void);

G_END_DECLS
