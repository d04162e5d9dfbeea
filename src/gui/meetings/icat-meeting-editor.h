/* icat-meeting-editor.h — edits one meeting in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_MEETING_EDITOR (icat_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (IcatMeetingEditor, icat_meeting_editor, ICAT, MEETING_EDITOR, AdwBin)

/* Properties: "meeting-id" (read-only), "folded" (a back button to the list).
 * Its back button, menu (Plan next meeting, Delete) and the agenda items'
 * "New action item" buttons activate the actions "meetings.back",
 * "meetings.plan-next", "meetings.delete" and "meetings.new-action-item" (the
 * agenda item's id), which the meetings view around it provides. The menu's
 * "Export Record as PDF…" activates "win.export-meeting-record" with the
 * meeting's id, which the window provides. */
GtkWidget  *icat_meeting_editor_new            (IcatStore         *store);
/* NULL shows the "no meeting" page. Edits to the previous meeting are written first. */
void        icat_meeting_editor_set_meeting    (IcatMeetingEditor *self,
                                                const char        *id);
const char *icat_meeting_editor_get_meeting_id (IcatMeetingEditor *self);
/* Moves the focus to the title and selects it (a new meeting). */
void        icat_meeting_editor_focus_title    (IcatMeetingEditor *self);
/* Writes the queued edits now. */
void        icat_meeting_editor_flush          (IcatMeetingEditor *self);
/* The meeting as the editor shows it, the queued edits included (they are
 * sent first, so a save queued after this call lands after them); NULL
 * when no meeting is shown. */
JsonObject *icat_meeting_editor_dup_state      (IcatMeetingEditor *self);

/* Resolution 72/195, para. 10: inactive members are invited to
 * principals-level meetings. For a "principals" meeting, the acronyms of the
 * agencies whose current membership role is "inactive-member" and that are
 * neither in its attendance nor among its invited (by acronym or name); an
 * empty vector for any other kind. Needs no display. */
char      **icat_meeting_missing_inactive_members (IcatStore  *store,
                                                   JsonObject *meeting);

/* Scrolls the agenda item with this id into view, its title focused (a
 * search hit in its minutes, the way back from an action item made from
 * it); FALSE when the meeting shown has no such item. */
gboolean    icat_meeting_editor_show_agenda_item (IcatMeetingEditor *self,
                                                  const char        *item_id);

/* For tests: the widgets a person would use. */
GtkEditable   *_icat_meeting_editor_get_title       (IcatMeetingEditor *self);
guint          _icat_meeting_editor_get_n_agenda    (IcatMeetingEditor *self);
/* The agenda item's box at index (it holds the GtkDropTarget of drag and
 * drop); its children are named "agenda-title", "agenda-drag-handle" (with
 * the GtkDragSource), "agenda-presenter", "agenda-mandate-chips" (a
 * GtkFlowBox of linked mandates, each with an "agenda-mandate-remove"
 * button), "agenda-link-mandate" (a GtkMenuButton whose popover holds
 * "record-search" and the "record-matches" list view), "agenda-minutes" (a
 * GtkTextView), "agenda-new-action-item", "agenda-move-up",
 * "agenda-move-down", "agenda-remove". The editor's menu button is named
 * "meeting-menu". */
GtkWidget     *_icat_meeting_editor_get_agenda_item (IcatMeetingEditor *self,
                                                     guint              index);
/* The attendance row of an agency (an AdwEntryRow holding the delegates);
 * its check button is named "attendance-present". */
GtkWidget     *_icat_meeting_editor_get_attendance  (IcatMeetingEditor *self,
                                                     const char        *agency_id);
/* The decision row at index (an AdwEntryRow). */
GtkWidget     *_icat_meeting_editor_get_decision    (IcatMeetingEditor *self,
                                                     guint              index);
gboolean       _icat_meeting_editor_get_warning_visible (IcatMeetingEditor *self);

G_END_DECLS
