/* icat-agency-editor.c — edits one agency in place, saving as you type
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like the meeting editor: every field writes through one IcatAutosave, and
 * the editor remembers each field as it last showed or sent it ("shown").
 * When the record changes, only fields whose stored value differs from that
 * are filled again, so our own saves never disturb the typing while an Undo
 * or the command line still show up. Memberships and focal points are
 * lists, each sent whole when any of its rows changes.
 */
#define G_LOG_DOMAIN "icat-agency-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-agency-editor-private.h"
#include "icat-conflict-banner.h"
#include "icat-editor-chrome.h"
#include "icat-editor-util.h"
#include "icat-format.h"
#include "icat-history-window.h"
#include "icat-input.h"
#include "icat-record-io.h"
#include "icat-record-list.h"
#include "icat-report.h"
#include "icat-schema.h"
#include "icat-toast.h"
#include "icat-today.h"


G_DEFINE_FINAL_TYPE (IcatAgencyEditor, icat_agency_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AGENCY_ID,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
_icat_agency_stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

void
_icat_agency_show_error (gpointer widget,
            gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

guint
_icat_agency_enum_index (const char * const *values,
            const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

/* JSON: what is shown, what is sent */

JsonNode *
_icat_agency_string_node (const char *text)
{
  if (text == NULL || *text == '\0')
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (), text);
}

JsonNode *
_icat_agency_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

JsonArray *
_icat_agency_get_array (JsonObject *object,
           const char *field)
{
  JsonNode *node = object ? json_object_get_member (object, field) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
remember (IcatAgencyEditor *self,
          const char       *field,
          JsonNode         *value)
{
  JsonNode *copy = icat_json_normalized (value);

  if (copy != NULL)
    json_object_set_member (self->shown, field, copy);
  else if (json_object_has_member (self->shown, field))
    json_object_remove_member (self->shown, field);
}

static gboolean
is_shown (IcatAgencyEditor *self,
          JsonObject       *data,
          const char       *field)
{
  g_autoptr(JsonNode) stored = icat_json_normalized (json_object_get_member (data, field));
  JsonNode *shown = json_object_get_member (self->shown, field);

  if (stored == NULL || shown == NULL)
    return stored == shown;
  return json_node_equal (stored, shown);
}

/* Queues a field's new value (transfer full) unless the widgets are being filled. */
void
_icat_agency_editor_queue_field (IcatAgencyEditor *self,
             const char       *field,
             JsonNode         *value)
{
  g_autoptr(JsonNode) owned = value;

  if (self->loading > 0 || self->autosave == NULL)
    return;
  remember (self, field, value);
  self->queued_at = g_get_monotonic_time ();
  icat_autosave_set (self->autosave, field, g_steal_pointer (&owned));
}

/* A field turned wrong: what it queued on the way there ("U" of an
 * acronym being erased) must not reach the database in its place, so the
 * stored value is queued back before the delay runs out. */
void
_icat_agency_editor_withdraw_field (IcatAgencyEditor *self,
                                    const char       *field)
{
  JsonObject *data;
  JsonNode *stored;

  if (self->loading > 0 || self->autosave == NULL || self->agency == NULL ||
      !icat_autosave_still_waits (self->queued_at))
    return;
  data = icat_record_get_data (self->agency);
  if (is_shown (self, data, field))
    return;
  stored = json_object_get_member (data, field);
  _icat_agency_editor_queue_field (self, field, stored ? json_node_copy (stored) : json_node_new (JSON_NODE_NULL));
}

/* Acronym, name, kind, successor, website, note */

void
_icat_agency_editor_update_heading (IcatAgencyEditor *self)
{
  g_autofree char *acronym = _icat_agency_stripped_text (self->acronym_row);
  JsonNode *name = json_object_get_member (self->shown, ICAT_KEY_NAME);

  adw_window_title_set_title (self->heading, acronym);
  adw_window_title_set_subtitle (self->heading, name && JSON_NODE_HOLDS_OBJECT (name)
                                 ? icat_localized_pick (json_node_get_object (name)) : NULL);
}

static void
acronym_changed_cb (IcatAgencyEditor *self)
{
  g_autofree char *acronym = _icat_agency_stripped_text (self->acronym_row);
  g_autofree char *problem = icat_input_required_problem (acronym, _("An acronym is needed"));

  icat_row_show_problem (GTK_WIDGET (self->acronym_row), problem);
  _icat_agency_editor_update_heading (self);
  if (problem == NULL)
    _icat_agency_editor_queue_field (self, ICAT_KEY_ACRONYM, _icat_agency_string_node (acronym));
  else
    _icat_agency_editor_withdraw_field (self, ICAT_KEY_ACRONYM);
}

static void
kind_selected_cb (IcatAgencyEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (kind < g_strv_length ((char **) icat_agency_kinds))
    _icat_agency_editor_queue_field (self, ICAT_KEY_KIND, _icat_agency_string_node (icat_agency_kinds[kind]));
}

/* The successor's full name under its acronym, as an action item's owner
 * shows it; the row's explanation while there is none. */
static void
update_successor_subtitle (IcatAgencyEditor *self,
                           const char       *successor_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  const char *name = NULL;

  for (guint i = 0; successor_id != NULL && name == NULL && i < n; i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      if (agency != NULL && g_strcmp0 (icat_record_get_id (agency), successor_id) == 0)
        name = icat_record_get_localized (agency, ICAT_KEY_NAME);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->successor_row),
                               name ? name : _("The agency that took over its work, e.g. UN-Women for UNIFEM"));
}

static void
successor_selected_cb (IcatAgencyEditor *self)
{
  guint position = adw_combo_row_get_selected (self->successor_row);

  update_successor_subtitle (self, position < self->successor_ids->len ? self->successor_ids->pdata[position] : NULL);
  if (position < self->successor_ids->len)
    _icat_agency_editor_queue_field (self, ICAT_KEY_SUCCESSOR, _icat_agency_string_node (self->successor_ids->pdata[position]));
}

static void
website_changed_cb (IcatAgencyEditor *self)
{
  g_autofree char *website = _icat_agency_stripped_text (self->website_row);
  g_autofree char *problem = icat_input_link_problem (website);

  icat_row_show_problem (GTK_WIDGET (self->website_row), problem);
  if (problem == NULL)
    _icat_agency_editor_queue_field (self, ICAT_KEY_WEBSITE, _icat_agency_string_node (website));
  else
    _icat_agency_editor_withdraw_field (self, ICAT_KEY_WEBSITE);
}

static void
note_changed_cb (IcatAgencyEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _icat_agency_editor_queue_field (self, ICAT_KEY_NOTE, _icat_agency_string_node (g_strstrip (text)));
}

/* Status and chair years, which follow from the rest */

void
_icat_agency_editor_update_status (IcatAgencyEditor *self)
{
  g_autofree char *today = icat_today_string ();
  gboolean working_group = FALSE;
  IcatAgencyStatus status = icat_agency_status_on (self->shown, today, &working_group);
  const char *label = icat_format_agency_status (status);
  g_autofree char *text = NULL;

  if (working_group)
    /* Translators: an agency's status with its Working Group seat, e.g. "Active member · Working Group" */
    text = g_strdup_printf (_("%s · Working Group"), *label ? label : _("No role"));
  else
    text = g_strdup (*label ? label : _("No role"));
  adw_action_row_set_subtitle (self->status_row, text);
}

static void
update_chaired (IcatAgencyEditor *self)
{
  g_autofree char *years = self->agency ? icat_report_chair_years (self->store, icat_record_get_id (self->agency)) : NULL;

  adw_action_row_set_subtitle (self->chaired_row, years ? years : _("Never"));
}

/* The successor's choices: every other agency. */
static void
rebuild_successors (IcatAgencyEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  const char *own_id = self->agency ? icat_record_get_id (self->agency) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->loading++;
  g_ptr_array_set_size (self->successor_ids, 0);
  g_ptr_array_add (self->successor_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcatRecord) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      if (agency == NULL || g_strcmp0 (icat_record_get_id (agency), own_id) == 0)
        continue;
      g_ptr_array_add (self->successor_ids, g_strdup (icat_record_get_id (agency)));
      g_ptr_array_add (names, g_strdup (icat_record_get_string (agency, ICAT_KEY_ACRONYM)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->successor_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->successor_names)),
                          (const char * const *) names->pdata);
  self->loading--;
}

static void
load_successor (IcatAgencyEditor *self,
                JsonObject       *data)
{
  const char *successor = icat_json_get_string (data, ICAT_KEY_SUCCESSOR);
  guint position = 0;

  for (guint i = 1; successor != NULL && i < self->successor_ids->len; i++)
    if (g_str_equal (self->successor_ids->pdata[i], successor))
      position = i;
  self->loading++;
  adw_combo_row_set_selected (self->successor_row, position);
  self->loading--;
  /* Also when the choice stays where it was, which notifies nothing. */
  update_successor_subtitle (self, position > 0 ? successor : NULL);
}

/* Loading fields from the record */

static void
load_simple (IcatAgencyEditor *self,
             JsonObject       *data,
             const char       *field)
{
  const char *value = icat_json_get_string (data, field);

  self->loading++;
  if (g_str_equal (field, ICAT_KEY_ACRONYM))
    {
      icat_editable_show_text (GTK_EDITABLE (self->acronym_row), value);
      icat_row_show_problem (GTK_WIDGET (self->acronym_row), NULL);
    }
  else if (g_str_equal (field, ICAT_KEY_KIND))
    adw_combo_row_set_selected (self->kind_row, _icat_agency_enum_index (icat_agency_kinds, value));
  else if (g_str_equal (field, ICAT_KEY_WEBSITE))
    {
      icat_editable_show_text (GTK_EDITABLE (self->website_row), value);
      icat_row_show_problem (GTK_WIDGET (self->website_row), NULL);
    }
  else if (g_str_equal (field, ICAT_KEY_NOTE))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (g_strstrip (text), value ? value : "") != 0)
        gtk_text_buffer_set_text (buffer, value ? value : "", -1);
    }
  self->loading--;
}

static const char * const fields[] = {
  ICAT_KEY_ACRONYM, ICAT_KEY_NAME, ICAT_KEY_KIND, ICAT_KEY_SUCCESSOR,
  ICAT_KEY_WEBSITE, ICAT_KEY_NOTE, ICAT_KEY_MEMBERSHIPS, ICAT_KEY_FOCAL_POINTS,
};

static void
load_field (IcatAgencyEditor *self,
            JsonObject       *data,
            const char       *field)
{
  if (g_str_equal (field, ICAT_KEY_NAME))
    _icat_agency_names_load (self, data);
  else if (g_str_equal (field, ICAT_KEY_SUCCESSOR))
    load_successor (self, data);
  else if (g_str_equal (field, ICAT_KEY_MEMBERSHIPS))
    _icat_agency_memberships_load (self, data);
  else if (g_str_equal (field, ICAT_KEY_FOCAL_POINTS))
    _icat_agency_focal_points_load (self, data);
  else
    load_simple (self, data, field);
  remember (self, field, json_object_get_member (data, field));
}

static void
load_all (IcatAgencyEditor *self)
{
  JsonObject *data = icat_record_get_data (self->agency);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    load_field (self, data, fields[i]);
  _icat_agency_editor_update_heading (self);
  _icat_agency_editor_update_status (self);
  update_chaired (self);
}

/* Fills again what changed elsewhere (an Undo, the command line), leaving
 * alone what shows our own saves. Never while our edits wait to be saved. */
static void
sync_from_record (IcatAgencyEditor *self)
{
  JsonObject *data;

  if (self->agency == NULL || icat_record_get_deleted (self->agency) ||
      icat_autosave_get_pending (self->autosave))
    return;
  data = icat_record_get_data (self->agency);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!is_shown (self, data, fields[i]))
      load_field (self, data, fields[i]);
  _icat_agency_editor_update_heading (self);
  _icat_agency_editor_update_status (self);
}

static void
pending_changed_cb (IcatAgencyEditor *self)
{
  if (!self->save_failed && !icat_autosave_get_pending (self->autosave))
    sync_from_record (self);
}

static void
saved_cb (IcatAgencyEditor *self)
{
  self->save_failed = FALSE;
}

static void
save_failed_cb (IcatAgencyEditor *self,
                GError           *error)
{
  /* What was typed stays on screen; the message says why it is not saved. */
  self->save_failed = TRUE;
  icat_toast (GTK_WIDGET (self), error->message);
}

static void
agency_deleted_cb (IcatAgencyEditor *self)
{
  icat_agency_editor_set_agency (self, NULL);
}

/* Another agency was added, renamed or deleted: the successor's choices
 * change. */
static void
agencies_changed_cb (IcatAgencyEditor *self)
{
  rebuild_successors (self);
  if (self->agency != NULL)
    load_successor (self, self->shown);
}

/* Nothing typed is lost without a word: leaving the agency, the fields it
 * could not save are named in a toast. */
static void
report_unsaved (IcatAgencyEditor *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (rows, self->acronym_row);
  g_ptr_array_add (names, (gpointer) C_("field in a sentence", "acronym"));
  g_ptr_array_add (rows, self->name_row);
  g_ptr_array_add (names, (gpointer) C_("field in a sentence", "name"));
  g_ptr_array_add (rows, self->website_row);
  g_ptr_array_add (names, (gpointer) C_("field in a sentence", "website"));
  _icat_agency_lists_unsaved_rows (self, rows, names);
  icat_rows_report_unsavedv (icat_record_get_string (self->agency, ICAT_KEY_ACRONYM), (GtkWidget * const *) rows->pdata,
                             (const char * const *) names->pdata, rows->len);
  _icat_agency_show_error (self->name_row, FALSE);
}

static void
clear_agency (IcatAgencyEditor *self)
{
  if (self->agency != NULL && !icat_record_get_deleted (self->agency))
    report_unsaved (self);
  if (self->autosave != NULL)
    {
      /* Saves still on their way report failures through the toast. */
      icat_autosave_flush (self->autosave);
      self->queued_at = 0;
      g_signal_handlers_disconnect_by_func (self->autosave, pending_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->autosave, saved_cb, self);
      g_clear_object (&self->autosave);
    }
  if (self->agency != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->agency, self);
      g_clear_object (&self->agency);
    }
  g_clear_pointer (&self->shown, json_object_unref);
  self->shown = json_object_new ();
  self->save_failed = FALSE;
}

void
icat_agency_editor_set_agency (IcatAgencyEditor *self,
                               const char       *id)
{
  g_return_if_fail (ICAT_IS_AGENCY_EDITOR (self));

  if (self->agency != NULL && g_strcmp0 (id, icat_record_get_id (self->agency)) == 0)
    return;
  clear_agency (self);
  if (id != NULL)
    self->agency = icat_store_lookup (self->store, "agency", id);
  rebuild_successors (self);
  icat_conflict_banner_set_record (self->conflict_banner, self->store, "agency", self->agency ? id : NULL);
  if (self->agency != NULL)
    {
      self->autosave = icat_autosave_new (self->store, "agency", id);
      g_signal_connect_object (self->autosave, "failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (self->autosave, "saved", G_CALLBACK (saved_cb), self);
      g_signal_connect_swapped (self->autosave, "notify::pending", G_CALLBACK (pending_changed_cb), self);
      g_signal_connect_swapped (self->agency, "notify::data", G_CALLBACK (sync_from_record), self);
      g_signal_connect_swapped (self->agency, "notify::deleted", G_CALLBACK (agency_deleted_cb), self);
      load_all (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  else
    {
      adw_window_title_set_title (self->heading, NULL);
      adw_window_title_set_subtitle (self->heading, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, self->agency ? "editor" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), self->agency != NULL);
  icat_history_menu_set_record (self->menu_button, "agency", self->agency ? icat_record_get_id (self->agency) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_ID]);
}

const char *
icat_agency_editor_get_agency_id (IcatAgencyEditor *self)
{
  g_return_val_if_fail (ICAT_IS_AGENCY_EDITOR (self), NULL);
  return self->agency ? icat_record_get_id (self->agency) : NULL;
}

void
icat_agency_editor_focus_acronym (IcatAgencyEditor *self)
{
  g_return_if_fail (ICAT_IS_AGENCY_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->acronym_row));
  gtk_editable_select_region (GTK_EDITABLE (self->acronym_row), 0, -1);
}

void
icat_agency_editor_flush (IcatAgencyEditor *self)
{
  g_return_if_fail (ICAT_IS_AGENCY_EDITOR (self));
  if (self->autosave != NULL)
    icat_autosave_flush (self->autosave);
  self->queued_at = 0;
}

/* The type */

static void
icat_agency_editor_dispose (GObject *object)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (object);

  clear_agency (self);
  /* AdwBin unparents its child itself: the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_AGENCY_EDITOR);
  g_clear_pointer (&self->shown, json_object_unref);
  g_clear_pointer (&self->successor_ids, g_ptr_array_unref);
  g_clear_object (&self->successor_names);
  g_clear_object (&self->agencies);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_agency_editor_parent_class)->dispose (object);
}

static void
icat_agency_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AGENCY_ID:
      g_value_set_string (value, icat_agency_editor_get_agency_id (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, icat_editor_chrome_get_folded (GTK_WIDGET (self->back_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agency_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IcatAgencyEditor *self = ICAT_AGENCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (icat_editor_chrome_set_folded (GTK_WIDGET (self->back_button), NULL, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_agency_editor_class_init (IcatAgencyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_agency_editor_dispose;
  object_class->get_property = icat_agency_editor_get_property;
  object_class->set_property = icat_agency_editor_set_property;

  properties[PROP_AGENCY_ID] =
    g_param_spec_string ("agency-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    icat_editor_chrome_folded_param ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ICAT_TYPE_CONFLICT_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/agencies/icat-agency-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, other_names_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, chaired_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, successor_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, memberships_list);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, focal_points_list);
  gtk_widget_class_bind_template_child (widget_class, IcatAgencyEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, acronym_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, website_changed_cb);

  _icat_agency_editor_class_init_lists (widget_class);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "agency-placeholder");
  return label;
}

static void
icat_agency_editor_init (IcatAgencyEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _icat_agency_names_build (self);
  self->shown = json_object_new ();
  self->successor_names = gtk_string_list_new (NULL);
  self->successor_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; icat_agency_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, icat_format_enum (ICAT_KEY_KIND, icat_agency_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->successor_row, G_LIST_MODEL (self->successor_names));
  gtk_list_box_set_placeholder (self->memberships_list, placeholder_new (_("No roles recorded.")));
  gtk_list_box_set_placeholder (self->focal_points_list, placeholder_new (_("No focal points yet.")));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->successor_row, "notify::selected", G_CALLBACK (successor_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (note_changed_cb), self);
}

GtkWidget *
icat_agency_editor_new (IcatStore *store)
{
  IcatAgencyEditor *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  self = g_object_new (ICAT_TYPE_AGENCY_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (self->agencies, ICAT_KEY_ACRONYM, FALSE);
  g_signal_connect_object (self->agencies, "items-changed", G_CALLBACK (agencies_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed::agency", G_CALLBACK (agencies_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed::chair_term", G_CALLBACK (update_chaired), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (agencies_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_successors (self);
  return GTK_WIDGET (self);
}

/* For tests */

GtkEditable *
_icat_agency_editor_get_acronym (IcatAgencyEditor *self)
{
  return GTK_EDITABLE (self->acronym_row);
}

GtkWidget *
_icat_agency_editor_get_membership (IcatAgencyEditor *self,
                                    guint             index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->memberships_list, index));
}

GtkWidget *
_icat_agency_editor_get_focal_point (IcatAgencyEditor *self,
                                     guint             index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->focal_points_list, index));
}
