/* icat-record-create.h — saving a new record, then opening it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "icat-store.h"

G_BEGIN_DECLS

/* Called once the store has written the new record, with its id; widget is
 * the one given to icat_record_create(). Not called when the store refuses. */
typedef void (*IcatRecordCreatedFunc) (GtkWidget  *widget,
                                       const char *id,
                                       gpointer    user_data);

void icat_record_create (IcatStore            *store,
                         const char           *kind,
                         JsonObject           *record,
                         GtkWidget            *widget,
                         IcatRecordCreatedFunc created,
                         gpointer              user_data);

G_END_DECLS
