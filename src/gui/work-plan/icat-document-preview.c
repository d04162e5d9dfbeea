/* icat-document-preview.c — a laid-out document's pages, shown as paper
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over the page numbers: a work plan of 2,000 activities has
 * sixty pages and more, and the list only makes and draws the rows in view.
 * Each row replays its page with icat_document_draw_page, the same drawing
 * the PDF and the printer get, scaled to the width of the pane.
 */
#define G_LOG_DOMAIN "icat-document-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-document-preview.h"

#define PAGE_MARGIN     12     /* desk around each page, in pixels */
#define MIN_PAGE_WIDTH  120
#define MAX_PAGE_WIDTH  1100   /* beyond this a page is only harder to read */

/* Handles {{{ */

struct _IcatDocumentHandle {
  IcatDocument *document;
};

static void
document_handle_clear (gpointer data)
{
  IcatDocumentHandle *handle = data;

  g_clear_pointer (&handle->document, icat_document_free);
}

IcatDocumentHandle *
icat_document_handle_new (IcatDocument *document)
{
  IcatDocumentHandle *handle;

  g_return_val_if_fail (document != NULL, NULL);
  handle = g_atomic_rc_box_new0 (IcatDocumentHandle);
  handle->document = document;
  return handle;
}

IcatDocumentHandle *
icat_document_handle_ref (IcatDocumentHandle *handle)
{
  return g_atomic_rc_box_acquire (handle);
}

void
icat_document_handle_unref (IcatDocumentHandle *handle)
{
  g_atomic_rc_box_release_full (handle, document_handle_clear);
}

IcatDocument *
icat_document_handle_get_document (IcatDocumentHandle *handle)
{
  return handle->document;
}

G_DEFINE_BOXED_TYPE (IcatDocumentHandle, icat_document_handle, icat_document_handle_ref, icat_document_handle_unref)

/* }}} */
/* Printing {{{ */

/* The printer gets the pages the preview shows, drawn by the same code as
 * the PDF, scaled down when its paper is smaller than the document's. */
static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              IcatDocumentHandle *handle)
{
  IcatDocument *document = icat_document_handle_get_document (handle);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  double width, height, scale;

  icat_document_get_page_size (document, &width, &height);
  scale = MIN (paper_width / width, paper_height / height);
  cairo_save (cr);
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  icat_document_draw_page (document, cr, page);
  cairo_restore (cr);
}

static GtkPageSetup *
page_setup_for (IcatDocument *document)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  icat_document_get_page_size (document, &width, &height);
  if (ABS (MIN (width, height) - 612) < 1 && ABS (MAX (width, height) - 792) < 1)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  else if (ABS (MIN (width, height) - 595.3) < 1 && ABS (MAX (width, height) - 841.9) < 1)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    paper = gtk_paper_size_new_custom ("icat-document", icat_document_get_title (document),
                                       MIN (width, height), MAX (width, height), GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

GtkPrintOperation *
icat_document_handle_new_print_operation (IcatDocumentHandle *handle)
{
  IcatDocument *document = icat_document_handle_get_document (handle);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (document);

  gtk_print_operation_set_job_name (operation, icat_document_get_title (document));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) icat_document_get_n_pages (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The job keeps the document it started with, whatever a preview
   * shows next. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), icat_document_handle_ref (handle),
                         (GClosureNotify) (void (*) (void)) icat_document_handle_unref, 0);
  return operation;
}

/* }}} */
/* Page rows {{{ */

#define ICAT_TYPE_PAGE_VIEW (icat_page_view_get_type ())
G_DECLARE_FINAL_TYPE (IcatPageView, icat_page_view, ICAT, PAGE_VIEW, GtkWidget)

struct _IcatPageView {
  GtkWidget            parent_instance;

  /* Borrowed: the preview is an ancestor of its rows */
  IcatDocumentPreview *preview;
  guint                page;
};

G_DEFINE_FINAL_TYPE (IcatPageView, icat_page_view, GTK_TYPE_WIDGET)

struct _IcatDocumentPreview {
  GtkWidget           parent_instance;

  /* Children */
  GtkWidget          *scroller;
  GtkListView        *list_view;

  /* Owned */
  GtkStringList      *pages;     /* one item a page: its number */
  IcatDocumentHandle *handle;
};

G_DEFINE_FINAL_TYPE (IcatDocumentPreview, icat_document_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_size (IcatPageView *self,
           double       *width,
           double       *height)
{
  if (self->preview->handle != NULL)
    icat_document_get_page_size (self->preview->handle->document, width, height);
  else
    {
      /* A4, until there is a document. */
      *width = 595.276;
      *height = 841.89;
    }
}

/* How wide the page is drawn in a row this wide. */
static int
page_width_for (int row_width)
{
  return CLAMP (row_width - 2 * PAGE_MARGIN, MIN_PAGE_WIDTH, MAX_PAGE_WIDTH);
}

static GtkSizeRequestMode
icat_page_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
icat_page_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  IcatPageView *self = ICAT_PAGE_VIEW (widget);
  double width, height;

  page_size (self, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_PAGE_WIDTH + 2 * PAGE_MARGIN;
      *natural = (int) width + 2 * PAGE_MARGIN;
    }
  else
    {
      int page_width = page_width_for (for_size >= 0 ? for_size : (int) width + 2 * PAGE_MARGIN);

      *minimum = *natural = (int) (page_width * height / width + 0.5) + 2 * PAGE_MARGIN;
    }
}

static void
icat_page_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.28 };
  static const GdkRGBA edge = { 0, 0, 0, 0.18 };
  IcatPageView *self = ICAT_PAGE_VIEW (widget);
  int row_width = gtk_widget_get_width (widget);
  int page_width = page_width_for (row_width);
  double width, height, scale;
  graphene_rect_t bounds;
  GskRoundedRect outline;
  cairo_t *cr;

  page_size (self, &width, &height);
  scale = page_width / width;
  bounds = GRAPHENE_RECT_INIT (MAX (0, (row_width - page_width) / 2), PAGE_MARGIN,
                               page_width, height * scale);
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 6);
  gtk_snapshot_append_color (snapshot, &paper, &bounds);
  if (self->preview->handle != NULL && self->page < icat_document_get_n_pages (self->preview->handle->document))
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_translate (cr, bounds.origin.x, bounds.origin.y);
      cairo_scale (cr, scale, scale);
      icat_document_draw_page (self->preview->handle->document, cr, self->page);
      cairo_destroy (cr);
    }
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { edge, edge, edge, edge });
}

static void
icat_page_view_class_init (IcatPageViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = icat_page_view_get_request_mode;
  widget_class->measure = icat_page_view_measure;
  widget_class->snapshot = icat_page_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icat_page_view_init (IcatPageView *self)
{
  self->page = G_MAXUINT;
}

static void
page_view_update (IcatPageView *self)
{
  g_autofree char *label = NULL;

  /* Translators: what a screen reader says for a page of the preview */
  label = g_strdup_printf (_("Page %u of %u"), self->page + 1, icat_document_preview_get_n_pages (self->preview));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* Another document may have another page size. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
setup_page_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IcatDocumentPreview      *preview)
{
  IcatPageView *page = g_object_new (ICAT_TYPE_PAGE_VIEW, NULL);

  page->preview = preview;
  g_signal_connect_object (preview, "notify::document", G_CALLBACK (page_view_update), page, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, GTK_WIDGET (page));
  /* Pages are read, not chosen: focus moves from page to page with the
   * arrow keys, and nothing lights up under the pointer. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_page_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IcatDocumentPreview      *preview)
{
  IcatPageView *page = ICAT_PAGE_VIEW (gtk_list_item_get_child (item));

  page->page = gtk_list_item_get_position (item);
  page_view_update (page);
}

/* }}} */
/* The preview {{{ */

GtkWidget *
icat_document_preview_new (void)
{
  return g_object_new (ICAT_TYPE_DOCUMENT_PREVIEW, NULL);
}

void
icat_document_preview_set_document (IcatDocumentPreview *self,
                                    IcatDocumentHandle  *handle)
{
  guint shown, n_pages;

  g_return_if_fail (ICAT_IS_DOCUMENT_PREVIEW (self));

  if (handle == self->handle)
    return;
  if (handle != NULL)
    icat_document_handle_ref (handle);
  g_clear_pointer (&self->handle, icat_document_handle_unref);
  self->handle = handle;

  /* Only the pages added or removed at the end change in the list: the
   * others stay where they are and redraw ("notify::document"). */
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  n_pages = handle ? icat_document_get_n_pages (handle->document) : 0;
  if (n_pages < shown)
    gtk_string_list_splice (self->pages, n_pages, shown - n_pages, NULL);
  for (guint i = shown; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_string_list_append (self->pages, number);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

IcatDocumentHandle *
icat_document_preview_get_document (IcatDocumentPreview *self)
{
  g_return_val_if_fail (ICAT_IS_DOCUMENT_PREVIEW (self), NULL);
  return self->handle;
}

guint
icat_document_preview_get_n_pages (IcatDocumentPreview *self)
{
  g_return_val_if_fail (ICAT_IS_DOCUMENT_PREVIEW (self), 0);
  return self->handle ? icat_document_get_n_pages (self->handle->document) : 0;
}

guint
icat_document_preview_get_current_page (IcatDocumentPreview *self)
{
  GtkAdjustment *adjustment;
  guint n_pages;
  double middle;

  g_return_val_if_fail (ICAT_IS_DOCUMENT_PREVIEW (self), 0);
  n_pages = icat_document_preview_get_n_pages (self);
  if (n_pages == 0)
    return 0;
  /* Every page of a document has the same height. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  middle = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2;
  return MIN (n_pages - 1, (guint) (middle / (gtk_adjustment_get_upper (adjustment) / n_pages)));
}

static void
icat_document_preview_dispose (GObject *object)
{
  IcatDocumentPreview *self = ICAT_DOCUMENT_PREVIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->pages);
  g_clear_pointer (&self->handle, icat_document_handle_unref);
  G_OBJECT_CLASS (icat_document_preview_parent_class)->dispose (object);
}

static void
icat_document_preview_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IcatDocumentPreview *self = ICAT_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_boxed (value, self->handle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_document_preview_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IcatDocumentPreview *self = ICAT_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      icat_document_preview_set_document (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_document_preview_class_init (IcatDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_document_preview_dispose;
  object_class->get_property = icat_document_preview_get_property;
  object_class->set_property = icat_document_preview_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_boxed ("document", NULL, NULL, ICAT_TYPE_DOCUMENT_HANDLE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentpreview");
}

static void
icat_document_preview_init (IcatDocumentPreview *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->pages = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_page_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_page_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pages)))),
                                                      g_steal_pointer (&factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "document-pages");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages of the document"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* }}} */
