/* test-action-items-view.c — the Action items section, driven through its widgets
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-action-item-editor.h"
#include "icat-action-items-view.h"
#include "icat-editor-util.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-record-list.h"
#include "icat-record-picker.h"
#include "icat-schema.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

enum { ITEM_OLD, ITEM_LATER, ITEM_DONE, ITEM_IOM, N_ITEMS };

typedef struct {
  char                *dir;
  IcatStore           *store;
  GSettings           *settings;
  GtkWidget           *window;
  IcatActionItemsView *view;
  GPtrArray           *toasts;
  char                *unodc;
  char                *iom;
  char                *mandate;
  char                *ids[N_ITEMS];
} Fixture;

/* Helpers {{{ */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GListModel *
shown (Fixture *fixture)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));

  return G_LIST_MODEL (gtk_column_view_get_model (column_view));
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (shown (fixture));
}

static IcatActionItemEditor *
editor (Fixture *fixture)
{
  return ICAT_ACTION_ITEM_EDITOR (icat_test_find_type (GTK_WIDGET (fixture->view), ICAT_TYPE_ACTION_ITEM_EDITOR));
}

static JsonObject *
read_item (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *item = icat_store_read (fixture->store, "action_item", id, &error);

  if (item == NULL)
    g_assert_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND);
  return item;
}

static char *
save_item (Fixture    *fixture,
           const char *json)
{
  g_autoptr(JsonObject) item = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (fixture->store, "action_item", item, &error);

  g_assert_no_error (error);
  return id;
}

static char *
first_mandate (IcatStore *store)
{
  g_autofree char *text = icat_test_export (store);
  g_autoptr(JsonObject) document = icat_test_object (text);
  JsonArray *mandates = json_object_get_array_member (document, "mandates");

  return g_strdup (json_object_get_string_member (json_array_get_object_element (mandates, 0), "id"));
}

/* The position of the record with this acronym or id in a drop-down. */
static guint
dropdown_position (GtkDropDown *dropdown,
                   const char  *id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (ICAT_IS_RECORD (item) && g_strcmp0 (icat_record_get_id (ICAT_RECORD (item)), id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->toasts, g_strdup_printf ("%s: %s", g_action_get_name (G_ACTION (action)),
                                                     g_variant_get_string (parameter, NULL)));
}

static void
show_view (Fixture *fixture)
{
  fixture->view = ICAT_ACTION_ITEMS_VIEW (icat_action_items_view_new (fixture->store, fixture->settings));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
}

/* The memory backend lives as long as the process: each test starts clean. */
static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "toast", toast_cb, "s" },
    { "toast-undo", toast_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *json = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
  fixture->settings = g_settings_new (APP_ID);
  reset_settings (fixture->settings);
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
  fixture->iom = icat_test_agency_id (fixture->store, "IOM");
  fixture->mandate = first_mandate (fixture->store);

  json = g_strdup_printf ("{\"title\": \"Old overdue item\", \"owner\": \"%s\", \"due\": \"2000-01-01\","
                          " \"status\": \"open\"}", fixture->unodc);
  fixture->ids[ITEM_OLD] = save_item (fixture, json);
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"Later item\", \"owner\": \"%s\", \"due\": \"2199-01-01\","
                          " \"status\": \"in-progress\"}", fixture->unodc);
  fixture->ids[ITEM_LATER] = save_item (fixture, json);
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"Finished item\", \"owner\": \"%s\", \"due\": \"2001-05-01\","
                          " \"status\": \"done\"}", fixture->iom);
  fixture->ids[ITEM_DONE] = save_item (fixture, json);
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"IOM overdue item\", \"owner\": \"%s\", \"due\": \"2002-01-01\","
                          " \"status\": \"open\", \"mandates\": [\"%s\"]}", fixture->iom, fixture->mandate);
  fixture->ids[ITEM_IOM] = save_item (fixture, json);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), fixture);
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  show_view (fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static gboolean
view_finalized (Fixture       *fixture,
                gconstpointer  data)
{
  return fixture->view == NULL;
}

/* Only this test holds the store once the saves in flight have answered. */
static gboolean
store_released (Fixture       *fixture,
                gconstpointer  data)
{
  return G_OBJECT (fixture->store)->ref_count == 1;
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  /* The view, and its editor once an item was opened. */
  GPtrArray *watched = icat_test_watch_widgets (fixture->window);

  g_assert_cmpuint (watched->len, >=, 1);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  icat_test_wait_until (view_finalized, fixture, NULL, 10);
  icat_store_sync (fixture->store);
  icat_test_wait_until (store_released, fixture, NULL, 10);
  icat_test_assert_finalized (watched);
  icat_test_finalize_store (fixture->store);
  g_object_unref (fixture->settings);
  g_ptr_array_unref (fixture->toasts);
  g_free (fixture->unodc);
  g_free (fixture->iom);
  g_free (fixture->mandate);
  for (guint i = 0; i < N_ITEMS; i++)
    g_free (fixture->ids[i]);
  icat_test_tmpdir_free (fixture->dir);
}

/* }}} */
/* Tests {{{ */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkDropDown *agency = GTK_DROP_DOWN (icat_test_find_named (GTK_WIDGET (fixture->view), "agency-filter"));
  GtkDropDown *status = GTK_DROP_DOWN (icat_test_find_named (GTK_WIDGET (fixture->view), "status-filter"));
  GtkToggleButton *overdue = GTK_TOGGLE_BUTTON (icat_test_find_named (GTK_WIDGET (fixture->view), "overdue-filter"));
  GtkDropDown *mandate = GTK_DROP_DOWN (icat_test_find_named (GTK_WIDGET (fixture->view), "mandate-filter"));
  g_autofree char *saved = NULL;

  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS);

  gtk_drop_down_set_selected (agency, dropdown_position (agency, fixture->unodc));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  saved = g_settings_get_string (fixture->settings, "action-filter-owner");
  g_assert_cmpstr (saved, ==, fixture->unodc);

  /* "All statuses", then the statuses in schema order: "open" is 1. */
  gtk_drop_down_set_selected (status, 1);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_free (saved);
  saved = g_settings_get_string (fixture->settings, "action-filter-status");
  g_assert_cmpstr (saved, ==, "open");

  gtk_drop_down_set_selected (status, 0);
  gtk_toggle_button_set_active (overdue, TRUE);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_true (g_settings_get_boolean (fixture->settings, "action-filter-overdue"));

  gtk_drop_down_set_selected (agency, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_free (saved);
  saved = g_settings_get_string (fixture->settings, "action-filter-owner");
  g_assert_cmpstr (saved, ==, "");

  gtk_toggle_button_set_active (overdue, FALSE);
  gtk_drop_down_set_selected (mandate, dropdown_position (mandate, fixture->mandate));
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  /* A new view (the next start) comes back with the same filters. */
  gtk_toggle_button_set_active (overdue, TRUE);
  gtk_drop_down_set_selected (mandate, 0);
  show_view (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  overdue = GTK_TOGGLE_BUTTON (icat_test_find_named (GTK_WIDGET (fixture->view), "overdue-filter"));
  g_assert_true (gtk_toggle_button_get_active (overdue));

  /* Chasing one agency: its overdue items only. */
  icat_action_items_view_show_overdue (fixture->view, fixture->iom);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_free (saved);
  saved = g_settings_get_string (fixture->settings, "action-filter-owner");
  g_assert_cmpstr (saved, ==, fixture->iom);
}

static GtkDropDown *
meeting_filter (Fixture *fixture)
{
  return GTK_DROP_DOWN (icat_test_find_named (GTK_WIDGET (fixture->view), "meeting-filter"));
}

/* The meeting filter reads its meetings only when the user reaches for it
 * or a meeting is chosen for it, such as the one saved at the last start. */
static void
test_meeting_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IcatRecordList) meetings = icat_record_list_new (fixture->store, "meeting");
  guint n_meetings = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  g_autoptr(IcatRecord) first = NULL;
  g_autofree char *json = NULL;
  g_autofree char *item_id = NULL;
  const char *meeting_id;

  g_assert_cmpuint (n_meetings, >, 0);
  /* "All meetings" alone, and nothing filtered. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (meeting_filter (fixture))), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (meeting_filter (fixture)), ==, 0);
  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS);

  first = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  meeting_id = icat_record_get_id (first);
  json = g_strdup_printf ("{\"title\": \"Item of a meeting\", \"owner\": \"%s\", \"meeting\": \"%s\","
                          " \"status\": \"open\"}", fixture->unodc, meeting_id);
  item_id = save_item (fixture, json);
  g_settings_set_string (fixture->settings, "action-filter-meeting", meeting_id);
  show_view (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (meeting_filter (fixture))), ==, n_meetings + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (meeting_filter (fixture)), ==,
                    dropdown_position (meeting_filter (fixture), meeting_id));
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  /* Back to all meetings: the choices stay. */
  gtk_drop_down_set_selected (meeting_filter (fixture), 0);
  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (meeting_filter (fixture))), ==, n_meetings + 1);
}

static gboolean
editor_has_item (Fixture       *fixture,
                 gconstpointer  data)
{
  /* The editor is made when the first item opens. */
  return editor (fixture) != NULL && icat_action_item_editor_get_item_id (editor (fixture)) != NULL;
}

static gboolean
edits_saved (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, icat_action_item_editor_get_item_id (editor (fixture)));

  return g_strcmp0 (json_object_get_string_member (item, "title"), "Chase the annual report") == 0 &&
         g_strcmp0 (json_object_get_string_member (item, "status"), "in-progress") == 0;
}

static void
test_new_item (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonObject) item = NULL;
  GtkWidget *title, *status;
  JsonArray *history;
  const char *id;

  icat_action_items_view_new_item (fixture->view);
  icat_test_wait_until (editor_has_item, fixture, NULL, 10);
  id = icat_action_item_editor_get_item_id (editor (fixture));
  item = read_item (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "New action item");
  g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==, fixture->unodc);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "open");
  g_clear_pointer (&item, json_object_unref);

  title = icat_test_find_named (GTK_WIDGET (editor (fixture)), "title");
  status = icat_test_find_named (GTK_WIDGET (editor (fixture)), "status");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "New action item");
  gtk_editable_set_text (GTK_EDITABLE (title), "Chase the annual report");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), 1);  /* in-progress */
  icat_test_wait_until (edits_saved, fixture, NULL, 10);

  item = read_item (fixture, id);
  history = json_object_get_array_member (item, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "status"), ==,
                   "in-progress");
  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS + 1);
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
}


static gboolean
owner_saved (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, icat_action_item_editor_get_item_id (editor (fixture)));

  return g_strcmp0 (json_object_get_string_member (item, "owner"), data) == 0;
}

/* The acronyms the owner's picker offers now, in order. */
static char *
offered_owners (GtkMenuButton *owner)
{
  GListModel *matches = _icat_record_picker_get_matches (owner);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (matches, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", icat_record_get_string (agency, "acronym"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkMenuButton *
owner_button (Fixture *fixture)
{
  return GTK_MENU_BUTTON (icat_test_find_named (GTK_WIDGET (editor (fixture)), "owner"));
}

/* The search filters a moment after typing. */
static gboolean
offered_are (Fixture       *fixture,
             gconstpointer  expected)
{
  g_autofree char *offered = offered_owners (owner_button (fixture));

  return g_strcmp0 (offered, expected) == 0;
}

static gboolean
owner_is_shown (Fixture       *fixture,
                gconstpointer  acronym)
{
  return g_strcmp0 (gtk_menu_button_get_label (owner_button (fixture)), acronym) == 0;
}

/* The owner is found by typing and offers current members first; DAW and
 * UNIFEM (merged into UN-Women) only once "Show former members" is ticked,
 * and an item that names one still shows it. */
static void
test_owner_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *daw = icat_test_agency_id (fixture->store, "DAW");
  g_autofree char *un_women = icat_test_agency_id (fixture->store, "UN-Women");
  g_autofree char *offered = NULL;
  GtkMenuButton *owner;
  GtkSearchEntry *search;
  GtkCheckButton *former;
  GListModel *matches;

  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_OLD]);
  icat_test_wait_until (editor_has_item, fixture, NULL, 10);
  owner = owner_button (fixture);
  g_assert_cmpstr (gtk_menu_button_get_label (owner), ==, "UNODC");
  search = _icat_record_picker_get_search (owner);
  former = _icat_record_picker_get_former_toggle (owner);
  matches = _icat_record_picker_get_matches (owner);
  gtk_menu_button_popup (owner);
  spin ();

  /* The built-in data's 20 current members by acronym, the former last and hidden. */
  offered = offered_owners (owner);
  g_assert_true (g_str_has_prefix (offered, "DPKO ICAO ICMPD ILO INTERPOL IOM OAS OHCHR OSCE OSRSG-VAC UN-Women "));
  g_assert_null (strstr (offered, "DAW"));
  g_assert_null (strstr (offered, "UNIFEM"));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 20);
  g_clear_pointer (&offered, g_free);

  gtk_check_button_set_active (former, TRUE);
  offered = offered_owners (owner);
  g_assert_true (g_str_has_suffix (offered, "World Bank DAW UNIFEM"));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 22);
  g_clear_pointer (&offered, g_free);

  /* Searching narrows: a word of the names finds UN-Women and the two bodies it replaced. */
  gtk_editable_set_text (GTK_EDITABLE (search), "women");
  icat_test_wait_until (offered_are, fixture, "UN-Women DAW UNIFEM", 10);
  gtk_check_button_set_active (former, FALSE);
  offered = offered_owners (owner);
  g_assert_cmpstr (offered, ==, "UN-Women");
  g_clear_pointer (&offered, g_free);

  /* Enter chooses the first match, and the database has its id. */
  g_signal_emit_by_name (search, "activate");
  icat_test_wait_until (owner_saved, fixture, un_women, 10);
  g_assert_cmpstr (gtk_menu_button_get_label (owner), ==, "UN-Women");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (owner))));

  /* An item whose owner is a former member still shows it. */
  {
    g_autofree char *json = g_strdup_printf ("{\"title\": \"From 2009\", \"owner\": \"%s\", \"status\": \"done\"}", daw);
    g_autofree char *id = save_item (fixture, json);

    icat_action_items_view_show_item (fixture->view, id);
    icat_test_wait_until (owner_is_shown, fixture, "DAW", 10);
  }
}

static gboolean
bulk_saved (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonObject) old = read_item (fixture, fixture->ids[ITEM_OLD]);
  g_autoptr(JsonObject) later = read_item (fixture, fixture->ids[ITEM_LATER]);

  return g_strcmp0 (json_object_get_string_member (old, "status"), "cancelled") == 0 &&
         g_strcmp0 (json_object_get_string_member (later, "status"), "cancelled") == 0;
}

static void
test_bulk_status (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (shown (fixture));
  g_autoptr(JsonObject) untouched = NULL;

  /* By due date: old (2000), done (2001), IOM (2002), later (2199). */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 3, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "items.set-status", "s", "cancelled"));
  icat_test_wait_until (bulk_saved, fixture, NULL, 10);
  untouched = read_item (fixture, fixture->ids[ITEM_IOM]);
  g_assert_cmpstr (json_object_get_string_member (untouched, "status"), ==, "open");
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
}

/* A long list is cut to the oldest forty items, and says how many more. */
static void
test_mailto_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  guint chased = 0;

  for (guint i = 1; i <= 45; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"title\": \"Chase %02u\", \"owner\": \"%s\", "
                                               "\"due\": \"2010-01-%02u\", \"status\": \"open\"}",
                                               i, fixture->unodc, i % 28 + 1);
      g_free (save_item (fixture, json));
    }
  uri = icat_action_items_mailto (fixture->store, fixture->unodc, "2026-11-23");
  body = g_uri_unescape_string (strstr (uri, "&body=") + strlen ("&body="), NULL);
  g_assert_nonnull (strstr (body, "- Old overdue item (due "));
  for (const char *line = strstr (body, "- Chase "); line != NULL; line = strstr (line + 1, "- Chase "))
    chased++;
  /* The old item and the 39 oldest of the others. */
  g_assert_cmpuint (chased, ==, 39);
  g_assert_nonnull (strstr (body, "- and 6 more, due later\r\n"));
}

static GPtrArray *launched;

static void
record_launch (GtkWindow  *parent,
               const char *uri)
{
  g_ptr_array_add (launched, g_strdup (uri));
}

static void
test_mailto (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"focal_points\": [{\"name\": \"Ana Ruiz\","
                                           " \"email\": \"ana.ruiz@example.org\"}]}", fixture->unodc);
  g_autoptr(JsonObject) agency = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (fixture->store, "agency", agency, &error);
  g_autofree char *uri = NULL;
  g_autofree char *subject = g_uri_escape_string ("ICAT action items overdue — UNODC", NULL, FALSE);
  g_autofree char *no_address = NULL;

  g_assert_no_error (error);
  uri = icat_action_items_mailto (fixture->store, fixture->unodc, "2026-11-23");
  g_assert_true (g_str_has_prefix (uri, "mailto:ana.ruiz@example.org?subject="));
  g_assert_nonnull (strstr (uri, subject));
  g_assert_nonnull (strstr (uri, "%E2%80%94"));  /* the dash, percent-encoded */
  g_assert_nonnull (strstr (uri, "&body="));
  g_assert_nonnull (strstr (uri, "Old%20overdue%20item"));
  g_assert_null (strstr (uri, "Later%20item"));
  g_assert_null (strstr (uri, "IOM%20overdue"));
  g_assert_null (strchr (uri, ' '));
  g_assert_null (strchr (uri, '\n'));

  /* IOM has no focal point: no address, but its own overdue item. */
  no_address = icat_action_items_mailto (fixture->store, fixture->iom, "2026-11-23");
  g_assert_true (g_str_has_prefix (no_address, "mailto:?subject="));
  g_assert_nonnull (strstr (no_address, "IOM%20overdue%20item"));
  g_assert_null (strstr (no_address, "Finished%20item"));

  /* The e-mail button opens the message at once: mailto: needs no asking. */
  launched = g_ptr_array_new_with_free_func (g_free);
  _icat_set_link_launcher (record_launch);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "items.email-agency", "s", fixture->unodc));
  _icat_set_link_launcher (NULL);
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (launched->pdata[0], ==, uri);
  g_clear_pointer (&launched, g_ptr_array_unref);
}

static gboolean
sensitive (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_get_sensitive (widget);
}

static gboolean
insensitive (GtkWidget     *widget,
             gconstpointer  data)
{
  return !gtk_widget_get_sensitive (widget);
}

/* An agency with nothing overdue is not chased with an empty letter: its
 * button is insensitive and says why, the action asked for anyway says it
 * in a toast; the agency's first overdue item offers the chase again. */
static void
test_chase_nothing_overdue (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *ilo = icat_test_agency_id (fixture->store, "ILO");
  g_autofree char *json = NULL;
  GtkWidget *email = icat_test_find_named (GTK_WIDGET (fixture->view), "email-agency");
  GtkWidget *email_owner;

  launched = g_ptr_array_new_with_free_func (g_free);
  _icat_set_link_launcher (record_launch);

  icat_action_items_view_show_overdue (fixture->view, ilo);
  spin ();
  g_assert_true (gtk_widget_is_visible (email));
  g_assert_false (gtk_widget_get_sensitive (email));
  /* Shown by the holder around it: an insensitive widget shows no tooltip. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (email)), ==, "ILO has no overdue action items");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "items.email-agency", "s", ilo));
  g_assert_cmpuint (launched->len, ==, 0);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (fixture->toasts->pdata[0], ==, "toast: ILO has no overdue action items");

  json = g_strdup_printf ("{\"title\": \"ILO overdue item\", \"owner\": \"%s\", \"due\": \"2003-01-01\","
                          " \"status\": \"blocked\"}", ilo);
  g_free (save_item (fixture, json));
  icat_test_wait_until (sensitive, email, NULL, 10);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (email), ==, "E-mail the Agency’s Focal Points About Overdue Items");
  g_assert_null (gtk_widget_get_tooltip_text (gtk_widget_get_parent (email)));
  g_signal_emit_by_name (email, "clicked");
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_true (g_str_has_prefix (launched->pdata[0], "mailto:?subject="));
  g_assert_nonnull (strstr (launched->pdata[0], "ILO%20overdue%20item"));

  /* The editor's button follows its owner: UNODC's old item done, nothing
   * of UNODC's is overdue any more. */
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_LATER]);
  spin ();
  email_owner = icat_test_find_named (GTK_WIDGET (editor (fixture)), "email-owner");
  g_assert_true (gtk_widget_get_sensitive (email_owner));
  g_free (json);
  json = g_strdup_printf ("{\"id\": \"%s\", \"status\": \"done\"}", fixture->ids[ITEM_OLD]);
  g_free (save_item (fixture, json));
  icat_test_wait_until (insensitive, email_owner, NULL, 10);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (email_owner)), ==,
                   "UNODC has no overdue action items");
  _icat_set_link_launcher (NULL);
  g_assert_cmpuint (launched->len, ==, 1);
  g_clear_pointer (&launched, g_ptr_array_unref);
}

static gboolean
item_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, fixture->ids[ITEM_LATER]);

  return item == NULL && n_shown (fixture) == N_ITEMS - 1;
}

static gboolean
row_selected (Fixture       *fixture,
              gconstpointer  data)
{
  return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (shown (fixture)), 3);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_LATER]);
  g_assert_cmpstr (icat_action_item_editor_get_item_id (editor (fixture)), ==, fixture->ids[ITEM_LATER]);
  icat_test_wait_until (row_selected, fixture, NULL, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.delete", NULL));
  g_assert_null (icat_action_item_editor_get_item_id (editor (fixture)));
  icat_test_wait_until (item_deleted, fixture, NULL, 10);
  spin ();
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (fixture->toasts->pdata[0], ==, "toast-undo: Action item deleted");
}

static gboolean
description_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, fixture->ids[ITEM_OLD]);

  return g_strcmp0 (json_object_get_string_member_with_default (item, "description", NULL),
                    "Typed just before switching") == 0;
}

static void
test_switch_items (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkTextView *description;
  GtkTextBuffer *buffer;
  GtkWidget *title;
  int end;

  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_OLD]);
  title = icat_test_find_named (GTK_WIDGET (editor (fixture)), "title");
  end = strlen ("Old overdue item");
  gtk_editable_insert_text (GTK_EDITABLE (title), " (edited)", -1, &end);
  description = GTK_TEXT_VIEW (icat_test_find_named (GTK_WIDGET (editor (fixture)), "description"));
  buffer = gtk_text_view_get_buffer (description);
  /* As typed (set_text would be irreversible). */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Typed just before switching", -1, TRUE);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  /* Switching writes what was typed at once, and the next item's text
   * cannot be undone into the previous one's. */
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_LATER]);
  g_assert_cmpstr (icat_action_item_editor_get_item_id (editor (fixture)), ==, fixture->ids[ITEM_LATER]);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Later item");
  gtk_widget_activate_action (icat_test_find_type (title, GTK_TYPE_TEXT), "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Later item");
  icat_test_wait_until (description_saved, fixture, NULL, 10);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 0);
  g_autoptr(IcatRecord) first = NULL;
  g_autofree char *sort = NULL;

  /* What a click on the header does. */
  gtk_column_view_sort_by_column (column_view, title, GTK_SORT_DESCENDING);
  sort = g_settings_get_string (fixture->settings, "action-sort");
  g_assert_cmpstr (sort, ==, "title");
  g_assert_true (g_settings_get_boolean (fixture->settings, "action-sort-descending"));
  first = g_list_model_get_item (shown (fixture), 0);
  g_assert_cmpstr (icat_record_get_string (first, "title"), ==, "Old overdue item");

  /* The next start sorts the same way. */
  show_view (fixture);
  g_clear_object (&first);
  first = g_list_model_get_item (shown (fixture), 0);
  g_assert_cmpstr (icat_record_get_string (first, "title"), ==, "Old overdue item");
  g_clear_object (&first);
  first = g_list_model_get_item (shown (fixture), N_ITEMS - 1);
  g_assert_cmpstr (icat_record_get_string (first, "title"), ==, "Finished item");
}

static void
test_overdue_rule (void)
{
  g_autoptr(JsonObject) open = icat_test_object ("{\"due\": \"2026-11-22\", \"status\": \"open\"}");
  g_autoptr(JsonObject) today = icat_test_object ("{\"due\": \"2026-11-23\", \"status\": \"open\"}");
  g_autoptr(JsonObject) done = icat_test_object ("{\"due\": \"2020-01-01\", \"status\": \"done\"}");
  g_autoptr(JsonObject) no_due = icat_test_object ("{\"status\": \"blocked\"}");

  g_assert_true (icat_action_item_is_overdue (open, "2026-11-23"));
  g_assert_false (icat_action_item_is_overdue (today, "2026-11-23"));
  g_assert_false (icat_action_item_is_overdue (done, "2026-11-23"));
  g_assert_false (icat_action_item_is_overdue (no_due, "2026-11-23"));
}

static guint
selected_position (Fixture *fixture)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (shown (fixture)));

  if (gtk_bitset_get_size (selected) != 1)
    return GTK_INVALID_LIST_POSITION;
  return gtk_bitset_get_nth (selected, 0);
}

static GtkColumnViewColumn *
column_titled (Fixture    *fixture,
               const char *title)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

/* Showing an item selects its row, in whatever order the list is; an
 * item the filters hide leaves nothing selected. */
static void
test_show_item_selects_row (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  const char *headers[] = { "Title", "Owner", "Due", "Status", "Priority", "Meeting" };
  g_autofree char *json = g_strdup_printf ("{\"title\": \"Later item\", \"owner\": \"%s\", \"status\": \"open\"}",
                                           fixture->iom);
  g_autofree char *tied = save_item (fixture, json);

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    for (int descending = 0; descending < 2; descending++)
      {
        gtk_column_view_sort_by_column (column_view, column_titled (fixture, headers[h]),
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        for (guint i = 0; i <= N_ITEMS; i++)
          {
            const char *id = i < N_ITEMS ? fixture->ids[i] : tied;
            g_autoptr(IcatRecord) item = NULL;
            guint position;

            icat_action_items_view_show_item (fixture->view, id);
            position = selected_position (fixture);
            g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
            item = g_list_model_get_item (shown (fixture), position);
            g_assert_cmpstr (icat_record_get_id (item), ==, id);
            g_assert_cmpstr (icat_action_item_editor_get_item_id (editor (fixture)), ==, id);
          }
      }
  {
    g_autofree char *sort = g_settings_get_string (fixture->settings, "action-sort");

    /* The last header clicked sorts by meeting date, in SQL. */
    g_assert_cmpstr (sort, ==, "meeting");
  }

  /* IOM's items only: UNODC's is opened, but no row stands for it. */
  icat_action_items_view_show_overdue (fixture->view, fixture->iom);
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_IOM]);
  g_assert_cmpuint (selected_position (fixture), ==, 0);
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_OLD]);
  g_assert_cmpstr (icat_action_item_editor_get_item_id (editor (fixture)), ==, fixture->ids[ITEM_OLD]);
  g_assert_cmpuint (selected_position (fixture), ==, GTK_INVALID_LIST_POSITION);
}

static void
import_items (Fixture *fixture,
              guint    n)
{
  g_autoptr(GString) document = g_string_new ("{\"format\": \"icat-tracker\", \"version\": 1, \"action_items\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (document,
                            "%s{\"id\": \"%08x-0000-4000-8000-000000000000\", \"created_at\": \"2026-01-01T00:00:00.000Z\","
                            "\"updated_at\": \"2026-01-01T00:00:00.000Z\", \"updated_by\": \"00000000-0000-4000-8000-000000000000\","
                            "\"title\": \"Imported item %u\", \"owner\": \"%s\", \"status\": \"open\", \"due\": \"2190-01-01\"}",
                            i ? "," : "", i, i, fixture->unodc);
  g_string_append (document, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&document));
  g_assert_true (icat_store_import (fixture->store, bytes, "many.json", ICAT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
scrolled_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *column_view = icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (column_view));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  return gtk_adjustment_get_upper (adjustment) > 0 &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
           gtk_adjustment_get_upper (adjustment) - 1;
}

/* A new item sorts last (no due date): the list scrolls down to it. */
static void
test_new_item_scrolled_to (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id;
  guint n;

  import_items (fixture, 2000);
  spin ();
  g_assert_false (scrolled_to_end (fixture, NULL));
  icat_action_items_view_new_item (fixture->view);
  icat_test_wait_until (editor_has_item, fixture, NULL, 10);
  id = icat_action_item_editor_get_item_id (editor (fixture));
  n = n_shown (fixture);
  g_assert_cmpuint (n, ==, N_ITEMS + 2001);
  g_assert_cmpuint (selected_position (fixture), ==, n - 1);
  {
    g_autoptr(IcatRecord) last = g_list_model_get_item (shown (fixture), n - 1);

    g_assert_cmpstr (icat_record_get_id (last), ==, id);
  }
  icat_test_wait_until (scrolled_to_end, fixture, NULL, 10);
}

static void
collect_labels (GtkWidget *root,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (labels, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
label_fits (GtkWidget *label)
{
  int natural;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("%s: %d px of %d", gtk_label_get_label (GTK_LABEL (label)), gtk_widget_get_width (label), natural);
  return gtk_widget_get_width (label) >= natural;
}

/* The labels of the headers and of the due, status and priority cells:
 * the texts that must never be cut. */
static GPtrArray *
uncut_labels (Fixture *fixture)
{
  GtkWidget *column_view = icat_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW);
  GPtrArray *labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  /* The header row comes first, then the rows. */
  collect_labels (gtk_widget_get_first_child (column_view), labels);
  collect_labels (gtk_widget_get_last_child (column_view), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = gtk_label_get_label (cells->pdata[i]);

      if (gtk_widget_has_css_class (gtk_widget_get_parent (cells->pdata[i]), "action-due") ||
          g_strcmp0 (text, icat_action_status_label ("in-progress")) == 0 ||
          g_strcmp0 (text, icat_action_priority_label ("normal")) == 0 ||
          g_strcmp0 (text, icat_action_priority_label ("high")) == 0)
        g_ptr_array_add (labels, cells->pdata[i]);
    }
  return labels;
}

static gboolean
long_date_shown (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = uncut_labels (fixture);
  g_autofree char *date = icat_action_format_date ("2024-12-28");

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), date) == 0)
      return gtk_widget_get_width (labels->pdata[i]) > 0;
  return FALSE;
}

/* The longest dates of the language (overdue, so bold and with the
 * warning icon), the statuses, priorities and headers are shown whole. */
static void
test_columns_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"Long date\", \"owner\": \"%s\", \"due\": \"2024-12-28\","
                                           " \"status\": \"in-progress\", \"priority\": \"high\"}", fixture->iom);
  g_autofree char *id = save_item (fixture, json);
  g_autofree char *date = icat_action_format_date ("2024-12-28");
  g_autoptr(GPtrArray) labels = NULL;
  guint dates = 0;

  if (data != NULL)
    g_assert_nonnull (strstr (date, "年"));  /* the Chinese catalogue is in use */
  spin ();
  icat_test_wait_until (long_date_shown, fixture, NULL, 10);
  labels = uncut_labels (fixture);
  for (guint i = 0; i < labels->len; i++)
    {
      g_assert_true (label_fits (labels->pdata[i]));
      dates += g_strcmp0 (gtk_label_get_label (labels->pdata[i]), date) == 0;
    }
  g_assert_cmpuint (dates, ==, 1);
}

/* Replaces a field's text as typing does (set_text would not be undoable). */
static gboolean
old_item_blocked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, fixture->ids[ITEM_OLD]);

  return g_strcmp0 (json_object_get_string_member (item, "status"), "blocked") == 0;
}

static gboolean
later_item_dated (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) item = read_item (fixture, fixture->ids[ITEM_LATER]);

  return g_strcmp0 (json_object_get_string_member_with_default (item, "due", NULL), "2199-02-28") == 0;
}

/* A due date that does not exist, an empty title, dates out of order: said
 * in words next to the field, kept on screen while other fields save, never
 * written, and named in a toast when the user leaves the item. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *title, *starts, *due;
  AdwComboRow *status;
  g_autoptr(JsonObject) item = NULL;

  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_OLD]);
  title = icat_test_find_named (GTK_WIDGET (editor (fixture)), "title");
  starts = icat_test_find_named (GTK_WIDGET (editor (fixture)), "starts");
  due = icat_test_find_named (GTK_WIDGET (editor (fixture)), "due");
  status = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (editor (fixture)), "status"));

  icat_test_type_text (due, "2026-02-30");
  g_assert_cmpstr (icat_test_problem_below (due), ==, "February 2026 has 28 days");
  icat_test_type_text (title, "   ");
  g_assert_cmpstr (icat_test_problem_below (title), ==, "A title is needed");
  /* Another field saves; the record's news does not wipe what is wrong. */
  adw_combo_row_set_selected (status, icat_enum_index (icat_action_statuses, "blocked", 0));
  icat_action_item_editor_flush (editor (fixture));
  icat_test_wait_until (old_item_blocked, fixture, NULL, 10);
  spin ();
  item = read_item (fixture, fixture->ids[ITEM_OLD]);
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2000-01-01");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Old overdue item");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-02-30");
  g_assert_cmpstr (icat_test_problem_below (due), ==, "February 2026 has 28 days");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "   ");

  /* Leaving the item says what was not saved, and why. */
  g_ptr_array_set_size (fixture->toasts, 0);
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_LATER]);
  spin ();
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (fixture->toasts->pdata[0], ==, "toast: 2 fields of “Old overdue item” were not saved: title, due date");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2199-01-01");
  icat_store_sync (fixture->store);
  g_clear_pointer (&item, json_object_unref);
  item = read_item (fixture, fixture->ids[ITEM_OLD]);
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2000-01-01");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Old overdue item");

  /* Out of order: the due date says so; the start, right, is saved. */
  icat_test_type_text (starts, "2199-02");
  icat_test_type_text (due, "2199-01-31");
  g_assert_cmpstr (icat_test_problem_below (due), ==, "The due date is before the start date.");
  g_assert_cmpstr (icat_test_problem_below (starts), ==, "The start date is after the due date.");
  icat_test_type_text (due, "2199-02-28");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_false (gtk_widget_has_css_class (starts, "error"));
  g_assert_null (icat_row_get_problem (due));
  icat_action_item_editor_flush (editor (fixture));
  icat_test_wait_until (later_item_dated, fixture, NULL, 10);
  g_clear_pointer (&item, json_object_unref);
  item = read_item (fixture, fixture->ids[ITEM_LATER]);
  g_assert_cmpstr (json_object_get_string_member (item, "starts"), ==, "2199-02");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2199-02-28");

  /* One field wrong: the toast gives its reason too. */
  icat_test_type_text (due, "2199-02-29");
  g_assert_cmpstr (icat_test_problem_below (due), ==, "February 2199 has 28 days");
  g_ptr_array_set_size (fixture->toasts, 0);
  icat_action_items_view_show_item (fixture->view, fixture->ids[ITEM_OLD]);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (fixture->toasts->pdata[0], ==,
                   "toast: The due date of “Later item” was not saved: February 2199 has 28 days");
  icat_store_sync (fixture->store);
  g_clear_pointer (&item, json_object_unref);
  item = read_item (fixture, fixture->ids[ITEM_LATER]);
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2199-02-28");
}

static GtkAdjustment *
table_hadjustment (Fixture *fixture)
{
  GtkWidget *table = icat_test_find_type (fixture->window, GTK_TYPE_COLUMN_VIEW);

  return gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (table)));
}

static gboolean
table_wider_than_pane (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkAdjustment *adjustment = table_hadjustment (fixture);

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 50;
}

/* The label of a label's text below root, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header of the table's first column (the title) is drawn inside the
 * pane, where the user sees it. */
static gboolean
first_column_in_view (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (icat_test_find_type (fixture->window, GTK_TYPE_COLUMN_VIEW));
  GtkWidget *pane = gtk_widget_get_parent (GTK_WIDGET (table));
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (table), 0);
  GtkWidget *header = find_label (GTK_WIDGET (table), gtk_column_view_column_get_title (first));
  graphene_rect_t bounds;

  g_assert_nonnull (header);
  if (!gtk_widget_compute_bounds (header, pane, &bounds))
    return FALSE;
  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (pane);
}

/* Right to left the columns run from the right edge. A table wider than
 * its pane shows where they start, the title and the owner, not the last
 * columns; scrolled by the user, it stays where it was put as the pane
 * changes width. */
static void
test_right_to_left_from_title (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkAdjustment *adjustment = table_hadjustment (fixture);

  g_assert_cmpint (gtk_widget_get_direction (fixture->window), ==, GTK_TEXT_DIR_RTL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 700);
  icat_test_wait_until (table_wider_than_pane, fixture, NULL, 10);
  icat_test_wait_until (first_column_in_view, fixture, NULL, 10);
  spin ();
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment),
                                  gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
                                  0.5);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - 40);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 700);
  spin ();
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment),
                                  gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 40,
                                  0.5);
}

static void
right_to_left_setup (Fixture       *fixture,
                     gconstpointer  data)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  setup (fixture, data);
}

static void
right_to_left_teardown (Fixture       *fixture,
                        gconstpointer  data)
{
  teardown (fixture, data);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
chinese_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* Before the store starts its writer thread: setenv is not thread-safe. */
  icat_test_set_language ("zh_CN");
  setup (fixture, data);
}

static void
chinese_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  teardown (fixture, data);
  icat_test_set_language (NULL);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    /* The app's style, which AdwApplication would load: overdue dates are bold. */
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* The build's catalogues, for the test in Chinese. */
  icat_test_use_build_catalogues ();
  g_test_add_func ("/action-items/overdue-rule", test_overdue_rule);
  g_test_add ("/action-items/filters", Fixture, NULL, setup, test_filters, teardown);
  g_test_add ("/action-items/meeting-filter", Fixture, NULL, setup, test_meeting_filter, teardown);
  g_test_add ("/action-items/sort", Fixture, NULL, setup, test_sort, teardown);
  g_test_add ("/action-items/new-item", Fixture, NULL, setup, test_new_item, teardown);
  g_test_add ("/action-items/owner-search", Fixture, NULL, setup, test_owner_search, teardown);
  g_test_add ("/action-items/bulk-status", Fixture, NULL, setup, test_bulk_status, teardown);
  g_test_add ("/action-items/mailto", Fixture, NULL, setup, test_mailto, teardown);
  g_test_add ("/action-items/mailto-long", Fixture, NULL, setup, test_mailto_long, teardown);
  g_test_add ("/action-items/chase-nothing-overdue", Fixture, NULL, setup, test_chase_nothing_overdue, teardown);
  g_test_add ("/action-items/delete", Fixture, NULL, setup, test_delete, teardown);
  g_test_add ("/action-items/switch-items", Fixture, NULL, setup, test_switch_items, teardown);
  g_test_add ("/action-items/bad-input", Fixture, NULL, setup, test_bad_input, teardown);
  g_test_add ("/action-items/show-item", Fixture, NULL, setup, test_show_item_selects_row, teardown);
  g_test_add ("/action-items/new-item-scrolled-to", Fixture, NULL, setup, test_new_item_scrolled_to, teardown);
  g_test_add ("/action-items/columns-fit", Fixture, NULL, setup, test_columns_fit, teardown);
  g_test_add ("/action-items/columns-fit/chinese", Fixture, "zh_CN", chinese_setup, test_columns_fit,
              chinese_teardown);
  g_test_add ("/action-items/right-to-left-from-title", Fixture, NULL, right_to_left_setup,
              test_right_to_left_from_title, right_to_left_teardown);
  return g_test_run ();
}
