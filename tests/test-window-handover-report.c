/* test-window-handover-report.c — the app's Chair's Handover Pack… writes the pack of the year chosen
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

#define ITEM_TITLE "Collect the indicators"

static void
save_open_item (IcatStore *store)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_object_set_string_member (item, "title", ITEM_TITLE);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "open");
  json_object_set_string_member (item, "due", "2025-06-01");
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  icat_test_wait_saved (store);
}

static void
handover_test (IcatWindow *window,
               IcatStore  *store,
               gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "handover.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "handover.odt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;
  const char *coming;

  save_open_item (store);

  /* At the end of 2025 the item is overdue. */
  icat_test_export_report (window, pdf, "handover", 2025, 0);
  text = icat_test_pdf_squeezed (pdf, TRUE);
  icat_test_assert_says_in_order (text, (const char * const[]) {
    "Chair’s handover pack 2025–2026", "Overdue on 1 January 2026", ITEM_TITLE, NULL });

  /* An .odt when the name says so; at the end of 2024 the item is the coming year's, not overdue. */
  icat_test_export_report (window, odt, "handover", 2024, 0);
  content = icat_test_odt_content (odt);
  g_assert_nonnull (strstr (content, "Chair’s handover pack 2024–2025"));
  g_assert_null (strstr (content, "Overdue on 1 January 2025"));
  coming = strstr (content, "Due in 2025");
  g_assert_nonnull (coming);
  g_assert_nonnull (strstr (coming, ITEM_TITLE));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_handover (void)
{
  icat_test_run_app (handover_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/reports/handover", test_handover);
  return g_test_run ();
}
