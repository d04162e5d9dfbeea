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

#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <string.h>

#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window.h"
#include "icat-window-private.h"

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

static gboolean
file_written (gpointer      path,
              gconstpointer unused)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
export_pack (IcatWindow *window,
             const char *path,
             int         year)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _icat_window_set_document_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "(sii)", "handover", year, 0));
  icat_test_wait_until (file_written, (gpointer) path, NULL, 30);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf, "-", NULL };
  g_auto(IcatTestRun) run = icat_test_run_program (NULL, argv);

  g_assert_cmpint (run.status, ==, 0);
  return icat_test_bytes_text (run.out);
}

static char *
odt_content (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GsfInput *input;
  GsfInfile *zip;
  GsfInput *content;
  char *text;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  input = gsf_input_memory_new ((const guint8 *) data, length, FALSE);
  zip = gsf_infile_zip_new (input, NULL);
  g_assert_nonnull (zip);
  content = gsf_infile_child_by_name (zip, "content.xml");
  g_assert_nonnull (content);
  text = g_strndup ((const char *) gsf_input_read (content, gsf_input_size (content), NULL), gsf_input_size (content));
  g_object_unref (content);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
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
  const char *overdue, *coming;

  save_open_item (store);

  /* At the end of 2025 the item is overdue. */
  export_pack (window, pdf, 2025);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Chair’s handover pack 2025–2026"));
  overdue = strstr (text, "Overdue on 1 January 2026");
  g_assert_nonnull (overdue);
  g_assert_nonnull (strstr (overdue, ITEM_TITLE));

  /* An .odt when the name says so; at the end of 2024 the item is the coming year's, not overdue. */
  export_pack (window, odt, 2024);
  content = odt_content (odt);
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
