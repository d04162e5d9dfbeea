/* icat-preferences-window.c — the preferences: sharing between laptops
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Sharing" page: this laptop's name, the sync folder, and the group
 * (make one, join one, or leave it). What it stores goes through the
 * sync engine's functions (icat-sync.h), which write through the store.
 */
#define G_LOG_DOMAIN "icat-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-preferences-window-private.h"
#include "icat-sync.h"

/* As much of a group id as tells two groups apart when read out. */
#define SHORT_GROUP_ID_LENGTH 8

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IcatPreferencesWindow, icat_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

void
_icat_preferences_toast (IcatPreferencesWindow *self,
                         const char            *message)
{
  /* A toast's title is markup in libadwaita 1.2: a path may hold "&". */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

void
_icat_preferences_alert (IcatPreferencesWindow *self,
                         GtkWindow             *parent,
                         const char            *heading,
                         const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent ? parent : GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_set_name (dialog, "preferences-alert");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_icat_preferences_sync_now (IcatPreferencesWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "sync-now"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
}

/* A name shown as stored is not an edit to apply: libadwaita 1.2 offers
 * the apply button after any change of the text, also one from here. */
static void
show_name (IcatPreferencesWindow *self,
           const char            *name)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) == 0)
    return;
  adw_entry_row_set_show_apply_button (self->name_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
}

static void
show_group (IcatPreferencesWindow *self)
{
  gboolean in_group = self->group_id != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->create_row), !in_group);
  gtk_widget_set_visible (GTK_WIDGET (self->join_row), !in_group);
  gtk_widget_set_visible (GTK_WIDGET (self->group_row), in_group);
  gtk_widget_set_visible (GTK_WIDGET (self->leave_row), in_group);
  if (in_group)
    {
      g_autofree char *short_id = g_strndup (self->group_id, SHORT_GROUP_ID_LENGTH);

      adw_action_row_set_subtitle (self->group_row, short_id);
      adw_preferences_group_set_description (self->group_group,
                                             _("This laptop shares its records with the group’s other laptops "
                                               "through the sync folder."));
    }
  else
    adw_preferences_group_set_description (self->group_group,
                                           _("This laptop is not in a group: its records stay on it alone."));
}

void
_icat_preferences_refresh (IcatPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = icat_sync_status (self->store, &error);

  if (status == NULL)
    {
      _icat_preferences_alert (self, NULL, _("The Sharing Settings Could Not Be Read"), error->message);
      return;
    }
  g_free (self->group_id);
  self->group_id = g_steal_pointer (&status->group_id);
  /* A folder chosen for a group yet to be made stays until it is made. */
  if (self->group_id != NULL || status->folder != NULL)
    {
      g_free (self->folder);
      self->folder = g_steal_pointer (&status->folder);
    }
  adw_action_row_set_subtitle (self->folder_row, self->folder ? self->folder : _("No folder chosen"));
  show_name (self, status->device_name ? status->device_name : "");
  show_group (self);
}

/* The laptop's name {{{ */

static void
name_applied_cb (IcatPreferencesWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = icat_sync_status (self->store, NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (typed));

  /* Enter after the apply button has already saved it. */
  if (status != NULL && g_strcmp0 (status->device_name ? status->device_name : "", trimmed) == 0)
    return;
  if (!icat_sync_set_device_name (self->store, typed, &error))
    {
      _icat_preferences_alert (self, NULL, _("The Name Could Not Be Saved"), error->message);
      return;
    }
  show_name (self, trimmed);
  _icat_preferences_toast (self, *trimmed ? _("Laptop name saved") : _("Laptop name cleared"));
}

/* }}} */
/* The sync folder {{{ */

GtkFileChooserNative *
_icat_preferences_new_chooser (IcatPreferencesWindow *self,
                               GtkWindow             *parent,
                               const char            *title,
                               GtkFileChooserAction   action,
                               const char            *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent ? parent : GTK_WINDOW (self),
                                                               action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

void
_icat_preferences_use_folder (IcatPreferencesWindow *self,
                              const char            *folder)
{
  g_autoptr(GError) error = NULL;

  if (self->group_id == NULL)
    {
      g_free (self->folder);
      self->folder = g_strdup (folder);
      adw_action_row_set_subtitle (self->folder_row, folder);
      return;
    }
  if (!icat_sync_set_folder (self->store, folder, &error))
    {
      _icat_preferences_alert (self, NULL, _("The Folder Could Not Be Used"), error->message);
      return;
    }
  _icat_preferences_refresh (self);
  _icat_preferences_sync_now (self);
}

static void
folder_chosen_cb (GtkNativeDialog       *chooser,
                  int                    response,
                  IcatPreferencesWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  gboolean create = self->create_after_folder;

  self->create_after_folder = FALSE;
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  if (path == NULL)
    {
      _icat_preferences_toast (self, _("Choose a folder on this computer or on a USB stick."));
      return;
    }
  _icat_preferences_use_folder (self, path);
  if (self->join != NULL)
    _icat_preferences_join_folder_changed (self);
  if (create)
    _icat_preferences_start_create (self);
}

void
_icat_preferences_choose_folder (IcatPreferencesWindow *self,
                                 GtkWindow             *parent)
{
  GtkFileChooserNative *chooser = _icat_preferences_new_chooser (self, parent, _("Choose the Sync Folder"),
                                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                                 _("_Select"));

  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_folder_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _icat_preferences_choose_folder (ICAT_PREFERENCES_WINDOW (widget), NULL);
}

/* }}} */
/* Leaving {{{ */

gboolean
_icat_preferences_leave_group (IcatPreferencesWindow *self,
                               GError               **error)
{
  if (!icat_sync_leave (self->store, error))
    return FALSE;
  /* Out of the group, no folder is in use: one is chosen again to join. */
  g_clear_pointer (&self->folder, g_free);
  _icat_preferences_refresh (self);
  _icat_preferences_sync_now (self);
  return TRUE;
}

static void
leave_answered_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   IcatPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "leave"))
    return;
  if (!_icat_preferences_leave_group (self, &error))
    _icat_preferences_alert (self, NULL, _("The Group Could Not Be Left"), error->message);
  else
    _icat_preferences_toast (self, _("Left the group; every record is still here."));
}

static void
leave_group_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave the Group?"),
                                              _("Leaving keeps all records on this laptop; its changes stop "
                                                "being shared, and the other laptops’ changes stop arriving."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave Group"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "leave-group-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_answered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */

static void
create_group_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _icat_preferences_start_create (ICAT_PREFERENCES_WINDOW (widget));
}

static void
join_group_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _icat_preferences_start_join (ICAT_PREFERENCES_WINDOW (widget));
}

static void
icat_preferences_window_constructed (GObject *object)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (icat_preferences_window_parent_class)->constructed (object);
  _icat_preferences_refresh (self);
}

static void
icat_preferences_window_dispose (GObject *object)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->join, _icat_preferences_join_request_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (icat_preferences_window_parent_class)->dispose (object);
}

static void
icat_preferences_window_finalize (GObject *object)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->group_id);
  g_free (self->folder);
  G_OBJECT_CLASS (icat_preferences_window_parent_class)->finalize (object);
}

static void
icat_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  IcatPreferencesWindow *self = ICAT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_preferences_window_class_init (IcatPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = icat_preferences_window_constructed;
  object_class->dispose = icat_preferences_window_dispose;
  object_class->finalize = icat_preferences_window_finalize;
  object_class->set_property = icat_preferences_window_set_property;
  object_class->get_property = icat_preferences_window_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ICAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/preferences/icat-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, group_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, create_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, join_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, group_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, leave_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);

  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL, choose_folder_activated);
  gtk_widget_class_install_action (widget_class, "prefs.create-group", NULL, create_group_activated);
  gtk_widget_class_install_action (widget_class, "prefs.join-group", NULL, join_group_activated);
  gtk_widget_class_install_action (widget_class, "prefs.leave-group", NULL, leave_group_activated);
}

static void
icat_preferences_window_init (IcatPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reminders", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
icat_preferences_window_new (GtkWindow *parent,
                             IcatStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  return g_object_new (ICAT_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
