/* icat-sharing-words.h — conflicts and laptops as a coordinator reads them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-sync.h"

G_BEGIN_DECLS

/* "Meeting", "Action item"; the kind's own name when unknown. */
const char *icat_sharing_kind_label    (const char *record_kind);
/* A field as the editors label it: "Note", "Agenda · Minutes". */
char       *icat_sharing_field_label   (const char *field);
/* A conflict's JSON value as text to read: strings plainly, null as
 * "(empty)", lists and objects summarised. */
char       *icat_sharing_value_text    (const char *value_json);
/* Whether a value is long enough to be read as a diff: a text of more
 * than 80 characters or of several lines. */
gboolean    icat_sharing_value_is_long (const char *value_json);
/* An ISO 8601 UTC time in the user's time zone: "5 Dec, 10:42" (with the
 * year when it is not this year); NULL for NULL or an unreadable time. */
char       *icat_sharing_time_text     (const char *iso_time);
/* "This laptop", the laptop's name, or "Unnamed laptop 1a2b3c4d". */
char       *icat_sharing_laptop_name   (const IcatSyncStatus *status,
                                        const char           *device_id,
                                        const char           *self_id);
/* What happened, for the conflicts that are not two values of a field. */
const char *icat_sharing_kind_explanation (const IcatSyncConflict *conflict);
/* Why a file is refused or waits, in plain words; reason (the core's
 * words) for a problem of its own kind. */
const char *icat_sharing_problem_words (IcatSyncProblem  problem,
                                        const char      *reason);

G_END_DECLS
