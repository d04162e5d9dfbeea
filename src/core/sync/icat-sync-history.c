/* icat-sync-history.c — a record's History, read from the change journal
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal holds every change of this laptop and of the others it
 * applied, as SQLite changesets. sync_journal_record (schema 6) says which
 * records each entry touched, so a record's History decodes only its own
 * entries however long the journal grows; each is then read change by
 * change, keeping the rows of that record and naming their fields.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-format.h"
#include "icat-index-batch.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-sync-private.h"

/* The index {{{ */

/* The [kind, id] pairs of the records a changeset touched. */
static JsonArray *
records_of_changeset (IcatDb     *db,
                      const void *data,
                      gsize       size)
{
  JsonArray *records = json_array_new ();
  IcatNotices notices;

  _icat_notices_init (&notices);
  _icat_notices_collect (&notices, db, data, size);
  for (guint i = 0; i < notices.list->len; i++)
    {
      IcatNotice *notice = &g_array_index (notices.list, IcatNotice, i);
      JsonArray *pair = json_array_new ();

      json_array_add_string_element (pair, notice->kind);
      json_array_add_string_element (pair, notice->id);
      json_array_add_array_element (records, pair);
    }
  _icat_notices_clear (&notices);
  return records;
}

/* One statement for all the records of the change, rather than one for
 * each of the hundred thousand an import touches. */
gboolean
_icat_sync_history_note_records (IcatDb             *db,
                                 const char         *device,
                                 gint64              seq,
                                 const IcatNotices  *notices,
                                 GError            **error)
{
  g_autoptr(GString) records = g_string_new ("[");
  guint n_records = notices->list->len;
  sqlite3_stmt *stmt;

  if (n_records == 0)
    return TRUE;
  for (guint i = 0; i < n_records; i++)
    {
      IcatNotice *notice = &g_array_index (notices->list, IcatNotice, i);

      g_string_append (records, i > 0 ? ",[" : "[");
      icat_json_append_string (records, notice->kind);
      g_string_append_c (records, ',');
      icat_json_append_string (records, notice->id);
      g_string_append_c (records, ']');
    }
  g_string_append_c (records, ']');

  /* seq 0: the device's newest entry, the one just journaled. */
  stmt = icat_db_prepare (db,
                          "INSERT OR IGNORE INTO sync_journal_record (kind, record_id, device, seq) "
                          "SELECT value ->> 0, value ->> 1, ?2, CASE WHEN ?3 > 0 THEN ?3 ELSE "
                          "(SELECT seq FROM sync_applied WHERE device = ?2) END FROM json_each (?1) ORDER BY key",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, records->str);
  icat_bind_text (stmt, 2, device);
  sqlite3_bind_int64 (stmt, 3, seq);
  return icat_db_run (db, stmt, error);
}

gboolean
_icat_sync_history_note (IcatDb      *db,
                         const char  *device,
                         gint64       seq,
                         const void  *data,
                         gsize        size,
                         GError     **error)
{
  IcatNotices notices;
  gboolean ok;

  _icat_notices_init (&notices);
  _icat_notices_collect (&notices, db, data, size);
  ok = _icat_sync_history_note_records (db, device, seq, &notices, error);
  _icat_notices_clear (&notices);
  return ok;
}

/* icat_journal_records (changeset): for the migration that fills the
 * index from a journal written before it. */
static void
journal_records_sql (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  IcatDb *db = sqlite3_user_data (context);
  g_autoptr(JsonArray) records = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  records = records_of_changeset (db, sqlite3_value_blob (argv[0]), sqlite3_value_bytes (argv[0]));
  json_node_set_array (node, records);
  text = json_to_string (node, FALSE);
  sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

int
_icat_sync_history_register_sql (IcatDb *db)
{
  return sqlite3_create_function (icat_db_handle (db), "icat_journal_records", 1, SQLITE_UTF8,
                                  db, journal_records_sql, NULL, NULL);
}

/* }}} */
/* Words {{{ */

static const struct {
  const char *name;
  const char *label;
} field_labels[] = {
  { "acronym", N_("Acronym") },
  { "addressee", N_("Addressed to") },
  { "agencies", N_("Agencies") },
  { "agency", N_("Agency") },
  { "agenda", N_("Agenda") },
  { "agenda_item", N_("Agenda item") },
  { "approved_on", N_("Approved on") },
  { "at", N_("Date") },
  { "attachments", N_("Attachments") },
  { "attendance", N_("Attendance") },
  { "attended", N_("Attended") },
  { "by", N_("By") },
  { "chairs", N_("Chairs") },
  { "circulated_on", N_("Circulated on") },
  { "clearances", N_("Clearances") },
  { "completion_note", N_("Completion note") },
  { "continue_next", N_("Continue at next meeting") },
  { "contributing_agencies", N_("Contributing agencies") },
  { "date_precision", N_("Date precision") },
  { "decisions", N_("Decisions") },
  { "delegates", N_("Delegates") },
  { "description", N_("Description") },
  { "document", N_("Document") },
  { "due", N_("Due") },
  { "email", N_("E-mail") },
  { "endorsed_at", N_("Endorsed at") },
  { "endorsed_on", N_("Endorsed on") },
  { "endorsement_reason", N_("Reason for endorsement despite an objection") },
  { "ends_at", N_("Ends") },
  { "focal_points", N_("Focal points") },
  { "from", N_("From") },
  { "history", N_("Status history") },
  { "host", N_("Host") },
  { "invited", N_("Invited") },
  { "kind", N_("Kind") },
  { "lead_agencies", N_("Lead agencies") },
  { "link", N_("Link") },
  { "mandates", N_("Mandates") },
  { "meeting", N_("Meeting") },
  { "memberships", N_("Memberships") },
  { "minutes", N_("Minutes") },
  { "multi_day", N_("Several days") },
  { "name", N_("Name") },
  { "note", N_("Note") },
  { "number", N_("Number") },
  { "on", N_("Date") },
  { "owner", N_("Owner") },
  { "paragraph", N_("Paragraph") },
  { "phone", N_("Phone") },
  { "pillar", N_("Pillar") },
  { "present", N_("Present") },
  { "presenter", N_("Presenter") },
  { "priority", N_("Priority") },
  { "published_on", N_("Published on") },
  { "record_status", N_("Record status") },
  { "role", N_("Role") },
  { "starts", N_("Starts") },
  { "starts_at", N_("Starts") },
  { "state", N_("Clearance state") },
  { "status", N_("Status") },
  { "successor", N_("Successor") },
  { "supporting", N_("Supporting agencies") },
  { "target_date", N_("Target date") },
  { "text", N_("Text") },
  { "timezone", N_("Time zone") },
  { "title", N_("Title") },
  { "to", N_("To") },
  { "uri", N_("Address") },
  { "venue", N_("Venue") },
  { "website", N_("Website") },
  { "year", N_("Year") },
};

const char *
icat_sync_field_label (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].name, field))
      return _(field_labels[i].label);
  return field;
}

/* The column that tells a nested row from its siblings. */
static const struct {
  const char *list;
  const char *column;
} row_names[] = {
  { "agenda", "position" },
  { "decisions", "number" },
  { "attendance", "agency" },
  { "invited", "name" },
  { "attachments", "title" },
  { "memberships", "role" },
  { "focal_points", "name" },
  { "history", "status" },
  { "clearances", "agency" },
};

static char *
row_words (const char *list,
           const char *value)
{
  if (g_str_equal (list, "agenda"))
    /* Translators: %s is the agenda item's number */
    return g_strdup_printf (_("Agenda item %s"), value);
  if (g_str_equal (list, "decisions"))
    /* Translators: %s is the decision's number */
    return g_strdup_printf (_("Decision %s"), value);
  if (g_str_equal (list, "attendance"))
    /* Translators: %s is an agency's name */
    return g_strdup_printf (_("Attendance of %s"), value);
  if (g_str_equal (list, "invited"))
    /* Translators: %s is a person's or an organisation's name */
    return g_strdup_printf (_("Invitee %s"), value);
  if (g_str_equal (list, "attachments"))
    /* Translators: %s is the attachment's title */
    return g_strdup_printf (_("Attachment %s"), value);
  if (g_str_equal (list, "memberships"))
    /* Translators: %s is a membership's role */
    return g_strdup_printf (_("Membership %s"), value);
  if (g_str_equal (list, "focal_points"))
    /* Translators: %s is a person's name */
    return g_strdup_printf (_("Focal point %s"), value);
  if (g_str_equal (list, "clearances"))
    /* Translators: in a paper's history, one agency's clearance; %s is the agency */
    return g_strdup_printf (_("Clearance by %s"), value);
  /* Translators: %s is an action item's status */
  return g_strdup_printf (_("Status change %s"), value);
}

/* }}} */
/* Reading one record's changes {{{ */

void
icat_sync_field_change_free (IcatSyncFieldChange *change)
{
  g_free (change->nested_path);
  g_free (change->row_label);
  g_free (change->field);
  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

void
icat_sync_history_entry_free (IcatSyncHistoryEntry *entry)
{
  g_free (entry->device_id);
  g_free (entry->device_name);
  g_free (entry->made_at);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

typedef enum {
  TABLE_RECORD,      /* the record's own row */
  TABLE_LIST,        /* a nested list's rows: "meeting_agenda" */
  TABLE_LINKS,       /* the record's links: "meeting_chairs" */
  TABLE_LIST_LINKS,  /* a nested row's links: "meeting_agenda_mandates" */
} TableRole;

typedef struct {
  TableRole        role;
  const IcatKind  *row_kind;    /* whose fields the columns are */
  const IcatField *list;        /* LIST, LIST_LINKS */
  const IcatField *links;       /* LINKS, LIST_LINKS */
  char            *list_table;  /* LIST, LIST_LINKS */
} Table;

static void
table_free (Table *table)
{
  g_free (table->list_table);
  g_free (table);
}

typedef struct {
  IcatDb         *db;
  const IcatKind *kind;
  const char     *id;
  GHashTable     *tables;  /* table name → Table */
  GHashTable     *titles;  /* "kind/id" → title, or "" */
} Reader;

static void
add_table (Reader          *reader,
           char            *name,
           TableRole        role,
           const IcatKind  *row_kind,
           const IcatField *list,
           const IcatField *links,
           const char      *list_table)
{
  Table *table = g_new0 (Table, 1);

  *table = (Table) { role, row_kind, list, links, g_strdup (list_table) };
  g_hash_table_insert (reader->tables, name, table);
}

static void
reader_init (Reader         *reader,
             IcatDb         *db,
             const IcatKind *kind,
             const char     *id)
{
  *reader = (Reader) { db, kind, id, NULL, NULL };
  reader->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) table_free);
  reader->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  add_table (reader, g_strdup (kind->name), TABLE_RECORD, kind, NULL, NULL, NULL);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      g_autofree char *sub = NULL;

      if (field->type != ICAT_VALUE_CHILDREN && field->type != ICAT_VALUE_REF_LIST)
        continue;
      sub = icat_schema_sub_table (kind->name, field);
      if (field->type == ICAT_VALUE_REF_LIST)
        {
          add_table (reader, g_strdup (sub), TABLE_LINKS, kind, NULL, field, NULL);
          continue;
        }
      add_table (reader, g_strdup (sub), TABLE_LIST, field->child, field, NULL, sub);
      for (guint j = 0; j < field->child->n_fields; j++)
        if (field->child->fields[j].type == ICAT_VALUE_REF_LIST)
          add_table (reader, icat_schema_sub_table (sub, &field->child->fields[j]), TABLE_LIST_LINKS,
                     field->child, field, &field->child->fields[j], sub);
    }
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->tables, g_hash_table_unref);
  g_clear_pointer (&reader->titles, g_hash_table_unref);
}

/* One text of a query on (?1, ?2), or NULL. */
static char *
query_text (IcatDb     *db,
            const char *sql,
            const char *first,
            const char *second)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, first);
  if (second != NULL)
    icat_bind_text (stmt, 2, second);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The record a nested row belongs to: from its row, or from its
 * tombstone once it is gone. */
static char *
parent_of_row (IcatDb     *db,
               const char *list_table,
               const char *row_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT parent_id FROM \"%s\" WHERE id = ?1", list_table);
  char *parent = query_text (db, sql, row_id, NULL);

  if (parent == NULL)
    parent = query_text (db, "SELECT json_extract (row_values, '$[0]') FROM sync_tombstone "
                         "WHERE pk = ?1 AND tbl = ?2", row_id, list_table);
  return parent;
}

static const char *
title_of (Reader     *reader,
          const char *kind_name,
          const char *id)
{
  g_autofree char *key = g_strconcat (kind_name, "/", id, NULL);
  const IcatKind *kind = icat_schema_lookup (kind_name);
  const char *title = g_hash_table_lookup (reader->titles, key);
  g_autoptr(JsonObject) record = NULL;

  if (title != NULL)
    return *title ? title : id;
  record = kind ? icat_record_io_read (reader->db, kind, id, NULL) : NULL;
  title = record ? icat_record_title (kind, record) : g_strdup ("");
  g_hash_table_insert (reader->titles, g_steal_pointer (&key), (char *) title);
  return *title ? title : id;
}

/* A column's value as the record's JSON holds it. */
static JsonNode *
value_node (const IcatField *field,
            sqlite3_value   *value)
{
  JsonNode *parsed;

  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);
  switch (field ? field->type : ICAT_VALUE_TEXT)
    {
    case ICAT_VALUE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), sqlite3_value_int64 (value) != 0);
    case ICAT_VALUE_LOCALIZED:
    case ICAT_VALUE_NAME_LIST:
      parsed = json_from_string ((const char *) sqlite3_value_text (value), NULL);
      return parsed ? parsed : json_node_new (JSON_NODE_NULL);
    default:
      return _icat_sync_value_to_json (value);
    }
}

/* A value as people read it: names of referenced records, Yes or No,
 * enumerations in words; NULL for no value. */
static char *
value_text (Reader          *reader,
            const IcatField *field,
            JsonNode        *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (icat_localized_pick (json_node_get_object (node)));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *names = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (names); i++)
        g_string_append_printf (text, "%s%s", i ? ", " : "", json_array_get_string_element (names, i));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return json_to_string (node, FALSE);
  if (field != NULL && field->type == ICAT_VALUE_REF)
    return g_strdup (title_of (reader, field->ref, json_node_get_string (node)));
  if (field != NULL && field->type == ICAT_VALUE_ENUM)
    return g_strdup (icat_format_enum (field->name, json_node_get_string (node)));
  if (field != NULL && field->type == ICAT_VALUE_DATE)
    return icat_format_date (json_node_get_string (node));
  return g_strdup (json_node_get_string (node));
}

/* }}} */
/* Changes {{{ */

static gboolean
row_exists (IcatDb     *db,
            const char *table,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 'yes' FROM \"%s\" WHERE id = ?1", table);
  g_autofree char *found = query_text (db, sql, id, NULL);

  return found != NULL;
}

static int
column_index (IcatDb     *db,
              const char *table,
              const char *column)
{
  GPtrArray *columns = _icat_sync_table_columns (db, table);

  for (guint i = 0; columns != NULL && i < columns->len; i++)
    if (g_str_equal (columns->pdata[i], column))
      return i;
  return -1;
}

/* A column's value of the change, when it holds one. */
static sqlite3_value *
change_value (sqlite3_changeset_iter *iter,
              int                     op,
              int                     column)
{
  sqlite3_value *value = NULL;

  if (op != SQLITE_DELETE)
    sqlite3changeset_new (iter, column, &value);
  if (value == NULL && op != SQLITE_INSERT)
    sqlite3changeset_old (iter, column, &value);
  return value;
}

/* "Agenda item 3": the nested row named by the column that tells it from
 * its siblings, read from the change (iter may be NULL), the row, or its
 * tombstone. */
static char *
row_label (Reader                 *reader,
           const Table            *table,
           sqlite3_changeset_iter *iter,
           int                     op,
           const char             *row_id)
{
  const char *list = table->list->name;
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  g_autofree char *path = NULL;
  const IcatField *field;
  int column;

  for (guint i = 0; i < G_N_ELEMENTS (row_names); i++)
    {
      if (!g_str_equal (row_names[i].list, list))
        continue;
      column = column_index (reader->db, table->list_table, row_names[i].column);
      if (iter != NULL && column >= 0 && change_value (iter, op, column) != NULL &&
          sqlite3_value_type (change_value (iter, op, column)) != SQLITE_NULL)
        value = g_strdup ((const char *) sqlite3_value_text (change_value (iter, op, column)));
      if (value == NULL)
        {
          sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1", row_names[i].column, table->list_table);
          value = query_text (reader->db, sql, row_id, NULL);
        }
      if (value == NULL && column >= 0)
        {
          path = g_strdup_printf ("SELECT json_extract (row_values, '$[%d]') FROM sync_tombstone "
                                  "WHERE pk = ?1 AND tbl = ?2", column);
          value = query_text (reader->db, path, row_id, table->list_table);
        }
      if (value == NULL)
        break;
      field = icat_kind_lookup_field (table->row_kind, row_names[i].column);
      if (field != NULL && field->type == ICAT_VALUE_REF)
        return row_words (list, title_of (reader, field->ref, value));
      if (field != NULL && field->type == ICAT_VALUE_ENUM)
        return row_words (list, icat_format_enum (field->name, value));
      return row_words (list, value);
    }
  return g_strdup (icat_sync_field_label (list));
}

static IcatSyncFieldChange *
add_change (GPtrArray          *changes,
            IcatSyncChangeKind  kind,
            const char         *nested_path,
            const char         *row,
            const char         *field)
{
  IcatSyncFieldChange *change = g_new0 (IcatSyncFieldChange, 1);

  change->change = kind;
  change->nested_path = g_strdup (nested_path);
  change->row_label = g_strdup (row);
  change->field = g_strdup (field);
  if (row != NULL && field != NULL)
    /* Translators: a field of a nested row, e.g. "Agenda item 3 · Minutes" */
    change->label = g_strdup_printf (_("%s · %s"), row, icat_sync_field_label (field));
  else
    change->label = g_strdup (row != NULL ? row : field != NULL ? icat_sync_field_label (field) : _("The record"));
  g_ptr_array_add (changes, change);
  return change;
}

static void
set_values (Reader              *reader,
            IcatSyncFieldChange *change,
            const IcatField     *field,
            sqlite3_value       *old_value,
            sqlite3_value       *new_value)
{
  g_autoptr(JsonNode) old_node = value_node (field, old_value);
  g_autoptr(JsonNode) new_node = value_node (field, new_value);

  change->old_value = old_value ? json_to_string (old_node, FALSE) : NULL;
  change->new_value = new_value ? json_to_string (new_node, FALSE) : NULL;
  change->old_text = value_text (reader, field, old_node);
  change->new_text = value_text (reader, field, new_node);
}

static gboolean
is_history_column (const IcatField *field,
                   const char      *column)
{
  return field != NULL && !(field->flags & ICAT_FIELD_META) && !_icat_sync_is_stamp_column (column) &&
         !g_str_equal (column, "id") && !g_str_equal (column, "parent_id");
}

/* A row of the record or of one of its lists: made, deleted, or some of
 * its fields changed. */
static void
read_row_change (Reader                 *reader,
                 const Table            *table,
                 const char             *table_name,
                 sqlite3_changeset_iter *iter,
                 int                     op,
                 const char             *nested_path,
                 const char             *row,
                 GPtrArray              *changes)
{
  GPtrArray *columns = _icat_sync_table_columns (reader->db, table_name);
  const char *row_id = nested_path ? strchr (nested_path, '/') + 1 : reader->id;
  gboolean exists;

  if (op == SQLITE_DELETE)
    {
      add_change (changes, ICAT_SYNC_ROW_DELETED, nested_path, row, NULL);
      return;
    }
  if (op == SQLITE_INSERT)
    add_change (changes, ICAT_SYNC_ROW_CREATED, nested_path, row, NULL);
  exists = row_exists (reader->db, table_name, row_id);
  for (guint i = 0; columns != NULL && i < columns->len; i++)
    {
      const IcatField *field = icat_kind_lookup_field (table->row_kind, columns->pdata[i]);
      sqlite3_value *old_value = NULL;
      sqlite3_value *new_value = NULL;
      IcatSyncFieldChange *change;

      if (!is_history_column (field, columns->pdata[i]))
        continue;
      sqlite3changeset_new (iter, i, &new_value);
      if (op == SQLITE_UPDATE)
        sqlite3changeset_old (iter, i, &old_value);
      /* A new row's empty fields say nothing, nor does a value put back
       * within one change (saves combined while not yet shared). */
      if (new_value == NULL || (op == SQLITE_INSERT && sqlite3_value_type (new_value) == SQLITE_NULL) ||
          (old_value != NULL && _icat_sync_values_equal (old_value, new_value)))
        continue;
      change = add_change (changes, ICAT_SYNC_FIELD_CHANGED, nested_path, row, columns->pdata[i]);
      set_values (reader, change, field, old_value, new_value);
      change->restorable = exists;
    }
}

/* A link added or removed: the record's chairs, an agenda item's mandates. */
static void
read_link_change (Reader                 *reader,
                  const Table            *table,
                  sqlite3_changeset_iter *iter,
                  int                     op,
                  const char             *row,
                  GPtrArray              *changes)
{
  sqlite3_value *target = change_value (iter, op, 1);
  IcatSyncFieldChange *change;
  const char *target_id;

  if (op == SQLITE_UPDATE || target == NULL)
    return;
  target_id = (const char *) sqlite3_value_text (target);
  change = add_change (changes, op == SQLITE_INSERT ? ICAT_SYNC_LINK_ADDED : ICAT_SYNC_LINK_REMOVED,
                       NULL, row, table->links->name);
  if (op == SQLITE_INSERT)
    change->new_text = g_strdup (title_of (reader, table->links->ref, target_id));
  else
    change->old_text = g_strdup (title_of (reader, table->links->ref, target_id));
}

static void
read_change (Reader                 *reader,
             sqlite3_changeset_iter *iter,
             GPtrArray              *changes)
{
  const char *table_name;
  int n_columns, op, indirect;
  const Table *table;
  g_autofree char *key = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *row = NULL;
  sqlite3_value *first;

  sqlite3changeset_op (iter, &table_name, &n_columns, &op, &indirect);
  table = g_hash_table_lookup (reader->tables, table_name);
  if (table == NULL)
    return;
  key = _icat_sync_row_key (iter, op != SQLITE_INSERT);
  first = change_value (iter, op, 0);
  owner = first != NULL && sqlite3_value_type (first) == SQLITE_TEXT
          ? g_strdup ((const char *) sqlite3_value_text (first)) : NULL;
  switch (table->role)
    {
    case TABLE_RECORD:
      if (g_str_equal (key, reader->id))
        read_row_change (reader, table, table_name, iter, op, NULL, NULL, changes);
      break;
    case TABLE_LIST:
      parent = owner != NULL ? g_strdup (owner) : parent_of_row (reader->db, table_name, key);
      if (g_strcmp0 (parent, reader->id) != 0)
        break;
      path = g_strconcat (table->list->name, "/", key, NULL);
      row = row_label (reader, table, iter, op, key);
      read_row_change (reader, table, table_name, iter, op, path, row, changes);
      break;
    case TABLE_LINKS:
      if (g_strcmp0 (owner, reader->id) == 0)
        read_link_change (reader, table, iter, op, NULL, changes);
      break;
    case TABLE_LIST_LINKS:
      parent = owner != NULL ? parent_of_row (reader->db, table->list_table, owner) : NULL;
      if (g_strcmp0 (parent, reader->id) != 0)
        break;
      row = row_label (reader, table, NULL, op, owner);
      read_link_change (reader, table, iter, op, row, changes);
      break;
    default:
      break;
    }
}

static GPtrArray *
read_entry_changes (Reader     *reader,
                    const void *data,
                    gsize       size)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_field_change_free);
  sqlite3_changeset_iter *iter = NULL;

  if (size == 0 || sqlite3changeset_start (&iter, size, (void *) data) != SQLITE_OK)
    return changes;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    read_change (reader, iter, changes);
  sqlite3changeset_finalize (iter);
  return changes;
}

/* }}} */
/* Entries {{{ */

#define HISTORY_WHERE \
  "FROM sync_journal_record AS r JOIN sync_journal AS j ON j.device = r.device AND j.seq = r.seq " \
  "WHERE r.kind = ?1 AND r.record_id = ?2 AND (?3 IS NULL OR j.made_at > ?3) "

static gboolean
count_entries (IcatDb                      *db,
               const IcatSyncHistoryQuery  *query,
               guint                       *total,
               GError                     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT count (*) " HISTORY_WHERE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, query->kind);
  icat_bind_text (stmt, 2, query->id);
  icat_bind_text (stmt, 3, query->since);
  rc = sqlite3_step (stmt);
  *total = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : icat_db_fail (db, rc, error);
}

/* The entries themselves, newest first, with their changesets; read whole
 * before any is decoded, which queries the database again. */
static GPtrArray *
select_entries (IcatDb                      *db,
                const IcatSyncHistoryQuery  *query,
                GPtrArray                   *changesets,
                GError                     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_history_entry_free);
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT j.device, j.seq, j.hlc, j.made_at, j.changeset, "
                                        "CASE WHEN j.device = ?4 THEN (SELECT value FROM sync_setting WHERE key = 'device_name') "
                                        "ELSE (SELECT name FROM sync_device WHERE id = j.device) END, "
                                        "EXISTS (SELECT 1 FROM sync_conflict AS c WHERE c.kind = 'approved' "
                                        "        AND c.record_id = ?2 AND c.lost_device = j.device AND c.lost_hlc = j.hlc) "
                                        HISTORY_WHERE
                                        "ORDER BY j.hlc DESC, j.device DESC LIMIT ?5 OFFSET ?6",
                                        error);
  int rc;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, query->kind);
  icat_bind_text (stmt, 2, query->id);
  icat_bind_text (stmt, 3, query->since);
  icat_bind_text (stmt, 4, query->self_device);
  sqlite3_bind_int64 (stmt, 5, query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, 6, query->offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatSyncHistoryEntry *entry = g_new0 (IcatSyncHistoryEntry, 1);

      entry->device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->seq = sqlite3_column_int64 (stmt, 1);
      entry->hlc = sqlite3_column_int64 (stmt, 2);
      entry->made_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->device_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->is_self = g_strcmp0 (entry->device_id, query->self_device) == 0;
      entry->after_approval = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (changesets, g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4)));
      g_ptr_array_add (entries, entry);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

GPtrArray *
icat_sync_history (IcatDb                      *db,
                   const IcatSyncHistoryQuery  *query,
                   guint                       *total,
                   GError                     **error)
{
  const IcatKind *kind;
  g_autoptr(GPtrArray) changesets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) entries = NULL;
  Reader reader;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL && query->kind != NULL && query->id != NULL, NULL);

  kind = icat_schema_lookup (query->kind);
  if (kind == NULL || kind->is_child)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("“%s” is not a kind of record."), query->kind), NULL;
  if (total != NULL && !count_entries (db, query, total, error))
    return NULL;
  entries = select_entries (db, query, changesets, error);
  if (entries == NULL)
    return NULL;
  reader_init (&reader, db, kind, query->id);
  for (guint i = 0; i < entries->len; i++)
    {
      IcatSyncHistoryEntry *entry = entries->pdata[i];
      gsize size;
      const void *data = g_bytes_get_data (changesets->pdata[i], &size);

      entry->changes = read_entry_changes (&reader, data, size);
    }
  reader_clear (&reader);
  return g_steal_pointer (&entries);
}

static gboolean
approves (IcatSyncHistoryEntry *entry)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      IcatSyncFieldChange *change = entry->changes->pdata[i];

      if (change->nested_path == NULL && g_strcmp0 (change->field, ICAT_KEY_RECORD_STATUS) == 0 &&
          g_strcmp0 (change->new_value, "\"approved\"") == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
icat_sync_history_approved_at (IcatDb      *db,
                               const char  *kind,
                               const char  *id,
                               char       **made_at,
                               GError     **error)
{
  IcatSyncHistoryQuery query = { kind, id, NULL, NULL, 0, 50 };
  guint total = 0;

  g_return_val_if_fail (db != NULL && kind != NULL && id != NULL && made_at != NULL, FALSE);

  *made_at = NULL;

  /* Newest first, a page at a time: the approval is usually recent. */
  do
    {
      g_autoptr(GPtrArray) entries = icat_sync_history (db, &query, &total, error);

      if (entries == NULL)
        return FALSE;
      for (guint i = 0; i < entries->len && *made_at == NULL; i++)
        if (approves (entries->pdata[i]))
          *made_at = g_strdup (((IcatSyncHistoryEntry *) entries->pdata[i])->made_at);
      query.offset += query.limit;
    }
  while (*made_at == NULL && query.offset < total);
  return TRUE;
}

/* }}} */
/* Restoring {{{ */

/* The list with the value put back into its row row_id. */
static JsonArray *
list_with_value (JsonObject  *record,
                 const char  *list,
                 const char  *row_id,
                 const char  *field,
                 JsonNode    *value,
                 GError     **error)
{
  JsonArray *rows = json_object_has_member (record, list) ? json_object_get_array_member (record, list) : NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonArray *changed;

  if (rows == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("The record has no list “%s”."), list), NULL;
  copy = json_node_copy (json_object_get_member (record, list));
  changed = json_node_get_array (copy);
  for (guint i = 0; i < json_array_get_length (changed); i++)
    {
      JsonObject *row = json_array_get_object_element (changed, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (row, "id", NULL), row_id) == 0)
        {
          json_object_set_member (row, field, json_node_copy (value));
          return json_array_ref (changed);
        }
    }
  return g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                              _("That row has since been deleted, so its value cannot be put back.")), NULL;
}

JsonObject *
icat_sync_restore_changes (IcatStore   *store,
                           const char  *kind,
                           const char  *id,
                           const char  *nested_path,
                           const char  *field,
                           const char  *value_json,
                           GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_auto(GStrv) path = NULL;
  JsonArray *list;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL && field != NULL, NULL);

  value = value_json ? json_from_string (value_json, error) : json_node_new (JSON_NODE_NULL);
  if (value == NULL)
    return NULL;
  record = icat_store_read (store, kind, id, error);
  if (record == NULL)
    return NULL;
  changes = json_object_new ();
  json_object_set_string_member (changes, "id", id);
  if (nested_path == NULL)
    {
      json_object_set_member (changes, field, g_steal_pointer (&value));
      return g_steal_pointer (&changes);
    }
  path = g_strsplit (nested_path, "/", 2);
  if (path[0] == NULL || path[1] == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("“%s” names no row of a list."), nested_path), NULL;
  list = list_with_value (record, path[0], path[1], field, value, error);
  if (list == NULL)
    return NULL;
  json_object_set_array_member (changes, path[0], list);
  return g_steal_pointer (&changes);
}

gboolean
icat_sync_restore_field (IcatStore   *store,
                         const char  *kind,
                         const char  *id,
                         const char  *nested_path,
                         const char  *field,
                         const char  *value_json,
                         GError     **error)
{
  g_autoptr(JsonObject) changes = icat_sync_restore_changes (store, kind, id, nested_path, field, value_json, error);
  g_autofree char *saved = NULL;

  if (changes == NULL)
    return FALSE;
  saved = icat_store_save (store, kind, changes, error);
  return saved != NULL;
}

/* }}} */
