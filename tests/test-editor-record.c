/* test-editor-record.c — an editor's record and autosave (icat-editor-record.c)
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain widget in a window stands for the editor: the helpers reach the
 * window's "win.toast" and "win.toast-undo" actions through it, and this
 * test records what they are asked to show.
 */
#define G_LOG_DOMAIN "test-editor-record"

#include "config.h"

#include <adwaita.h>

#include "icat-editor-record.h"
#include "icat-editor-util.h"
#include "icat-fields.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

typedef struct {
  char       *dir;
  IcatStore  *store;
  char       *agency;         /* UNODC's id */
  GtkWidget  *window;
  GtkWidget  *editor;         /* borrowed: the window's child */
  GPtrArray  *toasts;         /* "action: message" */
  guint       data_changed;   /* calls of the record's data_changed */
  guint       deleted;        /* calls of the record's deleted */
} Fixture;

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_strdup_printf ("%s: %s", g_action_get_name (G_ACTION (action)),
                                               g_variant_get_string (parameter, NULL)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "toast", toast_cb, "s" },
    { "toast-undo", toast_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  f->dir = icat_test_tmpdir_new ();
  f->store = icat_test_store_new (f->dir, NULL);
  f->agency = icat_test_agency_id (f->store, "UNODC");
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  f->editor = gtk_label_new ("");
  gtk_window_set_child (GTK_WINDOW (f->window), f->editor);
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
}

static gboolean
store_released (IcatStore     *store,
                gconstpointer  data)
{
  return G_OBJECT (store)->ref_count == 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  icat_test_wait_saved (f->store);
  icat_test_wait_until (store_released, f->store, NULL, 10);
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->toasts);
  g_free (f->agency);
  icat_test_tmpdir_free (f->dir);
}

static char *
stored_string (Fixture    *f,
               const char *kind,
               const char *id,
               const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = icat_store_read (f->store, kind, id, &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member_with_default (record, field, NULL));
}

/* attach connects these swapped: the editor is their only argument, and
 * the test finds its counters through the editor's data. */
static void
counted_data_changed_cb (GtkWidget *editor)
{
  Fixture *f = g_object_get_data (G_OBJECT (editor), "fixture");

  f->data_changed++;
}

static void
counted_deleted_cb (GtkWidget *editor)
{
  Fixture *f = g_object_get_data (G_OBJECT (editor), "fixture");

  f->deleted++;
}

/* Attached, an edit is written and the record's change reaches the editor;
 * detached, what was queued is written and nothing reaches it any more. */
static void
test_attach_detach (Fixture       *f,
                    gconstpointer  data)
{
  IcatRecord *record = icat_store_lookup (f->store, "agency", f->agency);
  g_autoptr(IcatRecord) kept = g_object_ref (record);
  IcatAutosave *autosave;
  g_autofree char *note = NULL;
  guint changes;

  g_object_set_data (G_OBJECT (f->editor), "fixture", f);
  autosave = icat_editor_record_attach (f->editor, f->store, "agency", record,
                                        G_CALLBACK (counted_data_changed_cb), G_CALLBACK (counted_deleted_cb));
  g_assert_true (ICAT_IS_AUTOSAVE (autosave));
  icat_autosave_set_string (autosave, ICAT_KEY_NOTE, "Written when the record is left");
  g_assert_true (icat_autosave_get_pending (autosave));

  icat_editor_record_detach (f->editor, &record, &autosave);
  g_assert_null (record);
  g_assert_null (autosave);
  icat_test_wait_saved (f->store);
  note = stored_string (f, "agency", f->agency, ICAT_KEY_NOTE);
  g_assert_cmpstr (note, ==, "Written when the record is left");
  /* The record heard of the write, but the editor no longer listens. */
  changes = f->data_changed;
  g_object_notify (G_OBJECT (kept), "data");
  g_assert_cmpuint (f->data_changed, ==, changes);
  g_assert_cmpuint (f->deleted, ==, 0);

  /* Nothing attached: detach has nothing to do. */
  icat_editor_record_detach (f->editor, &record, &autosave);
  g_assert_null (record);
}

/* While attached, the record's notifications reach the editor. */
static void
test_attach_follows_record (Fixture       *f,
                            gconstpointer  data)
{
  IcatRecord *record = icat_store_lookup (f->store, "agency", f->agency);
  IcatAutosave *autosave;

  g_object_set_data (G_OBJECT (f->editor), "fixture", f);
  autosave = icat_editor_record_attach (f->editor, f->store, "agency", record,
                                        G_CALLBACK (counted_data_changed_cb), G_CALLBACK (counted_deleted_cb));
  g_object_notify (G_OBJECT (record), "data");
  g_assert_cmpuint (f->data_changed, ==, 1);
  g_object_notify (G_OBJECT (record), "deleted");
  g_assert_cmpuint (f->deleted, ==, 1);
  icat_editor_record_detach (f->editor, &record, &autosave);
}

static gboolean
toasted (Fixture       *f,
         gconstpointer  data)
{
  return f->toasts->len > 0;
}

/* Deleting offers an undo; deleting what is gone shows the store's error. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"To be deleted\", \"owner\": \"%s\", \"status\": \"open\"}",
                                           f->agency);
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (f->store, "action_item", item, &error);
  g_autoptr(JsonObject) gone = NULL;

  g_assert_no_error (error);
  icat_editor_record_delete (f->editor, f->store, "action_item", id, "Action item deleted");
  icat_test_wait_until (toasted, f, NULL, 10);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "toast-undo: Action item deleted");
  gone = icat_store_read (f->store, "action_item", id, &error);
  g_assert_null (gone);
  g_clear_error (&error);

  g_ptr_array_set_size (f->toasts, 0);
  icat_editor_record_delete (f->editor, f->store, "action_item", id, "Action item deleted");
  icat_test_wait_until (toasted, f, NULL, 10);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_true (g_str_has_prefix (f->toasts->pdata[0], "toast: "));
  g_assert_cmpstr (f->toasts->pdata[0], !=, "toast: Action item deleted");
}

/* A changed text is queued once and remembered; "" clears the field. */
static void
test_queue_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcatAutosave) autosave = icat_autosave_new (f->store, "agency", f->agency);
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  gint64 queued_at = 0;
  gint64 first;

  /* Nothing shown and nothing typed: nothing to save. */
  icat_editor_record_queue_text (autosave, &queued_at, ICAT_KEY_NOTE, "", &shown);
  g_assert_null (shown);
  g_assert_cmpint (queued_at, ==, 0);
  g_assert_false (icat_autosave_get_pending (autosave));

  icat_editor_record_queue_text (autosave, &queued_at, ICAT_KEY_NOTE, "First", &shown);
  g_assert_cmpstr (shown, ==, "First");
  g_assert_cmpint (queued_at, >, 0);
  g_assert_true (icat_autosave_get_pending (autosave));
  first = queued_at;
  /* The same text again queues nothing new. */
  icat_editor_record_queue_text (autosave, &queued_at, ICAT_KEY_NOTE, "First", &shown);
  g_assert_cmpint (queued_at, ==, first);
  icat_autosave_flush (autosave);
  icat_test_wait_saved (f->store);
  note = stored_string (f, "agency", f->agency, ICAT_KEY_NOTE);
  g_assert_cmpstr (note, ==, "First");
  g_clear_pointer (&note, g_free);

  icat_editor_record_queue_text (autosave, &queued_at, ICAT_KEY_NOTE, "", &shown);
  g_assert_null (shown);
  icat_autosave_flush (autosave);
  icat_test_wait_saved (f->store);
  note = stored_string (f, "agency", f->agency, ICAT_KEY_NOTE);
  g_assert_null (note);
}

/* A wrong field takes back what it queued, only while that still waits. */
static void
test_withdraw_typed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcatRecord) record = icat_store_lookup (f->store, "agency", f->agency);
  g_autoptr(IcatAutosave) autosave = icat_autosave_new (f->store, "agency", f->agency);
  g_autofree char *shown = g_strdup ("UNOD");
  g_autofree char *acronym = NULL;
  gint64 queued_at = 0;

  /* Nothing queued since the last flush: nothing to take back. */
  icat_editor_record_withdraw_typed (autosave, record, queued_at, ICAT_KEY_ACRONYM, &shown);
  g_assert_cmpstr (shown, ==, "UNOD");
  g_assert_false (icat_autosave_get_pending (autosave));

  /* "UNOD" of "UNODC" being erased was queued a moment ago. */
  icat_autosave_set_string (autosave, ICAT_KEY_ACRONYM, "UNOD");
  queued_at = g_get_monotonic_time ();
  icat_editor_record_withdraw_typed (autosave, record, queued_at, ICAT_KEY_ACRONYM, &shown);
  g_assert_cmpstr (shown, ==, "UNODC");
  icat_autosave_flush (autosave);
  icat_test_wait_saved (f->store);
  acronym = stored_string (f, "agency", f->agency, ICAT_KEY_ACRONYM);
  g_assert_cmpstr (acronym, ==, "UNODC");

  /* What is shown is what is stored: nothing to take back. */
  queued_at = g_get_monotonic_time ();
  icat_editor_record_withdraw_typed (autosave, record, queued_at, ICAT_KEY_ACRONYM, &shown);
  g_assert_cmpstr (shown, ==, "UNODC");
  g_assert_false (icat_autosave_get_pending (autosave));
}

/* A row keeps text it says is wrong; otherwise it shows the record's. */
static void
test_load_entry (void)
{
  GtkWidget *row = g_object_ref_sink (adw_entry_row_new ());

  icat_editor_record_load_entry (ADW_ENTRY_ROW (row), "2026-01-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-01-05");
  icat_editor_record_load_entry (ADW_ENTRY_ROW (row), NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-02-30");
  icat_row_show_problem (row, "No such day.");
  icat_editor_record_load_entry (ADW_ENTRY_ROW (row), "2026-01-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-02-30");

  icat_row_show_problem (row, NULL);
  icat_editor_record_load_entry (ADW_ENTRY_ROW (row), "2026-01-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-01-05");
  g_assert_finalize_object (row);
}

/* Reference lists save through the editor's autosave, or drop the ids. */
static void
test_refs_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"Supported\", \"owner\": \"%s\", \"status\": \"open\"}",
                                           f->agency);
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (f->store, "action_item", item, &error);
  g_autofree char *ids_json = g_strdup_printf ("[\"%s\"]", f->agency);
  g_autoptr(JsonObject) stored = NULL;
  IcatAutosave *autosave = NULL;
  JsonArray *supporting;

  g_assert_no_error (error);
  /* No record shown: the ids are let go (the leak checker would say). */
  icat_editor_record_refs_changed (ICAT_KEY_SUPPORTING, json_from_string (ids_json, NULL), &autosave);
  g_assert_null (autosave);

  autosave = icat_autosave_new (f->store, "action_item", id);
  icat_editor_record_refs_changed (ICAT_KEY_SUPPORTING, json_from_string (ids_json, NULL), &autosave);
  g_assert_true (icat_autosave_get_pending (autosave));
  icat_autosave_flush (autosave);
  g_clear_object (&autosave);
  icat_test_wait_saved (f->store);
  stored = icat_store_read (f->store, "action_item", id, &error);
  g_assert_no_error (error);
  supporting = json_object_get_array_member (stored, ICAT_KEY_SUPPORTING);
  g_assert_cmpuint (json_array_get_length (supporting), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (supporting, 0), ==, f->agency);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/editor-record/attach-detach", Fixture, NULL, fixture_set_up, test_attach_detach, fixture_tear_down);
  g_test_add ("/editor-record/attach-follows-record", Fixture, NULL, fixture_set_up, test_attach_follows_record,
              fixture_tear_down);
  g_test_add ("/editor-record/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/editor-record/queue-text", Fixture, NULL, fixture_set_up, test_queue_text, fixture_tear_down);
  g_test_add ("/editor-record/withdraw-typed", Fixture, NULL, fixture_set_up, test_withdraw_typed,
              fixture_tear_down);
  g_test_add ("/editor-record/refs-changed", Fixture, NULL, fixture_set_up, test_refs_changed, fixture_tear_down);
  g_test_add_func ("/editor-record/load-entry", test_load_entry);
  return g_test_run ();
}
