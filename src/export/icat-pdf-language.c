/* icat-pdf-language.c — a PDF that says its language
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screen reader reads a PDF in the language its catalog's /Lang names,
 * and cairo 1.16 has no way to set it. Once cairo has finished the file,
 * an incremental update (PDF 1.7, 7.5.6) rewrites the catalog with /Lang
 * added: the catalog object again, a cross-reference section for it alone
 * and a trailer whose /Prev points to cairo's. Everything cairo wrote
 * stays as it is.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "icat-error.h"
#include "icat-pdf-language.h"

/* The trailer, its cross-reference and its end are in the last bytes. */
#define TAIL_LENGTH 4096

static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize at = length; at >= needle_length; at--)
    if (memcmp (data + at - needle_length, needle, needle_length) == 0)
      return data + at - needle_length;
  return NULL;
}

static const char *
find_first (const char *data,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize at = 0; at + needle_length <= length; at++)
    if (memcmp (data + at, needle, needle_length) == 0)
      return data + at;
  return NULL;
}

/* The number after key ("/Root 12 0 R" → 12, and 0 in generation). */
static gboolean
read_number_after (const char *text,
                   const char *key,
                   guint64    *number,
                   guint64    *generation)
{
  const char *at = strstr (text, key);
  char *end = NULL;

  if (at == NULL)
    return FALSE;
  at += strlen (key);
  *number = g_ascii_strtoull (at, &end, 10);
  if (end == at)
    return FALSE;
  if (generation != NULL)
    {
      at = end;
      *generation = g_ascii_strtoull (at, &end, 10);
      if (end == at)
        return FALSE;
    }
  return TRUE;
}

/* The dictionary between "<<" and its last ">>", without them, trimmed. */
static char *
dictionary_inside (const char *start,
                   const char *end)
{
  g_autofree char *text = g_strstrip (g_strndup (start, end - start));
  gsize length = strlen (text);

  if (!g_str_has_prefix (text, "<<") || length < 4 || !g_str_has_suffix (text, ">>"))
    return NULL;
  return g_strstrip (g_strndup (text + 2, length - 4));
}

static gboolean
is_language_tag (const char *tag)
{
  if (tag == NULL || *tag == '\0')
    return FALSE;
  for (const char *c = tag; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

static gboolean
not_like_cairo (GError **error)
{
  g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_INVALID,
                       "The PDF does not end as cairo ends one: its language is not added");
  return FALSE;
}

gboolean
icat_pdf_add_language (GByteArray  *pdf,
                       const char  *tag,
                       GError     **error)
{
  const char *data = (const char *) pdf->data;
  gsize tail_start = pdf->len > TAIL_LENGTH ? pdf->len - TAIL_LENGTH : 0;
  const char *startxref, *trailer, *object, *object_end;
  g_autofree char *trailer_text = NULL;
  g_autofree char *trailer_inside = NULL;
  g_autofree char *catalog_inside = NULL;
  g_autofree char *object_header = NULL;
  g_autoptr(GString) update = g_string_new (NULL);
  guint64 previous_xref, root, root_generation, size;
  gsize catalog_offset, xref_offset;

  g_return_val_if_fail (pdf != NULL, FALSE);

  if (!is_language_tag (tag))
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "“%s” is not a language tag", tag ? tag : "");
      return FALSE;
    }
  startxref = find_last (data + tail_start, pdf->len - tail_start, "startxref");
  trailer = startxref ? find_last (data + tail_start, startxref - data - tail_start, "trailer") : NULL;
  if (trailer == NULL)
    return not_like_cairo (error);
  previous_xref = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  trailer_text = g_strndup (trailer + strlen ("trailer"), startxref - trailer - strlen ("trailer"));
  trailer_inside = dictionary_inside (trailer_text, trailer_text + strlen (trailer_text));
  /* An update of an update would need /Prev replaced; cairo writes none. */
  if (previous_xref == 0 || trailer_inside == NULL || strstr (trailer_inside, "/Prev") != NULL
      || !read_number_after (trailer_inside, "/Root", &root, &root_generation)
      || !read_number_after (trailer_inside, "/Size", &size, NULL) || root >= size)
    return not_like_cairo (error);

  /* The catalog, written last before the cross-reference. */
  object_header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj",
                                   root, root_generation);
  object = find_last (data, previous_xref < pdf->len ? previous_xref : pdf->len, object_header);
  if (object == NULL)
    return not_like_cairo (error);
  object += strlen (object_header);
  object_end = find_first (object, data + pdf->len - object, "endobj");
  catalog_inside = object_end ? dictionary_inside (object, object_end) : NULL;
  if (catalog_inside == NULL || strstr (catalog_inside, "/Type /Catalog") == NULL)
    return not_like_cairo (error);
  if (strstr (catalog_inside, "/Lang") != NULL)
    return TRUE;

  if (pdf->len > 0 && pdf->data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  catalog_offset = pdf->len + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj\n<< %s\n   /Lang (%s)\n>>\nendobj\n",
                          root, root_generation, catalog_inside, tag);
  xref_offset = pdf->len + update->len;
  /* Each entry is exactly 20 bytes, its end of line included. */
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " %05" G_GUINT64_FORMAT " n \n",
                          root, catalog_offset, root_generation);
  g_string_append_printf (update, "trailer\n<< %s\n   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          trailer_inside, previous_xref, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}
