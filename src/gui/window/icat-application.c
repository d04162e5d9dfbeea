/* icat-application.c — the ICAT Tracker application
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <unistd.h>

#include "icat-application.h"
#include "icat-autosave.h"
#include "icat-preferences-window.h"
#include "icat-reminder-service.h"
#include "icat-window.h"

#define EXTERNAL_CHANGE_POLL_SECONDS 2

struct _IcatApplication {
  AdwApplication  parent_instance;

  char           *database;       /* from --database, or NULL for the default */
  gboolean        default_database;  /* neither --database nor $ICAT_TRACKER_DB */
  IcatStore      *store;
  IcatSyncService *sync_service;
  IcatReminderService *reminders;
  guint           poll_source;
  guint           signal_sources[3];  /* SIGTERM, SIGINT, SIGHUP */
  gboolean        exit_after_first_frame;  /* for bench/run only */
};

G_DEFINE_FINAL_TYPE (IcatApplication, icat_application, ADW_TYPE_APPLICATION)

static gboolean
poll_external_changes (gpointer data)
{
  IcatApplication *self = data;

  icat_store_poll_external_changes (self->store);
  return G_SOURCE_CONTINUE;
}

static void
show_open_error (IcatApplication *self,
                 const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The database cannot be opened"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (IcatApplication  *self,
            GError          **error)
{
  g_autofree char *path = self->database ? g_strdup (self->database) : icat_store_default_path ();
  g_autoptr(GSettings) settings = NULL;

  if (self->database == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_mkdir_with_parents (folder, 0700);
    }
  self->store = icat_store_open (path, error);
  if (self->store == NULL)
    return FALSE;
  self->poll_source = g_timeout_add_seconds (EXTERNAL_CHANGE_POLL_SECONDS, poll_external_changes, self);
  self->sync_service = icat_sync_service_new (self->store);
  /* A reminder's click reaches the unique instance on the default database,
   * starting it if need be: sent from another database, it would open the
   * wrong one. */
  if (self->default_database)
    {
      settings = g_settings_new (APP_ID);
      self->reminders = icat_reminder_service_new (G_APPLICATION (self), self->store, settings);
    }
  return TRUE;
}

/* bench/run times the whole process from its start to the first frame a
 * user sees. Leaving at once, without tearing the window down, keeps the
 * figure about start-up: nothing has been edited, so nothing is unsaved. */
static void
exit_at_first_frame (GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  _exit (0);
}

static void
icat_application_activate (GApplication *application)
{
  IcatApplication *self = ICAT_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && self->store == NULL && !open_store (self, &error))
    {
      show_open_error (self, error->message);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (icat_window_new (self));
  gtk_window_present (window);
  if (self->exit_after_first_frame)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (exit_at_first_frame), NULL);
}

static int
icat_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  IcatApplication *self = ICAT_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    self->database = g_strdup (database);
  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("icat-tracker %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->default_database = self->database == NULL && g_getenv ("ICAT_TRACKER_DB") == NULL;
  /* Decided here, before GApplication registers on the session bus. The
   * default database is the user's own: one instance holds it, a second
   * start raises its window, and the bus can start it for a reminder's
   * click (D-Bus activation, --gapplication-service). Any other database
   * is a separate instance: the tests and bench/run start many at once on
   * one bus, and none of them may find or forward to another. */
  if (self->default_database)
    g_application_set_flags (application, g_application_get_flags (application) & ~G_APPLICATION_NON_UNIQUE);
  else if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    {
      /* The bus starts the service for org.icattracker.Tracker: only the
       * default database's instance takes that name. */
      g_printerr ("%s\n", _("ICAT Tracker runs as a D-Bus service on the default database only: "
                            "unset ICAT_TRACKER_DB and leave out --database."));
      return 1;
    }
  return -1;
}

/* Every way out comes here first: what is typed and not yet written is
 * written now, and the process waits until it is on the disk. */
static void
save_everything (IcatApplication *self)
{
  icat_autosave_flush_all ();
  if (self->store == NULL)
    return;
  icat_store_sync (self->store);
  /* The writer's answers come back through the main loop: taken now, so
   * that none is left behind unanswered when the loop is over. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
icat_application_shutdown (GApplication *application)
{
  IcatApplication *self = ICAT_APPLICATION (application);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  save_everything (self);
  G_APPLICATION_CLASS (icat_application_parent_class)->shutdown (application);
  /* Editors that went with their windows flushed as they were disposed. */
  save_everything (self);
  /* The other laptops get what was saved last, too. */
  if (self->sync_service != NULL)
    icat_sync_service_shutdown (self->sync_service);
}

static void
icat_application_finalize (GObject *object)
{
  IcatApplication *self = ICAT_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->sync_service);
  g_clear_object (&self->store);
  g_free (self->database);
  G_OBJECT_CLASS (icat_application_parent_class)->finalize (object);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("ICAT Tracker developers"), NULL };
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", gtk_application_get_active_window (application),
                                   "application-name", _("ICAT Tracker"),
                                   "application-icon", APP_ID,
                                   "developer-name", _("ICAT Tracker developers"),
                                   "version", PACKAGE_VERSION,
                                   "comments", _("Meetings, action items and mandates of the Inter-Agency "
                                                 "Coordination Group against Trafficking in Persons, offline."),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "developers", developers,
                                   /* Translators: your names, one per line */
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  IcatApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (icat_preferences_window_new (parent, self->store)));
}

static void
quit_now (GtkApplication *application)
{
  GList *windows;

  /* Ctrl+Q right after typing: the edit is written before the loop ends,
   * and the windows close as their close buttons would close them. */
  save_everything (ICAT_APPLICATION (application));
  while ((windows = gtk_application_get_windows (application)) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (application));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *application = user_data;

  /* A field whose input cannot be saved asks first. */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ICAT_IS_WINDOW (l->data) && !icat_window_may_close (l->data, TRUE))
      return;
  quit_now (application);
}

/* SIGTERM (the session ending, `kill`), SIGINT and SIGHUP quit as Ctrl+Q
 * does, without asking: no one may be there to answer. */
static gboolean
quit_signalled (gpointer data)
{
  quit_now (data);
  return G_SOURCE_CONTINUE;
}

static void
watch_quit_signals (IcatApplication *self)
{
  const int signals[] = { SIGTERM, SIGINT, SIGHUP };

  G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (self->signal_sources));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->signal_sources[i] = g_unix_signal_add (signals[i], quit_signalled, self);
}

/* A reminder's notification: the agency's items due this week and
 * overdue. The notification may start the app, so the window comes first. */
static void
show_due_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GApplication *application = user_data;
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (ICAT_IS_WINDOW (window))
    icat_window_show_due (ICAT_WINDOW (window), g_variant_get_string (parameter, NULL));
}

/* Preferences changed the group or the folder: follow them at once. */
static void
sync_now_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  IcatApplication *self = user_data;

  if (self->sync_service != NULL)
    icat_sync_service_run_now (self->sync_service);
}

static void
icat_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "sync-now", sync_now_activated },
    { "preferences", preferences_activated },
    { "show-due", show_due_activated, "s" },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (icat_application_parent_class)->startup (application);
  /* For checking right-to-left layout without an RTL translation installed. */
  if (g_strcmp0 (g_getenv ("ICAT_TRACKER_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  watch_quit_signals (ICAT_APPLICATION (application));
}

static void
icat_application_class_init (IcatApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = icat_application_finalize;
  app_class->activate = icat_application_activate;
  app_class->startup = icat_application_startup;
  app_class->shutdown = icat_application_shutdown;
  app_class->handle_local_options = icat_application_handle_local_options;
}

static void
icat_application_init (IcatApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file (default: $ICAT_TRACKER_DB, or the one in your data folder)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    /* For benchmarks only (bench/run), so not listed in --help. */
    { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

IcatApplication *
icat_application_new (void)
{
  /* Not unique until the options say the database is the default one
   * (icat_application_handle_local_options): each window shows exactly the
   * database it was started with, even while another instance has a
   * different one open. */
  return g_object_new (ICAT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

IcatStore *
icat_application_get_store (IcatApplication *self)
{
  g_return_val_if_fail (ICAT_IS_APPLICATION (self), NULL);
  return self->store;
}

IcatSyncService *
icat_application_get_sync_service (IcatApplication *self)
{
  g_return_val_if_fail (ICAT_IS_APPLICATION (self), NULL);
  return self->sync_service;
}
