/* icat-sg-report.c — ICAT's contribution to the Secretary-General's report on a period
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resolution 72/195 (para 22) asks the Secretary-General to report on its
 * implementation, and ICAT contributes: its composition and chairs, its
 * meetings and their decisions, the briefings for Member States (para 9),
 * its papers, and the work on each paragraph addressed to it. Every
 * statement cites the records behind it by a number, "[12]", which the
 * annex resolves to the record's kind, id and date. Action items are many
 * (100,000 in ten years): a paragraph lists the first few and counts the
 * rest by owner, so the document stays a few dozen pages.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-document-private.h"
#include "icat-export-private.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-reports.h"
#include "icat-schema.h"
#include "icat-seed.h"

/* Action items listed under a paragraph before the rest are only counted. */
#define LISTED_ITEMS 10

/* ?1 and ?2: the first year and the year after the last ("2016", "2018"),
 * between which every date and timestamp of the period sorts; ?4: now, as
 * a UTC timestamp, before which a meeting has been held. */
#define MEMBERSHIP_IN_PERIOD \
  "m.role IN ('member', 'inactive-member', 'coordinator') AND m.\"from\" < ?2 " \
  "AND (m.\"to\" IS NULL OR m.\"to\" >= ?1)"
#define MEETING_IN_PERIOD "t.starts_at >= ?1 AND t.starts_at < ?2 AND t.starts_at < ?4"
#define BRIEFING \
  "(t.kind = 'member-state-briefing' OR t.id IN (SELECT a.parent_id FROM meeting_agenda a " \
  "JOIN meeting_agenda_mandates l ON l.owner_id = a.id JOIN mandate p ON p.id = l.target_id " \
  "WHERE p.document = 'A/RES/72/195' AND p.paragraph = '9'))"
#define PAPER_PUBLISHED_ON "coalesce (t.published_on, CAST (t.year AS TEXT))"
#define PAPER_PUBLISHED_IN_PERIOD \
  "t.status = 'published' AND " PAPER_PUBLISHED_ON " >= ?1 AND " PAPER_PUBLISHED_ON " < ?2"
#define MEETING_COLUMNS "t.id, t.title, t.starts_at, t.timezone, t.date_precision, t.venue"

typedef struct {
  const char *kind;   /* translated */
  char       *id;
  char       *date;
  char       *title;
} AnnexEntry;

static void
annex_entry_free (AnnexEntry *entry)
{
  g_free (entry->id);
  g_free (entry->date);
  g_free (entry->title);
  g_free (entry);
}

typedef struct {
  IcatReportDoc *doc;
  IcatDb        *db;
  int            from_year;
  int            to_year;
  char          *from;       /* "2016" */
  char          *until;      /* "2018" */
  char          *now;        /* "2026-12-06T09:30:00" */
  GPtrArray     *annex;      /* AnnexEntry, numbered from 1 */
  GHashTable    *numbers;    /* id → its number in the annex */
} SgReport;

/* The record's number in the annex, which lists it from its first mention. */
static guint
cite (SgReport   *report,
      const char *kind,
      const char *id,
      const char *date,
      const char *title)
{
  gpointer number = g_hash_table_lookup (report->numbers, id);
  AnnexEntry *entry;

  if (number != NULL)
    return GPOINTER_TO_UINT (number);
  entry = g_new0 (AnnexEntry, 1);
  entry->kind = kind;
  entry->id = g_strdup (id);
  entry->date = g_strdup (date != NULL ? date : "—");
  entry->title = g_strdup (title);
  g_ptr_array_add (report->annex, entry);
  g_hash_table_insert (report->numbers, entry->id, GUINT_TO_POINTER (report->annex->len));
  return report->annex->len;
}

static const char *
column (sqlite3_stmt *stmt,
        int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* Prepares sql with the period bound to ?1 and ?2; id, unless NULL, to
 * ?3; now to ?4 where sql uses it. */
static sqlite3_stmt *
prepare (SgReport    *report,
         const char  *sql,
         const char  *id,
         GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (report->db, sql, error);

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, report->from);
  icat_bind_text (stmt, 2, report->until);
  if (id != NULL)
    icat_bind_text (stmt, 3, id);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    icat_bind_text (stmt, 4, report->now);
  return stmt;
}

/* The first column of sql's one row, a count. */
static gboolean
count (SgReport    *report,
       const char  *sql,
       guint       *n,
       GError     **error)
{
  sqlite3_stmt *stmt = prepare (report, sql, NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n = (guint) sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return icat_db_end_rows (report->db, stmt, rc, error);
}

/* The day a meeting began, in its venue's time zone: columns first to
 * first + 2 are starts_at, timezone and date_precision. */
static char *
meeting_when (sqlite3_stmt *stmt,
              int           first)
{
  g_autoptr(JsonObject) meeting = json_object_new ();
  const char *precision = column (stmt, first + 2);

  json_object_set_string_member (meeting, "starts_at", column (stmt, first));
  json_object_set_string_member (meeting, "timezone", column (stmt, first + 1));
  /* The hour is the minutes' business, not the report's. */
  json_object_set_string_member (meeting, "date_precision",
                                 g_strcmp0 (precision, "minute") == 0 ? "day" : precision);
  return icat_format_meeting_when (meeting);
}

static char *
format_date (const char *date)
{
  /* A status change is dated by a timestamp; the day is enough. */
  g_autofree char *day = date != NULL ? g_strndup (date, 10) : NULL;

  return day != NULL ? icat_format_date (day) : g_strdup ("—");
}

static char *
period_text (SgReport *report)
{
  if (report->from_year == report->to_year)
    return g_strdup_printf ("%d", report->from_year);
  /* Translators: a period of whole years, e.g. "2016–2017" */
  return g_strdup_printf (_("%d–%d"), report->from_year, report->to_year);
}

/* Composition and chairs */

typedef struct {
  GString *joined;
  GString *left;
} Changes;

static void
append_named (GString    *list,
              const char *acronym,
              guint       number)
{
  if (list->len > 0)
    /* Translators: between the names of a list, e.g. "UNODC [1], IOM [2]" */
    g_string_append (list, _(", "));
  g_string_append_printf (list, "%s [%u]", acronym, number);
}

/* One membership: id, acronym, name, role, from, to. */
static void
write_membership (SgReport     *report,
                  sqlite3_stmt *stmt,
                  Changes      *changes)
{
  const char *acronym = column (stmt, 1);
  const char *from = column (stmt, 4);
  const char *to = column (stmt, 5);
  g_autofree char *name = _icat_export_column_localized (stmt, 2);
  g_autofree char *member = g_strdup_printf ("%s — %s", acronym, name);
  g_autofree char *from_text = format_date (from);
  g_autofree char *to_text = to != NULL ? format_date (to) : g_strdup ("—");
  guint number = cite (report, _("Agency"), column (stmt, 0), from_text, member);
  g_autofree char *reference = g_strdup_printf ("[%u]", number);
  const char *cells[] = { member, icat_format_enum ("role", column (stmt, 3)), from_text, to_text, reference };

  icat_report_doc_table_row (report->doc, cells, ICAT_ROW_DEFAULT);
  if (g_strcmp0 (from, report->from) >= 0)
    append_named (changes->joined, acronym, number);
  if (to != NULL && g_strcmp0 (to, report->until) < 0)
    append_named (changes->left, acronym, number);
}

static void
write_changes (SgReport *report,
               Changes  *changes)
{
  if (changes->joined->len > 0)
    {
      /* Translators: %s lists agencies with their references, e.g. "UNODC [1], IOM [2]" */
      g_autofree char *text = g_strdup_printf (_("Joined in the period: %s."), changes->joined->str);

      icat_report_doc_text (report->doc, ICAT_TEXT_BODY, text);
    }
  if (changes->left->len > 0)
    {
      /* Translators: %s lists agencies with their references, e.g. "UNODC [1], IOM [2]" */
      g_autofree char *text = g_strdup_printf (_("Left in the period: %s."), changes->left->str);

      icat_report_doc_text (report->doc, ICAT_TEXT_BODY, text);
    }
}

static gboolean
write_composition (SgReport  *report,
                   GError   **error)
{
  const double fractions[] = { 0.40, 0.14, 0.18, 0.18, 0.10 };
  const char *headers[] = { _("Member"), _("Role"), _("From"), _("Until"), C_("report annex", "Record") };
  sqlite3_stmt *stmt = prepare (report,
                                "SELECT a.id, a.acronym, a.name, m.role, m.\"from\", m.\"to\" FROM agency_memberships m "
                                "JOIN agency a ON a.id = m.parent_id WHERE " MEMBERSHIP_IN_PERIOD " "
                                "ORDER BY a.acronym COLLATE NOCASE, a.id, m.\"from\"", NULL, error);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) left = g_string_new (NULL);
  Changes changes = { joined, left };
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Composition and chairs"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!any)
        icat_report_doc_table_begin (report->doc, G_N_ELEMENTS (fractions), fractions, headers);
      any = TRUE;
      write_membership (report, stmt, &changes);
    }
  if (!icat_db_end_rows (report->db, stmt, rc, error))
    return FALSE;
  if (any)
    icat_report_doc_table_end (report->doc);
  else
    icat_report_doc_text (report->doc, ICAT_TEXT_BODY, _("No membership of ICAT is recorded for the period."));
  write_changes (report, &changes);
  return TRUE;
}

static void
write_no_chair (SgReport *report,
                int       year)
{
  /* Translators: in the list of ICAT's chairs; %d is a year */
  g_autofree char *text = g_strdup_printf (_("%d: no chair recorded"), year);

  icat_report_doc_item (report->doc, text);
}

static gboolean
write_chairs (SgReport  *report,
              GError   **error)
{
  sqlite3_stmt *stmt = prepare (report,
                                "SELECT t.id, t.year, (SELECT group_concat (acronym, ' + ') FROM ("
                                "  SELECT a.acronym FROM chair_term_agencies l JOIN agency a ON a.id = l.target_id "
                                "  WHERE l.owner_id = t.id ORDER BY l.position, l.target_id)) "
                                "FROM chair_term t WHERE t.year >= CAST (?1 AS INTEGER) AND t.year < CAST (?2 AS INTEGER) "
                                "ORDER BY t.year, t.id", NULL, error);
  int next_year = report->from_year;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_2, _("Chairs of ICAT"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 1);
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      const char *chairs = column (stmt, 2) != NULL ? column (stmt, 2) : "—";
      guint number = cite (report, _("Chair term"), column (stmt, 0), year_text, chairs);
      /* Translators: in the list of ICAT's chairs: a year, the chairs' acronyms and their reference */
      g_autofree char *text = g_strdup_printf (_("%d: %s [%u]"), year, chairs, number);

      for (; next_year < year; next_year++)
        write_no_chair (report, next_year);
      next_year = year + 1;
      icat_report_doc_item (report->doc, text);
    }
  if (!icat_db_end_rows (report->db, stmt, rc, error))
    return FALSE;
  for (; next_year <= report->to_year; next_year++)
    write_no_chair (report, next_year);
  return TRUE;
}

/* Meetings */

static gboolean
write_decisions (SgReport      *report,
                 sqlite3_stmt  *meeting,
                 GError       **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (report->db,
                                        "SELECT number, text FROM meeting_decisions WHERE parent_id = ? "
                                        "ORDER BY number, seq", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, column (meeting, 0));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Translators: a meeting's decision in a report; %d is its number, %s its text */
      g_autofree char *text = g_strdup_printf (_("Decision %d: %s"), sqlite3_column_int (stmt, 0), column (stmt, 1));

      icat_report_doc_text (report->doc, ICAT_TEXT_BODY, text);
    }
  return icat_db_end_rows (report->db, stmt, rc, error);
}

/* "12 May 2016 — Working Group meeting, Vienna [3]", the meeting cited;
 * columns as MEETING_COLUMNS. */
static char *
meeting_line (SgReport     *report,
              sqlite3_stmt *stmt)
{
  g_autofree char *when = meeting_when (stmt, 2);
  g_autofree char *title = _icat_export_column_localized (stmt, 1);
  guint number = cite (report, _("Meeting"), column (stmt, 0), when, title);

  if (column (stmt, 5) != NULL)
    /* Translators: a meeting in a report: its date, title, venue and reference */
    return g_strdup_printf (_("%s — %s, %s [%u]"), when, title, icat_format_venue (column (stmt, 5)), number);
  return g_strdup_printf ("%s — %s [%u]", when, title, number);
}

/* The meetings sql selects (MEETING_COLUMNS; ?3 bound to kind unless it
 * is NULL), each with its decisions; none_text when there are none. */
static gboolean
write_meetings (SgReport    *report,
                const char  *sql,
                const char  *kind,
                const char  *heading,
                const char  *none_text,
                GError     **error)
{
  sqlite3_stmt *stmt = prepare (report, sql, kind, error);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_2, heading);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *line = meeting_line (report, stmt);

      any = TRUE;
      icat_report_doc_item (report->doc, line);
      if (!write_decisions (report, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (!icat_db_end_rows (report->db, stmt, rc, error))
    return FALSE;
  if (!any)
    icat_report_doc_text (report->doc, ICAT_TEXT_BODY, none_text);
  return TRUE;
}

static gboolean
write_all_meetings (SgReport  *report,
                    GError   **error)
{
  const char *of_kind = "SELECT " MEETING_COLUMNS " FROM meeting t WHERE t.kind = ?3 AND " MEETING_IN_PERIOD " "
                        "ORDER BY t.starts_at, t.id";

  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Meetings held"));
  icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION,
                        _("Each meeting held in the period, with the decisions its record lists; meetings still to "
                          "come are left out."));
  return write_meetings (report, of_kind, "principals", _("Principals-level meetings"),
                         _("No principals-level meeting is recorded in the period."), error)
         && write_meetings (report, of_kind, "working-group", _("Working Group meetings"),
                            _("No Working Group meeting is recorded in the period."), error)
         && write_meetings (report, "SELECT " MEETING_COLUMNS " FROM meeting t WHERE " BRIEFING " AND "
                            MEETING_IN_PERIOD " ORDER BY t.starts_at, t.id", NULL,
                            _("Briefings for Member States (resolution 72/195, para. 9)"),
                            _("No briefing for Member States is recorded in the period."), error);
}

/* Papers */

/* One paper: id, title, kind, number, published, lead agencies. */
static void
write_paper (SgReport     *report,
             sqlite3_stmt *stmt)
{
  g_autofree char *title = _icat_export_column_localized (stmt, 1);
  g_autofree char *published = format_date (column (stmt, 4));
  const char *number_text = column (stmt, 3);
  g_autofree char *named = number_text != NULL ? g_strdup_printf ("%s %s", number_text, title) : g_strdup (title);
  guint number = cite (report, _("Paper"), column (stmt, 0), published, title);
  g_autofree char *reference = g_strdup_printf ("[%u]", number);
  const char *cells[] = { named, icat_format_enum ("kind", column (stmt, 2)), published,
                          column (stmt, 5) != NULL ? column (stmt, 5) : "—", reference };

  icat_report_doc_table_row (report->doc, cells, ICAT_ROW_DEFAULT);
}

static gboolean
write_papers (SgReport  *report,
              GError   **error)
{
  /* The kind fits "Аналитический документ" without breaking a word. */
  const double fractions[] = { 0.40, 0.17, 0.17, 0.16, 0.10 };
  const char *headers[] = { _("Paper"), _("Kind"), _("Published"), _("Lead"), C_("report annex", "Record") };
  sqlite3_stmt *stmt = prepare (report,
                                "SELECT t.id, t.title, t.kind, t.number, " PAPER_PUBLISHED_ON ", "
                                "(SELECT group_concat (a.acronym, ', ') FROM paper_lead_agencies l "
                                " JOIN agency a ON a.id = l.target_id WHERE l.owner_id = t.id) "
                                "FROM paper t WHERE " PAPER_PUBLISHED_IN_PERIOD " ORDER BY 5, t.id", NULL, error);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Papers published"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!any)
        icat_report_doc_table_begin (report->doc, G_N_ELEMENTS (fractions), fractions, headers);
      any = TRUE;
      write_paper (report, stmt);
    }
  if (!icat_db_end_rows (report->db, stmt, rc, error))
    return FALSE;
  if (any)
    icat_report_doc_table_end (report->doc);
  else
    icat_report_doc_text (report->doc, ICAT_TEXT_BODY, _("No paper is recorded as published in the period."));
  return TRUE;
}

/* The paragraphs addressed to ICAT */

typedef struct {
  GPtrArray  *listed;     /* lines, the first LISTED_ITEMS */
  guint       total;
  GHashTable *by_owner;   /* acronym → count */
} ItemTally;

static void
item_tally_clear (ItemTally *tally)
{
  g_clear_pointer (&tally->listed, g_ptr_array_unref);
  g_clear_pointer (&tally->by_owner, g_hash_table_unref);
}

/* "Title — UNODC, done 3 May 2016": completed, or else open and due then. */
static char *
item_line (const char *title,
           const char *owner,
           const char *date,
           gboolean    completed)
{
  if (completed)
    /* Translators: a completed action item: its title, owner and the day it was done */
    return g_strdup_printf (_("%s — %s, done %s"), title, owner, date);
  /* Translators: an open action item: its title, owner and due date */
  return g_strdup_printf (_("%s — %s, due %s"), title, owner, date);
}

/* Action items linked to ?3: id, title, owner's acronym, date; counted,
 * and listed up to LISTED_ITEMS. */
static gboolean
tally_items (SgReport    *report,
             const char  *sql,
             const char  *mandate_id,
             gboolean     completed,
             ItemTally   *tally,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare (report, sql, mandate_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = column (stmt, 2);
      guint owned = GPOINTER_TO_UINT (g_hash_table_lookup (tally->by_owner, owner));

      g_hash_table_replace (tally->by_owner, g_strdup (owner), GUINT_TO_POINTER (owned + 1));
      if (tally->total++ < LISTED_ITEMS)
        {
          g_autofree char *date = format_date (column (stmt, 3));
          g_autofree char *title = g_strdup_printf ("%s (%s)", column (stmt, 1), owner);
          guint number = cite (report, _("Action item"), column (stmt, 0), date, title);
          g_autofree char *line = item_line (column (stmt, 1), owner, date, completed);

          g_ptr_array_add (tally->listed, g_strdup_printf ("%s [%u]", line, number));
        }
    }
  return icat_db_end_rows (report->db, stmt, rc, error);
}

static int
compare_owner_counts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const char *x = *(const char **) a;
  const char *y = *(const char **) b;
  guint x_count = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, x));
  guint y_count = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, y));

  return x_count != y_count ? (x_count < y_count) - (x_count > y_count) : g_strcmp0 (x, y);
}

/* "UNODC 120, IOM 80": the most first. */
static char *
owners_text (GHashTable *by_owner)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_sized_new (g_hash_table_size (by_owner));
  GString *text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer owner;

  g_hash_table_iter_init (&iter, by_owner);
  while (g_hash_table_iter_next (&iter, &owner, NULL))
    g_ptr_array_add (owners, owner);
  g_ptr_array_sort_with_data (owners, compare_owner_counts, by_owner);
  for (guint i = 0; i < owners->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%s %u", (const char *) owners->pdata[i],
                              GPOINTER_TO_UINT (g_hash_table_lookup (by_owner, owners->pdata[i])));
    }
  return g_string_free (text, FALSE);
}

/* The listed items, then what was only counted. */
static void
write_tally (SgReport  *report,
             ItemTally *tally)
{
  g_autofree char *owners = NULL;
  g_autofree char *more = NULL;
  guint counted = tally->total - tally->listed->len;

  for (guint i = 0; i < tally->listed->len; i++)
    icat_report_doc_item (report->doc, tally->listed->pdata[i]);
  if (counted == 0)
    return;
  owners = owners_text (tally->by_owner);
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more action item, counted rather than listed. All %u by owner: %s.",
                                                     "%u more action items, counted rather than listed. All %u by owner: %s.",
                                                     counted), counted, tally->total, owners);
  icat_report_doc_text (report->doc, ICAT_TEXT_BODY, more);
}

/* Meetings or papers linked to ?3, each a line. */
static gboolean
linked_lines (SgReport    *report,
              const char  *sql,
              const char  *mandate_id,
              gboolean     meetings,
              GPtrArray   *lines,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (report, sql, mandate_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (meetings)
        {
          g_ptr_array_add (lines, meeting_line (report, stmt));
        }
      else
        {
          g_autofree char *title = _icat_export_column_localized (stmt, 1);
          g_autofree char *published = format_date (column (stmt, 2));
          guint number = cite (report, _("Paper"), column (stmt, 0), published, title);

          /* Translators: a paper in a report: its title, the day it was published and its reference */
          g_ptr_array_add (lines, g_strdup_printf (_("%s, published %s [%u]"), title, published, number));
        }
    }
  return icat_db_end_rows (report->db, stmt, rc, error);
}

typedef struct {
  GPtrArray *meetings;
  GPtrArray *papers;
  ItemTally  completed;
  ItemTally  open;
} ParagraphWork;

static void
paragraph_work_clear (ParagraphWork *work)
{
  g_clear_pointer (&work->meetings, g_ptr_array_unref);
  g_clear_pointer (&work->papers, g_ptr_array_unref);
  item_tally_clear (&work->completed);
  item_tally_clear (&work->open);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParagraphWork, paragraph_work_clear)

static void
paragraph_work_init (ParagraphWork *work)
{
  ItemTally *tallies[] = { &work->completed, &work->open };

  work->meetings = g_ptr_array_new_with_free_func (g_free);
  work->papers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
    {
      tallies[i]->listed = g_ptr_array_new_with_free_func (g_free);
      tallies[i]->by_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
}

/* An action item is completed in the period when it is done and the day
 * it was marked done (its history), or else its due date, falls in it; it
 * is open when it is not finished and began (or fell due) by the period's
 * end. */
static gboolean
gather_work (SgReport       *report,
             const char     *mandate_id,
             ParagraphWork  *work,
             GError        **error)
{
  return linked_lines (report, "SELECT DISTINCT " MEETING_COLUMNS " FROM meeting_agenda_mandates l "
                       "JOIN meeting_agenda a ON a.id = l.owner_id JOIN meeting t ON t.id = a.parent_id "
                       "WHERE l.target_id = ?3 AND " MEETING_IN_PERIOD " ORDER BY t.starts_at, t.id",
                       mandate_id, TRUE, work->meetings, error)
         && linked_lines (report, "SELECT t.id, t.title, " PAPER_PUBLISHED_ON " FROM paper_mandates l "
                          "JOIN paper t ON t.id = l.owner_id WHERE l.target_id = ?3 AND " PAPER_PUBLISHED_IN_PERIOD
                          " ORDER BY 3, t.id", mandate_id, FALSE, work->papers, error)
         /* CROSS JOIN: from the paragraph's few links, not from every done item. */
         && tally_items (report, "SELECT t.id, t.title, a.acronym, coalesce ((SELECT max (h.at) FROM action_item_history h "
                         " WHERE h.parent_id = t.id AND h.status = 'done'), t.due) AS done_on "
                         "FROM action_item_mandates l CROSS JOIN action_item t ON t.id = l.owner_id "
                         "JOIN agency a ON a.id = t.owner WHERE l.target_id = ?3 AND t.status = 'done' "
                         "AND done_on >= ?1 AND done_on < ?2 ORDER BY done_on, t.title, t.id", mandate_id,
                         TRUE, &work->completed, error)
         && tally_items (report, "SELECT t.id, t.title, a.acronym, coalesce (t.due, t.starts) "
                         "FROM action_item_mandates l JOIN action_item t ON t.id = l.owner_id "
                         "JOIN agency a ON a.id = t.owner WHERE l.target_id = ?3 "
                         "AND t.status IN ('open', 'in-progress', 'blocked') "
                         "AND (coalesce (t.starts, t.due) IS NULL OR coalesce (t.starts, t.due) < ?2) "
                         "ORDER BY coalesce (t.due, t.starts), t.title, t.id", mandate_id,
                         FALSE, &work->open, error);
}

static void
write_count_fact (SgReport   *report,
                  const char *label,
                  guint       n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  icat_report_doc_fact (report->doc, label, text);
}

static void
write_work (SgReport      *report,
            ParagraphWork *work)
{
  if (work->meetings->len + work->papers->len + work->completed.total + work->open.total == 0)
    {
      icat_report_doc_text (report->doc, ICAT_TEXT_BODY, _("Nothing is recorded on this paragraph for the period."));
      return;
    }
  write_count_fact (report, _("Meetings"), work->meetings->len);
  write_count_fact (report, _("Papers published"), work->papers->len);
  write_count_fact (report, _("Action items completed"), work->completed.total);
  write_count_fact (report, _("Action items open"), work->open.total);
  if (work->meetings->len + work->papers->len + work->completed.total > 0)
    {
      icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_3, _("Done in the period"));
      for (guint i = 0; i < work->meetings->len; i++)
        icat_report_doc_item (report->doc, work->meetings->pdata[i]);
      for (guint i = 0; i < work->papers->len; i++)
        icat_report_doc_item (report->doc, work->papers->pdata[i]);
      write_tally (report, &work->completed);
    }
  if (work->open.total > 0)
    {
      /* Translators: a heading over the action items still open (not the verb) */
      icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_3, C_("action items", "Open"));
      write_tally (report, &work->open);
    }
}

/* One paragraph: id, document, paragraph, text. */
static gboolean
write_paragraph (SgReport      *report,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(JsonObject) record = json_object_new ();
  g_autofree char *label = NULL;
  g_autofree char *summary = _icat_export_column_localized (stmt, 3);
  g_auto(ParagraphWork) work = { 0 };

  json_object_set_string_member (record, "document", column (stmt, 1));
  json_object_set_string_member (record, "paragraph", column (stmt, 2));
  label = icat_record_title (icat_schema_lookup ("mandate"), record);
  paragraph_work_init (&work);
  if (!gather_work (report, column (stmt, 0), &work, error))
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_2, label);
  if (*summary != '\0')
    icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION, summary);
  write_work (report, &work);
  return TRUE;
}

static gboolean
write_paragraphs (SgReport  *report,
                  GError   **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (report->db,
                                        "SELECT id, document, paragraph, text FROM mandate "
                                        "WHERE document = 'A/RES/72/195' AND addressee IN ('icat', 'coordinator') "
                                        "ORDER BY CAST (paragraph AS INTEGER), paragraph", error);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Resolution 72/195: the paragraphs addressed to ICAT"));
  icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION,
                        _("Each paragraph addressed to ICAT or its coordinator: the meetings held and papers published "
                          "in the period that are linked to it; the action items linked to it that were completed in "
                          "the period (dated by the day they were marked done, or else by their due date); and those "
                          "still open that began or fell due by the end of the period. The first ten action items of "
                          "each are listed, the rest counted by owner."));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      any = TRUE;
      if (!write_paragraph (report, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (!icat_db_end_rows (report->db, stmt, rc, error))
    return FALSE;
  if (!any)
    icat_report_doc_text (report->doc, ICAT_TEXT_BODY,
                          _("No paragraph of resolution 72/195 addressed to ICAT or its coordinator is recorded."));
  return TRUE;
}

/* The summary and the annex */

static gboolean
write_summary (SgReport  *report,
               GError   **error)
{
  g_autofree char *period = period_text (report);
  const struct {
    const char *label;
    const char *sql;
  } figures[] = {
    { _("Members"), "SELECT count (DISTINCT m.parent_id) FROM agency_memberships m WHERE " MEMBERSHIP_IN_PERIOD },
    { _("Principals-level meetings"), "SELECT count (*) FROM meeting t WHERE t.kind = 'principals' AND " MEETING_IN_PERIOD },
    { _("Working Group meetings"), "SELECT count (*) FROM meeting t WHERE t.kind = 'working-group' AND " MEETING_IN_PERIOD },
    { _("Briefings for Member States"), "SELECT count (*) FROM meeting t WHERE " BRIEFING " AND " MEETING_IN_PERIOD },
    { _("Papers published"), "SELECT count (*) FROM paper t WHERE " PAPER_PUBLISHED_IN_PERIOD },
  };

  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Summary"));
  icat_report_doc_fact (report->doc, _("Period"), period);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      guint n = 0;

      if (!count (report, figures[i].sql, &n, error))
        return FALSE;
      write_count_fact (report, figures[i].label, n);
    }
  return TRUE;
}

static void
write_annex (SgReport *report)
{
  /* The kind fits "Учреждение" (an agency) without breaking it. */
  const double fractions[] = { 0.07, 0.33, 0.15, 0.17, 0.28 };
  const char *headers[] = { _("No."), C_("report annex", "Record"), _("Kind"), _("Date"), _("Id") };

  icat_report_doc_heading (report->doc, ICAT_TEXT_HEADING_1, _("Annex: the records referred to"));
  if (report->annex->len == 0)
    {
      icat_report_doc_text (report->doc, ICAT_TEXT_BODY, _("The report refers to no record."));
      return;
    }
  icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION,
                        _("Each number in brackets in the text refers to the record of that number below: its kind, "
                          "its date and its id in ICAT Tracker and in the files it exports."));
  icat_report_doc_table_begin (report->doc, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < report->annex->len; i++)
    {
      AnnexEntry *entry = report->annex->pdata[i];
      g_autofree char *number = g_strdup_printf ("[%u]", i + 1);
      const char *cells[] = { number, entry->title, entry->kind, entry->date, entry->id };

      icat_report_doc_table_row (report->doc, cells, ICAT_ROW_DEFAULT);
    }
  icat_report_doc_table_end (report->doc);
}

static void
write_cover (SgReport   *report,
             GDateTime  *date,
             const char *title)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  g_autofree char *date_text = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *day = icat_format_date (date_text);
  g_autofree char *period = period_text (report);
  g_autofree char *draft = NULL;
  g_autofree char *scope = NULL;

  icat_report_doc_text (report->doc, ICAT_TEXT_COVER_KICKER, group_heading);
  icat_report_doc_text (report->doc, ICAT_TEXT_TITLE, title);
  /* Translators: under a report's title; %s is the date the records last changed */
  draft = g_strdup_printf (_("Draft generated by ICAT Tracker from its records as they stood on %s. "
                             "Check it before it is sent."), day);
  icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION, draft);
  /* Translators: under the title of the contribution to the Secretary-General's report; %s is a period, "2016–2017" */
  scope = g_strdup_printf (_("It covers %s, and every statement refers by a number in brackets, such as [1], to the "
                             "records listed in the annex."), period);
  icat_report_doc_text (report->doc, ICAT_TEXT_CAPTION, scope);
}

IcatReportDoc *
icat_report_sg_new (IcatDb  *db,
                    int      from_year,
                    int      to_year,
                    GError **error)
{
  g_autoptr(GDateTime) date = icat_report_records_date (db, error);
  g_autoptr(GPtrArray) annex = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_entry_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *from = g_strdup_printf ("%04d", from_year);
  g_autofree char *until = g_strdup_printf ("%04d", to_year + 1);
  g_autoptr(GDateTime) now = icat_document_now ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_autoptr(IcatReportDoc) doc = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  SgReport report = { NULL, db, from_year, to_year, from, until, stamp, annex, numbers };

  if (date == NULL)
    return NULL;
  period = period_text (&report);
  /* Translators: the title of ICAT's contribution to the Secretary-General's report; %s is a period, "2016–2017" */
  title = g_strdup_printf (_("ICAT’s contribution to the report of the Secretary-General, %s"), period);
  footer = g_strdup_printf ("%s · %s", _("ICAT"), title);
  doc = icat_report_doc_new (title, _("ICAT’s composition, meetings, briefings, papers and work on resolution 72/195 "
                                      "in a period, each statement traced to its records"), footer);
  report.doc = doc;
  write_cover (&report, date, title);
  if (!write_summary (&report, error) || !write_composition (&report, error) || !write_chairs (&report, error)
      || !write_all_meetings (&report, error) || !write_papers (&report, error)
      || !write_paragraphs (&report, error))
    return NULL;
  write_annex (&report);
  return g_steal_pointer (&doc);
}
