/* test-agency-names.c — an agency's name in the six languages, in the app
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A coordinator who reads French sees the built-in agencies by their
 * French names in the list and the editor's first row, finds the other
 * five languages folded below it, and the French name typed there is the
 * one in the database. Without a name in any language, the editor says so.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icat-agencies-view.h"
#include "icat-agency-editor.h"
#include "icat-agency-row.h"
#include "icat-store.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

/* The title shown by the list row of the agency with this acronym. */
static const char *
row_title (GtkWidget  *root,
           const char *acronym)
{
  if (ICAT_IS_AGENCY_ROW (root))
    {
      IcatRecord *agency = icat_agency_row_get_record (ICAT_AGENCY_ROW (root));

      if (agency != NULL && g_strcmp0 (icat_record_get_string (agency, "acronym"), acronym) == 0)
        return gtk_label_get_label (GTK_LABEL (icat_test_find_type (root, GTK_TYPE_LABEL)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_title (child, acronym);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
name_in (IcatStore  *store,
         const char *id,
         const char *language)
{
  static char text[256];
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) agency = icat_store_read (store, "agency", id, &error);
  JsonObject *name;

  g_assert_no_error (error);
  name = json_object_get_object_member (agency, "name");
  g_strlcpy (text, json_object_get_string_member_with_default (name, language, "(none)"), sizeof text);
  return text;
}

static gboolean
french_name_saved (gpointer      store,
                   gconstpointer id)
{
  return g_str_equal (name_in (store, id, "fr"), "Organisation internationale du Travail (OIT)");
}

static IcatAgencyEditor *
open_agency (IcatWindow *window,
             IcatStore  *store,
             const char *id)
{
  GtkWidget *view = icat_test_show_section (window, "agencies", ICAT_TYPE_AGENCIES_VIEW);

  icat_agencies_view_show_agency (ICAT_AGENCIES_VIEW (view), id);
  return ICAT_AGENCY_EDITOR (_icat_agencies_view_get_editor (ICAT_AGENCIES_VIEW (view)));
}

static void
french (IcatWindow *window,
        IcatStore  *store,
        gpointer    data)
{
  g_autofree char *ilo = icat_test_agency_id (store, "ILO");
  IcatAgencyEditor *editor = open_agency (window, store, ilo);
  GtkWidget *first = icat_test_find_named (GTK_WIDGET (editor), "name-fr");
  GtkWidget *others = icat_test_find_named (GTK_WIDGET (editor), "other-names");
  GtkWidget *english = icat_test_find_named (others, "name-en");
  GtkWidget *arabic = icat_test_find_named (others, "name-ar");

  g_assert_cmpstr (row_title (GTK_WIDGET (window), "ILO"), ==, "ILO — Organisation internationale du Travail");
  /* French first, outside the expander; the five others inside it. */
  g_assert_nonnull (first);
  g_assert_false (gtk_widget_is_ancestor (first, others));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "Organisation internationale du Travail");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (english)), ==, "International Labour Organization");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arabic)), ==, "منظمة العمل الدولية");
  g_assert_null (icat_test_find_named (others, "name-fr"));

  icat_test_type_text (first, "Organisation internationale du Travail (OIT)");
  icat_test_wait_until (french_name_saved, store, ilo, 10);
  /* Only French changed. */
  g_assert_cmpstr (name_in (store, ilo, "en"), ==, "International Labour Organization");
  g_assert_cmpstr (name_in (store, ilo, "ru"), ==, "Международная организация труда");
  g_assert_cmpstr (name_in (store, ilo, "zh"), ==, "国际劳工组织");
}

static void
test_french (void)
{
  icat_test_set_language ("fr");
  icat_test_run_app (french, NULL);
  icat_test_set_language (NULL);
}

static gboolean
name_is_english_only (gpointer      store,
                      gconstpointer id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) agency = icat_store_read (store, "agency", id, &error);
  JsonObject *name = json_object_get_object_member (agency, "name");

  return json_object_get_size (name) == 1 && g_str_equal (name_in (store, id, "en"), "International Labour Office");
}

static void
no_name (IcatWindow *window,
         IcatStore  *store,
         gpointer    data)
{
  static const char * const languages[] = { "ar", "zh", "fr", "ru", "es", "en" };
  g_autofree char *ilo = icat_test_agency_id (store, "ILO");
  IcatAgencyEditor *editor = open_agency (window, store, ilo);
  GtkWidget *english = icat_test_find_named (GTK_WIDGET (editor), "name-en");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *widget_name = g_strconcat ("name-", languages[i], NULL);

      icat_test_type_text (icat_test_find_named (GTK_WIDGET (editor), widget_name), "");
    }
  g_assert_cmpstr (icat_test_problem_below (english), ==, "An agency needs a name in at least one language.");
  /* One name is enough; the emptied ones are gone from the record. */
  icat_test_type_text (english, "International Labour Office");
  g_assert_false (gtk_widget_has_css_class (english, "error"));
  icat_test_wait_until (name_is_english_only, store, ilo, 10);
}

static void
test_no_name (void)
{
  icat_test_run_app (no_name, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/agency-names/french", test_french);
  g_test_add_func ("/agency-names/no-name", test_no_name);
  return g_test_run ();
}
