/* icat-record-create.c — saving a new record, then opening it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store writes on its own thread. json-glib counts references without
 * atomics, so what that thread reads is a copy sharing nothing with the
 * caller's record, and it stays alive until the answer comes back. A refusal
 * becomes a toast of the widget's window.
 */
#define G_LOG_DOMAIN "icat-record-create"

#include "config.h"

#include "icat-record-create.h"
#include "icat-toast.h"

typedef struct {
  GtkWidget            *widget;
  JsonObject           *record;
  IcatRecordCreatedFunc created;
  gpointer              user_data;
} Creating;

static void
creating_free (Creating *creating)
{
  g_object_unref (creating->widget);
  json_object_unref (creating->record);
  g_free (creating);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Creating, creating_free)

/* A deep copy: json_node_copy() would share the members. */
static JsonObject *
record_copy (JsonObject *record)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), record);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);

  return json_node_dup_object (copy);
}

static void
record_created_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Creating) creating = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  if (id == NULL)
    {
      icat_toast (creating->widget, error->message);
      return;
    }
  if (creating->created != NULL)
    creating->created (creating->widget, id, creating->user_data);
}

void
icat_record_create (IcatStore            *store,
                    const char           *kind,
                    JsonObject           *record,
                    GtkWidget            *widget,
                    IcatRecordCreatedFunc created,
                    gpointer              user_data)
{
  Creating *creating;

  g_return_if_fail (ICAT_IS_STORE (store));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (record != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  creating = g_new0 (Creating, 1);
  creating->widget = g_object_ref (widget);
  creating->record = record_copy (record);
  creating->created = created;
  creating->user_data = user_data;
  icat_store_save_async (store, kind, creating->record, NULL, record_created_cb, creating);
}
