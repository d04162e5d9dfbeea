/* icat-agenda-item-row.h — one agenda item in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A boxed list of an agenda item's rows: its title (with a drag handle),
 * presenter, linked mandates, minutes, whether it continues at the next
 * meeting, and buttons. The row keeps what the
 * item is beyond its widgets: its id, the title it was last saved with and
 * the mandates it links. The editor fills and follows the widgets.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ICAT_TYPE_AGENDA_ITEM_ROW (icat_agenda_item_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatAgendaItemRow, icat_agenda_item_row, ICAT, AGENDA_ITEM_ROW, AdwBin)

/* item_id: NULL for a new item (a new id is made). */
GtkWidget     *icat_agenda_item_row_new                 (const char        *item_id);
const char    *icat_agenda_item_row_get_item_id         (IcatAgendaItemRow *self);
/* The last title saved, kept while the title row is blank; NULL for none. */
const char    *icat_agenda_item_row_get_saved_title     (IcatAgendaItemRow *self);
void           icat_agenda_item_row_set_saved_title     (IcatAgendaItemRow *self,
                                                         const char        *saved_title);
/* A normalized array of mandate ids, or NULL for none. */
JsonNode      *icat_agenda_item_row_get_mandates        (IcatAgendaItemRow *self);
/* Takes mandates (normalized; NULL for none). */
void           icat_agenda_item_row_take_mandates       (IcatAgendaItemRow *self,
                                                         JsonNode          *mandates);

/* The widgets of the item */
GtkListBox    *icat_agenda_item_row_get_list            (IcatAgendaItemRow *self);
AdwEntryRow   *icat_agenda_item_row_get_title_row       (IcatAgendaItemRow *self);
GtkWidget     *icat_agenda_item_row_get_drag_handle     (IcatAgendaItemRow *self);
AdwComboRow   *icat_agenda_item_row_get_presenter_row   (IcatAgendaItemRow *self);
GtkTextBuffer *icat_agenda_item_row_get_minutes         (IcatAgendaItemRow *self);
/* On when the item continues at the next meeting. */
GtkSwitch     *icat_agenda_item_row_get_continue_switch (IcatAgendaItemRow *self);
/* The mandates row is made by the editor (see icat-meeting-mandates.c),
 * which gives the row its chips, the label shown when there are none and
 * the button that links one more. */
void           icat_agenda_item_row_set_mandate_widgets (IcatAgendaItemRow *self,
                                                         GtkFlowBox        *chips,
                                                         GtkWidget         *empty,
                                                         GtkWidget         *link_button);
GtkFlowBox    *icat_agenda_item_row_get_mandate_chips   (IcatAgendaItemRow *self);
GtkWidget     *icat_agenda_item_row_get_mandates_empty  (IcatAgendaItemRow *self);
GtkWidget     *icat_agenda_item_row_get_link_button     (IcatAgendaItemRow *self);

G_END_DECLS
