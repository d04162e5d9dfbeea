/* icat-chair-rotation.c — who chaired ICAT, who chairs now, whose turn is next
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history is the chair_term records, a row each, edited in place
 * through an IcatAutosave per row. The rule lives in settings; the proposal
 * and the warnings come from icat_rotation_propose() and
 * icat_rotation_check(), worked out again a moment after anything they
 * depend on changes. The tables are small (an agency or a chair term a
 * year), so they are read on the main loop.
 */
#define G_LOG_DOMAIN "icat-chair-rotation"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-choice.h"
#include "icat-agency-order.h"
#include "icat-autosave.h"
#include "icat-chair-rotation-private.h"
#include "icat-chair-term-row.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-input.h"
#include "icat-record-list.h"
#include "icat-rotation.h"
#include "icat-today.h"
#include "icat-toast.h"
#include "icat-fields.h"

#define N_PROPOSED_YEARS 5


G_DEFINE_FINAL_TYPE (IcatChairRotation, icat_chair_rotation, ADW_TYPE_BIN)

static void refresh_now (IcatChairRotation *self);

static gboolean
refresh_cb (gpointer data)
{
  IcatChairRotation *self = data;

  self->refresh_source = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (IcatChairRotation *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static GtkWidget *
warning_icon_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "rotation-warning-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  return icon;
}

/* As wide as the warning icon, for the rows without a warning. */
static GtkWidget *
warning_space_new (void)
{
  GtkWidget *space = gtk_image_new ();

  gtk_widget_set_size_request (space, 16, -1);
  return space;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* Texts */

const char *
_icat_chair_rotation_acronym_of (IcatChairRotation *self,
                                 const char        *id)
{
  const char *acronym = g_hash_table_lookup (self->acronyms, id);

  return acronym ? acronym : "?";
}

static char *
chairs_text (IcatChairRotation  *self,
             const char * const *chairs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; chairs != NULL && chairs[i] != NULL; i++)
    /* Translators: between co-chairs, "IOM + OSCE" */
    g_string_append_printf (text, "%s%s", i > 0 ? _(" + ") : "", _icat_chair_rotation_acronym_of (self, chairs[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static IcatChairYear *
find_year (GPtrArray *years,
           int        year)
{
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (((IcatChairYear *) years->pdata[i])->year == year)
      return years->pdata[i];
  return NULL;
}

/* A warning as a sentence: "UNODC chaired in 2022, within 2 years of its
 * turn in 2021." years holds the years the warning was found in. */
static char *
warning_text (IcatChairRotation   *self,
              IcatRotationWarning *warning,
              GPtrArray           *years)
{
  gboolean un_entity = find_year (years, warning->year) != NULL
                       && g_hash_table_contains (self->un_entities, warning->agency_id);

  return icat_rotation_warning_text (warning, years, _icat_chair_rotation_acronym_of (self, warning->agency_id),
                                     g_settings_get_uint (self->settings, "rotation-skip-years"), un_entity);
}

/* Agencies: the drop-downs' choices, acronyms, UN entities */

static void load_year_row (IcatChairRotation *self,
                           IcatChairTermRow  *row,
                           gboolean           force);

static void
collect_agencies (IcatChairRotation *self)
{
  g_autofree char *today = icat_today_string ();
  g_autoptr(GPtrArray) records = icat_agency_list_current_first (G_LIST_MODEL (self->agencies), today);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean same;

  /* The chair drop-downs offer only agencies with an acronym. */
  for (guint i = records->len; i > 0; i--)
    if (icat_record_get_string (records->pdata[i - 1], ICAT_KEY_ACRONYM) == NULL)
      g_ptr_array_remove_index (records, i - 1);
  same = records->len == self->agency_ids->len;

  g_hash_table_remove_all (self->acronyms);
  g_hash_table_remove_all (self->un_entities);
  g_hash_table_remove_all (self->former);
  for (guint i = 0; i < records->len; i++)
    {
      IcatRecord *agency = records->pdata[i];
      const char *id = icat_record_get_id (agency);
      const char *acronym = icat_record_get_string (agency, ICAT_KEY_ACRONYM);

      g_hash_table_insert (self->acronyms, g_strdup (id), g_strdup (acronym));
      if (g_strcmp0 (icat_record_get_string (agency, ICAT_KEY_KIND), "un-entity") == 0)
        g_hash_table_add (self->un_entities, g_strdup (id));
      if (icat_agency_is_former (icat_record_get_data (agency), today))
        g_hash_table_add (self->former, g_strdup (id));
      same = same && g_str_equal (self->agency_ids->pdata[i], id) &&
             g_strcmp0 (gtk_string_list_get_string (self->chair_names, i), acronym) == 0;
      g_ptr_array_add (names, g_strdup (acronym));
    }
  if (same)
    return;

  /* Every drop-down's choice moves: fill them again from their records. */
  self->loading++;
  g_ptr_array_set_size (self->agency_ids, 0);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->agency_ids, g_strdup (icat_record_get_id (records->pdata[i])));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->chair_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chair_names)),
                          (const char * const *) names->pdata);
  g_ptr_array_insert (names, 0, g_strdup (_("None")));
  gtk_string_list_splice (self->cochair_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cochair_names)),
                          (const char * const *) names->pdata);
  self->loading--;
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, self->year_rows);
    while (g_hash_table_iter_next (&iter, NULL, &row))
      load_year_row (self, row, TRUE);
  }
}

static guint
agency_index (IcatChairRotation *self,
              const char        *id)
{
  for (guint i = 0; id != NULL && i < self->agency_ids->len; i++)
    if (g_str_equal (self->agency_ids->pdata[i], id))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Recorded years */

static GPtrArray *
collect_history (IcatChairRotation *self)
{
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_chair_year_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->terms)); i++)
    {
      g_autoptr(IcatRecord) term = g_list_model_get_item (G_LIST_MODEL (self->terms), i);
      JsonArray *agencies = term ? icat_record_get_array (term, ICAT_KEY_AGENCIES) : NULL;
      g_autoptr(GStrvBuilder) chairs = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint a = 0; agencies != NULL && a < json_array_get_length (agencies); a++)
        g_strv_builder_add (chairs, json_array_get_string_element (agencies, a));
      ids = g_strv_builder_end (chairs);
      if (term != NULL && ids[0] != NULL)
        g_ptr_array_add (history, icat_chair_year_new ((int) icat_record_get_int (term, ICAT_KEY_YEAR, 0),
                                                       (const char * const *) ids));
    }
  return history;
}

static void
year_failed_cb (IcatChairRotation *self,
                GError            *error)
{
  icat_toast (GTK_WIDGET (self), error->message);
  queue_refresh (self);
}

static IcatChairTermRow *
term_row_of (GtkWidget *widget)
{
  return ICAT_CHAIR_TERM_ROW (gtk_widget_get_ancestor (widget, ICAT_TYPE_CHAIR_TERM_ROW));
}

static void
year_changed_cb (GtkSpinButton     *spin,
                 IcatChairRotation *self)
{
  IcatChairTermRow *row = term_row_of (GTK_WIDGET (spin));
  int year = gtk_spin_button_get_value_as_int (spin);

  /* A year typed wrong bounces back to the same value: nothing to save. */
  if (icat_chair_term_row_is_loading (row) || self->loading > 0 || year == icat_chair_term_row_get_shown_year (row))
    return;
  icat_chair_term_row_set_shown_year (row, year);
  icat_autosave_set_int (icat_chair_term_row_get_autosave (row), ICAT_KEY_YEAR, year);
}

static void
chairs_changed_cb (GtkWidget         *combo,
                   GParamSpec        *pspec,
                   IcatChairRotation *self)
{
  IcatChairTermRow *row = term_row_of (combo);
  guint chair = icat_agency_choice_get_selected (icat_chair_term_row_get_chair_row (row));
  guint cochair = icat_agency_choice_get_selected (icat_chair_term_row_get_cochair_row (row));
  JsonArray *agencies;
  JsonNode *node;

  if (icat_chair_term_row_is_loading (row) || self->loading > 0 || chair >= self->agency_ids->len)
    return;
  agencies = json_array_new ();
  json_array_add_string_element (agencies, self->agency_ids->pdata[chair]);
  if (cochair > 0 && cochair - 1 < self->agency_ids->len && cochair - 1 != chair)
    json_array_add_string_element (agencies, self->agency_ids->pdata[cochair - 1]);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, agencies);
  icat_autosave_set (icat_chair_term_row_get_autosave (row), ICAT_KEY_AGENCIES, node);
}

static void
note_changed_cb (GtkEditable *note_row)
{
  IcatChairTermRow *row = term_row_of (GTK_WIDGET (note_row));
  g_autofree char *note = NULL;

  if (icat_chair_term_row_is_loading (row))
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (note_row)));
  icat_autosave_set_string (icat_chair_term_row_get_autosave (row), ICAT_KEY_NOTE, note);
}

static void
year_deleted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(IcatChairRotation) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!icat_store_delete_finish (ICAT_STORE (source), result, &error))
    icat_toast (GTK_WIDGET (self), error->message);
}

static void
remove_year_clicked_cb (GtkWidget         *button,
                        IcatChairRotation *self)
{
  IcatChairTermRow *row = term_row_of (button);
  g_autofree char *message = g_strdup_printf (_("Chairs of %d removed"), icat_chair_term_row_get_year (row));

  icat_autosave_flush (icat_chair_term_row_get_autosave (row));
  icat_store_delete_async (self->store, "chair_term", icat_chair_term_row_get_term_id (row), NULL,
                           year_deleted_cb, g_object_ref (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);
}

static IcatChairTermRow *
year_row_new (IcatChairRotation *self,
              const char        *id)
{
  GtkWidget *row = icat_chair_term_row_new (self->store, id, G_LIST_MODEL (self->chair_names),
                                            G_LIST_MODEL (self->cochair_names), self->agency_ids, self->former);
  IcatChairTermRow *term_row = ICAT_CHAIR_TERM_ROW (row);

  g_signal_connect_object (icat_chair_term_row_get_autosave (term_row), "failed", G_CALLBACK (year_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (icat_chair_term_row_get_remove_button (term_row), "clicked",
                    G_CALLBACK (remove_year_clicked_cb), self);
  g_signal_connect (icat_chair_term_row_get_year_spin (term_row), "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect (icat_chair_term_row_get_chair_row (term_row), "notify::selected",
                    G_CALLBACK (chairs_changed_cb), self);
  g_signal_connect (icat_chair_term_row_get_cochair_row (term_row), "notify::selected",
                    G_CALLBACK (chairs_changed_cb), self);
  g_signal_connect (icat_chair_term_row_get_note_row (term_row), "changed", G_CALLBACK (note_changed_cb), NULL);
  return term_row;
}

/* Shows the record's values, unless edits to it wait to be saved. */
static void
load_year_row (IcatChairRotation *self,
               IcatChairTermRow  *row,
               gboolean           force)
{
  g_autoptr(IcatRecord) term = icat_store_lookup (self->store, "chair_term", icat_chair_term_row_get_term_id (row));
  JsonArray *agencies;
  guint n;

  if (term == NULL || (!force && icat_autosave_get_pending (icat_chair_term_row_get_autosave (row))))
    return;
  agencies = icat_record_get_array (term, ICAT_KEY_AGENCIES);
  n = agencies ? json_array_get_length (agencies) : 0;
  icat_chair_term_row_load (row, (int) icat_record_get_int (term, ICAT_KEY_YEAR, 0),
                            agency_index (self, n > 0 ? json_array_get_string_element (agencies, 0) : NULL),
                            n > 1 ? agency_index (self, json_array_get_string_element (agencies, 1)) + 1 : 0,
                            icat_record_get_string (term, ICAT_KEY_NOTE));
}

static void
update_year_header (IcatChairRotation *self,
                    IcatChairTermRow  *row,
                    GPtrArray         *history,
                    GHashTable        *warned_years)
{
  int year = icat_chair_term_row_get_year (row);
  IcatChairYear *chair_year = find_year (history, year);
  g_autofree char *chairs = chair_year ? chairs_text (self, (const char * const *) chair_year->chairs) : g_strdup ("");
  gboolean warned = g_hash_table_contains (warned_years, GINT_TO_POINTER (year));
  g_autofree char *subtitle = warned ? g_strdup_printf (_("%s · Breaks the rule: see Rule Check"), chairs) : g_strdup (chairs);

  icat_chair_term_row_show_header (row, subtitle, warned, year == self->this_year);
}

/* One row per chair term: made for new records, dropped for deleted ones,
 * filled again from records changed elsewhere. */
static void
sync_year_rows (IcatChairRotation *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id, row;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->terms)); i++)
    {
      g_autoptr(IcatRecord) term = g_list_model_get_item (G_LIST_MODEL (self->terms), i);
      IcatChairTermRow *existing;

      if (term == NULL)
        continue;
      existing = g_hash_table_lookup (self->year_rows, icat_record_get_id (term));
      if (existing == NULL)
        {
          existing = year_row_new (self, icat_record_get_id (term));
          g_hash_table_insert (self->year_rows, g_strdup (icat_chair_term_row_get_term_id (existing)), existing);
          gtk_list_box_append (self->history_list, GTK_WIDGET (existing));
        }
      load_year_row (self, existing, FALSE);
      g_hash_table_add (seen, (gpointer) icat_chair_term_row_get_term_id (existing));
    }
  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    if (!g_hash_table_contains (seen, id))
      {
        gtk_list_box_remove (self->history_list, row);
        g_hash_table_iter_remove (&iter);
      }
  gtk_list_box_invalidate_sort (self->history_list);
}

static int
compare_years (GtkListBoxRow *a,
               GtkListBoxRow *b,
               gpointer       user_data)
{
  int first = icat_chair_term_row_get_year (ICAT_CHAIR_TERM_ROW (a));
  int second = icat_chair_term_row_get_year (ICAT_CHAIR_TERM_ROW (b));

  /* Newest first. */
  return (second > first) - (second < first);
}

/* A year just added opens, with its chair ready to change. */
static void
open_new_year (IcatChairRotation *self)
{
  IcatChairTermRow *row = self->open_when_shown ? g_hash_table_lookup (self->year_rows, self->open_when_shown) : NULL;

  if (row == NULL)
    return;
  g_clear_pointer (&self->open_when_shown, g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (icat_chair_term_row_get_chair_row (row)));
}

/* The rule check, the proposal and this year */

static GtkWidget *
warning_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), warning_icon_new ());
  gtk_widget_add_css_class (row, "rotation-warning");
  return row;
}

static void
update_warnings (IcatChairRotation *self,
                 GPtrArray         *warnings,
                 GPtrArray         *history)
{
  clear_list (self->warnings_list);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = warning_text (self, warnings->pdata[i], history);

      gtk_list_box_append (self->warnings_list, warning_row_new (text));
    }
  if (warnings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("No warnings"), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     history->len > 0 ? _("Every recorded year follows the rule.") : _("No chairs recorded yet."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
}

static GtkWidget *
proposal_row_new (IcatChairRotation *self,
                  IcatChairYear     *proposal,
                  GPtrArray         *warnings,
                  GPtrArray         *years)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *adopt = gtk_button_new_with_mnemonic (_("_Adopt"));
  g_autofree char *title = g_strdup_printf ("%d", proposal->year);
  g_autofree char *chairs = chairs_text (self, (const char * const *) proposal->chairs);
  g_autofree char *label = g_strdup_printf (_("Adopt %s as the chairs of %d"), chairs, proposal->year);
  g_autoptr(GString) subtitle = g_string_new (chairs);
  gboolean warned = FALSE;

  for (guint i = 0; i < warnings->len; i++)
    {
      IcatRotationWarning *warning = warnings->pdata[i];
      g_autofree char *text = NULL;

      if (warning->year != proposal->year)
        continue;
      text = warning_text (self, warning, years);
      g_string_append_printf (subtitle, "\n%s", text);
      warned = TRUE;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  /* Every year keeps the icon's place, so the years stay aligned. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), warned ? warning_icon_new () : warning_space_new ());
  if (warned)
    gtk_widget_add_css_class (row, "rotation-warning");
  gtk_widget_set_valign (adopt, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (adopt, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (adopt), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (adopt), "rotation.adopt");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (adopt), "i", proposal->year);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), adopt);
  return row;
}

static void
update_proposals (IcatChairRotation *self,
                  GPtrArray         *history,
                  const IcatRotationRule *rule)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autofree char *title = NULL;

  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  self->proposals = icat_rotation_propose (rule, history, self->un_entities, self->first_free_year,
                                           N_PROPOSED_YEARS, &warnings);
  /* A warning names turns taken in the history or earlier in the proposal. */
  g_ptr_array_extend (years, history, NULL, NULL);
  g_ptr_array_extend (years, self->proposals, NULL, NULL);
  clear_list (self->proposal_list);
  for (guint i = 0; i < self->proposals->len; i++)
    gtk_list_box_append (self->proposal_list, proposal_row_new (self, self->proposals->pdata[i], warnings, years));
  /* Translators: the years of the proposal, e.g. "Proposal for 2026–2030" */
  title = g_strdup_printf (_("Proposal for %d–%d"), self->first_free_year, self->first_free_year + N_PROPOSED_YEARS - 1);
  adw_preferences_group_set_title (self->proposal_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_group), self->proposals->len > 0);
}

static void
update_current (IcatChairRotation *self,
                GPtrArray         *history)
{
  IcatChairYear *current = find_year (history, self->this_year);
  IcatChairYear *proposed = self->proposals ? find_year (self->proposals, self->this_year) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *chairs = NULL;
  g_autofree char *subtitle = NULL;

  if (current != NULL)
    {
      chairs = chairs_text (self, (const char * const *) current->chairs);
      title = g_strdup_printf (g_strv_length (current->chairs) > 1 ? _("Co-chairs in %d: %s") : _("Chair in %d: %s"),
                               self->this_year, chairs);
    }
  else
    {
      title = g_strdup_printf (_("No chair recorded for %d"), self->this_year);
      if (proposed != NULL)
        {
          chairs = chairs_text (self, (const char * const *) proposed->chairs);
          subtitle = g_strdup_printf (_("Proposed: %s"), chairs);
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), title);
  adw_action_row_set_subtitle (self->current_row, subtitle ? subtitle : "");
}

/* Working it all out again */

static void
refresh_now (IcatChairRotation *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GHashTable) warned_years = g_hash_table_new (NULL, NULL);
  IcatRotationRule rule;
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  collect_agencies (self);
  sync_year_rows (self);
  history = collect_history (self);
  g_clear_pointer (&self->order, g_strfreev);
  self->order = _icat_chair_rotation_current_order (self);

  rule.order = (const char * const *) self->order;
  rule.skip_recent_years = g_settings_get_uint (self->settings, "rotation-skip-years");
  rule.co_chairs = g_settings_get_boolean (self->settings, "rotation-co-chairs");
  rule.pair_un_with_other = rule.co_chairs && g_settings_get_boolean (self->settings, "rotation-pair");
  rule.former = self->former;

  warnings = icat_rotation_check (&rule, history, self->un_entities);
  update_warnings (self, warnings, history);
  for (guint i = 0; i < warnings->len; i++)
    g_hash_table_add (warned_years, GINT_TO_POINTER (((IcatRotationWarning *) warnings->pdata[i])->year));
  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_year_header (self, row, history, warned_years);

  self->first_free_year = self->this_year;
  while (find_year (history, self->first_free_year) != NULL)
    self->first_free_year++;
  update_proposals (self, history, &rule);
  update_current (self, history);
  _icat_chair_rotation_update_order (self);
  open_new_year (self);
}

/* Recording chairs */

typedef struct {
  IcatChairRotation *rotation;
  JsonObject        *term;  /* kept until the store has written it */
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->rotation);
  json_object_unref (saving->term);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
year_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  IcatChairRotation *self = saving->rotation;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  if (id == NULL)
    {
      icat_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_free (self->open_when_shown);
  self->open_when_shown = g_steal_pointer (&id);
  icat_record_list_refresh (self->terms);
  refresh_now (self);
}

static void
record_year (IcatChairRotation  *self,
             int                 year,
             const char * const *chairs)
{
  Saving *saving = g_new0 (Saving, 1);
  JsonArray *agencies = json_array_new ();

  for (guint i = 0; chairs[i] != NULL; i++)
    json_array_add_string_element (agencies, chairs[i]);
  saving->rotation = g_object_ref (self);
  saving->term = json_object_new ();
  json_object_set_int_member (saving->term, ICAT_KEY_YEAR, year);
  json_object_set_array_member (saving->term, ICAT_KEY_AGENCIES, agencies);
  icat_store_save_async (self->store, "chair_term", saving->term, NULL, year_created_cb, saving);
}

void
icat_chair_rotation_add_year (IcatChairRotation *self)
{
  IcatChairYear *proposal;
  const char *first[2] = { NULL, NULL };

  g_return_if_fail (ICAT_IS_CHAIR_ROTATION (self));

  refresh_now (self);
  proposal = self->proposals ? find_year (self->proposals, self->first_free_year) : NULL;
  if (proposal != NULL)
    {
      record_year (self, self->first_free_year, (const char * const *) proposal->chairs);
      return;
    }
  first[0] = self->agency_ids->len > 0 ? self->agency_ids->pdata[0] : NULL;
  if (first[0] == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("Add an agency first: a chair year needs a chair."));
      return;
    }
  record_year (self, self->first_free_year, first);
}

static void
add_year_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  icat_chair_rotation_add_year (ICAT_CHAIR_ROTATION (widget));
}

static void
adopt_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IcatChairRotation *self = ICAT_CHAIR_ROTATION (widget);
  IcatChairYear *proposal = self->proposals ? find_year (self->proposals, g_variant_get_int32 (parameter)) : NULL;

  if (proposal != NULL)
    record_year (self, proposal->year, (const char * const *) proposal->chairs);
}

static void
settings_changed_cb (IcatChairRotation *self,
                     const char        *key)
{
  if (g_str_has_prefix (key, "rotation-"))
    queue_refresh (self);
}

/* The type */

static void
icat_chair_rotation_dispose (GObject *object)
{
  IcatChairRotation *self = ICAT_CHAIR_ROTATION (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_CHAIR_ROTATION);
  g_clear_pointer (&self->year_rows, g_hash_table_unref);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_strfreev);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->missing_ids, g_ptr_array_unref);
  g_clear_pointer (&self->acronyms, g_hash_table_unref);
  g_clear_pointer (&self->un_entities, g_hash_table_unref);
  g_clear_pointer (&self->former, g_hash_table_unref);
  g_clear_pointer (&self->open_when_shown, g_free);
  g_clear_object (&self->chair_names);
  g_clear_object (&self->cochair_names);
  g_clear_object (&self->missing_names);
  g_clear_object (&self->agencies);
  g_clear_object (&self->terms);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_chair_rotation_parent_class)->dispose (object);
}

static void
icat_chair_rotation_class_init (IcatChairRotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_chair_rotation_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/agencies/icat-chair-rotation.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, current_row);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, proposal_group);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, proposal_list);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, skip_spin);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, co_chairs_switch);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, pair_switch);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, pair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, order_list);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, add_order_box);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, add_order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, IcatChairRotation, history_list);

  gtk_widget_class_install_action (widget_class, "rotation.add-year", NULL, add_year_activated);
  gtk_widget_class_install_action (widget_class, "rotation.adopt", "i", adopt_activated);
  _icat_chair_rotation_class_init_order (widget_class);
}

static void
icat_chair_rotation_init (IcatChairRotation *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->this_year = g_date_time_get_year (now);
  self->focus_order = -1;
  self->chair_names = gtk_string_list_new (NULL);
  self->cochair_names = gtk_string_list_new (NULL);
  self->missing_names = gtk_string_list_new (NULL);
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
  self->missing_ids = g_ptr_array_new_with_free_func (g_free);
  self->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->un_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->former = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_drop_down_set_model (self->add_order_dropdown, G_LIST_MODEL (self->missing_names));
  gtk_list_box_set_sort_func (self->history_list, compare_years, NULL, NULL);
  g_object_bind_property (self->co_chairs_switch, "active", self->pair_row, "sensitive", G_BINDING_SYNC_CREATE);
}

GtkWidget *
icat_chair_rotation_new (IcatStore *store,
                         GSettings *settings)
{
  IcatChairRotation *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ICAT_TYPE_CHAIR_ROTATION, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  self->terms = icat_record_list_new (store, "chair_term");
  icat_record_list_set_sort (self->terms, ICAT_KEY_YEAR, FALSE);
  g_settings_bind (settings, "rotation-skip-years", self->skip_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "rotation-co-chairs", self->co_chairs_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "rotation-pair", self->pair_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agencies, "items-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->terms, "items-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed::agency", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed::chair_term", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh_now (self);
  return GTK_WIDGET (self);
}

/* For tests */

void
_icat_chair_rotation_set_this_year (IcatChairRotation *self,
                                    int                year)
{
  self->this_year = year;
  refresh_now (self);
}

GtkWidget *
_icat_chair_rotation_get_year_row (IcatChairRotation *self,
                                   int                year)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (icat_chair_term_row_get_year (row) == year)
      return row;
  return NULL;
}

GtkWidget *
_icat_chair_rotation_get_proposal (IcatChairRotation *self,
                                   guint              index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->proposal_list, index));
}

GStrv
_icat_chair_rotation_dup_warnings (IcatChairRotation *self)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->warnings_list, i)) != NULL; i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (row), "rotation-warning"))
      g_strv_builder_add (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strv_builder_end (texts);
}
