/* icat-action-items-view.c
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-items-view.h"

struct _IcatActionItemsView {
  AdwBin     parent_instance;

  IcatStore *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (IcatActionItemsView, icat_action_items_view, ADW_TYPE_BIN)

static void
icat_action_items_view_dispose (GObject *object)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_action_items_view_parent_class)->dispose (object);
}

static void
icat_action_items_view_class_init (IcatActionItemsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icat_action_items_view_dispose;
}

static void
icat_action_items_view_init (IcatActionItemsView *self)
{
}

GtkWidget *
icat_action_items_view_new (IcatStore *store,
               GSettings *settings)
{
  IcatActionItemsView *self = g_object_new (ICAT_TYPE_ACTION_ITEMS_VIEW, NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  return GTK_WIDGET (self);
}
