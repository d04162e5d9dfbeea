/* icat-window-backup.c — export a backup, import a file, restore a backup
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import is checked first (a dry run) and the user sees what it will
 * add and change before anything is written; a restore, which replaces
 * everything, asks with a clear warning.
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-exchange.h"
#include "icat-export.h"
#include "icat-import-error.h"
#include "icat-window-private.h"

typedef struct {
  IcatWindow *window;
  GBytes     *document;
  char       *name;
  gboolean    replace;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->window);
  g_clear_pointer (&request->document, g_bytes_unref);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static GtkFileChooserNative *
new_chooser (IcatWindow           *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ICAT Tracker documents (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

/* Export: written as every export is (icat-export-file.c): never over
 * the database, a file written over keeps its mode (a backup holds focal
 * points' contacts), and through a symbolic link the file it points to is
 * replaced. */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcatWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (ICAT_IS_STORE (source))
    done = icat_store_export_to_file_finish (ICAT_STORE (source), result, &error);
  else
    done = icat_store_read_finish (result, &error) != NULL;
  if (!done)
    icat_window_toast (self, error->message);
  else
    icat_window_toast (self, _("Backup exported"));
}

/* On a worker thread, with a connection of its own. */
static gpointer
export_thread (IcatDb        *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  char **paths = data;  /* the database, the file */
  g_autofree char *text = NULL;

  if (!icat_export_check_not_database (paths[1], paths[0], error))
    return NULL;
  text = icat_exchange_export (db, NULL, error);
  if (text == NULL || !icat_export_replace_file (paths[1], text, strlen (text), error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
export_backup (IcatWindow *self,
               GFile      *file)
{
  char *path = g_file_get_path (file);

  /* A file that is not in a folder here is the store's to write. */
  if (path == NULL)
    {
      icat_store_export_to_file_async (self->store, file, NULL, exported_cb, g_object_ref (self));
      return;
    }
  icat_store_read_async (self->store, export_thread,
                         g_strdupv ((char *[]) { (char *) icat_store_get_path (self->store), path, NULL }),
                         (GDestroyNotify) g_strfreev, NULL, ICAT_STORE_READ_DEFAULT, NULL,
                         exported_cb, g_object_ref (self));
  g_free (path);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  IcatWindow      *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    export_backup (self, file);
}

static void
export_backup_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  g_autoptr(GFile) named = _icat_window_take_document_file (self);
  GtkFileChooserNative *chooser = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "icat-tracker-%Y-%m-%d.json");

  if (named != NULL)
    {
      export_backup (self, named);
      return;
    }
  chooser = new_chooser (self, _("Export Backup"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import and restore: read, dry run, confirm, import. */

/* A problem in the file stays on screen, with its place in the file, until
 * the user has read it: a toast would vanish before the file is open in an
 * editor. */
static void
show_import_error (ImportRequest *request,
                   const GError  *error)
{
  g_autofree char *body = icat_import_error_describe (error->message, request->name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (request->window),
                                              request->replace ? _("The Backup Cannot Be Restored")
                                                               : _("The File Cannot Be Imported"),
                                              body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_add_css_class (dialog, "icat-import-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  IcatImportSummary summary;

  if (!icat_store_import_finish (ICAT_STORE (source), result, &summary, &error))
    show_import_error (request, error);
  else
    icat_window_toast (request->window, request->replace ? _("Backup restored") : _("Import finished"));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportRequest    *request)
{
  IcatWindow *self = request->window;

  if (g_str_equal (response, "import"))
    icat_store_import_async (self->store, request->document, request->name,
                             request->replace ? ICAT_IMPORT_REPLACE : ICAT_IMPORT_DEFAULT,
                             NULL, imported_cb, request);
  else
    import_request_free (request);
}

static char *
describe_summary (const IcatImportSummary *summary,
                  gboolean                 replace)
{
  const IcatImportCounts *total = &summary->total;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("New records: %u\nRecords updated: %u\nStored records kept because they are newer: %u"),
                          total->added, total->updated, total->kept);
  if (replace)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Records removed: %u"), total->removed);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
dry_run_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ImportRequest *request = user_data;
  IcatWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  IcatImportSummary summary;
  GtkWidget *dialog;

  if (!icat_store_import_finish (ICAT_STORE (source), result, &summary, &error))
    {
      show_import_error (request, error);
      import_request_free (request);
      return;
    }
  body = describe_summary (&summary, request->replace);
  if (request->replace)
    {
      g_autofree char *warning = g_strdup_printf ("%s\n\n%s",
                                                  _("Everything in this database is replaced by the backup. Changes made since the backup are lost."),
                                                  body);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), warning);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "import", _("_Replace Everything"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import This File?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      show_import_error (request, error);
      import_request_free (request);
      return;
    }
  request->document = g_bytes_new_take (contents, length);
  icat_store_import_async (request->window->store, request->document, request->name,
                           ICAT_IMPORT_DRY_RUN | (request->replace ? ICAT_IMPORT_REPLACE : 0),
                           NULL, dry_run_cb, request);
}

static void
import_file (IcatWindow *self,
             GFile      *file,
             gboolean    replace)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->window = g_object_ref (self);
  request->name = g_file_get_basename (file);
  request->replace = replace;
  g_file_load_contents_async (file, NULL, file_loaded_cb, request);
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  IcatWindow      *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  import_file (self, file, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "replace")));
}

static void
choose_import (IcatWindow *self,
               gboolean    replace)
{
  g_autoptr(GFile) named = _icat_window_take_document_file (self);
  GtkFileChooserNative *chooser;

  if (named != NULL)
    {
      import_file (self, named, replace);
      return;
    }
  chooser = new_chooser (self, replace ? _("Restore Backup") : _("Import"),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  g_object_set_data (G_OBJECT (chooser), "replace", GINT_TO_POINTER (replace));
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_import (ICAT_WINDOW (widget), FALSE);
}

static void
restore_backup_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_import (ICAT_WINDOW (widget), TRUE);
}

void
_icat_window_class_init_backup (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-backup", NULL, export_backup_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_activated);
}
