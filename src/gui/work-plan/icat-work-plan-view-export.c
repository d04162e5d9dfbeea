/* icat-work-plan-view-export.c — the Work plan section's Export PDF… and Print…
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export PDF… lays the plan out again on a worker thread, with a read-only
 * connection of its own, so no page is ever drawn by two threads at once;
 * Print… replays the pages the preview shows.
 */
#define G_LOG_DOMAIN "icat-work-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-document-language.h"
#include "icat-export.h"
#include "icat-work-plan-view-private.h"
#include "icat-toast.h"

static gpointer
export_thread (IcatDb        *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  IcatWorkPlanLayout *layout = data;
  g_autoptr(IcatDocument) document = NULL;

  /* The file chooser lets anyone pick the database itself. */
  if (icat_export_check_not_database (layout->output, layout->path, error))
    document = _icat_work_plan_lay_out (db, layout, error);
  if (document == NULL || !icat_document_write_pdf_file (document, layout->output, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

typedef struct {
  IcatWorkPlanView *view;
  char             *output;
} Exported;

static void
exported_free (Exported *exported)
{
  g_object_unref (exported->view);
  g_free (exported->output);
  g_free (exported);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Exported, exported_free)

static void
toast_exported (Exported     *exported,
                const GError *error)
{
  g_autofree char *name = g_filename_display_basename (exported->output);
  g_autofree char *message = NULL;

  if (error == NULL)
    /* Translators: a toast after Export PDF; %s is the file's name */
    message = g_strdup_printf (_("Work plan saved as “%s”"), name);
  else
    message = g_strdup_printf (_("The work plan could not be saved: %s"), error->message);
  icat_toast (GTK_WIDGET (exported->view), message);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Exported) exported = user_data;
  g_autoptr(GError) error = NULL;

  icat_store_read_finish (result, &error);
  toast_exported (exported, error);
}

/* Another language than the app's: icat-tracker-cli writes the plan, with
 * the year, grouping, paper and sections chosen here. */
static void
export_pdf_in_language (IcatWorkPlanView *self,
                        const char       *output,
                        const char       *language)
{
  IcatWorkPlanLayout *layout = _icat_work_plan_layout_new (self);
  g_autofree char *year = g_strdup_printf ("%d", layout->year);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;
  Exported *exported = g_new0 (Exported, 1);

  g_strv_builder_add_many (builder, "workplan", "--year", year,
                           "--group-by", layout->group_by == ICAT_GROUP_BY_MANDATE ? "mandate" : "pillar", NULL);
  icat_document_language_add_options (builder, layout->paper, icat_work_plan_sections, layout->sections);
  command = g_strv_builder_end (builder);
  exported->view = g_object_ref (self);
  exported->output = g_strdup (output);
  icat_document_language_write (layout->path, (const char * const *) command, language, output,
                                (IcatDocumentWritten) toast_exported, exported, (GDestroyNotify) exported_free);
  _icat_work_plan_layout_free (layout);
}

void
icat_work_plan_view_export_pdf (IcatWorkPlanView *self,
                                GFile            *file)
{
  IcatWorkPlanLayout *layout;
  Exported *exported;

  g_return_if_fail (ICAT_IS_WORK_PLAN_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  layout = _icat_work_plan_layout_new (self);
  layout->output = g_file_get_path (file);
  if (layout->output == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("The work plan can only be saved in a folder on this computer."));
      _icat_work_plan_layout_free (layout);
      return;
    }
  exported = g_new0 (Exported, 1);
  exported->view = g_object_ref (self);
  exported->output = g_strdup (layout->output);
  icat_store_read_async (self->store, export_thread, layout, (GDestroyNotify) _icat_work_plan_layout_free, NULL,
                         ICAT_STORE_READ_DEFAULT, NULL, exported_cb, exported);
}

static void
export_chosen_cb (IcatWorkPlanView *self,
                  int               response)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_autofree char *language = icat_document_language_get_choice (GTK_FILE_CHOOSER (self->chooser));
  g_autofree char *output = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && language != NULL && output != NULL)
    export_pdf_in_language (self, output, language);
  else if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    icat_work_plan_view_export_pdf (self, file);
  g_clear_object (&self->chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatWorkPlanView *self = ICAT_WORK_PLAN_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Work Plan"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  icat_document_language_add_choice (GTK_FILE_CHOOSER (self->chooser));
  /* Translators: the file name Export PDF suggests; %d is the year */
  name = g_strdup_printf (_("ICAT work plan %d.pdf"), self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_done_cb (IcatWorkPlanView        *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      icat_toast (GTK_WIDGET (self), error ? error->message : _("The work plan could not be printed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  if (self->printing == operation)
    g_clear_object (&self->printing);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IcatWorkPlanView *self = ICAT_WORK_PLAN_VIEW (widget);
  IcatDocumentHandle *handle = icat_document_preview_get_document (self->preview);
  g_autoptr(GError) error = NULL;

  if (handle == NULL || self->printing != NULL)
    return;
  self->printing = icat_document_handle_new_print_operation (handle);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (self->printing, self->print_settings);
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  gtk_print_operation_set_current_page (self->printing, (int) icat_document_preview_get_current_page (self->preview));
  g_signal_connect_object (self->printing, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      icat_toast (GTK_WIDGET (self), error->message);
      g_clear_object (&self->printing);
    }
}

gboolean
_icat_work_plan_view_print_to_file (IcatWorkPlanView *self,
                                    const char       *path,
                                    GError          **error)
{
  IcatDocumentHandle *handle;
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), FALSE);
  handle = icat_document_preview_get_document (self->preview);
  g_return_val_if_fail (handle != NULL, FALSE);
  operation = icat_document_handle_new_print_operation (handle);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
_icat_work_plan_view_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "work-plan.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "work-plan.export", NULL, export_activated);
}
