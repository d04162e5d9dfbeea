/* icat-exchange-export.c — the whole database as an exchange document
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-exchange"

#include "config.h"

#include "icat-exchange.h"
#include "icat-record-io.h"

/* Every record of every kind, sorted by id, into root. */
static gboolean
add_records (IcatDb      *db,
             JsonObject  *root,
             GError     **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], error);
      g_autoptr(JsonArray) records = json_array_new ();

      if (ids == NULL)
        return FALSE;

      for (guint i = 0; i < ids->len; i++)
        {
          JsonObject *record = icat_record_io_read (db, kinds[k], ids->pdata[i], error);

          if (record == NULL)
            return FALSE;
          json_array_add_object_element (records, record);
        }
      json_object_set_array_member (root, kinds[k]->plural, g_steal_pointer (&records));
    }
  return TRUE;
}

char *
icat_exchange_export (IcatDb      *db,
                      const char  *exported_at,
                      GError     **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *now = exported_at ? g_strdup (exported_at) : icat_timestamp_now ();
  g_autofree char *text = NULL;
  gboolean read;

  json_object_set_string_member (root, "format", ICAT_FORMAT_NAME);
  json_object_set_int_member (root, "version", ICAT_FORMAT_VERSION);
  json_object_set_string_member (root, "exported_at", now);

  /* One read transaction: a save or import committed halfway through
   * would otherwise give a backup that cannot be restored. */
  if (!icat_db_begin_snapshot (db, error))
    return NULL;
  read = add_records (db, root, error);
  icat_db_end_snapshot (db);
  if (!read)
    return NULL;

  json_node_set_object (root_node, root);
  json_generator_set_root (generator, root_node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
