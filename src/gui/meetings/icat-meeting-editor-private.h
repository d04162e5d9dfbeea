/* icat-meeting-editor-private.h — what the meeting editor's files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is one widget split over several files:
 *   icat-meeting-editor.c    the object, loading and saving, the header
 *                            fields, chairs, the record's status;
 *   icat-meeting-data.c      JSON values as the editor builds and compares
 *                            them, and who a principals-level meeting must
 *                            invite;
 *   icat-meeting-time.c      venue, time zone, date and times;
 *   icat-meeting-agenda.c    agenda items with their minutes, reordering,
 *                            and the numbered decisions;
 *   icat-agenda-item-row.c   one agenda item's rows (a template) and what
 *                            it keeps: its id, saved title and mandates;
 *   icat-decision-row.c      one decision's row and its id;
 *   icat-meeting-mandates.c  the mandates linked to an agenda item;
 *   icat-mandate-chip.c      one linked mandate's chip and its id;
 *   icat-meeting-lists.c     attendance, invited States and organizations,
 *                            attachments;
 *   icat-attendance-row.c    one agency's attendance row: its agency id and
 *                            whether the record lists it;
 *   icat-invitee-row.c       one invitee's row and whether they came;
 *   icat-attachment-row.c    one attachment's title and address rows;
 *   icat-meeting-lock.c      an approved record's read-only sections, the
 *                            line that says so and "Reopen Record".
 * Each list of the record is a "section": shown by its own widgets, sent
 * whole through the autosave when any of them changes.
 */
#pragma once

#include "icat-agenda-item-row.h"
#include "icat-autosave.h"
#include "icat-conflict-banner.h"
#include "icat-meeting-editor.h"
#include "icat-meeting-reported.h"
#include "icat-record-list.h"

G_BEGIN_DECLS

typedef enum {
  SECTION_AGENDA,
  SECTION_DECISIONS,
  SECTION_ATTENDANCE,
  SECTION_INVITED,
  SECTION_ATTACHMENTS,
  N_SECTIONS
} IcatMeetingSection;

struct _IcatMeetingEditor {
  AdwBin             parent_instance;

  /* Template widgets */
  IcatConflictBanner *conflict_banner;
  GtkButton         *back_button;
  AdwWindowTitle    *heading;
  GtkMenuButton     *menu_button;
  GMenu             *export_section;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  AdwActionRow      *warning_row;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *venue_row;
  AdwEntryRow       *city_row;
  AdwEntryRow       *zone_row;
  AdwEntryRow       *date_row;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  AdwEntryRow       *start_row;
  AdwActionRow      *multi_day_row;
  GtkSwitch         *multi_day_switch;
  AdwEntryRow       *end_date_row;
  AdwEntryRow       *end_row;
  AdwActionRow      *when_row;
  AdwComboRow       *chair_row;
  AdwComboRow       *cochair_row;
  GtkLabel          *agenda_empty;
  GtkBox            *agenda_box;
  GtkListBox        *decisions_list;
  IcatMeetingReported *reported;
  AdwExpanderRow    *attendance_expander;
  GtkListBox        *invited_list;
  GtkLabel          *attachments_empty;
  GtkBox            *attachments_box;
  AdwComboRow       *status_row;
  GtkWidget         *approval_note;
  GtkWidget         *lock_box;      /* "Record approved on …  Reopen Record" */
  GtkLabel          *lock_label;
  GtkLabel          *lock_flag;     /* "Changed on another laptop after approval" */

  /* Borrowed */
  GPtrArray         *attendance;    /* IcatAttendanceRow, one per agency, borrowed */
  GtkWidget         *show_former_row; /* "Show former members", last in the attendance */
  GtkSwitch         *show_former_switch;

  /* Owned */
  IcatStore         *store;
  IcatRecordList    *agencies;      /* by acronym: attendance, chairs, presenters */
  GHashTable        *former_agencies; /* ids of former members and defunct bodies: their
                                       * attendance rows wait behind show_former_row */
  IcatRecordList    *mandates;      /* by document: what agenda items can link to */
  GtkStringList     *agency_names;  /* "None" and the acronyms, as drop-downs show them */
  GPtrArray         *agency_ids;    /* NULL and the ids, in the same order: current
                                     * members first */
  IcatRecord        *meeting;
  IcatAutosave      *autosave;
  JsonObject        *shown;         /* each field as the editor last showed or sent it */
  JsonObject        *stored;        /* each field as the record held it when last followed:
                                     * what a change from elsewhere is merged against */
  guint              loading;       /* > 0 while widgets are filled from the record */
  gboolean           save_failed;
};

/* icat-meeting-data.c */
/* For a principals-level meeting, the acronyms of inactive members neither
 * attending nor invited (see icat_meeting_missing_inactive_members). */
char       **_icat_meeting_missing_inactive       (GListModel         *agencies,
                                                   JsonObject         *meeting);
/* Keeps field's value (normalized; none when NULL) as the editor shows it. */
void         _icat_meeting_shown_remember         (JsonObject         *shown,
                                                   const char         *field,
                                                   JsonNode           *value);
/* Whether data holds, for field, what shown keeps for it. */
gboolean     _icat_meeting_shown_matches          (JsonObject         *shown,
                                                   JsonObject         *data,
                                                   const char         *field);
/* Whether two values are equal once normalized (NULL and empty are equal). */
gboolean     _icat_meeting_json_same              (JsonNode           *a,
                                                   JsonNode           *b);
/* A list changed here (mine, not yet saved) and elsewhere (theirs) since
 * base, merged element by element (by "id") and member by member: what
 * was changed here wins, the rest comes from theirs. A list without ids
 * gives mine. */
JsonNode    *_icat_meeting_merge_lists            (JsonNode           *base,
                                                   JsonNode           *mine,
                                                   JsonNode           *theirs);
/* The record's data with shown's fields in place of the stored ones, normalized. */
JsonObject  *_icat_meeting_dup_state              (JsonObject         *data,
                                                   JsonObject         *shown);
/* The title in the language the editor writes (icat_user_language ()),
 * else as icat_localized_pick () chooses; "" for none. */
const char  *_icat_meeting_title_text             (JsonObject         *title);
/* A copy of the title object old (or a new one) with text in language,
 * or without language when text is "". */
JsonNode    *_icat_meeting_title_with             (JsonNode           *old,
                                                   const char         *language,
                                                   const char         *text);
/* The id of the chair (0) or co-chair (1) in data, or NULL. */
const char  *_icat_meeting_chair_at               (JsonObject         *data,
                                                   guint               index);
/* The "chairs" array: chair, then cochair unless the same; NULLs left out. */
JsonNode    *_icat_meeting_chairs_node            (const char         *chair,
                                                   const char         *cochair);

/* icat-meeting-editor.c: saving and shared helpers */
/* Queues a field's new value (transfer full) unless the widgets are being filled. */
void         _icat_meeting_editor_queue_field     (IcatMeetingEditor  *self,
                                                   const char         *field,
                                                   JsonNode           *value);
void         _icat_meeting_editor_section_changed (IcatMeetingEditor  *self,
                                                   IcatMeetingSection  section);
/* Removes an element of a section as a saved change of its own, with Undo in a toast. */
void         _icat_meeting_editor_remove_element  (IcatMeetingEditor  *self,
                                                   IcatMeetingSection  section,
                                                   GtkWidget          *element,
                                                   const char         *message);
/* The position of an agency in agency_names (0: none), and back. */
guint        _icat_meeting_editor_agency_index    (IcatMeetingEditor  *self,
                                                   const char         *id);
const char  *_icat_meeting_editor_agency_at       (IcatMeetingEditor  *self,
                                                   guint               index);
JsonArray   *_icat_meeting_get_array              (JsonObject         *object,
                                                   const char         *field);
JsonNode    *_icat_meeting_string_node            (const char         *text);
JsonNode    *_icat_meeting_array_node             (JsonArray          *array);
/* A deep copy without nulls and empty lists; NULL for nothing at all. */
char        *_icat_meeting_stripped_text          (gpointer            editable);
/* The child of container that holds widget. */
GtkWidget   *_icat_meeting_child_of               (GtkWidget          *widget,
                                                   gpointer            container);
GtkWidget   *_icat_meeting_icon_button_new        (const char         *icon,
                                                   const char         *label,
                                                   const char         *name);
void         _icat_meeting_clear_box              (GtkBox             *box);
void         _icat_meeting_clear_list             (GtkListBox         *list);

/* Shows the record's status and the days of its steps, from shown, in its row. */
void         _icat_meeting_editor_status_shown    (IcatMeetingEditor  *self);

/* icat-meeting-lock.c */
void            _icat_meeting_lock_class_init       (GtkWidgetClass    *widget_class);
/* Once the store is known. */
void            _icat_meeting_lock_init             (IcatMeetingEditor *self);
/* Whether the record shown is approved, and so its locked sections read-only. */
gboolean        _icat_meeting_lock_is_locked        (IcatMeetingEditor *self);
/* Whether approval locks the section. */
gboolean        _icat_meeting_lock_covers           (IcatMeetingSection section);
/* Makes the locked sections read-only or editable, as the status says,
 * after they are filled or the status changed. */
void            _icat_meeting_lock_update           (IcatMeetingEditor *self);

/* icat-meeting-time.c */
void            _icat_meeting_time_class_init       (GtkWidgetClass    *widget_class);
void            _icat_meeting_time_init             (IcatMeetingEditor *self);
void            _icat_meeting_time_load             (IcatMeetingEditor *self,
                                                     JsonObject        *data);
/* Shows the time as saved, local and UTC. */
void            _icat_meeting_time_update           (IcatMeetingEditor *self);

/* icat-meeting-agenda.c */
JsonNode       *_icat_meeting_agenda_to_json        (IcatMeetingEditor *self);
void            _icat_meeting_agenda_load           (IcatMeetingEditor *self,
                                                     JsonArray         *agenda);
void            _icat_meeting_agenda_update         (IcatMeetingEditor *self);
/* Each "add" appends an empty element and returns what to focus. */
GtkWidget      *_icat_meeting_agenda_add            (IcatMeetingEditor *self);
IcatAgendaItemRow *_icat_meeting_agenda_item_get    (GtkWidget         *box);
/* "agenda.move-up" and "agenda.move-down" (Alt+Up, Alt+Down). */
void            _icat_meeting_agenda_move_activated (GtkWidget         *widget,
                                                     const char        *action_name,
                                                     GVariant          *parameter);
JsonNode       *_icat_meeting_decisions_to_json     (IcatMeetingEditor *self);
void            _icat_meeting_decisions_load        (IcatMeetingEditor *self,
                                                     JsonArray         *decisions);
void            _icat_meeting_decisions_update      (IcatMeetingEditor *self);
GtkWidget      *_icat_meeting_decisions_add         (IcatMeetingEditor *self);

/* icat-meeting-mandates.c */
/* The row of an agenda item that shows its mandates and links more. */
GtkWidget      *_icat_meeting_mandates_row_new      (IcatMeetingEditor *self,
                                                     IcatAgendaItemRow *item);

/* icat-meeting-lists.c */
JsonNode   *_icat_meeting_attendance_to_json  (IcatMeetingEditor *self);
void        _icat_meeting_attendance_load     (IcatMeetingEditor *self,
                                               JsonArray         *attendance);
void        _icat_meeting_attendance_update   (IcatMeetingEditor *self);
void        _icat_meeting_attendance_clear    (IcatMeetingEditor *self);
void        _icat_meeting_attendance_add_row  (IcatMeetingEditor *self,
                                               IcatRecord        *agency);
/* Adds "Show former members" after the rows, or moves it there. */
void        _icat_meeting_attendance_add_show_former (IcatMeetingEditor *self);
/* Shows the rows of former members the meeting names, or all of them
 * while "Show former members" is on. */
void        _icat_meeting_attendance_show_former (IcatMeetingEditor *self);
JsonNode   *_icat_meeting_invited_to_json     (IcatMeetingEditor *self);
void        _icat_meeting_invited_load        (IcatMeetingEditor *self,
                                               JsonArray         *invited);
GtkWidget  *_icat_meeting_invited_add         (IcatMeetingEditor *self);
JsonNode   *_icat_meeting_attachments_to_json (IcatMeetingEditor *self);
void        _icat_meeting_attachments_load    (IcatMeetingEditor *self,
                                               JsonArray         *attachments);
void        _icat_meeting_attachments_update  (IcatMeetingEditor *self);
GtkWidget  *_icat_meeting_attachments_add     (IcatMeetingEditor *self);

G_END_DECLS
