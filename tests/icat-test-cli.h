/* icat-test-cli.h — the CLI tests' fixture and helpers
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FIXED_EXPORTED_AT "2030-01-02T03:04:05.678Z"

typedef struct {
  char *dir;
  char *db;    /* dir/icat.db; not created until a test runs the program */
  char *data_home;
  char *config_home;
} Fixture;

#define NEW_DOCUMENT \
  "{\"format\": \"icat-tracker\", \"version\": 1, \"meetings\": [{" \
  "\"id\": \"11111111-1111-4111-8111-111111111111\", \"created_at\": \"2026-02-01T09:00:00.000Z\", " \
  "\"updated_at\": \"2026-02-01T10:00:00.000Z\", \"updated_by\": \"99999999-9999-4999-8999-999999999999\", " \
  "\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Zurich\", " \
  "\"venue\": \"Geneva\", \"agenda\": [{\"id\": \"22222222-2222-4222-8222-222222222221\", \"position\": 0, " \
  "\"title\": \"Work plan\"}]}]}"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data);

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data);

/* Runs icat-tracker-cli with the NULL-terminated arguments; both outputs
 * are always captured (and returned when asked for). */
int G_GNUC_NULL_TERMINATED
cli (char       **out,
     char       **err,
     const char  *first,
     ...);

/* The database's JSON export through the CLI, with a fixed exported_at. */
char *
export_db (const char *database);

void
assert_contains (const char *text,
                 const char *part);

/* A failure: one line on stderr, starting with the program's name. */
void
assert_one_line_error (const char *err,
                       const char *part);

JsonObject *
parse_object (const char *text);

void
write_file (const char *path,
            const char *contents,
            gssize      length);

char *
read_file (const char *path,
           gsize      *length);

/* The two files hold the same bytes. */
void
assert_same_files (const char *first,
                   const char *second);

/* Imports an exchange document (JSON text) into the fixture's database;
 * the import must succeed. */
void
import_document (Fixture    *fixture,
                 const char *document);

/* Writes the report (args: "sg", "--from", "2016", …, NULL) to odt, its
 * name saying the format, and again with --format odt: an OpenDocument
 * file, and the same records give the same bytes. */
void
assert_odt_report_repeats (Fixture            *fixture,
                           const char * const *args,
                           const char         *odt);

/* Creates the seeded database by running a command that changes nothing. */
void
create_database (const char *database);

void
sql_exec (const char *database,
          const char *sql);

JsonObject *
find_agency (JsonArray  *agencies,
             const char *acronym);

gboolean
has_role (JsonObject *agency,
          const char *role);

const char *
localized (JsonObject *record,
           const char *member,
           const char *language);

G_END_DECLS
