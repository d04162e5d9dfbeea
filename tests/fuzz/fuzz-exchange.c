/* fuzz-exchange.c — parse, validate and apply any bytes as an exchange document
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `import` does, on an in-memory database holding a few built-in
 * records: parse, plan (every
 * check and reference), apply. What import accepts must then export, and
 * the export must restore (`import --replace`): whatever import takes in,
 * the rest of the program must handle. Each input runs in a transaction
 * rolled back at the end, so inputs never depend on each other. A refusal
 * must come with a message; anything else that goes wrong aborts, which
 * libFuzzer reports as a crash.
 *
 * Built twice: with libFuzzer (meson -Dfuzzing=true, clang), and in every
 * build into replay-exchange, which runs the corpus as a test.
 */
#include "config.h"

#include <stdlib.h>

#include "fuzz-exchange.h"
#include "icat-db.h"
#include "icat-exchange.h"

static IcatDb *db;

static void
require (gboolean    condition,
         const char *what,
         GError     *error)
{
  if (condition)
    return;
  g_printerr ("fuzz-exchange: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  abort ();
}

/* Parse, plan and apply, in the caller's transaction; FALSE when refused.
 * The import reads a document a record at a time (icat_exchange_read ());
 * read whole into one tree, the same document must be taken or refused
 * alike. */
static gboolean
import (GBytes   *bytes,
        gboolean  replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(JsonNode) tree = icat_exchange_parse ("fuzz.json", bytes, &tree_error);
  g_autoptr(IcatImportPlan) tree_plan = NULL;
  IcatExchangeDocument *document = icat_exchange_read ("fuzz.json", bytes, &error);
  g_autoptr(IcatImportPlan) plan = NULL;

  if (tree != NULL)
    tree_plan = icat_import_plan_new (db, tree, replace, "fuzz.json", &tree_error);
  if (document != NULL)
    plan = icat_import_plan_new_reading (db, document, replace, &error);
  require ((plan != NULL) == (tree_plan != NULL), "read by records and read whole, the document is taken once",
           plan != NULL ? tree_error : error);
  if (plan == NULL)
    {
      require (error != NULL && error->message[0] != '\0', "a document refused without a message", NULL);
      return FALSE;
    }
  require (icat_import_plan_apply (plan, db, &error), "a planned import failed to apply", error);
  return TRUE;
}

/* A few records of the built-in data (same ids), for references to point
 * at: the whole seed would make every export and restore a hundred times
 * slower, and the fuzzer a hundred times less thorough. */
static const char small_seed[] =
  "{\"format\": \"icat-tracker\", \"version\": 1, \"exported_at\": \"2026-01-01T00:00:00.000Z\","
  " \"agencies\": ["
  "  {\"id\": \"95b8e2c6-dfec-5883-89e7-3f294c639fb6\", \"created_at\": \"2026-01-01T00:00:00.000Z\","
  "   \"updated_at\": \"2026-01-01T00:00:00.000Z\", \"updated_by\": \"58667522-25db-54c5-a7aa-9d62fce9f0a7\","
  "   \"acronym\": \"UNODC\", \"name\": {\"en\": \"United Nations Office on Drugs and Crime\","
  "   \"zh\": \"联合国毒品和犯罪问题办公室\"}, \"kind\": \"un-entity\"},"
  "  {\"id\": \"cf549496-627d-57fa-9e4f-dbb2d342159d\", \"created_at\": \"2026-01-01T00:00:00.000Z\","
  "   \"updated_at\": \"2026-01-01T00:00:00.000Z\", \"updated_by\": \"58667522-25db-54c5-a7aa-9d62fce9f0a7\","
  "   \"acronym\": \"IOM\", \"name\": {\"en\": \"International Organization for Migration\"},"
  "   \"kind\": \"un-entity\"}],"
  " \"mandates\": ["
  "  {\"id\": \"054f808b-9a32-53e2-a3a5-b1a1d999d7d0\", \"created_at\": \"2026-01-01T00:00:00.000Z\","
  "   \"updated_at\": \"2026-01-01T00:00:00.000Z\", \"updated_by\": \"58667522-25db-54c5-a7aa-9d62fce9f0a7\","
  "   \"document\": \"A/RES/72/195\", \"paragraph\": \"14\", \"text\": {\"en\": \"Coordination\"},"
  "   \"addressee\": \"icat\", \"pillar\": \"coordination\"}]}";

static void
open_seeded_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) seed = g_bytes_new_static (small_seed, sizeof small_seed - 1);

  db = icat_db_open (":memory:", ICAT_DB_READ_WRITE, NULL, &error);
  require (db != NULL, "cannot open a database in memory", error);
  require (icat_db_begin (db, &error), "cannot begin", error);
  require (import (seed, FALSE), "the seed was refused", NULL);
  require (icat_db_commit (db, &error), "cannot commit the seed", error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  char *export;

  if (db == NULL)
    open_seeded_database ();
  require (icat_db_begin (db, &error), "cannot begin", error);
  if (import (bytes, size > 0 && data[size - 1] % 2 == 0))
    {
      export = icat_exchange_export (db, "2026-01-01T00:00:00.000Z", &error);
      require (export != NULL, "an accepted document does not export", error);
      exported = g_bytes_new_take (export, strlen (export));
      require (import (exported, TRUE), "the export of an accepted document does not restore", NULL);
    }
  icat_db_rollback (db);
  return 0;
}

void
icat_fuzz_exchange_cleanup (void)
{
  g_clear_pointer (&db, icat_db_close);
}
