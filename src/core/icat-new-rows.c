/* icat-new-rows.c — an import's new links, written as changeset bytes
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changeset format (https://www.sqlite.org/sessionintro.html and
 * sqlite3session.c): per table a header 'T', the column count as a
 * varint, one byte per column giving its place in the primary key (0 when
 * not in it), the table's name and a NUL; then per change the operation
 * (SQLITE_INSERT), an "indirect" byte and each column's value: a type byte,
 * then 8 big-endian bytes for an integer or a varint length and the bytes
 * for text.
 */
#define G_LOG_DOMAIN "icat-new-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-new-rows.h"

enum {
  COLUMN_OTHER = -1,
  COLUMN_OWNER,
  COLUMN_TARGET,
  COLUMN_POSITION,
  N_LINK_COLUMNS
};

typedef struct {
  GByteArray *bytes;    /* header, then the table's changes */
  GArray     *columns;  /* int: COLUMN_* of each column, in the table's order */
} TableRows;

struct _IcatNewRows {
  sqlite3_session *session;
  GHashTable      *tables;  /* table name → TableRows */
  GPtrArray       *order;   /* table names, as first seen */
};

static void
table_rows_free (gpointer data)
{
  TableRows *table = data;

  g_byte_array_unref (table->bytes);
  g_array_unref (table->columns);
  g_free (table);
}

IcatNewRows *
icat_new_rows_new (sqlite3_session *session)
{
  IcatNewRows *rows = g_new0 (IcatNewRows, 1);

  rows->session = session;
  rows->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_rows_free);
  rows->order = g_ptr_array_new ();
  return rows;
}

void
icat_new_rows_free (IcatNewRows *rows)
{
  g_ptr_array_unref (rows->order);
  g_hash_table_unref (rows->tables);
  g_free (rows);
}

void
icat_new_rows_pause (IcatNewRows *rows)
{
  if (rows->session != NULL)
    sqlite3session_enable (rows->session, 0);
}

void
icat_new_rows_resume (IcatNewRows *rows)
{
  if (rows->session != NULL)
    sqlite3session_enable (rows->session, 1);
}

/* SQLite's varint: big-endian groups of 7 bits, every byte but the last
 * with its high bit set (lengths here never need the 9-byte form). */
static void
append_varint (GByteArray *bytes,
               guint64     value)
{
  guint8 groups[10];
  guint n = 0;

  do
    {
      groups[n] = (value & 0x7f) | (n > 0 ? 0x80 : 0);
      n++;
      value >>= 7;
    }
  while (value != 0);
  while (n > 0)
    g_byte_array_append (bytes, &groups[--n], 1);
}

static void
append_text (GByteArray *bytes,
             guint8      type,
             const void *data,
             gsize       length)
{
  g_byte_array_append (bytes, &type, 1);
  append_varint (bytes, length);
  g_byte_array_append (bytes, data, length);
}

/* An integer, or a double's bits, in 8 big-endian bytes. */
static void
append_integer (GByteArray *bytes,
                guint8      type,
                guint64     bits)
{
  guint8 data[9] = { type };

  for (guint i = 0; i < 8; i++)
    data[1 + i] = (bits >> (56 - 8 * i)) & 0xff;
  g_byte_array_append (bytes, data, sizeof data);
}

static void
append_column (GByteArray   *bytes,
               sqlite3_stmt *stmt,
               int           column)
{
  guint8 type = sqlite3_column_type (stmt, column);
  double real;
  guint64 bits;

  switch (type)
    {
    case SQLITE_INTEGER:
      append_integer (bytes, type, (guint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      real = sqlite3_column_double (stmt, column);
      memcpy (&bits, &real, sizeof bits);
      append_integer (bytes, type, bits);
      break;
    case SQLITE_TEXT:
      append_text (bytes, type, sqlite3_column_text (stmt, column), sqlite3_column_bytes (stmt, column));
      break;
    case SQLITE_BLOB:
      append_text (bytes, type, sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
      break;
    case SQLITE_NULL:
    default:
      g_byte_array_append (bytes, &type, 1);
      break;
    }
}

/* The table's header, from its own definition: the column order and
 * primary key the session would have read. */
static TableRows *
table_rows_new (IcatDb      *db,
                const char  *table,
                GError     **error)
{
  g_autoptr(GByteArray) pk = g_byte_array_new ();
  TableRows *rows;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT name, pk FROM pragma_table_info (?1) ORDER BY cid", error);
  guint8 header = 'T';
  int rc;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      guint8 key = sqlite3_column_int (stmt, 1);
      int column = strcmp (name, "owner_id") == 0 ? COLUMN_OWNER
                   : strcmp (name, "target_id") == 0 ? COLUMN_TARGET
                   : strcmp (name, "position") == 0 ? COLUMN_POSITION : COLUMN_OTHER;

      g_array_append_val (columns, column);
      g_byte_array_append (pk, &key, 1);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;

  rows = g_new0 (TableRows, 1);
  rows->columns = g_steal_pointer (&columns);
  rows->bytes = g_byte_array_new ();
  g_byte_array_append (rows->bytes, &header, 1);
  append_varint (rows->bytes, pk->len);
  g_byte_array_append (rows->bytes, pk->data, pk->len);
  g_byte_array_append (rows->bytes, (const guint8 *) table, strlen (table) + 1);
  return rows;
}

static TableRows *
table_rows (IcatNewRows  *rows,
            IcatDb       *db,
            const char   *table,
            GError      **error)
{
  TableRows *table_rows = g_hash_table_lookup (rows->tables, table);
  char *name;

  if (table_rows != NULL)
    return table_rows;
  table_rows = table_rows_new (db, table, error);
  if (table_rows == NULL)
    return NULL;
  name = g_strdup (table);
  g_hash_table_insert (rows->tables, name, table_rows);
  g_ptr_array_add (rows->order, name);
  return table_rows;
}

static void
append_change_start (TableRows *table)
{
  const guint8 operation[2] = { SQLITE_INSERT, 0 };

  g_byte_array_append (table->bytes, operation, sizeof operation);
}

gboolean
icat_new_rows_add_link (IcatNewRows  *rows,
                        IcatDb       *db,
                        const char   *table,
                        const char   *owner_id,
                        const char   *target_id,
                        gint64        position,
                        GError      **error)
{
  TableRows *table_changes = table_rows (rows, db, table, error);

  if (table_changes == NULL)
    return FALSE;
  if (table_changes->columns->len != N_LINK_COLUMNS)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_FAILED, _("The table “%s” is not a list of links."), table), FALSE;
  append_change_start (table_changes);
  for (guint i = 0; i < N_LINK_COLUMNS; i++)
    switch (g_array_index (table_changes->columns, int, i))
      {
      case COLUMN_OWNER:
        append_text (table_changes->bytes, SQLITE_TEXT, owner_id, strlen (owner_id));
        break;
      case COLUMN_TARGET:
        append_text (table_changes->bytes, SQLITE_TEXT, target_id, strlen (target_id));
        break;
      case COLUMN_POSITION:
        append_integer (table_changes->bytes, SQLITE_INTEGER, (guint64) position);
        break;
      default:
        return g_set_error (error, ICAT_ERROR, ICAT_ERROR_FAILED, _("The table “%s” is not a list of links."),
                            table), FALSE;
      }
  return TRUE;
}

gboolean
icat_new_rows_add_record (IcatNewRows  *rows,
                          IcatDb       *db,
                          const char   *table,
                          const char   *id,
                          GError      **error)
{
  TableRows *table_changes = table_rows (rows, db, table, error);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?1", table);
  sqlite3_stmt *stmt;
  int rc;

  if (table_changes == NULL || (stmt = icat_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_count (stmt) == (int) table_changes->columns->len)
    {
      append_change_start (table_changes);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        append_column (table_changes->bytes, stmt, i);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return icat_db_fail (db, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
  return TRUE;
}

GBytes *
icat_new_rows_finish (IcatNewRows *rows)
{
  g_autoptr(GByteArray) all = g_byte_array_new ();

  for (guint i = 0; i < rows->order->len; i++)
    {
      TableRows *table = g_hash_table_lookup (rows->tables, rows->order->pdata[i]);

      g_byte_array_append (all, table->bytes->data, table->bytes->len);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}
