/* test-search.c — full-text search in Chinese and English
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-db.h"
#include "icat-fields.h"
#include "icat-search.h"
#include "icat-search-tokenizer.h"
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
  /* The short-term index follows the edit too. */
  g_assert_true (finds (fixture->store, "rr", "action_item", fixture->item));
  g_assert_false (finds (fixture->store, "ud", "action_item", fixture->item));

  g_assert_true (icat_store_undo (fixture->store, &error));
  g_assert_true (finds (fixture->store, "non-punishment", "action_item", fixture->item));

  g_assert_true (icat_store_delete (fixture->store, "action_item", fixture->item, &error));
  g_assert_false (finds (fixture->store, "non-punishment", "action_item", NULL));
  g_assert_false (finds (fixture->store, "ud", "action_item", fixture->item));
}

/* The ids of what a search finds, in order, joined by spaces. */
static char *
hit_ids (IcatStore  *store,
         const char *text,
         guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, limit, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ((IcatSearchHit *) hits->pdata[i])->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
save_item (IcatStore  *store,
           const char *title,
           const char *description)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  char *id;

  json_object_set_string_member (item, "title", title);
  if (description != NULL)
    json_object_set_string_member (item, ICAT_KEY_DESCRIPTION, description);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_short_terms (Fixture       *fixture,
                  gconstpointer  data)
{
  /* One and two characters, Latin, anywhere in a word, in any case. */
  g_assert_true (finds (fixture->store, "ud", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "UD", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "-p", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "C", "action_item", fixture->item));
  g_assert_false (finds (fixture->store, "q", "action_item", fixture->item));
  g_assert_false (finds (fixture->store, "xq", "action_item", fixture->item));
  /* One and two Chinese characters, from the title and from the minutes. */
  g_assert_true (finds (fixture->store, "瓦", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "议讨", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "，主", "meeting", fixture->meeting));
  g_assert_false (finds (fixture->store, "讨会", "meeting", fixture->meeting));
  /* A pair never spans the white space terms are split on. */
  g_assert_false (finds (fixture->store, "ts", "action_item", fixture->item));
  g_assert_false (finds (fixture->store, "nc", "action_item", fixture->item));
}

static void
test_several_terms (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Short and long terms together, each a substring of the record. */
  g_assert_true (finds (fixture->store, "会议 工作计划", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "ud non-pun", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "ca st", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "Geneva 主席", "meeting", fixture->meeting));
  /* Every term must be in the same record. */
  g_assert_false (finds (fixture->store, "会议 punishment", "meeting", NULL));
  g_assert_false (finds (fixture->store, "会议 punishment", "action_item", NULL));
  g_assert_false (finds (fixture->store, "ud 会", "action_item", fixture->item));
  /* Ideographic space splits terms as a space does. */
  g_assert_true (finds (fixture->store, "会议\u3000日内瓦", "meeting", fixture->meeting));
}

static void
test_titles_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *in_title = save_item (fixture->store, "Qz referral guide", NULL);
  g_autofree char *in_notes = save_item (fixture->store, "Map the mechanisms", "See the qz referral note");
  g_autofree char *both = g_strdup_printf ("%s %s", in_title, in_notes);
  g_autofree char *found = NULL;

  /* The older record has the term in its title: it comes first, for a
   * short term and a long one alike; the rest newest first. */
  found = hit_ids (fixture->store, "qz", 10);
  g_assert_cmpstr (found, ==, both);
  g_clear_pointer (&found, g_free);
  found = hit_ids (fixture->store, "qz referral", 10);
  g_assert_cmpstr (found, ==, both);
  g_clear_pointer (&found, g_free);
  found = hit_ids (fixture->store, "referral", 1);
  g_assert_cmpstr (found, ==, in_title);
}

/* More matches than one walk reads, the only title match the oldest: it
 * still comes first, before the newest of the others. */
static void
test_old_title_first (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *in_title = save_item (fixture->store, "Qz guide", NULL);
  g_autoptr(GPtrArray) newer = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;

  for (guint i = 0; i < 240; i++)
    g_ptr_array_add (newer, save_item (fixture->store, "Map the mechanisms", "See the qz note"));
  expected = g_strdup_printf ("%s %s %s", in_title, (char *) newer->pdata[239], (char *) newer->pdata[238]);
  found = hit_ids (fixture->store, "qz", 3);
  g_assert_cmpstr (found, ==, expected);
  g_clear_pointer (&found, g_free);
  found = hit_ids (fixture->store, "qz no", 1);
  g_assert_cmpstr (found, ==, (char *) newer->pdata[239]);
  g_clear_pointer (&found, g_free);
  found = hit_ids (fixture->store, "q guide", 2);
  g_assert_cmpstr (found, ==, in_title);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  /* "a" is in nearly every record: the limit holds, and a search with a
   * higher limit starts with the same records. */
  g_assert_cmpuint (count_hits (fixture->store, "a"), >, 10);
  first = hit_ids (fixture->store, "a", 3);
  g_assert_cmpuint (strlen (first), >, 0);
  again = hit_ids (fixture->store, "a", 500);
  g_assert_true (g_str_has_prefix (again, first));
  {
    g_auto(GStrv) ids = g_strsplit (first, " ", -1);

    g_assert_cmpuint (g_strv_length (ids), ==, 3);
  }
  g_clear_pointer (&first, g_free);
  first = hit_ids (fixture->store, "a", 0);
  g_assert_cmpstr (first, ==, "");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (icat_store_get_path (fixture->store), ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  hits = icat_search_run (db, "会议 日内瓦", 10, cancellable, &error);
  g_assert_no_error (error);
  /* This test's meeting and the built-in Working Group meeting in Geneva. */
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_cancellable_cancel (cancellable);
  hits = icat_search_run (db, "会议", 10, cancellable, &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The connection is usable afterwards. */
  g_clear_error (&error);
  hits = icat_search_run (db, "会议 日内瓦", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **hits = user_data;
  g_autoptr(GError) error = NULL;

  *hits = icat_store_search_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
has_result (gpointer      data,
            gconstpointer unused)
{
  return *(GPtrArray **) data != NULL;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  IcatSearchHit *hit;

  icat_store_search_async (fixture->store, "主席 瓦", 10, NULL, search_done_cb, &hits);
  /* The answer comes through the main loop, never before. */
  g_assert_null (hits);
  icat_test_wait_until (has_result, &hits, NULL, 10);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->kind, ==, "meeting");
  g_assert_cmpstr (hit->id, ==, fixture->meeting);
  g_assert_cmpstr (hit->title, ==, "Working Group, Geneva");
}

static void
test_after_import (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *export = icat_test_export (fixture->store);
  g_autoptr(GBytes) document = g_bytes_new (export, strlen (export));
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) imported = icat_test_store_new (dir, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_store_import (imported, document, "backup.json", ICAT_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  /* Both indexes hold the imported records. */
  g_assert_true (finds (imported, "会议", "meeting", fixture->meeting));
  g_assert_true (finds (imported, "席", "meeting", fixture->meeting));
  g_assert_true (finds (imported, "ud", "action_item", fixture->item));
  g_assert_true (finds (imported, "ud case", "action_item", fixture->item));
  g_assert_true (finds (imported, "工作计划", "meeting", fixture->meeting));
  problems = icat_store_check (imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&imported));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What a hit says of its record, to tell it from others of the same
 * title: its date, the text around the match, the agenda item. */
static void
test_hit_details (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) minutes = icat_store_search (fixture->store, "工作计划", 10, &error);
  g_autoptr(GPtrArray) title = NULL;
  g_autoptr(GPtrArray) item = NULL;
  IcatSearchHit *hit;

  g_assert_no_error (error);
  g_assert_cmpuint (minutes->len, ==, 1);
  hit = minutes->pdata[0];
  /* The day in Geneva, as the CLI prints it and as people read it. */
  g_assert_cmpstr (hit->date, ==, "2026-05-12");
  g_assert_true (g_str_has_prefix (hit->when, "12 May 2026"));
  g_assert_cmpstr (hit->text, ==, "…va Work plan 会议讨论了年度工作计划，主席总结了意见。");
  /* Found in the minutes, not the title: the agenda item to open at. */
  g_assert_cmpstr (hit->agenda_item_id, ==, "aaaaaaaa-0000-4000-8000-000000000001");

  /* Found in the meeting's title: the meeting itself, no agenda item. It
   * comes first, the newer of the two meetings with Geneva in their
   * titles; the built-in Working Group meetings' notes name Geneva too. */
  title = icat_store_search (fixture->store, "geneva", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (title->len, ==, 5);
  hit = title->pdata[0];
  g_assert_cmpstr (hit->id, ==, fixture->meeting);
  g_assert_cmpstr (hit->kind, ==, "meeting");
  g_assert_null (hit->agenda_item_id);

  /* An action item without a due date is known by when it last changed;
   * its title is the text found. */
  item = icat_store_search (fixture->store, "non-punishment case studies", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (item->len, ==, 1);
  hit = item->pdata[0];
  g_assert_cmpstr (hit->kind, ==, "action_item");
  g_assert_cmpuint (strlen (hit->date), ==, 10);
  g_assert_cmpstr (hit->when, !=, "");
  g_assert_cmpstr (hit->text, ==, "Collect non-punishment case studies");
  g_assert_null (hit->agenda_item_id);
}

static void
test_markup (void)
{
  g_autofree char *one = icat_search_markup ("Referral & <b>safe</b> houses", "REFERRAL safe");
  g_autofree char *every = icat_search_markup ("会议讨论了会议", "会议");
  g_autofree char *none = icat_search_markup ("a < b", "zzz");
  g_autofree char *empty = icat_search_markup ("", "a");
  g_autofree char *no_query = icat_search_markup ("a & b", "");
  g_autofree char *overlap = icat_search_markup ("aaaa", "aa aaa");

  /* Every match in bold, in any case; everything else escaped. */
  g_assert_cmpstr (one, ==, "<b>Referral</b> &amp; &lt;b&gt;<b>safe</b>&lt;/b&gt; houses");
  g_assert_cmpstr (every, ==, "<b>会议</b>讨论了<b>会议</b>");
  g_assert_cmpstr (none, ==, "a &lt; b");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (no_query, ==, "a &amp; b");
  /* Matches that overlap make one bold run. */
  g_assert_cmpstr (overlap, ==, "<b>aaaa</b>");
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* A database of schema 6 (as the one before it wrote it: without
 * search_short) gets the short-term index of its records when it opens. */
static void
test_migrated_from_6 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_strdup (icat_store_get_path (fixture->store));
  g_autoptr(IcatStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  exec_sql (path,
            "DROP TRIGGER search_doc_short_ai; DROP TRIGGER search_doc_short_ad; "
            "DROP TRIGGER search_doc_short_au; DROP TABLE search_short; "
            /* What the later versions added goes too. */
            "ALTER TABLE meeting_agenda DROP COLUMN continue_next; DROP INDEX action_item_history_at; "
            "PRAGMA user_version = 6");

  fixture->store = icat_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (finds (fixture->store, "会议", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "瓦", "meeting", fixture->meeting));
  g_assert_true (finds (fixture->store, "ud", "action_item", fixture->item));
  g_assert_true (finds (fixture->store, "IO", "agency", NULL));
  problems = icat_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  /* And it follows edits from then on. */
  {
    g_autofree char *id = save_item (fixture->store, "Xw survey", NULL);

    g_assert_true (finds (fixture->store, "xw", "action_item", id));
  }
}

static void
add_token (const char *token,
           gsize       length,
           gpointer    user_data)
{
  GString *tokens = user_data;

  if (tokens->len > 0)
    g_string_append_c (tokens, '|');
  g_string_append_len (tokens, token, length);
}

static char *
split (const char *text)
{
  GString *tokens = g_string_new (NULL);

  icat_search_tokenizer_split (text, add_token, tokens);
  return g_string_free (tokens, FALSE);
}

static void
test_tokenizer (void)
{
  g_autofree char *latin = split ("Ab c");
  g_autofree char *chinese = split ("会议\u3000主席");
  g_autofree char *mixed = split ("É-1\t\n");
  g_autofree char *empty = split ("");
  g_autofree char *none = split (NULL);
  g_autofree char *spaces = split (" \t\r\n");

  g_assert_cmpstr (latin, ==, "a|b|ab|c");
  g_assert_cmpstr (chinese, ==, "会|议|会议|主|席|主席");
  g_assert_cmpstr (mixed, ==, "é|-|é-|1|-1");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (spaces, ==, "");
}

static void
test_snippet (void)
{
  g_autofree char *middle = icat_search_snippet ("0123456789 the referral mechanism\nworks well for everyone involved", "REFERRAL", 20);
  g_autofree char *start = icat_search_snippet ("会议讨论了年度工作计划，主席总结了意见。", "会议", 6);
  g_autofree char *whole = icat_search_snippet ("Short text", "xt", 60);
  g_autofree char *second_term = icat_search_snippet ("alpha beta gamma", "zzz gamma", 60);
  g_autofree char *missing = icat_search_snippet ("alpha beta", "gamma", 60);
  g_autofree char *empty = icat_search_snippet ("", "a", 60);
  g_autofree char *line_break = icat_search_snippet ("line one\nreferral", "referral", 20);

  g_assert_cmpstr (middle, ==, "…9 the referral mecha…");
  g_assert_cmpstr (line_break, ==, "…e one referral");
  g_assert_cmpstr (start, ==, "会议讨论了年…");
  g_assert_cmpstr (whole, ==, "Short text");
  g_assert_cmpstr (second_term, ==, "alpha beta gamma");
  g_assert_null (missing);
  g_assert_null (empty);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/search/chinese", Fixture, NULL, fixture_set_up, test_chinese, fixture_tear_down);
  g_test_add ("/search/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/search/follows-changes", Fixture, NULL, fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/search/short-terms", Fixture, NULL, fixture_set_up, test_short_terms, fixture_tear_down);
  g_test_add ("/search/several-terms", Fixture, NULL, fixture_set_up, test_several_terms, fixture_tear_down);
  g_test_add ("/search/titles-first", Fixture, NULL, fixture_set_up, test_titles_first, fixture_tear_down);
  g_test_add ("/search/old-title-first", Fixture, NULL, fixture_set_up, test_old_title_first, fixture_tear_down);
  g_test_add ("/search/limit", Fixture, NULL, fixture_set_up, test_limit, fixture_tear_down);
  g_test_add ("/search/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/search/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/search/after-import", Fixture, NULL, fixture_set_up, test_after_import, fixture_tear_down);
  g_test_add ("/search/migrated-from-6", Fixture, NULL, fixture_set_up, test_migrated_from_6, fixture_tear_down);
  g_test_add_func ("/search/tokenizer", test_tokenizer);
  g_test_add_func ("/search/snippet", test_snippet);
  g_test_add_func ("/search/markup", test_markup);
  g_test_add ("/search/hit-details", Fixture, NULL, fixture_set_up, test_hit_details, fixture_tear_down);
  return g_test_run ();
}
