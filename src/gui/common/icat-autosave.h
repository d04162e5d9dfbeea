/* icat-autosave.h — how editors save: as the user types, a moment later
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-store.h"

G_BEGIN_DECLS

/* Changes wait this long for more typing before they are written. */
#define ICAT_AUTOSAVE_DELAY_MS 500

#define ICAT_TYPE_AUTOSAVE (icat_autosave_get_type ())
G_DECLARE_FINAL_TYPE (IcatAutosave, icat_autosave, ICAT, AUTOSAVE, GObject)

/* Saves changes to one record. id is NULL for a record not made yet: the
 * first save creates it and the autosave then follows it ("id" property). */
IcatAutosave *icat_autosave_new          (IcatStore    *store,
                                          const char   *kind,
                                          const char   *id);
const char   *icat_autosave_get_id       (IcatAutosave *self);
/* Queues a field's new value (transfer full; NULL node or JSON null clears
 * it). Fields queued within the delay are saved together, in one transaction. */
void          icat_autosave_set          (IcatAutosave *self,
                                          const char   *field,
                                          JsonNode     *value);
/* Takes back a field's value queued and not yet sent (typing made it
 * wrong); a value already sent stays. */
void          icat_autosave_unset        (IcatAutosave *self,
                                          const char   *field);
/* Text: "" and NULL clear an optional field. */
void          icat_autosave_set_string   (IcatAutosave *self,
                                          const char   *field,
                                          const char   *value);
void          icat_autosave_set_int      (IcatAutosave *self,
                                          const char   *field,
                                          gint64        value);
/* Writes what is queued now (leaving an editor, closing the window). */
void          icat_autosave_flush        (IcatAutosave *self);
gboolean      icat_autosave_get_pending  (IcatAutosave *self);
typedef gboolean (*IcatAutosaveSame) (JsonNode *a,
                                      JsonNode *b);
/* Whether a save sent and not yet answered set field to value (as same
 * compares): the record changing to it is this autosave's own save
 * coming back, not a change from elsewhere. */
gboolean      icat_autosave_is_own_value (IcatAutosave     *self,
                                          const char       *field,
                                          JsonNode         *value,
                                          IcatAutosaveSame  same);
/* Flushes every autosave of the process and waits until each save is
 * answered (committed or failed): before quitting, whatever the way. */
void          icat_autosave_flush_all    (void);
/* Sends what every autosave has queued, without waiting; TRUE while any
 * save is still unanswered (a store undo queued now runs after them). */
gboolean      icat_autosave_send_all     (void);

/* Signals: "saved" (), "failed" (GError *error): the typed text stays where
 * it is; the window shows the message. */

G_END_DECLS
