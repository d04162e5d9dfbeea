/* test-sharing-window.c — conflicts decided in the sync window, on two laptops
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two laptops in one process (two stores on two databases, one sync
 * folder), each with its own sync window: a clash shows in both, a
 * decision in one closes it there at once and in the other after the next
 * sync run, checked in both databases; the meeting's list row and its
 * editor show the mark while the conflict is open.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-conflict-banner.h"
#include "icat-conflict-card.h"
#include "icat-conflict-mark.h"
#include "icat-conflict-marks.h"
#include "icat-meeting-editor.h"
#include "icat-meeting-row.h"
#include "icat-sharing-window.h"
#include "icat-sync-summary.h"
#include "icat-sharing-words.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

typedef struct {
  IcatTestGroup     *group;
  char              *meeting;
  IcatSharingWindow *windows[2];
} Fixture;

static void
exchange (Fixture *f)
{
  icat_test_group_run (f->group, 0, NULL);
  icat_test_group_run (f->group, 1, NULL);
  icat_test_group_run (f->group, 0, NULL);
  /* What the app's sync service does after each run. */
  icat_sharing_refresh (f->group->laptops[0]);
  icat_sharing_refresh (f->group->laptops[1]);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = icat_test_object ("{\"kind\": \"working-group\", "
                                                    "\"title\": {\"en\": \"12th Working Group meeting\"}, "
                                                    "\"starts_at\": \"2027-03-01T09:00:00.000Z\", "
                                                    "\"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\", "
                                                    "\"note\": \"Agreed agenda\"}");
  g_autoptr(GError) error = NULL;

  f->group = icat_test_group_new (2);
  f->meeting = icat_store_save (f->group->laptops[0], "meeting", meeting, &error);
  g_assert_no_error (error);
  exchange (f);
  for (guint i = 0; i < 2; i++)
    f->windows[i] = icat_sharing_window_present (NULL, f->group->laptops[i], "decisions");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *watched = icat_test_watch_widgets (GTK_WIDGET (f->windows[i]));

      gtk_window_destroy (GTK_WINDOW (f->windows[i]));
      icat_test_assert_finalized (watched);
    }
  g_free (f->meeting);
  icat_test_group_free (f->group);
}

/* The decisions page's cards. */
static guint
n_cards (IcatSharingWindow *window)
{
  GtkWidget *box = _icat_sharing_window_get_decisions (window);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    n += ICAT_IS_CONFLICT_CARD (child);
  return n;
}

static IcatConflictCard *
first_card (IcatSharingWindow *window)
{
  GtkWidget *child = gtk_widget_get_first_child (_icat_sharing_window_get_decisions (window));

  g_assert_true (ICAT_IS_CONFLICT_CARD (child));
  return ICAT_CONFLICT_CARD (child);
}

static guint
n_open (IcatStore *store)
{
  g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (store, NULL);

  return conflicts->len;
}

static char *
field_of (IcatStore  *store,
          const char *id,
          const char *field)
{
  g_autoptr(JsonObject) record = icat_store_read (store, "meeting", id, NULL);

  return record ? g_strdup (json_object_get_string_member_with_default (record, field, NULL)) : NULL;
}

static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_same_field (Fixture       *f,
                 gconstpointer  data)
{
  IcatStore *a = f->group->laptops[0], *b = f->group->laptops[1];
  g_autoptr(IcatRecord) record = icat_store_lookup (a, "meeting", f->meeting);
  GtkWidget *row = icat_meeting_row_new (a);
  GtkWidget *editor = icat_meeting_editor_new (a);
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *mark, *banner;
  g_autofree char *note_a = NULL;
  g_autofree char *note_b = NULL;

  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_window_set_child (GTK_WINDOW (holder), box);
  icat_meeting_row_set_record (ICAT_MEETING_ROW (row), record);
  icat_meeting_editor_set_meeting (ICAT_MEETING_EDITOR (editor), f->meeting);
  mark = icat_test_find_type (row, ICAT_TYPE_CONFLICT_MARK);
  banner = icat_test_find_type (editor, ICAT_TYPE_CONFLICT_BANNER);
  g_assert_false (gtk_widget_get_visible (mark));
  g_assert_false (icat_conflict_banner_is_shown (ICAT_CONFLICT_BANNER (banner)));
  g_assert_cmpuint (n_cards (f->windows[0]), ==, 0);

  icat_test_sync_set_text (a, "meeting", f->meeting, "note", "Typed on A");
  icat_test_sync_set_text (b, "meeting", f->meeting, "note", "Typed on B");
  exchange (f);
  /* The clash waits in both windows, and is marked in the list and editor. */
  g_assert_cmpuint (n_cards (f->windows[0]), ==, 1);
  g_assert_cmpuint (n_cards (f->windows[1]), ==, 1);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_true (icat_conflict_banner_is_shown (ICAT_CONFLICT_BANNER (banner)));

  /* Laptop B keeps A's value: closed on B at once, on A still open. */
  click (icat_conflict_card_get_button (first_card (f->windows[1]), ICAT_SYNC_KEEP_THEIRS));
  g_assert_cmpuint (n_cards (f->windows[1]), ==, 0);
  g_assert_cmpuint (n_open (b), ==, 0);
  g_assert_cmpuint (n_open (a), ==, 1);
  g_assert_cmpuint (n_cards (f->windows[0]), ==, 1);

  /* After the next sync run, on A too, and both hold A's note. */
  exchange (f);
  g_assert_cmpuint (n_cards (f->windows[0]), ==, 0);
  g_assert_cmpuint (n_open (a), ==, 0);
  note_a = field_of (a, f->meeting, "note");
  note_b = field_of (b, f->meeting, "note");
  g_assert_cmpstr (note_a, ==, "Typed on A");
  g_assert_cmpstr (note_b, ==, "Typed on A");
  g_assert_false (gtk_widget_get_visible (mark));
  g_assert_false (icat_conflict_banner_is_shown (ICAT_CONFLICT_BANNER (banner)));

  icat_meeting_editor_set_meeting (ICAT_MEETING_EDITOR (editor), NULL);
  gtk_window_destroy (GTK_WINDOW (holder));
}

static void
test_merged_value (Fixture       *f,
                   gconstpointer  data)
{
  IcatStore *a = f->group->laptops[0], *b = f->group->laptops[1];

  icat_test_sync_set_text (a, "meeting", f->meeting, "note", "Typed on A");
  icat_test_sync_set_text (b, "meeting", f->meeting, "note", "Typed on B");
  exchange (f);
  g_assert_true (icat_conflict_card_save_merged (first_card (f->windows[0]), "Typed on A and on B"));
  g_assert_cmpuint (n_cards (f->windows[0]), ==, 0);
  exchange (f);
  g_assert_cmpuint (n_cards (f->windows[1]), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *note = field_of (f->group->laptops[i], f->meeting, "note");

      g_assert_cmpstr (note, ==, "Typed on A and on B");
      g_assert_cmpuint (n_open (f->group->laptops[i]), ==, 0);
    }
}

/* A deletes the meeting, B edits it: each window offers "Keep the Record"
 * and "Delete It", whichever side each laptop's value is on. */
static void
edit_against_delete (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_store_delete (f->group->laptops[0], "meeting", f->meeting, &error));
  g_assert_no_error (error);
  icat_test_sync_set_text (f->group->laptops[1], "meeting", f->meeting, "venue", "Geneva");
  exchange (f);
  for (guint i = 0; i < 2; i++)
    {
      IcatConflictCard *card = first_card (f->windows[i]);
      /* Where the record was deleted, the edit is the other side. */
      IcatSyncKeep record_side = i == 0 ? ICAT_SYNC_KEEP_THEIRS : ICAT_SYNC_KEEP_MINE;

      g_assert_cmpuint (n_cards (f->windows[i]), ==, 1);
      g_assert_cmpstr (gtk_button_get_label (icat_conflict_card_get_button (card, record_side)), ==,
                       "_Keep the Record");
      g_assert_cmpstr (gtk_button_get_label (icat_conflict_card_get_button (card, !record_side)), ==,
                       "_Delete It");
    }
}

static void
test_keep_the_record (Fixture       *f,
                      gconstpointer  data)
{
  edit_against_delete (f);
  /* Decided where it was deleted. */
  click (icat_conflict_card_get_button (first_card (f->windows[0]), ICAT_SYNC_KEEP_THEIRS));
  exchange (f);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *venue = field_of (f->group->laptops[i], f->meeting, "venue");

      g_assert_cmpstr (venue, ==, "Geneva");
      g_assert_cmpuint (n_open (f->group->laptops[i]), ==, 0);
      g_assert_cmpuint (n_cards (f->windows[i]), ==, 0);
    }
}

static void
test_delete_it (Fixture       *f,
                gconstpointer  data)
{
  edit_against_delete (f);
  /* Decided where it was edited. */
  click (icat_conflict_card_get_button (first_card (f->windows[1]), ICAT_SYNC_KEEP_THEIRS));
  exchange (f);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) gone = icat_store_read (f->group->laptops[i], "meeting", f->meeting, NULL);

      g_assert_null (gone);
      g_assert_cmpuint (n_open (f->group->laptops[i]), ==, 0);
      g_assert_cmpuint (n_cards (f->windows[i]), ==, 0);
    }
}

/* A page's rows, each "title: subtitle", in order. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GPtrArray *
page_rows (GtkWidget *page)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  collect_rows (page, rows);
  return rows;
}

static GPtrArray *
file_rows (IcatSharingWindow *window)
{
  return page_rows (_icat_sharing_window_get_files (window));
}

static void
test_laptops (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = page_rows (_icat_sharing_window_get_laptops (f->windows[0]));
  g_autofree char *folder = g_strdup_printf ("Sync folder: %s", f->group->folder);
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "alone.db", NULL);
  IcatStore *alone = icat_store_open (path, NULL);
  IcatSharingWindow *window;
  GPtrArray *watched;

  g_autoptr(IcatSyncStatus) status = NULL;
  g_autoptr(IcatSyncSummary) summary = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sidebar = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* This laptop first, its folder, then the others; B made no change yet,
   * and the sidebar says so from the same status, not "No other laptop". */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (rows->pdata[0], ==, "Laptop A: All changes shared");
  g_assert_true (g_str_has_prefix (rows->pdata[1], folder));
  g_assert_cmpstr (rows->pdata[2], ==, "Laptop B: Nothing received yet");
  status = icat_sync_status (f->group->laptops[0], NULL);
  summary = icat_sync_summary_new (status, NULL);
  sidebar = icat_sync_summary_subtitle (summary, now);
  g_assert_cmpstr (sidebar, ==, "1 other laptop, nothing received yet");
  g_clear_pointer (&status, icat_sync_status_free);

  /* Once B's change is taken in: when B made it, and the count. */
  icat_test_sync_set_text (f->group->laptops[1], "meeting", f->meeting, "venue", "Geneva");
  exchange (f);
  status = icat_sync_status (f->group->laptops[0], NULL);
  for (guint i = 0; i < status->laptops->len; i++)
    if (!((IcatSyncLaptop *) status->laptops->pdata[i])->is_self)
      when = icat_sharing_time_text (((IcatSyncLaptop *) status->laptops->pdata[i])->last_change_at);
  g_assert_nonnull (when);
  expected = g_strdup_printf ("Laptop B: Last change %s · 1 of 1 change applied", when);
  g_ptr_array_unref (rows);
  rows = page_rows (_icat_sharing_window_get_laptops (f->windows[0]));
  g_assert_cmpstr (rows->pdata[2], ==, expected);

  /* A change not yet shared is counted. */
  icat_test_sync_set_text (f->group->laptops[0], "meeting", f->meeting, "note", "Not shared yet");
  icat_sharing_refresh (f->group->laptops[0]);
  g_ptr_array_unref (rows);
  rows = page_rows (_icat_sharing_window_get_laptops (f->windows[0]));
  g_assert_cmpstr (rows->pdata[0], ==, "Laptop A: 1 change not yet shared");

  /* Not in a group: no rows, the way to set it up instead. */
  g_assert_nonnull (alone);
  window = icat_sharing_window_present (NULL, alone, "laptops");
  g_ptr_array_unref (rows);
  rows = page_rows (_icat_sharing_window_get_laptops (window));
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_nonnull (icat_test_find_type (_icat_sharing_window_get_laptops (window), ADW_TYPE_STATUS_PAGE));
  watched = icat_test_watch_widgets (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  icat_test_assert_finalized (watched);
  icat_test_finalize_store (alone);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_one_per_window (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *parent = gtk_window_new ();
  IcatSharingWindow *first = icat_sharing_window_present (GTK_WINDOW (parent), f->group->laptops[0], "laptops");
  IcatSharingWindow *again = icat_sharing_window_present (GTK_WINDOW (parent), f->group->laptops[0], "decisions");
  IcatSharingWindow *next;
  gboolean destroyed = FALSE;

  /* Raised, not made again, while open... */
  g_assert_true (first == again);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (first)) == GTK_WINDOW (parent));
  gtk_window_destroy (GTK_WINDOW (first));
  /* ...and made anew once closed; it goes with its window. */
  next = icat_sharing_window_present (GTK_WINDOW (parent), f->group->laptops[0], NULL);
  g_assert_nonnull (next);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (next)) == GTK_WINDOW (parent));
  g_signal_connect_swapped (next, "destroy", G_CALLBACK (set_true), &destroyed);
  gtk_window_destroy (GTK_WINDOW (parent));
  g_assert_true (destroyed);
}

static char *
publish_change (IcatTestGroup *group)
{
  g_free (icat_test_sync_add_item (group->laptops[0], "Draft the issue brief"));
  icat_test_group_run (group, 0, NULL);
  return icat_test_group_file (group, 0, icat_test_group_last_file (group, 0));
}

static void
test_refused_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IcatTestGroup) other = icat_test_group_new (1);
  g_autofree char *path = publish_change (f->group);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *tampered = g_strdup_printf ("%s: %s", name, icat_sharing_problem_words (ICAT_SYNC_PROBLEM_SIGNATURE, NULL));
  g_autofree char *stranger = g_strdup_printf ("%s: %s", name, icat_sharing_problem_words (ICAT_SYNC_PROBLEM_OTHER_GROUP, NULL));
  g_autofree char *other_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = file_rows (f->windows[1]);
  gsize length;

  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  contents[length - 40] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  icat_test_group_run (f->group, 1, NULL);
  icat_sharing_refresh (f->group->laptops[1]);
  g_ptr_array_unref (rows);
  rows = file_rows (f->windows[1]);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (rows->pdata[0], ==, tampered);
  g_assert_nonnull (strstr (tampered, ": Tampered with or damaged"));

  /* Another group's file in its place. */
  g_free (icat_test_sync_add_item (other->laptops[0], "Another group's item"));
  icat_test_group_run (other, 0, NULL);
  other_path = icat_test_group_file (other, 0, icat_test_group_last_file (other, 0));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (other_path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  icat_test_group_run (f->group, 1, NULL);
  icat_sharing_refresh (f->group->laptops[1]);
  g_ptr_array_unref (rows);
  rows = file_rows (f->windows[1]);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (rows->pdata[0], ==, stranger);
  g_assert_nonnull (strstr (stranger, "Made by another group"));
}

static void
test_words (void)
{
  g_autoptr(IcatSyncStatus) status = g_new0 (IcatSyncStatus, 1);
  IcatSyncLaptop *named = g_new0 (IcatSyncLaptop, 1);
  IcatSyncLaptop *unnamed = g_new0 (IcatSyncLaptop, 1);
  const char *self = "00000000-0000-4000-8000-0000000000a1";
  g_autofree char *text = NULL;

  /* Values: strings plainly, empty and null alike, lists and edits summed up. */
  text = icat_sharing_value_text ("\"Quorum reached\"");
  g_assert_cmpstr (text, ==, "Quorum reached");
  g_free (text);
  text = icat_sharing_value_text ("null");
  g_assert_cmpstr (text, ==, "(empty)");
  g_free (text);
  text = icat_sharing_value_text (NULL);
  g_assert_cmpstr (text, ==, "(empty)");
  g_free (text);
  text = icat_sharing_value_text ("\"\"");
  g_assert_cmpstr (text, ==, "(empty)");
  g_free (text);
  text = icat_sharing_value_text ("true");
  g_assert_cmpstr (text, ==, "Yes");
  g_free (text);
  text = icat_sharing_value_text ("3");
  g_assert_cmpstr (text, ==, "3");
  g_free (text);
  text = icat_sharing_value_text ("[\"UNODC\", \"IOM\"]");
  g_assert_cmpstr (text, ==, "UNODC, IOM");
  g_free (text);
  text = icat_sharing_value_text ("{\"venue\": \"Geneva\", \"note\": null}");
  g_assert_cmpstr (text, ==, "Venue: Geneva; Note: (empty)");
  g_free (text);
  /* A text column holding JSON: a title in two languages. */
  text = icat_sharing_value_text ("\"{\\\"en\\\": \\\"Working Group\\\"}\"");
  g_assert_cmpstr (text, ==, "Working Group");
  g_free (text);
  text = icat_sharing_value_text ("{\"en\": \"Working Group\", \"zh\": \"工作组\"}");
  g_assert_cmpstr (text, ==, "Working Group / 工作组");
  g_clear_pointer (&text, g_free);

  g_assert_true (icat_sharing_value_is_long ("\"one\\ntwo\""));
  g_assert_false (icat_sharing_value_is_long ("\"short\""));
  g_assert_false (icat_sharing_value_is_long ("null"));
  g_assert_false (icat_sharing_value_is_long (NULL));

  text = icat_sharing_field_label ("agenda.minutes");
  g_assert_cmpstr (text, ==, "Agenda · Minutes");
  g_free (text);
  text = icat_sharing_field_label ("note");
  g_assert_cmpstr (text, ==, "Note");
  g_free (text);
  text = icat_sharing_field_label ("clearances.state");
  g_assert_cmpstr (text, ==, "Clearances · Clearance state");
  g_free (text);
  text = icat_sharing_field_label ("no_such_field");
  g_assert_cmpstr (text, ==, "no_such_field");
  g_free (text);
  text = icat_sharing_field_label (NULL);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (icat_sharing_kind_label ("meeting"), ==, "Meeting");
  g_assert_cmpstr (icat_sharing_kind_label ("action_item"), ==, "Action item");

  /* Times in the user's zone (TZ=UTC in tests); another year says it. */
  text = icat_sharing_time_text ("2025-12-05T10:42:00Z");
  g_assert_cmpstr (text, ==, "5 Dec 2025, 10:42");
  g_clear_pointer (&text, g_free);
  g_assert_null (icat_sharing_time_text ("yesterday"));
  g_assert_null (icat_sharing_time_text (NULL));

  /* Laptops: this one, by name, or unnamed with its id's beginning. */
  status->laptops = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_laptop_free);
  named->device_id = g_strdup ("00000000-0000-4000-8000-0000000000b2");
  named->name = g_strdup ("UNODC Vienna laptop");
  unnamed->device_id = g_strdup ("1a2b3c4d-0000-4000-8000-0000000000c3");
  g_ptr_array_add (status->laptops, named);
  g_ptr_array_add (status->laptops, unnamed);
  text = icat_sharing_laptop_name (status, self, self);
  g_assert_cmpstr (text, ==, "This laptop");
  g_free (text);
  text = icat_sharing_laptop_name (status, named->device_id, self);
  g_assert_cmpstr (text, ==, "UNODC Vienna laptop");
  g_free (text);
  text = icat_sharing_laptop_name (status, unnamed->device_id, self);
  g_assert_cmpstr (text, ==, "Unnamed laptop 1a2b3c4d");
  g_free (text);
  text = icat_sharing_laptop_name (NULL, NULL, self);
  g_assert_cmpstr (text, ==, "Another laptop");
  g_clear_pointer (&text, g_free);

  g_assert_cmpstr (icat_sharing_problem_words (ICAT_SYNC_PROBLEM_OTHER, "Permission denied"), ==, "Permission denied");
  g_assert_cmpstr (icat_sharing_problem_words (ICAT_SYNC_PROBLEM_OTHER, NULL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/sharing/same-field", Fixture, NULL, fixture_set_up, test_same_field, fixture_tear_down);
  g_test_add ("/sharing/merged-value", Fixture, NULL, fixture_set_up, test_merged_value, fixture_tear_down);
  g_test_add ("/sharing/keep-the-record", Fixture, NULL, fixture_set_up, test_keep_the_record, fixture_tear_down);
  g_test_add ("/sharing/delete-it", Fixture, NULL, fixture_set_up, test_delete_it, fixture_tear_down);
  g_test_add ("/sharing/laptops", Fixture, NULL, fixture_set_up, test_laptops, fixture_tear_down);
  g_test_add ("/sharing/one-per-window", Fixture, NULL, fixture_set_up, test_one_per_window, fixture_tear_down);
  g_test_add ("/sharing/refused-files", Fixture, NULL, fixture_set_up, test_refused_files, fixture_tear_down);
  g_test_add_func ("/sharing/words", test_words);
  return g_test_run ();
}
