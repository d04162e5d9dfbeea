/* icat-cli-demo.c — icat-tracker-cli demo: years of made-up data to try
 * the app with, test it or time it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-cli-private.h"
#include "icat-demo.h"

/* "500" → 500; a usage message naming the option when text is not a
 * number from minimum to maximum. */
static gboolean
parse_count (const char  *option,
             const char  *text,
             guint64      minimum,
             guint64      maximum,
             guint64     *value,
             char       **message)
{
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, minimum, maximum, value, NULL))
    {
      g_autofree char *from = g_strdup_printf ("%" G_GUINT64_FORMAT, minimum);
      g_autofree char *to = g_strdup_printf ("%" G_GUINT64_FORMAT, maximum);

      /* Translators: e.g. "--items wants a number from 0 to 10000000, not “lots”" */
      *message = g_strdup_printf (_("%s wants a number from %s to %s, not “%s”"), option, from, to, text ? text : "");
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  char *years;
  char *meetings;
  char *items;
  char *seed;
  char *output;
} DemoOptions;

static void
demo_options_clear (DemoOptions *options)
{
  g_clear_pointer (&options->years, g_free);
  g_clear_pointer (&options->meetings, g_free);
  g_clear_pointer (&options->items, g_free);
  g_clear_pointer (&options->seed, g_free);
  g_clear_pointer (&options->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoOptions, demo_options_clear)

/* The sizes asked for, the ten years when none is given. */
static gboolean
demo_size (const DemoOptions  *options,
           IcatDemoSize       *size,
           char              **message)
{
  guint64 years = 10, meetings = 500, items = 100000, seed = 1;

  if ((options->years && !parse_count ("--years", options->years, 1, ICAT_DEMO_MAX_YEARS, &years, message)) ||
      (options->meetings && !parse_count ("--meetings", options->meetings, 0, ICAT_DEMO_MAX_MEETINGS, &meetings, message)) ||
      (options->items && !parse_count ("--items", options->items, 0, ICAT_DEMO_MAX_ITEMS, &items, message)) ||
      (options->seed && !parse_count ("--seed", options->seed, 0, G_MAXUINT64, &seed, message)))
    return FALSE;
  size->years = (guint) years;
  size->meetings = (guint) meetings;
  size->items = (guint) items;
  size->seed = seed;
  return TRUE;
}

int
icat_cli_command_demo (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_auto(DemoOptions) options = { NULL, };
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_STRING, &options.years, N_("How many years, ending with 2025 (default: 10)"), N_("N") },
    { "meetings", 0, 0, G_OPTION_ARG_STRING, &options.meetings, N_("How many meetings (default: 500)"), N_("N") },
    { "items", 0, 0, G_OPTION_ARG_STRING, &options.items, N_("How many action items (default: 100000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &options.seed, N_("The same seed gives the same file (default: 1)"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("Write to FILE (default: standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write made-up data as a JSON exchange document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autofree char *message = NULL;
  IcatDemoSize size;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Meetings with agendas, minutes, attendance and decisions, papers, work plans and action items "
                                  "in English and Chinese, for the built-in agencies and mandates. "
                                  "Import the file into a new database to try the app with years of data."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  if (!demo_size (&options, &size, &message))
    return icat_cli_usage_error (message);
  if (!icat_cli_check_output (options.output, &error))
    return icat_cli_fail (error);

  document = icat_demo_document (&size, &error);
  if (document == NULL)
    return icat_cli_fail (error);
  if (!icat_cli_write_output (options.output, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &error))
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}
