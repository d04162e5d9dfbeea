/* icat-window-reports.c — reports drafted from the records, from anywhere in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "win.export-report" ((report, first year, last year), a year 0 for this
 * year; the reports are icat-reports.c's): the user picks the file — PDF to
 * send, OpenDocument to edit — and the year or the period in the file
 * chooser; the report is drafted and written on a worker thread with a
 * connection of its own, in one snapshot of the records, and the ending is
 * told in a toast.
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-document-language.h"
#include "icat-export.h"
#include "icat-reports.h"
#include "icat-today.h"
#include "icat-window-private.h"
#include "icat-work-plan-view.h"

#define FIRST_YEAR 2006   /* ICAT's first */

/* How the app asks for each report. */
typedef struct {
  const char *name;
  const char *chooser_title;
  const char *file_name;   /* the year, or the period's "first–last", follows it */
} ReportWords;

static const ReportWords report_words[] = {
  /* Translators: the file name a coverage report is saved as, before its year */
  { "coverage", N_("Export Coverage Report"), N_("Coverage of ICAT’s mandates") },
  /* Translators: the file name the contribution to the Secretary-General's report is saved as, before its period */
  { "sg", N_("Export Secretary-General Report"), N_("ICAT contribution to the Secretary-General’s report") },
  /* Translators: the file name a handover pack is saved as, before the outgoing chairs' year */
  { "handover", N_("Export Chair’s Handover Pack"), N_("Chair’s handover pack") },
};

typedef struct {
  IcatWindow           *window;
  char                 *database;
  const IcatReportKind *kind;
  const ReportWords    *words;
  int                   from_year;
  int                   to_year;
  IcatPaperSize         paper;
  IcatReportFormat      format;
  char                 *output;
} ReportExport;

static void
report_export_free (ReportExport *export)
{
  g_object_unref (export->window);
  g_free (export->database);
  g_free (export->output);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportExport, report_export_free)

/* The file's bytes, drafted on the worker from its own connection. */
static gpointer
draft_thread (IcatDb        *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ReportExport *export = data;
  g_autoptr(GBytes) bytes = icat_report_draft (db, export->kind, export->from_year, export->to_year,
                                               export->format, export->paper, error);

  /* The file chooser lets anyone pick the database itself. */
  if (bytes == NULL || !icat_export_check_not_database (export->output, export->database, error)
      || !icat_export_replace_file (export->output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  return g_steal_pointer (&bytes);
}

static void
toast_written (ReportExport *export,
               const GError *error)
{
  g_autofree char *name = g_filename_display_basename (export->output);
  g_autofree char *message = NULL;

  if (error == NULL)
    /* Translators: a toast; %s is the file's name */
    message = g_strdup_printf (_("Report saved as “%s”"), name);
  else
    message = g_strdup_printf (_("The report could not be saved: %s"), error->message);
  icat_window_toast (export->window, message);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ReportExport) export = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = icat_store_read_finish (result, &error);
  toast_written (export, error);
}

/* Another language than the app's: icat-tracker-cli drafts the report,
 * for the years, format and paper chosen. */
static void
write_report_in_language (ReportExport *export,
                          const char   *language)
{
  g_autofree char *from = g_strdup_printf ("%d", export->from_year);
  g_autofree char *to = g_strdup_printf ("%d", export->to_year);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;

  g_strv_builder_add_many (builder, "report", export->kind->name, NULL);
  if (export->kind->spans_years)
    g_strv_builder_add_many (builder, "--from", from, "--to", to, NULL);
  else
    g_strv_builder_add_many (builder, "--year", from, NULL);
  g_strv_builder_add_many (builder, "--format", export->format == ICAT_REPORT_ODT ? "odt" : "pdf", NULL);
  icat_document_language_add_options (builder, export->paper, NULL, ICAT_EXPORT_DEFAULT);
  command = g_strv_builder_end (builder);
  icat_document_language_write (export->database, (const char * const *) command, language, export->output,
                                (IcatDocumentWritten) toast_written, export, (GDestroyNotify) report_export_free);
}

/* language: NULL for the app's own. */
static void
write_report (ReportExport *export,
              GFile        *file,
              const char   *language)
{
  export->output = g_file_get_path (file);
  if (export->output == NULL)
    {
      icat_window_toast (export->window, _("The report can only be saved in a folder on this computer."));
      report_export_free (export);
      return;
    }
  /* The name says the format: an .odt to edit, a PDF otherwise. */
  export->format = g_str_has_suffix (export->output, ".odt") ? ICAT_REPORT_ODT : ICAT_REPORT_PDF;
  if (language != NULL)
    {
      write_report_in_language (export, language);
      return;
    }
  icat_store_read_async (export->window->store, draft_thread, export, NULL, (GDestroyNotify) g_bytes_unref,
                         ICAT_STORE_READ_DEFAULT, NULL, written_cb, export);
}

static char *
suggested_name (const ReportExport *export)
{
  const char *name = _(export->words->file_name);

  if (export->kind->spans_years && export->to_year != export->from_year)
    return g_strdup_printf ("%s %d–%d.pdf", name, export->from_year, export->to_year);
  return g_strdup_printf ("%s %d.pdf", name, export->from_year);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ReportExport    *export)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *language = icat_document_language_get_choice (GTK_FILE_CHOOSER (chooser));
  const char *from = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "from");
  /* Only a report on a period has a last year to choose. */
  const char *to = export->kind->spans_years ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "to") : NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      report_export_free (export);
      return;
    }
  if (from != NULL)
    export->from_year = (int) g_ascii_strtoll (from, NULL, 10);
  export->to_year = to != NULL ? (int) g_ascii_strtoll (to, NULL, 10) : export->from_year;
  /* A period chosen backwards is still the period meant. */
  if (export->to_year < export->from_year)
    {
      int first = export->to_year;

      export->to_year = export->from_year;
      export->from_year = first;
    }
  write_report (export, file, language);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* A year of the report, among the years ICAT has had, newest first. The
 * year asked for is this year unless a caller says otherwise, and this year
 * is the first option: GTK 4.8's own file chooser dialog shows its first
 * option whatever gtk_file_chooser_set_choice () chose, while answering the
 * chosen one. */
static void
add_year_choice (GtkFileChooser *chooser,
                 const char     *id,
                 const char     *label,
                 int             year,
                 int             this_year)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chosen = g_strdup_printf ("%d", year);

  for (int y = MAX (this_year, year); y >= FIRST_YEAR; y--)
    g_ptr_array_add (options, g_strdup_printf ("%d", y));
  g_ptr_array_add (options, NULL);
  gtk_file_chooser_add_choice (chooser, id, label, (const char **) options->pdata, (const char **) options->pdata);
  gtk_file_chooser_set_choice (chooser, id, chosen);
}

static void
choose_file (ReportExport *export,
             int           this_year)
{
  IcatWindow *self = export->window;
  g_autofree char *name = suggested_name (export);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_(export->words->chooser_title), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  GtkFileChooser *file_chooser = GTK_FILE_CHOOSER (chooser);

  add_filter (file_chooser, _("PDF documents"), "pdf", "application/pdf");
  add_filter (file_chooser, _("OpenDocument text, to edit"), "odt", "application/vnd.oasis.opendocument.text");
  gtk_file_chooser_set_current_name (file_chooser, name);
  if (export->kind->spans_years)
    {
      /* Translators: the first year of a report's period, in its file chooser */
      add_year_choice (file_chooser, "from", C_("period", "From"), export->from_year, this_year);
      /* Translators: the last year of a report's period, in its file chooser */
      add_year_choice (file_chooser, "to", C_("period", "To"), export->to_year, this_year);
    }
  else
    add_year_choice (file_chooser, "from", _("Year"), export->from_year, this_year);
  icat_document_language_add_choice (file_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), export);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const ReportWords *
words_for (const IcatReportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_words); i++)
    if (g_str_equal (report_words[i].name, kind->name))
      return &report_words[i];
  return NULL;
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  ReportExport *export;
  g_autoptr(GFile) file = NULL;
  g_autofree char *today = icat_today_string ();
  int this_year = (int) g_ascii_strtoll (today, NULL, 10);
  const IcatReportKind *kind;
  const char *name;
  int from_year, to_year;

  g_variant_get (parameter, "(&sii)", &name, &from_year, &to_year);
  kind = icat_report_kind_find (name);
  g_return_if_fail (kind != NULL && words_for (kind) != NULL);
  export = g_new0 (ReportExport, 1);
  export->window = g_object_ref (self);
  export->database = g_strdup (icat_store_get_path (self->store));
  export->kind = kind;
  export->words = words_for (kind);
  export->from_year = from_year > 0 ? from_year : this_year;
  export->to_year = kind->spans_years && to_year > 0 ? to_year : export->from_year;
  export->paper = icat_paper_size_from_settings (self->settings);
  /* Tests cannot answer a file chooser: they name the file beforehand. */
  file = _icat_window_take_document_file (self);
  if (file != NULL)
    write_report (export, file, NULL);
  else
    choose_file (export, this_year);
}

void
_icat_window_class_init_reports (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", "(sii)", export_report_activated);
}
