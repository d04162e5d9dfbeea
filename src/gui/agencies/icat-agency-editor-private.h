/* icat-agency-editor-private.h — what the agency editor's files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is one widget in two files:
 *   icat-agency-editor.c        the object, loading and saving, the fields
 *                               of the agency itself;
 *   icat-agency-editor-lists.c  its memberships over time and its focal
 *                               points, each list sent whole when a row changes;
 *   icat-agency-editor-names.c  its name in the six languages of the records.
 */
#pragma once

#include "icat-agency-editor.h"
#include "icat-autosave.h"
#include "icat-conflict-banner.h"
#include "icat-record-list.h"

G_BEGIN_DECLS

/* Arabic, Chinese, English, French, Russian and Spanish. */
#define ICAT_AGENCY_NAME_LANGUAGES 6

struct _IcatAgencyEditor {
  AdwBin             parent_instance;

  /* Template widgets */
  IcatConflictBanner *conflict_banner;
  GtkButton         *back_button;
  AdwWindowTitle    *heading;
  GtkMenuButton     *menu_button;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  AdwEntryRow       *acronym_row;
  AdwEntryRow       *name_row;        /* in the user's language, one of name_rows */
  AdwExpanderRow    *other_names_row;
  AdwComboRow       *kind_row;
  AdwActionRow      *status_row;
  AdwActionRow      *chaired_row;
  AdwComboRow       *successor_row;
  AdwEntryRow       *website_row;
  GtkListBox        *memberships_list;
  GtkListBox        *focal_points_list;
  GtkTextView       *note_view;

  /* The name's rows, one per language (icat-agency-editor-names.c) */
  AdwEntryRow       *name_rows[ICAT_AGENCY_NAME_LANGUAGES];

  /* Owned */
  IcatStore         *store;
  IcatRecordList    *agencies;        /* by acronym: the successor's choices */
  GtkStringList     *successor_names; /* "None" and the acronyms of the others */
  GPtrArray         *successor_ids;   /* NULL and their ids, in the same order */
  IcatRecord        *agency;
  IcatAutosave      *autosave;
  JsonObject        *shown;           /* each field as the editor last showed or sent it */
  guint              loading;         /* > 0 while widgets are filled from the record */
  gboolean           save_failed;
  gint64             queued_at;       /* when a field was last queued; 0: flushed since */
};

/* icat-agency-editor.c */
/* Queues a field's new value (transfer full) unless the widgets are being filled. */
void        _icat_agency_editor_queue_field     (IcatAgencyEditor   *self,
                                                 const char         *field,
                                                 JsonNode           *value);
/* Queues the stored value of a field back when what it shows is wrong, so
 * that nothing typed on the way there is saved in its place. */
void        _icat_agency_editor_withdraw_field  (IcatAgencyEditor   *self,
                                                 const char         *field);
/* The heading: the acronym over the name in the user's language. */
void        _icat_agency_editor_update_heading  (IcatAgencyEditor   *self);
/* The status row, from the memberships as shown. */
void        _icat_agency_editor_update_status   (IcatAgencyEditor   *self);
char       *_icat_agency_stripped_text          (gpointer            editable);
void        _icat_agency_show_error             (gpointer            widget,
                                                 gboolean            error);
guint       _icat_agency_enum_index             (const char * const *values,
                                                 const char         *value);
/* JSON null for NULL or "". */
JsonNode   *_icat_agency_string_node            (const char         *text);
JsonNode   *_icat_agency_array_node             (JsonArray          *array);
JsonArray  *_icat_agency_get_array              (JsonObject         *object,
                                                 const char         *field);

/* icat-agency-editor-names.c */
/* Puts the first name row in the user's language and makes the others. */
void        _icat_agency_names_build            (IcatAgencyEditor   *self);
void        _icat_agency_names_load             (IcatAgencyEditor   *self,
                                                 JsonObject         *data);

/* icat-agency-editor-lists.c */
void        _icat_agency_memberships_load       (IcatAgencyEditor   *self,
                                                 JsonObject         *data);
void        _icat_agency_focal_points_load      (IcatAgencyEditor   *self,
                                                 JsonObject         *data);
/* Adds the rows of the lists that can show a problem, with the names of
 * their fields in a sentence, for the toast on leaving the agency. */
void        _icat_agency_lists_unsaved_rows     (IcatAgencyEditor   *self,
                                                 GPtrArray          *rows,
                                                 GPtrArray          *names);
/* "agency.add-membership", "agency.mark-inactive", "agency.mark-left",
 * "agency.add-focal-point". */
void        _icat_agency_editor_class_init_lists (GtkWidgetClass    *widget_class);

G_END_DECLS
