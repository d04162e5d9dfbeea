/* icat-ref-list.c — an editor's list of references to agencies or mandates
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-item-editor.h"
#include "icat-ref-list.h"

struct _IcatRefList {
  IcatStore           *store;
  char                *field;
  const char          *kind;        /* "agency" or "mandate" */
  char                *empty;       /* what the group says when it has none */
  AdwPreferencesGroup *group;       /* borrowed: the editor's template widgets */
  GtkMenuButton       *add;
  GtkStringFilter     *filter;      /* borrowed: owned by candidates */
  GtkSearchEntry      *search;
  GtkFilterListModel  *candidates;  /* owned */
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

/* What the popover's search looks in: labels, names and text. */
static char *
search_text (GObject *item)
{
  IcatRecord *record = ICAT_RECORD (item);
  const char *detail = record_detail (record);
  g_autofree char *label = icat_action_record_label (item);
  g_autofree char *short_label = is_agency (record) ? NULL : icat_action_mandate_short_label (record);

  return g_strjoin (" ", icat_record_get_title (record), label, short_label ? short_label : "",
                    detail ? detail : "", NULL);
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

static void
add_record (IcatRefList *refs,
            IcatRecord  *record)
{
  const char *id = icat_record_get_id (record);

  gtk_menu_button_popdown (refs->add);
  gtk_editable_set_text (GTK_EDITABLE (refs->search), "");
  for (guint i = 0; i < refs->ids->len; i++)
    if (g_strcmp0 (refs->ids->pdata[i], id) == 0)
      return;
  g_ptr_array_add (refs->ids, g_strdup (id));
  save (refs);
}

static void
candidate_activated_cb (GtkListView *list,
                        guint        position,
                        IcatRefList *refs)
{
  g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (refs->candidates), position);

  if (record != NULL)
    add_record (refs, record);
}

static void
search_activated_cb (GtkSearchEntry *entry,
                     IcatRefList    *refs)
{
  candidate_activated_cb (NULL, 0, refs);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   IcatRefList    *refs)
{
  gtk_string_filter_set_search (refs->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
setup_candidate_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_add_css_class (box, "action-candidate");
  gtk_list_item_set_child (item, box);
}

static void
bind_candidate_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  IcatRecord *record = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *label = record_label (record);
  const char *detail = record_detail (record);

  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_label_set_label (GTK_LABEL (subtitle), detail ? detail : "");
}

static GtkWidget *
candidates_view_new (IcatRefList *refs)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_candidate_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_candidate_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (refs->candidates)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (refs->kind, "agency") ? _("Agencies") : _("Mandates"), -1);
  g_signal_connect (list, "activate", G_CALLBACK (candidate_activated_cb), refs);
  return list;
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
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

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
  refs->filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (search_text), NULL, NULL));
  /* A short list (agencies, mandates), so filtering it in memory is cheap. */
  refs->candidates = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (source)), GTK_FILTER (refs->filter));
  refs->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (refs->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (refs->kind, "agency") ? _("Search agencies") : _("Search mandates"), -1);
  g_signal_connect (refs->search, "search-changed", G_CALLBACK (search_changed_cb), refs);
  g_signal_connect (refs->search, "activate", G_CALLBACK (search_activated_cb), refs);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), candidates_view_new (refs));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (refs->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), GTK_WIDGET (refs->search));
  gtk_menu_button_set_popover (refs->add, popover);
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
  g_clear_object (&refs->candidates);
  g_free (refs->field);
  g_free (refs->empty);
  g_free (refs);
}

GtkSearchEntry *
_icat_ref_list_get_search (IcatRefList *refs)
{
  return refs->search;
}
