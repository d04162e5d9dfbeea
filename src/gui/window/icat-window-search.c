/* icat-window-search.c — Ctrl+F: every record, by any words in it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-search.h"
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

/* "Meeting · 2 May 2018", then the text around the match with the match
 * in bold: four meetings of one title are told apart by their dates and
 * by what was said at them. Every text is escaped; only the bold is markup. */
static char *
result_subtitle (IcatSearchHit *hit,
                 const char    *query)
{
  g_autofree char *kind = g_markup_escape_text (kind_label (hit->kind), -1);
  g_autofree char *when = g_markup_escape_text (hit->when, -1);
  g_autofree char *text = icat_search_markup (hit->text, query);
  g_autoptr(GString) subtitle = g_string_new (kind);

  if (*when != '\0')
    /* Translators: between the kind of a record found and its date: "Meeting · 2 May 2018" */
    g_string_append_printf (subtitle, _(" · %s"), when);
  if (*text != '\0')
    g_string_append_printf (subtitle, "\n%s", text);
  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static GtkWidget *
result_row_new (IcatSearchHit *hit,
                const char    *query)
{
  GtkWidget *row = icat_search_result_row_new (hit->kind, hit->id);
  g_autofree char *title = g_markup_escape_text (hit->title, -1);
  g_autofree char *subtitle = result_subtitle (hit, query);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icat_search_result_row_set_agenda_item_id (ICAT_SEARCH_RESULT_ROW (row), hit->agenda_item_id);
  return row;
}

/* What the search popover is waiting for. Kept on the window as object
 * data, so the window's own files need not know about it. */
typedef struct {
  GCancellable *cancellable;      /* the newest keystroke's search, or NULL */
  char         *text;             /* what it searches for */
  gboolean      open_first;       /* Enter came before its results */
} SearchState;

static void
search_state_free (SearchState *state)
{
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_free (state->text);
  g_free (state);
}

/* A closing window's last search is dropped, not shown in a list that is
 * going away. */
static void
window_destroyed_cb (IcatWindow  *self,
                     SearchState *state)
{
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
}

static SearchState *
search_state (IcatWindow *self)
{
  SearchState *state = g_object_get_data (G_OBJECT (self), "icat-window-search");

  if (state == NULL)
    {
      state = g_new0 (SearchState, 1);
      g_object_set_data_full (G_OBJECT (self), "icat-window-search", state, (GDestroyNotify) search_state_free);
      g_signal_connect (self, "destroy", G_CALLBACK (window_destroyed_cb), state);
    }
  return state;
}

static void
clear_results (IcatWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);
}

static void
show_results (IcatWindow *self,
              GPtrArray  *hits,
              const char *query)
{
  clear_results (self);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->search_results, result_row_new (hits->pdata[i], query));
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

typedef struct {
  GWeakRef      window;
  GCancellable *cancellable;  /* owned: which keystroke this was */
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_weak_ref_clear (&call->window);
  g_object_unref (call->cancellable);
  g_free (call);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchCall *call = user_data;
  g_autoptr(IcatWindow) self = g_weak_ref_get (&call->window);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  SearchState *state;

  hits = icat_store_search_finish (result, &error);
  state = self != NULL ? search_state (self) : NULL;
  /* Only the newest keystroke's results are shown; an older search that
   * finished before it was cancelled is dropped here. */
  if (state != NULL && call->cancellable == state->cancellable &&
      !g_cancellable_is_cancelled (call->cancellable))
    {
      g_clear_object (&state->cancellable);
      if (hits != NULL)
        show_results (self, hits, state->text);
      else
        icat_window_toast (self, error->message);
      if (state->open_first)
        {
          state->open_first = FALSE;
          search_activated_cb (self);
        }
    }
  search_call_free (call);
}

void
_icat_window_search_changed (IcatWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  SearchState *state = search_state (self);
  SearchCall *call;

  /* The entry says search-changed again for the same text (at Enter, or
   * when its delay ends): the search under way, and an Enter waiting for
   * it, go on. */
  if (state->cancellable != NULL && g_strcmp0 (state->text, text) == 0)
    return;
  /* The previous keystroke's search stops where it is. */
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  state->open_first = FALSE;
  if (*text == '\0')
    {
      clear_results (self);
      return;
    }

  /* The old results stay until the new ones come, so the list does not
   * flicker empty at every keystroke. */
  state->cancellable = g_cancellable_new ();
  g_free (state->text);
  state->text = g_strdup (text);
  call = g_new0 (SearchCall, 1);
  g_weak_ref_init (&call->window, self);
  call->cancellable = g_object_ref (state->cancellable);
  icat_store_search_async (self->store, text, MAX_RESULTS, state->cancellable, search_done_cb, call);
}

static gboolean
search_pending (IcatWindow *self)
{
  return search_state (self)->cancellable != NULL;
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
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;
  g_autofree char *agenda_item_id = NULL;

  /* "No results" is a row too, of nothing. */
  if (!ICAT_IS_SEARCH_RESULT_ROW (row))
    return;
  /* Closing the popover may take the row away: what it names is copied. */
  kind = g_strdup (icat_search_result_row_get_kind (ICAT_SEARCH_RESULT_ROW (row)));
  id = g_strdup (icat_search_result_row_get_id (ICAT_SEARCH_RESULT_ROW (row)));
  agenda_item_id = g_strdup (icat_search_result_row_get_agenda_item_id (ICAT_SEARCH_RESULT_ROW (row)));
  gtk_popover_popdown (gtk_menu_button_get_popover (self->search_button));
  if (agenda_item_id != NULL && g_str_equal (kind, "meeting"))
    icat_window_show_agenda_item (self, id, agenda_item_id);
  else
    icat_window_show_record (self, kind, id);
}

void
search_activated_cb (IcatWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  /* Enter opens the best match, once the last keystroke's results came. */
  if (search_pending (self))
    {
      search_state (self)->open_first = TRUE;
      return;
    }
  if (first != NULL)
    search_result_activated_cb (self, first);
}

void
search_popover_shown_cb (IcatWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
