/* icat-store.c — the one door to ICAT Tracker's data
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections to one WAL database: reads on the main thread, writes on
 * one worker thread in order (or on the caller's thread for the synchronous
 * calls the command line and tests use). Every write is one transaction
 * recorded by SQLite's session extension; its changeset tells which records
 * changed, so views are notified exactly, and its inverse is the undo
 * (both in icat-store-journal.c).
 */
#define G_LOG_DOMAIN "icat-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icat-clearance.h"
#include "icat-device.h"
#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-seed.h"
#include "icat-json-merge.h"
#include "icat-store-private.h"

typedef enum {
  JOB_SAVE,
  JOB_DELETE,
  JOB_IMPORT,
  JOB_UNDO,
  JOB_WRITE,      /* a function of the core's own, e.g. merging another laptop's changes */
} JobType;

typedef struct {
  JobType            type;
  char              *kind;
  char              *id;          /* SAVE: in and out; DELETE: in */
  JsonObject        *changes;     /* SAVE */
  JsonObject        *base;        /* SAVE: its lists as the window knew them, or NULL */
  GBytes            *document;    /* IMPORT */
  char              *display_name;
  IcatImportFlags    flags;
  IcatImportSummary  summary;
  IcatNotices        notices;
  gboolean           reload_all;
  IcatStoreWriteFunc write_func;  /* WRITE */
  gpointer           write_data;
  IcatStoreWriteFlags write_flags;
  char              *resolves;    /* WRITE: the conflicts the change closes, a JSON array */
  sqlite3_session   *session;     /* recording the job's transaction, or NULL */
  GBytes            *new_rows;    /* IMPORT: rows the session did not record */
  GTask             *task;
  GError            *error;
} Job;

struct _IcatStore {
  GObject       parent_instance;

  char         *path;
  IcatDb       *read_db;        /* main thread only */
  IcatDb       *write_db;       /* under write_lock */
  GMutex        write_lock;
  GThreadPool  *writer;         /* one thread: jobs run in the order they came */
  GMutex        queue_lock;
  GCond         queue_drained;
  guint         queued_jobs;    /* pushed to the writer and not yet run, under queue_lock */
  GMainContext *context;
  GThread      *owner;          /* the thread that opened the store: views live there */
  GHashTable   *live;           /* "kind/id" → IcatRecord, weak */
  GHashTable   *unheard;        /* "kind/id" → Unheard: saves sent whose notices are
                                 * not out yet (main thread only) */
  IcatJournal  *journal;        /* under write_lock */
  gint64        seen_data_version;
  char         *device_id;      /* who this copy's changes are by */
};

G_DEFINE_FINAL_TYPE (IcatStore, icat_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  RELOADED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

void
icat_search_hit_free (IcatSearchHit *hit)
{
  g_free (hit->kind);
  g_free (hit->id);
  g_free (hit->title);
  g_free (hit->date);
  g_free (hit->when);
  g_free (hit->text);
  g_free (hit->agenda_item_id);
  g_free (hit);
}

static Job *
job_new (JobType type)
{
  Job *job = g_new0 (Job, 1);

  job->type = type;
  _icat_notices_init (&job->notices);
  return job;
}

static void
job_free (Job *job)
{
  g_free (job->kind);
  g_free (job->id);
  g_clear_pointer (&job->changes, json_object_unref);
  g_clear_pointer (&job->base, json_object_unref);
  g_clear_pointer (&job->document, g_bytes_unref);
  g_free (job->display_name);
  g_free (job->resolves);
  g_clear_pointer (&job->new_rows, g_bytes_unref);
  _icat_notices_clear (&job->notices);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* SAVE: merges the changes into the stored record, stamps it, checks it
 * like an import would, writes it. */
static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  gboolean a_empty = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_empty = b == NULL || JSON_NODE_HOLDS_NULL (b);

  if (a_empty || b_empty)
    return a_empty == b_empty;
  return json_node_equal (a, b);
}

/* The value a save writes to field. A list is merged with what the record
 * holds now when that changed since the window made the save (a change
 * from another laptop applied while the save waited for the writer):
 * without it, the save would write back the other rows as they were. */
static JsonNode *
saved_value (Job        *job,
             const char *field,
             JsonNode   *stored)
{
  JsonNode *value = json_object_get_member (job->changes, field);

  if (job->base != NULL && json_object_has_member (job->base, field) && JSON_NODE_HOLDS_ARRAY (value) &&
      !same_value (json_object_get_member (job->base, field), stored))
    return icat_json_merge_lists (json_object_get_member (job->base, field), value, stored, same_value);
  return json_node_copy (value);
}

static gboolean
run_save (IcatStore  *self,
          Job        *job,
          GError    **error)
{
  const IcatKind *kind = icat_schema_lookup (job->kind);
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(IcatValidation) validation = icat_validation_new ();
  g_autoptr(GHashTable) own_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) own_parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = icat_timestamp_now ();
  g_autoptr(GList) members = json_object_get_members (job->changes);
  const char *id = json_object_get_string_member_with_default (job->changes, "id", NULL);
  const char *old_status = NULL;
  const char *new_status;
  gboolean created = FALSE;

  if (kind == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("Unknown kind of record “%s”."), job->kind), FALSE;

  if (id != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      merged = icat_record_io_read (self->write_db, kind, id, &local_error);
      if (merged == NULL && !g_error_matches (local_error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
    }
  if (merged == NULL)
    {
      g_autofree char *new_id = id ? g_strdup (id) : g_uuid_string_random ();

      created = TRUE;
      merged = json_object_new ();
      json_object_set_string_member (merged, "id", new_id);
      json_object_set_string_member (merged, "created_at", now);
    }
  old_status = json_object_get_string_member_with_default (merged, "status", NULL);
  old_status = old_status ? g_intern_string (old_status) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const IcatField *field = icat_kind_lookup_field (kind, l->data);

      /* The store keeps the id and timestamps; an edit cannot forge them. */
      if (field != NULL && (field->flags & ICAT_FIELD_META))
        continue;
      json_object_set_member (merged, l->data, saved_value (job, l->data, json_object_get_member (merged, l->data)));
    }
  json_object_set_string_member (merged, "updated_at", now);
  json_object_set_string_member (merged, "updated_by", self->device_id);

  /* An action item keeps the dates of its status changes. */
  new_status = json_object_get_string_member_with_default (merged, "status", NULL);
  if (icat_kind_lookup_field (kind, "history") != NULL && new_status != NULL &&
      (created || g_strcmp0 (old_status, new_status) != 0))
    {
      JsonNode *history_node = json_object_get_member (merged, "history");
      JsonArray *history;
      JsonObject *entry = json_object_new ();

      if (history_node == NULL || !JSON_NODE_HOLDS_ARRAY (history_node))
        json_object_set_array_member (merged, "history", json_array_new ());
      history = json_object_get_array_member (merged, "history");
      json_object_set_string_member (entry, "status", new_status);
      json_object_set_string_member (entry, "at", now);
      json_object_set_string_member (entry, "by", self->device_id);
      json_array_add_object_element (history, entry);
    }

  json_node_set_object (node, merged);
  record = icat_validate_record (kind, node, "$", validation, error);
  if (record == NULL)
    return FALSE;
  if (g_str_equal (kind->name, "paper") && !icat_paper_check_endorsement (old_status, record, error))
    return FALSE;
  id = json_object_get_string_member (record, "id");
  g_hash_table_add (own_ids, g_strconcat (kind->name, "/", id, NULL));
  g_hash_table_add (own_parents, g_strdup (id));
  if (!icat_validation_resolve (validation, self->write_db, own_ids, own_parents, FALSE, error) ||
      !icat_check_unique (self->write_db, kind, record, "$", NULL, NULL, FALSE, error))
    return FALSE;

  if (!icat_record_io_write (self->write_db, kind, record, error) ||
      !icat_record_io_index (self->write_db, kind, id, record, error))
    return FALSE;
  g_free (job->id);
  job->id = g_strdup (id);
  return TRUE;
}

static gboolean
run_delete (IcatStore  *self,
            Job        *job,
            GError    **error)
{
  const IcatKind *kind = icat_schema_lookup (job->kind);
  gboolean exists = FALSE;
  gint64 uses = 0;

  if (kind == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("Unknown kind of record “%s”."), job->kind), FALSE;
  if (!icat_record_io_exists (self->write_db, kind->name, job->id, &exists, error))
    return FALSE;
  if (!exists)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("There is no record with the id “%s”."), job->id), FALSE;
  if (!icat_record_io_count_uses (self->write_db, kind, job->id, &uses, error))
    return FALSE;
  if (uses > 0)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_IN_USE,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "This record cannot be deleted: %d other record refers to it.",
                                     "This record cannot be deleted: %d other records refer to it.",
                                     (gulong) uses),
                        (int) uses), FALSE;
  return icat_record_io_delete (self->write_db, kind, job->id, error);
}

static gboolean
run_import (IcatStore  *self,
            Job        *job,
            GError    **error)
{
  IcatExchangeDocument *document = icat_exchange_read (job->display_name, job->document, error);
  g_autoptr(IcatImportPlan) plan = NULL;
  g_autoptr(IcatNewRows) new_rows = NULL;

  if (document == NULL)
    return FALSE;
  plan = icat_import_plan_new_reading (self->write_db, document, (job->flags & ICAT_IMPORT_REPLACE) != 0, error);
  if (plan == NULL)
    return FALSE;
  job->summary = *icat_import_plan_get_summary (plan);
  if (job->flags & ICAT_IMPORT_DRY_RUN)
    return TRUE;
  if (job->flags & ICAT_IMPORT_REPLACE)
    job->reload_all = TRUE;
  new_rows = icat_new_rows_new (job->session);
  if (!icat_import_plan_apply_noting_new_rows (plan, self->write_db, new_rows, error))
    return FALSE;
  job->new_rows = icat_new_rows_finish (new_rows);
  return TRUE;
}

/* The session's changeset with the rows the import noted itself after it
 * (a changeset may name a table again), in memory sqlite3_free () takes. */
static gboolean
append_new_rows (IcatStore  *self,
                 Job        *job,
                 void      **changeset,
                 int        *size,
                 GError    **error)
{
  gsize extra = job->new_rows != NULL ? g_bytes_get_size (job->new_rows) : 0;
  guint8 *joined;

  if (extra == 0)
    return TRUE;
  if ((gsize) *size + extra > G_MAXINT)
    return icat_db_fail (self->write_db, SQLITE_TOOBIG, error);
  joined = sqlite3_realloc64 (*changeset, *size + extra);
  if (joined == NULL)
    return icat_db_fail (self->write_db, SQLITE_NOMEM, error);
  memcpy (joined + *size, g_bytes_get_data (job->new_rows, NULL), extra);
  *changeset = joined;
  *size += extra;
  /* An import's rows are tens of megabytes: not kept twice while the
   * journal stores them. */
  g_clear_pointer (&job->new_rows, g_bytes_unref);
  return TRUE;
}

static gboolean
run_job_writes (IcatStore  *self,
                Job        *job,
                GBytes     *undo_changeset,
                GError    **error)
{
  switch (job->type)
    {
    case JOB_SAVE:
      return run_save (self, job, error);
    case JOB_DELETE:
      return run_delete (self, job, error);
    case JOB_IMPORT:
      return run_import (self, job, error);
    case JOB_UNDO:
      return _icat_journal_undo (self->write_db, undo_changeset, &job->notices, error);
    case JOB_WRITE:
      return job->write_func (self->write_db, &job->notices, job->write_data, error);
    default:
      g_assert_not_reached ();
    }
}

/* Whether the job's changes are this laptop's own, to be journaled and
 * shared: everything but applying what other laptops sent. */
static gboolean
job_is_journaled (Job *job)
{
  return job->type != JOB_WRITE || (job->write_flags & ICAT_STORE_WRITE_JOURNALED);
}

/* Keeps the transaction's changeset, before COMMIT, as the journal entry
 * other laptops get; the ordinary edits (not undo or merges) can be
 * undone: their changeset is handed back in undo. Takes the changeset. */
static gboolean
journal_changeset (IcatStore  *self,
                   Job        *job,
                   void       *changeset,
                   int         size,
                   GBytes    **undo,
                   GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (changeset, size, sqlite3_free, changeset);
  IcatNotices notices;
  gboolean ok;

  if (size == 0 && job->resolves == NULL)
    return TRUE;
  _icat_notices_init (&notices);
  _icat_notices_collect (&notices, self->write_db, changeset, size);
  ok = _icat_sync_journal_local (self->write_db, self->device_id, bytes, &notices, job->resolves, error);
  for (guint i = 0; ok && i < notices.list->len; i++)
    {
      IcatNotice *notice = &g_array_index (notices.list, IcatNotice, i);

      _icat_notices_add (&job->notices, notice->kind, notice->id, notice->change);
    }
  _icat_notices_clear (&notices);
  if (!ok)
    return FALSE;
  if (size > 0 && (job->type == JOB_SAVE || job->type == JOB_DELETE || job->type == JOB_IMPORT))
    *undo = g_steal_pointer (&bytes);
  return TRUE;
}

/* One transaction: the job's writes, journaled by a session. */
static gboolean
run_job (IcatStore  *self,
         Job        *job,
         GError    **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->write_lock);
  g_autoptr(GBytes) undo_changeset = NULL;
  g_autoptr(GBytes) new_undo = NULL;
  sqlite3_session *session = NULL;
  int size = 0;
  void *changeset = NULL;
  gboolean ok;
  int rc;

  if (job->type == JOB_UNDO)
    {
      undo_changeset = _icat_journal_pop_undo (self->journal);
      if (undo_changeset == NULL)
        return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND, _("There is nothing to undo.")), FALSE;
    }

  if (!icat_db_begin (self->write_db, error))
    goto failed;

  if (job_is_journaled (job) && !_icat_journal_start_session (self->write_db, &session, error))
    {
      icat_db_rollback (self->write_db);
      goto failed;
    }

  job->session = session;
  ok = run_job_writes (self, job, undo_changeset, error);
  job->session = NULL;
  if (ok && session != NULL)
    {
      rc = sqlite3session_changeset (session, &size, &changeset);
      if (rc != SQLITE_OK)
        ok = icat_db_fail (self->write_db, rc, error);
      else
        ok = append_new_rows (self, job, &changeset, &size, error);
    }
  g_clear_pointer (&session, sqlite3session_delete);

  if (ok && !(job->flags & ICAT_IMPORT_DRY_RUN) && job_is_journaled (job))
    ok = journal_changeset (self, job, g_steal_pointer (&changeset), size, &new_undo, error);
  sqlite3_free (changeset);
  if (!ok || (job->flags & ICAT_IMPORT_DRY_RUN))
    {
      icat_db_rollback (self->write_db);
      if (!ok)
        goto failed;
      return TRUE;
    }
  if (!icat_db_commit (self->write_db, error))
    goto failed;
  if (new_undo != NULL)
    _icat_journal_push_undo (self->journal, g_steal_pointer (&new_undo));
  /* Views re-read everything faster than they handle thousands of notices. */
  if (job->notices.list->len > 1000)
    job->reload_all = TRUE;
  return TRUE;

failed:
  /* An undo that could not be applied stays available. */
  if (undo_changeset != NULL)
    _icat_journal_push_undo (self->journal, g_steal_pointer (&undo_changeset));
  return FALSE;
}

static char *
live_key (const char *kind,
          const char *id)
{
  return g_strconcat (kind, "/", id, NULL);
}

/* A record's saves on their way to the writer: the lists the newest of
 * them sets, which the window already shows though the record does not
 * hold them yet. */
typedef struct {
  guint       saves;
  JsonObject *lists;
} Unheard;

static void
unheard_free (gpointer data)
{
  Unheard *unheard = data;

  json_object_unref (unheard->lists);
  g_free (unheard);
}

static void
note_save_sent (IcatStore  *self,
                const char *key,
                JsonObject *changes)
{
  Unheard *unheard = g_hash_table_lookup (self->unheard, key);
  g_autoptr(GList) members = json_object_get_members (changes);

  if (unheard == NULL)
    {
      unheard = g_new0 (Unheard, 1);
      unheard->lists = json_object_new ();
      g_hash_table_insert (self->unheard, g_strdup (key), unheard);
    }
  unheard->saves++;
  for (GList *l = members; l != NULL; l = l->next)
    if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (changes, l->data)))
      json_object_set_member (unheard->lists, l->data, json_node_copy (json_object_get_member (changes, l->data)));
}

static void
note_save_heard (IcatStore *self,
                 Job       *job)
{
  const char *id = job->changes ? json_object_get_string_member_with_default (job->changes, "id", NULL) : NULL;
  g_autofree char *key = id ? live_key (job->kind, id) : NULL;
  Unheard *unheard = key ? g_hash_table_lookup (self->unheard, key) : NULL;

  if (unheard != NULL && --unheard->saves == 0)
    g_hash_table_remove (self->unheard, key);
}

static void
live_record_finalized (gpointer  data,
                       GObject  *where_the_object_was)
{
  IcatStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
refresh_live_record (IcatStore  *self,
                     const char *kind,
                     const char *id)
{
  g_autofree char *key = live_key (kind, id);
  IcatRecord *record = g_hash_table_lookup (self->live, key);
  g_autoptr(JsonObject) data = NULL;

  if (record == NULL)
    return;
  data = icat_record_io_read (self->read_db, icat_schema_lookup (kind), id, NULL);
  if (data != NULL)
    _icat_record_set_data (record, data);
  else
    _icat_record_set_deleted (record);
}

static void
emit_notices (IcatStore *self,
              Job       *job)
{
  self->seen_data_version = icat_db_data_version (self->read_db);
  if (job->reload_all)
    {
      GHashTableIter iter;
      gpointer value;
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (records, g_object_ref (value));
      for (guint i = 0; i < records->len; i++)
        refresh_live_record (self, icat_record_get_kind (records->pdata[i]),
                             icat_record_get_id (records->pdata[i]));
      g_signal_emit (self, signals[RELOADED], 0);
    }
  else
    for (guint i = 0; i < job->notices.list->len; i++)
      {
        IcatNotice *notice = &g_array_index (job->notices.list, IcatNotice, i);

        refresh_live_record (self, notice->kind, notice->id);
        g_signal_emit (self, signals[RECORD_CHANGED], g_quark_from_string (notice->kind),
                       notice->kind, notice->id, notice->change);
      }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static gboolean
run_job_now (IcatStore  *self,
             Job        *job,
             GError    **error)
{
  if (!run_job (self, job, error))
    return FALSE;
  emit_notices (self, job);
  return TRUE;
}

static gboolean
finish_job_on_main_thread (gpointer data)
{
  Job *job = data;
  /* The task owns the job (its task data); dropping this last reference
   * after returning frees both. */
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  IcatStore *self = g_task_get_source_object (task);

  if (job->type == JOB_SAVE)
    note_save_heard (self, job);
  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    {
      emit_notices (self, job);
      g_task_return_boolean (task, TRUE);
    }
  return G_SOURCE_REMOVE;
}

static void
writer_thread (gpointer data,
               gpointer user_data)
{
  Job *job = data;
  IcatStore *self = user_data;

  g_autoptr(GSource) source = g_idle_source_new ();

  run_job (self, job, &job->error);
  g_mutex_lock (&self->queue_lock);
  if (--self->queued_jobs == 0)
    g_cond_broadcast (&self->queue_drained);
  g_mutex_unlock (&self->queue_lock);
  /* Always through the main context's loop: g_main_context_invoke would run
   * the callback right here when the context happens to be free, and
   * notices must reach views on the main thread. */
  g_source_set_callback (source, finish_job_on_main_thread, job, NULL);
  g_source_attach (source, self->context);
}

static void
queue_job (IcatStore          *self,
           Job                *job,
           GCancellable       *cancellable,
           GAsyncReadyCallback callback,
           gpointer            user_data,
           gpointer            source_tag)
{
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  /* The task keeps the job until its callback has run. */
  g_task_set_task_data (job->task, job, (GDestroyNotify) job_free);
  g_mutex_lock (&self->queue_lock);
  self->queued_jobs++;
  g_mutex_unlock (&self->queue_lock);
  g_thread_pool_push (self->writer, job, NULL);
}

static void
icat_store_finalize (GObject *object)
{
  IcatStore *self = ICAT_STORE (object);
  GHashTableIter iter;
  gpointer value;

  /* Jobs hold a reference to the store, so none is pending here. */
  g_thread_pool_free (self->writer, FALSE, TRUE);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, live_record_finalized, self);
  g_hash_table_unref (self->live);
  g_hash_table_unref (self->unheard);
  _icat_journal_free (self->journal);
  g_clear_pointer (&self->read_db, icat_db_close);
  g_clear_pointer (&self->write_db, icat_db_close);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->queue_lock);
  g_cond_clear (&self->queue_drained);
  g_main_context_unref (self->context);
  g_free (self->path);
  g_free (self->device_id);
  G_OBJECT_CLASS (icat_store_parent_class)->finalize (object);
}

static void
icat_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, icat_store_can_undo (ICAT_STORE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_store_class_init (IcatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icat_store_finalize;
  object_class->get_property = icat_store_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IcatStore::record-changed:
   * @kind: "meeting", "action_item", ... (also the signal's detail)
   * @id: the record's id
   * @change: an #IcatChange
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);
  /* Anything may have changed: another program wrote, or a backup was restored. */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
icat_store_init (IcatStore *self)
{
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->queue_lock);
  g_cond_init (&self->queue_drained);
  self->journal = _icat_journal_new ();
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unheard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unheard_free);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  self->writer = g_thread_pool_new (writer_thread, self, 1, FALSE, NULL);
}

IcatStore *
icat_store_open (const char  *path,
                 GError     **error)
{
  g_autoptr(IcatStore) self = g_object_new (ICAT_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->device_id = g_strdup (icat_device_get_id ());
  self->write_db = icat_db_open_full (path, ICAT_DB_READ_WRITE, icat_seed_load, NULL, NULL, error);
  if (self->write_db == NULL)
    return NULL;
  /* Each upsert of a long transaction (an import) keeps a statement
   * journal of the pages it touches: in memory, rather than hundreds of
   * megabytes written to a temporary file and thrown away. */
  if (!icat_db_exec (self->write_db, "PRAGMA temp_store = MEMORY", error))
    return NULL;
  self->read_db = icat_db_open (path, ICAT_DB_READ_ONLY, NULL, error);
  if (self->read_db == NULL)
    return NULL;
  self->seen_data_version = icat_db_data_version (self->read_db);
  if (!icat_seed_upgrade (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

char *
icat_store_default_path (void)
{
  const char *from_environment = g_getenv ("ICAT_TRACKER_DB");

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  return g_build_filename (g_get_user_data_dir (), "icat-tracker", "icat-tracker.db", NULL);
}

const char *
icat_store_get_path (IcatStore *self)
{
  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  return self->path;
}

const char *
icat_store_get_device_id (IcatStore *self)
{
  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  return self->device_id;
}

void
_icat_store_set_device_id (IcatStore  *self,
                           const char *device_id)
{
  g_return_if_fail (ICAT_IS_STORE (self));
  g_return_if_fail (icat_is_uuid (device_id));
  icat_store_sync (self);
  g_mutex_lock (&self->write_lock);
  g_free (self->device_id);
  self->device_id = g_strdup (device_id);
  g_mutex_unlock (&self->write_lock);
}

typedef struct {
  IcatStore *store;
  Job       *job;
} HandedOver;

static gboolean
emit_handed_over (gpointer data)
{
  HandedOver *handed = data;

  emit_notices (handed->store, handed->job);
  return G_SOURCE_REMOVE;
}

static void
handed_over_free (gpointer data)
{
  HandedOver *handed = data;

  job_free (handed->job);
  /* The last reference may be this one: it drops on the store's thread. */
  g_object_unref (handed->store);
  g_free (handed);
}

gboolean
_icat_store_write (IcatStore           *self,
                   IcatStoreWriteFunc   func,
                   gpointer             data,
                   IcatStoreWriteFlags  flags,
                   const char          *resolves,
                   GError             **error)
{
  g_autoptr(Job) job = job_new (JOB_WRITE);
  g_autoptr(GSource) source = NULL;
  HandedOver *handed;

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  job->write_func = func;
  job->write_data = data;
  job->write_flags = flags;
  job->resolves = g_strdup (resolves);
  job->reload_all = (flags & ICAT_STORE_WRITE_RELOAD_ALL) != 0;
  if (g_thread_self () == self->owner)
    return run_job_now (self, job, error);

  /* A sync run on a worker: the views hear of it on their own thread. */
  if (!run_job (self, job, error))
    return FALSE;
  handed = g_new0 (HandedOver, 1);
  handed->store = g_object_ref (self);
  handed->job = g_steal_pointer (&job);
  source = g_idle_source_new ();
  g_source_set_callback (source, emit_handed_over, handed, handed_over_free);
  g_source_attach (source, self->context);
  return TRUE;
}

struct _IcatDb *
_icat_store_get_read_db (IcatStore *self)
{
  return self->read_db;
}

struct _IcatDb *
_icat_store_get_write_db (IcatStore *self)
{
  return self->write_db;
}

JsonObject *
icat_store_read (IcatStore   *self,
                 const char  *kind,
                 const char  *id,
                 GError     **error)
{
  const IcatKind *record_kind;

  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  record_kind = icat_schema_lookup (kind);
  g_return_val_if_fail (record_kind != NULL, NULL);
  return icat_record_io_read (self->read_db, record_kind, id, error);
}

IcatRecord *
icat_store_lookup (IcatStore  *self,
                   const char *kind,
                   const char *id)
{
  g_autofree char *key = NULL;
  g_autoptr(JsonObject) data = NULL;
  IcatRecord *record;

  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  g_return_val_if_fail (icat_schema_lookup (kind) != NULL, NULL);
  if (id == NULL)
    return NULL;
  key = live_key (kind, id);
  record = g_hash_table_lookup (self->live, key);
  if (record != NULL)
    return g_object_ref (record);
  data = icat_record_io_read (self->read_db, icat_schema_lookup (kind), id, NULL);
  if (data == NULL)
    return NULL;
  record = _icat_record_new (kind, id, data);
  g_object_weak_ref (G_OBJECT (record), live_record_finalized, self);
  g_hash_table_insert (self->live, g_steal_pointer (&key), record);
  return record;
}

char *
icat_store_export_json (IcatStore   *self,
                        const char  *exported_at,
                        GError     **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  return icat_exchange_export (self->read_db, exported_at, error);
}

static void
export_to_file_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  IcatStore *self = source_object;
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (self->path, ICAT_DB_READ_ONLY, NULL, &error);
  g_autofree char *text = NULL;

  if (db != NULL)
    text = icat_exchange_export (db, NULL, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
icat_store_export_to_file_async (IcatStore          *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ICAT_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, icat_store_export_to_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_to_file_thread);
}

gboolean
icat_store_export_to_file_finish (IcatStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
icat_store_save (IcatStore   *self,
                 const char  *kind,
                 JsonObject  *changes,
                 GError     **error)
{
  g_autoptr(Job) job = job_new (JOB_SAVE);

  g_return_val_if_fail (ICAT_IS_STORE (self), NULL);
  g_return_val_if_fail (changes != NULL, NULL);
  job->kind = g_strdup (kind);
  job->changes = json_object_ref (changes);
  if (!run_job_now (self, job, error))
    return NULL;
  return g_steal_pointer (&job->id);
}

/* The lists of a save as the window knows the record now, copied on the
 * window's thread: the base a change applied meanwhile is merged against
 * (saved_value ()). NULL when no view holds the record. */
static JsonObject *
save_base (IcatStore  *self,
           const char *kind,
           JsonObject *changes)
{
  const char *id = json_object_get_string_member_with_default (changes, "id", NULL);
  g_autofree char *key = id ? live_key (kind, id) : NULL;
  IcatRecord *record = key ? g_hash_table_lookup (self->live, key) : NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *data, *base;

  Unheard *unheard = key ? g_hash_table_lookup (self->unheard, key) : NULL;

  if (record == NULL || icat_record_get_deleted (record))
    return NULL;
  data = icat_record_get_data (record);
  base = json_object_new ();
  members = json_object_get_members (changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      /* The window's own saves still on their way count as known. */
      JsonObject *known = unheard && json_object_has_member (unheard->lists, l->data) ? unheard->lists : data;

      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (changes, l->data)))
        continue;
      if (json_object_has_member (known, l->data))
        json_object_set_member (base, l->data, json_node_copy (json_object_get_member (known, l->data)));
      else
        json_object_set_array_member (base, l->data, json_array_new ());
    }
  note_save_sent (self, key, changes);
  return base;
}

void
icat_store_save_async (IcatStore          *self,
                       const char         *kind,
                       JsonObject         *changes,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  Job *job = job_new (JOB_SAVE);

  g_return_if_fail (ICAT_IS_STORE (self));
  g_return_if_fail (changes != NULL);
  job->kind = g_strdup (kind);
  job->changes = json_object_ref (changes);
  job->base = save_base (self, kind, changes);
  if (job->base == NULL && json_object_has_member (changes, "id"))
    {
      g_autofree char *key = live_key (kind, json_object_get_string_member (changes, "id"));

      note_save_sent (self, key, changes);
    }
  queue_job (self, job, cancellable, callback, user_data, icat_store_save_async);
}

char *
icat_store_save_finish (IcatStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  return g_strdup (job->id);
}

gboolean
icat_store_delete (IcatStore   *self,
                   const char  *kind,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(Job) job = job_new (JOB_DELETE);

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  job->kind = g_strdup (kind);
  job->id = g_strdup (id);
  return run_job_now (self, job, error);
}

void
icat_store_delete_async (IcatStore          *self,
                         const char         *kind,
                         const char         *id,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  Job *job = job_new (JOB_DELETE);

  g_return_if_fail (ICAT_IS_STORE (self));
  job->kind = g_strdup (kind);
  job->id = g_strdup (id);
  queue_job (self, job, cancellable, callback, user_data, icat_store_delete_async);
}

gboolean
icat_store_delete_finish (IcatStore     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
icat_store_import (IcatStore          *self,
                   GBytes             *document,
                   const char         *display_name,
                   IcatImportFlags     flags,
                   IcatImportSummary  *summary,
                   GError            **error)
{
  g_autoptr(Job) job = job_new (JOB_IMPORT);

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  job->document = g_bytes_ref (document);
  job->display_name = g_strdup (display_name ? display_name : "-");
  job->flags = flags;
  if (!run_job_now (self, job, error))
    return FALSE;
  if (summary != NULL)
    *summary = job->summary;
  return TRUE;
}

void
icat_store_import_async (IcatStore          *self,
                         GBytes             *document,
                         const char         *display_name,
                         IcatImportFlags     flags,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  Job *job = job_new (JOB_IMPORT);

  g_return_if_fail (ICAT_IS_STORE (self));
  job->document = g_bytes_ref (document);
  job->display_name = g_strdup (display_name ? display_name : "-");
  job->flags = flags;
  queue_job (self, job, cancellable, callback, user_data, icat_store_import_async);
}

gboolean
icat_store_import_finish (IcatStore          *self,
                          GAsyncResult       *result,
                          IcatImportSummary  *summary,
                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (summary != NULL)
    *summary = ((Job *) g_task_get_task_data (G_TASK (result)))->summary;
  return TRUE;
}

gboolean
icat_store_can_undo (IcatStore *self)
{
  gboolean can_undo;

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  g_mutex_lock (&self->write_lock);
  can_undo = _icat_journal_can_undo (self->journal);
  g_mutex_unlock (&self->write_lock);
  return can_undo;
}

gboolean
icat_store_undo (IcatStore  *self,
                 GError    **error)
{
  g_autoptr(Job) job = job_new (JOB_UNDO);

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  return run_job_now (self, job, error);
}

void
icat_store_undo_async (IcatStore          *self,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_return_if_fail (ICAT_IS_STORE (self));
  queue_job (self, job_new (JOB_UNDO), cancellable, callback, user_data, icat_store_undo_async);
}

gboolean
icat_store_undo_finish (IcatStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
icat_store_sync (IcatStore *self)
{
  g_return_if_fail (ICAT_IS_STORE (self));
  /* Counted from the push to the end of the job, so a job the writer has
   * taken from the queue but not yet begun is waited for too. */
  g_mutex_lock (&self->queue_lock);
  while (self->queued_jobs > 0)
    g_cond_wait (&self->queue_drained, &self->queue_lock);
  g_mutex_unlock (&self->queue_lock);
}

gboolean
icat_store_poll_external_changes (IcatStore *self)
{
  gint64 version;
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (self), FALSE);
  version = icat_db_data_version (self->read_db);
  if (version == self->seen_data_version)
    return FALSE;
  job = job_new (JOB_IMPORT);
  job->reload_all = TRUE;
  emit_notices (self, job);
  return TRUE;
}
