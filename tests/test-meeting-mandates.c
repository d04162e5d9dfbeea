/* test-meeting-mandates.c — the mandates linked to a meeting's agenda item
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Found by typing part of a mandate's text, in English or in Chinese,
 * chosen from the matches, shown as chips and removed again; the database
 * is checked at each step.
 */
#include "config.h"

#include <adwaita.h>

#include "icat-editor-util.h"
#include "icat-error.h"
#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"
#include "icat-record-list.h"
#include "icat-test-meetings.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

/* Mandates linked to an agenda item */

static GtkMenuButton *
open_mandate_picker (Fixture *f,
                     guint    index)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (agenda_part (f, index, "agenda-link-mandate"));

  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  return button;
}

static GListModel *
picker_matches (GtkMenuButton *button)
{
  GtkWidget *list = icat_test_find_named (GTK_WIDGET (gtk_menu_button_get_popover (button)), "record-matches");

  g_assert_nonnull (list);
  return gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

typedef struct {
  GtkMenuButton *button;
  guint          n;
} Matches;

static gboolean
matches_are (Fixture       *f,
             gconstpointer  data)
{
  const Matches *matches = data;

  return g_list_model_get_n_items (picker_matches (matches->button)) == matches->n;
}

/* Types a search and waits for its matches (the entry waits for typing to pause). */
static void
search_mandates (Fixture       *f,
                 GtkMenuButton *button,
                 const char    *text,
                 guint          n_expected)
{
  GtkWidget *search = icat_test_find_named (GTK_WIDGET (gtk_menu_button_get_popover (button)), "record-search");
  Matches matches = { button, n_expected };

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), text);
  icat_test_wait_until (matches_are, f, &matches, 10);
}

static guint
match_position (GtkMenuButton *button,
                const char    *mandate_id)
{
  GListModel *matches = picker_matches (button);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(IcatRecord) mandate = g_list_model_get_item (matches, i);

      if (g_strcmp0 (icat_record_get_id (mandate), mandate_id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
choose_match (GtkMenuButton *button,
              const char    *mandate_id)
{
  GtkWidget *list = icat_test_find_named (GTK_WIDGET (gtk_menu_button_get_popover (button)), "record-matches");

  g_signal_emit_by_name (list, "activate", match_position (button, mandate_id));
}

static char *
mandate_id (Fixture    *f,
            const char *document,
            const char *paragraph)
{
  g_autoptr(IcatRecordList) mandates = icat_record_list_new (f->store, "mandate");

  icat_record_list_set_filter (mandates, ICAT_FILTER_DOCUMENT, document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (mandates)); i++)
    {
      g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (mandates), i);

      if (g_strcmp0 (icat_record_get_string (mandate, "paragraph"), paragraph) == 0)
        return g_strdup (icat_record_get_id (mandate));
    }
  g_assert_not_reached ();
}

/* The mandates of the first agenda item in the database, as JSON. */
static gboolean
stored_links_are (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) meeting = read_meeting (f);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 0);
  JsonNode *links = json_object_get_member (item, "mandates");
  g_autofree char *text = links && !JSON_NODE_HOLDS_NULL (links) ? json_to_string (links, FALSE) : g_strdup ("[]");
  g_autoptr(JsonNode) have = json_from_string (text, NULL);
  g_autoptr(JsonNode) want = json_from_string (data, NULL);

  return json_node_equal (have, want);
}

/* A linked mandate of the first agenda item: a label and a remove button. */
static GtkWidget *
chip_at (Fixture *f,
         int      index)
{
  GtkWidget *chips = agenda_part (f, 0, "agenda-mandate-chips");
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (chips), index);

  return child ? gtk_flow_box_child_get_child (child) : NULL;
}

static gboolean
chips_are (Fixture       *f,
           gconstpointer  data)
{
  guint n = 0;

  while (chip_at (f, n) != NULL)
    n++;
  return n == GPOINTER_TO_UINT (data);
}

static const char *
chip_label (GtkWidget *chip)
{
  g_assert_nonnull (chip);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (chip)));
}

static void
test_link_mandates (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *para10 = mandate_id (f, "A/RES/72/195", "10");
  g_autofree char *para11 = mandate_id (f, "A/RES/72/195", "11");
  g_autofree char *gpa3 = mandate_id (f, "A/RES/64/293", "annex 3");
  g_autofree char *one = g_strdup_printf ("[\"%s\"]", para10);
  g_autofree char *two = g_strdup_printf ("[\"%s\", \"%s\"]", para10, gpa3);
  g_autofree char *after_removal = g_strdup_printf ("[\"%s\"]", gpa3);
  g_autofree char *id = open_stored_meeting (f, "{\"kind\": \"principals\", \"title\": {\"en\": \"Principals\"},"
                                                " \"starts_at\": \"2030-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                                                " \"timezone\": \"America/New_York\", \"venue\": \"New York\","
                                                " \"agenda\": [{\"id\": \"5e0f6a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b\","
                                                " \"position\": 0, \"title\": \"Inviting inactive members\"}]}");
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(GError) error = NULL;
  GtkMenuButton *link;
  JsonArray *mandates;

  g_assert_null (chip_at (f, 0));

  /* Document and words of the text, in any order. */
  link = open_mandate_picker (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (picker_matches (link)), >=, 119);
  search_mandates (f, link, "inactive 72/195", 1);
  /* Numbers whole: paragraph 10, not 1, 100 or 2010. */
  search_mandates (f, link, "72/195 10", 1);
  g_assert_cmpuint (match_position (link, para10), ==, 0);
  /* The text is searched in the user's language only. */
  search_mandates (f, link, "主管", 0);
  search_mandates (f, link, "principals-level", 2);
  choose_match (link, para10);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (link))));
  g_assert_cmpstr (chip_label (chip_at (f, 0)), ==, "\u2068" "72/195 ¶10" "\u2069");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icat_test_find_named (chip_at (f, 0), "agenda-mandate-remove")), ==,
                   "Remove \u2068" "72/195 ¶10" "\u2069");
  icat_test_wait_until (stored_links_are, f, one, 10);

  /* What is linked is no longer offered; the paragraph as written finds another. */
  link = open_mandate_picker (f, 0);
  search_mandates (f, link, "principals-level", 1);
  g_assert_cmpuint (match_position (link, para11), ==, 0);
  search_mandates (f, link, "A/RES/64/293, annex para. 3", 1);
  choose_match (link, gpa3);
  icat_test_wait_until (stored_links_are, f, two, 10);
  g_assert_cmpstr (chip_label (chip_at (f, 0)), ==, "\u2068" "72/195 ¶10" "\u2069");
  g_assert_cmpstr (chip_label (chip_at (f, 1)), ==, "\u2068" "GPA annex 3" "\u2069");

  /* "New action item" on the agenda item carries its mandates. */
  g_signal_emit_by_name (agenda_part (f, 0, "agenda-new-action-item"), "clicked");
  icat_test_wait_until (action_items_shown, f, GUINT_TO_POINTER (1), 10);
  action = read_action_item (f, f->action_items->pdata[0]);
  mandates = json_object_get_array_member (action, "mandates");
  g_assert_cmpuint (json_array_get_length (mandates), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (mandates, 0), ==, para10);
  g_assert_cmpstr (json_array_get_string_element (mandates, 1), ==, gpa3);
  g_assert_cmpstr (json_object_get_string_member (action, "agenda_item"), ==, "5e0f6a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b");

  /* Unlinking one is saved, with Undo offered. */
  g_signal_emit_by_name (icat_test_find_named (chip_at (f, 0), "agenda-mandate-remove"), "clicked");
  icat_test_wait_until (stored_links_are, f, after_removal, 10);
  g_assert_true (toast_shown (f, "\u2068" "72/195 ¶10" "\u2069 unlinked"));
  g_assert_cmpstr (chip_label (chip_at (f, 0)), ==, "\u2068" "GPA annex 3" "\u2069");
  g_assert_null (chip_at (f, 1));
  /* The toast's Undo (the window calls the store) takes back just that. */
  g_assert_true (icat_store_undo (f->store, &error));
  g_assert_no_error (error);
  icat_test_wait_until (stored_links_are, f, two, 10);
  icat_test_wait_until (chips_are, f, GUINT_TO_POINTER (2), 10);
  g_assert_cmpstr (chip_label (chip_at (f, 0)), ==, "\u2068" "72/195 ¶10" "\u2069");
  g_signal_emit_by_name (icat_test_find_named (chip_at (f, 1), "agenda-mandate-remove"), "clicked");
  g_signal_emit_by_name (icat_test_find_named (chip_at (f, 0), "agenda-mandate-remove"), "clicked");
  icat_test_wait_until (stored_links_are, f, "[]", 10);
  g_assert_null (chip_at (f, 0));
}

/* In Chinese the text searched is the Chinese one, and two characters do. */
static void
test_link_mandates_chinese (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *para10 = mandate_id (f, "A/RES/72/195", "10");
  g_autofree char *one = g_strdup_printf ("[\"%s\"]", para10);
  g_autoptr(IcatRecordList) all = icat_record_list_new (f->store, "mandate");
  g_autofree char *id = NULL;
  GtkMenuButton *link;
  guint n_expected = 0;
  GListModel *matches;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (all), i);
      JsonObject *text = json_object_get_object_member (icat_record_get_data (mandate), "text");

      n_expected += strstr (json_object_get_string_member (text, "zh"), "主管") != NULL;
    }
  g_assert_cmpuint (n_expected, >, 1);
  id = open_stored_meeting (f, "{\"kind\": \"principals\", \"title\": {\"zh\": \"主管级会议\"},"
                               " \"starts_at\": \"2030-06-01T10:00:00.000Z\", \"date_precision\": \"day\","
                               " \"timezone\": \"America/New_York\", \"venue\": \"New York\","
                               " \"agenda\": [{\"id\": \"6f1a7b2c-3d4e-4f5a-9b8c-1d2e3f4a5b6c\","
                               " \"position\": 0, \"title\": \"邀请非活跃成员\"}]}");
  link = open_mandate_picker (f, 0);
  search_mandates (f, link, "主管", n_expected);
  matches = picker_matches (link);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(IcatRecord) mandate = g_list_model_get_item (matches, i);

      g_assert_nonnull (strstr (icat_record_get_localized (mandate, "text"), "主管"));
    }
  /* English words are not in the Chinese text. */
  search_mandates (f, link, "inactive", 0);
  search_mandates (f, link, "活跃", 1);
  choose_match (link, para10);
  icat_test_wait_until (stored_links_are, f, one, 10);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/meetings/agenda/link-mandates", Fixture, NULL, fixture_set_up, test_link_mandates, fixture_tear_down);
  g_test_add ("/meetings/agenda/link-mandates-chinese", Fixture, NULL, chinese_set_up, test_link_mandates_chinese,
              chinese_tear_down);
  return g_test_run ();
}
