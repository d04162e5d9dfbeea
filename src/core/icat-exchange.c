/* icat-exchange.c — the JSON exchange document: parse, check, import, export
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-exchange-split.h"
#include "icat-index-batch.h"
#include "icat-record-io.h"
#include "icat-record-reader.h"
#include "icat-schema-aside.h"
#include "icat-validate.h"

typedef struct {
  const IcatKind *kind;
  guint           kind_index;
  /* Normalized, owned; NULL once checked when the document can read it
   * again, so a large import holds one record at a time. */
  JsonObject     *record;
  char           *id;
  char           *updated_at;
  gboolean        write;     /* FALSE: the stored copy is newer */
  gboolean        is_new;    /* the database does not hold it yet */
  guint           index;     /* in its list of the document */
} PlannedRecord;

struct _IcatImportPlan {
  GArray               *records;   /* PlannedRecord */
  IcatExchangeDocument *document;  /* owned; NULL for a plan of a tree */
  gboolean              replace;
  IcatImportSummary     summary;
};

/* A problem with the file names the file; a failing disk or a busy database
 * is the database's problem, and is passed on as it is. */
static gboolean
document_or_database_error (GError     **error,
                            const char  *display_name,
                            GError      *local_error)
{
  if (g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_INVALID))
    return icat_set_invalid (error, display_name, "%s", local_error->message);
  g_propagate_error (error, g_error_copy (local_error));
  return FALSE;
}

static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

static gboolean
scan_error (GError     **error,
            const char  *display_name,
            const char  *data,
            gsize        offset,
            const char  *message)
{
  guint line, column;

  position_of (data, offset, &line, &column);
  g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "%s:%u:%u: %s", display_name, line, column, message);
  return FALSE;
}

/* Reads the text once before json-glib does, for what it would get wrong:
 * nesting deep enough to exhaust its stack; data after the document, which
 * it ignores when that is another JSON value; and \u0000, which it turns
 * into the end of the text, cutting it short. Each \u0000 is noted in
 * nul_escapes so the caller can refuse it with the field's path. */
static gboolean
scan_document (const char  *data,
               gsize        length,
               const char  *display_name,
               GArray      *nul_escapes,
               GError     **error)
{
  gboolean in_string = FALSE, escaped = FALSE, ended = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            {
              escaped = FALSE;
              if (c == 'u' && length - i > 4 && strncmp (data + i + 1, "0000", 4) == 0)
                {
                  gsize start = i - 1;

                  g_array_append_val (nul_escapes, start);
                }
            }
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (ended && !g_ascii_isspace (c))
        return scan_error (error, display_name, data, i,
                           _("there is more after the end of the document; a file holds one document"));
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > ICAT_FORMAT_MAX_DEPTH)
            {
              guint line, column;

              position_of (data, i, &line, &column);
              g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                           _("%s:%u:%u: nested more than %d levels deep; this is not an ICAT Tracker document"),
                           display_name, line, column, ICAT_FORMAT_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        ended = --depth == 0;
    }
  return TRUE;
}

/* Text the database, the documents and the next import can hold: every
 * string and member name valid UTF-8 to its end. json-glib turns a lone
 * surrogate escape (\ud800) into bytes that are not UTF-8, and the scan
 * above turned each \u0000 into one, so both are found here, with the path
 * of the field. */
/* With path NULL, only whether every text is whole, building no paths:
 * every record of an import takes this walk, and paths are for the one
 * text refused. */
static gboolean
walk_text (JsonNode    *node,
           GString     *path,
           const char  *display_name,
           GError     **error)
{
  gsize path_length = path != NULL ? path->len : 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (!g_utf8_validate (name, -1, NULL))
            return path != NULL &&
                   icat_set_invalid (error, display_name, _("%s: a member name holds \\u0000 or half of a surrogate pair, "
                                                            "which text cannot hold"), path->str);
          if (path != NULL)
            g_string_append_printf (path, ".%s", name);
          if (!walk_text (member, path, display_name, error))
            return FALSE;
          if (path != NULL)
            g_string_truncate (path, path_length);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (path != NULL)
            g_string_append_printf (path, "[%u]", i);
          if (!walk_text (json_array_get_element (array, i), path, display_name, error))
            return FALSE;
          if (path != NULL)
            g_string_truncate (path, path_length);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return path != NULL &&
           icat_set_invalid (error, display_name, _("%s: holds \\u0000 or half of a surrogate pair (\\ud800 to \\udfff "
                                                    "without its other half), which text cannot hold"), path->str);
  return TRUE;
}

/* Every text whole, or an error naming the first that is not. */
static gboolean
check_text (JsonNode    *node,
            GString     *path,
            const char  *display_name,
            GError     **error)
{
  return walk_text (node, NULL, NULL, NULL) || walk_text (node, path, display_name, error);
}

/* What json-glib would get wrong, found before it reads: an empty file,
 * text that is not UTF-8, nesting too deep, data after the document. Each
 * \u0000 becomes \ud800 (the same length, so every line and column stays
 * where it was), which check_text () then refuses with the field's path. */
static GBytes *
prepare_text (const char  *display_name,
              GBytes      *bytes,
              GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *invalid_at = NULL;
  g_autoptr(GArray) nul_escapes = g_array_new (FALSE, FALSE, sizeof (gsize));
  char *patched;

  if (length == 0)
    return icat_set_invalid (error, display_name, _("the file is empty")), NULL;
  if (!g_utf8_validate_len (data, length, &invalid_at))
    {
      guint line, column;

      position_of (data, invalid_at - data, &line, &column);
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                   _("%s:%u:%u: the file is not valid UTF-8 text"), display_name, line, column);
      return NULL;
    }
  if (!scan_document (data, length, display_name, nul_escapes, error))
    return NULL;
  if (nul_escapes->len == 0)
    return g_bytes_ref (bytes);
  patched = g_memdup2 (data, length);
  for (guint i = 0; i < nul_escapes->len; i++)
    memcpy (patched + g_array_index (nul_escapes, gsize, i), "\\ud800", 6);
  return g_bytes_new_take (patched, length);
}

static JsonNode *
parse_json (const char  *display_name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  /* Not sealed: sealing every node of a large document took time of its
   * own. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: ..."; name the file. */
      if (g_str_has_prefix (parse_error->message, "<data>"))
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "%s%s",
                     display_name, parse_error->message + strlen ("<data>"));
      else
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "%s: %s",
                     display_name, parse_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  return node != NULL ? json_node_ref (node) : json_node_new (JSON_NODE_NULL);
}

/* Our format and version, and text every string can hold. */
static gboolean
check_root (const char  *display_name,
            JsonNode    *node,
            GError     **error)
{
  g_autoptr(GString) path = g_string_new ("$");
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return icat_set_invalid (error, display_name, _("not an ICAT Tracker document (it must be a JSON object)"));
  root = json_node_get_object (node);
  if (!json_object_has_member (root, "format") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "format")) ||
      g_strcmp0 (json_object_get_string_member (root, "format"), ICAT_FORMAT_NAME) != 0)
    return icat_set_invalid (error, display_name, _("$.format: not an ICAT Tracker document (format must be “%s”)"),
                              ICAT_FORMAT_NAME);
  if (!json_object_has_member (root, "version") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "version")) ||
      json_node_get_value_type (json_object_get_member (root, "version")) != G_TYPE_INT64)
    return icat_set_invalid (error, display_name, _("$.version: must be a whole number"));
  if (json_object_get_int_member (root, "version") != ICAT_FORMAT_VERSION)
    return icat_set_invalid (error, display_name,
                              _("$.version: version %d is not supported; this ICAT Tracker reads version %d"),
                              (int) CLAMP (json_object_get_int_member (root, "version"), G_MININT, G_MAXINT),
                              ICAT_FORMAT_VERSION);
  return check_text (node, path, display_name, error);
}

JsonNode *
icat_exchange_parse (const char  *display_name,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autoptr(GBytes) text = prepare_text (display_name, bytes, error);
  g_autoptr(JsonNode) node = NULL;
  gsize length;
  const char *data;

  if (text == NULL)
    return NULL;
  data = g_bytes_get_data (text, &length);
  node = parse_json (display_name, data, length, error);
  if (node == NULL || !check_root (display_name, node, error))
    return NULL;
  return g_steal_pointer (&node);
}

struct _IcatExchangeDocument {
  JsonNode          *root;   /* without the records split holds */
  GBytes            *text;   /* the document as read, \u0000 marked */
  IcatExchangeSplit *split;  /* NULL: root holds every record */
  char              *display_name;
};

void
icat_exchange_document_free (IcatExchangeDocument *document)
{
  g_clear_pointer (&document->root, json_node_unref);
  g_clear_pointer (&document->text, g_bytes_unref);
  g_clear_pointer (&document->split, icat_exchange_split_free);
  g_free (document->display_name);
  g_free (document);
}

IcatExchangeDocument *
icat_exchange_read (const char  *display_name,
                    GBytes      *bytes,
                    GError     **error)
{
  g_autoptr(IcatExchangeDocument) document = g_new0 (IcatExchangeDocument, 1);
  gsize length;
  const char *data;

  document->display_name = g_strdup (display_name);
  document->text = prepare_text (display_name, bytes, error);
  if (document->text == NULL)
    return NULL;
  data = g_bytes_get_data (document->text, &length);
  document->split = icat_exchange_split (data, length);
  if (document->split != NULL)
    {
      document->root = parse_json (display_name, document->split->skeleton, document->split->skeleton_length, NULL);
      g_clear_pointer (&document->split->skeleton, g_free);
    }
  /* A document that cannot be cut, or whose rest json-glib refuses, is
   * read whole: its errors are then told with their place in the file. */
  if (document->root == NULL)
    {
      g_clear_pointer (&document->split, icat_exchange_split_free);
      document->root = parse_json (display_name, data, length, error);
      if (document->root == NULL)
        return NULL;
    }
  if (!check_root (display_name, document->root, error))
    return NULL;
  return g_steal_pointer (&document);
}

/* One record of a split document, read by json-glib and checked as
 * icat_exchange_parse () checks a whole one. A record json-glib refuses
 * is told as reading the whole document tells it, with its place. */
static JsonNode *
read_record (IcatExchangeDocument  *document,
             guint                  kind_index,
             guint                  index,
             const char            *path,
             GError               **error)
{
  const IcatRecordSpan *span = &g_array_index (document->split->spans[kind_index], IcatRecordSpan, index);
  const char *data = g_bytes_get_data (document->text, NULL);
  g_autoptr(GString) record_path = g_string_new (path);
  g_autoptr(JsonNode) node = parse_json (document->display_name, data + span->offset, span->length, NULL);

  if (node == NULL)
    {
      g_autoptr(JsonNode) whole = icat_exchange_parse (document->display_name, document->text, error);

      /* json-glib read the whole but not the part: said in general words. */
      if (whole != NULL)
        icat_set_invalid (error, document->display_name, _("%s: not a JSON value"), path);
      return NULL;
    }
  if (!check_text (node, record_path, document->display_name, error))
    return NULL;
  return g_steal_pointer (&node);
}

static void
planned_record_clear (gpointer data)
{
  PlannedRecord *planned = data;

  g_clear_pointer (&planned->record, json_object_unref);
  g_free (planned->id);
  g_free (planned->updated_at);
}

void
icat_import_plan_free (IcatImportPlan *plan)
{
  g_array_unref (plan->records);
  g_clear_pointer (&plan->document, icat_exchange_document_free);
  g_free (plan);
}

const IcatImportSummary *
icat_import_plan_get_summary (IcatImportPlan *plan)
{
  return &plan->summary;
}

static gboolean
resolve_ref (IcatDb      *db,
             IcatRef     *ref,
             GHashTable  *file_ids,
             GHashTable  *child_ids,
             GHashTable  *file_parents,
             GHashTable  *stored,
             gboolean     replace,
             GError     **error)
{
  g_autofree char *key = g_strconcat (ref->target, "/", ref->id, NULL);
  gboolean exists = FALSE;

  if (ref->parent_id == NULL)
    {
      if (g_hash_table_contains (file_ids, key) || g_hash_table_contains (stored, key))
        return TRUE;
      if (!replace && !icat_record_io_exists (db, ref->target, ref->id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "%s: %s", ref->path,
                       icat_schema_missing_message (ref->target));
          return FALSE;
        }
      g_hash_table_add (stored, g_steal_pointer (&key));
      return TRUE;
    }

  /* An item inside another record: it must belong to the record named
   * beside it, as the file has it or, if the file does not carry that
   * record, as the database has it. */
  {
    const char *file_parent = g_hash_table_lookup (child_ids, key);

    if (file_parent != NULL)
      exists = g_strcmp0 (file_parent, ref->parent_id) == 0;
    else
      {
        if (!replace && !g_hash_table_contains (file_parents, ref->parent_id))
          {
            g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1 AND parent_id = ?2", ref->target);
            sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
            int rc;

            if (stmt == NULL)
              return FALSE;
            icat_bind_text (stmt, 1, ref->id);
            icat_bind_text (stmt, 2, ref->parent_id);
            rc = sqlite3_step (stmt);
            sqlite3_reset (stmt);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
              return icat_db_fail (db, rc, error);
            exists = (rc == SQLITE_ROW);
          }
      }
    if (!exists)
      {
        g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                     _("%s: no item with this id in the record it names"), ref->path);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
icat_validation_resolve (IcatValidation  *validation,
                         IcatDb          *db,
                         GHashTable      *file_ids,
                         GHashTable      *file_parents,
                         gboolean         replace,
                         GError         **error)
{
  /* Stored records found so far: 100,000 action items name the same few
   * dozen agencies and mandates. */
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < validation->refs->len; i++)
    if (!resolve_ref (db, validation->refs->pdata[i], file_ids, validation->child_ids,
                      file_parents, stored, replace, error))
      return FALSE;
  if (replace)
    return TRUE;
  /* A nested item's id must not belong to an item of a stored record that
   * keeps it (one the file does not replace). */
  for (guint i = 0; i < validation->children->len; i++)
    {
      IcatRef *child = validation->children->pdata[i];
      g_autofree char *sql = g_strdup_printf ("SELECT parent_id FROM \"%s\" WHERE id = ?1", child->target);
      sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
      g_autofree char *stored_parent = NULL;
      int rc;

      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, child->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        stored_parent = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return icat_db_fail (db, rc, error);
      if (stored_parent != NULL && g_strcmp0 (stored_parent, child->parent_id) != 0 &&
          !g_hash_table_contains (file_parents, stored_parent))
        {
          g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                       _("%s: this id already belongs to an item of another record"), child->path);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
icat_check_unique (IcatDb          *db,
                   const IcatKind  *kind,
                   JsonObject      *record,
                   const char      *path,
                   GHashTable      *seen,
                   GHashTable      *file_ids,
                   gboolean         replace,
                   GError         **error)
{
  const char *id = json_object_get_string_member (record, "id");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      JsonNode *value = json_object_get_member (record, field->name);
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *other = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (!(field->flags & ICAT_FIELD_UNIQUE) || value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      text = field->type == ICAT_VALUE_INTEGER
             ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value))
             : g_strdup (json_node_get_string (value));
      key = g_strconcat (kind->name, "/", field->name, "/", text, NULL);
      if (seen != NULL && !g_hash_table_insert (seen, g_steal_pointer (&key), g_strdup (id)))
        goto taken;
      if (replace)
        continue;

      sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 AND id != ?2", kind->name, field->name);
      stmt = icat_db_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      if (field->type == ICAT_VALUE_INTEGER)
        sqlite3_bind_int64 (stmt, 1, json_node_get_int (value));
      else
        icat_bind_text (stmt, 1, text);
      icat_bind_text (stmt, 2, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *other_key = g_strconcat (kind->name, "/", sqlite3_column_text (stmt, 0), NULL);

          /* A stored record the file replaces may change its value. */
          if (file_ids == NULL || !g_hash_table_contains (file_ids, other_key))
            {
              other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              break;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return icat_db_fail (db, rc, error);
      if (other == NULL)
        continue;
taken:
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                   _("%s.%s: another record already has %s"), path, field->name, text);
      return FALSE;
    }
  return TRUE;
}

/* One statement a kind, built once: the first other kind whose table
 * holds an id. Six lookups a record, each its own statement, were a
 * fortieth of an import. */
static const char *
other_kinds_sql (const IcatKind *kind)
{
  static GMutex lock;
  static GHashTable *by_kind;  /* IcatKind → its statement, for the program's life */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  char *sql;

  if (by_kind == NULL)
    by_kind = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sql = g_hash_table_lookup (by_kind, kind);
  if (sql == NULL)
    {
      GString *text = g_string_new (NULL);
      guint n_kinds;
      const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

      for (guint k = 0; k < n_kinds; k++)
        if (kinds[k] != kind)
          g_string_append_printf (text, "%sSELECT '%s' FROM \"%s\" WHERE id = ?1", text->len > 0 ? " UNION ALL " : "",
                                  kinds[k]->name, kinds[k]->name);
      g_string_append (text, " LIMIT 1");
      sql = g_string_free (text, FALSE);
      g_hash_table_insert (by_kind, (gpointer) kind, sql);
    }
  return sql;
}

/* A stored record of another kind must not have the id already. With
 * --replace every stored record goes, so only the file counts. */
static gboolean
check_id_free (IcatDb          *db,
               const IcatKind  *kind,
               const char      *id,
               const char      *path,
               GError         **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, other_kinds_sql (kind), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* Translators: the last %s is a kind of record, like "paper" or "action_item". */
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("%s.id: the id %s already belongs to a stored %s"),
                   path, id, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

/* A paragraph of a document is one mandate: action items, papers and the
 * work plan name it by document and paragraph as much as by id. */
static gboolean
check_mandate_paragraph (IcatDb          *db,
                         const IcatKind  *kind,
                         JsonObject      *record,
                         const char      *path,
                         GHashTable      *seen,
                         GHashTable      *file_ids,
                         gboolean         replace,
                         GError         **error)
{
  const char *id, *document, *paragraph;
  g_autofree char *key = NULL;
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (strcmp (kind->name, "mandate") != 0)
    return TRUE;
  id = json_object_get_string_member (record, "id");
  document = json_object_get_string_member (record, "document");
  paragraph = json_object_get_string_member (record, "paragraph");
  key = g_strconcat ("mandate/document+paragraph/", document, "\n", paragraph, NULL);
  if (!g_hash_table_insert (seen, g_steal_pointer (&key), g_strdup (id)))
    goto taken;
  if (replace)
    return TRUE;
  stmt = icat_db_prepare (db, "SELECT id FROM mandate WHERE document = ?1 AND paragraph = ?2 AND id != ?3", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, document);
  icat_bind_text (stmt, 2, paragraph);
  icat_bind_text (stmt, 3, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other_key = g_strconcat ("mandate/", sqlite3_column_text (stmt, 0), NULL);

      /* A stored mandate the file replaces may change its paragraph. */
      if (!g_hash_table_contains (file_ids, other_key))
        {
          other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return icat_db_fail (db, rc, error);
  if (other == NULL)
    return TRUE;
taken:
  /* Translators: "$.mandates[1].paragraph: another mandate is already A/RES/72/195 paragraph 10" */
  g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("%s.paragraph: another mandate is already %s paragraph %s"),
               path, document, paragraph);
  return FALSE;
}

/* What a plan of one document keeps while it checks every record. */
typedef struct {
  IcatValidation *validation;
  GHashTable     *file_ids;      /* "kind/id" of every record */
  GHashTable     *file_parents;  /* ids of records whose nested lists the file sets */
  GHashTable     *record_paths;  /* id → the path of its record */
  const char     *display_name;
} Planning;

/* Only these checks need a record again once every id is known: the
 * other kinds need not be held. */
static gboolean
kind_needs_record (const IcatKind *kind)
{
  if (strcmp (kind->name, "mandate") == 0)
    return TRUE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & ICAT_FIELD_UNIQUE)
      return TRUE;
  return FALSE;
}

/* Notes a checked record in the plan: its id once in the document, and
 * what is checked across records. Takes record. */
static gboolean
note_planned (IcatImportPlan  *plan,
              Planning        *planning,
              guint            kind_index,
              const IcatKind  *kind,
              JsonObject      *record,
              guint            index,
              const char      *path,
              gboolean         keep,
              GError         **error)
{
  g_autoptr(JsonObject) owned = record;
  PlannedRecord planned = { kind, kind_index, NULL, NULL, NULL, TRUE, FALSE, index };
  const char *id = json_object_get_string_member (record, "id");

  if (!g_hash_table_add (planning->file_ids, g_strconcat (kind->name, "/", id, NULL)))
    return icat_set_invalid (error, planning->display_name, _("%s.id: the id %s appears twice"), path, id);
  /* One id, one record: undo, search and the documents find a record
   * by its id alone. */
  if (g_hash_table_contains (planning->record_paths, id))
    return icat_set_invalid (error, planning->display_name, _("%s.id: the id %s is already the id of %s"),
                             path, id, (const char *) g_hash_table_lookup (planning->record_paths, id));
  g_hash_table_insert (planning->record_paths, g_strdup (id), g_strdup (path));
  /* Any record may hold nested rows the file moves to another. */
  g_hash_table_add (planning->file_parents, g_strdup (id));
  planned.id = g_strdup (id);
  planned.updated_at = g_strdup (json_object_get_string_member (record, "updated_at"));
  if (keep)
    planned.record = g_steal_pointer (&owned);
  g_array_append_val (plan->records, planned);
  return TRUE;
}

static gboolean
plan_record (IcatImportPlan  *plan,
             Planning        *planning,
             guint            kind_index,
             const IcatKind  *kind,
             JsonNode        *node,
             guint            index,
             const char      *path,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *record = icat_validate_record (kind, node, path, planning->validation, &local_error);

  if (record == NULL)
    return icat_set_invalid (error, planning->display_name, "%s", local_error->message);
  return note_planned (plan, planning, kind_index, kind, record, index, path, TRUE, error);
}

typedef struct {
  IcatExchangeDocument *document;
  guint                 kind_index;
  const IcatKind       *kind;
} KindReading;

/* One record of a split document, read and checked (on a reader's thread). */
static JsonObject *
read_and_check (IcatExchangeDocument  *document,
                guint                  kind_index,
                const IcatKind        *kind,
                guint                  index,
                IcatValidation        *validation,
                GError               **error)
{
  g_autofree char *path = g_strdup_printf ("$.%s[%u]", kind->plural, index);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = read_record (document, kind_index, index, path, error);
  JsonObject *record;

  if (node == NULL)
    return NULL;
  record = icat_validate_record (kind, node, path, validation, &local_error);
  if (record == NULL)
    icat_set_invalid (error, document->display_name, "%s", local_error->message);
  return record;
}

static JsonObject *
read_kind_record (gpointer         data,
                  guint            index,
                  IcatValidation  *validation,
                  GError         **error)
{
  KindReading *reading = data;

  return read_and_check (reading->document, reading->kind_index, reading->kind, index, validation, error);
}

/* The records of a split document, read and checked two at a time on
 * the reader's threads; their ids and what refers across records are
 * noted here in the document's order. */
static gboolean
plan_spans (IcatImportPlan  *plan,
            Planning        *planning,
            guint            kind_index,
            const IcatKind  *kind,
            GArray          *spans,
            GError         **error)
{
  KindReading reading = { plan->document, kind_index, kind };
  g_autoptr(IcatRecordReader) reader = icat_record_reader_start (spans->len, 2, read_kind_record, &reading);

  for (guint i = 0; i < spans->len; i++)
    {
      g_autoptr(IcatValidation) validation = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = NULL;
      JsonObject *record = icat_record_reader_take (reader, i, &validation, error);

      if (record == NULL)
        return FALSE;
      path = g_strdup_printf ("$.%s[%u]", kind->plural, i);
      if (!icat_validation_merge (planning->validation, validation, &local_error))
        {
          json_object_unref (record);
          return icat_set_invalid (error, planning->display_name, "%s", local_error->message);
        }
      if (!note_planned (plan, planning, kind_index, kind, record, i, path, kind_needs_record (kind), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_kind (IcatImportPlan  *plan,
           Planning        *planning,
           JsonObject      *root,
           guint            kind_index,
           const IcatKind  *kind,
           GError         **error)
{
  IcatExchangeDocument *document = plan->document;
  JsonNode *list = json_object_get_member (root, kind->plural);
  GArray *spans = document && document->split ? document->split->spans[kind_index] : NULL;
  JsonArray *array;

  if (spans != NULL)
    return plan_spans (plan, planning, kind_index, kind, spans, error);
  if (list == NULL || JSON_NODE_HOLDS_NULL (list))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    return icat_set_invalid (error, planning->display_name, _("$.%s: must be a list"), kind->plural);
  array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", kind->plural, i);

      if (!plan_record (plan, planning, kind_index, kind, json_array_get_element (array, i), i, path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
count_stored (IcatDb      *db,
              const char  *table,
              guint       *count,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : icat_db_fail (db, rc, error);
}

static void
add_counts (IcatImportCounts       *total,
            const IcatImportCounts *counts)
{
  total->added += counts->added;
  total->updated += counts->updated;
  total->kept += counts->kept;
  total->removed += counts->removed;
}

/* Which records would be added, replaced or kept. */
static gboolean
plan_summary (IcatImportPlan  *plan,
              IcatDb          *db,
              GError         **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint i = 0; i < plan->records->len; i++)
    {
      PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, i);
      IcatImportCounts *counts = &plan->summary.by_kind[planned->kind_index];
      g_autofree char *stored = NULL;
      g_autoptr(GError) local_error = NULL;

      stored = icat_record_io_updated_at (db, planned->kind, planned->id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stored == NULL)
        {
          counts->added++;
          planned->is_new = TRUE;
        }
      else if (plan->replace || strcmp (planned->updated_at, stored) >= 0)
        counts->updated++;
      else
        {
          counts->kept++;
          planned->write = FALSE;
        }
    }

  for (guint k = 0; k < n_kinds; k++)
    {
      IcatImportCounts *counts = &plan->summary.by_kind[k];
      guint stored = 0;

      if (plan->replace)
        {
          if (!count_stored (db, kinds[k]->name, &stored, error))
            return FALSE;
          /* Every stored record the file does not carry goes. */
          counts->removed = stored - counts->updated;
        }
      add_counts (&plan->summary.total, counts);
    }
  return TRUE;
}

/* Every record held is checked against the others and the database now
 * that every id is known; a record let go needs none of these checks but
 * the id's. */
static gboolean
check_records (IcatImportPlan  *plan,
               IcatDb          *db,
               Planning        *planning,
               GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < plan->records->len; i++)
    {
      PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, i);
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", planned->kind->plural, planned->index);

      if (planned->record != NULL &&
          !icat_check_unique (db, planned->kind, planned->record, path, seen, planning->file_ids, plan->replace,
                              error))
        return FALSE;
      if (!plan->replace && !check_id_free (db, planned->kind, planned->id, path, error))
        return FALSE;
      if (planned->record != NULL &&
          !check_mandate_paragraph (db, planned->kind, planned->record, path, seen, planning->file_ids,
                                    plan->replace, error))
        return FALSE;
    }
  return TRUE;
}

/* Takes document. */
static IcatImportPlan *
plan_new (IcatDb                *db,
          JsonNode              *tree,
          IcatExchangeDocument  *document,
          gboolean               replace,
          const char            *display_name,
          GError               **error)
{
  g_autoptr(IcatImportPlan) plan = g_new0 (IcatImportPlan, 1);
  g_autoptr(IcatValidation) validation = icat_validation_new ();
  g_autoptr(GHashTable) file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) file_parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) record_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  Planning planning = { validation, file_ids, file_parents, record_paths, display_name };
  JsonObject *root;
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  plan->records = g_array_new (FALSE, TRUE, sizeof (PlannedRecord));
  g_array_set_clear_func (plan->records, planned_record_clear);
  plan->replace = replace;
  plan->document = document;
  root = json_node_get_object (document != NULL ? document->root : tree);

  for (guint k = 0; k < n_kinds; k++)
    if (!plan_kind (plan, &planning, root, k, kinds[k], error))
      return NULL;
  /* The records' own words are let go; only what is checked across them
   * is kept until the plan is written. */
  g_clear_pointer (&record_paths, g_hash_table_unref);

  if (!icat_validation_resolve (validation, db, file_ids, file_parents, replace, &local_error) ||
      !check_records (plan, db, &planning, &local_error))
    return document_or_database_error (error, display_name, local_error), NULL;
  if (!plan_summary (plan, db, error))
    return NULL;
  return g_steal_pointer (&plan);
}

IcatImportPlan *
icat_import_plan_new (IcatDb      *db,
                      JsonNode    *document,
                      gboolean     replace,
                      const char  *display_name,
                      GError     **error)
{
  return plan_new (db, document, NULL, replace, display_name, error);
}

IcatImportPlan *
icat_import_plan_new_reading (IcatDb                *db,
                              IcatExchangeDocument  *document,
                              gboolean               replace,
                              GError               **error)
{
  return plan_new (db, NULL, document, replace, document->display_name, error);
}

/* With --replace, every stored record the file does not carry goes (with
 * its nested rows and links); the others are written over below, so a
 * replace changes only rows that differ. */
static gboolean
delete_records_not_in_file (IcatImportPlan  *plan,
                            IcatDb          *db,
                            GError         **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint i = 0; i < plan->records->len; i++)
    {
      PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, i);

      g_hash_table_add (in_file, g_strconcat (planned->kind->name, "/", planned->id, NULL));
    }
  /* References between records are checked at commit, so the order does
   * not matter. */
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) ids = icat_record_io_list_ids (db, kinds[k], error);

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          g_autofree char *key = g_strconcat (kinds[k]->name, "/", ids->pdata[i], NULL);

          if (!g_hash_table_contains (in_file, key) &&
              !icat_record_io_delete (db, kinds[k], ids->pdata[i], error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A record the plan let go, read and normalized again as it was when
 * checked (on the reader's thread, ahead of the writer); NULL without an
 * error for a record that is not written or is still held. */
static JsonObject *
read_let_go_record (gpointer         data,
                    guint            index,
                    IcatValidation  *validation,
                    GError         **error)
{
  IcatImportPlan *plan = data;
  PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, index);

  if (!planned->write || planned->record != NULL)
    return NULL;
  return read_and_check (plan->document, planned->kind_index, planned->kind, planned->index, validation, error);
}

/* The records an import writes, when all are new to the database and it
 * removes none: of a kind it writes in bulk (icat_index_batch_is_bulk ()),
 * the secondary indexes of the kind's tables are set aside while it
 * writes, and built once at the end. Updates and removals look rows up by
 * those indexes, so an import with any keeps them all. */
static GPtrArray *
set_indexes_aside (IcatImportPlan  *plan,
                   IcatDb          *db,
                   GError         **error)
{
  g_autoptr(GPtrArray) aside = g_ptr_array_new_with_free_func (g_free);
  guint n_new[ICAT_N_KINDS] = { 0 };
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  if (plan->replace)
    return g_steal_pointer (&aside);
  for (guint i = 0; i < plan->records->len; i++)
    {
      PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, i);

      if (planned->write && !planned->is_new)
        return g_steal_pointer (&aside);
      n_new[planned->kind_index] += planned->write;
    }
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) dropped = NULL;
      guint n_stored = 0;

      if (n_new[k] == 0)
        continue;
      if (!count_stored (db, kinds[k]->name, &n_stored, error))
        return NULL;
      if (!icat_index_batch_is_bulk (n_new[k], n_stored))
        continue;
      dropped = icat_schema_set_aside (db, "index", kinds[k]->name, TRUE, error);
      if (dropped == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (aside, g_steal_pointer (&dropped));
    }
  return g_steal_pointer (&aside);
}

gboolean
icat_import_plan_apply (IcatImportPlan  *plan,
                        IcatDb          *db,
                        GError         **error)
{
  return icat_import_plan_apply_noting_new_rows (plan, db, NULL, error);
}

gboolean
icat_import_plan_apply_noting_new_rows (IcatImportPlan  *plan,
                                        IcatDb          *db,
                                        IcatNewRows     *new_rows,
                                        GError         **error)
{
  g_autoptr(IcatIndexBatch) index = icat_index_batch_new ();
  g_autoptr(IcatRecordReader) reader = NULL;
  g_autoptr(GPtrArray) indexes_aside = NULL;
  guint n_written = 0, n_documents = 0;

  if (plan->replace && !delete_records_not_in_file (plan, db, error))
    return FALSE;
  for (guint i = 0; i < plan->records->len; i++)
    n_written += g_array_index (plan->records, PlannedRecord, i).write;
  if (!count_stored (db, "search_doc", &n_documents, error) ||
      !icat_index_batch_plan (index, db, n_written, n_documents, error) ||
      (indexes_aside = set_indexes_aside (plan, db, error)) == NULL)
    return FALSE;

  /* The records let go are read again while the ones before them are
   * written. */
  if (plan->document != NULL)
    reader = icat_record_reader_start (plan->records->len, 1, read_let_go_record, plan);
  /* Nested items keep their ids and may move between records (an agenda
   * item to another meeting): writing a record takes the items it lists
   * and removes only those it no longer lists. */
  for (guint i = 0; i < plan->records->len; i++)
    {
      PlannedRecord *planned = &g_array_index (plan->records, PlannedRecord, i);
      g_autoptr(GError) read_error = NULL;
      JsonObject *read_again = reader != NULL ? icat_record_reader_take (reader, i, NULL, &read_error) : NULL;

      if (read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (read_again != NULL)
        planned->record = read_again;
      g_assert (!planned->write || planned->record != NULL);
      if (planned->write &&
          (!(planned->is_new ? icat_record_io_write_new (db, planned->kind, planned->record, new_rows, error)
                             : icat_record_io_write (db, planned->kind, planned->record, error)) ||
           !icat_index_batch_add (index, db, planned->kind, planned->id, planned->record, error)))
        return FALSE;
      /* Written: the memory goes to the journal's changeset instead. */
      g_clear_pointer (&planned->record, json_object_unref);
    }
  return icat_schema_restore (db, indexes_aside, error) && icat_index_batch_finish (index, db, error);
}
