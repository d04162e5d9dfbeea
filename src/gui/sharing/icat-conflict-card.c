/* icat-conflict-card.c — one conflict, both sides and the ways to decide it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field's two values side by side, each with who and when and a button
 * keeping it; a deleted record's edit beside its deletion with "Keep the
 * Record" and "Delete It"; the repairs a merge made explained, with a
 * button that closes them. Deciding is a store write of one conflict,
 * quick enough for the main loop.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "icat-conflict-card.h"
#include "icat-conflict-marks.h"
#include "icat-diff-label.h"
#include "icat-record.h"
#include "icat-sharing-words.h"
#include "icat-toast.h"

struct _IcatConflictCard {
  GtkBox            parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *field_label;
  GtkLabel         *explanation_label;
  GtkFlowBox       *sides;
  GtkExpander      *diff_expander;
  GtkButton        *edit_button;
  GtkButton        *dismiss_button;

  /* Owned */
  IcatStore        *store;
  IcatSyncConflict *conflict;
  GtkButton        *keep_buttons[2];  /* by IcatSyncKeep; not owned, children of sides */
};

G_DEFINE_FINAL_TYPE (IcatConflictCard, icat_conflict_card, GTK_TYPE_BOX)

static IcatSyncConflict *
conflict_copy (const IcatSyncConflict *conflict)
{
  IcatSyncConflict *copy = g_new0 (IcatSyncConflict, 1);

  copy->id = g_strdup (conflict->id);
  copy->kind = g_strdup (conflict->kind);
  copy->record_kind = g_strdup (conflict->record_kind);
  copy->record_id = g_strdup (conflict->record_id);
  copy->field = g_strdup (conflict->field);
  copy->mine_value = g_strdup (conflict->mine_value);
  copy->mine_device = g_strdup (conflict->mine_device);
  copy->mine_time = g_strdup (conflict->mine_time);
  copy->theirs_value = g_strdup (conflict->theirs_value);
  copy->theirs_device = g_strdup (conflict->theirs_device);
  copy->theirs_time = g_strdup (conflict->theirs_time);
  copy->found_at = g_strdup (conflict->found_at);
  return copy;
}

static void
decide (IcatConflictCard *self,
        IcatSyncKeep      keep)
{
  g_autoptr(GError) error = NULL;
  IcatStore *store = self->store;

  if (!icat_sync_resolve (store, self->conflict->id, keep, &error))
    {
      icat_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* The window rebuilds its cards, this one included. */
  icat_sharing_refresh (store);
}

static void
keep_clicked_cb (GtkButton        *button,
                 IcatConflictCard *self)
{
  decide (self, button == self->keep_buttons[ICAT_SYNC_KEEP_MINE] ? ICAT_SYNC_KEEP_MINE : ICAT_SYNC_KEEP_THEIRS);
}

static void
dismiss_clicked_cb (IcatConflictCard *self)
{
  /* A repair's conflict has no other value: "mine" closes it as it is. */
  decide (self, ICAT_SYNC_KEEP_MINE);
}

/* "Meeting · 12th Working Group meeting" */
static char *
record_title (IcatConflictCard *self)
{
  g_autoptr(IcatRecord) record = icat_store_lookup (self->store, self->conflict->record_kind,
                                                    self->conflict->record_id);
  const char *kind = icat_sharing_kind_label (self->conflict->record_kind);

  if (record == NULL || icat_record_get_title (record) == NULL)
    return g_strdup (kind);
  return g_strdup_printf ("%s · %s", kind, icat_record_get_title (record));
}

static gboolean
holds_object (const char *value_json)
{
  g_autoptr(JsonNode) node = value_json ? json_from_string (value_json, NULL) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

/* A plain text, which a person can merge by hand. */
static char *
plain_text (const char *value_json)
{
  g_autoptr(JsonNode) node = value_json ? json_from_string (value_json, NULL) : NULL;
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  /* A text column holding JSON (a title in two languages) is no plain text. */
  if (text[0] == '{' || text[0] == '[')
    return NULL;
  return g_strdup (text);
}

static GtkWidget *
side_new (IcatConflictCard     *self,
          const IcatSyncStatus *status,
          IcatSyncKeep          keep,
          const char           *button_label)
{
  gboolean mine = keep == ICAT_SYNC_KEEP_MINE;
  const char *device = mine ? self->conflict->mine_device : self->conflict->theirs_device;
  const char *value = mine ? self->conflict->mine_value : self->conflict->theirs_value;
  g_autofree char *who = icat_sharing_laptop_name (status, device, icat_store_get_device_id (self->store));
  g_autofree char *when = icat_sharing_time_text (mine ? self->conflict->mine_time : self->conflict->theirs_time);
  g_autofree char *header = when ? g_strdup_printf ("%s · %s", who, when) : g_strdup (who);
  g_autofree char *text = g_str_equal (self->conflict->kind, "deleted") && !holds_object (value)
                          ? g_strdup (_("Deleted")) : icat_sharing_value_text (value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header_label = gtk_label_new (header);
  GtkWidget *value_label = gtk_label_new (text);
  GtkWidget *button;

  gtk_label_set_xalign (GTK_LABEL (header_label), 0);
  gtk_label_set_wrap (GTK_LABEL (header_label), TRUE);
  gtk_widget_add_css_class (header_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  /* Narrow enough that two long texts still sit side by side. */
  gtk_label_set_max_width_chars (GTK_LABEL (value_label), 30);
  gtk_box_append (GTK_BOX (box), header_label);
  gtk_box_append (GTK_BOX (box), value_label);
  if (button_label != NULL)
    {
      button = gtk_button_new_with_mnemonic (button_label);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      /* Two buttons read alike: say whose value each keeps. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, header, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      self->keep_buttons[keep] = GTK_BUTTON (button);
    }
  gtk_widget_set_size_request (box, 220, -1);
  return box;
}

/* Long texts (minutes, notes) also as one text with the changes marked. */
static void
show_diff (IcatConflictCard *self)
{
  g_autofree char *mine = plain_text (self->conflict->mine_value);
  g_autofree char *theirs = plain_text (self->conflict->theirs_value);

  if (mine == NULL || theirs == NULL ||
      !(icat_sharing_value_is_long (self->conflict->mine_value) ||
        icat_sharing_value_is_long (self->conflict->theirs_value)))
    return;
  gtk_expander_set_child (self->diff_expander, icat_diff_label_new (mine, theirs));
  gtk_widget_set_visible (GTK_WIDGET (self->diff_expander), TRUE);
}

static void
show_conflict (IcatConflictCard     *self,
               const IcatSyncStatus *status)
{
  const char *kind = self->conflict->kind;
  g_autofree char *title = record_title (self);
  g_autofree char *field = icat_sharing_field_label (self->conflict->field);
  gboolean is_field = g_str_equal (kind, "field");
  gboolean is_deleted = g_str_equal (kind, "deleted");
  g_autofree char *mine_text = plain_text (self->conflict->mine_value);
  g_autofree char *theirs_text = plain_text (self->conflict->theirs_value);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->field_label, field);
  gtk_widget_set_visible (GTK_WIDGET (self->field_label), is_field && *field != '\0');
  gtk_label_set_label (self->explanation_label, icat_sharing_kind_explanation (self->conflict));
  if (is_field || is_deleted)
    {
      /* The edit's side brings the record back, wherever it was made. */
      gboolean mine_is_edit = holds_object (self->conflict->mine_value);

      gtk_flow_box_append (self->sides,
                           side_new (self, status, ICAT_SYNC_KEEP_MINE,
                                     is_field ? _("_Keep This One") : mine_is_edit ? _("_Keep the Record") : _("_Delete It")));
      gtk_flow_box_append (self->sides,
                           side_new (self, status, ICAT_SYNC_KEEP_THEIRS,
                                     is_field ? _("_Keep This One") : mine_is_edit ? _("_Delete It") : _("_Keep the Record")));
      show_diff (self);
    }
  else
    {
      /* What the merge removed or brought back; no laptop typed it as such. */
      const char *value = self->conflict->theirs_value ? self->conflict->theirs_value : self->conflict->mine_value;

      if (value != NULL)
        {
          g_autofree char *text = icat_sharing_value_text (value);
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_flow_box_append (self->sides, label);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->dismiss_button), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), is_field && mine_text != NULL && theirs_text != NULL);
}

/* Merging by hand {{{ */

gboolean
icat_conflict_card_save_merged (IcatConflictCard *self,
                                const char       *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *value_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  IcatStore *store = self->store;

  g_return_val_if_fail (ICAT_IS_CONFLICT_CARD (self), FALSE);

  /* An emptied field is stored empty, as the editors store it. */
  if (*trimmed == '\0')
    value_json = g_strdup ("null");
  else
    {
      json_node_set_string (node, text);
      value_json = json_to_string (node, FALSE);
    }
  if (!icat_sync_resolve_with_value (store, self->conflict->id, value_json, &error))
    {
      icat_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  icat_sharing_refresh (store);
  return TRUE;
}

static void
merged_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    IcatConflictCard *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "icat-merged-text");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "save") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  icat_conflict_card_save_merged (self, text);
}

static void
edit_clicked_cb (IcatConflictCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *field = icat_sharing_field_label (self->conflict->field);
  g_autofree char *mine = plain_text (self->conflict->mine_value);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Edit Merged Value"), field);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  /* Starts from the value this laptop shows or typed: the other one is
   * beside it in the window. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), mine ? mine : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Merged value"), -1);
  gtk_widget_add_css_class (view, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save and Close the Conflict"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "icat-merged-text", view);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */

static void
icat_conflict_card_dispose (GObject *object)
{
  IcatConflictCard *self = ICAT_CONFLICT_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_CONFLICT_CARD);
  g_clear_object (&self->store);
  g_clear_pointer (&self->conflict, icat_sync_conflict_free);
  G_OBJECT_CLASS (icat_conflict_card_parent_class)->dispose (object);
}

static void
icat_conflict_card_class_init (IcatConflictCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_conflict_card_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sharing/icat-conflict-card.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, field_label);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, sides);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, diff_expander);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, IcatConflictCard, dismiss_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_clicked_cb);
}

static void
icat_conflict_card_init (IcatConflictCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_conflict_card_new (IcatStore              *store,
                        const IcatSyncConflict *conflict,
                        const IcatSyncStatus   *status)
{
  IcatConflictCard *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (ICAT_TYPE_CONFLICT_CARD, NULL);
  self->store = g_object_ref (store);
  self->conflict = conflict_copy (conflict);
  show_conflict (self, status);
  return GTK_WIDGET (self);
}

const char *
icat_conflict_card_get_conflict_id (IcatConflictCard *self)
{
  g_return_val_if_fail (ICAT_IS_CONFLICT_CARD (self), NULL);
  return self->conflict->id;
}

GtkButton *
icat_conflict_card_get_button (IcatConflictCard *self,
                               IcatSyncKeep      keep)
{
  g_return_val_if_fail (ICAT_IS_CONFLICT_CARD (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->dismiss_button)))
    return keep == ICAT_SYNC_KEEP_MINE ? self->dismiss_button : NULL;
  return self->keep_buttons[keep];
}
