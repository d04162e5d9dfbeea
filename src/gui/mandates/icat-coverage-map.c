/* icat-coverage-map.c — mandates against agencies or states of work, as a heat map
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget: the matrix computed on a worker thread, its layout, and
 * scrolling (it is GtkScrollable: the cells scroll under fixed row labels
 * and column headers), the pointer and the keyboard. How it looks is in
 * icat-coverage-map-draw.c.
 */
#define G_LOG_DOMAIN "icat-coverage-map"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-coverage-map-private.h"
#include "icat-drawing.h"
#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-toast.h"

#define REFRESH_DELAY  250   /* ms: changes often come in bursts */

static void icat_coverage_map_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcatCoverageMap, icat_coverage_map, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, icat_coverage_map_scrollable_init))

enum {
  PROP_0,
  PROP_AXIS,
  PROP_BUSY,
  PROP_SUMMARY,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  MANDATE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_compute (IcatCoverageMap *self);

/* Plain functions {{{ */

guint
icat_coverage_count_without_work (IcatCoverage *coverage)
{
  guint n = 0;

  g_return_val_if_fail (coverage != NULL, 0);
  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IcatCoverageLine *row = coverage->rows->pdata[i];

      n += row->open == 0 && row->completed == 0;
    }
  return n;
}

static char *
summary_text (IcatCoverage *coverage)
{
  guint total = coverage->rows->len;
  guint without = icat_coverage_count_without_work (coverage);

  /* Translators: the coverage map in one sentence: "38 of 119 mandates have no work" */
  return g_strdup_printf (ngettext ("%u of %u mandate has no open or completed work",
                                    "%u of %u mandates have no open or completed work", total),
                          without, total);
}

/* }}} */
/* Computing, on a worker thread {{{ */

/* What the answer is checked against when it comes back. */
typedef struct {
  IcatCoverageMap  *map;
  guint             generation;
} Job;

typedef struct {
  IcatCoverage *coverage;
  GPtrArray    *labels;
} Result;

static void
job_free (Job *job)
{
  g_object_unref (job->map);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
result_free (Result *result)
{
  icat_coverage_free (result->coverage);
  g_clear_pointer (&result->labels, g_ptr_array_unref);
  g_free (result);
}

static GPtrArray *
read_row_labels (IcatDb       *db,
                 IcatCoverage *coverage)
{
  const IcatKind *kind = icat_schema_lookup ("mandate");
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IcatCoverageLine *row = coverage->rows->pdata[i];
      g_autoptr(JsonObject) mandate = icat_record_io_read (db, kind, row->id, NULL);

      char *label = mandate ? icat_mandate_short_label (icat_json_get_string (mandate, ICAT_KEY_DOCUMENT),
                                                        icat_json_get_string (mandate, ICAT_KEY_PARAGRAPH))
                            : NULL;

      g_ptr_array_add (labels, label ? label : g_strdup (row->label));
    }
  return labels;
}

static gpointer
compute_thread (IcatDb        *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Result *result = g_new0 (Result, 1);

  result->coverage = icat_coverage_compute (db, GPOINTER_TO_INT (data), error);
  if (result->coverage == NULL)
    {
      result_free (result);
      return NULL;
    }
  result->labels = read_row_labels (db, result->coverage);
  return result;
}

static void update_metrics (IcatCoverageMap *self);
static void configure_adjustments (IcatCoverageMap *self);
static void update_accessible (IcatCoverageMap *self);

static void
set_busy (IcatCoverageMap *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  IcatCoverageMap *self = job->map;
  g_autoptr(GError) error = NULL;
  Result *computed = icat_store_read_finish (result, &error);

  /* The map is going away, or a newer computation is under way: this
   * answer is not wanted. */
  if (g_cancellable_is_cancelled (self->cancellable) || job->generation != self->generation)
    {
      g_clear_pointer (&computed, result_free);
      return;
    }
  set_busy (self, FALSE);
  if (computed == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        icat_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->coverage, icat_coverage_free);
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  self->coverage = g_steal_pointer (&computed->coverage);
  self->row_labels = g_steal_pointer (&computed->labels);
  result_free (computed);
  g_free (self->summary);
  self->summary = summary_text (self->coverage);
  self->cursor_row = MIN (self->cursor_row, (int) self->coverage->rows->len - 1);
  self->cursor_column = MIN (self->cursor_column, (int) self->coverage->columns->len - 1);
  update_metrics (self);
  configure_adjustments (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* Changes that came in while this was computed. */
  if (self->dirty)
    queue_compute (self);
}

static void
start_compute (IcatCoverageMap *self)
{
  Job *job = g_new0 (Job, 1);

  self->dirty = FALSE;
  self->generation++;
  job->map = g_object_ref (self);
  job->generation = self->generation;
  set_busy (self, TRUE);
  icat_store_read_async (self->store, compute_thread, GINT_TO_POINTER (self->axis), NULL,
                         (GDestroyNotify) result_free, ICAT_STORE_READ_DEFAULT, self->cancellable,
                         computed_cb, job);
}

static gboolean
refresh_timeout (gpointer data)
{
  IcatCoverageMap *self = data;

  self->refresh_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_compute (self);
  return G_SOURCE_REMOVE;
}

/* Computes soon when shown; a hidden map waits until it is mapped. */
static void
queue_compute (IcatCoverageMap *self)
{
  self->dirty = TRUE;
  if (self->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_timeout_add (REFRESH_DELAY, refresh_timeout, self);
}

static void
record_changed_cb (IcatCoverageMap *self,
                   const char      *kind)
{
  if (g_strcmp0 (kind, "meeting") == 0 || g_strcmp0 (kind, "chair_term") == 0 ||
      g_strcmp0 (kind, "work_plan") == 0)
    return;
  queue_compute (self);
}

static void
reloaded_cb (IcatCoverageMap *self)
{
  queue_compute (self);
}

/* }}} */
/* Layout {{{ */

static int
text_width (IcatCoverageMap *self,
            const char      *text,
            gboolean         bold,
            int             *height)
{
  g_autoptr(PangoLayout) layout = _icat_coverage_map_layout_new (self, text, bold);
  int width, text_height;

  pango_layout_get_pixel_size (layout, &width, &text_height);
  if (height != NULL)
    *height = text_height;
  return width;
}

static void
update_metrics (IcatCoverageMap *self)
{
  int height = 0;
  int widest_label = text_width (self, _("Mandate"), TRUE, &height);
  int widest_column = 0;
  int widest_work = text_width (self, _("Work"), TRUE, NULL);

  self->row_height = MAX (26, height + 8);
  for (guint i = 0; self->row_labels != NULL && i < self->row_labels->len; i++)
    widest_label = MAX (widest_label, text_width (self, self->row_labels->pdata[i], TRUE, NULL));
  for (guint i = 0; self->coverage != NULL && i < self->coverage->columns->len; i++)
    widest_column = MAX (widest_column,
                         text_width (self, ((IcatCoverageLine *) self->coverage->columns->pdata[i])->label, FALSE, NULL));
  for (guint i = 0; self->coverage != NULL && i < self->coverage->rows->len; i++)
    {
      g_autofree char *text = _icat_coverage_work_text (self->coverage->rows->pdata[i]);

      widest_work = MAX (widest_work, text_width (self, text, FALSE, NULL));
    }
  /* The mark of ICAT rows, then the label, with room either side. */
  self->label_width = widest_label + 2 * CELL_PADDING + 6;
  self->work_width = widest_work + 2 * CELL_PADDING;
  /* Twenty agencies fit side by side only with their names turned up;
   * five states of work read better across, in wider cells. */
  self->upright_headers = self->coverage != NULL && self->coverage->columns->len <= 6;
  if (self->upright_headers)
    {
      self->cell_width = MAX (56, widest_column + 2 * CELL_PADDING);
      self->header_height = self->row_height + 2 * CELL_PADDING;
    }
  else
    {
      self->cell_width = MAX (34, height + 14);
      self->header_height = MAX (48, widest_column + 2 * CELL_PADDING);
    }
}

int
_icat_coverage_map_n_rows (IcatCoverageMap *self)
{
  return self->coverage ? (int) self->coverage->rows->len : 0;
}

int
_icat_coverage_map_n_columns (IcatCoverageMap *self)
{
  return self->coverage ? (int) self->coverage->columns->len : 0;
}

static int
content_width (IcatCoverageMap *self)
{
  return self->label_width + _icat_coverage_map_n_columns (self) * self->cell_width + self->work_width;
}

static int
content_height (IcatCoverageMap *self)
{
  return self->header_height + _icat_coverage_map_n_rows (self) * self->row_height;
}

double
_icat_coverage_map_scrolled (GtkAdjustment *adjustment)
{
  return adjustment ? gtk_adjustment_get_value (adjustment) : 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      int            size,
                      int            page,
                      int            step)
{
  double upper = MAX (size, page);

  if (adjustment == NULL)
    return;
  gtk_adjustment_configure (adjustment, CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page),
                            0, upper, step, page * 0.9, page);
}

static void
configure_adjustments (IcatCoverageMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  configure_adjustment (self->hadjustment, content_width (self), width, self->cell_width);
  configure_adjustment (self->vadjustment, content_height (self), height, self->row_height);
}

double
_icat_coverage_map_column_x (IcatCoverageMap *self,
                             int              column)
{
  return self->label_width + column * self->cell_width - _icat_coverage_map_scrolled (self->hadjustment);
}

double
_icat_coverage_map_row_y (IcatCoverageMap *self,
                          int              row)
{
  return self->header_height + row * self->row_height - _icat_coverage_map_scrolled (self->vadjustment);
}

/* The cell under a point: row and column, -1 when outside them; a point
 * on a row's label has column -1 and its row. */
static void
cell_at (IcatCoverageMap *self,
         double           x,
         double           y,
         int             *row,
         int             *column)
{
  double logical_x = icat_drawing_mirrored (GTK_WIDGET (self), x, 0);
  double cells_x = logical_x - self->label_width + _icat_coverage_map_scrolled (self->hadjustment);

  *row = *column = -1;
  if (y < self->header_height)
    return;
  /* Both are past the start here: truncation is the floor. */
  *row = (int) ((y - self->header_height + _icat_coverage_map_scrolled (self->vadjustment)) / self->row_height);
  if (*row >= _icat_coverage_map_n_rows (self))
    *row = -1;
  if (*row >= 0 && logical_x >= self->label_width && cells_x < _icat_coverage_map_n_columns (self) * self->cell_width)
    *column = (int) (cells_x / self->cell_width);
}

/* }}} */
/* Pointer and keyboard {{{ */

static char *
cell_description (IcatCoverageMap *self,
                  int              row,
                  int              column)
{
  IcatCoverageLine *line = self->coverage->rows->pdata[row];
  const char *label = self->row_labels->pdata[row];
  g_autofree char *work = _icat_coverage_work_text (line);
  guint count;

  if (column < 0)
    {
      if (line->for_icat)
        /* Translators: a row of the coverage map: "72/195 ¶10 (addressed to ICAT): 3 open, 1 done" */
        return g_strdup_printf (_("%s (addressed to ICAT): %s"), label, work);
      /* Translators: a row of the coverage map: "72/195 ¶1: No work" */
      return g_strdup_printf (_("%s: %s"), label, work);
    }
  count = icat_coverage_get (self->coverage, row, column);
  /* Translators: a cell of the coverage map: "72/195 ¶10 · UNODC: 2 action items and papers" */
  return g_strdup_printf (ngettext ("%s · %s: %u action item or paper", "%s · %s: %u action items and papers", count),
                          label, ((IcatCoverageLine *) self->coverage->columns->pdata[column])->label, count);
}

static gboolean
query_tooltip_cb (IcatCoverageMap *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  int row, column;
  g_autofree char *text = NULL;

  if (self->coverage == NULL)
    return FALSE;
  if (keyboard)
    {
      row = self->cursor_row;
      column = self->cursor_column;
    }
  else
    cell_at (self, x, y, &row, &column);
  if (row < 0)
    return FALSE;
  text = cell_description (self, row, column);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (IcatCoverageMap *self,
           int              row,
           int              column)
{
  if (row == self->hover_row && column == self->hover_column)
    return;
  self->hover_row = row;
  self->hover_column = column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IcatCoverageMap          *self)
{
  int row, column;

  cell_at (self, x, y, &row, &column);
  set_hover (self, row, column);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          IcatCoverageMap          *self)
{
  set_hover (self, -1, -1);
}

static void
update_accessible (IcatCoverageMap *self)
{
  g_autofree char *current = NULL;
  g_autofree char *description = NULL;

  if (self->coverage == NULL)
    return;
  if (self->cursor_row >= 0)
    current = cell_description (self, self->cursor_row, self->cursor_column);
  description = current ? g_strdup_printf ("%s. %s", self->summary, current) : g_strdup (self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Scrolls the cursor's cell into view. */
static void
reveal_cursor (IcatCoverageMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double top = self->cursor_row * self->row_height;
  double rows_page = height - self->header_height;

  if (self->vadjustment != NULL && self->cursor_row >= 0)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + self->row_height > value + rows_page)
        gtk_adjustment_set_value (self->vadjustment, top + self->row_height - rows_page);
    }
  if (self->hadjustment != NULL && self->cursor_column >= 0)
    {
      double left = self->cursor_column * self->cell_width;
      double value = gtk_adjustment_get_value (self->hadjustment);
      double cells_page = width - self->label_width;

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (left + self->cell_width > value + cells_page)
        gtk_adjustment_set_value (self->hadjustment, left + self->cell_width - cells_page);
    }
}

static void
move_cursor (IcatCoverageMap *self,
             int              row,
             int              column)
{
  if (self->coverage == NULL || _icat_coverage_map_n_rows (self) == 0)
    return;
  self->cursor_row = CLAMP (row, 0, _icat_coverage_map_n_rows (self) - 1);
  self->cursor_column = CLAMP (column, -1, _icat_coverage_map_n_columns (self) - 1);
  reveal_cursor (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_row (IcatCoverageMap *self,
              int              row)
{
  if (self->coverage == NULL || row < 0 || row >= _icat_coverage_map_n_rows (self))
    return;
  g_signal_emit (self, signals[MANDATE_ACTIVATED], 0,
                 ((IcatCoverageLine *) self->coverage->rows->pdata[row])->id);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IcatCoverageMap       *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int page = MAX (1, (gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height) / MAX (1, self->row_height) - 1);
  int row = MAX (0, self->cursor_row), column = self->cursor_column;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: move_cursor (self, row - 1, column); return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: move_cursor (self, self->cursor_row + 1, column); return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: move_cursor (self, row, column + (rtl ? 1 : -1)); return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: move_cursor (self, row, column + (rtl ? -1 : 1)); return TRUE;
    case GDK_KEY_Page_Up: move_cursor (self, row - page, column); return TRUE;
    case GDK_KEY_Page_Down: move_cursor (self, row + page, column); return TRUE;
    case GDK_KEY_Home: move_cursor (self, 0, column); return TRUE;
    case GDK_KEY_End: move_cursor (self, _icat_coverage_map_n_rows (self) - 1, column); return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space: activate_row (self, self->cursor_row); return TRUE;
    default: return FALSE;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            IcatCoverageMap *self)
{
  int row, column;

  cell_at (self, x, y, &row, &column);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (row < 0)
    return;
  move_cursor (self, row, column);
  /* A row's label opens its paragraph at once; a cell on a double click. */
  if (n_press == 2 || column < 0)
    activate_row (self, row);
}

/* }}} */
/* GtkWidget {{{ */

static void
icat_coverage_map_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->label_width + self->cell_width;
      *natural = MAX (*minimum, content_width (self));
    }
  else
    {
      *minimum = self->header_height + self->row_height;
      *natural = MAX (*minimum, content_height (self));
    }
}

static void
icat_coverage_map_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  configure_adjustments (ICAT_COVERAGE_MAP (widget));
}

static void
icat_coverage_map_map (GtkWidget *widget)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (widget);

  GTK_WIDGET_CLASS (icat_coverage_map_parent_class)->map (widget);
  if (self->dirty && !self->busy)
    start_compute (self);
}

/* The sizes follow the font; hovering and focus change the style too,
 * and must not measure every label again. */
static void
icat_coverage_map_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (widget);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_autofree char *font_name = font ? pango_font_description_to_string (font) : NULL;

  GTK_WIDGET_CLASS (icat_coverage_map_parent_class)->css_changed (widget, change);
  if (g_strcmp0 (font_name, self->font_name) == 0)
    return;
  g_free (self->font_name);
  self->font_name = g_steal_pointer (&font_name);
  update_metrics (self);
  gtk_widget_queue_resize (widget);
}

static void
icat_coverage_map_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static gboolean
icat_coverage_map_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (widget);

  /* One stop in the focus chain; the arrows move inside. */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  if (self->cursor_row < 0 && _icat_coverage_map_n_rows (self) > 0)
    self->cursor_row = 0;
  gtk_widget_grab_focus (widget);
  update_accessible (self);
  return TRUE;
}

/* }}} */
/* GObject {{{ */

static void
adjustment_changed_cb (IcatCoverageMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (IcatCoverageMap  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_clear_object (slot);
  *slot = adjustment ? g_object_ref_sink (adjustment) : g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  configure_adjustments (self);
}

static void
icat_coverage_map_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (object);

  switch (prop_id)
    {
    case PROP_AXIS:
      g_value_set_int (value, self->axis);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_coverage_map_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (object);

  switch (prop_id)
    {
    case PROP_AXIS:
      icat_coverage_map_set_axis (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_coverage_map_dispose (GObject *object)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_coverage_map_parent_class)->dispose (object);
}

static void
icat_coverage_map_finalize (GObject *object)
{
  IcatCoverageMap *self = ICAT_COVERAGE_MAP (object);

  g_clear_pointer (&self->coverage, icat_coverage_free);
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->summary);
  g_free (self->font_name);
  G_OBJECT_CLASS (icat_coverage_map_parent_class)->finalize (object);
}

static void
icat_coverage_map_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
icat_coverage_map_class_init (IcatCoverageMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_coverage_map_dispose;
  object_class->finalize = icat_coverage_map_finalize;
  object_class->get_property = icat_coverage_map_get_property;
  object_class->set_property = icat_coverage_map_set_property;
  widget_class->measure = icat_coverage_map_measure;
  widget_class->size_allocate = icat_coverage_map_size_allocate;
  widget_class->snapshot = _icat_coverage_map_snapshot;
  widget_class->map = icat_coverage_map_map;
  widget_class->css_changed = icat_coverage_map_css_changed;
  widget_class->direction_changed = icat_coverage_map_direction_changed;
  widget_class->focus = icat_coverage_map_focus;

  properties[PROP_AXIS] =
    g_param_spec_int ("axis", NULL, NULL, ICAT_COVERAGE_BY_AGENCY, ICAT_COVERAGE_BY_STATUS, ICAT_COVERAGE_BY_AGENCY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[MANDATE_ACTIVATED] =
    g_signal_new ("mandate-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icat_coverage_map_init (IcatCoverageMap *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->cancellable = g_cancellable_new ();
  self->dirty = TRUE;
  self->cursor_row = self->cursor_column = -1;
  self->hover_row = self->hover_column = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mandate coverage"), -1);
  update_metrics (self);
}

GtkWidget *
icat_coverage_map_new (IcatStore *store)
{
  IcatCoverageMap *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_COVERAGE_MAP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
icat_coverage_map_set_axis (IcatCoverageMap  *self,
                            IcatCoverageAxis  axis)
{
  g_return_if_fail (ICAT_IS_COVERAGE_MAP (self));
  if (self->axis == axis)
    return;
  self->axis = axis;
  self->cursor_column = -1;
  /* At once: the person is waiting for the other view. */
  self->dirty = TRUE;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_compute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AXIS]);
}

IcatCoverageAxis
icat_coverage_map_get_axis (IcatCoverageMap *self)
{
  g_return_val_if_fail (ICAT_IS_COVERAGE_MAP (self), ICAT_COVERAGE_BY_AGENCY);
  return self->axis;
}

gboolean
icat_coverage_map_get_busy (IcatCoverageMap *self)
{
  g_return_val_if_fail (ICAT_IS_COVERAGE_MAP (self), FALSE);
  return self->busy;
}

IcatCoverage *
icat_coverage_map_get_coverage (IcatCoverageMap *self)
{
  g_return_val_if_fail (ICAT_IS_COVERAGE_MAP (self), NULL);
  return self->coverage;
}

const char *
icat_coverage_map_get_summary (IcatCoverageMap *self)
{
  g_return_val_if_fail (ICAT_IS_COVERAGE_MAP (self), NULL);
  return self->summary;
}

/* }}} */
