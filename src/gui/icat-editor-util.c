/* icat-editor-util.c — what every record editor does with its fields
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-editor-util.h"

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
