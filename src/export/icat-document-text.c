/* icat-document-text.c — text as the documents set it, right to left in Arabic
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page writer does to a text before Pango lays it out: in a
 * right-to-left document, left-to-right phrases are isolated so they keep
 * their order, and lam-alef ligatures are written so PDF readers give
 * them back in order.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <string.h>

#include "icat-page-writer.h"

gboolean
icat_language_is_right_to_left (const char *language)
{
  static const char * const rtl[] = { "ar", "fa", "he", "ur" };

  if (language == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (g_str_has_prefix (language, rtl[i])
        && (language[strlen (rtl[i])] == '\0' || language[strlen (rtl[i])] == '-'
            || language[strlen (rtl[i])] == '_'))
      return TRUE;
  return FALSE;
}


static gboolean
joins_to_next (gunichar c)
{
  /* Arabic letters that never join the letter after them (ArabicShaping.txt:
   * hamza is non-joining, these are right-joining); the rest of 0620–064A
   * are dual-joining. */
  static const gunichar right_joining[] = {
    0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F, 0x0630, 0x0631, 0x0632, 0x0648,
  };

  if (c < 0x0620 || c > 0x064A)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (right_joining); i++)
    if (c == right_joining[i])
      return FALSE;
  return TRUE;
}

/* Lam followed by alef is drawn as one ligature glyph, whose text PDF
 * readers give back with the two letters swapped when they reorder
 * right-to-left lines. Written as the ligature's own presentation form, the
 * glyph looks the same and reads back as one character that Unicode
 * normalization (NFKC) turns into lam and alef in the right order. */
static char *
arabic_lam_alef_forms (const char *text)
{
  g_autoptr(GString) out = NULL;
  gunichar previous = 0;

  if (text == NULL || strstr (text, "\xd9\x84") == NULL)  /* no lam: nothing to do */
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = c == 0x0644 ? g_utf8_get_char (g_utf8_next_char (p)) : 0;
      gunichar isolated = 0;

      switch (next)
        {
        case 0x0622: isolated = 0xFEF5; break;
        case 0x0623: isolated = 0xFEF7; break;
        case 0x0625: isolated = 0xFEF9; break;
        case 0x0627: isolated = 0xFEFB; break;
        default: break;
        }
      if (isolated != 0)
        {
          /* The final form when the letter before joins on to it. */
          g_string_append_unichar (out, joins_to_next (previous) ? isolated + 1 : isolated);
          p = g_utf8_next_char (p);
          previous = next;
          continue;
        }
      g_string_append_unichar (out, c);
      /* Harakat sit on a letter and do not break the joining. */
      if (!(c >= 0x064B && c <= 0x065F) && c != 0x0670)
        previous = c;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_right_to_left_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_ARABIC:
      case G_UNICODE_SCRIPT_HEBREW:
      case G_UNICODE_SCRIPT_SYRIAC:
      case G_UNICODE_SCRIPT_THAANA:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

/* Letters written left to right: Latin, Cyrillic, Chinese… */
static gboolean
is_left_to_right_letter (gunichar c)
{
  if (!g_unichar_isalpha (c))
    return FALSE;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
      return FALSE;
    default:
      return TRUE;
    }
}

/* 0–9, as dates and references are written; Arabic-Indic digits belong
 * to the Arabic around them. */
static gboolean
is_western_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* What a left-to-right phrase inside Arabic is made of besides its letters
 * and digits: the spaces and punctuation of dates, times, titles and
 * references ("6 December 2026", "10:00 (Europe/Vienna)", "Working Group
 * meeting, June 2024", "A/RES/72/195"). Not a colon before a space ("المقرر
 * 1: The Working Group…" numbers a decision in Arabic) nor the brackets of
 * a record's number ("[51]"), which follow the Arabic sentence. */
static gboolean
is_phrase_character (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (c == ':')
    return is_western_digit (g_utf8_get_char (p + 1));
  return is_left_to_right_letter (c) || is_western_digit (c) ||
         (c < 0x80 && strchr (" ,./-'()&+#%", (int) c) != NULL) ||
         c == 0x00A0 || c == 0x202F || c == 0x2060 || c == 0x2013 || c == 0x2019 || c == 0x00B6;
}

/* Where the phrase starting at text (a letter or a digit) ends: before any
 * space or punctuation it ends with, keeping a closing parenthesis it
 * opened. */
static const char *
phrase_end (const char *text,
            gboolean   *has_letter)
{
  const char *end = text;
  int open = 0;

  *has_letter = FALSE;
  for (const char *p = text; *p != '\0' && is_phrase_character (p); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(')
        open++;
      else if (c == ')')
        open--;
      if (is_left_to_right_letter (c))
        *has_letter = TRUE;
      if (is_left_to_right_letter (c) || is_western_digit (c) || (c == ')' && open >= 0))
        end = g_utf8_next_char (p);
    }
  return end;
}

/* In a line of Arabic, the bidirectional algorithm orders a left-to-right
 * phrase's parts one by one: "في 6 December 2026" comes out with the day
 * right of "December 2026", as Arabic reads it, where a reader of the date
 * expects "6 December 2026" whole. Isolated (LRI … PDI), each phrase with a
 * letter written left to right keeps its own order and takes its place in
 * the line as one word; numbers alone ("الفقرة 8", "2015–2016") are left as
 * Arabic orders them. */
static char *
isolate_left_to_right_phrases (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gboolean has_letter;
      const char *end;

      if (!is_left_to_right_letter (c) && !is_western_digit (c))
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      end = phrase_end (p, &has_letter);
      if (has_letter)
        g_string_append (out, "\u2066");
      g_string_append_len (out, p, end - p);
      if (has_letter)
        g_string_append (out, "\u2069");
      p = end;
    }
  return g_string_free (out, FALSE);
}

char *
icat_text_isolate_left_to_right (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  /* A text with no right-to-left letter in it ("30 July 2016", an English
   * title) is read left to right as a whole, still right-aligned: set in the
   * right-to-left paragraph, its leading "30" would land right of "July
   * 2016". */
  if (!has_right_to_left_letter (text))
    return g_strconcat ("\u2066", text, "\u2069", NULL);
  return isolate_left_to_right_phrases (text);
}

char *
icat_text_unbroken (const char *text)
{
  int n_characters = text != NULL ? g_utf8_strlen (text, -1) : 0;
  g_autofree PangoLogAttr *attributes = g_new0 (PangoLogAttr, n_characters + 1);
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 1);
  const char *p = text;

  if (n_characters == 0)
    return g_string_free (out, FALSE);
  pango_get_log_attrs (text, -1, -1, pango_language_get_default (), attributes, n_characters + 1);
  for (int i = 0; i < n_characters; i++)
    {
      const char *next = g_utf8_next_char (p);

      if (i > 0 && attributes[i].is_line_break)
        g_string_append (out, "\u2060");
      g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

void
icat_layout_set_text (PangoLayout *layout,
                      const char  *text)
{
  g_autofree char *shaped = arabic_lam_alef_forms (text);
  g_autofree char *isolated = NULL;

  if (text == NULL)
    text = "";
  if (!pango_layout_get_auto_dir (layout) &&
      pango_context_get_base_dir (pango_layout_get_context (layout)) == PANGO_DIRECTION_RTL)
    isolated = icat_text_isolate_left_to_right (shaped != NULL ? shaped : text);
  pango_layout_set_text (layout, isolated != NULL ? isolated : shaped != NULL ? shaped : text, -1);
}

void
icat_layout_ellipsize_end (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  gsize length = strlen (text);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* A text isolated whole (it has no right-to-left letter: an English or
   * Chinese title in an Arabic plan) is cut at its own end, the right, but
   * Pango puts the ellipsis at the paragraph's end, the left:
   * "…Draft the Global Report on". As a left-to-right paragraph of its own
   * it reads "Draft the Global Report on…", still against the right margin:
   * Pango flips the alignment of a paragraph against the document's
   * direction when the direction is found from the text. */
  if (!pango_layout_get_auto_dir (layout) && length > 6 &&
      g_str_has_prefix (text, "\u2066") && g_str_has_suffix (text, "\u2069"))
    {
      g_autofree char *plain = g_strndup (text + 3, length - 6);

      pango_layout_set_auto_dir (layout, TRUE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, plain, -1);
    }
}

void
icat_layout_set_right_to_left (PangoLayout *layout)
{
  /* Every paragraph right to left, even one that starts with a Latin
   * acronym, so a line reads from the right margin as the rest do; Pango
   * flips the alignment only for paragraphs against the base direction. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
}

