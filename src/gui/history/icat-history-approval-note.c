/* icat-history-approval-note.c — "Changed after approval", under a status
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Approved minutes should not change unseen: the meeting editor shows,
 * under the record's status, how many changes were made since approval,
 * with a link to them in the History. The count is read on a worker, and
 * again after each change of the record.
 */
#define G_LOG_DOMAIN "icat-history"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-history-approval-note.h"
#include "icat-history-private.h"
#include "icat-record-io.h"
#include "icat-schema.h"

struct _IcatHistoryApprovalNote
{
  AdwBin        parent_instance;

  /* Owned */
  GtkWidget    *label;
  IcatStore    *store;
  char         *kind;
  char         *id;
  GCancellable *cancellable;
  gulong        changed_handler;
  guint         count;
};

G_DEFINE_FINAL_TYPE (IcatHistoryApprovalNote, icat_history_approval_note, ADW_TYPE_BIN)

gboolean
_icat_history_approval_since (IcatDb      *db,
                              const char  *kind,
                              JsonObject  *record,
                              char       **since,
                              GError     **error)
{
  const char *status = json_object_get_string_member_with_default (record, ICAT_KEY_RECORD_STATUS, NULL);

  *since = NULL;
  if (g_strcmp0 (status, "approved") != 0)
    return TRUE;
  if (!icat_sync_history_approved_at (db, kind, json_object_get_string_member (record, "id"), since, error))
    return FALSE;
  if (*since == NULL)
    *since = g_strdup (json_object_get_string_member_with_default (record, ICAT_KEY_APPROVED_ON, ""));
  return TRUE;
}

typedef struct {
  char *kind;
  char *id;
} Counting;

static void
counting_free (Counting *counting)
{
  g_free (counting->kind);
  g_free (counting->id);
  g_free (counting);
}

/* The count, in a guint of its own: 0 is an answer too. */
static gpointer
count_since_approval (IcatDb        *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Counting *counting = data;
  const IcatKind *kind = icat_schema_lookup (counting->kind);
  g_autoptr(JsonObject) record = kind ? icat_record_io_read (db, kind, counting->id, NULL) : NULL;
  g_autofree char *since = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint *count = g_new0 (guint, 1);
  IcatSyncHistoryQuery query = { counting->kind, counting->id, NULL, NULL, 0, 1 };

  if (record == NULL)
    return count;
  if (!_icat_history_approval_since (db, counting->kind, record, &since, error))
    return g_free (count), NULL;
  if (since == NULL)
    return count;
  query.since = since;
  entries = icat_sync_history (db, &query, count, error);
  if (entries == NULL)
    return g_free (count), NULL;
  return count;
}

static void
show_count (IcatHistoryApprovalNote *self,
            guint                    count)
{
  g_autofree char *markup = NULL;

  self->count = count;
  gtk_widget_set_visible (GTK_WIDGET (self), count > 0);
  if (count == 0)
    return;
  /* Translators: under an approved meeting record's status; "History" is a link */
  markup = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Changed after approval: %u change — <a href=\"history\">see History</a>",
                                         "Changed after approval: %u changes — <a href=\"history\">see History</a>",
                                         count),
                            count);
  gtk_label_set_markup (GTK_LABEL (self->label), markup);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  IcatHistoryApprovalNote *self;
  g_autoptr(GError) error = NULL;
  g_autofree guint *count = icat_store_read_finish (result, &error);

  /* A note gone or following another record cancelled this count. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "note");
  g_clear_object (&self->cancellable);
  if (count == NULL)
    {
      g_warning ("Could not count the changes since approval: %s", error->message);
      return;
    }
  show_count (self, *count);
}

static void
recount (IcatHistoryApprovalNote *self)
{
  Counting *counting;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->id == NULL)
    {
      show_count (self, 0);
      return;
    }
  self->cancellable = g_cancellable_new ();
  counting = g_new0 (Counting, 1);
  counting->kind = g_strdup (self->kind);
  counting->id = g_strdup (self->id);
  /* The read holds the cancellable, not the note, which may go first. */
  g_object_set_data (G_OBJECT (self->cancellable), "note", self);
  icat_store_read_async (self->store, count_since_approval, counting, (GDestroyNotify) counting_free,
                         g_free, ICAT_STORE_READ_DEFAULT, self->cancellable, counted_cb,
                         g_object_ref (self->cancellable));
}

static void
record_changed_cb (IcatStore               *store,
                   const char              *kind,
                   const char              *id,
                   int                      change,
                   IcatHistoryApprovalNote *self)
{
  if (g_strcmp0 (id, self->id) == 0)
    recount (self);
}

static gboolean
link_activated_cb (GtkLabel                *label,
                   const char              *uri,
                   IcatHistoryApprovalNote *self)
{
  g_autofree char *target = g_strconcat (self->kind, "/", self->id, NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-history", "s", target);
  return TRUE;
}

static void
forget_record (IcatHistoryApprovalNote *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->changed_handler != 0)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->id, g_free);
}

void
icat_history_approval_note_set_record (IcatHistoryApprovalNote *self,
                                       IcatStore               *store,
                                       const char              *kind,
                                       const char              *id)
{
  g_autofree char *detailed = NULL;

  g_return_if_fail (ICAT_IS_HISTORY_APPROVAL_NOTE (self));
  g_return_if_fail (store == NULL || ICAT_IS_STORE (store));

  forget_record (self);
  if (store != NULL && kind != NULL && id != NULL)
    {
      self->store = g_object_ref (store);
      self->kind = g_strdup (kind);
      self->id = g_strdup (id);
      detailed = g_strconcat ("record-changed::", kind, NULL);
      self->changed_handler = g_signal_connect (store, detailed, G_CALLBACK (record_changed_cb), self);
    }
  recount (self);
}

guint
icat_history_approval_note_get_count (IcatHistoryApprovalNote *self)
{
  g_return_val_if_fail (ICAT_IS_HISTORY_APPROVAL_NOTE (self), 0);

  return self->count;
}

static void
icat_history_approval_note_dispose (GObject *object)
{
  forget_record (ICAT_HISTORY_APPROVAL_NOTE (object));
  G_OBJECT_CLASS (icat_history_approval_note_parent_class)->dispose (object);
}

static void
icat_history_approval_note_class_init (IcatHistoryApprovalNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icat_history_approval_note_dispose;
}

static void
icat_history_approval_note_init (IcatHistoryApprovalNote *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_widget_set_margin_top (self->label, 6);
  gtk_widget_add_css_class (self->label, "warning");
  gtk_widget_set_name (GTK_WIDGET (self), "history-approval-note");
  g_signal_connect (self->label, "activate-link", G_CALLBACK (link_activated_cb), self);
  adw_bin_set_child (ADW_BIN (self), self->label);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
