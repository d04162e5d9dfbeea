/* icat-export.h — documents for people outside the app: CSV and iCalendar
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON backup keeps everything; these are meant to be sent to agencies
 * and Member States, so focal points' e-mail addresses and phone numbers are
 * left out unless ICAT_EXPORT_INCLUDE_CONTACTS is given (DESIGN.md, Exports).
 */
#pragma once

#include <glib.h>

#include "icat-db.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_EXPORT_DEFAULT          = 0,
  ICAT_EXPORT_INCLUDE_CONTACTS = 1 << 0,  /* focal points' e-mail and phone */
  ICAT_EXPORT_BOM              = 1 << 1,  /* CSV only: a UTF-8 byte-order mark for spreadsheets */
} IcatExportFlags;

/* Action items, one row each under a header row; RFC 4180 quoting, UTF-8,
 * CRLF line ends. year 0 means every item; otherwise the items due that year. */
GBytes *icat_export_action_items_csv (IcatDb          *db,
                                      int              year,
                                      IcatExportFlags  flags,
                                      GError         **error);

/* Meetings as an iCalendar (RFC 5545) calendar, one VEVENT each, in the
 * venue's time zone. year 0 means every meeting; otherwise those starting
 * in that year (UTC). */
GBytes *icat_export_meetings_ics     (IcatDb          *db,
                                      int              year,
                                      IcatExportFlags  flags,
                                      GError         **error);

G_END_DECLS
