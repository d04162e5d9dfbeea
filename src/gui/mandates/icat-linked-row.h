/* icat-linked-row.h — a record that answers a mandate, in the mandate's detail
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action item, paper or meeting under the mandate it answers: a row
 * that knows which record it names, so activating it can open that record.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_LINKED_ROW (icat_linked_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatLinkedRow, icat_linked_row, ICAT, LINKED_ROW, AdwActionRow)

/* kind: "action_item", "paper" or "meeting"; a static string. */
GtkWidget  *icat_linked_row_new           (const char    *kind,
                                           const char    *record_id,
                                           const char    *title,
                                           const char    *subtitle);
const char *icat_linked_row_get_kind      (IcatLinkedRow *self);
const char *icat_linked_row_get_record_id (IcatLinkedRow *self);

G_END_DECLS
