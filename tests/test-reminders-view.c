/* test-reminders-view.c — "Due this week", the reminders and their switch
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items are dated from the real today, as the view and the reminder
 * service read it. The service's "reminder" signal is stopped before its
 * default handler, so the test reads each reminder's text without a
 * notification server.
 */
#include "config.h"

#include <adwaita.h>

#include "icat-action-items-view.h"
#include "icat-preferences-window.h"
#include "icat-reminder-service.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-today.h"
#include "icat-window.h"

/* Open or closed, owner, days from today (G_MININT: no due day). */
enum { OVERDUE, TODAY, SIXTH_DAY, SEVENTH_DAY, DONE, IOM_BLOCKED, IOM_CANCELLED, UNDATED, N_ITEMS };

typedef struct {
  char *unodc;
  char *iom;
  char *ids[N_ITEMS];
} Items;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return icat_day_string (then);
}

static char *
save_item (IcatStore  *store,
           const char *owner,
           const char *status,
           int         days)
{
  g_autoptr(JsonObject) item = icat_test_object ("{\"title\": \"Circulate the brief\"}");
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", status);
  if (days != G_MININT)
    {
      g_autofree char *due = day_from_today (days);

      json_object_set_string_member (item, "due", due);
    }
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  return id;
}

static void
items_fill (Items     *items,
            IcatStore *store)
{
  items->unodc = icat_test_agency_id (store, "UNODC");
  items->iom = icat_test_agency_id (store, "IOM");
  items->ids[OVERDUE] = save_item (store, items->unodc, "open", -3);
  items->ids[TODAY] = save_item (store, items->unodc, "open", 0);
  items->ids[SIXTH_DAY] = save_item (store, items->unodc, "in-progress", 6);
  items->ids[SEVENTH_DAY] = save_item (store, items->unodc, "open", 7);
  items->ids[DONE] = save_item (store, items->unodc, "done", 1);
  items->ids[IOM_BLOCKED] = save_item (store, items->iom, "blocked", 2);
  items->ids[IOM_CANCELLED] = save_item (store, items->iom, "cancelled", -1);
  items->ids[UNDATED] = save_item (store, items->unodc, "open", G_MININT);
}

static void
items_clear (Items *items)
{
  g_free (items->unodc);
  g_free (items->iom);
  for (guint i = 0; i < N_ITEMS; i++)
    g_free (items->ids[i]);
}

/* The memory backend lives as long as the process: each test starts clean,
 * with today's reminders marked as sent, so that the app's own service
 * sends none while a test runs. */
static GSettings *
clean_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *today = icat_today_string ();

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_settings_set_string (settings, "reminders-last-day", today);
  return settings;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The ids the list shows, sorted, joined by spaces. */
static char *
shown_ids (GtkWidget *view)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (icat_test_find_type (view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (model, i);

      g_ptr_array_add (ids, g_strdup (icat_record_get_id (record)));
    }
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

/* The same, for the items named. */
static char *
expected_ids (Items *items,
              ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  va_list args;
  int which;

  va_start (args, items);
  while ((which = va_arg (args, int)) >= 0)
    g_ptr_array_add (ids, items->ids[which]);
  va_end (args);
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static gboolean
is_gone (GtkWidget    **widget,
         gconstpointer  data)
{
  return *widget == NULL;
}

static GtkToggleButton *
toggle (GtkWidget  *view,
        const char *name)
{
  return GTK_TOGGLE_BUTTON (icat_test_find_named (view, name));
}

static void
assert_shown (GtkWidget *view,
              char      *expected)
{
  g_autofree char *shown = shown_ids (view);

  g_assert_cmpstr (shown, ==, expected);
  g_free (expected);
}

/* Due this week: open items overdue or due from today to six days on,
 * whoever owns them; not the seventh day, not done, cancelled or undated. */
static void
test_due_this_week (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autoptr(GSettings) settings = clean_settings ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;
  GPtrArray *watched;
  g_autofree char *agency = NULL;
  Items items = { 0 };

  items_fill (&items, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  view = icat_action_items_view_new (store, settings);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (icat_test_find_type (view, GTK_TYPE_COLUMN_VIEW))))), ==, N_ITEMS);

  gtk_toggle_button_set_active (toggle (view, "week-filter"), TRUE);
  assert_shown (view, expected_ids (&items, OVERDUE, TODAY, SIXTH_DAY, IOM_BLOCKED, -1));
  g_assert_true (g_settings_get_boolean (settings, "action-filter-due-this-week"));

  /* "Overdue" is a part of it: one of the two at a time. */
  gtk_toggle_button_set_active (toggle (view, "overdue-filter"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (toggle (view, "week-filter")));
  assert_shown (view, expected_ids (&items, OVERDUE, -1));
  g_assert_false (g_settings_get_boolean (settings, "action-filter-due-this-week"));
  gtk_toggle_button_set_active (toggle (view, "week-filter"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (toggle (view, "overdue-filter")));
  assert_shown (view, expected_ids (&items, OVERDUE, TODAY, SIXTH_DAY, IOM_BLOCKED, -1));

  /* The next start comes back to it. */
  view = icat_action_items_view_new (store, settings);
  gtk_window_set_child (GTK_WINDOW (window), view);
  spin ();
  g_assert_true (gtk_toggle_button_get_active (toggle (view, "week-filter")));
  assert_shown (view, expected_ids (&items, OVERDUE, TODAY, SIXTH_DAY, IOM_BLOCKED, -1));

  /* A reminder's agency: its own items only, whatever was on before. */
  gtk_toggle_button_set_active (toggle (view, "week-filter"), FALSE);
  gtk_toggle_button_set_active (toggle (view, "month-filter"), TRUE);
  icat_action_items_view_show_due (ICAT_ACTION_ITEMS_VIEW (view), items.iom);
  assert_shown (view, expected_ids (&items, IOM_BLOCKED, -1));
  g_assert_true (gtk_toggle_button_get_active (toggle (view, "week-filter")));
  g_assert_false (gtk_toggle_button_get_active (toggle (view, "month-filter")));
  agency = g_settings_get_string (settings, "action-filter-owner");
  g_assert_cmpstr (agency, ==, items.iom);

  watched = icat_test_watch_widgets (window);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (window));
  icat_test_wait_until (is_gone, &view, NULL, 10);
  icat_store_sync (store);
  icat_test_assert_finalized (watched);
  items_clear (&items);
  icat_test_finalize_store (g_steal_pointer (&store));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The notification's action, "app.show-due", starts the app when it is
 * not running: GApplication's startup, then the action, before any
 * "activate". The window it opens shows the agency's items. */
typedef struct {
  Items      items;
  guint      activations;
  GPtrArray *watched;
} Launch;

static void
started_cb (GApplication *app,
            Launch       *launch)
{
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-due", g_variant_new_string (launch->items.unodc));
}

/* Once from the action, once as g_application_run () goes on: the same
 * window, still on the agency's items. */
static void
launched_cb (GApplication *app,
             Launch       *launch)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *view;

  if (++launch->activations < 2)
    return;
  g_assert_true (ICAT_IS_WINDOW (window));
  g_assert_cmpstr (icat_window_get_section (ICAT_WINDOW (window)), ==, "action-items");
  view = icat_test_find_type (GTK_WIDGET (window), ICAT_TYPE_ACTION_ITEMS_VIEW);
  g_assert_true (gtk_widget_get_mapped (view));
  assert_shown (view, expected_ids (&launch->items, OVERDUE, TODAY, SIXTH_DAY, -1));
  g_assert_true (gtk_toggle_button_get_active (toggle (view, "week-filter")));
  launch->watched = icat_test_watch_widgets (GTK_WIDGET (window));
  icat_test_close_window (window);
}

static void
test_show_due_starts_app (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = clean_settings ();
  g_autoptr(IcatApplication) app = NULL;
  IcatStore *store = icat_test_store_new (dir, &path);
  const char *argv[] = { "icat-tracker", "--database", NULL, NULL };
  Launch launch = { { 0 } };

  items_fill (&launch.items, store);
  icat_store_sync (store);
  icat_test_finalize_store (store);

  argv[2] = path;
  app = icat_application_new ();
  g_signal_connect_after (app, "startup", G_CALLBACK (started_cb), &launch);
  g_signal_connect_after (app, "activate", G_CALLBACK (launched_cb), &launch);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&app));
  g_assert_cmpuint (launch.activations, ==, 2);
  icat_test_assert_finalized (launch.watched);
  items_clear (&launch.items);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The reminder service, on the app's store. */
typedef struct {
  GPtrArray *agencies;
  GPtrArray *texts;
} Heard;

static void
reminder_cb (IcatReminderService *service,
             const char          *agency_id,
             const char          *text,
             GNotification       *notification,
             Heard               *heard)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (heard->agencies, g_strdup (agency_id));
  g_ptr_array_add (heard->texts, g_strdup (text));
  /* Not sent: the test's bus has no notification server. */
  g_signal_stop_emission_by_name (service, "reminder");
}

static gboolean
sent_today (GSettings     *settings,
            gconstpointer  data)
{
  g_autofree char *last_day = g_settings_get_string (settings, "reminders-last-day");
  g_autofree char *today = icat_today_string ();

  return g_str_equal (last_day, today);
}

static void
reminders_test (IcatWindow *window,
                IcatStore  *store,
                gpointer    data)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(IcatReminderService) service = icat_reminder_service_new (app, store, settings);
  Heard heard = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  IcatPreferencesWindow *prefs;
  GtkWidget *prefs_weak;
  GtkWidget *reminders_switch;
  Items items = { 0 };

  items_fill (&items, store);
  g_signal_connect (service, "reminder", G_CALLBACK (reminder_cb), &heard);

  /* Sent today already: not again. */
  g_assert_false (icat_reminder_service_check_now (service));
  g_settings_set_string (settings, "reminders-last-day", "2001-01-01");
  g_assert_true (icat_reminder_service_check_now (service));
  icat_test_wait_until (sent_today, settings, NULL, 10);
  g_assert_cmpuint (heard.texts->len, ==, 2);
  g_assert_cmpstr (heard.agencies->pdata[0], ==, items.unodc);
  g_assert_cmpstr (heard.texts->pdata[0], ==, "UNODC: 1 action item overdue, 2 due this week");
  g_assert_cmpstr (heard.agencies->pdata[1], ==, items.iom);
  g_assert_cmpstr (heard.texts->pdata[1], ==, "IOM: 1 action item due this week");
  g_assert_false (icat_reminder_service_check_now (service));

  /* The switch in Preferences turns them off: nothing even counted. */
  prefs = icat_test_open_preferences (window);
  reminders_switch = icat_test_find_named (GTK_WIDGET (prefs), "reminders-switch");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (reminders_switch)));
  gtk_switch_set_active (GTK_SWITCH (reminders_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminders"));
  g_settings_set_string (settings, "reminders-last-day", "2001-01-01");
  g_assert_false (icat_reminder_service_check_now (service));
  gtk_switch_set_active (GTK_SWITCH (reminders_switch), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders"));
  g_assert_true (icat_reminder_service_check_now (service));
  icat_test_wait_until (sent_today, settings, NULL, 10);
  g_assert_cmpuint (heard.texts->len, ==, 4);

  prefs_weak = GTK_WIDGET (prefs);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs_weak);
  gtk_window_destroy (GTK_WINDOW (prefs));
  icat_test_wait_until (is_gone, &prefs_weak, NULL, 10);
  g_ptr_array_unref (heard.agencies);
  g_ptr_array_unref (heard.texts);
  items_clear (&items);
}

static void
test_reminders (void)
{
  g_autoptr(GSettings) settings = clean_settings ();

  icat_test_run_app (reminders_test, NULL);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/reminders/due-this-week", test_due_this_week);
  g_test_add_func ("/reminders/show-due-starts-app", test_show_due_starts_app);
  g_test_add_func ("/reminders/service-and-switch", test_reminders);
  return g_test_run ();
}
