/* icat-cli.c — icat-tracker-cli: ICAT Tracker's data without a display
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "icat-store.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static int
fail (GError *error)
{
  g_printerr ("icat-tracker-cli: %s\n", error->message);
  return EXIT_FAILED;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("icat-tracker-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* Files are replaced whole, so a failed export never leaves half a file. */
static gboolean
write_output (const char  *output,
              const char  *text,
              GError     **error)
{
  if (output == NULL || strcmp (output, "-") == 0)
    {
      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  {
    g_autofree char *folder = g_path_get_dirname (output);

    /* Said here, or the message would name the temporary file. */
    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Cannot write “%s”: the folder “%s” does not exist"), output, folder);
        return FALSE;
      }
  }
  return g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static IcatStore *
open_store (const char  *database,
            GError     **error)
{
  g_autofree char *path = database ? g_strdup (database) : icat_store_default_path ();

  if (database == NULL && g_getenv ("ICAT_TRACKER_DB") == NULL)
    {
      /* The installed default lives in the user's data folder. */
      g_autofree char *folder = g_path_get_dirname (path);

      g_mkdir_with_parents (folder, 0700);
    }
  return icat_store_open (path, error);
}

static int
command_export (const char  *database,
                int          argc,
                char       **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int year = 0;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (the whole database)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (default: standard output)"), N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only that year (CSV and iCalendar)"), N_("YYYY") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start CSV with a byte-order mark"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export the database"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autofree char *text = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("JSON export is the whole database: a backup that import --replace restores exactly."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument"));
  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0)
    {
      g_printerr (_("icat-tracker-cli: the export format “%s” is not available; use json\n"), format);
      return EXIT_USAGE;
    }

  store = open_store (database, &error);
  if (store == NULL)
    return fail (error);
  text = icat_store_export_json (store, g_getenv ("ICAT_TRACKER_EXPORTED_AT"), &error);
  if (text == NULL || !write_output (output, text, &error))
    return fail (error);
  return EXIT_OK;
}

static void
print_summary (const IcatImportSummary *summary,
               gboolean                 replace,
               gboolean                 dry_run)
{
  const IcatImportCounts *total = &summary->total;

  if (dry_run)
    g_print ("%s\n", _("Nothing was changed. The import would do this:"));
  g_print (_("Records added: %u; updated: %u; kept because the stored copy is newer: %u"),
           total->added, total->updated, total->kept);
  g_print ("\n");
  if (replace)
    {
      g_print (_("Records removed: %u"), total->removed);
      g_print ("\n");
    }
}

static int
command_import (const char  *database,
                int          argc,
                char       **argv)
{
  gboolean replace = FALSE;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Restore a backup: the database then holds the file’s records and nothing else"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file and say what would change, without changing anything"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — import a JSON exchange document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  IcatImportSummary summary;
  gsize length = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Records are matched by id: a stored record is replaced when the file’s copy is as new or newer.\n"
                                  "The whole file is checked first; on any problem nothing is changed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Name one file to import"));

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return fail (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  store = open_store (database, &error);
  if (store == NULL)
    return fail (error);
  if (!icat_store_import (store, bytes, argv[1],
                          (replace ? ICAT_IMPORT_REPLACE : 0) | (dry_run ? ICAT_IMPORT_DRY_RUN : 0),
                          &summary, &error))
    return fail (error);
  print_summary (&summary, replace, dry_run);
  return EXIT_OK;
}

static int
command_check (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— check the database’s integrity and consistency"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_option_context_set_summary (context, _("Prints each problem found; exits 1 if there is any."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument"));

  store = open_store (database, &error);
  if (store == NULL)
    return fail (error);
  problems = icat_store_check (store, &error);
  if (problems == NULL)
    return fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) problems->pdata[i]);
  return problems->len == 0 ? EXIT_OK : EXIT_FAILED;
}

typedef struct {
  const char *name;
  int       (*run) (const char *database, int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "export", command_export, N_("Write the database as JSON") },
  { "import", command_import, N_("Read a JSON exchange document into the database") },
  { "check",  command_check,  N_("Check integrity and consistency") },
};

static char *
commands_description (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-8s %s", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s", _("“icat-tracker-cli COMMAND --help” describes each command."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: $ICAT_TRACKER_DB, or the one in your data folder)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  /* build-aux/dev points this at the build tree, so a build that is not
   * installed still speaks the user's language. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ICAT_TRACKER_LOCALEDIR") ? g_getenv ("ICAT_TRACKER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGS…] — ICAT Tracker from the command line"));
  description = commands_description ();
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Name a command"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *program = g_strdup_printf ("icat-tracker-cli %s", commands[i].name);

        g_set_prgname (program);
        return commands[i].run (database, argc - 1, argv + 1);
      }
  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

    return usage_error (context, message);
  }
}
