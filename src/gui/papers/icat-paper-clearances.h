/* icat-paper-clearances.h — the paper editor's Clearances group
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "icat-store.h"

G_BEGIN_DECLS

typedef struct _IcatPaperClearances IcatPaperClearances;

/* The clearance list changed in the group: rows is a new JSON array of the
 * paper's "clearances" as they now stand (transfer full). */
typedef void (*IcatPaperClearancesChanged) (JsonNode *rows,
                                            gpointer  user_data);

/* One row per lead and contributing agency, and per agency that has a
 * clearance without writing the paper (any more); request_all fills every
 * missing one as requested today. */
IcatPaperClearances *icat_paper_clearances_new      (IcatStore                  *store,
                                                     AdwPreferencesGroup        *group,
                                                     GtkButton                  *request_all,
                                                     IcatPaperClearancesChanged  changed,
                                                     gpointer                    user_data);
void                 icat_paper_clearances_free     (IcatPaperClearances        *self);
/* Shows paper's agencies and clearances (NULL: none). Rows keep their
 * widgets while the agencies stay the same, so typing keeps its focus. */
void                 icat_paper_clearances_set_from (IcatPaperClearances        *self,
                                                     JsonObject                 *paper);
/* The clearance list as the group shows it (transfer full). */
JsonArray           *icat_paper_clearances_dup_rows (IcatPaperClearances        *self);

/* For tests: the state dropdown (item 0 "Not requested", then the states
 * in icat_clearance_states order), the date and the note row of an agency. */
GtkDropDown         *_icat_paper_clearances_get_state (IcatPaperClearances *self,
                                                       const char          *agency);
AdwEntryRow         *_icat_paper_clearances_get_date  (IcatPaperClearances *self,
                                                       const char          *agency);
AdwEntryRow         *_icat_paper_clearances_get_note  (IcatPaperClearances *self,
                                                       const char          *agency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatPaperClearances, icat_paper_clearances_free)

G_END_DECLS
