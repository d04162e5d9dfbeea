/* icat-store-read.c — reads on a worker thread, with a connection of their own
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's own read connection belongs to the main thread; a read that
 * may take long (a chart, a document, a backup) opens another on a worker
 * thread, read-only, and sees one snapshot through it while the writer
 * goes on committing beside it (WAL).
 */
#define G_LOG_DOMAIN "icat-store"

#include "config.h"

#include "icat-db.h"
#include "icat-store.h"

typedef struct {
  char              *path;
  IcatStoreReadFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(IcatDb) db = NULL;
  GError *error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = icat_db_open (job->path, ICAT_DB_READ_ONLY, NULL, &error);
  if (db != NULL && icat_db_begin_snapshot (db, &error))
    {
      result = job->func (db, job->data, cancellable, &error);
      icat_db_end_snapshot (db);
    }
  if (result != NULL)
    g_task_return_pointer (task, result, job->result_free);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      /* A programming error, but the caller still gets its answer. */
      g_critical ("A read function returned NULL without setting an error");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "The read returned nothing");
    }
}

void
icat_store_read_async (IcatStore          *self,
                       IcatStoreReadFunc   func,
                       gpointer            data,
                       GDestroyNotify      data_free,
                       GDestroyNotify      result_free,
                       IcatStoreReadFlags  flags,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (ICAT_IS_STORE (self));
  g_return_if_fail (func != NULL);
  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (icat_store_get_path (self));
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  /* Not the store as source object: the worker's reference could be the
   * last one, and the store must be finalized on its own thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, icat_store_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_set_return_on_cancel (task, (flags & ICAT_STORE_READ_RETURN_ON_CANCEL) != 0);
  g_task_run_in_thread (task, read_thread);
}

gpointer
icat_store_read_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == icat_store_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
