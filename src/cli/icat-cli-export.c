/* icat-cli-export.c — the commands that write documents: export, workplan, minutes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from the JSON backup (which goes through the store, as it always
 * has), these read through a connection that cannot write, so no failure
 * can change the database.
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "icat-cli-private.h"
#include "icat-document.h"
#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-exchange-export.h"
#include "icat-export.h"

typedef enum {
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_ICS,
} ExportFormat;

typedef struct {
  char     *format;
  char     *output;
  char     *year;
  char     *language;
  gboolean  bom;
  gboolean  raw;
  gboolean  include_contacts;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->year, g_free);
  g_clear_pointer (&options->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static gboolean
parse_format (const char   *name,
              ExportFormat *format)
{
  const char * const names[] = { "json", "csv", "ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *format = (ExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Options that do not apply to the format are refused, not ignored: a
 * --year on a backup would suggest the backup holds one year. */
static char *
check_export_options (ExportOptions *options,
                      ExportFormat  *format,
                      int           *year)
{
  char *message = NULL;

  if (!parse_format (options->format ? options->format : "json", format))
    /* Translators: %s is the format asked for */
    return g_strdup_printf (_("The export format “%s” is not available; use json, csv or ics"), options->format);
  if (options->year != NULL && *format == FORMAT_JSON)
    return g_strdup (_("--year does not apply to JSON export, which always holds the whole database"));
  if (options->language != NULL && *format == FORMAT_JSON)
    return g_strdup (_("--language does not apply to JSON export, which holds every language"));
  if (options->bom && *format != FORMAT_CSV)
    return g_strdup (_("--bom applies only to CSV (--format csv)"));
  if (options->raw && *format != FORMAT_CSV)
    return g_strdup (_("--raw applies only to CSV (--format csv)"));
  if (options->year != NULL && !icat_cli_parse_year (options->year, year, &message))
    return message;
  return icat_cli_use_language (options->language);
}

static gboolean
write_to_stdout (const char  *data,
                 gsize        length,
                 gpointer     user_data,
                 GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot write to standard output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_to_file (const char  *data,
               gsize        length,
               gpointer     user_data,
               GError     **error)
{
  return icat_export_file_write (user_data, data, length, error);
}

static gboolean
export_json_to_stdout (IcatDb  *db,
                       GError **error)
{
  if (!icat_exchange_export_to (db, g_getenv ("ICAT_TRACKER_EXPORTED_AT"), write_to_stdout, NULL, error))
    return FALSE;
  if (fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot write to standard output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Written as it is read; a file is replaced only once the document is
 * whole, as every output is (icat_cli_write_output). */
static gboolean
export_json_to_file (IcatDb      *db,
                     const char  *output,
                     GError     **error)
{
  g_autoptr(IcatExportFile) file = NULL;

  /* Again: the database may have been created since the first check. */
  if (!icat_cli_check_output (output, error))
    return FALSE;
  file = icat_cli_output_is_special (output) ? icat_export_file_new_in_place (output, error)
                                             : icat_export_file_new (output, error);
  return file != NULL &&
         icat_exchange_export_to (db, g_getenv ("ICAT_TRACKER_EXPORTED_AT"), write_to_file, file, error) &&
         icat_export_file_close (file, error);
}

static int
export_json (const char          *database,
             const ExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  gboolean written;

  if (!icat_cli_check_output (options->output, &error))
    return icat_cli_fail (error);
  /* Reading only, so a backup can be taken from read-only media; the
   * export is one read transaction. */
  db = icat_cli_open_read_only (database, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  if (options->output == NULL || strcmp (options->output, "-") == 0)
    written = export_json_to_stdout (db, &error);
  else
    written = export_json_to_file (db, options->output, &error);
  if (!written)
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

IcatDb *
icat_cli_open_snapshot_for (const char  *database,
                            const char  *output,
                            GError     **error)
{
  g_autoptr(IcatDb) db = NULL;

  if (!icat_cli_check_output (output, error))
    return NULL;
  db = icat_cli_open_read_only (database, error);
  if (db == NULL || !icat_db_begin_snapshot (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

static int
export_document (const char          *database,
                 const ExportOptions *options,
                 ExportFormat         format,
                 int                  year)
{
  IcatExportFlags flags = (options->bom ? ICAT_EXPORT_BOM : 0) |
                          (options->raw ? ICAT_EXPORT_RAW : 0) |
                          (options->include_contacts ? ICAT_EXPORT_INCLUDE_CONTACTS : 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GBytes) bytes = NULL;

  db = icat_cli_open_snapshot_for (database, options->output, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  if (format == FORMAT_CSV)
    bytes = icat_export_action_items_csv (db, year, flags, &error);
  else
    bytes = icat_export_meetings_ics (db, year, flags, &error);
  icat_db_end_snapshot (db);
  if (bytes == NULL ||
      !icat_cli_write_output (options->output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

int
icat_cli_command_export (const char  *database,
                         int          argc,
                         char       **argv)
{
  g_auto(ExportOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("json (the whole database; the default), csv (action items) or ics (meetings)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("Write to FILE (default: standard output)"), N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year, N_("Only that year: action items due then, meetings starting then"), N_("YYYY") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &options.bom, N_("Start CSV with a byte-order mark, for spreadsheets that need one"), NULL },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &options.raw,
      N_("Write CSV cells exactly as stored, even those a spreadsheet would run as a formula"), NULL },
    { "include-contacts", 0, 0, G_OPTION_ARG_NONE, &options.include_contacts,
      N_("Add focal points’ e-mail addresses and phone numbers to CSV and iCalendar"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export the database"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ExportFormat format = FORMAT_JSON;
  int year = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  icat_cli_add_language_option (context, &options.language);
  g_option_context_set_summary (context,
                                _("JSON export is the whole database: a backup that import --replace restores exactly.\n"
                                  "CSV holds the action items, one row each; iCalendar the meetings, one event each.\n"
                                  "Focal points’ e-mail addresses and phone numbers are left out of CSV and iCalendar\n"
                                  "unless --include-contacts is given.\n"
                                  "A CSV cell starting with =, +, -, @, a tab or a carriage return gets a leading\n"
                                  "apostrophe, so that a spreadsheet shows it as text instead of running it as a\n"
                                  "formula; --raw writes such cells unchanged."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  message = check_export_options (&options, &format, &year);
  if (message != NULL)
    return icat_cli_usage_error (message);

  if (format == FORMAT_JSON)
    return export_json (database, &options);
  return export_document (database, &options, format, year);
}

/* ------------------------------------------------------------------ */
/* PDF documents                                                        */

typedef struct {
  char     *output;
  char     *paper;
  char     *language;
  char    **omit;
  gboolean  include_contacts;
  IcatExportFlags omitted;  /* the sections --omit names */
} PdfOptions;

static void
pdf_options_clear (PdfOptions *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->paper, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->omit, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfOptions, pdf_options_clear)

/* omit_description lists the document's sections, as its --help says them. */
static void
add_pdf_options (GOptionContext *context,
                 PdfOptions     *options,
                 const char     *omit_description)
{
  /* Copied by GOption, so they may live on the stack. */
  const GOptionEntry entries[] = {
    { "omit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->omit, omit_description, N_("SECTION") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper, N_("Paper size: a4 (the default) or letter"), N_("SIZE") },
    { "include-contacts", 0, 0, G_OPTION_ARG_NONE, &options->include_contacts,
      N_("Add focal points’ e-mail addresses and phone numbers"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("Write the PDF to FILE (“-” for standard output)"), N_("FILE.pdf") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  icat_cli_add_language_option (context, &options->language);
}

/* The sections --omit names, among the document's; NULL when they are
 * right, or else what is wrong with them. */
static char *
check_omitted_sections (PdfOptions                *options,
                        const IcatDocumentSection *sections)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint s = 0; sections[s].name != NULL; s++)
    g_string_append_printf (names, "%s%s", s > 0 ? ", " : "", sections[s].name);
  for (guint i = 0; options->omit != NULL && options->omit[i] != NULL; i++)
    {
      const char * const one[] = { options->omit[i], NULL };
      IcatExportFlags flag = icat_document_sections_flags (sections, one);

      if (flag == ICAT_EXPORT_DEFAULT)
        /* Translators: the first %s is the section asked for, the second lists the document's: "activities, timeline" */
        return g_strdup_printf (_("Unknown section “%s”; use one of: %s"), options->omit[i], names->str);
      options->omitted |= flag;
    }
  return NULL;
}

static char *
check_pdf_options (PdfOptions                *options,
                   const IcatDocumentSection *sections,
                   IcatPaperSize             *paper)
{
  char *message = check_omitted_sections (options, sections);

  if (message != NULL)
    return message;

  if (options->paper == NULL || g_ascii_strcasecmp (options->paper, "a4") == 0)
    *paper = ICAT_PAPER_A4;
  else if (g_ascii_strcasecmp (options->paper, "letter") == 0)
    *paper = ICAT_PAPER_LETTER;
  else
    /* Translators: %s is the paper size asked for */
    return g_strdup_printf (_("Unknown paper size “%s”; use a4 or letter"), options->paper);
  /* A PDF on a terminal helps nobody: standard output only when asked. */
  if (options->output == NULL)
    return g_strdup (_("Name the PDF file with -o FILE.pdf (or -o - for standard output)"));
  return icat_cli_use_language (options->language);
}

/* Drawn into memory, then written as every output is (a file replaced
 * whole, keeping its mode; a pipe or device in place; never the database). */
static gboolean
write_pdf (IcatDocument  *document,
           const char    *output,
           GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (!icat_document_write_pdf (document, memory, NULL, error) ||
      !g_output_stream_close (memory, NULL, error))
    return FALSE;
  return icat_cli_write_output (output,
                                g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                error);
}

/* Lays out the document and writes it; document_new is one of the two
 * constructors, called with the connection. */
typedef IcatDocument *(*DocumentNew) (IcatDb *db, gpointer data, IcatPaperSize paper,
                                      IcatExportFlags flags, GError **error);

static int
write_document (const char       *database,
                const PdfOptions *options,
                IcatPaperSize     paper,
                DocumentNew       document_new,
                gpointer          data)
{
  IcatExportFlags flags = (options->include_contacts ? ICAT_EXPORT_INCLUDE_CONTACTS : 0) | options->omitted;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(IcatDocument) document = NULL;

  db = icat_cli_open_snapshot_for (database, options->output, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  document = document_new (db, data, paper, flags, &error);
  icat_db_end_snapshot (db);
  if (document == NULL || !write_pdf (document, options->output, &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

typedef struct {
  int         year;
  IcatGroupBy group_by;
} WorkPlanRequest;

/* As write_document (), but the pages go straight into the PDF: nothing
 * here shows them, so none is kept (a year of thousands of activities is
 * written in a fraction of the time and memory). */
static int
write_work_plan (const char            *database,
                 const PdfOptions      *options,
                 IcatPaperSize          paper,
                 const WorkPlanRequest *request)
{
  IcatExportFlags flags = (options->include_contacts ? ICAT_EXPORT_INCLUDE_CONTACTS : 0) | options->omitted;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  gboolean written;

  db = icat_cli_open_snapshot_for (database, options->output, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  written = icat_document_write_work_plan_pdf (db, request->year, request->group_by, paper, flags,
                                               memory, NULL, &error);
  icat_db_end_snapshot (db);
  if (!written || !g_output_stream_close (memory, NULL, &error) ||
      !icat_cli_write_output (options->output,
                              g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                              &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

static char *
check_group_by (const char  *text,
                IcatGroupBy *group_by)
{
  if (text == NULL || strcmp (text, "pillar") == 0)
    *group_by = ICAT_GROUP_BY_PILLAR;
  else if (strcmp (text, "mandate") == 0)
    *group_by = ICAT_GROUP_BY_MANDATE;
  else
    /* Translators: %s is the grouping asked for */
    return g_strdup_printf (_("Unknown grouping “%s”; use pillar or mandate"), text);
  return NULL;
}

int
icat_cli_command_workplan (const char  *database,
                           int          argc,
                           char       **argv)
{
  g_auto(PdfOptions) options = { 0 };
  g_autofree char *year = NULL;
  g_autofree char *group_by = NULL;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("The year of the plan (required)"), N_("YYYY") },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by,
      N_("Group activities by pillar (the default) or by mandate"), N_("pillar|mandate") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write a year’s work plan as PDF"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  WorkPlanRequest request = { 0 };
  IcatPaperSize paper = ICAT_PAPER_A4;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_pdf_options (context, &options, N_("Leave out a section: activities or timeline (again for another)"));
  g_option_context_set_summary (context, _("The year’s chairs, meetings, papers and action items, grouped, with a timeline."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  if (year == NULL)
    message = g_strdup (_("Name the year of the work plan with --year YYYY"));
  else if (!icat_cli_parse_year (year, &request.year, &message))
    g_assert (message != NULL);
  else
    message = check_group_by (group_by, &request.group_by);
  if (message == NULL)
    message = check_pdf_options (&options, icat_work_plan_sections, &paper);
  if (message != NULL)
    return icat_cli_usage_error (message);

  return write_work_plan (database, &options, paper, &request);
}

static IcatDocument *
meeting_record_new (IcatDb           *db,
                    gpointer          data,
                    IcatPaperSize     paper,
                    IcatExportFlags   flags,
                    GError          **error)
{
  const char *meeting_id = data;
  g_autoptr(GError) local_error = NULL;
  IcatDocument *document = icat_document_new_meeting_record (db, meeting_id, paper, flags, &local_error);

  if (g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
    {
      /* Said the same way whatever the layout code calls it. */
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND, _("No meeting has the id “%s”"), meeting_id);
      return NULL;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}

int
icat_cli_command_minutes (const char  *database,
                          int          argc,
                          char       **argv)
{
  g_auto(PdfOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MEETING_ID — write the record of a meeting as PDF"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IcatPaperSize paper = ICAT_PAPER_A4;

  add_pdf_options (context, &options,
                   N_("Leave out a section: attendance, agenda, decisions, action-items or attachments (again for "
                      "another)"));
  g_option_context_set_summary (context,
                                _("The meeting’s attendance, agenda with minutes, and decisions. "
                                  "“icat-tracker-cli export --format json” lists the meetings’ ids."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc != 2)
    return icat_cli_usage_error (_("Name one meeting by its id"));
  message = check_pdf_options (&options, icat_meeting_record_sections, &paper);
  if (message != NULL)
    return icat_cli_usage_error (message);

  return write_document (database, &options, paper, meeting_record_new, argv[1]);
}
