/* test-agency-order.c — current members first, former ones out of the way
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-agency-order"

#include "config.h"

#include "icat-agency-order.h"
#include "icat-test-util.h"

/* The built-in data's agencies, as far as their memberships go. */
#define UNODC "{\"id\": \"95b8\", \"acronym\": \"UNODC\", \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2006\"}, {\"role\": \"coordinator\", \"from\": \"2006\"}]}"
#define DAW "{\"id\": \"f3a7\", \"acronym\": \"DAW\", \"successor\": \"f8b4\", \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2006\", \"to\": \"2011-01-01\"}]}"
#define UNIFEM "{\"id\": \"f086\", \"acronym\": \"UNIFEM\", \"successor\": \"f8b4\", \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2006\", \"to\": \"2011-01-01\"}]}"
#define UN_WOMEN "{\"id\": \"f8b4\", \"acronym\": \"UN-Women\", \"successor\": null, \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2011-01-01\"}]}"
#define ICMPD "{\"id\": \"dcfb\", \"acronym\": \"ICMPD\", \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2016\"}]}"
/* Left without a successor; its Working Group seat had ended too. */
#define LEFT "{\"id\": \"0001\", \"acronym\": \"left\", \"memberships\": [" \
  "{\"role\": \"member\", \"from\": \"2010\", \"to\": \"2019-06-30\"}," \
  "{\"role\": \"working-group\", \"from\": \"2015\", \"to\": \"2019-06-30\"}]}"
/* Just added: no membership yet. */
#define NEW "{\"id\": \"0002\", \"acronym\": \"new\"}"
#define PARTNER "{\"id\": \"0003\", \"acronym\": \"OSCE\", \"memberships\": [" \
  "{\"role\": \"partner\", \"from\": \"2016\", \"to\": \"2018\"}, {\"role\": \"member\", \"from\": \"2019\"}]}"

static gboolean
former (const char *json,
        const char *date)
{
  g_autoptr(JsonObject) agency = icat_test_object (json);

  return icat_agency_is_former (agency, date);
}

static void
test_is_former (void)
{
  /* Merged into UN-Women: defunct whatever the date says of its roles. */
  g_assert_true (former (DAW, "2026-12-06"));
  g_assert_true (former (UNIFEM, "2008"));
  g_assert_false (former (UN_WOMEN, "2026-12-06"));
  g_assert_false (former (UNODC, "2026-12-06"));
  g_assert_false (former (ICMPD, "2026"));
  /* Every role ended: former from the day after, not on the last day. */
  g_assert_false (former (LEFT, "2019-06-30"));
  g_assert_true (former (LEFT, "2019-07-01"));
  /* A partner that became a member is current. */
  g_assert_false (former (PARTNER, "2026-12-06"));
  /* Nothing known: not former, it may just have been added. */
  g_assert_false (former (NEW, "2026-12-06"));
  g_assert_false (icat_agency_is_former (NULL, "2026-12-06"));
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      date)
{
  return icat_agency_compare_current_first (*(JsonObject **) a, *(JsonObject **) b, date);
}

static char *
sorted_acronyms (const char *date)
{
  const char *agencies[] = { UNIFEM, UNODC, LEFT, DAW, NEW, UN_WOMEN, ICMPD, PARTNER };
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    g_ptr_array_add (objects, icat_test_object (agencies[i]));
  g_ptr_array_sort_with_data (objects, compare_cb, (gpointer) date);
  for (guint i = 0; i < objects->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (objects->pdata[i], "acronym"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_current_first (void)
{
  g_autofree char *today = sorted_acronyms ("2026-12-06");
  g_autofree char *in_2018 = sorted_acronyms ("2018");

  /* Current members by acronym whatever its case, then the former ones. */
  g_assert_cmpstr (today, ==, "ICMPD new OSCE UN-Women UNODC DAW left UNIFEM");
  /* In 2018 the agency that left in 2019 was still a member. */
  g_assert_cmpstr (in_2018, ==, "ICMPD left new OSCE UN-Women UNODC DAW UNIFEM");
}

static void
test_compare_edges (void)
{
  g_autoptr(JsonObject) unodc = icat_test_object (UNODC);
  g_autoptr(JsonObject) twin = icat_test_object ("{\"id\": \"95b9\", \"acronym\": \"unodc\"}");
  g_autoptr(JsonObject) daw = icat_test_object (DAW);

  g_assert_cmpint (icat_agency_compare_current_first (unodc, unodc, "2026"), ==, 0);
  g_assert_cmpint (icat_agency_compare_current_first (unodc, daw, "2026"), <, 0);
  g_assert_cmpint (icat_agency_compare_current_first (daw, unodc, "2026"), >, 0);
  /* Same acronym but for case: the id decides, so the order is total. */
  g_assert_cmpint (icat_agency_compare_current_first (unodc, twin, "2026"), <, 0);
  g_assert_cmpint (icat_agency_compare_current_first (twin, unodc, "2026"), >, 0);
  /* A missing record goes last. */
  g_assert_cmpint (icat_agency_compare_current_first (NULL, daw, "2026"), >, 0);
  g_assert_cmpint (icat_agency_compare_current_first (daw, NULL, "2026"), <, 0);
  g_assert_cmpint (icat_agency_compare_current_first (NULL, NULL, "2026"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/agency-order/is-former", test_is_former);
  g_test_add_func ("/agency-order/current-first", test_current_first);
  g_test_add_func ("/agency-order/edges", test_compare_edges);
  return g_test_run ();
}
