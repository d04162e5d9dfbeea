/* test-preferences.c — setting up sharing in the app's preferences
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences open from app.preferences on the app's own database.
 * The file choosers cannot be driven, so the tests call what they call
 * when a folder or file is chosen; the rest goes through the window's
 * rows, actions and dialogs as a person's clicks would.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icat-preferences-window-private.h"
#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

/* Not this process's own device id: a second laptop in the same test. */
#define OTHER_DEVICE "00000000-0000-4000-8000-0000000000b2"

static gboolean
is_gone (GtkWidget **widget)
{
  return *widget == NULL;
}

/* Closes the dialogs a test left open, then the preferences, which must
 * go away with them. */
static void
close_preferences (IcatPreferencesWindow *prefs)
{
  const char *dialogs[] = { "passphrase-dialog", "preferences-alert", "join-group-dialog", "leave-group-dialog" };
  GtkWidget *weak = GTK_WIDGET (prefs);
  GtkWidget *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    while ((dialog = icat_test_find_toplevel (dialogs[i])) != NULL)
      gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (prefs));
  icat_test_wait_until (is_gone, &weak, NULL, 10);
}

static IcatSyncStatus *
status_of (IcatStore *store)
{
  g_autoptr(GError) error = NULL;
  IcatSyncStatus *status = icat_sync_status (store, &error);

  g_assert_no_error (error);
  return status;
}

static const char *
row_subtitle (IcatPreferencesWindow *prefs,
              const char            *name)
{
  GtkWidget *row = icat_test_find_named (GTK_WIDGET (prefs), name);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
row_visible (IcatPreferencesWindow *prefs,
             const char            *name)
{
  GtkWidget *row = icat_test_find_named (GTK_WIDGET (prefs), name);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

/* The laptop's name {{{ */

static void
apply_name (IcatPreferencesWindow *prefs,
            const char            *typed)
{
  GtkWidget *row = icat_test_find_named (GTK_WIDGET (prefs), "device-name-row");

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  icat_test_type_text (row, typed);
  g_signal_emit_by_name (row, "apply");
}

static void
name_test (IcatWindow *window,
           IcatStore  *store,
           gpointer    data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");
  IcatPreferencesWindow *prefs = icat_test_open_preferences (window);
  GtkWidget *row = icat_test_find_named (GTK_WIDGET (prefs), "device-name-row");
  g_autoptr(IcatSyncStatus) status = NULL;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_cmpstr (row_subtitle (prefs, "folder-row"), ==, "No folder chosen");
  g_assert_true (row_visible (prefs, "create-group-row"));
  g_assert_true (row_visible (prefs, "join-group-row"));
  g_assert_false (row_visible (prefs, "leave-group-row"));

  /* Typing alone stores nothing; applying stores it trimmed. */
  icat_test_type_text (row, "UNODC");
  status = status_of (store);
  g_assert_null (status->device_name);
  g_clear_pointer (&status, icat_sync_status_free);
  apply_name (prefs, "  UNODC Vienna laptop ");
  status = status_of (store);
  g_assert_cmpstr (status->device_name, ==, "UNODC Vienna laptop");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "UNODC Vienna laptop");
  g_clear_pointer (&status, icat_sync_status_free);

  /* Enter after the apply button: nothing more to store. */
  g_signal_emit_by_name (row, "entry-activated");
  status = status_of (store);
  g_assert_cmpstr (status->device_name, ==, "UNODC Vienna laptop");
  g_clear_pointer (&status, icat_sync_status_free);

  apply_name (prefs, "   ");
  status = status_of (store);
  g_assert_null (status->device_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  close_preferences (prefs);

  /* Opened again, the preferences show what is stored. */
  g_assert_true (icat_sync_set_device_name (store, "Chair’s laptop", NULL));
  prefs = icat_test_open_preferences (window);
  row = icat_test_find_named (GTK_WIDGET (prefs), "device-name-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Chair’s laptop");
  close_preferences (prefs);
}

static void
test_laptop_name (void)
{
  icat_test_run_app (name_test, NULL);
}

/* }}} */
/* Making a group, and leaving it {{{ */

/* The passphrase the dialog shows lets another laptop join the group. */
static void
assert_passphrase_joins (const char *passphrase,
                         const char *folder,
                         const char *group_id)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *other = icat_test_store_new (dir, NULL);
  g_autoptr(IcatSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  _icat_store_set_device_id (other, OTHER_DEVICE);
  g_assert_true (icat_sync_join (other, folder, NULL, passphrase, "Laptop B", NULL, &error));
  g_assert_no_error (error);
  status = status_of (other);
  g_assert_cmpstr (status->group_id, ==, group_id);
  icat_test_finalize_store (other);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static const char *
shown_passphrase (void)
{
  GtkWidget *dialog = icat_test_find_toplevel ("passphrase-dialog");
  g_auto(GStrv) lines = NULL;
  const char *text;
  GtkWidget *label;

  g_assert_nonnull (dialog);
  label = icat_test_find_named (dialog, "passphrase-label");
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (gtk_widget_has_css_class (label, "monospace"));
  /* Two lines of groups of four, read out half at a time. */
  text = gtk_label_get_text (GTK_LABEL (label));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) groups = g_strsplit (lines[i], " ", -1);

      for (guint g = 0; groups[g] != NULL; g++)
        g_assert_cmpuint (strlen (groups[g]), <=, 4);
    }
  return text;
}

static void
leave (IcatPreferencesWindow *prefs)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.leave-group", NULL));
  dialog = icat_test_find_toplevel ("leave-group-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "leave");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
create_test (IcatWindow *window,
             IcatStore  *store,
             gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "sync", NULL);
  g_autofree char *join_file = g_build_filename (dir, "icat-group.icatjoin", NULL);
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autofree char *short_id = NULL;
  IcatPreferencesWindow *prefs = icat_test_open_preferences (window);
  g_autoptr(IcatSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  _icat_preferences_use_folder (prefs, folder);
  g_assert_cmpstr (row_subtitle (prefs, "folder-row"), ==, folder);
  status = status_of (store);
  g_assert_null (status->folder);
  g_clear_pointer (&status, icat_sync_status_free);

  g_assert_true (_icat_preferences_create_group (prefs, folder, join_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (join_file, G_FILE_TEST_IS_REGULAR));
  status = status_of (store);
  g_assert_nonnull (status->group_id);
  g_assert_cmpstr (status->folder, ==, folder);
  short_id = g_strndup (status->group_id, 8);
  g_assert_cmpstr (row_subtitle (prefs, "group-row"), ==, short_id);
  g_assert_true (row_visible (prefs, "leave-group-row"));
  g_assert_false (row_visible (prefs, "create-group-row"));
  assert_passphrase_joins (shown_passphrase (), folder, status->group_id);
  g_clear_pointer (&status, icat_sync_status_free);

  /* Already in a group: making another is refused and changes nothing. */
  g_assert_false (_icat_preferences_create_group (prefs, folder, join_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  leave (prefs);
  status = status_of (store);
  g_assert_null (status->group_id);
  g_assert_null (status->folder);
  after = icat_test_export (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (row_visible (prefs, "create-group-row"));
  g_assert_false (row_visible (prefs, "leave-group-row"));
  g_assert_cmpstr (row_subtitle (prefs, "folder-row"), ==, "No folder chosen");
  close_preferences (prefs);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_create_and_leave (void)
{
  icat_test_run_app (create_test, NULL);
}

/* }}} */
/* Joining {{{ */

/* A group made by another laptop of the test, with its folder. */
typedef struct {
  char      *dir;
  char      *folder;
  char      *join_file;
  char      *passphrase;
  char      *group_id;
} OtherGroup;

static void
other_group_make (OtherGroup *other)
{
  IcatStore *first;
  g_autoptr(IcatSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  other->dir = icat_test_tmpdir_new ();
  other->folder = g_build_filename (other->dir, "sync", NULL);
  other->join_file = g_build_filename (other->dir, "group.icatjoin", NULL);
  g_assert_cmpint (g_mkdir (other->folder, 0700), ==, 0);
  first = icat_test_store_new (other->dir, NULL);
  _icat_store_set_device_id (first, OTHER_DEVICE);
  g_assert_true (icat_sync_init (first, other->folder, other->join_file, "Laptop A", &other->passphrase, &error));
  g_assert_no_error (error);
  status = status_of (first);
  other->group_id = g_strdup (status->group_id);
  icat_test_finalize_store (first);
}

static void
other_group_clear (OtherGroup *other)
{
  icat_test_tmpdir_free (other->dir);
  g_free (other->folder);
  g_free (other->join_file);
  g_free (other->passphrase);
  g_free (other->group_id);
}

/* Types into the open join dialog and answers it; the dialog closes. */
static void
answer_join (const char *passphrase)
{
  GtkWidget *dialog = icat_test_find_toplevel ("join-group-dialog");
  GtkWidget *row;

  g_assert_nonnull (dialog);
  row = icat_test_find_named (dialog, "join-passphrase-row");
  g_assert_nonnull (row);
  icat_test_type_text (row, passphrase);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "join");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
join_test (IcatWindow *window,
           IcatStore  *store,
           gpointer    data)
{
  OtherGroup *other = data;
  IcatPreferencesWindow *prefs = icat_test_open_preferences (window);
  g_autofree char *wrong = g_strnfill (52, 'A');
  g_autofree char *before = icat_test_export (store);
  g_autofree char *after = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;
  GtkWidget *dialog, *error_line, *alert;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.join-group", NULL));
  _icat_preferences_use_folder (prefs, other->folder);
  _icat_preferences_join_folder_changed (prefs);

  /* A wrong passphrase: said in the dialog, which keeps what was typed. */
  answer_join (wrong);
  dialog = icat_test_find_toplevel ("join-group-dialog");
  g_assert_nonnull (dialog);
  error_line = icat_test_find_named (dialog, "join-error");
  g_assert_nonnull (error_line);
  g_assert_nonnull (g_strstr_len (gtk_label_get_text (GTK_LABEL (error_line)), -1, "passphrase"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (icat_test_find_named (dialog, "join-passphrase-row"))), ==, wrong);
  status = status_of (store);
  g_assert_null (status->group_id);
  g_clear_pointer (&status, icat_sync_status_free);
  after = icat_test_export (store);
  g_assert_cmpstr (after, ==, before);

  /* The right one: the group's records, and the backup named. */
  answer_join (other->passphrase);
  status = status_of (store);
  g_assert_cmpstr (status->group_id, ==, other->group_id);
  g_assert_cmpstr (status->folder, ==, other->folder);
  g_assert_true (row_visible (prefs, "leave-group-row"));
  alert = icat_test_find_toplevel ("preferences-alert");
  g_assert_nonnull (alert);
  g_assert_nonnull (g_strstr_len (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert)), -1, ".before-joining-"));
  close_preferences (prefs);
}

static void
test_join (void)
{
  OtherGroup other = { 0 };

  other_group_make (&other);
  icat_test_run_app (join_test, &other);
  other_group_clear (&other);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/preferences/laptop-name", test_laptop_name);
  g_test_add_func ("/preferences/create-and-leave", test_create_and_leave);
  g_test_add_func ("/preferences/join", test_join);
  return g_test_run ();
}
