/* icat-record-factory.h — list rows that show one record and follow its edits
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The factory of the record lists (meetings, agencies, papers, mandates).
 * Each row is a widget with a writable "record" property (an IcatRecord)
 * that shows the record it is given. The factory gives a row its record when
 * bound, and gives it again whenever the store refreshes the record's data,
 * so rows follow edits made anywhere.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes one row; user_data is what icat_record_factory_new() was given. */
typedef GtkWidget *(*IcatRecordRowNew) (gpointer user_data);

GtkListItemFactory *icat_record_factory_new (IcatRecordRowNew row_new,
                                             gpointer         user_data);

G_END_DECLS
