/* icat-test-exchange.h — the exchange tests' fixture, records and helpers
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-store.h"

G_BEGIN_DECLS

#define DISPLAY_NAME "bad.json"

#define DEVICE_ID   "99999999-9999-4999-8999-999999999999"
#define CREATED     "2026-02-01T09:00:00.000Z"
#define STAMP       "2026-02-01T10:00:00.000Z"
#define NEWER       "2026-02-02T10:00:00.000Z"
#define OLDER       "2025-12-31T10:00:00.000Z"

#define AGENCY_ID   "55555555-5555-4555-8555-555555555551"
#define TERM_ID     "66666666-6666-4666-8666-666666666661"
#define MEETING_ID  "11111111-1111-4111-8111-111111111111"
#define MEETING2_ID "11111111-1111-4111-8111-111111111112"
#define AGENDA1_ID  "22222222-2222-4222-8222-222222222221"
#define AGENDA2_ID  "22222222-2222-4222-8222-222222222222"
#define DECISION_ID "33333333-3333-4333-8333-333333333331"
#define ACTION_ID   "44444444-4444-4444-8444-444444444441"
#define ACTION2_ID  "44444444-4444-4444-8444-444444444442"
#define PAPER_ID    "77777777-7777-4777-8777-777777777771"
#define MANDATE_ID  "88888888-8888-4888-8888-888888888881"
#define MISSING_ID  "00000000-0000-4000-8000-000000000000"

/* The fields every record carries. */
#define META(id, updated) \
  "\"id\": \"" id "\", \"created_at\": \"" CREATED "\", \"updated_at\": \"" updated "\", " \
  "\"updated_by\": \"" DEVICE_ID "\""
#define DOC(lists) "{\"format\": \"icat-tracker\", \"version\": 1, " lists "}"

/* One valid record of each kind. @ACRONYM@ stands for the seed agency's id. */
#define AGENCY(id, updated) \
  "{" META (id, updated) ", \"acronym\": \"ASEAN\", " \
  "\"name\": {\"en\": \"Association of Southeast Asian Nations\", \"zh\": \"东南亚国家联盟\"}, " \
  "\"kind\": \"regional\", \"memberships\": [{\"role\": \"partner\", \"from\": \"2026-01\"}]}"
#define TERM(id, updated) \
  "{" META (id, updated) ", \"year\": 2030, \"agencies\": [\"@UNODC@\"]}"
#define MEETING_HEAD(id, updated) \
  "{" META (id, updated) ", \"kind\": \"working-group\", " \
  "\"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, " \
  "\"starts_at\": \"2026-03-10T09:00:00.000Z\", \"ends_at\": \"2026-03-10T12:00:00.000Z\", " \
  "\"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\""
#define MEETING(id, updated) \
  MEETING_HEAD (id, updated) ", \"host\": \"@UNODC@\", " \
  "\"agenda\": [{\"id\": \"" AGENDA1_ID "\", \"position\": 0, \"title\": \"Work plan 2026\", \"presenter\": \"@UNODC@\"}], " \
  "\"attendance\": [{\"agency\": \"@IOM@\", \"present\": true, \"delegates\": [\"A. Delegate\"]}]}"
#define PAPER(id, updated) \
  "{" META (id, updated) ", \"kind\": \"issue-brief\", \"title\": {\"en\": \"Trafficking and climate change\"}, " \
  "\"year\": 2026, \"status\": \"drafting\", \"lead_agencies\": [\"@IOM@\"]}"
#define MANDATE(id, updated) \
  "{" META (id, updated) ", \"document\": \"A/RES/72/195\", \"paragraph\": \"23\", " \
  "\"text\": {\"en\": \"A test paragraph.\", \"zh\": \"测试段落。\"}, \"addressee\": \"icat\", \"pillar\": \"coordination\"}"
#define ACTION(id, updated) \
  "{" META (id, updated) ", \"title\": \"Draft the 2026 work plan\", \"owner\": \"@UNODC@\", " \
  "\"starts\": \"2026-03\", \"due\": \"2026-06-30\", \"status\": \"open\"}"

/* Fixture: a temporary directory with a fresh seeded store. */
typedef struct {
  char      *dir;
  IcatStore *store;
} Fixture;


#define UNKNOWN_AGENCY "\"" MISSING_ID "\""

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data);

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data);

/* Replaces every @ACRONYM@ with that seed agency's id. */
char *
expand (IcatStore  *store,
        const char *text);

gboolean
import_text (IcatStore          *store,
             const char         *text,
             IcatImportFlags     flags,
             IcatImportSummary  *summary,
             GError            **error);

void
assert_import (IcatStore         *store,
               const char        *text,
               IcatImportFlags    flags,
               IcatImportSummary *summary);

void
assert_contains (const char *text,
                 const char *part);

/* Imports bytes as they are (no expansion); the import must fail with
 * code, a message naming the file and containing expected, and leave the
 * database exactly as it was. Returns the message. */
char *
assert_refused_bytes (IcatStore  *store,
                      GBytes     *bytes,
                      IcatImportFlags flags,
                      int         code,
                      const char *expected);

char *
assert_refused (IcatStore  *store,
                const char *text,
                const char *expected);

JsonObject *
read_record (IcatStore  *store,
             const char *kind,
             const char *id);

gboolean
record_exists (IcatStore  *store,
               const char *kind,
               const char *id);

/* How many records of each list an export holds. */
guint
count_in_export (const char *export,
                 const char *list);

G_END_DECLS
