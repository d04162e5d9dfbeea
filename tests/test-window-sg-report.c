/* test-window-sg-report.c — the app's Secretary-General Report… writes the period the user chose
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

#define PARA_10_ID "93492e55-1624-5898-987b-6a86af846efb"   /* A/RES/72/195 para 10 */
#define MEETING    "Principals meeting on the joint work"
#define DECISION   "The principals adopt the joint work plan"
#define ITEM_TITLE "Convene the principals-level meeting"

static void
save_meeting (IcatStore *store)
{
  g_autoptr(JsonObject) meeting = json_object_new ();
  g_autoptr(JsonObject) title = json_object_new ();
  g_autoptr(JsonObject) decision = json_object_new ();
  g_autoptr(JsonArray) decisions = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_object_set_string_member (title, "en", MEETING);
  json_object_set_string_member (decision, "id", "11111111-1111-4111-8111-200000000001");
  json_object_set_int_member (decision, "number", 1);
  json_object_set_string_member (decision, "text", DECISION);
  json_array_add_object_element (decisions, json_object_ref (decision));
  json_object_set_string_member (meeting, "kind", "principals");
  json_object_set_object_member (meeting, "title", json_object_ref (title));
  json_object_set_string_member (meeting, "starts_at", "2016-07-26T08:00:00Z");
  json_object_set_string_member (meeting, "date_precision", "day");
  json_object_set_string_member (meeting, "timezone", "America/New_York");
  json_object_set_array_member (meeting, "decisions", json_array_ref (decisions));
  id = icat_store_save (store, "meeting", meeting, &error);
  g_assert_no_error (error);
  icat_test_wait_saved (store);
}

/* Open: saved as done, the store would date its completion today. */
static void
save_open_item (IcatStore *store)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(JsonArray) mandates = json_array_new ();
  g_autofree char *owner = icat_test_agency_id (store, "UNODC");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_array_add_string_element (mandates, PARA_10_ID);
  json_object_set_string_member (item, "title", ITEM_TITLE);
  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", "in-progress");
  json_object_set_string_member (item, "starts", "2017-01-10");
  json_object_set_string_member (item, "due", "2017-06-01");
  json_object_set_array_member (item, "mandates", json_array_ref (mandates));
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
  icat_test_wait_saved (store);
}

static void
sg_report_test (IcatWindow *window,
                IcatStore  *store,
                gpointer    data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "sg.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "sg.odt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;

  save_meeting (store);
  save_open_item (store);

  icat_test_export_report (window, pdf, "sg", 2016, 2017);
  text = icat_test_pdf_squeezed (pdf, TRUE);
  icat_test_assert_says_in_order (text, (const char * const[]) {
    "ICAT’s contribution to the report of the Secretary-General, 2016–2017",
    "26 July 2016 — " MEETING, "Decision 1: " DECISION,
    "A/RES/72/195, para. 10", ITEM_TITLE " — UNODC, due 1 June 2017",
    "Annex: the records referred to", NULL });

  /* An .odt when the name says so, for a year before both records: neither is in it. */
  icat_test_export_report (window, odt, "sg", 2015, 2015);
  content = icat_test_odt_content (odt);
  g_assert_nonnull (strstr (content, "ICAT’s contribution to the report of the Secretary-General, 2015"));
  g_assert_null (strstr (content, MEETING));
  g_assert_null (strstr (content, ITEM_TITLE));
  g_assert_nonnull (strstr (content, "No principals-level meeting is recorded in the period."));
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_sg_report (void)
{
  icat_test_run_app (sg_report_test, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/reports/sg", test_sg_report);
  return g_test_run ();
}
