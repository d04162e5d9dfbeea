/* icat-editor-util.c — what every record editor does with its fields
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "icat-autosave.h"
#include "icat-editor-util.h"
#include "icat-input.h"
#include "icat-schema.h"
#include "icat-today.h"
#include "icat-toast.h"

void
icat_editable_show_text (GtkEditable *editable,
                         const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  /* Turning undo off clears the field's history. */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, text ? text : "");
  gtk_editable_set_enable_undo (editable, TRUE);
}

char *
icat_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
icat_text_view_show_text (GtkTextView *view,
                          const char  *text)
{
  g_autofree char *current = icat_text_view_get_text (view);

  if (g_strcmp0 (current, text ? text : "") == 0)
    return;
  /* Not an interactive edit: it clears the buffer's undo history. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

guint
icat_enum_index (const char * const *values,
                 const char         *value,
                 guint               fallback)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return fallback;
}

GtkStringList *
icat_enum_labels (const char * const *values,
                  const char       *(*label) (const char *value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return list;
}

typedef struct {
  AdwEntryRow   *row;       /* borrowed: the three live in one template */
  GtkMenuButton *button;
  GtkCalendar   *calendar;
} DatePicker;

static void
day_selected_cb (GtkCalendar *calendar,
                 DatePicker  *picker)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = icat_day_string (day);

  gtk_editable_set_text (GTK_EDITABLE (picker->row), text);
  gtk_menu_button_popdown (picker->button);
}

static void
picker_shown_cb (GtkPopover *popover,
                 DatePicker *picker)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (picker->row));
  g_autoptr(GDateTime) day = NULL;

  if (strlen (text) == 10 && icat_is_date (text))
    day = g_date_time_new_local (atoi (text), atoi (text + 5), atoi (text + 8), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  /* Showing the row's date is not choosing it. */
  g_signal_handlers_block_by_func (picker->calendar, day_selected_cb, picker);
  gtk_calendar_select_day (picker->calendar, day);
  g_signal_handlers_unblock_by_func (picker->calendar, day_selected_cb, picker);
}

void
icat_date_picker_attach (AdwEntryRow   *row,
                         GtkMenuButton *button,
                         GtkCalendar   *calendar)
{
  DatePicker *picker = g_new0 (DatePicker, 1);

  picker->row = row;
  picker->button = button;
  picker->calendar = calendar;
  g_signal_connect (gtk_menu_button_get_popover (button), "show", G_CALLBACK (picker_shown_cb), picker);
  g_signal_connect_data (calendar, "day-selected", G_CALLBACK (day_selected_cb), picker,
                         (GClosureNotify) g_free, 0);
}

char *
icat_typed_link_uri (const char *text)
{
  g_autofree char *link = g_strstrip (g_strdup (text ? text : ""));

  if (*link == '\0')
    return NULL;
  if (g_path_is_absolute (link))
    return g_filename_to_uri (link, NULL, NULL);
  if (g_uri_peek_scheme (link) != NULL)
    return g_steal_pointer (&link);
  return g_strconcat ("https://", link, NULL);
}

static void
show_uri (GtkWindow  *parent,
          const char *uri)
{
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static IcatLinkLauncher launch_link = show_uri;

void
_icat_set_link_launcher (IcatLinkLauncher launcher)
{
  launch_link = launcher ? launcher : show_uri;
}

static void
open_link_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       const char       *uri)
{
  if (g_strcmp0 (response, "open") == 0)
    launch_link (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri);
}

/* The address in full, so that what opens is what the user agreed to. */
static void
confirm_open_link (GtkWindow  *parent,
                   const char *uri)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Open This Link?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is a whole address, e.g. "file:///home/…/minutes.pdf" */
                                  _("It does not lead to a web page or an e-mail address, and may open a file "
                                    "or run another program. Open it only if you trust where it came from.\n\n%s"),
                                  uri);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_set_name (GTK_WIDGET (dialog), "open-link");
  g_signal_connect_data (dialog, "response", G_CALLBACK (open_link_response_cb), g_strdup (uri),
                         (GClosureNotify) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
icat_open_typed_link (GtkWidget  *widget,
                      const char *text)
{
  g_autofree char *uri = icat_typed_link_uri (text);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (uri == NULL)
    return;
  if (icat_input_link_opens_directly (uri))
    launch_link (parent, uri);
  else
    confirm_open_link (parent, uri);
}

gboolean
icat_autosave_still_waits (gint64 queued_at)
{
  return queued_at > 0 && g_get_monotonic_time () - queued_at < ICAT_AUTOSAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND;
}

/* JSON that editors send {{{ */

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
value_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_init_int (copy, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return json_node_init_double (copy, json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (copy, json_node_get_boolean (node));
    default:
      return json_node_init_string (copy, json_node_get_string (node));
    }
}

JsonNode *
icat_json_normalized (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy;

      if (json_array_get_length (array) == 0)
        return NULL;
      copy = json_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = icat_json_normalized (json_array_get_element (array, i));

          json_array_add_element (copy, element ? element : json_node_new (JSON_NODE_NULL));
        }
      return array_node (copy);
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = icat_json_normalized (json_object_get_member (object, l->data));

          if (member != NULL)
            json_object_set_member (copy, l->data, member);
        }
      return object_node (copy);
    }
  return value_copy (node);
}

/* }}} */

/* Problems next to fields {{{ */

#define PROBLEM_KEY "icat-problem-line"

/* The line leaves with its field: removed from the list, the field takes
 * the line with it. */
static void
problem_field_parent_changed_cb (GtkWidget  *row,
                                 GParamSpec *pspec,
                                 GtkWidget  *line)
{
  if (gtk_widget_get_parent (row) == NULL)
    icat_row_show_problem (row, NULL);
}

static GtkWidget *
problem_line_new (GtkWidget *row)
{
  GtkWidget *parent = gtk_widget_get_parent (row);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *line = label;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "problem");
  if (GTK_IS_LIST_BOX (parent))
    {
      line = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (line), FALSE);
      gtk_widget_set_focusable (line, FALSE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line), label);
      gtk_list_box_insert (GTK_LIST_BOX (parent), line, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
    }
  else if (GTK_IS_BOX (parent))
    gtk_box_insert_child_after (GTK_BOX (parent), line, row);
  else
    return NULL;
  g_signal_connect (row, "notify::parent", G_CALLBACK (problem_field_parent_changed_cb), line);
  return line;
}

static GtkLabel *
problem_line_label (GtkWidget *line)
{
  return GTK_LABEL (GTK_IS_LIST_BOX_ROW (line) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (line)) : line);
}

static void
problem_line_remove (GtkWidget *row,
                     GtkWidget *line)
{
  GtkWidget *parent = gtk_widget_get_parent (line);

  g_signal_handlers_disconnect_by_func (row, problem_field_parent_changed_cb, line);
  if (parent == NULL || gtk_widget_in_destruction (parent))
    return;
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), line);
  else if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), line);
}

void
icat_row_show_problem (GtkWidget  *row,
                       const char *message)
{
  GtkWidget *line;

  g_return_if_fail (GTK_IS_WIDGET (row));
  line = g_object_get_data (G_OBJECT (row), PROBLEM_KEY);
  if (message == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      if (line != NULL)
        problem_line_remove (row, line);
      else if (gtk_widget_has_css_class (row, "error"))
        gtk_widget_set_tooltip_text (row, NULL);
      gtk_widget_remove_css_class (row, "error");
      g_object_set_data (G_OBJECT (row), PROBLEM_KEY, NULL);
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  if (line == NULL)
    {
      line = problem_line_new (row);
      /* The field holds its line: a list torn down may drop the line
       * before the field's parent changes, and the handler still needs it. */
      if (line != NULL)
        g_object_set_data_full (G_OBJECT (row), PROBLEM_KEY, g_object_ref (line), g_object_unref);
    }
  if (line != NULL)
    gtk_label_set_label (problem_line_label (line), message);
  else
    gtk_widget_set_tooltip_text (row, message);
}

const char *
icat_row_get_problem (GtkWidget *row)
{
  GtkWidget *line;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);
  line = g_object_get_data (G_OBJECT (row), PROBLEM_KEY);
  if (line != NULL)
    return gtk_label_get_label (problem_line_label (line));
  return gtk_widget_has_css_class (row, "error") ? gtk_widget_get_tooltip_text (row) : NULL;
}

static void
collect_problems (GtkWidget *widget,
                  GString   *lines)
{
  const char *problem = g_object_get_data (G_OBJECT (widget), PROBLEM_KEY) != NULL
                        ? icat_row_get_problem (widget) : NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (problem != NULL)
    {
      const char *field = ADW_IS_PREFERENCES_ROW (widget)
                          ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) : NULL;

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (field != NULL && *field != '\0')
        /* Translators: a field's label and what is wrong with it, e.g. "Due date: February 2026 has 28 days" */
        g_string_append_printf (lines, _("%s: %s"), field, problem);
      else
        g_string_append (lines, problem);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_problems (child, lines);
}

char *
icat_problems_describe (GtkWidget *root)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  collect_problems (root, lines);
  return lines->len > 0 ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

/* Spin buttons {{{ */

typedef struct {
  GtkWidget *row;
  char    *(*problem) (const char *text, int min, int max);
  double     value;      /* the value last shown, to tell the buttons' steps */
} SpinCheck;

static char *
spin_problem (GtkSpinButton *spin,
              SpinCheck     *check)
{
  GtkAdjustment *range = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  return check->problem (text, (int) gtk_adjustment_get_lower (range), (int) gtk_adjustment_get_upper (range));
}

static void
spin_text_changed_cb (GtkSpinButton *spin,
                      SpinCheck     *check)
{
  g_autofree char *problem = spin_problem (spin, check);

  icat_row_show_problem (check->row, problem);
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               SpinCheck     *check)
{
  g_autofree char *problem = spin_problem (spin, check);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  /* Refused, the value stays as it was (GTK_UPDATE_IF_VALID). */
  if (problem != NULL || *text == '\0')
    return GTK_INPUT_ERROR;
  *value = g_ascii_strtod (text, NULL);
  return TRUE;
}

/* Text that says what is wrong with it is left as typed. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                SpinCheck     *check)
{
  return icat_row_get_problem (check->row) != NULL;
}

/* A step of the buttons (or a value set from the record) replaces what
 * was typed wrong. */
static void
spin_value_changed_cb (GtkSpinButton *spin,
                       SpinCheck     *check)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (value == check->value)
    return;
  check->value = value;
  if (icat_row_get_problem (check->row) == NULL)
    return;
  icat_row_show_problem (check->row, NULL);
  text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), value);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
}

void
icat_spin_button_check_typing (GtkSpinButton *spin,
                               GtkWidget     *row,
                               char         *(*problem) (const char *text,
                                                         int         min,
                                                         int         max))
{
  SpinCheck *check = g_new0 (SpinCheck, 1);

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin) && GTK_IS_WIDGET (row) && problem != NULL);
  check->row = row;
  check->problem = problem;
  check->value = gtk_spin_button_get_value (spin);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  g_signal_connect (spin, "changed", G_CALLBACK (spin_text_changed_cb), check);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), check);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), check);
  g_signal_connect_data (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), check,
                         (GClosureNotify) g_free, 0);
}

/* }}} */

gboolean
icat_row_report_unsaved (GtkWidget  *row,
                         const char *field,
                         const char *record_title)
{
  return icat_rows_report_unsaved (record_title, row, field, NULL);
}

gboolean
icat_rows_report_unsavedv (const char         *record_title,
                           GtkWidget * const  *rows,
                           const char * const *fields,
                           guint               n_rows)
{
  g_autoptr(GPtrArray) unsaved = g_ptr_array_new ();
  g_autofree char *message = NULL;
  GtkWidget *shown_in = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      const char *problem = icat_row_get_problem (rows[i]);

      if (problem == NULL)
        continue;
      if (message == NULL)
        message = icat_input_not_saved_message (fields[i], record_title, problem);
      g_ptr_array_add (unsaved, (gpointer) fields[i]);
      shown_in = rows[i];
      icat_row_show_problem (rows[i], NULL);
    }
  if (unsaved->len == 0)
    return FALSE;
  if (unsaved->len > 1)
    {
      g_ptr_array_add (unsaved, NULL);
      g_free (message);
      message = icat_input_not_saved_list_message (record_title, (const char * const *) unsaved->pdata);
    }
  icat_toast (shown_in, message);
  return TRUE;
}

gboolean
icat_rows_report_unsaved (const char *record_title,
                          GtkWidget  *first_row,
                          const char *first_field,
                          ...)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  va_list args;

  va_start (args, first_field);
  for (GtkWidget *row = first_row; row != NULL; row = va_arg (args, GtkWidget *))
    {
      g_ptr_array_add (rows, row);
      g_ptr_array_add (fields, (gpointer) (row == first_row ? first_field : va_arg (args, const char *)));
    }
  va_end (args);
  return icat_rows_report_unsavedv (record_title, (GtkWidget * const *) rows->pdata,
                                    (const char * const *) fields->pdata, rows->len);
}

/* }}} */
