/* test-chase.c — the chasing e-mail's text (src/core/icat-chase.c)
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chase"

#include "config.h"

#include <string.h>

#include "icat-chase.h"
#include "icat-test-util.h"

#define TODAY "2026-11-23"

typedef struct {
  char      *dir;
  IcatStore *store;
  char      *unodc;
  char      *iom;
} Fixture;

static char *
save (Fixture    *fixture,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) object = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (fixture->store, kind, object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
save_item (Fixture    *fixture,
           const char *title,
           const char *owner,
           const char *due,
           const char *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "owner");
  json_builder_add_string_value (builder, owner);
  if (due != NULL)
    {
      json_builder_set_member_name (builder, "due");
      json_builder_add_string_value (builder, due);
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  json = json_to_string (node, FALSE);
  g_free (save (fixture, "action_item", json));
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
  fixture->iom = icat_test_agency_id (fixture->store, "IOM");
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->unodc, g_free);
  g_clear_pointer (&fixture->iom, g_free);
  icat_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

/* UNODC's overdue items, oldest first; its later, done and cancelled ones
 * and IOM's overdue one are not in its letter. */
static void
save_mixed_items (Fixture *fixture)
{
  save_item (fixture, "Send the draft", fixture->unodc, "2026-03-05", "open");
  save_item (fixture, "Book the room", fixture->unodc, "2025-12-01", "in-progress");
  save_item (fixture, "Ask the donors", fixture->unodc, "2026-11-22", "blocked");
  save_item (fixture, "Due today", fixture->unodc, TODAY, "open");
  save_item (fixture, "Next year", fixture->unodc, "2027-01-10", "open");
  save_item (fixture, "Already done", fixture->unodc, "2024-01-01", "done");
  save_item (fixture, "Dropped", fixture->unodc, "2024-02-01", "cancelled");
  save_item (fixture, "No due date", fixture->unodc, NULL, "open");
  save_item (fixture, "IOM's own item", fixture->iom, "2020-01-01", "open");
}

static void
test_several_items (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IcatChase) chase = NULL;

  save_mixed_items (fixture);
  chase = icat_chase_new (fixture->store, fixture->unodc, TODAY);
  g_assert_nonnull (chase);
  g_assert_cmpstr (chase->subject, ==, "ICAT action items overdue — UNODC");
  g_assert_cmpstr (chase->body, ==,
                   "Dear colleagues,\r\n"
                   "\r\n"
                   "These ICAT action items are past their due date:\r\n"
                   "\r\n"
                   "- Book the room (due 1 Dec 2025)\r\n"
                   "- Send the draft (due 5 Mar 2026)\r\n"
                   "- Ask the donors (due 22 Nov 2026)\r\n"
                   "\r\n"
                   "Could you let us know where they stand?\r\n");
}

/* The other agency's letter holds its own item and none of UNODC's. */
static void
test_other_owner (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IcatChase) chase = NULL;

  save_mixed_items (fixture);
  chase = icat_chase_new (fixture->store, fixture->iom, TODAY);
  g_assert_nonnull (chase);
  g_assert_cmpstr (chase->subject, ==, "ICAT action items overdue — IOM");
  g_assert_nonnull (strstr (chase->body, "\r\n- IOM's own item (due 1 Jan 2020)\r\n"));
  g_assert_null (strstr (chase->body, "Send the draft"));
  g_assert_null (strstr (chase->body, "Book the room"));
}

/* Overdue means due before today and not finished. */
static void
test_overdue_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(IcatChase) before = NULL;
  g_autoptr(IcatChase) after = NULL;

  save_mixed_items (fixture);
  before = icat_chase_new (fixture->store, fixture->unodc, "2026-03-05");
  g_assert_nonnull (strstr (before->body, "- Book the room (due 1 Dec 2025)\r\n"));
  g_assert_null (strstr (before->body, "Send the draft"));
  after = icat_chase_new (fixture->store, fixture->unodc, "2027-06-01");
  g_assert_nonnull (strstr (after->body, "- Due today (due 23 Nov 2026)\r\n"));
  g_assert_nonnull (strstr (after->body, "- Next year (due 10 Jan 2027)\r\n"));
  for (guint i = 0; i < 2; i++)
    {
      const char *body = i == 0 ? before->body : after->body;

      g_assert_null (strstr (body, "Already done"));
      g_assert_null (strstr (body, "Dropped"));
      g_assert_null (strstr (body, "No due date"));
    }
}

/* An agency with nothing overdue still gets a letter, with no lines. */
static void
test_none (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(IcatChase) chase = NULL;

  save_item (fixture, "Next year", fixture->iom, "2027-01-10", "open");
  chase = icat_chase_new (fixture->store, fixture->iom, TODAY);
  g_assert_nonnull (chase);
  g_assert_cmpstr (chase->body, ==,
                   "Dear colleagues,\r\n"
                   "\r\n"
                   "These ICAT action items are past their due date:\r\n"
                   "\r\n"
                   "\r\n"
                   "Could you let us know where they stand?\r\n");
  g_assert_cmpuint (g_strv_length (chase->recipients), ==, 0);
}

static void
test_no_agency (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_null (icat_chase_new (fixture->store, "no-such-agency", TODAY));
  g_assert_null (icat_chase_new (fixture->store, NULL, TODAY));
}

/* The focal points with an address, as stored, in their order. */
static void
test_recipients (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"focal_points\": ["
                                           "{\"name\": \"Ana Ruiz\", \"email\": \"ana.ruiz@example.org\"},"
                                           "{\"name\": \"No address\"},"
                                           "{\"name\": \"Empty\", \"email\": \"\"},"
                                           "{\"name\": \"Li Wei\", \"email\": \"li+icat@example.org\"}]}",
                                           fixture->unodc);
  g_autoptr(IcatChase) chase = NULL;
  const char * const expected[] = { "ana.ruiz@example.org", "li+icat@example.org", NULL };

  g_free (save (fixture, "agency", json));
  chase = icat_chase_new (fixture->store, fixture->unodc, TODAY);
  g_assert_nonnull (chase);
  g_assert_true (g_strv_equal ((const char * const *) chase->recipients, expected));
}

/* Titles are written as they are: no escaping, no format directives. */
static void
test_special_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *title = "Côte d'Ivoire & “Palermo” <report> 100% %s\\n 人口贩运";
  g_autofree char *line = g_strdup_printf ("\r\n- %s (due 1 Feb 2026)\r\n", title);
  g_autoptr(IcatChase) chase = NULL;

  save_item (fixture, title, fixture->unodc, "2026-02-01", "open");
  chase = icat_chase_new (fixture->store, fixture->unodc, TODAY);
  g_assert_nonnull (strstr (chase->body, line));
}

/* The oldest ICAT_CHASE_MAX_ITEMS, then how many more. */
static void
test_long_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(IcatChase) chase = NULL;
  guint lines = 0;

  for (guint i = 1; i <= ICAT_CHASE_MAX_ITEMS + 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %02u", i);
      g_autofree char *due = g_strdup_printf ("2010-%02u-%02u", (i - 1) / 28 + 1, (i - 1) % 28 + 1);

      save_item (fixture, title, fixture->unodc, due, "open");
    }
  chase = icat_chase_new (fixture->store, fixture->unodc, TODAY);
  for (const char *line = strstr (chase->body, "- Item "); line != NULL; line = strstr (line + 1, "- Item "))
    lines++;
  g_assert_cmpuint (lines, ==, ICAT_CHASE_MAX_ITEMS);
  g_assert_nonnull (strstr (chase->body, "- Item 40 (due 12 Feb 2010)\r\n- and 3 more, due later\r\n"));
  g_assert_null (strstr (chase->body, "Item 41"));
}

/* In Chinese: the catalogue's sentences and Chinese dates. */
static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(IcatChase) chase = NULL;

  save_item (fixture, "Send the draft", fixture->unodc, "2026-03-05", "open");
  icat_test_set_language ("zh_CN");
  chase = icat_chase_new (fixture->store, fixture->unodc, TODAY);
  icat_test_set_language (NULL);
  g_assert_cmpstr (chase->subject, ==, "机构间协调小组逾期行动项目 — UNODC");
  g_assert_cmpstr (chase->body, ==,
                   "各位同事：\r\n"
                   "\r\n"
                   "以下机构间协调小组行动项目已过截止日期：\r\n"
                   "\r\n"
                   "- Send the draft（截止日期：2026年3月5日）\r\n"
                   "\r\n"
                   "能否请告知这些项目的最新进展？\r\n");
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  icat_test_use_build_catalogues ();

  g_test_add ("/chase/several-items", Fixture, NULL, setup, test_several_items, teardown);
  g_test_add ("/chase/other-owner", Fixture, NULL, setup, test_other_owner, teardown);
  g_test_add ("/chase/overdue-only", Fixture, NULL, setup, test_overdue_only, teardown);
  g_test_add ("/chase/none", Fixture, NULL, setup, test_none, teardown);
  g_test_add ("/chase/no-agency", Fixture, NULL, setup, test_no_agency, teardown);
  g_test_add ("/chase/recipients", Fixture, NULL, setup, test_recipients, teardown);
  g_test_add ("/chase/special-characters", Fixture, NULL, setup, test_special_characters, teardown);
  g_test_add ("/chase/long-list", Fixture, NULL, setup, test_long_list, teardown);
  g_test_add ("/chase/chinese", Fixture, NULL, setup, test_chinese, teardown);
  return g_test_run ();
}
