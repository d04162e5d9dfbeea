/* icat-editor-util.c — what every record editor does with its fields
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "icat-editor-util.h"
#include "icat-schema.h"

void
icat_editable_show_text (GtkEditable *editable,
                         const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  /* Turning undo off clears the field's history. */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, text ? text : "");
  gtk_editable_set_enable_undo (editable, TRUE);
}

char *
icat_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
icat_text_view_show_text (GtkTextView *view,
                          const char  *text)
{
  g_autofree char *current = icat_text_view_get_text (view);

  if (g_strcmp0 (current, text ? text : "") == 0)
    return;
  /* Not an interactive edit: it clears the buffer's undo history. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

guint
icat_enum_index (const char * const *values,
                 const char         *value,
                 guint               fallback)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return fallback;
}

GtkStringList *
icat_enum_labels (const char * const *values,
                  const char       *(*label) (const char *value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return list;
}

typedef struct {
  AdwEntryRow   *row;       /* borrowed: the three live in one template */
  GtkMenuButton *button;
  GtkCalendar   *calendar;
} DatePicker;

static void
day_selected_cb (GtkCalendar *calendar,
                 DatePicker  *picker)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (picker->row), text);
  gtk_menu_button_popdown (picker->button);
}

static void
picker_shown_cb (GtkPopover *popover,
                 DatePicker *picker)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (picker->row));
  g_autoptr(GDateTime) day = NULL;

  if (strlen (text) == 10 && icat_is_date (text))
    day = g_date_time_new_local (atoi (text), atoi (text + 5), atoi (text + 8), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  /* Showing the row's date is not choosing it. */
  g_signal_handlers_block_by_func (picker->calendar, day_selected_cb, picker);
  gtk_calendar_select_day (picker->calendar, day);
  g_signal_handlers_unblock_by_func (picker->calendar, day_selected_cb, picker);
}

void
icat_date_picker_attach (AdwEntryRow   *row,
                         GtkMenuButton *button,
                         GtkCalendar   *calendar)
{
  DatePicker *picker = g_new0 (DatePicker, 1);

  picker->row = row;
  picker->button = button;
  picker->calendar = calendar;
  g_signal_connect (gtk_menu_button_get_popover (button), "show", G_CALLBACK (picker_shown_cb), picker);
  g_signal_connect_data (calendar, "day-selected", G_CALLBACK (day_selected_cb), picker,
                         (GClosureNotify) g_free, 0);
}

char *
icat_typed_link_uri (const char *text)
{
  g_autofree char *link = g_strstrip (g_strdup (text ? text : ""));

  if (*link == '\0')
    return NULL;
  if (g_path_is_absolute (link))
    return g_filename_to_uri (link, NULL, NULL);
  if (g_uri_peek_scheme (link) != NULL)
    return g_steal_pointer (&link);
  return g_strconcat ("https://", link, NULL);
}

void
icat_open_typed_link (GtkWidget  *widget,
                      const char *text)
{
  g_autofree char *uri = icat_typed_link_uri (text);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}
