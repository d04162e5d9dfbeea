/* icat-seed.c — the built-in data: loading it and bringing its corrections
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/seed/icat.json fills a new database. A later version of ICAT
 * Tracker may correct it or add to it; each record it changes carries the
 * revision's date as updated_at and still the seed's own updated_by. A
 * database whose built-in data is an older revision receives those
 * records, as an import from this laptop that other laptops merge, but
 * only where nobody has touched the record: a record someone edited has
 * another updated_by (or a newer updated_at), and one someone deleted has
 * a tombstone. Two laptops that upgrade on their own write the same ids
 * and values, which merge without a clash.
 */
#define G_LOG_DOMAIN "icat-seed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-seed.h"
#include "icat-store-private.h"
#include "icat-sync-private.h"

#define SEED_RESOURCE RESOURCE_PREFIX "/seed/icat.json"

/* The seed is where a database starts, not an edit to undo: it is written
 * in the transaction that creates the database, with no journal. */
gboolean
icat_seed_load (IcatDb    *db,
                gpointer   user_data,
                GError   **error)
{
  g_autoptr(GBytes) seed = g_resources_lookup_data (SEED_RESOURCE, 0, error);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(IcatImportPlan) plan = NULL;

  if (seed == NULL)
    return FALSE;
  document = icat_exchange_parse ("icat.json", seed, error);
  if (document == NULL)
    return FALSE;
  plan = icat_import_plan_new (db, document, FALSE, "icat.json", error);
  return plan != NULL && icat_import_plan_apply (plan, db, error) &&
         _icat_sync_set_setting (db, ICAT_SEED_REVISION_KEY, icat_seed_revision (), error);
}

/* The compiled-in seed, parsed once: every store that opens asks for its
 * revision. It is a resource of this program, so it always parses. */
static JsonObject *
seed_document (void)
{
  static JsonNode *document;

  if (g_once_init_enter (&document))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SEED_RESOURCE, 0, NULL);
      g_autoptr(GError) error = NULL;
      JsonNode *parsed = bytes != NULL ? icat_exchange_parse ("icat.json", bytes, &error) : NULL;

      if (parsed == NULL)
        g_error ("The built-in data does not load: %s", error ? error->message : "no resource");
      g_once_init_leave (&document, parsed);
    }
  return json_node_get_object (document);
}

static JsonArray *
seed_records (const IcatKind *kind)
{
  JsonNode *list = json_object_get_member (seed_document (), kind->plural);

  return list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;
}

const char *
icat_seed_group_name (void)
{
  JsonObject *group = json_object_get_object_member (seed_document (), "group");

  return icat_localized_pick (json_object_get_object_member (group, "name"));
}

char *
icat_seed_group_heading (void)
{
  /* Translators: how documents name the group: %s is its official name in the document's language (from the built-in data); ICAT is never translated */
  return g_strdup_printf (C_("group name", "%s (ICAT)"), icat_seed_group_name ());
}

const char *
icat_seed_revision (void)
{
  return ICAT_SEED_REVISION;
}

static gboolean
is_tombstoned (IcatDb          *db,
               const IcatKind  *kind,
               const char      *id,
               gboolean        *deleted,
               GError         **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT 1 FROM sync_tombstone WHERE tbl = ?1 AND pk = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, kind->name);
  icat_bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *deleted = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

/* Whether the built-in record seeded (a record of the current seed) is to
 * be written: new since from_revision and never deleted here, or stored
 * as an older revision wrote it and untouched since. */
static gboolean
wants_correction (IcatDb          *db,
                  const IcatKind  *kind,
                  JsonObject      *seeded,
                  const char      *from_revision,
                  gboolean        *wanted,
                  GError         **error)
{
  const char *id = json_object_get_string_member (seeded, ICAT_KEY_ID);
  const char *updated_at = json_object_get_string_member (seeded, ICAT_KEY_UPDATED_AT);
  g_autoptr(JsonObject) stored = NULL;
  gboolean exists = FALSE, deleted = FALSE;

  *wanted = FALSE;
  if (strcmp (updated_at, from_revision) <= 0)
    return TRUE;
  if (!icat_record_io_exists (db, kind->name, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      if (!is_tombstoned (db, kind, id, &deleted, error))
        return FALSE;
      *wanted = !deleted;
      return TRUE;
    }
  stored = icat_record_io_read (db, kind, id, error);
  if (stored == NULL)
    return FALSE;
  *wanted = g_strcmp0 (json_object_get_string_member_with_default (stored, ICAT_KEY_UPDATED_BY, NULL),
                       json_object_get_string_member (seeded, ICAT_KEY_UPDATED_BY)) == 0 &&
            g_strcmp0 (json_object_get_string_member_with_default (stored, ICAT_KEY_UPDATED_AT, NULL),
                       updated_at) < 0;
  return TRUE;
}

static JsonObject *
new_document (void)
{
  JsonObject *document = json_object_new ();

  json_object_set_string_member (document, "format", "icat-tracker");
  json_object_set_int_member (document, "version", 1);
  return document;
}

/* An exchange document of the built-in records to write, or one with no
 * records when there is nothing to do. */
static JsonObject *
collect_corrections (IcatDb      *db,
                     const char  *from_revision,
                     guint       *n_records,
                     GError     **error)
{
  g_autoptr(JsonObject) document = new_document ();
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  *n_records = 0;
  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *records = seed_records (kinds[k]);
      g_autoptr(JsonArray) wanted_records = json_array_new ();

      for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
        {
          JsonObject *seeded = json_array_get_object_element (records, i);
          gboolean wanted;

          if (!wants_correction (db, kinds[k], seeded, from_revision, &wanted, error))
            return NULL;
          if (wanted)
            json_array_add_element (wanted_records, json_node_copy (json_array_get_element (records, i)));
        }
      *n_records += json_array_get_length (wanted_records);
      json_object_set_array_member (document, kinds[k]->plural, g_steal_pointer (&wanted_records));
    }
  return g_steal_pointer (&document);
}

static gboolean
apply_document (IcatDb      *db,
                JsonObject  *document,
                GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(IcatImportPlan) plan = NULL;

  json_node_set_object (node, document);
  plan = icat_import_plan_new (db, node, FALSE, "icat.json", error);
  return plan != NULL && icat_import_plan_apply (plan, db, error);
}

/* A correction that no longer fits the database (it names an agency or a
 * mandate someone deleted) is left out, and check reports it; the others
 * are still written, one at a time. */
static gboolean
apply_one_by_one (IcatDb      *db,
                  JsonObject  *corrections,
                  GError     **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *records = json_object_get_array_member (corrections, kinds[k]->plural);

      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          g_autoptr(JsonObject) single = new_document ();
          g_autoptr(JsonArray) list = json_array_new ();
          g_autoptr(GError) refused = NULL;

          json_array_add_element (list, json_node_copy (json_array_get_element (records, i)));
          json_object_set_array_member (single, kinds[k]->plural, g_steal_pointer (&list));
          if (apply_document (db, single, &refused))
            continue;
          if (!g_error_matches (refused, ICAT_ERROR, ICAT_ERROR_INVALID))
            return g_propagate_error (error, g_steal_pointer (&refused)), FALSE;
          g_debug ("Built-in correction left out: %s", refused->message);
        }
    }
  return TRUE;
}

/* Whether any record still carries the seed's own updated_by: a database
 * set up empty, or replaced by an import of other records, holds none, and
 * is not given built-in data it never had. */
static gboolean
holds_built_in (IcatDb    *db,
                gboolean  *holds,
                GError   **error)
{
  JsonArray *agencies = seed_records (icat_schema_lookup ("agency"));
  const char *seed_device = json_object_get_string_member (json_array_get_object_element (agencies, 0),
                                                           ICAT_KEY_UPDATED_BY);
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT EXISTS (SELECT 1 FROM agency WHERE updated_by = ?1) "
                                        "OR EXISTS (SELECT 1 FROM mandate WHERE updated_by = ?1)",
                                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, seed_device);
  rc = sqlite3_step (stmt);
  *holds = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : icat_db_fail (db, rc, error);
}

static gboolean
upgrade_write (IcatDb       *db,
               IcatNotices  *notices,
               gpointer      data,
               GError      **error)
{
  g_autofree char *held = NULL;
  g_autoptr(JsonObject) corrections = NULL;
  g_autoptr(GError) refused = NULL;
  guint n_records;
  gboolean holds = TRUE;

  /* Again under the write lock: another program may have upgraded it. */
  if (!_icat_sync_read_setting (db, ICAT_SEED_REVISION_KEY, &held, error))
    return FALSE;
  if (held != NULL && strcmp (held, icat_seed_revision ()) >= 0)
    return TRUE;
  if (held == NULL && !holds_built_in (db, &holds, error))
    return FALSE;
  if (!holds)
    return _icat_sync_set_setting (db, ICAT_SEED_REVISION_KEY, icat_seed_revision (), error);
  corrections = collect_corrections (db, held != NULL ? held : ICAT_SEED_FIRST_REVISION, &n_records, error);
  if (corrections == NULL)
    return FALSE;
  if (n_records > 0 && !apply_document (db, corrections, &refused))
    {
      if (!g_error_matches (refused, ICAT_ERROR, ICAT_ERROR_INVALID))
        return g_propagate_error (error, g_steal_pointer (&refused)), FALSE;
      /* Collected again: a plan may hold on to what it read. */
      g_clear_pointer (&corrections, json_object_unref);
      corrections = collect_corrections (db, held != NULL ? held : ICAT_SEED_FIRST_REVISION, &n_records, error);
      if (corrections == NULL || !apply_one_by_one (db, corrections, error))
        return FALSE;
    }
  g_debug ("Built-in data brought from revision %s to %s: %u records",
           held != NULL ? held : ICAT_SEED_FIRST_REVISION, icat_seed_revision (), n_records);
  return _icat_sync_set_setting (db, ICAT_SEED_REVISION_KEY, icat_seed_revision (), error);
}

gboolean
icat_seed_upgrade (IcatStore  *store,
                   GError    **error)
{
  g_autofree char *held = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  if (!_icat_sync_read_setting (_icat_store_get_read_db (store), ICAT_SEED_REVISION_KEY, &held, error))
    return FALSE;
  if (held != NULL && strcmp (held, icat_seed_revision ()) >= 0)
    return TRUE;
  return _icat_store_write (store, upgrade_write, NULL, ICAT_STORE_WRITE_JOURNALED, NULL, error);
}

/* How check names a built-in record: what a coordinator sees in the app. */
static char *
record_label (const IcatKind *kind,
              JsonObject     *seeded)
{
  JsonNode *title = json_object_get_member (seeded, "title");

  if (g_str_equal (kind->name, "agency"))
    return g_strdup (json_object_get_string_member (seeded, "acronym"));
  if (g_str_equal (kind->name, "mandate"))
    return g_strdup_printf ("%s %s", json_object_get_string_member (seeded, "document"),
                            json_object_get_string_member (seeded, "paragraph"));
  if (g_str_equal (kind->name, "chair_term"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (seeded, "year"));
  if (title != NULL && JSON_NODE_HOLDS_OBJECT (title))
    return g_strdup (icat_localized_pick (json_node_get_object (title)));
  return g_strdup (json_object_get_string_member (seeded, ICAT_KEY_ID));
}

/* The fields (other than the id and timestamps) whose stored value is not
 * the built-in one, comma-separated, or NULL when they are all the same. */
static char *
differing_fields (const IcatKind *kind,
                  JsonObject     *seeded,
                  JsonObject     *stored)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const IcatField *field = &kind->fields[f];
      JsonNode *built_in = json_object_get_member (seeded, field->name);
      JsonNode *held = json_object_get_member (stored, field->name);
      gboolean same;

      if (field->flags & ICAT_FIELD_META)
        continue;
      if (built_in == NULL || held == NULL)
        same = (built_in == NULL || JSON_NODE_HOLDS_NULL (built_in)) && (held == NULL || JSON_NODE_HOLDS_NULL (held));
      else
        same = json_node_equal (built_in, held);
      if (!same)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", field->name);
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Still as the seed wrote it, and older than the built-in data: a database
 * opened only for reading since this version came, which the upgrade has
 * not reached yet. */
static gboolean
awaits_upgrade (JsonObject *seeded,
                JsonObject *stored)
{
  const char *seeded_at = json_object_get_string_member_with_default (seeded, ICAT_KEY_UPDATED_AT, "");
  const char *stored_at = json_object_get_string_member_with_default (stored, ICAT_KEY_UPDATED_AT, "");

  return g_strcmp0 (json_object_get_string_member_with_default (stored, ICAT_KEY_UPDATED_BY, NULL),
                    json_object_get_string_member_with_default (seeded, ICAT_KEY_UPDATED_BY, "")) == 0
         && strcmp (stored_at, seeded_at) < 0;
}

static gboolean
add_difference (IcatDb          *db,
                const IcatKind  *kind,
                JsonObject      *seeded,
                GPtrArray       *differences,
                GError         **error)
{
  const char *id = json_object_get_string_member (seeded, ICAT_KEY_ID);
  g_autofree char *label = record_label (kind, seeded);
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *fields = NULL;
  gboolean exists = FALSE;

  gboolean deleted = FALSE;

  if (!icat_record_io_exists (db, kind->name, id, &exists, error)
      || (!exists && !is_tombstoned (db, kind, id, &deleted, error)))
    return FALSE;
  if (!exists && !deleted)
    {
      g_ptr_array_add (differences,
                       /* Translators: a warning of check; %s are a record's name and its id. */
                       g_strdup_printf (_("Warning: the built-in record “%s” (%s) is not in the database yet: it is "
                                          "added when ICAT Tracker or a command that writes next opens this database."),
                                        label, id));
      return TRUE;
    }
  if (!exists)
    {
      g_ptr_array_add (differences,
                       /* Translators: a warning of check; %s are a record's name and its id. */
                       g_strdup_printf (_("Warning: the built-in record “%s” (%s) is not in the database: it was deleted, "
                                          "so the built-in data’s corrections to it were not applied."),
                                        label, id));
      return TRUE;
    }
  stored = icat_record_io_read (db, kind, id, error);
  if (stored == NULL)
    return FALSE;
  fields = differing_fields (kind, seeded, stored);
  if (fields != NULL && awaits_upgrade (seeded, stored))
    g_ptr_array_add (differences,
                     /* Translators: a warning of check; %s are a record's name, its id and field names. */
                     g_strdup_printf (_("Warning: the built-in record “%s” (%s) differs from the built-in data in: %s. "
                                        "Nobody edited it: the corrections are applied when ICAT Tracker or a "
                                        "command that writes next opens this database."),
                                      label, id, fields));
  else if (fields != NULL)
    g_ptr_array_add (differences,
                     /* Translators: a warning of check; %s are a record's name, its id and field names. */
                     g_strdup_printf (_("Warning: the built-in record “%s” (%s) differs from the built-in data in: %s. "
                                        "It was edited, so the built-in data’s corrections to it were not applied."),
                                      label, id, fields));
  return TRUE;
}

GPtrArray *
icat_seed_differences (IcatDb  *db,
                       GError **error)
{
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *records = seed_records (kinds[k]);

      for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
        if (!add_difference (db, kinds[k], json_array_get_object_element (records, i), differences, error))
          return NULL;
    }
  return g_steal_pointer (&differences);
}
