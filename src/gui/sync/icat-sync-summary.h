/* icat-sync-summary.h — the state of sharing, as a coordinator reads it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-sync.h"

G_BEGIN_DECLS

/* What the sidebar says about sharing, taken from the status and the
 * last run. */
typedef struct {
  gboolean   in_group;
  gboolean   folder_reachable;
  char      *failure;          /* the last run's error, or NULL */
  gint64     unshared;
  guint      refused;
  guint      open_conflicts;
  guint      other_laptops;    /* the group's laptops but this one, as the Sharing window lists them */
  char      *last_laptop;      /* the laptop whose change came last, or NULL */
  GDateTime *last_at;          /* when that change was made */
} IcatSyncSummary;

void             icat_sync_summary_free     (IcatSyncSummary       *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatSyncSummary, icat_sync_summary_free)

/* The summary of status (NULL: not in a group); failure may be NULL. */
IcatSyncSummary *icat_sync_summary_new      (const IcatSyncStatus  *status,
                                             const GError          *failure);
/* "All changes shared", "3 changes not yet shared", "Sync folder not
 * reachable", "2 files refused", …; NULL when not in a group. */
char            *icat_sync_summary_title    (const IcatSyncSummary *summary);
/* "Last from Amina's laptop 10:42" (a day before today gets its date);
 * "1 other laptop, nothing received yet" while the others that joined
 * sent nothing this laptop took in; "No other laptop yet" when none
 * joined; the failure's message when a run failed. */
char            *icat_sync_summary_subtitle (const IcatSyncSummary *summary,
                                             GDateTime             *now);
/* "Needs your decision (2)", or NULL when nothing does. */
char            *icat_sync_summary_decisions (const IcatSyncSummary *summary);
/* A symbolic icon for the state. */
const char      *icat_sync_summary_icon     (const IcatSyncSummary *summary);

G_END_DECLS
