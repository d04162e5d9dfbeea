/* icat-search.c — finding records by any words in them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word the user types must occur in the record, as a substring in
 * any case. Words of three characters or more are looked up in the
 * trigram index (search_fts); shorter ones, which a trigram cannot match
 * (会议, 主席, "tr"), in search_short, which indexes every character and
 * every pair of characters (icat-search-tokenizer.c). No word scans the
 * search documents.
 *
 * Ranking never looks at every match: a word such as "a" is in nearly
 * every record. Records with every word in their title come first, then
 * the others, each newest first (the index's own rowid order, read
 * backwards), and every walk through an index stops at a limit (see
 * search_terms()).
 */
#define G_LOG_DOMAIN "icat-search"

#include "config.h"

#include <string.h>

#include "icat-db.h"
#include "icat-fields.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-search.h"
#include "icat-store.h"

#define MAX_TERMS 8
/* Virtual machine steps between two looks at the GCancellable. */
#define CANCEL_CHECK_STEPS 1000
/* One walk reads the newest 4 × MAX (limit, this) matches. */
#define WALK_AT_LEAST 50
/* Characters of text around the match. */
#define SNIPPET_WIDTH 60

static GPtrArray *
split_terms (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\u3000", -1);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL && terms->len < MAX_TERMS; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (terms, g_strdup (words[i]));
  return terms;
}

/* Each term a quoted phrase, so nothing the user types is query syntax;
 * with titles_only, all of them in the title column. NULL without terms. */
static char *
fts_phrase_query (GPtrArray *terms,
                  gboolean   titles_only)
{
  g_autoptr(GString) query = g_string_new (titles_only ? "title : (" : NULL);

  if (terms->len == 0)
    return NULL;
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = terms->pdata[i];

      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *c = term; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *c);
        }
      g_string_append_c (query, '"');
    }
  if (titles_only)
    g_string_append_c (query, ')');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

typedef struct {
  GPtrArray *long_terms;   /* three characters or more: search_fts */
  GPtrArray *short_terms;  /* one or two: search_short */
} Terms;

static void
terms_clear (Terms *terms)
{
  g_clear_pointer (&terms->long_terms, g_ptr_array_unref);
  g_clear_pointer (&terms->short_terms, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Terms, terms_clear)

static void
terms_init (Terms      *terms,
            const char *text)
{
  g_autoptr(GPtrArray) all = split_terms (text);

  terms->long_terms = g_ptr_array_new_with_free_func (g_free);
  terms->short_terms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (g_utf8_strlen (all->pdata[i], -1) >= 3 ? terms->long_terms : terms->short_terms,
                     g_strdup (all->pdata[i]));
}

/* The statement's shape depends only on which indexes the terms need; the
 * index with the long terms, if any, leads (a trigram is rarer than a
 * character), and the short terms are looked up for its rows only. */
static sqlite3_stmt *
prepare_query (IcatDb   *db,
               Terms    *terms,
               GError  **error)
{
  if (terms->long_terms->len > 0 && terms->short_terms->len > 0)
    return icat_db_prepare (db,
                            "SELECT d.rowid, d.kind, d.record_id, d.title FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid "
                            "WHERE f.search_fts MATCH ?1 AND EXISTS (SELECT 1 FROM search_short s "
                            "WHERE s.search_short MATCH ?2 AND s.rowid = f.rowid) "
                            "ORDER BY f.rowid DESC LIMIT ?3", error);
  if (terms->long_terms->len > 0)
    return icat_db_prepare (db,
                            "SELECT d.rowid, d.kind, d.record_id, d.title FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid "
                            "WHERE f.search_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?3", error);
  return icat_db_prepare (db,
                          "SELECT d.rowid, d.kind, d.record_id, d.title FROM search_short s JOIN search_doc d ON d.rowid = s.rowid "
                          "WHERE s.search_short MATCH ?2 ORDER BY s.rowid DESC LIMIT ?3", error);
}

/* Where term first occurs in text, comparing characters folded as the
 * index folds them: its start and end in bytes. */
static gboolean
find_folded (const char *text,
             const char *term,
             gsize      *start,
             gsize      *end)
{
  for (const char *from = text; *from != '\0'; from = g_utf8_next_char (from))
    {
      const char *t = from;
      const char *q = term;

      while (*q != '\0' && *t != '\0' &&
             g_unichar_tolower (g_utf8_get_char (t)) == g_unichar_tolower (g_utf8_get_char (q)))
        {
          t = g_utf8_next_char (t);
          q = g_utf8_next_char (q);
        }
      if (*q == '\0')
        {
          *start = from - text;
          *end = t - text;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
title_has_terms (const char *title,
                 Terms      *terms)
{
  GPtrArray *lists[] = { terms->long_terms, terms->short_terms };
  gsize start, end;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (!find_folded (title, lists[l]->pdata[i], &start, &end))
        return FALSE;
  return TRUE;
}

/* One walk through an index, newest first: up to max matches, each with
 * whether its title holds every term (titles_only: only those). */
typedef struct {
  GPtrArray *hits;      /* IcatSearchHit */
  GArray    *in_title;  /* gboolean per hit */
  GArray    *rowids;    /* gint64 per hit */
} Walk;

/* take_hits() leaves holes where it took a hit. */
static void
hit_free_if_any (IcatSearchHit *hit)
{
  if (hit != NULL)
    icat_search_hit_free (hit);
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->hits, g_ptr_array_unref);
  g_clear_pointer (&walk->in_title, g_array_unref);
  g_clear_pointer (&walk->rowids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walk, walk_clear)

static gboolean
walk_index (IcatDb    *db,
            Terms     *terms,
            gboolean   titles_only,
            guint      max,
            Walk      *walk,
            GError   **error)
{
  g_autofree char *long_match = fts_phrase_query (terms->long_terms, titles_only);
  g_autofree char *short_match = fts_phrase_query (terms->short_terms, titles_only);
  sqlite3_stmt *stmt = prepare_query (db, terms, error);
  int rc;

  walk->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free_if_any);
  walk->in_title = g_array_new (FALSE, FALSE, sizeof (gboolean));
  walk->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (stmt == NULL)
    return FALSE;
  if (long_match != NULL)
    icat_bind_text (stmt, 1, long_match);
  if (short_match != NULL)
    icat_bind_text (stmt, 2, short_match);
  sqlite3_bind_int64 (stmt, 3, max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      gboolean in_title = titles_only || title_has_terms ((const char *) sqlite3_column_text (stmt, 3), terms);
      IcatSearchHit *hit = g_new0 (IcatSearchHit, 1);

      hit->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (walk->hits, hit);
      g_array_append_val (walk->in_title, in_title);
      g_array_append_val (walk->rowids, rowid);
    }
  return icat_db_end_rows (db, stmt, rc, error);
}

/* Moves the hits of walk whose title flag is in_title, and that are not
 * in hits yet, to hits, until it holds limit. */
static void
take_hits (Walk       *walk,
           gboolean    in_title,
           GHashTable *seen,
           guint       limit,
           GPtrArray  *hits)
{
  for (guint i = 0; i < walk->hits->len && hits->len < limit; i++)
    {
      gint64 *rowid = &g_array_index (walk->rowids, gint64, i);

      if (g_array_index (walk->in_title, gboolean, i) != in_title ||
          !g_hash_table_add (seen, g_memdup2 (rowid, sizeof *rowid)))
        continue;
      g_ptr_array_add (hits, g_steal_pointer (&walk->hits->pdata[i]));
    }
}

/* The date a record is known by, as YYYY-MM-DD; "" when it has none. */
static char *
record_date (JsonObject *record,
             const char *kind)
{
  const char *key = ICAT_KEY_UPDATED_AT;
  const char *value;

  if (g_str_equal (kind, "meeting"))
    key = ICAT_KEY_STARTS_AT;
  else if (g_str_equal (kind, "action_item"))
    key = ICAT_KEY_DUE;
  else if (g_str_equal (kind, "paper"))
    key = ICAT_KEY_PUBLISHED_ON;
  value = json_object_get_string_member_with_default (record, key, NULL);
  if (value == NULL && !g_str_equal (key, ICAT_KEY_UPDATED_AT))
    value = json_object_get_string_member_with_default (record, ICAT_KEY_UPDATED_AT, "");
  if (g_str_equal (key, ICAT_KEY_STARTS_AT) && value != NULL)
    {
      /* A meeting's day where it meets, not in UTC. */
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (
        json_object_get_string_member_with_default (record, ICAT_KEY_TIMEZONE, "UTC"));
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (value, NULL);
      g_autoptr(GDateTime) local = utc && zone ? g_date_time_to_timezone (utc, zone) : NULL;

      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%d");
    }
  return g_strndup (value != NULL ? value : "", 10);
}

/* The text the match is in: the body when it is there, else the title,
 * as the search document holds them. */
static char *
matching_text (const IcatKind *kind,
               JsonObject     *record,
               const char     *query)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  char *snippet;

  icat_record_io_search_text (kind, record, title, body);
  snippet = icat_search_snippet (body->str, query, SNIPPET_WIDTH);
  if (snippet == NULL)
    snippet = icat_search_snippet (title->str, query, SNIPPET_WIDTH);
  return snippet != NULL ? snippet : g_strdup ("");
}

static gboolean
text_has_term (const char *text,
               Terms      *terms)
{
  GPtrArray *lists[] = { terms->long_terms, terms->short_terms };
  gsize start, end;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (find_folded (text, lists[l]->pdata[i], &start, &end))
        return TRUE;
  return FALSE;
}

/* The first agenda item of a meeting whose title or minutes hold a word
 * of the query, so that a hit in the minutes opens there; NULL when the
 * meeting's title holds them all (the meeting itself is the match). */
static char *
matching_agenda_item (const IcatKind *kind,
                      JsonObject     *record,
                      const char     *title,
                      Terms          *terms)
{
  const IcatField *field = icat_kind_lookup_field (kind, ICAT_KEY_AGENDA);
  JsonNode *node = json_object_get_member (record, ICAT_KEY_AGENDA);
  JsonArray *agenda;

  if (field == NULL || node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || title_has_terms (title, terms))
    return NULL;
  agenda = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (agenda); i++)
    {
      JsonObject *item = json_array_get_object_element (agenda, i);
      g_autoptr(GString) item_title = g_string_new (NULL);
      g_autoptr(GString) item_body = g_string_new (NULL);

      if (item == NULL)
        continue;
      icat_record_io_search_text (field->child, item, item_title, item_body);
      if (text_has_term (item_title->str, terms) || text_has_term (item_body->str, terms))
        return g_strdup (json_object_get_string_member_with_default (item, ICAT_KEY_ID, NULL));
    }
  return NULL;
}

/* What a list of hits shows of each: its title, its date, the text
 * around the match, and for a meeting the agenda item it matched in. Read
 * on the searching thread, in the search's snapshot. */
static void
read_hits (IcatDb     *db,
           GPtrArray  *hits,
           const char *query,
           Terms      *terms)
{
  for (guint i = 0; i < hits->len; i++)
    {
      IcatSearchHit *hit = hits->pdata[i];
      const IcatKind *kind = icat_schema_lookup (hit->kind);
      g_autoptr(JsonObject) record = kind ? icat_record_io_read (db, kind, hit->id, NULL) : NULL;

      if (record == NULL)
        {
          hit->title = g_strdup (hit->id);
          hit->date = g_strdup ("");
          hit->when = g_strdup ("");
          hit->text = g_strdup ("");
          continue;
        }
      hit->title = icat_record_title (kind, record);
      hit->date = record_date (record, hit->kind);
      hit->when = g_str_equal (hit->kind, "meeting") ? icat_format_meeting_when (record) : icat_format_date (hit->date);
      hit->text = matching_text (kind, record, query);
      hit->agenda_item_id = matching_agenda_item (kind, record, hit->title, terms);
    }
}

static int
cancelled_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* The newest few hundred matches are read once, and their titles looked
 * at here. When they are all the matches there are, or hold enough title
 * matches, that is the answer; only otherwise does a second walk, through
 * the titles alone, find the older title matches. */
static GPtrArray *
search_terms (IcatDb      *db,
              Terms       *terms,
              const char  *query,
              guint        limit,
              GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_search_hit_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(Walk) newest = { NULL, NULL, NULL };
  g_auto(Walk) titles = { NULL, NULL, NULL };
  guint max = MAX (limit, WALK_AT_LEAST) * 4;
  guint in_title = 0;

  if (limit == 0 || (terms->long_terms->len == 0 && terms->short_terms->len == 0))
    return g_steal_pointer (&hits);
  if (!walk_index (db, terms, FALSE, max, &newest, error))
    return NULL;
  for (guint i = 0; i < newest.in_title->len; i++)
    in_title += g_array_index (newest.in_title, gboolean, i);
  if (newest.hits->len == max && in_title < limit)
    {
      if (!walk_index (db, terms, TRUE, limit, &titles, error))
        return NULL;
      take_hits (&titles, TRUE, seen, limit, hits);
    }
  take_hits (&newest, TRUE, seen, limit, hits);
  take_hits (&newest, FALSE, seen, limit, hits);
  read_hits (db, hits, query, terms);
  return g_steal_pointer (&hits);
}

GPtrArray *
icat_search_run (IcatDb        *db,
                 const char    *text,
                 guint          limit,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *valid = NULL;
  g_auto(Terms) terms = { NULL, NULL };
  g_autoptr(GError) local_error = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  terms_init (&terms, valid);
  if (cancellable != NULL)
    sqlite3_progress_handler (icat_db_handle (db), CANCEL_CHECK_STEPS, cancelled_cb, cancellable);
  /* Both lookups and the titles see one state of the file. */
  if (!icat_db_begin_snapshot (db, &local_error))
    hits = NULL;
  else
    {
      hits = search_terms (db, &terms, valid, limit, &local_error);
      icat_db_end_snapshot (db);
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (icat_db_handle (db), 0, NULL, NULL);
  if (hits == NULL)
    {
      /* An interrupted query says so as SQLITE_INTERRUPT; the caller
       * asked for it, and wants to know it was its own cancel. */
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return hits;
}

GPtrArray *
icat_store_search (IcatStore   *self,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return icat_search_run (_icat_store_get_read_db (self), text, limit, NULL, error);
}

typedef struct {
  char  *text;
  guint  limit;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_free (job->text);
  g_free (job);
}

static gpointer
search_in_thread (IcatDb        *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SearchJob *job = data;

  return icat_search_run (db, job->text, job->limit, cancellable, error);
}

void
icat_store_search_async (IcatStore          *self,
                         const char         *text,
                         guint               limit,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  SearchJob *job;

  g_return_if_fail (ICAT_IS_STORE (self));
  g_return_if_fail (text != NULL);

  job = g_new0 (SearchJob, 1);
  job->text = g_strdup (text);
  job->limit = limit;
  icat_store_read_async (self, search_in_thread, job, (GDestroyNotify) search_job_free,
                         (GDestroyNotify) g_ptr_array_unref, ICAT_STORE_READ_DEFAULT,
                         cancellable, callback, user_data);
}

GPtrArray *
icat_store_search_finish (GAsyncResult  *result,
                          GError       **error)
{
  return icat_store_read_finish (result, error);
}

/* Steps back (or on) through up to n characters of text from p. */
static const char *
move_chars (const char *text,
            const char *p,
            glong       n)
{
  for (; n < 0 && p > text; n++)
    p = g_utf8_prev_char (p);
  for (; n > 0 && *p != '\0'; n--)
    p = g_utf8_next_char (p);
  return p;
}

char *
icat_search_snippet (const char *text,
                     const char *query,
                     guint       width)
{
  g_autofree char *valid_text = NULL;
  g_autofree char *valid_query = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) snippet = g_string_new (NULL);
  gsize first = G_MAXSIZE;
  gsize first_end = 0;
  const char *from;
  const char *to;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  valid_text = g_utf8_make_valid (text, -1);
  valid_query = g_utf8_make_valid (query, -1);
  terms = split_terms (valid_query);
  for (guint i = 0; i < terms->len; i++)
    {
      gsize start, end;

      if (find_folded (valid_text, terms->pdata[i], &start, &end) && start < first)
        {
          first = start;
          first_end = end;
        }
    }
  if (first == G_MAXSIZE)
    return NULL;
  /* A third of the width before the match, the rest from it on. */
  from = move_chars (valid_text, valid_text + first, -(glong) (width / 3));
  to = move_chars (valid_text, from, MAX (width, g_utf8_strlen (valid_text + first, first_end - first)));
  for (const char *c = from; c < to; c++)
    g_string_append_c (snippet, *c == '\n' || *c == '\r' || *c == '\t' ? ' ' : *c);
  /* The text's own white space at either end of the cut says nothing. */
  g_strstrip (snippet->str);
  g_string_set_size (snippet, strlen (snippet->str));
  if (from > valid_text)
    g_string_prepend (snippet, "…");
  if (*to != '\0')
    g_string_append (snippet, "…");
  return g_string_free (g_steal_pointer (&snippet), FALSE);
}

/* Marks the bytes of text where term occurs, every time it does. */
static void
mark_term (const char *text,
           const char *term,
           gboolean   *marked)
{
  const char *from = text;
  gsize start, end;

  while (*from != '\0' && find_folded (from, term, &start, &end))
    {
      for (gsize b = start; b < end; b++)
        marked[from - text + b] = TRUE;
      from += end;
    }
}

char *
icat_search_markup (const char *text,
                    const char *query)
{
  g_autofree char *valid_text = NULL;
  g_autofree char *valid_query = NULL;
  g_autofree gboolean *marked = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  gsize length;
  gsize run = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  valid_text = g_utf8_make_valid (text, -1);
  valid_query = g_utf8_make_valid (query, -1);
  length = strlen (valid_text);
  marked = g_new0 (gboolean, length + 1);
  terms = split_terms (valid_query);
  for (guint i = 0; i < terms->len; i++)
    mark_term (valid_text, terms->pdata[i], marked);
  /* Runs of marked and unmarked bytes; a match starts and ends on
   * character boundaries, so every run is whole characters. */
  for (gsize b = 1; b <= length; b++)
    if (b == length || marked[b] != marked[run])
      {
        g_autofree char *escaped = g_markup_escape_text (valid_text + run, b - run);

        g_string_append_printf (markup, marked[run] ? "<b>%s</b>" : "%s", escaped);
        run = b;
      }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
