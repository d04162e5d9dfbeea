/* icat-action-items-view.c — the Action items section: list, filters, editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a lazy IcatRecordList: filters and column sorting are SQL,
 * and a row reads its record only when it is bound, so 100,000 items cost
 * no more than a screenful. Nothing here walks the list of action items.
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

#include "icat-action-item-editor.h"
#include "icat-action-items-view.h"
#include "icat-chase.h"
#include "icat-editor-util.h"
#include "icat-record-list.h"
#include "icat-schema.h"

typedef enum {
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_PRIORITY,
  COLUMN_MANDATES,
  COLUMN_MEETING,
  N_COLUMNS
} ColumnId;

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
#define DEFAULT_SORT "due"

typedef struct {
  IcatActionItemsView *self;
  ColumnId             column;
} CellContext;

struct _IcatActionItemsView {
  AdwBin                parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *list_page;
  GtkWidget            *editor_separator;
  GtkDropDown          *agency_dropdown;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *mandate_dropdown;
  GtkDropDown          *pillar_dropdown;
  GtkDropDown          *meeting_dropdown;
  GtkToggleButton      *overdue_toggle;
  GtkToggleButton      *month_toggle;
  GtkStack             *list_stack;
  GtkScrolledWindow    *scroller;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *clear_button;
  GtkWidget            *new_button;
  GtkLabel             *count_label;
  GtkMenuButton        *status_menu_button;
  GtkWidget            *email_button;

  /* Borrowed */
  IcatActionItemEditor *editor;                /* a page of the leaflet */
  GtkColumnViewColumn  *columns[N_COLUMNS];    /* held by the column view */

  /* Owned */
  IcatStore            *store;
  GSettings            *settings;
  IcatRecordList       *items;
  GtkMultiSelection    *selection;
  IcatRecordList       *agencies;
  IcatRecordList       *mandates;
  IcatRecordList       *meetings;
  GHashTable           *related;     /* "kind/id" → IcatRecord the rows name: kept live */
  char                 *today;       /* YYYY-MM-DD */
  char                 *sort;
  CellContext           cells[N_COLUMNS];

  /* State */
  gboolean              descending;
  int                   probed;      /* column + 1 found by the sort probe */
  gboolean              syncing;     /* widgets being set from code */
  guint                 bulk_pending;
  guint                 bulk_failed;
  char                 *bulk_error;
};

G_DEFINE_FINAL_TYPE (IcatActionItemsView, icat_action_items_view, ADW_TYPE_BIN)

static void sync_filters (IcatActionItemsView *self);
static void open_item    (IcatActionItemsView *self,
                          const char          *id);

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
  JsonArray *ids = icat_record_get_array (item, "mandates");
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

static void
update_due_cell (IcatActionItemsView *self,
                 IcatRecord          *item,
                 GtkWidget           *box)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autofree char *due = icat_action_format_date (icat_record_get_string (item, "due"));
  gboolean overdue = icat_action_item_is_overdue (icat_record_get_data (item), self->today);

  set_label (label, due);
  /* Named when first shown: most rows never are, and GTK keeps ~200 rows. */
  if (overdue && !gtk_widget_get_visible (icon) && g_object_get_data (G_OBJECT (icon), "icat-named") == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      g_object_set_data (G_OBJECT (icon), "icat-named", GINT_TO_POINTER (TRUE));
    }
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
  const char *status = icat_record_get_string (item, "status");
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
  const char *priority = icat_record_get_string (item, "priority");

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
      set_label (cell, icat_record_get_string (item, "title"));
      break;
    case COLUMN_OWNER:
      other = related_lookup (self, "agency", icat_record_get_string (item, "owner"));
      set_label (cell, other ? icat_record_get_string (other, "acronym") : NULL);
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
      other = related_lookup (self, "meeting", icat_record_get_string (item, "meeting"));
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
  GtkWidget *box, *icon;

  if (context->column != COLUMN_DUE)
    {
      gtk_list_item_set_child (list_item, label);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_has_tooltip (icon, TRUE);
  g_signal_connect (icon, "query-tooltip", G_CALLBACK (query_overdue_cb), NULL);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
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

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellContext              *context)
{
  IcatRecord *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;
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

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_data_changed_cb, list_item);
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

/* The saved order, before the model is shown; the header arrow to match. */
static void
restore_sort (IcatActionItemsView *self)
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

static void
setup_columns (IcatActionItemsView *self)
{
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

/* }}} */
/* Filters {{{ */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_autofree char *text = icat_action_record_label (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static GtkListItemFactory *
label_factory_new (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

/* "All …" followed by the records of a (short) list. */
static GListModel *
choices_new (const char *all,
             GListModel *records)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringList) first = gtk_string_list_new (NULL);

  gtk_string_list_append (first, all);
  g_list_store_append (parts, first);
  g_list_store_append (parts, records);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static GListModel *
enum_choices_new (const char         *all,
                  const char * const *values,
                  const char *      (*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return G_LIST_MODEL (list);
}

static void
setup_dropdown (IcatActionItemsView *self,
                GtkDropDown         *dropdown,
                GListModel          *model)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (16);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (48);
  g_autoptr(GtkExpression) expression =
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (icat_action_record_label), NULL, NULL);

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_model (dropdown, model);
  g_object_unref (model);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (sync_filters), self, G_CONNECT_SWAPPED);
}

static const char *
dropdown_record_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return ICAT_IS_RECORD (item) ? icat_record_get_id (ICAT_RECORD (item)) : NULL;
}

static const char *
dropdown_enum_value (GtkDropDown        *dropdown,
                     const char * const *values)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **) values))
    return NULL;
  return values[position - 1];
}

/* The record's choice, after "All …"; that one when the record is gone. */
static void
select_record (GtkDropDown    *dropdown,
               IcatRecordList *records,
               const char     *id)
{
  guint position = id != NULL && *id != '\0' ? icat_record_list_find_position (records, id)
                                              : GTK_INVALID_LIST_POSITION;

  gtk_drop_down_set_selected (dropdown, position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
}

static void
select_enum (GtkDropDown        *dropdown,
             const char * const *values,
             const char         *value)
{
  guint position = 0;

  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

static char *
this_month (IcatActionItemsView *self)
{
  return g_strndup (self->today, 7);
}

static gboolean
any_filter (IcatActionItemsView *self)
{
  return gtk_drop_down_get_selected (self->agency_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->mandate_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->pillar_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->meeting_dropdown) > 0 ||
         gtk_toggle_button_get_active (self->overdue_toggle) ||
         gtk_toggle_button_get_active (self->month_toggle);
}

static void
save_filters (IcatActionItemsView *self)
{
  const char *agency = dropdown_record_id (self->agency_dropdown);
  const char *status = dropdown_enum_value (self->status_dropdown, icat_action_statuses);
  const char *mandate = dropdown_record_id (self->mandate_dropdown);
  const char *pillar = dropdown_enum_value (self->pillar_dropdown, icat_pillars);
  const char *meeting = dropdown_record_id (self->meeting_dropdown);

  g_settings_set_string (self->settings, "action-filter-owner", agency ? agency : "");
  g_settings_set_string (self->settings, "action-filter-status", status ? status : "");
  g_settings_set_string (self->settings, "action-filter-mandate", mandate ? mandate : "");
  g_settings_set_string (self->settings, "action-filter-pillar", pillar ? pillar : "");
  g_settings_set_string (self->settings, "action-filter-meeting", meeting ? meeting : "");
  g_settings_set_boolean (self->settings, "action-filter-overdue", gtk_toggle_button_get_active (self->overdue_toggle));
  g_settings_set_boolean (self->settings, "action-filter-due-this-month",
                          gtk_toggle_button_get_active (self->month_toggle));
}

static void
update_email_button (IcatActionItemsView *self)
{
  const char *agency = dropdown_record_id (self->agency_dropdown);

  gtk_widget_set_visible (self->email_button, agency != NULL);
  if (agency != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->email_button), "s", agency);
}

/* The widgets' filters onto the list. Each change re-reads the list, so
 * narrowing ones go first and the list never grows in between. */
static void
sync_filters (IcatActionItemsView *self)
{
  g_autofree char *month = this_month (self);
  struct { IcatFilter filter; const char *value; } wanted[] = {
    { ICAT_FILTER_AGENCY, dropdown_record_id (self->agency_dropdown) },
    { ICAT_FILTER_DUE_BEFORE, gtk_toggle_button_get_active (self->overdue_toggle) ? self->today : NULL },
    { ICAT_FILTER_DUE_MONTH, gtk_toggle_button_get_active (self->month_toggle) ? month : NULL },
    { ICAT_FILTER_STATUS, dropdown_enum_value (self->status_dropdown, icat_action_statuses) },
    { ICAT_FILTER_MANDATE, dropdown_record_id (self->mandate_dropdown) },
    { ICAT_FILTER_PILLAR, dropdown_enum_value (self->pillar_dropdown, icat_pillars) },
    { ICAT_FILTER_MEETING, dropdown_record_id (self->meeting_dropdown) },
  };

  if (self->syncing)
    return;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
      if ((wanted[i].value != NULL) == (pass == 0))
        icat_record_list_set_filter (self->items, wanted[i].filter, wanted[i].value);
  save_filters (self);
  update_email_button (self);
}

/* Sets the filter widgets from code; the list follows once at the end. */
static void
set_filters (IcatActionItemsView *self,
             const char          *agency,
             const char          *status,
             gboolean             overdue,
             gboolean             this_month_only,
             const char          *mandate,
             const char          *pillar,
             const char          *meeting)
{
  self->syncing = TRUE;
  select_record (self->agency_dropdown, self->agencies, agency);
  select_enum (self->status_dropdown, icat_action_statuses, status);
  gtk_toggle_button_set_active (self->overdue_toggle, overdue);
  gtk_toggle_button_set_active (self->month_toggle, this_month_only);
  select_record (self->mandate_dropdown, self->mandates, mandate);
  select_enum (self->pillar_dropdown, icat_pillars, pillar);
  select_record (self->meeting_dropdown, self->meetings, meeting);
  self->syncing = FALSE;
  sync_filters (self);
}

static void
restore_filters (IcatActionItemsView *self)
{
  g_autofree char *agency = g_settings_get_string (self->settings, "action-filter-owner");
  g_autofree char *status = g_settings_get_string (self->settings, "action-filter-status");
  g_autofree char *mandate = g_settings_get_string (self->settings, "action-filter-mandate");
  g_autofree char *pillar = g_settings_get_string (self->settings, "action-filter-pillar");
  g_autofree char *meeting = g_settings_get_string (self->settings, "action-filter-meeting");

  set_filters (self, agency, status,
               g_settings_get_boolean (self->settings, "action-filter-overdue"),
               g_settings_get_boolean (self->settings, "action-filter-due-this-month"),
               mandate, pillar, meeting);
}

static void
setup_filters (IcatActionItemsView *self)
{
  self->agencies = icat_record_list_new (self->store, "agency");
  icat_record_list_set_sort (self->agencies, "acronym", FALSE);
  self->mandates = icat_record_list_new (self->store, "mandate");
  icat_record_list_set_sort (self->mandates, "document", FALSE);
  self->meetings = icat_record_list_new (self->store, "meeting");
  icat_record_list_set_sort (self->meetings, "starts_at", TRUE);

  self->syncing = TRUE;
  setup_dropdown (self, self->agency_dropdown, choices_new (_("All agencies"), G_LIST_MODEL (self->agencies)));
  setup_dropdown (self, self->status_dropdown,
                  enum_choices_new (_("All statuses"), icat_action_statuses, icat_action_status_label));
  setup_dropdown (self, self->mandate_dropdown, choices_new (_("All mandates"), G_LIST_MODEL (self->mandates)));
  setup_dropdown (self, self->pillar_dropdown,
                  enum_choices_new (_("All pillars"), icat_pillars, icat_action_pillar_label));
  setup_dropdown (self, self->meeting_dropdown, choices_new (_("All meetings"), G_LIST_MODEL (self->meetings)));
  g_signal_connect_object (self->overdue_toggle, "toggled", G_CALLBACK (sync_filters), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_toggle, "toggled", G_CALLBACK (sync_filters), self, G_CONNECT_SWAPPED);
  self->syncing = FALSE;
}

/* }}} */
/* Count, empty state, selection {{{ */

static void
update_count (IcatActionItemsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action item", "%u action items", n), n);
  gboolean filtered = any_filter (self);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n == 0 ? "empty" : "list");
  if (n > 0)
    return;
  adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Action Items") : _("No Action Items"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("No action item matches these filters.")
                                            : _("Decisions become action items here. Press Ctrl+N to add one."));
  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_widget_set_visible (self->new_button, !filtered);
}

static void
selection_changed_cb (IcatActionItemsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_menu_button), !gtk_bitset_is_empty (selected));
}

static void
items_changed_cb (IcatActionItemsView *self)
{
  update_count (self);
}

static void
setup_status_menu (IcatActionItemsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; icat_action_statuses[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (icat_action_status_label (icat_action_statuses[i]), NULL);

      g_menu_item_set_action_and_target (item, "items.set-status", "s", icat_action_statuses[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->status_menu_button, G_MENU_MODEL (menu));
}

/* }}} */
/* Finding a row {{{ */

static GtkWidget *
inner_list_view (IcatActionItemsView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Selects the item's row and scrolls to it. The position is counted in
 * SQL, not looked for row by row: a new item sorts last of 100,000. */
static void
select_row (IcatActionItemsView *self,
            const char          *id)
{
  guint position = icat_record_list_find_position (self->items, id);
  GtkWidget *list = inner_list_view (self);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Filtered out: the selection must not name other rows. */
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* }}} */
/* Editor pane {{{ */

static void setup_editor (IcatActionItemsView *self);

static void
open_item (IcatActionItemsView *self,
           const char          *id)
{
  /* Made when first needed: nothing of it shows before. */
  if (self->editor == NULL)
    setup_editor (self);
  icat_action_item_editor_set_item (self->editor, id);
  if (icat_action_item_editor_get_item_id (self->editor) == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  gtk_widget_set_visible (self->editor_separator, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor));
}

static void
editor_item_changed_cb (IcatActionItemsView *self)
{
  if (icat_action_item_editor_get_item_id (self->editor) != NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  gtk_widget_set_visible (self->editor_separator, FALSE);
}

static void
visible_child_changed_cb (IcatActionItemsView *self)
{
  /* Folded, going back to the list (button or swipe) closes the item. */
  if (self->editor != NULL && adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->list_page)
    icat_action_item_editor_set_item (self->editor, NULL);
}

static void
row_activated_cb (IcatActionItemsView *self,
                  guint                position)
{
  g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    open_item (self, icat_record_get_id (item));
}

/* }}} */
/* Actions {{{ */

static void
close_editor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);

  if (self->editor != NULL)
    icat_action_item_editor_set_item (self->editor, NULL);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  icat_action_items_view_new_item (ICAT_ACTION_ITEMS_VIEW (widget));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_filters (ICAT_ACTION_ITEMS_VIEW (widget), NULL, NULL, FALSE, FALSE, NULL, NULL, NULL);
}

static void
email_agency_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);
  g_autofree char *uri = icat_action_items_mailto (self->store, g_variant_get_string (parameter, NULL), self->today);

  /* A mailto: address opens at once; the shared opener makes sure of it. */
  if (uri != NULL)
    icat_open_typed_link (widget, uri);
}

static void
bulk_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IcatActionItemsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);
  g_autofree char *message = NULL;

  self->bulk_pending--;
  if (id == NULL)
    {
      self->bulk_failed++;
      if (self->bulk_error == NULL)
        self->bulk_error = g_strdup (error->message);
    }
  if (self->bulk_pending > 0 || self->bulk_failed == 0)
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The status of %u action item could not be changed: %s",
                                          "The status of %u action items could not be changed: %s",
                                          self->bulk_failed),
                             self->bulk_failed, self->bulk_error);
  self->bulk_failed = 0;
  g_clear_pointer (&self->bulk_error, g_free);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);
  const char *status = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  /* A status chosen in the editor a moment ago is written first. */
  if (self->editor != NULL)
    icat_action_item_editor_flush (self->editor);
  for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position); valid;
       valid = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
      g_autoptr(JsonObject) changes = NULL;

      if (item == NULL || g_strcmp0 (icat_record_get_string (item, "status"), status) == 0)
        continue;
      changes = json_object_new ();
      json_object_set_string_member (changes, "id", icat_record_get_id (item));
      json_object_set_string_member (changes, "status", status);
      self->bulk_pending++;
      icat_store_save_async (self->store, "action_item", changes, NULL, bulk_saved_cb, g_object_ref (self));
    }
}

/* }}} */
/* Mail {{{ */

static char *
escaped_addresses (const char * const *recipients)
{
  g_autoptr(GString) to = g_string_new (NULL);

  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (recipients[i], "@", FALSE);

      if (to->len > 0)
        g_string_append_c (to, ',');
      g_string_append (to, escaped);
    }
  return g_string_free (g_steal_pointer (&to), FALSE);
}

char *
icat_action_items_mailto (IcatStore  *store,
                          const char *agency_id,
                          const char *today)
{
  g_autoptr(IcatChase) chase = NULL;
  g_autofree char *to = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_body = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  chase = icat_chase_new (store, agency_id, today);
  if (chase == NULL)
    return NULL;
  to = escaped_addresses ((const char * const *) chase->recipients);
  escaped_subject = g_uri_escape_string (chase->subject, NULL, FALSE);
  escaped_body = g_uri_escape_string (chase->body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, escaped_subject, escaped_body);
}

/* }}} */
/* Public API {{{ */

static char *
default_owner (IcatActionItemsView *self)
{
  const char *filtered = dropdown_record_id (self->agency_dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  char *first = NULL;

  if (filtered != NULL)
    return g_strdup (filtered);
  /* UNODC coordinates ICAT; the agency list is short. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      if (agency == NULL)
        continue;
      if (g_strcmp0 (icat_record_get_string (agency, "acronym"), "UNODC") == 0)
        {
          g_free (first);
          return g_strdup (icat_record_get_id (agency));
        }
      if (first == NULL)
        first = g_strdup (icat_record_get_id (agency));
    }
  return first;
}

static void
new_item_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IcatActionItemsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  if (id == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  if (self->store == NULL)
    return;
  icat_action_items_view_show_item (self, id);
  if (self->editor != NULL)
    icat_action_item_editor_focus_title (self->editor);
}

void
icat_action_items_view_new_item (IcatActionItemsView *self)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *owner = NULL;

  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  owner = default_owner (self);
  if (owner == NULL)
    return;
  json_object_set_string_member (changes, "title", _("New action item"));
  json_object_set_string_member (changes, "owner", owner);
  json_object_set_string_member (changes, "status", "open");
  icat_store_save_async (self->store, "action_item", changes, NULL, new_item_saved_cb, g_object_ref (self));
}

void
icat_action_items_view_show_item (IcatActionItemsView *self,
                                  const char          *id)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  g_return_if_fail (id != NULL);
  open_item (self, id);
  select_row (self, id);
}

void
icat_action_items_view_show_overdue (IcatActionItemsView *self,
                                     const char          *agency_id)
{
  g_return_if_fail (ICAT_IS_ACTION_ITEMS_VIEW (self));
  set_filters (self, agency_id, NULL, TRUE, FALSE, NULL, NULL, NULL);
}

/* }}} */
/* GObject {{{ */

static void
icat_action_items_view_dispose (GObject *object)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (object);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (GTK_WIDGET (self)), fit_columns, self);
  /* Columns going away change the column view's sorter: not a user's click. */
  self->syncing = TRUE;
  if (self->editor != NULL)
    icat_action_item_editor_set_item (self->editor, NULL);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin holds its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_ACTION_ITEMS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->agencies);
  g_clear_object (&self->mandates);
  g_clear_object (&self->meetings);
  g_clear_pointer (&self->related, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (icat_action_items_view_parent_class)->dispose (object);
}

static void
icat_action_items_view_finalize (GObject *object)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (object);

  g_free (self->today);
  g_free (self->sort);
  g_free (self->bulk_error);
  G_OBJECT_CLASS (icat_action_items_view_parent_class)->finalize (object);
}

static void
icat_action_items_view_class_init (IcatActionItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_action_items_view_dispose;
  object_class->finalize = icat_action_items_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/action-items/icat-action-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, list_page);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, mandate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, meeting_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, status_menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatActionItemsView, email_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "items.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "items.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "items.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "items.set-status", "s", set_status_activated);
  gtk_widget_class_install_action (widget_class, "items.email-agency", "s", email_agency_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "items.close-editor", NULL);
}

static void
icat_action_items_view_init (IcatActionItemsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->related = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  setup_columns (self);
  setup_status_menu (self);
  /* The target first: a parameterized action without one is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->email_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->email_button), "items.email-agency");
}

static void
setup_editor (IcatActionItemsView *self)
{
  AdwLeafletPage *page;

  self->editor = ICAT_ACTION_ITEM_EDITOR (icat_action_item_editor_new (self->store));
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->editor));
  adw_leaflet_page_set_name (page, "editor");
  g_object_bind_property (self->leaflet, "folded", self->editor, "folded", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->editor, "notify::item-id", G_CALLBACK (editor_item_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
icat_action_items_view_new (IcatStore *store,
                            GSettings *settings)
{
  IcatActionItemsView *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self = g_object_new (ICAT_TYPE_ACTION_ITEMS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->items = icat_record_list_new (store, "action_item");
  setup_filters (self);
  restore_sort (self);
  restore_filters (self);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
  return GTK_WIDGET (self);
}

/* }}} */
