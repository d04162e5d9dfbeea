/* icat-overview.c — what needs attention now
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first thing a coordinator sees: this year's chair, the next
 * meetings, and which agencies have overdue or soon-due action items.
 */
#define G_LOG_DOMAIN "icat-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-chart.h"
#include "icat-coverage.h"
#include "icat-format.h"
#include "icat-overview.h"
#include "icat-overview-row.h"
#include "icat-record-list.h"
#include "icat-report.h"
#include "icat-today.h"
#include "icat-fields.h"

#define NEXT_MEETINGS 5
#define SOON_DAYS 14
#define CHART_AGENCIES 12

struct _IcatOverview {
  AdwBin               parent_instance;

  IcatStore           *store;
  IcatRecordList      *meetings;
  AdwPreferencesGroup *year_group;
  AdwPreferencesGroup *meetings_group;
  AdwPreferencesGroup *workload_group;
  GtkWidget           *page;
  AdwPreferencesGroup *charts_group;
  GtkWidget           *charts_box;
  IcatChart           *status_chart;
  GtkWidget           *status_empty;  /* shown instead of an empty status chart */
  IcatChart           *coverage_chart;
  IcatChart           *papers_chart;
  GCancellable        *counts_cancellable;
  guint                counts_serial;  /* of the newest count asked for */
  GPtrArray           *rows;      /* rows added by the last refresh, borrowed */
  GPtrArray           *workload_rows;  /* rows of the last count, borrowed */
  guint                refresh_source;
};

G_DEFINE_FINAL_TYPE (IcatOverview, icat_overview, ADW_TYPE_BIN)

enum {
  SHOW_MEETING,
  SHOW_OVERDUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (IcatOverview    *self,
                  IcatOverviewRow *row)
{
  g_signal_emit_by_name (self, icat_overview_row_get_target_signal (row), icat_overview_row_get_target_id (row));
}

static GtkWidget *
add_row (IcatOverview        *self,
         GPtrArray           *rows,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *target_signal,
         const char          *target_id)
{
  GtkWidget *row;

  if (target_signal != NULL)
    {
      row = icat_overview_row_new (target_signal, target_id, title, subtitle);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static void
clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
fill_year (IcatOverview *self,
           GDateTime    *now)
{
  int year = g_date_time_get_year (now);
  g_autofree char *chairs = icat_report_chairs_of (self->store, year);
  g_autofree char *title = g_strdup_printf (_("Chair in %d"), year);

  add_row (self, self->rows, self->year_group, title, chairs ? chairs : _("Not recorded yet"), NULL, NULL);
}

static void
fill_meetings (IcatOverview *self,
               GDateTime    *now)
{
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  guint shown = 0;

  /* Sorted "upcoming": the coming meetings come first. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) && shown < NEXT_MEETINGS; i++)
    {
      g_autoptr(IcatRecord) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (icat_record_get_string (meeting, ICAT_KEY_STARTS_AT), now_text) < 0)
        break;
      when = icat_format_meeting_when (icat_record_get_data (meeting));
      subtitle = g_strdup_printf ("%s · %s", when, icat_format_venue (icat_record_get_string (meeting, ICAT_KEY_VENUE)));
      add_row (self, self->rows, self->meetings_group, icat_record_get_title (meeting), subtitle,
               "show-meeting", icat_record_get_id (meeting));
      shown++;
    }
  if (shown == 0)
    add_row (self, self->rows, self->meetings_group, _("No meetings planned"),
             _("Plan one in Meetings (Ctrl+N)."), NULL, NULL);
}

/* workload: as counted, or NULL when it could not be read (error says why). */
static void
fill_workload (IcatOverview *self,
               GPtrArray    *workload,
               const GError *error)
{
  clear_rows (self->workload_rows);
  if (workload == NULL)
    {
      add_row (self, self->workload_rows, self->workload_group, _("Action items cannot be read"), error->message,
               NULL, NULL);
      return;
    }
  for (guint i = 0; i < workload->len; i++)
    {
      IcatAgencyWorkload *agency = workload->pdata[i];
      g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", agency->overdue),
                                                  agency->overdue);
      g_autofree char *due_soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due within two weeks",
                                                                "%u due within two weeks", agency->due_soon),
                                                   agency->due_soon);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", overdue, due_soon);
      GtkWidget *row = add_row (self, self->workload_rows, self->workload_group, agency->acronym, subtitle,
                                "show-overdue", agency->agency_id);

      if (agency->overdue > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
    }
  if (workload->len == 0)
    add_row (self, self->workload_rows, self->workload_group, _("Nothing overdue"),
             _("No open action item is due within two weeks."), NULL, NULL);
}

/* Counts (the workload and the charts): made on a worker thread with a
 * connection of its own, so a database of 100,000 action items never holds
 * up the window. The page is drawn at once and filled in when they come. */

typedef struct {
  char *today;  /* "YYYY-MM-DD" */
  char *soon;   /* today + SOON_DAYS */
} CountDays;

static void
count_days_free (CountDays *days)
{
  g_free (days->today);
  g_free (days->soon);
  g_free (days);
}

typedef struct {
  GPtrArray *workload;
  GPtrArray *by_agency;
  GPtrArray *coverage;
  GPtrArray *papers;
} ChartData;

static void
chart_data_free (ChartData *data)
{
  g_clear_pointer (&data->workload, g_ptr_array_unref);
  g_clear_pointer (&data->by_agency, g_ptr_array_unref);
  g_clear_pointer (&data->coverage, g_ptr_array_unref);
  g_clear_pointer (&data->papers, g_ptr_array_unref);
  g_free (data);
}

static IcatTally *
tally_new (const char *label)
{
  IcatTally *tally = g_new0 (IcatTally, 1);

  tally->label = g_strdup (label);
  return tally;
}

/* Mandates with open work, with only completed work, and with none: for
 * all of them and for those addressed to ICAT. */
static GPtrArray *
coverage_tallies (IcatCoverage *coverage)
{
  GPtrArray *tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_tally_free);
  IcatTally *all = tally_new (_("All mandates"));
  IcatTally *for_icat = tally_new (_("Addressed to ICAT"));

  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IcatCoverageLine *row = coverage->rows->pdata[i];
      guint state = row->open > 0 ? 0 : row->completed > 0 ? 1 : 2;

      all->values[state]++;
      if (row->for_icat)
        for_icat->values[state]++;
    }
  g_ptr_array_add (tallies, all);
  g_ptr_array_add (tallies, for_icat);
  return tallies;
}

/* On a worker thread, with a connection of its own. */
static gpointer
count_thread (IcatDb        *db,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  CountDays *days = task_data;
  g_autoptr(IcatCoverage) coverage = NULL;
  ChartData *data = g_new0 (ChartData, 1);

  if ((data->workload = icat_report_workload (db, days->today, days->soon, error)) != NULL &&
      (data->by_agency = icat_report_status_by_agency (db, CHART_AGENCIES, error)) != NULL &&
      (data->papers = icat_report_papers_by_stage (db, error)) != NULL &&
      (coverage = icat_coverage_compute (db, ICAT_COVERAGE_BY_STATUS, error)) != NULL)
    {
      data->coverage = coverage_tallies (coverage);
      return data;
    }
  chart_data_free (data);
  return NULL;
}

/* A chart with no rows says why instead of leaving an empty card;
 * empty: the label saying why, or NULL if the chart has none. */
static void
set_chart_rows (IcatChart *chart,
                GtkWidget *empty,
                GPtrArray *rows)
{
  icat_chart_set_rows (chart, rows);
  gtk_widget_set_visible (GTK_WIDGET (chart), icat_chart_get_n_rows (chart) > 0);
  if (empty != NULL)
    gtk_widget_set_visible (empty, icat_chart_get_n_rows (chart) == 0);
}

/* The count a callback answers: a count asked for before the newest one is
 * stale, and never replaces what the newer one shows. */
typedef struct {
  IcatOverview *overview;  /* owned */
  guint         serial;
} CountRequest;

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(IcatOverview) self = request->overview;
  g_autoptr(GError) error = NULL;
  ChartData *data = icat_store_read_finish (result, &error);
  gboolean stale = request->serial != self->counts_serial;

  g_free (request);
  if (data == NULL)
    {
      if (!stale && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_preferences_group_set_description (self->charts_group, error->message);
          fill_workload (self, NULL, error);
        }
      return;
    }
  if (stale)
    {
      chart_data_free (data);
      return;
    }
  fill_workload (self, data->workload, NULL);
  set_chart_rows (self->status_chart, self->status_empty, data->by_agency);
  set_chart_rows (self->coverage_chart, NULL, data->coverage);
  set_chart_rows (self->papers_chart, NULL, data->papers);
  chart_data_free (data);
}

/* A count still running is cancelled: its answer would be older. */
static void
count (IcatOverview *self,
       GDateTime    *now)
{
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, SOON_DAYS);
  CountDays *days = g_new0 (CountDays, 1);
  CountRequest *request = g_new0 (CountRequest, 1);

  days->today = icat_day_string (now);
  days->soon = icat_day_string (soon);
  request->overview = g_object_ref (self);
  request->serial = ++self->counts_serial;
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  icat_store_read_async (self->store, count_thread, days, (GDestroyNotify) count_days_free,
                         (GDestroyNotify) chart_data_free, ICAT_STORE_READ_RETURN_ON_CANCEL,
                         self->counts_cancellable, counted_cb, request);
}

static gboolean
refresh (gpointer data)
{
  IcatOverview *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->refresh_source = 0;
  clear_rows (self->rows);
  icat_record_list_refresh (self->meetings);
  fill_year (self, now);
  fill_meetings (self, now);
  count (self, now);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (IcatOverview *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (200, refresh, self);
}

static void
icat_overview_dispose (GObject *object)
{
  IcatOverview *self = ICAT_OVERVIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->meetings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_overview_parent_class)->dispose (object);
}

static void
icat_overview_finalize (GObject *object)
{
  g_ptr_array_unref (ICAT_OVERVIEW (object)->rows);
  g_ptr_array_unref (ICAT_OVERVIEW (object)->workload_rows);
  G_OBJECT_CLASS (icat_overview_parent_class)->finalize (object);
}

static void
icat_overview_class_init (IcatOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icat_overview_dispose;
  object_class->finalize = icat_overview_finalize;

  signals[SHOW_MEETING] = g_signal_new ("show-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_OVERDUE] = g_signal_new ("show-overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static AdwPreferencesGroup *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* A label of a chart's card: aligned to the card's start, wrapped at its width. */
static GtkWidget *
card_label_new (const char *text,
                const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* empty_label: where to return the label shown instead of an empty chart,
 * or NULL when empty_text is NULL. */
static IcatChart *
add_chart (IcatOverview  *self,
           const char    *name,
           const char    *title,
           const char    *description,
           const char    *empty_text,
           GtkWidget    **empty_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = card_label_new (title, "heading");
  GtkWidget *chart = icat_chart_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "chart-card");
  gtk_widget_set_name (chart, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), heading);
  if (description != NULL)
    {
      GtkWidget *caption = card_label_new (description, "dim-label");

      gtk_widget_add_css_class (caption, "caption");
      gtk_box_append (GTK_BOX (box), caption);
    }
  gtk_box_append (GTK_BOX (box), chart);
  if (empty_text != NULL)
    {
      GtkWidget *empty = card_label_new (empty_text, "dim-label");

      gtk_widget_set_name (empty, "chart-empty");
      gtk_widget_set_visible (empty, FALSE);
      gtk_box_append (GTK_BOX (box), empty);
      *empty_label = empty;
    }
  gtk_box_append (GTK_BOX (self->charts_box), box);
  return ICAT_CHART (chart);
}

static void
add_charts (IcatOverview *self)
{
  /* Colours from the GNOME palette: blue, green, yellow, red, grey. */
  const char *status_labels[] = {
    icat_format_enum (ICAT_KEY_STATUS, "open"), icat_format_enum (ICAT_KEY_STATUS, "in-progress"),
    icat_format_enum (ICAT_KEY_STATUS, "blocked"), icat_format_enum (ICAT_KEY_STATUS, "done"),
    icat_format_enum (ICAT_KEY_STATUS, "cancelled"),
  };
  const char *status_colors[] = { "#3584e4", "#62a0ea", "#e5a50a", "#2ec27e", "#9a9996" };
  const char *coverage_labels[] = { _("Open work"), _("Completed work only"), _("No work") };
  const char *coverage_colors[] = { "#3584e4", "#2ec27e", "#c0bfbc" };
  const char *papers_label[] = { _("Papers") };
  const char *papers_color[] = { "#9141ac" };

  self->charts_group = new_group (self->page, _("At a Glance"));
  self->charts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_preferences_group_add (self->charts_group, self->charts_box);
  self->status_chart = add_chart (self, "status-chart", _("Action items by status, per owner agency"),
                                  _("The agencies with the most unfinished work first."),
                                  _("No action item has an owner agency yet."), &self->status_empty);
  icat_chart_set_series (self->status_chart, status_labels, status_colors, G_N_ELEMENTS (status_labels));
  self->coverage_chart = add_chart (self, "coverage-chart", _("Mandate coverage"),
                                    _("Paragraphs with action items or papers linked to them."), NULL, NULL);
  icat_chart_set_series (self->coverage_chart, coverage_labels, coverage_colors, G_N_ELEMENTS (coverage_labels));
  self->papers_chart = add_chart (self, "papers-chart", _("Papers by stage"), NULL, NULL, NULL);
  icat_chart_set_series (self->papers_chart, papers_label, papers_color, 1);
}

static void
icat_overview_init (IcatOverview *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  self->page = page;
  self->rows = g_ptr_array_new ();
  self->workload_rows = g_ptr_array_new ();
  self->year_group = new_group (page, _("This Year"));
  add_charts (self);
  self->meetings_group = new_group (page, _("Next Meetings"));
  self->workload_group = new_group (page, _("Action Items Needing Attention"));
  adw_preferences_group_set_description (self->workload_group,
                                         _("Open action items per owner agency. Choose one to chase it."));
  /* Until the first count comes back. */
  add_row (self, self->workload_rows, self->workload_group, _("Counting action items…"), NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
icat_overview_new (IcatStore *store)
{
  IcatOverview *self = g_object_new (ICAT_TYPE_OVERVIEW, NULL);

  self->store = g_object_ref (store);
  self->meetings = icat_record_list_new (store, "meeting");
  icat_record_list_set_sort (self->meetings, "upcoming", FALSE);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}
