/* test-papers-view.c — the Papers board, driven in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the app on a new seeded database, shows the Papers
 * section and works it through its widgets; what it checks is read back
 * from the database.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "icat-application.h"
#include "icat-db.h"
#include "icat-editor-util.h"
#include "icat-paper-editor.h"
#include "icat-papers-view.h"
#include "icat-ref-list.h"
#include "icat-ref-row.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-today.h"
#include "icat-window.h"

typedef struct {
  IcatWindow     *window;
  IcatStore      *store;
  IcatPapersView *view;
} Fixture;

typedef void (*ViewTest) (Fixture *f);

/* Helpers {{{ */

/* The card on the board that shows this paper. */
static GtkWidget *
find_card (GtkWidget  *root,
           const char *id)
{
  if (g_strcmp0 (_icat_paper_card_get_paper_id (root), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A label on screen with exactly this text (toasts). */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static JsonObject *
read_paper (Fixture    *f,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *paper = icat_store_read (f->store, "paper", id, &error);

  g_assert_no_error (error);
  return paper;
}

typedef struct {
  const char *id;
  const char *field;
  const char *value;   /* NULL: the field is null */
} Expect;

static gboolean
stored_is (Fixture       *f,
           gconstpointer  data)
{
  const Expect *expect = data;
  g_autoptr(JsonObject) paper = read_paper (f, expect->id);

  return g_strcmp0 (icat_json_get_string (paper, expect->field), expect->value) == 0;
}

static gboolean
card_shown (Fixture       *f,
            gconstpointer  id)
{
  return find_card (GTK_WIDGET (f->view), id) != NULL;
}

static gboolean
label_shown (Fixture       *f,
             gconstpointer  text)
{
  return has_label (GTK_WIDGET (f->window), text);
}

static gboolean
in_column (Fixture    *f,
           const char *status,
           const char *id)
{
  GListModel *column = _icat_papers_view_get_column (f->view, status);

  for (guint i = 0; i < g_list_model_get_n_items (column); i++)
    {
      g_autoptr(IcatRecord) paper = g_list_model_get_item (column, i);

      if (g_strcmp0 (icat_record_get_id (paper), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The paper is in the column of expect->value, and in no other. */
static gboolean
only_in_column (Fixture       *f,
                gconstpointer  data)
{
  const Expect *expect = data;
  const char *stages[] = { "proposed", "drafting", "agency-review", "wg-endorsement", "published" };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (in_column (f, stages[i], expect->id) != g_str_equal (stages[i], expect->value))
      return FALSE;
  return TRUE;
}

static char *
save_paper (Fixture    *f,
            const char *json)
{
  g_autoptr(JsonObject) paper = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, "paper", paper, &error);

  g_assert_no_error (error);
  return id;
}

static char *
drafting_paper (Fixture *f)
{
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"issue-brief\", \"number\": \"14\","
                                           " \"title\": {\"en\": \"Trafficking and climate\", \"zh\": \"贩运与气候\"},"
                                           " \"year\": 2020, \"status\": \"drafting\", \"target_date\": \"2020-03\","
                                           " \"lead_agencies\": [\"%s\"], \"contributing_agencies\": [\"%s\"]}",
                                           unodc, iom);

  return save_paper (f, json);
}

/* }}} */
/* Running the app {{{ */

static void
app_shown_cb (IcatWindow *window,
              IcatStore  *store,
              gpointer    test)
{
  Fixture f = { .window = window, .store = store };

  f.view = ICAT_PAPERS_VIEW (icat_test_show_section (window, "papers", ICAT_TYPE_PAPERS_VIEW));
  ((ViewTest) test) (&f);
}

static void
run_app (ViewTest test)
{
  icat_test_run_app (app_shown_cb, test);
}

/* }}} */
/* Tests {{{ */

static void
test_rules (void)
{
  g_autoptr(JsonObject) paper = icat_test_object ("{\"status\": \"drafting\", \"target_date\": \"2026-05\"}");

  g_assert_cmpstr (icat_paper_next_status ("proposed"), ==, "drafting");
  g_assert_cmpstr (icat_paper_next_status ("drafting"), ==, "agency-review");
  g_assert_cmpstr (icat_paper_next_status ("agency-review"), ==, "wg-endorsement");
  g_assert_cmpstr (icat_paper_next_status ("wg-endorsement"), ==, "published");
  g_assert_null (icat_paper_next_status ("published"));
  g_assert_null (icat_paper_next_status ("shredded"));

  /* A month is past only once the whole month is. */
  g_assert_false (icat_paper_is_overdue (paper, "2026-05-31"));
  g_assert_true (icat_paper_is_overdue (paper, "2026-06-01"));
  json_object_set_string_member (paper, "target_date", "2026");
  g_assert_false (icat_paper_is_overdue (paper, "2026-12-31"));
  g_assert_true (icat_paper_is_overdue (paper, "2027-01-01"));
  json_object_set_string_member (paper, "target_date", "2026-05-10");
  g_assert_false (icat_paper_is_overdue (paper, "2026-05-10"));
  g_assert_true (icat_paper_is_overdue (paper, "2026-05-11"));
  /* Published papers are never late; papers without a target neither. */
  json_object_set_string_member (paper, "status", "published");
  g_assert_false (icat_paper_is_overdue (paper, "2030-01-01"));
  json_object_set_string_member (paper, "status", "drafting");
  json_object_remove_member (paper, "target_date");
  g_assert_false (icat_paper_is_overdue (paper, "2030-01-01"));
}

static void
test_archive_cutoff (void)
{
  g_autofree char *ordinary = icat_paper_archive_cutoff ("2026-12-06");
  g_autofree char *leap = icat_paper_archive_cutoff ("2028-02-29");
  g_autofree char *new_year = icat_paper_archive_cutoff ("2027-01-01");

  g_assert_cmpstr (ordinary, ==, "2025-12-06");
  /* No 29 February a year before: the 28th. */
  g_assert_cmpstr (leap, ==, "2027-02-28");
  g_assert_cmpstr (new_year, ==, "2026-01-01");
  g_assert_null (icat_paper_archive_cutoff (NULL));
  g_assert_null (icat_paper_archive_cutoff (""));
  g_assert_null (icat_paper_archive_cutoff ("2026-12"));
  g_assert_null (icat_paper_archive_cutoff ("2026-02-30"));
  g_assert_null (icat_paper_archive_cutoff ("yesterday!"));
}

static void
advance_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  g_autoptr(JsonObject) stored = NULL;
  GtkWidget *card, *button, *overdue;

  icat_test_wait_until (card_shown, f, id, 10);
  card = find_card (GTK_WIDGET (f->view), id);
  /* Its target month is long past: the card says so in words. */
  overdue = _icat_paper_card_get_part (card, "overdue");
  g_assert_true (gtk_widget_get_visible (overdue));
  g_assert_true (gtk_widget_has_css_class (card, "paper-card-overdue"));
  g_assert_true (has_label (card, "Lead: UNODC"));
  g_assert_true (has_label (card, "With: IOM"));
  g_assert_true (has_label (card, "Issue brief 14 · 2020"));

  /* One action: the card's button. */
  button = _icat_paper_card_get_part (card, "advance");
  g_assert_true (gtk_widget_get_visible (button));
  gtk_widget_activate (button);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "status", "agency-review" }, 10);
  stored = read_paper (f, id);
  /* The target was the old stage's. */
  g_assert_null (icat_json_get_string (stored, "target_date"));
  g_assert_cmpstr (icat_json_get_string (stored, "number"), ==, "14");
  icat_test_wait_until (only_in_column, f, &(Expect) { id, "status", "agency-review" }, 10);
  icat_test_wait_until (label_shown, f, "“Trafficking and climate” moved to Agency review", 10);

  /* Undo puts it back, target date and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  icat_test_wait_until (stored_is, f, &(Expect) { id, "status", "drafting" }, 10);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "target_date", "2020-03" }, 10);
  icat_test_wait_until (only_in_column, f, &(Expect) { id, "status", "drafting" }, 10);
}

static void
test_advance (void)
{
  run_app (advance_test);
}

static gboolean
row_has_focus (Fixture       *f,
               gconstpointer  card)
{
  return gtk_widget_has_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
}

static void
keyboard_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  GtkWidget *card;

  icat_test_wait_until (card_shown, f, id, 10);
  card = find_card (GTK_WIDGET (f->view), id);
  /* The list row around the card has the focus, as after Tab or a click. */
  gtk_widget_grab_focus (gtk_widget_get_parent (card));
  icat_test_wait_until (row_has_focus, f, card, 10);
  /* Alt+← moves nothing in a left-to-right layout; Alt+→ does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "papers.advance-focused", "b", FALSE));
  icat_test_wait_saved (f->store);
  g_assert_true (stored_is (f, &(Expect) { id, "status", "drafting" }));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "papers.advance-focused", "b", TRUE));
  icat_test_wait_until (stored_is, f, &(Expect) { id, "status", "agency-review" }, 10);
}

static void
test_keyboard (void)
{
  run_app (keyboard_test);
}

/* The accelerator of the shortcut that moves a paper on, among those the
 * keyboard shortcuts window shows in the default direction. */
static char *
shown_advance_accelerator (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  char *shown = NULL;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL, *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data) || !gtk_widget_get_visible (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (title, "Move the focused paper to the next stage") == 0)
        {
          g_assert_null (shown);
          shown = g_steal_pointer (&accelerator);
        }
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  return shown;
}

/* The next stage is the next column in the reading direction: the
 * shortcuts window says Alt+→ left to right and Alt+← right to left, the
 * keys keyboard_test presses. */
static void
test_shortcut_follows_direction (void)
{
  g_autofree char *left_to_right = shown_advance_accelerator ();
  g_autofree char *right_to_left = NULL;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  right_to_left = shown_advance_accelerator ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (left_to_right, ==, "<Alt>Right");
  g_assert_cmpstr (right_to_left, ==, "<Alt>Left");
}

static gboolean
editor_shows (Fixture       *f,
              gconstpointer  id)
{
  return g_strcmp0 (icat_paper_editor_get_paper_id (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view))), id) == 0;
}

static gboolean
year_is (Fixture       *f,
         gconstpointer  data)
{
  const Expect *expect = data;
  g_autoptr(JsonObject) paper = read_paper (f, expect->id);

  return json_object_get_int_member_with_default (paper, "year", 0) == atoi (expect->value);
}

static void
edit_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  GtkWidget *editor;
  GtkWidget *year;
  g_autoptr(JsonObject) stored = NULL;
  JsonObject *title;

  /* Opened from elsewhere (search, a mandate): its card is selected. */
  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  editor = _icat_papers_view_get_editor (f->view);
  g_assert_true (gtk_widget_get_mapped (editor));

  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "title-en")), "Trafficking, climate and displacement");
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "number")), "15");
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "link")), "https://icat.un.org/brief-15");
  icat_test_wait_until (stored_is, f, &(Expect) { id, "number", "15" }, 10);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "link", "https://icat.un.org/brief-15" }, 10);
  stored = read_paper (f, id);
  title = json_object_get_object_member (stored, "title");
  g_assert_cmpstr (json_object_get_string_member (title, "en"), ==, "Trafficking, climate and displacement");
  /* The Chinese title stays as it was. */
  g_assert_cmpstr (json_object_get_string_member (title, "zh"), ==, "贩运与气候");

  /* A year that is no year is marked and not saved. */
  year = _icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "year");
  gtk_editable_set_text (GTK_EDITABLE (year), "2031");
  icat_test_wait_until (year_is, f, &(Expect) { id, "year", "2031" }, 10);
  gtk_editable_set_text (GTK_EDITABLE (year), "31");
  g_assert_true (gtk_widget_has_css_class (year, "error"));
  icat_test_wait_saved (f->store);
  g_assert_true (year_is (f, &(Expect) { id, "year", "2031" }));

  /* The stage chosen in the editor moves the card. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "status")), 3);
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "target-date")), "2031-06-30");
  icat_test_wait_until (stored_is, f, &(Expect) { id, "status", "wg-endorsement" }, 10);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "target_date", "2031-06-30" }, 10);
  icat_test_wait_until (only_in_column, f, &(Expect) { id, "status", "wg-endorsement" }, 10);
}

static void
test_edit (void)
{
  run_app (edit_test);
}

/* Replaces a field's text as typing does. */
/* A target date that does not exist, a year that is none, a link with
 * spaces, no title at all: each said below its field, kept on screen
 * while another field saves, never written; leaving the paper names them
 * in a toast, and one alone with its reason. */
static void
bad_input_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  g_autofree char *other = save_paper (f, "{\"kind\": \"issue-brief\", \"title\": {\"en\": \"Second brief\"},"
                                          " \"status\": \"proposed\"}");
  IcatPaperEditor *editor;
  GtkWidget *title_en, *title_zh, *year, *target, *link;
  g_autoptr(JsonObject) stored = NULL;

  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  editor = ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view));
  title_en = _icat_paper_editor_get_row (editor, "title-en");
  title_zh = gtk_widget_get_next_sibling (title_en);
  year = _icat_paper_editor_get_row (editor, "year");
  target = _icat_paper_editor_get_row (editor, "target-date");
  link = _icat_paper_editor_get_row (editor, "link");

  icat_test_type_text (target, "2026-02-30");
  g_assert_cmpstr (icat_test_problem_below (target), ==, "February 2026 has 28 days");
  icat_test_type_text (year, "31");
  g_assert_cmpstr (icat_test_problem_below (year), ==,
                   "Write the year in four digits, 1990 to 2100, or leave it empty when it is not known.");
  icat_test_type_text (link, "https://icat.un.org/brief 14");
  g_assert_cmpstr (icat_test_problem_below (link), ==, "A web address cannot contain spaces");
  icat_test_type_text (title_en, "");
  icat_test_type_text (title_zh, " ");
  g_assert_cmpstr (icat_test_problem_below (title_zh), ==, "A paper needs a title in English or Chinese.");
  g_assert_true (gtk_widget_has_css_class (title_en, "error"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (_icat_paper_editor_get_row (editor, "status")), 2);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "status", "agency-review" }, 10);
  stored = read_paper (f, id);
  g_assert_cmpstr (icat_json_get_string (stored, "target_date"), ==, "2020-03");
  g_assert_cmpint (json_object_get_int_member (stored, "year"), ==, 2020);
  g_assert_null (icat_json_get_string (stored, "link"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "title"), "zh"), ==, "贩运与气候");
  /* The record's news left what was typed alone. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "2026-02-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (link)), ==, "https://icat.un.org/brief 14");
  g_assert_cmpstr (icat_test_problem_below (year), ==,
                   "Write the year in four digits, 1990 to 2100, or leave it empty when it is not known.");

  icat_window_show_record (f->window, "paper", other);
  icat_test_wait_until (editor_shows, f, other, 10);
  icat_test_wait_until (label_shown, f, "4 fields of “Trafficking and climate” were not saved: title, year, target date, link", 10);
  g_assert_false (gtk_widget_has_css_class (target, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_en)), ==, "Second brief");

  icat_test_type_text (target, "2031-13");
  g_assert_cmpstr (icat_test_problem_below (target), ==, "Write the month as 01 to 12");
  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  icat_test_wait_until (label_shown, f, "The target date of “Second brief” was not saved: Write the month as 01 to 12", 10);
  icat_store_sync (f->store);
  g_assert_true (stored_is (f, &(Expect) { other, "target_date", NULL }));
  g_assert_true (stored_is (f, &(Expect) { id, "target_date", "2020-03" }));
}

static void
test_bad_input (void)
{
  run_app (bad_input_test);
}

/* A note typed while the disk is full: the toast says so in words, the
 * note stays in the editor and out of the database, and the next edit
 * once there is room saves all of it. */
static void
disk_full_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  IcatDb *db = _icat_store_get_write_db (f->store);
  g_autofree char *note = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *finished = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  icat_store_sync (f->store);
  note = icat_test_fill_disk (db, "Comments from the agencies are due by March. ");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (icat_test_find_named (_icat_papers_view_get_editor (f->view), "note")));
  gtk_text_buffer_set_text (buffer, note, -1);
  icat_test_wait_until (label_shown, f, "The disk is full, so the change was not saved. Free some space and try again.", 10);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, note);
  g_assert_true (stored_is (f, &(Expect) { id, "note", NULL }));

  g_assert_true (icat_db_exec (db, "PRAGMA max_page_count = 1073741823", NULL));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Agreed.", -1);
  finished = g_strconcat (note, "Agreed.", NULL);
  icat_test_wait_until (stored_is, f, &(Expect) { id, "note", finished }, 10);
}

static void
test_disk_full (void)
{
  run_app (disk_full_test);
}

/* A date row's calendar opens on the row's date without changing it, and
 * the day chosen in it is written and saved. */
static void
date_picker_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  GtkWidget *row;
  GtkMenuButton *button;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) chosen = g_date_time_new_local (2031, 7, 15, 12, 0, 0);

  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  row = _icat_paper_editor_get_row (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)), "target-date");
  gtk_editable_set_text (GTK_EDITABLE (row), "2031-06-30");
  icat_test_wait_until (stored_is, f, &(Expect) { id, "target_date", "2031-06-30" }, 10);

  button = GTK_MENU_BUTTON (icat_test_find_type (row, GTK_TYPE_MENU_BUTTON));
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (button)));
  gtk_menu_button_popup (button);
  /* Opening it chose nothing: it stays open. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2031);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2031-06-30");

  gtk_calendar_select_day (calendar, chosen);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2031-07-15");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  icat_test_wait_until (stored_is, f, &(Expect) { id, "target_date", "2031-07-15" }, 10);
}

static void
test_date_picker (void)
{
  run_app (date_picker_test);
}

/* The stored paper's field (a list of ids) joined with ",". */
static gboolean
refs_are (Fixture       *f,
          gconstpointer  data)
{
  const Expect *expect = data;
  g_autoptr(JsonObject) paper = read_paper (f, expect->id);
  JsonArray *array = json_object_has_member (paper, expect->field)
                     ? json_object_get_array_member (paper, expect->field) : NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", json_array_get_string_element (array, i));
  return g_str_equal (joined->str, expect->value);
}

static GtkWidget *
find_remove_button (GtkWidget  *root,
                    const char *id)
{
  if (ICAT_IS_REF_ROW (root) && g_strcmp0 (icat_ref_row_get_record_id (ICAT_REF_ROW (root)), id) == 0)
    return _icat_ref_row_get_remove_button (ICAT_REF_ROW (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_remove_button (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types into a reference list's search and presses Enter: the first match is added. */
static void
add_reference (IcatPaperEditor *editor,
               const char      *field,
               const char      *search)
{
  GtkSearchEntry *entry = _icat_ref_list_get_search (_icat_paper_editor_get_refs (editor, field));

  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* GtkSearchEntry waits a moment before it reports a change; a person would too. */
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* Agencies and mandates are added from the popovers' search and taken
 * off with their rows' buttons; the paper in the database follows. */
static void
references_test (Fixture *f)
{
  g_autofree char *id = drafting_paper (f);
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *ilo = icat_test_agency_id (f->store, "ILO");
  g_autofree char *with_ilo = g_strdup_printf ("%s,%s", iom, ilo);
  IcatPaperEditor *editor;
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (f->store),
                                        "SELECT id FROM mandate WHERE document = 'A/RES/72/195' AND paragraph = '10'", NULL);
  g_autofree char *mandate = NULL;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mandate = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
  editor = ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view));

  add_reference (editor, "contributing_agencies", "International Labour");
  icat_test_wait_until (refs_are, f, &(Expect) { id, "contributing_agencies", with_ilo }, 10);
  /* An agency already on the list is not offered again: Enter adds nothing. */
  {
    GtkSearchEntry *entry = _icat_ref_list_get_search (_icat_paper_editor_get_refs (editor, "contributing_agencies"));
    GtkWidget *matches = icat_test_find_named (gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER),
                                               "record-matches");

    gtk_editable_set_text (GTK_EDITABLE (entry), "IOM");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (matches)))), ==, 0);
    g_signal_emit_by_name (entry, "activate");
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  }
  /* Mandates are found by their short label, as the cards show them. */
  add_reference (editor, "mandates", "72/195 ¶10");
  icat_test_wait_until (refs_are, f, &(Expect) { id, "mandates", mandate }, 10);
  g_assert_true (refs_are (f, &(Expect) { id, "contributing_agencies", with_ilo }));
  g_assert_true (refs_are (f, &(Expect) { id, "lead_agencies", unodc }));

  gtk_widget_activate (find_remove_button (GTK_WIDGET (editor), iom));
  icat_test_wait_until (refs_are, f, &(Expect) { id, "contributing_agencies", ilo }, 10);
}

static void
test_references (void)
{
  run_app (references_test);
}

static gboolean
new_paper_shown (Fixture       *f,
                 gconstpointer  data)
{
  const char *id = icat_paper_editor_get_paper_id (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)));
  g_autoptr(JsonObject) paper = NULL;

  if (id == NULL)
    return FALSE;
  paper = read_paper (f, id);
  return g_strcmp0 (icat_json_get_string (paper, "status"), "proposed") == 0;
}

static void
new_test (Fixture *f)
{
  guint before = g_list_model_get_n_items (_icat_papers_view_get_column (f->view, "proposed"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JsonObject) paper = NULL;
  const char *id;

  /* Ctrl+N in the Papers section. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  icat_test_wait_until (new_paper_shown, f, NULL, 10);
  id = icat_paper_editor_get_paper_id (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)));
  paper = read_paper (f, id);
  g_assert_cmpint (json_object_get_int_member (paper, "year"), ==, g_date_time_get_year (now));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (paper, "title"), "en"), ==, "New paper");
  g_assert_cmpuint (g_list_model_get_n_items (_icat_papers_view_get_column (f->view, "proposed")), ==, before + 1);
}

static void
test_new (void)
{
  run_app (new_test);
}

/* }}} */

/* Opening links: what would have been launched. */
static GPtrArray *launched;

static void
record_launch (GtkWindow  *parent,
               const char *uri)
{
  g_ptr_array_add (launched, g_strdup (uri));
}

static gboolean
link_dialog_shown (Fixture       *f,
                   gconstpointer  data)
{
  return icat_test_find_toplevel ("open-link") != NULL;
}

/* Opens the paper's link as its button does; returns the dialog asking
 * first, or NULL when the link was launched at once. */
static AdwMessageDialog *
open_link (Fixture    *f,
           const char *typed)
{
  GtkWidget *editor = _icat_papers_view_get_editor (f->view);
  guint launched_before = launched->len;

  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (editor), "link")), typed);
  g_assert_true (gtk_widget_activate_action (editor, "editor.open-link", NULL));
  if (launched->len > launched_before)
    {
      g_assert_null (icat_test_find_toplevel ("open-link"));
      return NULL;
    }
  icat_test_wait_until (link_dialog_shown, f, NULL, 10);
  return ADW_MESSAGE_DIALOG (icat_test_find_toplevel ("open-link"));
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A link from an imported file opens at once only on the web or by
 * e-mail; a file, or anything that could run a program, is named in full
 * in a dialog whose default is Cancel, and nothing opens until Open. */
static void
open_link_test (Fixture *f)
{
  g_autofree char *id = save_paper (f, "{\"kind\": \"issue-brief\", \"title\": {\"en\": \"Imported brief\"},"
                                       " \"status\": \"published\", \"link\": \"file:///etc/passwd\"}");
  const char *asked[] = { "file:///etc/passwd", "/home/x/doc.pdf", "javascript:alert(1)", "vscode://file/etc/passwd",
                          "ftp://ftp.example.org/brief.pdf" };
  const char *shown_as[] = { "file:///etc/passwd", "file:///home/x/doc.pdf", "javascript:alert(1)",
                             "vscode://file/etc/passwd", "ftp://ftp.example.org/brief.pdf" };
  const char *direct[] = { "https://icat.un.org/brief-15", "http://icat.un.org/", "mailto:icat@unodc.org",
                           "icat.un.org/brief-15" };
  AdwMessageDialog *dialog;

  launched = g_ptr_array_new_with_free_func (g_free);
  _icat_set_link_launcher (record_launch);
  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);

  /* As imported: the dialog names the address in full; Cancel opens nothing. */
  g_assert_true (gtk_widget_activate_action (_icat_papers_view_get_editor (f->view), "editor.open-link", NULL));
  icat_test_wait_until (link_dialog_shown, f, NULL, 10);
  dialog = ADW_MESSAGE_DIALOG (icat_test_find_toplevel ("open-link"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "file:///etc/passwd"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "open"), ==, ADW_RESPONSE_DEFAULT);
  g_assert_cmpuint (launched->len, ==, 0);
  answer (dialog, "cancel");
  g_assert_cmpuint (launched->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_test_message ("%s", asked[i]);
      dialog = open_link (f, asked[i]);
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), shown_as[i]));
      g_assert_cmpuint (launched->len, ==, i);
      answer (dialog, "open");
      g_assert_cmpuint (launched->len, ==, i + 1);
      g_assert_cmpstr (launched->pdata[i], ==, shown_as[i]);
    }
  g_ptr_array_set_size (launched, 0);
  for (guint i = 0; i < G_N_ELEMENTS (direct); i++)
    {
      g_assert_null (open_link (f, direct[i]));
      g_assert_cmpuint (launched->len, ==, i + 1);
    }
  g_assert_cmpstr (launched->pdata[3], ==, "https://icat.un.org/brief-15");
  _icat_set_link_launcher (NULL);
  g_clear_pointer (&launched, g_ptr_array_unref);
}

static char *
seeded_paper_id (Fixture    *f,
                 const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (icat_store_get_path (f->store), ICAT_DB_READ_ONLY, NULL, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM paper WHERE json_extract (title, '$.en') = '%s'", title);

  g_assert_no_error (error);
  return icat_test_query_text (db, sql);
}

static gboolean
page_is (Fixture       *f,
         gconstpointer  name)
{
  return g_strcmp0 (_icat_papers_view_get_page (f->view), name) == 0;
}

static gboolean
archived (Fixture       *f,
          gconstpointer  id)
{
  GListModel *archive = _icat_papers_view_get_archive (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (archive); i++)
    {
      g_autoptr(IcatRecord) paper = g_list_model_get_item (archive, i);

      if (g_strcmp0 (icat_record_get_id (paper), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The card is shown and lies wholly inside the view, not scrolled away. */
static gboolean
card_in_sight (Fixture       *f,
               gconstpointer  id)
{
  GtkWidget *card = find_card (GTK_WIDGET (f->view), id);
  graphene_rect_t bounds;

  if (card == NULL || !gtk_widget_get_mapped (card) ||
      !gtk_widget_compute_bounds (card, GTK_WIDGET (f->view), &bounds))
    return FALSE;
  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (f->view));
}

static gboolean
view_narrower (Fixture       *f,
               gconstpointer  width)
{
  return gtk_widget_get_width (GTK_WIDGET (f->view)) < GPOINTER_TO_INT (width);
}

static void
archive_test (Fixture *f)
{
  g_autofree char *today = icat_today_string ();
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"report\", \"title\": {\"en\": \"Published this week\"},"
                                           " \"status\": \"published\", \"published_on\": \"%s\"}", today);
  g_autofree char *recent = save_paper (f, json);
  g_autofree char *old = seeded_paper_id (f, "The next decade");
  g_autofree char *undated = seeded_paper_id (f, "Public procurement");
  g_autofree char *technology = seeded_paper_id (f, "Human trafficking and technology");
  /* The newest archived: first in the archive. */
  g_autofree char *report_2023 = seeded_paper_id (f, "ICAT chairs'' report 2023");
  g_autoptr(JsonObject) stored = read_paper (f, old);
  const char *announced[] = { "Global Report on Trafficking in Persons 2018",
                              "Report of the Secretary-General to the 74th session on the implementation of resolution 72/195" };

  /* The built-in papers are all published once the two reports the
   * documents only announce (proposed) are marked published of their
   * year; those of past years are in the archive, off the board, and the
   * new one is on it. */
  for (guint i = 0; i < G_N_ELEMENTS (announced); i++)
    {
      g_autofree char *id = seeded_paper_id (f, announced[i]);
      g_autofree char *published = g_strdup_printf ("{\"id\": \"%s\", \"status\": \"published\", \"year\": 2019}", id);

      g_assert_nonnull (id);
      g_free (save_paper (f, published));
    }
  g_assert_cmpstr (icat_json_get_string (stored, "published_on"), ==, "2012-05");
  icat_test_wait_until (only_in_column, f, &(Expect) { recent, "status", "published" }, 10);
  g_assert_true (archived (f, old));
  g_assert_true (archived (f, technology));
  g_assert_true (archived (f, report_2023));
  g_assert_false (archived (f, recent));
  g_assert_false (in_column (f, "published", old));
  g_assert_false (in_column (f, "published", technology));
  /* Undated: it stays as long as its last change is recent, and leaves after. */
  g_assert_true (archived (f, undated) != in_column (f, "published", undated));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_list_model_get_n_items (_icat_papers_view_get_column (f->view, (const char *[]) {
                        "proposed", "drafting", "agency-review", "wg-endorsement" }[i])), ==, 0);

  /* The stages before are empty; the board, wider than the window, scrolls
   * its papers into sight. */
  g_assert_cmpstr (_icat_papers_view_get_page (f->view), ==, "board");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 700);
  icat_test_wait_until (view_narrower, f, GINT_TO_POINTER (600), 10);
  icat_test_wait_until (card_in_sight, f, recent, 10);
  g_assert_null (find_card (GTK_WIDGET (f->view), old));
  g_assert_true (label_shown (f, in_column (f, "published", undated) ? "2 papers" : "1 paper"));

  /* The archive shows the old papers, not the new one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "papers.show-archive", NULL));
  icat_test_wait_until (page_is, f, "archive", 10);
  icat_test_wait_until (card_in_sight, f, report_2023, 10);
  g_assert_false (card_in_sight (f, recent));

  /* Opened from the archive and taken back to drafting, it is on the board again. */
  icat_papers_view_show_paper (f->view, old);
  icat_test_wait_until (editor_shows, f, old, 10);
  g_assert_cmpstr (_icat_papers_view_get_page (f->view), ==, "archive");
  g_free (json);
  json = g_strdup_printf ("{\"id\": \"%s\", \"status\": \"drafting\"}", old);
  g_free (save_paper (f, json));
  icat_test_wait_until (only_in_column, f, &(Expect) { old, "status", "drafting" }, 10);
  icat_test_wait_until (page_is, f, "board", 10);
  g_assert_false (archived (f, old));
}

static void
test_archive (void)
{
  run_app (archive_test);
}

static void
test_open_link (void)
{
  run_app (open_link_test);
}

/* Links as people type them, for papers and meeting attachments. */
static void
test_link_uri (void)
{
  g_autofree char *web = icat_typed_link_uri ("  https://icat.un.org/brief-15 ");
  g_autofree char *bare = icat_typed_link_uri ("icat.un.org/brief-15");
  g_autofree char *file = icat_typed_link_uri ("/home/coordinator/Minutes 2026.pdf");
  g_autofree char *mail = icat_typed_link_uri ("mailto:icat@unodc.org");

  g_assert_cmpstr (web, ==, "https://icat.un.org/brief-15");
  g_assert_cmpstr (bare, ==, "https://icat.un.org/brief-15");
  g_assert_cmpstr (file, ==, "file:///home/coordinator/Minutes%202026.pdf");
  g_assert_cmpstr (mail, ==, "mailto:icat@unodc.org");
  g_assert_null (icat_typed_link_uri ("   "));
  g_assert_null (icat_typed_link_uri (NULL));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/papers/rules", test_rules);
  g_test_add_func ("/papers/advance", test_advance);
  g_test_add_func ("/papers/archive-cutoff", test_archive_cutoff);
  g_test_add_func ("/papers/archive", test_archive);
  g_test_add_func ("/papers/keyboard", test_keyboard);
  g_test_add_func ("/papers/shortcut-follows-direction", test_shortcut_follows_direction);
  g_test_add_func ("/papers/edit", test_edit);
  g_test_add_func ("/papers/new", test_new);
  g_test_add_func ("/papers/references", test_references);
  g_test_add_func ("/papers/disk-full", test_disk_full);
  g_test_add_func ("/papers/bad-input", test_bad_input);
  g_test_add_func ("/papers/date-picker", test_date_picker);
  g_test_add_func ("/papers/link-uri", test_link_uri);
  g_test_add_func ("/papers/open-link", test_open_link);
  return g_test_run ();
}
