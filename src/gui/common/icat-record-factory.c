/* icat-record-factory.c — list rows that show one record and follow its edits
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-record-factory"

#include "config.h"

#include "icat-record-factory.h"
#include "icat-record.h"

typedef struct {
  IcatRecordRowNew row_new;
  gpointer         user_data;
} RowMaker;

static void
row_maker_free (gpointer  data,
                GClosure *closure)
{
  g_free (data);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RowMaker                 *maker)
{
  gtk_list_item_set_child (item, maker->row_new (maker->user_data));
}

/* Given again, the same record is shown again with its new data. */
static void
record_data_changed_cb (IcatRecord  *record,
                        GParamSpec  *pspec,
                        GtkListItem *item)
{
  g_object_set (gtk_list_item_get_child (item), "record", record, NULL);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::data",
                           G_CALLBACK (record_data_changed_cb), item, 0);
  record_data_changed_cb (gtk_list_item_get_item (item), NULL, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), record_data_changed_cb, item);
  g_object_set (gtk_list_item_get_child (item), "record", NULL, NULL);
}

GtkListItemFactory *
icat_record_factory_new (IcatRecordRowNew row_new,
                         gpointer         user_data)
{
  GtkListItemFactory *factory;
  RowMaker *maker;

  g_return_val_if_fail (row_new != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  maker = g_new0 (RowMaker, 1);
  maker->row_new = row_new;
  maker->user_data = user_data;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_row_cb), maker, row_maker_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  return factory;
}
