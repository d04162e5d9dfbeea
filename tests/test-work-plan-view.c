/* test-work-plan-view.c — the Work plan section and meeting records, driven in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the app on a new seeded database, shows the Work plan
 * section and works it through its widgets; what it checks is read back
 * from the database, the settings, and the PDFs (with pdftotext).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "icat-application.h"
#include "icat-record-list.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window-private.h"
#include "icat-work-plan-view.h"

/* The meeting record's test opens GTK's file chooser, whose places sidebar
 * asks libcloudproviders (0.3.1) for its providers, and that library loses
 * a path it builds. lsan-gui.supp names the library; LeakSanitizer sees it
 * in a leak's stack only when it unwinds each allocation fully. Read by
 * LeakSanitizer in a sanitizer build, unused otherwise. */
const char *__lsan_default_options (void);

const char *
__lsan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

typedef struct _Fixture Fixture;
typedef void (*ViewTest) (Fixture *f);

struct _Fixture {
  IcatWindow       *window;
  IcatStore        *store;
  IcatWorkPlanView *view;
  GSettings        *settings;
  char             *dir;       /* for the documents a test writes */
  ViewTest          test;
};

/* Helpers {{{ */

static gboolean
preview_ready (Fixture       *f,
               gconstpointer  data)
{
  /* A failed layout is not waited for: it is reported at once. */
  if (!icat_work_plan_view_get_busy (f->view) && icat_work_plan_view_get_error (f->view) != NULL)
    g_error ("the work plan cannot be laid out: %s", icat_work_plan_view_get_error (f->view));
  return !icat_work_plan_view_get_busy (f->view) && icat_work_plan_view_get_n_pages (f->view) > 0;
}

static gboolean
preview_busy (Fixture       *f,
              gconstpointer  data)
{
  return icat_work_plan_view_get_busy (f->view);
}

static gboolean
view_hidden (Fixture       *f,
             gconstpointer  data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (f->view));
}

static gboolean
toast_shown (Fixture       *f,
             gconstpointer  prefix)
{
  return icat_test_shows_label (GTK_WIDGET (f->window), prefix);
}

static gboolean
label_starts (Fixture       *f,
              gconstpointer  prefix)
{
  GtkWidget *summary = icat_test_find_named (GTK_WIDGET (f->view), "summary");

  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (summary)), prefix);
}

static gboolean
file_exists (Fixture       *f,
             gconstpointer  path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-q", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
select_year (Fixture *f,
             int      year)
{
  AdwComboRow *row = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "year"));
  GListModel *years = adw_combo_row_get_model (row);
  g_autofree char *text = g_strdup_printf ("%d", year);

  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (years), i), text))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("%d is not among the years", year);
}

static JsonObject *
stored_plan (Fixture *f,
             int      year)
{
  g_autoptr(IcatRecordList) plans = icat_record_list_new (f->store, "work_plan");
  g_autofree char *text = g_strdup_printf ("%d", year);
  g_autoptr(IcatRecord) plan = NULL;

  icat_record_list_set_filter (plans, ICAT_FILTER_YEAR, text);
  if (g_list_model_get_n_items (G_LIST_MODEL (plans)) == 0)
    return NULL;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plans)), ==, 1);
  plan = g_list_model_get_item (G_LIST_MODEL (plans), 0);
  return json_object_ref (icat_record_get_data (plan));
}

static gboolean
plan_endorsed_on (Fixture       *f,
                  gconstpointer  date)
{
  g_autoptr(JsonObject) plan = stored_plan (f, 2016);

  return plan != NULL && g_strcmp0 (icat_json_get_string (plan, "status"), "endorsed") == 0 &&
         g_strcmp0 (icat_json_get_string (plan, "endorsed_on"), date) == 0;
}

static gboolean
plan_endorsed_at (Fixture       *f,
                  gconstpointer  meeting)
{
  g_autoptr(JsonObject) plan = stored_plan (f, 2016);

  return plan != NULL && g_strcmp0 (icat_json_get_string (plan, "endorsed_at"), meeting) == 0;
}

static gboolean
plan_is_draft (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonObject) plan = stored_plan (f, 2016);

  return plan != NULL && g_strcmp0 (icat_json_get_string (plan, "status"), "draft") == 0;
}

/* The id of the seed's meeting that starts with this prefix. */
static char *
meeting_starting (IcatStore  *store,
                  const char *prefix)
{
  g_autoptr(IcatRecordList) meetings = icat_record_list_new (store, "meeting");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
    {
      g_autoptr(IcatRecord) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);

      if (g_str_has_prefix (icat_record_get_string (meeting, "starts_at"), prefix))
        return g_strdup (icat_record_get_id (meeting));
    }
  g_error ("no meeting starts %s", prefix);
}

static void
show_year (Fixture *f,
           int      year)
{
  select_year (f, year);
  icat_test_wait_until (preview_ready, f, NULL, 30);
  g_assert_cmpint (icat_work_plan_view_get_year (f->view), ==, year);
}

/* }}} */
/* Running the app {{{ */

static void
app_shown_cb (IcatWindow *window,
              IcatStore  *store,
              gpointer    data)
{
  Fixture *f = data;

  f->window = window;
  f->store = store;
  f->view = ICAT_WORK_PLAN_VIEW (icat_test_show_section (window, "work-plan", ICAT_TYPE_WORK_PLAN_VIEW));
  f->test (f);
}

static void
run_app (ViewTest test)
{
  Fixture f = { .test = test };

  f.dir = icat_test_tmpdir_new ();
  f.settings = g_settings_new (APP_ID);
  g_settings_reset (f.settings, "work-plan-year");
  g_settings_reset (f.settings, "work-plan-group-by");
  g_settings_reset (f.settings, "paper-size");
  g_settings_reset (f.settings, "work-plan-omitted-sections");
  g_settings_reset (f.settings, "meeting-record-omitted-sections");
  icat_test_run_app (app_shown_cb, &f);
  g_object_unref (f.settings);
  icat_test_tmpdir_free (f.dir);
}

/* }}} */
/* Tests {{{ */

static void
preview_test (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  AdwComboRow *year_row = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "year"));
  GListModel *years = adw_combo_row_get_model (year_row);
  AdwComboRow *group_row = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "group-by"));
  AdwComboRow *paper_row = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "paper"));
  g_autofree char *this_year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autofree char *next_year = g_strdup_printf ("%d", g_date_time_get_year (now) + 1);
  g_autofree char *group_by = NULL;
  g_autofree char *paper = NULL;
  double width, height;

  /* The current year first shows; the choices are the years with
   * something in them and the next, newest first. */
  g_assert_cmpint (icat_work_plan_view_get_year (f->view), ==, g_date_time_get_year (now));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 0), ==, next_year);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 1), ==, this_year);
  for (guint i = 1; i < g_list_model_get_n_items (years); i++)
    g_assert_cmpint (atoi (gtk_string_list_get_string (GTK_STRING_LIST (years), i - 1)), >,
                     atoi (gtk_string_list_get_string (GTK_STRING_LIST (years), i)));
  /* The seed's first meeting (2006), a briefing (2015), a chair (2016). */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), g_list_model_get_n_items (years) - 1), ==, "2006");

  /* Quick changes: only the last one's plan is shown. */
  select_year (f, 2015);
  g_assert_true (icat_work_plan_view_get_busy (f->view));
  show_year (f, 2016);
  g_assert_cmpint (g_settings_get_int (f->settings, "work-plan-year"), ==, 2016);
  g_assert_nonnull (strstr (icat_document_get_title (_icat_work_plan_view_get_document (f->view)), "2016"));
  icat_document_get_page_size (_icat_work_plan_view_get_document (f->view), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 1);

  /* Grouping and paper: remembered, and the preview follows. */
  adw_combo_row_set_selected (group_row, 1);
  adw_combo_row_set_selected (paper_row, 1);
  g_assert_true (icat_work_plan_view_get_busy (f->view));
  icat_test_wait_until (preview_ready, f, NULL, 30);
  group_by = g_settings_get_string (f->settings, "work-plan-group-by");
  paper = g_settings_get_string (f->settings, "paper-size");
  g_assert_cmpstr (group_by, ==, "mandate");
  g_assert_cmpstr (paper, ==, "letter");
  icat_document_get_page_size (_icat_work_plan_view_get_document (f->view), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_cmpfloat_with_epsilon (height, 792, 1);
}

static void
test_preview (void)
{
  run_app (preview_test);
}

static void
live_test (Fixture *f)
{
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"issue-brief\", \"title\": {\"en\": \"Zebrafinch brief\"},"
                                           " \"year\": 2016, \"status\": \"drafting\", \"lead_agencies\": [\"%s\"]}", unodc);
  g_autoptr(JsonObject) paper = icat_test_object (json);
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  GListModel *years = adw_combo_row_get_model (ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "year")));

  show_year (f, 2016);
  /* A record saved anywhere shows in the preview a moment later. */
  id = icat_store_save (f->store, "paper", paper, &error);
  g_assert_no_error (error);
  icat_test_wait_until (preview_busy, f, NULL, 30);
  icat_test_wait_until (preview_ready, f, NULL, 30);
  /* Print… draws the preview's pages: here into a PDF, as the print
   * dialog's "Print to File" would. */
  g_assert_true (_icat_work_plan_view_print_to_file (f->view, printed, &error));
  g_assert_no_error (error);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "2016"));
  g_assert_nonnull (strstr (text, "Zebrafinch"));

  /* Off screen, changes wait until the section shows again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "papers"));
  icat_test_wait_until (view_hidden, f, NULL, 30);
  json_object_set_string_member (paper, "id", id);
  json_object_set_int_member (paper, "year", 2017);
  g_free (icat_store_save (f->store, "paper", paper, &error));
  g_assert_no_error (error);
  g_assert_false (icat_work_plan_view_get_busy (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "work-plan"));
  g_assert_true (icat_work_plan_view_get_busy (f->view));
  icat_test_wait_until (preview_ready, f, NULL, 30);
  g_assert_true (_icat_work_plan_view_print_to_file (f->view, printed, &error));
  g_free (text);
  text = pdf_text (printed);
  g_assert_null (strstr (text, "Zebrafinch"));

  /* A year that had nothing in it joins the choices, in order. */
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"Plan the 2041 appraisal\", \"owner\": \"%s\", \"due\": \"2041-06-30\","
                          " \"status\": \"open\"}", unodc);
  item = icat_test_object (json);
  g_free (id);
  id = icat_store_save (f->store, "action_item", item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 0), ==, "2041");
  g_assert_cmpint (icat_work_plan_view_get_year (f->view), ==, 2016);
  icat_test_wait_until (preview_ready, f, NULL, 30);
}

static void
test_live (void)
{
  run_app (live_test);
}

static void
status_test (Fixture *f)
{
  AdwComboRow *status = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "status"));
  GtkWidget *endorsed_on = icat_test_find_named (GTK_WIDGET (f->view), "endorsed-on");
  GtkWidget *summary = icat_test_find_named (GTK_WIDGET (f->view), "summary");
  g_autoptr(JsonObject) plan = NULL;

  show_year (f, 2016);
  g_assert_null (stored_plan (f, 2016));
  g_assert_false (gtk_widget_get_visible (endorsed_on));

  /* Endorsed, with a date: the year's record is made with both. */
  adw_combo_row_set_selected (status, 1);
  g_assert_true (gtk_widget_get_visible (endorsed_on));
  gtk_editable_set_text (GTK_EDITABLE (endorsed_on), "2015-12-10");
  icat_test_wait_until (plan_endorsed_on, f, "2015-12-10", 30);
  plan = stored_plan (f, 2016);
  g_assert_cmpint (json_object_get_int_member (plan, "year"), ==, 2016);
  /* The toolbar says so once the store has told the view. */
  icat_test_wait_until (label_starts, f, "2016 · Endorsed by the Working Group on 10 Dec 2015 · ", 30);
  icat_test_wait_until (preview_ready, f, NULL, 30);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (summary)), " pages"));

  /* At a meeting: the third choice, after "Not recorded" and the newest meeting. */
  {
    AdwComboRow *endorsed_at = ADW_COMBO_ROW (icat_test_find_named (GTK_WIDGET (f->view), "endorsed-at"));
    IcatRecord *meeting;

    adw_combo_row_set_selected (endorsed_at, 2);
    meeting = ICAT_RECORD (adw_combo_row_get_selected_item (endorsed_at));
    icat_test_wait_until (plan_endorsed_at, f, icat_record_get_id (meeting), 30);
    /* Shown again when the year comes back: found by its place in the list. */
    show_year (f, 2015);
    g_assert_cmpuint (adw_combo_row_get_selected (endorsed_at), ==, 0);
    show_year (f, 2016);
    g_assert_cmpuint (adw_combo_row_get_selected (endorsed_at), ==, 2);
  }

  /* A date that is no date is marked and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (endorsed_on), "2015-13-45");
  g_assert_true (gtk_widget_has_css_class (endorsed_on, "error"));
  icat_test_wait_saved (f->store);
  g_assert_true (plan_endorsed_on (f, "2015-12-10"));

  /* Back to draft: the endorsement goes with it, and it is still one record. */
  adw_combo_row_set_selected (status, 0);
  icat_test_wait_until (plan_is_draft, f, NULL, 30);
  icat_test_wait_until (label_starts, f, "2016 · Draft · ", 30);
  g_clear_pointer (&plan, json_object_unref);
  plan = stored_plan (f, 2016);
  g_assert_null (icat_json_get_string (plan, "endorsed_on"));
  g_assert_false (gtk_widget_get_visible (endorsed_on));

  /* Another year has its own plan, still a draft with no record. */
  show_year (f, 2015);
  g_assert_null (stored_plan (f, 2015));
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 0);
}

static void
test_status (void)
{
  run_app (status_test);
}

static void
export_test (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "ICAT work plan 2016.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no such folder", "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *text = NULL;

  show_year (f, 2016);
  /* What Export PDF… does once the user has chosen the file. */
  icat_work_plan_view_export_pdf (f->view, file);
  icat_test_wait_until (toast_shown, f, "Work plan saved as “ICAT work plan 2016.pdf”", 30);
  g_assert_true (file_exists (f, path));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "2016"));

  icat_work_plan_view_export_pdf (f->view, bad_file);
  icat_test_wait_until (toast_shown, f, "The work plan could not be saved: ", 30);
  g_assert_false (file_exists (f, bad));

  /* Not over the database, however the file chooser names it. */
  {
    const char *database = icat_store_get_path (f->store);
    g_autoptr(GFile) database_file = g_file_new_for_path (database);
    g_autofree char *refused = g_strdup_printf ("The work plan could not be saved: Cannot write “%s”: it is the database",
                                                database);
    g_autofree char *before = icat_test_export (f->store);
    g_autofree char *after = NULL;
    g_autofree char *head = NULL;

    icat_work_plan_view_export_pdf (f->view, database_file);
    icat_test_wait_until (toast_shown, f, refused, 30);
    g_assert_true (g_file_get_contents (database, &head, NULL, NULL));
    g_assert_true (g_str_has_prefix (head, "SQLite format 3"));
    after = icat_test_export (f->store);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_export (void)
{
  run_app (export_test);
}

/* A file of the user's keeps its mode (records can hold contacts), and
 * the database itself is refused however the chooser names it. */
static void
meeting_record_file_rules (Fixture    *f,
                           const char *meeting_id)
{
  g_autofree char *private = g_build_filename (f->dir, "private.pdf", NULL);
  g_autoptr(GFile) private_file = g_file_new_for_path (private);
  g_autoptr(GFile) database = g_file_new_for_path (icat_store_get_path (f->store));
  g_autofree char *before = icat_test_export (f->store);
  g_autofree char *after = NULL;
  g_autofree char *head = NULL;
  GStatBuf buf;

  g_assert_true (g_file_set_contents (private, "older", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  _icat_window_set_document_file (f->window, private_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", meeting_id));
  icat_test_wait_until (toast_shown, f, "Meeting record saved as “private.pdf”", 30);
  g_assert_cmpint (g_stat (private, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 07777, ==, 0600);
  g_assert_cmpuint (buf.st_size, >, 1000);

  _icat_window_set_document_file (f->window, database);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", meeting_id));
  icat_test_wait_until (toast_shown, f, "The meeting record could not be saved: ", 30);
  g_assert_true (g_file_get_contents (icat_store_get_path (f->store), &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "SQLite format 3"));
  after = icat_test_export (f->store);
  g_assert_cmpstr (before, ==, after);
  _icat_window_set_document_file (f->window, NULL);
}

static void
meeting_record_test (Fixture *f)
{
  g_autofree char *briefing = meeting_starting (f->store, "2015-01");
  g_autofree char *path = g_build_filename (f->dir, "briefing.pdf", NULL);
  g_autofree char *unknown = g_build_filename (f->dir, "unknown.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unknown_file = g_file_new_for_path (unknown);
  g_autofree char *text = NULL;

  _icat_window_set_document_file (f->window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", briefing));
  icat_test_wait_until (toast_shown, f, "Meeting record saved as “briefing.pdf”", 30);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "New York"));

  /* An unknown meeting is reported before any file is asked for. */
  _icat_window_set_document_file (f->window, unknown_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s",
                                             "00000000-0000-0000-0000-000000000000"));
  icat_test_wait_until (toast_shown, f, "The meeting record could not be made: ", 30);
  g_assert_false (file_exists (f, unknown));
  _icat_window_set_document_file (f->window, NULL);
  meeting_record_file_rules (f, briefing);
}

static void
test_meeting_record (void)
{
  run_app (meeting_record_test);
}

/* Windows closed while their record is written; each one's finalization
 * counts itself, on the main thread or elsewhere. */
#define CLOSED_WINDOWS 8

typedef struct {
  guint on_main_thread;
  guint elsewhere;
} Finalized;

static Finalized closed_windows;
static GThread *main_thread;

/* Data of the window's, freed when it is finalized: a weak reference is
 * told at its destruction already. */
static void
closed_window_finalized (gpointer data)
{
  if (g_thread_self () == main_thread)
    g_atomic_int_inc (&closed_windows.on_main_thread);
  else
    g_atomic_int_inc (&closed_windows.elsewhere);
}

static gboolean
closed_windows_finalized (Fixture       *f,
                          gconstpointer  data)
{
  return g_atomic_int_get (&closed_windows.on_main_thread) + g_atomic_int_get (&closed_windows.elsewhere)
         == CLOSED_WINDOWS;
}

/* Windows closed at once after asking for a record: each record is still
 * written, and each window, whose last reference the writing held, goes on
 * the main thread (a GtkWindow finalized on the worker's is a crash waiting
 * to happen), with no critical about its toast. Several, for the worker
 * and the main thread race to let the writing go; the worker nearly always
 * wins that race, and tests/gdb-hold-task-worker.py makes it lose. */
static void
record_window_closed_test (Fixture *f)
{
  g_autofree char *briefing = meeting_starting (f->store, "2015-01");

  main_thread = g_thread_self ();
  for (guint i = 0; i < CLOSED_WINDOWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("closed-%u.pdf", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      IcatWindow *second = icat_window_new (ICAT_APPLICATION (g_application_get_default ()));

      g_object_set_data_full (G_OBJECT (second), "test-finalized", second, closed_window_finalized);
      _icat_window_set_document_file (second, file);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.export-meeting-record", "s", briefing));
      gtk_window_destroy (GTK_WINDOW (second));
    }
  icat_test_wait_until (closed_windows_finalized, f, NULL, 60);
  g_assert_cmpuint (closed_windows.elsewhere, ==, 0);
  for (guint i = 0; i < CLOSED_WINDOWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("closed-%u.pdf", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *text = pdf_text (path);

      g_assert_nonnull (strstr (text, "New York"));
    }
}

static void
test_record_window_closed (void)
{
  run_app (record_window_closed_test);
}

/* The sections the user leaves out {{{ */

static void
sections_flags_test (void)
{
  const char * const timeline[] = { "timeline", NULL };
  const char * const record[] = { "decisions", "attendance", "timeline", "no-such-section", "", NULL };
  const char * const none[] = { NULL };

  g_assert_cmpint (icat_document_sections_flags (icat_work_plan_sections, NULL), ==, ICAT_EXPORT_DEFAULT);
  g_assert_cmpint (icat_document_sections_flags (icat_work_plan_sections, none), ==, ICAT_EXPORT_DEFAULT);
  g_assert_cmpint (icat_document_sections_flags (icat_work_plan_sections, timeline), ==, ICAT_EXPORT_OMIT_TIMELINE);
  /* A name of the other document's sections leaves nothing out here. */
  g_assert_cmpint (icat_document_sections_flags (icat_meeting_record_sections, timeline), ==, ICAT_EXPORT_DEFAULT);
  g_assert_cmpint (icat_document_sections_flags (icat_meeting_record_sections, record), ==,
                   ICAT_EXPORT_OMIT_DECISIONS | ICAT_EXPORT_OMIT_ATTENDANCE);
}

static gboolean
text_has (const char *text,
          const char *part)
{
  return strstr (text, part) != NULL;
}

/* The timeline switched off: remembered, gone from the preview and the PDF,
 * the activities still there; a view opened afterwards shows it off. */
static void
work_plan_sections_test (Fixture *f)
{
  GtkWidget *timeline_row = icat_test_find_named (GTK_WIDGET (f->view), "timeline");
  GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (timeline_row));
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) omitted = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkWidget) reopened = NULL;
  guint n_pages;

  show_year (f, 2016);
  n_pages = icat_work_plan_view_get_n_pages (f->view);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);  /* as a click on it does */
  g_assert_true (icat_work_plan_view_get_busy (f->view));
  icat_test_wait_until (preview_ready, f, NULL, 30);
  g_assert_cmpuint (icat_work_plan_view_get_n_pages (f->view), <, n_pages);
  omitted = g_settings_get_strv (f->settings, "work-plan-omitted-sections");
  g_assert_cmpstrv (omitted, ((const char * const[]) { "timeline", NULL }));

  icat_work_plan_view_export_pdf (f->view, file);
  icat_test_wait_until (toast_shown, f, "Work plan saved as “plan.pdf”", 30);
  text = pdf_text (path);
  g_assert_false (text_has (text, "Timeline of the year"));
  g_assert_true (text_has (text, "Work plan 2016"));
  g_assert_true (text_has (text, "Prevention"));  /* a pillar of the activities */
  g_assert_true (text_has (text, "Status"));  /* the activities' table */

  reopened = g_object_ref_sink (icat_work_plan_view_new (f->store, f->settings));
  timeline_row = icat_test_find_named (reopened, "timeline");
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (timeline_row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (icat_test_find_named (reopened, "activities")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
}

static void
test_work_plan_sections (void)
{
  run_app (work_plan_sections_test);
}

/* In the file chooser of a meeting record, the attendance left out: the
 * record has no attendance but its agenda, and the next record (no chooser
 * asked) leaves it out too. */
static void
meeting_record_sections_test (Fixture *f)
{
  g_autofree char *briefing = meeting_starting (f->store, "2015-01");
  g_autofree char *path = g_build_filename (f->dir, "record.pdf", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.pdf", NULL);
  g_autoptr(GFile) again_file = g_file_new_for_path (again);
  GtkFileChooser *chooser;
  g_auto(GStrv) omitted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", briefing));
  chooser = icat_test_wait_file_chooser ();
  for (guint i = 0; icat_meeting_record_sections[i].name != NULL; i++)
    g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, icat_meeting_record_sections[i].name), ==, "true");
  /* What the user does: unticks Attendance, names the file, presses Export. */
  gtk_file_chooser_set_choice (chooser, "attendance", "false");
  icat_test_accept_file_chooser (chooser, path);
  icat_test_wait_until (toast_shown, f, "Meeting record saved as “record.pdf”", 30);
  omitted = g_settings_get_strv (f->settings, "meeting-record-omitted-sections");
  g_assert_cmpstrv (omitted, ((const char * const[]) { "attendance", NULL }));
  text = pdf_text (path);
  g_assert_false (text_has (text, "Attendance"));
  g_assert_false (text_has (text, "Delegates"));
  g_assert_true (text_has (text, "Agenda and minutes"));
  g_assert_true (text_has (text, "New York"));

  _icat_window_set_document_file (f->window, again_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", briefing));
  icat_test_wait_until (toast_shown, f, "Meeting record saved as “again.pdf”", 30);
  text_again = pdf_text (again);
  g_assert_false (text_has (text_again, "Attendance"));
  g_assert_true (text_has (text_again, "Agenda and minutes"));
}

static void
test_meeting_record_sections (void)
{
  run_app (meeting_record_sections_test);
}

/* Export PDF… in another language than the app's: the chooser offers the
 * app's language first, and the plan chosen in Chinese is written in
 * Chinese (by icat-tracker-cli) while the app, and its toast, stay in
 * English. */
static void
work_plan_language_test (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "plan-zh.pdf", NULL);
  GtkFileChooser *chooser;
  g_autofree char *text = NULL;

  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  show_year (f, 2016);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "work-plan.export", NULL));
  chooser = icat_test_wait_file_chooser ();
  /* What the user does: picks 中文 in Language's drop-down. */
  icat_test_choose_document_language (chooser, "zh_CN");
  icat_test_accept_file_chooser (chooser, path);
  icat_test_wait_until (toast_shown, f, "Work plan saved as “plan-zh.pdf”", 60);
  text = pdf_text (path);
  if (!text_has (text, "2016年工作计划"))
    g_error ("Not in Chinese: %s", text);
  g_assert_false (text_has (text, "Work plan 2016"));
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
}

static void
test_work_plan_language (void)
{
  run_app (work_plan_language_test);
}

/* The meeting record chosen in French from the English app: French
 * headings, the section unticked left out (icat-tracker-cli --omit), and
 * the toast in English. */
static void
meeting_record_language_test (Fixture *f)
{
  g_autofree char *briefing = meeting_starting (f->store, "2015-01");
  g_autofree char *path = g_build_filename (f->dir, "record-fr.pdf", NULL);
  GtkFileChooser *chooser;
  g_autofree char *text = NULL;

  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", briefing));
  chooser = icat_test_wait_file_chooser ();
  icat_test_choose_document_language (chooser, "fr");
  gtk_file_chooser_set_choice (chooser, "decisions", "false");
  icat_test_accept_file_chooser (chooser, path);
  icat_test_wait_until (toast_shown, f, "Meeting record saved as “record-fr.pdf”", 60);
  text = pdf_text (path);
  if (!text_has (text, "Ordre du jour et procès-verbal") || !text_has (text, "Présences"))
    g_error ("Not in French: %s", text);
  g_assert_false (text_has (text, "Agenda and minutes"));
  g_assert_false (text_has (text, "Attendance"));
  g_assert_false (text_has (text, "Décisions"));
  g_assert_true (text_has (text, "New York"));
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
}

static void
test_meeting_record_language (void)
{
  run_app (meeting_record_language_test);
}

/* icat-tracker-cli fails, speaking French (the meeting deleted while the
 * file chooser was open): the toast says so in the app's English, and no
 * file is written. */
static void
meeting_record_language_failure_test (Fixture *f)
{
  g_autofree char *briefing = meeting_starting (f->store, "2015-01");
  g_autofree char *path = g_build_filename (f->dir, "gone.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-meeting-record", "s", briefing));
  chooser = icat_test_wait_file_chooser ();
  icat_test_choose_document_language (chooser, "fr");
  g_assert_true (icat_store_delete (f->store, "meeting", briefing, &error));
  g_assert_no_error (error);
  icat_test_wait_saved (f->store);
  icat_test_accept_file_chooser (chooser, path);
  icat_test_wait_until (toast_shown, f,
                        "The meeting record could not be saved: icat-tracker-cli could not write it in Français", 60);
  g_assert_false (icat_test_shows_label (GTK_WIDGET (f->window), "Aucune"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
}

static void
test_meeting_record_language_failure (void)
{
  run_app (meeting_record_language_failure_test);
}

/* }}} */

/* The backup from the main menu: a file written over keeps its mode and a
 * link stays a link; the database itself is refused. */
static void
backup_test (Fixture *f)
{
  g_autofree char *target = g_build_filename (f->dir, "backup.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "latest.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  const char *database = icat_store_get_path (f->store);
  g_autoptr(GFile) database_file = g_file_new_for_path (database);
  g_autofree char *expected = icat_test_export (f->store);
  g_autofree char *written = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *written_plain = NULL;
  g_autofree char *expected_plain = NULL;
  GStatBuf buf;

  g_assert_true (g_file_set_contents (target, "older", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("backup.json", link), ==, 0);
  _icat_window_set_document_file (f->window, link_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-backup", NULL));
  icat_test_wait_until (toast_shown, f, "Backup exported", 30);
  g_assert_cmpint (g_lstat (link, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  g_assert_cmpint (g_stat (target, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 07777, ==, 0600);
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  written_plain = g_regex_replace_literal (stamp, written, -1, 0, "", 0, NULL);
  expected_plain = g_regex_replace_literal (stamp, expected, -1, 0, "", 0, NULL);
  g_assert_cmpstr (written_plain, ==, expected_plain);

  _icat_window_set_document_file (f->window, database_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-backup", NULL));
  icat_test_wait_until (toast_shown, f, "Cannot write “", 30);
  g_assert_true (g_file_get_contents (database, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "SQLite format 3"));
  g_clear_pointer (&written, g_free);
  written = icat_test_export (f->store);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_backup (void)
{
  run_app (backup_test);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/work-plan/preview", test_preview);
  g_test_add_func ("/work-plan/live", test_live);
  g_test_add_func ("/work-plan/status", test_status);
  g_test_add_func ("/work-plan/export", test_export);
  g_test_add_func ("/work-plan/meeting-record", test_meeting_record);
  g_test_add_func ("/work-plan/meeting-record-window-closed", test_record_window_closed);
  g_test_add_func ("/work-plan/sections-flags", sections_flags_test);
  g_test_add_func ("/work-plan/sections", test_work_plan_sections);
  g_test_add_func ("/work-plan/meeting-record-sections", test_meeting_record_sections);
  g_test_add_func ("/work-plan/export-language", test_work_plan_language);
  g_test_add_func ("/work-plan/meeting-record-language", test_meeting_record_language);
  g_test_add_func ("/work-plan/meeting-record-language-failure", test_meeting_record_language_failure);
  /* The window's other file: the backup. */
  g_test_add_func ("/work-plan/backup", test_backup);
  return g_test_run ();
}
