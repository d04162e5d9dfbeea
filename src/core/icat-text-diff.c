/* icat-text-diff.c — what changed between two versions of a text
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Minutes are long and change a few words at a time, so a coordinator
 * deciding between two versions, or reading a record's history, needs
 * the words that differ, not two pages side by side. The texts are cut
 * into tokens (words with the spaces after them, punctuation, and each
 * Chinese character on its own), the common beginning and end are set aside, and the middle
 * is compared by longest common subsequence.
 */
#define G_LOG_DOMAIN "icat-text-diff"

#include "config.h"

#include "icat-text-diff.h"

/* Above this many token pairs the middle is told as one replacement:
 * the table would cost more than the reader gains. */
#define MAX_TABLE_CELLS (4 * 1024 * 1024)

void
icat_diff_span_free (IcatDiffSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

typedef enum {
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_SINGLE,   /* punctuation, or a character of a script without spaces */
} TokenClass;

static TokenClass
class_of (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
      script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_THAI ||
      !g_unichar_isalnum (c))
    return TOKEN_SINGLE;
  return TOKEN_WORD;
}

/* The tokens of text, each a GString. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GString *));
  const char *p = text;

  while (*p != '\0')
    {
      TokenClass class = class_of (g_utf8_get_char (p));
      const char *end = g_utf8_next_char (p);
      GString *token;

      if (class != TOKEN_SINGLE)
        while (*end != '\0' && class_of (g_utf8_get_char (end)) == class)
          end = g_utf8_next_char (end);
      /* The spaces after a word go with it: a lone space in common would
       * otherwise stitch two unrelated sentences together. */
      if (class != TOKEN_SPACE)
        while (*end != '\0' && class_of (g_utf8_get_char (end)) == TOKEN_SPACE)
          end = g_utf8_next_char (end);
      token = g_string_new_len (p, end - p);
      g_array_append_val (tokens, token);
      p = end;
    }
  return tokens;
}

static void
tokens_free (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    g_string_free (g_array_index (tokens, GString *, i), TRUE);
  g_array_unref (tokens);
}

static gboolean
token_equal (GArray *a,
             guint   i,
             GArray *b,
             guint   j)
{
  return g_string_equal (g_array_index (a, GString *, i), g_array_index (b, GString *, j));
}

/* A span being built: its text grows a token at a time. */
typedef struct {
  IcatDiffKind  kind;
  GString      *text;
} Piece;

static void
add_token (GArray       *pieces,
           IcatDiffKind  kind,
           GArray       *tokens,
           guint         i)
{
  const GString *token = g_array_index (tokens, GString *, i);
  Piece *last = pieces->len > 0 ? &g_array_index (pieces, Piece, pieces->len - 1) : NULL;
  Piece piece;

  if (last != NULL && last->kind == kind)
    {
      g_string_append_len (last->text, token->str, token->len);
      return;
    }
  piece.kind = kind;
  piece.text = g_string_new_len (token->str, token->len);
  g_array_append_val (pieces, piece);
}

/* Compares old[from_old, to_old) with new[from_new, to_new) through the
 * table of common subsequence lengths of their suffixes. */
static void
diff_middle (GArray    *spans,
             GArray    *old,
             guint      from_old,
             guint      to_old,
             GArray    *new,
             guint      from_new,
             guint      to_new)
{
  gsize n = to_old - from_old, m = to_new - from_new;
  g_autofree guint32 *lengths = NULL;
  gsize i = 0, j = 0;

#define CELL(a, b) lengths[(a) * (m + 1) + (b)]
  if (n == 0 || m == 0 || n * m > MAX_TABLE_CELLS)
    {
      for (guint k = from_old; k < to_old; k++)
        add_token (spans, ICAT_DIFF_REMOVED, old, k);
      for (guint k = from_new; k < to_new; k++)
        add_token (spans, ICAT_DIFF_ADDED, new, k);
      return;
    }
  lengths = g_new0 (guint32, (n + 1) * (m + 1));
  for (gsize a = n; a-- > 0;)
    for (gsize b = m; b-- > 0;)
      CELL (a, b) = token_equal (old, from_old + a, new, from_new + b)
                    ? CELL (a + 1, b + 1) + 1
                    : MAX (CELL (a + 1, b), CELL (a, b + 1));
  while (i < n || j < m)
    {
      if (i < n && j < m && token_equal (old, from_old + i, new, from_new + j))
        add_token (spans, ICAT_DIFF_SAME, old, from_old + i++), j++;
      else if (j == m || (i < n && CELL (i + 1, j) >= CELL (i, j + 1)))
        add_token (spans, ICAT_DIFF_REMOVED, old, from_old + i++);
      else
        add_token (spans, ICAT_DIFF_ADDED, new, from_new + j++);
    }
#undef CELL
}

/* Puts each removal before the addition beside it, so a replacement
 * reads "old → new" whatever order the table walked them in, and joins
 * the spans of one kind that this puts side by side. */
static GPtrArray *
ordered_spans (GArray *pieces)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_diff_span_free);

  for (guint i = 1; i < pieces->len; i++)
    {
      Piece *before = &g_array_index (pieces, Piece, i - 1);
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (before->kind == ICAT_DIFF_ADDED && piece->kind == ICAT_DIFF_REMOVED)
        {
          Piece swap = *before;

          *before = *piece;
          *piece = swap;
          if (i >= 2)
            i -= 2;
        }
    }
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      IcatDiffSpan *last = spans->len > 0 ? spans->pdata[spans->len - 1] : NULL;
      IcatDiffSpan *span;

      if (last != NULL && last->kind == piece->kind)
        {
          char *joined = g_strconcat (last->text, piece->text->str, NULL);

          g_free (last->text);
          last->text = joined;
          g_string_free (piece->text, TRUE);
          continue;
        }
      span = g_new0 (IcatDiffSpan, 1);
      span->kind = piece->kind;
      span->text = g_string_free (piece->text, FALSE);
      g_ptr_array_add (spans, span);
    }
  return spans;
}

GPtrArray *
icat_text_diff (const char *old_text,
                const char *new_text)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  GArray *old = tokenize (old_text ? old_text : "");
  GArray *new = tokenize (new_text ? new_text : "");
  guint start = 0, old_end = old->len, new_end = new->len;

  while (start < old_end && start < new_end && token_equal (old, start, new, start))
    add_token (pieces, ICAT_DIFF_SAME, old, start++);
  while (old_end > start && new_end > start && token_equal (old, old_end - 1, new, new_end - 1))
    old_end--, new_end--;
  diff_middle (pieces, old, start, old_end, new, start, new_end);
  for (guint k = old_end; k < old->len; k++)
    add_token (pieces, ICAT_DIFF_SAME, old, k);
  tokens_free (old);
  tokens_free (new);
  return ordered_spans (pieces);
}
