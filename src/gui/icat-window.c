/* icat-window.c — the main window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-format.h"
#include "icat-record-list.h"
#include "icat-window.h"

struct _IcatWindow {
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkListView          *meeting_list;

  /* Owned */
  GSettings            *settings;
  IcatRecordList       *meetings;
};

G_DEFINE_FINAL_TYPE (IcatWindow, icat_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_meeting_row (GtkListItem *item)
{
  IcatRecord *meeting = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;

  if (meeting == NULL)
    return;
  when = icat_format_meeting_when (icat_record_get_data (meeting));
  line = g_strdup_printf ("%s · %s", when, icat_format_venue (icat_record_get_string (meeting, "venue")));
  gtk_label_set_label (GTK_LABEL (title), icat_record_get_title (meeting));
  gtk_label_set_label (GTK_LABEL (subtitle), line);
}

static void
setup_meeting_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "meeting-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
meeting_data_changed_cb (IcatRecord  *meeting,
                         GParamSpec  *pspec,
                         GtkListItem *item)
{
  update_meeting_row (item);
}

static void
bind_meeting_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  /* Rows follow edits made anywhere: the store refreshes the record. */
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::data",
                           G_CALLBACK (meeting_data_changed_cb), item, 0);
  update_meeting_row (item);
}

static void
unbind_meeting_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), meeting_data_changed_cb, item);
}

static void
update_empty_state (IcatWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
icat_window_dispose (GObject *object)
{
  IcatWindow *self = ICAT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_WINDOW);
  g_clear_object (&self->meetings);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_window_parent_class)->dispose (object);
}

static void
icat_window_class_init (IcatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/icat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, meeting_list);
}

static void
icat_window_init (IcatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

IcatWindow *
icat_window_new (IcatApplication *application)
{
  IcatWindow *self = g_object_new (ICAT_TYPE_WINDOW, "application", application, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->meetings = icat_record_list_new (icat_application_get_store (application), "meeting");
  icat_record_list_set_sort (self->meetings, "starts_at", TRUE);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_meeting_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_meeting_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_meeting_row_cb), NULL);
  gtk_list_view_set_factory (self->meeting_list, factory);
  g_object_unref (factory);
  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->meetings)));

    gtk_list_view_set_model (self->meeting_list, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  update_empty_state (self);
  return self;
}
