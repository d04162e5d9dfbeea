/* icat-editor-record.h — the record an editor shows and the autosave writing it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "icat-autosave.h"
#include "icat-record.h"
#include "icat-store.h"

G_BEGIN_DECLS

/* A new autosave for record (of kind), whose failures editor shows in a
 * toast; record's "notify::data" and "notify::deleted" call data_changed
 * and deleted with editor as their only argument. */
IcatAutosave *icat_editor_record_attach   (GtkWidget     *editor,
                                           IcatStore     *store,
                                           const char    *kind,
                                           IcatRecord    *record,
                                           GCallback      data_changed,
                                           GCallback      deleted);
/* Writes what autosave still holds, lets go of both and of every handler
 * editor connected to them. Either may already be NULL. */
void          icat_editor_record_detach   (GtkWidget     *editor,
                                           IcatRecord   **record,
                                           IcatAutosave **autosave);
/* Deletes the record; editor shows deleted_message in a toast that offers
 * to undo, or the store's error in a plain one. */
void          icat_editor_record_delete   (GtkWidget     *editor,
                                           IcatStore     *store,
                                           const char    *kind,
                                           const char    *id,
                                           const char    *deleted_message);
/* An IcatRefListChanged whose user_data is the address of an editor's
 * autosave: the list's ids are saved with the record's other edits, or
 * dropped while no record is shown. */
void          icat_editor_record_refs_changed (const char *field,
                                               JsonNode   *ids,
                                               gpointer    autosave_slot);

G_END_DECLS
