/* icat-import-error.c — an import's error worded for the person importing
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core names the place of a problem as a developer reads it: a JSON
 * path ("$.action_items[12].due") or json-glib's "LINE:COLUMN:". A person
 * who opens the file in an editor counts records from one and looks for
 * a line, so the dialog says "Action item 13, field “due”" or "Line 3,
 * column 14".
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "icat-import-error.h"

/* "Action item 13": the record's kind and its place in its list,
 * counted from one. */
static char *
record_words (const char *plural,
              guint       number)
{
  if (g_str_equal (plural, "meetings"))
    return g_strdup_printf (_("Meeting %u"), number);
  if (g_str_equal (plural, "action_items"))
    return g_strdup_printf (_("Action item %u"), number);
  if (g_str_equal (plural, "papers"))
    return g_strdup_printf (_("Paper %u"), number);
  if (g_str_equal (plural, "mandates"))
    return g_strdup_printf (_("Mandate %u"), number);
  if (g_str_equal (plural, "agencies"))
    return g_strdup_printf (_("Agency %u"), number);
  if (g_str_equal (plural, "chair_terms"))
    return g_strdup_printf (_("Chair term %u"), number);
  if (g_str_equal (plural, "work_plans"))
    return g_strdup_printf (_("Work plan %u"), number);
  /* Translators: a list of the file the app has no word for, and an entry of it: "“foo” entry 3" */
  return g_strdup_printf (_("“%s” entry %u"), plural, number);
}

static void
append_part (GString    *words,
             const char *part)
{
  if (words->len > 0)
    /* Translators: between the parts of a place in a file: "Meeting 3, field “title”" */
    g_string_append (words, _(", "));
  g_string_append (words, part);
}

/* The field names seen since the last index, as one part: field “title.en”. */
static void
flush_field (GString *words,
             GString *field)
{
  g_autofree char *part = NULL;

  if (field->len == 0)
    return;
  /* Translators: a field of a record in the file: "field “due”" */
  part = g_strdup_printf (_("field “%s”"), field->str);
  append_part (words, part);
  g_string_truncate (field, 0);
}

/* "$.action_items[12].due" as "Action item 13, field “due”"; NULL when
 * path is not one. A list's entry right after the top level is a record;
 * deeper, the entry of the list named just before it. */
static char *
path_words (const char *path)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = path + 1;
  gboolean top = TRUE;

  if (path[0] != '$')
    return NULL;
  while (*p != '\0')
    {
      if (*p == '.')
        {
          gsize length = strcspn (p + 1, ".[");

          if (length == 0)
            return NULL;
          if (field->len > 0)
            g_string_append_c (field, '.');
          g_string_append_len (field, p + 1, length);
          p += 1 + length;
        }
      else if (*p == '[' && g_ascii_isdigit (p[1]))
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);
          g_autofree char *entry = NULL;

          if (*end != ']' || field->len == 0 || index >= G_MAXUINT)
            return NULL;
          if (top)
            entry = record_words (field->str, (guint) index + 1);
          else
            entry = g_strdup_printf (_("“%s” entry %u"), field->str, (guint) index + 1);
          g_string_truncate (field, 0);
          append_part (words, entry);
          top = FALSE;
          p = end + 1;
        }
      else
        return NULL;
    }
  flush_field (words, field);
  if (words->len == 0)
    /* Translators: a problem with the file as a whole, not a part of it */
    return g_strdup (_("The whole file"));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* "3:14: rest": the place as a person reads it, and rest. */
static char *
line_column_words (const char  *text,
                   const char **rest)
{
  char *end = NULL;
  guint64 line, column;

  if (!g_ascii_isdigit (*text))
    return NULL;
  line = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return NULL;
  column = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != ':')
    return NULL;
  *rest = end + 1;
  /* Translators: where in a file a problem is: "Line 3, column 14" */
  return g_strdup_printf (_("Line %u, column %u"), (guint) MIN (line, G_MAXUINT), (guint) MIN (column, G_MAXUINT));
}

char *
icat_import_error_place (const char  *message,
                         const char  *file_name,
                         char       **problem)
{
  const char *rest;
  char *place;

  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  *problem = NULL;
  if (file_name == NULL || *file_name == '\0' || !g_str_has_prefix (message, file_name) ||
      message[strlen (file_name)] != ':')
    {
      *problem = g_strdup (message);
      return NULL;
    }
  rest = message + strlen (file_name) + 1;
  place = line_column_words (rest, &rest);
  if (place == NULL)
    {
      const char *colon;

      while (*rest == ' ')
        rest++;
      colon = strstr (rest, ": ");
      if (colon != NULL && *rest == '$')
        {
          g_autofree char *path = g_strndup (rest, colon - rest);

          place = path_words (path);
          if (place != NULL)
            rest = colon + 1;
        }
    }
  while (*rest == ' ')
    rest++;
  *problem = g_strdup (rest);
  return place;
}

char *
icat_import_error_describe (const char *message,
                            const char *file_name)
{
  g_autofree char *problem = NULL;
  g_autofree char *place = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (message != NULL, NULL);

  place = icat_import_error_place (message, file_name, &problem);
  if (file_name != NULL)
    /* Translators: the first line of the dialog when a file cannot be imported */
    g_string_append_printf (text, _("“%s” cannot be imported as it is.\n\n"), file_name);
  if (place != NULL)
    {
      /* Translators: where in the file the problem is: "Where: Action item 13, field “due”" */
      g_string_append_printf (text, _("Where: %s"), place);
      g_string_append_c (text, '\n');
    }
  /* Translators: what is wrong in the file: "Problem: must be a date like 2026, 2026-11 or 2026-11-23" */
  g_string_append_printf (text, _("Problem: %s"), problem);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Nothing in the database was changed."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
