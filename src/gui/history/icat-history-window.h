/* icat-history-window.h — a record's History: who changed what, and when
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_HISTORY_WINDOW (icat_history_window_get_type ())
G_DECLARE_FINAL_TYPE (IcatHistoryWindow, icat_history_window, ICAT, HISTORY_WINDOW, AdwWindow)

/* The changes of the record kind/id from the change journal, newest first,
 * read off the main loop a page at a time; an approved meeting opens on
 * its changes since approval. */
IcatHistoryWindow *icat_history_window_new (IcatStore  *store,
                                            const char *kind,
                                            const char *id);
/* Whether a page is being read (tests wait for the rows). */
gboolean icat_history_window_is_loading    (IcatHistoryWindow *self);

/* "win.show-history" with "kind/id": the main window installs it, and
 * opens the record's History over itself. */
void     icat_history_show_activated       (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
/* "History" in an editor's menu (button's menu model), for the record
 * kind/id; id NULL takes it away. */
void     icat_history_menu_set_record      (GtkMenuButton *button,
                                            const char    *kind,
                                            const char    *id);

G_END_DECLS
