/* icat-history-window.c — a record's History: who changed what, and when
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changes come from the change journal (icat_sync_history ()), read on
 * a worker through icat_store_read_async () a page of 50 at a time, so a
 * record edited for years opens at once. The window follows the record:
 * a change saved here, restored or arriving from another laptop reloads
 * it. "Restore This Version" is an ordinary save, with an undo toast.
 */
#define G_LOG_DOMAIN "icat-history"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-history-private.h"
#include "icat-history-window.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-window.h"

#define PAGE_SIZE 50

struct _IcatHistoryWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *approval_box;
  GtkToggleButton *since_button;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkWidget       *entries_box;
  GtkWidget       *more_button;

  /* Owned */
  IcatStore       *store;
  char            *kind;
  char            *id;
  char            *approval_since;  /* approved: changes after this count; else NULL */
  GCancellable    *cancellable;     /* the page being read */
  guint            shown;           /* changes shown */
  guint            total;
  GHashTable      *shown_fields;    /* "path/field" of the changes shown */
  gulong           changed_handler;
};

G_DEFINE_FINAL_TYPE (IcatHistoryWindow, icat_history_window, ADW_TYPE_WINDOW)

/* Reading {{{ */

typedef struct {
  char    *kind;
  char    *id;
  char    *self_device;
  gboolean first;          /* also the title, and whether it is approved */
  char    *since;
  char    *approval_since; /* known: count the changes since too */
  guint    offset;
  guint    limit;
  gboolean replace;        /* the changes shown make way for these */
} Request;

typedef struct {
  gboolean   first;
  gboolean   replace;
  GPtrArray *entries;
  guint      total;
  guint      since_total;
  char      *title;
  char      *approval_since;
} Page;

static void
request_free (Request *request)
{
  g_free (request->kind);
  g_free (request->id);
  g_free (request->self_device);
  g_free (request->since);
  g_free (request->approval_since);
  g_free (request);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->entries, g_ptr_array_unref);
  g_free (page->title);
  g_free (page->approval_since);
  g_free (page);
}

static gpointer
read_page (IcatDb        *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Request *request = data;
  Page *page = g_new0 (Page, 1);
  IcatSyncHistoryQuery query = { request->kind, request->id, request->self_device, request->since,
                                 request->offset, request->limit };

  page->first = request->first;
  page->replace = request->replace;
  if (request->first)
    {
      const IcatKind *kind = icat_schema_lookup (request->kind);
      g_autoptr(JsonObject) record = kind ? icat_record_io_read (db, kind, request->id, NULL) : NULL;

      if (record != NULL)
        {
          page->title = icat_record_title (kind, record);
          if (!_icat_history_approval_since (db, kind->name, record, &page->approval_since, error))
            return page_free (page), NULL;
          if (page->approval_since != NULL)
            query.since = page->approval_since;
        }
    }
  page->entries = icat_sync_history (db, &query, &page->total, error);
  if (page->entries == NULL)
    return page_free (page), NULL;
  page->since_total = page->total;
  if (request->approval_since != NULL && request->since == NULL)
    {
      IcatSyncHistoryQuery since = { request->kind, request->id, NULL, request->approval_since, 0, 1 };
      g_autoptr(GPtrArray) newest = icat_sync_history (db, &since, &page->since_total, error);

      if (newest == NULL)
        return page_free (page), NULL;
    }
  return page;
}

static void
set_approval_label (IcatHistoryWindow *self,
                    guint              count)
{
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changes Since Approval (%u)",
                                                          "Changes Since Approval (%u)", count), count);

  gtk_button_set_label (GTK_BUTTON (self->since_button), label);
}

static void restore_clicked_cb (GtkButton *button,
                                IcatHistoryWindow *self);

static void
clear_entries (IcatHistoryWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->entries_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->entries_box), child);
  g_hash_table_remove_all (self->shown_fields);
  self->shown = 0;
}

static void
show_page (IcatHistoryWindow *self,
           Page              *page)
{
  gboolean since_approval;

  if (page->first && page->title != NULL)
    adw_window_title_set_subtitle (self->window_title, page->title);
  if (page->first && page->approval_since != NULL && self->approval_since == NULL)
    {
      self->approval_since = g_strdup (page->approval_since);
      gtk_widget_set_visible (self->approval_box, TRUE);
    }
  since_approval = self->approval_since != NULL && gtk_toggle_button_get_active (self->since_button);
  if (self->approval_since != NULL)
    set_approval_label (self, page->since_total);
  if (page->replace)
    clear_entries (self);
  for (guint i = 0; i < page->entries->len; i++)
    {
      IcatSyncHistoryEntry *entry = page->entries->pdata[i];

      /* Only stamps, or values put back within one change. */
      if (entry->changes->len == 0)
        continue;
      gtk_box_append (GTK_BOX (self->entries_box),
                      _icat_history_entry_new (entry, self->shown_fields,
                                               (IcatHistoryRestoreFunc) restore_clicked_cb, self));
    }
  self->shown += page->entries->len;
  self->total = page->total;
  gtk_widget_set_visible (self->more_button, self->shown < self->total);
  adw_status_page_set_description (self->empty_page,
                                   since_approval
                                   ? _("Nothing has changed since the record was approved.")
                                   : _("Changes appear here once they are saved."));
  gtk_stack_set_visible_child_name (self->stack, self->shown > 0 ? "list" : "empty");
}

static void
page_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IcatHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Page *page = icat_store_read_finish (result, &error);

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          g_clear_object (&self->cancellable);
        }
      return;
    }
  g_clear_object (&self->cancellable);
  show_page (self, page);
  page_free (page);
}

/* Reads the page after the changes shown, or with replace the newest
 * changes again, as many as are shown. */
static void
read_page_async (IcatHistoryWindow *self,
                 gboolean           replace)
{
  Request *request = g_new0 (Request, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  request->kind = g_strdup (self->kind);
  request->id = g_strdup (self->id);
  request->self_device = g_strdup (icat_store_get_device_id (self->store));
  request->first = (self->shown == 0 || replace) && self->approval_since == NULL;
  request->offset = replace ? 0 : self->shown;
  request->limit = replace ? MAX (self->shown, PAGE_SIZE) : PAGE_SIZE;
  request->replace = replace;
  if (self->approval_since != NULL && gtk_toggle_button_get_active (self->since_button))
    request->since = g_strdup (self->approval_since);
  request->approval_since = g_strdup (self->approval_since);
  icat_store_read_async (self->store, read_page, request, (GDestroyNotify) request_free,
                         (GDestroyNotify) page_free, ICAT_STORE_READ_DEFAULT, self->cancellable,
                         page_read_cb, g_object_ref (self));
}

/* The changes shown stay until the new ones are read: no flicker when
 * a change arrives while the History is open. */
static void
reload (IcatHistoryWindow *self)
{
  read_page_async (self, TRUE);
}

/* }}} */
/* Restoring {{{ */

typedef struct {
  IcatHistoryWindow *self;
  char              *label;
} Restoring;

static void
restoring_free (Restoring *restoring)
{
  g_object_unref (restoring->self);
  g_free (restoring->label);
  g_free (restoring);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Restoring, restoring_free)

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Restoring) restoring = user_data;
  IcatHistoryWindow *self = restoring->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (id == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: %s is a field, e.g. "Agenda item 3 · Minutes" */
  message = g_strdup_printf (_("Restored “%s”"), restoring->label);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "history.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_clicked_cb (GtkButton         *button,
                    IcatHistoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = NULL;
  Restoring *restoring;

  changes = icat_sync_restore_changes (self->store, self->kind, self->id,
                                       g_object_get_data (G_OBJECT (button), "nested-path"),
                                       g_object_get_data (G_OBJECT (button), "field"),
                                       g_object_get_data (G_OBJECT (button), "value"), &error);
  if (changes == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* The rows are rebuilt when the record changes: the button may be gone
   * by the time the save is done. */
  restoring = g_new0 (Restoring, 1);
  restoring->self = g_object_ref (self);
  restoring->label = g_strdup (g_object_get_data (G_OBJECT (button), "label"));
  icat_store_save_async (self->store, self->kind, changes, NULL, restored_cb, restoring);
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcatHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!icat_store_undo_finish (ICAT_STORE (source), result, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatHistoryWindow *self = ICAT_HISTORY_WINDOW (widget);

  icat_store_undo_async (self->store, NULL, undone_cb, g_object_ref (self));
}

/* }}} */
/* The window {{{ */

static void
record_changed_cb (IcatStore         *store,
                   const char        *kind,
                   const char        *id,
                   int                change,
                   IcatHistoryWindow *self)
{
  if (g_strcmp0 (id, self->id) == 0)
    reload (self);
}

static void
scope_toggled_cb (IcatHistoryWindow *self)
{
  if (self->approval_since != NULL)
    reload (self);
}

static void
more_clicked_cb (IcatHistoryWindow *self)
{
  read_page_async (self, FALSE);
}

gboolean
icat_history_window_is_loading (IcatHistoryWindow *self)
{
  g_return_val_if_fail (ICAT_IS_HISTORY_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

static void
icat_history_window_dispose (GObject *object)
{
  IcatHistoryWindow *self = ICAT_HISTORY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->changed_handler != 0)
    g_clear_signal_handler (&self->changed_handler, self->store);
  G_OBJECT_CLASS (icat_history_window_parent_class)->dispose (object);
}

static void
icat_history_window_finalize (GObject *object)
{
  IcatHistoryWindow *self = ICAT_HISTORY_WINDOW (object);

  g_clear_object (&self->store);
  g_free (self->kind);
  g_free (self->id);
  g_free (self->approval_since);
  g_clear_pointer (&self->shown_fields, g_hash_table_unref);
  G_OBJECT_CLASS (icat_history_window_parent_class)->finalize (object);
}

static void
icat_history_window_class_init (IcatHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_history_window_dispose;
  object_class->finalize = icat_history_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/history/icat-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, approval_box);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, since_button);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, entries_box);
  gtk_widget_class_bind_template_child (widget_class, IcatHistoryWindow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_install_action (widget_class, "history.undo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icat_history_window_init (IcatHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

IcatHistoryWindow *
icat_history_window_new (IcatStore  *store,
                         const char *kind,
                         const char *id)
{
  IcatHistoryWindow *self;
  g_autofree char *detailed = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  self = g_object_new (ICAT_TYPE_HISTORY_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->id = g_strdup (id);
  detailed = g_strconcat ("record-changed::", kind, NULL);
  self->changed_handler = g_signal_connect (store, detailed, G_CALLBACK (record_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  read_page_async (self, FALSE);
  return self;
}

/* }}} */
/* Opening it {{{ */

void
icat_history_show_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  const char *target = g_variant_get_string (parameter, NULL);
  const char *slash = strchr (target, '/');
  g_autofree char *kind = slash ? g_strndup (target, slash - target) : NULL;
  IcatHistoryWindow *history;

  g_return_if_fail (ICAT_IS_WINDOW (widget));
  if (kind == NULL || icat_schema_lookup (kind) == NULL)
    {
      g_warning ("No record to show the history of: “%s”", target);
      return;
    }
  history = icat_history_window_new (icat_window_get_store (ICAT_WINDOW (widget)), kind, slash + 1);
  gtk_window_set_transient_for (GTK_WINDOW (history), GTK_WINDOW (widget));
  gtk_window_set_modal (GTK_WINDOW (history), FALSE);
  gtk_window_present (GTK_WINDOW (history));
}

void
icat_history_menu_set_record (GtkMenuButton *button,
                              const char    *kind,
                              const char    *id)
{
  GMenu *menu;
  GMenu *section;
  g_autoptr(GMenuItem) item = NULL;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (kind != NULL);

  menu = G_MENU (gtk_menu_button_get_menu_model (button));
  section = g_object_get_data (G_OBJECT (menu), "icat-history-section");
  if (section == NULL)
    {
      section = g_menu_new ();
      g_menu_prepend_section (menu, NULL, G_MENU_MODEL (section));
      g_object_set_data_full (G_OBJECT (menu), "icat-history-section", section, g_object_unref);
    }
  g_menu_remove_all (section);
  if (id == NULL)
    return;
  item = g_menu_item_new (_("_History"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.show-history",
                                           g_variant_new_take_string (g_strconcat (kind, "/", id, NULL)));
  g_menu_append_item (section, item);
}

/* }}} */
