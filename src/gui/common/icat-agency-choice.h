/* icat-agency-choice.h — a drop-down of agencies that keeps former ones out of the way
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chair, co-chair and presenter drop-downs of a meeting and the chairs of
 * a year offer agencies as the record picker does: current members first,
 * former members and defunct bodies (DAW, UNIFEM) hidden until the user
 * chooses "Show former members…", last in the list. A former member the
 * record already names stays offered and selected.
 *
 * The drop-down's own positions are not those of the list of names once
 * some are hidden: read and set its choice through
 * icat_agency_choice_get_selected () and icat_agency_choice_set_selected (),
 * which speak in positions of names.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives row the choices of names (GtkStringObjects). The name at position p
 * is a former member when p >= first_id and former holds ids[p - first_id]
 * (so a "None" before the agencies has first_id 1, or a NULL id). names,
 * ids and former belong to the caller and must outlive row; ids and former
 * are read again whenever names changes, so fill them first. Call it before
 * connecting to row's notify::selected: choosing "Show former members…"
 * is then never seen as a choice of agency. */
void     icat_agency_choice_attach        (AdwComboRow *row,
                                           GListModel  *names,
                                           GPtrArray   *ids,
                                           guint        first_id,
                                           GHashTable  *former);
/* The position in names of the chosen agency, or GTK_INVALID_LIST_POSITION. */
guint    icat_agency_choice_get_selected  (AdwComboRow *row);
/* Chooses the name at position in names; a former member chosen so stays
 * offered while it is the record's. */
void     icat_agency_choice_set_selected  (AdwComboRow *row,
                                           guint        position);

/* For tests: TRUE while former members are all offered. */
gboolean _icat_agency_choice_get_show_former (AdwComboRow *row);

G_END_DECLS
