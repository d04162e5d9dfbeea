/* test-cli-export.c — icat-tracker-cli, run as the real program: the JSON export
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
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icat-db.h"
#include "icat-test-cli.h"
#include "icat-test-util.h"

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
  /* Time itself is the point: exported_at (milliseconds) must move on. */
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

/* A disk with room for max_bytes more of a file (RLIMIT_FSIZE), and
 * standard output on a full device when stdout_full. */
typedef struct {
  rlim_t   max_bytes;
  gboolean stdout_full;
} Limits;

static void
limit_child (gpointer data)
{
  const Limits *limits = data;
  struct rlimit limit = { limits->max_bytes, limits->max_bytes };

  /* EFBIG from write() instead of a signal that ends the program. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
  if (limits->stdout_full)
    {
      int full = open ("/dev/full", O_WRONLY);

      dup2 (full, STDOUT_FILENO);
      close (full);
    }
}

static int
cli_limited (const Limits        *limits,
             char               **err,
             const char * const  *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (args, (gpointer) g_getenv ("ICAT_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, limit_child, (gpointer) limits,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The export is written as it is read: a disk that fills up halfway
 * leaves the old file whole and no temporary file beside it, and a full
 * device or standard output is named in one line. */
static void
test_export_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *file = g_build_filename (folder, "backup.json", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *err = NULL;
  g_autofree char *whole = export_db (fixture->db);
  const Limits disk = { 100 * 1024, FALSE };
  const Limits full_stdout = { RLIM_INFINITY, TRUE };

  /* More than the disk has room for, and more than one piece. */
  g_assert_cmpuint (strlen (whole), >, 150 * 1024);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (file, "the backup of yesterday", -1);

  g_assert_cmpint (cli_limited (&disk, &err, (const char *[]) { "--database", fixture->db, "export", "-o", file, NULL }), ==, 1);
  assert_one_line_error (err, "backup.json");
  assert_contains (err, g_strerror (EFBIG));
  kept = read_file (file, NULL);
  g_assert_cmpstr (kept, ==, "the backup of yesterday");
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_limited (&full_stdout, &err, (const char *[]) { "--database", fixture->db, "export", "-o", "/dev/full", NULL }), ==, 1);
  assert_one_line_error (err, "/dev/full");
  assert_contains (err, g_strerror (ENOSPC));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_limited (&full_stdout, &err, (const char *[]) { "--database", fixture->db, "export", NULL }), ==, 1);
  assert_one_line_error (err, "standard output");
  assert_contains (err, g_strerror (ENOSPC));
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
  ADD ("export/disk-full", test_export_disk_full);
#undef ADD

  return g_test_run ();
}
