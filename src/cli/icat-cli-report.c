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
  char *from;
  char *to;
  char *format;
  char *paper;
  char *language;
  char *output;
} ReportOptions;

static void
report_options_clear (ReportOptions *options)
{
  g_free (options->year);
  g_free (options->from);
  g_free (options->to);
  g_free (options->format);
  g_free (options->paper);
  g_free (options->language);
  g_free (options->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

/* How each report of icat-reports.c is asked for on the command line. */
typedef struct {
  const char *name;
  const char *parameter_string;   /* after "report NAME [OPTION…]" in its --help */
  const char *summary;            /* its --help's paragraph */
  const char *listing;            /* its line in "report --help" */
} ReportWords;

static const ReportWords report_words[] = {
  { "coverage", N_("— write the coverage of the mandates in a year"),
    N_("Each paragraph of the mandates, the year’s action items, papers and meetings linked to it, and the "
       "paragraphs with no work."),
    N_("The coverage of the mandates in a year") },
  { "sg", N_("— write ICAT’s contribution to the Secretary-General’s report on a period"),
    N_("ICAT’s composition and chairs, its meetings with their decisions, the briefings for Member States, the "
       "papers published and the work on each paragraph of 72/195 addressed to ICAT, with the records in an annex."),
    N_("ICAT’s contribution to the Secretary-General’s report on a period") },
  { "handover", N_("— write the chair’s handover pack at the end of a year"),
    N_("The chairs of the year and the next, open action items by owner, papers in progress with their clearances, "
       "decisions still to implement, meetings planned, mandate paragraphs with no work and the chair rotation’s "
       "next proposals."),
    N_("The chair’s handover pack at the end of a year") },
};

static const ReportWords *
words_for (const IcatReportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_words); i++)
    if (g_str_equal (report_words[i].name, kind->name))
      return &report_words[i];
  g_assert_not_reached ();
}

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
  return icat_cli_use_language (options->language);
}

static int
write_report (const char           *database,
              const IcatReportKind *kind,
              const ReportOptions  *options,
              int                   from_year,
              int                   to_year,
              IcatReportFormat      format,
              IcatPaperSize         paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_cli_open_snapshot_for (database, options->output, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (db == NULL)
    return icat_cli_fail (error);
  bytes = icat_report_draft (db, kind, from_year, to_year, format, paper, &error);
  icat_db_end_snapshot (db);
  if (bytes == NULL
      || !icat_cli_write_output (options->output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}

/* --year Y, or --from Y --to Y for a report on a period; NULL when they are
 * right, or else what is wrong with them. */
static char *
check_years (const IcatReportKind *kind,
             const ReportOptions  *options,
             int                  *from_year,
             int                  *to_year)
{
  char *message = NULL;

  if (!kind->spans_years)
    {
      if (options->year == NULL)
        return g_strdup (_("Name the year of the report with --year YYYY"));
      if (!icat_cli_parse_year (options->year, from_year, &message))
        return message;
      *to_year = *from_year;
      return NULL;
    }
  if (options->from == NULL || options->to == NULL)
    return g_strdup (_("Name the years of the report with --from YYYY --to YYYY"));
  if (!icat_cli_parse_year_option ("--from", options->from, from_year, &message)
      || !icat_cli_parse_year_option ("--to", options->to, to_year, &message))
    return message;
  if (*to_year < *from_year)
    return g_strdup (_("--to names a year before --from"));
  return NULL;
}

static int
command_report (const char           *database,
                const IcatReportKind *kind,
                int                   argc,
                char                **argv)
{
  const ReportWords *words = words_for (kind);
  g_auto(ReportOptions) options = { 0 };
  const GOptionEntry year_entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year, N_("The year of the work (required)"), N_("YYYY") },
    { NULL }
  };
  const GOptionEntry period_entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from, N_("The period’s first year (required)"), N_("YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to, N_("The period’s last year (required)"), N_("YYYY") },
    { NULL }
  };
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("pdf, or odt to edit it (the default: from the file’s name)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper, N_("Paper size of a PDF: a4 (the default) or letter"),
      N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the report to FILE (“-” for standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_(words->parameter_string));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IcatReportFormat format = ICAT_REPORT_PDF;
  IcatPaperSize paper = ICAT_PAPER_A4;
  int from_year = 0, to_year = 0;

  g_option_context_add_main_entries (context, kind->spans_years ? period_entries : year_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  icat_cli_add_language_option (context, &options.language);
  g_option_context_set_summary (context, _(words->summary));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  message = check_years (kind, &options, &from_year, &to_year);
  if (message == NULL)
    message = check_format (&options, &format, &paper);
  if (message != NULL)
    return icat_cli_usage_error (message);
  return write_report (database, kind, &options, from_year, to_year, format, paper);
}

static char *
report_names (void)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  const IcatReportKind *kinds;
  guint n_kinds;

  kinds = icat_report_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_strv_builder_add (names, kinds[i].name);
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

static void
print_reports (void)
{
  const IcatReportKind *kinds;
  guint n_kinds;

  g_print ("%s\n", _("Usage: icat-tracker-cli report REPORT [OPTION…]"));
  kinds = icat_report_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_print ("  %-9s %s\n", kinds[i].name, _(words_for (&kinds[i])->listing));
}

int
icat_cli_command_report (const char  *database,
                         int          argc,
                         char       **argv)
{
  g_autofree char *names = report_names ();
  g_autofree char *message = NULL;
  const IcatReportKind *kind;

  if (argc < 2)
    {
      /* Translators: %s lists the reports: "coverage, sg, handover" */
      message = g_strdup_printf (_("Name the report to write: %s"), names);
      return icat_cli_usage_error (message);
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_reports ();
      return ICAT_CLI_EXIT_OK;
    }
  kind = icat_report_kind_find (argv[1]);
  if (kind != NULL)
    return command_report (database, kind, argc - 1, argv + 1);
  /* Translators: the first %s is the report asked for, the second lists the reports */
  message = g_strdup_printf (_("Unknown report “%s”; use one of: %s"), argv[1], names);
  return icat_cli_usage_error (message);
}
