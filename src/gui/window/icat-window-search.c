/* icat-window-search.c — Ctrl+F: every record, by any words in it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-search-result-row.h"
#include "icat-window-private.h"

#define MAX_RESULTS 50

static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, "meeting"))
    return _("Meeting");
  if (g_str_equal (kind, "action_item"))
    return _("Action item");
  if (g_str_equal (kind, "paper"))
    return _("Paper");
  if (g_str_equal (kind, "mandate"))
    return _("Mandate");
  if (g_str_equal (kind, "chair_term"))
    return _("Chair term");
  if (g_str_equal (kind, "work_plan"))
    return _("Work plan");
  return _("Agency");
}

static GtkWidget *
result_row_new (IcatSearchHit *hit)
{
  GtkWidget *row = icat_search_result_row_new (hit->kind, hit->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (hit->kind));
  return row;
}

void
_icat_window_search_changed (IcatWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);
  if (*text == '\0')
    return;

  hits = icat_store_search (self->store, text, MAX_RESULTS, &error);
  if (hits == NULL)
    {
      icat_window_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->search_results, result_row_new (hits->pdata[i]));
  if (hits->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No results"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->search_results, none);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (none)), FALSE);
    }
}

void
search_changed_cb (IcatWindow *self)
{
  _icat_window_search_changed (self);
}

void
search_result_activated_cb (IcatWindow    *self,
                            GtkListBoxRow *row)
{
  const char *kind;
  g_autofree char *id = NULL;

  /* "No results" is a row too, of nothing. */
  if (!ICAT_IS_SEARCH_RESULT_ROW (row))
    return;
  kind = icat_search_result_row_get_kind (ICAT_SEARCH_RESULT_ROW (row));
  id = g_strdup (icat_search_result_row_get_id (ICAT_SEARCH_RESULT_ROW (row)));
  gtk_popover_popdown (gtk_menu_button_get_popover (self->search_button));
  icat_window_show_record (self, kind, id);
}

void
search_activated_cb (IcatWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  /* Enter opens the best match. */
  if (first != NULL)
    search_result_activated_cb (self, first);
}

void
search_popover_shown_cb (IcatWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
