/* icat-window-documents.c — a meeting's record as a PDF, from anywhere in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "win.export-meeting-record" (the meeting's id): the record is laid out on
 * a worker thread with a connection of its own, so an unknown meeting is
 * reported before anybody picks a file; then the user picks the file and
 * the sections to include (remembered for the next record; other sections
 * than those laid out mean a second layout), and the PDF is written on a
 * worker thread. Each ending is told in a toast.
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-document.h"
#include "icat-document-language.h"
#include "icat-work-plan-view.h"
#include "icat-window-private.h"
#include "icat-fields.h"

/* Tests cannot answer a file chooser: they name the file beforehand. */
typedef struct {
  IcatWindow    *window;
  char          *database;
  char          *meeting_id;
  IcatPaperSize  paper;
  IcatExportFlags sections; /* the sections left out */
  IcatDocument  *document;  /* laid out on the worker thread */
  char          *output;
} RecordExport;

static void
record_export_free (RecordExport *export)
{
  g_object_unref (export->window);
  g_free (export->database);
  g_free (export->meeting_id);
  g_clear_pointer (&export->document, icat_document_free);
  g_free (export->output);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecordExport, record_export_free)

void
_icat_window_set_document_file (IcatWindow *self,
                                GFile      *file)
{
  g_return_if_fail (ICAT_IS_WINDOW (self));
  g_set_object (&self->document_file, file);
}

GFile *
_icat_window_take_document_file (IcatWindow *self)
{
  g_return_val_if_fail (ICAT_IS_WINDOW (self), NULL);
  return g_steal_pointer (&self->document_file);
}

/* "Working Group, spring, 2016-03-15.pdf": the meeting's title and the day
 * (or month, or year, as precisely as it is known) where it takes place. */
static char *
suggested_name (IcatStore  *store,
                const char *meeting_id)
{
  g_autoptr(IcatRecord) meeting = icat_store_lookup (store, "meeting", meeting_id);
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *date = NULL;
  const char *precision;
  char *name;

  if (meeting == NULL)
    return g_strdup (_("Meeting record.pdf"));
  if (icat_record_get_string (meeting, ICAT_KEY_STARTS_AT) != NULL)
    starts = g_date_time_new_from_iso8601 (icat_record_get_string (meeting, ICAT_KEY_STARTS_AT), NULL);
  if (icat_record_get_string (meeting, ICAT_KEY_TIMEZONE) != NULL)
    zone = g_time_zone_new_identifier (icat_record_get_string (meeting, ICAT_KEY_TIMEZONE));
  if (starts != NULL)
    local = zone ? g_date_time_to_timezone (starts, zone) : g_date_time_ref (starts);
  precision = icat_record_get_string (meeting, ICAT_KEY_DATE_PRECISION);
  if (local != NULL)
    date = g_date_time_format (local, g_strcmp0 (precision, "year") == 0 ? "%Y"
                                      : g_strcmp0 (precision, "month") == 0 ? "%Y-%m" : "%Y-%m-%d");
  if (date == NULL)
    name = g_strdup_printf ("%s.pdf", icat_record_get_title (meeting));
  else
    /* Translators: the file name a meeting record is saved as: the meeting's title, then its date */
    name = g_strdup_printf (_("%s, %s.pdf"), icat_record_get_title (meeting), date);
  /* A title may hold characters file systems refuse: "1/2", "Q&A: …". */
  return g_strdelimit (name, "/\\:*?\"<>|\n\t", '-');
}

static void
toast_written (RecordExport *export,
               const GError *error)
{
  g_autofree char *name = g_filename_display_basename (export->output);
  g_autofree char *message = NULL;

  if (error == NULL)
    /* Translators: a toast; %s is the file's name */
    message = g_strdup_printf (_("Meeting record saved as “%s”"), name);
  else
    message = g_strdup_printf (_("The meeting record could not be saved: %s"), error->message);
  icat_window_toast (export->window, message);
}

/* On the main thread: the export, and the window it holds, end here. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RecordExport) export = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  toast_written (export, error);
}

/* Another language than the app's: icat-tracker-cli writes the record,
 * with the paper and the sections chosen. */
static void
write_record_in_language (RecordExport *export,
                          const char   *language)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;

  g_strv_builder_add_many (builder, "minutes", export->meeting_id, NULL);
  icat_document_language_add_options (builder, export->paper, icat_meeting_record_sections, export->sections);
  command = g_strv_builder_end (builder);
  icat_document_language_write (export->database, (const char * const *) command, language, export->output,
                                (IcatDocumentWritten) toast_written, export, (GDestroyNotify) record_export_free);
}

/* What the worker needs to write the PDF, and nothing of the window's: the
 * task may end on the worker's thread, where a window must not. */
typedef struct {
  IcatDocument *document;
  char         *output;
  char         *database;
} RecordWrite;

static void
record_write_free (RecordWrite *write)
{
  g_clear_pointer (&write->document, icat_document_free);
  g_free (write->output);
  g_free (write->database);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RecordWrite *write = task_data;
  GError *error = NULL;

  /* The file chooser lets anyone pick the database itself. */
  if (!icat_export_check_not_database (write->output, write->database, &error) ||
      !icat_document_write_pdf_file (write->document, write->output, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_record (RecordExport *export,
              GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  RecordWrite *write;

  export->output = g_file_get_path (file);
  if (export->output == NULL)
    {
      icat_window_toast (export->window, _("The meeting record can only be saved in a folder on this computer."));
      record_export_free (export);
      return;
    }
  write = g_new0 (RecordWrite, 1);
  write->document = g_steal_pointer (&export->document);
  write->output = g_strdup (export->output);
  write->database = g_strdup (export->database);
  /* No source object, the export as the callback's: the window is let go
   * by written_cb (), on the main thread. */
  task = g_task_new (NULL, NULL, written_cb, export);
  g_task_set_source_tag (task, write_record);
  g_task_set_task_data (task, write, (GDestroyNotify) record_write_free);
  g_task_run_in_thread (task, write_thread);
}

static void lay_out_record (RecordExport *export);

/* The sections the user left out, as the chooser's check boxes say, and
 * remembered for the next record. */
static IcatExportFlags
chosen_sections (RecordExport   *export,
                 GtkFileChooser *chooser)
{
  g_autoptr(GStrvBuilder) omitted = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; icat_meeting_record_sections[i].name != NULL; i++)
    if (g_strcmp0 (gtk_file_chooser_get_choice (chooser, icat_meeting_record_sections[i].name), "false") == 0)
      g_strv_builder_add (omitted, icat_meeting_record_sections[i].name);
  names = g_strv_builder_end (omitted);
  g_settings_set_strv (export->window->settings, "meeting-record-omitted-sections", (const char * const *) names);
  return icat_document_sections_flags (icat_meeting_record_sections, (const char * const *) names);
}

static void
record_file_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       RecordExport    *export)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *language = icat_document_language_get_choice (GTK_FILE_CHOOSER (chooser));
  IcatExportFlags sections;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      record_export_free (export);
      return;
    }
  sections = chosen_sections (export, GTK_FILE_CHOOSER (chooser));
  if (language != NULL && g_file_peek_path (file) != NULL)
    {
      export->sections = sections;
      export->output = g_file_get_path (file);
      write_record_in_language (export, language);
      return;
    }
  if (sections == export->sections)
    {
      write_record (export, file);
      return;
    }
  /* Other sections than those laid out: the record is laid out again,
   * then written to the file chosen. */
  export->sections = sections;
  export->output = g_file_get_path (file);
  if (export->output == NULL)
    {
      /* Not in a folder on this computer: write_record () says so. */
      write_record (export, file);
      return;
    }
  g_clear_pointer (&export->document, icat_document_free);
  lay_out_record (export);
}

/* A check box per section, as the user left them last time. */
static void
add_section_choices (RecordExport   *export,
                     GtkFileChooser *chooser)
{
  for (guint i = 0; icat_meeting_record_sections[i].name != NULL; i++)
    {
      const IcatDocumentSection *section = &icat_meeting_record_sections[i];

      gtk_file_chooser_add_choice (chooser, section->name, _(section->title), NULL, NULL);
      gtk_file_chooser_set_choice (chooser, section->name, (export->sections & section->omit) ? "false" : "true");
    }
}

static void
choose_record_file (RecordExport *export)
{
  IcatWindow *self = export->window;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self->store, export->meeting_id);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export Meeting Record"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_section_choices (export, GTK_FILE_CHOOSER (chooser));
  icat_document_language_add_choice (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (record_file_chosen_cb), export);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
laid_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RecordExport) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  export->document = icat_store_read_finish (result, &error);
  if (export->document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The meeting record could not be made: %s"), error->message);

      icat_window_toast (export->window, message);
      return;
    }
  if (export->output != NULL)
    {
      /* Laid out again with the sections chosen with the file. */
      file = g_file_new_for_path (export->output);
      g_clear_pointer (&export->output, g_free);
      write_record (g_steal_pointer (&export), file);
      return;
    }
  file = _icat_window_take_document_file (export->window);
  if (file != NULL)
    write_record (g_steal_pointer (&export), file);
  else
    choose_record_file (g_steal_pointer (&export));
}

/* On a worker thread, with a connection of its own; the store reads in one
 * snapshot, so an autosave meanwhile cannot tear the record. */
static gpointer
lay_out_thread (IcatDb        *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  RecordExport *export = data;

  /* Meant for agencies and Member States: no focal points' contacts. */
  return icat_document_new_meeting_record (db, export->meeting_id, export->paper, export->sections, error);
}

static void
lay_out_record (RecordExport *export)
{
  /* The worker only reads the request; the callback takes it on, after
   * the worker is done with it. */
  icat_store_read_async (export->window->store, lay_out_thread, export, NULL, (GDestroyNotify) icat_document_free,
                         ICAT_STORE_READ_DEFAULT, NULL, laid_out_cb, export);
}

static void
export_meeting_record_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  RecordExport *export = g_new0 (RecordExport, 1);
  g_auto(GStrv) omitted = g_settings_get_strv (self->settings, "meeting-record-omitted-sections");

  export->window = g_object_ref (self);
  export->database = g_strdup (icat_store_get_path (self->store));
  export->meeting_id = g_variant_dup_string (parameter, NULL);
  export->paper = icat_paper_size_from_settings (self->settings);
  export->sections = icat_document_sections_flags (icat_meeting_record_sections, (const char * const *) omitted);
  lay_out_record (export);
}

void
_icat_window_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-meeting-record", "s", export_meeting_record_activated);
}
