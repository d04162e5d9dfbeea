/* icat-record.c — one live record, as views show it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store hands out one IcatRecord per record while anybody holds it and
 * refreshes it in place when the record changes, so every row, editor and
 * window showing it updates through property notifications.
 */
#define G_LOG_DOMAIN "icat-record"

#include "config.h"

#include "icat-record.h"
#include "icat-record-io.h"
#include "icat-schema.h"

struct _IcatRecord {
  GObject     parent_instance;

  char       *kind;
  char       *id;
  JsonObject *data;
  char       *title;
  gboolean    deleted;
};

G_DEFINE_FINAL_TYPE (IcatRecord, icat_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_DATA,
  PROP_TITLE,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
icat_record_finalize (GObject *object)
{
  IcatRecord *self = ICAT_RECORD (object);

  g_free (self->kind);
  g_free (self->id);
  g_free (self->title);
  g_clear_pointer (&self->data, json_object_unref);
  G_OBJECT_CLASS (icat_record_parent_class)->finalize (object);
}

static void
icat_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IcatRecord *self = ICAT_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_record_class_init (IcatRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icat_record_finalize;
  object_class->get_property = icat_record_get_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icat_record_init (IcatRecord *self)
{
}

IcatRecord *
_icat_record_new (const char *kind,
                  const char *id,
                  JsonObject *data)
{
  IcatRecord *self = g_object_new (ICAT_TYPE_RECORD, NULL);

  self->kind = g_strdup (kind);
  self->id = g_strdup (id);
  self->data = json_object_ref (data);
  self->title = icat_record_title (icat_schema_lookup (kind), data);
  return self;
}

void
_icat_record_set_data (IcatRecord *self,
                       JsonObject *data)
{
  g_autofree char *title = icat_record_title (icat_schema_lookup (self->kind), data);

  gboolean title_changed = g_strcmp0 (title, self->title) != 0;

  /* Both set before either is told: a view following "data" reads the
   * title too. */
  g_clear_pointer (&self->data, json_object_unref);
  self->data = json_object_ref (data);
  if (title_changed)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_icat_record_set_deleted (IcatRecord *self)
{
  if (self->deleted)
    return;
  self->deleted = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

const char *
icat_record_get_kind (IcatRecord *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  return self->kind;
}

const char *
icat_record_get_id (IcatRecord *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  return self->id;
}

JsonObject *
icat_record_get_data (IcatRecord *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  return self->data;
}

const char *
icat_record_get_title (IcatRecord *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  return self->title;
}

gboolean
icat_record_get_deleted (IcatRecord *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), FALSE);
  return self->deleted;
}

static JsonNode *
member (IcatRecord *self,
        const char *field)
{
  JsonNode *node = json_object_get_member (self->data, field);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

const char *
icat_json_get_string (JsonObject *object,
                      const char *field)
{
  JsonNode *node = object ? json_object_get_member (object, field) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

const char *
icat_record_get_string (IcatRecord *self,
                        const char *field)
{
  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  return icat_json_get_string (self->data, field);
}

gint64
icat_record_get_int (IcatRecord *self,
                     const char *field,
                     gint64      fallback)
{
  JsonNode *node;

  g_return_val_if_fail (ICAT_IS_RECORD (self), fallback);
  node = member (self, field);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

const char *
icat_record_get_localized (IcatRecord *self,
                           const char *field)
{
  JsonNode *node;

  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  node = member (self, field);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return icat_localized_pick (json_node_get_object (node));
}

JsonArray *
icat_record_get_array (IcatRecord *self,
                       const char *field)
{
  JsonNode *node;

  g_return_val_if_fail (ICAT_IS_RECORD (self), NULL);
  node = member (self, field);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}
