/* icat-window-private.h — IcatWindow's parts, shared by its files
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-sync-status-button.h"
#include "icat-window.h"

G_BEGIN_DECLS

struct _IcatWindow {
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *sections;
  AdwWindowTitle       *section_title;
  GtkButton            *new_button;
  GtkMenuButton        *search_button;
  GtkSearchEntry       *search_entry;
  GtkListBox           *search_results;
  IcatSyncStatusButton *sync_status;

  /* Owned */
  IcatStore            *store;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  AdwToast             *undo_toast;   /* the Undo toast on screen, or NULL */
  gint64                undo_toast_shown_at;
  gboolean              input_loss_accepted;  /* asked before closing, and the user agreed */
  gboolean              input_loss_quits;     /* ... to quit the application, not to close the window */
  GFile                *document_file;        /* see _icat_window_set_document_file */
};

/* icat-window-search.c */
void _icat_window_search_changed (IcatWindow *self);
void search_changed_cb           (IcatWindow *self);
void search_activated_cb         (IcatWindow *self);
void search_result_activated_cb  (IcatWindow *self, GtkListBoxRow *row);
void search_popover_shown_cb     (IcatWindow *self);

/* icat-window-backup.c: export, import and restore */
void _icat_window_class_init_backup (GtkWidgetClass *widget_class);

/* icat-window-documents.c: "win.export-meeting-record" (s: meeting id) */
void _icat_window_class_init_documents (GtkWidgetClass *widget_class);
void _icat_window_class_init_reports (GtkWidgetClass *widget_class);
/* For tests, which cannot answer a file chooser: the next meeting record,
 * backup, import or restore uses file without asking. */
void _icat_window_set_document_file    (IcatWindow     *self,
                                        GFile          *file);
/* The file a test named, now taken (NULL when none: ask the user). */
GFile *_icat_window_take_document_file (IcatWindow     *self);

G_END_DECLS
