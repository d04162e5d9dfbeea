/* test-agencies-view.c — the Agencies and chairs section, driven as a person would
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-agencies-view.h"
#include "icat-agency-editor.h"
#include "icat-chair-rotation.h"
#include "icat-format.h"
#include "icat-nested-id.h"
#include "icat-record-list.h"
#include "icat-schema.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"

typedef struct {
  char              *dir;
  IcatStore         *store;
  GSettings         *settings;
  GtkWidget         *window;
  IcatAgenciesView  *view;
  IcatAgencyEditor  *editor;
  IcatChairRotation *rotation;
  GPtrArray         *toasts;   /* what the window would have shown */
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* The n-th widget named name under root, depth first. */
static GtkWidget *
find_nth_named (GtkWidget  *root,
                const char *name,
                guint      *n)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && (*n)-- == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_named (child, name, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  guint n = 0;
  GtkWidget *found = find_nth_named (root, name, &n);

  g_assert_nonnull (found);
  return found;
}

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          Fixture       *f)
{
  /* In the log as it happens, so a wait that times out shows why. */
  g_test_message ("toast: %s", g_variant_get_string (parameter, NULL));
  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

/* Fixture data: leave the Chair Rotation page unmade until it is shown. */
#define ROTATION_WHEN_SHOWN "rotation-when-shown"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const char * const names[] = { "toast", "toast-undo" };

  f->dir = icat_test_tmpdir_new ();
  f->store = icat_test_store_new (f->dir, NULL);
  f->settings = g_settings_new (APP_ID);
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (toast_cb), f);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  f->view = ICAT_AGENCIES_VIEW (icat_agencies_view_new (f->store, f->settings));
  f->editor = ICAT_AGENCY_EDITOR (_icat_agencies_view_get_editor (f->view));
  if (g_strcmp0 (data, ROTATION_WHEN_SHOWN) != 0)
    f->rotation = ICAT_CHAIR_ROTATION (_icat_agencies_view_get_rotation (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GPtrArray *watched = icat_test_watch_widgets (f->window);

  g_assert_cmpuint (watched->len, >=, 2);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* Edits flushed on the way out are written; their answers come back. */
  icat_test_wait_saved (f->store);
  /* The view and its editor went with the window. */
  icat_test_assert_finalized (watched);
  icat_test_finalize_store (f->store);
  g_settings_reset (f->settings, "rotation-order");
  g_settings_reset (f->settings, "rotation-skip-years");
  g_settings_reset (f->settings, "rotation-co-chairs");
  g_settings_reset (f->settings, "rotation-pair");
  g_clear_object (&f->settings);
  g_ptr_array_unref (f->toasts);
  icat_test_tmpdir_free (f->dir);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The status of an agency in a year, without a display */

static void
test_status (void)
{
  g_autoptr(JsonObject) unifem = icat_test_object (
    "{\"memberships\": [{\"role\": \"member\", \"from\": \"2006\", \"to\": \"2011-01-01\"}]}");
  g_autoptr(JsonObject) unodc = icat_test_object (
    "{\"memberships\": [{\"role\": \"member\", \"from\": \"2006\"}, {\"role\": \"coordinator\", \"from\": \"2006\"},"
    " {\"role\": \"working-group\", \"from\": \"2015-01\"}]}");
  g_autoptr(JsonObject) osce = icat_test_object (
    "{\"memberships\": [{\"role\": \"partner\", \"from\": \"2016\"}, {\"role\": \"member\", \"from\": \"2019\"}]}");
  g_autoptr(JsonObject) resting = icat_test_object (
    "{\"memberships\": [{\"role\": \"member\", \"from\": \"2006\", \"to\": \"2020-06-30\"},"
    " {\"role\": \"inactive-member\", \"from\": \"2020-07-01\"}]}");
  g_autoptr(JsonObject) none = icat_test_object ("{\"memberships\": null}");
  gboolean working_group = TRUE;

  g_assert_cmpint (icat_agency_status_on (unifem, "2005", NULL), ==, ICAT_AGENCY_STATUS_NONE);
  g_assert_cmpint (icat_agency_status_on (unifem, "2010-12-31", NULL), ==, ICAT_AGENCY_STATUS_MEMBER);
  /* A year asks about any day of it: UNIFEM was a member on 1 January 2011. */
  g_assert_cmpint (icat_agency_status_on (unifem, "2011", NULL), ==, ICAT_AGENCY_STATUS_MEMBER);
  g_assert_cmpint (icat_agency_status_on (unifem, "2011-01-02", &working_group), ==, ICAT_AGENCY_STATUS_FORMER_MEMBER);
  g_assert_false (working_group);

  g_assert_cmpint (icat_agency_status_on (unodc, "2014", &working_group), ==, ICAT_AGENCY_STATUS_COORDINATOR);
  g_assert_false (working_group);
  g_assert_cmpint (icat_agency_status_on (unodc, "2015-03-01", &working_group), ==, ICAT_AGENCY_STATUS_COORDINATOR);
  g_assert_true (working_group);

  g_assert_cmpint (icat_agency_status_on (osce, "2017", NULL), ==, ICAT_AGENCY_STATUS_PARTNER);
  g_assert_cmpint (icat_agency_status_on (osce, "2020", NULL), ==, ICAT_AGENCY_STATUS_MEMBER);
  g_assert_cmpint (icat_agency_status_on (resting, "2020-06-30", NULL), ==, ICAT_AGENCY_STATUS_MEMBER);
  g_assert_cmpint (icat_agency_status_on (resting, "2021", NULL), ==, ICAT_AGENCY_STATUS_INACTIVE_MEMBER);
  g_assert_cmpint (icat_agency_status_on (none, "2021", NULL), ==, ICAT_AGENCY_STATUS_NONE);
  g_assert_cmpstr (icat_format_agency_status (ICAT_AGENCY_STATUS_INACTIVE_MEMBER), ==, "Inactive member");
}

/* Reading back what was saved */

static JsonObject *
read_record (Fixture    *f,
             const char *kind,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *record = icat_store_read (f->store, kind, id, &error);

  g_assert_no_error (error);
  return record;
}

static JsonArray *
array_member (JsonObject *object,
              const char *field)
{
  JsonNode *node = json_object_get_member (object, field);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *field)
{
  return json_object_get_string_member_with_default (object, field, NULL);
}

static char *
open_agency (Fixture    *f,
             const char *acronym)
{
  char *id = icat_test_agency_id (f->store, acronym);

  icat_agencies_view_show_agency (f->view, id);
  g_assert_cmpstr (icat_agency_editor_get_agency_id (f->editor), ==, id);
  return id;
}

typedef struct {
  const char *id;
  const char *to;
} EndedRole;

static gboolean
first_role_ends (Fixture       *f,
                 gconstpointer  data)
{
  const EndedRole *expected = data;
  g_autoptr(JsonObject) agency = read_record (f, "agency", expected->id);
  JsonArray *memberships = array_member (agency, "memberships");
  JsonObject *first = json_array_get_object_element (memberships, 0);

  return g_strcmp0 (string_member (first, "role"), "member") == 0 &&
         g_strcmp0 (string_member (first, "from"), "2006") == 0 &&
         g_strcmp0 (string_member (first, "to"), expected->to) == 0;
}

static gboolean
is_inactive_today (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) agency = read_record (f, "agency", data);
  g_autofree char *date = today ();

  return icat_agency_status_on (agency, date, NULL) == ICAT_AGENCY_STATUS_INACTIVE_MEMBER;
}

/* Ctrl+Z in a field undoes typing there, and never brings back the text
 * of the agency shown before. */
static void
test_undo_stays_with_agency (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *ilo = open_agency (f, "ILO");
  g_autofree char *iom = NULL;
  GtkWidget *name = find_named (GTK_WIDGET (f->editor), "name-en");
  GtkWidget *text = icat_test_find_type (name, GTK_TYPE_TEXT);
  int end = strlen ("International Labour Organization");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "International Labour Organization");
  gtk_editable_insert_text (GTK_EDITABLE (name), " (ILO)", -1, &end);
  iom = open_agency (f, "IOM");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "International Organization for Migration");
  gtk_widget_activate_action (text, "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "International Organization for Migration");
}

/* The successor's row names it in full under the acronym, as the owner of
 * an action item is shown; an agency without one gets the explanation. */
static void
test_successor_named (Fixture       *f,
                      gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_named (GTK_WIDGET (f->editor), "successor"));
  const char *hint = "The agency that took over its work, e.g. UN-Women for UNIFEM";
  g_autofree char *daw = open_agency (f, "DAW");
  g_autofree char *ilo = NULL;
  g_autofree char *unicef = icat_test_agency_id (f->store, "UNICEF");
  g_autoptr(JsonObject) stored = NULL;
  GListModel *choices = adw_combo_row_get_model (row);
  guint unicef_position = G_MAXUINT;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "United Nations Entity for Gender Equality and the Empowerment of Women");
  ilo = open_agency (f, "ILO");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, hint);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "UNICEF"))
      unicef_position = i;
  g_assert_cmpuint (unicef_position, !=, G_MAXUINT);
  adw_combo_row_set_selected (row, unicef_position);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "United Nations Children's Fund");
  icat_test_wait_saved (f->store);
  stored = read_record (f, "agency", ilo);
  g_assert_cmpstr (string_member (stored, "successor"), ==, unicef);
}

static void
test_membership (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = open_agency (f, "ILO");
  g_autofree char *date = today ();
  GtkWidget *member = _icat_agency_editor_get_membership (f->editor, 0);
  GtkWidget *to = find_named (member, "membership-to");
  GtkWidget *from = find_named (member, "membership-from");
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  EndedRole ended = { id, "2026-06-30" };
  EndedRole open = { id, NULL };
  JsonArray *memberships;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2006");
  /* The role ended on a date. */
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-06-30");
  icat_test_wait_until (first_role_ends, f, &ended, 10);

  /* A date that is not one is shown as wrong and not saved. */
  before = read_record (f, "agency", id);
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (to), "1", -1, &position);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2026-06-301");
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  icat_test_wait_saved (f->store);
  after = read_record (f, "agency", id);
  g_assert_true (json_node_equal (json_object_get_member (before, "memberships"),
                                  json_object_get_member (after, "memberships")));
  /* An end before the start neither. */
  gtk_editable_set_text (GTK_EDITABLE (to), "2005");
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  gtk_editable_set_text (GTK_EDITABLE (to), "");
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  icat_test_wait_until (first_role_ends, f, &open, 10);

  /* Inactive from today: the member role ends today, an inactive one begins. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "agency.mark-inactive", NULL));
  icat_test_wait_until (is_inactive_today, f, id, 10);
  g_clear_pointer (&after, json_object_unref);
  after = read_record (f, "agency", id);
  memberships = array_member (after, "memberships");
  g_assert_cmpuint (json_array_get_length (memberships), ==, 3);
  g_assert_cmpstr (string_member (json_array_get_object_element (memberships, 0), "to"), ==, date);
  /* The Working Group seat is not the member role. */
  g_assert_cmpstr (string_member (json_array_get_object_element (memberships, 1), "role"), ==, "working-group");
  g_assert_null (string_member (json_array_get_object_element (memberships, 1), "to"));
  g_assert_cmpstr (string_member (json_array_get_object_element (memberships, 2), "role"), ==, "inactive-member");
  g_assert_cmpstr (string_member (json_array_get_object_element (memberships, 2), "from"), ==, date);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static gboolean
focal_points_are (Fixture       *f,
                  gconstpointer  data)
{
  const char * const *expected = data;
  g_autoptr(IcatRecord) agency = icat_store_lookup (f->store, "agency", expected[0]);
  JsonArray *focal_points = icat_record_get_array (agency, "focal_points");
  guint n = focal_points ? json_array_get_length (focal_points) : 0;

  if (expected[1] == NULL)
    return n == 0;
  return n == 1 &&
         g_strcmp0 (string_member (json_array_get_object_element (focal_points, 0), "name"), expected[1]) == 0 &&
         g_strcmp0 (string_member (json_array_get_object_element (focal_points, 0), "email"), expected[2]) == 0 &&
         string_member (json_array_get_object_element (focal_points, 0), "phone") == NULL;
}

static void
test_focal_point (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = open_agency (f, "UNICEF");
  const char *saved[] = { id, "Amina Diallo", "a.diallo@example.org" };
  const char *removed[] = { id, NULL };
  const char *renamed[] = { id, "Amina Diallo-Sow", "a.diallo@example.org" };
  g_autofree char *derived = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  GtkWidget *row;

  g_assert_null (_icat_agency_editor_get_focal_point (f->editor, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "agency.add-focal-point", NULL));
  row = _icat_agency_editor_get_focal_point (f->editor, 0);
  g_assert_nonnull (row);
  /* Nothing is saved until it has a name. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "focal-email")), "a.diallo@example.org");
  icat_test_wait_saved (f->store);
  g_assert_true (focal_points_are (f, removed));
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "focal-name")), "Amina Diallo");
  icat_test_wait_until (focal_points_are, f, saved, 10);
  /* Our own save does not rebuild the row being typed in. */
  icat_test_wait_saved (f->store);
  g_assert_true (_icat_agency_editor_get_focal_point (f->editor, 0) == row);
  /* The new row got the id derived from its name, and keeps it when the
   * name changes, so the save updates the row in place. */
  derived = icat_nested_id (id, "focal_points", "Amina Diallo");
  before = read_record (f, "agency", id);
  g_assert_cmpstr (string_member (json_array_get_object_element (array_member (before, "focal_points"), 0), "id"),
                   ==, derived);
  gtk_editable_set_text (GTK_EDITABLE (find_named (row, "focal-name")), "Amina Diallo-Sow");
  icat_test_wait_until (focal_points_are, f, renamed, 10);
  after = read_record (f, "agency", id);
  g_assert_cmpstr (string_member (json_array_get_object_element (array_member (after, "focal_points"), 0), "id"),
                   ==, derived);

  g_signal_emit_by_name (find_named (row, "remove"), "clicked");
  icat_test_wait_until (focal_points_are, f, removed, 10);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "Focal point removed");
}

/* Replaces a field's text as typing does. */
static gboolean
kind_is (Fixture       *f,
         gconstpointer  data)
{
  const char * const *expected = data;
  g_autoptr(JsonObject) agency = read_record (f, "agency", expected[0]);

  return g_strcmp0 (string_member (agency, "kind"), expected[1]) == 0;
}

/* No acronym, no name, a website with a space, a role's dates wrong, a
 * focal point without a name: each said below its field, kept on screen
 * while another field saves, never written; leaving the agency names
 * them in one toast, and a field alone with its reason. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ilo = open_agency (f, "ILO");
  g_autofree char *iom = NULL;
  g_autoptr(JsonObject) before = read_record (f, "agency", ilo);
  g_autoptr(JsonObject) after = NULL;
  GtkWidget *member = _icat_agency_editor_get_membership (f->editor, 0);
  GtkWidget *from = find_named (member, "membership-from");
  GtkWidget *to = find_named (member, "membership-to");
  GtkWidget *website = find_named (GTK_WIDGET (f->editor), "website");
  AdwComboRow *kind = ADW_COMBO_ROW (find_named (GTK_WIDGET (f->editor), "kind"));
  guint other_kind = (adw_combo_row_get_selected (kind) + 1) % g_strv_length ((char **) icat_agency_kinds);
  const char *kind_saved[] = { ilo, icat_agency_kinds[other_kind] };
  const char *members[] = { "acronym", "name", "website", "memberships", "focal_points" };
  const char *name_rows[] = { "name-ar", "name-en", "name-es", "name-fr", "name-ru", "name-zh" };
  GtkWidget *focal;

  icat_test_type_text (GTK_WIDGET (_icat_agency_editor_get_acronym (f->editor)), " ");
  g_assert_cmpstr (icat_test_problem_below (GTK_WIDGET (_icat_agency_editor_get_acronym (f->editor))), ==, "An acronym is needed");
  for (guint i = 0; i < G_N_ELEMENTS (name_rows); i++)
    icat_test_type_text (find_named (GTK_WIDGET (f->editor), name_rows[i]), "");
  g_assert_cmpstr (icat_test_problem_below (find_named (GTK_WIDGET (f->editor), "name-en")), ==,
                   "An agency needs a name in at least one language.");
  icat_test_type_text (website, "www.ilo .org");
  g_assert_cmpstr (icat_test_problem_below (website), ==, "A web address cannot contain spaces");
  icat_test_type_text (to, "2026-02-30");
  g_assert_cmpstr (icat_test_problem_below (to), ==, "February 2026 has 28 days");
  icat_test_type_text (from, "");
  g_assert_cmpstr (icat_test_problem_below (from), ==, "A start date is needed");
  g_assert_true (gtk_widget_has_css_class (member, "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "agency.add-focal-point", NULL));
  focal = _icat_agency_editor_get_focal_point (f->editor, 0);
  icat_test_type_text (find_named (focal, "focal-email"), "focal@ilo.org");
  g_assert_cmpstr (icat_test_problem_below (find_named (focal, "focal-name")), ==, "A name is needed");

  /* Another field saves; nothing wrong goes with it, and what was typed stays. */
  adw_combo_row_set_selected (kind, other_kind);
  icat_test_wait_until (kind_is, f, kind_saved, 10);
  after = read_record (f, "agency", ilo);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *was = json_object_get_member (before, members[i]);
      JsonNode *is = json_object_get_member (after, members[i]);

      g_test_message ("%s", members[i]);
      g_assert_true ((was == NULL && is == NULL) || (was != NULL && is != NULL && json_node_equal (was, is)));
    }
  icat_test_wait_saved (f->store);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2026-02-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (website)), ==, "www.ilo .org");
  g_assert_cmpstr (icat_test_problem_below (from), ==, "A start date is needed");

  g_assert_cmpuint (f->toasts->len, ==, 0);
  iom = open_agency (f, "IOM");
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "6 fields of “ILO” were not saved: acronym, name, website, "
                                            "start date of a role, end date of a role, name of a focal point");
  g_assert_false (gtk_widget_has_css_class (website, "error"));

  /* One field alone: its reason too. */
  member = _icat_agency_editor_get_membership (f->editor, 0);
  icat_test_type_text (find_named (member, "membership-to"), "1990");
  g_assert_cmpstr (icat_test_problem_below (find_named (member, "membership-to")), ==, "The end is before the start");
  g_clear_pointer (&before, json_object_unref);
  g_clear_pointer (&ilo, g_free);
  ilo = open_agency (f, "ILO");
  g_assert_cmpuint (f->toasts->len, ==, 2);
  g_assert_cmpstr (f->toasts->pdata[1], ==, "The end date of a role of “IOM” was not saved: The end is before the start");
  icat_store_sync (f->store);
  g_clear_pointer (&after, json_object_unref);
  after = read_record (f, "agency", iom);
  g_assert_null (string_member (json_array_get_object_element (array_member (after, "memberships"), 0), "to"));
}

/* Deleting */

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  return icat_test_find_toplevel (data) != NULL;
}

static void
answer_delete (Fixture *f)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "agencies.delete", NULL));
  icat_test_wait_until (dialog_shown, f, "delete-agency", 10);
  dialog = icat_test_find_toplevel ("delete-agency");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
agency_gone (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IcatRecord) agency = icat_store_lookup (f->store, "agency", data);

  return agency == NULL;
}

static gboolean
editor_shows_other (Fixture       *f,
                    gconstpointer  data)
{
  const char *id = icat_agency_editor_get_agency_id (f->editor);

  return id != NULL && g_strcmp0 (id, data) != 0;
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *unodc = open_agency (f, "UNODC");
  g_autofree char *created = NULL;
  g_autoptr(IcatRecord) still = NULL;
  g_autoptr(JsonObject) agency = NULL;
  GtkWidget *refusal;

  /* Chair years, meetings and papers name UNODC: the store refuses, and says so. */
  answer_delete (f);
  icat_test_wait_until (dialog_shown, f, "agency-not-deleted", 10);
  refusal = icat_test_find_toplevel ("agency-not-deleted");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), "UNODC"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), "cannot be deleted"));
  gtk_window_destroy (GTK_WINDOW (refusal));
  still = icat_store_lookup (f->store, "agency", unodc);
  g_assert_nonnull (still);

  /* Ctrl+N on the agencies page: a new agency, open, its acronym selected. */
  icat_agencies_view_add (f->view);
  icat_test_wait_until (editor_shows_other, f, unodc, 10);
  created = g_strdup (icat_agency_editor_get_agency_id (f->editor));
  agency = read_record (f, "agency", created);
  g_assert_cmpstr (string_member (agency, "acronym"), ==, "NEW");
  g_assert_cmpstr (gtk_editable_get_text (_icat_agency_editor_get_acronym (f->editor)), ==, "NEW");
  /* Nobody refers to it: it goes. */
  answer_delete (f);
  icat_test_wait_until (agency_gone, f, created, 10);
  g_assert_null (icat_agency_editor_get_agency_id (f->editor));
}

/* The chair rotation */

static char *
save_chair_year (Fixture    *f,
                 int         year,
                 const char *first,
                 const char *second)
{
  g_autofree char *a = icat_test_agency_id (f->store, first);
  g_autofree char *b = second ? icat_test_agency_id (f->store, second) : NULL;
  g_autofree char *json = b ? g_strdup_printf ("{\"year\": %d, \"agencies\": [\"%s\", \"%s\"]}", year, a, b)
                            : g_strdup_printf ("{\"year\": %d, \"agencies\": [\"%s\"]}", year, a);
  g_autoptr(JsonObject) term = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (f->store, "chair_term", term, &error);

  g_assert_no_error (error);
  return id;
}

static void
set_order (Fixture            *f,
           const char * const *acronyms)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) order = NULL;

  for (guint i = 0; acronyms[i] != NULL; i++)
    {
      g_autofree char *id = icat_test_agency_id (f->store, acronyms[i]);

      g_strv_builder_add (ids, id);
    }
  order = g_strv_builder_end (ids);
  g_settings_set_strv (f->settings, "rotation-order", (const char * const *) order);
}

static char *
chair_term_of (Fixture *f,
               int      year)
{
  g_autoptr(IcatRecordList) terms = icat_record_list_new (f->store, "chair_term");
  g_autofree char *text = g_strdup_printf ("%d", year);
  g_autoptr(IcatRecord) term = NULL;

  icat_record_list_set_filter (terms, ICAT_FILTER_YEAR, text);
  term = g_list_model_get_item (G_LIST_MODEL (terms), 0);
  return term ? g_strdup (icat_record_get_id (term)) : NULL;
}

static gboolean
year_recorded (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = chair_term_of (f, GPOINTER_TO_INT (data));

  return id != NULL && _icat_chair_rotation_get_year_row (f->rotation, GPOINTER_TO_INT (data)) != NULL;
}

typedef struct {
  int         year;
  const char *first;
  const char *second;
} Chairs;

static gboolean
chairs_are (Fixture       *f,
            gconstpointer  data)
{
  const Chairs *expected = data;
  g_autofree char *id = chair_term_of (f, expected->year);
  g_autofree char *first = icat_test_agency_id (f->store, expected->first);
  g_autofree char *second = icat_test_agency_id (f->store, expected->second);
  g_autoptr(JsonObject) term = id ? read_record (f, "chair_term", id) : NULL;
  JsonArray *agencies = term ? array_member (term, "agencies") : NULL;

  return agencies != NULL && json_array_get_length (agencies) == 2 &&
         g_strcmp0 (json_array_get_string_element (agencies, 0), first) == 0 &&
         g_strcmp0 (json_array_get_string_element (agencies, 1), second) == 0;
}

static guint
choice_of (AdwComboRow *row,
           const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (name), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* What a chair drop-down offers, in order, a space between. */
static char *
choices_offered (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", gtk_string_object_get_string (name));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
chosen (AdwComboRow *row)
{
  GtkStringObject *name = adw_combo_row_get_selected_item (row);

  return name ? gtk_string_object_get_string (name) : NULL;
}

/* A new year's chairs are chosen among current members; DAW and UNIFEM
 * wait behind "Show former members…", which keeps the choice; a year that
 * DAW chaired still shows DAW, chosen. */
static void
test_former_chairs (Fixture       *f,
                    gconstpointer  data)
{
  Chairs expected = { 2030, "IOM", "UNIFEM" };
  g_autofree char *daw_year = save_chair_year (f, 2007, "DAW", NULL);
  g_autofree char *offered = NULL;
  GtkWidget *row;
  AdwComboRow *chair, *cochair;

  icat_agencies_view_set_page (f->view, "rotation");
  _icat_chair_rotation_set_this_year (f->rotation, 2030);
  icat_agencies_view_add (f->view);
  icat_test_wait_until (year_recorded, f, GINT_TO_POINTER (2030), 10);
  row = _icat_chair_rotation_get_year_row (f->rotation, 2030);
  chair = ADW_COMBO_ROW (find_named (row, "chair-chair"));
  cochair = ADW_COMBO_ROW (find_named (row, "chair-cochair"));
  offered = choices_offered (cochair);
  g_assert_true (g_str_has_prefix (offered, "None DPKO "));
  g_assert_true (g_str_has_suffix (offered, " World Bank Show former members…"));
  g_assert_null (strstr (offered, "DAW"));
  g_assert_null (strstr (offered, "UNIFEM"));

  adw_combo_row_set_selected (chair, choice_of (chair, "IOM"));
  adw_combo_row_set_selected (cochair, choice_of (cochair, "OSCE"));
  adw_combo_row_set_selected (cochair, choice_of (cochair, "Show former members…"));
  g_assert_cmpstr (chosen (cochair), ==, "OSCE");
  g_clear_pointer (&offered, g_free);
  offered = choices_offered (cochair);
  g_assert_true (g_str_has_suffix (offered, " World Bank DAW UNIFEM"));
  adw_combo_row_set_selected (cochair, choice_of (cochair, "UNIFEM"));
  icat_test_wait_until (chairs_are, f, &expected, 10);

  /* 2007: DAW chaired; offered and chosen, UNIFEM still hidden there. */
  row = _icat_chair_rotation_get_year_row (f->rotation, 2007);
  g_assert_nonnull (row);
  chair = ADW_COMBO_ROW (find_named (row, "chair-chair"));
  g_assert_cmpstr (chosen (chair), ==, "DAW");
  g_clear_pointer (&offered, g_free);
  offered = choices_offered (chair);
  g_assert_true (g_str_has_suffix (offered, " World Bank DAW Show former members…"));
  g_assert_null (strstr (offered, "UNIFEM"));
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static void
test_add_year (Fixture       *f,
               gconstpointer  data)
{
  Chairs expected = { 2030, "IOM", "OSCE" };
  GtkWidget *row;
  AdwComboRow *chair, *cochair;

  icat_agencies_view_set_page (f->view, "rotation");
  g_assert_cmpstr (icat_agencies_view_get_page (f->view), ==, "rotation");
  _icat_chair_rotation_set_this_year (f->rotation, 2030);
  /* Ctrl+N on this page records the first year without chairs. */
  icat_agencies_view_add (f->view);
  icat_test_wait_until (year_recorded, f, GINT_TO_POINTER (2030), 10);
  row = _icat_chair_rotation_get_year_row (f->rotation, 2030);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  chair = ADW_COMBO_ROW (find_named (row, "chair-chair"));
  cochair = ADW_COMBO_ROW (find_named (row, "chair-cochair"));
  adw_combo_row_set_selected (chair, choice_of (chair, "IOM"));
  adw_combo_row_set_selected (cochair, choice_of (cochair, "OSCE"));
  icat_test_wait_until (chairs_are, f, &expected, 10);
  /* Our own save does not refill the row. */
  icat_test_wait_saved (f->store);
  g_assert_cmpuint (adw_combo_row_get_selected (cochair), ==, choice_of (cochair, "OSCE"));
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static gboolean
year_is (Fixture       *f,
         gconstpointer  data)
{
  const int *years = data;   /* the year recorded, and the year it now holds */
  g_autofree char *id = chair_term_of (f, years[1]);

  return id != NULL && chair_term_of (f, years[0]) == NULL;
}

/* A year typed out of range in a chair year's row ("2150", "1999") is said
 * wrong below it and stays as typed, instead of becoming 2100 or 2006
 * without a word; the record keeps its year until a good one is typed. */
static void
test_year_typed_wrong (Fixture       *f,
                       gconstpointer  data)
{
  const int moved[] = { 2030, 2031 };
  const int stepped[] = { 2031, 2032 };
  GtkWidget *row, *year_row;
  GtkSpinButton *year_spin;
  g_autofree char *id = NULL;

  icat_agencies_view_set_page (f->view, "rotation");
  _icat_chair_rotation_set_this_year (f->rotation, 2030);
  icat_agencies_view_add (f->view);
  icat_test_wait_until (year_recorded, f, GINT_TO_POINTER (2030), 10);
  id = chair_term_of (f, 2030);
  row = _icat_chair_rotation_get_year_row (f->rotation, 2030);
  year_spin = GTK_SPIN_BUTTON (find_named (row, "chair-year"));
  year_row = gtk_widget_get_ancestor (GTK_WIDGET (year_spin), ADW_TYPE_ACTION_ROW);

  icat_test_type_text (GTK_WIDGET (year_spin), "2150");
  g_assert_cmpstr (icat_test_problem_below (year_row), ==, "Write a year from 2006 to 2100");
  /* Leaving the field (focus out, Enter) neither clamps nor snaps back. */
  gtk_spin_button_update (year_spin);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year_spin)), ==, "2150");
  g_assert_cmpstr (icat_test_problem_below (year_row), ==, "Write a year from 2006 to 2100");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year_spin), ==, 2030);
  icat_test_wait_saved (f->store);
  {
    g_autoptr(JsonObject) term = read_record (f, "chair_term", id);

    g_assert_cmpint (json_object_get_int_member (term, "year"), ==, 2030);
  }

  icat_test_type_text (GTK_WIDGET (year_spin), "2031");
  g_assert_false (gtk_widget_has_css_class (year_row, "error"));
  gtk_spin_button_update (year_spin);
  icat_test_wait_until (year_is, f, moved, 10);

  /* The buttons' step replaces what was typed wrong. */
  icat_test_type_text (GTK_WIDGET (year_spin), "1999");
  g_assert_cmpstr (icat_test_problem_below (year_row), ==, "Write a year from 2006 to 2100");
  gtk_spin_button_spin (year_spin, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year_spin)), ==, "2032");
  g_assert_false (gtk_widget_has_css_class (year_row, "error"));
  icat_test_wait_until (year_is, f, stepped, 10);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static gboolean
proposal_is (Fixture       *f,
             gconstpointer  data)
{
  const char * const *expected = data;
  GtkWidget *row = _icat_chair_rotation_get_proposal (f->rotation, 0);

  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected[0]) == 0 &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected[1]) == 0;
}

static void
test_proposal (Fixture       *f,
               gconstpointer  data)
{
  const char * const order[] = { "ILO", "IOM", "UNHCR", "UNICEF", NULL };
  const char * const paired[] = { "2026", "ILO + UNHCR" };
  const char * const single[] = { "2026", "ILO" };
  const char * const reordered[] = { "2026", "ILO + UNICEF" };
  GtkWidget *move_up;
  guint n = 3;

  _icat_chair_rotation_set_this_year (f->rotation, 2026);
  set_order (f, order);
  /* Skip those that chaired in the last three years: IOM (2024) waits,
   * UNHCR (2021) does not. The last chairs (OAS, UNODC) are not in the
   * order, so the turn starts at its top. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (f->rotation), "skip-years")), 3);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "rotation-skip-years"), ==, 3);
  icat_test_wait_until (proposal_is, f, paired, 10);

  /* One chair a year. */
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (f->rotation), "co-chairs")), FALSE);
  icat_test_wait_until (proposal_is, f, single, 10);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (f->rotation), "co-chairs")), TRUE);
  icat_test_wait_until (proposal_is, f, paired, 10);

  /* UNICEF moved up before UNHCR takes its turn first. */
  move_up = find_nth_named (GTK_WIDGET (f->rotation), "move-up", &n);
  g_assert_nonnull (move_up);
  g_signal_emit_by_name (move_up, "clicked");
  icat_test_wait_until (proposal_is, f, reordered, 10);
  {
    g_auto(GStrv) stored = g_settings_get_strv (f->settings, "rotation-order");
    g_autofree char *unicef = icat_test_agency_id (f->store, "UNICEF");

    g_assert_cmpuint (g_strv_length (stored), ==, 4);
    g_assert_cmpstr (stored[2], ==, unicef);
  }
}

static gboolean
warning_shown (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) warnings = _icat_chair_rotation_dup_warnings (f->rotation);

  return g_strv_contains ((const char * const *) warnings, data);
}

static gboolean
proposal_warns (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *row = _icat_chair_rotation_get_proposal (f->rotation, 0);

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), data) != NULL;
}

static void
test_warnings (Fixture       *f,
               gconstpointer  data)
{
  const char * const order[] = { "IOM", "UNHCR", "UNICEF", "OSCE", NULL };
  const char * const only_iom[] = { "IOM", NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  _icat_chair_rotation_set_this_year (f->rotation, 2030);
  set_order (f, order);
  g_settings_set_uint (f->settings, "rotation-skip-years", 2);
  g_settings_set_boolean (f->settings, "rotation-pair", TRUE);
  /* A history that breaks the rule: IOM two years running, two UN
   * co-chairs, and a chair outside the order. */
  a = save_chair_year (f, 2027, "IOM", "OSCE");
  b = save_chair_year (f, 2028, "IOM", "OSCE");
  c = save_chair_year (f, 2029, "UNHCR", "UNICEF");
  icat_test_wait_until (warning_shown, f, "IOM chaired in 2028, within 2 years of its turn in 2027.", 10);
  g_assert_true (warning_shown (f, "OSCE chaired in 2028, within 2 years of its turn in 2027."));
  g_assert_true (warning_shown (f, "The co-chairs of 2029 are both UN entities; the rule pairs a UN entity "
                                   "with a co-chair from outside the UN system."));
  g_assert_true (warning_shown (f, "UNODC chaired in 2025 but is not in the turn order."));
  g_assert_false (warning_shown (f, "UNHCR chaired in 2029, within 2 years of its turn in 2021."));
  /* The year's row says so too. */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (
                              ADW_EXPANDER_ROW (_icat_chair_rotation_get_year_row (f->rotation, 2028))),
                            "Breaks the rule"));

  /* A proposal that has to break the rule says so. */
  set_order (f, only_iom);
  g_settings_set_boolean (f->settings, "rotation-co-chairs", FALSE);
  icat_test_wait_until (proposal_warns, f, "No agency in the turn order is free to chair in 2030; IOM, who waited longest, is proposed.", 10);
}

/* The agency list: its rows sit on icat_first_page_new ()'s GtkSliceListModel. */
static GtkSingleSelection *
find_agency_selection (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (root));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          GTK_IS_SLICE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return GTK_SINGLE_SELECTION (model);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = find_agency_selection (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rotation page is made when shown; an agency opened before the first
 * frame, beyond the rows the list shows until then, is still chosen. */
static void
test_made_when_shown (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *agencies = _icat_agencies_view_get_list (f->view);
  guint last = g_list_model_get_n_items (agencies) - 1;
  g_autoptr(IcatRecord) agency = g_list_model_get_item (agencies, last);
  GtkSingleSelection *selection;
  GtkWidget *rotation;

  g_assert_cmpuint (last, >, 16);
  icat_agencies_view_show_agency (f->view, icat_record_get_id (agency));
  g_assert_cmpstr (icat_agency_editor_get_agency_id (f->editor), ==, icat_record_get_id (agency));
  selection = find_agency_selection (GTK_WIDGET (f->view));
  g_assert_nonnull (selection);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, last);
  g_assert_null (icat_test_find_type (GTK_WIDGET (f->view), ICAT_TYPE_CHAIR_ROTATION));
  icat_agencies_view_set_page (f->view, "rotation");
  rotation = icat_test_find_type (GTK_WIDGET (f->view), ICAT_TYPE_CHAIR_ROTATION);
  g_assert_nonnull (rotation);
  g_assert_true (rotation == _icat_agencies_view_get_rotation (f->view));
  g_assert_nonnull (_icat_chair_rotation_get_proposal (ICAT_CHAIR_ROTATION (rotation), 0));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/agencies/status", test_status);
  g_test_add ("/agencies/membership", Fixture, NULL, fixture_set_up, test_membership, fixture_tear_down);
  g_test_add ("/agencies/successor-named", Fixture, NULL, fixture_set_up, test_successor_named, fixture_tear_down);
  g_test_add ("/agencies/undo-stays-with-agency", Fixture, NULL, fixture_set_up, test_undo_stays_with_agency,
              fixture_tear_down);
  g_test_add ("/agencies/focal-point", Fixture, NULL, fixture_set_up, test_focal_point, fixture_tear_down);
  g_test_add ("/agencies/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/agencies/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/rotation/add-year", Fixture, NULL, fixture_set_up, test_add_year, fixture_tear_down);
  g_test_add ("/rotation/former-chairs", Fixture, NULL, fixture_set_up, test_former_chairs, fixture_tear_down);
  g_test_add ("/rotation/year-typed-wrong", Fixture, NULL, fixture_set_up, test_year_typed_wrong, fixture_tear_down);
  g_test_add ("/rotation/proposal", Fixture, NULL, fixture_set_up, test_proposal, fixture_tear_down);
  g_test_add ("/rotation/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);
  g_test_add ("/rotation/made-when-shown", Fixture, ROTATION_WHEN_SHOWN, fixture_set_up, test_made_when_shown,
              fixture_tear_down);
  return g_test_run ();
}
