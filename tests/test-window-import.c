/* test-window-import.c — the app's Import… says what is wrong with a file, and where
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "icat-import-error.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"
#include "icat-window-private.h"

/* The place and the problem, as one text "place | problem" ("-" for no place). */
static char *
place_and_problem (const char *message,
                   const char *file_name)
{
  g_autofree char *problem = NULL;
  g_autofree char *place = icat_import_error_place (message, file_name, &problem);

  return g_strdup_printf ("%s | %s", place ? place : "-", problem);
}

static void
assert_words (const char *message,
              const char *file_name,
              const char *expected)
{
  g_autofree char *words = place_and_problem (message, file_name);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_words (void)
{
  assert_words ("plan.json: $.action_items[12].due: must be a date like 2026, 2026-11 or 2026-11-23", "plan.json",
                "Action item 13, field “due” | must be a date like 2026, 2026-11 or 2026-11-23");
  assert_words ("plan.json:3:14: Parse error: unexpected character", "plan.json",
                "Line 3, column 14 | Parse error: unexpected character");
  assert_words ("plan.json: $.meetings[0].agenda[3].title.en: must be text", "plan.json",
                "Meeting 1, “agenda” entry 4, field “title.en” | must be text");
  assert_words ("plan.json: $.action_items[2].mandates[0]: must be an id (a lower-case UUID)", "plan.json",
                "Action item 3, “mandates” entry 1 | must be an id (a lower-case UUID)");
  assert_words ("plan.json: $.version: must be a whole number", "plan.json",
                "field “version” | must be a whole number");
  assert_words ("plan.json: $.widgets[1].id: is listed twice", "plan.json",
                "“widgets” entry 2, field “id” | is listed twice");
  assert_words ("plan.json: $: has no records", "plan.json", "The whole file | has no records");
  /* No place, or a place the words cannot name: the message as it is. */
  assert_words ("plan.json: not an ICAT Tracker document (it must be a JSON object)", "plan.json",
                "- | not an ICAT Tracker document (it must be a JSON object)");
  assert_words ("plan.json: $.a[x]: odd", "plan.json", "- | $.a[x]: odd");
  assert_words ("plan.json: $..b: odd", "plan.json", "- | $..b: odd");
  assert_words ("plan.json:3: odd", "plan.json", "- | 3: odd");
  /* A message about another file, or without one. */
  assert_words ("Error opening file /x/plan.json: No such file or directory", "plan.json",
                "- | Error opening file /x/plan.json: No such file or directory");
  assert_words ("plan.jsonx: $.version: odd", "plan.json", "- | plan.jsonx: $.version: odd");
  assert_words ("", "plan.json", "- | ");
  assert_words ("plan.json: $.version: odd", NULL, "- | plan.json: $.version: odd");
  assert_words ("plan.json: $.version: odd", "", "- | plan.json: $.version: odd");
}

static void
test_describe (void)
{
  g_autofree char *text = icat_import_error_describe ("plan.json: $.action_items[1].due: must be a date", "plan.json");
  g_autofree char *no_place = icat_import_error_describe ("out of memory", NULL);

  g_assert_cmpstr (text, ==,
                   "“plan.json” cannot be imported as it is.\n\n"
                   "Where: Action item 2, field “due”\n"
                   "Problem: must be a date\n\n"
                   "Nothing in the database was changed.");
  g_assert_cmpstr (no_place, ==, "Problem: out of memory\n\nNothing in the database was changed.");
}

static char *
save_item (IcatStore  *store,
           const char *title,
           const char *due)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  json_object_set_string_member (item, "due", due);
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  return id;
}

/* The open import error dialog, or NULL. */
static AdwMessageDialog *
error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_has_css_class (window, "icat-import-error") &&
          gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
error_shown (gpointer      unused,
             gconstpointer unused_too)
{
  return error_dialog () != NULL;
}

/* Imports text as the file name through the window's Import…, and
 * returns the dialog's heading and body once it is shown, then closes it. */
static char *
import_and_read_error (IcatWindow *window,
                       const char *dir,
                       const char *name,
                       const char *text,
                       gboolean    restore)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  char *shown;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  _icat_window_set_document_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), restore ? "win.restore-backup" : "win.import", NULL));
  icat_test_wait_until (error_shown, NULL, NULL, 20);
  dialog = error_dialog ();
  shown = g_strdup_printf ("%s\n%s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  return shown;
}

/* The exported document with the second action item's due date wrong. */
static char *
with_wrong_due (const char *exported)
{
  g_autoptr(JsonObject) document = icat_test_object (exported);
  JsonArray *items = json_object_get_array_member (document, "action_items");
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  json_object_set_string_member (json_array_get_object_element (items, 1), "due", "next Tuesday");
  json_node_set_object (root, document);
  return json_to_string (root, TRUE);
}

static void
malformed_test (IcatWindow *window,
                IcatStore  *store,
                gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *first = save_item (store, "Referral mechanisms review", "2030-03-01");
  g_autofree char *second = save_item (store, "Survivor advisory council", "2030-04-01");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wrong_due = NULL;
  g_autofree char *shown = NULL;

  icat_test_wait_saved (store);
  before = icat_test_export (store);
  wrong_due = with_wrong_due (before);

  /* A field the checks refuse: the record, counted from one, and the field. */
  shown = import_and_read_error (window, dir, "plan.json", wrong_due, FALSE);
  g_assert_true (g_str_has_prefix (shown, "The File Cannot Be Imported\n“plan.json” cannot be imported as it is.\n\n"
                                           "Where: Action item 2, field “due”\nProblem: must be a date"));
  g_assert_true (g_str_has_suffix (shown, "\n\nNothing in the database was changed."));
  g_clear_pointer (&shown, g_free);

  /* Not JSON at all: the line and column. */
  shown = import_and_read_error (window, dir, "broken.json", "{\n  \"format\": \"icat-tracker\",\n  \"version\": 1,,\n}\n", FALSE);
  g_assert_true (g_str_has_prefix (shown, "The File Cannot Be Imported\n“broken.json” cannot be imported as it is.\n\n"
                                           "Where: Line 3, column "));
  g_clear_pointer (&shown, g_free);

  /* A restore says the same, and replaces nothing. */
  shown = import_and_read_error (window, dir, "backup.json", wrong_due, TRUE);
  g_assert_true (g_str_has_prefix (shown, "The Backup Cannot Be Restored\n“backup.json” cannot be imported as it is.\n\n"
                                           "Where: Action item 2, field “due”\n"));

  /* The database holds what it held. */
  icat_test_wait_saved (store);
  after = icat_test_export (store);
  g_assert_cmpstr (after, ==, before);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_malformed (void)
{
  icat_test_run_app (malformed_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-error/words", test_words);
  g_test_add_func ("/import-error/describe", test_describe);
  g_test_add_func ("/window/import/malformed", test_malformed);
  return g_test_run ();
}
