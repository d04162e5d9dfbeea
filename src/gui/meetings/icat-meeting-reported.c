/* icat-meeting-reported.c — the action items reported on at a meeting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's page lists what the meeting heard about action items: the
 * items whose status changed on its days and those that arose from it,
 * each with its owner and the status reported. The list is read on a
 * worker by one indexed query (src/core/icat-reported-items.c), and again
 * a moment after action items change, so a burst of changes reads it once.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-format.h"
#include "icat-meeting-reported.h"
#include "icat-reported-items.h"

#define REFRESH_DELAY_MS 300

struct _IcatMeetingReported
{
  AdwBin        parent_instance;

  /* Borrowed: the child and its widgets */
  AdwPreferencesGroup *group;
  GtkListBox   *list;
  GtkWidget    *empty;
  GtkWidget    *more;

  /* Owned */
  IcatStore    *store;
  char         *meeting_id;
  GCancellable *cancellable;
  gulong        items_handler;
  gulong        meeting_handler;
  guint         refresh_source;
  guint         n_items;
};

G_DEFINE_FINAL_TYPE (IcatMeetingReported, icat_meeting_reported, ADW_TYPE_BIN)

static gpointer
read_reported (IcatDb        *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return icat_meeting_reported_items (db, data, error);
}

/* "UNODC · Done", and whether the item arose at this meeting. */
static char *
row_subtitle (IcatReportedItem *item)
{
  const char *owner = item->owner ? item->owner : "?";
  const char *status = icat_action_status_label (item->status);

  if (item->from_meeting)
    /* Translators: an action item reported at a meeting: its owner, its status, and that it arose at this meeting */
    return g_strdup_printf (_("%1$s · %2$s · arose at this meeting"), owner, status);
  /* Translators: an action item reported at a meeting: its owner and the status reported */
  return g_strdup_printf (_("%1$s · %2$s"), owner, status);
}

static GtkWidget *
row_new (IcatReportedItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = row_subtitle (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "meeting-reported-item");
  g_object_set_data_full (G_OBJECT (row), "action-item-id", g_strdup (item->id), g_free);
  return row;
}

static void
clear_rows (IcatMeetingReported *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_items = 0;
}

static void
show_items (IcatMeetingReported *self,
            GPtrArray           *items)
{
  clear_rows (self);
  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_list_box_append (self->list, row_new (items->pdata[i]));
  self->n_items = items ? items->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->n_items > 0);
  gtk_widget_set_visible (self->empty, items != NULL && self->n_items == 0);
  gtk_widget_set_visible (self->more, self->n_items >= ICAT_MEETING_REPORTED_MAX);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = icat_store_read_finish (result, &error);
  IcatMeetingReported *self;

  /* A widget gone or following another meeting cancelled this read. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "reported");
  g_clear_object (&self->cancellable);
  if (items == NULL)
    {
      g_warning ("Could not read the action items reported at a meeting: %s", error->message);
      return;
    }
  show_items (self, items);
}

static void
refresh (IcatMeetingReported *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->meeting_id == NULL)
    {
      show_items (self, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  /* The read holds the cancellable, not the widget, which may go first. */
  g_object_set_data (G_OBJECT (self->cancellable), "reported", self);
  icat_store_read_async (self->store, read_reported, g_strdup (self->meeting_id), g_free,
                         (GDestroyNotify) g_ptr_array_unref, ICAT_STORE_READ_DEFAULT, self->cancellable,
                         read_cb, g_object_ref (self->cancellable));
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  IcatMeetingReported *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (IcatStore           *store,
                  const char          *kind,
                  const char          *id,
                  int                  change,
                  IcatMeetingReported *self)
{
  if (g_strcmp0 (kind, "meeting") == 0 && g_strcmp0 (id, self->meeting_id) != 0)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  IcatMeetingReported *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "action-item-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.show-action-item", "s", id);
}

static void
forget_meeting (IcatMeetingReported *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->items_handler != 0)
    g_clear_signal_handler (&self->items_handler, self->store);
  if (self->meeting_handler != 0)
    g_clear_signal_handler (&self->meeting_handler, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting_id, g_free);
}

void
icat_meeting_reported_set_meeting (IcatMeetingReported *self,
                                   IcatStore           *store,
                                   const char          *meeting_id)
{
  g_return_if_fail (ICAT_IS_MEETING_REPORTED (self));
  g_return_if_fail (store == NULL || ICAT_IS_STORE (store));

  forget_meeting (self);
  /* Another meeting's rows never stand under this one while it is read. */
  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_widget_set_visible (self->more, FALSE);
  if (store != NULL && meeting_id != NULL)
    {
      self->store = g_object_ref (store);
      self->meeting_id = g_strdup (meeting_id);
      self->items_handler = g_signal_connect (store, "record-changed::action_item",
                                              G_CALLBACK (items_changed_cb), self);
      self->meeting_handler = g_signal_connect (store, "record-changed::meeting",
                                                G_CALLBACK (items_changed_cb), self);
    }
  refresh (self);
}

guint
icat_meeting_reported_get_n_items (IcatMeetingReported *self)
{
  g_return_val_if_fail (ICAT_IS_MEETING_REPORTED (self), 0);
  return self->n_items;
}

GtkWidget *
icat_meeting_reported_get_row (IcatMeetingReported *self,
                               guint                index)
{
  g_return_val_if_fail (ICAT_IS_MEETING_REPORTED (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index));
}

static void
icat_meeting_reported_dispose (GObject *object)
{
  forget_meeting (ICAT_MEETING_REPORTED (object));
  G_OBJECT_CLASS (icat_meeting_reported_parent_class)->dispose (object);
}

static void
icat_meeting_reported_class_init (IcatMeetingReportedClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icat_meeting_reported_dispose;
}

static void
icat_meeting_reported_init (IcatMeetingReported *self)
{
  g_autofree char *more = g_strdup_printf (_("Only the first %d are shown."), ICAT_MEETING_REPORTED_MAX);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Action Items Reported"));
  adw_preferences_group_set_description (self->group,
                                         _("Action items whose status changed on the meeting’s days, "
                                           "and those arising from it"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "meeting-reported-list");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->empty = gtk_label_new (_("No action items were reported at this meeting."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_set_name (self->empty, "meeting-reported-empty");
  gtk_widget_add_css_class (self->empty, "card");
  gtk_widget_add_css_class (self->empty, "meeting-placeholder");
  self->more = gtk_label_new (more);
  gtk_label_set_xalign (GTK_LABEL (self->more), 0);
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_widget_set_margin_top (self->more, 6);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_preferences_group_add (self->group, self->empty);
  adw_preferences_group_add (self->group, self->more);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  gtk_widget_set_name (GTK_WIDGET (self), "meeting-reported");
  show_items (self, NULL);
}
