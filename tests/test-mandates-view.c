/* test-mandates-view.c — the Mandates section and its coverage map, driven in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the app on a new seeded database, crafts the work it
 * needs through the store, and works the Mandates section through its
 * widgets: the paragraph's linked records open where they live, and the
 * coverage map counts what was crafted.
 */
#include "config.h"

#include <string.h>

#include "icat-action-item-editor.h"
#include "icat-application.h"
#include "icat-coverage-map.h"
#include "icat-format.h"
#include "icat-linked-row.h"
#include "icat-mandates-view.h"
#include "icat-paper-editor.h"
#include "icat-record-list.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

typedef struct {
  IcatWindow       *window;
  IcatStore        *store;
  IcatMandatesView *view;
} Fixture;

typedef void (*ViewTest) (Fixture *f);

/* Helpers {{{ */

/* The row of a linked record, by the record's id. */
static GtkWidget *
find_linked_row (GtkWidget  *root,
                 const char *id)
{
  if (ICAT_IS_LINKED_ROW (root) && g_strcmp0 (icat_linked_row_get_record_id (ICAT_LINKED_ROW (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_linked_row (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows of records of a kind under root. */
static guint
count_linked_rows (GtkWidget  *root,
                   const char *kind)
{
  guint n = ICAT_IS_LINKED_ROW (root) && g_strcmp0 (icat_linked_row_get_kind (ICAT_LINKED_ROW (root)), kind) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_linked_rows (child, kind);
  return n;
}

/* The seed's mandate of a document and paragraph. */
static char *
mandate_id (IcatStore  *store,
            const char *document,
            const char *paragraph)
{
  g_autoptr(IcatRecordList) mandates = icat_record_list_new (store, "mandate");

  icat_record_list_set_filter (mandates, ICAT_FILTER_DOCUMENT, document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (mandates)); i++)
    {
      g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (mandates), i);

      if (g_strcmp0 (icat_record_get_string (mandate, "paragraph"), paragraph) == 0)
        return g_strdup (icat_record_get_id (mandate));
    }
  g_error ("no mandate %s para. %s", document, paragraph);
}

static char *
save (Fixture    *f,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) record = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, kind, record, &error);

  g_assert_no_error (error);
  return id;
}

static char *
save_item (Fixture    *f,
           const char *title,
           const char *owner,
           const char *supporting,
           const char *status,
           const char *mandate)
{
  g_autofree char *json = g_strdup_printf ("{\"title\": \"%s\", \"owner\": \"%s\", \"supporting\": [%s%s%s],"
                                           " \"status\": \"%s\", \"due\": \"2030-06-30\", \"mandates\": [\"%s\"]}",
                                           title, owner, supporting ? "\"" : "", supporting ? supporting : "",
                                           supporting ? "\"" : "", status, mandate);

  return save (f, "action_item", json);
}

/* }}} */
/* Running the app {{{ */

static void
app_shown_cb (IcatWindow *window,
              IcatStore  *store,
              gpointer    test)
{
  Fixture f = { .window = window, .store = store };

  f.view = ICAT_MANDATES_VIEW (icat_test_show_section (window, "mandates", ICAT_TYPE_MANDATES_VIEW));
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
test_short_labels (void)
{
  g_autofree char *resolution = icat_mandate_short_label ("A/RES/72/195", "10");
  g_autofree char *plan = icat_mandate_short_label ("A/RES/64/293", "annex 11");
  g_autofree char *plan_operative = icat_mandate_short_label ("A/RES/64/293", "3");
  g_autofree char *ecosoc = icat_mandate_short_label ("E/RES/2015/23", "7");
  g_autofree char *cop = icat_mandate_short_label ("CTOC/COP resolution 5/2", "16");

  g_assert_cmpstr (resolution, ==, "\u2068" "72/195 ¶10" "\u2069");
  g_assert_cmpstr (plan, ==, "\u2068" "GPA annex 11" "\u2069");
  g_assert_cmpstr (plan_operative, ==, "\u2068" "64/293 ¶3" "\u2069");
  g_assert_cmpstr (ecosoc, ==, "\u2068" "2015/23 ¶7" "\u2069");
  g_assert_cmpstr (cop, ==, "\u2068" "5/2 ¶16" "\u2069");
}

/* Where the character at byte index of a label's text is drawn, from the
 * label's left edge. */
static int
drawn_at (GtkWidget  *label,
          const char *text,
          const char *character)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  PangoRectangle position;

  pango_layout_index_to_pos (layout, (int) (strstr (text, character) - text), &position);
  return MIN (position.x, position.x + position.width);
}

/* In a right-to-left window the label still reads "72/195 ¶10" from the
 * left: 7 before /, / before ¶, ¶ before the paragraph's 1. Without the
 * isolate a right-to-left line shows "10¶ 72/195". */
static void
test_short_label_right_to_left (void)
{
  g_autofree char *label = icat_mandate_short_label ("A/RES/72/195", "10");
  g_autofree char *bare = g_strdup ("72/195 ¶10");
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));

  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (drawn_at (widget, label, "7"), <, drawn_at (widget, label, "/"));
  g_assert_cmpint (drawn_at (widget, label, "/"), <, drawn_at (widget, label, "¶"));
  g_assert_cmpint (drawn_at (widget, label, "¶"), <, drawn_at (widget, label, "10"));
  /* What the isolate prevents: "10¶ 72/195". */
  g_assert_cmpint (drawn_at (widget, bare, "¶"), <, drawn_at (widget, bare, "72"));
  g_object_unref (widget);
}

static gboolean
linked_row_shown (Fixture       *f,
                  gconstpointer  id)
{
  return find_linked_row (GTK_WIDGET (f->view), id) != NULL;
}

static gboolean
action_item_open (Fixture       *f,
                  gconstpointer  id)
{
  GtkWidget *editor = icat_test_find_type (GTK_WIDGET (f->window), ICAT_TYPE_ACTION_ITEM_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (editor) &&
         g_strcmp0 (icat_action_item_editor_get_item_id (ICAT_ACTION_ITEM_EDITOR (editor)), id) == 0;
}

static gboolean
paper_open (Fixture       *f,
            gconstpointer  id)
{
  GtkWidget *editor = icat_test_find_type (GTK_WIDGET (f->window), ICAT_TYPE_PAPER_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (editor) &&
         g_strcmp0 (icat_paper_editor_get_paper_id (ICAT_PAPER_EDITOR (editor)), id) == 0;
}

/* The Action items table has the item's row selected. */
static gboolean
action_item_selected (Fixture       *f,
                      gconstpointer  id)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (icat_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model = gtk_column_view_get_model (table);
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (model);
  g_autoptr(IcatRecord) item = NULL;

  if (gtk_bitset_get_size (chosen) != 1)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_nth (chosen, 0));
  return g_strcmp0 (icat_record_get_id (item), id) == 0;
}

static void
linked_test (Fixture *f)
{
  g_autofree char *mandate = mandate_id (f->store, "A/RES/72/195", "10");
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *item = save_item (f, "Report on para 10 to the General Assembly", unodc, NULL, "open", mandate);
  g_autofree char *paper_json = g_strdup_printf ("{\"kind\": \"report\", \"title\": {\"en\": \"Chairs' report 2030\"},"
                                                 " \"status\": \"drafting\", \"mandates\": [\"%s\"]}", mandate);
  g_autofree char *paper = save (f, "paper", paper_json);
  g_autofree char *meeting_json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group, Vienna\"},"
    " \"starts_at\": \"2030-04-01T08:00:00.000Z\", \"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\","
    " \"agenda\": [{\"id\": \"6a0c4a77-0d8b-4b0e-9a43-2f4f6d0e0b10\", \"position\": 0,"
    " \"title\": \"Preparing the report to the Assembly\", \"mandates\": [\"%s\"]}]}", mandate);
  g_autofree char *meeting = save (f, "meeting", meeting_json);
  g_autofree char *later = NULL;
  GtkWidget *group = _icat_mandates_view_get_linked_group (f->view, "action_item");
  GtkWidget *row;

  icat_window_show_record (f->window, "mandate", mandate);
  g_assert_cmpstr (icat_window_get_section (f->window), ==, "mandates");
  g_assert_cmpstr (_icat_mandates_view_get_mandate_id (f->view), ==, mandate);
  /* Para. 10 asks ICAT to act: it says so, and both texts are there. */
  g_assert_true (gtk_widget_get_visible (_icat_mandates_view_get_part (f->view, "icat-badge")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (_icat_mandates_view_get_part (f->view, "title"))), ==,
                   "A/RES/72/195, para. 10");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (_icat_mandates_view_get_part (f->view, "text-zh"))), "机构间"));
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (_icat_mandates_view_get_part (f->view, "text-en")))), >, 20);

  /* Each linked record has its row. */
  g_assert_nonnull (find_linked_row (group, item));
  g_assert_nonnull (find_linked_row (_icat_mandates_view_get_linked_group (f->view, "paper"), paper));
  row = find_linked_row (_icat_mandates_view_get_linked_group (f->view, "meeting"), meeting);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Preparing the report to the Assembly"));

  /* New work shows up while the paragraph is open. */
  later = save_item (f, "Second item on para 10", unodc, NULL, "in-progress", mandate);
  icat_test_wait_until (linked_row_shown, f, later, 10);
  g_assert_cmpuint (count_linked_rows (group, "action_item"), ==, 2);

  /* Activating the row opens the Action items section on the item. */
  adw_action_row_activate (ADW_ACTION_ROW (find_linked_row (group, item)));
  g_assert_cmpstr (icat_window_get_section (f->window), ==, "action-items");
  icat_test_wait_until (action_item_open, f, item, 10);
  icat_test_wait_until (action_item_selected, f, item, 10);

  /* And a paper opens on the board. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "mandates");
  adw_action_row_activate (ADW_ACTION_ROW (find_linked_row (_icat_mandates_view_get_linked_group (f->view, "paper"), paper)));
  g_assert_cmpstr (icat_window_get_section (f->window), ==, "papers");
  icat_test_wait_until (paper_open, f, paper, 10);
}

static void
test_linked (void)
{
  run_app (linked_test);
}

/* The list shows its first rows until its first frame (icat-first-page.h). */
static gboolean
all_rows_listed (Fixture       *f,
                 gconstpointer  list)
{
  GListModel *rows = gtk_single_selection_get_model (GTK_SINGLE_SELECTION ((gpointer) list));

  return gtk_slice_list_model_get_size (GTK_SLICE_LIST_MODEL (rows)) == G_MAXUINT;
}

static void
filters_test (Fixture *f)
{
  GListModel *list = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (_icat_mandates_view_get_part (f->view, "list"))));
  GtkDropDown *documents = GTK_DROP_DOWN (_icat_mandates_view_get_part (f->view, "document-filter"));
  GtkDropDown *pillars = GTK_DROP_DOWN (_icat_mandates_view_get_part (f->view, "pillar-filter"));
  g_autoptr(IcatRecord) first = NULL;
  g_autofree char *ecosoc_7 = mandate_id (f->store, "E/RES/2015/23", "7");

  g_assert_cmpuint (g_list_model_get_n_items (list), <=, 119);
  icat_test_wait_until (all_rows_listed, f, list, 10);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 119);
  /* In the documents' order: 72/195 first. */
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (icat_record_get_title (first), ==, "A/RES/72/195, para. 1");
  /* ECOSOC 2015/23 has 11 paragraphs. */
  gtk_drop_down_set_selected (documents, 3);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 11);
  /* A pillar narrows it further; a paragraph filtered out is still shown
   * when asked for, with the filters cleared. */
  gtk_drop_down_set_selected (pillars, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), <, 11);
  gtk_drop_down_set_selected (documents, 1);
  icat_mandates_view_show_mandate (f->view, ecosoc_7);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 119);
  g_assert_cmpuint (gtk_drop_down_get_selected (documents), ==, 0);
  g_assert_cmpstr (_icat_mandates_view_get_mandate_id (f->view), ==, ecosoc_7);
}

static void
test_filters (void)
{
  run_app (filters_test);
}

static guint
line_index (GPtrArray  *lines,
            const char *id)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (((IcatCoverageLine *) lines->pdata[i])->id, id) == 0)
      return i;
  g_error ("no line %s", id);
}

static guint
cell (IcatCoverageMap *map,
      const char      *row,
      const char      *column)
{
  IcatCoverage *coverage = icat_coverage_map_get_coverage (map);

  return icat_coverage_get (coverage, line_index (coverage->rows, row), line_index (coverage->columns, column));
}

typedef struct {
  IcatCoverageAxis  axis;
  const char       *row;
  const char       *column;
  guint             count;
} Expect;

/* The map shows the axis asked for, computed and with this count. */
static gboolean
map_counts (Fixture       *f,
            gconstpointer  data)
{
  const Expect *expect = data;
  IcatCoverageMap *map = ICAT_COVERAGE_MAP (_icat_mandates_view_get_coverage_map (f->view));
  IcatCoverage *coverage = icat_coverage_map_get_coverage (map);

  if (icat_coverage_map_get_busy (map) || coverage == NULL)
    return FALSE;
  /* Status columns are named by status; agency columns by id. */
  if ((expect->axis == ICAT_COVERAGE_BY_STATUS) !=
      (g_strcmp0 (((IcatCoverageLine *) coverage->columns->pdata[0])->id, "open") == 0))
    return FALSE;
  return cell (map, expect->row, expect->column) == expect->count;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* How many labels below root show text, on screen. */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
            gtk_widget_get_mapped (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static gboolean
coverage_counted (Fixture       *f,
                  gconstpointer  data)
{
  IcatCoverageMap *map = ICAT_COVERAGE_MAP (_icat_mandates_view_get_coverage_map (f->view));

  return !icat_coverage_map_get_busy (map) && icat_coverage_map_get_coverage (map) != NULL;
}

/* The papers of the seed that answer mandates, unlinked: what is left
 * has no work linked to a mandate. */
static void
unlink_seed_papers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open (icat_store_get_path (f->store), ICAT_DB_READ_ONLY, NULL, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = icat_db_prepare (db, "SELECT DISTINCT owner_id FROM paper_mandates", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_assert_cmpuint (ids->len, >, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) unlinked = json_object_new ();
      g_autofree char *saved = NULL;

      json_object_set_string_member (unlinked, "id", ids->pdata[i]);
      json_object_set_array_member (unlinked, "mandates", json_array_new ());
      saved = icat_store_save (f->store, "paper", unlinked, &error);
      g_assert_no_error (error);
    }
}

/* Without work linked to a mandate (the seed's papers unlinked), the most
 * any cell counts is one item, said once, not "1 item ▒▒▒ 1 item". */
static void
legend_of_one_test (Fixture *f)
{
  unlink_seed_papers (f);
  icat_mandates_view_set_page (f->view, "coverage");
  icat_test_wait_until (coverage_counted, f, NULL, 10);
  g_assert_cmpuint (icat_coverage_map_get_coverage (ICAT_COVERAGE_MAP (_icat_mandates_view_get_coverage_map (f->view)))->max_count,
                    <=, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "1 item"), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (f->view), "No open or completed work"));
}

static void
test_legend_of_one (void)
{
  run_app (legend_of_one_test);
}

static void
coverage_test (Fixture *f)
{
  g_autofree char *mandate = mandate_id (f->store, "A/RES/64/293", "annex 11");
  g_autofree char *other = mandate_id (f->store, "A/RES/72/195", "1");
  g_autofree char *unodc = icat_test_agency_id (f->store, "UNODC");
  g_autofree char *iom = icat_test_agency_id (f->store, "IOM");
  g_autofree char *ilo = icat_test_agency_id (f->store, "ILO");
  g_autofree char *open_item = save_item (f, "Open item", unodc, iom, "open", mandate);
  g_autofree char *done_item = save_item (f, "Done item", unodc, NULL, "done", mandate);
  g_autofree char *later = NULL;
  IcatCoverageMap *map = ICAT_COVERAGE_MAP (_icat_mandates_view_get_coverage_map (f->view));
  IcatCoverage *coverage;
  IcatCoverageLine *row;
  g_autofree char *summary = NULL;
  GtkWidget *summary_label;

  icat_mandates_view_set_page (f->view, "coverage");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
  icat_test_wait_until (map_counts, f, &(Expect) { ICAT_COVERAGE_BY_AGENCY, mandate, unodc, 2 }, 10);
  coverage = icat_coverage_map_get_coverage (map);
  g_assert_cmpuint (coverage->rows->len, ==, 119);
  g_assert_cmpuint (cell (map, mandate, iom), ==, 1);
  g_assert_cmpuint (cell (map, mandate, ilo), ==, 0);
  g_assert_cmpuint (cell (map, other, unodc), ==, 0);
  row = coverage->rows->pdata[line_index (coverage->rows, mandate)];
  g_assert_true (row->for_icat);
  g_assert_cmpuint (row->open, ==, 1);
  g_assert_cmpuint (row->completed, ==, 1);
  /* The crafted paragraph has work, and the six the seed's papers answer
   * (GPA para 5 and annex 60, 72/195 paras 5, 21 and 22, 2015/23 para 5);
   * the seed has no action items. */
  g_assert_cmpuint (icat_coverage_count_without_work (coverage), ==, 112);
  summary_label = _icat_mandates_view_get_part (f->view, "summary");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary_label)), ==,
                   "112 of 119 mandates have no open or completed work");
  /* The legend's scale says what both its ends count: up to the seed's
   * three Global Reports, UNODC's, under 72/195 para 21. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "1 item"), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (f->view), "3 items"));

  /* By state of work. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (_icat_mandates_view_get_part (f->view, "by-status")), TRUE);
  icat_test_wait_until (map_counts, f, &(Expect) { ICAT_COVERAGE_BY_STATUS, mandate, "open", 1 }, 10);
  g_assert_cmpuint (cell (map, mandate, "done"), ==, 1);
  g_assert_cmpuint (cell (map, mandate, "in-progress"), ==, 0);

  /* A change anywhere is counted again. */
  later = save_item (f, "Item in progress", iom, NULL, "in-progress", mandate);
  icat_test_wait_until (map_counts, f, &(Expect) { ICAT_COVERAGE_BY_STATUS, mandate, "in-progress", 1 }, 10);
  summary = g_strdup (gtk_label_get_label (GTK_LABEL (summary_label)));
  g_assert_cmpstr (summary, ==, "112 of 119 mandates have no open or completed work");
}

static void
test_coverage (void)
{
  run_app (coverage_test);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mandates/short-labels", test_short_labels);
  g_test_add_func ("/mandates/short-label/right-to-left", test_short_label_right_to_left);
  g_test_add_func ("/mandates/linked", test_linked);
  g_test_add_func ("/mandates/filters", test_filters);
  g_test_add_func ("/mandates/coverage", test_coverage);
  g_test_add_func ("/mandates/coverage/legend-of-one", test_legend_of_one);
  return g_test_run ();
}
