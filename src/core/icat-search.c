/* icat-search.c — finding records by any words in them
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trigram index finds substrings of three characters or more, in any
 * script. The commonest Chinese words have two characters (会议, 主席), which
 * a trigram cannot match: a query with any shorter term scans the search
 * documents with instr() instead, which stays fast at ICAT's scale.
 */
#define G_LOG_DOMAIN "icat-search"

#include "config.h"

#include <string.h>

#include "icat-db.h"
#include "icat-record-io.h"
#include "icat-store.h"

#define MAX_TERMS 8

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

static char *
fts_phrase_query (GPtrArray *terms)
{
  g_autoptr(GString) query = g_string_new (NULL);

  /* Each term a quoted phrase, so nothing the user types is query syntax. */
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
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static sqlite3_stmt *
prepare_query (IcatDb     *db,
               GPtrArray  *terms,
               guint       limit,
               GError    **error)
{
  gboolean all_long = TRUE;
  g_autoptr(GString) sql = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < terms->len; i++)
    all_long &= g_utf8_strlen (terms->pdata[i], -1) >= 3;

  if (all_long)
    {
      stmt = icat_db_prepare (db,
                              "SELECT d.kind, d.record_id FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid "
                              "WHERE search_fts MATCH ?1 ORDER BY rank LIMIT ?2", error);
      if (stmt == NULL)
        return NULL;
      match = fts_phrase_query (terms);
      icat_bind_text (stmt, 1, match);
      sqlite3_bind_int (stmt, 2, limit);
      return stmt;
    }

  /* The statement's shape depends on the number of terms only; the terms
   * themselves are bound. Titles first, then the rest. */
  sql = g_string_new ("SELECT kind, record_id FROM search_doc WHERE 1");
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (sql, " AND instr (lower (title || char (10) || body), lower (?%u)) > 0", i + 1);
  g_string_append_printf (sql, " ORDER BY instr (lower (title), lower (?1)) = 0, kind, title LIMIT ?%u", terms->len + 1);
  stmt = icat_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < terms->len; i++)
    icat_bind_text (stmt, i + 1, terms->pdata[i]);
  sqlite3_bind_int (stmt, terms->len + 1, limit);
  return stmt;
}

GPtrArray *
icat_store_search (IcatStore   *self,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  IcatDb *db = _icat_store_get_read_db (self);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_search_hit_free);
  g_autoptr(GPtrArray) terms = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  terms = split_terms (text);
  if (terms->len == 0)
    return g_steal_pointer (&hits);
  stmt = prepare_query (db, terms, limit, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcatSearchHit *hit = g_new0 (IcatSearchHit, 1);

      hit->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (hits, hit);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      IcatSearchHit *hit = hits->pdata[i];
      const IcatKind *kind = icat_schema_lookup (hit->kind);
      g_autoptr(JsonObject) record = kind ? icat_record_io_read (db, kind, hit->id, NULL) : NULL;

      hit->title = record ? icat_record_title (kind, record) : g_strdup (hit->id);
    }
  return g_steal_pointer (&hits);
}
