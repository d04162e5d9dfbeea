/* test-round-trip.c — what import accepts, export writes back unchanged
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For random valid documents (icat-test-document.c: every kind of record,
 * every nested list, references between them, text in many scripts):
 * import, export, `import --replace` into a new database, export again.
 * The two exports must be the same bytes and `check` clean on both
 * databases. Half the documents are merged into the seed, half restored
 * alone with chair terms and work plans; the first few go through the
 * real command line. ICAT_ROUND_TRIP_TRIALS sets the number of documents
 * and ICAT_ROUND_TRIP_SEED the first one's seed, printed on failure.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "icat-store.h"
#include "icat-test-document.h"
#include "icat-test-state.h"
#include "icat-test-util.h"

#define CLI_TRIALS 3

static char *template_dir;
static char *template_path;

static IcatStore *
open_copy (const char *dir,
           const char *name,
           char      **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  IcatStore *store;

  icat_test_copy_file (template_path, path);
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
import_or_fail (IcatStore       *store,
                const char      *document,
                IcatImportFlags  flags,
                guint32          seed)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;

  if (!icat_store_import (store, bytes, "random.json", flags, NULL, &error))
    g_error ("seed %u: a valid document was refused: %s", seed, error->message);
}

static void
assert_checked (IcatStore *store,
                guint32    seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = icat_store_check (store, &error);

  g_assert_no_error (error);
  if (problems->len > 0)
    g_error ("seed %u: check found: %s", seed, (const char *) problems->pdata[0]);
}

/* The same through icat-tracker-cli: export, restore into a new file,
 * export again. */
static void
round_trip_cli (const char *dir,
                const char *path,
                const char *export,
                guint32     seed)
{
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (dir, "second.json", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.db", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *output = NULL;

  g_assert_cmpint (icat_test_run_cli ((const char *[]) { "--database", path, "export", "--format", "json",
                                                         "-o", first, NULL }, NULL, &errors), ==, 0);
  g_clear_pointer (&errors, g_free);
  if (icat_test_run_cli ((const char *[]) { "--database", restored, "import", "--replace", first, NULL },
                         &output, &errors) != 0)
    g_error ("seed %u: the command line refused its own export: %s", seed, errors);
  g_assert_cmpint (icat_test_run_cli ((const char *[]) { "--database", restored, "export", "--format", "json",
                                                         "-o", second, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (icat_test_run_cli ((const char *[]) { "--database", restored, "check", NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (first, &first_text, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &second_text, NULL, NULL));
  /* exported_at differs; everything else must not. */
  g_assert_cmpstr (strstr (first_text, "\"agencies\""), ==, strstr (second_text, "\"agencies\""));
  g_assert_cmpstr (strstr (export, "\"agencies\""), ==, strstr (first_text, "\"agencies\""));
  g_remove (first);
  g_remove (second);
  g_remove (restored);
}

static void
round_trip (const char *dir,
            guint32     seed,
            guint       trial)
{
  gboolean alone = trial % 2 == 1;
  g_autofree char *document = icat_test_document_new (seed, 1 + trial % 6,
                                                      alone ? ICAT_TEST_DOCUMENT_YEARS : ICAT_TEST_DOCUMENT_DEFAULT);
  g_autofree char *path = NULL;
  g_autofree char *restored_path = NULL;
  g_autoptr(IcatStore) store = open_copy (dir, "imported.db", &path);
  g_autoptr(IcatStore) restored = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_test_message ("seed %u: %" G_GSIZE_FORMAT " bytes, %s", seed, strlen (document), alone ? "alone" : "merged");
  import_or_fail (store, document, alone ? ICAT_IMPORT_REPLACE : ICAT_IMPORT_DEFAULT, seed);
  assert_checked (store, seed);
  first = icat_test_export (store);

  restored = open_copy (dir, "restored.db", &restored_path);
  import_or_fail (restored, first, ICAT_IMPORT_REPLACE, seed);
  assert_checked (restored, seed);
  second = icat_test_export (restored);
  if (g_strcmp0 (first, second) != 0)
    g_error ("seed %u: the export of the restored database differs from the export restored", seed);

  g_clear_object (&store);
  g_clear_object (&restored);
  if (trial < CLI_TRIALS)
    round_trip_cli (dir, path, first, seed);
  g_remove (path);
  g_remove (restored_path);
}

static void
test_random_documents (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  guint trials = icat_test_env_uint ("ICAT_ROUND_TRIP_TRIALS", 40);
  guint32 first_seed = icat_test_env_seed ("ICAT_ROUND_TRIP_SEED");

  g_test_message ("ICAT_ROUND_TRIP_SEED=%u replays these documents", first_seed);
  for (guint trial = 0; trial < trials; trial++)
    round_trip (dir, first_seed + trial, trial);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A backup of one meeting: restored, it leaves out the built-in records. */
#define ONE_MEETING \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{" \
  "\"id\": \"11111111-1111-4111-8111-111111111111\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"UTC\"}]}"

/* What the command line prints and a test does not read goes into the
 * test's log: check's warnings about the built-in records a restore
 * deleted came out on the test's standard output, where meson's TAP reader
 * found "Unknown TAP output" in every line. */
static void
test_cli_output_in_log (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = icat_test_tmpdir_new ();
      g_autofree char *backup = g_build_filename (dir, "backup.json", NULL);
      g_autofree char *path = g_build_filename (dir, "restored.db", NULL);

      g_assert_true (g_file_set_contents (backup, ONE_MEETING, -1, NULL));
      g_assert_cmpint (icat_test_run_cli ((const char *[]) { "--database", path, "import", "--replace", backup, NULL },
                                          NULL, NULL), ==, 0);
      g_assert_cmpint (icat_test_run_cli ((const char *[]) { "--database", path, "check", NULL }, NULL, NULL), ==, 0);
      icat_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* Not a line of its own; a message when the test is verbose. */
  g_test_trap_assert_stdout_unmatched ("Records removed*");
  g_test_trap_assert_stdout_unmatched ("*\nRecords removed*");
  g_test_trap_assert_stdout_unmatched ("*\nWarning: *");
}

/* The generator itself: the same seed, the same document. */
static void
test_generator_is_stable (void)
{
  g_autofree char *once = icat_test_document_new (7, 4, ICAT_TEST_DOCUMENT_YEARS);
  g_autofree char *again = icat_test_document_new (7, 4, ICAT_TEST_DOCUMENT_YEARS);
  g_autoptr(GPtrArray) ids = icat_test_document_ids (once);

  g_assert_cmpstr (once, ==, again);
  g_assert_cmpuint (ids->len, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  icat_test_init (&argc, &argv);
  template_dir = icat_test_tmpdir_new ();
  template_path = icat_test_seeded_template (template_dir);

  g_test_add_func ("/round-trip/generator", test_generator_is_stable);
  g_test_add_func ("/round-trip/random-documents", test_random_documents);
  g_test_add_func ("/round-trip/cli-output-in-log", test_cli_output_in_log);
  status = g_test_run ();

  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
  g_free (template_path);
  return status;
}
