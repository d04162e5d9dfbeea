/* test-rotation.c — the chair rotation rule on crafted histories
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-rotation.h"
#include "icat-test-util.h"

static GPtrArray *
history_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) icat_chair_year_free);
}

static void
add_year (GPtrArray  *history,
          int         year,
          const char *first,
          const char *second)
{
  const char *chairs[] = { first, second, NULL };

  g_ptr_array_add (history, icat_chair_year_new (year, chairs));
}

static char *
describe (GPtrArray *years)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < years->len; i++)
    {
      IcatChairYear *chair_year = years->pdata[i];
      g_autofree char *chairs = g_strjoinv ("+", chair_year->chairs);

      g_string_append_printf (text, "%s%d:%s", i > 0 ? " " : "", chair_year->year, chairs);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_warnings (GPtrArray *warnings)
{
  const char *names[] = { "not-in-order", "too-soon", "not-paired", "no-candidate" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      IcatRotationWarning *warning = warnings->pdata[i];

      g_string_append_printf (text, "%s%d:%s:%s", i > 0 ? " " : "", warning->year, names[warning->problem],
                              warning->agency_id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A/71/119 para 64: IOM chaired in 2014, UNHCR in 2015, UNODC in 2016. The
 * turn goes on from UNODC through the Working Group's order. */
static void
test_propose_after_documented_chairs (void)
{
  const char *order[] = { "ILO", "IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC", NULL };
  IcatRotationRule rule = { order, 2, FALSE, FALSE };
  g_autoptr(GPtrArray) history = history_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *text = NULL;

  add_year (history, 2016, "UNODC", NULL);
  add_year (history, 2014, "IOM", NULL);
  add_year (history, 2015, "UNHCR", NULL);
  proposals = icat_rotation_propose (&rule, history, NULL, 2017, 4, &warnings);
  text = describe (proposals);
  g_assert_cmpstr (text, ==, "2017:ILO 2018:IOM 2019:OHCHR 2020:UNHCR");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* An agency that chaired within the window waits its turn. */
static void
test_propose_skips_recent_chairs (void)
{
  const char *order[] = { "A", "B", "C", "D", NULL };
  IcatRotationRule rule = { order, 3, FALSE, FALSE };
  g_autoptr(GPtrArray) history = history_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *text = NULL;

  /* C chaired out of turn in 2020; after B in 2021 the turn would be C. */
  add_year (history, 2020, "C", NULL);
  add_year (history, 2021, "B", NULL);
  proposals = icat_rotation_propose (&rule, history, NULL, 2022, 3, &warnings);
  text = describe (proposals);
  g_assert_cmpstr (text, ==, "2022:D 2023:A 2024:C");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Nobody is free: the rule gives way, to whoever waited longest, with a warning. */
static void
test_propose_when_nobody_is_free (void)
{
  const char *order[] = { "A", "B", "C", NULL };
  IcatRotationRule rule = { order, 3, FALSE, FALSE };
  g_autoptr(GPtrArray) history = history_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problems = NULL;

  add_year (history, 2014, "A", NULL);
  add_year (history, 2015, "B", NULL);
  add_year (history, 2016, "C", NULL);
  proposals = icat_rotation_propose (&rule, history, NULL, 2017, 1, &warnings);
  text = describe (proposals);
  problems = describe_warnings (warnings);
  g_assert_cmpstr (text, ==, "2017:A");
  g_assert_cmpstr (problems, ==, "2017:no-candidate:A");
}

/* Co-chairs: a UN entity with one from outside the UN system. */
static void
test_propose_paired_co_chairs (void)
{
  const char *order[] = { "UNODC", "UNHCR", "OSCE", "IOM", "UNICEF", "INTERPOL", NULL };
  IcatRotationRule rule = { order, 1, TRUE, TRUE };
  g_autoptr(GHashTable) un = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) history = history_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *text = NULL;

  g_hash_table_add (un, (gpointer) "UNODC");
  g_hash_table_add (un, (gpointer) "UNHCR");
  g_hash_table_add (un, (gpointer) "UNICEF");
  add_year (history, 2020, "UNODC", "OSCE");
  proposals = icat_rotation_propose (&rule, history, un, 2021, 3, &warnings);
  text = describe (proposals);
  /* 2021: after OSCE comes IOM (not UN), then the next UN entity, UNICEF.
   * 2022: after UNICEF, INTERPOL; UNODC chaired two years before (window 1). */
  g_assert_cmpstr (text, ==, "2021:IOM+UNICEF 2022:INTERPOL+UNODC 2023:UNHCR+OSCE");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Entered chairs that break the rule are named, year by year. */
static void
test_check_entered_chairs (void)
{
  const char *order[] = { "UNODC", "UNHCR", "IOM", "OSCE", NULL };
  IcatRotationRule rule = { order, 2, TRUE, TRUE };
  g_autoptr(GHashTable) un = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) chairs = history_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *problems = NULL;

  g_hash_table_add (un, (gpointer) "UNODC");
  g_hash_table_add (un, (gpointer) "UNHCR");
  add_year (chairs, 2014, "IOM", NULL);
  add_year (chairs, 2015, "UNHCR", "UNODC");   /* two UN entities */
  add_year (chairs, 2016, "UNODC", "OSCE");    /* UNODC again after one year */
  add_year (chairs, 2017, "WORLDBANK", NULL);  /* not in the order */
  warnings = icat_rotation_check (&rule, chairs, un);
  problems = describe_warnings (warnings);
  g_assert_cmpstr (problems, ==,
                   "2015:not-paired:UNODC 2016:too-soon:UNODC 2017:not-in-order:WORLDBANK");

  /* Without a window or pairing, the same years are fine but for the stranger. */
  rule.skip_recent_years = 0;
  rule.pair_un_with_other = FALSE;
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&problems, g_free);
  warnings = icat_rotation_check (&rule, chairs, un);
  problems = describe_warnings (warnings);
  g_assert_cmpstr (problems, ==, "2017:not-in-order:WORLDBANK");
}

/* No order yet: nothing to propose, nothing crashes. */
static void
test_propose_without_order (void)
{
  const char *order[] = { NULL };
  IcatRotationRule rule = { order, 2, FALSE, FALSE };
  g_autoptr(GPtrArray) proposals = icat_rotation_propose (&rule, NULL, NULL, 2027, 3, NULL);

  g_assert_cmpuint (proposals->len, ==, 0);
}

/* DAW and UNIFEM are still in a stored order (they chaired before 2011 and
 * the coordinators never removed them): the turn passes them over, even
 * when they waited longest, for single chairs and for co-chairs. */
static void
test_propose_never_former_members (void)
{
  const char *order[] = { "DAW", "ILO", "IOM", "UNIFEM", "UNODC", NULL };
  IcatRotationRule rule = { order, 1, FALSE, FALSE };
  g_autoptr(GHashTable) former = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) history = history_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problems = NULL;

  g_hash_table_add (former, (gpointer) "DAW");
  g_hash_table_add (former, (gpointer) "UNIFEM");
  rule.former = former;
  add_year (history, 2024, "IOM", NULL);
  add_year (history, 2025, "UNODC", NULL);
  proposals = icat_rotation_propose (&rule, history, NULL, 2026, 4, &warnings);
  text = describe (proposals);
  g_assert_cmpstr (text, ==, "2026:ILO 2027:IOM 2028:UNODC 2029:ILO");
  g_assert_cmpuint (warnings->len, ==, 0);

  /* Everyone chaired last year: the longest waiting would be DAW (never
   * chaired), but only a current member may be proposed. */
  rule.skip_recent_years = 5;
  g_clear_pointer (&proposals, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  proposals = icat_rotation_propose (&rule, history, NULL, 2026, 3, &warnings);
  text = describe (proposals);
  problems = describe_warnings (warnings);
  g_assert_cmpstr (text, ==, "2026:ILO 2027:IOM 2028:UNODC");
  g_assert_cmpstr (problems, ==, "2027:no-candidate:IOM 2028:no-candidate:UNODC");

  /* Co-chairs: two current members a year, never a former one. */
  rule.skip_recent_years = 0;
  rule.co_chairs = TRUE;
  g_clear_pointer (&proposals, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  proposals = icat_rotation_propose (&rule, history, NULL, 2026, 2, NULL);
  text = describe (proposals);
  g_assert_cmpstr (text, ==, "2026:ILO+IOM 2027:UNODC+ILO");
}

/* An order of former members only proposes nobody, and nothing crashes. */
static void
test_propose_only_former_members (void)
{
  const char *order[] = { "DAW", "UNIFEM", NULL };
  IcatRotationRule rule = { order, 0, TRUE, FALSE };
  g_autoptr(GHashTable) former = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) proposals = NULL;

  g_hash_table_add (former, (gpointer) "DAW");
  g_hash_table_add (former, (gpointer) "UNIFEM");
  rule.former = former;
  proposals = icat_rotation_propose (&rule, NULL, NULL, 2027, 3, NULL);
  g_assert_cmpuint (proposals->len, ==, 0);
}

/* The warnings in words, as the Chair Rotation page and the handover pack
 * say them: a chair too soon names its previous turn, found in the years. */
static void
test_warning_text (void)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_chair_year_free);
  IcatRotationWarning too_soon = { 2024, ICAT_ROTATION_TOO_SOON, (char *) "iom" };
  IcatRotationWarning not_paired = { 2025, ICAT_ROTATION_NOT_PAIRED, (char *) "iom" };
  IcatRotationWarning no_candidate = { 2026, ICAT_ROTATION_NO_CANDIDATE, (char *) "iom" };
  g_autofree char *soon = NULL, *once = NULL, *un = NULL, *other = NULL, *nobody = NULL;

  add_year (years, 2020, "iom", NULL);
  add_year (years, 2022, "iom", "osce");
  add_year (years, 2024, "iom", NULL);
  soon = icat_rotation_warning_text (&too_soon, years, "IOM", 2, TRUE);
  g_assert_cmpstr (soon, ==, "IOM chaired in 2024, within 2 years of its turn in 2022.");
  once = icat_rotation_warning_text (&too_soon, years, "IOM", 1, TRUE);
  g_assert_cmpstr (once, ==, "IOM chaired in 2024, within 1 year of its turn in 2022.");
  un = icat_rotation_warning_text (&not_paired, years, "IOM", 2, TRUE);
  g_assert_true (g_str_has_prefix (un, "The co-chairs of 2025 are both UN entities"));
  other = icat_rotation_warning_text (&not_paired, years, "IOM", 2, FALSE);
  g_assert_true (g_str_has_prefix (other, "The co-chairs of 2025 are both from outside the UN system"));
  nobody = icat_rotation_warning_text (&no_candidate, years, "IOM", 2, TRUE);
  g_assert_cmpstr (nobody, ==, "No agency in the turn order is free to chair in 2026; IOM, who waited longest, is proposed.");
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/rotation/propose/documented-chairs", test_propose_after_documented_chairs);
  g_test_add_func ("/rotation/propose/skips-recent", test_propose_skips_recent_chairs);
  g_test_add_func ("/rotation/propose/nobody-free", test_propose_when_nobody_is_free);
  g_test_add_func ("/rotation/propose/paired-co-chairs", test_propose_paired_co_chairs);
  g_test_add_func ("/rotation/propose/without-order", test_propose_without_order);
  g_test_add_func ("/rotation/propose/never-former", test_propose_never_former_members);
  g_test_add_func ("/rotation/propose/only-former", test_propose_only_former_members);
  g_test_add_func ("/rotation/check", test_check_entered_chairs);
  g_test_add_func ("/rotation/warning-text", test_warning_text);
  return g_test_run ();
}
