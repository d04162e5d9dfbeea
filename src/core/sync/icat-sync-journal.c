/* icat-sync-journal.c — this laptop's changes, and the clocks of every field
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every transaction the store journals ends here before its COMMIT: its
 * changeset becomes the next entry of this laptop in sync_journal, and the
 * clock of each column it wrote is noted, so a later change from another
 * laptop can be told apart from an older one field by field.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <string.h>

#include "icat-error.h"
#include "icat-index-batch.h"
#include "icat-schema.h"
#include "icat-sync-private.h"

/* Clocks and values {{{ */

int
_icat_sync_clock_compare (const IcatSyncClock *a,
                          const IcatSyncClock *b)
{
  if (a->hlc != b->hlc)
    return a->hlc < b->hlc ? -1 : 1;
  return g_strcmp0 (a->device, b->device);
}

char *
_icat_sync_clock_time (gint64 hlc)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *seconds = NULL;

  if (hlc <= 0)
    return NULL;
  time = g_date_time_new_from_unix_utc ((hlc >> 16) / 1000);
  if (time == NULL)
    return NULL;
  seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, (int) ((hlc >> 16) % 1000));
}

gint64
_icat_sync_next_hlc (IcatDb  *db,
                     GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT max(hlc) FROM sync_journal", error);
  gint64 wall = (g_get_real_time () / 1000) << 16;
  gint64 last = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return icat_db_fail (db, rc, error), -1;
  return MAX (wall, last + 1);
}

static void
append_key_part (GString       *key,
                 sqlite3_value *value)
{
  if (key->len > 0)
    g_string_append_c (key, ' ');
  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    g_string_append (key, "null");
  else
    g_string_append (key, (const char *) sqlite3_value_text (value));
}

char *
_icat_sync_row_key (sqlite3_changeset_iter *iter,
                    gboolean                old_values)
{
  g_autoptr(GString) key = g_string_new (NULL);
  unsigned char *pk = NULL;
  int n_columns = 0;

  sqlite3changeset_pk (iter, &pk, &n_columns);
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *value = NULL;

      if (!pk[i])
        continue;
      if (old_values)
        sqlite3changeset_old (iter, i, &value);
      else
        sqlite3changeset_new (iter, i, &value);
      append_key_part (key, value);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

JsonNode *
_icat_sync_value_to_json (sqlite3_value *value)
{
  if (value == NULL)
    return json_node_new (JSON_NODE_NULL);
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER:
      return json_node_init_int (json_node_alloc (), sqlite3_value_int64 (value));
    case SQLITE_FLOAT:
      return json_node_init_double (json_node_alloc (), sqlite3_value_double (value));
    case SQLITE_TEXT:
      return json_node_init_string (json_node_alloc (), (const char *) sqlite3_value_text (value));
    case SQLITE_NULL:
    default:
      /* Record tables hold no blobs. */
      return json_node_new (JSON_NODE_NULL);
    }
}

char *
_icat_sync_value_to_text (sqlite3_value *value)
{
  g_autoptr(JsonNode) node = _icat_sync_value_to_json (value);

  return json_to_string (node, FALSE);
}

void
_icat_sync_bind_json (sqlite3_stmt *stmt,
                      int           index,
                      JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
  else
    icat_bind_text (stmt, index, json_node_get_string (node));
}

gboolean
_icat_sync_values_equal (sqlite3_value *a,
                         sqlite3_value *b)
{
  int type_a = a ? sqlite3_value_type (a) : SQLITE_NULL;
  int type_b = b ? sqlite3_value_type (b) : SQLITE_NULL;

  if (type_a != type_b)
    return FALSE;
  switch (type_a)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a)) == 0;
    }
}

/* }}} */
/* Tables {{{ */

typedef struct {
  GPtrArray *columns;
  GArray    *key;
} TableShape;

static GMutex shapes_lock;
static GHashTable *shapes;  /* table name → TableShape; the schema is the same on every connection */

static TableShape *
table_shape (IcatDb     *db,
             const char *table)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GArray) key_order = NULL;
  TableShape *shape;
  sqlite3_stmt *stmt;
  int rc;

  if (!_icat_journal_tracks_table (table))
    return NULL;
  g_mutex_lock (&shapes_lock);
  if (shapes == NULL)
    shapes = g_hash_table_new (g_str_hash, g_str_equal);
  shape = g_hash_table_lookup (shapes, table);
  g_mutex_unlock (&shapes_lock);
  if (shape != NULL)
    return shape;

  /* The name was checked against the schema's tables above. */
  sql = g_strdup_printf ("SELECT name, pk FROM pragma_table_info('%s') ORDER BY cid", table);
  stmt = icat_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return NULL;
  columns = g_ptr_array_new_with_free_func (g_free);
  key_order = g_array_new (FALSE, TRUE, sizeof (int));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int pk = sqlite3_column_int (stmt, 1);

      if (pk > 0)
        {
          if (key_order->len < (guint) pk)
            g_array_set_size (key_order, pk);
          g_array_index (key_order, int, pk - 1) = columns->len;
        }
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || columns->len == 0)
    return NULL;

  shape = g_new0 (TableShape, 1);
  shape->columns = g_steal_pointer (&columns);
  shape->key = g_steal_pointer (&key_order);
  g_mutex_lock (&shapes_lock);
  if (!g_hash_table_contains (shapes, table))
    g_hash_table_insert (shapes, g_strdup (table), shape);
  else
    {
      g_ptr_array_unref (shape->columns);
      g_array_unref (shape->key);
      g_free (shape);
      shape = g_hash_table_lookup (shapes, table);
    }
  g_mutex_unlock (&shapes_lock);
  return shape;
}

GPtrArray *
_icat_sync_table_columns (IcatDb     *db,
                          const char *table)
{
  TableShape *shape = table_shape (db, table);

  return shape ? shape->columns : NULL;
}

GArray *
_icat_sync_table_key (IcatDb     *db,
                      const char *table)
{
  TableShape *shape = table_shape (db, table);

  return shape ? shape->key : NULL;
}

char *
_icat_sync_first_column (IcatDb                 *db,
                         const char             *table,
                         sqlite3_changeset_iter *iter,
                         gboolean                old_key)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  GArray *key = _icat_sync_table_key (db, table);
  g_autoptr(GString) sql = NULL;
  sqlite3_value *value = NULL;
  sqlite3_stmt *stmt;
  char *result = NULL;

  if (old_key)
    sqlite3changeset_old (iter, 0, &value);
  else
    sqlite3changeset_new (iter, 0, &value);
  if (value != NULL)
    return g_strdup ((const char *) sqlite3_value_text (value));
  if (columns == NULL)
    return NULL;
  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT \"%s\" FROM \"%s\"", (const char *) columns->pdata[0], table);
  for (guint i = 0; i < key->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? " AND " : " WHERE ",
                            (const char *) columns->pdata[g_array_index (key, int, i)], i + 1);
  stmt = icat_db_prepare (db, sql->str, NULL);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < key->len; i++)
    {
      value = NULL;
      if (old_key)
        sqlite3changeset_old (iter, g_array_index (key, int, i), &value);
      else
        sqlite3changeset_new (iter, g_array_index (key, int, i), &value);
      sqlite3_bind_value (stmt, i + 1, value);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return result;
}

gboolean
_icat_sync_is_stamp_column (const char *column)
{
  static const char * const stamps[] = { "created_at", "updated_at", "updated_by", "seq", "position", NULL };

  return g_strv_contains (stamps, column);
}

gboolean
_icat_sync_column_clock (IcatDb      *db,
                         const char  *table,
                         const char  *row_key,
                         int          column,
                         gint64      *hlc,
                         char       **device,
                         GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT hlc, device FROM sync_clock WHERE tbl = ?1 AND pk = ?2 "
                                        "AND col IN (?3, -1) ORDER BY col DESC LIMIT 1",
                                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, row_key);
  sqlite3_bind_int (stmt, 3, column);
  rc = sqlite3_step (stmt);
  *hlc = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *device = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 1) : "");
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

char *
_icat_sync_insert_sql (IcatDb     *db,
                       const char *table)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO \"%s\" VALUES (", table);
  for (guint i = 0; columns != NULL && i < columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

/* }}} */
/* Noting changes {{{ */

/* Statements on (table ?1, row ?2, column ?3), some with a clock (?4, ?5)
 * and a text ?6; a parameter a statement lacks is not bound. */
static gboolean
run_statement (IcatDb       *db,
               const char   *sql,
               const char   *table,
               const char   *key,
               int           column,
               const IcatSyncClock *clock,
               const char   *text,
               GError      **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, table);
  icat_bind_text (stmt, 2, key);
  sqlite3_bind_int (stmt, 3, column);
  if (clock != NULL)
    {
      sqlite3_bind_int64 (stmt, 4, clock->hlc);
      icat_bind_text (stmt, 5, clock->device);
    }
  if (text != NULL)
    icat_bind_text (stmt, 6, text);
  return icat_db_run (db, stmt, error);
}

#define SET_CLOCK \
  "INSERT INTO sync_clock (tbl, pk, col, hlc, device) VALUES (?1, ?2, ?3, ?4, ?5) " \
  "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device"
#define FORGET_CLOCKS "DELETE FROM sync_clock WHERE tbl = ?1 AND pk = ?2 AND col >= ?3"
#define SET_TOMBSTONE \
  "INSERT INTO sync_tombstone (tbl, pk, hlc, device, row_values) VALUES (?1, ?2, ?4, ?5, ?6) " \
  "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device, row_values = excluded.row_values "

static char *
old_row_json (sqlite3_changeset_iter *iter,
              int                     n_columns)
{
  g_autoptr(JsonArray) values = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *value = NULL;

      sqlite3changeset_old (iter, i, &value);
      json_array_add_element (values, _icat_sync_value_to_json (value));
    }
  json_node_set_array (node, values);
  return json_to_string (node, FALSE);
}

static gboolean
note_one_change (IcatDb                 *db,
                 sqlite3_changeset_iter *iter,
                 const IcatSyncClock    *clock,
                 GError                **error)
{
  const char *table;
  int n_columns, op, indirect;
  g_autofree char *key = NULL;
  g_autofree char *row = NULL;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  /* An update holds its key among the old values. */
  key = _icat_sync_row_key (iter, op != SQLITE_INSERT);
  switch (op)
    {
    case SQLITE_UPDATE:
      for (int i = 0; i < n_columns; i++)
        {
          sqlite3_value *value = NULL;

          /* Typed over a field in conflict: both values were seen, as
           * every laptop that applies this change will tell from it. */
          if (sqlite3changeset_new (iter, i, &value) == SQLITE_OK && value != NULL &&
              (!run_statement (db, SET_CLOCK, table, key, i, clock, NULL, error) ||
               !_icat_sync_drop_typed_over (db, table, key, i, error)))
            return FALSE;
        }
      return TRUE;
    case SQLITE_DELETE:
      row = old_row_json (iter, n_columns);
      return run_statement (db, FORGET_CLOCKS, table, key, -1, NULL, NULL, error) &&
             run_statement (db, SET_TOMBSTONE, table, key, 0, clock, row, error) &&
             _icat_sync_forget_row_conflicts (db, table, key, &(IcatSyncClock) { 0, NULL }, NULL, error);
    default:
      return TRUE;
    }
}

/* Rows a change inserts, noted tens of thousands at a time, each step one
 * statement over a JSON array of [table, key]: the row's clock is the
 * change's (col -1), with no older column clocks and no tombstone. An
 * import inserts hundreds of thousands of rows; the clocks go in in the
 * table's order, each page of it written once per batch rather than
 * once per row of random ids. */
#define INSERTS_BATCH 32768

typedef struct {
  GString *rows;  /* a JSON array of [table, key] */
  guint    n_rows;
} InsertedRows;

static gboolean
has_tombstones (IcatDb    *db,
                gboolean  *any,
                GError   **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT 1 FROM sync_tombstone LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *any = (rc == SQLITE_ROW);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

static gboolean
note_inserted_rows (IcatDb              *db,
                    InsertedRows        *inserted,
                    const IcatSyncClock *clock,
                    GError             **error)
{
  static const struct {
    const char *sql;
    gboolean    clocked;     /* takes the clock as ?2 and ?3 */
    gboolean    tombstones;  /* only needed where there are tombstones */
  } steps[] = {
    { "DELETE FROM sync_clock WHERE (tbl, pk) IN (SELECT value ->> 0, value ->> 1 FROM json_each (?1))", FALSE, FALSE },
    /* "WHERE true" tells SQLite that ON CONFLICT belongs to the INSERT. */
    { "INSERT INTO sync_clock (tbl, pk, col, hlc, device) "
      "SELECT value ->> 0, value ->> 1, -1, ?2, ?3 FROM json_each (?1) WHERE true ORDER BY 1, 2 "
      "ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device = excluded.device", TRUE, FALSE },
    { "DELETE FROM sync_tombstone WHERE (tbl, pk) IN (SELECT value ->> 0, value ->> 1 FROM json_each (?1))", FALSE, TRUE },
  };
  gboolean any_tombstone = FALSE;

  if (inserted->n_rows == 0)
    return TRUE;
  g_string_append_c (inserted->rows, ']');
  /* Matching the batch's keys against an empty table still sorts them
   * all first: a third of this for a database that never lost a row. */
  if (!has_tombstones (db, &any_tombstone, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt;

      if (steps[i].tombstones && !any_tombstone)
        continue;
      stmt = icat_db_prepare (db, steps[i].sql, error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, inserted->rows->str);
      if (steps[i].clocked)
        {
          sqlite3_bind_int64 (stmt, 2, clock->hlc);
          icat_bind_text (stmt, 3, clock->device);
        }
      if (!icat_db_run (db, stmt, error))
        return FALSE;
    }
  g_string_assign (inserted->rows, "[");
  inserted->n_rows = 0;
  return TRUE;
}

static gboolean
add_inserted_row (IcatDb                 *db,
                  InsertedRows           *inserted,
                  sqlite3_changeset_iter *iter,
                  const IcatSyncClock    *clock,
                  GError                **error)
{
  const char *table;
  int n_columns, op, indirect;
  g_autofree char *key = _icat_sync_row_key (iter, FALSE);

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  g_string_append (inserted->rows, inserted->n_rows > 0 ? ",[" : "[");
  icat_json_append_string (inserted->rows, table);
  g_string_append_c (inserted->rows, ',');
  icat_json_append_string (inserted->rows, key);
  g_string_append_c (inserted->rows, ']');
  if (++inserted->n_rows < INSERTS_BATCH)
    return TRUE;
  return note_inserted_rows (db, inserted, clock, error);
}

gboolean
_icat_sync_note_changes (IcatDb              *db,
                         const void          *changeset,
                         int                  size,
                         const IcatSyncClock *clock,
                         GError             **error)
{
  sqlite3_changeset_iter *iter = NULL;
  InsertedRows inserted = { NULL, 0 };
  gboolean ok = TRUE;
  int rc;

  if (size == 0)
    return TRUE;
  rc = sqlite3changeset_start (&iter, size, (void *) changeset);
  if (rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  inserted.rows = g_string_new ("[");
  while (ok && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      /* In the changeset's order: the inserts noted so far go before
       * any other change, which may touch the same rows. */
      if (op == SQLITE_INSERT)
        ok = add_inserted_row (db, &inserted, iter, clock, error);
      else
        ok = note_inserted_rows (db, &inserted, clock, error) && note_one_change (db, iter, clock, error);
    }
  ok = ok && note_inserted_rows (db, &inserted, clock, error);
  g_string_free (inserted.rows, TRUE);
  rc = sqlite3changeset_finalize (iter);
  if (ok && rc != SQLITE_OK)
    return icat_db_fail (db, rc, error);
  return ok;
}

/* Saves a minute apart while someone types the minutes are one change to
 * the others: while this laptop's last change is not yet published, is
 * recent and touched every row the new one touches, the new one is
 * combined into it (sqlite3_changegroup), which then carries the new
 * clock. Only such small, repeated changes: anything else stays a change
 * of its own. */
#define COALESCE_MS (5 * 60 * 1000)
#define COALESCE_MAX_BYTES (256 * 1024)

static GHashTable *
rows_of (GBytes *changeset)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, g_bytes_get_size (changeset), (void *) g_bytes_get_data (changeset, NULL)) != SQLITE_OK)
    return rows;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      g_autofree char *key = NULL;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      key = _icat_sync_row_key (iter, op != SQLITE_INSERT);
      g_hash_table_add (rows, g_strconcat (table, "\n", key, NULL));
    }
  sqlite3changeset_finalize (iter);
  return rows;
}

static gboolean
touches_only_rows_of (GBytes *changeset,
                      GBytes *earlier)
{
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GHashTable) earlier_rows = NULL;
  GHashTableIter iter;
  gpointer row;

  if (g_bytes_get_size (earlier) > COALESCE_MAX_BYTES)
    return FALSE;
  rows = rows_of (changeset);
  earlier_rows = rows_of (earlier);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (!g_hash_table_contains (earlier_rows, row))
      return FALSE;
  return TRUE;
}

static gboolean
combine (GBytes  *first,
         GBytes  *second,
         GBytes **combined)
{
  sqlite3_changegroup *group = NULL;
  int size = 0;
  void *data = NULL;
  int rc = sqlite3changegroup_new (&group);

  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, g_bytes_get_size (first), (void *) g_bytes_get_data (first, NULL));
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, g_bytes_get_size (second), (void *) g_bytes_get_data (second, NULL));
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_output (group, &size, &data);
  sqlite3changegroup_delete (group);
  if (rc != SQLITE_OK)
    return FALSE;
  *combined = g_bytes_new_with_free_func (data, size, sqlite3_free, data);
  return TRUE;
}

static gboolean
coalesce_or_insert (IcatDb               *db,
                    const char           *device_id,
                    const IcatSyncClock  *clock,
                    const char           *made_at,
                    GBytes               *changeset,
                    const char           *resolves,
                    GBytes              **combined,
                    GError              **error)
{
  g_autofree char *published = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 0;
  g_autoptr(GBytes) last = NULL;
  int rc;

  if (!_icat_sync_read_setting (db, "published", &published, error))
    return FALSE;
  stmt = icat_db_prepare (db,
                          "SELECT seq, hlc, changeset FROM sync_journal WHERE device = ?1 "
                          "AND seq = (SELECT seq FROM sync_applied WHERE device = ?1) "
                          "AND seq > ?2 AND resolves IS NULL",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, device_id);
  sqlite3_bind_int64 (stmt, 2, published ? g_ascii_strtoll (published, NULL, 10) : 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && resolves == NULL &&
      (clock->hlc >> 16) - (sqlite3_column_int64 (stmt, 1) >> 16) < COALESCE_MS)
    {
      seq = sqlite3_column_int64 (stmt, 0);
      last = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return icat_db_fail (db, rc, error);
  if (last != NULL && touches_only_rows_of (changeset, last) && combine (last, changeset, combined))
    {
      /* Its clocks become the new change's, as on the laptops that get it. */
      stmt = icat_db_prepare (db,
                              "UPDATE sync_journal SET hlc = ?3, made_at = ?4, changeset = ?5, "
                              "deps = (SELECT json_group_object (device, seq) FROM "
                              "(SELECT device, seq FROM sync_applied WHERE device != ?1 ORDER BY device)) "
                              "WHERE device = ?1 AND seq = ?2",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, device_id);
      sqlite3_bind_int64 (stmt, 2, seq);
      sqlite3_bind_int64 (stmt, 3, clock->hlc);
      icat_bind_text (stmt, 4, made_at);
      sqlite3_bind_blob (stmt, 5, g_bytes_get_size (*combined) > 0 ? g_bytes_get_data (*combined, NULL) : "",
                         g_bytes_get_size (*combined), SQLITE_TRANSIENT);
      return icat_db_run (db, stmt, error);
    }
  g_clear_pointer (combined, g_bytes_unref);

  /* What this laptop had applied of the others: another laptop applies
   * this change only after those, so a change never meets a row older
   * than the one its author saw. */
  stmt = icat_db_prepare (db,
                          "INSERT INTO sync_journal (device, seq, hlc, made_at, changeset, resolves, deps) "
                          "VALUES (?1, (SELECT coalesce (max (seq), 0) + 1 FROM sync_applied WHERE device = ?1), "
                          "?2, ?3, ?4, ?5, (SELECT json_group_object (device, seq) FROM "
                          "(SELECT device, seq FROM sync_applied WHERE device != ?1 ORDER BY device)))",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, device_id);
  sqlite3_bind_int64 (stmt, 2, clock->hlc);
  icat_bind_text (stmt, 3, made_at);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_size (changeset) > 0 ? g_bytes_get_data (changeset, NULL) : "",
                     g_bytes_get_size (changeset), SQLITE_TRANSIENT);
  if (resolves != NULL)
    icat_bind_text (stmt, 5, resolves);
  else
    sqlite3_bind_null (stmt, 5);
  return icat_db_run (db, stmt, error);
}

static gboolean
touches_decisions (const void *changeset,
                   gsize       size)
{
  sqlite3_changeset_iter *iter = NULL;
  gboolean found = FALSE;

  if (sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return FALSE;
  while (!found && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      found = g_str_equal (table, "meeting_decisions") || (g_str_equal (table, "meeting") && op == SQLITE_DELETE);
    }
  sqlite3changeset_finalize (iter);
  return found;
}

gboolean
_icat_sync_journal_local (IcatDb             *db,
                          const char         *device_id,
                          GBytes             *changeset,
                          const IcatNotices  *notices,
                          const char         *resolves,
                          GError            **error)
{
  IcatSyncClock clock = { _icat_sync_next_hlc (db, error), device_id };
  g_autofree char *made_at = _icat_sync_clock_time (clock.hlc);
  g_autoptr(GBytes) combined = NULL;
  IcatNotices combined_notices;
  gsize size;
  const void *data = g_bytes_get_data (changeset, &size);
  gboolean ok;

  if (clock.hlc < 0)
    return FALSE;
  if (!coalesce_or_insert (db, device_id, &clock, made_at, changeset, resolves, &combined, error))
    return FALSE;
  /* An edit merged into the one before it touched that one's records too. */
  _icat_notices_init (&combined_notices);
  if (combined != NULL)
    {
      data = g_bytes_get_data (combined, &size);
      _icat_notices_collect (&combined_notices, db, data, size);
      notices = &combined_notices;
    }
  ok = _icat_sync_history_note_records (db, device_id, 0, notices, error) &&
       _icat_sync_note_changes (db, data, size, &clock, error) &&
       (resolves == NULL || _icat_sync_close_conflicts (db, resolves, error)) &&
       /* Renumbering decisions here ends their conflict here too, as on
        * the laptops that apply this change. */
       (size == 0 || !touches_decisions (data, size) ||
        _icat_sync_find_duplicates (db, notices, NULL, error));
  _icat_notices_clear (&combined_notices);
  return ok;
}

/* }}} */
/* Settings {{{ */

gboolean
_icat_sync_read_setting (IcatDb      *db,
                         const char  *key,
                         char       **value,
                         GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT value FROM sync_setting WHERE key = ?1", error);
  int rc;

  *value = NULL;
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? TRUE : icat_db_fail (db, rc, error);
}

char *
_icat_sync_setting (IcatDb     *db,
                    const char *key)
{
  char *value = NULL;

  _icat_sync_read_setting (db, key, &value, NULL);
  return value;
}

gboolean
_icat_sync_set_setting (IcatDb      *db,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = icat_db_prepare (db, "DELETE FROM sync_setting WHERE key = ?1", error);
  else
    stmt = icat_db_prepare (db,
                            "INSERT INTO sync_setting (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, key);
  if (value != NULL)
    icat_bind_text (stmt, 2, value);
  return icat_db_run (db, stmt, error);
}

/* }}} */
