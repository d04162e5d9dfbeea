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
#include <string.h>

#include "icat-document-language.h"
#include "icat-languages.h"

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

char *
icat_document_language_get_choice (GtkFileChooser *chooser)
{
  const char *chosen;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);
  chosen = gtk_file_chooser_get_choice (chooser, ICAT_DOCUMENT_LANGUAGE_CHOICE);
  if (icat_language_find (chosen) == NULL)
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

/* The CLI's one-line message, without its name. */
static char *
cli_message (const char *err)
{
  g_autofree char *line = g_strndup (err ? err : "", strcspn (err ? err : "", "\n"));
  const char *prefix = "icat-tracker-cli: ";

  if (g_str_has_prefix (line, prefix))
    return g_strdup (line + strlen (prefix));
  return g_steal_pointer (&line);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSubprocess *process = G_SUBPROCESS (source);
  g_autofree char *err = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (!g_subprocess_communicate_utf8_finish (process, result, NULL, &err, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_subprocess_get_successful (process))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  message = cli_message (err);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
}

void
icat_document_language_write_async (const char           *database,
                                    const char * const   *command,
                                    const char           *language,
                                    const char           *output,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *cli = icat_document_language_find_cli ();
  GError *error = NULL;

  g_task_set_source_tag (task, icat_document_language_write_async);
  if (cli == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("icat-tracker-cli, which writes documents in other languages, is not installed"));
      return;
    }
  g_ptr_array_add (argv, g_steal_pointer (&cli));
  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, g_strdup (database));
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (command[i]));
  g_ptr_array_add (argv, g_strdup ("--language"));
  g_ptr_array_add (argv, g_strdup (language));
  g_ptr_array_add (argv, g_strdup ("-o"));
  g_ptr_array_add (argv, g_strdup (output));
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_subprocess_communicate_utf8_async (process, NULL, cancellable, communicated_cb, g_steal_pointer (&task));
}

gboolean
icat_document_language_write_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
