/* icat-mandates-view.c — the Mandates section: paragraphs and their coverage
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages. "Paragraphs": the 119 paragraphs in the documents' order, a
 * lazy list filtered by document and pillar in SQL, beside the chosen
 * paragraph — its official Chinese text, the English summary, whom it
 * addresses, and the action items, papers and meetings that answer it,
 * each opening where it lives. "Coverage": the heat map of which
 * paragraphs have work behind them (IcatCoverageMap).
 */
#define G_LOG_DOMAIN "icat-mandates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-coverage-map.h"
#include "icat-coverage.h"
#include "icat-filter.h"
#include "icat-first-page.h"
#include "icat-format.h"
#include "icat-linked-row.h"
#include "icat-list-detail.h"
#include "icat-mandate-row.h"
#include "icat-mandates-view.h"
#include "icat-record-factory.h"
#include "icat-record-list.h"
#include "icat-schema.h"
#include "icat-toast.h"

/* The shortest a mandate row is: how many fill the screen at the first frame. */
#define MIN_ROW_HEIGHT 90

/* A paragraph's detail lists at most this many records of a kind. */
#define MAX_LINKED 50

typedef struct {
  const char          *kind;
  const char          *sort;
  gboolean             descending;
  AdwPreferencesGroup *group;   /* borrowed: a template widget */
  GPtrArray           *rows;    /* owned array of borrowed rows */
} Linked;

enum { LINKED_ACTION_ITEMS, LINKED_PAPERS, LINKED_MEETINGS, N_LINKED };

struct _IcatMandatesView {
  AdwBin               parent_instance;

  /* Template widgets */
  AdwViewStack        *view_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkDropDown         *document_dropdown;
  GtkDropDown         *pillar_dropdown;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkWidget           *back_button;
  GtkStack            *detail_stack;
  GtkScrolledWindow   *detail_scroller;
  GtkLabel            *detail_title;
  GtkWidget           *icat_badge;
  AdwActionRow        *addressee_row;
  AdwActionRow        *pillar_row;
  AdwActionRow        *document_row;
  GtkLabel            *chinese_text;
  GtkLabel            *english_text;
  GtkLabel            *note_label;
  AdwPreferencesGroup *action_items_group;
  AdwPreferencesGroup *papers_group;
  AdwPreferencesGroup *meetings_group;
  GtkToggleButton     *by_agency_button;
  GtkToggleButton     *by_status_button;
  GtkSpinner          *coverage_spinner;
  GtkLabel            *coverage_summary;
  AdwBin              *legend_bin;
  GtkScrolledWindow   *coverage_scroller;

  /* Borrowed */
  IcatCoverageMap     *coverage_map;

  /* Owned */
  IcatListDetail      *list_detail;
  IcatStore           *store;
  IcatRecordList      *mandates;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *rows;         /* borrowed from selection */
  IcatRecord          *mandate;     /* the paragraph shown */
  Linked               linked[N_LINKED];
  guint                links_source;
};

G_DEFINE_FINAL_TYPE (IcatMandatesView, icat_mandates_view, ADW_TYPE_BIN)

enum {
  SHOW_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void open_mandate (IcatMandatesView *self, const char *id);

/* Words {{{ */

static const char *
document_name (const char *document)
{
  if (g_strcmp0 (document, "A/RES/72/195") == 0)
    return _("General Assembly resolution 72/195 (2017)");
  if (g_strcmp0 (document, "A/RES/64/293") == 0)
    return _("General Assembly resolution 64/293 and its annex, the Global Plan of Action (2010)");
  if (g_strcmp0 (document, "E/RES/2015/23") == 0)
    return _("Economic and Social Council resolution 2015/23");
  if (g_strcmp0 (document, "CTOC/COP resolution 5/2") == 0)
    return _("Conference of the Parties to the Organized Crime Convention, resolution 5/2 (2010)");
  return document ? document : "";
}

static gboolean
mandate_for_icat (IcatRecord *mandate)
{
  return icat_mandate_addresses_icat (icat_record_get_string (mandate, ICAT_KEY_DOCUMENT),
                                      icat_record_get_string (mandate, ICAT_KEY_PARAGRAPH));
}

/* }}} */
/* Linked records {{{ */

static void
linked_row_activated_cb (IcatLinkedRow    *row,
                         IcatMandatesView *self)
{
  g_signal_emit (self, signals[SHOW_RECORD], 0, icat_linked_row_get_kind (row), icat_linked_row_get_record_id (row));
}

static char *
action_item_subtitle (IcatMandatesView *self,
                      IcatRecord       *item)
{
  g_autoptr(IcatRecord) owner = icat_store_lookup (self->store, "agency", icat_record_get_string (item, ICAT_KEY_OWNER));
  const char *due = icat_record_get_string (item, ICAT_KEY_DUE);
  g_autofree char *due_text = due ? icat_action_format_date (due) : NULL;
  g_autofree char *due_line = due_text ? g_strdup_printf (_("Due %s"), due_text) : g_strdup (_("No due date"));

  /* Translators: an action item under a mandate: owner · status · due date */
  return g_strdup_printf (_("%s · %s · %s"), owner ? icat_record_get_string (owner, ICAT_KEY_ACRONYM) : "?",
                          icat_action_status_label (icat_record_get_string (item, ICAT_KEY_STATUS)), due_line);
}

static char *
paper_subtitle (IcatRecord *paper)
{
  /* Translators: a paper under a mandate: its kind · its stage */
  return g_strdup_printf (_("%s · %s"), icat_format_enum (ICAT_KEY_KIND, icat_record_get_string (paper, ICAT_KEY_KIND)),
                          icat_format_enum (ICAT_KEY_STATUS, icat_record_get_string (paper, ICAT_KEY_STATUS)));
}

static gboolean
array_has (JsonArray  *array,
           const char *id)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* "2 May 2018 · Agenda: Item one; Item two": the items on this paragraph. */
static char *
meeting_subtitle (IcatRecord *meeting,
                  const char *mandate_id)
{
  JsonArray *agenda = icat_record_get_array (meeting, ICAT_KEY_AGENDA);
  g_autofree char *when = icat_format_meeting_when (icat_record_get_data (meeting));
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    {
      JsonObject *item = json_array_get_object_element (agenda, i);
      JsonNode *mandates = json_object_get_member (item, ICAT_KEY_MANDATES);

      if (mandates == NULL || !JSON_NODE_HOLDS_ARRAY (mandates) ||
          !array_has (json_node_get_array (mandates), mandate_id))
        continue;
      icat_list_append (items, icat_json_get_string (item, ICAT_KEY_TITLE));
    }
  /* Translators: a meeting under a mandate: its date · the agenda items on the mandate */
  return g_strdup_printf (_("%s · Agenda: %s"), when, items->str);
}

static GtkWidget *
linked_row_new (IcatMandatesView *self,
                const char       *kind,
                IcatRecord       *record)
{
  GtkWidget *row;
  g_autofree char *subtitle = NULL;

  if (g_str_equal (kind, "action_item"))
    subtitle = action_item_subtitle (self, record);
  else if (g_str_equal (kind, "paper"))
    subtitle = paper_subtitle (record);
  else
    subtitle = meeting_subtitle (record, icat_record_get_id (self->mandate));
  row = icat_linked_row_new (kind, icat_record_get_id (record), icat_record_get_title (record), subtitle);
  g_signal_connect (row, "activated", G_CALLBACK (linked_row_activated_cb), self);
  return row;
}

static GtkWidget *
note_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static const char *
none_text (const char *kind)
{
  if (g_str_equal (kind, "action_item"))
    return _("No action item answers this paragraph yet");
  if (g_str_equal (kind, "paper"))
    return _("No paper answers this paragraph yet");
  return _("No agenda item has taken it up yet");
}

static void
fill_linked (IcatMandatesView *self,
             Linked           *linked)
{
  g_autoptr(IcatRecordList) records = NULL;
  guint n = 0;

  for (guint i = 0; i < linked->rows->len; i++)
    adw_preferences_group_remove (linked->group, linked->rows->pdata[i]);
  g_ptr_array_set_size (linked->rows, 0);
  if (self->mandate == NULL)
    return;
  records = icat_record_list_new (self->store, linked->kind);
  icat_record_list_set_filter (records, ICAT_FILTER_MANDATE, icat_record_get_id (self->mandate));
  icat_record_list_set_sort (records, linked->sort, linked->descending);
  n = g_list_model_get_n_items (G_LIST_MODEL (records));
  for (guint i = 0; i < MIN (n, MAX_LINKED); i++)
    {
      g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);

      if (record != NULL)
        g_ptr_array_add (linked->rows, linked_row_new (self, linked->kind, record));
    }
  if (n > MAX_LINKED)
    {
      /* Translators: the last row of a long list of linked records */
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", n - MAX_LINKED), n - MAX_LINKED);

      g_ptr_array_add (linked->rows, note_row_new (more));
    }
  if (n == 0)
    g_ptr_array_add (linked->rows, note_row_new (none_text (linked->kind)));
  for (guint i = 0; i < linked->rows->len; i++)
    adw_preferences_group_add (linked->group, linked->rows->pdata[i]);
}

static void
fill_all_linked (IcatMandatesView *self)
{
  g_clear_handle_id (&self->links_source, g_source_remove);
  for (guint i = 0; i < N_LINKED; i++)
    fill_linked (self, &self->linked[i]);
}

static gboolean
links_idle (gpointer data)
{
  IcatMandatesView *self = data;

  self->links_source = 0;
  fill_all_linked (self);
  return G_SOURCE_REMOVE;
}

/* After the lists of records have read the change (they refresh at idle too). */
static void
record_changed_cb (IcatMandatesView *self,
                   const char       *kind)
{
  if (self->mandate == NULL || self->links_source != 0)
    return;
  if (g_str_equal (kind, "action_item") || g_str_equal (kind, "paper") || g_str_equal (kind, "meeting") ||
      g_str_equal (kind, "agency"))
    self->links_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, links_idle, self, NULL);
}

/* }}} */
/* The paragraph {{{ */

static void
set_text (GtkLabel   *label,
          const char *text,
          const char *missing)
{
  gtk_label_set_label (label, text ? text : missing);
  if (text != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
load_detail (IcatMandatesView *self)
{
  IcatRecord *mandate = self->mandate;
  JsonNode *node;
  JsonObject *text;
  const char *note;

  if (mandate == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      fill_all_linked (self);
      return;
    }
  node = json_object_get_member (icat_record_get_data (mandate), ICAT_KEY_TEXT);
  text = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  note = icat_record_get_string (mandate, ICAT_KEY_NOTE);
  gtk_label_set_label (self->detail_title, icat_record_get_title (mandate));
  gtk_widget_set_visible (self->icat_badge, mandate_for_icat (mandate));
  adw_action_row_set_subtitle (self->addressee_row,
                               icat_format_enum (ICAT_KEY_ADDRESSEE, icat_record_get_string (mandate, ICAT_KEY_ADDRESSEE)));
  adw_action_row_set_subtitle (self->pillar_row, icat_format_enum (ICAT_KEY_PILLAR, icat_record_get_string (mandate, ICAT_KEY_PILLAR)));
  adw_action_row_set_subtitle (self->document_row, document_name (icat_record_get_string (mandate, ICAT_KEY_DOCUMENT)));
  set_text (self->chinese_text, text ? icat_json_get_string (text, "zh") : NULL, _("The Chinese text is not recorded."));
  set_text (self->english_text, text ? icat_json_get_string (text, "en") : NULL, _("No English summary is recorded."));
  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  fill_all_linked (self);
}

static void
shown_mandate_changed_cb (IcatMandatesView *self)
{
  if (icat_record_get_deleted (self->mandate))
    {
      open_mandate (self, NULL);
      return;
    }
  load_detail (self);
}

static void
show_mandate (gpointer    view,
              const char *id)
{
  IcatMandatesView *self = view;
  g_autoptr(IcatRecord) mandate = id ? icat_store_lookup (self->store, "mandate", id) : NULL;

  if (self->mandate != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->mandate, shown_mandate_changed_cb, self);
      g_clear_object (&self->mandate);
    }
  if (mandate != NULL)
    {
      self->mandate = g_steal_pointer (&mandate);
      g_signal_connect_swapped (self->mandate, "notify::data", G_CALLBACK (shown_mandate_changed_cb), self);
      g_signal_connect_swapped (self->mandate, "notify::deleted", G_CALLBACK (shown_mandate_changed_cb), self);
    }
  load_detail (self);
  if (self->mandate != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

static const char *
shown_mandate (gpointer view)
{
  IcatMandatesView *self = view;

  return self->mandate ? icat_record_get_id (self->mandate) : NULL;
}

/* With no paragraph to show, the list comes back. */
static void
open_mandate (IcatMandatesView *self,
              const char       *id)
{
  icat_list_detail_open (self->list_detail, id);
  icat_list_detail_shown_changed (self->list_detail);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatMandatesView *self = ICAT_MANDATES_VIEW (widget);

  icat_list_detail_back (self->list_detail);
}

/* }}} */
/* Filters {{{ */

static void
update_empty_state (IcatMandatesView *self)
{
  icat_filter_show_empty (self->list_stack, G_LIST_MODEL (self->mandates));
}

static void
apply_filters (IcatMandatesView *self)
{
  icat_record_list_set_filter (self->mandates, ICAT_FILTER_DOCUMENT,
                               icat_filter_selected_value (self->document_dropdown, icat_documents));
  icat_record_list_set_filter (self->mandates, ICAT_FILTER_PILLAR,
                               icat_filter_selected_value (self->pillar_dropdown, icat_pillars));
  update_empty_state (self);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcatMandatesView *self = ICAT_MANDATES_VIEW (widget);

  gtk_drop_down_set_selected (self->document_dropdown, 0);
  gtk_drop_down_set_selected (self->pillar_dropdown, 0);
}

static void
setup_filters (IcatMandatesView *self)
{
  /* Document symbols are never translated. */
  icat_filter_setup (self->document_dropdown, _("All documents"), icat_documents, NULL,
                     G_CALLBACK (apply_filters), self);
  icat_filter_setup (self->pillar_dropdown, _("All pillars"), icat_pillars, ICAT_KEY_PILLAR,
                     G_CALLBACK (apply_filters), self);
}

/* }}} */
/* Coverage {{{ */

static void
axis_toggled_cb (IcatMandatesView *self)
{
  icat_coverage_map_set_axis (self->coverage_map, gtk_toggle_button_get_active (self->by_agency_button)
                                                  ? ICAT_COVERAGE_BY_AGENCY : ICAT_COVERAGE_BY_STATUS);
}

/* The buttons follow the map, whoever set its axis. */
static void
axis_changed_cb (IcatMandatesView *self)
{
  gboolean by_agency = icat_coverage_map_get_axis (self->coverage_map) == ICAT_COVERAGE_BY_AGENCY;

  gtk_toggle_button_set_active (by_agency ? self->by_agency_button : self->by_status_button, TRUE);
}

static void
coverage_mandate_activated_cb (IcatMandatesView *self,
                               const char       *id)
{
  icat_mandates_view_show_mandate (self, id);
}

static void
setup_coverage (IcatMandatesView *self)
{
  GtkWidget *map = icat_coverage_map_new (self->store);

  self->coverage_map = ICAT_COVERAGE_MAP (map);
  gtk_scrolled_window_set_child (self->coverage_scroller, map);
  adw_bin_set_child (self->legend_bin, icat_coverage_legend_new (self->coverage_map));
  g_object_bind_property (map, "busy", self->coverage_spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_object_bind_property (map, "summary", self->coverage_summary, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (map, "mandate-activated", G_CALLBACK (coverage_mandate_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (map, "notify::axis", G_CALLBACK (axis_changed_cb), self, G_CONNECT_SWAPPED);
}

/* }}} */
/* Public API {{{ */

void
icat_mandates_view_set_page (IcatMandatesView *self,
                             const char       *page)
{
  g_return_if_fail (ICAT_IS_MANDATES_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

void
icat_mandates_view_show_mandate (IcatMandatesView *self,
                                 const char       *id)
{
  guint position;

  g_return_if_fail (ICAT_IS_MANDATES_VIEW (self));
  g_return_if_fail (id != NULL);

  icat_mandates_view_set_page (self, "paragraphs");
  icat_first_page_show_all (self->rows);
  position = icat_record_list_find_position (self->mandates, id);
  if (position == GTK_INVALID_LIST_POSITION &&
      (icat_filter_selected (self->document_dropdown) > 0 || icat_filter_selected (self->pillar_dropdown) > 0))
    {
      /* Filtered out: show it among all of them. */
      gtk_drop_down_set_selected (self->document_dropdown, 0);
      gtk_drop_down_set_selected (self->pillar_dropdown, 0);
      position = icat_record_list_find_position (self->mandates, id);
    }
  open_mandate (self, id);
  if (self->mandate == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("This paragraph no longer exists."));
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

const char *
_icat_mandates_view_get_mandate_id (IcatMandatesView *self)
{
  return self->mandate ? icat_record_get_id (self->mandate) : NULL;
}

GtkWidget *
_icat_mandates_view_get_linked_group (IcatMandatesView *self,
                                      const char       *kind)
{
  for (guint i = 0; i < N_LINKED; i++)
    if (g_strcmp0 (self->linked[i].kind, kind) == 0)
      return GTK_WIDGET (self->linked[i].group);
  return NULL;
}

GtkWidget *
_icat_mandates_view_get_coverage_map (IcatMandatesView *self)
{
  return GTK_WIDGET (self->coverage_map);
}

GtkWidget *
_icat_mandates_view_get_part (IcatMandatesView *self,
                              const char       *part)
{
  const struct {
    const char *name;
    gpointer    widget;
  } parts[] = {
    { "document-filter", self->document_dropdown },
    { "pillar-filter", self->pillar_dropdown },
    { "list", self->list_view },
    { "title", self->detail_title },
    { "icat-badge", self->icat_badge },
    { "text-zh", self->chinese_text },
    { "text-en", self->english_text },
    { "by-status", self->by_status_button },
    { "summary", self->coverage_summary },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, part))
      return parts[i].widget;
  g_return_val_if_reached (NULL);
}

/* }}} */
/* GObject {{{ */

static void
icat_mandates_view_dispose (GObject *object)
{
  IcatMandatesView *self = ICAT_MANDATES_VIEW (object);

  g_clear_handle_id (&self->links_source, g_source_remove);
  if (self->mandate != NULL)
    g_signal_handlers_disconnect_by_func (self->mandate, shown_mandate_changed_cb, self);
  g_clear_object (&self->mandate);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_MANDATES_VIEW);
  g_clear_object (&self->list_detail);
  for (guint i = 0; i < N_LINKED; i++)
    g_clear_pointer (&self->linked[i].rows, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->mandates);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_mandates_view_parent_class)->dispose (object);
}

static void
icat_mandates_view_class_init (IcatMandatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_mandates_view_dispose;

  signals[SHOW_RECORD] =
    g_signal_new ("show-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/mandates/icat-mandates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, icat_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, addressee_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, document_row);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, chinese_text);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, english_text);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, note_label);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, action_items_group);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, papers_group);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, by_agency_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, by_status_button);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, coverage_spinner);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, coverage_summary);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, legend_bin);
  gtk_widget_class_bind_template_child (widget_class, IcatMandatesView, coverage_scroller);
  gtk_widget_class_bind_template_callback (widget_class, axis_toggled_cb);

  gtk_widget_class_install_action (widget_class, "mandates.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "mandates.clear-filters", NULL, clear_filters_activated);
}

static void
icat_mandates_view_init (IcatMandatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
mandate_row_new (gpointer user_data)
{
  return icat_mandate_row_new ();
}

static void
setup_list (IcatMandatesView *self)
{
  g_autoptr(GtkListItemFactory) factory = icat_record_factory_new (mandate_row_new, NULL);

  self->mandates = icat_record_list_new (self->store, "mandate");
  icat_record_list_set_sort (self->mandates, ICAT_KEY_DOCUMENT, FALSE);
  self->rows = icat_first_page_new (g_object_ref (G_LIST_MODEL (self->mandates)),
                                    icat_first_page_rows (MIN_ROW_HEIGHT), GTK_WIDGET (self->list_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  icat_list_detail_set_selection (self->list_detail, self->selection);
  icat_list_detail_set_list (self->list_detail, self->list_view);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
setup_linked (IcatMandatesView *self)
{
  self->linked[LINKED_ACTION_ITEMS] = (Linked) { "action_item", ICAT_KEY_DUE, FALSE, self->action_items_group, NULL };
  self->linked[LINKED_PAPERS] = (Linked) { "paper", ICAT_KEY_YEAR, TRUE, self->papers_group, NULL };
  self->linked[LINKED_MEETINGS] = (Linked) { "meeting", ICAT_KEY_STARTS_AT, TRUE, self->meetings_group, NULL };
  for (guint i = 0; i < N_LINKED; i++)
    self->linked[i].rows = g_ptr_array_new ();
}

GtkWidget *
icat_mandates_view_new (IcatStore *store)
{
  IcatMandatesView *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_new (ICAT_TYPE_MANDATES_VIEW, NULL);
  self->store = g_object_ref (store);
  self->list_detail = icat_list_detail_new (ICAT_LIST_DETAIL_KEEP, self->leaflet, self->list_pane,
                                            adw_leaflet_get_child_by_name (self->leaflet, "detail"),
                                            self, show_mandate, shown_mandate);
  icat_list_detail_bind_folded (self->list_detail, self->back_button, "visible");
  setup_linked (self);
  setup_list (self);
  setup_filters (self);
  update_empty_state (self);
  g_signal_connect_object (self->mandates, "items-changed", G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  setup_coverage (self);
  load_detail (self);
  return GTK_WIDGET (self);
}

/* }}} */
