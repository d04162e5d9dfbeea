/* icat-ref-list.c — an editor's list of references to agencies or mandates
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-ref-list"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-format.h"
#include "icat-record-picker.h"
#include "icat-ref-list.h"
#include "icat-ref-row.h"

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
remove_requested_cb (IcatRefRow  *row,
                     IcatRefList *refs)
{
  const char *id = icat_ref_row_get_record_id (row);

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
  g_autofree char *title = record != NULL ? icat_record_picker_label (record) : g_strdup (id);
  const char *subtitle = record != NULL ? icat_record_picker_detail (record) : NULL;
  GtkWidget *row = icat_ref_row_new (id, title, subtitle);

  g_signal_connect (row, "remove-requested", G_CALLBACK (remove_requested_cb), refs);
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
