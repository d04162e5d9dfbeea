/* icat-meetings-view.h — the Meetings section: a filtered list and an editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MEETINGS_VIEW (icat_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatMeetingsView, icat_meetings_view, ICAT, MEETINGS_VIEW, AdwBin)

/* Signal "show-action-item" (const char *id): the user made an action item
 * from an agenda item; the window shows it in the Action items section.
 * Messages go to the window's "win.toast" and "win.toast-undo" actions. */
GtkWidget *icat_meetings_view_new          (IcatStore        *store,
                                            GSettings        *settings);
/* Ctrl+N: saves a draft meeting (Working Group, tomorrow 09:00 in Vienna)
 * and opens it with its title selected. */
void       icat_meetings_view_new_meeting  (IcatMeetingsView *self);
/* Opens a meeting in the editor (from search, or from an action item). */
void       icat_meetings_view_show_meeting (IcatMeetingsView *self,
                                            const char       *id);
/* Opens a meeting scrolled to one of its agenda items (a search hit in its
 * minutes, the way back from an action item made from it). */
void       icat_meetings_view_show_agenda_item (IcatMeetingsView *self,
                                                const char       *meeting_id,
                                                const char       *item_id);

/* For tests. */
GtkWidget *_icat_meetings_view_get_editor  (IcatMeetingsView *self);
GListModel *_icat_meetings_view_get_list   (IcatMeetingsView *self);
GtkSingleSelection *_icat_meetings_view_get_selection (IcatMeetingsView *self);

G_END_DECLS
