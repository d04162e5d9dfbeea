/* icat-delete-confirm.h — asking before a record is deleted
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called when the user chose "Delete"; view is the one that asked. */
typedef void (*IcatDeleteConfirmedFunc) (GtkWidget *view,
                                         gpointer   user_data);

void icat_delete_confirm (GtkWidget              *view,
                          const char             *heading,
                          const char             *body,
                          const char             *dialog_name,
                          IcatDeleteConfirmedFunc confirmed,
                          gpointer                user_data,
                          GDestroyNotify          destroy);

G_END_DECLS
