/* icat-handover-work.c — the work the handover pack passes on
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open action items, papers in progress, decisions still to implement and
 * the meetings planned: each a grouped or limited query over indexed
 * columns, so ten years of records make a few pages read in milliseconds.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-clearance.h"
#include "icat-format.h"
#include "icat-handover-report.h"
#include "icat-record-io.h"
#include "icat-record-read.h"
#include "icat-schema.h"

#define OPEN_STATUSES "('open', 'in-progress', 'blocked')"

/* Open action items */

static gboolean
write_owner_counts (Handover  *handover,
                    GError   **error)
{
  const double fractions[] = { 0.28, 0.18, 0.18, 0.18, 0.18 };
  /* Translators: a column of the handover pack; %s is a year */
  g_autofree char *due_label = g_strdup_printf (_("Due in %s"), handover->next_year);
  /* Overdue last: an alert row shows its last column in red. */
  const char *headers[] = { _("Owner"),
                            /* Translators: a column counting the action items still open (not the verb) */
                            C_("action items", "Open"),
                            due_label, _("Later or undated"), _("Overdue") };
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "SELECT a.acronym, count (*), sum (t.due >= ?1 AND t.due < ?2), "
                                        "sum (t.due IS NULL OR t.due >= ?2), sum (t.due < ?1) "
                                        "FROM action_item t JOIN agency a ON a.id = t.owner "
                                        "WHERE t.status IN " OPEN_STATUSES " GROUP BY t.owner "
                                        "ORDER BY count (*) DESC, a.acronym COLLATE NOCASE, t.owner", error);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, handover->next_year);
  icat_bind_text (stmt, 2, handover->year_after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *counts[4];
      const char *cells[5];

      if (!any)
        icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
      any = TRUE;
      cells[0] = (const char *) sqlite3_column_text (stmt, 0);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        cells[i + 1] = counts[i] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i + 1));
      icat_report_doc_table_row (handover->doc, cells, sqlite3_column_int64 (stmt, 4) > 0 ? ICAT_ROW_ALERT
                                 : ICAT_ROW_DEFAULT);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        g_free (counts[i]);
    }
  if (any)
    icat_report_doc_table_end (handover->doc);
  else
    icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("No action item is open."));
  return icat_db_end_rows (handover->db, stmt, rc, error);
}

/* The items due in [from, until) (from NULL: any due before until), the
 * earliest first, with the meeting they arose from. */
static gboolean
write_item_list (Handover    *handover,
                 const char  *title,
                 const char  *from,
                 const char  *until,
                 GError     **error)
{
  /* The owner's header fits "Ответственный" without breaking the word. */
  const double fractions[] = { 0.37, 0.17, 0.30, 0.16 };
  /* The due date last: an overdue row shows it in red. */
  const char *headers[] = { _("Action item"), _("Owner"), _("Arose from"), _("Due") };
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "SELECT t.title, a.acronym, t.due, m.title, m.starts_at, m.timezone, "
                                        "m.date_precision, count (*) OVER () FROM action_item t "
                                        "JOIN agency a ON a.id = t.owner LEFT JOIN meeting m ON m.id = t.meeting "
                                        "WHERE t.status IN " OPEN_STATUSES " AND t.due >= ?1 AND t.due < ?2 "
                                        "ORDER BY t.due, t.title, t.id LIMIT ?3", error);
  guint listed = 0, total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, from != NULL ? from : "");
  icat_bind_text (stmt, 2, until);
  sqlite3_bind_int (stmt, 3, ICAT_HANDOVER_LISTED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *due = icat_format_date ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *meeting = NULL;
      const char *cells[4];

      if (listed == 0)
        {
          icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_2, title);
          icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
        }
      if (sqlite3_column_text (stmt, 3) != NULL)
        meeting = _icat_handover_meeting_named (stmt, 3, 4);
      cells[0] = (const char *) sqlite3_column_text (stmt, 0);
      cells[1] = (const char *) sqlite3_column_text (stmt, 1);
      cells[2] = meeting != NULL ? meeting : "—";
      cells[3] = due;
      icat_report_doc_table_row (handover->doc, cells, from == NULL ? ICAT_ROW_ALERT : ICAT_ROW_DEFAULT);
      total = (guint) sqlite3_column_int64 (stmt, 7);
      listed++;
    }
  if (listed > 0)
    icat_report_doc_table_end (handover->doc);
  _icat_handover_counted (handover->doc, listed, total);
  return icat_db_end_rows (handover->db, stmt, rc, error);
}

gboolean
_icat_handover_write_action_items (Handover  *handover,
                                   GError   **error)
{
  g_autofree char *day = icat_format_date (handover->handover_day);
  /* Translators: a sub-heading of the handover pack; %s is the day of the handover */
  g_autofree char *overdue = g_strdup_printf (_("Overdue on %s"), day);
  /* Translators: a sub-heading of the handover pack; %s is a year */
  g_autofree char *coming = g_strdup_printf (_("Due in %s"), handover->next_year);
  g_autofree char *intro = NULL;

  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Open action items by owner"));
  intro = g_strdup_printf (_("Open, in progress and blocked action items, counted by owner agency. The overdue and "
                             "those due in %s are listed below, the earliest due first, up to %d of each; the rest "
                             "are only counted here."), handover->next_year, ICAT_HANDOVER_LISTED);
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, intro);
  return write_owner_counts (handover, error)
         && write_item_list (handover, overdue, NULL, handover->next_year, error)
         && write_item_list (handover, coming, handover->next_year, handover->year_after, error);
}

/* Papers in progress */

/* id → acronym, for the clearance lists' agencies. */
static GHashTable *
load_acronyms (Handover  *handover,
               GError   **error)
{
  g_autoptr(GHashTable) acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = icat_db_prepare (handover->db, "SELECT id, acronym FROM agency", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (acronyms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!icat_db_end_rows (handover->db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&acronyms);
}

static void
append_agency (GString    *text,
               GHashTable *acronyms,
               const char *id)
{
  const char *acronym = g_hash_table_lookup (acronyms, id);

  g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", acronym != NULL ? acronym : id);
}

/* A list member of a record, or NULL when it has none. */
static JsonArray *
member_array (JsonObject *record,
              const char *name)
{
  JsonNode *node = json_object_get_member (record, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* "Objected: OHCHR. Not answered: IOM, UNHCR." or "—". */
static char *
clearance_waiting (JsonObject *paper,
                   GHashTable *acronyms)
{
  JsonArray *rows = member_array (paper, "clearances");
  g_auto(GStrv) missing = icat_clearance_missing_agencies (paper);
  g_autoptr(GString) objected = g_string_new (NULL);
  g_autoptr(GString) waiting = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *state = json_object_get_string_member_with_default (row, "state", NULL);
      const char *agency = json_object_get_string_member_with_default (row, "agency", "");

      if (g_strcmp0 (state, "objected") == 0)
        append_agency (objected, acronyms, agency);
      else if (!icat_clearance_state_is_cleared (state))
        append_agency (waiting, acronyms, agency);
    }
  for (guint i = 0; missing[i] != NULL; i++)
    append_agency (waiting, acronyms, missing[i]);
  if (objected->len > 0)
    /* Translators: in the handover pack; %s lists agencies */
    g_string_append_printf (text, _("Objected: %s."), objected->str);
  if (waiting->len > 0 && text->len > 0)
    g_string_append_c (text, ' ');
  if (waiting->len > 0)
    /* Translators: in the handover pack; %s lists agencies */
    g_string_append_printf (text, _("Not answered: %s."), waiting->str);
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (text, FALSE);
}

static const char * const paper_stages[] = { "proposed", "drafting", "agency-review", "wg-endorsement", NULL };

static guint
stage_index (JsonObject *paper)
{
  const char *status = json_object_get_string_member_with_default (paper, "status", "");

  for (guint i = 0; paper_stages[i] != NULL; i++)
    if (g_str_equal (paper_stages[i], status))
      return i;
  return G_N_ELEMENTS (paper_stages);
}

static const char *
paper_title (JsonObject *paper)
{
  JsonNode *title = json_object_get_member (paper, "title");

  if (title != NULL && JSON_NODE_HOLDS_OBJECT (title))
    return icat_localized_pick (json_node_get_object (title));
  return json_object_get_string_member_with_default (paper, "title", "");
}

/* The furthest stage first: those closest to publication need the chair soonest. */
static int
compare_papers (gconstpointer a,
                gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  guint stage_x = stage_index (x), stage_y = stage_index (y);

  if (stage_x != stage_y)
    return stage_x > stage_y ? -1 : 1;
  return g_utf8_collate (paper_title (x), paper_title (y));
}

static GPtrArray *
papers_in_progress (Handover  *handover,
                    GError   **error)
{
  g_autoptr(GPtrArray) papers = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(IcatRecordReader) reader = icat_record_reader_new (handover->db, icat_schema_lookup ("paper"), error);
  g_autoptr(GError) local_error = NULL;
  JsonObject *paper;

  if (reader == NULL)
    return NULL;
  while ((paper = icat_record_reader_next (reader, &local_error)) != NULL)
    {
      if (g_strcmp0 (json_object_get_string_member_with_default (paper, "status", NULL), "published") != 0)
        g_ptr_array_add (papers, paper);
      else
        json_object_unref (paper);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_ptr_array_sort (papers, compare_papers);
  return g_steal_pointer (&papers);
}

static void
write_paper_row (Handover   *handover,
                 JsonObject *paper,
                 GHashTable *acronyms)
{
  JsonArray *leads = member_array (paper, "lead_agencies");
  g_autoptr(GString) lead = g_string_new (NULL);
  g_autofree char *cleared = icat_clearance_summary (paper);
  g_autofree char *waiting = clearance_waiting (paper, acronyms);
  IcatClearanceCount count;
  const char *cells[5];

  for (guint i = 0; leads != NULL && i < json_array_get_length (leads); i++)
    append_agency (lead, acronyms, json_array_get_string_element (leads, i));
  icat_clearance_count (paper, &count);
  cells[0] = paper_title (paper);
  cells[1] = icat_format_enum ("status", json_object_get_string_member_with_default (paper, "status", NULL));
  cells[2] = lead->len > 0 ? lead->str : "—";
  cells[3] = cleared != NULL ? cleared : _("Not asked yet");
  cells[4] = waiting;
  icat_report_doc_table_row (handover->doc, cells, count.n_objected > 0 ? ICAT_ROW_ALERT : ICAT_ROW_DEFAULT);
}

gboolean
_icat_handover_write_papers (Handover  *handover,
                             GError   **error)
{
  /* The lead's header fits "Ведущее учреждение" without breaking a word. */
  const double fractions[] = { 0.32, 0.14, 0.14, 0.18, 0.22 };
  const char *headers[] = { _("Paper"), _("Stage"), _("Lead"), _("Clearance"), _("Waiting for") };
  g_autoptr(GHashTable) acronyms = load_acronyms (handover, error);
  g_autoptr(GPtrArray) papers = acronyms != NULL ? papers_in_progress (handover, error) : NULL;
  guint listed = 0;

  if (papers == NULL)
    return FALSE;
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Papers in progress"));
  if (papers->len == 0)
    {
      icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("Every paper recorded is published."));
      return TRUE;
    }
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION,
                        _("Papers not yet published, the furthest stage first, with their clearance by the agencies "
                          "that write them."));
  icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
  for (; listed < papers->len && listed < ICAT_HANDOVER_LISTED; listed++)
    write_paper_row (handover, papers->pdata[listed], acronyms);
  icat_report_doc_table_end (handover->doc);
  _icat_handover_counted (handover->doc, listed, papers->len);
  return TRUE;
}

/* Decisions still to implement */

/* The decisions of the meeting in the statement's current row and those
 * after it of the same meeting; returns the row's step result after them. */
static int
write_meeting_decisions (Handover     *handover,
                         sqlite3_stmt *stmt)
{
  g_autofree char *meeting_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_autofree char *meeting = _icat_handover_meeting_named (stmt, 1, 2);
  g_autofree char *open = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 7));
  gboolean first = TRUE;
  int rc = SQLITE_ROW;

  while (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), meeting_id) == 0)
    {
      g_autofree char *text = _icat_handover_localized (stmt, 6);
      g_autofree char *decision = g_strdup_printf ("%" G_GINT64_FORMAT ". %s", (gint64) sqlite3_column_int64 (stmt, 5), text);
      const char *cells[] = { first ? meeting : "", decision, first ? open : "" };

      icat_report_doc_table_row (handover->doc, cells, ICAT_ROW_DEFAULT);
      first = FALSE;
      rc = sqlite3_step (stmt);
    }
  return rc;
}

gboolean
_icat_handover_write_decisions (Handover  *handover,
                                GError   **error)
{
  const double fractions[] = { 0.30, 0.56, 0.14 };
  const char *headers[] = { _("Meeting"), _("Decision"), _("Open action items") };
  /* The meetings held before the handover whose decisions have open action
   * items arising from them, newest first; the row's last column counts
   * the meetings in all. */
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "WITH open_meetings AS (SELECT m.id, m.title, m.starts_at, m.timezone, "
                                        "  m.date_precision, (SELECT count (*) FROM action_item t WHERE t.meeting = m.id "
                                        "  AND t.status IN " OPEN_STATUSES ") open FROM meeting m "
                                        "  WHERE m.starts_at < ?1 AND EXISTS (SELECT 1 FROM meeting_decisions d "
                                        "  WHERE d.parent_id = m.id)), "
                                        "listed AS (SELECT *, count (*) OVER () total FROM open_meetings WHERE open > 0 "
                                        "  ORDER BY starts_at DESC, id LIMIT ?2) "
                                        "SELECT l.id, l.title, l.starts_at, l.timezone, l.date_precision, d.number, d.text, "
                                        "l.open, l.total FROM listed l JOIN meeting_decisions d ON d.parent_id = l.id "
                                        "ORDER BY l.starts_at DESC, l.id, d.number, d.seq", error);
  guint listed = 0, total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, handover->next_year);
  sqlite3_bind_int (stmt, 2, ICAT_HANDOVER_LISTED / 2);
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Decisions still to implement"));
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION,
                        _("The records do not link a decision to the action items that carry it out. A meeting’s "
                          "decisions are listed here while any action item that arose from that meeting is still "
                          "open, in progress or blocked; the most recent meetings first."));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
  while (rc == SQLITE_ROW)
    {
      total = (guint) sqlite3_column_int64 (stmt, 8);
      listed++;
      rc = write_meeting_decisions (handover, stmt);
    }
  if (listed > 0)
    icat_report_doc_table_end (handover->doc);
  else
    icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("No decision waits on an open action item."));
  if (total > listed)
    {
      /* Translators: under the decisions of the handover pack */
      g_autofree char *counted =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier meeting with open action items counted, not listed.",
                                      "%u earlier meetings with open action items counted, not listed.",
                                      total - listed), total - listed);

      icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, counted);
    }
  return icat_db_end_rows (handover->db, stmt, rc, error);
}

/* Meetings planned */

gboolean
_icat_handover_write_meetings (Handover  *handover,
                               GError   **error)
{
  const double fractions[] = { 0.22, 0.40, 0.20, 0.18 };
  const char *headers[] = { _("When"), _("Meeting"), _("Kind"), _("Venue") };
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "SELECT title, starts_at, timezone, date_precision, kind, venue, "
                                        "count (*) OVER () FROM meeting WHERE starts_at >= ?1 "
                                        "ORDER BY starts_at, id LIMIT ?2", error);
  guint listed = 0, total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, handover->next_year);
  sqlite3_bind_int (stmt, 2, ICAT_HANDOVER_LISTED);
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Meetings planned"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *when = _icat_handover_meeting_when (stmt, 1);
      g_autofree char *title = _icat_handover_localized (stmt, 0);
      const char *cells[] = { when, title, icat_format_enum ("kind", (const char *) sqlite3_column_text (stmt, 4)),
                              icat_format_venue ((const char *) sqlite3_column_text (stmt, 5)) };

      if (listed == 0)
        icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
      icat_report_doc_table_row (handover->doc, cells, ICAT_ROW_DEFAULT);
      total = (guint) sqlite3_column_int64 (stmt, 6);
      listed++;
    }
  if (listed > 0)
    icat_report_doc_table_end (handover->doc);
  else
    icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("No meeting is planned after the handover."));
  _icat_handover_counted (handover->doc, listed, total);
  return icat_db_end_rows (handover->db, stmt, rc, error);
}
