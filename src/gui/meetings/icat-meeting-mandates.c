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

#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-mandate-chip.h"
#include "icat-agenda-item-row.h"
#include "icat-meeting-editor-private.h"
#include "icat-record-picker.h"
#include "icat-fields.h"

/* The agenda item that holds a widget of the editor. */
static IcatAgendaItemRow *
item_of (GtkWidget          *widget,
         IcatMeetingEditor **editor)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ICAT_TYPE_MEETING_EDITOR);
  IcatMeetingEditor *self = ancestor ? ICAT_MEETING_EDITOR (ancestor) : NULL;

  *editor = self;
  return self ? _icat_meeting_agenda_item_get (_icat_meeting_child_of (widget, self->agenda_box)) : NULL;
}

static JsonArray *
item_mandates (IcatAgendaItemRow *item)
{
  JsonNode *mandates = icat_agenda_item_row_get_mandates (item);

  return mandates != NULL && JSON_NODE_HOLDS_ARRAY (mandates) ? json_node_get_array (mandates) : NULL;
}

static gboolean
item_links (IcatAgendaItemRow *item,
            const char        *id)
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

static void show_links (IcatMeetingEditor *self, IcatAgendaItemRow *item);

/* The ids without `removed`, with `added` at the end. */
static void
change_links (IcatMeetingEditor *self,
              IcatAgendaItemRow *item,
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
  icat_agenda_item_row_take_mandates (item, icat_json_normalized (node));
  show_links (self, item);
  _icat_meeting_editor_section_changed (self, SECTION_AGENDA);
}

/* Unlinking is a saved change of its own, so the toast's Undo takes back just that. */
static void
unlink_clicked_cb (GtkButton *button)
{
  IcatMeetingEditor *self;
  IcatAgendaItemRow *item = item_of (GTK_WIDGET (button), &self);
  GtkWidget *chip = gtk_widget_get_ancestor (GTK_WIDGET (button), ICAT_TYPE_MANDATE_CHIP);
  g_autofree char *id = g_strdup (icat_mandate_chip_get_mandate_id (ICAT_MANDATE_CHIP (chip)));
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
  next = gtk_flow_box_get_child_at_index (icat_agenda_item_row_get_mandate_chips (item), index);
  if (next == NULL && index > 0)
    next = gtk_flow_box_get_child_at_index (icat_agenda_item_row_get_mandate_chips (item), index - 1);
  if (next == NULL || !gtk_widget_child_focus (GTK_WIDGET (next), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (icat_agenda_item_row_get_link_button (item));
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
  GtkWidget *chip = icat_mandate_chip_new (id);
  GtkLabel *text = icat_mandate_chip_get_label (ICAT_MANDATE_CHIP (chip));
  GtkWidget *remove = icat_mandate_chip_get_remove_button (ICAT_MANDATE_CHIP (chip));

  gtk_label_set_label (text, label);
  if (mandate != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (text), icat_record_get_localized (mandate, ICAT_KEY_TEXT));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (unlink_clicked_cb), NULL);
  return chip;
}

static void
show_links (IcatMeetingEditor *self,
            IcatAgendaItemRow *item)
{
  JsonArray *ids = item_mandates (item);
  guint n = ids ? json_array_get_length (ids) : 0;
  GtkFlowBox *chips = icat_agenda_item_row_get_mandate_chips (item);
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (chips, 0)) != NULL)
    gtk_flow_box_remove (chips, GTK_WIDGET (child));
  for (guint i = 0; i < n; i++)
    {
      gtk_flow_box_append (chips, link_chip_new (self, json_array_get_string_element (ids, i)));
      child = gtk_flow_box_get_child_at_index (chips, i);
      /* Tab goes straight to the remove buttons. */
      gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (chips), n > 0);
  gtk_widget_set_visible (icat_agenda_item_row_get_mandates_empty (item), n == 0);
}

/* The popover that links one more: every mandate not linked yet. */

static gboolean
offers_cb (IcatRecord *mandate,
           gpointer    button)
{
  IcatMeetingEditor *self;
  IcatAgendaItemRow *item = item_of (button, &self);

  return item == NULL || !item_links (item, icat_record_get_id (mandate));
}

static void
chosen_cb (IcatRecord *mandate,
           gpointer    button)
{
  IcatMeetingEditor *self;
  IcatAgendaItemRow *item = item_of (button, &self);

  if (item != NULL && self->meeting != NULL)
    change_links (self, item, NULL, icat_record_get_id (mandate));
}

GtkWidget *
_icat_meeting_mandates_row_new (IcatMeetingEditor *self,
                                IcatAgendaItemRow *item)
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
  icat_record_picker_attach (GTK_MENU_BUTTON (link), self->mandates, offers_cb, chosen_cb, link);
  icat_agenda_item_row_set_mandate_widgets (item, GTK_FLOW_BOX (chips), empty, link);
  gtk_box_append (GTK_BOX (column), caption);
  gtk_box_append (GTK_BOX (column), empty);
  gtk_box_append (GTK_BOX (column), chips);
  gtk_box_append (GTK_BOX (box), column);
  gtk_box_append (GTK_BOX (box), link);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  show_links (self, item);
  return row;
}
