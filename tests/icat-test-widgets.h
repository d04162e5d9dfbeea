/* icat-test-widgets.h — finding widgets in the UI tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget below root (root included), depth first, with this
 * name (gtk_widget_set_name, or <property name="name"> in a template);
 * NULL if there is none. */
GtkWidget *icat_test_find_named (GtkWidget  *root,
                                 const char *name);
/* The same for the first widget of this type. */
GtkWidget *icat_test_find_type  (GtkWidget  *root,
                                 GType       type);

G_END_DECLS
