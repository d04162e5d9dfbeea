/* icat-search-tokenizer.c — one- and two-character grams for search_short
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trigram index (search_fts) finds every term of three characters or
 * more. The commonest Chinese words have two characters (会议, 主席), and a
 * user typing "tr" wants results before the third key: search_short
 * indexes every character and every pair of neighbouring characters, as
 * the CJK analyzers of search engines do, so those terms are looked up
 * instead of scanning every document. Only the characters the query splits
 * terms on are left out (a pair across them can never be asked for), and
 * the table is detail=column, without positions: a one- or two-character
 * term is a single token, never a phrase.
 *
 * A document is tokenized into grams; a query term (already one or two
 * characters, see icat-search.c) is one token as it stands, folded the
 * same way.
 */
#define G_LOG_DOMAIN "icat-search"

#include "config.h"

#include <string.h>

#include "icat-search-tokenizer.h"

typedef int (*TokenFunc) (gpointer    user_data,
                          const char *token,
                          int         length,
                          int         start,
                          int         end);

/* Exactly the characters split_terms() in icat-search.c splits on. */
static gboolean
is_term_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000;
}

/* Each character folded as lower() folds ASCII, and the rest of Unicode
 * as the trigram tokenizer does, so a short term and a long one agree. */
static int
tokenize_grams (const char *text,
                int         length,
                TokenFunc   token,
                gpointer    user_data)
{
  char pair[12];
  int previous_length = 0;   /* bytes of the folded previous character in pair; 0 after a separator */
  int previous_start = 0;
  int offset = 0;
  int rc = SQLITE_OK;

  while (offset < length && rc == SQLITE_OK)
    {
      gunichar c = g_utf8_get_char_validated (text + offset, length - offset);
      int next;
      int folded_length;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: that byte is skipped, and breaks a pair. */
          offset++;
          previous_length = 0;
          continue;
        }
      next = g_utf8_next_char (text + offset) - text;
      if (is_term_separator (c))
        {
          previous_length = 0;
          offset = next;
          continue;
        }
      folded_length = g_unichar_to_utf8 (g_unichar_tolower (c), pair + previous_length);
      rc = token (user_data, pair + previous_length, folded_length, offset, next);
      if (rc == SQLITE_OK && previous_length > 0)
        rc = token (user_data, pair, previous_length + folded_length, previous_start, next);
      /* The character just folded becomes the first of the next pair. */
      memmove (pair, pair + previous_length, folded_length);
      previous_length = folded_length;
      previous_start = offset;
      offset = next;
    }
  return rc;
}

/* A query term: one token, folded like the document's characters. */
static int
tokenize_query (const char *text,
                int         length,
                TokenFunc   token,
                gpointer    user_data)
{
  g_autoptr(GString) folded = g_string_sized_new (length);
  int offset = 0;

  while (offset < length)
    {
      gunichar c = g_utf8_get_char_validated (text + offset, length - offset);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          offset++;
          continue;
        }
      g_string_append_unichar (folded, g_unichar_tolower (c));
      offset = g_utf8_next_char (text + offset) - text;
    }
  if (folded->len == 0)
    return SQLITE_OK;
  return token (user_data, folded->str, (int) folded->len, 0, length);
}

typedef struct {
  void *context;
  int (*x_token) (void *, int, const char *, int, int, int);
} Fts5Call;

static int
fts5_token (gpointer    user_data,
            const char *token,
            int         length,
            int         start,
            int         end)
{
  Fts5Call *call = user_data;

  return call->x_token (call->context, 0, token, length, start, end);
}

static int
short_create (void           *user_data,
              const char    **args,
              int             n_args,
              Fts5Tokenizer **tokenizer)
{
  static char instance;

  /* No options and no state: every table shares one. */
  if (n_args > 0)
    return SQLITE_ERROR;
  *tokenizer = (Fts5Tokenizer *) &instance;
  return SQLITE_OK;
}

static void
short_delete (Fts5Tokenizer *tokenizer)
{
}

static int
short_tokenize (Fts5Tokenizer *tokenizer,
                void          *context,
                int            flags,
                const char    *text,
                int            length,
                int          (*x_token) (void *, int, const char *, int, int, int))
{
  Fts5Call call = { context, x_token };

  if (flags & FTS5_TOKENIZE_QUERY)
    return tokenize_query (text, length, fts5_token, &call);
  return tokenize_grams (text, length, fts5_token, &call);
}

static fts5_api *
fts5_api_of (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

int
icat_search_tokenizer_register (sqlite3 *handle)
{
  static fts5_tokenizer short_tokenizer = { short_create, short_delete, short_tokenize };
  fts5_api *api = fts5_api_of (handle);

  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;
  return api->xCreateTokenizer (api, ICAT_SEARCH_TOKENIZER, NULL, &short_tokenizer, NULL);
}

static int
register_on_open (sqlite3                           *handle,
                  const char                       **error_message,
                  const struct sqlite3_api_routines *api)
{
  return icat_search_tokenizer_register (handle);
}

void
icat_search_tokenizer_init (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sqlite3_auto_extension ((void (*) (void)) register_on_open);
      g_once_init_leave (&registered, 1);
    }
}

typedef struct {
  void (*emit) (const char *, gsize, gpointer);
  gpointer user_data;
} SplitCall;

static int
split_token (gpointer    user_data,
             const char *token,
             int         length,
             int         start,
             int         end)
{
  SplitCall *call = user_data;

  call->emit (token, length, call->user_data);
  return SQLITE_OK;
}

void
icat_search_tokenizer_split (const char *text,
                             void      (*emit) (const char *token,
                                                gsize       length,
                                                gpointer    user_data),
                             gpointer    user_data)
{
  SplitCall call = { emit, user_data };

  g_return_if_fail (emit != NULL);
  if (text != NULL)
    tokenize_grams (text, strlen (text), split_token, &call);
}
