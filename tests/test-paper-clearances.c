/* test-paper-clearances.c — joint papers cleared agency by agency, in the window
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper editor's Clearances group, the board card's count and the
 * reason asked for when a paper an agency objected to goes to Working
 * Group endorsement; what each checks is read back from the database.
 */
#include "config.h"

#include <string.h>

#include "icat-application.h"
#include "icat-endorsement-reason.h"
#include "icat-paper-clearances.h"
#include "icat-paper-editor.h"
#include "icat-papers-view.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-today.h"
#include "icat-window.h"

typedef struct {
  IcatWindow     *window;
  IcatStore      *store;
  IcatPapersView *view;
  char           *unodc;
  char           *iom;
  char           *ilo;
} Fixture;

typedef void (*ViewTest) (Fixture *f);

/* Helpers {{{ */

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

static JsonObject *
read_paper (Fixture    *f,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *paper = icat_store_read (f->store, "paper", id, &error);

  g_assert_no_error (error);
  return paper;
}

/* The stored clearance of agency on paper id, or NULL. */
static JsonObject *
stored_clearance (Fixture    *f,
                  const char *id,
                  const char *agency)
{
  g_autoptr(JsonObject) paper = read_paper (f, id);
  JsonArray *rows = json_object_get_array_member (paper, "clearances");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, "agency"), agency) == 0)
        return json_object_ref (row);
    }
  return NULL;
}

typedef struct {
  const char *id;
  const char *agency;
  const char *field;
  const char *value;   /* NULL: no such row */
} Expect;

static gboolean
clearance_is (Fixture       *f,
              gconstpointer  data)
{
  const Expect *expect = data;
  g_autoptr(JsonObject) row = stored_clearance (f, expect->id, expect->agency);

  if (row == NULL)
    return expect->value == NULL;
  return g_strcmp0 (icat_json_get_string (row, expect->field), expect->value) == 0;
}

static gboolean
paper_field_is (Fixture       *f,
                gconstpointer  data)
{
  const Expect *expect = data;
  g_autoptr(JsonObject) paper = read_paper (f, expect->id);

  return g_strcmp0 (icat_json_get_string (paper, expect->field), expect->value) == 0;
}

static gboolean
card_says (Fixture       *f,
           gconstpointer  data)
{
  const Expect *expect = data;
  GtkWidget *card = find_card (GTK_WIDGET (f->view), expect->id);
  GtkWidget *label = card ? _icat_paper_card_get_part (card, "clearance") : NULL;

  return label != NULL && gtk_widget_get_visible (label) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), expect->value) == 0;
}

static gboolean
editor_shows (Fixture       *f,
              gconstpointer  id)
{
  return g_strcmp0 (icat_paper_editor_get_paper_id (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view))), id) == 0;
}

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  return icat_test_find_toplevel ("endorsement-reason") != NULL;
}

/* A joint statement in agency review, led by UNODC with IOM and ILO. */
static char *
paper_in_review (Fixture    *f,
                 const char *clearances)
{
  g_autofree char *json = g_strdup_printf ("{\"kind\": \"joint-statement\", \"title\": {\"en\": \"Joint statement on climate\"},"
                                           " \"status\": \"agency-review\", \"lead_agencies\": [\"%s\"],"
                                           " \"contributing_agencies\": [\"%s\", \"%s\"], \"clearances\": %s}",
                                           f->unodc, f->iom, f->ilo, clearances);
  g_autoptr(JsonObject) paper = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, "paper", paper, &error);

  g_assert_no_error (error);
  return id;
}

static void
open_paper (Fixture    *f,
            const char *id)
{
  icat_window_show_record (f->window, "paper", id);
  icat_test_wait_until (editor_shows, f, id, 10);
}

static IcatPaperClearances *
clearances_of (Fixture *f)
{
  return _icat_paper_editor_get_clearances (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)));
}

/* }}} */
/* Running the app {{{ */

static void
app_shown_cb (IcatWindow *window,
              IcatStore  *store,
              gpointer    test)
{
  Fixture f = { .window = window, .store = store };

  f.unodc = icat_test_agency_id (store, "UNODC");
  f.iom = icat_test_agency_id (store, "IOM");
  f.ilo = icat_test_agency_id (store, "ILO");
  f.view = ICAT_PAPERS_VIEW (icat_test_show_section (window, "papers", ICAT_TYPE_PAPERS_VIEW));
  ((ViewTest) test) (&f);
  g_free (f.unodc);
  g_free (f.iom);
  g_free (f.ilo);
}

static void
run_app (ViewTest test)
{
  icat_test_run_app (app_shown_cb, test);
}

/* }}} */
/* Tests {{{ */

/* Each agency writing the paper has a row; choosing a state saves it
 * dated today, a note and a date typed save too, "Not requested" takes
 * the row out, and "Request from All" asks every agency not yet asked. */
static void
editor_test (Fixture *f)
{
  g_autofree char *id = paper_in_review (f, "[]");
  g_autofree char *today = icat_today_string ();
  IcatPaperClearances *clearances;

  open_paper (f, id);
  clearances = clearances_of (f);
  g_assert_cmpuint (gtk_drop_down_get_selected (_icat_paper_clearances_get_state (clearances, f->iom)), ==, 0);

  /* IOM: "Cleared with comments" is item 3 (after "Not requested"). */
  gtk_drop_down_set_selected (_icat_paper_clearances_get_state (clearances, f->iom), 3);
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->iom, "state", "cleared-with-comments" }, 10);
  g_assert_true (clearance_is (f, &(Expect) { id, f->iom, "on", today }));
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_clearances_get_note (clearances, f->iom)), "Add the 2026 figures");
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_clearances_get_date (clearances, f->iom)), "2026-03-04");
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->iom, "note", "Add the 2026 figures" }, 10);
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->iom, "on", "2026-03-04" }, 10);
  /* A date that is none is not saved. */
  gtk_editable_set_text (GTK_EDITABLE (_icat_paper_clearances_get_date (clearances, f->iom)), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_icat_paper_clearances_get_date (clearances, f->iom)), "error"));
  icat_test_wait_saved (f->store);
  g_assert_true (clearance_is (f, &(Expect) { id, f->iom, "on", "2026-03-04" }));
  g_assert_true (clearance_is (f, &(Expect) { id, f->unodc, "state", NULL }));

  /* The others, asked at once. */
  gtk_widget_activate (_icat_paper_editor_get_row (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)), "request-all"));
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->unodc, "state", "requested" }, 10);
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->ilo, "state", "requested" }, 10);
  g_assert_true (clearance_is (f, &(Expect) { id, f->ilo, "on", today }));
  /* IOM's answer stays as it was. */
  g_assert_true (clearance_is (f, &(Expect) { id, f->iom, "state", "cleared-with-comments" }));

  /* Not requested: the row goes. */
  gtk_drop_down_set_selected (_icat_paper_clearances_get_state (clearances, f->ilo), 0);
  icat_test_wait_until (clearance_is, f, &(Expect) { id, f->ilo, "state", NULL }, 10);
  g_assert_true (clearance_is (f, &(Expect) { id, f->unodc, "state", "requested" }));
}

static void
test_editor (void)
{
  run_app (editor_test);
}

/* The card counts from the record the board read, and follows a change. */
static void
card_test (Fixture *f)
{
  g_autofree char *rows = g_strdup_printf ("[{\"agency\": \"%s\", \"state\": \"cleared\"},"
                                           " {\"agency\": \"%s\", \"state\": \"cleared-with-comments\"}]",
                                           f->unodc, f->iom);
  g_autofree char *id = paper_in_review (f, rows);
  g_autofree char *changes = g_strdup_printf ("{\"id\": \"%s\", \"clearances\": [{\"agency\": \"%s\", \"state\": \"cleared\"},"
                                              " {\"agency\": \"%s\", \"state\": \"objected\", \"note\": \"No\"}]}",
                                              id, f->unodc, f->ilo);
  g_autoptr(JsonObject) change = icat_test_object (changes);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  icat_test_wait_until (card_says, f, &(Expect) { id, NULL, NULL, "2 of 3 cleared" }, 10);
  saved = icat_store_save (f->store, "paper", change, &error);
  g_assert_no_error (error);
  icat_test_wait_until (card_says, f, &(Expect) { id, NULL, NULL, "1 of 3 cleared · 1 objected" }, 10);
}

static void
test_card (void)
{
  run_app (card_test);
}

static AdwMessageDialog *
advance_and_wait_for_dialog (Fixture    *f,
                             const char *id)
{
  icat_papers_view_advance (f->view, id);
  icat_test_wait_until (dialog_shown, f, NULL, 10);
  return ADW_MESSAGE_DIALOG (icat_test_find_toplevel ("endorsement-reason"));
}

/* The board's move of a paper an agency objected to asks why: cancelled,
 * the paper stays; with a reason, both are stored. The editor asks alike. */
static void
endorsement_test (Fixture *f)
{
  g_autofree char *rows = g_strdup_printf ("[{\"agency\": \"%s\", \"state\": \"cleared\"},"
                                           " {\"agency\": \"%s\", \"state\": \"objected\", \"note\": \"Out of date\"}]",
                                           f->unodc, f->iom);
  g_autofree char *id = paper_in_review (f, rows);
  g_autofree char *other = paper_in_review (f, rows);
  AdwMessageDialog *dialog;
  GtkWidget *status;

  dialog = advance_and_wait_for_dialog (f, id);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  icat_test_wait_saved (f->store);
  g_assert_true (paper_field_is (f, &(Expect) { id, NULL, "status", "agency-review" }));

  dialog = advance_and_wait_for_dialog (f, id);
  gtk_editable_set_text (_icat_endorsement_reason_get_entry (dialog), "The principals asked for it");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  icat_test_wait_until (paper_field_is, f, &(Expect) { id, NULL, "status", "wg-endorsement" }, 10);
  g_assert_true (paper_field_is (f, &(Expect) { id, NULL, "endorsement_reason", "The principals asked for it" }));

  /* In the editor: the stage stays until the reason is given. */
  open_paper (f, other);
  status = _icat_paper_editor_get_row (ICAT_PAPER_EDITOR (_icat_papers_view_get_editor (f->view)), "status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), 3);
  icat_test_wait_until (dialog_shown, f, NULL, 10);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 2);
  dialog = ADW_MESSAGE_DIALOG (icat_test_find_toplevel ("endorsement-reason"));
  gtk_editable_set_text (_icat_endorsement_reason_get_entry (dialog), "Agreed by e-mail");
  /* Enter in the reason answers and closes the dialog. */
  g_signal_emit_by_name (_icat_endorsement_reason_get_entry (dialog), "activate");
  g_assert_null (icat_test_find_toplevel ("endorsement-reason"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 3);
  icat_test_wait_until (paper_field_is, f, &(Expect) { other, NULL, "status", "wg-endorsement" }, 10);
  g_assert_true (paper_field_is (f, &(Expect) { other, NULL, "endorsement_reason", "Agreed by e-mail" }));
}

static void
test_endorsement (void)
{
  run_app (endorsement_test);
}

/* An objection chosen in the editor counts at once: moving the card on
 * before the autosave has written it asks why, as it does once written,
 * rather than letting the store refuse the move; and an objection just
 * withdrawn there no longer asks. */
static void
pending_objection_test (Fixture *f)
{
  g_autofree char *cleared = g_strdup_printf ("[{\"agency\": \"%s\", \"state\": \"cleared\"}]", f->unodc);
  g_autofree char *objected = g_strdup_printf ("[{\"agency\": \"%s\", \"state\": \"objected\", \"note\": \"Out of date\"}]",
                                               f->iom);
  g_autofree char *id = paper_in_review (f, cleared);
  g_autofree char *other = paper_in_review (f, objected);
  AdwMessageDialog *dialog;

  open_paper (f, id);
  /* IOM objects: "Objected" is item 4 (after "Not requested"). */
  gtk_drop_down_set_selected (_icat_paper_clearances_get_state (clearances_of (f), f->iom), 4);
  g_assert_true (clearance_is (f, &(Expect) { id, f->iom, "state", NULL }));
  dialog = advance_and_wait_for_dialog (f, id);
  gtk_editable_set_text (_icat_endorsement_reason_get_entry (dialog), "Agreed at the plenary");
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  icat_test_wait_until (paper_field_is, f, &(Expect) { id, NULL, "status", "wg-endorsement" }, 10);
  g_assert_true (paper_field_is (f, &(Expect) { id, NULL, "endorsement_reason", "Agreed at the plenary" }));
  g_assert_true (clearance_is (f, &(Expect) { id, f->iom, "state", "objected" }));

  /* IOM's objection withdrawn, not yet written: the move asks nothing. */
  open_paper (f, other);
  gtk_drop_down_set_selected (_icat_paper_clearances_get_state (clearances_of (f), f->iom), 2);
  icat_papers_view_advance (f->view, other);
  g_assert_false (dialog_shown (f, NULL));
  icat_test_wait_until (paper_field_is, f, &(Expect) { other, NULL, "status", "wg-endorsement" }, 10);
  g_assert_false (dialog_shown (f, NULL));
  g_assert_true (clearance_is (f, &(Expect) { other, f->iom, "state", "cleared" }));
  g_assert_true (paper_field_is (f, &(Expect) { other, NULL, "endorsement_reason", NULL }));
}

static void
test_pending_objection (void)
{
  run_app (pending_objection_test);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paper-clearances/editor", test_editor);
  g_test_add_func ("/paper-clearances/card", test_card);
  g_test_add_func ("/paper-clearances/endorsement", test_endorsement);
  g_test_add_func ("/paper-clearances/pending-objection", test_pending_objection);
  return g_test_run ();
}
