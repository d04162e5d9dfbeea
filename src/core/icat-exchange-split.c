/* icat-exchange-split.c — a document's record lists cut into one piece per record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib builds a tree of a whole document, and for ten years of data
 * that tree is half a gigabyte. Cut at its records, the same document is
 * read one record at a time, each by json-glib, so the memory an import
 * needs stays that of one record: json-glib remains the one reader of the
 * format, and the cutting only finds where each record's text starts and
 * ends.
 *
 * The cut is made only where it is plainly right: the document is an
 * object whose members named after a kind of record ("agencies",
 * "action_items"...) are lists, each named once, with member names
 * written without escapes, and values separated by single commas.
 * Anything else returns NULL, and the caller reads the document whole, so
 * a broken document gets json-glib's own words and the place of its
 * fault, as before.
 */
#define G_LOG_DOMAIN "icat-exchange-split"

#include "config.h"

#include <string.h>

#include "icat-exchange-split.h"

typedef struct {
  const char        *text;
  gsize              length;
  IcatExchangeSplit *split;
  GString           *skeleton;
  gsize              copied;        /* text before this is in skeleton */
  guint              depth;
  gboolean           ended;         /* the document's object closed */
  gboolean           in_string;
  gboolean           escaped;
  /* Members of the document itself (depth 1). */
  gboolean           expect_name;
  gsize              name_start;
  int                name_kind;     /* the kind a member's name is, or -1 */
  gboolean           expect_value;  /* after the name's ':' */
  /* Inside a list that is cut (depth 2 in it). */
  GArray            *list;
  gboolean           has_value;     /* the current place holds a value */
  gsize              value_start;
  gboolean           value_closed;  /* only ',' or ']' may follow */
} Cutter;

static int
kind_of_name (const char *name,
              gsize       length)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    if (strlen (kinds[k]->plural) == length && memcmp (kinds[k]->plural, name, length) == 0)
      return k;
  return -1;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The value in the current place of the list ends before end. */
static gboolean
end_value (Cutter *cutter,
           gsize   end)
{
  IcatRecordSpan span;

  if (!cutter->has_value)
    return FALSE;
  while (end > cutter->value_start && is_space (cutter->text[end - 1]))
    end--;
  span.offset = cutter->value_start;
  span.length = end - cutter->value_start;
  g_array_append_val (cutter->list, span);
  cutter->has_value = FALSE;
  cutter->value_closed = FALSE;
  return TRUE;
}

static gboolean
open_list (Cutter *cutter,
           gsize   at)
{
  if (cutter->split->spans[cutter->name_kind] != NULL)
    return FALSE;  /* named twice */
  cutter->list = cutter->split->spans[cutter->name_kind] = g_array_new (FALSE, FALSE, sizeof (IcatRecordSpan));
  g_string_append_len (cutter->skeleton, cutter->text + cutter->copied, at + 1 - cutter->copied);
  cutter->has_value = FALSE;
  cutter->value_closed = FALSE;
  return TRUE;
}

static gboolean
close_list (Cutter *cutter,
            gsize   at)
{
  if (cutter->has_value ? !end_value (cutter, at) : cutter->list->len > 0)
    return FALSE;  /* "[1,]" */
  cutter->list = NULL;
  cutter->copied = at;
  return TRUE;
}

/* A character outside strings, at depth 1: the document's own members. */
static gboolean
member_char (Cutter *cutter,
             gsize   at)
{
  char c = cutter->text[at];

  if (cutter->expect_value)
    {
      cutter->expect_value = FALSE;
      if (c == '[' && cutter->name_kind >= 0)
        return open_list (cutter, at);
      return TRUE;
    }
  if (c == ',')
    cutter->expect_name = TRUE;
  else if (c == ':')
    cutter->expect_value = TRUE;
  return TRUE;
}

/* A character outside strings, at depth 2 of a list that is cut. */
static gboolean
list_char (Cutter *cutter,
           gsize   at)
{
  char c = cutter->text[at];

  if (c == ',')
    return end_value (cutter, at);
  if (c == ']')
    return TRUE;  /* close_list () at the depth change */
  if (!cutter->has_value)
    {
      cutter->has_value = TRUE;
      cutter->value_start = at;
      cutter->value_closed = FALSE;
      return TRUE;
    }
  return !cutter->value_closed;
}

static gboolean
string_char (Cutter *cutter,
             gsize   at)
{
  char c = cutter->text[at];

  if (cutter->escaped)
    cutter->escaped = FALSE;
  else if (c == '\\')
    {
      cutter->escaped = TRUE;
      /* A member name of the document written with escapes could be a
       * kind's name json-glib sees and this does not. */
      if (cutter->depth == 1 && cutter->expect_name)
        return FALSE;
    }
  else if (c == '"')
    {
      cutter->in_string = FALSE;
      if (cutter->depth == 1 && cutter->expect_name)
        {
          cutter->expect_name = FALSE;
          cutter->name_kind = kind_of_name (cutter->text + cutter->name_start, at - cutter->name_start);
        }
      else if (cutter->list != NULL && cutter->depth == 2)
        cutter->value_closed = TRUE;
    }
  return TRUE;
}

static gboolean
structure_char (Cutter *cutter,
                gsize   at)
{
  char c = cutter->text[at];

  if (c == '{' || c == '[')
    {
      cutter->depth++;
      if (cutter->depth == 1)
        cutter->expect_name = TRUE;
      return TRUE;
    }
  if (cutter->depth == 0)
    return FALSE;
  if (cutter->list != NULL && cutter->depth == 2)
    {
      if (c != ']' || !close_list (cutter, at))
        return FALSE;
    }
  cutter->depth--;
  cutter->ended = cutter->depth == 0;
  if (cutter->list != NULL && cutter->depth == 2)
    cutter->value_closed = TRUE;
  return TRUE;
}

static gboolean
cut (Cutter *cutter)
{
  for (gsize at = 0; at < cutter->length; at++)
    {
      char c = cutter->text[at];
      gboolean in_list = cutter->list != NULL && cutter->depth == 2;

      if (cutter->in_string)
        {
          if (!string_char (cutter, at))
            return FALSE;
          continue;
        }
      if (is_space (c))
        {
          if (in_list && cutter->has_value)
            cutter->value_closed = TRUE;  /* a number or word ends */
          continue;
        }
      /* One object, and nothing after it. */
      if (cutter->depth == 0 && (c != '{' || cutter->ended))
        return FALSE;
      if (cutter->depth == 1 && !member_char (cutter, at))
        return FALSE;
      if (in_list && !list_char (cutter, at))
        return FALSE;
      if (c == '"')
        {
          cutter->in_string = TRUE;
          cutter->name_start = at + 1;
        }
      else if ((c == '{' || c == '[' || c == '}' || c == ']') && !structure_char (cutter, at))
        return FALSE;
    }
  return cutter->ended && !cutter->in_string;
}

IcatExchangeSplit *
icat_exchange_split (const char *text,
                     gsize       length)
{
  g_autoptr(IcatExchangeSplit) split = g_new0 (IcatExchangeSplit, 1);
  g_autoptr(GString) skeleton = g_string_new (NULL);
  Cutter cutter = { text, length, split, skeleton, 0, };

  cutter.name_kind = -1;
  if (!cut (&cutter))
    return NULL;
  g_string_append_len (skeleton, text + cutter.copied, length - cutter.copied);
  split->skeleton_length = skeleton->len;
  split->skeleton = g_string_free (g_steal_pointer (&skeleton), FALSE);
  return g_steal_pointer (&split);
}

void
icat_exchange_split_free (IcatExchangeSplit *split)
{
  for (guint k = 0; k < G_N_ELEMENTS (split->spans); k++)
    if (split->spans[k] != NULL)
      g_array_unref (split->spans[k]);
  g_free (split->skeleton);
  g_free (split);
}
