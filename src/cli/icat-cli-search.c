/* icat-cli-search.c — `icat-tracker-cli search`: Ctrl+F for scripts
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-cli-private.h"
#include "icat-fields.h"
#include "icat-record-io.h"
#include "icat-search.h"

/* As many as the window's search popover shows. */
#define DEFAULT_LIMIT 50
/* Characters of text around the match. */
#define SNIPPET_WIDTH 60

/* The date a record is known by, as YYYY-MM-DD; "" when it has none. */
static char *
record_date (JsonObject *record,
             const char *kind)
{
  const char *key = ICAT_KEY_UPDATED_AT;
  const char *value;

  if (g_str_equal (kind, "meeting"))
    key = ICAT_KEY_STARTS_AT;
  else if (g_str_equal (kind, "action_item"))
    key = ICAT_KEY_DUE;
  else if (g_str_equal (kind, "paper"))
    key = ICAT_KEY_PUBLISHED_ON;
  value = json_object_get_string_member_with_default (record, key, NULL);
  if (value == NULL && !g_str_equal (key, ICAT_KEY_UPDATED_AT))
    value = json_object_get_string_member_with_default (record, ICAT_KEY_UPDATED_AT, "");
  if (g_str_equal (key, ICAT_KEY_STARTS_AT) && value != NULL)
    {
      /* A meeting's day where it meets, not in UTC. */
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (
        json_object_get_string_member_with_default (record, ICAT_KEY_TIMEZONE, "UTC"));
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (value, NULL);
      g_autoptr(GDateTime) local = utc && zone ? g_date_time_to_timezone (utc, zone) : NULL;

      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%d");
    }
  return g_strndup (value != NULL ? value : "", 10);
}

/* The text the match is in: the body when it is there, else the title. */
static char *
matching_text (IcatDb      *db,
               const char  *id,
               const char  *query,
               GError     **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT title, body FROM search_doc WHERE record_id = ?1", error);
  char *snippet = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  icat_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      snippet = icat_search_snippet ((const char *) sqlite3_column_text (stmt, 1), query, SNIPPET_WIDTH);
      if (snippet == NULL)
        snippet = icat_search_snippet ((const char *) sqlite3_column_text (stmt, 0), query, SNIPPET_WIDTH);
      rc = SQLITE_DONE;
    }
  if (!icat_db_end_rows (db, stmt, rc, error))
    g_clear_pointer (&snippet, g_free);
  else if (snippet == NULL)
    snippet = g_strdup ("");
  return snippet;
}

/* kind, id, date, title and the matching text, separated by tabs. */
static gboolean
print_hit (IcatDb         *db,
           IcatSearchHit  *hit,
           const char     *query,
           GError        **error)
{
  const IcatKind *kind = icat_schema_lookup (hit->kind);
  g_autoptr(JsonObject) record = kind ? icat_record_io_read (db, kind, hit->id, NULL) : NULL;
  g_autofree char *date = record ? record_date (record, hit->kind) : g_strdup ("");
  g_autofree char *snippet = matching_text (db, hit->id, query, error);
  g_autofree char *title = g_strdelimit (g_strdup (hit->title), "\t\r\n", ' ');

  if (snippet == NULL)
    return FALSE;
  g_print ("%s\t%s\t%s\t%s\t%s\n", hit->kind, hit->id, date, title, snippet);
  return TRUE;
}

int
icat_cli_command_search (const char  *database,
                         int          argc,
                         char       **argv)
{
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N records (default: 50)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("TERM… — find records by any words in them"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The same search as Ctrl+F in the window: records holding every word, those with\n"
                                  "every word in their title first. One record a line, separated by tabs: its kind,\n"
                                  "id, date, title and the text around the first match. Nothing found prints nothing."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc < 2)
    return icat_cli_usage_error (_("Give the words to search for"));
  if (limit < 1)
    return icat_cli_usage_error (_("--limit must be a number from 1 up"));
  query = g_strjoinv (" ", argv + 1);

  db = icat_cli_open_read_only (database, &error);
  if (db == NULL)
    return icat_cli_fail (error);
  /* The hits and the lines printed for them see one state of the file. */
  if (!icat_db_begin_snapshot (db, &error))
    return icat_cli_fail (error);
  hits = icat_search_run (db, query, limit, NULL, &error);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    if (!print_hit (db, hits->pdata[i], query, &error))
      g_clear_pointer (&hits, g_ptr_array_unref);
  icat_db_end_snapshot (db);
  if (hits == NULL)
    return icat_cli_fail (error);
  return ICAT_CLI_EXIT_OK;
}
