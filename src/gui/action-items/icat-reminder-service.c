/* icat-reminder-service.c — daily notifications of due and overdue action items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A laptop may sleep through midnight, and a timeout of 24 hours would
 * count its hours asleep late or not at all: the service looks at the date
 * every few minutes instead and sends when the day is a new one. The
 * counting is one SQL aggregate on a worker (icat_reminders_count ()).
 */
#define G_LOG_DOMAIN "icat-reminder-service"

#include "config.h"

#include "icat-reminder-service.h"
#include "icat-reminders.h"
#include "icat-today.h"

#define START_DELAY_SECONDS 5
#define DATE_CHECK_SECONDS  (10 * 60)

struct _IcatReminderService {
  GObject       parent_instance;

  /* Borrowed */
  GApplication *application;

  /* Owned */
  IcatStore    *store;
  GSettings    *settings;
  GPtrArray    *sent;         /* agency ids of today's notifications */
  guint         check_source;

  /* State */
  gboolean      counting;
};

/* A count in flight holds the service weakly: the app may quit meanwhile. */
typedef struct {
  GWeakRef  service;
  char     *day;
} Counting;

static void
counting_free (Counting *counting)
{
  g_weak_ref_clear (&counting->service);
  g_free (counting->day);
  g_free (counting);
}

G_DEFINE_FINAL_TYPE (IcatReminderService, icat_reminder_service, G_TYPE_OBJECT)

enum { REMINDER, N_SIGNALS };
static guint signals[N_SIGNALS];

static gpointer
count_thread (IcatDb        *db,
              gpointer       today,
              GCancellable  *cancellable,
              GError       **error)
{
  return icat_reminders_count (db, today, error);
}

static void
send_reminders (IcatReminderService *self,
                GPtrArray           *workloads)
{
  for (guint i = 0; i < workloads->len; i++)
    {
      const IcatAgencyWorkload *workload = g_ptr_array_index (workloads, i);
      g_autoptr(GNotification) notification = icat_reminder_notification_new (workload);
      g_autofree char *text = icat_reminder_text (workload);

      g_ptr_array_add (self->sent, g_strdup (workload->agency_id));
      g_signal_emit (self, signals[REMINDER], 0, workload->agency_id, text, notification);
    }
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Counting *counting = user_data;
  g_autoptr(IcatReminderService) self = g_weak_ref_get (&counting->service);
  g_autofree char *today = g_steal_pointer (&counting->day);
  g_autoptr(GPtrArray) workloads = NULL;
  g_autoptr(GError) error = NULL;

  counting_free (counting);
  workloads = icat_store_read_finish (result, &error);
  if (self == NULL)
    return;
  self->counting = FALSE;
  if (workloads == NULL)
    {
      g_message ("Reminders not counted: %s", error->message);
      return;
    }
  /* Turned off while counting: nothing now, and the next day's still due. */
  if (!g_settings_get_boolean (self->settings, "reminders"))
    return;
  send_reminders (self, workloads);
  g_settings_set_string (self->settings, "reminders-last-day", today);
}

gboolean
icat_reminder_service_check_now (IcatReminderService *self)
{
  g_autofree char *today = icat_today_string ();
  g_autofree char *last_day = NULL;
  Counting *counting;

  g_return_val_if_fail (ICAT_IS_REMINDER_SERVICE (self), FALSE);
  last_day = g_settings_get_string (self->settings, "reminders-last-day");
  if (self->counting || !g_settings_get_boolean (self->settings, "reminders") || g_str_equal (today, last_day))
    return FALSE;
  counting = g_new0 (Counting, 1);
  g_weak_ref_init (&counting->service, self);
  counting->day = g_strdup (today);
  self->counting = TRUE;
  icat_store_read_async (self->store, count_thread, g_strdup (today), g_free,
                         (GDestroyNotify) g_ptr_array_unref, ICAT_STORE_READ_DEFAULT,
                         NULL, counted_cb, counting);
  return TRUE;
}

static gboolean
check_date (gpointer data)
{
  IcatReminderService *self = data;

  icat_reminder_service_check_now (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
check_at_start (gpointer data)
{
  IcatReminderService *self = data;

  icat_reminder_service_check_now (self);
  self->check_source = g_timeout_add_seconds (DATE_CHECK_SECONDS, check_date, self);
  return G_SOURCE_REMOVE;
}

/* Reminders turned off: the ones on screen go too. */
static void
reminders_changed_cb (IcatReminderService *self)
{
  if (g_settings_get_boolean (self->settings, "reminders"))
    return;
  for (guint i = 0; i < self->sent->len; i++)
    {
      g_autofree char *id = icat_reminder_id (g_ptr_array_index (self->sent, i));

      if (g_application_get_is_registered (self->application))
        g_application_withdraw_notification (self->application, id);
    }
  g_ptr_array_set_size (self->sent, 0);
}

typedef struct {
  GWeakRef       application;
  char          *id;
  GNotification *notification;
} Sending;

static void
sending_free (Sending *sending)
{
  g_weak_ref_clear (&sending->application);
  g_free (sending->id);
  g_object_unref (sending->notification);
  g_free (sending);
}

static void
server_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Sending *sending = user_data;
  g_autoptr(GVariant) answer = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autoptr(GApplication) application = g_weak_ref_get (&sending->application);

  if (answer != NULL && application != NULL && g_application_get_is_registered (application))
    g_application_send_notification (application, sending->id, sending->notification);
  else
    g_debug ("No notification server: reminder %s not shown", sending->id);
  sending_free (sending);
}

/* GLib's freedesktop.org backend warns when no notification server
 * answers (a bare X session, a test's own bus): asking the server first,
 * which starts one that waits to be activated, leaves such a desktop
 * quietly without reminders. Inside Flatpak the portal carries them. */
static void
icat_reminder_service_real_reminder (IcatReminderService *self,
                                     const char          *agency_id,
                                     const char          *text,
                                     GNotification       *notification)
{
  GDBusConnection *bus = g_application_get_dbus_connection (self->application);

  g_autofree char *id = icat_reminder_id (agency_id);
  Sending *sending;

  if (bus == NULL || !g_application_get_is_registered (self->application))
    return;
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_application_send_notification (self->application, id, notification);
      return;
    }
  sending = g_new0 (Sending, 1);
  g_weak_ref_init (&sending->application, self->application);
  sending->id = g_steal_pointer (&id);
  sending->notification = g_object_ref (notification);
  g_dbus_connection_call (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications", "GetServerInformation", NULL,
                          G_VARIANT_TYPE ("(ssss)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          server_answered_cb, sending);
}

static void
icat_reminder_service_finalize (GObject *object)
{
  IcatReminderService *self = ICAT_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sent, g_ptr_array_unref);
  G_OBJECT_CLASS (icat_reminder_service_parent_class)->finalize (object);
}

static void
icat_reminder_service_class_init (IcatReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icat_reminder_service_finalize;
  signals[REMINDER] = g_signal_new_class_handler ("reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  G_CALLBACK (icat_reminder_service_real_reminder),
                                                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                                                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NOTIFICATION);
}

static void
icat_reminder_service_init (IcatReminderService *self)
{
  self->sent = g_ptr_array_new_with_free_func (g_free);
}

IcatReminderService *
icat_reminder_service_new (GApplication *application,
                           IcatStore    *store,
                           GSettings    *settings)
{
  IcatReminderService *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self = g_object_new (ICAT_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::reminders", G_CALLBACK (reminders_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Not before the first frame: the window comes first. */
  self->check_source = g_timeout_add_seconds (START_DELAY_SECONDS, check_at_start, self);
  return self;
}
