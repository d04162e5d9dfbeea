/* icat-test-util.c — shared helpers for the test programs
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"
#define _GNU_SOURCE  /* dl_iterate_phdr () */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "icat-db.h"
#include "icat-test-util.h"

#if defined(__SANITIZE_ADDRESS__) && !defined(ICAT_TEST_CORE)
#include <link.h>
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#define IGNORE_QUARK_TABLE 1
#endif

static char *test_home;

#ifdef IGNORE_QUARK_TABLE
/* GLib never frees its first table of quark names once an app outgrows it
 * (at 2,048 quarks; GTK and libadwaita hold most of them), so that it can
 * be read without a lock. LeakSanitizer would blame whichever window test
 * first crosses that line. The table is found among GLib's variables by
 * what it holds and marked as meant to live as long as the process. */
static int
ignore_quark_table_cb (struct dl_phdr_info *info,
                       size_t               info_size,
                       void                *data)
{
  const char *first = g_quark_to_string (1);

  if (strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      char ***word = (char ***) (info->dlpi_addr + segment->p_vaddr);
      char ***end = (char ***) (info->dlpi_addr + segment->p_vaddr + segment->p_memsz);

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;
      for (; word < end; word++)
        {
          void *region = NULL;
          size_t region_size = 0;
          const char *kind = __asan_locate_address (*word, NULL, 0, &region, &region_size);

          if (g_strcmp0 (kind, "heap") == 0 && region == (void *) *word && region_size >= 2 * sizeof (char *) &&
              (*word)[0] == NULL && (*word)[1] == first)
            {
              __lsan_ignore_object (*word);
              return 1;
            }
        }
    }
  return 0;
}
#endif

static void
remove_test_home (void)
{
  icat_test_tmpdir_free (g_steal_pointer (&test_home));
}

void
icat_test_init (int    *argc,
                char ***argv)
{
  test_home = icat_test_tmpdir_new ();
  g_setenv ("HOME", test_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_home, TRUE);
  g_setenv ("XDG_DATA_HOME", test_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", test_home, TRUE);
  g_unsetenv ("ICAT_TRACKER_DB");
  atexit (remove_test_home);
#ifdef IGNORE_QUARK_TABLE
  g_assert_cmpint (dl_iterate_phdr (ignore_quark_table_cb, NULL), ==, 1);
#endif
#ifdef ICAT_TEST_CORE
  g_test_init (argc, argv, NULL);
#endif
}

char *
icat_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("icat-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_remove (child);
      }
  g_rmdir (path);
}

void
icat_test_tmpdir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

IcatStore *
icat_test_store_new (const char  *dir,
                     char       **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "icat.db", NULL);
  IcatStore *store = icat_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

JsonObject *
icat_test_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

char *
icat_test_export (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = icat_store_export_json (store, "2026-01-01T00:00:00.000Z", &error);

  g_assert_no_error (error);
  return text;
}

char *
icat_test_squeezed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
icat_test_squeezed_normal (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
icat_test_pdf_squeezed (const char *pdf,
                        gboolean    raw)
{
  const char *as_laid_out[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *as_drawn[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf, "-", NULL };
  g_auto(IcatTestRun) run = icat_test_run_program (NULL, raw ? as_drawn : as_laid_out);
  g_autofree char *text = NULL;

  g_assert_cmpint (run.status, ==, 0);
  text = icat_test_bytes_text (run.out);
  return icat_test_squeezed (text);
}

const char *
icat_test_assert_says_in_order (const char         *text,
                                const char * const *parts)
{
  const char *from = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = icat_test_squeezed (parts[i]);
      const char *found = strstr (from, part);

      if (found == NULL)
        g_error ("“%s” is not where expected in: %s", parts[i], text);
      from = found + strlen (part);
    }
  return from;
}

void
icat_test_assert_not_said (const char *text,
                           const char *part)
{
  g_autofree char *squeezed_part = icat_test_squeezed (part);

  if (strstr (text, squeezed_part) != NULL)
    g_error ("“%s” should not be in: %s", part, text);
}

void
icat_test_drop_generator (char *export)
{
  const char *line = "  \"generator\" : \"ICAT Tracker " PACKAGE_VERSION "\",\n";
  char *found = strstr (export, line);

  g_assert_nonnull (found);
  memmove (found, found + strlen (line), strlen (found + strlen (line)) + 1);
}

void
icat_test_drop_group_name (char *seed)
{
  char *start = strstr (seed, "  \"group\" : {\n");
  char *end = start != NULL ? strstr (start, "\n  },\n") : NULL;

  g_assert_nonnull (end);
  end += strlen ("\n  },\n");
  memmove (start, end, strlen (end) + 1);
}

char *
icat_test_agency_id (IcatStore  *store,
                     const char *acronym)
{
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (store),
                                        "SELECT id FROM agency WHERE acronym = ?1", NULL);
  char *id = NULL;

  g_assert_nonnull (stmt);
  icat_bind_text (stmt, 1, acronym);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_nonnull (id);
  return id;
}

char *
icat_test_query_text (IcatDb     *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (icat_db_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

char *
icat_test_fill_disk (IcatDb     *db,
                     const char *sentence)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT page_count, freelist_count, page_size"
                                            " FROM pragma_page_count (), pragma_freelist_count (), pragma_page_size ()",
                                        NULL);
  g_autofree char *limit = NULL;
  GString *text = g_string_new (NULL);
  gint64 free_bytes;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  /* Four pages more than the free ones: the record alone then needs pages
   * the file may no longer grow by, whatever else the write adds. */
  free_bytes = (sqlite3_column_int64 (stmt, 1) + 4) * sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  g_assert_true (icat_db_exec (db, limit, NULL));
  while ((gint64) text->len <= free_bytes)
    g_string_append (text, sentence);
  return g_string_free (text, FALSE);
}

/* The CLI draws documents, and the fonts of a PDF load fontconfig, whose
 * caches LeakSanitizer reports however clean the program is: a CLI run
 * gets the suppression the window tests use (libfontconfig alone). NULL
 * outside meson's test environment. */
static char *
cli_lsan_options (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  return srcdir != NULL ? g_strdup_printf ("suppressions=%s/lsan-gui.supp:print_suppressions=0", srcdir) : NULL;
}

/* What a program printed that the test does not read: into the test's log
 * as messages ("# …"), where meson's TAP reader expects it, rather than
 * onto the test's own standard output, where each line is "Unknown TAP
 * output" ("Warning: the built-in record … was deleted" from check). */
static void
log_unread_output (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_test_message ("(%" G_GSIZE_FORMAT " bytes of output that are not text)", strlen (text));
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s", lines[i]);
}

int
icat_test_run_cli (const char * const *argv,
                   char              **stdout_text,
                   char              **stderr_text)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *lsan_options = cli_lsan_options ();
  g_autofree char *unread = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *cli = g_getenv ("ICAT_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  if (lsan_options != NULL)
    env = g_environ_setenv (env, "LSAN_OPTIONS", lsan_options, TRUE);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                stdout_text != NULL ? stdout_text : &unread, stderr_text, &status, &error);
  g_assert_no_error (error);
  log_unread_output (unread);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

int
icat_test_run_cli_on (const char         *database,
                      const char * const *argv,
                      char              **stdout_text,
                      char              **stderr_text)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) with_database = NULL;

  g_strv_builder_add_many (args, "--database", database, NULL);
  g_strv_builder_addv (args, (const char **) argv);
  with_database = g_strv_builder_end (args);
  return icat_test_run_cli ((const char * const *) with_database, stdout_text, stderr_text);
}

void
icat_test_run_clear (IcatTestRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

char *
icat_test_bytes_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  return length > 0 ? g_strndup (data, length) : g_strdup ("");
}

char *
icat_test_libreoffice_convert (const char *dir,
                               const char *odt,
                               const char *filter)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", dir, "/libreoffice-profile", NULL);
  g_autofree char *base = g_path_get_basename (odt);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') != NULL ? (gsize) (strrchr (base, '.') - base)
                                                                       : strlen (base));
  g_autofree char *extension = g_strndup (filter, strcspn (filter, ":"));
  g_autofree char *out_name = g_strconcat (stem, ".", extension, NULL);
  const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", filter,
                         "--outdir", dir, odt, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = g_build_filename (dir, out_name, NULL);
  int status = 0;

  /* LibreOffice is not under test: its own GLib criticals (dconf without
   * a home) must not abort it, and it wants a home to write to. */
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_setenv (env, "HOME", dir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

char *
icat_test_libreoffice_text (const char *dir,
                            const char *odt)
{
  g_autofree char *txt = icat_test_libreoffice_convert (dir, odt, "txt:Text (encoded):UTF8");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (txt, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

IcatTestRun
icat_test_run_program (const char         *cwd,
                       const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lsan_options = cli_lsan_options ();
  IcatTestRun result = { 0 };

  if (lsan_options != NULL && g_strcmp0 (argv[0], g_getenv ("ICAT_CLI")) == 0)
    g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", lsan_options, TRUE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &result.out, &err, &error));
  g_assert_no_error (error);
  result.err = icat_test_bytes_text (err);
  result.status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (*result.err != '\0')
    g_test_message ("%s: %s", argv[0], result.err);
  return result;
}

char *
icat_test_run_text (const char * const *argv)
{
  g_auto(IcatTestRun) result = icat_test_run_program (NULL, argv);

  if (result.status != 0)
    g_error ("%s failed (%d): %s", argv[0], result.status, result.err);
  return icat_test_bytes_text (result.out);
}

char *
icat_test_pdf_fonts (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };

  return icat_test_run_text (argv);
}

void
icat_test_cli_ok (const char         *database,
                  const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (g_getenv ("ICAT_CLI"));
  g_strv_builder_add_many (argv, g_getenv ("ICAT_CLI"), "--database", database, NULL);
  g_strv_builder_addv (argv, (const char **) args);
  built = g_strv_builder_end (argv);
  out = icat_test_run_text ((const char * const *) built);
}

void
icat_test_write_document (const char         *database,
                          const char * const *args,
                          const char         *output)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;

  g_strv_builder_addv (argv, (const char **) args);
  g_strv_builder_add_many (argv, "-o", output, NULL);
  built = g_strv_builder_end (argv);
  icat_test_cli_ok (database, (const char * const *) built);
}

void
icat_test_cli_speak (const char *language)
{
  const char *localedir = g_getenv ("ICAT_TEST_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_setenv ("ICAT_TRACKER_LOCALEDIR", localedir, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
}

void
icat_test_cli_dir_set_up (IcatTestCliDir *fixture,
                          gconstpointer   data)
{
  g_autofree char *home = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->db = g_build_filename (fixture->dir, "icat.db", NULL);
  home = g_build_filename (fixture->dir, "home", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_unsetenv ("LANGUAGE");
}

void
icat_test_cli_dir_tear_down (IcatTestCliDir *fixture,
                             gconstpointer   data)
{
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
  g_clear_pointer (&fixture->db, g_free);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

void
icat_test_use_build_catalogues (void)
{
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  /* gtk_test_init chose a locale where LANGUAGE is ignored. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* glibc keeps the translations it looked up; a change of LANGUAGE is
 * seen once this counter moves (the gettext manual's own advice). */
extern int _nl_msg_cat_cntr;

void
icat_test_set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

guint
icat_test_timeout (guint seconds)
{
  static guint scale;

  if (scale == 0)
    {
      const char *slow = g_getenv ("ICAT_TEST_SLOW");
      guint64 value = slow != NULL ? g_ascii_strtoull (slow, NULL, 10) : 0;

      scale = value >= 1 && value <= 100 ? (guint) value : 1;
    }
  return seconds * scale;
}

void
icat_test_wait_until_at (const char        *file,
                         int                line,
                         const char        *func,
                         const char        *condition_name,
                         IcatTestCondition  condition,
                         gpointer           subject,
                         gconstpointer      data,
                         guint              timeout_seconds)
{
  guint seconds = icat_test_timeout (timeout_seconds);
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (subject, data))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *message = g_strdup_printf ("waited %u s for %s, in vain",
                                                      seconds, condition_name);

          g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
        }
      /* Worker threads answer through the main context: dispatch what is
       * ready, then give them a millisecond. */
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
only_one_reference (GObject       *object,
                    gconstpointer  data)
{
  return g_atomic_int_get (&object->ref_count) == 1;
}

void
icat_test_finalize_store (IcatStore *store)
{
  /* A read or write that just answered may still be letting go of the
   * store on its worker thread. */
  icat_test_wait_until (only_one_reference, G_OBJECT (store), NULL, 10);
  g_assert_finalize_object (store);
}
