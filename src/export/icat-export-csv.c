/* icat-export-csv.c — placeholder until the csv export lands
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-error.h"
#include "icat-export.h"

GBytes *
icat_export_action_items_csv (IcatDb          *db,
                              int              year,
                              IcatExportFlags  flags,
                              GError         **error)
{
  (void) db; (void) year; (void) flags;
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_FAILED, "CSV export is not available yet");
  return NULL;
}
