/* icat-action-item-editor.h — edits one action item in place
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-record.h"
#include "icat-store.h"

G_BEGIN_DECLS

#define ICAT_TYPE_ACTION_ITEM_EDITOR (icat_action_item_editor_get_type ())
G_DECLARE_FINAL_TYPE (IcatActionItemEditor, icat_action_item_editor, ICAT, ACTION_ITEM_EDITOR, AdwBin)

GtkWidget  *icat_action_item_editor_new          (IcatStore            *store);
/* Shows the item (NULL: none), first writing what was typed into the last one.
 * The "item-id" property follows; it becomes NULL when the item is deleted. */
void        icat_action_item_editor_set_item     (IcatActionItemEditor *self,
                                                  const char           *id);
const char *icat_action_item_editor_get_item_id  (IcatActionItemEditor *self);
/* Focuses the title with its text selected, ready to be typed over. */
void        icat_action_item_editor_focus_title  (IcatActionItemEditor *self);
/* Writes what is waiting for the typing to stop. */
void        icat_action_item_editor_flush        (IcatActionItemEditor *self);

/* Words shared by the action item views. */
const char *icat_action_status_label             (const char           *status);
const char *icat_action_priority_label           (const char           *priority);
const char *icat_action_pillar_label             (const char           *pillar);
/* "23 Nov 2026", "Nov 2026" or "2026" for a date as precise as it is given. */
char       *icat_action_format_date              (const char           *date);
/* "72/195 ¶10", "GPA annex 11": a mandate in a few characters. */
char       *icat_action_mandate_short_label      (IcatRecord           *mandate);
/* A record as choice lists show it: an agency's acronym, a meeting's title
 * and date, another record's title; a GtkStringObject's string. */
char       *icat_action_record_label             (GObject              *item);
/* Whether an action item (exchange format) is late on the day today
 * ("YYYY-MM-DD"): due before it and neither done nor cancelled. The rule of
 * ICAT_FILTER_DUE_BEFORE, so the marks agree with the "Overdue" filter. */
gboolean    icat_action_item_is_overdue          (JsonObject           *item,
                                                  const char           *today);

G_END_DECLS
