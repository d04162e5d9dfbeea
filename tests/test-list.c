/* test-list.c — lazy record lists: filters and order in SQL, exact items-changed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-record-list.h"
#include "icat-test-util.h"

typedef struct {
  char      *dir;
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
  fixture->store = icat_test_store_new (fixture->dir, NULL);
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

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/list/other-kinds", Fixture, NULL, fixture_set_up, test_other_kinds, fixture_tear_down);
  g_test_add ("/list/items-changed", Fixture, NULL, fixture_set_up, test_items_changed, fixture_tear_down);
  g_test_add ("/list/scale", Fixture, NULL, fixture_set_up, test_scale, fixture_tear_down);
  return g_test_run ();
}
