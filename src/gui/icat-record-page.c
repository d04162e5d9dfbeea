/* icat-record-page.c — a plain list of one kind of record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sections that have no editor of their own yet (papers, mandates,
 * agencies and chairs, the work plan) show their records with this: a lazy
 * list, a title and one line of detail per row, updated as records change.
 */
#define G_LOG_DOMAIN "icat-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-record-page.h"

struct _IcatRecordPage {
  AdwBin                  parent_instance;

  IcatStore              *store;
  IcatRecordList         *records;
  IcatRecordSubtitleFunc  subtitle;
  GtkStack               *stack;
};

G_DEFINE_FINAL_TYPE (IcatRecordPage, icat_record_page, ADW_TYPE_BIN)

static void
update_row (IcatRecordPage *self,
            GtkListItem    *item)
{
  IcatRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *detail = NULL;

  if (record == NULL)
    return;
  detail = self->subtitle ? self->subtitle (self->store, record) : NULL;
  gtk_label_set_label (GTK_LABEL (title), icat_record_get_title (record));
  gtk_label_set_label (GTK_LABEL (subtitle), detail ? detail : "");
  gtk_widget_set_visible (subtitle, detail != NULL && *detail != '\0');
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IcatRecordPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "record-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
record_data_changed_cb (IcatRecord  *record,
                        GParamSpec  *pspec,
                        GtkListItem *item)
{
  GtkWidget *page = gtk_widget_get_ancestor (gtk_list_item_get_child (item), ICAT_TYPE_RECORD_PAGE);

  if (page != NULL)
    update_row (ICAT_RECORD_PAGE (page), item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IcatRecordPage           *self)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::data",
                           G_CALLBACK (record_data_changed_cb), item, 0);
  update_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IcatRecordPage           *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), record_data_changed_cb, item);
}

static void
update_empty_state (IcatRecordPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->records)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
icat_record_page_dispose (GObject *object)
{
  IcatRecordPage *self = ICAT_RECORD_PAGE (object);

  g_clear_object (&self->records);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_record_page_parent_class)->dispose (object);
}

static void
icat_record_page_class_init (IcatRecordPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icat_record_page_dispose;
}

static void
icat_record_page_init (IcatRecordPage *self)
{
}

GtkWidget *
icat_record_page_new (IcatStore              *store,
                      IcatRecordList         *records,
                      IcatRecordSubtitleFunc  subtitle,
                      const char             *empty_title)
{
  IcatRecordPage *self = g_object_new (ICAT_TYPE_RECORD_PAGE, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *list, *scrolled, *empty;

  self->store = g_object_ref (store);
  self->records = g_object_ref (records);
  self->subtitle = subtitle;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (records)));
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  empty = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), empty_title);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  g_signal_connect_object (records, "items-changed", G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  update_empty_state (self);
  return GTK_WIDGET (self);
}

IcatRecordList *
icat_record_page_get_list (IcatRecordPage *self)
{
  g_return_val_if_fail (ICAT_IS_RECORD_PAGE (self), NULL);
  return self->records;
}
