/* icat-window.h — the main window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-application.h"

G_BEGIN_DECLS

#define ICAT_TYPE_WINDOW (icat_window_get_type ())
G_DECLARE_FINAL_TYPE (IcatWindow, icat_window, ICAT, WINDOW, AdwApplicationWindow)

IcatWindow *icat_window_new          (IcatApplication *application);
IcatStore  *icat_window_get_store    (IcatWindow      *self);
gboolean    icat_window_may_close    (IcatWindow      *self,
                                      gboolean         quitting);
/* name: overview, meetings, action-items, work-plan, papers, mandates, agencies */
void        icat_window_show_section (IcatWindow      *self,
                                      const char      *name);
const char *icat_window_get_section  (IcatWindow      *self);
/* Opens a record where it lives (search results, links between sections). */
void        icat_window_show_record  (IcatWindow      *self,
                                      const char      *kind,
                                      const char      *id);
/* Action items: the agency's open items due this week and overdue. */
void        icat_window_show_due     (IcatWindow      *self,
                                      const char      *agency_id);
/* Opens a meeting scrolled to one of its agenda items. */
void        icat_window_show_agenda_item (IcatWindow  *self,
                                          const char  *meeting_id,
                                          const char  *item_id);
/* A message in a toast: errors the user must see. */
void        icat_window_toast        (IcatWindow      *self,
                                      const char      *message);

G_END_DECLS
