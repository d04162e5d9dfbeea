/* icat-exchange-export.c — the whole database as an exchange document
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is written as its records are read, a kind at a time
 * (icat-record-read.c), so a backup of 100,000 action items never stands
 * whole in memory. json-glib still lays out every record; only the frame
 * around the records is written here, as json-glib lays out a whole
 * document, so the bytes are those the export has always given.
 */
#define G_LOG_DOMAIN "icat-exchange"

#include "config.h"

#include <string.h>

#include "icat-exchange.h"
#include "icat-exchange-export.h"
#include "icat-record-read.h"

/* The sink takes the document in pieces of about this size. */
#define BLOCK_SIZE (64 * 1024)

typedef struct {
  IcatExchangeSink  sink;
  gpointer          user_data;
  GString          *block;
} Output;

static gboolean
output_flush (Output  *output,
              GError **error)
{
  gboolean written = output->block->len == 0 ||
                     output->sink (output->block->str, output->block->len, output->user_data, error);

  g_string_truncate (output->block, 0);
  return written;
}

static gboolean
output_append (Output      *output,
               const char  *text,
               gsize        length,
               GError     **error)
{
  g_string_append_len (output->block, text, length);
  return output->block->len < BLOCK_SIZE || output_flush (output, error);
}

/* "{" and the format, version, exported_at and generator members, without
 * the closing "\n}". The generator names the program and its version, so a
 * file says what wrote it; importers ignore it like any unknown top-level
 * key. */
static gboolean
write_head (Output         *output,
            JsonGenerator  *generator,
            const char     *exported_at,
            GError        **error)
{
  g_autoptr(JsonObject) head = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) text = g_string_new (NULL);

  json_object_set_string_member (head, "format", ICAT_FORMAT_NAME);
  json_object_set_int_member (head, "version", ICAT_FORMAT_VERSION);
  json_object_set_string_member (head, "exported_at", exported_at);
  json_object_set_string_member (head, "generator", ICAT_EXCHANGE_GENERATOR);
  json_node_set_object (node, head);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, text);
  g_assert (g_str_has_suffix (text->str, "\n}"));
  return output_append (output, text->str, text->len - strlen ("\n}"), error);
}

/* Lays out record as it stands in the document. json-glib's layout
 * depends on the depth (it even puts spaces inside an empty object by
 * depth), and it cannot start deeper than the top: so it lays out
 * {"<kind>": [record]}, and the record is cut out of that. */
static gboolean
write_record (Output          *output,
              JsonGenerator   *generator,
              JsonNode        *frame,
              JsonArray       *list,
              JsonObject      *record,
              const char      *before,
              GString         *text,
              GError         **error)
{
  const char *after = "\n  ]\n}";

  json_array_add_object_element (list, record);
  json_generator_set_root (generator, frame);
  g_string_truncate (text, 0);
  json_generator_to_gstring (generator, text);
  json_array_remove_element (list, 0);
  g_assert (g_str_has_prefix (text->str, before) && g_str_has_suffix (text->str, after));
  return output_append (output, text->str + strlen (before),
                        text->len - strlen (before) - strlen (after), error);
}

/* ,\n  "<kind>" : [ and its records sorted by id, each as read. */
static gboolean
write_kind (Output          *output,
            IcatDb          *db,
            const IcatKind  *kind,
            JsonGenerator   *generator,
            GError         **error)
{
  g_autoptr(IcatRecordReader) reader = icat_record_reader_new (db, kind, error);
  g_autoptr(JsonObject) wrapper = json_object_new ();
  g_autoptr(JsonNode) frame = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = g_strdup_printf (",\n  \"%s\" : [", kind->plural);
  g_autofree char *before = g_strdup_printf ("{\n  \"%s\" : [\n", kind->plural);
  JsonArray *list = json_array_new ();
  JsonObject *record;
  guint n_records = 0;

  if (reader == NULL)
    return FALSE;
  json_object_set_array_member (wrapper, kind->plural, list);
  json_node_set_object (frame, wrapper);
  if (!output_append (output, key, strlen (key), error))
    return FALSE;
  while ((record = icat_record_reader_next (reader, &local_error)) != NULL)
    {
      const char *separator = n_records++ == 0 ? "\n" : ",\n";

      if (!output_append (output, separator, strlen (separator), error) ||
          !write_record (output, generator, frame, list, record, before, text, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return n_records == 0 ? output_append (output, "]", 1, error)
                        : output_append (output, "\n  ]", strlen ("\n  ]"), error);
}

gboolean
icat_exchange_export_to (IcatDb            *db,
                         const char        *exported_at,
                         IcatExchangeSink   sink,
                         gpointer           user_data,
                         GError           **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *now = exported_at ? g_strdup (exported_at) : icat_timestamp_now ();
  g_autoptr(GString) block = g_string_sized_new (2 * BLOCK_SIZE);
  Output output = { sink, user_data, block };
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  gboolean written;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  /* One read transaction: a save or import committed halfway through
   * would otherwise give a backup that cannot be restored. */
  if (!icat_db_begin_snapshot (db, error))
    return FALSE;
  written = write_head (&output, generator, now, error);
  for (guint k = 0; k < n_kinds && written; k++)
    written = write_kind (&output, db, kinds[k], generator, error);
  icat_db_end_snapshot (db);
  return written && output_append (&output, "\n}\n", strlen ("\n}\n"), error) && output_flush (&output, error);
}

static gboolean
append_to_string (const char  *data,
                  gsize        length,
                  gpointer     user_data,
                  GError     **error)
{
  g_string_append_len (user_data, data, length);
  return TRUE;
}

char *
icat_exchange_export (IcatDb      *db,
                      const char  *exported_at,
                      GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!icat_exchange_export_to (db, exported_at, append_to_string, text, error))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}
