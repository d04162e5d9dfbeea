/* icat-meetings-view.c
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-meetings-view.h"

struct _IcatMeetingsView {
  AdwBin     parent_instance;

  IcatStore *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (IcatMeetingsView, icat_meetings_view, ADW_TYPE_BIN)

static void
icat_meetings_view_dispose (GObject *object)
{
  IcatMeetingsView *self = ICAT_MEETINGS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_meetings_view_parent_class)->dispose (object);
}

static void
icat_meetings_view_class_init (IcatMeetingsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icat_meetings_view_dispose;
}

static void
icat_meetings_view_init (IcatMeetingsView *self)
{
}

GtkWidget *
icat_meetings_view_new (IcatStore *store,
               GSettings *settings)
{
  IcatMeetingsView *self = g_object_new (ICAT_TYPE_MEETINGS_VIEW, NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  return GTK_WIDGET (self);
}
