/* icat-ref-list.c — an editor's list of references to agencies or mandates
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "icat-format.h"
#include "icat-record-picker.h"
#include "icat-ref-list.h"

struct _IcatRefList {
  IcatStore           *store;
  char                *field;
  const char          *kind;        /* "agency" or "mandate" */
  char                *empty;       /* what the group says when it has none */
  AdwPreferencesGroup *group;       /* borrowed: the editor's template widgets */
  GtkMenuButton       *add;
  GPtrArray           *ids;         /* owned: char *, as shown */
  GPtrArray           *rows;        /* borrowed: the rows in group */
  IcatRefListChanged   changed;
  gpointer             user_data;
};

static gboolean
is_agency (IcatRecord *record)
{
  return g_str_equal (icat_record_get_kind (record), "agency");
}

/* "UNODC — United Nations Office on Drugs and Crime", "72/195 ¶10". */
static char *
record_label (IcatRecord *record)
{
  return is_agency (record) ? icat_action_record_label (G_OBJECT (record))
                            : icat_action_mandate_short_label (record);
}

static const char *
record_detail (IcatRecord *record)
{
  return icat_record_get_localized (record, is_agency (record) ? "name" : "text");
}

static void load_rows (IcatRefList *refs);

static void
save (IcatRefList *refs)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < refs->ids->len; i++)
    json_array_add_string_element (array, refs->ids->pdata[i]);
  refs->changed (refs->field, json_node_init_array (json_node_alloc (), array), refs->user_data);
  load_rows (refs);
}

static void
remove_clicked_cb (GtkButton   *button,
                   IcatRefList *refs)
{
  const char *id = g_object_get_data (G_OBJECT (button), "icat-id");

  for (guint i = 0; i < refs->ids->len; i++)
    if (g_strcmp0 (refs->ids->pdata[i], id) == 0)
      {
        g_ptr_array_remove_index (refs->ids, i);
        break;
      }
  save (refs);
}

static GtkWidget *
row_new (IcatRefList *refs,
         const char  *id)
{
  g_autoptr(IcatRecord) record = icat_store_lookup (refs->store, refs->kind, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = record != NULL ? record_label (record) : g_strdup (id);
  const char *subtitle = record != NULL ? record_detail (record) : NULL;
  /* Translators: the tooltip of a button that takes an agency or a mandate off a list */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "icat-id", g_strdup (id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), refs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* Rebuilds the rows from refs->ids: a handful of rows, rebuilt on change. */
static void
load_rows (IcatRefList *refs)
{
  for (guint i = 0; i < refs->rows->len; i++)
    adw_preferences_group_remove (refs->group, refs->rows->pdata[i]);
  g_ptr_array_set_size (refs->rows, 0);
  for (guint i = 0; i < refs->ids->len; i++)
    {
      GtkWidget *row = row_new (refs, refs->ids->pdata[i]);

      adw_preferences_group_add (refs->group, row);
      g_ptr_array_add (refs->rows, row);
    }
  if (refs->ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), refs->empty);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (refs->group, row);
      g_ptr_array_add (refs->rows, row);
    }
}

void
icat_ref_list_set_from (IcatRefList *refs,
                        JsonArray   *array)
{
  g_ptr_array_set_size (refs->ids, 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (refs->ids, g_strdup (json_array_get_string_element (array, i)));
  load_rows (refs);
}

/* Only what is not on the list yet is offered. */
static gboolean
offers_cb (IcatRecord *record,
           gpointer    user_data)
{
  IcatRefList *refs = user_data;

  for (guint i = 0; i < refs->ids->len; i++)
    if (g_strcmp0 (refs->ids->pdata[i], icat_record_get_id (record)) == 0)
      return FALSE;
  return TRUE;
}

static void
chosen_cb (IcatRecord *record,
           gpointer    user_data)
{
  IcatRefList *refs = user_data;

  g_ptr_array_add (refs->ids, g_strdup (icat_record_get_id (record)));
  save (refs);
}

IcatRefList *
icat_ref_list_new (IcatStore           *store,
                   const char          *field,
                   const char          *kind,
                   const char          *empty,
                   AdwPreferencesGroup *group,
                   GtkMenuButton       *add,
                   IcatRecordList      *source,
                   IcatRefListChanged   changed,
                   gpointer             user_data)
{
  IcatRefList *refs = g_new0 (IcatRefList, 1);

  refs->store = store;
  refs->field = g_strdup (field);
  refs->kind = g_str_equal (kind, "agency") ? "agency" : "mandate";
  refs->empty = g_strdup (empty);
  refs->group = group;
  refs->add = add;
  refs->changed = changed;
  refs->user_data = user_data;
  refs->ids = g_ptr_array_new_with_free_func (g_free);
  refs->rows = g_ptr_array_new ();
  icat_record_picker_attach (add, source, offers_cb, chosen_cb, refs);
  load_rows (refs);
  return refs;
}

void
icat_ref_list_free (IcatRefList *refs)
{
  if (refs == NULL)
    return;
  g_ptr_array_unref (refs->ids);
  g_ptr_array_unref (refs->rows);
  g_free (refs->field);
  g_free (refs->empty);
  g_free (refs);
}

GtkSearchEntry *
_icat_ref_list_get_search (IcatRefList *refs)
{
  return _icat_record_picker_get_search (refs->add);
}
