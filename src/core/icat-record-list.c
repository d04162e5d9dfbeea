/* icat-record-list.c — a lazy, filtered, sorted list of records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filtering and sorting are SQL (WHERE and ORDER BY over indexed columns);
 * the model keeps only the ordered rowids, 8 bytes a row, and reads a record
 * when a view asks for its position. When records change, the new order is
 * compared with the old and only the differing range is announced.
 */
#define G_LOG_DOMAIN "icat-record-list"

#include "config.h"

#include <string.h>

#include "icat-db.h"
#include "icat-record-list.h"

typedef struct {
  const char *kind;
  IcatFilter  filter;
  const char *sql;  /* '@' stands for the bound value */
} FilterSql;

typedef enum {
  KEY_DESCENDING = 1 << 0,  /* this key's own direction, reversed when the list's is */
  KEY_NULLS_LAST = 1 << 1,  /* rows without a value last in either direction */
} KeyFlags;

typedef struct {
  const char *sql;
  KeyFlags    flags;
} SortKey;

#define MAX_SORT_KEYS 3

/* Ties are broken by rowid, in the list's direction: the column indexes
 * already hold the rowid, so an order by one indexed column needs no
 * sorting at all, either way. */
typedef struct {
  const char *kind;
  const char *name;
  /* A table the order reads, inner-joined ("agency o ON o.id = t.owner") so
   * that its index can give the order instead of a sort over every row.
   * The rows where `unmatched` holds have no partner; they follow, by rowid. */
  const char *join;
  const char *unmatched;
  gboolean    fixed;    /* the keys' own directions only: never reversed */
  SortKey     keys[MAX_SORT_KEYS];
} SortSql;

/* A published paper's date is its publication date, else its year, else
 * the day it last changed (when it was published, most likely); a date
 * of a month or a year is before a day once the whole of it is. */
#define PAPER_DATE "coalesce (t.published_on, CAST (t.year AS TEXT), substr (t.updated_at, 1, 10))"
#define PAPER_ARCHIVED "(t.status = 'published' AND " PAPER_DATE " < substr (@, 1, length (" PAPER_DATE ")))"

static const FilterSql filters[] = {
  { "action_item", ICAT_FILTER_AGENCY, "(t.owner = @ OR EXISTS (SELECT 1 FROM action_item_supporting s WHERE s.owner_id = t.id AND s.target_id = @))" },
  { "action_item", ICAT_FILTER_STATUS, "t.status = @" },
  { "action_item", ICAT_FILTER_YEAR, "t.due >= @ AND t.due < (@ + 1)" },
  { "action_item", ICAT_FILTER_MANDATE, "EXISTS (SELECT 1 FROM action_item_mandates m WHERE m.owner_id = t.id AND m.target_id = @)" },
  { "action_item", ICAT_FILTER_PILLAR, "EXISTS (SELECT 1 FROM action_item_mandates m JOIN mandate d ON d.id = m.target_id WHERE m.owner_id = t.id AND d.pillar = @)" },
  { "action_item", ICAT_FILTER_OWNER, "t.owner = @" },
  { "action_item", ICAT_FILTER_DUE_BEFORE, "t.due < @ AND t.status NOT IN ('done', 'cancelled')" },
  { "action_item", ICAT_FILTER_MEETING, "t.meeting = @" },
  { "action_item", ICAT_FILTER_DUE_MONTH, "t.due >= @ AND t.due < @ || '~'" },
  { "meeting", ICAT_FILTER_AGENCY, "(t.host = @ OR EXISTS (SELECT 1 FROM meeting_chairs c WHERE c.owner_id = t.id AND c.target_id = @) OR EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.parent_id = t.id AND a.agency = @))" },
  { "meeting", ICAT_FILTER_YEAR, "t.starts_at >= @ AND t.starts_at < (@ + 1)" },
  { "meeting", ICAT_FILTER_KIND, "t.kind = @" },
  { "meeting", ICAT_FILTER_VENUE, "t.venue = @" },
  { "meeting", ICAT_FILTER_STATUS, "coalesce (t.record_status, 'draft') = @" },
  /* Through its agenda items' mandates. */
  { "meeting", ICAT_FILTER_MANDATE, "EXISTS (SELECT 1 FROM meeting_agenda_mandates m JOIN meeting_agenda a ON a.id = m.owner_id WHERE m.target_id = @ AND a.parent_id = t.id)" },
  { "paper", ICAT_FILTER_AGENCY, "(EXISTS (SELECT 1 FROM paper_lead_agencies l WHERE l.owner_id = t.id AND l.target_id = @) OR EXISTS (SELECT 1 FROM paper_contributing_agencies c WHERE c.owner_id = t.id AND c.target_id = @))" },
  { "paper", ICAT_FILTER_STATUS, "t.status = @" },
  { "paper", ICAT_FILTER_YEAR, "t.year = CAST (@ AS INTEGER)" },
  { "paper", ICAT_FILTER_KIND, "t.kind = @" },
  { "paper", ICAT_FILTER_MANDATE, "EXISTS (SELECT 1 FROM paper_mandates m WHERE m.owner_id = t.id AND m.target_id = @)" },
  { "paper", ICAT_FILTER_ARCHIVED, PAPER_ARCHIVED },
  { "paper", ICAT_FILTER_ON_BOARD, "NOT " PAPER_ARCHIVED },
  { "mandate", ICAT_FILTER_DOCUMENT, "t.document = @" },
  { "mandate", ICAT_FILTER_PILLAR, "t.pillar = @" },
  { "agency", ICAT_FILTER_KIND, "t.kind = @" },
  { "chair_term", ICAT_FILTER_YEAR, "t.year = CAST (@ AS INTEGER)" },
  { "work_plan", ICAT_FILTER_YEAR, "t.year = CAST (@ AS INTEGER)" },
  { "chair_term", ICAT_FILTER_AGENCY, "EXISTS (SELECT 1 FROM chair_term_agencies c WHERE c.owner_id = t.id AND c.target_id = @)" },
};

/* 72/195 first, the resolution ICAT reports against; then the Plan, ECOSOC
 * and the Conference of the Parties; paragraphs in the documents' order. */
#define DOCUMENT_ORDER \
  "CASE t.document WHEN 'A/RES/72/195' THEN 0 WHEN 'A/RES/64/293' THEN 1 WHEN 'E/RES/2015/23' THEN 2 ELSE 3 END"
#define PARAGRAPH_ORDER \
  "CASE WHEN t.paragraph GLOB 'annex *' THEN 1000 + CAST (substr (t.paragraph, 7) AS INTEGER) " \
  "ELSE CAST (t.paragraph AS INTEGER) END"
#define NOW "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"

static const SortSql sorts[] = {
  { "action_item", "due", .keys = { { "t.due", KEY_NULLS_LAST } } },
  /* Binary order, so the title index serves it. */
  { "action_item", "title", .keys = { { "t.title" } } },
  /* Each status's items by due date: the (status, due) index holds both. */
  { "action_item", "status", .keys = { { "t.status" }, { "t.due", KEY_NULLS_LAST } } },
  /* The priority index (schema 3) holds this rank, so only each rank's
   * due dates are sorted. */
  { "action_item", "priority", .keys = { { "CASE t.priority WHEN 'high' THEN 0 WHEN 'low' THEN 2 ELSE 1 END" },
                                         { "t.due", KEY_NULLS_LAST } } },
  /* Agencies by acronym, each agency's items by due date: joined, so the
   * agency (acronym COLLATE NOCASE) index (schema 3) and the (owner, due)
   * index give this order without a sort. */
  { "action_item", "owner", "agency o ON o.id = t.owner", NULL, FALSE,
    { { "o.acronym COLLATE NOCASE" }, { "o.rowid" }, { "t.due", KEY_NULLS_LAST } } },
  /* Meetings by date (their starts_at index), each meeting's items as
   * added (the meeting index); items of no meeting last. */
  { "action_item", "meeting", "meeting m ON m.id = t.meeting", "t.meeting IS NULL", FALSE,
    { { "m.starts_at" }, { "m.rowid" } } },
  { "action_item", "updated_at", .keys = { { "t.updated_at" } } },
  /* Coming meetings first, soonest first; then past ones, latest first. */
  { "meeting", "upcoming", .fixed = TRUE,
    .keys = { { "t.starts_at < " NOW },
              { "CASE WHEN t.starts_at >= " NOW " THEN t.starts_at END" },
              { "t.starts_at", KEY_DESCENDING } } },
  { "meeting", "starts_at", .keys = { { "t.starts_at" } } },
  { "meeting", "title", .keys = { { "t.title" } } },
  { "paper", "year", .keys = { { "t.year", KEY_NULLS_LAST } } },
  { "paper", "status", .keys = { { "t.status" } } },
  { "paper", "title", .keys = { { "t.title" } } },
  { "mandate", "document", .keys = { { DOCUMENT_ORDER }, { PARAGRAPH_ORDER } } },
  { "agency", "acronym", .keys = { { "t.acronym COLLATE NOCASE" } } },
  { "chair_term", "year", .keys = { { "t.year" } } },
  { "work_plan", "year", .keys = { { "t.year" } } },
};

struct _IcatRecordList {
  GObject     parent_instance;

  IcatStore  *store;
  char       *kind;
  char       *filter_values[ICAT_N_FILTERS];
  const SortSql *sort;       /* NULL: by rowid */
  gboolean    descending;
  GArray     *rowids;        /* gint64, in order */
  guint       refresh_source;
};

static void icat_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcatRecordList, icat_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, icat_record_list_model_init))

static GType
icat_record_list_get_item_type (GListModel *model)
{
  return ICAT_TYPE_RECORD;
}

static guint
icat_record_list_get_n_items (GListModel *model)
{
  return ICAT_RECORD_LIST (model)->rowids->len;
}

static gpointer
icat_record_list_get_item (GListModel *model,
                           guint       position)
{
  IcatRecordList *self = ICAT_RECORD_LIST (model);
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;

  if (position >= self->rowids->len)
    return NULL;
  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE rowid = ?1", self->kind);
  stmt = icat_db_prepare (_icat_store_get_read_db (self->store), sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_array_index (self->rowids, gint64, position));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id ? icat_store_lookup (self->store, self->kind, id) : NULL;
}

static void
icat_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = icat_record_list_get_item_type;
  iface->get_n_items = icat_record_list_get_n_items;
  iface->get_item = icat_record_list_get_item;
}

/* Whether a key runs from high to low in this list. */
static gboolean
key_descending (IcatRecordList *self,
                const SortKey  *key)
{
  gboolean reversed = self->descending && !self->sort->fixed;

  return ((key->flags & KEY_DESCENDING) != 0) != reversed;
}

static gboolean
rowid_descending (IcatRecordList *self)
{
  return self->sort != NULL && self->descending && !self->sort->fixed;
}

static guint
n_sort_keys (IcatRecordList *self)
{
  guint n = 0;

  while (self->sort != NULL && n < MAX_SORT_KEYS && self->sort->keys[n].sql != NULL)
    n++;
  return n;
}

/* "FROM … WHERE …" with the list's filters; their values are added to
 * `values` and numbered from ?1. `join` is how the order's table is
 * joined: "JOIN", "LEFT JOIN", or NULL for not at all. */
static void
append_source (IcatRecordList *self,
               GString        *sql,
               GPtrArray      *values,
               const char     *join)
{
  g_string_append_printf (sql, " FROM \"%s\" t", self->kind);
  if (join != NULL && self->sort != NULL && self->sort->join != NULL)
    g_string_append_printf (sql, " %s %s", join, self->sort->join);
  g_string_append (sql, " WHERE 1");
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      const char *value = self->filter_values[filters[f].filter];

      if (value == NULL || strcmp (filters[f].kind, self->kind) != 0)
        continue;
      g_ptr_array_add (values, (gpointer) value);
      g_string_append (sql, " AND ");
      for (const char *c = filters[f].sql; *c != '\0'; c++)
        if (*c == '@')
          g_string_append_printf (sql, "?%u", values->len);
        else
          g_string_append_c (sql, *c);
    }
}

/* The ordered rowids of the rows the order's join matches (all rows for
 * an order without one), or of those it leaves out. */
static char *
build_query (IcatRecordList *self,
             GPtrArray      *values,
             gboolean        unmatched)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.rowid");
  const char *direction = rowid_descending (self) ? "DESC" : "ASC";

  if (unmatched)
    {
      append_source (self, sql, values, NULL);
      g_string_append_printf (sql, " AND (%s) ORDER BY t.rowid %s", self->sort->unmatched, direction);
      return g_string_free (g_steal_pointer (&sql), FALSE);
    }
  append_source (self, sql, values, "JOIN");
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < n_sort_keys (self); i++)
    {
      const SortKey *key = &self->sort->keys[i];

      g_string_append_printf (sql, "%s %s%s, ", key->sql, key_descending (self, key) ? "DESC" : "ASC",
                              key->flags & KEY_NULLS_LAST ? " NULLS LAST" : "");
    }
  g_string_append_printf (sql, "t.rowid %s", direction);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A statement of this list's SQL with the filter values bound. Borrowed. */
static sqlite3_stmt *
prepare_query (IcatRecordList *self,
               const char     *sql,
               GPtrArray      *values)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (self->store), sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Cannot list %s: %s", self->kind, error->message);
      return NULL;
    }
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = values->pdata[i];

      /* Years compare as numbers in "@ + 1"; everything else as text. */
      if (strlen (value) == 4 && g_ascii_isdigit (value[0]))
        sqlite3_bind_int (stmt, i + 1, atoi (value));
      else
        icat_bind_text (stmt, i + 1, value);
    }
  return stmt;
}

static void
append_rowids (IcatRecordList *self,
               gboolean        unmatched,
               GArray         *rowids)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *sql = build_query (self, values, unmatched);
  sqlite3_stmt *stmt = prepare_query (self, sql, values);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
}

static GArray *
query_rowids (IcatRecordList *self)
{
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  append_rowids (self, FALSE, rowids);
  if (self->sort != NULL && self->sort->unmatched != NULL)
    append_rowids (self, TRUE, rowids);
  return rowids;
}

void
icat_record_list_refresh (IcatRecordList *self)
{
  g_autoptr(GArray) old = NULL;
  GArray *new;
  guint prefix = 0, suffix = 0, shorter;

  g_return_if_fail (ICAT_IS_RECORD_LIST (self));
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  old = self->rowids;
  new = query_rowids (self);
  self->rowids = new;

  shorter = MIN (old->len, new->len);
  while (prefix < shorter &&
         g_array_index (old, gint64, prefix) == g_array_index (new, gint64, prefix))
    prefix++;
  while (suffix < shorter - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (new, gint64, new->len - 1 - suffix))
    suffix++;
  if (old->len - prefix - suffix > 0 || new->len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, new->len - prefix - suffix);
}

static gboolean
refresh_idle (gpointer data)
{
  IcatRecordList *self = data;

  self->refresh_source = 0;
  icat_record_list_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (IcatRecordList *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
record_changed_cb (IcatRecordList *self)
{
  queue_refresh (self);
}

static void
icat_record_list_finalize (GObject *object)
{
  IcatRecordList *self = ICAT_RECORD_LIST (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  for (guint i = 0; i < ICAT_N_FILTERS; i++)
    g_free (self->filter_values[i]);
  g_array_unref (self->rowids);
  g_free (self->kind);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_record_list_parent_class)->finalize (object);
}

static void
icat_record_list_class_init (IcatRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icat_record_list_finalize;
}

static void
icat_record_list_init (IcatRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

IcatRecordList *
icat_record_list_new (IcatStore  *store,
                      const char *kind)
{
  IcatRecordList *self;
  g_autofree char *detailed = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (icat_schema_lookup (kind) != NULL, NULL);

  self = g_object_new (ICAT_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    if (strcmp (sorts[s].kind, kind) == 0)
      {
        self->sort = &sorts[s];
        break;
      }
  detailed = g_strconcat ("record-changed::", kind, NULL);
  g_signal_connect_object (store, detailed, G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_array_unref (self->rowids);
  self->rowids = query_rowids (self);
  return self;
}

gboolean
icat_record_list_set_filter (IcatRecordList *self,
                             IcatFilter      filter,
                             const char     *value)
{
  gboolean known = FALSE;

  g_return_val_if_fail (ICAT_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (filter < ICAT_N_FILTERS, FALSE);
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    known |= filters[f].filter == filter && strcmp (filters[f].kind, self->kind) == 0;
  if (!known)
    return FALSE;
  if (g_strcmp0 (self->filter_values[filter], value) == 0)
    return TRUE;
  g_free (self->filter_values[filter]);
  self->filter_values[filter] = g_strdup (value);
  icat_record_list_refresh (self);
  return TRUE;
}

gboolean
icat_record_list_set_sort (IcatRecordList *self,
                           const char     *sort,
                           gboolean        descending)
{
  g_return_val_if_fail (ICAT_IS_RECORD_LIST (self), FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    if (strcmp (sorts[s].kind, self->kind) == 0 && g_strcmp0 (sorts[s].name, sort) == 0)
      {
        self->sort = &sorts[s];
        self->descending = descending;
        icat_record_list_refresh (self);
        return TRUE;
      }
  return FALSE;
}

/* Where a record stands in the order: its rowid and key values. */
typedef struct {
  gint64         rowid;
  gboolean       unmatched;    /* the order's join leaves it out */
  sqlite3_value *keys[MAX_SORT_KEYS];
} Target;

static void
target_clear (Target *target)
{
  for (guint i = 0; i < MAX_SORT_KEYS; i++)
    g_clear_pointer (&target->keys[i], sqlite3_value_free);
}

/* FALSE when no record with this id passes the filters. */
static gboolean
read_target (IcatRecordList *self,
             const char     *id,
             Target         *target)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT t.rowid");
  guint n_keys = n_sort_keys (self);
  sqlite3_stmt *stmt;
  gboolean found;

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (sql, ", %s", self->sort->keys[i].sql);
  if (self->sort != NULL && self->sort->unmatched != NULL)
    g_string_append_printf (sql, ", %s", self->sort->unmatched);
  else
    g_string_append (sql, ", 0");
  append_source (self, sql, values, "LEFT JOIN");
  g_string_append_printf (sql, " AND t.id = ?%u", values->len + 1);
  stmt = prepare_query (self, sql->str, values);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, values->len + 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      target->rowid = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < n_keys; i++)
        target->keys[i] = sqlite3_value_dup (sqlite3_column_value (stmt, 1 + i));
      target->unmatched = sqlite3_column_int (stmt, 1 + n_keys);
    }
  sqlite3_reset (stmt);
  return found;
}

static char *
count_sql (const char *source,
           const char *condition)
{
  return g_strdup_printf ("(SELECT count(*)%s AND %s)", source, condition);
}

/* The rows ordered before the target, as disjoint counts added up: each
 * key's rows before the target's value, then, among those level with it,
 * the next key's, and last the rowid's. Each count is a plain range on
 * its key (a NULL has its own), which an index answers without reading
 * the rows; one condition with ORs would be a scan. Only the first key
 * may pick the index: "+" keeps the planner from reading the rows through
 * a later key's index when the first has none (priority: a CASE), which
 * costs ten times a scan. The filters' values are added to `values`; the
 * key values are bound after them, then the rowid. */
static char *
build_count (IcatRecordList *self,
             const Target   *target,
             GPtrArray      *values)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) level = g_string_new ("1");
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  guint n_keys = target->unmatched ? 0 : n_sort_keys (self);
  char rowid_op = rowid_descending (self) ? '>' : '<';
  g_autofree char *sum = NULL;
  guint first;

  append_source (self, joined, values, "JOIN");
  first = values->len + 1;
  if (target->unmatched)
    {
      /* After every matched row, among the unmatched ones by rowid; the
       * same filters, so the same numbering. */
      g_autoptr(GPtrArray) same_values = g_ptr_array_new ();

      g_ptr_array_add (counts, count_sql (joined->str, "1"));
      g_string_truncate (joined, 0);
      append_source (self, joined, same_values, NULL);
      g_string_append_printf (level, " AND (%s)", self->sort->unmatched);
    }
  for (guint i = 0; i < n_keys; i++)
    {
      const SortKey *key = &self->sort->keys[i];
      gboolean descending = key_descending (self, key);
      gboolean nulls_last = descending || (key->flags & KEY_NULLS_LAST) != 0;
      g_autofree char *e = g_strdup_printf ("%s(%s)", i > 0 ? "+" : "", key->sql);
      g_autofree char *before = NULL;

      if (sqlite3_value_type (target->keys[i]) == SQLITE_NULL)
        {
          if (nulls_last)
            before = g_strdup_printf ("%s AND %s IS NOT NULL", level->str, e);
          g_string_append_printf (level, " AND %s IS NULL", e);
        }
      else
        {
          if (!nulls_last)
            {
              g_autofree char *null = g_strdup_printf ("%s AND %s IS NULL", level->str, e);

              g_ptr_array_add (counts, count_sql (joined->str, null));
            }
          before = g_strdup_printf ("%s AND %s %c ?%u", level->str, e, descending ? '>' : '<', first + i);
          g_string_append_printf (level, " AND %s = ?%u", e, first + i);
        }
      if (before != NULL)
        g_ptr_array_add (counts, count_sql (joined->str, before));
    }
  g_string_append_printf (level, " AND t.rowid %c ?%u", rowid_op, first + n_keys);
  g_ptr_array_add (counts, count_sql (joined->str, level->str));
  g_ptr_array_add (counts, NULL);
  sum = g_strjoinv (" + ", (char **) counts->pdata);
  return g_strconcat ("SELECT ", sum, NULL);
}

/* The position the database gives, G_MAXUINT when the record is not in
 * the list; `rowid` is set when it is. */
static guint
count_position (IcatRecordList *self,
                const char     *id,
                gint64         *rowid)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *sql = NULL;
  Target target = { 0 };
  sqlite3_stmt *stmt;
  gint64 position = -1;

  if (!read_target (self, id, &target))
    return G_MAXUINT;
  *rowid = target.rowid;
  sql = build_count (self, &target, values);
  stmt = prepare_query (self, sql, values);
  if (stmt != NULL)
    {
      guint first = values->len + 1;
      guint n_keys = target.unmatched ? 0 : n_sort_keys (self);

      for (guint i = 0; i < n_keys; i++)
        sqlite3_bind_value (stmt, first + i, target.keys[i]);
      sqlite3_bind_int64 (stmt, first + n_keys, target.rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        position = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  target_clear (&target);
  return position < 0 || position >= G_MAXUINT ? G_MAXUINT : (guint) position;
}

static gboolean
is_at (IcatRecordList *self,
       guint           position,
       gint64          rowid)
{
  return position < self->rowids->len && g_array_index (self->rowids, gint64, position) == rowid;
}

const char *
icat_record_list_get_kind (IcatRecordList *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD_LIST (self), NULL);
  return self->kind;
}

guint
icat_record_list_find_position (IcatRecordList *self,
                                const char     *id)
{
  gint64 rowid = 0;
  guint position;

  g_return_val_if_fail (ICAT_IS_RECORD_LIST (self), G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  /* A change the list has not read yet would put the count and the rows
   * held out of step. */
  if (self->refresh_source != 0)
    icat_record_list_refresh (self);
  position = count_position (self, id, &rowid);
  if (position == G_MAXUINT || is_at (self, position, rowid))
    return position;
  /* Written a moment ago, before the store's notice arrived. */
  icat_record_list_refresh (self);
  position = count_position (self, id, &rowid);
  return position != G_MAXUINT && is_at (self, position, rowid) ? position : G_MAXUINT;
}
