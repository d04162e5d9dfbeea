/* icat-conflict-mark.h — a list row's sign that its record needs a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CONFLICT_MARK (icat_conflict_mark_get_type ())
G_DECLARE_FINAL_TYPE (IcatConflictMark, icat_conflict_mark, ICAT, CONFLICT_MARK, GtkWidget)

GtkWidget *icat_conflict_mark_new        (void);
/* Shown while the record (kind, id) of store has an open conflict;
 * store NULL hides it. */
void       icat_conflict_mark_set_record (IcatConflictMark *self,
                                          IcatStore        *store,
                                          const char       *kind,
                                          const char       *id);

G_END_DECLS
