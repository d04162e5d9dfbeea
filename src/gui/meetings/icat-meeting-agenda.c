/* icat-meeting-agenda.c — a meeting's agenda, minutes and decisions
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each agenda item is an IcatAgendaItemRow in agenda_box, a boxed list of
 * its title (with a drag handle), presenter, linked mandates, minutes and
 * buttons. The order of the items is the order saved; moving one, by drag, by button or by Alt+Up and
 * Alt+Down, moves the widgets themselves, so the text being typed and its
 * focus go along.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-choice.h"
#include "icat-agenda-item-row.h"
#include "icat-decision-row.h"
#include "icat-editor-util.h"
#include "icat-meeting-editor-private.h"
#include "icat-schema.h"

/* Agenda items */

IcatAgendaItemRow *
_icat_meeting_agenda_item_get (GtkWidget *box)
{
  return box != NULL && ICAT_IS_AGENDA_ITEM_ROW (box) ? ICAT_AGENDA_ITEM_ROW (box) : NULL;
}

/* Whether the exchange format lets an agenda item go without a title. */
static gboolean
agenda_title_required (void)
{
  const IcatField *agenda = icat_kind_lookup_field (icat_schema_lookup ("meeting"), ICAT_KEY_AGENDA);
  const IcatField *title = agenda && agenda->child ? icat_kind_lookup_field (agenda->child, ICAT_KEY_TITLE) : NULL;

  return title == NULL || (title->flags & ICAT_FIELD_REQUIRED) != 0;
}

/* The title to save: what is typed, never a placeholder. A blank title
 * is saved as none where the format allows it; where it does not, the
 * item keeps the title it was saved with, and an item never saved with
 * one is not saved (NULL) until it has one. Once the item holds anything
 * (or was saved), the row says so in words. */
static char *
agenda_title (IcatAgendaItemRow *item,
              gboolean           has_content)
{
  AdwEntryRow *title_row = icat_agenda_item_row_get_title_row (item);
  g_autofree char *title = _icat_meeting_stripped_text (title_row);
  const char *saved_title = icat_agenda_item_row_get_saved_title (item);
  gboolean required = agenda_title_required ();
  gboolean untitled = *title == '\0' && required && (has_content || saved_title != NULL);

  icat_row_show_problem (GTK_WIDGET (title_row),
                         untitled ? _("A title is needed to save this agenda item") : NULL);
  if (*title != '\0')
    {
      icat_agenda_item_row_set_saved_title (item, title);
      return g_steal_pointer (&title);
    }
  if (!required)
    return g_strdup ("");
  return g_strdup (saved_title);
}

JsonNode *
_icat_meeting_agenda_to_json (IcatMeetingEditor *self)
{
  JsonArray *agenda = json_array_new ();
  gint64 position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcatAgendaItemRow *item = _icat_meeting_agenda_item_get (child);
      GtkTextBuffer *buffer = icat_agenda_item_row_get_minutes (item);
      JsonNode *mandates = icat_agenda_item_row_get_mandates (item);
      JsonObject *object;
      GtkTextIter start, end;
      g_autofree char *minutes = NULL;
      g_autofree char *title = NULL;
      const char *presenter = _icat_meeting_editor_agency_at (self, icat_agency_choice_get_selected (icat_agenda_item_row_get_presenter_row (item)));

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      minutes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      title = agenda_title (item, *minutes != '\0' || presenter != NULL || mandates != NULL);
      if (title == NULL)
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_ID, icat_agenda_item_row_get_item_id (item));
      json_object_set_int_member (object, ICAT_KEY_POSITION, position++);
      json_object_set_member (object, ICAT_KEY_TITLE, _icat_meeting_string_node (title));
      json_object_set_member (object, ICAT_KEY_PRESENTER, _icat_meeting_string_node (presenter));
      json_object_set_member (object, ICAT_KEY_MINUTES, _icat_meeting_string_node (minutes));
      if (mandates != NULL)
        json_object_set_member (object, ICAT_KEY_MANDATES, icat_json_normalized (mandates));
      json_object_set_boolean_member (object, ICAT_KEY_CONTINUE_NEXT,
                                      gtk_switch_get_active (icat_agenda_item_row_get_continue_switch (item)));
      json_array_add_object_element (agenda, object);
    }
  return _icat_meeting_array_node (agenda);
}

static GtkWidget *
agenda_item_box (IcatMeetingEditor *self,
                 gpointer           widget)
{
  return _icat_meeting_child_of (GTK_WIDGET (widget), self->agenda_box);
}

void
_icat_meeting_agenda_update (IcatMeetingEditor *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcatAgendaItemRow *item = _icat_meeting_agenda_item_get (child);
      g_autofree char *title = g_strdup_printf (_("Item %u"), ++n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (icat_agenda_item_row_get_title_row (item)), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_empty), n == 0);
}

/* Reordering */

/* Puts an agenda item where another one is, shifting those between. */
static void
move_agenda_item (IcatMeetingEditor *self,
                  GtkWidget         *box,
                  GtkWidget         *onto)
{
  gboolean down = FALSE;

  if (box == NULL || onto == NULL || box == onto)
    return;
  for (GtkWidget *w = gtk_widget_get_next_sibling (box); w != NULL; w = gtk_widget_get_next_sibling (w))
    down |= w == onto;
  gtk_box_reorder_child_after (self->agenda_box, box, down ? onto : gtk_widget_get_prev_sibling (onto));
  _icat_meeting_editor_section_changed (self, SECTION_AGENDA);
}

static void
move_agenda_item_by_one (IcatMeetingEditor *self,
                         GtkWidget         *box,
                         gboolean           up)
{
  if (box != NULL)
    move_agenda_item (self, box, up ? gtk_widget_get_prev_sibling (box) : gtk_widget_get_next_sibling (box));
}

static void
move_up_clicked_cb (GtkButton         *button,
                    IcatMeetingEditor *self)
{
  move_agenda_item_by_one (self, agenda_item_box (self, button), TRUE);
}

static void
move_down_clicked_cb (GtkButton         *button,
                      IcatMeetingEditor *self)
{
  move_agenda_item_by_one (self, agenda_item_box (self, button), FALSE);
}

/* Alt+Up and Alt+Down move the item that holds the focus. */
void
_icat_meeting_agenda_move_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL)
    move_agenda_item_by_one (self, agenda_item_box (self, focus), g_str_equal (action_name, "agenda.move-up"));
}

static GdkContentProvider *
agenda_drag_prepare_cb (GtkDragSource     *source,
                        double             x,
                        double             y,
                        IcatMeetingEditor *self)
{
  GtkWidget *box = agenda_item_box (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  IcatAgendaItemRow *item = _icat_meeting_agenda_item_get (box);

  return item ? gdk_content_provider_new_typed (G_TYPE_STRING, icat_agenda_item_row_get_item_id (item)) : NULL;
}

static void
agenda_drag_begin_cb (GtkDragSource     *source,
                      GdkDrag           *drag,
                      IcatMeetingEditor *self)
{
  GtkWidget *box = agenda_item_box (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (box);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
agenda_drop_cb (GtkDropTarget     *target,
                const GValue      *value,
                double             x,
                double             y,
                IcatMeetingEditor *self)
{
  GtkWidget *onto = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *id = g_value_get_string (value);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (icat_agenda_item_row_get_item_id (_icat_meeting_agenda_item_get (child)), id) == 0)
      {
        move_agenda_item (self, child, onto);
        return TRUE;
      }
  return FALSE;
}

/* The rows of an agenda item */

static void
agenda_changed_cb (IcatMeetingEditor *self)
{
  _icat_meeting_editor_section_changed (self, SECTION_AGENDA);
}

/* Fills the title, presenter, minutes and "Continue at Next Meeting" of the
 * row's template and follows them. */
static void
agenda_fields_init (IcatMeetingEditor *self,
                    IcatAgendaItemRow *item,
                    JsonObject        *data)
{
  AdwEntryRow *title_row = icat_agenda_item_row_get_title_row (item);
  AdwComboRow *presenter = icat_agenda_item_row_get_presenter_row (item);
  GtkTextBuffer *minutes = icat_agenda_item_row_get_minutes (item);
  GtkSwitch *continue_switch = icat_agenda_item_row_get_continue_switch (item);
  GtkDragSource *drag = gtk_drag_source_new ();
  const char *title = icat_json_get_string (data, ICAT_KEY_TITLE);
  const char *text = icat_json_get_string (data, ICAT_KEY_MINUTES);

  gtk_editable_set_text (GTK_EDITABLE (title_row), title ? title : "");
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (agenda_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (agenda_drag_begin_cb), self);
  gtk_widget_add_controller (icat_agenda_item_row_get_drag_handle (item), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_swapped (title_row, "changed", G_CALLBACK (agenda_changed_cb), self);
  icat_agency_choice_attach (presenter, G_LIST_MODEL (self->agency_names), self->agency_ids, 0, self->former_agencies);
  icat_agency_choice_set_selected (presenter, _icat_meeting_editor_agency_index (self, icat_json_get_string (data, ICAT_KEY_PRESENTER)));
  g_signal_connect_swapped (presenter, "notify::selected", G_CALLBACK (agenda_changed_cb), self);
  gtk_text_buffer_set_text (minutes, text ? text : "", -1);
  g_signal_connect_object (minutes, "changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_switch_set_active (continue_switch,
                         data != NULL && json_object_get_boolean_member_with_default (data, ICAT_KEY_CONTINUE_NEXT,
                                                                                      FALSE));
  g_signal_connect_swapped (continue_switch, "notify::active", G_CALLBACK (agenda_changed_cb), self);
}

static void
remove_agenda_item_clicked_cb (GtkButton         *button,
                               IcatMeetingEditor *self)
{
  _icat_meeting_editor_remove_element (self, SECTION_AGENDA, agenda_item_box (self, button),
                                       _("Agenda item removed"));
}

static GtkWidget *
agenda_buttons_row_new (IcatMeetingEditor *self,
                        IcatAgendaItemRow *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *action = gtk_button_new_with_mnemonic (_("New _Action Item"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up = _icat_meeting_icon_button_new ("go-up-symbolic", _("Move Up"), "agenda-move-up");
  GtkWidget *down = _icat_meeting_icon_button_new ("go-down-symbolic", _("Move Down"), "agenda-move-down");
  GtkWidget *remove = _icat_meeting_icon_button_new ("user-trash-symbolic", _("Remove Agenda Item"), "agenda-remove");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (box, "meeting-agenda-buttons");
  gtk_widget_set_name (action, "agenda-new-action-item");
  gtk_widget_add_css_class (action, "flat");
  /* The meetings view makes action items: it shows them afterwards. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (action), "meetings.new-action-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (action), g_variant_new_string (icat_agenda_item_row_get_item_id (item)));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_tooltip_text (up, _("Move Up (Alt+Up)"));
  gtk_widget_set_tooltip_text (down, _("Move Down (Alt+Down)"));
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_agenda_item_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), action);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
agenda_item_new (IcatMeetingEditor *self,
                 JsonObject        *data)
{
  GtkWidget *row = icat_agenda_item_row_new (icat_json_get_string (data, ICAT_KEY_ID));
  IcatAgendaItemRow *item = ICAT_AGENDA_ITEM_ROW (row);
  GtkListBox *list = icat_agenda_item_row_get_list (item);
  JsonNode *mandates = data ? json_object_get_member (data, ICAT_KEY_MANDATES) : NULL;
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  icat_agenda_item_row_set_saved_title (item, icat_json_get_string (data, ICAT_KEY_TITLE));
  icat_agenda_item_row_take_mandates (item, icat_json_normalized (mandates));
  agenda_fields_init (self, item, data);
  /* Between the presenter and the minutes, as the template leaves room for. */
  gtk_list_box_insert (list, _icat_meeting_mandates_row_new (self, item), 2);
  gtk_list_box_append (list, agenda_buttons_row_new (self, item));
  g_signal_connect (drop, "drop", G_CALLBACK (agenda_drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

/* Whether the agenda on screen has the items of agenda, in its order,
 * with the same mandates: then it is filled in place. */
static gboolean
agenda_fits (IcatMeetingEditor *self,
             JsonArray         *agenda)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child), i++)
    {
      IcatAgendaItemRow *item = _icat_meeting_agenda_item_get (child);
      JsonObject *data;

      if (agenda == NULL || i >= json_array_get_length (agenda))
        return FALSE;
      data = json_array_get_object_element (agenda, i);
      if (g_strcmp0 (icat_agenda_item_row_get_item_id (item), icat_json_get_string (data, ICAT_KEY_ID)) != 0 ||
          !_icat_meeting_json_same (icat_agenda_item_row_get_mandates (item),
                                    json_object_get_member (data, ICAT_KEY_MANDATES)))
        return FALSE;
    }
  return agenda == NULL || i == json_array_get_length (agenda);
}

/* Text changed under the cursor keeps the cursor where it was, as far as
 * the new text reaches: the person typing is not thrown to the end. */
static void
set_minutes_in_place (GtkTextBuffer *buffer,
                      const char    *text)
{
  GtkTextIter start, end, cursor;
  g_autofree char *old = NULL;
  int offset;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  old = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (old, text) == 0)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
  gtk_text_buffer_place_cursor (buffer, &cursor);
}

static void
set_title_in_place (AdwEntryRow *row,
                    const char  *text)
{
  int position = gtk_editable_get_position (GTK_EDITABLE (row));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (gtk_widget_has_focus (GTK_WIDGET (row)) || gtk_widget_is_focus (GTK_WIDGET (row)))
    gtk_editable_set_position (GTK_EDITABLE (row), MIN (position, (int) g_utf8_strlen (text, -1)));
}

static void
agenda_item_fill (IcatMeetingEditor *self,
                  IcatAgendaItemRow *item,
                  JsonObject        *data)
{
  const char *title = icat_json_get_string (data, ICAT_KEY_TITLE);
  const char *minutes = icat_json_get_string (data, ICAT_KEY_MINUTES);
  AdwComboRow *presenter = icat_agenda_item_row_get_presenter_row (item);
  guint presenter_index = _icat_meeting_editor_agency_index (self, icat_json_get_string (data, ICAT_KEY_PRESENTER));
  GtkSwitch *continue_switch = icat_agenda_item_row_get_continue_switch (item);
  gboolean continue_next = json_object_get_boolean_member_with_default (data, ICAT_KEY_CONTINUE_NEXT, FALSE);

  icat_agenda_item_row_set_saved_title (item, title);
  set_title_in_place (icat_agenda_item_row_get_title_row (item), title ? title : "");
  if (icat_agency_choice_get_selected (presenter) != presenter_index)
    icat_agency_choice_set_selected (presenter, presenter_index);
  set_minutes_in_place (icat_agenda_item_row_get_minutes (item), minutes ? minutes : "");
  if (gtk_switch_get_active (continue_switch) != continue_next)
    gtk_switch_set_active (continue_switch, continue_next);
}

/* Filled in place where the items are the same ones (a change from
 * elsewhere to their texts), so that focus and cursor stay; built anew
 * otherwise. */
void
_icat_meeting_agenda_load (IcatMeetingEditor *self,
                           JsonArray         *agenda)
{
  if (gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box)) != NULL && agenda_fits (self, agenda))
    {
      guint i = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        agenda_item_fill (self, _icat_meeting_agenda_item_get (child), json_array_get_object_element (agenda, i++));
      return;
    }
  _icat_meeting_clear_box (self->agenda_box);
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    gtk_box_append (self->agenda_box, agenda_item_new (self, json_array_get_object_element (agenda, i)));
}

/* Where box is in the editor's scrolled content: FALSE while it has no
 * place yet (a box just added is laid out at the next frame). */
static gboolean
box_place (GtkWidget         *box,
           IcatMeetingEditor **editor,
           double            *top,
           double            *height)
{
  IcatMeetingEditor *self = ICAT_MEETING_EDITOR (gtk_widget_get_ancestor (box, ICAT_TYPE_MEETING_EDITOR));
  GtkWidget *viewport = self ? gtk_scrolled_window_get_child (self->scroller) : NULL;
  graphene_rect_t bounds;

  if (viewport == NULL || gtk_widget_get_height (box) == 0 ||
      !gtk_widget_compute_bounds (box, viewport, &bounds))
    return FALSE;
  *editor = self;
  *top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller)) + bounds.origin.y;
  *height = bounds.size.height;
  return TRUE;
}

/* Set, not animated (gtk_adjustment_clamp_page): the person is already
 * looking for the item. */
static void
scroll_to_place (IcatMeetingEditor *self,
                 double             top,
                 double             height)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadjustment);
  double page = gtk_adjustment_get_page_size (vadjustment);

  if (top < value)
    gtk_adjustment_set_value (vadjustment, top);
  else if (top + MIN (height, page) > value + page)
    gtk_adjustment_set_value (vadjustment, top + MIN (height, page) - page);
}

/* Looks every 50 ms, for up to 10 s, since the first layout of a long
 * agenda can take seconds on a slow machine; once the box has a place it
 * follows it until the place has not moved for half a second, as the rows
 * above it may still grow. Scrolling by the person leaves the box's place
 * in the content as it is, so it is never undone. */
#define SCROLL_INTERVAL_MS 50
#define SCROLL_TRIES 200
#define SCROLL_SETTLED 10

typedef struct {
  GWeakRef box;
  guint    tries;
  guint    settled;
  double   top;     /* where it was scrolled to, or -1 */
} ScrollWait;

static void
scroll_wait_free (ScrollWait *wait)
{
  g_weak_ref_clear (&wait->box);
  g_free (wait);
}

/* A timeout, not a tick callback: a frame clock with nothing else to draw
 * may not tick again before the box is placed. */
static gboolean
scroll_wait_cb (gpointer data)
{
  ScrollWait *wait = data;
  g_autoptr(GtkWidget) box = g_weak_ref_get (&wait->box);
  IcatMeetingEditor *self = NULL;
  double top, height;

  if (box == NULL || ++wait->tries >= SCROLL_TRIES)
    return G_SOURCE_REMOVE;
  if (!box_place (box, &self, &top, &height))
    return G_SOURCE_CONTINUE;
  if (top != wait->top)
    {
      scroll_to_place (self, top, height);
      wait->top = top;
      wait->settled = 0;
      return G_SOURCE_CONTINUE;
    }
  return ++wait->settled >= SCROLL_SETTLED ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
scroll_to_box (GtkWidget *box)
{
  ScrollWait *wait = g_new0 (ScrollWait, 1);

  g_weak_ref_init (&wait->box, box);
  wait->top = -1;
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, SCROLL_INTERVAL_MS, scroll_wait_cb, wait, (GDestroyNotify) scroll_wait_free);
}

GtkWidget *
_icat_meeting_agenda_add (IcatMeetingEditor *self)
{
  GtkWidget *box = agenda_item_new (self, NULL);

  gtk_box_append (self->agenda_box, box);
  scroll_to_box (box);
  return GTK_WIDGET (icat_agenda_item_row_get_title_row (_icat_meeting_agenda_item_get (box)));
}

gboolean
icat_meeting_editor_show_agenda_item (IcatMeetingEditor *self,
                                      const char        *item_id)
{
  g_return_val_if_fail (ICAT_IS_MEETING_EDITOR (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcatAgendaItemRow *item = _icat_meeting_agenda_item_get (child);

      if (item != NULL && g_strcmp0 (icat_agenda_item_row_get_item_id (item), item_id) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (icat_agenda_item_row_get_title_row (item)));
          scroll_to_box (child);
          return TRUE;
        }
    }
  return FALSE;
}

/* Decisions */

JsonNode *
_icat_meeting_decisions_to_json (IcatMeetingEditor *self)
{
  JsonArray *decisions = json_array_new ();
  GtkListBoxRow *row;
  gint64 number = 1;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->decisions_list, i)) != NULL; i++)
    {
      g_autofree char *text = _icat_meeting_stripped_text (row);
      JsonObject *object;

      /* A decision is saved once it says something. */
      if (*text == '\0')
        continue;
      object = json_object_new ();
      json_object_set_string_member (object, ICAT_KEY_ID, icat_decision_row_get_decision_id (ICAT_DECISION_ROW (row)));
      json_object_set_int_member (object, ICAT_KEY_NUMBER, number++);
      json_object_set_string_member (object, ICAT_KEY_TEXT, text);
      json_array_add_object_element (decisions, object);
    }
  return _icat_meeting_array_node (decisions);
}

void
_icat_meeting_decisions_update (IcatMeetingEditor *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->decisions_list, i)) != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Decision %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

static void
decisions_changed_cb (IcatMeetingEditor *self)
{
  _icat_meeting_editor_section_changed (self, SECTION_DECISIONS);
}

static void
remove_decision_clicked_cb (GtkButton         *button,
                            IcatMeetingEditor *self)
{
  _icat_meeting_editor_remove_element (self, SECTION_DECISIONS,
                                       _icat_meeting_child_of (GTK_WIDGET (button), self->decisions_list),
                                       _("Decision removed"));
}

static GtkWidget *
decision_row_new (IcatMeetingEditor *self,
                  JsonObject        *data)
{
  GtkWidget *row = icat_decision_row_new (icat_json_get_string (data, ICAT_KEY_ID));
  const char *text = icat_json_get_string (data, ICAT_KEY_TEXT);

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect (icat_decision_row_get_remove_button (ICAT_DECISION_ROW (row)), "clicked",
                    G_CALLBACK (remove_decision_clicked_cb), self);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (decisions_changed_cb), self);
  return row;
}

void
_icat_meeting_decisions_load (IcatMeetingEditor *self,
                              JsonArray         *decisions)
{
  _icat_meeting_clear_list (self->decisions_list);
  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    gtk_list_box_append (self->decisions_list,
                         decision_row_new (self, json_array_get_object_element (decisions, i)));
}

GtkWidget *
_icat_meeting_decisions_add (IcatMeetingEditor *self)
{
  GtkWidget *row = decision_row_new (self, NULL);

  gtk_list_box_append (self->decisions_list, row);
  return row;
}

/* For tests */

guint
_icat_meeting_editor_get_n_agenda (IcatMeetingEditor *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

GtkWidget *
_icat_meeting_editor_get_agenda_item (IcatMeetingEditor *self,
                                      guint              index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box));

  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

GtkWidget *
_icat_meeting_editor_get_decision (IcatMeetingEditor *self,
                                   guint              index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->decisions_list, index));
}
