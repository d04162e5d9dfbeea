/* icat-handover-rotation.c — the mandates left without work and the next chairs
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gaps are the coverage report's (icat_report_coverage_gaps ()), so
 * the two documents never disagree. The rotation rule is the one the
 * Chair Rotation page keeps in the app's settings: the same keys read the
 * same way, the order's empty default standing for the members and the
 * Working Group by acronym. The command line may run where the app's
 * settings schema is not installed (a server, a build tree); there the
 * default rule is used and the pack says so, rather than failing.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <glib/gi18n-lib.h>

#include "icat-agency-order.h"
#include "icat-format.h"
#include "icat-handover-report.h"
#include "icat-record-read.h"
#include "icat-reports.h"
#include "icat-rotation.h"
#include "icat-schema.h"
#include "icat-work-plan-data.h"

#define N_PROPOSED_YEARS 3

/* Mandates with no work */

/* "A/RES/64/293, annex para. 12, …": the paragraphs not addressed to
 * ICAT, named only, as the coverage report gives their text. */
static void
write_other_gaps (Handover  *handover,
                  GPtrArray *gaps,
                  guint      from)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = from; i < gaps->len; i++)
    icat_list_append (labels, ((IcatCoverageGap *) gaps->pdata[i])->mandate->label);
  if (labels->len == 0)
    return;
  /* Translators: in the handover pack; %s lists mandate paragraphs */
  text = g_strdup_printf (_("Also without work, addressed to others: %s."), labels->str);
  icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, text);
}

gboolean
_icat_handover_write_gaps (Handover  *handover,
                           GError   **error)
{
  const double fractions[] = { 0.22, 0.56, 0.22 };
  const char *headers[] = { _("Paragraph"), _("What it asks"), _("Addressee") };
  g_autoptr(IcatWorkPlanData) data = icat_work_plan_data_load (handover->db, handover->year, error);
  g_autoptr(GPtrArray) gaps = data != NULL ? icat_report_coverage_gaps (handover->db, data, error) : NULL;
  /* Translators: a heading of the handover pack; %d is a year */
  g_autofree char *title = g_strdup_printf (_("Mandate paragraphs with no work in %d"), handover->year);
  g_autofree char *intro = NULL;
  guint i = 0;

  if (gaps == NULL)
    return FALSE;
  icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, title);
  if (gaps->len == 0)
    {
      icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("Every paragraph had work."));
      return TRUE;
    }
  intro = g_strdup_printf (_("No action item, paper or meeting of %d is linked to these paragraphs, as the coverage "
                             "report counts them. Those addressed to ICAT or its coordinator are listed with what "
                             "they ask; the others are named after them."), handover->year);
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, intro);
  for (; i < gaps->len && ((IcatCoverageGap *) gaps->pdata[i])->for_icat; i++)
    {
      IcatCoverageGap *gap = gaps->pdata[i];
      const char *cells[] = { gap->mandate->label, gap->mandate->summary != NULL ? gap->mandate->summary : "",
                              icat_format_enum ("addressee", gap->addressee) };

      if (i == 0)
        icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
      icat_report_doc_table_row (handover->doc, cells, ICAT_ROW_ALERT);
    }
  if (i > 0)
    icat_report_doc_table_end (handover->doc);
  write_other_gaps (handover, gaps, i);
  return TRUE;
}

/* The rotation rule */

typedef struct {
  GStrv       stored_order;   /* empty: the default order */
  guint       skip_recent_years;
  gboolean    co_chairs;
  gboolean    pair_un_with_other;
  gboolean    from_settings;
  GHashTable *acronyms;       /* id → acronym */
  GHashTable *un_entities;    /* ids */
  GHashTable *former;         /* ids */
  GPtrArray  *default_order;  /* ids of the members and Working Group, by acronym */
  GPtrArray  *history;        /* IcatChairYear */
} Rotation;

static void
rotation_clear (Rotation *rotation)
{
  g_strfreev (rotation->stored_order);
  g_hash_table_unref (rotation->acronyms);
  g_hash_table_unref (rotation->un_entities);
  g_hash_table_unref (rotation->former);
  g_ptr_array_unref (rotation->default_order);
  g_ptr_array_unref (rotation->history);
}

static void
read_rule (Rotation *rotation)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    {
      /* The defaults of the app's settings schema, in data/. */
      rotation->stored_order = g_new0 (char *, 1);
      rotation->skip_recent_years = 2;
      rotation->co_chairs = TRUE;
      rotation->pair_un_with_other = FALSE;
      return;
    }
  /* Asked for the memory backend (as the tests do), make it here: GIO's
   * search for the default backend would load its modules only to leave
   * the unused dconf module's object behind. */
  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "memory") == 0)
    backend = g_memory_settings_backend_new ();
  settings = g_settings_new_full (schema, backend, NULL);
  rotation->from_settings = TRUE;
  rotation->stored_order = g_settings_get_strv (settings, "rotation-order");
  rotation->skip_recent_years = g_settings_get_uint (settings, "rotation-skip-years");
  rotation->co_chairs = g_settings_get_boolean (settings, "rotation-co-chairs");
  rotation->pair_un_with_other = rotation->co_chairs && g_settings_get_boolean (settings, "rotation-pair");
}

static int
compare_by_acronym (gconstpointer a,
                    gconstpointer b,
                    gpointer      acronyms)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  g_autofree char *folded_x = g_utf8_casefold (g_hash_table_lookup (acronyms, x), -1);
  g_autofree char *folded_y = g_utf8_casefold (g_hash_table_lookup (acronyms, y), -1);
  int order = g_strcmp0 (folded_x, folded_y);

  return order != 0 ? order : g_strcmp0 (x, y);
}

/* The agencies as the Chair Rotation page sees them, on the handover day. */
static gboolean
read_agencies (Handover  *handover,
               Rotation  *rotation,
               GError   **error)
{
  g_autoptr(IcatRecordReader) reader = icat_record_reader_new (handover->db, icat_schema_lookup ("agency"), error);
  g_autoptr(GError) local_error = NULL;
  JsonObject *agency;

  if (reader == NULL)
    return FALSE;
  while ((agency = icat_record_reader_next (reader, &local_error)) != NULL)
    {
      const char *id = json_object_get_string_member_with_default (agency, "id", NULL);
      const char *acronym = json_object_get_string_member_with_default (agency, "acronym", NULL);
      gboolean working_group = FALSE;
      IcatAgencyStatus status = icat_agency_status_on (agency, handover->handover_day, &working_group);

      if (id != NULL && acronym != NULL)
        {
          g_hash_table_insert (rotation->acronyms, g_strdup (id), g_strdup (acronym));
          if (g_strcmp0 (json_object_get_string_member_with_default (agency, "kind", NULL), "un-entity") == 0)
            g_hash_table_add (rotation->un_entities, g_strdup (id));
          if (icat_agency_is_former (agency, handover->handover_day))
            g_hash_table_add (rotation->former, g_strdup (id));
          if (working_group || status == ICAT_AGENCY_STATUS_MEMBER || status == ICAT_AGENCY_STATUS_COORDINATOR)
            g_ptr_array_add (rotation->default_order, g_strdup (id));
        }
      json_object_unref (agency);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort_with_data (rotation->default_order, compare_by_acronym, rotation->acronyms);
  g_ptr_array_add (rotation->default_order, NULL);
  return TRUE;
}

/* Every chair term with its agencies, as IcatChairYear. */
static gboolean
read_history (Handover  *handover,
              Rotation  *rotation,
              GError   **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (handover->db,
                                        "SELECT t.id, t.year, l.target_id FROM chair_term t "
                                        "JOIN chair_term_agencies l ON l.owner_id = t.id "
                                        "ORDER BY t.year, t.id, l.position, l.target_id", error);
  g_autoptr(GPtrArray) chairs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *term = NULL;
  int year = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  do
    {
      rc = sqlite3_step (stmt);
      if (term != NULL && (rc != SQLITE_ROW || g_strcmp0 (term, (const char *) sqlite3_column_text (stmt, 0)) != 0))
        {
          g_ptr_array_add (chairs, NULL);
          g_ptr_array_add (rotation->history, icat_chair_year_new (year, (const char * const *) chairs->pdata));
          g_ptr_array_set_size (chairs, 0);
          g_clear_pointer (&term, g_free);
        }
      if (rc != SQLITE_ROW)
        break;
      if (term == NULL)
        term = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      year = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (chairs, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  while (TRUE);
  return icat_db_end_rows (handover->db, stmt, rc, error);
}

static const char *
acronym_of (Rotation   *rotation,
            const char *id)
{
  const char *acronym = g_hash_table_lookup (rotation->acronyms, id);

  return acronym != NULL ? acronym : id;
}

static char *
chairs_text (Rotation           *rotation,
             const char * const *chairs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; chairs[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? _(" + ") : "", acronym_of (rotation, chairs[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The Chair Rotation page's sentence for the same warning. years: the
 * history and the proposals, where the warning's earlier turn is found. */
static char *
warning_text (Rotation            *rotation,
              IcatRotationWarning *warning,
              GPtrArray           *years)
{
  return icat_rotation_warning_text (warning, years, acronym_of (rotation, warning->agency_id),
                                     rotation->skip_recent_years,
                                     g_hash_table_contains (rotation->un_entities, warning->agency_id));
}

/* The rule in words, and where it was read. */
static void
write_rule (Handover           *handover,
            Rotation           *rotation,
            const char * const *order)
{
  g_autoptr(GString) rule = g_string_new (NULL);
  g_autoptr(GString) turns = g_string_new (NULL);
  g_autofree char *day = icat_format_date (handover->handover_day);
  g_autofree char *sentence = NULL;

  g_string_append (rule, rotation->from_settings
                   ? _("The rule as the coordinators set it on the Chair Rotation page of ICAT Tracker on this computer: ")
                   : _("ICAT Tracker’s settings are not installed on this computer, so the default rule is used: "));
  g_string_append (rule, rotation->co_chairs ? _("two co-chairs a year") : _("one chair a year"));
  g_string_append (rule, icat_list_separator ());
  g_string_append_printf (rule, g_dngettext (GETTEXT_PACKAGE, "an agency that chaired in the last %u year waits",
                                             "an agency that chaired in the last %u years waits",
                                             rotation->skip_recent_years), rotation->skip_recent_years);
  if (rotation->pair_un_with_other)
    icat_list_append (rule, _("a UN entity paired with a co-chair from outside the UN system"));
  /* Translators: the handover pack's rotation rule, ended as a sentence: "%s。" in Chinese */
  sentence = g_strdup_printf (C_("rotation rule", "%s."), rule->str);
  icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, sentence);

  /* Each acronym whole: the line broke "OSRSG-" from "VAC". */
  for (guint i = 0; order[i] != NULL; i++)
    {
      g_autofree char *acronym = icat_text_unbroken (acronym_of (rotation, order[i]));

      g_string_append_printf (turns, "%s%s", i > 0 ? ", " : "", acronym);
    }
  if (rotation->stored_order[0] == NULL)
    {
      /* Translators: in the handover pack; %s is a day */
      g_autofree char *text = g_strdup_printf (_("The coordinators have set no turn order: the members and the "
                                                 "Working Group on %s take their turns by acronym."), day);

      icat_report_doc_text (handover->doc, ICAT_TEXT_CAPTION, text);
    }
  icat_report_doc_fact (handover->doc, _("Turn order"), turns->len > 0 ? turns->str : "—");
}

static GStrv
turn_order (Rotation *rotation)
{
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();

  if (rotation->stored_order[0] == NULL)
    return g_strdupv ((char **) rotation->default_order->pdata);
  /* As the Chair Rotation page does: ids of agencies no longer recorded are left out. */
  for (guint i = 0; rotation->stored_order[i] != NULL; i++)
    if (g_hash_table_contains (rotation->acronyms, rotation->stored_order[i]))
      g_strv_builder_add (order, rotation->stored_order[i]);
  return g_strv_builder_end (order);
}

static gboolean
year_recorded (GPtrArray *history,
               int        year)
{
  for (guint i = 0; i < history->len; i++)
    if (((IcatChairYear *) history->pdata[i])->year == year)
      return TRUE;
  return FALSE;
}

static void
write_proposals (Handover         *handover,
                 Rotation         *rotation,
                 IcatRotationRule *rule)
{
  const double fractions[] = { 0.14, 0.30, 0.56 };
  const char *headers[] = { _("Year"), _("Proposed"), _("Warnings") };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  int first_free_year = handover->year + 1;

  /* Years with chairs recorded are not proposed for, as on the Chair Rotation page. */
  while (year_recorded (rotation->history, first_free_year))
    first_free_year++;
  proposals = icat_rotation_propose (rule, rotation->history, rotation->un_entities, first_free_year,
                                     N_PROPOSED_YEARS, &warnings);
  if (proposals->len == 0)
    {
      icat_report_doc_text (handover->doc, ICAT_TEXT_BODY, _("The turn order holds no agency to propose."));
      return;
    }
  g_ptr_array_extend (years, rotation->history, NULL, NULL);
  g_ptr_array_extend (years, proposals, NULL, NULL);
  icat_report_doc_table_begin (handover->doc, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < proposals->len; i++)
    {
      IcatChairYear *proposal = proposals->pdata[i];
      g_autofree char *year = g_strdup_printf ("%d", proposal->year);
      g_autofree char *chairs = chairs_text (rotation, (const char * const *) proposal->chairs);
      g_autoptr(GString) warned = g_string_new (NULL);
      const char *cells[3];

      for (guint w = 0; w < warnings->len; w++)
        {
          IcatRotationWarning *warning = warnings->pdata[w];
          g_autofree char *text = NULL;

          if (warning->year != proposal->year)
            continue;
          text = warning_text (rotation, warning, years);
          g_string_append_printf (warned, "%s%s", warned->len > 0 ? "\n" : "", text);
        }
      cells[0] = year;
      cells[1] = chairs;
      cells[2] = warned->len > 0 ? warned->str : "—";
      icat_report_doc_table_row (handover->doc, cells, warned->len > 0 ? ICAT_ROW_ALERT : ICAT_ROW_DEFAULT);
    }
  icat_report_doc_table_end (handover->doc);
}

gboolean
_icat_handover_write_rotation (Handover  *handover,
                               GError   **error)
{
  Rotation rotation = {
    .acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .un_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .former = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .default_order = g_ptr_array_new_with_free_func (g_free),
    .history = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_chair_year_free),
  };
  g_auto(GStrv) order = NULL;
  IcatRotationRule rule;
  gboolean ok;

  read_rule (&rotation);
  ok = read_agencies (handover, &rotation, error) && read_history (handover, &rotation, error);
  if (ok)
    {
      order = turn_order (&rotation);
      rule = (IcatRotationRule) { (const char * const *) order, rotation.skip_recent_years, rotation.co_chairs,
                                  rotation.pair_un_with_other, rotation.former };
      icat_report_doc_heading (handover->doc, ICAT_TEXT_HEADING_1, _("Chair rotation: the next proposals"));
      write_rule (handover, &rotation, (const char * const *) order);
      write_proposals (handover, &rotation, &rule);
    }
  rotation_clear (&rotation);
  return ok;
}
