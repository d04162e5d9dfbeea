/* icat-work-plan-view.c — the Work plan section: a year's plan, previewed as it prints
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview is the document itself: it is laid out on a worker thread
 * with a read-only connection of its own, a moment after the last change
 * (the year, the grouping, the paper, or any record), and only while the
 * section is on screen. A layout that a newer change has overtaken is
 * dropped; the pages shown stay until the new ones are ready. Export PDF…
 * lays the plan out again on its worker thread, so no page is ever drawn
 * by two threads at once; Print… replays the pages the preview shows
 * (both in icat-work-plan-view-export.c).
 *
 * The plan's own status (draft, or endorsed by the Working Group on a date)
 * is a "work_plan" record, one a year, saved as it is edited.
 */
#define G_LOG_DOMAIN "icat-work-plan-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "icat-autosave.h"
#include "icat-document-preview.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-record-list.h"
#include "icat-report.h"
#include "icat-schema.h"
#include "icat-work-plan-view-private.h"
#include "icat-toast.h"

#define REBUILD_DELAY_MS 300
#define FIRST_YEAR       2006  /* ICAT's first year, and the schema's */
#define LAST_YEAR        2100

/* In the order of IcatGroupBy and IcatPaperSize, as the settings name them. */
static const char * const group_by_names[] = { "pillar", "mandate", NULL };
static const char * const paper_names[] = { "a4", "letter", NULL };

G_DEFINE_FINAL_TYPE (IcatWorkPlanView, icat_work_plan_view, ADW_TYPE_BIN)

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

IcatPaperSize
icat_paper_size_from_settings (GSettings *settings)
{
  g_autofree char *paper = g_settings_get_string (settings, "paper-size");

  return index_of (paper_names, paper) == 1 ? ICAT_PAPER_LETTER : ICAT_PAPER_A4;
}

static IcatGroupBy
selected_group_by (IcatWorkPlanView *self)
{
  return adw_combo_row_get_selected (self->group_row) == 1 ? ICAT_GROUP_BY_MANDATE : ICAT_GROUP_BY_PILLAR;
}

static IcatPaperSize
selected_paper (IcatWorkPlanView *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? ICAT_PAPER_LETTER : ICAT_PAPER_A4;
}

static const char *
selected_status (IcatWorkPlanView *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  return position < g_strv_length ((char **) icat_work_plan_statuses) ? icat_work_plan_statuses[position] : "draft";
}

/* What the toolbar says {{{ */

static char *
status_text (JsonObject *plan)
{
  const char *status = plan ? icat_json_get_string (plan, ICAT_KEY_STATUS) : NULL;
  const char *endorsed_on = plan ? icat_json_get_string (plan, ICAT_KEY_ENDORSED_ON) : NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (status, "endorsed") != 0)
    return g_strdup (icat_format_enum (ICAT_KEY_STATUS, "draft"));
  if (endorsed_on == NULL)
    return g_strdup (icat_format_enum (ICAT_KEY_STATUS, "endorsed"));
  date = icat_action_format_date (endorsed_on);
  /* Translators: a work plan's status, with the date: "Endorsed by the Working Group on 12 Mar 2016" */
  return g_strdup_printf (_("Endorsed by the Working Group on %s"), date);
}

static void
update_summary (IcatWorkPlanView *self)
{
  g_autofree char *status = status_text (self->plan ? icat_record_get_data (self->plan) : NULL);
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  guint n_pages = icat_document_preview_get_n_pages (self->preview);

  if (self->busy && n_pages == 0)
    pages = g_strdup (_("Preparing…"));
  else if (self->error == NULL)
    pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  /* Translators: the toolbar over the preview: "2016 · Draft · 12 pages" */
  text = pages ? g_strdup_printf (_("%d · %s · %s"), self->year, status, pages)
               : g_strdup_printf (_("%d · %s"), self->year, status);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), text);
}

static void
set_busy (IcatWorkPlanView *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy && icat_document_preview_get_n_pages (self->preview) == 0 && self->error == NULL)
    {
      adw_status_page_set_icon_name (self->message_page, "x-office-document-symbolic");
      adw_status_page_set_title (self->message_page, _("Preparing the Work Plan…"));
      adw_status_page_set_description (self->message_page, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "message");
    }
  update_summary (self);
}

/* }}} */
/* Years {{{ */

static void
add_year (IcatWorkPlanView *self,
          int               year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  g_autofree char *text = NULL;
  guint position;

  if (year < FIRST_YEAR || year > LAST_YEAR)
    return;
  for (position = 0; position < n; position++)
    {
      int listed = atoi (gtk_string_list_get_string (self->years, position));

      if (listed == year)
        return;
      if (listed < year)
        break;
    }
  text = g_strdup_printf ("%d", year);
  /* The combo row's selection follows its item, so the year shown stays. */
  gtk_string_list_splice (self->years, position, 0, (const char * const[]) { text, NULL });
}

static int
year_of_date (const char *date)
{
  return date != NULL && strlen (date) >= 4 ? atoi (date) : 0;
}

static void
add_years_of_record (IcatWorkPlanView *self,
                     IcatRecord       *record)
{
  const char *kind = icat_record_get_kind (record);

  if (g_str_equal (kind, "action_item"))
    {
      add_year (self, year_of_date (icat_record_get_string (record, ICAT_KEY_DUE)));
      add_year (self, year_of_date (icat_record_get_string (record, ICAT_KEY_STARTS)));
    }
  else if (g_str_equal (kind, "meeting"))
    add_year (self, year_of_date (icat_record_get_string (record, ICAT_KEY_STARTS_AT)));
  else if (g_str_equal (kind, "paper") || g_str_equal (kind, "chair_term") || g_str_equal (kind, "work_plan"))
    add_year (self, (int) icat_record_get_int (record, ICAT_KEY_YEAR, 0));
}

/* The years with something in them, in a few index seeks (icat-report.c),
 * so the list is exact and instant even with 100,000 action items. */
static void
collect_years (IcatWorkPlanView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = icat_report_activity_years (_icat_store_get_read_db (self->store), &error);

  if (years == NULL)
    g_warning ("Cannot list the years with activities: %s", error->message);
  for (guint i = 0; years != NULL && i < years->len; i++)
    add_year (self, g_array_index (years, int, i));
  self->years_collected = TRUE;
}

static guint
year_position (IcatWorkPlanView *self,
               int               year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->years));

  for (guint i = 0; i < n; i++)
    if (atoi (gtk_string_list_get_string (self->years, i)) == year)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* }}} */
/* The plan's status {{{ */

static void
save_failed_cb (IcatWorkPlanView *self,
                GError           *error)
{
  icat_toast (GTK_WIDGET (self), error->message);
}

static void
saved_cb (IcatWorkPlanView *self)
{
  self->date_queued = FALSE;
}

static void
ensure_autosave (IcatWorkPlanView *self)
{
  if (self->autosave != NULL)
    return;
  self->date_queued = FALSE;
  self->autosave = icat_autosave_new (self->store, "work_plan", self->plan ? icat_record_get_id (self->plan) : NULL);
  g_signal_connect_object (self->autosave, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  if (self->plan == NULL)
    {
      /* The year's first change makes its record, which needs both. */
      icat_autosave_set_int (self->autosave, ICAT_KEY_YEAR, self->year);
      icat_autosave_set_string (self->autosave, ICAT_KEY_STATUS, selected_status (self));
    }
}

static void
show_endorsement_rows (IcatWorkPlanView *self,
                       gboolean          endorsed)
{
  gtk_widget_set_visible (GTK_WIDGET (self->endorsed_on_row), endorsed);
  gtk_widget_set_visible (GTK_WIDGET (self->endorsed_at_row), endorsed);
  if (!endorsed)
    gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
}

static guint
meeting_position (IcatWorkPlanView *self,
                  const char       *id)
{
  guint position;

  if (id == NULL)
    return 0;
  /* Counted in SQL, not by reading every meeting; the first choice is
   * "Not recorded". */
  position = icat_record_list_find_position (self->meetings, id);
  return position == GTK_INVALID_LIST_POSITION ? 0 : position + 1;
}

static void
show_plan (IcatWorkPlanView *self)
{
  JsonObject *plan = self->plan ? icat_record_get_data (self->plan) : NULL;
  const char *status = plan ? icat_json_get_string (plan, ICAT_KEY_STATUS) : "draft";

  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, index_of (icat_work_plan_statuses, status));
  show_endorsement_rows (self, g_strcmp0 (status, "endorsed") == 0);
  /* What is typed and not saved yet stays as it is. */
  if (self->autosave == NULL || !icat_autosave_get_pending (self->autosave))
    {
      icat_editable_show_text (GTK_EDITABLE (self->endorsed_on_row), plan ? icat_json_get_string (plan, ICAT_KEY_ENDORSED_ON) : NULL);
      icat_editable_show_text (GTK_EDITABLE (self->note_row), plan ? icat_json_get_string (plan, ICAT_KEY_NOTE) : NULL);
      adw_combo_row_set_selected (self->endorsed_at_row,
                                  meeting_position (self, plan ? icat_json_get_string (plan, ICAT_KEY_ENDORSED_AT) : NULL));
      gtk_widget_remove_css_class (GTK_WIDGET (self->endorsed_on_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
    }
  self->loading = FALSE;
  update_summary (self);
}

static void
load_plan (IcatWorkPlanView *self)
{
  g_autoptr(IcatRecord) plan = NULL;
  const char *saving_id = self->autosave ? icat_autosave_get_id (self->autosave) : NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->plans)) > 0)
    plan = g_list_model_get_item (G_LIST_MODEL (self->plans), 0);
  if (plan != self->plan)
    {
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_func (self->plan, show_plan, self);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        g_signal_connect_object (plan, "notify::data", G_CALLBACK (show_plan), self, G_CONNECT_SWAPPED);
    }
  /* Edits go to the record shown: when another program made this year's
   * plan meanwhile, or undo took it away, start again from what is stored. */
  if (saving_id != NULL && (plan == NULL || g_strcmp0 (saving_id, icat_record_get_id (plan)) != 0))
    g_clear_object (&self->autosave);
  show_plan (self);
}

static void
status_selected_cb (IcatWorkPlanView *self)
{
  const char *status = selected_status (self);
  gboolean endorsed = g_str_equal (status, "endorsed");

  if (self->loading)
    return;
  ensure_autosave (self);
  icat_autosave_set_string (self->autosave, ICAT_KEY_STATUS, status);
  if (!endorsed)
    {
      /* A draft has not been endorsed, on any day or at any meeting. */
      icat_autosave_set (self->autosave, ICAT_KEY_ENDORSED_ON, NULL);
      icat_autosave_set (self->autosave, ICAT_KEY_ENDORSED_AT, NULL);
      self->loading = TRUE;
      icat_editable_show_text (GTK_EDITABLE (self->endorsed_on_row), NULL);
      adw_combo_row_set_selected (self->endorsed_at_row, 0);
      self->loading = FALSE;
    }
  show_endorsement_rows (self, endorsed);
}

static void
endorsed_on_changed_cb (IcatWorkPlanView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->endorsed_on_row));
  gboolean valid = *text == '\0' || (strlen (text) == 10 && icat_is_date (text));

  if (self->loading)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !valid);
  gtk_label_set_label (self->date_error, valid ? "" : _("Write the date of endorsement as YYYY-MM-DD, for example 2016-03-15."));
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->endorsed_on_row), "error");
      ensure_autosave (self);
      icat_autosave_set_string (self->autosave, ICAT_KEY_ENDORSED_ON, text);
      self->date_queued = TRUE;
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->endorsed_on_row), "error");
      /* Typing over a date passes through an empty field; while what is
       * typed is no date, the stored one stays. */
      if (self->date_queued && self->autosave != NULL)
        icat_autosave_set_string (self->autosave, ICAT_KEY_ENDORSED_ON,
                                  self->plan ? icat_record_get_string (self->plan, ICAT_KEY_ENDORSED_ON) : NULL);
    }
}

static void
endorsed_at_selected_cb (IcatWorkPlanView *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->endorsed_at_row);

  if (self->loading)
    return;
  ensure_autosave (self);
  icat_autosave_set_string (self->autosave, ICAT_KEY_ENDORSED_AT, ICAT_IS_RECORD (item) ? icat_record_get_id (ICAT_RECORD (item)) : NULL);
}

static void
note_changed_cb (IcatWorkPlanView *self)
{
  if (self->loading)
    return;
  ensure_autosave (self);
  icat_autosave_set_string (self->autosave, ICAT_KEY_NOTE, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

/* }}} */
/* Laying the plan out {{{ */


void
_icat_work_plan_layout_free (IcatWorkPlanLayout *layout)
{
  g_free (layout->path);
  g_free (layout->output);
  g_free (layout);
}

/* The sections the user switched off, as remembered. */
static IcatExportFlags
omitted_sections (IcatWorkPlanView *self)
{
  g_auto(GStrv) omitted = g_settings_get_strv (self->settings, "work-plan-omitted-sections");

  return icat_document_sections_flags (icat_work_plan_sections, (const char * const *) omitted);
}

IcatWorkPlanLayout *
_icat_work_plan_layout_new (IcatWorkPlanView *self)
{
  IcatWorkPlanLayout *layout = g_new0 (IcatWorkPlanLayout, 1);

  layout->path = g_strdup (icat_store_get_path (self->store));
  layout->year = self->year;
  layout->group_by = selected_group_by (self);
  layout->paper = selected_paper (self);
  layout->sections = omitted_sections (self);
  return layout;
}

/* On a worker thread, with a connection of its own. The store reads in
 * one snapshot, so an autosave meanwhile cannot tear the plan. */
IcatDocument *
_icat_work_plan_lay_out (IcatDb              *db,
                         IcatWorkPlanLayout  *layout,
                         GError             **error)
{
  /* Meant for agencies and Member States: no focal points' contacts. */
  return icat_document_new_work_plan (db, layout->year, layout->group_by, layout->paper, layout->sections, error);
}

static gpointer
build_thread (IcatDb        *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  IcatDocument *document = _icat_work_plan_lay_out (db, data, error);

  return document != NULL ? icat_document_handle_new (document) : NULL;
}

static void start_build (IcatWorkPlanView *self);

static void
show_error (IcatWorkPlanView *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_icon_name (self->message_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->message_page, _("The Work Plan Cannot Be Shown"));
  adw_status_page_set_description (self->message_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
  icat_document_preview_set_document (self->preview, NULL);
}

/* The layout holds the view weakly: a window closed while a plan is laid
 * out goes at once, and the layout's result with nobody to show it. */
static void
built_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GWeakRef *view = user_data;
  g_autoptr(IcatWorkPlanView) self = g_weak_ref_get (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatDocumentHandle) handle = icat_store_read_finish (result, &error);

  g_weak_ref_clear (view);
  g_free (view);
  if (self == NULL)
    return;
  g_clear_object (&self->building);
  if (self->store == NULL)
    return;  /* disposed meanwhile */
  if (self->rebuild_queued)
    {
      /* Overtaken by a later change: drop it and lay out again. */
      start_build (self);
      return;
    }
  if (handle == NULL)
    show_error (self, error->message);
  else
    {
      g_clear_pointer (&self->error, g_free);
      icat_document_preview_set_document (self->preview, handle);
      gtk_stack_set_visible_child_name (self->preview_stack, "pages");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "work-plan.print", icat_document_preview_get_n_pages (self->preview) > 0);
  set_busy (self, self->rebuild_timeout != 0);
}

static void
start_build (IcatWorkPlanView *self)
{
  GWeakRef *view;

  if (self->building != NULL)
    {
      /* The layout cannot be interrupted; its result will be dropped. */
      g_cancellable_cancel (self->building);
      self->rebuild_queued = TRUE;
      return;
    }
  self->rebuild_queued = FALSE;
  self->stale = FALSE;
  self->building = g_cancellable_new ();
  view = g_new0 (GWeakRef, 1);
  g_weak_ref_init (view, self);
  icat_store_read_async (self->store, build_thread, _icat_work_plan_layout_new (self),
                         (GDestroyNotify) _icat_work_plan_layout_free,
                         (GDestroyNotify) icat_document_handle_unref, ICAT_STORE_READ_DEFAULT,
                         self->building, built_cb, view);
  set_busy (self, TRUE);
}

static gboolean
rebuild_timeout_cb (gpointer data)
{
  IcatWorkPlanView *self = data;

  self->rebuild_timeout = 0;
  start_build (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (IcatWorkPlanView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nobody is looking: lay out when the section is shown again. */
      self->stale = TRUE;
      return;
    }
  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  self->rebuild_timeout = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
  set_busy (self, TRUE);
}

static void
record_changed_cb (IcatWorkPlanView *self,
                   const char       *kind,
                   const char       *id,
                   IcatChange        change)
{
  if (self->years_collected && change != ICAT_CHANGE_DELETED)
    {
      g_autoptr(IcatRecord) record = icat_store_lookup (self->store, kind, id);

      if (record != NULL)
        add_years_of_record (self, record);
    }
  schedule_rebuild (self);
}

static void
reloaded_cb (IcatWorkPlanView *self)
{
  if (self->years_collected)
    collect_years (self);
  schedule_rebuild (self);
}

/* }}} */
/* }}} */
/* Choices {{{ */

static void
year_selected_cb (IcatWorkPlanView *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->year_row);
  int year = item ? atoi (gtk_string_object_get_string (item)) : 0;

  if (year == 0 || year == self->year)
    return;
  self->year = year;
  g_settings_set_int (self->settings, "work-plan-year", year);
  /* Edits to the last year's plan are written before it goes. */
  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
  g_clear_object (&self->autosave);
  {
    g_autofree char *text = g_strdup_printf ("%d", year);

    icat_record_list_set_filter (self->plans, ICAT_FILTER_YEAR, text);
  }
  load_plan (self);
  schedule_rebuild (self);
}

static void
group_selected_cb (IcatWorkPlanView *self)
{
  g_settings_set_string (self->settings, "work-plan-group-by", group_by_names[selected_group_by (self)]);
  schedule_rebuild (self);
}

static void
paper_selected_cb (IcatWorkPlanView *self)
{
  g_settings_set_string (self->settings, "paper-size", paper_names[selected_paper (self)]);
  schedule_rebuild (self);
}

static void
section_toggled_cb (IcatWorkPlanView *self)
{
  g_autoptr(GStrvBuilder) omitted = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < self->section_switches->len; i++)
    if (!gtk_switch_get_active (self->section_switches->pdata[i]))
      g_strv_builder_add (omitted, icat_work_plan_sections[i].name);
  names = g_strv_builder_end (omitted);
  g_settings_set_strv (self->settings, "work-plan-omitted-sections", (const char * const *) names);
  schedule_rebuild (self);
}

/* A switch per section, on unless the user left the section out before:
 * the preview, the PDF and the printout show the same sections. */
static void
setup_sections (IcatWorkPlanView *self)
{
  IcatExportFlags omitted = omitted_sections (self);

  self->section_switches = g_ptr_array_new ();
  for (guint i = 0; icat_work_plan_sections[i].name != NULL; i++)
    {
      const IcatDocumentSection *section = &icat_work_plan_sections[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_name (row, section->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(section->title));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), (omitted & section->omit) == 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (section_toggled_cb), self);
      adw_preferences_group_add (self->sections_group, row);
      g_ptr_array_add (self->section_switches, toggle);
    }
}

int
icat_work_plan_view_get_year (IcatWorkPlanView *self)
{
  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), 0);
  return self->year;
}

void
icat_work_plan_view_set_year (IcatWorkPlanView *self,
                              int               year)
{
  g_return_if_fail (ICAT_IS_WORK_PLAN_VIEW (self));
  g_return_if_fail (year >= FIRST_YEAR && year <= LAST_YEAR);

  add_year (self, year);
  adw_combo_row_set_selected (self->year_row, year_position (self, year));
}

gboolean
icat_work_plan_view_get_busy (IcatWorkPlanView *self)
{
  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), FALSE);
  return self->busy;
}

guint
icat_work_plan_view_get_n_pages (IcatWorkPlanView *self)
{
  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), 0);
  return icat_document_preview_get_n_pages (self->preview);
}

const char *
icat_work_plan_view_get_error (IcatWorkPlanView *self)
{
  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), NULL);
  return self->error;
}

IcatDocument *
_icat_work_plan_view_get_document (IcatWorkPlanView *self)
{
  IcatDocumentHandle *handle;

  g_return_val_if_fail (ICAT_IS_WORK_PLAN_VIEW (self), NULL);
  handle = icat_document_preview_get_document (self->preview);
  return handle ? icat_document_handle_get_document (handle) : NULL;
}

/* A narrow window keeps the status readable: Export shows its icon only. */
static void
folded_changed_cb (IcatWorkPlanView *self)
{
  adw_button_content_set_label (self->export_content, adw_flap_get_folded (self->flap) ? "" : _("_Export PDF…"));
}

/* }}} */
/* Object {{{ */

static void
icat_work_plan_view_map (GtkWidget *widget)
{
  IcatWorkPlanView *self = ICAT_WORK_PLAN_VIEW (widget);

  GTK_WIDGET_CLASS (icat_work_plan_view_parent_class)->map (widget);
  /* The section's first showing reads the years and lays out the plan. */
  if (!self->years_collected)
    collect_years (self);
  if (self->stale)
    {
      g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
      start_build (self);
    }
}

static void
icat_work_plan_view_dispose (GObject *object)
{
  IcatWorkPlanView *self = ICAT_WORK_PLAN_VIEW (object);

  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
  g_clear_object (&self->autosave);
  if (self->building != NULL)
    g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, show_plan, self);
  g_clear_object (&self->plan);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_WORK_PLAN_VIEW);
  g_clear_object (&self->plans);
  g_clear_object (&self->meetings);
  g_clear_object (&self->years);
  g_clear_pointer (&self->section_switches, g_ptr_array_unref);
  g_clear_object (&self->printing);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_work_plan_view_parent_class)->dispose (object);
}

static void
icat_work_plan_view_finalize (GObject *object)
{
  IcatWorkPlanView *self = ICAT_WORK_PLAN_VIEW (object);

  g_clear_object (&self->building);
  g_free (self->error);
  G_OBJECT_CLASS (icat_work_plan_view_parent_class)->finalize (object);
}

static void
icat_work_plan_view_class_init (IcatWorkPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_work_plan_view_dispose;
  object_class->finalize = icat_work_plan_view_finalize;
  widget_class->map = icat_work_plan_view_map;

  g_type_ensure (ICAT_TYPE_DOCUMENT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/work-plan/icat-work-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, flap);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, year_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, group_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, paper_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, sections_group);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, endorsed_on_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, calendar);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, endorsed_at_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, note_row);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, date_error);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, export_content);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, preview);
  gtk_widget_class_bind_template_child (widget_class, IcatWorkPlanView, message_page);
  gtk_widget_class_bind_template_callback (widget_class, endorsed_on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  _icat_work_plan_view_class_init_export (widget_class);
}

static void
add_shortcuts (IcatWorkPlanView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Managed: Ctrl+P works wherever the focus is while the section shows
   * (the shortcut controller skips sections that are not mapped). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>p"),
                                                          gtk_named_action_new ("work-plan.print")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>e"),
                                                          gtk_named_action_new ("work-plan.export")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
icat_work_plan_view_init (IcatWorkPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  icat_date_picker_attach (self->endorsed_on_row, self->calendar_button, self->calendar);
  add_shortcuts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "work-plan.print", FALSE);
  self->stale = TRUE;
}

static void
setup_status_choices (IcatWorkPlanView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) none = gtk_string_list_new ((const char * const[]) { _("Not recorded"), NULL });
  g_autoptr(GtkExpression) expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (icat_action_record_label), NULL, NULL);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) meetings = NULL;

  for (guint i = 0; icat_work_plan_statuses[i] != NULL; i++)
    gtk_string_list_append (statuses, icat_format_enum (ICAT_KEY_STATUS, icat_work_plan_statuses[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  self->meetings = icat_record_list_new (self->store, "meeting");
  icat_record_list_set_sort (self->meetings, ICAT_KEY_STARTS_AT, TRUE);
  g_list_store_append (parts, none);
  g_list_store_append (parts, self->meetings);
  meetings = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  adw_combo_row_set_expression (self->endorsed_at_row, expression);
  adw_combo_row_set_model (self->endorsed_at_row, G_LIST_MODEL (meetings));
}

static void
setup_choices (IcatWorkPlanView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *group_by = g_settings_get_string (self->settings, "work-plan-group-by");
  g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
  int this_year = g_date_time_get_year (now);

  self->year = g_settings_get_int (self->settings, "work-plan-year");
  if (self->year < FIRST_YEAR || self->year > LAST_YEAR)
    self->year = this_year;
  /* The other years with something in them join when the section shows. */
  self->years = gtk_string_list_new (NULL);
  add_year (self, this_year + 1);
  add_year (self, this_year);
  add_year (self, self->year);
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (self->years));
  adw_combo_row_set_selected (self->year_row, year_position (self, self->year));
  adw_combo_row_set_selected (self->group_row, index_of (group_by_names, group_by));
  adw_combo_row_set_selected (self->paper_row, index_of (paper_names, paper));
  setup_status_choices (self);
  setup_sections (self);

  g_signal_connect_swapped (self->year_row, "notify::selected", G_CALLBACK (year_selected_cb), self);
  g_signal_connect_swapped (self->group_row, "notify::selected", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (paper_selected_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->endorsed_at_row, "notify::selected", G_CALLBACK (endorsed_at_selected_cb), self);
}

GtkWidget *
icat_work_plan_view_new (IcatStore *store,
                         GSettings *settings)
{
  IcatWorkPlanView *self;
  g_autofree char *year = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ICAT_TYPE_WORK_PLAN_VIEW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  setup_choices (self);

  year = g_strdup_printf ("%d", self->year);
  self->plans = icat_record_list_new (store, "work_plan");
  icat_record_list_set_filter (self->plans, ICAT_FILTER_YEAR, year);
  g_signal_connect_object (self->plans, "items-changed", G_CALLBACK (load_plan), self, G_CONNECT_SWAPPED);
  load_plan (self);

  /* Any record may be in the plan, and the plan's own record is on its cover. */
  g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
  return GTK_WIDGET (self);
}

/* }}} */
