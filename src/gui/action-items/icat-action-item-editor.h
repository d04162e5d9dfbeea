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

G_END_DECLS
