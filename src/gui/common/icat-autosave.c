/* icat-autosave.c — how editors save: as the user types, a moment later
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: an edit is queued, and written half a second
 * after the typing stops, off the main loop. Closing the laptop mid-sentence
 * loses at most that half second.
 */
#define G_LOG_DOMAIN "icat-autosave"

#include "config.h"

#include "icat-autosave.h"
#include "icat-fields.h"

struct _IcatAutosave {
  GObject     parent_instance;

  IcatStore  *store;
  char       *kind;
  char       *id;
  JsonObject *queued;      /* fields waiting for the delay */
  guint       timeout;
  guint       in_flight;   /* saves sent and not yet answered */
  GQueue      sending;     /* their changes (JsonObject), oldest first */
};

G_DEFINE_FINAL_TYPE (IcatAutosave, icat_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PENDING,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every autosave alive (main thread only), so that each way out of the
 * app (Ctrl+Q, SIGTERM, the session ending) can write them all first. */
static GList *alive;

static gboolean delay_elapsed (gpointer data);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcatAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  self->in_flight--;
  /* The writer answers in the order it was sent. */
  json_object_unref (g_queue_pop_head (&self->sending));
  if (id == NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
  else
    {
      if (self->id == NULL)
        {
          self->id = g_steal_pointer (&id);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
        }
      g_signal_emit (self, signals[SAVED], 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
icat_autosave_flush (IcatAutosave *self)
{
  g_autoptr(JsonObject) changes = NULL;

  g_return_if_fail (ICAT_IS_AUTOSAVE (self));
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->queued == NULL)
    return;
  /* A new record is created by its first save; later ones wait for its id. */
  if (self->id == NULL && self->in_flight > 0)
    {
      self->timeout = g_timeout_add (ICAT_AUTOSAVE_DELAY_MS / 5, delay_elapsed, self);
      return;
    }
  changes = g_steal_pointer (&self->queued);
  if (self->id != NULL)
    json_object_set_string_member (changes, ICAT_KEY_ID, self->id);
  self->in_flight++;
  g_queue_push_tail (&self->sending, json_object_ref (changes));
  icat_store_save_async (self->store, self->kind, changes, NULL, saved_cb, g_object_ref (self));
}

static gboolean
delay_elapsed (gpointer data)
{
  IcatAutosave *self = data;

  self->timeout = 0;
  icat_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

void
icat_autosave_set (IcatAutosave *self,
                   const char   *field,
                   JsonNode     *value)
{
  g_return_if_fail (ICAT_IS_AUTOSAVE (self));
  g_return_if_fail (field != NULL);

  if (self->queued == NULL)
    self->queued = json_object_new ();
  json_object_set_member (self->queued, field, value ? value : json_node_new (JSON_NODE_NULL));
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add (ICAT_AUTOSAVE_DELAY_MS, delay_elapsed, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
icat_autosave_unset (IcatAutosave *self,
                     const char   *field)
{
  g_return_if_fail (ICAT_IS_AUTOSAVE (self));
  g_return_if_fail (field != NULL);

  if (self->queued == NULL || !json_object_has_member (self->queued, field))
    return;
  json_object_remove_member (self->queued, field);
  if (json_object_get_size (self->queued) > 0)
    return;
  g_clear_pointer (&self->queued, json_object_unref);
  g_clear_handle_id (&self->timeout, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
icat_autosave_set_string (IcatAutosave *self,
                          const char   *field,
                          const char   *value)
{
  icat_autosave_set (self, field,
                     value && *value ? json_node_init_string (json_node_alloc (), value) : NULL);
}

void
icat_autosave_set_int (IcatAutosave *self,
                       const char   *field,
                       gint64        value)
{
  icat_autosave_set (self, field, json_node_init_int (json_node_alloc (), value));
}

gboolean
icat_autosave_send_all (void)
{
  gboolean pending = FALSE;

  for (GList *l = alive; l != NULL; l = l->next)
    {
      icat_autosave_flush (l->data);
      pending |= icat_autosave_get_pending (l->data);
    }
  return pending;
}

void
icat_autosave_flush_all (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean pending;

  for (GList *l = alive; l != NULL; l = l->next)
    g_ptr_array_add (all, g_object_ref (l->data));
  /* Each answer comes back through the main loop once its transaction is
   * committed; a new record's later edits go out once its id is known. */
  do
    {
      pending = FALSE;
      for (guint i = 0; i < all->len; i++)
        {
          icat_autosave_flush (all->pdata[i]);
          pending |= icat_autosave_get_pending (all->pdata[i]);
        }
      if (pending && !g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  while (pending && g_get_monotonic_time () < deadline);
}

const char *
icat_autosave_get_id (IcatAutosave *self)
{
  g_return_val_if_fail (ICAT_IS_AUTOSAVE (self), NULL);
  return self->id;
}

gboolean
icat_autosave_get_pending (IcatAutosave *self)
{
  g_return_val_if_fail (ICAT_IS_AUTOSAVE (self), FALSE);
  return self->queued != NULL || self->in_flight > 0;
}

gboolean
icat_autosave_is_own_value (IcatAutosave      *self,
                            const char        *field,
                            JsonNode          *value,
                            IcatAutosaveSame   same)
{
  g_return_val_if_fail (ICAT_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (field != NULL && same != NULL, FALSE);

  for (GList *l = self->sending.head; l != NULL; l = l->next)
    if (json_object_has_member (l->data, field) &&
        same (json_object_get_member (l->data, field), value))
      return TRUE;
  return FALSE;
}

static void
icat_autosave_dispose (GObject *object)
{
  IcatAutosave *self = ICAT_AUTOSAVE (object);

  /* Whatever was typed is written, even when the editor goes away. */
  if (self->queued != NULL && self->store != NULL)
    icat_autosave_flush (self);
  g_clear_handle_id (&self->timeout, g_source_remove);
  alive = g_list_remove (alive, self);
  G_OBJECT_CLASS (icat_autosave_parent_class)->dispose (object);
}

static void
icat_autosave_finalize (GObject *object)
{
  IcatAutosave *self = ICAT_AUTOSAVE (object);

  g_clear_pointer (&self->queued, json_object_unref);
  g_queue_clear_full (&self->sending, (GDestroyNotify) json_object_unref);
  g_clear_object (&self->store);
  g_free (self->kind);
  g_free (self->id);
  G_OBJECT_CLASS (icat_autosave_parent_class)->finalize (object);
}

static void
icat_autosave_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IcatAutosave *self = ICAT_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, icat_autosave_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_autosave_class_init (IcatAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icat_autosave_dispose;
  object_class->finalize = icat_autosave_finalize;
  object_class->get_property = icat_autosave_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
icat_autosave_init (IcatAutosave *self)
{
}

IcatAutosave *
icat_autosave_new (IcatStore  *store,
                   const char *kind,
                   const char *id)
{
  IcatAutosave *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->id = g_strdup (id);
  alive = g_list_prepend (alive, self);
  return self;
}
