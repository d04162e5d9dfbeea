/* test-list-detail.c — the list beside its record, and the editors' chrome
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaflet of a list and a detail page in a window wide enough for both,
 * or narrow enough to fold, and a stand-in for a view that records which
 * record it was asked to show.
 */
#define G_LOG_DOMAIN "test-list-detail"

#include "config.h"

#include <adwaita.h>

#include "icat-editor-chrome.h"
#include "icat-list-detail.h"
#include "icat-record.h"
#include "icat-test-util.h"

typedef struct {
  GtkWindow          *window;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_page;
  GtkListView        *list_view;
  GtkWidget          *separator;
  GtkWidget          *detail_page;
  GListStore         *records;
  GtkSingleSelection *selection;
  IcatListDetail     *list_detail;
  char               *shown;  /* what the stand-in view shows */
  guint               n_shows;
} Fixture;

/* The stand-in view: shows any record but "gone", which no longer exists. */
static void
show_cb (gpointer    view,
         const char *id)
{
  Fixture *f = view;

  f->n_shows++;
  g_free (f->shown);
  f->shown = g_strcmp0 (id, "gone") == 0 ? NULL : g_strdup (id);
}

static const char *
shown_cb (gpointer view)
{
  Fixture *f = view;

  return f->shown;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_label_new ("row"));
}

static GtkWidget *
list_page_new (Fixture *f)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->records = g_list_store_new (ICAT_TYPE_RECORD);
  for (guint i = 0; i < 3; i++)
    {
      const char *ids[] = { "a", "b", "c" };
      g_autoptr(IcatRecord) record = _icat_record_new ("meeting", ids[i], json_object_new ());

      g_list_store_append (f->records, record);
    }
  f->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->records)));
  gtk_single_selection_set_autoselect (f->selection, FALSE);
  gtk_single_selection_set_can_unselect (f->selection, TRUE);
  gtk_single_selection_set_selected (f->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  f->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (f->selection)),
                                                   g_object_ref (factory)));
  gtk_widget_set_size_request (page, 300, -1);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (f->list_view));
  return page;
}

static void
fixture_set_up (Fixture            *f,
                IcatListDetailMode  mode,
                int                 width)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  f->list_page = list_page_new (f);
  f->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  f->detail_page = gtk_label_new ("detail");
  gtk_widget_set_size_request (f->detail_page, 300, -1);
  adw_leaflet_append (f->leaflet, f->list_page);
  adw_leaflet_append (f->leaflet, f->separator);
  adw_leaflet_append (f->leaflet, f->detail_page);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (f->leaflet, f->separator), FALSE);
  if (mode == ICAT_LIST_DETAIL_CLOSE)
    {
      gtk_widget_set_visible (f->separator, FALSE);
      gtk_widget_set_visible (f->detail_page, FALSE);
    }
  gtk_window_set_child (f->window, GTK_WIDGET (f->leaflet));
  gtk_window_set_default_size (f->window, width, 400);
  f->list_detail = icat_list_detail_new (mode, f->leaflet, f->list_page, f->detail_page, f, show_cb, shown_cb);
  icat_list_detail_set_list (f->list_detail, f->list_view);
  icat_list_detail_set_selection (f->list_detail, f->selection);
  icat_list_detail_set_separator (f->list_detail, f->separator);
  gtk_window_present (f->window);
}

/* Until the window is laid out: the leaflet folds (or not) only then. */
static void
wait_for_layout (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + icat_test_timeout (10) * G_USEC_PER_SEC;

  while (gtk_widget_get_width (GTK_WIDGET (f->leaflet)) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Until the leaflet has folded for a page that just showed. */
static void
wait_until_folded (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + icat_test_timeout (10) * G_USEC_PER_SEC;

  while (!adw_leaflet_get_folded (f->leaflet))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list_detail);
  gtk_window_destroy (f->window);
  g_clear_object (&f->selection);
  g_clear_object (&f->records);
  g_free (f->shown);
}

static void
keep_set_up (Fixture       *f,
             gconstpointer  width)
{
  fixture_set_up (f, ICAT_LIST_DETAIL_KEEP, GPOINTER_TO_INT (width));
  wait_for_layout (f);
}

static void
close_set_up (Fixture       *f,
              gconstpointer  width)
{
  fixture_set_up (f, ICAT_LIST_DETAIL_CLOSE, GPOINTER_TO_INT (width));
  wait_for_layout (f);
}

static GtkWidget *
visible_page (Fixture *f)
{
  return adw_leaflet_get_visible_child (f->leaflet);
}

/* Choosing a row shows its record, once: choosing the row of the record
 * already shown (it moved in the list) does not show it again. */
static void
test_selection_opens (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_false (adw_leaflet_get_folded (f->leaflet));
  gtk_single_selection_set_selected (f->selection, 1);
  g_assert_cmpstr (f->shown, ==, "b");
  g_assert_cmpuint (f->n_shows, ==, 1);
  g_assert_true (visible_page (f) == f->detail_page);

  g_free (f->shown);
  f->shown = g_strdup ("c");
  gtk_single_selection_set_selected (f->selection, 2);
  g_assert_cmpuint (f->n_shows, ==, 1);

  /* Nothing chosen is not a record to show. */
  gtk_single_selection_set_selected (f->selection, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (f->n_shows, ==, 1);
  g_assert_cmpstr (f->shown, ==, "c");
}

/* A record that no longer exists shows nothing and leaves the list in front;
 * when the record shown goes, the list comes back. */
static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  icat_list_detail_open (f->list_detail, "gone");
  g_assert_null (f->shown);
  g_assert_cmpuint (f->n_shows, ==, 1);
  g_assert_true (visible_page (f) == f->list_page);

  icat_list_detail_open (f->list_detail, "a");
  g_assert_true (visible_page (f) == f->detail_page);
  icat_list_detail_shown_changed (f->list_detail);
  g_assert_true (visible_page (f) == f->detail_page);
  g_clear_pointer (&f->shown, g_free);
  icat_list_detail_shown_changed (f->list_detail);
  g_assert_true (visible_page (f) == f->list_page);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  icat_list_detail_activate (f->list_detail, G_LIST_MODEL (f->records), 2);
  g_assert_cmpstr (f->shown, ==, "c");
  g_assert_cmpuint (f->n_shows, ==, 1);
  /* Past the end: no row, nothing shown. */
  icat_list_detail_activate (f->list_detail, G_LIST_MODEL (f->records), 3);
  g_assert_cmpuint (f->n_shows, ==, 1);

  /* The list view's own activation (Enter, double click) does the same. */
  g_signal_emit_by_name (f->list_view, "activate", 0);
  g_assert_cmpstr (f->shown, ==, "a");
  g_assert_cmpuint (f->n_shows, ==, 2);
}

/* Folded, "back" brings the list with the focus and unselects the row, so
 * that choosing it again is a change; the record stays shown. */
static void
test_keep_back_folded (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_true (adw_leaflet_get_folded (f->leaflet));
  gtk_single_selection_set_selected (f->selection, 0);
  g_assert_true (visible_page (f) == f->detail_page);

  icat_list_detail_back (f->list_detail);
  g_assert_true (visible_page (f) == f->list_page);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (f->shown, ==, "a");
  g_assert_cmpuint (f->n_shows, ==, 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->list_view)) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->list_view));
}

/* Side by side, "back" unselects nothing. */
static void
test_keep_back_wide (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_false (adw_leaflet_get_folded (f->leaflet));
  gtk_single_selection_set_selected (f->selection, 1);
  icat_list_detail_back (f->list_detail);
  g_assert_true (visible_page (f) == f->list_page);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 1);
  g_assert_cmpstr (f->shown, ==, "b");
}

/* The detail page (and its separator) shows only with a record; folded,
 * going back closes the record. */
static void
test_close_back_folded (Fixture       *f,
                        gconstpointer  data)
{
  /* The list alone fits: the leaflet folds once the detail page shows. */
  g_assert_false (adw_leaflet_get_folded (f->leaflet));
  icat_list_detail_open (f->list_detail, "b");
  g_assert_true (gtk_widget_get_visible (f->detail_page));
  wait_until_folded (f);
  g_assert_true (gtk_widget_get_visible (f->separator));
  g_assert_true (visible_page (f) == f->detail_page);

  icat_list_detail_back (f->list_detail);
  g_assert_null (f->shown);
  g_assert_cmpuint (f->n_shows, ==, 2);
  /* The view says its record changed; the page goes. */
  icat_list_detail_shown_changed (f->list_detail);
  g_assert_false (gtk_widget_get_visible (f->detail_page));
  g_assert_false (gtk_widget_get_visible (f->separator));
  g_assert_true (visible_page (f) == f->list_page);
}

/* Side by side, closing is asked for (a close button, Escape). */
static void
test_close_wide (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_false (adw_leaflet_get_folded (f->leaflet));
  icat_list_detail_open (f->list_detail, "a");
  g_assert_true (gtk_widget_get_visible (f->detail_page));
  icat_list_detail_open (f->list_detail, "gone");
  /* The view had shown nothing for a record that is gone; its page stays
   * until the view says so. */
  g_assert_true (gtk_widget_get_visible (f->detail_page));
  icat_list_detail_open (f->list_detail, "a");
  icat_list_detail_close (f->list_detail);
  g_assert_null (f->shown);
  icat_list_detail_shown_changed (f->list_detail);
  g_assert_false (gtk_widget_get_visible (f->detail_page));
}

static void
test_bind_folded (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GtkWidget) back = g_object_ref_sink (gtk_button_new ());

  icat_list_detail_bind_folded (f->list_detail, back, "visible");
  g_assert_true (gtk_widget_get_visible (back) == adw_leaflet_get_folded (f->leaflet));
  g_assert_true (gtk_widget_get_visible (back) == (GPOINTER_TO_INT (data) < 600));
}

/* Folded, the back button shows and the close button not; each change is
 * reported once. */
static void
test_chrome (void)
{
  g_autoptr(GtkWidget) back = g_object_ref_sink (gtk_button_new ());
  g_autoptr(GtkWidget) close = g_object_ref_sink (gtk_button_new ());
  g_autoptr(GParamSpec) folded = g_param_spec_ref_sink (icat_editor_chrome_folded_param ());

  g_assert_cmpstr (g_param_spec_get_name (folded), ==, "folded");
  g_assert_true (G_IS_PARAM_SPEC_BOOLEAN (folded));
  g_assert_true (folded->flags & G_PARAM_EXPLICIT_NOTIFY);

  gtk_widget_set_visible (back, FALSE);
  g_assert_false (icat_editor_chrome_get_folded (back));
  g_assert_false (icat_editor_chrome_set_folded (back, close, FALSE));
  g_assert_true (icat_editor_chrome_set_folded (back, close, TRUE));
  g_assert_true (icat_editor_chrome_get_folded (back));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_false (gtk_widget_get_visible (close));
  g_assert_false (icat_editor_chrome_set_folded (back, close, TRUE));
  g_assert_true (icat_editor_chrome_set_folded (back, close, FALSE));
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_visible (close));

  /* An editor that cannot be closed has only a back button. */
  g_assert_true (icat_editor_chrome_set_folded (back, NULL, TRUE));
  g_assert_true (gtk_widget_get_visible (back));
}

#define WIDE GINT_TO_POINTER (1000)
#define NARROW GINT_TO_POINTER (360)

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/list-detail/selection-opens", Fixture, WIDE, keep_set_up, test_selection_opens, fixture_tear_down);
  g_test_add ("/list-detail/open-missing", Fixture, WIDE, keep_set_up, test_open_missing, fixture_tear_down);
  g_test_add ("/list-detail/activate", Fixture, WIDE, keep_set_up, test_activate, fixture_tear_down);
  g_test_add ("/list-detail/keep/back-folded", Fixture, NARROW, keep_set_up, test_keep_back_folded, fixture_tear_down);
  g_test_add ("/list-detail/keep/back-wide", Fixture, WIDE, keep_set_up, test_keep_back_wide, fixture_tear_down);
  g_test_add ("/list-detail/close/back-folded", Fixture, NARROW, close_set_up, test_close_back_folded,
              fixture_tear_down);
  g_test_add ("/list-detail/close/wide", Fixture, WIDE, close_set_up, test_close_wide, fixture_tear_down);
  g_test_add ("/list-detail/bind-folded/narrow", Fixture, NARROW, keep_set_up, test_bind_folded, fixture_tear_down);
  g_test_add ("/list-detail/bind-folded/wide", Fixture, WIDE, keep_set_up, test_bind_folded, fixture_tear_down);
  g_test_add_func ("/editor-chrome/folded", test_chrome);
  return g_test_run ();
}
