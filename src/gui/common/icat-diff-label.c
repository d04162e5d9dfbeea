/* icat-diff-label.c — two versions of a text shown as one, changes marked
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conflicts and a record's history both show what one version of the
 * minutes changed against another. Colour alone does not carry it (a
 * colour-blind reader, a printout of the screen): removed text is also
 * struck through and added text underlined.
 */
#define G_LOG_DOMAIN "icat-diff-label"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-diff-label.h"
#include "icat-text-diff.h"

char *
icat_diff_markup (const char *old_text,
                  const char *new_text)
{
  g_autoptr(GPtrArray) spans = icat_text_diff (old_text, new_text);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcatDiffSpan *span = spans->pdata[i];
      g_autofree char *escaped = g_markup_escape_text (span->text, -1);

      switch (span->kind)
        {
        case ICAT_DIFF_SAME:
          g_string_append (markup, escaped);
          break;
        case ICAT_DIFF_REMOVED:
          g_string_append_printf (markup, "<span strikethrough=\"true\" foreground=\"#c01c28\" "
                                  "background=\"#e01b2426\">%s</span>", escaped);
          break;
        case ICAT_DIFF_ADDED:
          g_string_append_printf (markup, "<span underline=\"single\" foreground=\"#26a269\" "
                                  "background=\"#2ec27e26\">%s</span>", escaped);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (markup, FALSE);
}

/* "Removed: … Added: …", the changes alone, for a screen reader. */
static char *
spoken_changes (const char *old_text,
                const char *new_text)
{
  g_autoptr(GPtrArray) spans = icat_text_diff (old_text, new_text);
  GString *spoken = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      IcatDiffSpan *span = spans->pdata[i];

      if (span->kind == ICAT_DIFF_SAME)
        continue;
      if (spoken->len > 0)
        g_string_append (spoken, " ");
      /* Translators: read out before text a change took out or put in. */
      g_string_append_printf (spoken, span->kind == ICAT_DIFF_REMOVED ? _("Removed: %s.") : _("Added: %s."),
                              span->text);
    }
  return g_string_free (spoken, FALSE);
}

GtkWidget *
icat_diff_label_new (const char *old_text,
                     const char *new_text)
{
  g_autofree char *markup = icat_diff_markup (old_text, new_text);
  g_autofree char *spoken = spoken_changes (old_text, new_text);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "icat-diff");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);
  return label;
}
