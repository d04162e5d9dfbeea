/* icat-input.c — what is wrong with what was typed, in words
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-input"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "icat-format.h"
#include "icat-input.h"
#include "icat-schema.h"

static gboolean
digits_at (const char *text,
           gsize       start,
           gsize       count)
{
  for (gsize i = start; i < start + count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD in shape, whatever the numbers. */
static gboolean
looks_like_date (const char *text)
{
  gsize len = strlen (text);

  if (!(len == 4 || len == 7 || len == 10) || !digits_at (text, 0, 4))
    return FALSE;
  if (len >= 7 && (text[4] != '-' || !digits_at (text, 5, 2)))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !digits_at (text, 8, 2)))
    return FALSE;
  return TRUE;
}

static char *
month_length_problem (int year,
                      int month)
{
  g_autofree char *month_text = g_strdup_printf ("%04d-%02d", year, month);
  g_autofree char *month_name = icat_format_date (month_text);
  int days = g_date_get_days_in_month (month, year);

  /* Translators: a typed date's day does not exist, e.g.
   * "February 2026 has 28 days"; %s is the month and year, %d its days */
  return g_strdup_printf (ngettext ("%s has %d day", "%s has %d days", days), month_name, days);
}

char *
icat_input_date_problem (const char *text)
{
  int year, month, day;

  if (text == NULL || *text == '\0')
    return NULL;
  if (!looks_like_date (text))
    /* Translators: the three ways a date can be written; keep the digits */
    return g_strdup (_("Write the date as 2026-03-31, 2026-03 or 2026"));
  year = atoi (text);
  if (year < ICAT_YEAR_MIN || year > ICAT_YEAR_MAX)
    return g_strdup_printf (_("Write a year from %d to %d"), ICAT_YEAR_MIN, ICAT_YEAR_MAX);
  if (strlen (text) == 4)
    return NULL;
  month = atoi (text + 5);
  if (month < 1 || month > 12)
    return g_strdup (_("Write the month as 01 to 12"));
  if (strlen (text) == 7)
    return NULL;
  day = atoi (text + 8);
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    return month_length_problem (year, month);
  g_assert (icat_is_date (text));
  return NULL;
}

char *
icat_input_date_order_problem (const char *from,
                               const char *to)
{
  if (from == NULL || to == NULL || *from == '\0' || *to == '\0')
    return NULL;
  /* Partial dates compare as far as both go: 2026 is not before 2026-05. */
  if (strncmp (to, from, MIN (strlen (to), strlen (from))) < 0)
    return g_strdup (_("The end is before the start"));
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
icat_input_required_problem (const char *text,
                             const char *what)
{
  g_return_val_if_fail (what != NULL, NULL);
  return is_blank (text) ? g_strdup (what) : NULL;
}

char *
icat_input_title_problem (const char *text)
{
  return icat_input_required_problem (text, _("A title is needed"));
}

char *
icat_input_year_problem (const char *text,
                         int         min,
                         int         max)
{
  int year;

  if (text == NULL || *text == '\0')
    return NULL;
  year = strlen (text) == 4 && digits_at (text, 0, 4) ? atoi (text) : 0;
  if (year < min || year > max)
    /* Translators: a year out of range, e.g. "Write a year from 1990 to 2100" */
    return g_strdup_printf (_("Write a year from %d to %d"), min, max);
  return NULL;
}

/* http and https need a host: "https://" alone goes nowhere. */
static gboolean
is_complete_address (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (parsed == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';
  return TRUE;
}

char *
icat_input_link_problem (const char *text)
{
  g_autofree char *link = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *uri = NULL;
  gboolean path = g_path_is_absolute (link);

  for (const char *p = link; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A file's name may hold spaces; an address never does. */
      if (g_unichar_iscntrl (c) || (!path && g_unichar_isspace (c)))
        return g_strdup (_("A web address cannot contain spaces"));
    }
  if (*link == '\0' || path)
    return NULL;
  uri = g_uri_peek_scheme (link) != NULL ? g_strdup (link) : g_strconcat ("https://", link, NULL);
  if (!is_complete_address (uri))
    /* Translators: keep the example address as it is */
    return g_strdup (_("Write a whole address, such as https://icat.un.org/, or a file’s full path"));
  return NULL;
}

/* Some mail programs attach the file a mailto: names ("attach=",
 * "attachment="): that opens a local file too. The words of the message
 * (subject=, body=) may say "attach" freely. */
static gboolean
names_attachment (const char *mailto)
{
  const char *query = strchr (mailto, '?');
  g_auto(GStrv) fields = query ? g_strsplit (query + 1, "&", -1) : NULL;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      /* "%61ttach" is "attach" to a mail program. */
      g_autofree char *name = g_uri_unescape_string (fields[i], NULL);

      if (name == NULL || g_ascii_strncasecmp (name, "attach", strlen ("attach")) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
icat_input_link_opens_directly (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  if (scheme == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return !names_attachment (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

char *
icat_input_not_saved_message (const char *field,
                              const char *title,
                              const char *problem)
{
  g_return_val_if_fail (field != NULL && problem != NULL, NULL);
  if (title == NULL || *title == '\0')
    /* Translators: a toast after leaving a record: "The due date was not
     * saved: February 2026 has 28 days" */
    return g_strdup_printf (_("The %s was not saved: %s"), field, problem);
  /* Translators: a toast after leaving a record: "The due date of “Draft
   * the paper” was not saved: February 2026 has 28 days". To reorder, use
   * %1$s (the field), %2$s (the record's title) and %3$s (the reason). */
  return g_strdup_printf (_("The %s of “%s” was not saved: %s"), field, title, problem);
}

char *
icat_input_not_saved_list_message (const char         *title,
                                   const char * const *fields)
{
  guint n;
  g_autofree char *names = NULL;

  g_return_val_if_fail (fields != NULL && fields[0] != NULL, NULL);
  n = g_strv_length ((char **) fields);
  /* Translators: joins the fields named in "2 fields of “…” were not
   * saved: title, due date" */
  names = g_strjoinv (_(", "), (char **) fields);
  if (title == NULL || *title == '\0')
    /* Translators: a toast after leaving a record, "2 fields were not
     * saved: title, due date" */
    return g_strdup_printf (ngettext ("%u field was not saved: %s", "%u fields were not saved: %s", n), n, names);
  /* Translators: a toast after leaving a record, "2 fields of “Draft the
   * paper” were not saved: title, due date" */
  return g_strdup_printf (ngettext ("%u field of “%s” was not saved: %s", "%u fields of “%s” were not saved: %s", n),
                          n, title, names);
}
