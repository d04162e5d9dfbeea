/* icat-work-plan.c — the Working Group's work plan of a year, as pages
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is not typed twice: its activities are the year's action items,
 * papers and meetings, with the dates that recur every year or every few
 * (DOMAIN.md: World Day, GPA appraisals, Global Reports, the Commission's
 * May session). Only the plan's own status lives in a work_plan record.
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icat-document-private.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-seed.h"
#include "icat-today.h"
#include "icat-work-plan-data.h"

#define CONTENTS_PER_PAGE 34
/* A shorter plan is read without a contents page. */
#define CONTENTS_MIN_ENTRIES 10

typedef struct {
  char  *title;
  guint  page;
} Section;

static void
section_free (Section *section)
{
  g_free (section->title);
  g_free (section);
}

typedef struct {
  IcatWorkPlanData *data;
  IcatGroupBy       group_by;
  IcatExportFlags   flags;
  IcatPageWriter   *writer;
  GPtrArray        *sections;  /* Section, for the contents */
  GPtrArray        *outline;
  gboolean          measured;  /* laid out once already: sections and outline known */
  GHashTable       *date_labels;  /* stored date → as people read it */
  char             *title;
  char             *subject;
  char             *footer;
} Builder;

static void
builder_clear (Builder *builder)
{
  g_clear_pointer (&builder->data, icat_work_plan_data_free);
  g_clear_pointer (&builder->sections, g_ptr_array_unref);
  g_clear_pointer (&builder->outline, g_ptr_array_unref);
  g_clear_pointer (&builder->date_labels, g_hash_table_unref);
  g_clear_pointer (&builder->title, g_free);
  g_clear_pointer (&builder->subject, g_free);
  g_clear_pointer (&builder->footer, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static const char *
group_by_label (IcatGroupBy group_by)
{
  return group_by == ICAT_GROUP_BY_MANDATE ? _("By mandate") : _("By pillar of the Global Plan of Action");
}

/* Cover */

static char *
status_line (IcatWorkPlanData *data)
{
  g_autofree char *date = NULL;

  if (g_strcmp0 (data->status, "endorsed") != 0)
    return g_strdup (_("Draft — not yet endorsed by the Working Group"));
  if (data->endorsed_on == NULL)
    return g_strdup (_("Endorsed by the Working Group"));
  date = icat_format_date (data->endorsed_on);
  if (data->endorsed_at_title != NULL)
    /* Translators: the status on a work plan's cover: date, then the meeting */
    return g_strdup_printf (_("Endorsed by the Working Group on %s, at “%s”"), date, data->endorsed_at_title);
  /* Translators: the status on a work plan's cover */
  return g_strdup_printf (_("Endorsed by the Working Group on %s"), date);
}

static void
draw_cover (Builder *builder)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  IcatPageWriter *writer = builder->writer;
  IcatWorkPlanData *data = builder->data;
  cairo_t *cr = icat_page_writer_get_cairo (writer);
  g_autofree char *title = g_strdup_printf (_("Work plan %d"), data->year);
  g_autofree char *status = status_line (data);
  g_autoptr(GDateTime) now = icat_document_now ();
  g_autofree char *today = icat_day_string (now);
  g_autofree char *prepared = icat_format_date (today);
  g_autofree char *counts = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *sentence_and_kinds = NULL;

  /* A band of UN blue across the top of the cover. */
  cairo_set_source_rgb (cr, ICAT_INK_ACCENT);
  cairo_rectangle (cr, 0, 0, icat_page_writer_get_body_width (writer) + 2 * icat_page_writer_get_left (writer), 14);
  cairo_fill (cr);

  icat_page_writer_advance (writer, 120);
  icat_page_writer_text (writer, ICAT_TEXT_COVER_KICKER, group_heading, 0);
  icat_page_writer_text (writer, ICAT_TEXT_COVER_TITLE, title, 0);
  icat_page_writer_text (writer, ICAT_TEXT_COVER_SUBTITLE, status, 0);
  icat_page_writer_advance (writer, 40);

  icat_page_writer_fact (builder->writer, data->n_chairs > 1 ? _("Co-chairs") : _("Chair"),
              data->chairs != NULL ? data->chairs : _("No chair is recorded for this year."));
  icat_page_writer_fact (builder->writer, _("Working Group"),
              data->working_group != NULL ? data->working_group : _("No Working Group members are recorded for this year."));
  /* Translators: the cover's count of activities, a sentence */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This plan has %u activity.", "This plan has %u activities.",
                                         data->activities->len),
                            data->activities->len);
  /* Translators: under the cover's count, the activities of each kind; "papers: 3" reads
   * right for any number */
  kinds = g_strdup_printf (_("Action items: %u · papers: %u · meetings: %u · recurring dates: %u"),
                           data->n_action_items, data->n_papers, data->n_meetings, data->n_recurring);
  sentence_and_kinds = g_strconcat (counts, "\n", kinds, NULL);
  icat_page_writer_fact (builder->writer, _("Activities"), sentence_and_kinds);
  icat_page_writer_fact (builder->writer, _("Arranged"), group_by_label (builder->group_by));
  icat_page_writer_fact (builder->writer, _("Prepared"), prepared);
}

/* Contents */

/* One page of the contents: its entries from the (page_in_contents)th on. */
static void
draw_contents_page (Builder *builder,
                    cairo_t *cr,
                    guint    page_in_contents)
{
  IcatPageWriter *writer = builder->writer;
  double left = icat_page_writer_get_left (writer);
  double width = icat_page_writer_get_body_width (writer);
  gboolean rtl = icat_page_writer_is_right_to_left (writer);
  guint index = page_in_contents * CONTENTS_PER_PAGE;
  double y = 56.7;

  if (page_in_contents == 0)
    {
      g_autoptr(PangoLayout) heading = icat_page_writer_layout (writer, ICAT_TEXT_HEADING_1, _("Contents"), width);

      cairo_set_source_rgb (cr, ICAT_INK_ACCENT);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, heading);
      y += icat_layout_height (heading) + 18;
    }
  for (guint n = 0; n < CONTENTS_PER_PAGE && index < builder->sections->len; n++, index++)
    {
      Section *section = builder->sections->pdata[index];
      g_autofree char *number = g_strdup_printf ("%u", section->page + 1);
      g_autoptr(PangoLayout) entry = icat_page_writer_layout (writer, ICAT_TEXT_BODY, section->title, width - 50);
      g_autoptr(PangoLayout) page_number = icat_page_writer_layout (writer, ICAT_TEXT_BODY, number, 40);
      int number_width;

      icat_layout_ellipsize_end (entry);
      pango_layout_get_pixel_size (page_number, &number_width, NULL);
      cairo_set_source_rgb (cr, ICAT_INK_TEXT);
      /* Right to left, the title is on the right and its page number on the
       * left, right-aligned in its 40 points. */
      cairo_move_to (cr, rtl ? left + 50 : left, y);
      pango_cairo_show_layout (cr, entry);
      cairo_move_to (cr, rtl ? left + number_width - 40 : left + width - number_width, y);
      pango_cairo_show_layout (cr, page_number);
      cairo_set_source_rgb (cr, ICAT_INK_RULE);
      cairo_rectangle (cr, left, y + 16, width, 0.3);
      cairo_fill (cr);
      y += 20;
    }
}

/* The contents of recorded pages, filled in once the sections are laid out. */
static void
draw_contents (Builder *builder,
               guint    first_page,
               guint    n_pages)
{
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = icat_page_writer_cairo_for_page (builder->writer, first_page + page);

      draw_contents_page (builder, cr, page);
      cairo_destroy (cr);
    }
}

static void
begin_section (Builder    *builder,
               const char *title,
               int         level)
{
  Section *section;

  icat_page_writer_heading (builder->writer, level == 0 ? ICAT_TEXT_HEADING_1 : ICAT_TEXT_HEADING_2, title);
  if (builder->measured)
    return;
  section = g_new0 (Section, 1);
  section->title = g_strdup (title);
  section->page = icat_page_writer_get_page (builder->writer);
  g_ptr_array_add (builder->sections, section);
  icat_outline_add (builder->outline, title, section->page, level);
}

/* Activities */

/* A year's activities share a few hundred dates, each formatted once
 * rather than twice per row and pass. */
static const char *
date_label (Builder    *builder,
            const char *date)
{
  const char *key = date != NULL ? date : "";
  char *label = g_hash_table_lookup (builder->date_labels, key);

  if (label == NULL)
    {
      label = icat_format_date (key);
      g_hash_table_insert (builder->date_labels, g_strdup (key), label);
    }
  return label;
}

static void
activity_row (Builder      *builder,
              IcatActivity *activity)
{
  const char *cells[] = {
    activity->title, icat_activity_type_label (activity->type), activity->lead != NULL ? activity->lead : "—",
    date_label (builder, activity->start), date_label (builder, activity->end), activity->status_label,
  };
  IcatRowFlags flags = ICAT_ROW_DEFAULT;

  if (activity->overdue)
    flags |= ICAT_ROW_ALERT;
  if (activity->muted)
    flags |= ICAT_ROW_MUTED;
  icat_page_writer_table_row (builder->writer, cells, flags);
}

static void
activity_table (Builder   *builder,
                GPtrArray *activities)
{
  /* The date columns fit a Chinese date ("2026年12月22日"), the type
   * column "Recurring date" and the lead column "INTERPOL" and
   * "Organismo principal" without breaking a word. */
  const double fractions[] = { 0.31, 0.11, 0.12, 0.16, 0.16, 0.14 };
  const char *headers[] = { _("Activity"), _("Type"), _("Lead"), _("Start"), _("End or due"), _("Status") };

  icat_page_writer_table_begin (builder->writer, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < activities->len; i++)
    activity_row (builder, activities->pdata[i]);
  icat_page_writer_table_end (builder->writer);
}

static void
write_groups (Builder *builder)
{
  g_autoptr(GPtrArray) groups = icat_work_plan_data_group (builder->data, builder->group_by);

  if (builder->data->n_recorded == 0)
    {
      g_autofree char *empty = g_strdup_printf (_("Nothing is planned for %d yet: no action items, papers or meetings "
                                                  "are recorded for the year. The dates below recur every year "
                                                  "or are fixed by the General Assembly."),
                                                builder->data->year);

      icat_page_writer_text (builder->writer, ICAT_TEXT_BODY, empty, 0);
    }
  for (guint i = 0; i < groups->len; i++)
    {
      IcatActivityGroup *group = groups->pdata[i];
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                                             group->activities->len),
                                                group->activities->len);

      /* A section's heading never ends a page: its table's header and first
       * row come with it. */
      icat_page_writer_ensure (builder->writer, 120);
      begin_section (builder, group->title, 0);
      if (group->description != NULL)
        icat_page_writer_text (builder->writer, ICAT_TEXT_CAPTION, group->description, 0);
      icat_page_writer_text (builder->writer, ICAT_TEXT_CAPTION, count, 0);
      activity_table (builder, group->activities);
    }
}

static void
write_contacts (Builder *builder)
{
  g_autoptr(GPtrArray) rows = icat_work_plan_data_contacts (builder->data);
  const double fractions[] = { 0.14, 0.26, 0.26, 0.34 };
  const char *headers[] = { _("Agency"), _("Focal point"), _("Title"), _("E-mail and phone") };

  if (rows->len == 0)
    return;
  begin_section (builder, _("Focal points of the lead agencies"), 0);
  icat_page_writer_table_begin (builder->writer, G_N_ELEMENTS (fractions), fractions, headers);
  for (guint i = 0; i < rows->len; i++)
    icat_page_writer_table_row (builder->writer, (const char * const *) rows->pdata[i], ICAT_ROW_DEFAULT);
  icat_page_writer_table_end (builder->writer);
}

static guint
count_sections (Builder *builder)
{
  g_autoptr(GPtrArray) groups = icat_work_plan_data_group (builder->data, builder->group_by);

  /* The groups and the timeline unless left out, and the focal points
   * when asked for. */
  return ((builder->flags & ICAT_EXPORT_OMIT_ACTIVITIES) ? 0 : groups->len)
         + ((builder->flags & ICAT_EXPORT_OMIT_TIMELINE) ? 0 : 1)
         + ((builder->flags & ICAT_EXPORT_INCLUDE_CONTACTS) ? 1 : 0);
}

/* The records of the year and the texts every page shares; FALSE, with
 * error set, for a year without a plan. */
static gboolean
builder_init (Builder      *builder,
              IcatDb       *db,
              int           year,
              IcatGroupBy   group_by,
              IcatExportFlags flags,
              GError      **error)
{
  if (year < 2006 || year > 2100)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, _("There is no work plan for %d: years run from 2006 to 2100."), year);
      return FALSE;
    }
  builder->data = icat_work_plan_data_load (db, year, error);
  if (builder->data == NULL)
    return FALSE;
  builder->group_by = group_by;
  builder->flags = flags;
  builder->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  builder->outline = g_ptr_array_new ();
  builder->date_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  builder->title = g_strdup_printf (_("Work plan %d"), year);
  builder->subject = g_strdup_printf (_("The ICAT Working Group’s work plan for %d: activities, lead agencies, dates and status"), year);
  builder->footer = g_strdup_printf ("%s · %s · %s", _("ICAT"), builder->title,
                                     g_strcmp0 (builder->data->status, "endorsed") == 0 ? _("Endorsed") : _("Draft"));
  return TRUE;
}

/* Every page, in order. Onto recorded pages the contents are filled in at
 * the end; streamed, the pages were measured before, so the contents are
 * drawn where they stand. */
static void
lay_out_work_plan (IcatPageWriter *writer,
                   gpointer        user_data)
{
  Builder *builder = user_data;
  gboolean streaming = icat_page_writer_is_streaming (writer);
  guint n_sections, contents_pages, contents_first;

  builder->writer = writer;
  if (!builder->measured)
    icat_outline_add (builder->outline, builder->title, 0, 0);
  draw_cover (builder);

  /* With every section left out, the cover is the whole plan. */
  n_sections = count_sections (builder);
  contents_pages = n_sections < CONTENTS_MIN_ENTRIES ? 0 : (n_sections + CONTENTS_PER_PAGE - 1) / CONTENTS_PER_PAGE;
  contents_first = icat_page_writer_get_n_pages (writer);
  for (guint i = 0; i < contents_pages; i++)
    {
      icat_page_writer_new_page (writer);
      if (streaming)
        draw_contents_page (builder, icat_page_writer_get_cairo (writer), i);
    }
  if (!builder->measured && contents_pages > 0)
    icat_outline_add (builder->outline, _("Contents"), contents_first, 0);
  if (n_sections > 0)
    icat_page_writer_new_page (writer);

  if (!(builder->flags & ICAT_EXPORT_OMIT_ACTIVITIES))
    write_groups (builder);
  if (!(builder->flags & ICAT_EXPORT_OMIT_TIMELINE))
    {
      /* The timeline has a page of its own, after the activities. */
      if (!(builder->flags & ICAT_EXPORT_OMIT_ACTIVITIES))
        icat_page_writer_new_page (writer);
      begin_section (builder, _("Timeline of the year"), 0);
      icat_work_plan_draw_timeline (writer, builder->data);
    }
  if (builder->flags & ICAT_EXPORT_INCLUDE_CONTACTS)
    write_contacts (builder);

  if (!streaming)
    draw_contents (builder, contents_first, contents_pages);
}

IcatDocument *
icat_document_new_work_plan (IcatDb          *db,
                             int              year,
                             IcatGroupBy      group_by,
                             IcatPaperSize    paper,
                             IcatExportFlags  flags,
                             GError         **error)
{
  g_auto(Builder) builder = { 0 };
  g_autoptr(IcatPageWriter) writer = NULL;
  double width, height;

  if (!builder_init (&builder, db, year, group_by, flags, error))
    return NULL;
  icat_page_size_points (paper, &width, &height);
  writer = icat_page_writer_new (width, height);
  lay_out_work_plan (writer, &builder);
  return icat_document_new_from_writer (writer, builder.title, builder.subject, builder.footer, builder.outline, TRUE);
}

gboolean
icat_document_write_work_plan_pdf (IcatDb          *db,
                                   int              year,
                                   IcatGroupBy      group_by,
                                   IcatPaperSize    paper,
                                   IcatExportFlags  flags,
                                   GOutputStream   *stream,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_auto(Builder) builder = { 0 };
  g_autoptr(IcatPageWriter) writer = NULL;
  IcatDocumentInfo info = { 0 };

  if (!builder_init (&builder, db, year, group_by, flags, error))
    return FALSE;
  info = (IcatDocumentInfo) { builder.title, builder.subject, builder.footer, builder.outline, TRUE, 0, 0 };
  icat_page_size_points (paper, &info.width, &info.height);
  writer = icat_page_writer_new_measuring (info.width, info.height);
  lay_out_work_plan (writer, &builder);
  builder.measured = TRUE;
  return icat_document_stream_pdf (writer, lay_out_work_plan, &builder, &info, stream, cancellable, error);
}
