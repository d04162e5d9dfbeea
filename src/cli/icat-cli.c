/* icat-cli.c — icat-tracker-cli: ICAT Tracker's data without a display
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "icat-cli-private.h"
#include "icat-error.h"
#include "icat-export.h"
#include "icat-seed.h"
#include "icat-install-dirs.h"
#include "icat-languages.h"

/* The command line's own usage errors come with its help. */
static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("icat-tracker-cli: %s\n\n%s", message, help);
  return ICAT_CLI_EXIT_USAGE;
}

int
icat_cli_fail (const GError *error)
{
  g_printerr ("icat-tracker-cli: %s\n", error->message);
  return ICAT_CLI_EXIT_FAILED;
}

/* A command's: one line, pointing to the command's help. */
int
icat_cli_usage_error (const char *message)
{
  g_autofree char *line = NULL;

  /* Translators: a mistake on the command line, e.g. "Unknown option --foo (see “icat-tracker-cli export --help”)" */
  line = g_strdup_printf (_("%s (see “%s --help”)"), message, g_get_prgname ());
  g_printerr ("icat-tracker-cli: %s\n", line);
  return ICAT_CLI_EXIT_USAGE;
}

IcatStore *
icat_cli_open_store (const char  *database,
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

IcatDb *
icat_cli_open_read_only (const char  *database,
                         GError     **error)
{
  g_autofree char *path = database ? g_strdup (database) : icat_store_default_path ();
  g_autoptr(GError) read_only_error = NULL;
  g_autoptr(IcatStore) store = NULL;
  IcatDb *db;

  if (g_str_has_prefix (path, "file:") || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = icat_db_open (path, ICAT_DB_READ_ONLY, NULL, &read_only_error);
      /* Only an empty or older database needs the store to set it up. */
      if (db != NULL || !g_error_matches (read_only_error, ICAT_ERROR, ICAT_ERROR_READ_ONLY))
        {
          if (db == NULL)
            g_propagate_error (error, g_steal_pointer (&read_only_error));
          return db;
        }
    }
  store = icat_cli_open_store (database, error);
  if (store == NULL)
    return NULL;
  icat_store_sync (store);
  g_clear_object (&store);
  return icat_db_open (path, ICAT_DB_READ_ONLY, NULL, error);
}

/* --database as given (NULL: the default), so that -o never names it. */
static const char *database_option;

gboolean
icat_cli_check_output (const char  *output,
                       GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;

  if (output == NULL || strcmp (output, "-") == 0)
    return TRUE;
  folder = g_path_get_dirname (output);
  /* Said here, or a message would name the temporary file. */
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write “%s”: the folder “%s” does not exist"), output, folder);
      return FALSE;
    }
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder"), output);
      return FALSE;
    }
  database = database_option ? g_strdup (database_option) : icat_store_default_path ();
  return icat_export_check_not_database (output, database, error);
}

static gboolean
write_stdout (const void  *data,
              gsize        length,
              GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot write to standard output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
icat_cli_output_is_special (const char *output)
{
  GStatBuf buf;

  return output == NULL || strcmp (output, "-") == 0 ||
         (g_stat (output, &buf) == 0 && !S_ISREG (buf.st_mode));
}

gboolean
icat_cli_write_output (const char  *output,
                       const void  *data,
                       gsize        length,
                       GError     **error)
{
  if (output == NULL || strcmp (output, "-") == 0)
    return write_stdout (data, length, error);
  /* Again: the database may have been created since the first check. */
  if (!icat_cli_check_output (output, error))
    return FALSE;
  if (icat_cli_output_is_special (output))
    return icat_export_write_in_place (output, data, length, error);
  return icat_export_replace_file (output, data, length, error);
}

gboolean
icat_cli_parse_year (const char  *text,
                     int         *year,
                     char       **message)
{
  return icat_cli_parse_year_option ("--year", text, year, message);
}

gboolean
icat_cli_parse_year_option (const char  *option,
                            const char  *text,
                            int         *year,
                            char       **message)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 2006, 2100, &value, NULL))
    {
      /* Translators: the first %s is an option (--year, --from, --to), the second what was given after it */
      *message = g_strdup_printf (_("%s wants a year from 2006 to 2100, not “%s”"), option, text ? text : "");
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

void
icat_cli_add_language_option (GOptionContext  *context,
                              char           **language)
{
  /* Copied by GOption, so they may live on the stack. */
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, language,
      N_("Write the document in LANGUAGE: ar, en, es, fr, ru or zh_CN (default: yours)"), N_("LANGUAGE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

char *
icat_cli_use_language (const char *language)
{
  g_autofree char *codes = NULL;
  const char *messages;

  if (language == NULL)
    return NULL;
  if (icat_language_find (language) == NULL)
    {
      codes = icat_language_codes ();
      /* Translators: the first %s is the language asked for, the second lists the choices: "ar, en, es, fr, ru, zh_CN" */
      return g_strdup_printf (_("Unknown language “%s”; use one of: %s"), language, codes);
    }
  /* gettext reads LANGUAGE again only once the locale is set again, and
   * not at all in the C locale, where C.UTF-8 lets it. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
  /* The month and day names too, where the system has the language's
   * locale: a French document from an Arabic desktop says "décembre",
   * not "ديسمبر". Without it, the user's own names stay. */
  setlocale (LC_TIME, icat_language_find (language)->locale);
  return NULL;
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
    return icat_cli_usage_error (error->message);
  if (argc != 2)
    return icat_cli_usage_error (_("Name one file to import"));

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return icat_cli_fail (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  store = icat_cli_open_store (database, &error);
  if (store == NULL)
    return icat_cli_fail (error);
  if (!icat_store_import (store, bytes, argv[1],
                          (replace ? ICAT_IMPORT_REPLACE : 0) | (dry_run ? ICAT_IMPORT_DRY_RUN : 0),
                          &summary, &error))
    return icat_cli_fail (error);
  print_summary (&summary, replace, dry_run);
  return ICAT_CLI_EXIT_OK;
}

static int
command_check (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— check the database’s integrity and consistency"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  g_option_context_set_summary (context, _("Prints each problem found; exits 1 if there is any."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));

  /* A check only reads, so it works on read-only media. */
  db = icat_cli_open_read_only (database, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  problems = icat_check_database (db, &error);
  if (problems == NULL)
    return icat_cli_fail (error);
  /* Built-in records someone changed are the user's to keep: told, not failed. */
  warnings = icat_seed_differences (db, &error);
  if (warnings == NULL)
    return icat_cli_fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) problems->pdata[i]);
  for (guint i = 0; i < warnings->len; i++)
    g_print ("%s\n", (const char *) warnings->pdata[i]);
  return problems->len == 0 ? ICAT_CLI_EXIT_OK : ICAT_CLI_EXIT_FAILED;
}

typedef struct {
  const char *name;
  int       (*run) (const char *database, int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "export",   icat_cli_command_export,   N_("Write the database as JSON, action items as CSV or meetings as iCalendar") },
  { "import",   command_import,            N_("Read a JSON exchange document into the database") },
  { "check",    command_check,             N_("Check integrity and consistency") },
  { "workplan", icat_cli_command_workplan, N_("Write a year’s work plan as PDF") },
  { "minutes",  icat_cli_command_minutes,  N_("Write the record of a meeting as PDF") },
  { "sync",     icat_cli_command_sync,     N_("Merge with other laptops through a sync folder") },
  { "demo",     icat_cli_command_demo,     N_("Write years of made-up data to try the app with") },
  { "search",   icat_cli_command_search,   N_("Find records by any words in them, as Ctrl+F does") },
  { "report",   icat_cli_command_report,   N_("Write a report drafted from the records, as PDF or OpenDocument") },
};

static char *
commands_description (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-9s %s", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s", _("“icat-tracker-cli COMMAND --help” describes each command."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: $ICAT_TRACKER_DB, or the one in your data folder)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  icat_install_dirs_bind_translations ();

  context = g_option_context_new (_("COMMAND [ARGS…] — ICAT Tracker from the command line"));
  description = commands_description ();
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (version)
    {
      g_print ("icat-tracker-cli %s\n", PACKAGE_VERSION);
      return ICAT_CLI_EXIT_OK;
    }
  if (argc < 2)
    return usage_error (context, _("Name a command"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *program = g_strdup_printf ("icat-tracker-cli %s", commands[i].name);

        g_set_prgname (program);
        database_option = database;
        return commands[i].run (database, argc - 1, argv + 1);
      }
  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

    return usage_error (context, message);
  }
}
