/* icat-list-detail.h — a list beside the record it shows, in a leaflet
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows the record id in the detail pane (NULL: none), as the view does it. */
typedef void        (*IcatListDetailShowFunc)  (gpointer    view,
                                                const char *id);
/* The id of the record the detail pane shows, or NULL. */
typedef const char *(*IcatListDetailShownFunc) (gpointer    view);

typedef enum {
  /* The detail pane stays, empty or not; back on the folded list, the row
   * is unselected so that tapping it again opens it again. */
  ICAT_LIST_DETAIL_KEEP,
  /* The detail pane (and a separator) shows only while it shows a record;
   * back on the folded list closes the record. */
  ICAT_LIST_DETAIL_CLOSE,
} IcatListDetailMode;

#define ICAT_TYPE_LIST_DETAIL (icat_list_detail_get_type ())

G_DECLARE_FINAL_TYPE (IcatListDetail, icat_list_detail, ICAT, LIST_DETAIL, GObject)

/* view is borrowed: it owns the list–detail and outlives it. */
IcatListDetail *icat_list_detail_new           (IcatListDetailMode      mode,
                                                AdwLeaflet             *leaflet,
                                                GtkWidget              *list_page,
                                                GtkWidget              *detail_page,
                                                gpointer                view,
                                                IcatListDetailShowFunc  show,
                                                IcatListDetailShownFunc shown);
/* Where focus goes back to, and where rows are activated (GtkListView). */
void            icat_list_detail_set_list      (IcatListDetail         *self,
                                                GtkListView            *list_view);
/* A person choosing a row opens its record; KEEP unselects it on "back". */
void            icat_list_detail_set_selection (IcatListDetail         *self,
                                                GtkSingleSelection     *selection);
/* CLOSE: shown and hidden with the detail pane. */
void            icat_list_detail_set_separator (IcatListDetail         *self,
                                                GtkWidget              *separator);

/* Shows the record; when it exists, the detail pane comes forward. */
void            icat_list_detail_open          (IcatListDetail         *self,
                                                const char             *id);
/* Opens the record of the row at position of model (IcatRecord items). */
void            icat_list_detail_activate      (IcatListDetail         *self,
                                                GListModel             *model,
                                                guint                   position);
/* Call when the shown record may have changed: with none shown, the list
 * comes back (and CLOSE hides the detail pane). Usable as a swapped
 * "notify::…-id" callback. */
void            icat_list_detail_shown_changed (IcatListDetail         *self);
/* The list comes forward with the focus; the record stays shown. */
void            icat_list_detail_back          (IcatListDetail         *self);
/* Shows no record. */
void            icat_list_detail_close         (IcatListDetail         *self);
/* Keeps target's boolean property equal to the leaflet's "folded". */
void            icat_list_detail_bind_folded   (IcatListDetail         *self,
                                                gpointer                target,
                                                const char             *property);

G_END_DECLS
