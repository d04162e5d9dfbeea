/* icat-agencies-view.c — the Agencies and chairs section
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages under a switcher: the agencies, a lazy list sorted by acronym
 * with an editor beside it (as the Meetings section has), and the chair
 * rotation. What acts on whole agencies (a new one, deleting) lives here as
 * "agencies.*" actions, which the editor's buttons and menu reach. The
 * rotation page is made when it is first shown: it reads every chair term
 * and works out its proposal as it is made, which the agency list, the
 * page people open most, need not wait for.
 */
#define G_LOG_DOMAIN "icat-agencies-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agencies-view.h"
#include "icat-agency-editor.h"
#include "icat-agency-row.h"
#include "icat-chair-rotation.h"
#include "icat-delete-confirm.h"
#include "icat-error.h"
#include "icat-filter.h"
#include "icat-first-page.h"
#include "icat-format.h"
#include "icat-list-detail.h"
#include "icat-record-create.h"
#include "icat-record-factory.h"
#include "icat-record-io.h"
#include "icat-record-list.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"

/* The shortest an agency row is: how many fill the screen at the first frame. */
#define MIN_ROW_HEIGHT 90

struct _IcatAgenciesView {
  AdwBin              parent_instance;

  /* Template widgets */
  AdwViewStack       *pages;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkDropDown        *kind_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwBin             *editor_bin;
  AdwBin             *rotation_bin;

  /* Borrowed */
  IcatAgencyEditor   *editor;
  IcatChairRotation  *rotation;   /* NULL until the page is first shown */

  /* Owned */
  IcatListDetail     *list_detail;
  IcatStore          *store;
  GSettings          *settings;
  IcatRecordList     *agencies;
  GtkSingleSelection *selection;
  GtkSliceListModel  *rows;       /* borrowed from selection */
};

G_DEFINE_FINAL_TYPE (IcatAgenciesView, icat_agencies_view, ADW_TYPE_BIN)

/* Opening agencies */

static void
show_agency (gpointer    view,
             const char *id)
{
  IcatAgenciesView *self = view;

  icat_agency_editor_set_agency (self->editor, id);
}

static const char *
shown_agency (gpointer view)
{
  IcatAgenciesView *self = view;

  return icat_agency_editor_get_agency_id (self->editor);
}

static void
open_agency (IcatAgenciesView *self,
             const char       *id)
{
  icat_list_detail_open (self->list_detail, id);
}

void
icat_agencies_view_show_agency (IcatAgenciesView *self,
                                const char       *id)
{
  guint position;

  g_return_if_fail (ICAT_IS_AGENCIES_VIEW (self));
  g_return_if_fail (id != NULL);

  adw_view_stack_set_visible_child_name (self->pages, "agencies");
  icat_first_page_show_all (self->rows);
  position = icat_record_list_find_position (self->agencies, id);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  open_agency (self, id);
  if (icat_agency_editor_get_agency_id (self->editor) == NULL)
    icat_toast (GTK_WIDGET (self), _("This agency no longer exists."));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (widget);

  icat_list_detail_back (self->list_detail);
}

/* The kind filter */

static void
update_empty_state (IcatAgenciesView *self)
{
  icat_filter_show_empty (self->list_stack, G_LIST_MODEL (self->agencies));
}

static void
kind_selected_cb (IcatAgenciesView *self)
{
  icat_record_list_set_filter (self->agencies, ICAT_FILTER_KIND,
                               icat_filter_selected_value (self->kind_dropdown, icat_agency_kinds));
}

static void
setup_filter (IcatAgenciesView *self)
{
  icat_filter_setup (self->kind_dropdown, C_("agency filter", "All kinds"), icat_agency_kinds, ICAT_KEY_KIND,
                     G_CALLBACK (kind_selected_cb), self);
}

/* A new agency */

static void
agency_created (GtkWidget  *view,
                const char *id,
                gpointer    user_data)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (view);

  /* Not filtered out of sight by the kind shown. */
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  icat_record_list_refresh (self->agencies);
  icat_agencies_view_show_agency (self, id);
  icat_agency_editor_focus_acronym (self->editor);
}

/* Acronyms are unique: "NEW", then "NEW 2", "NEW 3"… */
static char *
unused_acronym (IcatAgenciesView *self)
{
  g_autoptr(IcatRecordList) all = icat_record_list_new (self->store, "agency");
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Translators: the acronym a new agency starts with, until it is typed */
  const char *base = C_("acronym", "NEW");
  char *acronym = g_strdup (base);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (agency != NULL)
        g_hash_table_add (taken, g_utf8_casefold (icat_record_get_string (agency, ICAT_KEY_ACRONYM), -1));
    }
  for (guint n = 2; ; n++)
    {
      g_autofree char *folded = g_utf8_casefold (acronym, -1);

      if (!g_hash_table_contains (taken, folded))
        return acronym;
      g_free (acronym);
      acronym = g_strdup_printf ("%s %u", base, n);
    }
}

static void
new_agency (IcatAgenciesView *self)
{
  g_autoptr(JsonObject) agency = json_object_new ();
  JsonObject *name = json_object_new ();
  JsonObject *membership = json_object_new ();
  JsonArray *memberships = json_array_new ();
  g_autofree char *acronym = unused_acronym (self);
  g_autofree char *today = icat_today_string ();

  json_object_set_string_member (name, icat_localized_user_code (), _("New agency"));
  json_object_set_string_member (membership, ICAT_KEY_ROLE, "member");
  json_object_set_string_member (membership, ICAT_KEY_FROM, today);
  json_array_add_object_element (memberships, membership);
  json_object_set_string_member (agency, ICAT_KEY_ACRONYM, acronym);
  json_object_set_object_member (agency, ICAT_KEY_NAME, name);
  json_object_set_string_member (agency, ICAT_KEY_KIND, "un-entity");
  json_object_set_array_member (agency, ICAT_KEY_MEMBERSHIPS, memberships);
  icat_record_create (self->store, "agency", agency, GTK_WIDGET (self), agency_created, NULL);
}

/* The rotation page */

static IcatChairRotation *
ensure_rotation (IcatAgenciesView *self)
{
  if (self->rotation == NULL)
    {
      GtkWidget *rotation = icat_chair_rotation_new (self->store, self->settings);

      self->rotation = ICAT_CHAIR_ROTATION (rotation);
      adw_bin_set_child (self->rotation_bin, rotation);
    }
  return self->rotation;
}

static void
visible_page_changed_cb (IcatAgenciesView *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "rotation") == 0)
    ensure_rotation (self);
}

void
icat_agencies_view_add (IcatAgenciesView *self)
{
  g_return_if_fail (ICAT_IS_AGENCIES_VIEW (self));

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "rotation") == 0)
    icat_chair_rotation_add_year (ensure_rotation (self));
  else
    new_agency (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (widget);

  if (g_str_equal (action_name, "agencies.new-agency"))
    new_agency (self);
  else
    icat_agencies_view_add (self);
}

/* Deleting */

static void
show_not_deleted (IcatAgenciesView *self,
                  const char       *acronym,
                  GError           *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Agency Not Deleted"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s is still named by chair years, meetings, papers, action items or as another agency’s successor. %s\n\n"
                                    "To show that it is no longer a member, give its role an end date under Memberships instead."),
                                  acronym, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_widget_set_name (GTK_WIDGET (dialog), "agency-not-deleted");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  IcatAgenciesView *view;
  char             *acronym;
} Deleting;

static void
agency_deleted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Deleting *deleting = user_data;
  g_autoptr(GError) error = NULL;

  if (icat_store_delete_finish (ICAT_STORE (source), result, &error))
    gtk_widget_activate_action (GTK_WIDGET (deleting->view), "win.toast-undo", "s", _("Agency deleted"));
  else if (g_error_matches (error, ICAT_ERROR, ICAT_ERROR_IN_USE))
    show_not_deleted (deleting->view, deleting->acronym, error);
  else
    icat_toast (GTK_WIDGET (deleting->view), error->message);
  g_object_unref (deleting->view);
  g_free (deleting->acronym);
  g_free (deleting);
}

/* user_data: the agency's id and acronym */
static void
delete_confirmed (GtkWidget *view,
                  gpointer   user_data)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (view);
  const char * const *agency = user_data;
  Deleting *deleting = g_new0 (Deleting, 1);

  deleting->view = g_object_ref (self);
  deleting->acronym = g_strdup (agency[1]);
  icat_agency_editor_flush (self->editor);
  icat_store_delete_async (self->store, "agency", agency[0], NULL, agency_deleted_cb, deleting);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (widget);
  const char *id = icat_agency_editor_get_agency_id (self->editor);
  g_autoptr(IcatRecord) agency = id ? icat_store_lookup (self->store, "agency", id) : NULL;
  g_autofree char *body = NULL;
  char **id_and_acronym;

  if (agency == NULL)
    return;
  body = g_strdup_printf (_("“%s” will be deleted with its memberships and focal points."),
                          icat_record_get_title (agency));
  id_and_acronym = g_new0 (char *, 3);
  id_and_acronym[0] = g_strdup (id);
  id_and_acronym[1] = g_strdup (icat_record_get_string (agency, ICAT_KEY_ACRONYM));
  icat_delete_confirm (widget, _("Delete Agency?"), body, "delete-agency", delete_confirmed, id_and_acronym,
                       (GDestroyNotify) g_strfreev);
}

/* Pages */

const char *
icat_agencies_view_get_page (IcatAgenciesView *self)
{
  g_return_val_if_fail (ICAT_IS_AGENCIES_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->pages);
}

void
icat_agencies_view_set_page (IcatAgenciesView *self,
                             const char       *page)
{
  g_return_if_fail (ICAT_IS_AGENCIES_VIEW (self));
  adw_view_stack_set_visible_child_name (self->pages, page);
}

/* The type */

static void
icat_agencies_view_dispose (GObject *object)
{
  IcatAgenciesView *self = ICAT_AGENCIES_VIEW (object);

  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_AGENCIES_VIEW);
  g_clear_object (&self->list_detail);
  g_clear_object (&self->selection);
  g_clear_object (&self->agencies);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_agencies_view_parent_class)->dispose (object);
}

static void
icat_agencies_view_class_init (IcatAgenciesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_agencies_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/agencies/icat-agencies-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, pages);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, IcatAgenciesView, rotation_bin);

  gtk_widget_class_install_action (widget_class, "agencies.new", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agencies.new-agency", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agencies.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "agencies.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "agencies.new", NULL);
}

static void
icat_agencies_view_init (IcatAgenciesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
agency_row_new (gpointer store)
{
  return icat_agency_row_new (store);
}

static void
setup_list (IcatAgenciesView *self)
{
  g_autoptr(GtkListItemFactory) factory = icat_record_factory_new (agency_row_new, self->store);

  self->agencies = icat_record_list_new (self->store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  g_signal_connect_object (self->agencies, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED);
  self->rows = icat_first_page_new (g_object_ref (G_LIST_MODEL (self->agencies)),
                                    icat_first_page_rows (MIN_ROW_HEIGHT), GTK_WIDGET (self->list_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  icat_list_detail_set_selection (self->list_detail, self->selection);
  icat_list_detail_set_list (self->list_detail, self->list_view);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_empty_state (self);
}

GtkWidget *
icat_agencies_view_new (IcatStore *store,
                        GSettings *settings)
{
  IcatAgenciesView *self;
  GtkWidget *editor;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ICAT_TYPE_AGENCIES_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  editor = icat_agency_editor_new (store);
  self->editor = ICAT_AGENCY_EDITOR (editor);
  adw_bin_set_child (self->editor_bin, editor);
  self->list_detail = icat_list_detail_new (ICAT_LIST_DETAIL_KEEP, self->leaflet, self->list_pane,
                                            adw_leaflet_get_child_by_name (self->leaflet, "editor"),
                                            self, show_agency, shown_agency);
  icat_list_detail_bind_folded (self->list_detail, editor, "folded");
  g_signal_connect_object (editor, "notify::agency-id", G_CALLBACK (icat_list_detail_shown_changed),
                           self->list_detail, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (visible_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  setup_list (self);
  setup_filter (self);
  return GTK_WIDGET (self);
}

/* For tests */

GtkWidget *
_icat_agencies_view_get_editor (IcatAgenciesView *self)
{
  return GTK_WIDGET (self->editor);
}

GtkWidget *
_icat_agencies_view_get_rotation (IcatAgenciesView *self)
{
  return GTK_WIDGET (ensure_rotation (self));
}

GListModel *
_icat_agencies_view_get_list (IcatAgenciesView *self)
{
  return G_LIST_MODEL (self->agencies);
}
