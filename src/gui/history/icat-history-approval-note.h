/* icat-history-approval-note.h — "Changed after approval", under a status
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_HISTORY_APPROVAL_NOTE (icat_history_approval_note_get_type ())
G_DECLARE_FINAL_TYPE (IcatHistoryApprovalNote, icat_history_approval_note, ICAT, HISTORY_APPROVAL_NOTE, AdwBin)

/* Follows the record kind/id (NULL: none): while it is approved and has
 * changed since, "Changed after approval: 2 changes — see History", the
 * link opening its History; hidden otherwise. Counted off the main loop,
 * again whenever the record changes. */
void      icat_history_approval_note_set_record (IcatHistoryApprovalNote *self,
                                                 IcatStore               *store,
                                                 const char              *kind,
                                                 const char              *id);
/* The changes since approval last counted; 0 while hidden. */
guint     icat_history_approval_note_get_count  (IcatHistoryApprovalNote *self);
G_END_DECLS
