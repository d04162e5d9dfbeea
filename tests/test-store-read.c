/* test-store-read.c — reads on a worker thread with a connection of their own
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store-read"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  IcatStore *store;
  char      *unodc;
} Fixture;

/* What a read function was asked to do, and a gate that holds it on its
 * thread until the test has done what it must do meanwhile. */
typedef struct {
  const char *id;
  gboolean    fail;
  gboolean    hold;
  GMutex      lock;
  GCond       cond;
  gboolean    started;
  gboolean    released;
  char       *title_before;  /* read on the worker, before and after the gate */
  char       *title_after;
} Request;

typedef struct {
  gboolean  done;
  char     *result;
  GError   *error;
} Answer;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, &fixture->path);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  g_free (fixture->unodc);
  g_free (fixture->path);
  icat_test_tmpdir_free (fixture->dir);
}

static void
request_init (Request    *request,
              const char *id)
{
  memset (request, 0, sizeof *request);
  request->id = id;
  g_mutex_init (&request->lock);
  g_cond_init (&request->cond);
}

static void
request_clear (Request *request)
{
  g_mutex_clear (&request->lock);
  g_cond_clear (&request->cond);
  g_free (request->title_before);
  g_free (request->title_after);
}

static void
answer_clear (Answer *answer)
{
  g_free (answer->result);
  g_clear_error (&answer->error);
}

static char *
read_title (IcatDb     *db,
            const char *id,
            GError    **error)
{
  g_autoptr(JsonObject) record = icat_record_io_read (db, icat_schema_lookup ("action_item"), id, error);

  return record != NULL ? g_strdup (json_object_get_string_member (record, "title")) : NULL;
}

/* On the worker thread: reads the title, waits at the gate if asked to,
 * reads it again. */
static gpointer
read_title_func (IcatDb        *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Request *request = data;
  g_autofree char *before = NULL;

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (icat_db_read_only (db));
  before = read_title (db, request->id, error);
  g_mutex_lock (&request->lock);
  request->title_before = g_strdup (before);
  request->started = TRUE;
  g_cond_broadcast (&request->cond);
  while (request->hold && !request->released)
    g_cond_wait (&request->cond, &request->lock);
  g_mutex_unlock (&request->lock);
  if (before == NULL)
    return NULL;
  if (request->fail)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_CONFLICT, "refused on purpose: %s", before);
      return NULL;
    }
  request->title_after = read_title (db, request->id, error);
  return g_strdup (request->title_after);
}

static void
wait_started (Request *request)
{
  g_mutex_lock (&request->lock);
  while (!request->started)
    g_cond_wait (&request->cond, &request->lock);
  g_mutex_unlock (&request->lock);
}

static void
release (Request *request)
{
  g_mutex_lock (&request->lock);
  request->released = TRUE;
  g_cond_broadcast (&request->cond);
  g_mutex_unlock (&request->lock);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Answer *answer = user_data;

  g_assert_null (source);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  answer->result = icat_store_read_finish (result, &answer->error);
  answer->done = TRUE;
}

static void
wait_answer (Answer *answer)
{
  while (!answer->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
save_title (Fixture    *fixture,
            const char *id,
            const char *title)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *saved;

  if (id != NULL)
    json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "title", title);
  json_object_set_string_member (changes, "owner", fixture->unodc);
  json_object_set_string_member (changes, "status", "open");
  json_object_set_string_member (changes, "due", "2027-03-31");
  saved = icat_store_save (fixture->store, "action_item", changes, &error);
  g_assert_no_error (error);
  return saved;
}

static void
test_result (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = save_title (fixture, NULL, "Draft the joint paper");
  Request request;
  Answer answer = { 0 };

  request_init (&request, id);
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  /* The answer comes through the main loop, never from inside the call. */
  g_assert_false (answer.done);
  wait_answer (&answer);
  g_assert_no_error (answer.error);
  g_assert_cmpstr (answer.result, ==, "Draft the joint paper");
  answer_clear (&answer);
  request_clear (&request);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = save_title (fixture, NULL, "Chase the chair");
  Request request;
  Answer answer = { 0 };

  /* An error set by the function arrives as it was set. */
  request_init (&request, id);
  request.fail = TRUE;
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  wait_answer (&answer);
  g_assert_error (answer.error, ICAT_ERROR, ICAT_ERROR_CONFLICT);
  g_assert_cmpstr (answer.error->message, ==, "refused on purpose: Chase the chair");
  g_assert_null (answer.result);
  answer_clear (&answer);
  request_clear (&request);

  /* And one from the code the function calls: no such record. */
  request_init (&request, "no-such-id");
  answer = (Answer) { 0 };
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  wait_answer (&answer);
  g_assert_error (answer.error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  g_assert_null (answer.result);
  answer_clear (&answer);
  request_clear (&request);
}

static void
test_cancelled_before (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = save_title (fixture, NULL, "Never read");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Request request;
  Answer answer = { 0 };

  request_init (&request, id);
  g_cancellable_cancel (cancellable);
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, cancellable, read_cb, &answer);
  wait_answer (&answer);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (answer.result);
  /* Cancelled before it began: the function never ran. */
  g_assert_false (request.started);
  answer_clear (&answer);
  request_clear (&request);
}

static gint requests_freed;

static void
request_free (gpointer data)
{
  Request *request = data;

  request_clear (request);
  g_free (request);
  g_atomic_int_inc (&requests_freed);
}

/* Starts a read of a new record titled title that waits at the gate once
 * it has begun. The request is the read's, to free with it: the function
 * may still use it after the answer came. */
static Request *
start_held_read (Fixture            *fixture,
                 const char         *title,
                 IcatStoreReadFlags  flags,
                 GCancellable       *cancellable,
                 Answer             *answer)
{
  g_autofree char *id = save_title (fixture, NULL, title);
  Request *request = g_new0 (Request, 1);

  request_init (request, NULL);
  request->id = g_intern_string (id);
  request->hold = TRUE;
  icat_store_read_async (fixture->store, read_title_func, request, request_free, g_free,
                         flags, cancellable, read_cb, answer);
  wait_started (request);
  return request;
}

static void
wait_freed (int freed_before)
{
  while (g_atomic_int_get (&requests_freed) == freed_before)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
run_cancelled_while_reading (Fixture            *fixture,
                             IcatStoreReadFlags  flags)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer answer = { 0 };
  int freed_before = g_atomic_int_get (&requests_freed);
  Request *request = start_held_read (fixture, "Cancelled midway", flags, cancellable, &answer);

  g_cancellable_cancel (cancellable);
  if (flags & ICAT_STORE_READ_RETURN_ON_CANCEL)
    {
      /* The answer does not wait for the function, still held at the gate. */
      wait_answer (&answer);
      release (request);
    }
  else
    {
      release (request);
      wait_answer (&answer);
    }
  /* Either way the function had a title to give, yet the caller gave up. */
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (answer.result);
  answer_clear (&answer);
  /* The result nobody took and the request are freed with the read. */
  wait_freed (freed_before);
}

static void
test_cancelled_while_reading (Fixture       *fixture,
                              gconstpointer  data)
{
  run_cancelled_while_reading (fixture, ICAT_STORE_READ_DEFAULT);
}

static void
test_cancelled_returns_at_once (Fixture       *fixture,
                                gconstpointer  data)
{
  run_cancelled_while_reading (fixture, ICAT_STORE_READ_RETURN_ON_CANCEL);
}

static void
test_snapshot_and_concurrent_save (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *id = save_title (fixture, NULL, "Before the save");
  g_autofree char *saved = NULL;
  Request request;
  Answer answer = { 0 };

  request_init (&request, id);
  request.hold = TRUE;
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  wait_started (&request);
  g_assert_cmpstr (request.title_before, ==, "Before the save");

  /* The read holds its snapshot on the worker; a save is not kept waiting. */
  saved = save_title (fixture, id, "After the save");
  g_assert_cmpstr (saved, ==, id);
  {
    g_autoptr(JsonObject) record = icat_store_read (fixture->store, "action_item", id, NULL);
    g_assert_cmpstr (json_object_get_string_member (record, "title"), ==, "After the save");
  }

  release (&request);
  wait_answer (&answer);
  g_assert_no_error (answer.error);
  /* One read, one state: the save committed meanwhile is not seen. */
  g_assert_cmpstr (request.title_after, ==, "Before the save");
  g_assert_cmpstr (answer.result, ==, "Before the save");
  answer_clear (&answer);
  request_clear (&request);

  /* A read begun after the save sees it. */
  request_init (&request, id);
  answer = (Answer) { 0 };
  icat_store_read_async (fixture->store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  wait_answer (&answer);
  g_assert_cmpstr (answer.result, ==, "After the save");
  answer_clear (&answer);
  request_clear (&request);
}

static void
test_store_gone (Fixture       *fixture,
                 gconstpointer  data)
{
  Answer answer = { 0 };
  int freed_before = g_atomic_int_get (&requests_freed);
  Request *request = start_held_read (fixture, "Outlives the store", ICAT_STORE_READ_DEFAULT, NULL, &answer);

  /* The read does not keep the store: it goes at once. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  release (request);
  wait_answer (&answer);
  g_assert_no_error (answer.error);
  g_assert_cmpstr (answer.result, ==, "Outlives the store");
  answer_clear (&answer);
  wait_freed (freed_before);
}

static void
test_missing_database (void)
{
  char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  IcatStore *store = icat_test_store_new (dir, &path);
  Request request;
  Answer answer = { 0 };

  /* The file went away after the store opened it: the read's own
   * connection reports it, and the function never runs. */
  g_assert_cmpint (g_remove (path), ==, 0);
  request_init (&request, "any");
  icat_store_read_async (store, read_title_func, &request, NULL, g_free,
                         ICAT_STORE_READ_DEFAULT, NULL, read_cb, &answer);
  wait_answer (&answer);
  g_assert_nonnull (answer.error);
  g_assert_null (answer.result);
  g_assert_false (request.started);
  answer_clear (&answer);
  request_clear (&request);
  g_assert_finalize_object (store);
  icat_test_tmpdir_free (dir);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/read/result", test_result);
  ADD ("/store/read/error", test_error);
  ADD ("/store/read/cancelled-before", test_cancelled_before);
  ADD ("/store/read/cancelled-while-reading", test_cancelled_while_reading);
  ADD ("/store/read/cancelled-returns-at-once", test_cancelled_returns_at_once);
  ADD ("/store/read/snapshot", test_snapshot_and_concurrent_save);
  ADD ("/store/read/store-gone", test_store_gone);
#undef ADD
  g_test_add_func ("/store/read/missing-database", test_missing_database);

  return g_test_run ();
}
