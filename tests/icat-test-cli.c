/* icat-test-cli.c — the CLI tests' fixture and helpers
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the binary ($ICAT_CLI) on databases in its own temporary
 * directory and looks at exit status, output and the database afterwards.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-db.h"
#include "icat-test-cli.h"
#include "icat-test-util.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->db = g_build_filename (fixture->dir, "icat.db", NULL);
  /* The program gets folders of its own, as it would at a user's. */
  fixture->data_home = g_build_filename (fixture->dir, "data", NULL);
  fixture->config_home = g_build_filename (fixture->dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", fixture->data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", fixture->config_home, TRUE);
  g_unsetenv ("ICAT_TRACKER_EXPORTED_AT");
  g_unsetenv ("ICAT_TRACKER_DB");
  /* English unless a test asks for another language. */
  g_unsetenv ("LANGUAGE");
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("ICAT_TRACKER_EXPORTED_AT");
  g_unsetenv ("ICAT_TRACKER_DB");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->data_home, g_free);
  g_clear_pointer (&fixture->config_home, g_free);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* Runs icat-tracker-cli with the NULL-terminated arguments; both outputs
 * are always captured (and returned when asked for). */
int G_GNUC_NULL_TERMINATED
cli (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  status = icat_test_run_cli ((const char * const *) args->pdata, &stdout_text, &stderr_text);
  if (stderr_text != NULL && *stderr_text != '\0')
    g_test_message ("stderr: %s", stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return status;
}

/* The database's JSON export through the CLI, with a fixed exported_at. */
char *
export_db (const char *database)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_setenv ("ICAT_TRACKER_EXPORTED_AT", FIXED_EXPORTED_AT, TRUE);
  status = cli (&out, &err, "--database", database, "export", "--format", "json", NULL);
  g_unsetenv ("ICAT_TRACKER_EXPORTED_AT");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* A failure: one line on stderr, starting with the program's name. */
void
assert_one_line_error (const char *err,
                       const char *part)
{
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  assert_contains (err, part);
}

JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

void
assert_same_files (const char *first,
                   const char *second)
{
  g_autofree char *first_bytes = NULL, *second_bytes = NULL;
  gsize first_length = 0, second_length = 0;

  first_bytes = read_file (first, &first_length);
  second_bytes = read_file (second, &second_length);
  g_assert_cmpmem (first_bytes, first_length, second_bytes, second_length);
}

void
import_document (Fixture    *fixture,
                 const char *document)
{
  g_autofree char *file = g_build_filename (fixture->dir, "records.json", NULL);
  g_autofree char *err = NULL;

  write_file (file, document, -1);
  if (cli (NULL, &err, "--database", fixture->db, "import", file, NULL) != 0)
    g_error ("The import failed: %s", err);
}

/* icat-tracker-cli --database DB report ARGS… MORE… -o output */
static void
write_report (Fixture            *fixture,
              const char * const *args,
              const char * const *more,
              const char         *output)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_strv_builder_add_many (argv, "--database", fixture->db, "report", NULL);
  g_strv_builder_addv (argv, (const char **) args);
  if (more != NULL)
    g_strv_builder_addv (argv, (const char **) more);
  g_strv_builder_add_many (argv, "-o", output, NULL);
  built = g_strv_builder_end (argv);
  if (icat_test_run_cli ((const char * const *) built, &out, &err) != 0)
    g_error ("The report failed: %s", err);
  g_assert_cmpstr (err, ==, "");
}

void
assert_odt_report_repeats (Fixture            *fixture,
                           const char * const *args,
                           const char         *odt)
{
  static const char * const as_odt[] = { "--format", "odt", NULL };
  g_autofree char *again = g_strconcat (odt, ".again", NULL);
  g_autofree char *head = NULL;
  gsize length = 0;

  write_report (fixture, args, NULL, odt);
  write_report (fixture, args, as_odt, again);
  /* An OpenDocument zip: its first entry is the uncompressed mimetype. */
  head = read_file (odt, &length);
  g_assert_cmpuint (length, >, 38);
  g_assert_cmpmem (head + 30, 8, "mimetype", 8);
  assert_same_files (odt, again);
}

/* Creates the seeded database by running a command that changes nothing. */
void
create_database (const char *database)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (cli (&out, NULL, "--database", database, "check", NULL), ==, 0);
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
}

void
sql_exec (const char *database,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (database, &handle, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* ------------------------------------------------------------------ */
/* Looking things up in an export                                       */

JsonObject *
find_agency (JsonArray  *agencies,
             const char *acronym)
{
  for (guint i = 0; i < json_array_get_length (agencies); i++)
    {
      JsonObject *agency = json_array_get_object_element (agencies, i);

      if (g_strcmp0 (json_object_get_string_member (agency, "acronym"), acronym) == 0)
        return agency;
    }
  g_error ("no agency %s in the export", acronym);
}

gboolean
has_role (JsonObject *agency,
          const char *role)
{
  JsonArray *memberships = json_object_get_array_member (agency, "memberships");

  for (guint i = 0; i < json_array_get_length (memberships); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (memberships, i), "role"), role) == 0)
      return TRUE;
  return FALSE;
}

const char *
localized (JsonObject *record,
           const char *member,
           const char *language)
{
  JsonObject *texts = json_object_get_object_member (record, member);

  return json_object_get_string_member_with_default (texts, language, NULL);
}
