/* icat-cli-report.c — icat-tracker-cli report: drafts written from the records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each report comes as PDF, to send, or as OpenDocument Text, to edit in
 * Word or LibreOffice: the format follows --format, or else the output
 * file's name.
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>
#include "icat-cli-private.h"
#include "icat-reports.h"

typedef struct {
  char *year;
  char *format;
  char *paper;
  char *output;
} ReportOptions;

static void
report_options_clear (ReportOptions *options)
{
  g_free (options->year);
  g_free (options->format);
  g_free (options->paper);
  g_free (options->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

static char *
check_format (const ReportOptions *options,
              IcatReportFormat        *format,
              IcatPaperSize       *paper)
{
  if (options->output == NULL)
    return g_strdup (_("Name the report’s file with -o FILE.pdf or -o FILE.odt (or -o - with --format)"));
  if (options->format != NULL)
    {
      if (g_ascii_strcasecmp (options->format, "pdf") == 0)
        *format = ICAT_REPORT_PDF;
      else if (g_ascii_strcasecmp (options->format, "odt") == 0)
        *format = ICAT_REPORT_ODT;
      else
        /* Translators: %s is the format asked for */
        return g_strdup_printf (_("Unknown report format “%s”; use pdf or odt"), options->format);
    }
  else if (g_str_has_suffix (options->output, ".odt") || g_str_has_suffix (options->output, ".ODT"))
    *format = ICAT_REPORT_ODT;
  else if (g_str_has_suffix (options->output, ".pdf") || g_str_has_suffix (options->output, ".PDF"))
    *format = ICAT_REPORT_PDF;
  else
    return g_strdup (_("Say which format the report is in with --format pdf or --format odt"));

  if (options->paper == NULL || g_ascii_strcasecmp (options->paper, "a4") == 0)
    *paper = ICAT_PAPER_A4;
  else if (g_ascii_strcasecmp (options->paper, "letter") == 0)
    *paper = ICAT_PAPER_LETTER;
  else
    /* Translators: %s is the paper size asked for */
    return g_strdup_printf (_("Unknown paper size “%s”; use a4 or letter"), options->paper);
  return NULL;
}

static int
write_coverage (const char          *database,
                const ReportOptions *options,
                int                  year,
                IcatReportFormat         format,
                IcatPaperSize        paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_cli_open_snapshot_for (database, options->output, &error);
  g_autoptr(IcatReportDoc) doc = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (db == NULL)
    return icat_cli_fail (error);
  doc = icat_report_coverage_new (db, year, &error);
  if (doc != NULL)
    date = icat_report_records_date (db, &error);
  icat_db_end_snapshot (db);
  if (date == NULL || (bytes = icat_report_doc_render (doc, format, paper, date, &error)) == NULL
      || !icat_cli_write_output (options->output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

static int
command_coverage (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_auto(ReportOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year, N_("The year of the work (required)"), N_("YYYY") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("pdf, or odt to edit it (the default: from the file’s name)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper, N_("Paper size of a PDF: a4 (the default) or letter"),
      N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the report to FILE (“-” for standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write the coverage of the mandates in a year"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IcatReportFormat format = ICAT_REPORT_PDF;
  IcatPaperSize paper = ICAT_PAPER_A4;
  int year = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Each paragraph of the mandates, the year’s action items, papers and "
                                           "meetings linked to it, and the paragraphs with no work."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  if (options.year == NULL)
    message = g_strdup (_("Name the year of the report with --year YYYY"));
  else if (!icat_cli_parse_year (options.year, &year, &message))
    g_assert (message != NULL);
  else
    message = check_format (&options, &format, &paper);
  if (message != NULL)
    return icat_cli_usage_error (message);
  return write_coverage (database, &options, year, format, paper);
}

int
icat_cli_command_report (const char  *database,
                         int          argc,
                         char       **argv)
{
  g_autofree char *message = NULL;

  if (argc < 2)
    return icat_cli_usage_error (_("Name the report to write: coverage"));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n  %-9s %s\n", _("Usage: icat-tracker-cli report REPORT [OPTION…]"), "coverage",
               _("The coverage of the mandates in a year"));
      return ICAT_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "coverage"))
    return command_coverage (database, argc - 1, argv + 1);
  /* Translators: %s is the report asked for */
  message = g_strdup_printf (_("Unknown report “%s”; use coverage"), argv[1]);
  return icat_cli_usage_error (message);
}
