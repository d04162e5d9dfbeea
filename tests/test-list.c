/* test-list.c — lazy record lists: filters and order in SQL, exact items-changed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-record-list.h"
#include "icat-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  IcatStore *store;
  char      *unodc;
  char      *ilo;
  char      *mandate_10;   /* A/RES/72/195 para 10, pillar coordination */
  GArray    *changes;      /* guint triples: position, removed, added */
} Fixture;

static char *
mandate_id (IcatStore  *store,
            const char *document,
            const char *paragraph)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (store, "mandate");

  icat_record_list_set_filter (list, ICAT_FILTER_DOCUMENT, document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (icat_record_get_string (record, "paragraph"), paragraph) == 0)
        return g_strdup (icat_record_get_id (record));
    }
  g_assert_not_reached ();
}

static char *
add_item (Fixture    *fixture,
          const char *title,
          const char *owner,
          const char *status,
          const char *due,
          const char *mandate)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (changes, "title", title);
  json_object_set_string_member (changes, "owner", owner);
  json_object_set_string_member (changes, "status", status);
  json_object_set_string_member (changes, "due", due);
  if (mandate != NULL)
    {
      JsonArray *mandates = json_array_new ();

      json_array_add_string_element (mandates, mandate);
      json_object_set_array_member (changes, "mandates", mandates);
    }
  id = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, &fixture->path);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
  fixture->ilo = icat_test_agency_id (fixture->store, "ILO");
  fixture->mandate_10 = mandate_id (fixture->store, "A/RES/72/195", "10");
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));

  a = add_item (fixture, "Convene the principals", fixture->unodc, "open", "2026-03-01", fixture->mandate_10);
  b = add_item (fixture, "Brief Member States", fixture->unodc, "done", "2026-06-15", NULL);
  c = add_item (fixture, "Issue brief on technology", fixture->ilo, "in-progress", "2026-09-30", NULL);
  d = add_item (fixture, "Annual chairs' report", fixture->ilo, "open", "2027-01-31", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
  g_free (fixture->unodc);
  g_free (fixture->ilo);
  g_free (fixture->mandate_10);
  g_array_unref (fixture->changes);
  icat_test_tmpdir_free (fixture->dir);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_array_append_val (fixture->changes, position);
  g_array_append_val (fixture->changes, removed);
  g_array_append_val (fixture->changes, added);
}

static char *
titles (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i ? "|" : "", icat_record_get_title (record));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_titles(list, expected) \
  G_STMT_START { \
    g_autofree char *_titles = titles (G_LIST_MODEL (list)); \
    g_assert_cmpstr (_titles, ==, expected); \
  } G_STMT_END

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (fixture->store, "action_item");

  g_assert_true (icat_record_list_set_sort (list, "due", FALSE));
  assert_titles (list, "Convene the principals|Brief Member States|Issue brief on technology|Annual chairs' report");

  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_AGENCY, fixture->ilo));
  assert_titles (list, "Issue brief on technology|Annual chairs' report");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_AGENCY, NULL));

  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_STATUS, "open"));
  assert_titles (list, "Convene the principals|Annual chairs' report");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_STATUS, NULL));

  /* Overdue on 1 October 2026: still open and due before then. */
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_DUE_BEFORE, "2026-10-01"));
  assert_titles (list, "Convene the principals|Issue brief on technology");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_DUE_BEFORE, NULL));

  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_YEAR, "2027"));
  assert_titles (list, "Annual chairs' report");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_YEAR, NULL));

  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_MANDATE, fixture->mandate_10));
  assert_titles (list, "Convene the principals");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_MANDATE, NULL));

  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_PILLAR, "coordination"));
  assert_titles (list, "Convene the principals");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_PILLAR, "prosecution"));
  assert_titles (list, "");
  g_assert_true (icat_record_list_set_filter (list, ICAT_FILTER_PILLAR, NULL));

  g_assert_true (icat_record_list_set_sort (list, "title", TRUE));
  assert_titles (list, "Issue brief on technology|Convene the principals|Brief Member States|Annual chairs' report");
  g_assert_true (icat_record_list_set_sort (list, "owner", FALSE));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      /* By acronym: ILO's two items, then UNODC's. */
      g_assert_cmpstr (icat_record_get_string (record, "owner"), ==, i < 2 ? fixture->ilo : fixture->unodc);
    }

  /* Filters a kind does not have are refused, not ignored. */
  g_assert_false (icat_record_list_set_filter (list, ICAT_FILTER_DOCUMENT, "A/RES/72/195"));
  g_assert_false (icat_record_list_set_sort (list, "acronym", FALSE));
}

static void
test_other_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IcatRecordList) mandates = icat_record_list_new (fixture->store, "mandate");
  g_autoptr(IcatRecordList) meetings = icat_record_list_new (fixture->store, "meeting");
  g_autoptr(IcatRecordList) papers = icat_record_list_new (fixture->store, "paper");
  g_autoptr(IcatRecordList) chairs = icat_record_list_new (fixture->store, "chair_term");
  g_autoptr(IcatRecord) first = NULL;
  g_autoptr(IcatRecord) annex = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mandates)), ==, 119);
  icat_record_list_set_filter (mandates, ICAT_FILTER_DOCUMENT, "A/RES/64/293");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mandates)), ==, 68);
  /* Paragraphs in the document's order: 1..7, then annex 1..61. */
  first = g_list_model_get_item (G_LIST_MODEL (mandates), 0);
  annex = g_list_model_get_item (G_LIST_MODEL (mandates), 7);
  g_assert_cmpstr (icat_record_get_string (first, "paragraph"), ==, "1");
  g_assert_cmpstr (icat_record_get_string (annex, "paragraph"), ==, "annex 1");

  icat_record_list_set_filter (meetings, ICAT_FILTER_KIND, "member-state-briefing");
  icat_record_list_set_filter (meetings, ICAT_FILTER_YEAR, "2017");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (meetings)), ==, 2);

  icat_record_list_set_filter (papers, ICAT_FILTER_KIND, "policy-paper");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (papers)), ==, 4);

  icat_record_list_set_filter (chairs, ICAT_FILTER_AGENCY, fixture->unodc);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (chairs)), >=, 1);
}

static void
assert_changes (Fixture *fixture,
                guint    position,
                guint    removed,
                guint    added)
{
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 2), ==, added);
  g_array_set_size (fixture->changes, 0);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (fixture->store, "action_item");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *ignored = NULL;

  icat_record_list_set_sort (list, "due", FALSE);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);

  /* A new item due in May lands at position 1, and only that is announced. */
  id = add_item (fixture, "Draft the Call to Action", fixture->ilo, "open", "2026-05-01", NULL);
  flush_main_loop ();
  assert_changes (fixture, 1, 0, 1);

  /* An edit that keeps the order moves no row; the row's record updates itself. */
  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "title", "Draft the Call to Action on crises");
  ignored = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  flush_main_loop ();
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Moving it to the end touches the range between its old and new places. */
  g_clear_pointer (&ignored, g_free);
  json_object_set_string_member (changes, "due", "2027-12-31");
  ignored = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  flush_main_loop ();
  assert_changes (fixture, 1, 4, 4);

  g_assert_true (icat_store_delete (fixture->store, "action_item", id, &error));
  flush_main_loop ();
  assert_changes (fixture, 4, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_signal_handlers_disconnect_by_func (list, items_changed_cb, fixture);
}

static void
test_scale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) document = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatRecordList) list = NULL;
  g_autoptr(IcatRecord) last = NULL;
  IcatImportSummary summary;
  const guint n = 6000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (document,
                            "%s{\"id\": \"%08x-0000-4000-8000-000000000000\", \"created_at\": \"2026-01-01T00:00:00.000Z\","
                            "\"updated_at\": \"2026-01-01T00:00:00.000Z\", \"updated_by\": \"00000000-0000-4000-8000-000000000000\","
                            "\"title\": \"Item %u\", \"owner\": \"%s\", \"status\": \"%s\", \"due\": \"2026-%02u-%02u\"}",
                            i ? "," : "", i, i, i % 2 ? fixture->ilo : fixture->unodc,
                            i % 3 ? "open" : "done", 1 + i % 12, 1 + i % 28);
  g_string_append (document, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&document));
  g_assert_true (icat_store_import (fixture->store, bytes, "many.json", ICAT_IMPORT_DEFAULT, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.total.added, ==, n);

  list = icat_record_list_new (fixture->store, "action_item");
  icat_record_list_set_filter (list, ICAT_FILTER_AGENCY, fixture->ilo);
  icat_record_list_set_filter (list, ICAT_FILTER_STATUS, "open");
  icat_record_list_set_sort (list, "due", TRUE);
  /* Odd items are ILO's; of those, the ones not divisible by 3 are open;
   * and the fixture's open ILO item. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2001);
  last = g_list_model_get_item (G_LIST_MODEL (list), 2000);
  g_assert_nonnull (last);
  g_assert_cmpstr (icat_record_get_string (last, "owner"), ==, fixture->ilo);
}

/* Positions {{{ */

static char *
save_json (IcatStore  *store,
           const char *json)
{
  g_autoptr(JsonObject) changes = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (store, "action_item", changes, &error);

  g_assert_no_error (error);
  return id;
}

static char *
first_meeting_id (IcatStore *store,
                  gboolean   latest)
{
  g_autoptr(IcatRecordList) meetings = icat_record_list_new (store, "meeting");
  g_autoptr(IcatRecord) meeting = NULL;

  icat_record_list_set_sort (meetings, "starts_at", latest);
  meeting = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  return g_strdup (icat_record_get_id (meeting));
}

/* Items that tie on every sort key but the rowid, lack a due date or a
 * meeting, and belong to two meetings listed out of date order. */
static GPtrArray *
add_tied_items (Fixture *fixture)
{
  g_autofree char *early = first_meeting_id (fixture->store, FALSE);
  g_autofree char *late = first_meeting_id (fixture->store, TRUE);
  const char *owners[] = { fixture->unodc, fixture->ilo };
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GString) json = g_string_new (NULL);

      g_string_printf (json, "{\"title\": \"%s\", \"owner\": \"%s\", \"status\": \"%s\"",
                       i % 3 ? "Tied title" : "Brief Member States", owners[i % 2],
                       i % 4 ? "open" : "blocked");
      if (i % 5 != 0)
        g_string_append_printf (json, ", \"due\": \"2026-06-%02u\"", 15 + i % 2);
      if (i % 3 != 2)
        g_string_append_printf (json, ", \"meeting\": \"%s\"", i % 2 ? early : late);
      if (i % 4 == 1)
        g_string_append (json, ", \"priority\": \"high\"");
      if (i % 6 == 0)
        g_string_append_printf (json, ", \"mandates\": [\"%s\"]", fixture->mandate_10);
      g_string_append_c (json, '}');
      g_ptr_array_add (ids, save_json (fixture->store, json->str));
    }
  return ids;
}

static GPtrArray *
all_item_ids (IcatStore *store)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (store, "action_item");
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (ids, g_strdup (icat_record_get_id (record)));
    }
  return ids;
}

/* Every id the list holds is found where walking the list finds it; every
 * other id, nowhere. */
static void
assert_positions_match_walk (IcatRecordList *list,
                             GPtrArray      *all_ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpuint (icat_record_list_find_position (list, icat_record_get_id (record)), ==, i);
      g_hash_table_add (listed, g_strdup (icat_record_get_id (record)));
    }
  for (guint i = 0; i < all_ids->len; i++)
    if (!g_hash_table_contains (listed, all_ids->pdata[i]))
      g_assert_cmpuint (icat_record_list_find_position (list, all_ids->pdata[i]), ==, G_MAXUINT);
  g_assert_cmpuint (icat_record_list_find_position (list, "00000000-0000-4000-8000-00000000dead"), ==, G_MAXUINT);
}

static void
test_find_position (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *sorts[] = { "due", "title", "status", "priority", "owner", "meeting", "updated_at" };
  g_autoptr(GPtrArray) tied = add_tied_items (fixture);
  g_autoptr(GPtrArray) all = all_item_ids (fixture->store);
  g_autoptr(IcatRecordList) list = icat_record_list_new (fixture->store, "action_item");
  struct { IcatFilter filter; const char *value; } filters[] = {
    { ICAT_N_FILTERS, NULL },
    { ICAT_FILTER_AGENCY, fixture->ilo },
    { ICAT_FILTER_STATUS, "open" },
    { ICAT_FILTER_DUE_BEFORE, "2026-06-16" },
    { ICAT_FILTER_MANDATE, fixture->mandate_10 },
  };

  g_assert_cmpuint (all->len, ==, 16);
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      if (filters[f].filter != ICAT_N_FILTERS)
        g_assert_true (icat_record_list_set_filter (list, filters[f].filter, filters[f].value));
      for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
        for (int descending = 0; descending < 2; descending++)
          {
            g_test_message ("filter %u, sort %s%s", f, sorts[s], descending ? " descending" : "");
            g_assert_true (icat_record_list_set_sort (list, sorts[s], descending));
            g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
            assert_positions_match_walk (list, all);
          }
      if (filters[f].filter != ICAT_N_FILTERS)
        icat_record_list_set_filter (list, filters[f].filter, NULL);
    }
  /* Kinds without a join, and an order with directions of its own. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IcatRecordList) meetings = icat_record_list_new (fixture->store, "meeting");
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      icat_record_list_set_sort (meetings, i ? "upcoming" : "title", i);
      assert_positions_match_walk (meetings, none);
    }
}

/* -1, 0 or 1 as a comes before, level with or after b when ascending;
 * NULL (no value) after everything. */
static int
compare_or_null_last (const char *a,
                      const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return (strcmp (a, b) > 0) - (strcmp (a, b) < 0);
}

static char *
owner_acronym (Fixture    *fixture,
               IcatRecord *item)
{
  g_autoptr(IcatRecord) owner = icat_store_lookup (fixture->store, "agency", icat_record_get_string (item, "owner"));

  return g_strdup (icat_record_get_string (owner, "acronym"));
}

static char *
meeting_start (Fixture    *fixture,
               IcatRecord *item)
{
  const char *id = icat_record_get_string (item, "meeting");
  g_autoptr(IcatRecord) meeting = id ? icat_store_lookup (fixture->store, "meeting", id) : NULL;

  return meeting ? g_strdup (icat_record_get_string (meeting, "starts_at")) : NULL;
}

static void
test_owner_and_meeting_order (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) tied = add_tied_items (fixture);
  g_autoptr(IcatRecordList) list = icat_record_list_new (fixture->store, "action_item");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (int descending = 0; descending < 2; descending++)
    {
      int direction = descending ? -1 : 1;

      /* By acronym (ILO, then UNODC), each agency's items by due date;
       * no due date last, either way. */
      icat_record_list_set_sort (list, "owner", descending);
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(IcatRecord) before = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
          g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_autofree char *before_owner = owner_acronym (fixture, before);
          g_autofree char *owner = owner_acronym (fixture, item);
          const char *before_due = icat_record_get_string (before, "due");
          const char *due = icat_record_get_string (item, "due");

          if (g_strcmp0 (before_owner, owner) != 0)
            g_assert_cmpint (g_ascii_strcasecmp (before_owner, owner) * direction, <, 0);
          else if (before_due != NULL && due != NULL)
            g_assert_cmpint (strcmp (before_due, due) * direction, <=, 0);
          else
            g_assert_cmpint (compare_or_null_last (before_due, due), <=, 0);
        }

      /* By the meeting's date; items of no meeting last, either way. */
      icat_record_list_set_sort (list, "meeting", descending);
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(IcatRecord) before = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
          g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_autofree char *before_start = meeting_start (fixture, before);
          g_autofree char *start = meeting_start (fixture, item);

          if (before_start != NULL && start != NULL)
            g_assert_cmpint (strcmp (before_start, start) * direction, <=, 0);
          else
            g_assert_cmpint (compare_or_null_last (before_start, start), <=, 0);
        }
    }
}

/* Descending is the ascending order read backwards, ties too. */
static void
test_descending_reverses (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) tied = add_tied_items (fixture);
  g_autoptr(IcatRecordList) ascending = icat_record_list_new (fixture->store, "action_item");
  g_autoptr(IcatRecordList) descending = icat_record_list_new (fixture->store, "action_item");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ascending));

  icat_record_list_set_sort (ascending, "title", FALSE);
  icat_record_list_set_sort (descending, "title", TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) a = g_list_model_get_item (G_LIST_MODEL (ascending), i);
      g_autoptr(IcatRecord) d = g_list_model_get_item (G_LIST_MODEL (descending), n - 1 - i);

      g_assert_cmpstr (icat_record_get_id (a), ==, icat_record_get_id (d));
    }
}

static gboolean
lists_item (IcatRecordList *list,
            const char     *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (icat_record_get_id (record), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A record written a moment ago, by this store (its notice not yet
 * delivered) or by another program (no notice at all), is found where the
 * list, read again, holds it. */
static void
test_find_new_record (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IcatRecordList) list = icat_record_list_new (fixture->store, "action_item");
  g_autoptr(IcatStore) other = icat_store_open (fixture->path, NULL);
  g_autofree char *mine = NULL;
  g_autofree char *json = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(IcatRecord) first = NULL;

  icat_record_list_set_sort (list, "due", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  mine = add_item (fixture, "Sorts first", fixture->ilo, "open", "2025-01-01", NULL);
  g_assert_cmpuint (icat_record_list_find_position (list, mine), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  g_assert_nonnull (other);
  json = g_strdup_printf ("{\"title\": \"From the command line\", \"owner\": \"%s\", \"status\": \"open\","
                          " \"due\": \"2026-04-01\"}", fixture->unodc);
  theirs = save_json (other, json);
  g_assert_false (lists_item (list, theirs));
  g_assert_cmpuint (icat_record_list_find_position (list, theirs), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (icat_record_get_id (first), ==, theirs);
  icat_store_sync (other);
}

/* A published paper leaves the board for the archive once its date (a
 * day, a month or a year, else its year, else its last change) is wholly
 * before the day given; papers at other stages never do. */
static void
test_paper_archive (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *fields; gboolean archived; } papers[] = {
    { "\"status\": \"published\", \"published_on\": \"2025-12-05\"", TRUE },
    { "\"status\": \"published\", \"published_on\": \"2025-12-06\"", FALSE },
    { "\"status\": \"published\", \"published_on\": \"2025-11\"", TRUE },
    { "\"status\": \"published\", \"published_on\": \"2025-12\"", FALSE },
    { "\"status\": \"published\", \"published_on\": \"2025\"", FALSE },
    { "\"status\": \"published\", \"published_on\": \"2024\", \"year\": 2026", TRUE },
    { "\"status\": \"published\", \"year\": 2024", TRUE },
    { "\"status\": \"published\", \"year\": 2025", FALSE },
    /* No date at all: the day it was saved, today. */
    { "\"status\": \"published\"", FALSE },
    { "\"status\": \"drafting\", \"year\": 2010, \"published_on\": \"2010\"", FALSE },
  };
  g_autoptr(IcatRecordList) archive = icat_record_list_new (fixture->store, "paper");
  g_autoptr(IcatRecordList) board = icat_record_list_new (fixture->store, "paper");
  g_autoptr(IcatRecordList) all = icat_record_list_new (fixture->store, "paper");
  g_autoptr(IcatRecordList) items = icat_record_list_new (fixture->store, "action_item");
  guint seeded = g_list_model_get_n_items (G_LIST_MODEL (all));

  g_assert_true (icat_record_list_set_filter (archive, ICAT_FILTER_ARCHIVED, "2025-12-06"));
  g_assert_true (icat_record_list_set_filter (board, ICAT_FILTER_ON_BOARD, "2025-12-06"));
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"kind\": \"report\", \"title\": {\"en\": \"Paper %u\"}, %s}",
                                               i, papers[i].fields);
      g_autoptr(JsonObject) paper = icat_test_object (json);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = icat_store_save (fixture->store, "paper", paper, &error);

      g_assert_no_error (error);
      g_test_message ("paper %u: %s", i, papers[i].fields);
      icat_record_list_refresh (archive);
      icat_record_list_refresh (board);
      g_assert_cmpint (lists_item (archive, id), ==, papers[i].archived);
      g_assert_cmpint (lists_item (board, id), ==, !papers[i].archived);
    }
  /* Each paper is on exactly one of the two. */
  icat_record_list_refresh (all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, seeded + G_N_ELEMENTS (papers));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archive)) +
                    g_list_model_get_n_items (G_LIST_MODEL (board)), ==, seeded + G_N_ELEMENTS (papers));
  /* Other kinds have no archive. */
  g_assert_false (icat_record_list_set_filter (items, ICAT_FILTER_ARCHIVED, "2025-12-06"));
  g_assert_false (icat_record_list_set_filter (items, ICAT_FILTER_ON_BOARD, "2025-12-06"));
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/list/other-kinds", Fixture, NULL, fixture_set_up, test_other_kinds, fixture_tear_down);
  g_test_add ("/list/items-changed", Fixture, NULL, fixture_set_up, test_items_changed, fixture_tear_down);
  g_test_add ("/list/scale", Fixture, NULL, fixture_set_up, test_scale, fixture_tear_down);
  g_test_add ("/list/paper-archive", Fixture, NULL, fixture_set_up, test_paper_archive, fixture_tear_down);
  g_test_add ("/list/find-position", Fixture, NULL, fixture_set_up, test_find_position, fixture_tear_down);
  g_test_add ("/list/find-position/new-record", Fixture, NULL, fixture_set_up, test_find_new_record,
              fixture_tear_down);
  g_test_add ("/list/owner-and-meeting-order", Fixture, NULL, fixture_set_up, test_owner_and_meeting_order,
              fixture_tear_down);
  g_test_add ("/list/descending-reverses", Fixture, NULL, fixture_set_up, test_descending_reverses,
              fixture_tear_down);
  return g_test_run ();
}
