/* icat-conflict-marks.h — which records wait for a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_CONFLICT_MARKS (icat_conflict_marks_get_type ())
G_DECLARE_FINAL_TYPE (IcatConflictMarks, icat_conflict_marks, ICAT, CONFLICT_MARKS, GObject)

/* The store's marks, made on first use and kept as long as the store. */
IcatConflictMarks *icat_conflict_marks_get   (IcatStore          *store);
gboolean           icat_conflict_marks_has   (IcatConflictMarks  *self,
                                              const char         *kind,
                                              const char         *id);
/* Reads the marks again now and emits "changed". */
void               icat_conflict_marks_reload (IcatConflictMarks *self);

/* After a sync run: the marks, and every sync window of the store, read
 * again. */
void               icat_sharing_refresh      (IcatStore          *store);

G_END_DECLS
