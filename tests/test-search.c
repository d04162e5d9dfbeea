/* test-search.c — full-text search in Chinese and English
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-test-util.h"

typedef struct {
  char      *dir;
  IcatStore *store;
  char      *meeting;
  char      *item;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = icat_test_object (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Geneva\", \"zh\": \"工作组日内瓦会议\"},"
    " \"starts_at\": \"2026-05-12T07:00:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Zurich\","
    " \"venue\": \"Geneva\", \"agenda\": [{\"id\": \"aaaaaaaa-0000-4000-8000-000000000001\", \"position\": 0,"
    " \"title\": \"Work plan\", \"minutes\": \"会议讨论了年度工作计划，主席总结了意见。\"}]}");
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
  fixture->meeting = icat_store_save (fixture->store, "meeting", meeting, &error);
  g_assert_no_error (error);

  owner = icat_test_agency_id (fixture->store, "IOM");
  json_object_set_string_member (item, "title", "Collect non-punishment case studies");
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  fixture->item = icat_store_save (fixture->store, "action_item", item, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->meeting);
  g_free (fixture->item);
  icat_test_tmpdir_free (fixture->dir);
}

static gboolean
finds (IcatStore  *store,
       const char *text,
       const char *kind,
       const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 200, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      IcatSearchHit *hit = hits->pdata[i];

      g_assert_nonnull (hit->title);
      if (g_strcmp0 (hit->kind, kind) == 0 && (id == NULL || g_strcmp0 (hit->id, id) == 0))
        return TRUE;
    }
  return FALSE;
}

static guint
count_hits (IcatStore  *store,
            const char *text)
{
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 500, NULL);

  return hits ? hits->len : 0;
}

static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  /* Two-character words, which the trigram index alone cannot find. */
  g_assert_true (finds (fixture->store, "会议", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "主席", "meeting", fixture->meeting));
  /* Longer words through the index; the seed's mandates are in Chinese. */
  g_assert_true (finds (fixture->store, "工作计划", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "贩运人口", "mandate", NULL));
  g_assert_true (finds (fixture->store, "日内瓦", "meeting", fixture->meeting));
  /* One character still works, by substring. */
  g_assert_true (finds (fixture->store, "席", "meeting", fixture->meeting));
  g_assert_cmpuint (count_hits (fixture->store, "不存在的词语"), ==, 0);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_true (finds (fixture->store, "non-punishment", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "NON-PUNISHMENT", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "case studies", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "Geneva", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "UNODC", "agency", NULL));
  /* Short words, and several words of which one is short. */
  g_assert_true (finds (fixture->store, "IOM", "agency", NULL));
  g_assert_true (finds (fixture->store, "st case", "action_item", fixture->item));
  g_assert_cmpuint (count_hits (fixture->store, "zzzzqqq"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "   "), ==, 0);
  /* Quotes and operators are text, not query syntax. */
  g_assert_cmpuint (count_hits (fixture->store, "\"OR\" NEAR("), ==, 0);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;

  json_object_set_string_member (changes, "id", fixture->item);
  json_object_set_string_member (changes, "title", "Map referral mechanisms");
  ignored = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  g_assert_false (finds (fixture->store, "non-punishment", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "referral", "action_item", fixture->item));

  g_assert_true (icat_store_undo (fixture->store, &error));
  g_assert_true (finds (fixture->store, "non-punishment", "action_item", fixture->item));

  g_assert_true (icat_store_delete (fixture->store, "action_item", fixture->item, &error));
  g_assert_false (finds (fixture->store, "non-punishment", "action_item", NULL));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/search/chinese", Fixture, NULL, fixture_set_up, test_chinese, fixture_tear_down);
  g_test_add ("/search/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/search/follows-changes", Fixture, NULL, fixture_set_up, test_follows_changes, fixture_tear_down);
  return g_test_run ();
}
