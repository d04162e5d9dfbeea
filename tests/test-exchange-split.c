/* test-exchange-split.c — a document's record lists cut into one piece per record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-exchange-split.h"

static guint
kind_index (const char *plural)
{
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    if (strcmp (kinds[k]->plural, plural) == 0)
      return k;
  g_assert_not_reached ();
}

/* The text of each record of a kind, joined by "|". */
static char *
records_of (IcatExchangeSplit *split,
            const char        *text,
            const char        *plural)
{
  GArray *spans = split->spans[kind_index (plural)];
  g_autoptr(GString) joined = g_string_new (NULL);

  if (spans == NULL)
    return NULL;
  for (guint i = 0; i < spans->len; i++)
    {
      IcatRecordSpan *span = &g_array_index (spans, IcatRecordSpan, i);

      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append_len (joined, text + span->offset, span->length);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static IcatExchangeSplit *
split_text (const char *text)
{
  return icat_exchange_split (text, strlen (text));
}

static void
test_records_cut (void)
{
  const char *text =
    "{\"format\": \"icat-tracker\", \"version\": 1,\n"
    " \"agencies\": [ {\"id\": \"a\", \"name\": \"x, [y] {z} \\\"q\\\"\"} ,\n"
    "   {\"id\": \"b\", \"memberships\": [{\"from\": 2007}, {\"from\": 2010}]}\n ],\n"
    " \"meetings\": [],\n"
    " \"notes\": [1, 2],\n"
    " \"action_items\": [1, \"two\", true, null, [3, 4]]}\n";
  g_autoptr(IcatExchangeSplit) split = split_text (text);
  g_autofree char *agencies = NULL;
  g_autofree char *meetings = NULL;
  g_autofree char *items = NULL;

  g_assert_nonnull (split);
  agencies = records_of (split, text, "agencies");
  meetings = records_of (split, text, "meetings");
  items = records_of (split, text, "action_items");
  g_assert_cmpstr (agencies, ==,
                   "{\"id\": \"a\", \"name\": \"x, [y] {z} \\\"q\\\"\"}|"
                   "{\"id\": \"b\", \"memberships\": [{\"from\": 2007}, {\"from\": 2010}]}");
  g_assert_cmpstr (meetings, ==, "");
  g_assert_cmpstr (items, ==, "1|\"two\"|true|null|[3, 4]");
  /* Not a kind of record: left whole. */
  g_assert_null (split->spans[kind_index ("papers")]);
  g_assert_cmpstr (split->skeleton, ==,
                   "{\"format\": \"icat-tracker\", \"version\": 1,\n"
                   " \"agencies\": [],\n"
                   " \"meetings\": [],\n"
                   " \"notes\": [1, 2],\n"
                   " \"action_items\": []}\n");
  g_assert_cmpuint (split->skeleton_length, ==, strlen (split->skeleton));
}

static void
test_nested_names_not_taken (void)
{
  /* "agencies" inside a record is a field, not the document's list. */
  const char *text = "{\"papers\": [{\"agencies\": [1, 2], \"t\": \"a\"}], \"x\": {\"agencies\": [3]}}";
  g_autoptr(IcatExchangeSplit) split = split_text (text);
  g_autofree char *papers = NULL;

  g_assert_nonnull (split);
  papers = records_of (split, text, "papers");
  g_assert_cmpstr (papers, ==, "{\"agencies\": [1, 2], \"t\": \"a\"}");
  g_assert_null (split->spans[kind_index ("agencies")]);
  g_assert_cmpstr (split->skeleton, ==, "{\"papers\": [], \"x\": {\"agencies\": [3]}}");
}

/* What is not plainly right is left for json-glib to read whole. */
static void
test_refused (void)
{
  static const char * const refused[] = {
    "[]",
    "\"text\"",
    "{\"agencies\": [{\"id\": 1} {\"id\": 2}]}",  /* no comma */
    "{\"agencies\": [{\"id\": 1},]}",             /* a comma too many */
    "{\"agencies\": [,{\"id\": 1}]}",
    "{\"agencies\": [1 2]}",
    "{\"agencies\": [\"a\" \"b\"]}",
    "{\"agencies\": [], \"agencies\": []}",       /* named twice */
    "{\"agen\\u0063ies\": [1]}",                   /* a name with an escape */
    "{\"agencies\": [1}",
    "{\"agencies\": [1]",
    "{\"agencies\": [1]} {}",
    "{\"agencies\": [\"open]}",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(IcatExchangeSplit) split = split_text (refused[i]);

      if (split != NULL)
        g_error ("cut, but should not have been: %s", refused[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exchange-split/records-cut", test_records_cut);
  g_test_add_func ("/exchange-split/nested-names-not-taken", test_nested_names_not_taken);
  g_test_add_func ("/exchange-split/refused", test_refused);
  return g_test_run ();
}
