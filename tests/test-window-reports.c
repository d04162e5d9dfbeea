/* test-window-reports.c — the app's Coverage Report… writes the report the user asked for
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is named beforehand, as a test cannot answer a file chooser; the
 * PDF is read back with pdftotext, the .odt's text from its content.xml.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <string.h>

#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"

/* Under AddressSanitizer: a file chooser shown here asks libcloudproviders
 * for its providers, and libcloudproviders 0.3.1 loses the path it builds
 * for them. tests/lsan-gui.supp names that library, which only a whole
 * stack shows: the fast unwinder stops in GLib. LSAN_OPTIONS, when set,
 * still has the last word. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

#define PARA_10_ID "93492e55-1624-5898-987b-6a86af846efb"   /* A/RES/72/195 para 10 */
#define ITEM_TITLE "Convene the principals-level meeting"

static void
save_linked_item (IcatStore *store)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(JsonArray) mandates = json_array_new ();
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_array_add_string_element (mandates, PARA_10_ID);
  json_object_set_string_member (item, "title", ITEM_TITLE);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  json_object_set_string_member (item, "due", "2025-06-01");
  json_object_set_array_member (item, "mandates", json_array_ref (mandates));
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  icat_test_wait_saved (store);
}

static void
coverage_test (IcatWindow *window,
               IcatStore  *store,
               gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "coverage.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "coverage.odt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;

  save_linked_item (store);

  icat_test_export_report (window, pdf, "coverage", 2025, 0);
  text = icat_test_pdf_squeezed (pdf, TRUE);
  icat_test_assert_says_in_order (text, (const char * const[]) {
    "Coverage of ICAT’s mandates in 2025", "A/RES/72/195, para. 10", ITEM_TITLE, NULL });

  /* An .odt when the name says so, for another year: the item is not in it. */
  icat_test_export_report (window, odt, "coverage", 2024, 0);
  content = icat_test_odt_content (odt);
  g_assert_nonnull (strstr (content, "Coverage of ICAT’s mandates in 2024"));
  g_assert_null (strstr (content, ITEM_TITLE));
  g_assert_nonnull (strstr (content, "No work recorded in 2024"));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_coverage (void)
{
  icat_test_run_app (coverage_test, NULL);
}

/* Coverage Report… with 中文 chosen in its file chooser, from the English
 * app: icat-tracker-cli drafts it in Chinese, as a PDF or an .odt as the
 * name says, and the toast stays in English. */
static void
coverage_language_test (IcatWindow *window,
                        IcatStore  *store,
                        gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "coverage-zh.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "coverage-zh.odt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;
  GtkFileChooser *chooser;

  g_setenv ("ICAT_TRACKER_LOCALEDIR", g_getenv ("ICAT_TEST_LOCALEDIR"), TRUE);
  save_linked_item (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "(sii)", "coverage", 2025, 0));
  chooser = icat_test_wait_file_chooser ();
  icat_test_choose_in_file_chooser (chooser, "from", "2025", "2025");
  icat_test_choose_document_language (chooser, "zh_CN");
  icat_test_accept_file_chooser (chooser, pdf);
  icat_test_wait_until (icat_test_shows_label, window, "Report saved as “coverage-zh.pdf”", 60);
  text = icat_test_pdf_squeezed (pdf, TRUE);
  icat_test_assert_says_in_order (text, (const char * const[]) {
    "2025年机构间协调小组任务授权的落实情况", ITEM_TITLE, NULL });
  icat_test_assert_not_said (text, "Coverage of ICAT’s mandates");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "(sii)", "coverage", 2024, 0));
  chooser = icat_test_wait_file_chooser ();
  icat_test_choose_in_file_chooser (chooser, "from", "2024", "2024");
  icat_test_choose_document_language (chooser, "zh_CN");
  icat_test_accept_file_chooser (chooser, odt);
  icat_test_wait_until (icat_test_shows_label, window, "Report saved as “coverage-zh.odt”", 60);
  content = icat_test_odt_content (odt);
  g_assert_nonnull (strstr (content, "2024年机构间协调小组任务授权的落实情况"));
  g_assert_null (strstr (content, "Coverage of ICAT’s mandates"));
  g_unsetenv ("ICAT_TRACKER_LOCALEDIR");
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_coverage_language (void)
{
  icat_test_run_app (coverage_language_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/reports/coverage", test_coverage);
  g_test_add_func ("/window/reports/coverage-language", test_coverage_language);
  return g_test_run ();
}
