/* test-sync-live.c — two laptops at one table, each with its window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stores on two databases, each with its sync service, share a
 * folder in the test, as the app on two laptops shares a Syncthing
 * folder: nothing is run by hand, the services publish what is saved and
 * the folder watch brings it to the other side. Each has the Meetings
 * section open on the same meeting.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <glib/gstdio.h>

#include "icat-meeting-editor-private.h"
#include "icat-conflict-marks.h"
#include "icat-meetings-view.h"
#include "icat-store-private.h"
#include "icat-sync-service.h"
#include "icat-sync-status-button.h"
#include "icat-sync.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

static const char * const device_ids[] = {
  "00000000-0000-4000-8000-0000000000a1",
  "00000000-0000-4000-8000-0000000000b2",
};

typedef struct {
  IcatStore         *store;
  IcatSyncService   *service;
  GtkWidget         *window;
  IcatMeetingEditor *editor;
} Laptop;

typedef struct {
  char      *dir;
  char      *folder;
  GSettings *settings;
  Laptop     laptop[2];
  char      *meeting;
} Table;

static void
laptop_open (Table      *t,
             guint       i,
             const char *name)
{
  Laptop *laptop = &t->laptop[i];
  g_autofree char *file = g_strdup_printf ("laptop-%u.db", i);
  g_autofree char *path = g_build_filename (t->dir, file, NULL);
  g_autofree char *join = g_build_filename (t->dir, "join.json", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  laptop->store = icat_store_open (path, &error);
  g_assert_no_error (error);
  _icat_store_set_device_id (laptop->store, device_ids[i]);
  if (i == 0)
    g_assert_true (icat_sync_init (laptop->store, t->folder, join, name, NULL, &error));
  else
    g_assert_true (icat_sync_join (laptop->store, t->folder, join, NULL, name, NULL, &error));
  g_assert_no_error (error);
  laptop->service = icat_sync_service_new (laptop->store);
  laptop->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (laptop->window), 1000, 700);
  view = icat_meetings_view_new (laptop->store, t->settings);
  laptop->editor = ICAT_MEETING_EDITOR (_icat_meetings_view_get_editor (ICAT_MEETINGS_VIEW (view)));
  gtk_window_set_child (GTK_WINDOW (laptop->window), view);
  gtk_window_present (GTK_WINDOW (laptop->window));
}

static gboolean
services_idle (Table         *t,
               gconstpointer  data)
{
  return !icat_sync_service_is_busy (t->laptop[0].service) && !icat_sync_service_is_busy (t->laptop[1].service);
}

static void
table_set_up (Table         *t,
              gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = icat_test_object ("{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
                                                    "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", "
                                                    "\"timezone\": \"Europe/Vienna\", \"agenda\": ["
                                                    "{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-0000000000c1\", \"position\": 0, \"title\": \"Opening\", \"minutes\": \"Draft: \"}, "
                                                    "{\"id\": \"5e1f0c2a-6d7b-4c1e-9a3f-0000000000c2\", \"position\": 1, \"title\": \"Joint paper\"}]}");
  g_autoptr(GError) error = NULL;

  t->dir = icat_test_tmpdir_new ();
  t->folder = g_build_filename (t->dir, "folder", NULL);
  g_assert_cmpint (g_mkdir (t->folder, 0755), ==, 0);
  t->settings = g_settings_new (APP_ID);
  laptop_open (t, 0, "Amina's laptop");
  t->meeting = icat_store_save (t->laptop[0].store, "meeting", meeting, &error);
  g_assert_no_error (error);
  g_assert_true (icat_sync_run (t->laptop[0].store, NULL, NULL, &error));
  g_assert_no_error (error);
  laptop_open (t, 1, "UNODC Vienna laptop");
  g_assert_true (icat_sync_run (t->laptop[1].store, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    icat_meeting_editor_set_meeting (t->laptop[i].editor, t->meeting);
}

static void
table_tear_down (Table         *t,
                 gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      Laptop *laptop = &t->laptop[i];

      gtk_window_destroy (GTK_WINDOW (laptop->window));
      icat_test_wait_saved (laptop->store);
      icat_sync_service_shutdown (laptop->service);
      g_assert_finalize_object (g_steal_pointer (&laptop->service));
      icat_test_finalize_store (g_steal_pointer (&laptop->store));
    }
  g_clear_object (&t->settings);
  g_free (t->meeting);
  g_free (t->folder);
  icat_test_tmpdir_free (t->dir);
}

static GtkTextBuffer *
minutes_of (Laptop *laptop,
            guint   item)
{
  GtkWidget *row = _icat_meeting_editor_get_agenda_item (laptop->editor, item);
  GtkWidget *view = row ? icat_test_find_named (row, "agenda-minutes") : NULL;

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct {
  guint       laptop;
  guint       item;
  const char *text;
} Shown;

static gboolean
minutes_shown (Table         *t,
               gconstpointer  data)
{
  const Shown *shown = data;
  g_autofree char *text = text_of (minutes_of (&t->laptop[shown->laptop], shown->item));

  return g_strcmp0 (text, shown->text) == 0;
}

/* The minutes of an agenda item as laptop's database holds them. */
static char *
stored_minutes (Table *t,
                guint  laptop,
                guint  item)
{
  g_autoptr(JsonObject) meeting = icat_store_read (t->laptop[laptop].store, "meeting", t->meeting, NULL);
  JsonArray *agenda = json_object_get_array_member (meeting, "agenda");

  return g_strdup (json_object_get_string_member_with_default (json_array_get_object_element (agenda, item),
                                                               "minutes", NULL));
}

typedef struct {
  guint       laptop;
  guint       item;
  const char *text;
} Stored;

static gboolean
minutes_stored (Table         *t,
                gconstpointer  data)
{
  const Stored *stored = data;
  g_autofree char *text = stored_minutes (t, stored->laptop, stored->item);

  return g_strcmp0 (text, stored->text) == 0;
}

static void
type_into (GtkTextBuffer *buffer,
           const char    *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    gtk_text_buffer_insert_at_cursor (buffer, c, g_utf8_next_char (c) - c);
}

/* Minutes typed in one window appear in the other's editor, with nobody
 * running anything: saved, published, noticed in the folder, applied. */
static void
test_minutes_reach_other_window (Table         *t,
                                 gconstpointer  data)
{
  const Shown on_b = { 1, 0, "Draft: Chair opened the meeting." };
  GtkWidget *other_minutes = _icat_meeting_editor_get_agenda_item (t->laptop[1].editor, 0);

  icat_test_wait_until (services_idle, t, NULL, 30);
  type_into (minutes_of (&t->laptop[0], 0), "Chair opened the meeting.");
  icat_test_wait_until (minutes_shown, t, &on_b, 30);
  /* Filled in place: the same widgets, not a rebuilt agenda. */
  g_assert_true (other_minutes == _icat_meeting_editor_get_agenda_item (t->laptop[1].editor, 0));
}

/* A change arriving while the other laptop's person is typing: what
 * they typed stays, the cursor does not move, and both are saved. */
static void
test_typing_wins_and_both_are_kept (Table         *t,
                                    gconstpointer  data)
{
  GtkTextBuffer *typing = minutes_of (&t->laptop[1], 1);
  const Stored remote_on_b = { 1, 0, "Draft: Opened by the chair." };
  const Stored typed_on_b = { 1, 1, "UNODC to circulate" };
  const Stored typed_on_a = { 0, 1, "UNODC to circulate" };
  const Shown remote_shown = { 1, 0, "Draft: Opened by the chair." };
  GtkTextIter cursor;
  g_autoptr(GError) error = NULL;

  icat_test_wait_until (services_idle, t, NULL, 30);
  /* Laptop A's change is in the folder before B's person starts typing. */
  type_into (minutes_of (&t->laptop[0], 0), "Opened by the chair.");
  icat_test_wait_saved (t->laptop[0].store);
  g_assert_true (icat_sync_run (t->laptop[0].store, NULL, NULL, &error));
  g_assert_no_error (error);

  type_into (typing, "UNODC to circulate");
  g_assert_true (icat_autosave_get_pending (t->laptop[1].editor->autosave));
  /* Applied on B while its edit waits to be saved. */
  g_assert_true (icat_sync_run (t->laptop[1].store, NULL, NULL, &error));
  g_assert_no_error (error);
  icat_test_wait_until (minutes_shown, t, &remote_shown, 10);
  g_autofree char *still_typed = text_of (typing);
  g_assert_cmpstr (still_typed, ==, "UNODC to circulate");
  gtk_text_buffer_get_iter_at_mark (typing, &cursor, gtk_text_buffer_get_insert (typing));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, g_utf8_strlen ("UNODC to circulate", -1));
  /* Both reach both databases: B's edit did not undo A's. */
  icat_test_wait_until (minutes_stored, t, &typed_on_b, 30);
  icat_test_wait_until (minutes_stored, t, &remote_on_b, 30);
  icat_test_wait_until (minutes_stored, t, &typed_on_a, 30);
  g_autofree char *remote_on_a = stored_minutes (t, 0, 0);
  g_assert_cmpstr (remote_on_a, ==, "Draft: Opened by the chair.");
}

typedef struct {
  guint       laptop;
  const char *title;
} StatusIs;

static gboolean
status_is (Table         *t,
           gconstpointer  data)
{
  const StatusIs *expected = data;
  const IcatSyncSummary *summary = icat_sync_service_get_summary (t->laptop[expected->laptop].service);
  g_autofree char *title = icat_sync_summary_title (summary);

  return g_strcmp0 (title, expected->title) == 0;
}

/* The sidebar's status follows: not yet shared right after a save, all
 * shared once published, the other laptop named as the last to change. */
static void
test_status_follows (Table         *t,
                     gconstpointer  data)
{
  const StatusIs shared = { 0, "All changes shared" };
  GtkWidget *button = g_object_new (ICAT_TYPE_SYNC_STATUS_BUTTON, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *subtitle = NULL;
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (button);
  icat_sync_status_button_set_service (ICAT_SYNC_STATUS_BUTTON (button), t->laptop[0].service);
  icat_test_wait_until (services_idle, t, NULL, 30);
  icat_test_wait_until (status_is, t, &shared, 30);
  g_assert_cmpstr (icat_sync_status_button_get_title (ICAT_SYNC_STATUS_BUTTON (button)), ==, "All changes shared");

  /* A save on A is counted until the service has published it. */
  type_into (minutes_of (&t->laptop[0], 1), "Draft agreed.");
  icat_test_wait_saved (t->laptop[0].store);
  {
    const StatusIs waiting = { 0, "1 change not yet shared" };

    icat_test_wait_until (status_is, t, &waiting, 10);
    g_assert_cmpstr (icat_sync_status_button_get_title (ICAT_SYNC_STATUS_BUTTON (button)), ==, "1 change not yet shared");
  }
  icat_test_wait_until (status_is, t, &shared, 30);

  /* B's change, once A has it, names B as the last to change. */
  type_into (minutes_of (&t->laptop[1], 0), "Noted.");
  {
    g_autofree char *typed = text_of (minutes_of (&t->laptop[1], 0));
    const Shown on_a = { 0, 0, typed };

    icat_test_wait_until (minutes_shown, t, &on_a, 30);
  }
  icat_test_wait_until (services_idle, t, NULL, 30);
  subtitle = g_strdup (icat_sync_status_button_get_subtitle (ICAT_SYNC_STATUS_BUTTON (button)));
  g_assert_true (g_str_has_prefix (subtitle, "Last from UNODC Vienna laptop "));
  {
    int natural;

    /* A long line wraps within the sidebar (220 pixels) instead of
     * widening it. */
    gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (natural, <=, 220);
  }
  g_assert_null (icat_sync_status_button_get_decisions (ICAT_SYNC_STATUS_BUTTON (button)));
  g_assert_no_error (error);
  g_object_unref (button);
}

typedef struct {
  guint laptop;
  guint open;
} DecisionsAre;

static gboolean
decisions_are (Table         *t,
               gconstpointer  data)
{
  const DecisionsAre *expected = data;
  const IcatSyncSummary *summary = icat_sync_service_get_summary (t->laptop[expected->laptop].service);

  return summary->open_conflicts == expected->open;
}

/* A clash waits for a decision on both laptops; deciding on one (as the
 * sync window's card does) is published by the service by itself and
 * closes it on the other, in both databases. */
static void
test_decision_reaches_other_laptop (Table         *t,
                                    gconstpointer  data)
{
  const DecisionsAre one_on_a = { 0, 1 }, one_on_b = { 1, 1 }, none_on_a = { 0, 0 }, none_on_b = { 1, 0 };
  const Stored kept_on_b = { 1, 1, "Kept on A" };
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  icat_test_wait_until (services_idle, t, NULL, 30);
  /* The same minutes typed on both before either has the other's. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kept on %c", 'A' + i);
      g_autoptr(JsonObject) meeting = icat_store_read (t->laptop[i].store, "meeting", t->meeting, &error);
      JsonArray *agenda = json_object_get_array_member (meeting, "agenda");
      g_autoptr(JsonObject) changes = json_object_new ();

      g_assert_no_error (error);
      json_object_set_string_member (json_array_get_object_element (agenda, 1), "minutes", text);
      json_object_set_string_member (changes, "id", t->meeting);
      json_object_set_array_member (changes, "agenda", json_array_ref (agenda));
      g_free (icat_store_save (t->laptop[i].store, "meeting", changes, &error));
      g_assert_no_error (error);
    }
  icat_test_wait_until (decisions_are, t, &one_on_a, 60);
  icat_test_wait_until (decisions_are, t, &one_on_b, 60);

  conflicts = icat_sync_conflicts (t->laptop[0].store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (icat_sync_resolve (t->laptop[0].store, ((IcatSyncConflict *) conflicts->pdata[0])->id,
                                    ICAT_SYNC_KEEP_MINE, &error));
  g_assert_no_error (error);
  icat_sharing_refresh (t->laptop[0].store);
  icat_test_wait_until (decisions_are, t, &none_on_a, 10);
  icat_test_wait_until (decisions_are, t, &none_on_b, 60);
  icat_test_wait_until (minutes_stored, t, &kept_on_b, 30);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = icat_sync_conflicts (t->laptop[1].store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sync-live/minutes-reach-other-window", Table, NULL, table_set_up,
              test_minutes_reach_other_window, table_tear_down);
  g_test_add ("/sync-live/typing-wins-and-both-are-kept", Table, NULL, table_set_up,
              test_typing_wins_and_both_are_kept, table_tear_down);
  g_test_add ("/sync-live/decision-reaches-other-laptop", Table, NULL, table_set_up,
              test_decision_reaches_other_laptop, table_tear_down);
  g_test_add ("/sync-live/status-follows", Table, NULL, table_set_up, test_status_follows, table_tear_down);

  return g_test_run ();
}
