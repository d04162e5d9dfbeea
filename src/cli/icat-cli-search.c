/* icat-cli-search.c — `icat-tracker-cli search`: Ctrl+F for scripts
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-cli-private.h"
#include "icat-fields.h"
#include "icat-record-io.h"
#include "icat-search.h"

/* As many as the window's search popover shows. */
#define DEFAULT_LIMIT 50
/* kind, id, date, title and the matching text, separated by tabs. */
static void
print_hit (IcatSearchHit *hit)
{
  g_autofree char *title = g_strdelimit (g_strdup (hit->title), "\t\r\n", ' ');

  g_print ("%s\t%s\t%s\t%s\t%s\n", hit->kind, hit->id, hit->date, title, hit->text);
}

int
icat_cli_command_search (const char  *database,
                         int          argc,
                         char       **argv)
{
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N records (default: 50)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("TERM… — find records by any words in them"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The same search as Ctrl+F in the window: records holding every word, those with\n"
                                  "every word in their title first. One record a line, separated by tabs: its kind,\n"
                                  "id, date, title and the text around the first match. Nothing found prints nothing."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc < 2)
    return icat_cli_usage_error (_("Give the words to search for"));
  if (limit < 1)
    return icat_cli_usage_error (_("--limit must be a number from 1 up"));
  query = g_strjoinv (" ", argv + 1);

  db = icat_cli_open_read_only (database, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  /* The search reads each hit's date and text in its own snapshot. */
  hits = icat_search_run (db, query, limit, NULL, &error);
  if (hits == NULL)
    return icat_cli_fail (error);
  for (guint i = 0; i < hits->len; i++)
    print_hit (hits->pdata[i]);
  return ICAT_CLI_EXIT_OK;
}
