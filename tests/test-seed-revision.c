/* test-seed-revision.c — the built-in data of December 2026 and its upgrade
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts the built-in data gained from the seed documents (issue 16,
 * points 5-8), each read back from a freshly seeded database; then a
 * database seeded with the previous built-in data (tests/data/
 * seed-2026-01-01.json) brought up to date: corrections on untouched
 * records, journaled, once; edits and deletions left alone and named by
 * check; two laptops that upgrade on their own merge without a conflict.
 * Then the names in the six languages of 7 December 2026 (issue 17),
 * brought to a database of the 6 December data (seed-2026-12-06.json).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "icat-error.h"
#include "icat-exchange.h"
#include "icat-record-io.h"
#include "icat-seed.h"
#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-sync-private.h"
#include "icat-test-util.h"

#define PARA_9_OF_72_195 "9b81638d-19e6-577f-9dbf-cb1110ea1b1f"
#define BRIEFING_MARCH_2017 "b3a1edb5-1577-57b7-ae71-a08dcdf3de07"
#define BRIEFING_SEPTEMBER_2017 "a129fd10-4361-5174-b271-0342f07e3a16"
/* The revision that corrected the meetings; the next one named the agencies. */
#define DECEMBER_6 "2026-12-06T00:00:00.000Z"

static const char * const device_ids[] = {
  "00000000-0000-4000-8000-0000000000c1",
  "00000000-0000-4000-8000-0000000000c2",
};

typedef struct {
  char      *dir;
  IcatStore *store;
} Fixture;

static void
fresh_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, NULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  icat_test_finalize_store (g_steal_pointer (&fixture->store));
  icat_test_tmpdir_free (fixture->dir);
}

static IcatDb *
db_of (Fixture *fixture)
{
  return _icat_store_get_read_db (fixture->store);
}

/* The text of the first column of sql's first row, or NULL. */
static char *
query (Fixture    *fixture,
       const char *sql)
{
  return icat_test_query_text (db_of (fixture), sql);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autofree char *text = query (fixture, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static char *
mandate_id (Fixture    *fixture,
            const char *document,
            const char *paragraph)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM mandate WHERE document = '%s' AND paragraph = '%s'",
                                          document, paragraph);
  char *id = query (fixture, sql);

  g_assert_nonnull (id);
  return id;
}

static char *
mandate_field (Fixture    *fixture,
               const char *document,
               const char *paragraph,
               const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM mandate WHERE document = '%s' AND paragraph = '%s'",
                                          column, document, paragraph);

  return query (fixture, sql);
}

/* Whether an agenda item of meeting links mandate. */
static gboolean
meeting_links (Fixture    *fixture,
               const char *meeting,
               const char *mandate)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM meeting_agenda a JOIN meeting_agenda_mandates l "
                                          "ON l.owner_id = a.id WHERE a.parent_id = '%s' AND l.target_id = '%s'",
                                          meeting, mandate);

  return query_int (fixture, sql) > 0;
}

static gboolean
paper_links (Fixture    *fixture,
             const char *title,
             const char *mandate)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM paper p JOIN paper_mandates l ON l.owner_id = p.id "
                                          "WHERE json_extract (p.title, '$.en') = '%s' AND l.target_id = '%s'",
                                          title, mandate);

  return query_int (fixture, sql) > 0;
}

static JsonObject *
read_record (Fixture    *fixture,
             const char *kind,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *record = icat_record_io_read (db_of (fixture), icat_schema_lookup (kind), id, &error);

  g_assert_no_error (error);
  return record;
}

/* ------------------------------------------------------------------ */
/* Point 5: links                                                      */

static void
test_briefings_link_para_9 (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *para_9 = mandate_id (fixture, "A/RES/72/195", "9");
  g_autoptr(GPtrArray) briefings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = icat_db_prepare (db_of (fixture), "SELECT id FROM meeting WHERE kind = 'member-state-briefing'", NULL);

  g_assert_cmpstr (para_9, ==, PARA_9_OF_72_195);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (briefings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_assert_cmpuint (briefings->len, ==, 6);
  for (guint i = 0; i < briefings->len; i++)
    g_assert_true (meeting_links (fixture, briefings->pdata[i], para_9));
  /* Other meetings are not briefings and do not claim para 9. */
  g_assert_false (meeting_links (fixture, "c28c6a6f-8c90-58b8-8b35-cb3282829432", para_9));
}

static void
test_principals_link_para_10 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *para_10 = mandate_id (fixture, "A/RES/72/195", "10");
  g_autoptr(JsonObject) first = read_record (fixture, "meeting", "c28c6a6f-8c90-58b8-8b35-cb3282829432");

  g_assert_true (meeting_links (fixture, "c28c6a6f-8c90-58b8-8b35-cb3282829432", para_10));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "note"), "72/195 para 10"));
}

static void
test_papers_link_their_paragraphs (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *para_21 = mandate_id (fixture, "A/RES/72/195", "21");
  g_autofree char *para_22 = mandate_id (fixture, "A/RES/72/195", "22");
  g_autofree char *para_5 = mandate_id (fixture, "A/RES/72/195", "5");
  g_autofree char *annex_60 = mandate_id (fixture, "A/RES/64/293", "annex 60");
  g_autofree char *gpa_5 = mandate_id (fixture, "A/RES/64/293", "5");
  g_autofree char *unlinked = NULL;

  for (guint year = 2014; year <= 2018; year += 2)
    {
      g_autofree char *title = g_strdup_printf ("Global Report on Trafficking in Persons %u", year);

      g_assert_true (paper_links (fixture, title, para_21));
      g_assert_true (paper_links (fixture, title, annex_60));
    }
  g_assert_true (paper_links (fixture, "Report of the Secretary-General to the 74th session on the implementation "
                                       "of resolution 72/195", para_22));
  g_assert_true (paper_links (fixture, "Report of the Secretary-General: Improving the coordination of efforts "
                                       "against trafficking in persons (A/71/119)", gpa_5));
  g_assert_true (paper_links (fixture, "Joint statement by the heads of eight leading organizations fighting "
                                       "trafficking in persons (World Day against Trafficking in Persons 2015)", para_5));
  /* The policy papers stay unlinked, and say why. */
  unlinked = query (fixture, "SELECT count(*) FROM paper p WHERE kind = 'policy-paper' AND "
                             "NOT EXISTS (SELECT 1 FROM paper_mandates l WHERE l.owner_id = p.id) AND "
                             "note LIKE '%no tracked paragraph asks for it%'");
  g_assert_cmpstr (unlinked, ==, "4");
}

/* ------------------------------------------------------------------ */
/* Point 6: the calendar                                               */

static void
test_appraisal_meetings (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *may = query (fixture, "SELECT starts_at || ' ' || ends_at || ' ' || multi_day FROM meeting "
                                         "WHERE starts_at LIKE '2013-05%'");
  g_autofree char *conflict = query (fixture, "SELECT note FROM meeting WHERE starts_at LIKE '2013-05%'");
  g_autofree char *september = query (fixture, "SELECT substr (starts_at, 1, 10) || ' ' || substr (ends_at, 1, 10) "
                                               "FROM meeting WHERE starts_at LIKE '2017-09-27%'");
  g_autofree char *para_3 = mandate_id (fixture, "A/RES/72/195", "3");
  g_autofree char *id_2017 = query (fixture, "SELECT id FROM meeting WHERE starts_at LIKE '2017-09-27%'");

  g_assert_cmpstr (may, ==, "2013-05-13T14:00:00.000Z 2013-05-15T22:00:00.000Z 1");
  g_assert_nonnull (strstr (conflict, "72/195 para 3 says 13-15 May 2013"));
  g_assert_nonnull (strstr (conflict, "A/71/119 para 61 says 13-14 May 2013"));
  g_assert_cmpstr (september, ==, "2017-09-27 2017-09-28");
  g_assert_true (meeting_links (fixture, id_2017, para_3));
}

static void
test_working_group_meetings (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *venues = query (fixture, "SELECT group_concat (venue, ',') FROM (SELECT venue FROM meeting "
                                            "WHERE kind = 'working-group' ORDER BY venue)");
  g_autofree char *uncertain = query (fixture, "SELECT count(*) FROM meeting WHERE kind = 'working-group' AND "
                                               "date_precision = 'year' AND note LIKE '%give no dates%'");

  g_assert_cmpstr (venues, ==, "Geneva,New York,Vienna,virtual");
  g_assert_cmpstr (uncertain, ==, "4");
}

static void
test_bangkok_consultation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *para_19 = mandate_id (fixture, "A/RES/72/195", "19");
  g_autofree char *id = query (fixture, "SELECT id FROM meeting WHERE venue = 'Bangkok'");
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autoptr(GTimeZone) bangkok = g_time_zone_new_identifier ("Asia/Bangkok");
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local_end = NULL;

  g_assert_nonnull (id);
  meeting = read_record (fixture, "meeting", id);
  starts = g_date_time_new_from_iso8601 (json_object_get_string_member (meeting, "starts_at"), NULL);
  ends = g_date_time_new_from_iso8601 (json_object_get_string_member (meeting, "ends_at"), NULL);
  local_start = g_date_time_to_timezone (starts, bangkok);
  local_end = g_date_time_to_timezone (ends, bangkok);
  g_assert_cmpint (g_date_time_get_day_of_month (local_start), ==, 21);
  g_assert_cmpint (g_date_time_get_day_of_month (local_end), ==, 22);
  g_assert_cmpint (g_date_time_get_month (local_start), ==, 5);
  g_assert_cmpint (g_date_time_get_year (local_start), ==, 2014);
  g_assert_true (json_object_get_boolean_member (meeting, "multi_day"));
  g_assert_true (meeting_links (fixture, id, para_19));
}

static void
test_reports_named (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *statuses = query (fixture, "SELECT group_concat (year || ':' || status, ',') FROM (SELECT year, status "
                                              "FROM paper WHERE json_extract (title, '$.en') LIKE 'Global Report%' ORDER BY year)");
  g_autofree char *a_71_119 = query (fixture, "SELECT published_on FROM paper WHERE json_extract (title, '$.en') LIKE '%(A/71/119)'");
  g_autofree char *sg_74 = query (fixture, "SELECT coalesce (year, 'none') || ':' || status FROM paper "
                                           "WHERE json_extract (title, '$.en') LIKE '%74th session%'");

  g_assert_cmpstr (statuses, ==, "2014:published,2016:published,2018:proposed");
  g_assert_cmpstr (a_71_119, ==, "2016-07-01");
  g_assert_cmpstr (sg_74, ==, "none:proposed");
}

/* ------------------------------------------------------------------ */
/* Point 7: addressees and pillars                                     */

static void
test_unodc_in_its_own_right (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const own_right[][2] = {
    { "A/RES/72/195", "20" }, { "A/RES/72/195", "21" }, { "E/RES/2015/23", "9" }, { "E/RES/2015/23", "5" },
    { "A/RES/64/293", "annex 38" }, { "E/RES/2015/23", "6" }, { "CTOC/COP resolution 5/2", "17" },
  };
  g_autofree char *coordinator = query (fixture, "SELECT group_concat (document || ' ' || paragraph, ', ') FROM "
                                                 "(SELECT document, paragraph FROM mandate WHERE addressee = 'coordinator' "
                                                 "ORDER BY document, paragraph)");

  for (guint i = 0; i < G_N_ELEMENTS (own_right); i++)
    {
      g_autofree char *addressee = mandate_field (fixture, own_right[i][0], own_right[i][1], "addressee");

      g_assert_cmpstr (addressee, ==, "unodc");
    }
  g_assert_cmpstr (coordinator, ==, "A/RES/72/195 10, A/RES/72/195 13, A/RES/72/195 8, CTOC/COP resolution 5/2 16");
}

static void
test_secretary_general (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *annex_59 = mandate_field (fixture, "A/RES/64/293", "annex 59", "addressee");
  g_autofree char *annex_60 = mandate_field (fixture, "A/RES/64/293", "annex 60", "addressee");
  g_autofree char *para_7 = mandate_field (fixture, "A/RES/72/195", "7", "addressee");
  g_autofree char *para_7_note = mandate_field (fixture, "A/RES/72/195", "7", "note");

  g_assert_cmpstr (annex_59, ==, "secretary-general");
  g_assert_cmpstr (annex_60, ==, "secretary-general");
  g_assert_cmpstr (para_7, ==, "secretary-general");
  g_assert_nonnull (strstr (para_7_note, "invites Member States"));
}

static void
test_pillars_consistent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *trust_fund = query (fixture, "SELECT group_concat (DISTINCT pillar) FROM mandate WHERE "
                                                "(document = 'A/RES/64/293' AND paragraph IN ('4', 'annex 38')) OR "
                                                "(document = 'A/RES/72/195' AND paragraph = '20') OR "
                                                "(document = 'E/RES/2015/23' AND paragraph = '9')");
  g_autofree char *appraisal = query (fixture, "SELECT group_concat (DISTINCT pillar) FROM mandate WHERE "
                                               "(document = 'A/RES/72/195' AND paragraph IN ('3', '4')) OR "
                                               "(document = 'A/RES/64/293' AND paragraph = '6')");
  g_autofree char *gpa_7 = mandate_field (fixture, "A/RES/64/293", "7", "pillar");
  g_autofree char *para_7 = mandate_field (fixture, "A/RES/72/195", "7", "pillar");

  g_assert_cmpstr (trust_fund, ==, "protection");
  g_assert_cmpstr (appraisal, ==, "reporting");
  g_assert_cmpstr (gpa_7, ==, para_7);
}

/* ------------------------------------------------------------------ */
/* Point 8: facts flagged                                              */

static void
test_facts_flagged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *unifem = query (fixture, "SELECT m.note || ' / ' || a.note FROM agency a JOIN agency_memberships m "
                                            "ON m.parent_id = a.id WHERE a.acronym = 'UNIFEM'");
  g_autofree char *daw = query (fixture, "SELECT m.note || ' / ' || a.note FROM agency a JOIN agency_memberships m "
                                         "ON m.parent_id = a.id WHERE a.acronym = 'DAW'");
  g_autofree char *un_women = query (fixture, "SELECT m.note FROM agency a JOIN agency_memberships m "
                                              "ON m.parent_id = a.id WHERE a.acronym = 'UN-Women'");
  g_autofree char *world_bank = query (fixture, "SELECT note FROM agency WHERE acronym = 'World Bank'");
  g_autofree char *dpko = query (fixture, "SELECT json_extract (name, '$.zh') FROM agency WHERE acronym = 'DPKO'");
  g_autofree char *annex_29 = mandate_field (fixture, "A/RES/64/293", "annex 29", "json_extract (text, '$.en')");

  g_assert_nonnull (strstr (unifem, "end date (1 Jan 2011) is not in the sources"));
  g_assert_nonnull (strstr (unifem, "English and Chinese names are not in the sources"));
  g_assert_nonnull (strstr (daw, "end date (1 Jan 2011) is not in the sources"));
  g_assert_nonnull (strstr (daw, "English and Chinese names are not in the sources"));
  g_assert_nonnull (strstr (un_women, "start on 1 Jan 2011 is not in the sources"));
  g_assert_nonnull (strstr (world_bank, "do not describe the World Bank"));
  g_assert_cmpstr (dpko, ==, "秘书处维持和平行动部");
  g_assert_nonnull (strstr (annex_29, "border officials, labour inspectors"));
}

static void
test_briefings_osce_not_stated (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *briefings[] = { BRIEFING_MARCH_2017, BRIEFING_SEPTEMBER_2017 };

  for (guint i = 0; i < G_N_ELEMENTS (briefings); i++)
    {
      g_autoptr(JsonObject) meeting = read_record (fixture, "meeting", briefings[i]);

      g_assert_nonnull (strstr (json_object_get_string_member (meeting, "note"), "its attendance here is not stated"));
    }
}

static void
test_principals_wording (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *titles = query (fixture, "SELECT group_concat (DISTINCT json_extract (title, '$.zh')) FROM meeting "
                                            "WHERE kind = 'principals' AND json_extract (title, '$.en') NOT LIKE 'First%'");
  g_autofree char *first = query (fixture, "SELECT json_extract (title, '$.zh') FROM meeting "
                                           "WHERE json_extract (title, '$.en') LIKE 'First principals%'");
  g_autofree char *marked = query (fixture, "SELECT count(*) FROM meeting WHERE kind = 'principals' AND "
                                            "note NOT LIKE '%the English title is a translation%'");

  g_assert_cmpstr (titles, ==, "主管级机构间协调小组会议");
  g_assert_cmpstr (first, ==, "第一次主管级机构间协调小组会议");
  g_assert_cmpstr (marked, ==, "0");
}

/* ------------------------------------------------------------------ */
/* A freshly seeded database                                           */

/* The newest updated_at of data/seed/icat.json, which ICAT_SEED_REVISION
 * must name. */
static const char *
newest_change_in_seed (void)
{
  static char newest[32];
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "seed", "icat.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kinds;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new (contents, length);
  document = icat_exchange_parse ("icat.json", bytes, &error);
  g_assert_no_error (error);
  newest[0] = '\0';
  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *records = json_object_get_array_member (json_node_get_object (document), kinds[k]->plural);

      for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
        {
          const char *at = json_object_get_string_member (json_array_get_object_element (records, i), "updated_at");

          if (strcmp (at, newest) > 0)
            g_strlcpy (newest, at, sizeof newest);
        }
    }
  return newest;
}

static void
test_fresh_is_current (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *held = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *journal = query (fixture, "SELECT count(*) FROM sync_journal");

  g_assert_cmpstr (icat_seed_revision (), ==, newest_change_in_seed ());
  g_assert_true (_icat_sync_read_setting (db_of (fixture), ICAT_SEED_REVISION_KEY, &held, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (held, ==, icat_seed_revision ());
  /* The seed is where a database starts: nothing journaled, nothing differs. */
  g_assert_cmpstr (journal, ==, "0");
  differences = icat_seed_differences (db_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Upgrading a database of the previous built-in data                  */

typedef struct {
  const char *file;      /* in tests/data */
  const char *revision;  /* held back, or NULL: none noted */
} PreviousSeed;

/* An earlier built-in data, as databases made then hold it. */
static gboolean
load_previous_seed (IcatDb    *db,
                    gpointer   data,
                    GError   **error)
{
  const PreviousSeed *previous = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", previous->file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(IcatImportPlan) plan = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (contents, length);
  document = icat_exchange_parse (previous->file, bytes, error);
  if (document == NULL)
    return FALSE;
  plan = icat_import_plan_new (db, document, FALSE, previous->file, error);
  if (plan == NULL || !icat_import_plan_apply (plan, db, error))
    return FALSE;
  /* A revision held back, so a store opens it as it is, to be edited first. */
  return previous->revision == NULL || _icat_sync_set_setting (db, ICAT_SEED_REVISION_KEY, previous->revision, error);
}

static char *
database_of (const char *dir,
             const char *name,
             const char *file,
             const char *revision)
{
  char *path = g_build_filename (dir, name, NULL);
  PreviousSeed previous = { file, revision };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = icat_db_open_full (path, ICAT_DB_READ_WRITE, load_previous_seed, &previous, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return path;
}

/* The built-in data of January 2026. */
static char *
previous_database (const char *dir,
                   const char *name,
                   const char *revision)
{
  return database_of (dir, name, "seed-2026-01-01.json", revision);
}

static IcatStore *
open_store (const char *path,
            const char *device)
{
  g_autoptr(GError) error = NULL;
  IcatStore *store = icat_store_open (path, &error);

  g_assert_no_error (error);
  if (device != NULL)
    _icat_store_set_device_id (store, device);
  return store;
}

/* The database as an older ICAT Tracker left it: no revision noted. */
static void
forget_revision (IcatStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_icat_sync_set_setting (_icat_store_get_write_db (store), ICAT_SEED_REVISION_KEY, NULL, &error));
  g_assert_no_error (error);
}

static void
upgrade (IcatStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_seed_upgrade (store, &error));
  g_assert_no_error (error);
}

static void
previous_set_up (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = icat_test_tmpdir_new ();
  path = previous_database (fixture->dir, "previous.db", icat_seed_revision ());
  fixture->store = open_store (path, device_ids[0]);
}

static void
test_upgrade_on_open (void)
{
  char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = previous_database (dir, "previous.db", NULL);
  /* tear_down () removes and frees dir. */
  Fixture fixture = { dir, NULL };
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *para_20 = NULL;
  g_autofree char *bangkok = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture.store = open_store (path, NULL);
  para_20 = mandate_field (&fixture, "A/RES/72/195", "20", "addressee");
  bangkok = query (&fixture, "SELECT count(*) FROM meeting WHERE venue = 'Bangkok'");
  journal = query (&fixture, "SELECT count(*) FROM sync_journal");
  g_assert_cmpstr (para_20, ==, "unodc");
  g_assert_cmpstr (bangkok, ==, "1");
  /* One journaled change, which other laptops receive. */
  g_assert_cmpstr (journal, ==, "1");
  differences = icat_seed_differences (db_of (&fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 0);
  first = icat_test_export (fixture.store);

  /* Once: opening again writes nothing more. */
  icat_test_finalize_store (g_steal_pointer (&fixture.store));
  fixture.store = open_store (path, NULL);
  g_clear_pointer (&journal, g_free);
  journal = query (&fixture, "SELECT count(*) FROM sync_journal");
  g_assert_cmpstr (journal, ==, "1");
  second = icat_test_export (fixture.store);
  g_assert_cmpstr (first, ==, second);
  tear_down (&fixture, NULL);
}

/* The export of a new database, for comparing a brought-up-to-date one. */
static char *
fresh_export (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  IcatStore *store = icat_test_store_new (dir, NULL);
  char *text = icat_test_export (store);

  icat_test_finalize_store (store);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
  return text;
}

static void
test_upgrade_matches_new_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *fresh = fresh_export ();
  g_autofree char *upgraded = NULL;
  g_autofree char *before = query (fixture, "SELECT count(*) FROM meeting");

  g_assert_cmpstr (before, ==, "12");
  forget_revision (fixture->store);
  upgrade (fixture->store);
  upgraded = icat_test_export (fixture->store);
  g_assert_cmpstr (upgraded, ==, fresh);
}

static void
test_upgrade_leaves_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *para_20 = mandate_id (fixture, "A/RES/72/195", "20");
  g_autoptr(JsonObject) edit = icat_test_object ("{\"note\": \"Checked with UNODC's Trust Fund team.\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *addressee = NULL;
  g_autofree char *note = NULL;
  g_autofree char *march = NULL;
  g_autofree char *september = NULL;
  g_autofree char *journal_before = NULL;
  g_autofree char *journal_after = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *held = NULL;

  json_object_set_string_member (edit, "id", para_20);
  saved = icat_store_save (fixture->store, "mandate", edit, &error);
  g_assert_no_error (error);
  g_assert_true (icat_store_delete (fixture->store, "meeting", BRIEFING_MARCH_2017, &error));
  g_assert_no_error (error);
  journal_before = query (fixture, "SELECT count(*) FROM sync_journal");

  forget_revision (fixture->store);
  upgrade (fixture->store);

  addressee = mandate_field (fixture, "A/RES/72/195", "20", "addressee");
  note = mandate_field (fixture, "A/RES/72/195", "20", "note");
  march = query (fixture, "SELECT count(*) FROM meeting WHERE id = '" BRIEFING_MARCH_2017 "'");
  september = query (fixture, "SELECT updated_at FROM meeting WHERE id = '" BRIEFING_SEPTEMBER_2017 "'");
  journal_after = query (fixture, "SELECT count(*) FROM sync_journal");
  /* The user's record as they left it; the deleted one stays deleted. */
  g_assert_cmpstr (addressee, ==, "coordinator");
  g_assert_cmpstr (note, ==, "Checked with UNODC's Trust Fund team.");
  g_assert_cmpstr (march, ==, "0");
  /* The untouched ones corrected, in one more journal entry. */
  g_assert_cmpstr (september, ==, DECEMBER_6);
  g_assert_cmpint (g_ascii_strtoll (journal_after, NULL, 10), ==, g_ascii_strtoll (journal_before, NULL, 10) + 1);
  g_assert_true (_icat_sync_read_setting (db_of (fixture), ICAT_SEED_REVISION_KEY, &held, &error));
  g_assert_cmpstr (held, ==, icat_seed_revision ());

  /* check names both, as warnings. */
  differences = icat_seed_differences (db_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 2);
  for (guint i = 0; i < differences->len; i++)
    g_assert_true (g_str_has_prefix (differences->pdata[i], "Warning: the built-in record "));
  g_assert_nonnull (strstr (differences->pdata[0], BRIEFING_MARCH_2017));
  g_assert_nonnull (strstr (differences->pdata[0], "was deleted"));
  g_assert_nonnull (strstr (differences->pdata[1], para_20));
  g_assert_nonnull (strstr (differences->pdata[1], "in: addressee, note."));

  /* Once: a second upgrade writes nothing. */
  upgrade (fixture->store);
  forget_revision (fixture->store);
  g_clear_pointer (&journal_before, g_free);
  journal_before = query (fixture, "SELECT count(*) FROM sync_journal");
  upgrade (fixture->store);
  g_clear_pointer (&journal_after, g_free);
  journal_after = query (fixture, "SELECT count(*) FROM sync_journal");
  g_assert_cmpstr (journal_after, ==, journal_before);
}

static void
test_check_warns (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *para_20 = mandate_id (fixture, "A/RES/72/195", "20");
  g_autoptr(JsonObject) edit = icat_test_object ("{\"pillar\": \"partnership\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  const char *path = icat_store_get_path (fixture->store);
  const char *argv[] = { "--database", path, "check", NULL };

  json_object_set_string_member (edit, "id", para_20);
  saved = icat_store_save (fixture->store, "mandate", edit, &error);
  g_assert_no_error (error);
  forget_revision (fixture->store);
  upgrade (fixture->store);

  g_assert_cmpint (icat_test_run_cli (argv, &out, &err), ==, 0);
  expected = g_strdup_printf ("Warning: the built-in record “A/RES/72/195 20” (%s) differs from the built-in data in: "
                              "addressee, pillar, note. It was edited, so the built-in data’s corrections to it "
                              "were not applied.\n", para_20);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

/* A database that only read-only commands opened since the built-in data
 * changed: check says its built-in records wait for the upgrade, and never
 * that someone edited or deleted them. */
static void
test_check_before_upgrade (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  guint waiting = 0, missing = 0;

  differences = icat_seed_differences (db_of (fixture), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < differences->len; i++)
    {
      const char *line = differences->pdata[i];

      g_assert_null (strstr (line, "It was edited"));
      g_assert_null (strstr (line, "was deleted"));
      waiting += strstr (line, "Nobody edited it") != NULL;
      missing += strstr (line, "is not in the database yet") != NULL;
    }
  g_assert_cmpuint (waiting, >, 0);
  g_assert_cmpuint (missing, >, 0);
  g_assert_cmpuint (waiting + missing, ==, differences->len);

  /* Once upgraded, nothing is left to tell. */
  forget_revision (fixture->store);
  upgrade (fixture->store);
  g_clear_pointer (&differences, g_ptr_array_unref);
  differences = icat_seed_differences (db_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 0);
}

/* Two laptops of one group, both on the previous built-in data, upgrade
 * each on its own: the same corrections merge without a conflict. */
static void
test_two_laptops_converge (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *join = g_build_filename (dir, "join.json", NULL);
  IcatStore *laptop[2];
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = fresh_export ();

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("laptop-%u.db", i);
      g_autofree char *path = previous_database (dir, name, icat_seed_revision ());

      laptop[i] = open_store (path, device_ids[i]);
    }
  g_assert_true (icat_sync_init (laptop[0], folder, join, "Vienna", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icat_sync_join (laptop[1], folder, join, NULL, "New York", NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      forget_revision (laptop[i]);
      upgrade (laptop[i]);
    }
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 2; i++)
      {
        IcatSyncReport report;

        g_assert_true (icat_sync_run (laptop[i], NULL, &report, &error));
        g_assert_no_error (error);
      }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (laptop[i], &error);
      g_autofree char *text = icat_test_export (laptop[i]);

      g_assert_no_error (error);
      g_assert_cmpuint (conflicts->len, ==, 0);
      g_assert_cmpstr (text, ==, fresh);
    }
  for (guint i = 0; i < 2; i++)
    icat_test_finalize_store (laptop[i]);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ------------------------------------------------------------------ */
/* The names in the six languages (issue 17, point 2)                  */

static void
test_six_languages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *named = query (fixture, "SELECT count(*) FROM agency WHERE "
                                           "json_extract (name, '$.ar') <> '' AND json_extract (name, '$.en') <> '' AND "
                                           "json_extract (name, '$.es') <> '' AND json_extract (name, '$.fr') <> '' AND "
                                           "json_extract (name, '$.ru') <> '' AND json_extract (name, '$.zh') <> ''");
  g_autofree char *agencies = query (fixture, "SELECT count(*) FROM agency");
  g_autofree char *unodc = query (fixture, "SELECT json_extract (name, '$.fr') FROM agency WHERE acronym = 'UNODC'");
  g_autofree char *icmpd = query (fixture, "SELECT note FROM agency WHERE acronym = 'ICMPD'");

  g_assert_cmpstr (named, ==, agencies);
  g_assert_cmpstr (unodc, ==, "Office des Nations Unies contre la drogue et le crime");
  /* A name the UN does not fix is said to be a translation. */
  g_assert_nonnull (strstr (icmpd, "are translations, not names the UN fixes"));
}

static char *
group_name_in (const char *language)
{
  char *name;

  icat_test_set_language (language);
  name = g_strdup (icat_seed_group_name ());
  icat_test_set_language (NULL);
  return name;
}

static void
test_group_name (void)
{
  g_autofree char *english = group_name_in (NULL);
  g_autofree char *french = group_name_in ("fr");
  g_autofree char *spanish = group_name_in ("es_ES.UTF-8");
  g_autofree char *russian = group_name_in ("ru");
  g_autofree char *arabic = group_name_in ("ar");
  g_autofree char *chinese = group_name_in ("zh_CN");
  g_autofree char *german = group_name_in ("de");
  g_autofree char *heading = icat_seed_group_heading ();

  g_assert_cmpstr (english, ==, "Inter-Agency Coordination Group against Trafficking in Persons");
  g_assert_cmpstr (french, ==, "Groupe de coordination interinstitutions contre la traite des personnes");
  g_assert_cmpstr (spanish, ==, "Grupo Interinstitucional de Coordinación contra la Trata de Personas");
  g_assert_cmpstr (russian, ==, "Межучрежденческая координационная группа по борьбе с торговлей людьми");
  g_assert_cmpstr (arabic, ==, "الفريق المشترك بين الوكالات للتنسيق في مجال مكافحة الاتجار بالأشخاص");
  g_assert_cmpstr (chinese, ==, "机构间打击贩运人口协调小组");
  g_assert_cmpstr (german, ==, english);
  g_assert_cmpstr (heading, ==, "Inter-Agency Coordination Group against Trafficking in Persons (ICAT)");
}

/* A database of the built-in data of 6 December 2026 gains the names in
 * Arabic, Spanish, French and Russian, except where someone renamed the
 * agency. */
static void
test_names_reach_december_databases (void)
{
  char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = database_of (dir, "december.db", "seed-2026-12-06.json", icat_seed_revision ());
  Fixture fixture = { dir, open_store (path, device_ids[0]) };
  g_autofree char *unicef = query (&fixture, "SELECT id FROM agency WHERE acronym = 'UNICEF'");
  g_autoptr(JsonObject) edit = icat_test_object ("{\"name\": {\"en\": \"UNICEF (United Nations Children's Fund)\"}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *before = NULL, *after = NULL, *again = NULL;
  g_autofree char *ilo = NULL, *renamed = NULL, *held = NULL;
  g_autoptr(GPtrArray) differences = NULL;

  json_object_set_string_member (edit, "id", unicef);
  saved = icat_store_save (fixture.store, "agency", edit, &error);
  g_assert_no_error (error);
  g_assert_true (_icat_sync_set_setting (_icat_store_get_write_db (fixture.store), ICAT_SEED_REVISION_KEY,
                                         DECEMBER_6, &error));
  before = query (&fixture, "SELECT count(*) FROM sync_journal");
  upgrade (fixture.store);

  after = query (&fixture, "SELECT count(*) FROM sync_journal");
  ilo = query (&fixture, "SELECT json_extract (name, '$.ru') || ' / ' || updated_at FROM agency WHERE acronym = 'ILO'");
  renamed = query (&fixture, "SELECT name FROM agency WHERE acronym = 'UNICEF'");
  g_assert_cmpstr (ilo, ==, "Международная организация труда / " ICAT_SEED_REVISION);
  g_assert_cmpstr (renamed, ==, "{\"en\":\"UNICEF (United Nations Children's Fund)\"}");
  /* One journaled write, which the other laptops receive. */
  g_assert_cmpint (g_ascii_strtoll (after, NULL, 10), ==, g_ascii_strtoll (before, NULL, 10) + 1);
  g_assert_true (_icat_sync_read_setting (db_of (&fixture), ICAT_SEED_REVISION_KEY, &held, &error));
  g_assert_cmpstr (held, ==, ICAT_SEED_REVISION);
  differences = icat_seed_differences (db_of (&fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 1);
  g_assert_nonnull (strstr (differences->pdata[0], "“UNICEF”"));
  g_assert_nonnull (strstr (differences->pdata[0], "in: name. It was edited"));

  /* Once. */
  upgrade (fixture.store);
  again = query (&fixture, "SELECT count(*) FROM sync_journal");
  g_assert_cmpstr (again, ==, after);
  tear_down (&fixture, NULL);
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

#define FRESH(path, func) g_test_add ("/seed/" path, Fixture, NULL, fresh_set_up, func, tear_down)
  FRESH ("links/briefings-para-9", test_briefings_link_para_9);
  FRESH ("links/principals-para-10", test_principals_link_para_10);
  FRESH ("links/papers", test_papers_link_their_paragraphs);
  FRESH ("calendar/appraisals", test_appraisal_meetings);
  FRESH ("calendar/working-group", test_working_group_meetings);
  FRESH ("calendar/bangkok", test_bangkok_consultation);
  FRESH ("calendar/reports", test_reports_named);
  FRESH ("addressees/unodc", test_unodc_in_its_own_right);
  FRESH ("addressees/secretary-general", test_secretary_general);
  FRESH ("pillars", test_pillars_consistent);
  FRESH ("flagged/facts", test_facts_flagged);
  FRESH ("flagged/osce", test_briefings_osce_not_stated);
  FRESH ("flagged/principals-wording", test_principals_wording);
  FRESH ("fresh-is-current", test_fresh_is_current);
  FRESH ("names/six-languages", test_six_languages);
#undef FRESH
  g_test_add_func ("/seed/upgrade/on-open", test_upgrade_on_open);
  g_test_add ("/seed/upgrade/matches-new", Fixture, NULL, previous_set_up, test_upgrade_matches_new_database, tear_down);
  g_test_add ("/seed/upgrade/leaves-edits", Fixture, NULL, previous_set_up, test_upgrade_leaves_edits, tear_down);
  g_test_add ("/seed/upgrade/check-warns", Fixture, NULL, previous_set_up, test_check_warns, tear_down);
  g_test_add ("/seed/upgrade/check-before-upgrade", Fixture, NULL, previous_set_up, test_check_before_upgrade,
              tear_down);
  g_test_add_func ("/seed/upgrade/two-laptops", test_two_laptops_converge);
  g_test_add_func ("/seed/names/group", test_group_name);
  g_test_add_func ("/seed/names/upgrade", test_names_reach_december_databases);
  return g_test_run ();
}
