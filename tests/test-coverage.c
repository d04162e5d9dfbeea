/* test-coverage.c — the mandate coverage matrix on a crafted database
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-coverage.h"
#include "icat-test-util.h"

typedef struct {
  char      *dir;
  IcatStore *store;
} Fixture;

static char *
mandate_id (IcatStore  *store,
            const char *document,
            const char *paragraph)
{
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (store),
                                        "SELECT id FROM mandate WHERE document = ?1 AND paragraph = ?2", NULL);
  char *id = NULL;

  icat_bind_text (stmt, 1, document);
  icat_bind_text (stmt, 2, paragraph);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_nonnull (id);
  return id;
}

static void
save (IcatStore  *store,
      const char *kind,
      const char *json)
{
  g_autoptr(JsonObject) record = icat_test_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (store, kind, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* Two action items and a cancelled one, a published and a drafting paper. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *unodc = NULL, *iom = NULL, *ilo = NULL, *unhcr = NULL;
  g_autofree char *p10 = NULL, *p12 = NULL, *p13 = NULL, *annex11 = NULL;
  g_autofree char *json = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
  unodc = icat_test_agency_id (fixture->store, "UNODC");
  iom = icat_test_agency_id (fixture->store, "IOM");
  ilo = icat_test_agency_id (fixture->store, "ILO");
  unhcr = icat_test_agency_id (fixture->store, "UNHCR");
  p10 = mandate_id (fixture->store, "A/RES/72/195", "10");
  p12 = mandate_id (fixture->store, "A/RES/72/195", "12");
  p13 = mandate_id (fixture->store, "A/RES/72/195", "13");
  annex11 = mandate_id (fixture->store, "A/RES/64/293", "annex 11");

  json = g_strdup_printf ("{\"title\": \"Convene the principals\", \"owner\": \"%s\", \"supporting\": [\"%s\"], "
                          "\"status\": \"open\", \"mandates\": [\"%s\"]}", unodc, iom, p10);
  save (fixture->store, "action_item", json);
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"Brief the Member States\", \"owner\": \"%s\", \"status\": \"done\", "
                          "\"mandates\": [\"%s\", \"%s\"]}", ilo, p10, annex11);
  save (fixture->store, "action_item", json);
  g_free (json);
  json = g_strdup_printf ("{\"title\": \"A dropped idea\", \"owner\": \"%s\", \"status\": \"cancelled\", "
                          "\"mandates\": [\"%s\"]}", unodc, p12);
  save (fixture->store, "action_item", json);
  g_free (json);
  json = g_strdup_printf ("{\"kind\": \"issue-brief\", \"title\": {\"en\": \"Remedies\"}, \"status\": \"published\", "
                          "\"lead_agencies\": [\"%s\"], \"contributing_agencies\": [\"%s\"], \"mandates\": [\"%s\"]}",
                          unhcr, unodc, p12);
  save (fixture->store, "paper", json);
  g_free (json);
  json = g_strdup_printf ("{\"kind\": \"policy-paper\", \"title\": {\"en\": \"Data\"}, \"status\": \"drafting\", "
                          "\"lead_agencies\": [\"%s\"], \"mandates\": [\"%s\"]}", iom, p13);
  save (fixture->store, "paper", json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  icat_test_tmpdir_free (fixture->dir);
}

static guint
find_line (GPtrArray  *lines,
           const char *label)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (((IcatCoverageLine *) lines->pdata[i])->label, label) == 0)
      return i;
  g_error ("no line %s", label);
  return 0;
}

static guint
cell (IcatCoverage *coverage,
      const char   *row,
      const char   *column)
{
  return icat_coverage_get (coverage, find_line (coverage->rows, row), find_line (coverage->columns, column));
}

static IcatCoverageLine *
row_line (IcatCoverage *coverage,
          const char   *row)
{
  return coverage->rows->pdata[find_line (coverage->rows, row)];
}

static void
test_by_status (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatCoverage) coverage = icat_coverage_compute (_icat_store_get_read_db (fixture->store),
                                                            ICAT_COVERAGE_BY_STATUS, &error);
  guint without_work = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (coverage->rows->len, ==, 119);
  g_assert_cmpuint (coverage->columns->len, ==, 5);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "Open"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "Done"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 12", "Cancelled"), ==, 1);
  /* A published paper is done work; one being drafted is in progress. */
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 12", "Done"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 13", "In progress"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/64/293, annex para. 11", "Done"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 5", "Open"), ==, 0);
  /* The built-in Global Reports of 2014 and 2016, published. */
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 21", "Done"), ==, 2);
  g_assert_cmpuint (coverage->max_count, ==, 2);

  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 10")->open, ==, 1);
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 10")->completed, ==, 1);
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 12")->open, ==, 0);
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 12")->completed, ==, 1);
  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IcatCoverageLine *row = coverage->rows->pdata[i];

      if (row->open == 0 && row->completed == 0)
        without_work++;
    }
  /* Paragraphs 10, 12, 13 and annex 11 have work, and the six the built-in
   * papers answer (GPA para 5 and annex 60, 72/195 paras 5, 21 and 22,
   * 2015/23 para 5); the other 109 have none. */
  g_assert_cmpuint (without_work, ==, 109);
}

static void
test_by_agency (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatCoverage) coverage = icat_coverage_compute (_icat_store_get_read_db (fixture->store),
                                                            ICAT_COVERAGE_BY_AGENCY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "UNODC"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "IOM"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "ILO"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "UNHCR"), ==, 0);
  /* Contributor to the paper; the item it owns there was cancelled, which is no work. */
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 12", "UNODC"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 12", "UNHCR"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 13", "IOM"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/64/293, annex para. 11", "ILO"), ==, 1);
  /* The built-in Global Reports of 2014, 2016 and 2018, which UNODC leads. */
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 21", "UNODC"), ==, 3);
  g_assert_cmpuint (coverage->max_count, ==, 3);
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 13")->open, ==, 1);
  /* Para 5 has the built-in joint statement of World Day 2015; para 6 has no work. */
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 5")->completed, ==, 1);
  g_assert_cmpuint (row_line (coverage, "A/RES/72/195, para. 6")->open + row_line (coverage, "A/RES/72/195, para. 6")->completed, ==, 0);
}

static char *
column_labels (IcatCoverage *coverage)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < coverage->columns->len; i++)
    {
      IcatCoverageLine *column = coverage->columns->pdata[i];

      g_string_append_printf (text, "%s%s%s", i > 0 ? " " : "", column->label, column->former ? "*" : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Current members' columns first; DAW and UNIFEM (merged into UN-Women)
 * only once they have work, after them, and with their count. */
static void
test_by_agency_former_last (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *daw = icat_test_agency_id (fixture->store, "DAW");
  g_autofree char *p10 = mandate_id (fixture->store, "A/RES/72/195", "10");
  g_autofree char *json = NULL;
  g_autofree char *labels = NULL;
  g_autoptr(IcatCoverage) coverage = icat_coverage_compute (_icat_store_get_read_db (fixture->store),
                                                            ICAT_COVERAGE_BY_AGENCY, NULL);

  labels = column_labels (coverage);
  g_assert_cmpstr (labels, ==, "DPKO ICAO ICMPD ILO INTERPOL IOM OAS OHCHR OSCE OSRSG-VAC UN-Women "
                               "UNAIDS UNDP UNESCO UNFPA UNHCR UNICEF UNICRI UNODC World Bank");
  g_clear_pointer (&coverage, icat_coverage_free);
  g_clear_pointer (&labels, g_free);

  json = g_strdup_printf ("{\"title\": \"Report of 2009\", \"owner\": \"%s\", \"status\": \"done\", "
                          "\"mandates\": [\"%s\"]}", daw, p10);
  save (fixture->store, "action_item", json);
  coverage = icat_coverage_compute (_icat_store_get_read_db (fixture->store), ICAT_COVERAGE_BY_AGENCY, NULL);
  labels = column_labels (coverage);
  g_assert_cmpstr (labels, ==, "DPKO ICAO ICMPD ILO INTERPOL IOM OAS OHCHR OSCE OSRSG-VAC UN-Women "
                               "UNAIDS UNDP UNESCO UNFPA UNHCR UNICEF UNICRI UNODC World Bank DAW*");
  /* The cells moved with their columns. */
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "DAW"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "UNODC"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 10", "ILO"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/72/195, para. 12", "UNHCR"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/64/293, annex para. 11", "ILO"), ==, 1);
  g_assert_cmpuint (cell (coverage, "A/RES/64/293, annex para. 11", "World Bank"), ==, 0);
}

/* DOMAIN.md's list of the paragraphs that address ICAT or its coordinator. */
static void
test_addressed_to_icat (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IcatCoverage) coverage = icat_coverage_compute (_icat_store_get_read_db (fixture->store),
                                                            ICAT_COVERAGE_BY_STATUS, NULL);
  const char *for_icat[] = {
    "A/RES/72/195, para. 8", "A/RES/72/195, para. 13", "A/RES/72/195, para. 19", "A/RES/72/195, para. 22",
    "A/RES/64/293, annex para. 11", "A/RES/64/293, annex para. 56", "A/RES/64/293, annex para. 59",
    "E/RES/2015/23, para. 7", "E/RES/2015/23, para. 8", "CTOC/COP resolution 5/2, para. 16",
  };
  const char *not_for_icat[] = {
    "A/RES/72/195, para. 7", "A/RES/72/195, para. 14", "A/RES/72/195, para. 18", "A/RES/64/293, annex para. 38",
    "E/RES/2015/23, para. 6", "CTOC/COP resolution 5/2, para. 17",
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (for_icat); i++)
    g_assert_true (row_line (coverage, for_icat[i])->for_icat);
  for (guint i = 0; i < G_N_ELEMENTS (not_for_icat); i++)
    g_assert_false (row_line (coverage, not_for_icat[i])->for_icat);
  for (guint i = 0; i < coverage->rows->len; i++)
    n += ((IcatCoverageLine *) coverage->rows->pdata[i])->for_icat;
  /* 6 + 4 paragraphs of 72/195, 3 of the Plan's annex, 2 of ECOSOC, 1 of the COP. */
  g_assert_cmpuint (n, ==, 16);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add ("/coverage/by-status", Fixture, NULL, fixture_set_up, test_by_status, fixture_tear_down);
  g_test_add ("/coverage/by-agency", Fixture, NULL, fixture_set_up, test_by_agency, fixture_tear_down);
  g_test_add ("/coverage/by-agency/former-last", Fixture, NULL, fixture_set_up, test_by_agency_former_last,
              fixture_tear_down);
  g_test_add ("/coverage/addressed-to-icat", Fixture, NULL, fixture_set_up, test_addressed_to_icat, fixture_tear_down);
  return g_test_run ();
}
