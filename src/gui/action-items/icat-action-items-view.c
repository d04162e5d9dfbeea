/* icat-action-items-view.c — the Action items section: list, editor, actions
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a lazy IcatRecordList: filters and column sorting are SQL,
 * and a row reads its record only when it is bound, so 100,000 items cost
 * no more than a screenful. Nothing here walks the list of action items.
 * The columns, the filters and the chasing e-mail have files of their own
 * (see icat-action-items-view-private.h).
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-item-editor.h"
#include "icat-action-items-chase.h"
#include "icat-action-items-view-private.h"
#include "icat-first-page.h"
#include "icat-format.h"
#include "icat-record-create.h"
#include "icat-rtl-scroll.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"

/* The table's rows are one line of text: 32 pixels in Adwaita. */
#define MIN_ROW_HEIGHT 30

G_DEFINE_FINAL_TYPE (IcatActionItemsView, icat_action_items_view, ADW_TYPE_BIN)

/* Count, empty state, selection {{{ */

static void
update_count (IcatActionItemsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action item", "%u action items", n), n);
  gboolean filtered = _icat_action_items_view_any_filter (self);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n == 0 ? "empty" : "list");
  if (n > 0)
    return;
  adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Action Items") : _("No Action Items"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("No action item matches these filters.")
                                            : _("Decisions become action items here. Press Ctrl+N to add one."));
  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_widget_set_visible (self->new_button, !filtered);
}

static void
selection_changed_cb (IcatActionItemsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_menu_button), !gtk_bitset_is_empty (selected));
}

static void
items_changed_cb (IcatActionItemsView *self)
{
  update_count (self);
}

static void
setup_status_menu (IcatActionItemsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; icat_action_statuses[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (icat_action_status_label (icat_action_statuses[i]), NULL);

      g_menu_item_set_action_and_target (item, "items.set-status", "s", icat_action_statuses[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->status_menu_button, G_MENU_MODEL (menu));
}

/* }}} */
/* Finding a row {{{ */

static GtkWidget *
inner_list_view (IcatActionItemsView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Selects the item's row and scrolls to it. The position is counted in
 * SQL, not looked for row by row: a new item sorts last of 100,000. */
static void
select_row (IcatActionItemsView *self,
            const char          *id)
{
  guint position = icat_record_list_find_position (self->items, id);
  GtkWidget *list = inner_list_view (self);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Filtered out: the selection must not name other rows. */
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }
  icat_first_page_show_all (self->first_page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* }}} */
/* Editor pane {{{ */

static void setup_editor (IcatActionItemsView *self);

static void
show_item (gpointer    view,
           const char *id)
{
  IcatActionItemsView *self = view;

  if (self->editor != NULL)
    icat_action_item_editor_set_item (self->editor, id);
}

static const char *
shown_item (gpointer view)
{
  IcatActionItemsView *self = view;

  return self->editor != NULL ? icat_action_item_editor_get_item_id (self->editor) : NULL;
}

static void
open_item (IcatActionItemsView *self,
           const char          *id)
{
  /* Made when first needed: nothing of it shows before. */
  if (self->editor == NULL)
    setup_editor (self);
  icat_list_detail_open (self->list_detail, id);
}

static void
row_activated_cb (IcatActionItemsView *self,
                  guint                position)
{
  g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    open_item (self, icat_record_get_id (item));
}

/* }}} */
/* Actions {{{ */

static void
close_editor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);

  if (self->list_detail != NULL)
    icat_list_detail_close (self->list_detail);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  icat_action_items_view_new_item (ICAT_ACTION_ITEMS_VIEW (widget));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _icat_action_items_view_set_filters (ICAT_ACTION_ITEMS_VIEW (widget), NULL, NULL, FALSE, FALSE, FALSE, NULL, NULL, NULL);
}

static void
bulk_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IcatActionItemsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);
  g_autofree char *message = NULL;

  self->bulk_pending--;
  if (id == NULL)
    {
      self->bulk_failed++;
      if (self->bulk_error == NULL)
        self->bulk_error = g_strdup (error->message);
    }
  if (self->bulk_pending > 0 || self->bulk_failed == 0)
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The status of %u action item could not be changed: %s",
                                          "The status of %u action items could not be changed: %s",
                                          self->bulk_failed),
                             self->bulk_failed, self->bulk_error);
  self->bulk_failed = 0;
  g_clear_pointer (&self->bulk_error, g_free);
  icat_toast (GTK_WIDGET (self), message);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);
  const char *status = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  /* A status chosen in the editor a moment ago is written first. */
  if (self->editor != NULL)
    icat_action_item_editor_flush (self->editor);
  for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position); valid;
       valid = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
      g_autoptr(JsonObject) changes = NULL;

      if (item == NULL || g_strcmp0 (icat_record_get_string (item, ICAT_KEY_STATUS), status) == 0)
        continue;
      changes = json_object_new ();
      json_object_set_string_member (changes, ICAT_KEY_ID, icat_record_get_id (item));
      json_object_set_string_member (changes, ICAT_KEY_STATUS, status);
      self->bulk_pending++;
      icat_store_save_async (self->store, "action_item", changes, NULL, bulk_saved_cb, g_object_ref (self));
    }
}

/* }}} */
/* Public API {{{ */

static char *
default_owner (IcatActionItemsView *self)
{
  const char *filtered = _icat_action_items_view_get_filter_agency (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  char *first = NULL;

  if (filtered != NULL)
    return g_strdup (filtered);
  /* UNODC coordinates ICAT; the agency list is short. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      if (agency == NULL)
        continue;
      if (g_strcmp0 (icat_record_get_string (agency, ICAT_KEY_ACRONYM), "UNODC") == 0)
        {
          g_free (first);
          return g_strdup (icat_record_get_id (agency));
        }
      if (first == NULL)
        first = g_strdup (icat_record_get_id (agency));
    }
  return first;
}

static void
new_item_created (GtkWidget  *view,
                  const char *id,
                  gpointer    user_data)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (view);

  if (self->store == NULL)
    return;
  icat_action_items_view_show_item (self, id);
  if (self->editor != NULL)
    icat_action_item_editor_focus_title (self->editor);
}

void
icat_action_items_view_new_item (IcatActionItemsView *self)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *owner = NULL;

  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  owner = default_owner (self);
  if (owner == NULL)
    return;
  json_object_set_string_member (changes, ICAT_KEY_TITLE, _("New action item"));
  json_object_set_string_member (changes, ICAT_KEY_OWNER, owner);
  json_object_set_string_member (changes, ICAT_KEY_STATUS, "open");
  icat_record_create (self->store, "action_item", changes, GTK_WIDGET (self), new_item_created, NULL);
}

void
icat_action_items_view_show_item (IcatActionItemsView *self,
                                  const char          *id)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  g_return_if_fail (id != NULL);
  open_item (self, id);
  select_row (self, id);
}

void
icat_action_items_view_show_overdue (IcatActionItemsView *self,
                                     const char          *agency_id)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  _icat_action_items_view_set_filters (self, agency_id, NULL, TRUE, FALSE, FALSE, NULL, NULL, NULL);
}

void
icat_action_items_view_show_due (IcatActionItemsView *self,
                                 const char          *agency_id)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  _icat_action_items_view_set_filters (self, agency_id, NULL, FALSE, TRUE, FALSE, NULL, NULL, NULL);
}

/* }}} */
/* GObject {{{ */

static void
icat_action_items_view_dispose (GObject *object)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (object);

  _icat_action_items_view_dispose_columns (self);
  /* Columns going away change the column view's sorter: not a user's click. */
  self->syncing = TRUE;
  if (self->editor != NULL)
    icat_action_item_editor_set_item (self->editor, NULL);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin holds its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_ACTION_ITEMS_VIEW);
  g_clear_object (&self->list_detail);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_page);
  g_clear_object (&self->items);
  g_clear_object (&self->agencies);
  g_clear_object (&self->mandates);
  g_clear_object (&self->meetings);
  g_clear_pointer (&self->related, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_action_items_view_parent_class)->dispose (object);
}

static void
icat_action_items_view_finalize (GObject *object)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (object);

  g_free (self->today);
  g_free (self->sort);
  g_free (self->bulk_error);
  G_OBJECT_CLASS (icat_action_items_view_parent_class)->finalize (object);
}

static void
icat_action_items_view_class_init (IcatActionItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_action_items_view_dispose;
  object_class->finalize = icat_action_items_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/action-items/icat-action-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, list_page);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, mandate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, meeting_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, status_menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, email_holder);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, email_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "items.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "items.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "items.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "items.set-status", "s", set_status_activated);
  gtk_widget_class_install_action (widget_class, "items.email-agency", "s", _icat_action_items_view_email_agency_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "items.close-editor", NULL);
}

static void
icat_action_items_view_init (IcatActionItemsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = icat_today_string ();
  self->related = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  _icat_action_items_view_setup_columns (self);
  setup_status_menu (self);
}

static void
setup_editor (IcatActionItemsView *self)
{
  AdwLeafletPage *page;

  self->editor = ICAT_ACTION_ITEM_EDITOR (icat_action_item_editor_new (self->store));
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->editor));
  adw_leaflet_page_set_name (page, "editor");
  /* Going back to the list, folded (button or swipe), closes the item. */
  self->list_detail = icat_list_detail_new (ICAT_LIST_DETAIL_CLOSE, self->leaflet, self->list_page,
                                            GTK_WIDGET (self->editor), self, show_item, shown_item);
  icat_list_detail_set_separator (self->list_detail, self->editor_separator);
  icat_list_detail_bind_folded (self->list_detail, self->editor, "folded");
  g_signal_connect_object (self->editor, "notify::item-id", G_CALLBACK (icat_list_detail_shown_changed),
                           self->list_detail, G_CONNECT_SWAPPED);
}

GtkWidget *
icat_action_items_view_new (IcatStore *store,
                            GSettings *settings)
{
  IcatActionItemsView *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self = g_object_new (ICAT_TYPE_ACTION_ITEMS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->items = icat_record_list_new (store, "action_item");
  icat_chase_button_init (self->email_button, store);
  _icat_action_items_view_setup_filters (self);
  _icat_action_items_view_restore_sort (self);
  _icat_action_items_view_restore_filters (self);
  self->first_page = icat_first_page_new (g_object_ref (G_LIST_MODEL (self->items)),
                                           icat_first_page_rows (MIN_ROW_HEIGHT), GTK_WIDGET (self));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->first_page)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  icat_rtl_scroll_from_start (self->scroller);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
  return GTK_WIDGET (self);
}

/* }}} */
