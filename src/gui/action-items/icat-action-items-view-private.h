/* icat-action-items-view-private.h — what the Action items section's files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IcatActionItemsView is one widget over several files: the view itself
 * (icat-action-items-view.c: selection, editor pane, actions), its columns
 * (icat-action-items-columns.c), its filters (icat-action-items-filters.c)
 * and the chasing e-mail's button (icat-action-items-chase.c).
 */
#pragma once

#include <adwaita.h>

#include "icat-action-items-view.h"
#include "icat-list-detail.h"
#include "icat-record-list.h"

G_BEGIN_DECLS

/* The editor is created and used by icat-action-items-view.c only. */
typedef struct _IcatActionItemEditor IcatActionItemEditor;

typedef enum {
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_PRIORITY,
  COLUMN_MANDATES,
  COLUMN_MEETING,
  N_COLUMNS
} ColumnId;

typedef struct {
  IcatActionItemsView *self;
  ColumnId             column;
} CellContext;

struct _IcatActionItemsView {
  AdwBin                parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *list_page;
  GtkWidget            *editor_separator;
  GtkDropDown          *agency_dropdown;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *mandate_dropdown;
  GtkDropDown          *pillar_dropdown;
  GtkDropDown          *meeting_dropdown;
  GtkToggleButton      *overdue_toggle;
  GtkToggleButton      *week_toggle;
  GtkToggleButton      *month_toggle;
  GtkStack             *list_stack;
  GtkScrolledWindow    *scroller;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *clear_button;
  GtkWidget            *new_button;
  GtkLabel             *count_label;
  GtkMenuButton        *status_menu_button;
  GtkWidget            *email_holder;  /* the email button's parent, its reason as tooltip */
  GtkWidget            *email_button;

  /* Borrowed */
  IcatActionItemEditor *editor;                /* a page of the leaflet */
  GtkColumnViewColumn  *columns[N_COLUMNS];    /* held by the column view */

  /* Owned */
  IcatStore            *store;
  GSettings            *settings;
  IcatRecordList       *items;
  GtkSliceListModel    *first_page;  /* of items, until the first frame is painted */
  GtkMultiSelection    *selection;
  IcatRecordList       *agencies;
  IcatRecordList       *mandates;
  IcatRecordList       *meetings;
  IcatListDetail       *list_detail; /* made with the editor */
  GHashTable           *related;     /* "kind/id" → IcatRecord the rows name: kept live */
  GHashTable           *title_cells; /* the title column's bound GtkListItems, to mark conflicts */
  char                 *today;       /* YYYY-MM-DD */
  char                 *sort;
  CellContext           cells[N_COLUMNS];

  /* State */
  gboolean              descending;
  int                   probed;      /* column + 1 found by the sort probe */
  gboolean              syncing;     /* widgets being set from code */
  guint                 bulk_pending;
  guint                 bulk_failed;
  char                 *bulk_error;
};

/* icat-action-items-columns.c */
void        _icat_action_items_view_setup_columns          (IcatActionItemsView *self);
/* Stops following the font, before the view goes. */
void        _icat_action_items_view_dispose_columns        (IcatActionItemsView *self);
/* The saved order, before the model is shown; the header arrow to match. */
void        _icat_action_items_view_restore_sort           (IcatActionItemsView *self);

/* icat-action-items-filters.c */
void        _icat_action_items_view_setup_filters          (IcatActionItemsView *self);
void        _icat_action_items_view_restore_filters        (IcatActionItemsView *self);
/* Sets the filter widgets from code; the list follows once at the end. */
void        _icat_action_items_view_set_filters            (IcatActionItemsView *self,
                                                            const char          *agency,
                                                            const char          *status,
                                                            gboolean             overdue,
                                                            gboolean             this_week_only,
                                                            gboolean             this_month_only,
                                                            const char          *mandate,
                                                            const char          *pillar,
                                                            const char          *meeting);
gboolean    _icat_action_items_view_any_filter             (IcatActionItemsView *self);
/* The agency the list is filtered on, or NULL. */
const char *_icat_action_items_view_get_filter_agency      (IcatActionItemsView *self);

/* icat-action-items-chase.c */
/* Shown while the list is filtered on one agency, to chase that one (offered
 * while something of its is overdue, see icat-action-items-chase.h). */
void        _icat_action_items_view_update_email_button    (IcatActionItemsView *self);
void        _icat_action_items_view_email_agency_activated (GtkWidget           *widget,
                                                            const char          *action_name,
                                                            GVariant            *parameter);

G_END_DECLS
