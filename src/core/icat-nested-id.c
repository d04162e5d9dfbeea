/* icat-nested-id.c — stable ids for the rows of nested lists
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-nested-id"

#include "config.h"

#include <string.h>

#include "icat-fields.h"
#include "icat-nested-id.h"

/* What tells two rows of one list apart, as people see them. The order
 * of the fields is part of the derived id: never change it. */
typedef struct {
  const char *kind;
  const char *fields[3];
} NaturalKey;

static const NaturalKey natural_keys[] = {
  { "membership",    { ICAT_KEY_ROLE, ICAT_KEY_FROM, NULL } },
  { "focal_point",   { ICAT_KEY_NAME, NULL } },
  { "attendance",    { ICAT_KEY_AGENCY, NULL } },
  { "invitee",       { ICAT_KEY_KIND, ICAT_KEY_NAME, NULL } },
  { "attachment",    { ICAT_KEY_URI, NULL } },
  { "status_change", { ICAT_KEY_STATUS, ICAT_KEY_AT, NULL } },
  { "clearance",     { ICAT_KEY_AGENCY, NULL } },
};

static gboolean
parse_uuid (const char *text,
            guint8      bytes[16])
{
  guint n = 0;

  if (!icat_is_uuid (text))
    return FALSE;
  for (const char *p = text; *p != '\0' && n < 16; p++)
    {
      if (*p == '-')
        continue;
      bytes[n++] = g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]);
      p++;
    }
  return n == 16;
}

char *
icat_uuid_v5 (const char *namespace_uuid,
              const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 space[16];
  guint8 digest[20];
  gsize digest_length = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (namespace_uuid, space))
    return NULL;
  g_checksum_update (sha1, space, sizeof space);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &digest_length);
  /* RFC 4122 §4.3: the version in the high nibble of byte 6, the variant
   * in the two high bits of byte 8. */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

char *
icat_nested_id (const char *parent_id,
                const char *list_name,
                const char *key)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent_id != NULL && list_name != NULL && key != NULL, NULL);

  name = g_strconcat (parent_id, "/", list_name, "/", key, NULL);
  return icat_uuid_v5 (ICAT_NESTED_ID_NAMESPACE, name);
}

static const NaturalKey *
lookup_natural_key (const IcatKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (natural_keys); i++)
    if (strcmp (natural_keys[i].kind, kind->name) == 0)
      return &natural_keys[i];
  return NULL;
}

char *
icat_nested_id_natural_key (const IcatKind *kind,
                            JsonObject     *row)
{
  const NaturalKey *natural = lookup_natural_key (kind);
  g_autoptr(GString) key = NULL;

  if (natural == NULL)
    return NULL;
  key = g_string_new (NULL);
  for (guint i = 0; natural->fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (key, '/');
      /* Every natural key field is required, so a validated row has it. */
      g_string_append (key, json_object_get_string_member_with_default (row, natural->fields[i], ""));
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static const char *
row_id (JsonObject *row)
{
  JsonNode *node = json_object_get_member (row, ICAT_KEY_ID);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

void
icat_nested_ids_fill (const char     *parent_id,
                      const char     *list_name,
                      const IcatKind *kind,
                      JsonArray      *rows)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = rows != NULL ? json_array_get_length (rows) : 0;

  if (parent_id == NULL || lookup_natural_key (kind) == NULL)
    return;
  for (guint r = 0; r < n_rows; r++)
    if (row_id (json_array_get_object_element (rows, r)) != NULL)
      g_hash_table_add (used, g_strdup (row_id (json_array_get_object_element (rows, r))));

  for (guint r = 0; r < n_rows; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      g_autofree char *key = icat_nested_id_natural_key (kind, row);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, key)) + 1;
      char *id = NULL;

      g_hash_table_insert (occurrences, g_strdup (key), GUINT_TO_POINTER (n));
      if (row_id (row) != NULL)
        continue;
      for (;; n++)
        {
          g_autofree char *numbered = n > 1 ? g_strdup_printf ("%s#%u", key, n) : g_strdup (key);

          id = icat_nested_id (parent_id, list_name, numbered);
          if (!g_hash_table_contains (used, id))
            break;
          g_free (id);
        }
      json_object_set_string_member (row, ICAT_KEY_ID, id);
      g_hash_table_add (used, id);
    }
}

#define ROW_ID_KEY "icat-nested-id"

void
icat_nested_id_remember (gpointer    row_object,
                         JsonObject *data)
{
  JsonNode *node = data != NULL ? json_object_get_member (data, ICAT_KEY_ID) : NULL;
  const char *id = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

  g_return_if_fail (G_IS_OBJECT (row_object));
  g_object_set_data_full (G_OBJECT (row_object), ROW_ID_KEY, g_strdup (id), g_free);
}

void
icat_nested_id_add (gpointer    row_object,
                    JsonObject *json)
{
  const char *id;

  g_return_if_fail (G_IS_OBJECT (row_object));
  id = g_object_get_data (G_OBJECT (row_object), ROW_ID_KEY);
  if (id != NULL)
    json_object_set_string_member (json, ICAT_KEY_ID, id);
}

void
icat_nested_ids_fill_widgets (const char *parent_kind,
                              const char *parent_id,
                              const char *list_name,
                              JsonArray  *rows,
                              GPtrArray  *widgets)
{
  const IcatKind *kind = icat_schema_lookup (parent_kind);
  const IcatField *field = kind != NULL ? icat_kind_lookup_field (kind, list_name) : NULL;

  g_return_if_fail (field != NULL && field->child != NULL);
  g_return_if_fail (json_array_get_length (rows) == widgets->len);

  icat_nested_ids_fill (parent_id, list_name, field->child, rows);
  for (guint i = 0; i < widgets->len; i++)
    icat_nested_id_remember (widgets->pdata[i], json_array_get_object_element (rows, i));
}

static void
nested_id_sql (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *parent_id = (const char *) sqlite3_value_text (argv[0]);
  const char *list_name = (const char *) sqlite3_value_text (argv[1]);
  const char *key = (const char *) sqlite3_value_text (argv[2]);

  g_assert (argc == 3);
  if (parent_id == NULL || list_name == NULL || key == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, icat_nested_id (parent_id, list_name, key), -1, g_free);
}

int
icat_nested_id_register_sql (sqlite3 *handle)
{
  return sqlite3_create_function (handle, "icat_nested_id", 3,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, nested_id_sql, NULL, NULL);
}
