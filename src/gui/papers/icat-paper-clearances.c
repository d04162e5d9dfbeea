/* icat-paper-clearances.c — the paper editor's Clearances group
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each agency that leads or contributes to a joint paper clears it before
 * the Working Group endorses it. The group shows one expander row per such
 * agency: its state in a dropdown on the row itself (so the common case,
 * marking an agency cleared, is one choice), and the date and note inside.
 * "Not requested" is no row in the record: choosing it takes the agency's
 * clearance out.
 */
#define G_LOG_DOMAIN "icat-paper-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-clearance.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-input.h"
#include "icat-paper-clearances.h"
#include "icat-schema.h"
#include "icat-today.h"

typedef struct {
  IcatPaperClearances *owner;
  char                *agency;
  char                *id;           /* the stored row's id; NULL: none yet */
  char                *shown_date;   /* the last good date typed or loaded */
  char                *date_before_empty;  /* what an emptied date row held */
  AdwExpanderRow      *expander;
  GtkDropDown         *state;
  AdwEntryRow         *date;
  AdwEntryRow         *note;
} Row;

struct _IcatPaperClearances {
  IcatStore                  *store;      /* owned */
  AdwPreferencesGroup        *group;      /* borrowed: the editor's template */
  GtkButton                  *request_all;
  GtkWidget                  *empty_row;  /* owned by the group */
  GPtrArray                  *rows;       /* Row, in the order shown */
  IcatPaperClearancesChanged  changed;
  gpointer                    user_data;
  gboolean                    loading;
};

static JsonArray *
array_of (JsonObject *object,
          const char *field)
{
  JsonNode *node = object ? json_object_get_member (object, field) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The row's widgets outlive it only in the group being torn down: they
 * must not call back into a freed row. */
static void
row_disconnect (Row *row)
{
  g_signal_handlers_disconnect_by_data (row->state, row);
  g_signal_handlers_disconnect_by_data (row->date, row);
  g_signal_handlers_disconnect_by_data (row->note, row);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->agency);
  g_free (row->id);
  g_free (row->shown_date);
  g_free (row->date_before_empty);
  g_free (row);
}

static const char *
state_of (Row *row)
{
  guint selected = gtk_drop_down_get_selected (row->state);

  /* Item 0 is "Not requested"; the states follow in schema order. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) icat_clearance_states))
    return NULL;
  return icat_clearance_states[selected - 1];
}

/* "3 Dec 2026 · Add the regional figures": the dropdown beside it says
 * the state, the subtitle when it was reached and what the agency said. */
static void
update_subtitle (Row *row)
{
  const char *state = state_of (row);
  g_autofree char *date = row->shown_date ? icat_action_format_date (row->shown_date) : NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->note))));
  g_autofree char *subtitle = NULL;

  if (state == NULL)
    subtitle = g_strdup ("");
  else if (date != NULL && *note != '\0')
    /* Translators: a clearance's date and its note: "3 Dec 2026 · Add the regional figures" */
    subtitle = g_strdup_printf (_("%s · %s"), date, note);
  else
    subtitle = g_strdup (date != NULL ? date : note);
  adw_expander_row_set_subtitle (row->expander, subtitle);
  if (g_strcmp0 (state, "objected") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (row->expander), "clearance-objected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->expander), "clearance-objected");
}

JsonArray *
icat_paper_clearances_dup_rows (IcatPaperClearances *self)
{
  JsonArray *rows = json_array_new ();

  g_return_val_if_fail (self != NULL, rows);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      const char *state = state_of (row);
      g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->note))));
      JsonObject *object;

      if (state == NULL)
        continue;
      object = json_object_new ();
      if (row->id != NULL)
        json_object_set_string_member (object, ICAT_KEY_ID, row->id);
      json_object_set_string_member (object, ICAT_KEY_AGENCY, row->agency);
      json_object_set_string_member (object, ICAT_KEY_STATE, state);
      if (row->shown_date != NULL)
        json_object_set_string_member (object, ICAT_KEY_ON, row->shown_date);
      else
        json_object_set_null_member (object, ICAT_KEY_ON);
      if (*note != '\0')
        json_object_set_string_member (object, ICAT_KEY_NOTE, note);
      else
        json_object_set_null_member (object, ICAT_KEY_NOTE);
      json_array_add_object_element (rows, object);
    }
  return rows;
}

static void
emit_changed (IcatPaperClearances *self)
{
  JsonNode *node;

  if (self->loading || self->changed == NULL)
    return;
  node = json_node_init_array (json_node_alloc (), icat_paper_clearances_dup_rows (self));
  json_array_unref (json_node_get_array (node));
  self->changed (node, self->user_data);
}

static void
state_selected_cb (Row *row)
{
  g_autofree char *today = NULL;

  if (row->owner->loading)
    return;
  /* The date says when the agency reached its state: a new state is today's. */
  today = icat_today_string ();
  g_free (row->shown_date);
  row->shown_date = state_of (row) != NULL ? g_strdup (today) : NULL;
  row->owner->loading = TRUE;
  icat_editable_show_text (GTK_EDITABLE (row->date), row->shown_date);
  icat_row_show_problem (GTK_WIDGET (row->date), NULL);
  row->owner->loading = FALSE;
  update_subtitle (row);
  emit_changed (row->owner);
}

static void
date_changed_cb (Row *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->date));
  g_autofree char *problem = NULL;

  if (row->owner->loading)
    return;
  problem = icat_input_date_problem (text);
  icat_row_show_problem (GTK_WIDGET (row->date), problem);
  if (problem != NULL)
    {
      /* Retyping a date passes through an empty row: nothing that is no
       * date is kept, not even that empty moment. */
      if (row->shown_date != NULL || row->date_before_empty == NULL)
        return;
      row->shown_date = g_steal_pointer (&row->date_before_empty);
    }
  else
    {
      if (*text == '\0' && row->shown_date != NULL)
        {
          g_free (row->date_before_empty);
          row->date_before_empty = g_strdup (row->shown_date);
        }
      g_free (row->shown_date);
      row->shown_date = *text != '\0' ? g_strdup (text) : NULL;
    }
  update_subtitle (row);
  if (state_of (row) != NULL)
    emit_changed (row->owner);
}

static void
note_changed_cb (Row *row)
{
  update_subtitle (row);
  if (!row->owner->loading && state_of (row) != NULL)
    emit_changed (row->owner);
}

static const char *
state_label (const char *state)
{
  return icat_format_enum (ICAT_KEY_STATE, state);
}

static GtkDropDown *
state_dropdown (const char *acronym)
{
  g_autoptr(GtkStringList) states = icat_enum_labels (icat_clearance_states, state_label);
  GtkDropDown *dropdown;
  g_autofree char *name = NULL;

  gtk_string_list_splice (states, 0, 0, (const char * const[]) { _("Not requested"), NULL });
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&states)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  /* Translators: for screen readers, the dropdown of an agency's clearance: "Clearance by UNODC" */
  name = g_strdup_printf (_("Clearance by %s"), acronym);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return dropdown;
}

static Row *
row_new (IcatPaperClearances *self,
         const char          *agency)
{
  g_autoptr(IcatRecord) record = icat_store_lookup (self->store, "agency", agency);
  const char *acronym = record ? icat_record_get_string (record, ICAT_KEY_ACRONYM) : NULL;
  Row *row = g_new0 (Row, 1);

  row->owner = self;
  row->agency = g_strdup (agency);
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), acronym ? acronym : "?");
  row->state = state_dropdown (acronym ? acronym : "?");
  adw_expander_row_add_action (row->expander, GTK_WIDGET (row->state));
  row->date = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->date), _("Date of this state (YYYY-MM-DD)"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->date));
  row->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->note), _("Comments or reason for objecting"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->note));
  g_signal_connect_swapped (row->state, "notify::selected", G_CALLBACK (state_selected_cb), row);
  g_signal_connect_swapped (row->date, "changed", G_CALLBACK (date_changed_cb), row);
  g_signal_connect_swapped (row->note, "changed", G_CALLBACK (note_changed_cb), row);
  adw_preferences_group_add (self->group, GTK_WIDGET (row->expander));
  return row;
}

static void
row_show (Row        *row,
          JsonObject *clearance)
{
  const char *state = clearance ? icat_json_get_string (clearance, ICAT_KEY_STATE) : NULL;
  const char *date = clearance ? icat_json_get_string (clearance, ICAT_KEY_ON) : NULL;

  g_free (row->id);
  row->id = g_strdup (clearance ? icat_json_get_string (clearance, ICAT_KEY_ID) : NULL);
  gtk_drop_down_set_selected (row->state, state ? icat_enum_index (icat_clearance_states, state, 0) + 1 : 0);
  /* A date being mended keeps what is typed until it is good. */
  if (icat_row_get_problem (GTK_WIDGET (row->date)) == NULL)
    {
      g_free (row->shown_date);
      row->shown_date = g_strdup (date);
      icat_editable_show_text (GTK_EDITABLE (row->date), date);
    }
  icat_editable_show_text (GTK_EDITABLE (row->note), clearance ? icat_json_get_string (clearance, ICAT_KEY_NOTE) : NULL);
  update_subtitle (row);
}

static JsonObject *
clearance_of (JsonArray  *clearances,
              const char *agency)
{
  for (guint i = 0; clearances != NULL && i < json_array_get_length (clearances); i++)
    {
      JsonObject *row = json_array_get_object_element (clearances, i);

      if (row != NULL && g_strcmp0 (icat_json_get_string (row, ICAT_KEY_AGENCY), agency) == 0)
        return row;
    }
  return NULL;
}

/* The agencies to show: those writing the paper, then any other that has
 * a clearance (an agency no longer named on the paper keeps its answer). */
static GPtrArray *
agencies_to_show (JsonObject *paper)
{
  static const char * const lists[] = { ICAT_KEY_LEAD_AGENCIES, ICAT_KEY_CONTRIBUTING_AGENCIES };
  GPtrArray *agencies = g_ptr_array_new ();
  JsonArray *clearances = paper ? array_of (paper, ICAT_KEY_CLEARANCES) : NULL;

  for (guint l = 0; paper != NULL && l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *ids = array_of (paper, lists[l]);

      for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
        if (!g_ptr_array_find_with_equal_func (agencies, json_array_get_string_element (ids, i), g_str_equal, NULL))
          g_ptr_array_add (agencies, (gpointer) json_array_get_string_element (ids, i));
    }
  for (guint i = 0; clearances != NULL && i < json_array_get_length (clearances); i++)
    {
      const char *agency = icat_json_get_string (json_array_get_object_element (clearances, i), ICAT_KEY_AGENCY);

      if (agency != NULL && !g_ptr_array_find_with_equal_func (agencies, agency, g_str_equal, NULL))
        g_ptr_array_add (agencies, (gpointer) agency);
    }
  return agencies;
}

static gboolean
same_agencies (IcatPaperClearances *self,
               GPtrArray           *agencies)
{
  if (agencies->len != self->rows->len)
    return FALSE;
  for (guint i = 0; i < agencies->len; i++)
    if (!g_str_equal (agencies->pdata[i], ((Row *) self->rows->pdata[i])->agency))
      return FALSE;
  return TRUE;
}

static void
remove_rows (IcatPaperClearances *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      row_disconnect (self->rows->pdata[i]);
      adw_preferences_group_remove (self->group, GTK_WIDGET (((Row *) self->rows->pdata[i])->expander));
    }
  g_ptr_array_set_size (self->rows, 0);
}

void
icat_paper_clearances_set_from (IcatPaperClearances *self,
                                JsonObject          *paper)
{
  g_autoptr(GPtrArray) agencies = agencies_to_show (paper);
  JsonArray *clearances = paper ? array_of (paper, ICAT_KEY_CLEARANCES) : NULL;
  g_auto(GStrv) missing = icat_clearance_missing_agencies (paper);

  g_return_if_fail (self != NULL);

  self->loading = TRUE;
  if (!same_agencies (self, agencies))
    {
      remove_rows (self);
      for (guint i = 0; i < agencies->len; i++)
        g_ptr_array_add (self->rows, row_new (self, agencies->pdata[i]));
    }
  for (guint i = 0; i < self->rows->len; i++)
    row_show (self->rows->pdata[i], clearance_of (clearances, ((Row *) self->rows->pdata[i])->agency));
  gtk_widget_set_visible (self->empty_row, self->rows->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->request_all), missing[0] != NULL);
  self->loading = FALSE;
}

static void
request_all_clicked_cb (IcatPaperClearances *self)
{
  g_autofree char *today = icat_today_string ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (state_of (row) != NULL)
        continue;
      self->loading = TRUE;
      gtk_drop_down_set_selected (row->state, icat_enum_index (icat_clearance_states, "requested", 0) + 1);
      g_free (row->shown_date);
      row->shown_date = g_strdup (today);
      icat_editable_show_text (GTK_EDITABLE (row->date), today);
      self->loading = FALSE;
      update_subtitle (row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->request_all), FALSE);
  emit_changed (self);
}

IcatPaperClearances *
icat_paper_clearances_new (IcatStore                  *store,
                           AdwPreferencesGroup        *group,
                           GtkButton                  *request_all,
                           IcatPaperClearancesChanged  changed,
                           gpointer                    user_data)
{
  IcatPaperClearances *self = g_new0 (IcatPaperClearances, 1);

  self->store = g_object_ref (store);
  self->group = group;
  self->request_all = request_all;
  self->changed = changed;
  self->user_data = user_data;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("Add lead or contributing agencies to ask them for clearance"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (group, self->empty_row);
  g_signal_connect_swapped (request_all, "clicked", G_CALLBACK (request_all_clicked_cb), self);
  return self;
}

void
icat_paper_clearances_free (IcatPaperClearances *self)
{
  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->request_all, self);
  for (guint i = 0; i < self->rows->len; i++)
    row_disconnect (self->rows->pdata[i]);
  g_ptr_array_unref (self->rows);
  g_object_unref (self->store);
  g_free (self);
}

static Row *
find_row (IcatPaperClearances *self,
          const char          *agency)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_str_equal (((Row *) self->rows->pdata[i])->agency, agency))
      return self->rows->pdata[i];
  g_return_val_if_reached (NULL);
}

GtkDropDown *
_icat_paper_clearances_get_state (IcatPaperClearances *self,
                                  const char          *agency)
{
  Row *row = find_row (self, agency);

  return row ? row->state : NULL;
}

AdwEntryRow *
_icat_paper_clearances_get_date (IcatPaperClearances *self,
                                 const char          *agency)
{
  Row *row = find_row (self, agency);

  return row ? row->date : NULL;
}

AdwEntryRow *
_icat_paper_clearances_get_note (IcatPaperClearances *self,
                                 const char          *agency)
{
  Row *row = find_row (self, agency);

  return row ? row->note : NULL;
}
