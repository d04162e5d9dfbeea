/* icat-sharing-window.c — the laptops of the group, refused files and
 * the conflicts that need a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown is read again from icat_sync_status () and
 * icat_sync_conflicts () whenever the store's conflict marks are (after
 * any change of the store, and after each sync run): a handful of small
 * queries, rebuilt whole since there are a few laptops and conflicts.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-conflict-card.h"
#include "icat-conflict-marks.h"
#include "icat-sharing-window.h"
#include "icat-sharing-words.h"
#include "icat-sync.h"
#include "icat-sync-summary.h"

#define WINDOW_KEY "icat-sharing-window"

struct _IcatSharingWindow {
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toasts;
  AdwViewStack      *stack;
  AdwViewStackPage  *files_page;
  AdwViewStackPage  *decisions_page;
  GtkBox            *laptops_box;
  GtkBox            *files_box;
  GtkBox            *decisions_box;

  /* Owned */
  IcatStore         *store;
  IcatConflictMarks *marks;
  GCancellable      *cancellable;   /* the folder's reachability */
  GtkLabel          *folder_state;  /* not owned: in laptops_box */
};

G_DEFINE_FINAL_TYPE (IcatSharingWindow, icat_sharing_window, ADW_TYPE_WINDOW)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

static GtkWidget *
row_new (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
status_page_new (GtkBox     *box,
                 const char *icon,
                 const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (box, page);
  return page;
}

/* Laptops {{{ */

static void
preferences_clicked_cb (GtkButton *button)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "preferences"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
}

static void
show_not_in_group (IcatSharingWindow *self)
{
  GApplication *app = g_application_get_default ();
  GtkWidget *page = status_page_new (self->laptops_box, "network-workgroup-symbolic", _("Not Sharing Yet"),
                                     _("To merge this laptop’s records with other laptops, open Preferences → Sharing: "
                                       "create a group on the first laptop, then join it from the others."));

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "preferences"))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Open _Preferences"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect (button, "clicked", G_CALLBACK (preferences_clicked_cb), NULL);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
}

static char *
laptop_subtitle (const IcatSyncLaptop *laptop)
{
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;

  /* Joined, and sent nothing yet: as the sidebar says it. */
  if (laptop->applied == 0 && laptop->published == 0)
    return g_strdup (_("Nothing received yet"));
  when = icat_sharing_time_text (laptop->last_change_at);
  /* Translators: how many of a laptop's changes this one has taken in. */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d change applied", "%d of %d changes applied",
                                         laptop->published),
                            (int) laptop->applied, (int) laptop->published);

  if (when == NULL)
    return g_steal_pointer (&counts);
  /* Translators: the time of a laptop's newest change, then counts. */
  return g_strdup_printf (_("Last change %s · %s"), when, counts);
}

static void
folder_info_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);
  IcatSharingWindow *self;

  if (g_cancellable_is_cancelled (G_CANCELLABLE (user_data)))
    return;
  self = g_object_get_data (G_OBJECT (user_data), WINDOW_KEY);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    gtk_label_set_label (self->folder_state, _("Reachable"));
  else
    {
      gtk_label_set_label (self->folder_state, _("Not reachable"));
      gtk_widget_add_css_class (GTK_WIDGET (self->folder_state), "error");
    }
}

/* A network folder may take long to answer: asked off the main loop. */
static void
show_folder (IcatSharingWindow *self,
             GtkWidget         *group,
             const char        *folder)
{
  GtkWidget *row = row_new (group, _("Sync folder"), folder ? folder : _("No folder chosen"));
  g_autoptr(GFile) file = NULL;

  if (folder == NULL)
    return;
  self->folder_state = GTK_LABEL (gtk_label_new (_("Checking…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->folder_state), "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->folder_state));
  self->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->cancellable), WINDOW_KEY, self);
  file = g_file_new_for_path (folder);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->cancellable, folder_info_cb, self->cancellable);
}

static void
show_laptops (IcatSharingWindow    *self,
              const IcatSyncStatus *status)
{
  const char *self_id = icat_store_get_device_id (self->store);
  GtkWidget *group;
  g_autofree char *unshared = NULL;
  g_autoptr(IcatSyncSummary) summary = icat_sync_summary_new (status, NULL);

  /* The folder's answer would be for a row that is gone. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->folder_state = NULL;
  clear_box (self->laptops_box);
  if (status == NULL || status->group_id == NULL)
    {
      show_not_in_group (self);
      return;
    }
  group = group_new (self->laptops_box, _("This Laptop"), NULL);
  unshared = status->unshared == 0 ? g_strdup (_("All changes shared"))
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d change not yet shared",
                                             "%d changes not yet shared", status->unshared),
                                (int) status->unshared);
  row_new (group, status->device_name && *status->device_name ? status->device_name : _("This laptop"), unshared);
  show_folder (self, group, status->folder);

  group = group_new (self->laptops_box, _("Other Laptops"),
                     _("Each laptop of the group, with its newest change taken in here."));
  for (guint i = 0; i < status->laptops->len; i++)
    {
      IcatSyncLaptop *laptop = status->laptops->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;

      if (laptop->is_self)
        continue;
      name = icat_sharing_laptop_name (status, laptop->device_id, self_id);
      subtitle = laptop_subtitle (laptop);
      row_new (group, name, subtitle);
    }
  /* Counted as the sidebar counts them, so both say the same. */
  if (summary->other_laptops == 0)
    row_new (group, _("No other laptop yet"), _("Laptops appear here once they have joined the group."));
}

/* }}} */
/* Refused files {{{ */

static void
show_problems (GtkWidget *group,
               GPtrArray *problems,
               gboolean   refused)
{
  for (guint i = 0; i < problems->len; i++)
    {
      IcatSyncFileProblem *problem = problems->pdata[i];
      g_autofree char *name = NULL;
      GtkWidget *row;

      if (problem->refused != refused)
        continue;
      /* "<laptop>/<number>.icatsync": the laptop's folder says whose. */
      name = g_path_get_basename (problem->path);
      row = row_new (group, name, icat_sharing_problem_words (problem->problem, problem->reason));
      gtk_widget_set_tooltip_text (row, problem->path);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
}

static void
show_files (IcatSharingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = icat_sync_file_problems (self->store, &error);
  guint refused = 0;

  clear_box (self->files_box);
  if (problems == NULL)
    {
      g_warning ("Cannot read the refused files: %s", error->message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    refused += ((IcatSyncFileProblem *) problems->pdata[i])->refused;
  adw_view_stack_page_set_needs_attention (self->files_page, refused > 0);
  adw_view_stack_page_set_badge_number (self->files_page, refused);
  if (problems->len == 0)
    {
      status_page_new (self->files_box, "emblem-ok-symbolic", _("No Refused Files"),
                       _("Every file in the sync folder came from this group and was taken in."));
      return;
    }
  if (refused > 0)
    show_problems (group_new (self->files_box, _("Refused"),
                              _("Nothing in these files was applied, and the files after them wait.")),
                   problems, TRUE);
  if (refused < problems->len)
    show_problems (group_new (self->files_box, _("Waiting"), _("These files will be taken in later.")),
                   problems, FALSE);
}

/* }}} */
/* Decisions {{{ */

static void
show_decisions (IcatSharingWindow    *self,
                const IcatSyncStatus *status,
                GPtrArray            *conflicts)
{
  guint n = conflicts ? conflicts->len : 0;
  g_autofree char *title = n ? g_strdup_printf (_("Needs Your Decision (%u)"), n) : g_strdup (_("Needs Your Decision"));

  clear_box (self->decisions_box);
  adw_view_stack_page_set_title (self->decisions_page, title);
  adw_view_stack_page_set_needs_attention (self->decisions_page, n > 0);
  adw_view_stack_page_set_badge_number (self->decisions_page, n);
  if (n == 0)
    {
      status_page_new (self->decisions_box, "emblem-ok-symbolic", _("Nothing to Decide"),
                       _("When two laptops change the same thing, both versions wait here until you choose."));
      return;
    }
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->decisions_box, icat_conflict_card_new (self->store, conflicts->pdata[i], status));
}

/* }}} */

static void
refresh (IcatSharingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = icat_sync_status (self->store, &error);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (status == NULL)
    g_warning ("Cannot read the state of sharing: %s", error->message);
  g_clear_error (&error);
  conflicts = icat_sync_conflicts (self->store, &error);
  if (conflicts == NULL)
    g_warning ("Cannot read the conflicts: %s", error->message);
  show_laptops (self, status);
  show_files (self);
  show_decisions (self, status, conflicts);
}

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  IcatSharingWindow *self = user_data;

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
icat_sharing_window_dispose (GObject *object)
{
  IcatSharingWindow *self = ICAT_SHARING_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->marks);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_SHARING_WINDOW);
  G_OBJECT_CLASS (icat_sharing_window_parent_class)->dispose (object);
}

static void
icat_sharing_window_class_init (IcatSharingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_sharing_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sharing/icat-sharing-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, files_page);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, decisions_page);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, laptops_box);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, files_box);
  gtk_widget_class_bind_template_child (widget_class, IcatSharingWindow, decisions_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icat_sharing_window_init (IcatSharingWindow *self)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The cards report a refusal as the main window's sections do. */
  g_signal_connect (toast, "activate", G_CALLBACK (toast_cb), self);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (toast));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "win", G_ACTION_GROUP (actions));
}

static IcatSharingWindow *
icat_sharing_window_new (GtkWindow *parent,
                         IcatStore *store)
{
  IcatSharingWindow *self = g_object_new (ICAT_TYPE_SHARING_WINDOW,
                                          "transient-for", parent,
                                          "destroy-with-parent", TRUE,
                                          "application", parent ? gtk_window_get_application (parent) : NULL,
                                          NULL);

  self->store = g_object_ref (store);
  self->marks = g_object_ref (icat_conflict_marks_get (store));
  g_signal_connect_object (self->marks, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

static void window_destroyed_cb (GtkWidget *window,
                                 GtkWindow *parent);

static void
parent_gone_cb (gpointer  window,
                GObject  *parent)
{
  g_signal_handlers_disconnect_by_func (window, window_destroyed_cb, parent);
}

static void
window_destroyed_cb (GtkWidget *window,
                     GtkWindow *parent)
{
  g_signal_handlers_disconnect_by_func (window, window_destroyed_cb, parent);
  g_object_weak_unref (G_OBJECT (parent), parent_gone_cb, window);
  g_object_steal_data (G_OBJECT (parent), WINDOW_KEY);
}

IcatSharingWindow *
icat_sharing_window_present (GtkWindow  *parent,
                             IcatStore  *store,
                             const char *page)
{
  IcatSharingWindow *self = parent ? g_object_get_data (G_OBJECT (parent), WINDOW_KEY) : NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  if (self == NULL)
    {
      self = icat_sharing_window_new (parent, store);
      if (parent != NULL)
        {
          /* One per window: found again while open, forgotten once closed. */
          g_object_set_data (G_OBJECT (parent), WINDOW_KEY, self);
          g_signal_connect (self, "destroy", G_CALLBACK (window_destroyed_cb), parent);
          g_object_weak_ref (G_OBJECT (parent), parent_gone_cb, self);
        }
    }
  if (page != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GtkWidget *
_icat_sharing_window_get_laptops (IcatSharingWindow *self)
{
  g_return_val_if_fail (ICAT_IS_SHARING_WINDOW (self), NULL);
  return GTK_WIDGET (self->laptops_box);
}

GtkWidget *
_icat_sharing_window_get_files (IcatSharingWindow *self)
{
  g_return_val_if_fail (ICAT_IS_SHARING_WINDOW (self), NULL);
  return GTK_WIDGET (self->files_box);
}

GtkWidget *
_icat_sharing_window_get_decisions (IcatSharingWindow *self)
{
  g_return_val_if_fail (ICAT_IS_SHARING_WINDOW (self), NULL);
  return GTK_WIDGET (self->decisions_box);
}
