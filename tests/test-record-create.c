/* test-record-create.c — what the list views share (icat-record-create.c,
 * icat-delete-confirm.c, icat-filter.c)
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain widget in a window stands for the view: a refusal reaches the
 * window's "win.toast" action through it, and this test records the toasts.
 */
#define G_LOG_DOMAIN "test-record-create"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-delete-confirm.h"
#include "icat-fields.h"
#include "icat-filter.h"
#include "icat-format.h"
#include "icat-record-create.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

typedef struct {
  char       *dir;
  IcatStore  *store;
  char       *agency;         /* UNODC's id */
  GtkWidget  *window;
  GtkWidget  *view;           /* borrowed: the window's child */
  GPtrArray  *toasts;         /* the messages shown */
  char       *created_id;     /* what the callback was given */
  GtkWidget  *created_view;
  guint       created;        /* calls of the callback */
  guint       confirmed;      /* calls of the delete confirmation's callback */
  guint       released;       /* its data freed */
} Fixture;

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "toast", toast_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  f->dir = icat_test_tmpdir_new ();
  f->store = icat_test_store_new (f->dir, NULL);
  f->agency = icat_test_agency_id (f->store, "UNODC");
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  f->view = gtk_label_new ("");
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
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
  g_free (f->created_id);
  g_free (f->agency);
  icat_test_tmpdir_free (f->dir);
}

static void
created_cb (GtkWidget  *view,
            const char *id,
            gpointer    user_data)
{
  Fixture *f = user_data;

  f->created++;
  f->created_view = view;
  g_free (f->created_id);
  f->created_id = g_strdup (id);
}

static gboolean
answered (Fixture       *f,
          gconstpointer  data)
{
  return f->created > 0 || f->toasts->len > 0;
}

/* The record is written, the callback gets its id, and what the caller
 * changes afterwards is not what the store wrote. */
static void
test_created (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (item, ICAT_KEY_TITLE, "Created and opened");
  json_object_set_string_member (item, ICAT_KEY_OWNER, f->agency);
  json_object_set_string_member (item, ICAT_KEY_STATUS, "open");
  icat_record_create (f->store, "action_item", item, f->view, created_cb, f);
  json_object_set_string_member (item, ICAT_KEY_TITLE, "Changed after the call");
  g_assert_cmpuint (f->created, ==, 0);

  icat_test_wait_until (answered, f, NULL, 10);
  g_assert_cmpuint (f->created, ==, 1);
  g_assert_true (f->created_view == f->view);
  g_assert_nonnull (f->created_id);
  g_assert_cmpuint (f->toasts->len, ==, 0);
  stored = icat_store_read (f->store, "action_item", f->created_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (stored, ICAT_KEY_TITLE), ==, "Created and opened");
  g_assert_cmpstr (json_object_get_string_member (stored, ICAT_KEY_OWNER), ==, f->agency);
}

/* Without a callback the record is still written. */
static void
test_created_without_callback (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *before = icat_test_export (f->store);
  g_autofree char *after = NULL;

  json_object_set_string_member (item, ICAT_KEY_TITLE, "Nobody waits for this one");
  json_object_set_string_member (item, ICAT_KEY_OWNER, f->agency);
  json_object_set_string_member (item, ICAT_KEY_STATUS, "open");
  icat_record_create (f->store, "action_item", item, f->view, NULL, NULL);
  icat_test_wait_saved (f->store);
  g_assert_cmpuint (f->toasts->len, ==, 0);
  after = icat_test_export (f->store);
  g_assert_null (strstr (before, "Nobody waits for this one"));
  g_assert_nonnull (strstr (after, "Nobody waits for this one"));
}

/* A refused record: a toast with the store's reason, no callback, no record. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *before = icat_test_export (f->store);
  g_autofree char *after = NULL;

  json_object_set_string_member (item, ICAT_KEY_TITLE, "Owned by nobody");
  json_object_set_string_member (item, ICAT_KEY_STATUS, "not-a-status");
  icat_record_create (f->store, "action_item", item, f->view, created_cb, f);
  icat_test_wait_until (answered, f, NULL, 10);
  g_assert_cmpuint (f->created, ==, 0);
  g_assert_null (f->created_id);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], !=, "");
  icat_test_wait_saved (f->store);
  after = icat_test_export (f->store);
  g_assert_cmpstr (after, ==, before);
}

/* What a view hands the confirmation: freed with the dialog. */
typedef struct {
  Fixture *f;
  char    *id;
} Asking;

static Asking *
asking_new (Fixture *f)
{
  Asking *asking = g_new0 (Asking, 1);

  asking->f = f;
  asking->id = g_strdup ("the record's id");
  return asking;
}

static void
asking_free (gpointer data)
{
  Asking *asking = data;

  asking->f->released++;
  g_free (asking->id);
  g_free (asking);
}

static void
confirmed_cb (GtkWidget *view,
              gpointer   user_data)
{
  Asking *asking = user_data;

  g_assert_true (view == asking->f->view);
  g_assert_cmpstr (asking->id, ==, "the record's id");
  asking->f->confirmed++;
}

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  return icat_test_find_toplevel (data) != NULL;
}

static AdwMessageDialog *
ask (Fixture *f)
{
  AdwMessageDialog *dialog;

  icat_delete_confirm (f->view, "Delete It?", "It will be gone.", "delete-it", confirmed_cb, asking_new (f),
                       asking_free);
  icat_test_wait_until (dialog_shown, f, "delete-it", 10);
  dialog = ADW_MESSAGE_DIALOG (icat_test_find_toplevel ("delete-it"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete It?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "It will be gone.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  return dialog;
}

/* Cancel calls nothing, Delete calls back with the data; either way the
 * data is freed with the dialog, once. (A response alone leaves the dialog
 * open: its buttons close it after answering.) */
static void
test_delete_confirm (Fixture       *f,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (f->window));
  dialog = ask (f);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (f->confirmed, ==, 0);
  g_assert_cmpuint (f->released, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (f->released, ==, 1);

  f->released = 0;
  dialog = ask (f);
  adw_message_dialog_response (dialog, "delete");
  g_assert_cmpuint (f->confirmed, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (f->released, ==, 1);

  /* Closed without an answer: nothing called, data freed. */
  f->released = 0;
  dialog = ask (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (f->released, ==, 1);
  g_assert_cmpuint (f->confirmed, ==, 1);
}

static void
count_changed (guint *changes)
{
  (*changes)++;
}

/* "All" first, then the values as shown; position n chooses values[n - 1]. */
static void
test_filter (void)
{
  static const char * const values[] = { "un-entity", "regional", NULL };
  GtkDropDown *dropdown = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  GtkDropDown *plain = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  GtkStack *stack = GTK_STACK (g_object_ref_sink (gtk_stack_new ()));
  g_autoptr(GtkStringList) shown = gtk_string_list_new (NULL);
  GListModel *choices;
  guint changes = 0;

  icat_filter_setup (dropdown, "All kinds", values, ICAT_KEY_KIND, G_CALLBACK (count_changed), &changes);
  choices = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "All kinds");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   icat_format_enum (ICAT_KEY_KIND, "un-entity"));
  g_assert_cmpuint (icat_filter_selected (dropdown), ==, 0);
  g_assert_null (icat_filter_selected_value (dropdown, values));
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (icat_filter_selected (dropdown), ==, 2);
  g_assert_cmpstr (icat_filter_selected_value (dropdown, values), ==, "regional");
  gtk_drop_down_set_selected (dropdown, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (icat_filter_selected (dropdown), ==, 0);
  g_assert_null (icat_filter_selected_value (dropdown, values));

  /* Without a field the values are shown as they are; no callback. */
  icat_filter_setup (plain, "All", values, NULL, NULL, NULL);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (plain)), 1), ==,
                   "un-entity");

  gtk_stack_add_named (stack, gtk_label_new ("empty"), "empty");
  gtk_stack_add_named (stack, gtk_label_new ("list"), "list");
  g_assert_true (icat_filter_show_empty (stack, G_LIST_MODEL (shown)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  gtk_string_list_append (shown, "one");
  g_assert_false (icat_filter_show_empty (stack, G_LIST_MODEL (shown)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_object_unref (stack);
  g_object_unref (plain);
  g_object_unref (dropdown);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/record-create/created", Fixture, NULL, fixture_set_up, test_created, fixture_tear_down);
  g_test_add ("/record-create/created-without-callback", Fixture, NULL, fixture_set_up,
              test_created_without_callback, fixture_tear_down);
  g_test_add ("/record-create/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/record-create/delete-confirm", Fixture, NULL, fixture_set_up, test_delete_confirm,
              fixture_tear_down);
  g_test_add_func ("/record-create/filter", test_filter);
  return g_test_run ();
}
