/* icat-editor-record.h — the record an editor shows and the autosave writing it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
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
/* Shows text in row, unless the row says what is wrong with its own text:
 * that text is newer than what was stored, and leaving the record tells
 * the user it was not saved. */
void          icat_editor_record_load_entry   (AdwEntryRow   *row,
                                               const char    *text);
/* Queues value ("" clears the field) unless *shown already holds it;
 * remembers it in *shown and when it was queued in *queued_at. */
void          icat_editor_record_queue_text   (IcatAutosave  *autosave,
                                               gint64        *queued_at,
                                               const char    *field,
                                               const char    *value,
                                               char         **shown);
/* A field turned wrong: what it queued on the way there (a valid start
 * such as "2026-02" of "2026-02-30", or "O" of a title being erased) must
 * not reach the database in its place, so record's stored value is queued
 * back while the value queued at queued_at still waits. */
void          icat_editor_record_withdraw_typed (IcatAutosave *autosave,
                                                 IcatRecord   *record,
                                                 gint64        queued_at,
                                                 const char   *field,
                                                 char        **shown);
/* An IcatRefListChanged whose user_data is the address of an editor's
 * autosave: the list's ids are saved with the record's other edits, or
 * dropped while no record is shown. */
void          icat_editor_record_refs_changed (const char *field,
                                               JsonNode   *ids,
                                               gpointer    autosave_slot);

G_END_DECLS
