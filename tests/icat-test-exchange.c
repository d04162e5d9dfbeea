/* icat-test-exchange.c — the JSON exchange format: the tests' fixture and helpers
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test imports through icat_store_import on a fresh seeded store in
 * its own temporary directory, then looks at what the database holds.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "icat-error.h"
#include "icat-test-exchange.h"
#include "icat-test-util.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* Replaces every @ACRONYM@ with that seed agency's id. */
char *
expand (IcatStore  *store,
        const char *text)
{
  g_autoptr(GString) result = g_string_new (NULL);
  const char *p = text;

  for (;;)
    {
      const char *start = strchr (p, '@');
      const char *end;
      g_autofree char *acronym = NULL;
      g_autofree char *id = NULL;

      if (start == NULL)
        break;
      end = strchr (start + 1, '@');
      g_assert_nonnull (end);
      g_string_append_len (result, p, start - p);
      acronym = g_strndup (start + 1, end - start - 1);
      id = icat_test_agency_id (store, acronym);
      g_string_append (result, id);
      p = end + 1;
    }
  g_string_append (result, p);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

gboolean
import_text (IcatStore          *store,
             const char         *text,
             IcatImportFlags     flags,
             IcatImportSummary  *summary,
             GError            **error)
{
  g_autofree char *expanded = expand (store, text);
  gsize length = strlen (expanded);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&expanded), length);

  return icat_store_import (store, bytes, DISPLAY_NAME, flags, summary, error);
}

void
assert_import (IcatStore         *store,
               const char        *text,
               IcatImportFlags    flags,
               IcatImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (store, text, flags, summary, &error));
  g_assert_no_error (error);
}

void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* Imports bytes as they are (no expansion); the import must fail with
 * code, a message naming the file and containing expected, and leave the
 * database exactly as it was. Returns the message. */
char *
assert_refused_bytes (IcatStore  *store,
                      GBytes     *bytes,
                      IcatImportFlags flags,
                      int         code,
                      const char *expected)
{
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  IcatImportSummary summary;

  g_assert_false (icat_store_import (store, bytes, DISPLAY_NAME, flags, &summary, &error));
  g_assert_error (error, ICAT_ERROR, code);
  assert_contains (error->message, expected);
  g_assert_true (g_str_has_prefix (error->message, DISPLAY_NAME ":"));
  g_assert_null (strchr (error->message, '\n'));
  after = icat_test_export (store);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

char *
assert_refused (IcatStore  *store,
                const char *text,
                const char *expected)
{
  g_autofree char *expanded = expand (store, text);
  gsize length = strlen (expanded);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&expanded), length);

  return assert_refused_bytes (store, bytes, ICAT_IMPORT_DEFAULT, ICAT_ERROR_INVALID, expected);
}

JsonObject *
read_record (IcatStore  *store,
             const char *kind,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *record = icat_store_read (store, kind, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

gboolean
record_exists (IcatStore  *store,
               const char *kind,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = icat_store_read (store, kind, id, &error);

  if (record == NULL)
    g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  return record != NULL;
}

/* How many records of each list an export holds. */
guint
count_in_export (const char *export,
                 const char *list)
{
  g_autoptr(JsonObject) root = icat_test_object (export);

  return json_array_get_length (json_object_get_array_member (root, list));
}

