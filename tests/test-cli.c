/* test-cli.c — icat-tracker-cli, run as the real program
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the binary ($ICAT_CLI) on databases in its own temporary
 * directory and looks at exit status, output and the database afterwards.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-db.h"
#include "icat-test-util.h"

#define FIXED_EXPORTED_AT "2030-01-02T03:04:05.678Z"

typedef struct {
  char *dir;
  char *db;    /* dir/icat.db; not created until a test runs the program */
  char *data_home;
  char *config_home;
} Fixture;

static void
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

static void
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
static int G_GNUC_NULL_TERMINATED
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
static char *
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

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* A failure: one line on stderr, starting with the program's name. */
static void
assert_one_line_error (const char *err,
                       const char *part)
{
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  assert_contains (err, part);
}

static JsonObject *
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

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Creates the seeded database by running a command that changes nothing. */
static void
create_database (const char *database)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (cli (&out, NULL, "--database", database, "check", NULL), ==, 0);
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
}

static void
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

static JsonObject *
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

static gboolean
has_role (JsonObject *agency,
          const char *role)
{
  JsonArray *memberships = json_object_get_array_member (agency, "memberships");

  for (guint i = 0; i < json_array_get_length (memberships); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (memberships, i), "role"), role) == 0)
      return TRUE;
  return FALSE;
}

static const char *
localized (JsonObject *record,
           const char *member,
           const char *language)
{
  JsonObject *texts = json_object_get_object_member (record, member);

  return json_object_get_string_member_with_default (texts, language, NULL);
}

/* ------------------------------------------------------------------ */
/* export                                                               */

static const char * const members_72_195[] = {
  "UNODC", "ICAO", "INTERPOL", "ILO", "IOM", "UNAIDS", "OHCHR", "UNHCR",
  "UNICEF", "UNDP", "UNESCO", "UN-Women", "UNICRI", "UNFPA", "World Bank", "DPKO",
};
static const char * const working_group[] = { "ILO", "IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC", NULL };

static void
test_export_seed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *agencies, *terms, *mandates, *papers, *meetings;
  const struct { int year; const char *acronym; } chairs[] = { { 2014, "IOM" }, { 2015, "UNHCR" }, { 2016, "UNODC" } };
  const struct { int year; const char *title; } policy_papers[] = {
    { 2012, "The international legal frameworks concerning trafficking in persons" },
    { 2014, "Preventing trafficking in persons by addressing demand" },
    { 2016, "Providing effective remedies for victims of trafficking in persons" },
    { 2016, "Overview of common approaches of UN agencies to monitoring and evaluating anti-trafficking measures" },
  };
  const char * const briefings[] = { "2015-01", "2017-03", "2017-09" };
  guint n_policy_papers = 0;

  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (out, "}\n"));
  root = parse_object (out);

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "icat-tracker");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  /* Agencies and their roles */
  agencies = json_object_get_array_member (root, "agencies");
  for (guint i = 0; i < G_N_ELEMENTS (members_72_195); i++)
    {
      JsonObject *agency = find_agency (agencies, members_72_195[i]);

      if (!has_role (agency, "member"))
        g_error ("%s has no member membership", members_72_195[i]);
      g_assert_nonnull (localized (agency, "name", "en"));
    }
  g_assert_true (has_role (find_agency (agencies, "OSCE"), "partner"));
  g_assert_cmpstr (json_object_get_string_member (find_agency (agencies, "OSCE"), "kind"), ==, "regional");
  for (guint i = 0; i < json_array_get_length (agencies); i++)
    {
      JsonObject *agency = json_array_get_object_element (agencies, i);
      const char *acronym = json_object_get_string_member (agency, "acronym");

      /* Exactly the six of A/71/119 para 65, and UNODC alone coordinates. */
      g_assert_cmpint (has_role (agency, "working-group"), ==,
                       g_strv_contains ((const char * const *) working_group, acronym));
      g_assert_cmpint (has_role (agency, "coordinator"), ==, g_strcmp0 (acronym, "UNODC") == 0);
    }

  /* Chair terms */
  terms = json_object_get_array_member (root, "chair_terms");
  for (guint c = 0; c < G_N_ELEMENTS (chairs); c++)
    {
      const char *id = json_object_get_string_member (find_agency (agencies, chairs[c].acronym), "id");
      guint found = 0;

      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          JsonObject *term = json_array_get_object_element (terms, i);
          JsonArray *chair_ids = json_object_get_array_member (term, "agencies");

          if (json_object_get_int_member (term, "year") != chairs[c].year)
            continue;
          found++;
          g_assert_cmpuint (json_array_get_length (chair_ids), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (chair_ids, 0), ==, id);
        }
      g_assert_cmpuint (found, ==, 1);
    }

  /* Mandates: 22 + 7 + 61 + 11 + 18, each once, each with both texts */
  for (guint i = 1; i <= 22; i++)
    g_hash_table_add (expected, g_strdup_printf ("A/RES/72/195|%u", i));
  for (guint i = 1; i <= 7; i++)
    g_hash_table_add (expected, g_strdup_printf ("A/RES/64/293|%u", i));
  for (guint i = 1; i <= 61; i++)
    g_hash_table_add (expected, g_strdup_printf ("A/RES/64/293|annex %u", i));
  for (guint i = 1; i <= 11; i++)
    g_hash_table_add (expected, g_strdup_printf ("E/RES/2015/23|%u", i));
  for (guint i = 1; i <= 18; i++)
    g_hash_table_add (expected, g_strdup_printf ("CTOC/COP resolution 5/2|%u", i));
  g_assert_cmpuint (g_hash_table_size (expected), ==, 119);

  mandates = json_object_get_array_member (root, "mandates");
  g_assert_cmpuint (json_array_get_length (mandates), ==, 119);
  for (guint i = 0; i < json_array_get_length (mandates); i++)
    {
      JsonObject *mandate = json_array_get_object_element (mandates, i);
      g_autofree char *key = g_strdup_printf ("%s|%s", json_object_get_string_member (mandate, "document"),
                                              json_object_get_string_member (mandate, "paragraph"));
      const char *zh = localized (mandate, "text", "zh");
      const char *en = localized (mandate, "text", "en");

      if (!g_hash_table_remove (expected, key))
        g_error ("unexpected or repeated mandate %s", key);
      g_assert_true (zh != NULL && *zh != '\0');
      g_assert_true (en != NULL && *en != '\0');
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);

  /* The four policy papers of A/71/119 paras 68-69 */
  papers = json_object_get_array_member (root, "papers");
  for (guint i = 0; i < json_array_get_length (papers); i++)
    {
      JsonObject *paper = json_array_get_object_element (papers, i);
      const char *title = localized (paper, "title", "en");
      gboolean known = FALSE;

      if (g_strcmp0 (json_object_get_string_member (paper, "kind"), "policy-paper") != 0)
        continue;
      n_policy_papers++;
      for (guint p = 0; p < G_N_ELEMENTS (policy_papers); p++)
        if (g_strcmp0 (title, policy_papers[p].title) == 0)
          {
            g_assert_cmpint (json_object_get_int_member (paper, "year"), ==, policy_papers[p].year);
            known = TRUE;
          }
      if (!known)
        g_error ("unexpected policy paper “%s”", title);
    }
  g_assert_cmpuint (n_policy_papers, ==, 4);

  /* The consultative briefings in New York (A/71/119 para 67; 72/195 para 9) */
  meetings = json_object_get_array_member (root, "meetings");
  for (guint b = 0; b < G_N_ELEMENTS (briefings); b++)
    {
      guint found = 0;

      for (guint i = 0; i < json_array_get_length (meetings); i++)
        {
          JsonObject *meeting = json_array_get_object_element (meetings, i);

          if (g_strcmp0 (json_object_get_string_member (meeting, "kind"), "member-state-briefing") == 0 &&
              g_str_has_prefix (json_object_get_string_member (meeting, "starts_at"), briefings[b]) &&
              g_strcmp0 (json_object_get_string_member_with_default (meeting, "venue", NULL), "New York") == 0)
            {
              found++;
              g_assert_cmpstr (json_object_get_string_member (meeting, "timezone"), ==, "America/New_York");
              g_assert_cmpstr (json_object_get_string_member (meeting, "date_precision"), !=, "year");
            }
        }
      if (found != 1)
        g_error ("%u member-state briefings in New York in %s", found, briefings[b]);
    }
}

/* The source documents as text to search in: footnote lines, markdown and
 * HTML markers, superscript footnote numbers and all white space removed. */
static gboolean
is_superscript_digit (gunichar c)
{
  return c == 0x00b9 || c == 0x00b2 || c == 0x00b3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

static gboolean
is_footnote_line (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  gboolean digits = *stripped != '\0';

  for (const char *p = stripped; *p != '\0'; p++)
    digits = digits && g_ascii_isdigit (*p);
  return digits                                          /* a footnote mark or page number on its own */
    || strcmp (stripped, "---") == 0                     /* the rule above a footnote block */
    || g_str_has_prefix (stripped, "<sup>")              /* <sup>4</sup> E/CN.15/2006/10。 */
    || (*stripped != '\0' && is_superscript_digit (g_utf8_get_char (stripped)));  /* ¹ 第 70/1 号决议。 */
}

static char *
searchable_source (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) result = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_footnote_line (lines[i]))
        continue;
      for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_str_has_prefix (p, "<sup>"))
            {
              const char *end = strstr (p, "</sup>");

              g_assert_nonnull (end);
              p = end + strlen ("</sup>") - 1;
              continue;
            }
          if (c == '*' || c == '#' || g_unichar_isspace (c) || is_superscript_digit (c))
            continue;
          g_string_append_unichar (result, c);
        }
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static char *
without_space (const char *text)
{
  g_autoptr(GString) result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (result, g_utf8_get_char (p));
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Whether text occurs in source right after the paragraph's number
 * ("14." or, in the annex, "14."), allowing the source footnote numbers
 * (ASCII digits) where text has none. */
static gboolean
occurs_as_paragraph (const char *source,
                     const char *text,
                     const char *paragraph)
{
  const char *number = g_str_has_prefix (paragraph, "annex ") ? paragraph + strlen ("annex ") : paragraph;
  g_autofree char *label = g_strconcat (number, ".", NULL);
  gsize label_length = strlen (label);

  for (const char *start = strstr (source, label); start != NULL; start = strstr (start + 1, label))
    {
      const char *s = start + label_length;
      const char *t = text;

      if (start > source && g_ascii_isdigit (start[-1]))
        continue;
      while (*t != '\0' && *s != '\0')
        {
          if (*s == *t)
            s++, t++;
          else if (g_ascii_isdigit (*s) && !g_ascii_isdigit (*t))
            while (g_ascii_isdigit (*s))
              s++;
          else
            break;
        }
      if (*t == '\0')
        return TRUE;
    }
  return FALSE;
}

static void
test_export_seed_mandate_text (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *seeds = g_getenv ("ICAT_TEST_SEEDS");
  /* DOMAIN.md's table of the seed files */
  const struct { const char *document; const char *file; } sources[] = {
    { "E/RES/2015/23", "000_5656f6db2b2cf6b6.txt" },
    { "A/RES/72/195", "001_50f1474155c3a5ff.txt" },
    { "A/RES/64/293", "002_7f6890172a1b5c57.txt" },
    { "CTOC/COP resolution 5/2", "003_f82c1c91461c6f3d.txt" },
  };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *mandates;
  guint checked = 0;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the UN documents ($ICAT_TEST_SEEDS) are not here");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename (seeds, sources[i].file, NULL);
      g_autofree char *contents = read_file (path, NULL);

      g_hash_table_insert (texts, (gpointer) sources[i].document, searchable_source (contents));
    }

  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", NULL), ==, 0);
  root = parse_object (out);
  mandates = json_object_get_array_member (root, "mandates");
  for (guint i = 0; i < json_array_get_length (mandates); i++)
    {
      JsonObject *mandate = json_array_get_object_element (mandates, i);
      const char *document = json_object_get_string_member (mandate, "document");
      const char *paragraph = json_object_get_string_member (mandate, "paragraph");
      g_autofree char *zh = without_space (localized (mandate, "text", "zh"));
      const char *source = g_hash_table_lookup (texts, document);

      g_assert_nonnull (source);
      g_assert_cmpuint (g_utf8_strlen (zh, -1), >=, 10);
      if (!occurs_as_paragraph (source, zh, paragraph))
        g_error ("%s para %s: the Chinese text is not the document's: %s", document, paragraph, zh);
      checked++;

      /* The check can fail: not under another number, not with a change. */
      if (i == 0)
        {
          g_autofree char *changed = g_strconcat (zh, "。", NULL);
          g_autofree char *other = g_strdup_printf ("%s0", paragraph);

          g_assert_false (occurs_as_paragraph (source, changed, paragraph));
          g_assert_false (occurs_as_paragraph (source, zh, other));
        }
    }
  g_assert_cmpuint (checked, ==, 119);
}

static void
test_export_output (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *first = NULL, *second = NULL, *dash = NULL, *written = NULL, *err = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *first_plain = NULL, *second_plain = NULL;

  /* Without a fixed time: equal apart from exported_at, which is now. */
  g_assert_cmpint (cli (&first, NULL, "--database", fixture->db, "export", "--format", "json", NULL), ==, 0);
  g_usleep (2000);
  g_assert_cmpint (cli (&second, NULL, "--database", fixture->db, "export", NULL), ==, 0);
  g_assert_cmpstr (first, !=, second);
  first_plain = g_regex_replace_literal (stamp, first, -1, 0, "\"exported_at\" : \"\"", 0, NULL);
  second_plain = g_regex_replace_literal (stamp, second, -1, 0, "\"exported_at\" : \"\"", 0, NULL);
  g_assert_cmpstr (first_plain, ==, second_plain);
  g_assert_cmpstr (first_plain, !=, first);
  {
    g_autoptr(JsonObject) root = parse_object (first);
    g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "exported_at"), NULL);

    g_assert_nonnull (parsed);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "exported_at"), "Z"));
  }
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);

  /* With ICAT_TRACKER_EXPORTED_AT: byte-identical. */
  g_setenv ("ICAT_TRACKER_EXPORTED_AT", FIXED_EXPORTED_AT, TRUE);
  g_assert_cmpint (cli (&first, NULL, "--database", fixture->db, "export", NULL), ==, 0);
  g_assert_cmpint (cli (&second, NULL, "--database", fixture->db, "export", "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (first, ==, second);
  assert_contains (first, "\"exported_at\" : \"" FIXED_EXPORTED_AT "\"");

  /* -o - is standard output */
  g_assert_cmpint (cli (&dash, NULL, "--database", fixture->db, "export", "-o", "-", NULL), ==, 0);
  g_assert_cmpstr (dash, ==, first);

  /* -o FILE writes the file and nothing to standard output */
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "json", "-o", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  written = read_file (file, NULL);
  g_assert_cmpstr (written, ==, first);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&written, g_free);

  /* ... replacing what was there */
  write_file (file, "old contents that are longer than nothing", -1);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--output", file, NULL), ==, 0);
  written = read_file (file, NULL);
  g_assert_cmpstr (written, ==, first);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that cannot be written: a message, exit 1 */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "no-such-folder", "out.json", NULL);

    g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "-o", bad, NULL), ==, 1);
    assert_one_line_error (err, "no-such-folder");
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

/* ------------------------------------------------------------------ */
/* import                                                               */

#define NEW_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{" \
  "\"id\": \"11111111-1111-4111-8111-111111111111\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\", " \
  "\"venue\": \"Geneva\", \"agenda\": [{\"id\": \"22222222-2222-4222-8222-222222222221\", \"position\": 0, " \
  "\"title\": \"Work plan\"}]}]}"

static void
test_import_replace_round_trip (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *new_file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *first = NULL, *second = NULL, *seed = NULL;

  /* The first database gains a meeting. */
  write_file (new_file, NEW_DOCUMENT, -1);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", new_file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Records added: 1; updated: 0; kept because the stored copy is newer: 0\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "-o", backup, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  first = export_db (fixture->db);

  /* The other one starts from the seed and becomes the same. */
  seed = export_db (other);
  g_assert_cmpstr (seed, !=, first);
  g_assert_cmpint (cli (&out, &err, "--database", other, "import", "--replace", backup, NULL), ==, 0);
  assert_contains (out, "Records added: 1; updated: ");
  g_assert_true (g_str_has_suffix (out, "Records removed: 0\n"));
  second = export_db (other);
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --replace back to the seed removes the meeting again. */
  write_file (backup, seed, -1);
  g_assert_cmpint (cli (&out, &err, "--database", other, "import", "--replace", backup, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "Records removed: 1\n"));
  g_clear_pointer (&second, g_free);
  second = export_db (other);
  g_assert_cmpstr (second, ==, seed);
}

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *err = NULL;

  write_file (file, NEW_DOCUMENT, -1);
  before = export_db (fixture->db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", "--dry-run", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing was changed. The import would do this:\nRecords added: 1; updated: 0; kept because the stored copy is newer: 0\n");
  after = export_db (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct {
    const char *contents;
    const char *expected;
  } cases[] = {
    { "{\"format\": \"icat-tracker\",\n \"version\": 1,\n \"meetings\": [}", ":3:15: " },
    { "", "the file is empty" },
    { "{\"format\": \"icat-tracker\", \"version\": 2}", "version 2" },
    { "{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [{"
      "\"id\": \"44444444-4444-4444-8444-444444444441\", \"created_at\": \"2026-02-01T09:00:00.000Z\", "
      "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", "
      "\"title\": \"x\", \"owner\": \"00000000-0000-4000-8000-000000000000\", \"status\": \"open\"}]}",
      "$.action_items[0].owner: no agency with this id" },
  };
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *before = export_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      g_autofree char *prefix = g_strconcat ("icat-tracker-cli: ", file, NULL);

      write_file (file, cases[i].contents, -1);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", file, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      assert_one_line_error (err, cases[i].expected);
      /* The message names the file as given. */
      g_assert_true (g_str_has_prefix (err, prefix));
      after = export_db (fixture->db);
      g_assert_cmpstr (before, ==, after);

      /* --replace does not empty the database first either. */
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&after, g_free);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", "--replace", file, NULL), ==, 1);
      assert_one_line_error (err, cases[i].expected);
      after = export_db (fixture->db);
      g_assert_cmpstr (before, ==, after);
    }
}

/* ------------------------------------------------------------------ */
/* check                                                                */

static void
test_check_fresh (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  /* Again, on the database that now exists. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
test_check_second_chair_term (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->db);
  sql_exec (fixture->db,
            "INSERT INTO chair_term (id, created_at, updated_at, updated_by, year) VALUES "
            "('66666666-6666-4666-8666-666666666661', '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z', "
            "'99999999-9999-4999-8999-999999999999', 2016);"
            "INSERT INTO chair_term_agencies (owner_id, target_id, position) "
            "SELECT '66666666-6666-4666-8666-666666666661', id, 0 FROM agency WHERE acronym = 'IOM';");
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 1);
  if (!has_line (out, "More than one chair term is recorded for 2016."))
    g_error ("check said: %s", out);
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_check_bad_pillar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *mandate;
  g_autofree char *export = NULL;

  export = export_db (fixture->db);
  root = parse_object (export);
  mandate = json_array_get_object_element (json_object_get_array_member (root, "mandates"), 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE mandate SET pillar = 'nonsense' WHERE id = '%s'",
                                            json_object_get_string_member (mandate, "id"));

    sql_exec (fixture->db, sql);
  }
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "check", NULL), ==, 1);
  expected = g_strdup_printf ("mandate %s.pillar: must be one of: general, prevention, protection, "
                              "prosecution, partnership, coordination, reporting",
                              json_object_get_string_member (mandate, "id"));
  if (!has_line (out, expected))
    g_error ("check said: %s", out);
  g_assert_cmpstr (err, ==, "");
}

/* ------------------------------------------------------------------ */
/* CSV and iCalendar                                                    */

#define UNODC_ID "95b8e2c6-dfec-5883-89e7-3f294c639fb6"
#define IOM_ID   "cf549496-627d-57fa-9e4f-dbb2d342159d"

#define ACTION_ITEM(id, title, due) \
  "{\"id\": \"" id "\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"title\": \"" title "\", \"owner\": \"" UNODC_ID "\", \"supporting\": [\"" IOM_ID "\"], " \
  "\"due\": " due ", \"status\": \"open\"}"

#define ACTION_ITEMS_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [" \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444441", "Draft the 2016 work plan, with \\\"remedies\\\"", "\"2016-03-31\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444442", "Two lines:\\nsecond line", "\"2016\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444443", "起草2017年工作计划", "\"2017-06\"") ", " \
  ACTION_ITEM ("44444444-4444-4444-8444-444444444444", "No due date", "null") "]}"

/* Python's csv module reads the file (an independent RFC 4180 reader)
 * and prints the rows as JSON. */
static const char read_csv_script[] =
  "import csv, io, json, sys\n"
  "text = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
  "bom = text.startswith('\\ufeff')\n"
  "rows = list(csv.reader(io.StringIO(text[1:] if bom else text, newline=''), strict=True))\n"
  "print(json.dumps({'bom': bom, 'crlf': text.endswith('\\r\\n'), 'header': rows[0], 'rows': rows[1:]}))\n";

/* Python's icalendar reads the calendar and prints its events' UIDs and
 * DTSTARTs as JSON. */
static const char read_ics_script[] =
  "import json, sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "print(json.dumps([{'uid': str(e['UID']), 'start': str(e.decoded('DTSTART')), 'summary': str(e['SUMMARY'])}\n"
  "                  for e in cal.walk('VEVENT')]))\n";

static JsonNode *
run_python (const char *script,
            const char *file)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  JsonNode *node;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read %s: %s", file, err);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static void
import_action_items (Fixture *fixture)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.json", NULL);
  g_autofree char *out = NULL;

  write_file (file, ACTION_ITEMS_DOCUMENT, -1);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "import", file, NULL), ==, 0);
}

static guint
count_records (const char *export,
               const char *plural)
{
  g_autoptr(JsonObject) root = parse_object (export);

  return json_array_get_length (json_object_get_array_member (root, plural));
}

/* One row per action item in the database, however its text looks. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *export = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonObject *csv;
  JsonArray *rows;

  import_action_items (fixture);
  export = export_db (fixture->db);
  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "csv", "-o", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  parsed = run_python (read_csv_script, file);
  csv = json_node_get_object (parsed);
  rows = json_object_get_array_member (csv, "rows");
  g_assert_cmpuint (count_records (export, "action_items"), ==, 4);
  g_assert_cmpuint (json_array_get_length (rows), ==, count_records (export, "action_items"));
  g_assert_false (json_object_get_boolean_member (csv, "bom"));
  g_assert_true (json_object_get_boolean_member (csv, "crlf"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (csv, "header"), 0), ==, "Title");
  /* By due date: "2016" before "2016-03-31"; no date last. */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==, "Two lines:\nsecond line");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 0), ==,
                   "Draft the 2016 work plan, with \"remedies\"");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 2), 0), ==, "起草2017年工作计划");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 0), ==, "No due date");
  g_clear_pointer (&parsed, json_node_unref);

  /* --year: the items due that year; --bom: the mark for spreadsheets. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "csv",
                        "--year", "2016", "--bom", "-o", file, NULL), ==, 0);
  parsed = run_python (read_csv_script, file);
  csv = json_node_get_object (parsed);
  g_assert_true (json_object_get_boolean_member (csv, "bom"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (csv, "rows")), ==, 2);
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "meetings.ics", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *export = export_db (fixture->db);
  g_autoptr(JsonObject) root = parse_object (export);
  JsonArray *meetings = json_object_get_array_member (root, "meetings");
  g_autoptr(JsonNode) parsed = NULL;
  JsonArray *events;
  guint in_2018 = 0;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "ics", "-o", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  parsed = run_python (read_ics_script, file);
  events = json_node_get_array (parsed);

  /* Every seeded meeting, once, under its id. */
  g_assert_cmpuint (json_array_get_length (meetings), >=, 12);
  g_assert_cmpuint (json_array_get_length (events), ==, json_array_get_length (meetings));
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);
      g_autofree char *uid = g_strconcat (json_object_get_string_member (meeting, "id"), "@icattracker.org", NULL);
      guint found = 0;

      for (guint e = 0; e < json_array_get_length (events); e++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (events, e), "uid"), uid))
          found++;
      g_assert_cmpuint (found, ==, 1);
      if (g_str_has_prefix (json_object_get_string_member (meeting, "starts_at"), "2018-"))
        in_2018++;
    }
  g_clear_pointer (&parsed, json_node_unref);

  /* --year: the meetings starting that year, here on standard output. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "ics", "--year", "2018", NULL), ==, 0);
  write_file (file, out, -1);
  parsed = run_python (read_ics_script, file);
  g_assert_cmpuint (in_2018, >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (parsed)), ==, in_2018);
}

/* In Chinese: headers, values, titles and cities in the user's language. */
static void
test_export_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "items.csv", NULL);
  g_autofree char *out = NULL, *ics = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonArray *header;

  import_action_items (fixture);
  g_assert_nonnull (g_getenv ("ICAT_TEST_LOCALEDIR"));
  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "csv", "-o", file, NULL), ==, 0);
  g_assert_cmpint (cli (&ics, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");

  parsed = run_python (read_csv_script, file);
  header = json_object_get_array_member (json_node_get_object (parsed), "header");
  g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "标题");
  g_assert_cmpstr (json_array_get_string_element (header, 1), ==, "负责机构");
  /* The January 2015 briefing: its Chinese title, in 纽约. */
  assert_contains (ics, "SUMMARY:为各国常驻代表团举办的咨询情况简介会\r\n");
  assert_contains (ics, "LOCATION:纽约\r\n");
}

/* No -o and -o - both mean standard output; -o FILE replaces the file
 * whole and leaves nothing else behind. */
static void
test_export_document_output (Fixture       *fixture,
                             gconstpointer  data)
{
  const char * const formats[] = { "csv", "ics" };

  import_action_items (fixture);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, formats[f], NULL);
      g_autofree char *file = g_build_filename (folder, "out", NULL);
      g_autofree char *plain = NULL, *dash = NULL, *written = NULL, *out = NULL, *err = NULL;
      g_autoptr(GDir) dir = NULL;

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_cmpint (cli (&plain, NULL, "--database", fixture->db, "export", "--format", formats[f], NULL), ==, 0);
      g_assert_cmpint (cli (&dash, NULL, "--database", fixture->db, "export", "--format", formats[f], "-o", "-", NULL), ==, 0);
      g_assert_cmpstr (plain, ==, dash);
      g_assert_true (g_str_has_prefix (plain, f == 0 ? "Title," : "BEGIN:VCALENDAR\r\n"));

      write_file (file, "older and longer contents than nothing at all", -1);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[f], "-o", file, NULL), ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, "");
      written = read_file (file, NULL);
      g_assert_cmpstr (written, ==, plain);
      /* No temporary file is left beside it. */
      dir = g_dir_open (folder, 0, NULL);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "out");
      g_assert_null (g_dir_read_name (dir));
    }
}

/* A pipe is written into, not replaced by a file. */
static void
test_export_to_fifo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  g_autofree char *expected = NULL, *out = NULL;
  char buffer[65536];
  gssize length;
  GStatBuf buf;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Opened for reading first, so the program's open does not block. */
  fd = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (cli (&expected, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpuint (strlen (expected), <, sizeof buffer);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "export", "--format", "ics", "-o", fifo, NULL), ==, 0);
  length = read (fd, buffer, sizeof buffer);
  close (fd);
  g_assert_cmpint (length, ==, strlen (expected));
  g_assert_cmpmem (buffer, length, expected, strlen (expected));
  g_assert_cmpint (g_stat (fifo, &buf), ==, 0);
  g_assert_true (S_ISFIFO (buf.st_mode));
}

/* Options that do not fit are refused in one line, before the database is
 * even opened. */
static void
test_export_option_errors (Fixture       *fixture,
                           gconstpointer  data)
{
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--format", "json", "--year", "2016" }, "--year does not apply to JSON export" },
    { { "--year", "2016" }, "--year does not apply to JSON export" },
    { { "--format", "ics", "--bom" }, "--bom applies only to CSV" },
    { { "--bom" }, "--bom applies only to CSV" },
    { { "--format", "csv", "--year", "twenty" }, "--year wants a year from 2006 to 2100, not “twenty”" },
    { { "--format", "csv", "--year", "2005" }, "not “2005”" },
    { { "--format", "ics", "--year", "2101" }, "not “2101”" },
    { { "--format", "ics", "--year", "2016x" }, "not “2016x”" },
    { { "--format", "pdf" }, "The export format “pdf” is not available; use json, csv or ics" },
    { { "--format", "csv", "extra" }, "Unexpected argument" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;
      int status;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->db);
      g_ptr_array_add (args, (gpointer) "export");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, NULL);
      status = icat_test_run_cli ((const char * const *) args->pdata, &out, &err);
      g_assert_cmpint (status, ==, 2);
      assert_one_line_error (err, cases[i].message);
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

/* An output that cannot be written: one line naming it, exit 1, nothing
 * written, and the database as it was. */
static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const formats[] = { "csv", "ics", "json" };
  g_autofree char *before = NULL;
  gsize before_length = 0;

  create_database (fixture->db);
  before = read_file (fixture->db, &before_length);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *missing = g_build_filename (fixture->dir, "nonexistent-dir", "x.out", NULL);
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      gsize after_length = 0;

      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[i],
                            "-o", missing, NULL), ==, 1);
      assert_one_line_error (err, "Cannot write “");
      assert_contains (err, "nonexistent-dir” does not exist");
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* A folder is not a file. */
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", formats[i],
                            "-o", fixture->dir, NULL), ==, 1);
      assert_one_line_error (err, "it is a folder");
      g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));

      after = read_file (fixture->db, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
    }
}

/* The exports only read: through a read-only URI too, and the file keeps
 * its bytes. */
static void
test_export_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *csv = NULL, *csv_ro = NULL, *ics = NULL, *ics_ro = NULL;
  gsize before_length = 0, after_length = 0;

  import_action_items (fixture);
  uri = g_strdup_printf ("file:%s?mode=ro", fixture->db);
  before = read_file (fixture->db, &before_length);
  g_assert_cmpint (cli (&csv, NULL, "--database", fixture->db, "export", "--format", "csv", NULL), ==, 0);
  g_assert_cmpint (cli (&csv_ro, NULL, "--database", uri, "export", "--format", "csv", NULL), ==, 0);
  g_assert_cmpint (cli (&ics, NULL, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpint (cli (&ics_ro, NULL, "--database", uri, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpstr (csv, ==, csv_ro);
  g_assert_cmpstr (ics, ==, ics_ro);
  after = read_file (fixture->db, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A missing database is created and seeded first, as by every command. */
static void
test_export_new_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "ics", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  assert_contains (out, "UID:a205de48-c47f-5bf7-a9a4-42c2b8275c03@icattracker.org\r\n");
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

static void
test_error_usage (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "frobnicate", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: Unknown command “frobnicate”\n"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--format", "xml", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  assert_contains (err, "xml");
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "export", "--no-such-option", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "icat-tracker-cli: "));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_error_import_missing_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", fixture->db, "import", missing, NULL), ==, 1);
  assert_one_line_error (err, "missing.json");
  g_assert_cmpstr (out, ==, "");
}

static void
test_error_missing_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "not-here", NULL);
  g_autofree char *database = g_build_filename (folder, "icat.db", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--database", database, "export", NULL), ==, 1);
  assert_one_line_error (err, folder);
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* The file is refused and its bytes stay as they were; no journal is left. */
static void
assert_refused_untouched (const char *database,
                          const char *expected)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  gsize before_length, after_length;
  const char *commands[] = { "export", "check", "import" };
  g_autofree char *file = g_strconcat (database, ".json", NULL);

  write_file (file, NEW_DOCUMENT, -1);
  before = read_file (database, &before_length);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&after, g_free);
      if (strcmp (commands[i], "import") == 0)
        g_assert_cmpint (cli (&out, &err, "--database", database, commands[i], file, NULL), ==, 1);
      else
        g_assert_cmpint (cli (&out, &err, "--database", database, commands[i], NULL), ==, 1);
      assert_one_line_error (err, expected);
      g_assert_cmpstr (out, ==, "");
      after = read_file (database, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_error_not_sqlite (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "x.db", NULL);
  g_autofree char *message = NULL;

  write_file (database, "hello", -1);
  message = g_strdup_printf ("“%s” is not an ICAT Tracker database", database);
  assert_refused_untouched (database, message);
}

static void
test_error_other_sqlite (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "other.db", NULL);

  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (database, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  }
  assert_refused_untouched (database, "is an SQLite file but not an ICAT Tracker database");
}

static void
test_error_newer_version (Fixture       *fixture,
                          gconstpointer  data)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  assert_refused_untouched (fixture->db, "newer version of ICAT Tracker (database version 99");
}

static void
test_error_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "new.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *through_uri = NULL;
  g_autofree char *out = NULL, *err = NULL;

  create_database (fixture->db);
  uri = g_strdup_printf ("file:%s?mode=ro", fixture->db);
  write_file (file, NEW_DOCUMENT, -1);
  before = export_db (fixture->db);

  /* Reading works through the read-only URI. */
  through_uri = export_db (uri);
  g_assert_cmpstr (through_uri, ==, before);

  g_assert_cmpint (cli (&out, &err, "--database", uri, "import", file, NULL), ==, 1);
  assert_one_line_error (err, "read-only");
  g_assert_cmpstr (out, ==, "");
  after = export_db (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* --database beats $ICAT_TRACKER_DB, which beats the default. */
static void
test_database_choice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *from_env = g_build_filename (fixture->dir, "env.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *default_db = g_build_filename (fixture->data_home, "icat-tracker", "icat-tracker.db", NULL);

  g_setenv ("ICAT_TRACKER_DB", from_env, TRUE);
  g_assert_cmpint (cli (&out, NULL, "--database", fixture->db, "check", NULL), ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (from_env, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, NULL, "check", NULL), ==, 0);
  g_assert_true (g_file_test (from_env, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_unsetenv ("ICAT_TRACKER_DB");

  /* The default lives in the (test's own) data folder. */
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli (&out, NULL, "check", NULL), ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *commands[] = { "export", "import", "check", "workplan", "minutes" };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "--help", NULL), ==, 0);
  assert_contains (out, "Usage:");
  assert_contains (out, "export");
  assert_contains (out, "import");
  assert_contains (out, "check");
  assert_contains (out, "workplan");
  assert_contains (out, "minutes");
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("icat-tracker-cli %s", commands[i]);

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli (&out, &err, "--database", fixture->db, commands[i], "--help", NULL), ==, 0);
      assert_contains (out, "Usage:");
      assert_contains (out, usage);
      g_assert_cmpstr (err, ==, "");
    }
  /* Asking for help creates no database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export/seed", test_export_seed);
  ADD ("export/seed-mandate-text", test_export_seed_mandate_text);
  ADD ("export/output", test_export_output);
  ADD ("export/csv", test_export_csv);
  ADD ("export/ics", test_export_ics);
  ADD ("export/chinese", test_export_chinese);
  ADD ("export/document-output", test_export_document_output);
  ADD ("export/fifo", test_export_to_fifo);
  ADD ("export/option-errors", test_export_option_errors);
  ADD ("export/unwritable", test_export_unwritable);
  ADD ("export/read-only", test_export_read_only);
  ADD ("export/new-database", test_export_new_database);
  ADD ("import/replace-round-trip", test_import_replace_round_trip);
  ADD ("import/dry-run", test_import_dry_run);
  ADD ("import/bad-file", test_import_bad_file);
  ADD ("check/fresh", test_check_fresh);
  ADD ("check/second-chair-term", test_check_second_chair_term);
  ADD ("check/bad-pillar", test_check_bad_pillar);
  ADD ("error/usage", test_error_usage);
  ADD ("error/import-missing-file", test_error_import_missing_file);
  ADD ("error/missing-folder", test_error_missing_folder);
  ADD ("error/not-sqlite", test_error_not_sqlite);
  ADD ("error/other-sqlite", test_error_other_sqlite);
  ADD ("error/newer-version", test_error_newer_version);
  ADD ("error/read-only", test_error_read_only);
  ADD ("database-choice", test_database_choice);
  ADD ("help", test_help);
#undef ADD

  return g_test_run ();
}
