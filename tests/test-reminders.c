/* test-reminders.c — what the daily reminders count and say
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-reminders.h"
#include "icat-test-util.h"

#define TODAY "2030-06-10"

static void
save_item (IcatStore  *store,
           const char *owner,
           const char *status,
           const char *due)
{
  g_autoptr(JsonObject) item = icat_test_object ("{\"title\": \"Send the brief\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  json_object_set_string_member (item, "owner", owner);
  json_object_set_string_member (item, "status", status);
  if (due != NULL)
    json_object_set_string_member (item, "due", due);
  id = icat_store_save (store, "action_item", item, &error);
  g_assert_no_error (error);
}

static void
test_week_end (void)
{
  const struct { const char *today; const char *week_end; } days[] = {
    { "2026-12-06", "2026-12-13" },
    { "2026-12-28", "2027-01-04" },  /* into the next year */
    { "2028-02-25", "2028-03-03" },  /* over a 29 February */
    { "2027-02-25", "2027-03-04" },
    { "", NULL },
    { "next week", NULL },
    { "06/10/2030", NULL },
    { "2030-02-30", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *week_end = icat_reminders_week_end (days[i].today);

      g_assert_cmpstr (week_end, ==, days[i].week_end);
    }
  g_assert_null (icat_reminders_week_end (NULL));
}

static char *
text_of (GPtrArray *workloads,
         guint      index)
{
  return icat_reminder_text (g_ptr_array_index (workloads, index));
}

/* Per owner agency, on TODAY: due before it is overdue, due from it to six
 * days later is due this week, later is neither; done and cancelled items
 * and items without a due day never count. */
static void
test_count (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatStore) store = icat_test_store_new (dir, NULL);
  g_autofree char *unodc = icat_test_agency_id (store, "UNODC");
  g_autofree char *unhcr = icat_test_agency_id (store, "UNHCR");
  g_autofree char *ohchr = icat_test_agency_id (store, "OHCHR");
  g_autofree char *iom = icat_test_agency_id (store, "IOM");
  g_autoptr(GPtrArray) workloads = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  const IcatAgencyWorkload *first;
  g_autofree char *text = NULL;
  g_autofree char *unhcr_text = NULL;
  g_autofree char *ohchr_text = NULL;

  none = icat_reminders_count (_icat_store_get_read_db (store), TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  save_item (store, unodc, "open", "2030-06-01");
  save_item (store, unodc, "in-progress", "2030-06-09");
  save_item (store, unodc, "open", "2030-06-10");        /* today: due, not overdue */
  save_item (store, unodc, "blocked", "2030-06-16");     /* the seventh day */
  save_item (store, unodc, "open", "2030-06-17");        /* next week */
  save_item (store, unodc, "done", "2030-06-05");
  save_item (store, unodc, "cancelled", "2030-06-12");
  save_item (store, unodc, "open", NULL);
  save_item (store, iom, "done", "2030-06-11");          /* IOM: nothing open */
  save_item (store, unhcr, "open", "2030-01-01");
  save_item (store, ohchr, "in-progress", "2030-06-12");

  workloads = icat_reminders_count (_icat_store_get_read_db (store), TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workloads->len, ==, 3);
  /* Most overdue first. */
  first = g_ptr_array_index (workloads, 0);
  g_assert_cmpstr (first->agency_id, ==, unodc);
  g_assert_cmpuint (first->overdue, ==, 2);
  g_assert_cmpuint (first->due_soon, ==, 2);
  text = text_of (workloads, 0);
  g_assert_cmpstr (text, ==, "UNODC: 2 action items overdue, 2 due this week");
  unhcr_text = text_of (workloads, 1);
  g_assert_cmpstr (unhcr_text, ==, "UNHCR: 1 action item overdue");
  ohchr_text = text_of (workloads, 2);
  g_assert_cmpstr (ohchr_text, ==, "OHCHR: 1 action item due this week");

  /* A week later every one of them is overdue, and the 17th due. */
  g_clear_pointer (&workloads, g_ptr_array_unref);
  workloads = icat_reminders_count (_icat_store_get_read_db (store), "2030-06-17", &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = text_of (workloads, 0);
  g_assert_cmpstr (text, ==, "UNODC: 4 action items overdue, 1 due this week");
}

static void
test_notification (void)
{
  IcatAgencyWorkload workload = { (char *) "agency-1", (char *) "IOM", 1, 3 };
  g_autoptr(GNotification) notification = icat_reminder_notification_new (&workload);
  g_autofree char *text = icat_reminder_text (&workload);
  g_autofree char *id = icat_reminder_id ("agency-1");

  g_assert_true (G_IS_NOTIFICATION (notification));
  g_assert_cmpstr (text, ==, "IOM: 1 action item overdue, 3 due this week");
  g_assert_cmpstr (id, ==, "due-agency-1");
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/reminders/week-end", test_week_end);
  g_test_add_func ("/reminders/count", test_count);
  g_test_add_func ("/reminders/notification", test_notification);
  return g_test_run ();
}
