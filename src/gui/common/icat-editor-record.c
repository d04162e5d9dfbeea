/* icat-editor-record.c — the record an editor shows and the autosave writing it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action item and paper editors take a record and let it go the same
 * way: an autosave whose failures reach the toast, the record's changes
 * and deletion followed, and on leaving, what was typed written before
 * the record is dropped. Deleting goes through the store with an undo
 * toast. Typed fields are loaded, queued and withdrawn alike. Connecting
 * every handler with the editor as data is what lets
 * icat_editor_record_detach () take them all back at once.
 */
#define G_LOG_DOMAIN "icat-editor-record"

#include "config.h"

#include "icat-editor-record.h"
#include "icat-editor-util.h"
#include "icat-toast.h"

static void
autosave_failed_cb (IcatAutosave *autosave,
                    GError       *error,
                    GtkWidget    *editor)
{
  icat_toast (editor, error->message);
}

IcatAutosave *
icat_editor_record_attach (GtkWidget  *editor,
                           IcatStore  *store,
                           const char *kind,
                           IcatRecord *record,
                           GCallback   data_changed,
                           GCallback   deleted)
{
  IcatAutosave *autosave;

  g_return_val_if_fail (GTK_IS_WIDGET (editor), NULL);
  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (ICAT_IS_RECORD (record), NULL);

  autosave = icat_autosave_new (store, kind, icat_record_get_id (record));
  g_signal_connect (autosave, "failed", G_CALLBACK (autosave_failed_cb), editor);
  g_signal_connect_swapped (record, "notify::data", data_changed, editor);
  g_signal_connect_swapped (record, "notify::deleted", deleted, editor);
  return autosave;
}

void
icat_editor_record_detach (GtkWidget     *editor,
                           IcatRecord   **record,
                           IcatAutosave **autosave)
{
  g_return_if_fail (GTK_IS_WIDGET (editor));
  g_return_if_fail (record != NULL && autosave != NULL);

  if (*autosave != NULL)
    {
      icat_autosave_flush (*autosave);
      g_signal_handlers_disconnect_by_data (*autosave, editor);
      g_clear_object (autosave);
    }
  if (*record != NULL)
    {
      g_signal_handlers_disconnect_by_data (*record, editor);
      g_clear_object (record);
    }
}

typedef struct {
  GtkWidget *editor;
  char      *deleted_message;
} Deleting;

static void
deleting_free (Deleting *deleting)
{
  g_object_unref (deleting->editor);
  g_free (deleting->deleted_message);
  g_free (deleting);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Deleting *deleting = user_data;
  g_autoptr(GError) error = NULL;

  if (!icat_store_delete_finish (ICAT_STORE (source), result, &error))
    icat_toast (deleting->editor, error->message);
  else
    gtk_widget_activate_action (deleting->editor, "win.toast-undo", "s", deleting->deleted_message);
  deleting_free (deleting);
}

void
icat_editor_record_delete (GtkWidget  *editor,
                           IcatStore  *store,
                           const char *kind,
                           const char *id,
                           const char *deleted_message)
{
  Deleting *deleting;

  g_return_if_fail (GTK_IS_WIDGET (editor));
  g_return_if_fail (ICAT_IS_STORE (store));
  g_return_if_fail (id != NULL && deleted_message != NULL);

  deleting = g_new0 (Deleting, 1);
  deleting->editor = g_object_ref (editor);
  deleting->deleted_message = g_strdup (deleted_message);
  icat_store_delete_async (store, kind, id, NULL, deleted_cb, deleting);
}

void
icat_editor_record_refs_changed (const char *field,
                                 JsonNode   *ids,
                                 gpointer    autosave_slot)
{
  IcatAutosave **autosave = autosave_slot;

  if (*autosave != NULL)
    icat_autosave_set (*autosave, field, ids);
  else
    json_node_unref (ids);
}

void
icat_editor_record_load_entry (AdwEntryRow *row,
                               const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (icat_row_get_problem (GTK_WIDGET (row)) == NULL)
    icat_editable_show_text (GTK_EDITABLE (row), text);
}

void
icat_editor_record_queue_text (IcatAutosave  *autosave,
                               gint64        *queued_at,
                               const char    *field,
                               const char    *value,
                               char         **shown)
{
  const char *stored;

  g_return_if_fail (ICAT_IS_AUTOSAVE (autosave));
  g_return_if_fail (queued_at != NULL && field != NULL && value != NULL && shown != NULL);

  stored = *value ? value : NULL;
  if (g_strcmp0 (stored, *shown) == 0)
    return;
  g_free (*shown);
  *shown = g_strdup (stored);
  *queued_at = g_get_monotonic_time ();
  icat_autosave_set_string (autosave, field, value);
}

void
icat_editor_record_withdraw_typed (IcatAutosave *autosave,
                                   IcatRecord   *record,
                                   gint64        queued_at,
                                   const char   *field,
                                   char        **shown)
{
  const char *stored;

  g_return_if_fail (ICAT_IS_AUTOSAVE (autosave));
  g_return_if_fail (ICAT_IS_RECORD (record));
  g_return_if_fail (field != NULL && shown != NULL);

  stored = icat_record_get_string (record, field);
  if (g_strcmp0 (stored, *shown) == 0 || !icat_autosave_still_waits (queued_at))
    return;
  g_free (*shown);
  *shown = g_strdup (stored);
  icat_autosave_set_string (autosave, field, stored);
}
