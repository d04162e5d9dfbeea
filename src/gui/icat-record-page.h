/* icat-record-page.h — a plain list of one kind of record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-record-list.h"

G_BEGIN_DECLS

/* The second line of a row, for a record; returns a new string. */
typedef char *(*IcatRecordSubtitleFunc) (IcatStore  *store,
                                         IcatRecord *record);

#define ICAT_TYPE_RECORD_PAGE (icat_record_page_get_type ())
G_DECLARE_FINAL_TYPE (IcatRecordPage, icat_record_page, ICAT, RECORD_PAGE, AdwBin)

GtkWidget      *icat_record_page_new      (IcatStore              *store,
                                           IcatRecordList         *records,
                                           IcatRecordSubtitleFunc  subtitle,
                                           const char             *empty_title);
IcatRecordList *icat_record_page_get_list (IcatRecordPage         *self);

G_END_DECLS
