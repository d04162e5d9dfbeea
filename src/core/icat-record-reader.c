/* icat-record-reader.c — records of an import read ahead on threads of their own
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and checking a record (json-glib, then the exchange format's
 * rules) is about a third of importing it. An import takes its records in
 * the document's order, so while it checks them across the document, or
 * writes them, the second core of a laptop can read the next ones. The
 * items stay in order for the taker: the first error it meets is the one
 * a reading in order meets.
 */
#define G_LOG_DOMAIN "icat-exchange"

#include "config.h"

#include "icat-record-reader.h"

/* Items read but not yet taken, at most: bounds the memory of the read
 * records whatever the document's size. */
#define READ_AHEAD 256

typedef struct {
  JsonObject     *record;
  IcatValidation *validation;
  GError         *error;
  gboolean        done;
} Item;

struct _IcatRecordReader {
  GMutex              lock;
  GCond               changed;
  Item               *items;
  guint               n_items;
  guint               n_taken;   /* the items before it were taken */
  gboolean            stopping;
  GPtrArray          *threads;
  IcatRecordReadFunc  read_func;
  gpointer            data;
};

typedef struct {
  IcatRecordReader *reader;
  guint             first;
  guint             step;
} Lane;

static gpointer
read_lane (gpointer user_data)
{
  g_autofree Lane *lane = user_data;
  IcatRecordReader *reader = lane->reader;

  for (guint i = lane->first; i < reader->n_items; i += lane->step)
    {
      Item item = { NULL, icat_validation_new (), NULL, TRUE };
      gboolean stop;

      g_mutex_lock (&reader->lock);
      while (!reader->stopping && i >= reader->n_taken + READ_AHEAD)
        g_cond_wait (&reader->changed, &reader->lock);
      stop = reader->stopping;
      g_mutex_unlock (&reader->lock);
      if (stop)
        {
          icat_validation_free (item.validation);
          break;
        }

      item.record = reader->read_func (reader->data, i, item.validation, &item.error);

      g_mutex_lock (&reader->lock);
      reader->items[i] = item;
      g_cond_broadcast (&reader->changed);
      g_mutex_unlock (&reader->lock);
      /* The taker stops at the first error: nothing after it is needed. */
      if (item.error != NULL)
        break;
    }
  return NULL;
}

IcatRecordReader *
icat_record_reader_start (guint               n_items,
                          guint               n_threads,
                          IcatRecordReadFunc  read_func,
                          gpointer            data)
{
  IcatRecordReader *reader = g_new0 (IcatRecordReader, 1);

  g_return_val_if_fail (n_threads > 0, NULL);
  g_mutex_init (&reader->lock);
  g_cond_init (&reader->changed);
  reader->items = g_new0 (Item, n_items);
  reader->n_items = n_items;
  reader->read_func = read_func;
  reader->data = data;
  reader->threads = g_ptr_array_new ();
  for (guint t = 0; t < MIN (n_threads, MAX (n_items, 1)); t++)
    {
      Lane *lane = g_new (Lane, 1);

      lane->reader = reader;
      lane->first = t;
      lane->step = n_threads;
      g_ptr_array_add (reader->threads, g_thread_new ("icat-record-reader", read_lane, lane));
    }
  return reader;
}

JsonObject *
icat_record_reader_take (IcatRecordReader  *reader,
                         guint              index,
                         IcatValidation   **validation,
                         GError           **error)
{
  Item item;

  g_return_val_if_fail (index == reader->n_taken && index < reader->n_items, NULL);
  g_mutex_lock (&reader->lock);
  while (!reader->items[index].done)
    g_cond_wait (&reader->changed, &reader->lock);
  item = reader->items[index];
  reader->items[index] = (Item) { NULL, NULL, NULL, TRUE };
  reader->n_taken = index + 1;
  g_cond_broadcast (&reader->changed);
  g_mutex_unlock (&reader->lock);

  if (item.error != NULL)
    g_propagate_error (error, item.error);
  if (validation != NULL)
    *validation = item.validation;
  else
    icat_validation_free (item.validation);
  return item.record;
}

void
icat_record_reader_stop (IcatRecordReader *reader)
{
  g_mutex_lock (&reader->lock);
  reader->stopping = TRUE;
  g_cond_broadcast (&reader->changed);
  g_mutex_unlock (&reader->lock);
  for (guint t = 0; t < reader->threads->len; t++)
    g_thread_join (reader->threads->pdata[t]);
  g_ptr_array_unref (reader->threads);

  for (guint i = reader->n_taken; i < reader->n_items; i++)
    {
      g_clear_pointer (&reader->items[i].record, json_object_unref);
      g_clear_pointer (&reader->items[i].validation, icat_validation_free);
      g_clear_error (&reader->items[i].error);
    }
  g_free (reader->items);
  g_mutex_clear (&reader->lock);
  g_cond_clear (&reader->changed);
  g_free (reader);
}
