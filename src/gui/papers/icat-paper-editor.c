/* icat-paper-editor.c — edits one joint paper in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field saves as it is edited, through an IcatAutosave per paper. The
 * record's own notifications bring in changes made elsewhere (a card moved
 * to the next stage on the board); while edits are waiting to be written
 * they win, so typing is never overwritten.
 */
#define G_LOG_DOMAIN "icat-paper-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-autosave.h"
#include "icat-clearance.h"
#include "icat-conflict-banner.h"
#include "icat-editor-chrome.h"
#include "icat-editor-record.h"
#include "icat-editor-util.h"
#include "icat-endorsement-reason.h"
#include "icat-format.h"
#include "icat-history-window.h"
#include "icat-input.h"
#include "icat-paper-clearances.h"
#include "icat-paper-editor.h"
#include "icat-record-list.h"
#include "icat-ref-list.h"
#include "icat-schema.h"
#include "icat-toast.h"

struct _IcatPaperEditor {
  AdwBin               parent_instance;

  /* Template widgets */
  IcatConflictBanner *conflict_banner;
  GtkWidget           *back_button;
  GtkWidget           *close_button;
  GtkMenuButton       *menu_button;
  AdwEntryRow         *title_en_row;
  AdwEntryRow         *title_zh_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *number_row;
  AdwEntryRow         *year_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *target_row;
  AdwEntryRow         *published_row;
  GtkCalendar         *target_calendar;
  GtkCalendar         *published_calendar;
  GtkMenuButton       *target_calendar_button;
  GtkMenuButton       *published_calendar_button;
  AdwPreferencesGroup *lead_group;
  AdwPreferencesGroup *contributing_group;
  AdwPreferencesGroup *mandates_group;
  AdwPreferencesGroup *clearances_group;
  GtkButton           *request_all_button;
  GtkWidget           *endorsement_reason_group;
  AdwEntryRow         *endorsement_reason_row;
  GtkMenuButton       *lead_add;
  GtkMenuButton       *contributing_add;
  GtkMenuButton       *mandates_add;
  AdwEntryRow         *link_row;
  GtkWidget           *open_link_button;
  GtkTextView         *note_view;

  /* Owned */
  IcatStore           *store;
  IcatRecord          *record;
  IcatAutosave        *autosave;
  IcatRecordList      *agencies;
  IcatRecordList      *mandates;
  IcatRefList         *lead;
  IcatRefList         *contributing;
  IcatRefList         *mandate_refs;
  IcatPaperClearances *clearances;
  /* What the date rows show, so retyping the same date saves nothing. */
  char                *shown_target;
  char                *shown_published;
  char                *shown_link;

  gboolean             loading;
  gint64               queued_at;          /* when a typed field was last queued; 0: flushed since */
  gint64               shown_year;         /* the last good year in the row; 0: none */
  gint64               year_before_empty;  /* what an emptied row held */
};

G_DEFINE_FINAL_TYPE (IcatPaperEditor, icat_paper_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAPER_ID,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

/* The title's problem is told once, below both rows; both turn red. */
static void
show_title_problem (IcatPaperEditor *self,
                    const char      *problem)
{
  icat_row_show_problem (GTK_WIDGET (self->title_zh_row), problem);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_en_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_en_row), "error");
}

/* }}} */
/* Loading {{{ */

static void
load_title (IcatPaperEditor *self)
{
  JsonObject *data = icat_record_get_data (self->record);
  JsonNode *node = json_object_get_member (data, ICAT_KEY_TITLE);
  JsonObject *title = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (icat_row_get_problem (GTK_WIDGET (self->title_zh_row)) != NULL)
    return;
  icat_editable_show_text (GTK_EDITABLE (self->title_en_row), title ? icat_json_get_string (title, "en") : NULL);
  icat_editable_show_text (GTK_EDITABLE (self->title_zh_row), title ? icat_json_get_string (title, "zh") : NULL);
}

static void
load_dates (IcatPaperEditor *self)
{
  const char *target = icat_record_get_string (self->record, ICAT_KEY_TARGET_DATE);
  const char *published = icat_record_get_string (self->record, ICAT_KEY_PUBLISHED_ON);

  icat_editor_record_load_entry (self->target_row, target);
  icat_editor_record_load_entry (self->published_row, published);
  g_free (self->shown_target);
  self->shown_target = g_strdup (target);
  g_free (self->shown_published);
  self->shown_published = g_strdup (published);
}

/* The reason row shows once a reason was given or an agency objected:
 * it is no field to fill in before there is something to explain. */
static void
show_endorsement_reason (IcatPaperEditor *self,
                         JsonObject      *paper)
{
  const char *reason = icat_json_get_string (paper, ICAT_KEY_ENDORSEMENT_REASON);
  IcatClearanceCount count;

  icat_clearance_count (paper, &count);
  if (!gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->endorsement_reason_row)))))
    icat_editable_show_text (GTK_EDITABLE (self->endorsement_reason_row), reason);
  gtk_widget_set_visible (self->endorsement_reason_group,
                          reason != NULL || (count.n_objected > 0 &&
                                             g_strcmp0 (icat_json_get_string (paper, ICAT_KEY_STATUS), "wg-endorsement") == 0));
}

static void
load_clearances (IcatPaperEditor *self)
{
  JsonObject *data = icat_record_get_data (self->record);

  icat_paper_clearances_set_from (self->clearances, data);
  show_endorsement_reason (self, data);
}

static void
load_fields (IcatPaperEditor *self)
{
  IcatRecord *record = self->record;
  gint64 year;
  g_autofree char *year_text = NULL;

  if (record == NULL)
    return;
  self->loading = TRUE;
  year = icat_record_get_int (record, ICAT_KEY_YEAR, 0);
  year_text = year > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : NULL;
  load_title (self);
  adw_combo_row_set_selected (self->kind_row, icat_enum_index (icat_paper_kinds, icat_record_get_string (record, ICAT_KEY_KIND), 0));
  adw_combo_row_set_selected (self->status_row,
                              icat_enum_index (icat_paper_statuses, icat_record_get_string (record, ICAT_KEY_STATUS), 0));
  icat_editable_show_text (GTK_EDITABLE (self->number_row), icat_record_get_string (record, ICAT_KEY_NUMBER));
  icat_editor_record_load_entry (self->year_row, year_text);
  self->shown_year = self->year_before_empty = MAX (year, 0);
  load_dates (self);
  icat_editor_record_load_entry (self->link_row, icat_record_get_string (record, ICAT_KEY_LINK));
  g_free (self->shown_link);
  self->shown_link = g_strdup (icat_record_get_string (record, ICAT_KEY_LINK));
  gtk_widget_set_sensitive (self->open_link_button, icat_record_get_string (record, ICAT_KEY_LINK) != NULL);
  icat_text_view_show_text (self->note_view, icat_record_get_string (record, ICAT_KEY_NOTE));
  icat_ref_list_set_from (self->lead, icat_record_get_array (record, ICAT_KEY_LEAD_AGENCIES));
  icat_ref_list_set_from (self->contributing, icat_record_get_array (record, ICAT_KEY_CONTRIBUTING_AGENCIES));
  icat_ref_list_set_from (self->mandate_refs, icat_record_get_array (record, ICAT_KEY_MANDATES));
  load_clearances (self);
  self->loading = FALSE;
}

static void
record_data_changed_cb (IcatPaperEditor *self)
{
  /* Edits still waiting to be written are newer than what the store says;
   * their own save brings the next notice, and the rest follows then. */
  if (self->autosave != NULL && icat_autosave_get_pending (self->autosave))
    return;
  load_fields (self);
}

/* Nothing typed is lost without a word: leaving the paper, the fields it
 * could not save are named in a toast. */
static void
report_unsaved (IcatPaperEditor *self)
{
  icat_rows_report_unsaved (icat_record_get_title (self->record),
                            GTK_WIDGET (self->title_zh_row), C_("field in a sentence", "title"),
                            GTK_WIDGET (self->year_row), C_("field in a sentence", "year"),
                            GTK_WIDGET (self->target_row), C_("field in a sentence", "target date"),
                            GTK_WIDGET (self->published_row), C_("field in a sentence", "publication date"),
                            GTK_WIDGET (self->link_row), C_("field in a sentence", "link"),
                            NULL);
  show_title_problem (self, NULL);
}

/* A paper that is gone has nothing left to save into. */
static void
forget_problems (IcatPaperEditor *self)
{
  show_title_problem (self, NULL);
  icat_row_show_problem (GTK_WIDGET (self->year_row), NULL);
  icat_row_show_problem (GTK_WIDGET (self->target_row), NULL);
  icat_row_show_problem (GTK_WIDGET (self->published_row), NULL);
  icat_row_show_problem (GTK_WIDGET (self->link_row), NULL);
}

static void
record_deleted_cb (IcatPaperEditor *self)
{
  forget_problems (self);
  icat_paper_editor_set_paper (self, NULL);
}

/* }}} */
/* Editing {{{ */

/* The title in every language the record has, with the two rows' text in
 * English and Chinese; NULL when no language would be left. */
static JsonNode *
title_node (IcatPaperEditor *self)
{
  JsonNode *stored = json_object_get_member (icat_record_get_data (self->record), ICAT_KEY_TITLE);
  JsonObject *title = json_object_new ();
  g_autofree char *en = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_en_row))));
  g_autofree char *zh = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_zh_row))));
  JsonNode *node;

  if (stored != NULL && JSON_NODE_HOLDS_OBJECT (stored))
    {
      JsonObjectIter iter;
      const char *language;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (stored));
      while (json_object_iter_next (&iter, &language, &value))
        if (!g_str_equal (language, "en") && !g_str_equal (language, "zh"))
          json_object_set_member (title, language, json_node_copy (value));
    }
  if (*en != '\0')
    json_object_set_string_member (title, "en", en);
  if (*zh != '\0')
    json_object_set_string_member (title, "zh", zh);
  if (json_object_get_size (title) == 0)
    {
      json_object_unref (title);
      return NULL;
    }
  node = json_node_init_object (json_node_alloc (), title);
  json_object_unref (title);
  return node;
}

static void
title_changed_cb (IcatPaperEditor *self)
{
  JsonNode *title;

  if (self->loading || self->autosave == NULL)
    return;
  title = title_node (self);
  /* A title is required: an empty one waits until something is typed,
   * and what was queued on the way there is taken back. */
  show_title_problem (self, title == NULL ? _("A paper needs a title in English or Chinese.") : NULL);
  if (title != NULL)
    {
      self->queued_at = g_get_monotonic_time ();
      icat_autosave_set (self->autosave, ICAT_KEY_TITLE, title);
    }
  else if (icat_autosave_still_waits (self->queued_at))
    icat_autosave_set (self->autosave, ICAT_KEY_TITLE,
                       json_node_copy (json_object_get_member (icat_record_get_data (self->record), ICAT_KEY_TITLE)));
}

static void
number_changed_cb (IcatPaperEditor *self)
{
  g_autofree char *number = NULL;

  if (self->loading || self->autosave == NULL)
    return;
  number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  icat_autosave_set_string (self->autosave, ICAT_KEY_NUMBER, number);
}

static void
queue_year (IcatPaperEditor *self,
            gint64           year)
{
  /* Retyping a year passes through an empty field: remember what it was. */
  if (year == 0 && self->shown_year != 0)
    self->year_before_empty = self->shown_year;
  self->shown_year = year;
  icat_autosave_set (self->autosave, ICAT_KEY_YEAR, year > 0 ? json_node_init_int (json_node_alloc (), year) : NULL);
}

static void
year_changed_cb (IcatPaperEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->year_row));
  char *end = NULL;
  gint64 year;

  if (self->loading || self->autosave == NULL)
    return;
  year = *text != '\0' ? g_ascii_strtoll (text, &end, 10) : 0;
  if (*text != '\0' && (end == NULL || *end != '\0' || year < 1990 || year > 2100))
    {
      icat_row_show_problem (GTK_WIDGET (self->year_row),
                             _("Write the year in four digits, 1990 to 2100, or leave it empty when it is not known."));
      /* Nothing that is no year is kept, not even the empty moment
       * before it: the year typed over stays until a good one comes. */
      if (self->shown_year == 0 && self->year_before_empty != 0)
        queue_year (self, self->year_before_empty);
      return;
    }
  icat_row_show_problem (GTK_WIDGET (self->year_row), NULL);
  if (year != self->shown_year)
    queue_year (self, year);
}

static void
kind_selected_cb (IcatPaperEditor *self)
{
  guint position = adw_combo_row_get_selected (self->kind_row);

  if (self->loading || self->autosave == NULL || position >= g_strv_length ((char **) icat_paper_kinds))
    return;
  icat_autosave_set_string (self->autosave, ICAT_KEY_KIND, icat_paper_kinds[position]);
}

static void
show_status (IcatPaperEditor *self,
             const char      *status)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, icat_enum_index (icat_paper_statuses, status, 0));
  self->loading = FALSE;
}

typedef struct {
  IcatPaperEditor *editor;
  char            *paper_id;
} Endorsing;

static void
endorsing_free (gpointer data)
{
  Endorsing *endorsing = data;

  g_object_unref (endorsing->editor);
  g_free (endorsing->paper_id);
  g_free (endorsing);
}

/* The reason and the move are saved together: the store refuses the move
 * of a paper an agency objected to without one. */
static void
endorsement_reason_given (const char *reason,
                          gpointer    user_data)
{
  Endorsing *endorsing = user_data;
  IcatPaperEditor *self = endorsing->editor;

  if (reason == NULL || self->autosave == NULL || g_strcmp0 (icat_paper_editor_get_paper_id (self), endorsing->paper_id) != 0)
    return;
  show_status (self, "wg-endorsement");
  self->loading = TRUE;
  icat_editable_show_text (GTK_EDITABLE (self->endorsement_reason_row), reason);
  gtk_widget_set_visible (self->endorsement_reason_group, TRUE);
  self->loading = FALSE;
  icat_autosave_set_string (self->autosave, ICAT_KEY_ENDORSEMENT_REASON, reason);
  icat_autosave_set_string (self->autosave, ICAT_KEY_STATUS, "wg-endorsement");
  icat_autosave_flush (self->autosave);
}

/* The paper as the editor shows it: its clearances and reason as typed,
 * written or still waiting for the autosave. */
gboolean
icat_paper_editor_endorsement_needs_reason (IcatPaperEditor *self)
{
  g_autoptr(JsonObject) shown = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (ICAT_IS_PAPER_EDITOR (self), FALSE);
  shown = json_object_new ();
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->endorsement_reason_row))));
  json_object_set_array_member (shown, ICAT_KEY_CLEARANCES, icat_paper_clearances_dup_rows (self->clearances));
  if (*reason != '\0')
    json_object_set_string_member (shown, ICAT_KEY_ENDORSEMENT_REASON, reason);
  return icat_paper_endorsement_needs_reason (shown);
}

static void
status_selected_cb (IcatPaperEditor *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);
  const char *stored = icat_record_get_string (self->record, ICAT_KEY_STATUS);
  Endorsing *endorsing;

  if (self->loading || self->autosave == NULL || position >= g_strv_length ((char **) icat_paper_statuses))
    return;
  if (!g_str_equal (icat_paper_statuses[position], "wg-endorsement") || g_strcmp0 (stored, "wg-endorsement") == 0 ||
      !icat_paper_editor_endorsement_needs_reason (self))
    {
      icat_autosave_set_string (self->autosave, ICAT_KEY_STATUS, icat_paper_statuses[position]);
      return;
    }
  /* The stage stays as it was until the reason is given. */
  show_status (self, stored);
  endorsing = g_new0 (Endorsing, 1);
  endorsing->editor = g_object_ref (self);
  endorsing->paper_id = g_strdup (icat_record_get_id (self->record));
  icat_endorsement_reason_ask (GTK_WIDGET (self), icat_record_get_title (self->record),
                               endorsement_reason_given, endorsing, endorsing_free);
}

static void
endorsement_reason_changed_cb (IcatPaperEditor *self)
{
  g_autofree char *reason = NULL;

  if (self->loading || self->autosave == NULL)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->endorsement_reason_row))));
  icat_autosave_set_string (self->autosave, ICAT_KEY_ENDORSEMENT_REASON, reason);
}

static void
clearances_changed (JsonNode *rows,
                    gpointer  user_data)
{
  IcatPaperEditor *self = user_data;

  if (self->loading || self->autosave == NULL)
    {
      json_node_unref (rows);
      return;
    }
  icat_autosave_set (self->autosave, ICAT_KEY_CLEARANCES, rows);
}

/* A date row said right or wrong, and saved when right. */
static void
check_date (IcatPaperEditor *self,
            AdwEntryRow     *row,
            const char      *field,
            char           **shown)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *problem = icat_input_date_problem (text);

  icat_row_show_problem (GTK_WIDGET (row), problem);
  if (problem == NULL)
    icat_editor_record_queue_text (self->autosave, &self->queued_at, field, text, shown);
  else
    icat_editor_record_withdraw_typed (self->autosave, self->record, self->queued_at, field, shown);
}

static void
date_changed_cb (IcatPaperEditor *self)
{
  if (self->loading || self->autosave == NULL)
    return;
  /* Each date stands alone: a good one saves while the other is mended. */
  check_date (self, self->target_row, ICAT_KEY_TARGET_DATE, &self->shown_target);
  check_date (self, self->published_row, ICAT_KEY_PUBLISHED_ON, &self->shown_published);
}

static void
link_changed_cb (IcatPaperEditor *self)
{
  g_autofree char *link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_row))));

  g_autofree char *problem = NULL;

  gtk_widget_set_sensitive (self->open_link_button, *link != '\0');
  if (self->loading || self->autosave == NULL)
    return;
  problem = icat_input_link_problem (link);
  icat_row_show_problem (GTK_WIDGET (self->link_row), problem);
  /* Opening what cannot be saved would open something else than shown. */
  gtk_widget_set_sensitive (self->open_link_button, *link != '\0' && problem == NULL);
  if (problem != NULL)
    {
      icat_editor_record_withdraw_typed (self->autosave, self->record, self->queued_at,
                                         ICAT_KEY_LINK, &self->shown_link);
      return;
    }
  icat_editor_record_queue_text (self->autosave, &self->queued_at, ICAT_KEY_LINK, link, &self->shown_link);
}

static void
note_changed_cb (GtkTextBuffer   *buffer,
                 IcatPaperEditor *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->autosave == NULL)
    return;
  text = icat_text_view_get_text (self->note_view);
  icat_autosave_set_string (self->autosave, ICAT_KEY_NOTE, text);
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (widget);

  icat_open_typed_link (widget, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (widget);
  g_autofree char *id = NULL;

  if (self->record == NULL)
    return;
  id = g_strdup (icat_record_get_id (self->record));
  forget_problems (self);
  /* Writes are queued in order: what was typed lands before the delete,
   * and nothing is left to recreate the paper after it. */
  icat_paper_editor_set_paper (self, NULL);
  icat_editor_record_delete (GTK_WIDGET (self), self->store, "paper", id, _("Paper deleted"));
}

/* }}} */
/* Public API {{{ */

void
icat_paper_editor_flush (IcatPaperEditor *self)
{
  g_return_if_fail (ICAT_IS_PAPER_EDITOR (self));
  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
  self->queued_at = 0;
}

static void
detach_paper (IcatPaperEditor *self)
{
  if (self->record != NULL)
    report_unsaved (self);
  icat_editor_record_detach (GTK_WIDGET (self), &self->record, &self->autosave);
  /* Nothing is left waiting to be written. */
  self->queued_at = 0;
}

void
icat_paper_editor_set_paper (IcatPaperEditor *self,
                             const char      *id)
{
  g_autoptr(IcatRecord) record = NULL;

  g_return_if_fail (ICAT_IS_PAPER_EDITOR (self));
  if (id != NULL && self->record != NULL && g_strcmp0 (id, icat_record_get_id (self->record)) == 0)
    return;
  record = id ? icat_store_lookup (self->store, "paper", id) : NULL;
  if (record == NULL && self->record == NULL)
    return;
  detach_paper (self);
  if (record != NULL)
    {
      self->record = g_steal_pointer (&record);
      self->autosave = icat_editor_record_attach (GTK_WIDGET (self), self->store, "paper", self->record,
                                                  G_CALLBACK (record_data_changed_cb),
                                                  G_CALLBACK (record_deleted_cb));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
  icat_history_menu_set_record (self->menu_button, "paper", self->record ? icat_record_get_id (self->record) : NULL);
  load_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER_ID]);
  icat_conflict_banner_set_record (self->conflict_banner, self->store, "paper",
                                   self->record ? icat_record_get_id (self->record) : NULL);
}

GtkWidget *
_icat_paper_editor_get_row (IcatPaperEditor *self,
                            const char      *field)
{
  const struct {
    const char *field;
    gpointer    row;
  } rows[] = {
    { "title-en", self->title_en_row },
    { "number", self->number_row },
    { "year", self->year_row },
    { "status", self->status_row },
    { "target-date", self->target_row },
    { "link", self->link_row },
    { "request-all", self->request_all_button },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return rows[i].row;
  g_return_val_if_reached (NULL);
}

IcatPaperClearances *
_icat_paper_editor_get_clearances (IcatPaperEditor *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_EDITOR (self), NULL);
  return self->clearances;
}

IcatRefList *
_icat_paper_editor_get_refs (IcatPaperEditor *self,
                             const char      *field)
{
  if (g_str_equal (field, ICAT_KEY_LEAD_AGENCIES))
    return self->lead;
  if (g_str_equal (field, ICAT_KEY_CONTRIBUTING_AGENCIES))
    return self->contributing;
  g_return_val_if_fail (g_str_equal (field, ICAT_KEY_MANDATES), NULL);
  return self->mandate_refs;
}

const char *
icat_paper_editor_get_paper_id (IcatPaperEditor *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_EDITOR (self), NULL);
  return self->record ? icat_record_get_id (self->record) : NULL;
}

void
icat_paper_editor_focus_title (IcatPaperEditor *self)
{
  AdwEntryRow *row;

  g_return_if_fail (ICAT_IS_PAPER_EDITOR (self));
  row = g_str_equal (icat_user_language (), "zh") ? self->title_zh_row : self->title_en_row;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

/* }}} */
/* GObject {{{ */

static void
icat_paper_editor_dispose (GObject *object)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (object);

  detach_paper (self);
  /* Before the rows it fills go with the template. */
  g_clear_pointer (&self->clearances, icat_paper_clearances_free);
  /* AdwBin holds its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_PAPER_EDITOR);
  g_clear_pointer (&self->lead, icat_ref_list_free);
  g_clear_pointer (&self->contributing, icat_ref_list_free);
  g_clear_pointer (&self->mandate_refs, icat_ref_list_free);
  g_clear_object (&self->agencies);
  g_clear_object (&self->mandates);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_paper_editor_parent_class)->dispose (object);
}

static void
icat_paper_editor_finalize (GObject *object)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (object);

  g_free (self->shown_target);
  g_free (self->shown_published);
  g_free (self->shown_link);
  G_OBJECT_CLASS (icat_paper_editor_parent_class)->finalize (object);
}

static void
icat_paper_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PAPER_ID:
      g_value_set_string (value, icat_paper_editor_get_paper_id (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, icat_editor_chrome_get_folded (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_paper_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IcatPaperEditor *self = ICAT_PAPER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (icat_editor_chrome_set_folded (self->back_button, self->close_button, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_paper_editor_class_init (IcatPaperEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_paper_editor_dispose;
  object_class->finalize = icat_paper_editor_finalize;
  object_class->get_property = icat_paper_editor_get_property;
  object_class->set_property = icat_paper_editor_set_property;

  properties[PROP_PAPER_ID] =
    g_param_spec_string ("paper-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    icat_editor_chrome_folded_param ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICAT_TYPE_CONFLICT_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/papers/icat-paper-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, title_zh_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, published_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, target_calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, published_calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, target_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, published_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, lead_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, contributing_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, mandates_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, clearances_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, request_all_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, endorsement_reason_group);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, endorsement_reason_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, lead_add);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, contributing_add);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, mandates_add);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, open_link_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, endorsement_reason_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.open-link", NULL, open_link_activated);
}

static void
icat_paper_editor_init (IcatPaperEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  icat_date_picker_attach (self->target_row, self->target_calendar_button, self->target_calendar);
  icat_date_picker_attach (self->published_row, self->published_calendar_button, self->published_calendar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

static const char *
kind_label (const char *kind)
{
  return icat_format_enum (ICAT_KEY_KIND, kind);
}

static const char *
status_label (const char *status)
{
  return icat_format_enum (ICAT_KEY_STATUS, status);
}

static void
setup_choices (IcatPaperEditor *self)
{
  g_autoptr(GtkStringList) kinds = icat_enum_labels (icat_paper_kinds, kind_label);
  g_autoptr(GtkStringList) statuses = icat_enum_labels (icat_paper_statuses, status_label);

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
}

GtkWidget *
icat_paper_editor_new (IcatStore *store)
{
  IcatPaperEditor *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_PAPER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  self->mandates = icat_record_list_new (store, "mandate");
  icat_record_list_set_sort (self->mandates, ICAT_KEY_DOCUMENT, FALSE);
  self->lead = icat_ref_list_new (store, ICAT_KEY_LEAD_AGENCIES, "agency", _("No lead agency yet"),
                                  self->lead_group, self->lead_add, self->agencies,
                                  icat_editor_record_refs_changed, &self->autosave);
  self->contributing = icat_ref_list_new (store, ICAT_KEY_CONTRIBUTING_AGENCIES, "agency",
                                          _("No contributing agencies"),
                                          self->contributing_group, self->contributing_add, self->agencies,
                                          icat_editor_record_refs_changed, &self->autosave);
  self->mandate_refs = icat_ref_list_new (store, ICAT_KEY_MANDATES, "mandate", _("No mandates"),
                                          self->mandates_group, self->mandates_add, self->mandates,
                                          icat_editor_record_refs_changed, &self->autosave);
  self->clearances = icat_paper_clearances_new (store, self->clearances_group, self->request_all_button,
                                                clearances_changed, self);
  setup_choices (self);
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (note_changed_cb), self);
  return GTK_WIDGET (self);
}

/* }}} */
