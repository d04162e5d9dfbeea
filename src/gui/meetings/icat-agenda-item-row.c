/* icat-agenda-item-row.c — one agenda item in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include "icat-agenda-item-row.h"

struct _IcatAgendaItemRow {
  AdwBin          parent_instance;

  /* Template widgets */
  GtkListBox     *list;
  AdwEntryRow    *title_row;
  GtkWidget      *drag_handle;
  AdwComboRow    *presenter_row;
  GtkTextView    *minutes_view;
  GtkSwitch      *continue_switch;

  /* Borrowed: in the mandates row, which list holds */
  GtkFlowBox     *mandate_chips;
  GtkWidget      *mandates_empty;
  GtkWidget      *link_button;

  /* Owned */
  char           *item_id;
  char           *saved_title;
  JsonNode       *mandates;
};

G_DEFINE_FINAL_TYPE (IcatAgendaItemRow, icat_agenda_item_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_SAVED_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
icat_agenda_item_row_constructed (GObject *object)
{
  IcatAgendaItemRow *self = ICAT_AGENDA_ITEM_ROW (object);

  G_OBJECT_CLASS (icat_agenda_item_row_parent_class)->constructed (object);
  if (self->item_id == NULL)
    self->item_id = g_uuid_string_random ();
}

static void
icat_agenda_item_row_finalize (GObject *object)
{
  IcatAgendaItemRow *self = ICAT_AGENDA_ITEM_ROW (object);

  g_free (self->item_id);
  g_free (self->saved_title);
  g_clear_pointer (&self->mandates, json_node_unref);
  G_OBJECT_CLASS (icat_agenda_item_row_parent_class)->finalize (object);
}

static void
icat_agenda_item_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IcatAgendaItemRow *self = ICAT_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_SAVED_TITLE:
      g_value_set_string (value, self->saved_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agenda_item_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IcatAgendaItemRow *self = ICAT_AGENDA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;
    case PROP_SAVED_TITLE:
      icat_agenda_item_row_set_saved_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agenda_item_row_class_init (IcatAgendaItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = icat_agenda_item_row_constructed;
  object_class->finalize = icat_agenda_item_row_finalize;
  object_class->get_property = icat_agenda_item_row_get_property;
  object_class->set_property = icat_agenda_item_row_set_property;

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVED_TITLE] =
    g_param_spec_string ("saved-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/icattracker/Tracker/meetings/icat-agenda-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, list);
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, IcatAgendaItemRow, continue_switch);
}

static void
icat_agenda_item_row_init (IcatAgendaItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_agenda_item_row_new (const char *item_id)
{
  return g_object_new (ICAT_TYPE_AGENDA_ITEM_ROW, "item-id", item_id, NULL);
}

const char *
icat_agenda_item_row_get_item_id (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->item_id;
}

const char *
icat_agenda_item_row_get_saved_title (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->saved_title;
}

void
icat_agenda_item_row_set_saved_title (IcatAgendaItemRow *self,
                                      const char        *saved_title)
{
  g_return_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self));
  if (g_strcmp0 (self->saved_title, saved_title) == 0)
    return;
  g_free (self->saved_title);
  self->saved_title = g_strdup (saved_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_TITLE]);
}

JsonNode *
icat_agenda_item_row_get_mandates (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->mandates;
}

void
icat_agenda_item_row_take_mandates (IcatAgendaItemRow *self,
                                    JsonNode          *mandates)
{
  g_return_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self));
  g_clear_pointer (&self->mandates, json_node_unref);
  self->mandates = mandates;
}

GtkListBox *
icat_agenda_item_row_get_list (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->list;
}

AdwEntryRow *
icat_agenda_item_row_get_title_row (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->title_row;
}

GtkWidget *
icat_agenda_item_row_get_drag_handle (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->drag_handle;
}

AdwComboRow *
icat_agenda_item_row_get_presenter_row (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->presenter_row;
}

GtkTextBuffer *
icat_agenda_item_row_get_minutes (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return gtk_text_view_get_buffer (self->minutes_view);
}

GtkSwitch *
icat_agenda_item_row_get_continue_switch (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->continue_switch;
}

void
icat_agenda_item_row_set_mandate_widgets (IcatAgendaItemRow *self,
                                          GtkFlowBox        *chips,
                                          GtkWidget         *empty,
                                          GtkWidget         *link_button)
{
  g_return_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self));
  self->mandate_chips = chips;
  self->mandates_empty = empty;
  self->link_button = link_button;
}

GtkFlowBox *
icat_agenda_item_row_get_mandate_chips (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->mandate_chips;
}

GtkWidget *
icat_agenda_item_row_get_mandates_empty (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->mandates_empty;
}

GtkWidget *
icat_agenda_item_row_get_link_button (IcatAgendaItemRow *self)
{
  g_return_val_if_fail (ICAT_IS_AGENDA_ITEM_ROW (self), NULL);
  return self->link_button;
}
