/* icat-handover-report.c — what the chairs of a year hand over to the next
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack for year Y is the handover at its end: the chairs of Y hand over
 * to those of Y + 1 on 1 January Y + 1, the pack's day. What is open is what
 * the records hold open as they stand; overdue means due before that day.
 * Long lists are summarized: counts per owner, and only the first entries
 * listed, the document saying how many it counted without listing, so ten
 * years of action items stay a pack of a few pages.
 *
 * The rotation's proposals follow the rule the coordinators keep in the
 * app's settings (the Chair Rotation page); where those settings are not
 * installed, the default rule, and the pack says which it used.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-format.h"
#include "icat-handover-report.h"
#include "icat-record-io.h"
#include "icat-reports.h"
#include "icat-seed.h"

#define OPEN_STATUSES "('open', 'in-progress', 'blocked')"

char *
_icat_handover_localized (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = text != NULL && text[0] == '{' ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (text != NULL ? text : "");
  return g_strdup (icat_localized_pick (json_node_get_object (node)));
}

char *
_icat_handover_meeting_when (sqlite3_stmt *stmt,
                             int           column)
{
  g_autoptr(JsonObject) meeting = json_object_new ();
  const char *names[] = { "starts_at", "timezone", "date_precision" };
  g_autofree char *when = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (sqlite3_column_text (stmt, column + i) != NULL)
      json_object_set_string_member (meeting, names[i], (const char *) sqlite3_column_text (stmt, column + i));
  when = icat_format_meeting_when (meeting);
  return icat_text_unbroken (when);
}

char *
_icat_handover_meeting_named (sqlite3_stmt *stmt,
                              int           title_column,
                              int           when_column)
{
  g_autofree char *title = _icat_handover_localized (stmt, title_column);
  g_autofree char *when = _icat_handover_meeting_when (stmt, when_column);

  /* Translators: a meeting in the handover pack: its title, then its date: "Spring Working Group, 10 March 2025" */
  return g_strdup_printf (C_("meeting and date", "%s, %s"), title, when);
}

void
_icat_handover_counted (IcatReportDoc *doc,
                        guint          listed,
                        guint          total)
{
  g_autofree char *text = NULL;

  if (total <= listed)
    return;
  /* Translators: under a list cut short in the handover pack */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more counted, not listed.", "%u more counted, not listed.",
                                       total - listed), total - listed);
  icat_report_doc_text (doc, ICAT_TEXT_CAPTION, text);
}

/* Chairs */

/* "UNODC — United Nations Office on Drugs and Crime", one chair a line. */
static char *
chairs_of (Handover *handover,
           int       year,
           GError  **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "SELECT a.acronym, a.name FROM chair_term t "
                                        "JOIN chair_term_agencies l ON l.owner_id = t.id "
                                        "JOIN agency a ON a.id = l.target_id WHERE t.year = ? "
                                        "ORDER BY t.id, l.position, l.target_id", error);
  g_autoptr(GString) chairs = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = _icat_handover_localized (stmt, 1);

      g_string_append_printf (chairs, "%s%s — %s", chairs->len > 0 ? "\n" : "", sqlite3_column_text (stmt, 0), name);
    }
  if (!icat_db_end_rows (handover->db, stmt, rc, error))
    return NULL;
  return g_string_free (g_steal_pointer (&chairs), FALSE);
}

static gboolean
write_chairs (Handover  *handover,
              GError   **error)
{
  g_autofree char *outgoing = chairs_of (handover, handover->year, error);
  g_autofree char *incoming = outgoing != NULL ? chairs_of (handover, handover->year + 1, error) : NULL;
  /* Translators: a label in the handover pack; %d is a year */
  g_autofree char *outgoing_label = g_strdup_printf (_("Outgoing, chairs of %d"), handover->year);
  /* Translators: a label in the handover pack; %d is a year */
  g_autofree char *incoming_label = g_strdup_printf (_("Incoming, chairs of %d"), handover->year + 1);

  if (incoming == NULL)
    return FALSE;
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Chairs of ICAT"));
  icat_report_doc_fact (handover->doc, outgoing_label, outgoing[0] != '\0' ? outgoing : _("None recorded"));
  icat_report_doc_fact (handover->doc, incoming_label, incoming[0] != '\0' ? incoming : _("Not yet chosen"));
  return TRUE;
}

/* Summary */

static gboolean
count_query (Handover    *handover,
             const char  *sql,
             guint       *count,
             GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (handover->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, handover->next_year);
  icat_bind_text (stmt, 2, handover->year_after);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *count = (guint) sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return icat_db_end_rows (handover->db, stmt, rc, error);
}

static gboolean
write_summary (Handover  *handover,
               GError   **error)
{
  guint open = 0, overdue = 0, papers = 0, planned = 0;
  g_autofree char *open_text = NULL, *overdue_text = NULL, *papers_text = NULL, *planned_text = NULL;

  if (!count_query (handover, "SELECT count (*) FROM action_item WHERE status IN " OPEN_STATUSES, &open, error)
      || !count_query (handover, "SELECT count (*) FROM action_item WHERE status IN " OPEN_STATUSES " AND due < ?1",
                       &overdue, error)
      || !count_query (handover, "SELECT count (*) FROM paper WHERE status <> 'published'", &papers, error)
      || !count_query (handover, "SELECT count (*) FROM meeting WHERE starts_at >= ?1", &planned, error))
    return FALSE;
  open_text = g_strdup_printf ("%u", open);
  overdue_text = g_strdup_printf ("%u", overdue);
  papers_text = g_strdup_printf ("%u", papers);
  planned_text = g_strdup_printf ("%u", planned);
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Summary"));
  icat_report_doc_fact (handover->doc, _("Open action items"), open_text);
  icat_report_doc_fact (handover->doc, _("Overdue at the handover"), overdue_text);
  icat_report_doc_fact (handover->doc, _("Papers in progress"), papers_text);
  icat_report_doc_fact (handover->doc, _("Meetings planned"), planned_text);
  return TRUE;
}

/* The document */

static void
write_cover (Handover  *handover,
             GDateTime *date)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  g_autofree char *date_text = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *day = icat_format_date (date_text);
  g_autofree char *handover_day = icat_format_date (handover->handover_day);
  g_autofree char *draft = NULL;
  g_autofree char *meaning = NULL;

  icat_report_doc_text (handover->doc, ICAT_TEXT_COVER_KICKER, group_heading);
  icat_report_doc_text (handover->doc, ICAT_TEXT_TITLE, icat_report_doc_get_title (handover->doc));
  /* Translators: under a report's title; %s is the date the records last changed */
  draft = g_strdup_printf (_("Draft generated by ICAT Tracker from its records as they stood on %s. "
                             "Check it before it is sent."), day);
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, draft);
  /* Translators: under the handover pack's title; the years, then the day of the handover */
  meaning = g_strdup_printf (_("The chairs of %d hand over to those of %d on %s. Overdue means due before that day; "
                               "the coming year is %d."),
                             handover->year, handover->year + 1, handover_day, handover->year + 1);
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, meaning);
}

IcatReportDoc *
icat_report_handover_new (IcatDb  *db,
                          int      year,
                          GError **error)
{
  g_autoptr(GDateTime) date = icat_report_records_date (db, error);
  g_autoptr(IcatReportDoc) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  Handover handover = { db, NULL, year };

  if (date == NULL)
    return NULL;
  /* Translators: the title of the handover pack; the outgoing chairs' year, then the incoming's */
  title = g_strdup_printf (_("Chair’s handover pack %d–%d"), year, year + 1);
  footer = g_strdup_printf ("%s · %s", _("ICAT"), title);
  doc = icat_report_doc_new (title, _("What the chairs of a year hand over to the next"), footer);
  handover.doc = doc;
  handover.next_year = g_strdup_printf ("%04d", year + 1);
  handover.year_after = g_strdup_printf ("%04d", year + 2);
  handover.handover_day = g_strdup_printf ("%04d-01-01", year + 1);

  write_cover (&handover, date);
  if (!write_summary (&handover, error) || !write_chairs (&handover, error)
      || !_icat_handover_write_action_items (&handover, error)
      || !_icat_handover_write_papers (&handover, error)
      || !_icat_handover_write_decisions (&handover, error)
      || !_icat_handover_write_meetings (&handover, error)
      || !_icat_handover_write_gaps (&handover, error)
      || !_icat_handover_write_rotation (&handover, error))
    g_clear_pointer (&doc, icat_report_doc_free);
  g_free (handover.next_year);
  g_free (handover.year_after);
  g_free (handover.handover_day);
  return g_steal_pointer (&doc);
}
