/* icat-filter.h — the drop-downs that filter a list, and its empty state
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        icat_filter_setup          (GtkDropDown        *dropdown,
                                        const char         *all,
                                        const char * const *values,
                                        const char         *format_field,
                                        GCallback           changed,
                                        gpointer            user_data);
guint       icat_filter_selected       (GtkDropDown        *dropdown);
const char *icat_filter_selected_value (GtkDropDown        *dropdown,
                                        const char * const *values);
gboolean    icat_filter_show_empty     (GtkStack           *list_stack,
                                        GListModel         *shown);

G_END_DECLS
