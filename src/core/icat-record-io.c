/* icat-record-io.c — records between SQL rows and exchange-format objects
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement here is generated from the field tables of icat-schema.c:
 * table and column names come from those static tables only, and every
 * value is bound as a parameter.
 */
#define G_LOG_DOMAIN "icat-record-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-record-read.h"

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
  gboolean first = TRUE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!is_column (&kind->fields[i]))
        continue;
      g_string_append_printf (sql, "%s%s\"%s\"", first ? "" : ", ", prefix, kind->fields[i].name);
      first = FALSE;
    }
}

/* Runs sql, whose one parameter ?1 is the id of a record. */
static gboolean
run_for_id (IcatDb      *db,
            const char  *sql,
            const char  *id,
            GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  return icat_db_run (db, stmt, error);
}

static gboolean
read_links (IcatDb      *db,
            const char  *table,
            const char  *owner_id,
            JsonArray  **out,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT target_id FROM \"%s\" WHERE owner_id = ?1 ORDER BY position, target_id", table);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  g_autoptr(JsonArray) ids = json_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_string_element (ids, (const char *) sqlite3_column_text (stmt, 0));
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;
  *out = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean read_children (IcatDb *db, const char *table, const IcatKind *kind,
                               const char *parent_id, JsonArray **out, GError **error);

static gboolean
read_children (IcatDb          *db,
               const char      *table,
               const IcatKind  *kind,
               const char      *parent_id,
               JsonArray      **out,
               GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonArray) children = json_array_new ();
  gboolean has_id = icat_kind_lookup_field (kind, "id") != NULL;
  sqlite3_stmt *stmt;
  int rc;

  append_columns (sql, kind, "");
  g_string_append_printf (sql, " FROM \"%s\" WHERE parent_id = ?1 ORDER BY %s", table, kind->order_by);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, parent_id);

  /* Columns first, then the children's own link lists: those queries must
   * not run while this statement is still stepping through rows that a
   * recursive read could reset. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *child = json_object_new ();
      int column = 0;

      for (guint i = 0; i < kind->n_fields; i++)
        if (is_column (&kind->fields[i]))
          json_object_set_member (child, kind->fields[i].name,
                                  icat_record_column_to_node (stmt, column++, &kind->fields[i]));
      g_ptr_array_add (rows, child);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return FALSE;

  for (guint r = 0; r < rows->len; r++)
    {
      JsonObject *row = rows->pdata[r];
      g_autoptr(JsonObject) child = json_object_new ();
      const char *child_id = has_id ? json_object_get_string_member (row, "id") : NULL;

      for (guint i = 0; i < kind->n_fields; i++)
        {
          const IcatField *field = &kind->fields[i];
          g_autofree char *sub = NULL;
          JsonArray *links = NULL;

          if (is_column (field))
            {
              json_object_set_member (child, field->name,
                                      json_node_copy (json_object_get_member (row, field->name)));
              continue;
            }
          g_assert (field->type == ICAT_VALUE_REF_LIST && child_id != NULL);
          sub = icat_schema_sub_table (table, field);
          if (!read_links (db, sub, child_id, &links, error))
            return FALSE;
          json_object_set_array_member (child, field->name, links);
        }
      json_array_add_object_element (children, g_steal_pointer (&child));
    }
  *out = g_steal_pointer (&children);
  return TRUE;
}

JsonObject *
icat_record_io_read (IcatDb          *db,
                     const IcatKind  *kind,
                     const char      *id,
                     GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autoptr(JsonObject) row = json_object_new ();
  sqlite3_stmt *stmt;
  int rc;

  append_columns (sql, kind, "");
  g_string_append_printf (sql, " FROM \"%s\" WHERE id = ?1", kind->name);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                   _("There is no record with the id “%s”."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      icat_db_fail (db, rc, error);
      return NULL;
    }
  /* Copy the columns out before the nested reads reuse the connection. */
  for (guint i = 0, column = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      json_object_set_member (row, kind->fields[i].name,
                              icat_record_column_to_node (stmt, column++, &kind->fields[i]));
  sqlite3_reset (stmt);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      g_autofree char *sub = NULL;
      JsonArray *list = NULL;

      if (is_column (field))
        {
          json_object_set_member (obj, field->name,
                                  json_node_copy (json_object_get_member (row, field->name)));
          continue;
        }
      sub = icat_schema_sub_table (kind->name, field);
      if (field->type == ICAT_VALUE_REF_LIST
          ? !read_links (db, sub, id, &list, error)
          : !read_children (db, sub, field->child, id, &list, error))
        return NULL;
      json_object_set_array_member (obj, field->name, list);
    }
  return g_steal_pointer (&obj);
}

static void
bind_value (sqlite3_stmt    *stmt,
            int              index,
            const IcatField *field,
            JsonNode        *node)
{
  g_autofree char *json = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  switch (field->type)
    {
    case ICAT_VALUE_INTEGER:
      sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      break;
    case ICAT_VALUE_BOOLEAN:
      sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      break;
    case ICAT_VALUE_LOCALIZED:
    case ICAT_VALUE_NAME_LIST:
      json = json_to_string (node, FALSE);
      icat_bind_text (stmt, index, json);
      break;
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
      icat_bind_text (stmt, index, json_node_get_string (node));
      break;
    }
}

static void
bind_columns (sqlite3_stmt   *stmt,
              int             first_index,
              const IcatKind *kind,
              JsonObject     *obj)
{
  int index = first_index;

  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      bind_value (stmt, index++, &kind->fields[i],
                  json_object_get_member (obj, kind->fields[i].name));
}

/* Runs sql with ?1 the id of a record and ?2 the ids of a list as JSON. */
static gboolean
run_for_id_and_list (IcatDb      *db,
                     const char  *sql,
                     const char  *id,
                     JsonArray   *list,
                     const char  *member,
                     GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *json = NULL;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);

      if (member != NULL)
        element = json_object_get_member (json_node_get_object (element), member);
      if (element != NULL)
        json_array_add_element (ids, json_node_copy (element));
    }
  json_node_set_array (node, ids);
  json = json_to_string (node, FALSE);
  icat_bind_text (stmt, 1, id);
  icat_bind_text (stmt, 2, json);
  return icat_db_run (db, stmt, error);
}

/* Only what changed is written, so a changeset of the save holds only the
 * links added, moved or removed. A record not stored before owns no links
 * yet, so nothing is removed; with links given, its rows are noted there
 * instead of in the session. */
static gboolean
write_links (IcatDb           *db,
             const char       *table,
             const char       *owner_id,
             JsonArray        *ids,
             gboolean          owner_is_new,
             IcatNewRows      *links,
             GError          **error)
{
  g_autofree char *insert_sql = NULL;
  gboolean noted = owner_is_new && links != NULL;
  gboolean ok = TRUE;

  if (!owner_is_new)
    {
      g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE owner_id = ?1 AND target_id NOT IN "
                                                     "(SELECT value FROM json_each (?2) WHERE value IS NOT NULL)", table);

      if (!run_for_id_and_list (db, delete_sql, owner_id, ids, NULL, error))
        return FALSE;
    }
  if (ids == NULL || json_array_get_length (ids) == 0)
    return TRUE;
  /* A new owner's links are new: a plain INSERT, without the statement
   * journal an upsert needs (see row_sql ()). */
  insert_sql = g_strdup_printf (owner_is_new ? "INSERT INTO \"%s\" (owner_id, target_id, position) VALUES (?1, ?2, ?3)"
                                : "INSERT INTO \"%s\" (owner_id, target_id, position) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (owner_id, target_id) DO UPDATE SET position = excluded.position "
                                  "WHERE position IS NOT excluded.position", table);
  if (noted)
    icat_new_rows_pause (links);
  for (guint i = 0; ok && ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *target_id = json_array_get_string_element (ids, i);
      sqlite3_stmt *stmt = icat_db_prepare (db, insert_sql, error);

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      icat_bind_text (stmt, 1, owner_id);
      icat_bind_text (stmt, 2, target_id);
      sqlite3_bind_int (stmt, 3, i);
      ok = icat_db_run (db, stmt, error) &&
           (!noted || icat_new_rows_add_link (links, db, table, owner_id, target_id, i, error));
    }
  if (noted)
    icat_new_rows_resume (links);
  return ok;
}

static JsonArray *
get_array (JsonObject *obj,
           const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Removes the rows of parent_id's list in table whose ids are not in
 * rows (every row, if rows is NULL or empty), with their own links first:
 * no cascade does it. */
static gboolean
remove_children (IcatDb          *db,
                 const char      *table,
                 const IcatKind  *kind,
                 const char      *parent_id,
                 JsonArray       *rows,
                 GError         **error)
{
  g_autofree char *gone = g_strdup_printf ("SELECT id FROM \"%s\" WHERE parent_id = ?1 AND id NOT IN "
                                           "(SELECT value FROM json_each (?2) WHERE value IS NOT NULL)", table);
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id IN (%s)", table, gone);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *sub = NULL;
      g_autofree char *sql = NULL;

      if (kind->fields[i].type != ICAT_VALUE_REF_LIST)
        continue;
      sub = icat_schema_sub_table (table, &kind->fields[i]);
      sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE owner_id IN (%s)", sub, gone);
      if (!run_for_id_and_list (db, sql, parent_id, rows, ICAT_KEY_ID, error))
        return FALSE;
    }
  return run_for_id_and_list (db, delete_sql, parent_id, rows, ICAT_KEY_ID, error);
}

/* An upsert of one nested row by its id that leaves a row whose values
 * are all the same untouched: no trigger, check or session sees it. */
static char *
child_upsert_sql (const char     *table,
                  const IcatKind *kind)
{
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) differs = g_string_new ("\"parent_id\" IS NOT excluded.parent_id OR seq IS NOT excluded.seq");
  guint n_columns = 0;

  g_string_printf (sql, "INSERT INTO \"%s\" (parent_id, seq, ", table);
  append_columns (sql, kind, "");
  g_string_append (sql, ") VALUES (?1, ?2");
  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      g_string_append_printf (sql, ", ?%u", 3 + n_columns++);
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, seq = excluded.seq");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *name = kind->fields[i].name;

      if (!is_column (&kind->fields[i]) || strcmp (name, ICAT_KEY_ID) == 0)
        continue;
      g_string_append_printf (sql, ", \"%s\" = excluded.\"%s\"", name, name);
      g_string_append_printf (differs, " OR \"%s\".\"%s\" IS NOT excluded.\"%s\"", table, name, name);
    }
  g_string_append_printf (sql, " WHERE %s", differs->str);
  return g_string_free (sql, FALSE);
}

static gboolean
write_children (IcatDb          *db,
                const char      *table,
                const IcatKind  *kind,
                const char      *parent_id,
                JsonArray       *children,
                gboolean         parent_is_new,
                GError         **error)
{
  g_autofree char *upsert_sql = NULL;
  sqlite3_stmt *stmt;

  /* A record not stored before has no rows to lose; its rows are still
   * upserted, since one may move here from another record. */
  if (!parent_is_new && !remove_children (db, table, kind, parent_id, children, error))
    return FALSE;
  if (children == NULL || json_array_get_length (children) == 0)
    return TRUE;
  upsert_sql = child_upsert_sql (table, kind);

  for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
    {
      JsonObject *child = json_array_get_object_element (children, c);

      stmt = icat_db_prepare (db, upsert_sql, error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, parent_id);
      sqlite3_bind_int (stmt, 2, c);
      bind_columns (stmt, 3, kind, child);
      if (!icat_db_run (db, stmt, error))
        return FALSE;

      for (guint i = 0; i < kind->n_fields; i++)
        {
          const IcatField *field = &kind->fields[i];
          g_autofree char *sub = NULL;

          if (field->type != ICAT_VALUE_REF_LIST)
            continue;
          sub = icat_schema_sub_table (table, field);
          if (!write_links (db, sub, json_object_get_string_member (child, ICAT_KEY_ID),
                            get_array (child, field->name), FALSE, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A nested list that was replaced may have lost children other records
 * pointed at (an agenda item an action item came from): those references
 * are cleared rather than left dangling. */
static gboolean
clear_lost_child_refs (IcatDb      *db,
                       const char  *child_table,
                       const char  *parent_id,
                       GError     **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const IcatField *field = &kinds[k]->fields[i];
        g_autofree char *sql = NULL;

        if (field->type != ICAT_VALUE_CHILD_REF || strcmp (field->ref, child_table) != 0)
          continue;
        sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = NULL WHERE \"%s\" = ?1 AND \"%s\" IS NOT NULL "
                               "AND \"%s\" NOT IN (SELECT id FROM \"%s\" WHERE parent_id = ?1)",
                               kinds[k]->name, field->name, field->via, field->name,
                               field->name, child_table);
        if (!run_for_id (db, sql, parent_id, error))
          return FALSE;
      }
  return TRUE;
}

static char *
build_row_sql (const IcatKind *kind,
               gboolean        upsert)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) differs = g_string_new (NULL);
  guint n_columns = 0;

  g_string_printf (sql, "INSERT INTO \"%s\" (", kind->name);
  append_columns (sql, kind, "");
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      {
        g_string_append_printf (sql, "%s?%u", n_columns ? ", " : "", n_columns + 1);
        n_columns++;
      }
  g_string_append_c (sql, ')');
  if (!upsert)
    return g_string_free (g_steal_pointer (&sql), FALSE);
  g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 0, first = 1; i < kind->n_fields; i++)
    {
      const char *name = kind->fields[i].name;

      if (!is_column (&kind->fields[i]) || strcmp (name, "id") == 0)
        continue;
      g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", first ? "" : ", ", name, name);
      g_string_append_printf (differs, "%s\"%s\".\"%s\" IS NOT excluded.\"%s\"",
                              first ? "" : " OR ", kind->name, name, name);
      first = 0;
    }
  g_string_append_printf (sql, " WHERE %s", differs->str);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Built once per kind: an import writes 100,000 records, and formatting
 * the statement's text each time cost more than running it. A record new
 * to the database is a plain INSERT: SQLite keeps a statement journal of
 * every page an upsert touches, in case its conflict clause has to undo
 * it, and there is no conflict to undo. */
static const char *
row_sql (const IcatKind *kind,
         gboolean        is_new)
{
  static GMutex lock;
  static GHashTable *by_kind[2];  /* IcatKind → its upsert, its insert, for the program's life */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  const char *sql;

  if (by_kind[is_new] == NULL)
    by_kind[is_new] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sql = g_hash_table_lookup (by_kind[is_new], kind);
  if (sql == NULL)
    {
      sql = build_row_sql (kind, !is_new);
      g_hash_table_insert (by_kind[is_new], (gpointer) kind, (gpointer) sql);
    }
  return sql;
}

/* The record's own row, written only where it differs. */
static gboolean
write_row (IcatDb          *db,
           const IcatKind  *kind,
           JsonObject      *record,
           gboolean         is_new,
           GError         **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, row_sql (kind, is_new), error);

  if (stmt == NULL)
    return FALSE;
  bind_columns (stmt, 1, kind, record);
  return icat_db_run (db, stmt, error);
}

static gboolean
write_record (IcatDb           *db,
              const IcatKind   *kind,
              JsonObject       *record,
              gboolean          is_new,
              IcatNewRows      *new_rows,
              GError          **error)
{
  const char *id = json_object_get_string_member (record, "id");

  if (is_new && new_rows != NULL)
    {
      gboolean written;

      icat_new_rows_pause (new_rows);
      written = write_row (db, kind, record, TRUE, error);
      icat_new_rows_resume (new_rows);
      if (!written || !icat_new_rows_add_record (new_rows, db, kind->name, id, error))
        return FALSE;
    }
  else if (!write_row (db, kind, record, is_new, error))
    return FALSE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      g_autofree char *sub = NULL;

      if (is_column (field))
        continue;
      sub = icat_schema_sub_table (kind->name, field);
      if (field->type == ICAT_VALUE_REF_LIST)
        {
          if (!write_links (db, sub, id, get_array (record, field->name), is_new, new_rows, error))
            return FALSE;
        }
      /* A record new to the database had no children to lose. */
      else if (!write_children (db, sub, field->child, id, get_array (record, field->name), is_new, error) ||
               (!is_new && !clear_lost_child_refs (db, sub, id, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
icat_record_io_write (IcatDb          *db,
                      const IcatKind  *kind,
                      JsonObject      *record,
                      GError         **error)
{
  return write_record (db, kind, record, FALSE, NULL, error);
}

gboolean
icat_record_io_write_new (IcatDb           *db,
                          const IcatKind   *kind,
                          JsonObject       *record,
                          IcatNewRows      *new_rows,
                          GError          **error)
{
  return write_record (db, kind, record, TRUE, new_rows, error);
}

static gboolean
count_where (IcatDb      *db,
             const char  *table,
             const char  *column,
             const char  *id,
             gint64      *total,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?1", table, column);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *total += sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : icat_db_fail (db, rc, error);
}

static gboolean
count_in_fields (IcatDb          *db,
                 const char      *table,
                 const IcatKind  *kind,
                 const char      *target_kind,
                 const char      *id,
                 gint64          *total,
                 GError         **error)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      g_autofree char *sub = NULL;

      if (field->type == ICAT_VALUE_REF && strcmp (field->ref, target_kind) == 0)
        {
          if (!count_where (db, table, field->name, id, total, error))
            return FALSE;
        }
      else if (field->type == ICAT_VALUE_REF_LIST && strcmp (field->ref, target_kind) == 0)
        {
          sub = icat_schema_sub_table (table, field);
          if (!count_where (db, sub, "target_id", id, total, error))
            return FALSE;
        }
      else if (field->type == ICAT_VALUE_CHILDREN)
        {
          sub = icat_schema_sub_table (table, field);
          if (!count_in_fields (db, sub, field->child, target_kind, id, total, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
icat_record_io_count_uses (IcatDb          *db,
                           const IcatKind  *kind,
                           const char      *id,
                           gint64          *uses,
                           GError         **error)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  *uses = 0;
  for (guint k = 0; k < n_kinds; k++)
    if (!count_in_fields (db, kinds[k]->name, kinds[k], kind->name, id, uses, error))
      return FALSE;
  return TRUE;
}

gboolean
icat_record_io_delete (IcatDb          *db,
                       const IcatKind  *kind,
                       const char      *id,
                       GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", kind->name);

  /* No cascade removes what belongs to the record (another laptop's
   * changes must not delete rows behind the store's back), so it goes
   * here, in the caller's transaction. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      g_autofree char *sub = NULL;

      if (is_column (field))
        continue;
      sub = icat_schema_sub_table (kind->name, field);
      if (field->type == ICAT_VALUE_REF_LIST
          ? !write_links (db, sub, id, NULL, FALSE, NULL, error)
          : !remove_children (db, sub, field->child, id, NULL, error))
        return FALSE;
    }
  if (!run_for_id (db, sql, id, error))
    return FALSE;
  return icat_record_io_index (db, kind, id, NULL, error);
}

gboolean
icat_record_io_exists (IcatDb      *db,
                       const char  *table,
                       const char  *id,
                       gboolean    *exists,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1", table);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return icat_db_fail (db, rc, error);
  *exists = (rc == SQLITE_ROW);
  return TRUE;
}

GPtrArray *
icat_record_io_list_ids (IcatDb          *db,
                         const IcatKind  *kind,
                         GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" ORDER BY id", kind->name);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

char *
icat_record_io_updated_at (IcatDb          *db,
                           const IcatKind  *kind,
                           const char      *id,
                           GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM \"%s\" WHERE id = ?1", kind->name);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);
  char *result = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    icat_db_fail (db, rc, error);
  sqlite3_reset (stmt);
  return result;
}

/* The languages of ICAT's records: the six official languages of the
 * United Nations, by the code localized text is keyed with. */
static const char * const record_languages[] = { "ar", "en", "es", "fr", "ru", "zh", NULL };

/* The code a locale name ("fr_FR.UTF-8", "zh_CN") starts with, if it is a
 * language of the records. */
static const char *
record_language_of (const char *locale)
{
  gsize len = strcspn (locale, "_.@");

  for (guint i = 0; record_languages[i] != NULL; i++)
    if (len == strlen (record_languages[i]) && strncmp (locale, record_languages[i], len) == 0)
      return record_languages[i];
  return NULL;
}

const char *
icat_localized_user_code (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *code = record_language_of (names[i]);

      if (code != NULL)
        return code;
    }
  return "en";
}

gboolean
icat_localized_is_code (const char *code)
{
  return code != NULL && g_strv_contains (record_languages, code);
}

static const char *
nonempty_member (JsonObject *localized,
                 const char *code)
{
  JsonNode *node = json_object_get_member (localized, code);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The one order every display of localized text follows: the user's
 * languages as the locale lists them, then English, then Chinese (the
 * two languages every built-in record has), then any other. */
const char *
icat_localized_pick (JsonObject *localized)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(GList) members = NULL;
  const char *text;

  if (localized == NULL)
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* Any language a record may hold, not only the six: "de_CH" reads "de". */
      char code[16] = { 0 };
      gsize len = strcspn (names[i], "_.@");

      if (len < sizeof code && (text = nonempty_member (localized, memcpy (code, names[i], len))) != NULL)
        return text;
    }
  if ((text = nonempty_member (localized, "en")) != NULL || (text = nonempty_member (localized, "zh")) != NULL)
    return text;
  members = json_object_get_members (localized);
  for (GList *l = members; l != NULL; l = l->next)
    if ((text = nonempty_member (localized, l->data)) != NULL)
      return text;
  return NULL;
}

static const char *
field_text (JsonObject      *record,
            const IcatField *field)
{
  JsonNode *node = json_object_get_member (record, field->name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (field->type == ICAT_VALUE_LOCALIZED)
    return icat_localized_pick (json_node_get_object (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

char *
icat_record_title (const IcatKind *kind,
                   JsonObject     *record)
{
  g_autoptr(GString) title = g_string_new (NULL);

  if (strcmp (kind->name, "mandate") == 0)
    {
      const char *paragraph = json_object_get_string_member_with_default (record, "paragraph", "");

      if (g_ascii_isdigit (paragraph[0]))
        /* Translators: a mandate: document symbol and paragraph, e.g. "A/RES/72/195, para. 8" */
        return g_strdup_printf (_("%s, para. %s"),
                                json_object_get_string_member_with_default (record, "document", ""),
                                paragraph);
      /* Translators: a paragraph of the annex of a resolution, e.g. "A/RES/64/293, annex para. 12" */
      return g_strdup_printf (_("%s, annex para. %s"),
                              json_object_get_string_member_with_default (record, "document", ""),
                              g_str_has_prefix (paragraph, "annex ") ? paragraph + strlen ("annex ") : paragraph);
    }
  if (strcmp (kind->name, "chair_term") == 0 || strcmp (kind->name, "work_plan") == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (record, "year", 0));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *text;

      if (!(kind->fields[i].flags & ICAT_FIELD_TITLE))
        continue;
      text = field_text (record, &kind->fields[i]);
      if (text == NULL || *text == '\0')
        continue;
      if (title->len > 0)
        g_string_append (title, " — ");
      g_string_append (title, text);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
append_node_text (GString  *out,
                  JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        append_node_text (out, json_object_get_member (json_node_get_object (node), l->data));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_node_text (out, json_array_get_element (array, i));
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_string_append (out, json_node_get_string (node));
      g_string_append_c (out, '\n');
    }
}

static void
collect_text (GString        *out,
              const IcatKind *kind,
              JsonObject     *record,
              IcatFieldFlags  flag)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      JsonNode *node = json_object_get_member (record, field->name);

      if (field->type == ICAT_VALUE_CHILDREN && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *children = json_node_get_array (node);

          for (guint c = 0; c < json_array_get_length (children); c++)
            collect_text (out, field->child, json_array_get_object_element (children, c), flag);
        }
      else if (field->flags & flag)
        append_node_text (out, node);
    }
}

void
icat_record_io_search_text (const IcatKind *kind,
                            JsonObject     *record,
                            GString        *title,
                            GString        *body)
{
  collect_text (title, kind, record, ICAT_FIELD_TITLE);
  collect_text (body, kind, record, ICAT_FIELD_SEARCH);
}

gboolean
icat_record_io_index (IcatDb          *db,
                      const IcatKind  *kind,
                      const char      *id,
                      JsonObject      *record,
                      GError         **error)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (record == NULL)
    return run_for_id (db, "DELETE FROM search_doc WHERE record_id = ?1", id, error);

  icat_record_io_search_text (kind, record, title, body);
  stmt = icat_db_prepare (db,
                          "INSERT INTO search_doc (kind, record_id, title, body) VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT (record_id) DO UPDATE SET title = excluded.title, body = excluded.body",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, kind->name);
  icat_bind_text (stmt, 2, id);
  icat_bind_text (stmt, 3, title->str);
  icat_bind_text (stmt, 4, body->str);
  return icat_db_run (db, stmt, error);
}
