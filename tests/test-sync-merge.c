/* test-sync-merge.c — the merge rules, one case each, between two laptops
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two laptops in one process (two stores with their own device ids and
 * one sync folder), each case asserting what is stored on both after they
 * exchange their files.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-test-util.h"

static const char * const device_ids[] = {
  "00000000-0000-4000-8000-0000000000a1",
  "00000000-0000-4000-8000-0000000000b2",
};

typedef struct {
  char      *dir;
  char      *folder;
  IcatStore *laptop[2];
} Pair;

static void
pair_set_up (Pair          *pair,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *join = NULL;

  pair->dir = icat_test_tmpdir_new ();
  pair->folder = g_build_filename (pair->dir, "folder", NULL);
  join = g_build_filename (pair->dir, "join.json", NULL);
  g_assert_cmpint (g_mkdir (pair->folder, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("laptop-%u.db", i);
      g_autofree char *path = g_build_filename (pair->dir, name, NULL);

      pair->laptop[i] = icat_store_open (path, &error);
      g_assert_no_error (error);
      _icat_store_set_device_id (pair->laptop[i], device_ids[i]);
    }
  g_assert_true (icat_sync_init (pair->laptop[0], pair->folder, join, "Vienna", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icat_sync_join (pair->laptop[1], pair->folder, join, NULL, "New York", NULL, &error));
  g_assert_no_error (error);
}

static void
pair_tear_down (Pair          *pair,
                gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    icat_test_finalize_store (g_steal_pointer (&pair->laptop[i]));
  g_free (pair->folder);
  icat_test_tmpdir_free (pair->dir);
}

static IcatSyncReport
run (Pair  *pair,
     guint  laptop)
{
  IcatSyncReport report;
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_sync_run (pair->laptop[laptop], NULL, &report, &error));
  g_assert_no_error (error);
  return report;
}

/* Both ways, until both have everything. */
static void
exchange (Pair *pair)
{
  run (pair, 0);
  run (pair, 1);
  run (pair, 0);
}

static void
assert_same (Pair *pair)
{
  g_autofree char *first = icat_test_export (pair->laptop[0]);
  g_autofree char *second = icat_test_export (pair->laptop[1]);

  g_assert_cmpstr (first, ==, second);
}

static char *
save (IcatStore  *store,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) changes = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (store, kind, changes, &error);

  g_assert_no_error (error);
  return id;
}

static char *
new_meeting (Pair *pair)
{
  char *id = save (pair->laptop[0], "meeting",
                   "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
                   "\"starts_at\": \"2027-03-01T09:00:00.000Z\", \"date_precision\": \"day\", "
                   "\"timezone\": \"Europe/Vienna\", \"note\": \"Agreed agenda\"}");

  exchange (pair);
  return id;
}

static const char *
text_of (JsonObject *record,
         const char *field)
{
  return json_object_get_string_member_with_default (record, field, NULL);
}

static JsonObject *
read_meeting (IcatStore  *store,
              const char *id)
{
  return icat_store_read (store, "meeting", id, NULL);
}

static void
test_different_fields (Pair          *pair,
                       gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *venue = g_strdup_printf ("{\"id\": \"%s\", \"venue\": \"Vienna International Centre\"}", id);
  g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Quorum reached\"}", id);
  g_autoptr(GPtrArray) conflicts = NULL;

  g_free (save (pair->laptop[0], "meeting", venue));
  g_free (save (pair->laptop[1], "meeting", note));
  exchange (pair);
  assert_same (pair);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) meeting = read_meeting (pair->laptop[i], id);

      g_assert_cmpstr (text_of (meeting, "venue"), ==, "Vienna International Centre");
      g_assert_cmpstr (text_of (meeting, "note"), ==, "Quorum reached");
    }
  conflicts = icat_sync_conflicts (pair->laptop[0], NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_same_field (Pair          *pair,
                 gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *mine = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Typed in Vienna\"}", id);
  g_autofree char *theirs = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Typed in New York\"}", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting = NULL;

  g_free (save (pair->laptop[0], "meeting", mine));
  g_free (save (pair->laptop[1], "meeting", theirs));
  exchange (pair);
  assert_same (pair);
  /* The later write wins everywhere; the other is kept on both laptops. */
  meeting = read_meeting (pair->laptop[0], id);
  g_assert_cmpstr (text_of (meeting, "note"), ==, "Typed in New York");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (pair->laptop[i], &error);
      IcatSyncConflict *conflict;

      g_assert_no_error (error);
      g_assert_cmpuint (conflicts->len, ==, 1);
      conflict = conflicts->pdata[0];
      g_assert_cmpstr (conflict->kind, ==, "field");
      g_assert_cmpstr (conflict->record_id, ==, id);
      g_assert_cmpstr (conflict->field, ==, "note");
      /* Each laptop's own value is its "mine". */
      g_assert_cmpstr (conflict->mine_value, ==, i == 0 ? "\"Typed in Vienna\"" : "\"Typed in New York\"");
      g_assert_cmpstr (conflict->theirs_value, ==, i == 0 ? "\"Typed in New York\"" : "\"Typed in Vienna\"");
      g_assert_cmpstr (conflict->mine_device, ==, device_ids[i]);
    }

  /* Deciding on one laptop closes it on both. */
  {
    g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (pair->laptop[1], NULL);
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(JsonObject) decided = NULL;

    g_assert_true (icat_sync_resolve (pair->laptop[1], ((IcatSyncConflict *) conflicts->pdata[0])->id,
                                      ICAT_SYNC_KEEP_THEIRS, &error));
    g_assert_no_error (error);
    exchange (pair);
    assert_same (pair);
    decided = read_meeting (pair->laptop[0], id);
    g_assert_cmpstr (text_of (decided, "note"), ==, "Typed in Vienna");
    for (guint i = 0; i < 2; i++)
      {
        g_clear_pointer (&after, g_ptr_array_unref);
        after = icat_sync_conflicts (pair->laptop[i], NULL);
        g_assert_cmpuint (after->len, ==, 0);
      }
  }
}

static void
test_edit_of_deleted (Pair          *pair,
                      gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *edit = g_strdup_printf ("{\"id\": \"%s\", \"venue\": \"Geneva\"}", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) restored = NULL;

  g_assert_true (icat_store_delete (pair->laptop[0], "meeting", id, &error));
  g_free (save (pair->laptop[1], "meeting", edit));
  exchange (pair);
  assert_same (pair);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (pair->laptop[i], NULL);
      g_autoptr(JsonObject) gone = read_meeting (pair->laptop[i], id);

      g_assert_null (gone);
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpstr (((IcatSyncConflict *) conflicts->pdata[0])->kind, ==, "deleted");
      /* The edit is "theirs" where the record was deleted, "mine" where it was made. */
      if (i == 0)
        g_assert_nonnull (strstr (((IcatSyncConflict *) conflicts->pdata[0])->theirs_value, "Geneva"));
      else
        g_assert_nonnull (strstr (((IcatSyncConflict *) conflicts->pdata[0])->mine_value, "Geneva"));
    }

  /* "Keep the record": it comes back with the edit, on both laptops. */
  {
    g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (pair->laptop[0], NULL);

    g_assert_true (icat_sync_resolve (pair->laptop[0], ((IcatSyncConflict *) conflicts->pdata[0])->id,
                                      ICAT_SYNC_KEEP_THEIRS, &error));
    g_assert_no_error (error);
  }
  exchange (pair);
  assert_same (pair);
  restored = read_meeting (pair->laptop[1], id);
  g_assert_nonnull (restored);
  g_assert_cmpstr (text_of (restored, "venue"), ==, "Geneva");
  g_assert_cmpstr (text_of (restored, "note"), ==, "Agreed agenda");
}

static void
test_reference_to_deleted (Pair          *pair,
                           gconstpointer  data)
{
  g_autofree char *agency = save (pair->laptop[0], "agency",
                                  "{\"acronym\": \"TEST\", \"name\": {\"en\": \"Test agency\"}, \"kind\": \"un-entity\"}");
  g_autofree char *item_json = NULL;
  g_autofree char *item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) back = NULL;

  exchange (pair);
  /* One laptop removes the agency while the other gives it work. */
  g_assert_true (icat_store_delete (pair->laptop[0], "agency", agency, &error));
  g_assert_no_error (error);
  item_json = g_strdup_printf ("{\"title\": \"Draft the issue brief\", \"owner\": \"%s\", \"status\": \"open\"}", agency);
  item = save (pair->laptop[1], "action_item", item_json);
  exchange (pair);
  assert_same (pair);
  /* Never an orphan: the agency comes back, and a person is told. */
  back = icat_store_read (pair->laptop[0], "agency", agency, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (text_of (back, "acronym"), ==, "TEST");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) problems = icat_store_check (pair->laptop[i], &error);
      g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (pair->laptop[i], NULL);

      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpstr (((IcatSyncConflict *) conflicts->pdata[0])->kind, ==, "restored");
    }
}

static void
test_same_decision_number (Pair          *pair,
                           gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *first = g_strdup_printf ("{\"id\": \"%s\", \"decisions\": [{\"id\": \"%s\", \"number\": 3, "
                                            "\"text\": \"Endorse the work plan\"}]}", id,
                                            "11111111-1111-4111-8111-111111111111");
  g_autofree char *second = g_strdup_printf ("{\"id\": \"%s\", \"decisions\": [{\"id\": \"%s\", \"number\": 3, "
                                             "\"text\": \"Publish the issue brief\"}]}", id,
                                             "22222222-2222-4222-8222-222222222222");
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  g_free (save (pair->laptop[0], "meeting", first));
  g_free (save (pair->laptop[1], "meeting", second));
  exchange (pair);
  assert_same (pair);
  /* Both kept, in a stable order; the number is for a person to fix. */
  meeting = read_meeting (pair->laptop[0], id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "decisions")), ==, 2);
  conflicts = icat_sync_conflicts (pair->laptop[1], NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((IcatSyncConflict *) conflicts->pdata[0])->kind, ==, "duplicate");
}

/* An agenda item marked to continue on one laptop while its minutes are
 * written on the other: both reach both, field by field. */
static void
test_agenda_continue_next (Pair          *pair,
                           gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *first = g_strdup_printf ("{\"id\": \"%s\", \"agenda\": [{\"id\": \"%s\", \"position\": 0, "
                                            "\"title\": \"Issue brief\"}]}", id,
                                            "33333333-3333-4333-8333-333333333333");
  g_autofree char *marked = g_strdup_printf ("{\"id\": \"%s\", \"agenda\": [{\"id\": \"%s\", \"position\": 0, "
                                             "\"title\": \"Issue brief\", \"continue_next\": true}]}", id,
                                             "33333333-3333-4333-8333-333333333333");
  g_autofree char *minutes = g_strdup_printf ("{\"id\": \"%s\", \"agenda\": [{\"id\": \"%s\", \"position\": 0, "
                                              "\"title\": \"Issue brief\", \"minutes\": \"Second draft discussed.\"}]}",
                                              id, "33333333-3333-4333-8333-333333333333");
  g_autoptr(GPtrArray) conflicts = NULL;

  g_free (save (pair->laptop[0], "meeting", first));
  exchange (pair);
  g_free (save (pair->laptop[0], "meeting", marked));
  g_free (save (pair->laptop[1], "meeting", minutes));
  exchange (pair);
  assert_same (pair);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) meeting = read_meeting (pair->laptop[i], id);
      JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);

      g_assert_true (json_object_get_boolean_member (item, "continue_next"));
      g_assert_cmpstr (text_of (item, "minutes"), ==, "Second draft discussed.");
    }
  conflicts = icat_sync_conflicts (pair->laptop[0], NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static char *
agenda_json (const char *meeting_id,
             const char *minutes)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"agenda\": [{\"id\": \"33333333-3333-4333-8333-333333333333\", "
                          "\"position\": 1, \"title\": \"Work plan\", \"minutes\": \"%s\"}]}",
                          meeting_id, minutes);
}

static guint
count_approved_conflicts (IcatStore  *store,
                          const char *meeting_id)
{
  g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (store, NULL);
  guint count = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      if (g_str_equal (conflict->kind, "approved"))
        {
          g_assert_cmpstr (conflict->record_kind, ==, "meeting");
          g_assert_cmpstr (conflict->record_id, ==, meeting_id);
          count++;
        }
    }
  return count;
}

/* How many changes the meeting's History marks as made on another laptop
 * after approval; each is laptop B's. */
static void
assert_history_flags (IcatStore  *store,
                      const char *meeting_id,
                      guint       expected)
{
  IcatSyncHistoryQuery query = { "meeting", meeting_id, NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = icat_sync_history (_icat_store_get_read_db (store), &query, NULL, &error);
  guint flagged = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      IcatSyncHistoryEntry *entry = entries->pdata[i];

      if (entry->after_approval)
        {
          g_assert_cmpstr (entry->device_id, ==, device_ids[1]);
          flagged++;
        }
    }
  g_assert_cmpuint (flagged, ==, expected);
}

/* Laptop A approves the minutes while laptop B, not yet seeing the
 * approval, edits them: B's edit is kept everywhere, and both laptops
 * flag the meeting until the flag is dismissed on one of them. */
static void
test_edit_of_approved (Pair          *pair,
                       gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *agenda = agenda_json (id, "Endorsed as drafted.");
  g_autofree char *edited = agenda_json (id, "Endorsed with the changes of UNODC.");
  g_autofree char *approve = g_strdup_printf ("{\"id\": \"%s\", \"record_status\": \"approved\", "
                                              "\"approved_on\": \"2027-03-20\"}", id);
  g_autofree char *note = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Room C\"}", id);
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_free (save (pair->laptop[0], "meeting", agenda));
  exchange (pair);
  /* Edits of a record not approved flag nothing. */
  g_assert_cmpuint (count_approved_conflicts (pair->laptop[1], id), ==, 0);

  g_free (save (pair->laptop[0], "meeting", approve));
  g_free (save (pair->laptop[1], "meeting", edited));
  exchange (pair);
  assert_same (pair);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) read = read_meeting (pair->laptop[i], id);
      JsonArray *items = json_object_get_array_member (read, "agenda");

      g_assert_cmpstr (text_of (read, "record_status"), ==, "approved");
      g_assert_cmpstr (text_of (json_array_get_object_element (items, 0), "minutes"), ==,
                       "Endorsed with the changes of UNODC.");
    }
  /* A met B's edit after approving; B met an approval that had not seen
   * its edit: both flag that one change, named alike. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (count_approved_conflicts (pair->laptop[i], id), ==, 1);
      assert_history_flags (pair->laptop[i], id, 1);
    }

  /* The approval itself and fields outside the minutes are no flag. */
  g_free (save (pair->laptop[1], "meeting", note));
  exchange (pair);
  g_assert_cmpuint (count_approved_conflicts (pair->laptop[0], id), ==, 1);
  g_assert_cmpuint (count_approved_conflicts (pair->laptop[1], id), ==, 1);

  /* Dismissed on one laptop, closed on both. */
  conflicts = icat_sync_conflicts (pair->laptop[0], NULL);
  g_assert_true (icat_sync_resolve (pair->laptop[0], ((IcatSyncConflict *) conflicts->pdata[0])->id,
                                    ICAT_SYNC_KEEP_MINE, &error));
  g_assert_no_error (error);
  exchange (pair);
  g_assert_cmpuint (count_approved_conflicts (pair->laptop[0], id), ==, 0);
  g_assert_cmpuint (count_approved_conflicts (pair->laptop[1], id), ==, 0);
  meeting = read_meeting (pair->laptop[0], id);
  g_assert_cmpstr (text_of (json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0),
                            "minutes"), ==, "Endorsed with the changes of UNODC.");
}

/* The first change whose row label starts with row_label (an agency's
 * row is named by its acronym and name). */
static IcatSyncFieldChange *
find_labelled_change (GPtrArray  *entries,
                      const char *row_label)
{
  for (guint e = 0; e < entries->len; e++)
    {
      IcatSyncHistoryEntry *entry = entries->pdata[e];

      for (guint i = 0; i < entry->changes->len; i++)
        {
          const char *label = ((IcatSyncFieldChange *) entry->changes->pdata[i])->row_label;

          if (label != NULL && g_str_has_prefix (label, row_label))
            return entry->changes->pdata[i];
        }
    }
  return NULL;
}

/* Two laptops clear a joint paper for different agencies at the same
 * time: each clearance is a row of its own, keyed by the agency, and both
 * survive; the paper's history names each in plain words. */
static void
test_clearances_of_two_agencies (Pair          *pair,
                                 gconstpointer  data)
{
  g_autofree char *unodc = icat_test_agency_id (pair->laptop[0], "UNODC");
  g_autofree char *iom = icat_test_agency_id (pair->laptop[0], "IOM");
  g_autofree char *create = g_strdup_printf ("{\"kind\": \"joint-statement\", \"title\": {\"en\": \"Joint statement\"}, "
                                             "\"status\": \"agency-review\", \"lead_agencies\": [\"%s\"], "
                                             "\"contributing_agencies\": [\"%s\"]}", unodc, iom);
  g_autofree char *id = save (pair->laptop[0], "paper", create);
  g_autofree char *by_unodc = NULL;
  g_autofree char *by_iom = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  IcatSyncHistoryQuery query = { "paper", id, device_ids[1], NULL, 0, 0 };
  IcatSyncFieldChange *change;

  exchange (pair);
  by_unodc = g_strdup_printf ("{\"id\": \"%s\", \"clearances\": [{\"agency\": \"%s\", \"state\": \"cleared\", "
                              "\"on\": \"2027-03-01\"}]}", id, unodc);
  by_iom = g_strdup_printf ("{\"id\": \"%s\", \"clearances\": [{\"agency\": \"%s\", \"state\": \"objected\", "
                            "\"on\": \"2027-03-02\", \"note\": \"Needs the 2026 data\"}]}", id, iom);
  g_free (save (pair->laptop[0], "paper", by_unodc));
  g_free (save (pair->laptop[1], "paper", by_iom));
  exchange (pair);
  assert_same (pair);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) paper = icat_store_read (pair->laptop[i], "paper", id, NULL);
      JsonArray *clearances = json_object_get_array_member (paper, "clearances");

      g_assert_cmpuint (json_array_get_length (clearances), ==, 2);
      for (guint r = 0; r < 2; r++)
        {
          JsonObject *row = json_array_get_object_element (clearances, r);
          const char *agency = json_object_get_string_member (row, "agency");

          g_assert_cmpstr (json_object_get_string_member (row, "state"), ==,
                           g_str_equal (agency, unodc) ? "cleared" : "objected");
        }
    }
  conflicts = icat_sync_conflicts (pair->laptop[0], NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);

  entries = icat_sync_history (_icat_store_get_read_db (pair->laptop[1]), &query, NULL, &error);
  g_assert_no_error (error);
  change = find_labelled_change (entries, "Clearance by UNODC");
  g_assert_nonnull (change);
  g_assert_cmpint (change->change, ==, ICAT_SYNC_ROW_CREATED);
  g_assert_nonnull (find_labelled_change (entries, "Clearance by IOM"));
}

static void
test_search_and_views (Pair          *pair,
                       gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *edit = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Kaleidoscope\"}", id);
  g_autoptr(IcatRecord) live = icat_store_lookup (pair->laptop[1], "meeting", id);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (pair->laptop[1], "record-changed::meeting", G_CALLBACK (g_atomic_int_inc), &changed);
  g_free (save (pair->laptop[0], "meeting", edit));
  exchange (pair);
  /* Applied like a save: views told, the live record and search updated. */
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpstr (text_of (icat_record_get_data (live), "note"), ==, "Kaleidoscope");
  hits = icat_store_search (pair->laptop[1], "Kaleidoscope", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

typedef struct {
  GThread       *main_thread;
  guint          changed_on_main;
  guint          changed_elsewhere;
  gboolean       done;
  IcatSyncReport report;
  GError        *error;
} AsyncRun;

static void
changed_cb (AsyncRun *async_run)
{
  if (g_thread_self () == async_run->main_thread)
    async_run->changed_on_main++;
  else
    async_run->changed_elsewhere++;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncRun *async_run = data;

  icat_sync_run_finish (ICAT_STORE (source), result, &async_run->report, &async_run->error);
  async_run->done = TRUE;
}

/* The app's run: on a worker, with the views told on their own thread. */
static void
test_run_off_main_thread (Pair          *pair,
                          gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *edit = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Minutes from Vienna\"}", id);
  g_autoptr(IcatRecord) live = icat_store_lookup (pair->laptop[1], "meeting", id);
  AsyncRun async_run = { g_thread_self () };

  g_signal_connect_swapped (pair->laptop[1], "record-changed::meeting", G_CALLBACK (changed_cb), &async_run);
  g_free (save (pair->laptop[0], "meeting", edit));
  run (pair, 0);
  icat_sync_run_async (pair->laptop[1], NULL, NULL, run_done_cb, &async_run);
  while (!async_run.done || async_run.changed_on_main == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async_run.error);
  g_assert_cmpuint (async_run.report.applied_changes, ==, 1);
  g_assert_cmpuint (async_run.changed_elsewhere, ==, 0);
  g_assert_cmpstr (text_of (icat_record_get_data (live), "note"), ==, "Minutes from Vienna");
  /* It published too: laptop 0 gets nothing new, and nothing is left unshared. */
  g_assert_cmpuint (run (pair, 0).applied_changes, ==, 0);
  g_signal_handlers_disconnect_by_data (pair->laptop[1], &async_run);
}

static guint64
state_inode (Pair  *pair,
             guint  laptop)
{
  g_autofree char *path = g_build_filename (pair->folder, device_ids[laptop], "state.icatstate", NULL);
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_ino;
}

/* A run with nothing new writes nothing: each write would wake the other
 * laptops' folder watch, and theirs this one's. */
static void
test_quiet_when_idle (Pair          *pair,
                      gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *edit = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Changed\"}", id);
  guint64 before;

  exchange (pair);
  before = state_inode (pair, 1);
  run (pair, 1);
  g_assert_cmpuint (state_inode (pair, 1), ==, before);
  g_free (save (pair->laptop[0], "meeting", edit));
  run (pair, 0);
  run (pair, 1);
  g_assert_cmpuint (state_inode (pair, 1), !=, before);
}

static void
test_undo_after_remote (Pair          *pair,
                        gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *mine = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Mine\"}", id);
  g_autofree char *theirs = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Theirs\"}", id);
  g_autofree char *venue = g_strdup_printf ("{\"id\": \"%s\", \"venue\": \"Online\"}", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting = NULL;
  IcatSyncReport report;

  g_free (save (pair->laptop[0], "meeting", mine));
  exchange (pair);
  g_free (save (pair->laptop[1], "meeting", theirs));
  exchange (pair);
  /* Undoing laptop 0's note would overwrite laptop 1's later one: refused. */
  g_assert_false (icat_store_undo (pair->laptop[0], &error));
  g_assert_error (error, ICAT_ERROR, ICAT_ERROR_CONFLICT);
  g_clear_error (&error);
  meeting = read_meeting (pair->laptop[0], id);
  g_assert_cmpstr (text_of (meeting, "note"), ==, "Theirs");

  /* An undo that touches nobody else's work is a change that syncs. */
  g_free (save (pair->laptop[0], "meeting", venue));
  g_assert_true (icat_store_undo (pair->laptop[0], &error));
  g_assert_no_error (error);
  report = run (pair, 0);
  /* The save and its undo, unpublished and a moment apart, are one change. */
  g_assert_cmpuint (report.published_changes, ==, 1);
  run (pair, 1);
  assert_same (pair);
  g_clear_pointer (&meeting, json_object_unref);
  meeting = read_meeting (pair->laptop[1], id);
  g_assert_null (text_of (meeting, "venue"));
}

static void
test_replace_reaches_others (Pair          *pair,
                             gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *backup = icat_test_export (pair->laptop[0]);
  g_autofree char *edit = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Changed after the backup\"}", id);
  g_autoptr(GBytes) bytes = g_bytes_new (backup, strlen (backup));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting = NULL;

  g_free (save (pair->laptop[0], "meeting", edit));
  exchange (pair);
  /* Restoring the backup is a change like any other. */
  g_assert_true (icat_store_import (pair->laptop[0], bytes, "backup.json", ICAT_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  exchange (pair);
  assert_same (pair);
  meeting = read_meeting (pair->laptop[1], id);
  g_assert_cmpstr (text_of (meeting, "note"), ==, "Agreed agenda");
}

static void
test_file_twice_and_gap (Pair          *pair,
                         gconstpointer  data)
{
  g_autofree char *id = new_meeting (pair);
  g_autofree char *first = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"First\"}", id);
  g_autofree char *second = g_strdup_printf ("{\"id\": \"%s\", \"note\": \"Second\"}", id);
  g_autofree char *device_folder = g_build_filename (pair->folder, device_ids[0], NULL);
  g_autoptr(GArray) seqs = NULL;
  g_autofree char *held = NULL;
  g_autofree char *moved = NULL;
  IcatSyncReport report;

  /* Published apart, so they are two files. */
  g_free (save (pair->laptop[0], "meeting", first));
  run (pair, 0);
  g_free (save (pair->laptop[0], "meeting", second));
  run (pair, 0);
  /* The first of the two files has not arrived yet: the second waits. */
  {
    g_autoptr(GDir) dir = g_dir_open (device_folder, 0, NULL);
    const char *name;
    gint64 lowest = G_MAXINT64;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".icatsync"))
        lowest = MIN (lowest, g_ascii_strtoll (name, NULL, 10));
    held = g_strdup_printf ("%s/%" G_GINT64_FORMAT ".icatsync", device_folder, lowest);
    moved = g_strdup_printf ("%s/held-back", pair->dir);
    g_assert_cmpint (g_rename (held, moved), ==, 0);
  }
  report = run (pair, 1);
  g_assert_cmpuint (report.applied_changes, ==, 0);
  g_assert_cmpuint (report.waiting_files, ==, 1);
  g_assert_cmpint (g_rename (moved, held), ==, 0);
  report = run (pair, 1);
  g_assert_cmpuint (report.applied_changes, ==, 2);
  /* Seen twice: nothing more. */
  report = run (pair, 1);
  g_assert_cmpuint (report.applied_changes, ==, 0);
  assert_same (pair);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/sync/merge/different-fields", Pair, NULL, pair_set_up, test_different_fields, pair_tear_down);
  g_test_add ("/sync/merge/same-field", Pair, NULL, pair_set_up, test_same_field, pair_tear_down);
  g_test_add ("/sync/merge/edit-of-deleted", Pair, NULL, pair_set_up, test_edit_of_deleted, pair_tear_down);
  g_test_add ("/sync/merge/reference-to-deleted", Pair, NULL, pair_set_up, test_reference_to_deleted, pair_tear_down);
  g_test_add ("/sync/merge/same-decision-number", Pair, NULL, pair_set_up, test_same_decision_number, pair_tear_down);
  g_test_add ("/sync/merge/agenda-continue-next", Pair, NULL, pair_set_up, test_agenda_continue_next, pair_tear_down);
  g_test_add ("/sync/merge/edit-of-approved", Pair, NULL, pair_set_up, test_edit_of_approved, pair_tear_down);
  g_test_add ("/sync/merge/clearances-of-two-agencies", Pair, NULL, pair_set_up, test_clearances_of_two_agencies, pair_tear_down);
  g_test_add ("/sync/merge/search-and-views", Pair, NULL, pair_set_up, test_search_and_views, pair_tear_down);
  g_test_add ("/sync/merge/undo-after-remote", Pair, NULL, pair_set_up, test_undo_after_remote, pair_tear_down);
  g_test_add ("/sync/merge/replace-reaches-others", Pair, NULL, pair_set_up, test_replace_reaches_others, pair_tear_down);
  g_test_add ("/sync/merge/run-off-main-thread", Pair, NULL, pair_set_up, test_run_off_main_thread, pair_tear_down);
  g_test_add ("/sync/merge/quiet-when-idle", Pair, NULL, pair_set_up, test_quiet_when_idle, pair_tear_down);
  g_test_add ("/sync/merge/file-twice-and-gap", Pair, NULL, pair_set_up, test_file_twice_and_gap, pair_tear_down);
  return g_test_run ();
}
