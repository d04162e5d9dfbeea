/* icat-document.c — laid-out pages of a work plan or a meeting record
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "icat-document-private.h"
#include "icat-error.h"
#include "icat-pdf-language.h"
#include "icat-report-doc.h"
#include "icat-record-io.h"
#include "icat-seed.h"

struct _IcatDocument {
  char      *title;
  char      *subject;
  double     width;
  double     height;
  GPtrArray *pages;    /* cairo_surface_t, recording */
  GPtrArray *outline;  /* IcatOutlineEntry */
};

static void
outline_entry_free (IcatOutlineEntry *entry)
{
  g_free (entry->title);
  g_free (entry);
}

void
icat_outline_add (GPtrArray  *outline,
                  const char *title,
                  guint       page,
                  int         level)
{
  IcatOutlineEntry *entry = g_new0 (IcatOutlineEntry, 1);

  if (outline->len == 0)
    g_ptr_array_set_free_func (outline, (GDestroyNotify) outline_entry_free);
  entry->title = g_strdup (title);
  entry->page = page;
  entry->level = level;
  g_ptr_array_add (outline, entry);
}

void
icat_page_size_points (IcatPaperSize  paper,
                       double        *width,
                       double        *height)
{
  if (paper == ICAT_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

GDateTime *
icat_document_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  char *end = NULL;
  gint64 seconds;

  if (epoch != NULL && *epoch != '\0')
    {
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (end != NULL && *end == '\0')
        return g_date_time_new_from_unix_utc (seconds);
    }
  return g_date_time_new_now_local ();
}

static void
draw_footer (cairo_t      *cr,
             PangoContext *context,
             double        width,
             double        height,
             const char   *running_footer,
             guint         number,
             guint         n_pages,
             gboolean      rtl)
{
  g_autoptr(PangoLayout) left = pango_layout_new (context);
  g_autoptr(PangoLayout) right = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (ICAT_DOCUMENT_SANS " 8");
  /* Translators: the page number in a document's footer */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), number, n_pages);
  double margin = 56.7;
  double y = height - 46;
  int right_width;

  pango_layout_set_font_description (left, font);
  pango_layout_set_font_description (right, font);
  pango_font_description_free (font);
  icat_layout_set_text (right, page_text);
  pango_layout_get_size (right, &right_width, NULL);
  /* Right to left, the running footer is on the right and the page number
   * on the left (left and right name the English places). */
  if (rtl)
    icat_layout_set_right_to_left (left);
  icat_layout_set_text (left, running_footer);
  pango_layout_set_width (left, (int) ((width - 2 * margin - right_width / PANGO_SCALE - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, ICAT_INK_RULE);
  cairo_rectangle (cr, margin, y - 6, width - 2 * margin, 0.5);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, ICAT_INK_MUTED);
  cairo_move_to (cr, rtl ? margin + right_width / PANGO_SCALE + 12 : margin, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, rtl ? margin : width - margin - (double) right_width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, right);
}

IcatDocument *
icat_document_new_from_writer (IcatPageWriter *writer,
                               const char     *title,
                               const char     *subject,
                               const char     *running_footer,
                               GPtrArray      *outline,
                               gboolean        has_cover)
{
  IcatDocument *document = g_new0 (IcatDocument, 1);
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);

  gboolean rtl = icat_page_writer_is_right_to_left (writer);

  pango_cairo_context_set_resolution (context, 72);
  if (rtl)
    pango_context_set_base_dir (context, PANGO_DIRECTION_RTL);
  document->title = g_strdup (title);
  document->subject = g_strdup (subject);
  document->pages = icat_page_writer_finish (writer);
  document->outline = g_ptr_array_ref (outline);
  {
    cairo_rectangle_t extents;

    cairo_recording_surface_get_extents (document->pages->pdata[0], &extents);
    document->width = extents.width;
    document->height = extents.height;
  }
  for (guint i = has_cover ? 1 : 0; i < document->pages->len; i++)
    {
      cairo_t *cr = cairo_create (document->pages->pdata[i]);

      draw_footer (cr, context, document->width, document->height, running_footer, i + 1, document->pages->len,
                   rtl);
      cairo_destroy (cr);
    }
  g_object_unref (context);
  g_object_unref (font_map);
  return document;
}

void
icat_document_free (IcatDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->title);
  g_free (document->subject);
  g_clear_pointer (&document->pages, g_ptr_array_unref);
  g_clear_pointer (&document->outline, g_ptr_array_unref);
  g_free (document);
}

const char *
icat_document_get_title (IcatDocument *document)
{
  return document->title;
}

guint
icat_document_get_n_pages (IcatDocument *document)
{
  return document->pages->len;
}

void
icat_document_get_page_size (IcatDocument *document,
                             double       *width,
                             double       *height)
{
  *width = document->width;
  *height = document->height;
}

void
icat_document_draw_page (IcatDocument *document,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (page < document->pages->len);

  cairo_save (cr);
  cairo_set_source_surface (cr, document->pages->pdata[page], 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* cairo's PDF is gathered whole: its language is added once it is
 * finished (icat-pdf-language.c), then it goes to the stream. */
typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GByteArray    *pdf;
} PdfSink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  PdfSink *sink = closure;

  g_byte_array_append (sink->pdf, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t *surface,
              IcatDocument    *document)
{
  g_autofree char *group_heading = icat_seed_group_heading ();
  g_autoptr(GDateTime) now = icat_document_now ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  /* The author named in the PDF's properties. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, group_heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, document->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ICAT Tracker " PACKAGE_VERSION);
  /* cairo 1.16 ignores SOURCE_DATE_EPOCH; the dates are set here instead. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
}

static void
add_outline (cairo_surface_t *surface,
             IcatDocument    *document)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0 };

  for (guint i = 0; i < document->outline->len; i++)
    {
      IcatOutlineEntry *entry = document->outline->pdata[i];
      int level = CLAMP (entry->level, 0, 2);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]", entry->page + 1);

      parents[level + 1] = cairo_pdf_surface_add_outline (surface, parents[level], entry->title, link,
                                                          level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

/* Ends the PDF, says its language and writes it to the stream; or says
 * what went wrong. */
static gboolean
finish_pdf (cairo_surface_t *surface,
            PdfSink         *sink,
            GError         **error)
{
  g_autoptr(GByteArray) pdf = sink->pdf;
  g_autoptr(GError) language_error = NULL;
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  sink->pdf = NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_FAILED, _("Could not draw the document: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* The document is in the language of the translation it was written in. */
  if (!icat_pdf_add_language (pdf, icat_report_language (), &language_error))
    g_warning ("%s", language_error->message);
  return g_output_stream_write_all (sink->stream, pdf->data, pdf->len, NULL, sink->cancellable, error);
}

gboolean
icat_document_write_pdf (IcatDocument  *document,
                         GOutputStream *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  PdfSink sink = { stream, cancellable, g_byte_array_new () };
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, document->width, document->height);
  set_metadata (surface, document);
  add_outline (surface, document);
  cr = cairo_create (surface);
  for (guint i = 0; i < document->pages->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      icat_document_draw_page (document, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return finish_pdf (surface, &sink, error);
}

typedef struct {
  PangoContext *context;
  double        width;
  double        height;
  const char   *running_footer;
  guint         n_pages;
  gboolean      has_cover;
} StreamedFooter;

static void
footer_at_page_end (IcatPageWriter *writer,
                    gpointer        user_data)
{
  StreamedFooter *footer = user_data;
  guint page = icat_page_writer_get_page (writer);
  cairo_t *cr;

  if (footer->has_cover && page == 0)
    return;
  /* A context of its own, as on a recorded page: nothing the page left
   * behind (a path, a colour) reaches the footer. */
  cr = cairo_create (cairo_get_target (icat_page_writer_get_cairo (writer)));
  draw_footer (cr, footer->context, footer->width, footer->height, footer->running_footer, page + 1, footer->n_pages,
               icat_page_writer_is_right_to_left (writer));
  cairo_destroy (cr);
}

gboolean
icat_document_stream_pdf (IcatPageWriter      *writer,
                          IcatDocumentLayOut   lay_out,
                          gpointer             user_data,
                          const IcatDocumentInfo *info,
                          GOutputStream       *stream,
                          GCancellable        *cancellable,
                          GError             **error)
{
  IcatDocument shell = { (char *) info->title, (char *) info->subject, info->width, info->height, NULL, info->outline };
  PdfSink sink = { stream, cancellable, g_byte_array_new () };
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  StreamedFooter footer = { context, info->width, info->height, info->running_footer,
                            icat_page_writer_get_n_pages (writer), info->has_cover };
  cairo_surface_t *surface;
  gboolean written;

  pango_cairo_context_set_resolution (context, 72);
  if (icat_page_writer_is_right_to_left (writer))
    pango_context_set_base_dir (context, PANGO_DIRECTION_RTL);
  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, info->width, info->height);
  set_metadata (surface, &shell);
  add_outline (surface, &shell);
  icat_page_writer_restart_on (writer, surface, footer_at_page_end, &footer);
  lay_out (writer, user_data);
  /* Laid out twice from the same records, the pages fall the same way. */
  g_warn_if_fail (icat_page_writer_get_n_pages (writer) == footer.n_pages);
  icat_page_writer_end_streaming (writer);
  written = finish_pdf (surface, &sink, error);
  g_object_unref (context);
  g_object_unref (font_map);
  return written;
}

gboolean
icat_document_write_pdf_file (IcatDocument *document,
                              const char   *path,
                              GError      **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *pdf = G_MEMORY_OUTPUT_STREAM (memory);
  g_autoptr(GError) local_error = NULL;

  if (!icat_document_write_pdf (document, memory, NULL, &local_error) ||
      !g_output_stream_close (memory, NULL, &local_error))
    {
      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO, _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }
  /* As every export is written: the old file (and its mode) stays until
   * the new one is whole, and through a symbolic link the file it points
   * to is replaced, not the link. */
  if (!icat_export_replace_file (path, g_memory_output_stream_get_data (pdf),
                                 g_memory_output_stream_get_data_size (pdf), &local_error))
    {
      g_set_error_literal (error, ICAT_ERROR, ICAT_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Sections the user chooses */

const IcatDocumentSection icat_work_plan_sections[] = {
  { "activities", ICAT_EXPORT_OMIT_ACTIVITIES, N_("Activities") },
  { "timeline", ICAT_EXPORT_OMIT_TIMELINE, N_("Timeline of the year") },
  { NULL, 0, NULL },
};

const IcatDocumentSection icat_meeting_record_sections[] = {
  { "attendance", ICAT_EXPORT_OMIT_ATTENDANCE, N_("Attendance") },
  { "agenda", ICAT_EXPORT_OMIT_AGENDA, N_("Agenda and minutes") },
  { "decisions", ICAT_EXPORT_OMIT_DECISIONS, N_("Decisions") },
  { "action-items", ICAT_EXPORT_OMIT_ACTION_ITEMS, N_("Action items arising") },
  { "attachments", ICAT_EXPORT_OMIT_ATTACHMENTS, N_("Attachments") },
  { NULL, 0, NULL },
};

IcatExportFlags
icat_document_sections_flags (const IcatDocumentSection *sections,
                              const char * const        *omitted)
{
  IcatExportFlags flags = ICAT_EXPORT_DEFAULT;

  g_return_val_if_fail (sections != NULL, ICAT_EXPORT_DEFAULT);

  for (guint i = 0; omitted != NULL && omitted[i] != NULL; i++)
    for (guint s = 0; sections[s].name != NULL; s++)
      if (g_str_equal (sections[s].name, omitted[i]))
        flags |= sections[s].omit;
  return flags;
}

/* Reading helpers */

char *
icat_document_agency_list (IcatDb     *db,
                           const char *link_table,
                           const char *owner_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT a.acronym FROM %s l JOIN agency a ON a.id = l.target_id "
                                          "WHERE l.owner_id = ? ORDER BY l.position, l.target_id", link_table);
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  if (stmt == NULL)
    return g_strdup ("");
  icat_bind_text (stmt, 1, owner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

JsonObject *
icat_document_read (IcatDb      *db,
                    const char  *kind,
                    const char  *id,
                    GError     **error)
{
  return icat_record_io_read (db, icat_schema_lookup (kind), id, error);
}
