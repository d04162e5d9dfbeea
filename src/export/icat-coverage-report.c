/* icat-coverage-report.c — the coverage of ICAT's mandates in a year, as a document
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coverage map of the Mandates section, for one year and on paper:
 * the year's work is the work plan's (icat-work-plan-data.c: the action
 * items, papers and meetings of the year with their mandates), so the
 * report and the plan never disagree about what a year holds.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-format.h"
#include "icat-reports.h"
#include "icat-seed.h"
#include "icat-work-plan-data.h"

typedef struct {
  char *document;
  char *addressee;
} MandateFacts;

static void
mandate_facts_free (MandateFacts *facts)
{
  g_free (facts->document);
  g_free (facts->addressee);
  g_free (facts);
}

/* id → MandateFacts: what the work plan's mandate list leaves out. */
static GHashTable *
load_mandate_facts (IcatDb  *db,
                    GError **error)
{
  g_autoptr(GHashTable) facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) mandate_facts_free);
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT id, document, addressee FROM mandate", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MandateFacts *entry = g_new0 (MandateFacts, 1);

      entry->document = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->addressee = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (facts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), entry);
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&facts);
}

static int
compare_mandate_order (gconstpointer a,
                       gconstpointer b)
{
  const IcatMandateInfo *x = *(IcatMandateInfo **) a;
  const IcatMandateInfo *y = *(IcatMandateInfo **) b;

  return (x->order > y->order) - (x->order < y->order);
}

static GPtrArray *
mandates_in_order (IcatWorkPlanData *data)
{
  GPtrArray *mandates = g_ptr_array_sized_new (g_hash_table_size (data->mandates));
  GHashTableIter iter;
  gpointer mandate;

  g_hash_table_iter_init (&iter, data->mandates);
  while (g_hash_table_iter_next (&iter, NULL, &mandate))
    g_ptr_array_add (mandates, mandate);
  g_ptr_array_sort (mandates, compare_mandate_order);
  return mandates;
}

/* mandate id → the year's recorded activities linked to it, by date. */
static GHashTable *
activities_by_mandate (IcatWorkPlanData *data)
{
  GHashTable *work = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < data->activities->len; i++)
    {
      IcatActivity *activity = data->activities->pdata[i];

      /* The recurring dates are the calendar's, not the group's work. */
      if (activity->type == ICAT_ACTIVITY_RECURRING)
        continue;
      for (guint m = 0; m < activity->mandates->len; m++)
        {
          IcatMandateInfo *mandate = activity->mandates->pdata[m];
          GPtrArray *list = g_hash_table_lookup (work, mandate->id);

          if (list == NULL)
            g_hash_table_insert (work, mandate->id, list = g_ptr_array_new ());
          g_ptr_array_add (list, activity);
        }
    }
  return work;
}

static gboolean
addresses_icat (const MandateFacts *facts)
{
  return facts != NULL && (g_strcmp0 (facts->addressee, "icat") == 0
                           || g_strcmp0 (facts->addressee, "coordinator") == 0);
}

static void
write_work_table (IcatReportDoc *doc,
                  GPtrArray     *activities)
{
  const double fractions[] = { 0.42, 0.14, 0.14, 0.15, 0.15 };
  const char *headers[] = { _("Work"), _("Kind"), _("Lead"), _("When"), _("Status") };

  icat_report_doc_table_begin (doc, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < activities->len; i++)
    {
      IcatActivity *activity = activities->pdata[i];
      /* An action item with only a due date is due then. */
      const char *date = activity->start != NULL ? activity->start : activity->end;
      g_autofree char *when = date != NULL ? icat_format_date (date) : g_strdup ("—");
      const char *cells[] = { activity->title, activity->type_label, activity->lead != NULL ? activity->lead : "—",
                              when, activity->status_label != NULL ? activity->status_label : "—" };

      icat_report_doc_table_row (doc, cells, activity->overdue ? ICAT_ROW_ALERT
                                 : activity->muted ? ICAT_ROW_MUTED : ICAT_ROW_DEFAULT);
    }
  icat_report_doc_table_end (doc);
}

typedef struct {
  IcatReportDoc *doc;
  int            year;
  GHashTable    *facts;   /* id → MandateFacts */
  GHashTable    *work;    /* id → GPtrArray of IcatActivity */
  GPtrArray     *gaps;    /* IcatMandateInfo of the current document */
} Coverage;

/* The paragraphs of one document with no work in the year, after its
 * paragraphs with work; those addressed to ICAT or its coordinator are
 * the ones to act on, so they are marked. */
static void
write_gaps (Coverage *coverage)
{
  const double fractions[] = { 0.22, 0.56, 0.22 };
  const char *headers[] = { _("Paragraph"), _("What it asks"), _("Addressee") };
  /* Translators: a sub-heading of the coverage report; %d is a year */
  g_autofree char *title = g_strdup_printf (_("No work recorded in %d"), coverage->year);

  if (coverage->gaps->len == 0)
    return;
  icat_report_doc_heading (coverage->doc, ICAT_TEXT_HEADING_2, title);
  icat_report_doc_table_begin (coverage->doc, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < coverage->gaps->len; i++)
    {
      IcatMandateInfo *mandate = coverage->gaps->pdata[i];
      MandateFacts *facts = g_hash_table_lookup (coverage->facts, mandate->id);
      const char *cells[] = { mandate->label, mandate->summary != NULL ? mandate->summary : "",
                              facts != NULL ? icat_format_enum ("addressee", facts->addressee) : "" };

      icat_report_doc_table_row (coverage->doc, cells, addresses_icat (facts) ? ICAT_ROW_ALERT : ICAT_ROW_DEFAULT);
    }
  icat_report_doc_table_end (coverage->doc);
  g_ptr_array_set_size (coverage->gaps, 0);
}

static void
write_paragraphs (Coverage  *coverage,
                  GPtrArray *mandates)
{
  const char *document = NULL;

  for (guint i = 0; i < mandates->len; i++)
    {
      IcatMandateInfo *mandate = mandates->pdata[i];
      MandateFacts *facts = g_hash_table_lookup (coverage->facts, mandate->id);
      GPtrArray *activities = g_hash_table_lookup (coverage->work, mandate->id);

      if (facts != NULL && g_strcmp0 (facts->document, document) != 0)
        {
          write_gaps (coverage);
          document = facts->document;
          icat_report_doc_heading (coverage->doc, ICAT_TEXT_HEADING_1, document);
        }
      if (activities == NULL)
        {
          g_ptr_array_add (coverage->gaps, mandate);
          continue;
        }
      icat_report_doc_heading (coverage->doc, ICAT_TEXT_HEADING_2, mandate->label);
      if (mandate->summary != NULL)
        icat_report_doc_text (coverage->doc, ICAT_TEXT_CAPTION, mandate->summary);
      write_work_table (coverage->doc, activities);
    }
  write_gaps (coverage);
}

static void
write_summary (Coverage  *coverage,
               GPtrArray *mandates)
{
  guint with_work = 0, icat_gaps = 0;
  g_autofree char *n_text = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *gaps_text = NULL;
  /* Translators: a label in the coverage report; %d is a year */
  g_autofree char *with_label = g_strdup_printf (_("With work in %d"), coverage->year);

  for (guint i = 0; i < mandates->len; i++)
    {
      IcatMandateInfo *mandate = mandates->pdata[i];

      if (g_hash_table_contains (coverage->work, mandate->id))
        with_work++;
      else if (addresses_icat (g_hash_table_lookup (coverage->facts, mandate->id)))
        icat_gaps++;
    }
  n_text = g_strdup_printf ("%u", mandates->len);
  with_text = g_strdup_printf ("%u", with_work);
  gaps_text = g_strdup_printf ("%u", icat_gaps);
  icat_report_doc_heading (coverage->doc, ICAT_TEXT_HEADING_1, _("Summary"));
  icat_report_doc_fact (coverage->doc, _("Paragraphs"), n_text);
  icat_report_doc_fact (coverage->doc, with_label, with_text);
  icat_report_doc_fact (coverage->doc, _("Addressed to ICAT or its coordinator, no work"), gaps_text);
}

IcatReportDoc *
icat_report_coverage_new (IcatDb  *db,
                          int      year,
                          GError **error)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  g_autoptr(IcatWorkPlanData) data = icat_work_plan_data_load (db, year, error);
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GHashTable) work = NULL;
  g_autoptr(GPtrArray) mandates = NULL;
  g_autoptr(GPtrArray) gaps = g_ptr_array_new ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *day = NULL;
  IcatReportDoc *doc;
  Coverage coverage;

  if (data == NULL || (facts = load_mandate_facts (db, error)) == NULL
      || (date = icat_report_records_date (db, error)) == NULL)
    return NULL;
  work = activities_by_mandate (data);
  mandates = mandates_in_order (data);

  /* Translators: the title of the coverage report; %d is a year */
  title = g_strdup_printf (_("Coverage of ICAT’s mandates in %d"), year);
  footer = g_strdup_printf ("%s · %s", _("ICAT"), title);
  doc = icat_report_doc_new (title, _("Each paragraph of ICAT’s mandates, the year’s work on it and its gaps"), footer);
  coverage = (Coverage) { doc, year, facts, work, gaps };

  icat_report_doc_text (doc, ICAT_TEXT_COVER_KICKER, group_heading);
  icat_report_doc_text (doc, ICAT_TEXT_TITLE, title);
  date_text = g_date_time_format (date, "%Y-%m-%d");
  /* Translators: under a report's title; %s is the date the records last changed */
  day = icat_format_date (date_text);
  draft = g_strdup_printf (_("Draft generated by ICAT Tracker from its records as they stood on %s. "
                             "Check it before it is sent."), day);
  icat_report_doc_text (doc, ICAT_TEXT_CAPTION, draft);
  write_summary (&coverage, mandates);
  write_paragraphs (&coverage, mandates);
  return doc;
}

GDateTime *
icat_report_records_date (IcatDb  *db,
                          GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db,
                                        "SELECT max (t) FROM ("
                                        "SELECT max (updated_at) t FROM agency UNION ALL "
                                        "SELECT max (updated_at) FROM chair_term UNION ALL "
                                        "SELECT max (updated_at) FROM meeting UNION ALL "
                                        "SELECT max (updated_at) FROM paper UNION ALL "
                                        "SELECT max (updated_at) FROM mandate UNION ALL "
                                        "SELECT max (updated_at) FROM action_item UNION ALL "
                                        "SELECT max (updated_at) FROM work_plan)", error);
  GDateTime *date = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    date = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 0), NULL);
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  if (!icat_db_end_rows (db, stmt, rc, error))
    {
      g_clear_pointer (&date, g_date_time_unref);
      return NULL;
    }
  return date != NULL ? date : g_date_time_new_from_unix_utc (0);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const IcatCoverageGap *x = *(IcatCoverageGap **) a;
  const IcatCoverageGap *y = *(IcatCoverageGap **) b;

  if (x->for_icat != y->for_icat)
    return x->for_icat ? -1 : 1;
  return (x->mandate->order > y->mandate->order) - (x->mandate->order < y->mandate->order);
}

static void
coverage_gap_free (IcatCoverageGap *gap)
{
  g_free (gap->addressee);
  g_free (gap);
}

GPtrArray *
icat_report_coverage_gaps (IcatDb            *db,
                           IcatWorkPlanData  *data,
                           GError           **error)
{
  g_autoptr(GHashTable) facts = load_mandate_facts (db, error);
  g_autoptr(GHashTable) work = NULL;
  g_autoptr(GPtrArray) mandates = NULL;
  GPtrArray *gaps;

  if (facts == NULL)
    return NULL;
  work = activities_by_mandate (data);
  mandates = mandates_in_order (data);
  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) coverage_gap_free);
  for (guint i = 0; i < mandates->len; i++)
    {
      IcatMandateInfo *mandate = mandates->pdata[i];
      MandateFacts *entry = g_hash_table_lookup (facts, mandate->id);
      IcatCoverageGap *gap;

      if (g_hash_table_contains (work, mandate->id))
        continue;
      gap = g_new0 (IcatCoverageGap, 1);
      gap->mandate = mandate;
      gap->addressee = entry != NULL ? g_strdup (entry->addressee) : NULL;
      gap->for_icat = addresses_icat (entry);
      g_ptr_array_add (gaps, gap);
    }
  /* Stable: each part keeps the documents' order. */
  g_ptr_array_sort (gaps, compare_gaps);
  return gaps;
}
