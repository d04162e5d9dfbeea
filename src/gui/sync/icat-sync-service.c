/* icat-sync-service.c — sharing without thinking about it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two people at one table see each other's work within seconds: a save
 * here is published shortly after, and a file another laptop writes into
 * the folder is applied as soon as the folder watch tells of it. A
 * folder on a network share may never tell, so it is also read every
 * little while; that rescan also notices a USB stick put back. Runs go
 * one at a time on a worker thread (icat_sync_run_async), and the views
 * hear of the records they changed like any other change.
 */
#define G_LOG_DOMAIN "icat-sync-service"

#include "config.h"

#include "icat-conflict-marks.h"
#include "icat-sync-service.h"

struct _IcatSyncService {
  GObject          parent_instance;

  IcatStore       *store;
  IcatSyncSummary *summary;
  GError          *failure;         /* the last run's, or NULL */
  char            *folder;          /* watched, or NULL */
  char            *device;
  GFileMonitor    *folder_monitor;  /* new laptops' folders */
  GHashTable      *laptop_monitors; /* laptop folder path → GFileMonitor */
  guint            run_source;
  guint            rescan_source;
  guint            summary_source;
  GCancellable    *cancellable;
  gboolean         running;
  gboolean         run_again;
  gboolean         stopped;
};

G_DEFINE_FINAL_TYPE (IcatSyncService, icat_sync_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

enum {
  RAN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run (IcatSyncService *self);

static gboolean
run_timeout (gpointer data)
{
  IcatSyncService *self = data;

  self->run_source = 0;
  run (self);
  return G_SOURCE_REMOVE;
}

/* A run after delay_ms; an earlier one already planned stays. */
static void
run_after (IcatSyncService *self,
           guint            delay_ms)
{
  if (self->stopped || self->run_source != 0)
    return;
  self->run_source = g_timeout_add (delay_ms, run_timeout, self);
}

static void refresh_summary (IcatSyncService *self);

static gboolean
summary_timeout (gpointer data)
{
  IcatSyncService *self = data;

  self->summary_source = 0;
  refresh_summary (self);
  return G_SOURCE_REMOVE;
}

static void
laptop_folder_changed_cb (GFileMonitor      *monitor,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event,
                          IcatSyncService   *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN || event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_CHANGED)
    run_after (self, ICAT_SYNC_SETTLE_DELAY_MS);
}

/* Watches each other laptop's folder inside the sync folder; this
 * laptop's own is left alone, its writes are no news. */
static void
watch_laptop_folders (IcatSyncService *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->folder == NULL || (dir = g_dir_open (self->folder, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, name, NULL);
      g_autoptr(GFile) file = NULL;
      GFileMonitor *monitor;

      if (g_strcmp0 (name, self->device) == 0 || !g_file_test (path, G_FILE_TEST_IS_DIR) ||
          g_hash_table_contains (self->laptop_monitors, path))
        continue;
      file = g_file_new_for_path (path);
      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (monitor == NULL)
        continue;
      g_signal_connect (monitor, "changed", G_CALLBACK (laptop_folder_changed_cb), self);
      g_hash_table_insert (self->laptop_monitors, g_steal_pointer (&path), monitor);
    }
}

static void
sync_folder_changed_cb (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other_file,
                        GFileMonitorEvent  event,
                        IcatSyncService   *self)
{
  watch_laptop_folders (self);
  run_after (self, ICAT_SYNC_SETTLE_DELAY_MS);
}

static void
stop_watching (IcatSyncService *self)
{
  if (self->folder_monitor != NULL)
    {
      g_file_monitor_cancel (self->folder_monitor);
      g_signal_handlers_disconnect_by_data (self->folder_monitor, self);
      g_clear_object (&self->folder_monitor);
    }
  g_hash_table_remove_all (self->laptop_monitors);
  g_clear_pointer (&self->folder, g_free);
}

/* Follows the group's folder as the database names it now. */
static void
watch_folder (IcatSyncService      *self,
              const IcatSyncStatus *status)
{
  g_autoptr(GFile) file = NULL;

  if (self->stopped)
    return;
  if (status != NULL && status->group_id != NULL && g_strcmp0 (status->folder, self->folder) == 0 &&
      self->folder_monitor != NULL)
    return;
  stop_watching (self);
  if (status == NULL || status->group_id == NULL || status->folder == NULL ||
      !g_file_test (status->folder, G_FILE_TEST_IS_DIR))
    return;
  self->folder = g_strdup (status->folder);
  file = g_file_new_for_path (self->folder);
  self->folder_monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->folder_monitor != NULL)
    g_signal_connect (self->folder_monitor, "changed", G_CALLBACK (sync_folder_changed_cb), self);
  watch_laptop_folders (self);
}

/* Reads the status again (cheap: a few small tables, on the store's
 * thread), and follows its folder. */
static void
refresh_summary (IcatSyncService *self)
{
  g_autoptr(IcatSyncStatus) status = icat_sync_status (self->store, NULL);

  g_clear_pointer (&self->summary, icat_sync_summary_free);
  self->summary = icat_sync_summary_new (status, self->failure);
  watch_folder (self, status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
monitor_free (gpointer data)
{
  GFileMonitor *monitor = data;

  g_file_monitor_cancel (monitor);
  g_signal_handlers_disconnect_matched (monitor, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        laptop_folder_changed_cb, NULL);
  g_object_unref (monitor);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(IcatSyncService) self = data;
  g_autoptr(GError) error = NULL;
  IcatSyncReport report = { 0 };

  self->running = FALSE;
  g_clear_error (&self->failure);
  if (!icat_sync_run_finish (ICAT_STORE (source), result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("sync run failed: %s", error->message);
      self->failure = g_steal_pointer (&error);
    }
  else if (report.applied_changes > 0 || report.published_changes > 0)
    g_debug ("applied %u changes from %u laptops, published %u",
             report.applied_changes, report.applied_laptops, report.published_changes);
  if (self->stopped)
    return;
  refresh_summary (self);
  g_signal_emit (self, signals[RAN], 0);
  icat_sharing_refresh (self->store);
  if (self->run_again)
    {
      self->run_again = FALSE;
      run_after (self, ICAT_SYNC_SETTLE_DELAY_MS);
    }
}

static void
run (IcatSyncService *self)
{
  if (self->stopped)
    return;
  if (self->running)
    {
      self->run_again = TRUE;
      return;
    }
  if (self->summary == NULL || !self->summary->in_group)
    return;
  self->running = TRUE;
  icat_sync_run_async (self->store, NULL, self->cancellable, run_done_cb, g_object_ref (self));
}

static gboolean
rescan_timeout (gpointer data)
{
  IcatSyncService *self = data;

  refresh_summary (self);
  if (self->summary->in_group)
    run (self);
  return G_SOURCE_CONTINUE;
}

/* A save here (or a change applied from elsewhere: a run that finds
 * nothing new writes nothing, so this settles). */
static void
store_changed_cb (IcatSyncService *self)
{
  if (self->summary_source == 0)
    self->summary_source = g_timeout_add (100, summary_timeout, self);
  if (self->summary != NULL && self->summary->in_group)
    run_after (self, ICAT_SYNC_PUBLISH_DELAY_MS);
}

/* A conflict decided here: the count changes, and the decision (a change
 * of this laptop even when no record changed) is published. Only then:
 * every run refreshes the marks too. */
static void
marks_changed_cb (IcatSyncService *self)
{
  refresh_summary (self);
  if (self->summary->in_group && self->summary->unshared > 0)
    run_after (self, ICAT_SYNC_PUBLISH_DELAY_MS);
}

static void
icat_sync_service_dispose (GObject *object)
{
  IcatSyncService *self = ICAT_SYNC_SERVICE (object);

  /* A run in flight holds a reference: none is running here. */
  self->stopped = TRUE;
  g_clear_handle_id (&self->run_source, g_source_remove);
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  g_clear_handle_id (&self->summary_source, g_source_remove);
  stop_watching (self);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (icat_conflict_marks_get (self->store), self);
    }
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_sync_service_parent_class)->dispose (object);
}

static void
icat_sync_service_finalize (GObject *object)
{
  IcatSyncService *self = ICAT_SYNC_SERVICE (object);

  g_clear_pointer (&self->summary, icat_sync_summary_free);
  g_clear_error (&self->failure);
  g_clear_pointer (&self->laptop_monitors, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_free (self->device);
  G_OBJECT_CLASS (icat_sync_service_parent_class)->finalize (object);
}

static void
icat_sync_service_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcatSyncService *self = ICAT_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_pointer (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_sync_service_class_init (IcatSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icat_sync_service_dispose;
  object_class->finalize = icat_sync_service_finalize;
  object_class->get_property = icat_sync_service_get_property;

  properties[PROP_SUMMARY] =
    g_param_spec_pointer ("summary", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RAN] = g_signal_new ("ran", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
icat_sync_service_init (IcatSyncService *self)
{
  self->laptop_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, monitor_free);
  self->cancellable = g_cancellable_new ();
}

IcatSyncService *
icat_sync_service_new (IcatStore *store)
{
  IcatSyncService *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_SYNC_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->device = g_strdup (icat_store_get_device_id (store));
  g_signal_connect_swapped (store, "record-changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (store, "reloaded", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (icat_conflict_marks_get (store), "changed", G_CALLBACK (marks_changed_cb), self);
  self->rescan_source = g_timeout_add_seconds (ICAT_SYNC_RESCAN_SECONDS, rescan_timeout, self);
  refresh_summary (self);
  run (self);
  return self;
}

IcatStore *
icat_sync_service_get_store (IcatSyncService *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_SERVICE (self), NULL);
  return self->store;
}

const IcatSyncSummary *
icat_sync_service_get_summary (IcatSyncService *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_SERVICE (self), NULL);
  return self->summary;
}

void
icat_sync_service_run_now (IcatSyncService *self)
{
  g_return_if_fail (ICAT_IS_SYNC_SERVICE (self));

  g_clear_handle_id (&self->run_source, g_source_remove);
  g_clear_error (&self->failure);
  refresh_summary (self);
  run (self);
}

gboolean
icat_sync_service_is_busy (IcatSyncService *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_SERVICE (self), FALSE);
  return self->running || self->run_source != 0;
}

void
icat_sync_service_shutdown (IcatSyncService *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ICAT_IS_SYNC_SERVICE (self));

  if (self->stopped)
    return;
  self->stopped = TRUE;
  g_clear_handle_id (&self->run_source, g_source_remove);
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  stop_watching (self);
  while (self->running)
    g_main_context_iteration (NULL, TRUE);
  refresh_summary (self);
  if (self->summary->in_group && self->summary->folder_reachable && self->summary->unshared > 0 &&
      !icat_sync_run (self->store, NULL, NULL, &error))
    g_warning ("Changes not shared before quitting: %s", error->message);
}
