/* icat-export-ics.c — placeholder until the ics export lands
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-error.h"
#include "icat-export.h"

GBytes *
icat_export_meetings_ics (IcatDb          *db,
                          int              year,
                          IcatExportFlags  flags,
                          GError         **error)
{
  (void) db; (void) year; (void) flags;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "iCalendar export is not available yet");
  return NULL;
}
