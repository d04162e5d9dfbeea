/* icat-document-language.c — a document written in another language than the app's
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext translates a process into one language: a document in another
 * language than the app's is written by the app's own icat-tracker-cli
 * with --language, in a process of its own that the main loop waits for
 * without blocking.
 */
#define G_LOG_DOMAIN "icat-document-language"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-document-language.h"
#include "icat-export.h"
#include "icat-languages.h"
#include "icat-report-doc.h"

#define APP_LANGUAGE "app"

void
icat_document_language_add_choice (GtkFileChooser *chooser)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const IcatLanguage *languages;
  guint n_languages;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  g_ptr_array_add (options, (gpointer) APP_LANGUAGE);
  /* Translators: the first choice of an export's Language: the document in the language the app is in */
  g_ptr_array_add (labels, (gpointer) _("The app’s language"));
  languages = icat_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_ptr_array_add (options, (gpointer) languages[i].code);
      /* Each in its own name, so that anyone finds theirs. */
      g_ptr_array_add (labels, (gpointer) languages[i].name);
    }
  g_ptr_array_add (options, NULL);
  g_ptr_array_add (labels, NULL);
  /* Translators: the choice of a document's language in an export's file chooser */
  gtk_file_chooser_add_choice (chooser, ICAT_DOCUMENT_LANGUAGE_CHOICE, _("Language"),
                               (const char **) options->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (chooser, ICAT_DOCUMENT_LANGUAGE_CHOICE, APP_LANGUAGE);
}

/* The app's own language picked by its name: the app writes it itself,
 * with everything it can do ("zh_CN" is the language tag "zh-CN"). */
static gboolean
is_app_language (const char *code)
{
  g_autofree char *tag = g_strdelimit (g_strdup (code), "_", '-');

  return g_str_equal (tag, icat_report_language ());
}

char *
icat_document_language_get_choice (GtkFileChooser *chooser)
{
  const char *chosen;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);
  chosen = gtk_file_chooser_get_choice (chooser, ICAT_DOCUMENT_LANGUAGE_CHOICE);
  if (icat_language_find (chosen) == NULL || is_app_language (chosen))
    return NULL;
  return g_strdup (chosen);
}

char *
icat_document_language_find_cli (void)
{
  /* Installed, both in bindir; the app in the build tree (src/), and the
   * test programs there (tests/). */
  const char * const beside[] = { "icat-tracker-cli", "cli/icat-tracker-cli", "../src/cli/icat-tracker-cli" };
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = program ? g_path_get_dirname (program) : NULL;
  g_autofree char *installed = g_build_filename (BINDIR, "icat-tracker-cli", NULL);

  for (guint i = 0; folder != NULL && i < G_N_ELEMENTS (beside); i++)
    {
      g_autofree char *path = g_build_filename (folder, beside[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_canonicalize_filename (path, NULL);
    }
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return NULL;
}

void
icat_document_language_add_options (GStrvBuilder              *command,
                                    IcatPaperSize              paper,
                                    const IcatDocumentSection *sections,
                                    IcatExportFlags            omitted)
{
  g_strv_builder_add_many (command, "--paper", paper == ICAT_PAPER_LETTER ? "letter" : "a4", NULL);
  for (guint i = 0; sections != NULL && sections[i].name != NULL; i++)
    if (omitted & sections[i].omit)
      g_strv_builder_add_many (command, "--omit", sections[i].name, NULL);
}

/* What a writing needs on the worker thread, which may free it; the
 * caller's data is only touched on the main thread. */
typedef struct {
  char                *database;
  char                *output;
  char                *language;
  GBytes              *document;  /* what the CLI wrote on its standard output */
  IcatDocumentWritten  written;
  gpointer             data;
  GDestroyNotify       data_free;
} Writing;

static void
writing_free (Writing *writing)
{
  g_free (writing->database);
  g_free (writing->output);
  g_free (writing->language);
  g_clear_pointer (&writing->document, g_bytes_unref);
  g_free (writing);
}

/* The CLI speaks the document's language, messages included: its failure
 * is told in the app's own words, and what it said goes to the log. */
static GError *
cli_failure (GSubprocess *process,
             const char  *language,
             GBytes      *err)
{
  g_autofree char *said = err ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : NULL;
  const IcatLanguage *chosen = icat_language_find (language);

  g_message ("icat-tracker-cli: %s", said ? g_strstrip (said) : "");
  if (!g_subprocess_get_if_exited (process))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                _("icat-tracker-cli stopped before the document was written"));
  if (g_subprocess_get_exit_status (process) == 2)
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                _("the icat-tracker-cli found does not take what the app asked of it: "
                                  "it belongs to another version of ICAT Tracker"));
  /* Translators: %s is a language in its own name: "Français", "中文" */
  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("icat-tracker-cli could not write it in %s"),
                      chosen ? chosen->name : language);
}

/* Written as the app writes any export: never over the database, the old
 * file kept until the new one is whole; failures in the app's words. */
static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Writing *writing = task_data;
  GError *error = NULL;

  if (!icat_export_check_not_database (writing->output, writing->database, &error)
      || !icat_export_replace_file (writing->output, g_bytes_get_data (writing->document, NULL),
                                    g_bytes_get_size (writing->document), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Writing *writing = g_task_get_task_data (task);
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GBytes) err = NULL;
  GError *error = NULL;

  if (!g_subprocess_communicate_finish (process, result, &writing->document, &err, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!g_subprocess_get_successful (process) || writing->document == NULL)
    {
      g_task_return_error (task, cli_failure (process, writing->language, err));
      return;
    }
  g_task_run_in_thread (task, write_thread);
}

/* The database first, the command, then --language and the standard output. */
static GPtrArray *
cli_arguments (char               *cli,
               const char         *database,
               const char * const *command,
               const char         *language)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, g_strdup (database));
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (command[i]));
  g_ptr_array_add (argv, g_strdup ("--language"));
  g_ptr_array_add (argv, g_strdup (language));
  g_ptr_array_add (argv, g_strdup ("-o"));
  g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* On the main thread, once the file is written or not. */
static void
task_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Writing *writing = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  writing->written (writing->data, error);
  /* Here, on the main thread: the task itself may end on the worker's. */
  if (writing->data_free != NULL)
    writing->data_free (writing->data);
}

void
icat_document_language_write (const char                *database,
                              const char * const        *command,
                              const char                *language,
                              const char                *output,
                              IcatDocumentWritten        written,
                              gpointer                   data,
                              GDestroyNotify             data_free)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, task_done_cb, NULL);
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *cli = icat_document_language_find_cli ();
  Writing *writing = g_new0 (Writing, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, icat_document_language_write);
  writing->database = g_strdup (database);
  writing->output = g_strdup (output);
  writing->language = g_strdup (language);
  writing->written = written;
  writing->data = data;
  writing->data_free = data_free;
  g_task_set_task_data (task, writing, (GDestroyNotify) writing_free);
  if (cli == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("icat-tracker-cli, which writes documents in other languages, is not installed"));
      return;
    }
  argv = cli_arguments (g_steal_pointer (&cli), database, command, language);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_subprocess_communicate_async (process, NULL, NULL, communicated_cb, g_steal_pointer (&task));
}
