/* icat-conflict-marks.c — which records wait for a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object per store holds the set of records with an open conflict,
 * read by one query; list rows, editors' banners and the sync window
 * follow its "changed" signal instead of each asking the database.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include "icat-conflict-marks.h"
#include "icat-sync.h"

#define MARKS_KEY "icat-conflict-marks"

struct _IcatConflictMarks {
  GObject     parent_instance;

  /* Borrowed: the store owns the marks */
  IcatStore  *store;

  /* Owned */
  GHashTable *records;      /* "kind/id" */
  guint       reload_idle;
};

G_DEFINE_FINAL_TYPE (IcatConflictMarks, icat_conflict_marks, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_marks (IcatConflictMarks *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) records = icat_sync_conflicted_records (self->store, &error);

  if (records == NULL)
    {
      g_warning ("Cannot read the records with conflicts: %s", error->message);
      return;
    }
  g_clear_pointer (&self->records, g_hash_table_unref);
  self->records = g_steal_pointer (&records);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  IcatConflictMarks *self = user_data;

  self->reload_idle = 0;
  icat_conflict_marks_reload (self);
  return G_SOURCE_REMOVE;
}

/* A sync run changes many records at once: one reload after them all. */
static void
store_changed_cb (IcatConflictMarks *self)
{
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
icat_conflict_marks_finalize (GObject *object)
{
  IcatConflictMarks *self = ICAT_CONFLICT_MARKS (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_pointer (&self->records, g_hash_table_unref);
  G_OBJECT_CLASS (icat_conflict_marks_parent_class)->finalize (object);
}

static void
icat_conflict_marks_class_init (IcatConflictMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icat_conflict_marks_finalize;

  /* The marks were read again; they may be the same as before. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
icat_conflict_marks_init (IcatConflictMarks *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

IcatConflictMarks *
icat_conflict_marks_get (IcatStore *store)
{
  IcatConflictMarks *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), MARKS_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (ICAT_TYPE_CONFLICT_MARKS, NULL);
  self->store = store;
  read_marks (self);
  /* Handlers go with the marks, which go with the store. */
  g_signal_connect_object (store, "record-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (store), MARKS_KEY, self, g_object_unref);
  return self;
}

gboolean
icat_conflict_marks_has (IcatConflictMarks *self,
                         const char        *kind,
                         const char        *id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ICAT_IS_CONFLICT_MARKS (self), FALSE);

  if (kind == NULL || id == NULL)
    return FALSE;
  key = g_strconcat (kind, "/", id, NULL);
  return g_hash_table_contains (self->records, key);
}

void
icat_conflict_marks_reload (IcatConflictMarks *self)
{
  g_return_if_fail (ICAT_IS_CONFLICT_MARKS (self));

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  read_marks (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
icat_sharing_refresh (IcatStore *store)
{
  g_return_if_fail (ICAT_IS_STORE (store));
  icat_conflict_marks_reload (icat_conflict_marks_get (store));
}
