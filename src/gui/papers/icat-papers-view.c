/* icat-papers-view.c — the Papers section: a board of joint papers by stage
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One column per stage, proposed to published, each a lazy IcatRecordList
 * filtered by status in SQL. A paper published more than a year ago
 * leaves the board for the archive, a lazy list of its own beside it, so
 * that years of published papers do not fill the board and push the
 * papers still at work out of sight. A card moves to the next stage in one saved
 * change (its button, or Alt+→ on the focused card), which Undo in the
 * toast takes back. Choosing a card opens the editor beside the board; the
 * editor is made when the first paper opens, since most visits only look.
 */
#define G_LOG_DOMAIN "icat-papers-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "icat-clearance.h"
#include "icat-endorsement-reason.h"
#include "icat-first-page.h"
#include "icat-format.h"
#include "icat-list-detail.h"
#include "icat-paper-card.h"
#include "icat-paper-editor.h"
#include "icat-papers-view.h"
#include "icat-record-create.h"
#include "icat-record-factory.h"
#include "icat-record-list.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"

#define N_STAGES 5
/* The archive is one more list after the board's columns. */
#define ARCHIVE N_STAGES
/* The shortest a paper card is: how many fill the screen at the first frame. */
#define MIN_CARD_HEIGHT 170

typedef struct {
  IcatPapersView     *view;       /* borrowed: the owner of this struct */
  const char         *status;     /* NULL for the archive */
  IcatRecordList     *papers;     /* owned */
  GtkSingleSelection *selection;  /* owned */
  GtkSliceListModel  *cards;      /* borrowed from selection */
  GtkWidget          *lane;       /* borrowed: widgets of the board (NULL for the archive) */
  GtkListView        *list;
  GtkLabel           *count;
  GtkStack           *stack;
} Column;

struct _IcatPapersView {
  AdwBin              parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *board_page;
  GtkDropDown        *kind_dropdown;
  GtkLabel           *summary_label;
  GtkToggleButton    *board_button;
  GtkToggleButton    *archive_button;
  GtkStack           *pages;
  GtkScrolledWindow  *board_scroller;
  GtkBox             *board;
  GtkListView        *archive_list;
  GtkWidget          *editor_separator;
  AdwBin             *editor_bin;

  /* Borrowed */
  IcatPaperEditor    *editor;     /* NULL until a paper is first opened */

  /* Owned */
  IcatListDetail     *list_detail;
  IcatStore          *store;
  Column              columns[N_STAGES + 1];  /* the board's, then the archive */
  char               *archive_cutoff;  /* "YYYY-MM-DD": archived if published before */
  gboolean            selecting;  /* selections changed by code, not by a person */
  Column             *to_reveal;  /* scrolled into view once laid out */
  guint               reveal_source;
  guint               reveal_papers_source;
};

G_DEFINE_FINAL_TYPE (IcatPapersView, icat_papers_view, ADW_TYPE_BIN)

/* Rules, without a display {{{ */

const char *
icat_paper_next_status (const char *status)
{
  for (guint i = 0; icat_paper_statuses[i] != NULL; i++)
    if (g_strcmp0 (icat_paper_statuses[i], status) == 0)
      return icat_paper_statuses[i + 1];
  return NULL;
}

gboolean
icat_paper_is_overdue (JsonObject *paper,
                       const char *today)
{
  const char *target = icat_json_get_string (paper, ICAT_KEY_TARGET_DATE);
  const char *status = icat_json_get_string (paper, ICAT_KEY_STATUS);

  if (target == NULL || today == NULL || g_strcmp0 (status, "published") == 0)
    return FALSE;
  /* "2026-05" is past once May is: compared as far as the target goes. */
  return strncmp (target, today, strlen (target)) < 0;
}

char *
icat_paper_archive_cutoff (const char *today)
{
  guint year, month, day;
  g_autoptr(GDate) date = NULL;

  if (today == NULL || strlen (today) != 10 || sscanf (today, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year) || year < 2)
    return NULL;
  date = g_date_new_dmy (day, month, year);
  /* 29 February goes back to the 28th. */
  g_date_subtract_years (date, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* }}} */
/* Opening papers {{{ */

static void editor_paper_changed_cb (IcatPapersView *self);

static IcatPaperEditor *
ensure_editor (IcatPapersView *self)
{
  GtkWidget *editor;

  if (self->editor != NULL)
    return self->editor;
  editor = icat_paper_editor_new (self->store);
  self->editor = ICAT_PAPER_EDITOR (editor);
  adw_bin_set_child (self->editor_bin, editor);
  icat_list_detail_bind_folded (self->list_detail, editor, "folded");
  g_signal_connect_object (editor, "notify::paper-id", G_CALLBACK (editor_paper_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self->editor;
}

/* The open paper's id, or NULL. */
static const char *
open_paper_id (IcatPapersView *self)
{
  return self->editor != NULL ? icat_paper_editor_get_paper_id (self->editor) : NULL;
}

static void
show_paper (gpointer    view,
            const char *id)
{
  IcatPapersView *self = view;

  if (id != NULL || self->editor != NULL)
    icat_paper_editor_set_paper (ensure_editor (self), id);
}

static const char *
shown_paper (gpointer view)
{
  return open_paper_id (view);
}

static void
open_paper (IcatPapersView *self,
            const char     *id)
{
  icat_list_detail_open (self->list_detail, id);
}

/* Scrolls the board sideways until the lane is in view. */
static gboolean
reveal_lane (gpointer data)
{
  IcatPapersView *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  self->reveal_source = 0;
  if (self->to_reveal == NULL ||
      !gtk_widget_compute_bounds (self->to_reveal->lane, GTK_WIDGET (self->board), &bounds))
    return G_SOURCE_REMOVE;
  /* The board's own coordinates are those of the scrolled content. */
  if (bounds.origin.x < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.x - 12);
  else if (bounds.origin.x + bounds.size.width > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.x + bounds.size.width - page + 12);
  self->to_reveal = NULL;
  return G_SOURCE_REMOVE;
}

static void
queue_reveal (IcatPapersView *self,
              Column         *column)
{
  self->to_reveal = column;
  if (self->reveal_source == 0)
    self->reveal_source = g_timeout_add (50, reveal_lane, self);
}

static void
show_archive (IcatPapersView *self,
              gboolean        archive)
{
  gtk_toggle_button_set_active (archive ? self->archive_button : self->board_button, TRUE);
}

/* Selects the paper's card in its column, and no other; the board or the
 * archive, whichever holds it, is shown. */
static void
select_card (IcatPapersView *self,
             const char     *id)
{
  self->selecting = TRUE;
  for (guint i = 0; i <= ARCHIVE; i++)
    {
      Column *column = &self->columns[i];
      guint position = GTK_INVALID_LIST_POSITION;

      if (id != NULL)
        {
          icat_first_page_show_all (column->cards);
          position = icat_record_list_find_position (column->papers, id);
        }
      gtk_single_selection_set_selected (column->selection, position);
      if (position != GTK_INVALID_LIST_POSITION)
        {
          show_archive (self, i == ARCHIVE);
          gtk_widget_activate_action (GTK_WIDGET (column->list), "list.scroll-to-item", "u", position);
          if (column->lane != NULL)
            queue_reveal (self, column);
        }
    }
  self->selecting = FALSE;
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      Column             *column)
{
  IcatPapersView *self = column->view;
  IcatRecord *paper = gtk_single_selection_get_selected_item (selection);

  if (self->selecting || paper == NULL)
    return;
  select_card (self, icat_record_get_id (paper));
  if (g_strcmp0 (icat_record_get_id (paper), open_paper_id (self)) != 0)
    open_paper (self, icat_record_get_id (paper));
}

static void
card_activated_cb (GtkListView *list,
                   guint        position,
                   Column      *column)
{
  icat_list_detail_activate (column->view->list_detail, G_LIST_MODEL (column->papers), position);
}

void
icat_papers_view_show_paper (IcatPapersView *self,
                             const char     *id)
{
  g_return_if_fail (ICAT_IS_PAPERS_VIEW (self));
  g_return_if_fail (id != NULL);

  open_paper (self, id);
  if (open_paper_id (self) == NULL)
    {
      icat_toast (GTK_WIDGET (self), _("This paper no longer exists."));
      return;
    }
  select_card (self, id);
}

static void
editor_paper_changed_cb (IcatPapersView *self)
{
  if (icat_paper_editor_get_paper_id (self->editor) != NULL)
    return;
  select_card (self, NULL);
  icat_list_detail_shown_changed (self->list_detail);
}

static void
close_editor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatPapersView *self = ICAT_PAPERS_VIEW (widget);

  icat_list_detail_close (self->list_detail);
}

/* Whether some column with papers is in view: all of it, or as much as
 * the view has room for (a sliver of a column shows no paper). */
static gboolean
papers_in_sight (IcatPapersView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  for (guint i = 0; i < N_STAGES; i++)
    {
      graphene_rect_t bounds;
      double shown;

      if (g_list_model_get_n_items (G_LIST_MODEL (self->columns[i].papers)) == 0 ||
          !gtk_widget_compute_bounds (self->columns[i].lane, GTK_WIDGET (self->board), &bounds))
        continue;
      shown = MIN (bounds.origin.x + bounds.size.width, value + page) - MAX (bounds.origin.x, value);
      if (shown >= MIN (bounds.size.width, page) - 1)
        return TRUE;
    }
  return FALSE;
}

/* Empty stages must not hide the papers off to one side: when no column
 * in view has papers, the first that has comes into view. */
static gboolean
reveal_papers (gpointer data)
{
  IcatPapersView *self = data;

  self->reveal_papers_source = 0;
  if (open_paper_id (self) != NULL || papers_in_sight (self))
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < N_STAGES; i++)
    if (g_list_model_get_n_items (G_LIST_MODEL (self->columns[i].papers)) > 0)
      {
        queue_reveal (self, &self->columns[i]);
        break;
      }
  return G_SOURCE_REMOVE;
}

/* Once laid out with the new counts. */
static void
queue_reveal_papers (IcatPapersView *self)
{
  if (self->reveal_papers_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reveal_papers_source = g_timeout_add (50, reveal_papers, self);
}

/* The board, the archive or their empty states, as the toggle and the
 * counts say; and how many papers the page shows. */
static void
update_page (IcatPapersView *self)
{
  gboolean archive = gtk_toggle_button_get_active (self->archive_button);
  guint shown = 0;
  g_autofree char *summary = NULL;

  if (archive)
    shown = g_list_model_get_n_items (G_LIST_MODEL (self->columns[ARCHIVE].papers));
  else
    for (guint i = 0; i < N_STAGES; i++)
      shown += g_list_model_get_n_items (G_LIST_MODEL (self->columns[i].papers));
  if (archive)
    gtk_stack_set_visible_child_name (self->pages, shown > 0 ? "archive" : "archive-empty");
  else
    gtk_stack_set_visible_child_name (self->pages, shown > 0 ? "board" : "board-empty");
  if (archive)
    summary = g_strdup_printf (ngettext ("%u paper in the archive", "%u papers in the archive", shown), shown);
  else
    summary = g_strdup_printf (ngettext ("%u paper", "%u papers", shown), shown);
  gtk_label_set_label (self->summary_label, summary);
}

static void
page_toggled_cb (IcatPapersView *self)
{
  /* The template sets the toggle before the lists exist. */
  if (self->columns[ARCHIVE].papers != NULL)
    update_page (self);
}

static void
show_archive_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_archive (ICAT_PAPERS_VIEW (widget), TRUE);
}

/* A moved paper's card is selected again in its new column. */
static void
papers_changed_cb (IcatPapersView *self)
{
  const char *id = open_paper_id (self);

  for (guint i = 0; i < N_STAGES; i++)
    {
      Column *column = &self->columns[i];
      guint n = g_list_model_get_n_items (G_LIST_MODEL (column->papers));
      g_autofree char *count = g_strdup_printf ("%u", n);

      gtk_label_set_label (column->count, count);
      gtk_stack_set_visible_child_name (column->stack, n > 0 ? "list" : "empty");
    }
  update_page (self);
  if (id != NULL)
    select_card (self, id);
  else
    queue_reveal_papers (self);
}

/* A year before today: the day moves on while the window stays open. */
static void
update_archive_cutoff (IcatPapersView *self)
{
  g_autofree char *today = icat_today_string ();

  g_free (self->archive_cutoff);
  self->archive_cutoff = icat_paper_archive_cutoff (today);
  icat_record_list_set_filter (self->columns[N_STAGES - 1].papers, ICAT_FILTER_ON_BOARD, self->archive_cutoff);
  icat_record_list_set_filter (self->columns[ARCHIVE].papers, ICAT_FILTER_ARCHIVED, self->archive_cutoff);
}

/* }}} */
/* Moving to the next stage {{{ */

typedef struct {
  IcatPapersView *view;
  char           *message;
} Moving;

static void
moving_free (Moving *moving)
{
  g_object_unref (moving->view);
  g_free (moving->message);
  g_free (moving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Moving, moving_free)

static void
advanced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Moving) moving = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save_finish (ICAT_STORE (source), result, &error);

  if (id == NULL)
    icat_toast (GTK_WIDGET (moving->view), error->message);
  else
    gtk_widget_activate_action (GTK_WIDGET (moving->view), "win.toast-undo", "s", moving->message);
}

/* Moves paper to next, with the reason for endorsing it despite an
 * objection when one was asked for. */
static void
save_advance (IcatPapersView *self,
              IcatRecord     *paper,
              const char     *next,
              const char     *reason)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  const char *id = icat_record_get_id (paper);
  Moving *moving;

  /* What was typed into it lands first: saves are written in order. */
  if (g_strcmp0 (open_paper_id (self), id) == 0)
    icat_paper_editor_flush (self->editor);
  json_object_set_string_member (changes, ICAT_KEY_ID, id);
  json_object_set_string_member (changes, ICAT_KEY_STATUS, next);
  json_object_set_null_member (changes, ICAT_KEY_TARGET_DATE);
  if (reason != NULL)
    json_object_set_string_member (changes, ICAT_KEY_ENDORSEMENT_REASON, reason);
  if (g_str_equal (next, "published"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = icat_today_string ();

      if (icat_record_get_string (paper, ICAT_KEY_PUBLISHED_ON) == NULL)
        json_object_set_string_member (changes, ICAT_KEY_PUBLISHED_ON, today);
      if (icat_record_get_int (paper, ICAT_KEY_YEAR, 0) <= 0)
        json_object_set_int_member (changes, ICAT_KEY_YEAR, g_date_time_get_year (now));
    }
  moving = g_new0 (Moving, 1);
  moving->view = g_object_ref (self);
  /* Translators: a toast after a paper moved a stage: “Title” moved to Drafting */
  moving->message = g_strdup_printf (_("“%s” moved to %s"), icat_record_get_title (paper),
                                     icat_format_enum (ICAT_KEY_STATUS, next));
  icat_store_save_async (self->store, "paper", changes, NULL, advanced_cb, moving);
}

typedef struct {
  IcatPapersView *view;
  IcatRecord     *paper;
} Endorsing;

static void
endorsing_free (gpointer data)
{
  Endorsing *endorsing = data;

  g_object_unref (endorsing->view);
  g_object_unref (endorsing->paper);
  g_free (endorsing);
}

static void
endorsement_reason_given (const char *reason,
                          gpointer    user_data)
{
  Endorsing *endorsing = user_data;

  /* Cancelled: the paper stays where it is. */
  if (reason != NULL)
    save_advance (endorsing->view, endorsing->paper, "wg-endorsement", reason);
}

/* The open paper is judged as its editor shows it: an objection chosen
 * there and not yet written by the autosave is written before the move
 * (save_advance flushes it), so the reason must be asked for now, not
 * refused by the store afterwards. */
static gboolean
endorsement_needs_reason (IcatPapersView *self,
                          IcatRecord     *paper)
{
  if (g_strcmp0 (open_paper_id (self), icat_record_get_id (paper)) == 0)
    return icat_paper_editor_endorsement_needs_reason (self->editor);
  return icat_paper_endorsement_needs_reason (icat_record_get_data (paper));
}

void
icat_papers_view_advance (IcatPapersView *self,
                          const char     *id)
{
  g_autoptr(IcatRecord) paper = NULL;
  const char *next;
  Endorsing *endorsing;

  g_return_if_fail (ICAT_IS_PAPERS_VIEW (self));
  g_return_if_fail (id != NULL);

  paper = icat_store_lookup (self->store, "paper", id);
  next = paper ? icat_paper_next_status (icat_record_get_string (paper, ICAT_KEY_STATUS)) : NULL;
  if (next == NULL)
    return;
  if (!g_str_equal (next, "wg-endorsement") || !endorsement_needs_reason (self, paper))
    {
      save_advance (self, paper, next, NULL);
      return;
    }
  endorsing = g_new0 (Endorsing, 1);
  endorsing->view = g_object_ref (self);
  endorsing->paper = g_object_ref (paper);
  icat_endorsement_reason_ask (GTK_WIDGET (self), icat_record_get_title (paper),
                               endorsement_reason_given, endorsing, endorsing_free);
}

/* The card that has the keyboard focus, or holds it: its paper's id. */
static const char *
focused_paper (IcatPapersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *card = widget;

      /* A list row has the focus; the card is its child. */
      if (!ICAT_IS_PAPER_CARD (card) && GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
        card = gtk_widget_get_first_child (widget);
      if (ICAT_IS_PAPER_CARD (card))
        return icat_paper_card_get_paper_id (ICAT_PAPER_CARD (card));
    }
  return NULL;
}

/* Alt+→ moves the focused card on; under a right-to-left layout the
 * board runs leftwards, and so does the key. The parameter says which
 * arrow was pressed: TRUE for →. */
static void
advance_focused_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcatPapersView *self = ICAT_PAPERS_VIEW (widget);
  gboolean rightwards = g_variant_get_boolean (parameter);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  const char *id = focused_paper (self);

  if (id != NULL && rightwards != rtl)
    icat_papers_view_advance (self, id);
}

/* }}} */
/* A new paper {{{ */

static void
paper_created (GtkWidget  *view,
               const char *id,
               gpointer    user_data)
{
  IcatPapersView *self = ICAT_PAPERS_VIEW (view);

  if (self->store == NULL)
    return;
  icat_papers_view_show_paper (self, id);
  icat_paper_editor_focus_title (ensure_editor (self));
}

void
icat_papers_view_new_paper (IcatPapersView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JsonObject) paper = json_object_new ();
  JsonObject *title = json_object_new ();

  g_return_if_fail (ICAT_IS_PAPERS_VIEW (self));
  json_object_set_string_member (title, icat_user_language (), _("New paper"));
  json_object_set_string_member (paper, ICAT_KEY_KIND, "policy-paper");
  json_object_set_object_member (paper, ICAT_KEY_TITLE, title);
  json_object_set_string_member (paper, ICAT_KEY_STATUS, "proposed");
  json_object_set_int_member (paper, ICAT_KEY_YEAR, g_date_time_get_year (now));
  icat_record_create (self->store, "paper", paper, GTK_WIDGET (self), paper_created, NULL);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  icat_papers_view_new_paper (ICAT_PAPERS_VIEW (widget));
}

/* }}} */
/* The board {{{ */

static void
kind_selected_cb (IcatPapersView *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *kind = position > 0 && position != GTK_INVALID_LIST_POSITION ? icat_paper_kinds[position - 1] : NULL;

  for (guint i = 0; i <= ARCHIVE; i++)
    icat_record_list_set_filter (self->columns[i].papers, ICAT_FILTER_KIND, kind);
}

static void
setup_kind_filter (IcatPapersView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char *[]) { _("All kinds"), NULL });

  for (guint i = 0; icat_paper_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, icat_format_enum (ICAT_KEY_KIND, icat_paper_kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
}

static GtkWidget *
column_header_new (Column *column)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (icat_format_enum (ICAT_KEY_STATUS, column->status));
  GtkWidget *count = gtk_label_new ("0");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "paper-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 10);
  column->count = GTK_LABEL (count);
  return header;
}

static GtkWidget *
paper_card_new (gpointer view)
{
  IcatPapersView *self = view;
  GtkWidget *card = icat_paper_card_new (self->store);

  g_signal_connect_swapped (card, "advance-requested", G_CALLBACK (icat_papers_view_advance), self);
  return card;
}

static GtkWidget *
column_new (IcatPapersView *self,
            Column         *column)
{
  g_autoptr(GtkListItemFactory) factory = icat_record_factory_new (paper_card_new, self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  /* Older published papers are in the archive, not missing. */
  GtkWidget *empty = gtk_label_new (g_str_equal (column->status, "published")
                                    ? _("None published in the last year")
                                    : _("No papers at this stage"));
  GtkWidget *list;

  list = gtk_list_view_new (NULL, g_object_ref (factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  icat_format_enum (ICAT_KEY_STATUS, column->status), -1);
  g_signal_connect (list, "activate", G_CALLBACK (card_activated_cb), column);
  column->list = GTK_LIST_VIEW (list);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_set_valign (empty, GTK_ALIGN_START);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_set_margin_top (empty, 12);
  column->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (column->stack), TRUE);
  gtk_stack_add_named (column->stack, scroller, "list");
  gtk_stack_add_named (column->stack, empty, "empty");

  gtk_widget_set_size_request (box, 190, -1);
  column->lane = box;
  gtk_widget_add_css_class (box, "paper-column");
  gtk_box_append (GTK_BOX (box), column_header_new (column));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->stack));
  return box;
}

/* The archive's list: cards as on the board, one under another. */
static void
setup_archive (IcatPapersView *self,
               Column         *column)
{
  g_autoptr(GtkListItemFactory) factory = icat_record_factory_new (paper_card_new, self);

  gtk_list_view_set_factory (self->archive_list, factory);
  g_signal_connect (self->archive_list, "activate", G_CALLBACK (card_activated_cb), column);
  column->list = self->archive_list;
}

static void
setup_board (IcatPapersView *self)
{
  for (guint i = 0; i <= ARCHIVE; i++)
    {
      Column *column = &self->columns[i];

      column->view = self;
      column->papers = icat_record_list_new (self->store, "paper");
      /* Newest first; papers whose year is unknown last. */
      icat_record_list_set_sort (column->papers, ICAT_KEY_YEAR, TRUE);
      if (i == ARCHIVE)
        setup_archive (self, column);
      else
        {
          column->status = icat_paper_statuses[i];
          icat_record_list_set_filter (column->papers, ICAT_FILTER_STATUS, column->status);
          gtk_box_append (self->board, column_new (self, column));
        }
      column->cards = icat_first_page_new (g_object_ref (G_LIST_MODEL (column->papers)),
                                           icat_first_page_rows (MIN_CARD_HEIGHT), GTK_WIDGET (column->list));
      column->selection = gtk_single_selection_new (G_LIST_MODEL (column->cards));
      gtk_single_selection_set_autoselect (column->selection, FALSE);
      gtk_single_selection_set_can_unselect (column->selection, TRUE);
      gtk_single_selection_set_selected (column->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect (column->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), column);
      g_signal_connect_object (column->papers, "items-changed", G_CALLBACK (papers_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (column->list, GTK_SELECTION_MODEL (column->selection));
    }
  update_archive_cutoff (self);
  papers_changed_cb (self);
  /* A narrower window may leave only empty stages in view; a person's own
   * scrolling (the value) is left alone. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->board_scroller), "changed",
                           G_CALLBACK (queue_reveal_papers), self, G_CONNECT_SWAPPED);
}

/* }}} */
/* GObject {{{ */

static void
icat_papers_view_map (GtkWidget *widget)
{
  IcatPapersView *self = ICAT_PAPERS_VIEW (widget);

  GTK_WIDGET_CLASS (icat_papers_view_parent_class)->map (widget);
  update_archive_cutoff (self);
  queue_reveal_papers (self);
}

static void
icat_papers_view_dispose (GObject *object)
{
  IcatPapersView *self = ICAT_PAPERS_VIEW (object);

  if (self->editor != NULL)
    icat_paper_editor_set_paper (self->editor, NULL);
  /* Closing the editor selected no card, which may have queued this. */
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->reveal_papers_source, g_source_remove);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_PAPERS_VIEW);
  g_clear_object (&self->list_detail);
  for (guint i = 0; i <= ARCHIVE; i++)
    {
      if (self->columns[i].selection != NULL)
        g_signal_handlers_disconnect_by_func (self->columns[i].selection, selection_changed_cb, &self->columns[i]);
      g_clear_object (&self->columns[i].selection);
      g_clear_object (&self->columns[i].papers);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->archive_cutoff, g_free);
  G_OBJECT_CLASS (icat_papers_view_parent_class)->dispose (object);
}

static void
icat_papers_view_class_init (IcatPapersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_papers_view_dispose;
  widget_class->map = icat_papers_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/papers/icat-papers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, board_page);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, board_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, archive_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, pages);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, board);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, IcatPapersView, archive_list);
  gtk_widget_class_bind_template_callback (widget_class, page_toggled_cb);

  gtk_widget_class_install_action (widget_class, "papers.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "papers.close-editor", NULL, close_editor_activated);
  gtk_widget_class_install_action (widget_class, "papers.show-archive", NULL, show_archive_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "papers.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "papers.close-editor", NULL);
  gtk_widget_class_install_action (widget_class, "papers.advance-focused", "b", advance_focused_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "papers.advance-focused", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "papers.advance-focused", "b", FALSE);
}

static void
icat_papers_view_init (IcatPapersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_papers_view_new (IcatStore *store)
{
  IcatPapersView *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_new (ICAT_TYPE_PAPERS_VIEW, NULL);
  self->store = g_object_ref (store);
  /* Going back to the board, folded (button or swipe), closes the paper. */
  self->list_detail = icat_list_detail_new (ICAT_LIST_DETAIL_CLOSE, self->leaflet, self->board_page,
                                            GTK_WIDGET (self->editor_bin), self, show_paper, shown_paper);
  icat_list_detail_set_separator (self->list_detail, self->editor_separator);
  setup_board (self);
  setup_kind_filter (self);
  return GTK_WIDGET (self);
}

GListModel *
_icat_papers_view_get_column (IcatPapersView *self,
                              const char     *status)
{
  for (guint i = 0; i < N_STAGES; i++)
    if (g_strcmp0 (self->columns[i].status, status) == 0)
      return G_LIST_MODEL (self->columns[i].papers);
  return NULL;
}

GListModel *
_icat_papers_view_get_archive (IcatPapersView *self)
{
  return G_LIST_MODEL (self->columns[ARCHIVE].papers);
}

const char *
_icat_papers_view_get_page (IcatPapersView *self)
{
  return gtk_stack_get_visible_child_name (self->pages);
}

GtkWidget *
_icat_papers_view_get_editor (IcatPapersView *self)
{
  return GTK_WIDGET (ensure_editor (self));
}

const char *
_icat_paper_card_get_paper_id (GtkWidget *card)
{
  return ICAT_IS_PAPER_CARD (card) ? icat_paper_card_get_paper_id (ICAT_PAPER_CARD (card)) : NULL;
}

GtkWidget *
_icat_paper_card_get_part (GtkWidget  *card,
                           const char *part)
{
  g_return_val_if_fail (ICAT_IS_PAPER_CARD (card), NULL);
  if (g_str_equal (part, "overdue"))
    return _icat_paper_card_get_overdue_badge (ICAT_PAPER_CARD (card));
  if (g_str_equal (part, "advance"))
    return _icat_paper_card_get_advance_button (ICAT_PAPER_CARD (card));
  if (g_str_equal (part, "clearance"))
    return GTK_WIDGET (_icat_paper_card_get_clearance_label (ICAT_PAPER_CARD (card)));
  return NULL;
}

/* }}} */
