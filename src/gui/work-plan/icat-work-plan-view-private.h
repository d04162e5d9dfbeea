/* icat-work-plan-view-private.h — IcatWorkPlanView's parts, shared by its files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-autosave.h"
#include "icat-document-preview.h"
#include "icat-record-list.h"
#include "icat-store.h"
#include "icat-work-plan-view.h"

G_BEGIN_DECLS

struct _IcatWorkPlanView {
  AdwBin                parent_instance;

  /* Template widgets */
  AdwFlap              *flap;
  AdwComboRow          *year_row;
  AdwComboRow          *group_row;
  AdwComboRow          *paper_row;
  AdwPreferencesGroup  *sections_group;
  AdwComboRow          *status_row;
  AdwEntryRow          *endorsed_on_row;
  GtkMenuButton        *calendar_button;
  GtkCalendar          *calendar;
  AdwComboRow          *endorsed_at_row;
  AdwEntryRow          *note_row;
  GtkLabel             *date_error;
  GtkLabel             *summary_label;
  GtkSpinner           *spinner;
  AdwButtonContent     *export_content;
  GtkStack             *preview_stack;
  IcatDocumentPreview  *preview;
  AdwStatusPage        *message_page;

  /* Owned */
  IcatStore            *store;
  GSettings            *settings;
  GtkStringList        *years;          /* "2027", "2026", …: newest first */
  GPtrArray            *section_switches; /* GtkSwitch, one per icat_work_plan_sections[] */
  IcatRecordList       *plans;          /* the year's work_plan record: none or one */
  IcatRecordList       *meetings;       /* where a plan may have been endorsed */
  IcatRecord           *plan;           /* the year's record, NULL until one is made */
  IcatAutosave         *autosave;       /* edits to the year's record */
  GCancellable         *building;       /* the layout under way, or NULL */
  GtkFileChooserNative *chooser;
  GtkPrintOperation    *printing;
  GtkPrintSettings     *print_settings; /* the last print dialog's choices */
  char                 *error;          /* why there is no preview, or NULL */

  int                   year;
  guint                 rebuild_timeout;
  gboolean              rebuild_queued; /* once the layout under way is done */
  gboolean              stale;          /* records changed while off screen */
  gboolean              years_collected;
  gboolean              busy;
  gboolean              loading;        /* showing stored values, not editing */
  gboolean              date_queued;    /* a date of endorsement waits to be saved */
};

/* What a layout needs, copied on the main thread for the worker. */
typedef struct {
  char          *path;    /* the database, which Export PDF must not overwrite */
  int            year;
  IcatGroupBy    group_by;
  IcatPaperSize  paper;
  IcatExportFlags sections; /* the sections left out */
  char          *output;  /* where Export PDF writes, or NULL */
} IcatWorkPlanLayout;

IcatWorkPlanLayout *_icat_work_plan_layout_new  (IcatWorkPlanView    *self);
void                _icat_work_plan_layout_free (IcatWorkPlanLayout  *layout);
/* On a worker thread, with the read's connection of its own. */
IcatDocument       *_icat_work_plan_lay_out     (IcatDb              *db,
                                                 IcatWorkPlanLayout  *layout,
                                                 GError             **error);


/* icat-work-plan-view-export.c: the work-plan.export and work-plan.print actions */
void                _icat_work_plan_view_class_init_export (GtkWidgetClass *widget_class);

G_END_DECLS
