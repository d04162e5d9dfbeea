/* icat-preferences-sharing.c — making a group, and joining one
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making a group asks for the folder (if none is chosen) and where to
 * save the join file, then shows the passphrase to read out. Joining asks
 * for the join file or the passphrase and the folder, and says first that
 * the group's records replace this laptop's. A refusal is shown in plain
 * words and changes nothing; the join dialog comes back with what was
 * typed, so nothing has to be typed twice.
 */
#define G_LOG_DOMAIN "icat-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-error.h"
#include "icat-preferences-window-private.h"
#include "icat-sync.h"

#define JOIN_FILE_NAME "icat-group.icatjoin"

struct _IcatJoinRequest {
  char             *join_file;
  char             *error;           /* why the last try was refused */
  char             *passphrase;
  /* The dialog showing the request, and its rows; NULL when closed. */
  AdwMessageDialog *dialog;
  AdwActionRow     *file_row;
  AdwActionRow     *folder_row;
  AdwEntryRow      *passphrase_row;
};

void
_icat_preferences_join_request_free (IcatJoinRequest *request)
{
  if (request->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (request->dialog));
  g_clear_weak_pointer (&request->dialog);
  g_free (request->join_file);
  g_free (request->error);
  g_free (request->passphrase);
  g_free (request);
}

/* The engine's calls: synchronous, on the store's thread, each in one
 * place so that it can move to a worker when the engine allows it. */

static gboolean
init_group (IcatStore   *store,
            const char  *folder,
            const char  *join_file,
            char       **passphrase,
            GError     **error)
{
  return icat_sync_init (store, folder, join_file, NULL, passphrase, error);
}

static gboolean
join_group (IcatStore   *store,
            const char  *folder,
            const char  *join_file,
            const char  *passphrase,
            char       **backup_path,
            GError     **error)
{
  return icat_sync_join (store, folder, join_file, passphrase, NULL, backup_path, error);
}

/* Making a group {{{ */

static void
copy_clicked_cb (GtkButton  *button,
                 const char *passphrase)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), passphrase);
  gtk_button_set_label (button, _("Copied"));
}

/* Groups of four letters in two lines, to read out one half at a time. */
static char *
passphrase_for_reading (const char *passphrase)
{
  g_auto(GStrv) groups = g_strsplit (passphrase, "-", -1);
  guint half = (g_strv_length (groups) + 1) / 2;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  char *rest;

  if (groups[0] == NULL)
    return g_strdup ("");
  rest = groups[half];
  groups[half] = NULL;
  first = g_strjoinv (" ", groups);
  groups[half] = rest;
  second = g_strjoinv (" ", groups + half);
  return *second ? g_strconcat (first, "\n", second, NULL) : g_steal_pointer (&first);
}

static GtkWidget *
passphrase_box_new (const char *passphrase)
{
  g_autofree char *spaced = passphrase_for_reading (passphrase);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (spaced);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy Passphrase"));

  gtk_widget_set_name (label, "passphrase-label");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  /* Read out as its letters, and said to be the passphrase. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Passphrase"), -1);
  gtk_widget_set_halign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "pill");
  /* Copied as the engine wrote it, for "sync join --passphrase" too. */
  g_signal_connect_data (copy, "clicked", G_CALLBACK (copy_clicked_cb), g_strdup (passphrase),
                         (GClosureNotify) g_free, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), copy);
  return box;
}

static void
show_passphrase (IcatPreferencesWindow *self,
                 const char            *passphrase,
                 const char            *join_file)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Group Created"), NULL);

  /* Translators: %s is where the join file was saved */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Other laptops join with the join file saved as %s, or with this passphrase "
                                    "read out to them. Either one lets a laptop into the group: hand it over in "
                                    "person or on a USB stick, never through the sync folder or by e-mail."),
                                  join_file);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), passphrase_box_new (passphrase));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "done", _("_Done"));
  gtk_widget_set_name (dialog, "passphrase-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_icat_preferences_create_group (IcatPreferencesWindow  *self,
                                const char             *folder,
                                const char             *join_file,
                                GError                **error)
{
  g_autofree char *passphrase = NULL;

  if (!init_group (self->store, folder, join_file, &passphrase, error))
    return FALSE;
  _icat_preferences_refresh (self);
  show_passphrase (self, passphrase, join_file);
  _icat_preferences_sync_now (self);
  return TRUE;
}

/* Whoever can read the sync folder must not find the key there. */
static gboolean
is_inside_folder (const char *path,
                  const char *folder)
{
  g_autofree char *file = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_canonicalize_filename (folder, NULL);
  size_t length = strlen (dir);

  return strncmp (file, dir, length) == 0 && file[length] == G_DIR_SEPARATOR;
}

static void
join_file_saved_cb (GtkNativeDialog       *chooser,
                    int                    response,
                    IcatPreferencesWindow *self)
{
  g_autoptr(GtkNativeDialog) keep = g_object_ref (chooser);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  if (path == NULL)
    _icat_preferences_toast (self, _("Save the join file on this computer or on a USB stick."));
  else if (is_inside_folder (path, self->folder))
    _icat_preferences_alert (self, NULL, _("The Join File Would Be in the Sync Folder"),
                             _("Save the join file outside the sync folder: anyone who can read the folder "
                               "could join the group with it."));
  else if (!_icat_preferences_create_group (self, self->folder, path, &error))
    _icat_preferences_alert (self, NULL, _("The Group Could Not Be Made"), error->message);
}

void
_icat_preferences_start_create (IcatPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->folder == NULL || !g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      self->create_after_folder = TRUE;
      _icat_preferences_choose_folder (self, NULL);
      return;
    }
  chooser = _icat_preferences_new_chooser (self, NULL, _("Save the Join File"),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_filter_set_name (filter, _("ICAT Tracker join files"));
  gtk_file_filter_add_suffix (filter, "icatjoin");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), home, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), JOIN_FILE_NAME);
  g_signal_connect (chooser, "response", G_CALLBACK (join_file_saved_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* }}} */
/* Joining {{{ */

gboolean
_icat_preferences_join_group (IcatPreferencesWindow  *self,
                              const char             *folder,
                              const char             *join_file,
                              const char             *passphrase,
                              char                  **backup_path,
                              GError                **error)
{
  if (self->group_id != NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                        _("This database is already in a group.")), FALSE;
  if (!join_group (self->store, folder, join_file, passphrase, backup_path, error))
    return FALSE;
  _icat_preferences_refresh (self);
  _icat_preferences_sync_now (self);
  return TRUE;
}

static void
update_join_response (IcatPreferencesWindow *self)
{
  IcatJoinRequest *request = self->join;
  gboolean has_key = request->join_file != NULL || (request->passphrase != NULL && *request->passphrase);

  if (request->dialog != NULL)
    adw_message_dialog_set_response_enabled (request->dialog, "join", has_key && self->folder != NULL);
}

void
_icat_preferences_join_folder_changed (IcatPreferencesWindow *self)
{
  IcatJoinRequest *request = self->join;

  if (request->dialog != NULL)
    adw_action_row_set_subtitle (request->folder_row, self->folder ? self->folder : _("No folder chosen"));
  update_join_response (self);
}

/* Typing a passphrase drops a join file chosen before, and the other
 * way round: the one shown is the one used. */
static void
passphrase_changed_cb (GtkEditable           *row,
                       IcatPreferencesWindow *self)
{
  IcatJoinRequest *request = self->join;

  g_free (request->passphrase);
  request->passphrase = g_strdup (gtk_editable_get_text (row));
  if (*request->passphrase && request->join_file != NULL)
    {
      g_clear_pointer (&request->join_file, g_free);
      adw_action_row_set_subtitle (request->file_row, _("None chosen"));
    }
  update_join_response (self);
}

static void
join_file_chosen_cb (GtkNativeDialog       *chooser,
                     int                    response,
                     IcatPreferencesWindow *self)
{
  g_autoptr(GtkNativeDialog) keep = g_object_ref (chooser);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  IcatJoinRequest *request = self->join;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL || request == NULL || request->dialog == NULL)
    return;
  g_free (request->join_file);
  request->join_file = g_file_get_path (file);
  adw_action_row_set_subtitle (request->file_row, request->join_file ? request->join_file : _("None chosen"));
  if (request->join_file != NULL)
    gtk_editable_set_text (GTK_EDITABLE (request->passphrase_row), "");
  update_join_response (self);
}

static void
choose_join_file_clicked_cb (IcatPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = _icat_preferences_new_chooser (self, GTK_WINDOW (self->join->dialog), _("Choose the Join File"),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_file_filter_set_name (filter, _("ICAT Tracker join files"));
  gtk_file_filter_add_suffix (filter, "icatjoin");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (join_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_join_folder_clicked_cb (IcatPreferencesWindow *self)
{
  _icat_preferences_choose_folder (self, GTK_WINDOW (self->join->dialog));
}

/* A row with a "Choose…" button, which the screen reader names. */
static AdwActionRow *
chooser_row_new (const char *title,
                 const char *subtitle,
                 const char *button_name,
                 GCallback   clicked,
                 gpointer    data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hoose…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_signal_connect_swapped (button, "clicked", clicked, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
join_error_label_new (const char *error)
{
  GtkWidget *label = gtk_label_new (error);

  gtk_widget_set_name (label, "join-error");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  return label;
}

static GtkWidget *
join_form_new (IcatPreferencesWindow *self)
{
  IcatJoinRequest *request = self->join;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  request->file_row = chooser_row_new (_("Join file"), request->join_file ? request->join_file : _("None chosen"),
                                       _("Choose the Join File"), G_CALLBACK (choose_join_file_clicked_cb), self);
  request->passphrase_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->passphrase_row), _("Or type the passphrase"));
  gtk_widget_set_name (GTK_WIDGET (request->passphrase_row), "join-passphrase-row");
  gtk_editable_set_text (GTK_EDITABLE (request->passphrase_row), request->passphrase ? request->passphrase : "");
  g_signal_connect (request->passphrase_row, "changed", G_CALLBACK (passphrase_changed_cb), self);
  request->folder_row = chooser_row_new (_("Sync folder"), self->folder ? self->folder : _("No folder chosen"),
                                         _("Choose the Sync Folder"), G_CALLBACK (choose_join_folder_clicked_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->file_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->passphrase_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (request->folder_row));
  gtk_box_append (GTK_BOX (box), list);
  if (request->error != NULL)
    gtk_box_append (GTK_BOX (box), join_error_label_new (request->error));
  return box;
}

static void present_join_dialog (IcatPreferencesWindow *self);

static void
join_answered_cb (AdwMessageDialog      *dialog,
                  const char            *response,
                  IcatPreferencesWindow *self)
{
  IcatJoinRequest *request = self->join;
  g_autofree char *backup = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  gboolean use_file = request->join_file != NULL;

  /* The dialog closes itself once its answer is handled. */
  g_clear_weak_pointer (&request->dialog);
  if (!g_str_equal (response, "join"))
    {
      g_clear_pointer (&self->join, _icat_preferences_join_request_free);
      return;
    }
  if (!_icat_preferences_join_group (self, self->folder, use_file ? request->join_file : NULL,
                                     use_file ? NULL : request->passphrase, &backup, &error))
    {
      g_free (request->error);
      request->error = g_strdup (error->message);
      present_join_dialog (self);
      return;
    }
  g_clear_pointer (&self->join, _icat_preferences_join_request_free);
  if (backup == NULL)
    {
      _icat_preferences_toast (self, _("Joined the group."));
      return;
    }
  /* Translators: %s is the backup file of what the database held before joining */
  done = g_strdup_printf (_("This laptop now holds the group’s records. What it held before is saved in %s."),
                          backup);
  _icat_preferences_alert (self, NULL, _("Joined the Group"), done);
}

static void
present_join_dialog (IcatPreferencesWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Join a Group"),
                                              _("This laptop’s records are replaced by the group’s. What it holds "
                                                "now is first saved in a backup file beside its database."));

  g_set_weak_pointer (&self->join->dialog, ADW_MESSAGE_DIALOG (dialog));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), join_form_new (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "join", _("_Join and Replace Records"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "join", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "join-group-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (join_answered_cb), self, 0);
  update_join_response (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_icat_preferences_start_join (IcatPreferencesWindow *self)
{
  g_clear_pointer (&self->join, _icat_preferences_join_request_free);
  self->join = g_new0 (IcatJoinRequest, 1);
  present_join_dialog (self);
}

/* }}} */
