/* test-activation.c — the app started by the session bus, and one instance per default database
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reminder's notification is clicked after the app has closed: the
 * notification server calls org.freedesktop.Application.ActivateAction on
 * org.icattracker.Tracker, and the session bus starts the app from its
 * service file. Each test runs a bus of its own (dbus-daemon with a
 * configuration written here), whose service file runs the built app, and
 * a home of its own, so that the app's default database is a new one.
 *
 * What the app shows is read from outside, as the user's desktop would
 * see it: its window on the bus (GtkApplication exports each window's
 * actions at /org/icattracker/Tracker/window/N), and the section and
 * filters it shows, which the app keeps in GSettings (the keyfile backend
 * here, a file the test reads). The app's exit status comes through a
 * shell around it: under the sanitizers a leak or an error fails it.
 */
#define G_LOG_DOMAIN "test-activation"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "icat-store.h"
#include "icat-test-util.h"

#define OBJECT_PATH "/org/icattracker/Tracker"

typedef struct {
  char            *dir;
  char            *status_path;     /* the activated app's exit status */
  GSubprocess     *bus_daemon;
  GDBusConnection *bus;
} Fixture;

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:path=%s/bus</listen>\n"
  "  <servicedir>%s/services</servicedir>\n"
  "  <auth>EXTERNAL</auth>\n"
  /* An app under the sanitizers on a loaded machine starts slowly. */
  "  <limit name=\"service_start_timeout\">%u</limit>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

/* A failed assertion ends the test at once: what it started goes too. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static char *
app_binary (void)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "icat-tracker", NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The service file as an installed one, but for the built app, whose exit
 * status a shell writes down when it is over. */
static void
write_service_file (Fixture *fixture)
{
  g_autofree char *services = g_build_filename (fixture->dir, "services", NULL);
  g_autofree char *path = g_build_filename (services, APP_ID ".service", NULL);
  g_autofree char *binary = app_binary ();
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (services, 0700), ==, 0);
  contents = g_strdup_printf ("[D-BUS Service]\n"
                              "Name=" APP_ID "\n"
                              "Exec=/bin/sh -c '\"$0\" --gapplication-service; echo $? >\"$1\"' %s %s\n",
                              binary, fixture->status_path);
  write_file (path, contents);
}

/* A home of this test's own (a new default database, settings in a file)
 * and its own session bus, for the app and for everything it starts. */
static void
set_environment (Fixture *fixture)
{
  g_autofree char *address = g_strdup_printf ("unix:path=%s/bus", fixture->dir);

  g_setenv ("HOME", fixture->dir, TRUE);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", fixture->dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", fixture->dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_unsetenv ("ICAT_TRACKER_DB");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_option = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->status_path = g_build_filename (fixture->dir, "exit-status", NULL);
  set_environment (fixture);
  write_service_file (fixture);
  config_path = g_build_filename (fixture->dir, "bus.conf", NULL);
  config = g_strdup_printf (bus_config, fixture->dir, fixture->dir, icat_test_timeout (60) * 1000);
  write_file (config_path, config);
  config_option = g_strconcat ("--config-file=", config_path, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  fixture->bus_daemon = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", config_option,
                                                     "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);
  /* The daemon prints its address once it listens. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->bus_daemon));
  address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  fixture->bus = g_dbus_connection_new_for_address_sync (address,
                                                         G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                         G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                         NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_close_sync (fixture->bus, NULL, NULL);
  g_clear_object (&fixture->bus);
  g_subprocess_send_signal (fixture->bus_daemon, SIGTERM);
  g_subprocess_wait (fixture->bus_daemon, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->bus_daemon);
  g_free (fixture->status_path);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* The default database, made as the app makes it: an agency of the seed. */
static char *
default_database_agency (const char *acronym)
{
  g_autofree char *path = icat_store_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  IcatStore *store;
  char *id;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  store = icat_store_open (path, &error);
  g_assert_no_error (error);
  id = icat_test_agency_id (store, acronym);
  icat_test_finalize_store (store);
  return id;
}

static GVariant *
call (Fixture     *fixture,
      const char  *bus_name,
      const char  *path,
      const char  *interface,
      const char  *method,
      GVariant    *parameters,
      GError     **error)
{
  return g_dbus_connection_call_sync (fixture->bus, bus_name, path, interface, method, parameters, NULL,
                                      G_DBUS_CALL_FLAGS_NONE, (int) icat_test_timeout (90) * 1000,
                                      NULL, error);
}

static void
activate_action (Fixture    *fixture,
                 const char *name,
                 GVariant   *parameter)
{
  g_autoptr(GVariantBuilder) parameters = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (parameter != NULL)
    g_variant_builder_add (parameters, "v", parameter);
  reply = call (fixture, APP_ID, OBJECT_PATH, "org.freedesktop.Application", "ActivateAction",
                g_variant_new ("(sav@a{sv})", name, parameters, g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                &error);
  g_assert_no_error (error);
}

static gboolean
name_has_owner (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GVariant) reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                    "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", APP_ID), NULL);
  gboolean owned = FALSE;

  g_assert_nonnull (reply);
  g_variant_get (reply, "(b)", &owned);
  if (!owned)
    g_usleep (50 * 1000);
  return owned;
}

static gboolean
name_has_no_owner (Fixture       *fixture,
                   gconstpointer  data)
{
  return !name_has_owner (fixture, data);
}

/* The app's window number n is on the bus: it exists. */
static gboolean
has_window (Fixture *fixture,
            guint    n)
{
  g_autofree char *path = g_strdup_printf (OBJECT_PATH "/window/%u", n);
  g_autoptr(GVariant) reply = call (fixture, APP_ID, path, "org.gtk.Actions", "DescribeAll", NULL, NULL);

  return reply != NULL;
}

/* The activated app's exit status, once the shell around it wrote it. */
static gboolean
app_exited (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *status = NULL;

  if (!g_file_get_contents (fixture->status_path, &status, NULL, NULL) || strchr (status, '\n') == NULL)
    {
      g_usleep (50 * 1000);
      return FALSE;
    }
  return TRUE;
}

static int
app_exit_status (Fixture *fixture)
{
  g_autofree char *status = NULL;

  icat_test_wait_until (app_exited, fixture, NULL, 60);
  g_assert_true (g_file_get_contents (fixture->status_path, &status, NULL, NULL));
  return (int) g_ascii_strtoll (status, NULL, 10);
}

/* A setting as the app left it in the keyfile: NULL if it never wrote it. */
static GVariant *
app_setting (Fixture    *fixture,
             const char *key)
{
  g_autofree char *path = g_build_filename (fixture->dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *text = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  text = g_key_file_get_value (keyfile, "org/icattracker/Tracker", key, NULL);
  return text != NULL ? g_variant_parse (NULL, text, NULL, NULL, NULL) : NULL;
}

static void
assert_setting_string (Fixture    *fixture,
                       const char *key,
                       const char *expected)
{
  g_autoptr(GVariant) value = app_setting (fixture, key);

  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, expected);
}

static void
assert_setting_boolean (Fixture    *fixture,
                        const char *key,
                        gboolean    expected)
{
  g_autoptr(GVariant) value = app_setting (fixture, key);

  g_assert_nonnull (value);
  g_assert_cmpint (g_variant_get_boolean (value), ==, expected);
}

/* The app is closed; a reminder for UNODC is clicked. The bus starts the
 * app, which opens its window on the action items due this week, UNODC's
 * only, and quits as asked, with nothing left behind. */
static void
test_reminder_starts_app (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *unodc = default_database_agency ("UNODC");

  g_assert_false (name_has_owner (fixture, NULL));
  g_assert_null (app_setting (fixture, "action-filter-due-this-week"));
  activate_action (fixture, "show-due", g_variant_new_string (unodc));
  g_assert_true (has_window (fixture, 1));
  assert_setting_string (fixture, "last-section", "action-items");
  assert_setting_string (fixture, "action-filter-owner", unodc);
  assert_setting_boolean (fixture, "action-filter-due-this-week", TRUE);
  assert_setting_boolean (fixture, "action-filter-overdue", FALSE);
  activate_action (fixture, "quit", NULL);
  g_assert_cmpint (app_exit_status (fixture), ==, 0);
  g_assert_false (name_has_owner (fixture, NULL));
}

/* Started by the bus for nothing (no action follows), the app opens no
 * window and leaves after GApplication's inactivity timeout, on its own. */
static void
test_idle_service_quits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "StartServiceByName", g_variant_new ("(su)", APP_ID, 0), &error);
  g_assert_no_error (error);
  g_assert_true (name_has_owner (fixture, NULL));
  g_assert_false (has_window (fixture, 1));
  g_assert_cmpint (app_exit_status (fixture), ==, 0);
  g_assert_false (name_has_owner (fixture, NULL));
  /* It opened nothing: no database was made. */
  {
    g_autofree char *path = icat_store_default_path ();

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* The bus monitor's filter: the Activate calls it sees, counted (on
 * GDBus's worker thread). A second instance calls org.gtk.Application's,
 * a desktop org.freedesktop.Application's: either presents the window. */
static GDBusMessage *
count_activate_cb (GDBusConnection *connection,
                   GDBusMessage    *message,
                   gboolean         incoming,
                   gpointer         user_data)
{
  int *activations = user_data;

  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    return message;
  if (g_strcmp0 (g_dbus_message_get_member (message), "Activate") == 0)
    g_atomic_int_inc (activations);
  /* Calls between others, seen: a monitor must not answer them, so GDBus
   * must not see them. */
  g_object_unref (message);
  return NULL;
}

static gboolean
activated_once (gpointer      subject,
                gconstpointer activations)
{
  return g_atomic_int_get ((int *) activations) == 1;
}

/* A connection that sees every call of an Activate method on the bus. */
static GDBusConnection *
monitor_activations (Fixture *fixture,
                     int     *activations)
{
  const char *rules[] = { "type='method_call',member='Activate'", NULL };
  g_autofree char *address = g_strdup_printf ("unix:path=%s/bus", fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GDBusConnection *monitor;

  monitor = g_dbus_connection_new_for_address_sync (address,
                                                    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                    NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (monitor, count_activate_cb, activations, NULL);
  reply = g_dbus_connection_call_sync (monitor, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring", "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0), NULL, G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  return monitor;
}

static GSubprocess *
start_app (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *binary = app_binary ();
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  app = g_subprocess_launcher_spawn (launcher, &error, binary, NULL);
  g_assert_no_error (error);
  return app;
}

static int
wait_for_exit (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static gboolean
first_window_shown (Fixture       *fixture,
                    gconstpointer  data)
{
  if (!name_has_owner (fixture, NULL))
    return FALSE;
  if (has_window (fixture, 1))
    return TRUE;
  g_usleep (50 * 1000);
  return FALSE;
}

static gboolean
file_exists (gpointer      subject,
             gconstpointer path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_usleep (50 * 1000);
  return FALSE;
}

/* A second start on the default database hands over to the first (which
 * presents its window) and leaves; the first keeps its one window. An
 * instance on another database is one of its own, beside it. */
static void
test_second_start_presents_first (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GSubprocess) first = start_app ();
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) other = NULL;
  g_autoptr(GDBusConnection) monitor = NULL;
  g_autofree char *other_database = g_build_filename (fixture->dir, "other.db", NULL);
  int activations = 0;

  /* First run: the app makes the default database itself. */
  icat_test_wait_until (first_window_shown, fixture, NULL, 60);
  monitor = monitor_activations (fixture, &activations);
  second = start_app ();
  g_assert_cmpint (wait_for_exit (second), ==, 0);
  icat_test_wait_until (activated_once, NULL, &activations, 30);
  g_assert_true (has_window (fixture, 1));
  g_assert_false (has_window (fixture, 2));

  g_setenv ("ICAT_TRACKER_DB", other_database, TRUE);
  other = start_app ();
  g_unsetenv ("ICAT_TRACKER_DB");
  icat_test_wait_until (file_exists, NULL, other_database, 60);
  g_assert_nonnull (g_subprocess_get_identifier (other));  /* still running */
  g_assert_cmpint (g_atomic_int_get (&activations), ==, 1);
  g_subprocess_send_signal (other, SIGTERM);
  g_assert_cmpint (wait_for_exit (other), ==, 0);

  activate_action (fixture, "quit", NULL);
  g_assert_cmpint (wait_for_exit (first), ==, 0);
  icat_test_wait_until (name_has_no_owner, fixture, NULL, 30);
  g_dbus_connection_close_sync (monitor, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add ("/activation/reminder-starts-app", Fixture, NULL,
              fixture_set_up, test_reminder_starts_app, fixture_tear_down);
  g_test_add ("/activation/idle-service-quits", Fixture, NULL,
              fixture_set_up, test_idle_service_quits, fixture_tear_down);
  g_test_add ("/activation/second-start-presents-first", Fixture, NULL,
              fixture_set_up, test_second_start_presents_first, fixture_tear_down);
  return g_test_run ();
}
