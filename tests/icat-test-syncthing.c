/* icat-test-syncthing.c — real Syncthing daemons on loopback for the sync tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each daemon gets a home made by `syncthing generate`, a config.xml that
 * keeps it on 127.0.0.1 (no discovery, relays, NAT traversal, usage
 * reports, crash reports or upgrades), and is then configured through its
 * REST API: every other daemon as a device at its loopback address, and
 * the shared folder. The REST calls are plain HTTP/1.1 over a
 * GSocketClient with proxies off, so no proxy variable can send them
 * elsewhere.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "icat-test-syncthing.h"
#include "icat-test-util.h"

/* The folder id every daemon shares; any fixed string will do. */
#define SHARED_FOLDER_ID "icat-sync"

typedef struct {
  char        *home;
  char        *folder;
  char        *device_id;
  char        *api_key;
  guint16      listen_port;
  guint16      gui_port;
  GSubprocess *process;
} Daemon;

struct _IcatTestSyncthing {
  char      *root;     /* temporary directory holding every home and folder */
  GPtrArray *daemons;  /* of Daemon */
};

gboolean
icat_test_syncthing_available (void)
{
  g_autofree char *path = g_find_program_in_path ("syncthing");

  return path != NULL;
}

/* ------------------------------------------------------------------ */
/* Free ports and the daemon's files                                    */

/* A port on 127.0.0.1 that nothing listens on. The socket stays open in
 * sockets until every port is chosen, so no two daemons get the same one. */
static guint16
reserve_port (GPtrArray *sockets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_ptr_array_add (sockets, socket);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Runs the syncthing program to its end and returns its standard output. */
static char *
run_syncthing (const char * const *argv)
{
  g_auto(IcatTestRun) run = icat_test_run_program (NULL, argv);
  g_autofree char *out = icat_test_bytes_text (run.out);

  if (run.status != 0)
    g_error ("%s %s failed (%d): %s%s", argv[0], argv[1], run.status, out, run.err);
  return g_steal_pointer (&out);
}

/* Replaces the text of the first <element> after the first occurrence of
 * scope (NULL: anywhere) in the generated config.xml. */
static void
set_config_value (GString    *config,
                  const char *scope,
                  const char *element,
                  const char *value)
{
  g_autofree char *open_tag = g_strdup_printf ("<%s>", element);
  g_autofree char *close_tag = g_strdup_printf ("</%s>", element);
  const char *from = scope != NULL ? strstr (config->str, scope) : config->str;
  const char *start = from != NULL ? strstr (from, open_tag) : NULL;
  const char *end = start != NULL ? strstr (start, close_tag) : NULL;
  gssize offset;

  if (end == NULL)
    g_error ("syncthing's config.xml has no %s%s%s", scope ? scope : "", scope ? " … " : "", open_tag);
  offset = start + strlen (open_tag) - config->str;
  g_string_erase (config, offset, end - (start + strlen (open_tag)));
  g_string_insert (config, offset, value);
}

/* Keeps the daemon on loopback and quiet: it listens on its own port,
 * neither announces itself nor looks for others (each is told the other's
 * address), uses no relay or NAT traversal, sends no usage or crash
 * report, never upgrades itself and runs at normal priority so that a
 * loaded machine does not starve it. */
static void
write_config (Daemon *daemon)
{
  g_autofree char *path = g_build_filename (daemon->home, "config.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *listen = g_strdup_printf ("tcp://127.0.0.1:%u", daemon->listen_port);
  g_autofree char *gui = g_strdup_printf ("127.0.0.1:%u", daemon->gui_port);
  g_autoptr(GError) error = NULL;
  GString *config;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  config = g_string_new (text);
  set_config_value (config, "<options>", "listenAddress", listen);
  set_config_value (config, "<options>", "globalAnnounceEnabled", "false");
  set_config_value (config, "<options>", "localAnnounceEnabled", "false");
  set_config_value (config, "<options>", "relaysEnabled", "false");
  set_config_value (config, "<options>", "natEnabled", "false");
  set_config_value (config, "<options>", "urAccepted", "-1");
  set_config_value (config, "<options>", "crashReportingEnabled", "false");
  set_config_value (config, "<options>", "autoUpgradeIntervalH", "0");
  set_config_value (config, "<options>", "startBrowser", "false");
  set_config_value (config, "<options>", "setLowPriority", "false");
  set_config_value (config, "<gui ", "address", gui);
  set_config_value (config, "<gui ", "apikey", daemon->api_key);
  g_assert_true (g_file_set_contents (path, config->str, config->len, &error));
  g_assert_no_error (error);
  g_string_free (config, TRUE);
}

static Daemon *
daemon_new (const char *root,
            guint       index,
            GPtrArray  *sockets)
{
  Daemon *daemon = g_new0 (Daemon, 1);
  g_autofree char *home_name = g_strdup_printf ("home-%u", index);
  g_autofree char *folder_name = g_strdup_printf ("folder-%u", index);
  g_autofree char *home_option = NULL;
  g_autofree char *device_id = NULL;

  daemon->home = g_build_filename (root, home_name, NULL);
  daemon->folder = g_build_filename (root, folder_name, NULL);
  g_assert_cmpint (g_mkdir (daemon->folder, 0700), ==, 0);
  daemon->api_key = g_uuid_string_random ();
  daemon->listen_port = reserve_port (sockets);
  daemon->gui_port = reserve_port (sockets);
  home_option = g_strconcat ("--home=", daemon->home, NULL);
  g_free (run_syncthing ((const char *[]) { "syncthing", "generate", home_option, "--no-default-folder",
                                            "--skip-port-probing", NULL }));
  device_id = run_syncthing ((const char *[]) { "syncthing", home_option, "--device-id", NULL });
  daemon->device_id = g_strdup (g_strstrip (device_id));
  write_config (daemon);
  return daemon;
}

/* ------------------------------------------------------------------ */
/* Running the daemon                                                   */

/* In the daemon's process before exec: it dies with the test program,
 * so a failed assertion (which aborts at once, before any teardown) never
 * leaves a daemon running. */
static void
die_with_test_cb (gpointer test_pid)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != (pid_t) GPOINTER_TO_INT (test_pid))
    _exit (1);
}

static void
daemon_spawn (Daemon *daemon)
{
  static const char * const proxy_variables[] = {
    "http_proxy", "https_proxy", "all_proxy", "no_proxy",
    "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
  };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree char *home_option = g_strconcat ("--home=", daemon->home, NULL);
  g_autofree char *gui_option = g_strdup_printf ("--gui-address=127.0.0.1:%u", daemon->gui_port);
  g_autofree char *key_option = g_strconcat ("--gui-apikey=", daemon->api_key, NULL);
  g_autofree char *log = g_build_filename (daemon->home, "syncthing.log", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (proxy_variables); i++)
    g_subprocess_launcher_unsetenv (launcher, proxy_variables[i]);
  g_subprocess_launcher_setenv (launcher, "STNODEFAULTFOLDER", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "STNOUPGRADE", "1", TRUE);
  /* `serve` is otherwise a monitor that runs the daemon as its own child,
   * which outlives a killed monitor until it next writes to its log (an
   * idle daemon may never): what the monitor sets for its child makes
   * `serve` the daemon itself, the one process that dies with the test. */
  g_subprocess_launcher_setenv (launcher, "STMONITORED", "yes", TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test_cb, GINT_TO_POINTER (getpid ()), NULL);
  daemon->process = g_subprocess_launcher_spawn (launcher, &error, "syncthing", "serve", home_option,
                                                 "--no-browser", "--no-restart", gui_option, key_option, NULL);
  g_assert_no_error (error);
}

/* The daemon's log, for a failure's message. */
static char *
daemon_log (Daemon *daemon)
{
  g_autofree char *path = g_build_filename (daemon->home, "syncthing.log", NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("(no log)");
  return text;
}

static void
daemon_assert_running (Daemon *daemon)
{
  g_autofree char *log = NULL;

  if (g_subprocess_get_identifier (daemon->process) != NULL)
    return;
  log = daemon_log (daemon);
  g_error ("syncthing in %s stopped:\n%s", daemon->home, log);
}

/* ------------------------------------------------------------------ */
/* The REST API                                                         */

/* A chunked body (Transfer-Encoding: chunked) as its plain bytes. */
static char *
dechunk (const char *body)
{
  GString *plain = g_string_new (NULL);

  for (;;)
    {
      char *end = NULL;
      guint64 size = g_ascii_strtoull (body, &end, 16);
      const char *data = end != NULL ? strstr (end, "\r\n") : NULL;

      if (data == NULL || size == 0)
        break;
      data += 2;
      g_assert_cmpuint (strlen (data), >=, size);
      g_string_append_len (plain, data, size);
      body = data + size;
      if (g_str_has_prefix (body, "\r\n"))
        body += 2;
    }
  return g_string_free (plain, FALSE);
}

/* Splits an HTTP/1.1 response into its status and body. */
static guint
parse_response (const char  *response,
                char       **body_out)
{
  const char *body = strstr (response, "\r\n\r\n");
  g_autofree char *headers = NULL;

  if (!g_str_has_prefix (response, "HTTP/1.1 ") || body == NULL)
    g_error ("syncthing answered no HTTP/1.1 response: %s", response);
  headers = g_ascii_strdown (response, body - response);
  body += 4;
  if (strstr (headers, "\r\ntransfer-encoding: chunked") != NULL)
    *body_out = dechunk (body);
  else
    *body_out = g_strdup (body);
  return (guint) g_ascii_strtoull (response + strlen ("HTTP/1.1 "), NULL, 10);
}

/* Sends one request to the daemon's REST API and returns the response's
 * status, with its body in body_out; 0 when the daemon does not accept
 * connections (yet). */
static guint
rest_request (Daemon      *daemon,
              const char  *method,
              const char  *path,
              const char  *body,
              char       **body_out)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, daemon->gui_port);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GOutputStream) received = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *response = NULL;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, icat_test_timeout (10));
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return 0;
  g_assert_no_error (error);
  request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nX-API-Key: %s\r\n"
                             "Content-Type: application/json\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s",
                             method, path, daemon->gui_port, daemon->api_key,
                             body != NULL ? strlen (body) : 0, body != NULL ? body : "");
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (received, g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  response = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (received)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (received)));
  return parse_response (response, body_out);
}

/* A request that must succeed. */
static void
rest_post (Daemon     *daemon,
           const char *path,
           JsonNode   *body)
{
  g_autofree char *text = json_to_string (body, FALSE);
  g_autofree char *answer = NULL;
  guint status = rest_request (daemon, "POST", path, text, &answer);

  if (status != 200)
    g_error ("syncthing in %s answered %u to POST %s %s: %s", daemon->home, status, path, text, answer);
}

/* Asks the daemon to shut down, so that it closes its database before
 * its home is removed; kills it if that takes too long. */
static void
daemon_free (Daemon *daemon)
{
  if (daemon->process != NULL)
    {
      g_autofree char *answer = NULL;
      gint64 deadline = g_get_monotonic_time () + icat_test_timeout (10) * G_USEC_PER_SEC;

      if (g_subprocess_get_identifier (daemon->process) != NULL &&
          rest_request (daemon, "POST", "/rest/system/shutdown", NULL, &answer) == 200)
        while (g_subprocess_get_identifier (daemon->process) != NULL && g_get_monotonic_time () < deadline)
          g_usleep (G_USEC_PER_SEC / 50);
      g_subprocess_force_exit (daemon->process);
      g_subprocess_wait (daemon->process, NULL, NULL);
      g_clear_object (&daemon->process);
    }
  g_free (daemon->home);
  g_free (daemon->folder);
  g_free (daemon->device_id);
  g_free (daemon->api_key);
  g_free (daemon);
}

/* ------------------------------------------------------------------ */
/* Waits                                                                */

/* A condition polled by icat_test_wait_until: an unmet one pauses a
 * little, so that polling leaves the daemons the processor. */
static gboolean
not_yet (void)
{
  g_usleep (G_USEC_PER_SEC / 20);
  return FALSE;
}

static gboolean
daemon_answers_ping (Daemon        *daemon,
                     gconstpointer  data)
{
  g_autofree char *answer = NULL;

  daemon_assert_running (daemon);
  if (rest_request (daemon, "GET", "/rest/system/ping", NULL, &answer) == 200)
    return TRUE;
  return not_yet ();
}

/* Whether daemon is connected to every other daemon of the group. */
static gboolean
daemon_connected_to_all (Daemon    *daemon,
                         GPtrArray *daemons)
{
  g_autofree char *answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *connections;

  daemon_assert_running (daemon);
  if (rest_request (daemon, "GET", "/rest/system/connections", NULL, &answer) != 200)
    return not_yet ();
  root = json_from_string (answer, NULL);
  g_assert_nonnull (root);
  connections = json_object_get_object_member (json_node_get_object (root), "connections");
  for (guint i = 0; i < daemons->len; i++)
    {
      Daemon *other = g_ptr_array_index (daemons, i);
      JsonObject *connection;

      if (other == daemon)
        continue;
      connection = json_object_get_object_member (connections, other->device_id);
      if (connection == NULL || !json_object_get_boolean_member_with_default (connection, "connected", FALSE))
        return not_yet ();
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Devices and the shared folder                                        */

static JsonNode *
device_json (Daemon *daemon,
             guint   index)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = g_strdup_printf ("daemon-%u", index);
  g_autofree char *address = g_strdup_printf ("tcp://127.0.0.1:%u", daemon->listen_port);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deviceID");
  json_builder_add_string_value (builder, daemon->device_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "addresses");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, address);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The shared folder at daemon's own path, shared with every daemon; the
 * watcher reports a change after a second and a rescan every two catches
 * whatever the watcher misses. */
static JsonNode *
folder_json (Daemon    *daemon,
             GPtrArray *daemons)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, SHARED_FOLDER_ID);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, "ICAT sync folder");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, daemon->folder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "sendreceive");
  json_builder_set_member_name (builder, "fsWatcherEnabled");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "fsWatcherDelayS");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "rescanIntervalS");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < daemons->len; i++)
    {
      Daemon *member = g_ptr_array_index (daemons, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "deviceID");
      json_builder_add_string_value (builder, member->device_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
share_folder (GPtrArray *daemons)
{
  for (guint i = 0; i < daemons->len; i++)
    {
      Daemon *daemon = g_ptr_array_index (daemons, i);
      g_autoptr(JsonNode) folder = folder_json (daemon, daemons);

      for (guint j = 0; j < daemons->len; j++)
        if (j != i)
          {
            g_autoptr(JsonNode) device = device_json (g_ptr_array_index (daemons, j), j);

            rest_post (daemon, "/rest/config/devices", device);
          }
      rest_post (daemon, "/rest/config/folders", folder);
    }
}

/* ------------------------------------------------------------------ */
/* Public                                                               */

IcatTestSyncthing *
icat_test_syncthing_start (guint n_daemons)
{
  IcatTestSyncthing *self = g_new0 (IcatTestSyncthing, 1);
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (n_daemons, >=, 2);
  self->root = icat_test_tmpdir_new ();
  self->daemons = g_ptr_array_new_with_free_func ((GDestroyNotify) daemon_free);
  for (guint i = 0; i < n_daemons; i++)
    g_ptr_array_add (self->daemons, daemon_new (self->root, i, sockets));
  /* Every port is chosen: free them for the daemons. */
  g_ptr_array_set_size (sockets, 0);
  for (guint i = 0; i < n_daemons; i++)
    daemon_spawn (g_ptr_array_index (self->daemons, i));
  for (guint i = 0; i < n_daemons; i++)
    icat_test_wait_until (daemon_answers_ping, g_ptr_array_index (self->daemons, i), NULL, 30);
  share_folder (self->daemons);
  for (guint i = 0; i < n_daemons; i++)
    icat_test_wait_until (daemon_connected_to_all, g_ptr_array_index (self->daemons, i), self->daemons, 60);
  return self;
}

void
icat_test_syncthing_stop (IcatTestSyncthing *self)
{
  if (self == NULL)
    return;
  /* The daemons first: they must not write into the homes being removed. */
  g_ptr_array_unref (self->daemons);
  icat_test_tmpdir_free (self->root);
  g_free (self);
}

const char *
icat_test_syncthing_get_folder (IcatTestSyncthing *self,
                                guint              index)
{
  Daemon *daemon;

  g_assert_cmpuint (index, <, self->daemons->len);
  daemon = g_ptr_array_index (self->daemons, index);
  return daemon->folder;
}

const char *
icat_test_syncthing_get_device_id (IcatTestSyncthing *self,
                                   guint              index)
{
  Daemon *daemon;

  g_assert_cmpuint (index, <, self->daemons->len);
  daemon = g_ptr_array_index (self->daemons, index);
  return daemon->device_id;
}

static gboolean
file_exists (const char    *path,
             gconstpointer  data)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) || not_yet ();
}

void
icat_test_syncthing_wait_for_file (IcatTestSyncthing *self,
                                   guint              index,
                                   const char        *relative_path,
                                   guint              timeout_seconds)
{
  g_autofree char *path = g_build_filename (icat_test_syncthing_get_folder (self, index), relative_path, NULL);

  for (guint i = 0; i < self->daemons->len; i++)
    daemon_assert_running (g_ptr_array_index (self->daemons, i));
  icat_test_wait_until (file_exists, path, NULL, timeout_seconds);
}
