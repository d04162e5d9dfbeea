/* test-nested-id.c — the ids derived for nested rows without one
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected ids come from Python's uuid.uuid5, an implementation of
 * RFC 4122 independent of ours.
 */
#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-nested-id.h"
#include "icat-test-util.h"

#define PARENT "5e1f0c2a-6d7b-4c1e-9a3f-000000000001"

static const IcatKind *
child_kind (const char *parent,
            const char *list)
{
  return icat_kind_lookup_field (icat_schema_lookup (parent), list)->child;
}

static void
test_uuid_v5 (void)
{
  g_autofree char *dns = icat_uuid_v5 ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");
  g_autofree char *empty = icat_uuid_v5 ("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "");
  g_autofree char *bad = icat_uuid_v5 ("not-a-uuid", "python.org");
  g_autofree char *upper = icat_uuid_v5 ("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org");

  g_assert_cmpstr (dns, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  g_assert_cmpstr (empty, ==, "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
  g_assert_null (bad);
  /* Ids are lower-case UUIDs; an upper-case namespace is not one. */
  g_assert_null (upper);
  g_assert_true (icat_is_uuid (dns));
}

static void
test_nested_id (void)
{
  g_autofree char *first = icat_nested_id (PARENT, "focal_points", "Amina Diallo");
  g_autofree char *second = icat_nested_id (PARENT, "focal_points", "Amina Diallo#2");
  /* A membership of UNODC in the seed (data/seed/icat.json). */
  g_autofree char *seed = icat_nested_id ("95b8e2c6-dfec-5883-89e7-3f294c639fb6", "memberships", "member/2006");

  g_assert_cmpstr (first, ==, "7304d7d0-3d0b-50b6-9857-0ed54d84e031");
  g_assert_cmpstr (second, ==, "5a4f137a-ad9a-5f40-a5af-5d7bceb688b9");
  g_assert_cmpstr (seed, ==, "09c74d6f-2b57-500c-9086-f0943f255f44");
}

static void
test_natural_key (void)
{
  g_autoptr(JsonObject) membership = icat_test_object ("{\"role\": \"member\", \"from\": \"2006\", \"to\": null}");
  g_autoptr(JsonObject) change = icat_test_object ("{\"status\": \"done\", \"at\": \"2026-02-01T09:30:00.000Z\"}");
  g_autoptr(JsonObject) invitee = icat_test_object ("{\"name\": \"Austria\", \"kind\": \"state\"}");
  g_autoptr(JsonObject) agenda = icat_test_object ("{\"position\": 0, \"title\": \"Opening\"}");
  g_autofree char *membership_key = icat_nested_id_natural_key (child_kind ("agency", "memberships"), membership);
  g_autofree char *change_key = icat_nested_id_natural_key (child_kind ("action_item", "history"), change);
  g_autofree char *invitee_key = icat_nested_id_natural_key (child_kind ("meeting", "invited"), invitee);
  g_autofree char *agenda_key = icat_nested_id_natural_key (child_kind ("meeting", "agenda"), agenda);

  g_assert_cmpstr (membership_key, ==, "member/2006");
  g_assert_cmpstr (change_key, ==, "done/2026-02-01T09:30:00.000Z");
  g_assert_cmpstr (invitee_key, ==, "state/Austria");
  /* Agenda items carry their own ids. */
  g_assert_null (agenda_key);
}

static JsonArray *
rows_of (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_array_ref (json_node_get_array (node));
}

static const char *
id_at (JsonArray *rows,
       guint      index)
{
  return json_object_get_string_member (json_array_get_object_element (rows, index), "id");
}

static void
test_fill (void)
{
  const IcatKind *focal = child_kind ("agency", "focal_points");
  g_autofree char *first = icat_nested_id (PARENT, "focal_points", "Amina Diallo");
  g_autofree char *third = icat_nested_id (PARENT, "focal_points", "Amina Diallo#3");
  g_autofree char *li_wei = icat_nested_id (PARENT, "focal_points", "Li Wei");
  g_autofree char *fourth = icat_nested_id (PARENT, "focal_points", "Amina Diallo#4");
  g_autoptr(JsonArray) rows = rows_of ("[{\"name\": \"Amina Diallo\"}, {\"id\": null, \"name\": \"Li Wei\"},"
                                       " {\"name\": \"Amina Diallo\"}, {\"id\": \"0c0c0c0c-0000-4000-8000-000000000000\", \"name\": \"Amina Diallo\"},"
                                       " {\"name\": \"Amina Diallo\"}]");
  g_autoptr(JsonArray) taken = rows_of ("[{\"name\": \"Amina Diallo\"}, {\"name\": \"Amina Diallo\"},"
                                        " {\"id\": \"5a4f137a-ad9a-5f40-a5af-5d7bceb688b9\", \"name\": \"Li Wei\"}]");
  g_autoptr(JsonArray) orphans = rows_of ("[{\"name\": \"Amina Diallo\"}]");
  g_autoptr(JsonArray) empty = json_array_new ();
  g_autoptr(JsonArray) agenda = rows_of ("[{\"position\": 0, \"title\": \"Opening\"}]");

  icat_nested_ids_fill (PARENT, "focal_points", focal, rows);
  g_assert_cmpstr (id_at (rows, 0), ==, first);
  g_assert_cmpstr (id_at (rows, 1), ==, li_wei);
  g_assert_cmpstr (id_at (rows, 2), ==, "5a4f137a-ad9a-5f40-a5af-5d7bceb688b9");
  /* An id the list holds stays; the rows with the same key count on. */
  g_assert_cmpstr (id_at (rows, 3), ==, "0c0c0c0c-0000-4000-8000-000000000000");
  g_assert_cmpstr (id_at (rows, 4), ==, fourth);

  /* Li Wei holds the id Amina Diallo #2 would get: she takes #3. */
  icat_nested_ids_fill (PARENT, "focal_points", focal, taken);
  g_assert_cmpstr (id_at (taken, 0), ==, first);
  g_assert_cmpstr (id_at (taken, 1), ==, third);
  g_assert_cmpstr (id_at (taken, 2), ==, "5a4f137a-ad9a-5f40-a5af-5d7bceb688b9");

  /* No parent id (nothing to derive from), an empty list, a kind with ids of its own. */
  icat_nested_ids_fill (NULL, "focal_points", focal, orphans);
  g_assert_false (json_object_has_member (json_array_get_object_element (orphans, 0), "id"));
  icat_nested_ids_fill (PARENT, "focal_points", focal, empty);
  g_assert_cmpuint (json_array_get_length (empty), ==, 0);
  icat_nested_ids_fill (PARENT, "agenda", child_kind ("meeting", "agenda"), agenda);
  g_assert_false (json_object_has_member (json_array_get_object_element (agenda, 0), "id"));
}

/* The "#3" id, checked against Python's value too. */
static void
test_fill_third (void)
{
  const IcatKind *focal = child_kind ("agency", "focal_points");
  g_autoptr(JsonArray) rows = rows_of ("[{\"name\": \"Amina Diallo\"}, {\"name\": \"Amina Diallo\"},"
                                       " {\"name\": \"Amina Diallo\"}]");

  icat_nested_ids_fill (PARENT, "focal_points", focal, rows);
  g_assert_cmpstr (id_at (rows, 2), ==, "9fdc7d6f-ba6c-50f9-88e8-0dc818f1d011");
}

static void
test_sql_function (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (icat_nested_id_register_sql (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT icat_nested_id (?1, 'focal_points', 'Amina Diallo'), "
                                           "icat_nested_id (NULL, 'focal_points', 'Amina Diallo')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, PARENT, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "7304d7d0-3d0b-50b6-9857-0ed54d84e031");
  g_assert_cmpint (sqlite3_column_type (stmt, 1), ==, SQLITE_NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

#define DOCUMENT_START "{\"format\": \"icat-tracker\", \"version\": 1, \"exported_at\": \"2026-03-01T00:00:00.000Z\", \"meetings\": ["
#define MEETING_FIELDS "\"created_at\": \"2026-03-01T00:00:00.000Z\", \"updated_at\": \"2026-03-01T00:00:00.000Z\"," \
  " \"updated_by\": \"" PARENT "\", \"kind\": \"other\", \"title\": {\"en\": \"Briefing\"}," \
  " \"starts_at\": \"2026-03-10T08:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"UTC\""

static gboolean
import_text (IcatStore   *store,
             const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return icat_store_import (store, bytes, "rows.json", ICAT_IMPORT_DEFAULT, NULL, error);
}

/* Rows without ids get the derived ones; ids twice in a list, or of
 * another record's row, are refused at the row's path. */
static void
test_import (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autofree char *unicef = icat_test_agency_id (store, "UNICEF");
  g_autofree char *derived = icat_nested_id (PARENT, "attendance", unodc);
  g_autofree char *first = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *attendance;

  first = g_strdup_printf (DOCUMENT_START "{\"id\": \"" PARENT "\", " MEETING_FIELDS ","
                           " \"attendance\": [{\"agency\": \"%s\", \"present\": true},"
                           " {\"id\": \"0c0c0c0c-0000-4000-8000-000000000000\", \"agency\": \"%s\", \"present\": false}]}]}",
                           unodc, unicef);
  g_assert_true (import_text (store, first, &error));
  g_assert_no_error (error);
  meeting = icat_store_read (store, "meeting", PARENT, &error);
  g_assert_no_error (error);
  attendance = json_object_get_array_member (meeting, "attendance");
  g_assert_cmpstr (id_at (attendance, 0), ==, derived);
  g_assert_cmpstr (id_at (attendance, 1), ==, "0c0c0c0c-0000-4000-8000-000000000000");

  twice = g_strdup_printf (DOCUMENT_START "{\"id\": \"" PARENT "\", " MEETING_FIELDS ","
                           " \"attendance\": [{\"id\": \"%s\", \"agency\": \"%s\", \"present\": true},"
                           " {\"id\": \"%s\", \"agency\": \"%s\", \"present\": false}]}]}",
                           derived, unodc, derived, unicef);
  g_assert_false (import_text (store, twice, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_true (strstr (error->message, "$.meetings[0].attendance[1]: ") != NULL);
  g_assert_true (strstr (error->message, "used twice") != NULL);
  g_clear_error (&error);

  other = g_strdup_printf (DOCUMENT_START "{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-000000000002\", " MEETING_FIELDS ","
                           " \"attendance\": [{\"id\": \"%s\", \"agency\": \"%s\", \"present\": true}]}]}",
                           derived, unodc);
  g_assert_false (import_text (store, other, &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
  g_assert_true (strstr (error->message, "$.meetings[0].attendance[0].id: ") != NULL);
  g_assert_true (strstr (error->message, "another record") != NULL);
  g_clear_object (&store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/nested-id/uuid-v5", test_uuid_v5);
  g_test_add_func ("/nested-id/derived", test_nested_id);
  g_test_add_func ("/nested-id/natural-key", test_natural_key);
  g_test_add_func ("/nested-id/fill", test_fill);
  g_test_add_func ("/nested-id/fill-third", test_fill_third);
  g_test_add_func ("/nested-id/sql-function", test_sql_function);
  g_test_add_func ("/nested-id/import", test_import);
  return g_test_run ();
}
