/* icat-action-items-columns.c — the Action items table: cells, widths, sorting
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row reads its record only when it is bound, so 100,000 items cost no
 * more than a screenful.
 *
 * GTK 4.8's column view sorts through a GtkSorter over the whole model,
 * which a lazy list cannot use, and it cannot say which column is sorted
 * (GtkColumnViewSorter's getters are 4.10). Each column gets a sorter only
 * to show the header arrow; when the view's sorter changes, comparing two
 * probe objects reveals the primary column (the first column sorter asked)
 * and its direction (the sign of the answer), and the list is re-sorted in
 * SQL.
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-items-view-private.h"
#include "icat-conflict-mark.h"
#include "icat-conflict-marks.h"
#include "icat-format.h"
#include "icat-schema.h"

typedef struct {
  const char *title;
  const char *sort;     /* icat_record_list_set_sort name, or NULL */
  gboolean    expand;
  int         width;    /* for text of any length; 0: as wide as its texts */
} Column;

static const Column columns[N_COLUMNS] = {
  [COLUMN_TITLE]    = { N_("Title"), "title", TRUE, 180 },
  [COLUMN_OWNER]    = { N_("Owner"), "owner", FALSE, 95 },
  [COLUMN_DUE]      = { N_("Due"), "due", FALSE, 0 },
  [COLUMN_STATUS]   = { N_("Status"), "status", FALSE, 0 },
  [COLUMN_PRIORITY] = { N_("Priority"), "priority", FALSE, 0 },
  [COLUMN_MANDATES] = { N_("Mandates"), NULL, FALSE, 130 },
  [COLUMN_MEETING]  = { N_("Meeting"), "meeting", FALSE, 150 },
};

/* The list's own order before any is asked for (see icat-record-list.c). */
#define DEFAULT_SORT ICAT_KEY_DUE

/* Records the rows name {{{ */

/* Agencies, mandates and meetings named by rows, held so they stay live
 * (refreshed by the store) instead of being read again for every row. */
static IcatRecord *
related_lookup (IcatActionItemsView *self,
                const char          *kind,
                const char          *id)
{
  g_autofree char *key = NULL;
  IcatRecord *record;

  if (id == NULL)
    return NULL;
  key = g_strconcat (kind, "/", id, NULL);
  record = g_hash_table_lookup (self->related, key);
  if (record != NULL && !icat_record_get_deleted (record))
    return record;
  record = icat_store_lookup (self->store, kind, id);
  if (record == NULL)
    {
      g_hash_table_remove (self->related, key);
      return NULL;
    }
  g_hash_table_replace (self->related, g_steal_pointer (&key), record);
  return record;
}

static char *
mandates_text (IcatActionItemsView *self,
               IcatRecord          *item)
{
  JsonArray *ids = icat_record_get_array (item, ICAT_KEY_MANDATES);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      IcatRecord *mandate = related_lookup (self, "mandate", json_array_get_string_element (ids, i));
      g_autofree char *label = mandate ? icat_action_mandate_short_label (mandate) : NULL;

      if (label == NULL)
        continue;
      /* Translators: between the mandates of an item: "72/195 ¶10, GPA annex 11" */
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* }}} */
/* Cells {{{ */

static void
set_label (GtkWidget  *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text ? text : "") != 0)
    gtk_label_set_label (GTK_LABEL (label), text ? text : "");
}

static gboolean
query_overdue_cb (GtkWidget  *icon,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Overdue"));
  return TRUE;
}

/* Made when the cell first shows an overdue date: most rows never do, and
 * GTK keeps up to 200 rows. */
static GtkWidget *
overdue_icon_new (GtkWidget *box)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_has_tooltip (icon, TRUE);
  g_signal_connect (icon, "query-tooltip", G_CALLBACK (query_overdue_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
  gtk_box_prepend (GTK_BOX (box), icon);
  return icon;
}

static void
update_due_cell (IcatActionItemsView *self,
                 IcatRecord          *item,
                 GtkWidget           *box)
{
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkWidget *icon = gtk_widget_get_prev_sibling (label);
  g_autofree char *due = icat_action_format_date (icat_record_get_string (item, ICAT_KEY_DUE));
  gboolean overdue = icat_action_item_is_overdue (icat_record_get_data (item), self->today);

  set_label (label, due);
  if (overdue && icon == NULL)
    icon = overdue_icon_new (box);
  if (icon != NULL)
    gtk_widget_set_visible (icon, overdue);
  if (overdue)
    gtk_widget_add_css_class (box, "error");
  else
    gtk_widget_remove_css_class (box, "error");
}

static void
update_status_cell (IcatRecord *item,
                    GtkWidget  *label)
{
  const char *status = icat_record_get_string (item, ICAT_KEY_STATUS);
  gboolean finished = g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "cancelled") == 0;

  set_label (label, icat_action_status_label (status));
  if (finished)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (g_strcmp0 (status, "blocked") == 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
update_priority_cell (IcatRecord *item,
                      GtkWidget  *label)
{
  const char *priority = icat_record_get_string (item, ICAT_KEY_PRIORITY);

  set_label (label, icat_action_priority_label (priority));
  if (g_strcmp0 (priority, "high") == 0)
    gtk_widget_add_css_class (label, "action-priority-high");
  else
    gtk_widget_remove_css_class (label, "action-priority-high");
  if (g_strcmp0 (priority, "low") == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* Most rows never need a decision: a title cell gets its mark the first
 * time its record does, and the mark follows the record from then on. */
static void
update_title_cell (IcatActionItemsView *self,
                   IcatRecord          *item,
                   GtkWidget           *box)
{
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *mark = gtk_widget_get_next_sibling (label);
  const char *id = icat_record_get_id (item);

  set_label (label, icat_record_get_string (item, ICAT_KEY_TITLE));
  if (mark == NULL && !icat_conflict_marks_has (icat_conflict_marks_get (self->store), "action_item", id))
    return;
  if (mark == NULL)
    {
      mark = icat_conflict_mark_new ();
      gtk_box_append (GTK_BOX (box), mark);
    }
  icat_conflict_mark_set_record (ICAT_CONFLICT_MARK (mark), self->store, "action_item", id);
}

static void
update_cell (IcatActionItemsView *self,
             ColumnId             column,
             IcatRecord          *item,
             GtkWidget           *cell)
{
  IcatRecord *other;
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_TITLE:
      update_title_cell (self, item, cell);
      break;
    case COLUMN_OWNER:
      other = related_lookup (self, "agency", icat_record_get_string (item, ICAT_KEY_OWNER));
      set_label (cell, other ? icat_record_get_string (other, ICAT_KEY_ACRONYM) : NULL);
      break;
    case COLUMN_DUE:
      update_due_cell (self, item, cell);
      break;
    case COLUMN_STATUS:
      update_status_cell (item, cell);
      break;
    case COLUMN_PRIORITY:
      update_priority_cell (item, cell);
      break;
    case COLUMN_MANDATES:
      text = mandates_text (self, item);
      set_label (cell, text);
      break;
    case COLUMN_MEETING:
      other = related_lookup (self, "meeting", icat_record_get_string (item, ICAT_KEY_MEETING));
      set_label (cell, other ? icat_record_get_title (other) : NULL);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Tooltips are asked for on hover, never set per row: setting one makes
 * GTK query the pointer position, a round trip to the display server for
 * every bound cell. */
static gboolean
query_cut_text_cb (GtkWidget  *label,
                   int         x,
                   int         y,
                   gboolean    keyboard,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (GTK_LABEL (label)));
  return TRUE;
}

static GtkWidget *
cell_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_cut_text_cb), NULL);
  return label;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CellContext              *context)
{
  GtkWidget *label = cell_label_new ();
  GtkWidget *box;

  if (context->column != COLUMN_TITLE && context->column != COLUMN_DUE)
    {
      gtk_list_item_set_child (list_item, label);
      return;
    }
  /* The conflict mark after the title, the overdue icon before the date:
   * each made when first needed (update_title_cell, update_due_cell). */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (box), label);
  if (context->column == COLUMN_TITLE)
    gtk_widget_set_hexpand (label, TRUE);
  else
    gtk_widget_add_css_class (box, "action-due");
  gtk_list_item_set_child (list_item, box);
}

static void
item_data_changed_cb (IcatRecord  *item,
                      GParamSpec  *pspec,
                      GtkListItem *list_item)
{
  CellContext *context = g_object_get_data (G_OBJECT (list_item), "icat-cell");

  update_cell (context->self, context->column, item, gtk_list_item_get_child (list_item));
}

/* A record of a row without a mark may come to need a decision. */
static void
conflict_marks_changed_cb (IcatActionItemsView *self)
{
  GHashTableIter iter;
  gpointer list_item;

  if (self->title_cells == NULL)
    return;
  g_hash_table_iter_init (&iter, self->title_cells);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_title_cell (self, gtk_list_item_get_item (list_item), gtk_list_item_get_child (list_item));
}

static void
follow_title_cell (IcatActionItemsView *self,
                   GtkListItem         *list_item)
{
  if (self->title_cells == NULL)
    return;
  if (g_hash_table_size (self->title_cells) == 0)
    g_signal_connect_object (icat_conflict_marks_get (self->store), "changed",
                             G_CALLBACK (conflict_marks_changed_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_add (self->title_cells, list_item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellContext              *context)
{
  IcatRecord *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;
  if (context->column == COLUMN_TITLE)
    follow_title_cell (context->self, list_item);
  g_object_set_data (G_OBJECT (list_item), "icat-cell", context);
  /* Rows follow edits made anywhere: the store refreshes the record. */
  g_signal_connect (item, "notify::data", G_CALLBACK (item_data_changed_cb), list_item);
  update_cell (context->self, context->column, item, gtk_list_item_get_child (list_item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CellContext              *context)
{
  IcatRecord *item = gtk_list_item_get_item (list_item);
  IcatActionItemsView *self = context->self;

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_data_changed_cb, list_item);
  if (self->title_cells != NULL && g_hash_table_remove (self->title_cells, list_item) &&
      g_hash_table_size (self->title_cells) == 0)
    g_signal_handlers_disconnect_by_func (icat_conflict_marks_get (self->store), conflict_marks_changed_cb, self);
}

/* }}} */
/* Column widths {{{ */

/* Adwaita's column view cell: 6 px of padding each side, a 1 px border. */
#define CELL_PADDING 13
/* The due cell's overdue icon and the box's spacing (setup_cell_cb). */
#define OVERDUE_ICON_WIDTH (16 + 4)

static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The widest due date in the user's language: each month's format with
 * every digit the widest one, in bold like an overdue date. */
static int
widest_date_width (GtkWidget *widget)
{
  char widest_digit = '0';
  int widest = 0;

  for (char digit = '0'; digit <= '9'; digit++)
    {
      const char text[] = { digit, '\0' };
      int width = text_width (widget, text, TRUE);

      if (width > widest)
        {
          widest = width;
          widest_digit = digit;
        }
    }
  widest = 0;
  for (int month = 1; month <= 12; month++)
    {
      char day[sizeof "2000-12-28"];
      g_autofree char *text = NULL;

      g_snprintf (day, sizeof day, "2000-%02d-28", month);
      text = icat_action_format_date (day);
      for (char *c = text; *c != '\0'; c++)
        if (g_ascii_isdigit (*c))
          *c = widest_digit;
      widest = MAX (widest, text_width (widget, text, TRUE));
    }
  return widest;
}

static int
widest_label_width (GtkWidget          *widget,
                    const char * const *values,
                    const char *      (*label) (const char *),
                    gboolean            bold)
{
  int widest = 0;

  for (guint i = 0; values[i] != NULL; i++)
    widest = MAX (widest, text_width (widget, label (values[i]), bold));
  return widest;
}

/* What each header needs, sort arrow included, as its own widget says:
 * the header row holds one title per column, in the columns' order. A
 * title under a fixed width gives it up, so the widths go first. */
static void
measure_headers (IcatActionItemsView *self,
                 int                  needed[N_COLUMNS])
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GListModel *shown = gtk_column_view_get_columns (self->column_view);
  GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;

  if (header == NULL || g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
    return;
  for (int c = 0; c < N_COLUMNS; c++)
    gtk_column_view_column_set_fixed_width (self->columns[c], -1);
  for (guint i = 0; title != NULL && i < g_list_model_get_n_items (shown);
       i++, title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, i);
      int natural;

      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      for (int c = 0; c < N_COLUMNS; c++)
        if (self->columns[c] == column)
          needed[c] = MAX (needed[c], natural);
    }
}

/* Dates, statuses and priorities are never cut, nor any header, in any
 * language: those columns are as wide as their widest text. */
static void
fit_columns (IcatActionItemsView *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  int needed[N_COLUMNS] = { 0 };

  needed[COLUMN_DUE] = widest_date_width (view) + OVERDUE_ICON_WIDTH + CELL_PADDING;
  needed[COLUMN_STATUS] = CELL_PADDING +
    widest_label_width (view, icat_action_statuses, icat_action_status_label, FALSE);
  /* A high priority is bold. */
  needed[COLUMN_PRIORITY] = CELL_PADDING +
    widest_label_width (view, icat_priorities, icat_action_priority_label, TRUE);
  /* Only a header in the window has its style. */
  if (gtk_widget_get_root (view) != NULL)
    measure_headers (self, needed);
  for (int i = 0; i < N_COLUMNS; i++)
    gtk_column_view_column_set_fixed_width (self->columns[i], MAX (columns[i].width, needed[i]));
}

/* }}} */
/* Sorting {{{ */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  /* Only the probe below asks: nothing sorts a model with these sorters. */
  if (!ICAT_IS_ACTION_ITEMS_VIEW ((gpointer) a))
    return 0;
  ((IcatActionItemsView *) a)->probed = GPOINTER_TO_INT (user_data);
  return -1;
}

static int
column_for_sort (const char *sort)
{
  for (int i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].sort, sort) == 0)
      return i;
  return -1;
}

static void
apply_sort (IcatActionItemsView *self,
            const char          *sort,
            gboolean             descending)
{
  if (g_strcmp0 (sort, self->sort) == 0 && descending == self->descending)
    return;
  if (!icat_record_list_set_sort (self->items, sort, descending))
    return;
  g_free (self->sort);
  self->sort = g_strdup (sort);
  self->descending = descending;
  g_settings_set_string (self->settings, "action-sort", sort);
  g_settings_set_boolean (self->settings, "action-sort-descending", descending);
}

static void
sorter_changed_cb (IcatActionItemsView *self)
{
  GtkOrdering order;
  int column;

  if (self->syncing || self->column_view == NULL)
    return;
  self->probed = 0;
  /* Two distinct items: gtk_sorter_compare() answers "equal" for one. */
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), self, self->column_view);
  column = self->probed - 1;
  if (column < 0 || columns[column].sort == NULL)
    return;
  apply_sort (self, columns[column].sort, order == GTK_ORDERING_LARGER);
}

void
_icat_action_items_view_restore_sort (IcatActionItemsView *self)
{
  g_autofree char *sort = g_settings_get_string (self->settings, "action-sort");
  gboolean descending = g_settings_get_boolean (self->settings, "action-sort-descending");
  int column = column_for_sort (sort);

  if (column < 0)
    {
      g_free (sort);
      sort = g_strdup (DEFAULT_SORT);
      column = column_for_sort (sort);
      descending = FALSE;
    }
  if (g_strcmp0 (sort, DEFAULT_SORT) != 0 || descending)
    icat_record_list_set_sort (self->items, sort, descending);
  self->sort = g_steal_pointer (&sort);
  self->descending = descending;
  self->syncing = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing = FALSE;
}

void
_icat_action_items_view_setup_columns (IcatActionItemsView *self)
{
  self->title_cells = g_hash_table_new (NULL, NULL);
  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      self->cells[i].self = self;
      self->cells[i].column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), &self->cells[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), &self->cells[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), &self->cells[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      if (columns[i].sort != NULL)
        {
          g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (i + 1), NULL));

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  fit_columns (self);
  /* Again once in the window, where the headers have their style, and
   * whenever the font changes. */
  g_signal_connect_object (self->column_view, "realize", G_CALLBACK (fit_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                           G_CALLBACK (fit_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (fit_columns), self, G_CONNECT_SWAPPED);
}

void
_icat_action_items_view_dispose_columns (IcatActionItemsView *self)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (GTK_WIDGET (self)), fit_columns, self);
  if (self->title_cells != NULL && g_hash_table_size (self->title_cells) > 0)
    g_signal_handlers_disconnect_by_func (icat_conflict_marks_get (self->store), conflict_marks_changed_cb, self);
  g_clear_pointer (&self->title_cells, g_hash_table_unref);
}

/* }}} */
