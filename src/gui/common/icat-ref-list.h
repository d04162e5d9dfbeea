/* icat-ref-list.h — an editor's list of references to agencies or mandates
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The supporting agencies of an action item, the lead and contributing
 * agencies and mandates of a paper: a preferences group with a row per
 * reference (each with a remove button) and a menu button whose popover
 * searches the agencies or mandates to add one. The editor owns the group
 * and the button (template children) and saves what the list reports.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "icat-record-list.h"
#include "icat-store.h"

G_BEGIN_DECLS

typedef struct _IcatRefList IcatRefList;

/* ids: a new JSON array of the ids, in order, for the record's field. */
typedef void (*IcatRefListChanged) (const char *field,
                                    JsonNode   *ids,
                                    gpointer    user_data);

/* kind: "agency" or "mandate"; source: the records to choose from (a short
 * list, filtered in memory); empty: what the group says when the list is
 * empty, already translated. */
IcatRefList *icat_ref_list_new      (IcatStore           *store,
                                     const char          *field,
                                     const char          *kind,
                                     const char          *empty,
                                     AdwPreferencesGroup *group,
                                     GtkMenuButton       *add,
                                     IcatRecordList      *source,
                                     IcatRefListChanged   changed,
                                     gpointer             user_data);
void         icat_ref_list_free     (IcatRefList         *refs);
/* Shows the ids of array (the record's field; NULL for none). */
void         icat_ref_list_set_from (IcatRefList         *refs,
                                     JsonArray           *array);

/* The popover's search entry, for tests: typing there and pressing Enter
 * adds the first match. */
GtkSearchEntry *_icat_ref_list_get_search (IcatRefList   *refs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatRefList, icat_ref_list_free)

G_END_DECLS
