/* icat-record-read.c — every record of a kind, read in one pass per table
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement here is generated from the field tables of icat-schema.c:
 * table and column names come from those static tables only.
 */
#define G_LOG_DOMAIN "icat-record-read"

#include "config.h"

#include <string.h>

#include "icat-record-read.h"

static const char * const preferred_languages[] = { "en", "zh", "ar", "es", "fr", "ru", NULL };

static int
language_rank (const char *code)
{
  for (int i = 0; preferred_languages[i] != NULL; i++)
    if (strcmp (code, preferred_languages[i]) == 0)
      return i;
  return G_N_ELEMENTS (preferred_languages);
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const char *la = *(const char * const *) a;
  const char *lb = *(const char * const *) b;
  int ra = language_rank (la), rb = language_rank (lb);

  return ra != rb ? ra - rb : strcmp (la, lb);
}

/* Localized text in a fixed key order, so exports are byte-stable. */
static JsonNode *
canonical_localized (JsonObject *source)
{
  g_autoptr(GList) members = json_object_get_members (source);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(JsonObject) result = json_object_new ();
  JsonNode *node;

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (codes, l->data);
  g_ptr_array_sort (codes, compare_languages);
  for (guint i = 0; i < codes->len; i++)
    json_object_set_member (result, codes->pdata[i],
                            json_node_copy (json_object_get_member (source, codes->pdata[i])));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, result);
  return node;
}

JsonNode *
icat_record_column_to_node (sqlite3_stmt    *stmt,
                            int              column,
                            const IcatField *field)
{
  const char *text;
  g_autoptr(JsonNode) parsed = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);

  switch (field->type)
    {
    case ICAT_VALUE_INTEGER:
      return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
    case ICAT_VALUE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), sqlite3_column_int (stmt, column) != 0);
    case ICAT_VALUE_LOCALIZED:
      text = (const char *) sqlite3_column_text (stmt, column);
      parsed = json_from_string (text, NULL);
      if (parsed == NULL || !JSON_NODE_HOLDS_OBJECT (parsed))
        return json_node_new (JSON_NODE_NULL);
      return canonical_localized (json_node_get_object (parsed));
    case ICAT_VALUE_NAME_LIST:
      text = (const char *) sqlite3_column_text (stmt, column);
      parsed = json_from_string (text, NULL);
      if (parsed == NULL || !JSON_NODE_HOLDS_ARRAY (parsed))
        return json_node_new (JSON_NODE_NULL);
      return g_steal_pointer (&parsed);
    case ICAT_VALUE_ID:
    case ICAT_VALUE_TIMESTAMP:
    case ICAT_VALUE_DATE:
    case ICAT_VALUE_TEXT:
    case ICAT_VALUE_ENUM:
    case ICAT_VALUE_TIMEZONE:
    case ICAT_VALUE_REF:
    case ICAT_VALUE_CHILD_REF:
    case ICAT_VALUE_REF_LIST:
    case ICAT_VALUE_CHILDREN:
    default:
      return json_node_init_string (json_node_alloc (),
                                    (const char *) sqlite3_column_text (stmt, column));
    }
}

/* A statement walking one table in the order of the records' ids, which
 * its first column holds. */
typedef struct {
  sqlite3_stmt *stmt;
  gboolean      on_row;  /* stmt stands on a row not taken yet */
} Cursor;

/* A nested list of the kind: its link or child rows, and for children the
 * link lists of the children, by the child kind's field. */
typedef struct {
  Cursor  rows;
  Cursor *child_links;
  int     child_id_column;
} List;

struct _IcatRecordReader {
  IcatDb         *db;
  const IcatKind *kind;
  Cursor          records;
  List           *lists;  /* by the kind's field; unused for columns */
};

static gboolean
is_column (const IcatField *field)
{
  return field->type != ICAT_VALUE_REF_LIST && field->type != ICAT_VALUE_CHILDREN;
}

static void
append_columns (GString        *sql,
                const IcatKind *kind,
                const char     *prefix)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      g_string_append_printf (sql, ", %s\"%s\"", prefix, kind->fields[i].name);
}

/* The column of field id among kind's columns, after first ones. */
static int
id_column (const IcatKind *kind,
           int             first)
{
  for (guint i = 0, column = first; i < kind->n_fields; i++)
    {
      if (strcmp (kind->fields[i].name, ICAT_KEY_ID) == 0)
        return column;
      if (is_column (&kind->fields[i]))
        column++;
    }
  return -1;
}

/* A child kind's order ("position, seq, id") for the table named by prefix. */
static void
append_child_order (GString        *sql,
                    const IcatKind *kind,
                    const char     *prefix)
{
  g_auto(GStrv) terms = g_strsplit (kind->order_by, ",", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (sql, ", %s%s", prefix, g_strstrip (terms[i]));
}

static gboolean
cursor_advance (IcatDb   *db,
                Cursor   *cursor,
                GError  **error)
{
  int rc = sqlite3_step (cursor->stmt);

  cursor->on_row = rc == SQLITE_ROW;
  return cursor->on_row || icat_db_end_rows (db, cursor->stmt, rc, error);
}

static gboolean
cursor_open (IcatDb      *db,
             Cursor      *cursor,
             const char  *sql,
             GError     **error)
{
  cursor->stmt = icat_db_prepare (db, sql, error);
  return cursor->stmt != NULL && cursor_advance (db, cursor, error);
}

static const char *
cursor_text (Cursor *cursor,
             int     column)
{
  return (const char *) sqlite3_column_text (cursor->stmt, column);
}

/* Passes over rows whose record comes before id: rows of no record at
 * all, which the reads one record at a time never saw either. */
static gboolean
cursor_seek (IcatDb      *db,
             Cursor      *cursor,
             const char  *id,
             GError     **error)
{
  while (cursor->on_row && g_strcmp0 (cursor_text (cursor, 0), id) < 0)
    if (!cursor_advance (db, cursor, error))
      return FALSE;
  return TRUE;
}

static gboolean
cursor_at (Cursor             *cursor,
           const char * const *keys,
           int                 n_keys)
{
  if (!cursor->on_row)
    return FALSE;
  for (int i = 0; i < n_keys; i++)
    if (g_strcmp0 (cursor_text (cursor, i), keys[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
open_lists (IcatRecordReader  *reader,
            GError           **error)
{
  const IcatKind *kind = reader->kind;

  reader->lists = g_new0 (List, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      const IcatKind *child = field->child;
      List *list = &reader->lists[i];
      g_autofree char *table = is_column (field) ? NULL : icat_schema_sub_table (kind->name, field);
      g_autoptr(GString) sql = g_string_new (NULL);

      if (table == NULL)
        continue;
      if (field->type == ICAT_VALUE_REF_LIST)
        {
          g_string_printf (sql, "SELECT owner_id, target_id FROM \"%s\" ORDER BY owner_id, position, target_id", table);
          if (!cursor_open (reader->db, &list->rows, sql->str, error))
            return FALSE;
          continue;
        }
      g_string_assign (sql, "SELECT parent_id");
      append_columns (sql, child, "");
      g_string_append_printf (sql, " FROM \"%s\" ORDER BY parent_id", table);
      append_child_order (sql, child, "");
      if (!cursor_open (reader->db, &list->rows, sql->str, error))
        return FALSE;
      list->child_id_column = id_column (child, 1);
      list->child_links = g_new0 (Cursor, child->n_fields);
      for (guint j = 0; j < child->n_fields; j++)
        {
          g_autofree char *links = NULL;

          if (is_column (&child->fields[j]))
            continue;
          /* The children's links in the children's own order, so they
           * come by as the children do. */
          g_assert (child->fields[j].type == ICAT_VALUE_REF_LIST && list->child_id_column >= 0);
          links = icat_schema_sub_table (table, &child->fields[j]);
          g_string_printf (sql, "SELECT c.parent_id, l.owner_id, l.target_id FROM \"%s\" AS c "
                                "JOIN \"%s\" AS l ON l.owner_id = c.id ORDER BY c.parent_id", table, links);
          append_child_order (sql, child, "c.");
          g_string_append (sql, ", l.position, l.target_id");
          if (!cursor_open (reader->db, &list->child_links[j], sql->str, error))
            return FALSE;
        }
    }
  return TRUE;
}

IcatRecordReader *
icat_record_reader_new (IcatDb          *db,
                        const IcatKind  *kind,
                        GError         **error)
{
  g_autoptr(IcatRecordReader) reader = g_new0 (IcatRecordReader, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT id");

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL && !kind->is_child, NULL);

  reader->db = db;
  reader->kind = kind;
  /* The id first, as in the nested lists' statements; then the columns. */
  append_columns (sql, kind, "");
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY id", kind->name);
  if (!cursor_open (db, &reader->records, sql->str, error) || !open_lists (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

/* The rows of cursor that belong to keys, as a list of their targets. */
static JsonArray *
take_links (IcatRecordReader    *reader,
            Cursor              *cursor,
            const char * const  *keys,
            int                  n_keys,
            GError             **error)
{
  g_autoptr(JsonArray) targets = json_array_new ();

  if (!cursor_seek (reader->db, cursor, keys[0], error))
    return NULL;
  while (cursor_at (cursor, keys, n_keys))
    {
      json_array_add_string_element (targets, cursor_text (cursor, n_keys));
      if (!cursor_advance (reader->db, cursor, error))
        return NULL;
    }
  return g_steal_pointer (&targets);
}

/* The child on list's current row, with its own link lists. */
static JsonObject *
take_child (IcatRecordReader  *reader,
            const IcatKind    *kind,
            List              *list,
            const char        *parent_id,
            GError           **error)
{
  g_autoptr(JsonObject) child = json_object_new ();
  const char *keys[] = { parent_id, NULL };
  int column = 1;

  if (list->child_id_column >= 0)
    keys[1] = cursor_text (&list->rows, list->child_id_column);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      JsonArray *links;

      if (is_column (field))
        {
          json_object_set_member (child, field->name,
                                  icat_record_column_to_node (list->rows.stmt, column++, field));
          continue;
        }
      links = take_links (reader, &list->child_links[i], keys, 2, error);
      if (links == NULL)
        return NULL;
      json_object_set_array_member (child, field->name, links);
    }
  return g_steal_pointer (&child);
}

static JsonArray *
take_children (IcatRecordReader  *reader,
               const IcatKind    *kind,
               List              *list,
               const char        *parent_id,
               GError           **error)
{
  g_autoptr(JsonArray) children = json_array_new ();

  if (!cursor_seek (reader->db, &list->rows, parent_id, error))
    return NULL;
  while (cursor_at (&list->rows, &parent_id, 1))
    {
      JsonObject *child = take_child (reader, kind, list, parent_id, error);

      if (child == NULL)
        return NULL;
      json_array_add_object_element (children, child);
      if (!cursor_advance (reader->db, &list->rows, error))
        return NULL;
    }
  return g_steal_pointer (&children);
}

JsonObject *
icat_record_reader_next (IcatRecordReader  *reader,
                         GError           **error)
{
  const IcatKind *kind = reader->kind;
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *id = NULL;
  int column = 1;

  g_return_val_if_fail (reader != NULL, NULL);

  if (!reader->records.on_row)
    return NULL;
  record = json_object_new ();
  id = g_strdup (cursor_text (&reader->records, 0));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      JsonArray *list;

      if (is_column (field))
        {
          json_object_set_member (record, field->name,
                                  icat_record_column_to_node (reader->records.stmt, column++, field));
          continue;
        }
      list = field->type == ICAT_VALUE_REF_LIST
             ? take_links (reader, &reader->lists[i].rows, (const char * const *) &id, 1, error)
             : take_children (reader, field->child, &reader->lists[i], id, error);
      if (list == NULL)
        return NULL;
      json_object_set_array_member (record, field->name, list);
    }
  if (!cursor_advance (reader->db, &reader->records, error))
    return NULL;
  return g_steal_pointer (&record);
}

static void
cursor_close (Cursor *cursor)
{
  if (cursor->stmt != NULL)
    sqlite3_reset (cursor->stmt);
}

void
icat_record_reader_free (IcatRecordReader *reader)
{
  if (reader == NULL)
    return;
  cursor_close (&reader->records);
  for (guint i = 0; reader->lists != NULL && i < reader->kind->n_fields; i++)
    {
      const IcatField *field = &reader->kind->fields[i];

      cursor_close (&reader->lists[i].rows);
      for (guint j = 0; reader->lists[i].child_links != NULL && j < field->child->n_fields; j++)
        cursor_close (&reader->lists[i].child_links[j]);
      g_free (reader->lists[i].child_links);
    }
  g_free (reader->lists);
  g_free (reader);
}
