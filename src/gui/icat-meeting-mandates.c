/* icat-meeting-mandates.c — the mandates an agenda item answers to
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of each agenda item shows its linked mandates as short labels
 * ("72/195 ¶10", "GPA annex 3"), each with a remove button, and a
 * "Link Mandate…" button whose popover searches every mandate by document,
 * paragraph and text in the user's language. The links are part of the
 * agenda, so they save with it; "New action item" copies them.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-action-item-editor.h"
#include "icat-meeting-editor-private.h"

/* The popover of one agenda item's "Link Mandate…" button. */
typedef struct {
  GtkWidget          *button;    /* borrowed: the menu button */
  GtkSearchEntry     *search;
  GtkFilterListModel *matches;   /* owned */
  GtkCustomFilter    *filter;    /* borrowed: owned by matches */
  GtkStack           *results;
  char              **terms;     /* owned: casefolded words of the search */
} MandatePicker;

/* The agenda item that holds a widget of the editor. */
static IcatAgendaItem *
item_of (GtkWidget          *widget,
         IcatMeetingEditor **editor)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ICAT_TYPE_MEETING_EDITOR);
  IcatMeetingEditor *self = ancestor ? ICAT_MEETING_EDITOR (ancestor) : NULL;

  *editor = self;
  return self ? _icat_meeting_agenda_item_get (_icat_meeting_child_of (widget, self->agenda_box)) : NULL;
}

static JsonArray *
item_mandates (IcatAgendaItem *item)
{
  return item->mandates != NULL && JSON_NODE_HOLDS_ARRAY (item->mandates)
         ? json_node_get_array (item->mandates) : NULL;
}

static gboolean
item_links (IcatAgendaItem *item,
            const char     *id)
{
  JsonArray *ids = item_mandates (item);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    if (g_strcmp0 (json_array_get_string_element (ids, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* The label of a mandate in few characters; its id if it is gone. */
static char *
mandate_label (IcatMeetingEditor *self,
               const char        *id)
{
  g_autoptr(IcatRecord) mandate = icat_store_lookup (self->store, "mandate", id);

  return mandate ? icat_action_mandate_short_label (mandate) : g_strdup (id);
}

/* Linked mandates as labels */

static void show_links (IcatMeetingEditor *self, IcatAgendaItem *item);

/* The ids without `removed`, with `added` at the end. */
static void
change_links (IcatMeetingEditor *self,
              IcatAgendaItem    *item,
              const char        *removed,
              const char        *added)
{
  JsonArray *old = item_mandates (item);
  JsonArray *ids = json_array_new ();
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    if (g_strcmp0 (json_array_get_string_element (old, i), removed) != 0)
      json_array_add_string_element (ids, json_array_get_string_element (old, i));
  if (added != NULL)
    json_array_add_string_element (ids, added);
  node = _icat_meeting_array_node (ids);
  g_clear_pointer (&item->mandates, json_node_unref);
  item->mandates = _icat_meeting_normalized (node);
  show_links (self, item);
  _icat_meeting_editor_section_changed (self, SECTION_AGENDA);
}

/* Unlinking is a saved change of its own, so the toast's Undo takes back just that. */
static void
unlink_clicked_cb (GtkButton *button)
{
  IcatMeetingEditor *self;
  IcatAgendaItem *item = item_of (GTK_WIDGET (button), &self);
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "mandate-id"));
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  GtkFlowBoxChild *next;
  int index;

  if (item == NULL || self->autosave == NULL)
    return;
  index = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                                      GTK_TYPE_FLOW_BOX_CHILD)));
  label = mandate_label (self, id);
  /* Translators: a toast after a mandate was unlinked from an agenda item: "72/195 ¶10 unlinked" */
  message = g_strdup_printf (_("%s unlinked"), label);
  icat_autosave_flush (self->autosave);
  change_links (self, item, id, NULL);
  icat_autosave_flush (self->autosave);
  /* The focus stays among the links, or goes to the button that adds them. */
  next = gtk_flow_box_get_child_at_index (item->mandate_chips, index);
  if (next == NULL && index > 0)
    next = gtk_flow_box_get_child_at_index (item->mandate_chips, index - 1);
  if (next == NULL || !gtk_widget_child_focus (GTK_WIDGET (next), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (item->mandate_chips), "link-button"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);
}

static GtkWidget *
link_chip_new (IcatMeetingEditor *self,
               const char        *id)
{
  g_autoptr(IcatRecord) mandate = icat_store_lookup (self->store, "mandate", id);
  g_autofree char *label = mandate ? icat_action_mandate_short_label (mandate) : g_strdup (id);
  /* Translators: the button that unlinks a mandate from an agenda item: "Remove 72/195 ¶10" */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), label);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "meeting-mandate-chip");
  /* A label's width, even when it has a line of the flow box to itself. */
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_name (chip, "agenda-mandate");
  if (mandate != NULL)
    gtk_widget_set_tooltip_text (text, icat_record_get_localized (mandate, "text"));
  gtk_widget_set_name (remove, "agenda-mandate-remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "mandate-id", g_strdup (id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (unlink_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (chip), text);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
show_links (IcatMeetingEditor *self,
            IcatAgendaItem    *item)
{
  JsonArray *ids = item_mandates (item);
  guint n = ids ? json_array_get_length (ids) : 0;
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (item->mandate_chips, 0)) != NULL)
    gtk_flow_box_remove (item->mandate_chips, GTK_WIDGET (child));
  for (guint i = 0; i < n; i++)
    {
      gtk_flow_box_append (item->mandate_chips, link_chip_new (self, json_array_get_string_element (ids, i)));
      child = gtk_flow_box_get_child_at_index (item->mandate_chips, i);
      /* Tab goes straight to the remove buttons. */
      gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (item->mandate_chips), n > 0);
  gtk_widget_set_visible (item->mandates_empty, n == 0);
}

/* The popover that links one more */

static char *
search_text (IcatRecord *mandate)
{
  g_autofree char *label = icat_action_mandate_short_label (mandate);
  const char *text = icat_record_get_localized (mandate, "text");

  /* Document and paragraph as written ("A/RES/72/195, para. 10") and as
   * short ("72/195 ¶10"), and the text as the user reads it. */
  return g_strjoin ("\n", label, icat_record_get_title (mandate), text ? text : "", NULL);
}

/* A number is found whole ("3" is not in "30" nor in "2013"), so that
 * "72/195 10" finds paragraph 10; other words anywhere. */
static gboolean
contains_term (const char *text,
               const char *term)
{
  gboolean number = term[strspn (term, "0123456789")] == '\0';
  gsize length = strlen (term);

  for (const char *at = strstr (text, term); at != NULL; at = strstr (at + 1, term))
    if (!number || ((at == text || !g_ascii_isdigit (at[-1])) && !g_ascii_isdigit (at[length])))
      return TRUE;
  return FALSE;
}

/* Not linked yet, and every word of the search is in the mandate; Chinese,
 * written without spaces, is one word found as a substring, however short. */
static gboolean
mandate_matches (gpointer item,
                 gpointer user_data)
{
  MandatePicker *picker = user_data;
  IcatMeetingEditor *self;
  IcatAgendaItem *agenda_item = item_of (picker->button, &self);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (agenda_item != NULL && item_links (agenda_item, icat_record_get_id (ICAT_RECORD (item))))
    return FALSE;
  if (picker->terms == NULL || picker->terms[0] == NULL)
    return TRUE;
  text = search_text (ICAT_RECORD (item));
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; picker->terms[i] != NULL; i++)
    if (!contains_term (folded, picker->terms[i]))
      return FALSE;
  return TRUE;
}

static void
picker_free (gpointer data)
{
  MandatePicker *picker = data;

  /* The list view may hold the model a little longer than the popover. */
  gtk_custom_filter_set_filter_func (picker->filter, NULL, NULL, NULL);
  g_clear_object (&picker->matches);
  g_strfreev (picker->terms);
  g_free (picker);
}

static void
update_results (MandatePicker *picker)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (picker->matches)) == 0;

  gtk_stack_set_visible_child_name (picker->results, empty ? "empty" : "list");
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   MandatePicker  *picker)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (terms, words[i]);
  g_strfreev (picker->terms);
  picker->terms = g_strv_builder_end (terms);
  gtk_filter_changed (GTK_FILTER (picker->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (picker);
}

static void
link_at (MandatePicker *picker,
         guint          position)
{
  g_autoptr(IcatRecord) mandate = g_list_model_get_item (G_LIST_MODEL (picker->matches), position);
  IcatMeetingEditor *self;
  IcatAgendaItem *item = item_of (picker->button, &self);

  if (mandate == NULL || item == NULL || self->meeting == NULL)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (picker->button));
  gtk_editable_set_text (GTK_EDITABLE (picker->search), "");
  change_links (self, item, NULL, icat_record_get_id (mandate));
}

static void
match_activated_cb (GtkListView   *list,
                    guint          position,
                    MandatePicker *picker)
{
  link_at (picker, position);
}

/* Enter in the search links the first match. */
static void
search_activated_cb (GtkSearchEntry *entry,
                     MandatePicker  *picker)
{
  link_at (picker, 0);
}

static void
setup_match_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "meeting-mandate-match");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_match_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  IcatRecord *mandate = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char *label = icat_action_mandate_short_label (mandate);
  const char *text = icat_record_get_localized (mandate, "text");

  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), text ? text : "");
}

static GtkWidget *
matches_view_new (MandatePicker *picker)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (picker->matches)));
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_match_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_match_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_widget_set_name (list, "mandate-matches");
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mandates"), -1);
  g_signal_connect (list, "activate", G_CALLBACK (match_activated_cb), picker);
  return list;
}

static GtkWidget *
results_new (MandatePicker *picker)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No mandate matches."));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), matches_view_new (picker));
  gtk_widget_add_css_class (empty, "meeting-placeholder");
  gtk_stack_add_named (GTK_STACK (stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  picker->results = GTK_STACK (stack);
  return stack;
}

static void
picker_shown_cb (GtkPopover    *popover,
                 MandatePicker *picker)
{
  /* What is linked is left out: links may have changed since it was last open. */
  gtk_filter_changed (GTK_FILTER (picker->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (picker);
  gtk_widget_grab_focus (GTK_WIDGET (picker->search));
}

/* Made the first time the button is used: most agenda items never link. */
static void
create_picker_cb (GtkMenuButton *button,
                  gpointer       user_data)
{
  IcatMeetingEditor *self = user_data;
  MandatePicker *picker = g_new0 (MandatePicker, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  picker->button = GTK_WIDGET (button);
  picker->filter = gtk_custom_filter_new (mandate_matches, picker, NULL);
  picker->matches = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->mandates)),
                                               GTK_FILTER (picker->filter));
  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (picker->search), "mandate-search");
  g_object_set (picker->search, "placeholder-text", _("Document, paragraph or words"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search mandates"), -1);
  g_signal_connect (picker->search, "search-changed", G_CALLBACK (search_changed_cb), picker);
  g_signal_connect (picker->search, "activate", G_CALLBACK (search_activated_cb), picker);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));
  gtk_box_append (GTK_BOX (box), results_new (picker));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data_full (G_OBJECT (popover), "mandate-picker", picker, picker_free);
  g_signal_connect (popover, "show", G_CALLBACK (picker_shown_cb), picker);
  gtk_menu_button_set_popover (button, popover);
  /* Only once: from now on the button shows this popover. */
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

GtkWidget *
_icat_meeting_mandates_row_new (IcatMeetingEditor *self,
                                IcatAgendaItem    *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (_("Mandates"));
  GtkWidget *empty = gtk_label_new (_("No mandate linked."));
  GtkWidget *chips = gtk_flow_box_new ();
  GtkWidget *link = gtk_menu_button_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_name (row, "agenda-mandates");
  gtk_widget_add_css_class (box, "meeting-mandates-box");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 20);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chips), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_name (chips, "agenda-mandate-chips");
  gtk_widget_set_name (link, "agenda-link-mandate");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (link), _("Link Mandate…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Mandate…"), -1);
  gtk_widget_set_tooltip_text (link, _("Link a mandate this item answers to"));
  gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (link, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (link), create_picker_cb, self, NULL);
  g_object_set_data (G_OBJECT (chips), "link-button", link);
  item->mandate_chips = GTK_FLOW_BOX (chips);
  item->mandates_empty = empty;
  gtk_box_append (GTK_BOX (column), caption);
  gtk_box_append (GTK_BOX (column), empty);
  gtk_box_append (GTK_BOX (column), chips);
  gtk_box_append (GTK_BOX (box), column);
  gtk_box_append (GTK_BOX (box), link);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  show_links (self, item);
  return row;
}
