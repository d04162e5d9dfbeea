/* icat-history-rows.c — one change of a record's History, as rows
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change is a heading (the laptop and the time) over a boxed list of
 * the fields it changed; a short value reads "old → new", a long one or
 * one of several lines (minutes) is a diff, and each field whose row
 * still exists offers its value after this change back.
 */
#define G_LOG_DOMAIN "icat-history"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-diff-label.h"
#include "icat-history-private.h"

char *
_icat_history_format_time (const char *made_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (made_at == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (made_at, NULL);
  if (utc == NULL)
    return g_strdup (made_at);
  local = g_date_time_to_local (utc);
  /* Translators: when a change was made, as g_date_time_format () writes it;
   * e.g. "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static gboolean
is_long (const char *text)
{
  return text != NULL && (g_utf8_strlen (text, -1) > ICAT_HISTORY_SHORT_TEXT || strchr (text, '\n') != NULL);
}

char *
_icat_history_short_change (const char *old_text,
                            const char *new_text)
{
  const char *empty = _("(empty)");

  /* Translators: a value changed: old → new. A right-to-left language
   * writes its own arrow, pointing the way its text runs: "%s ← %s". */
  return g_strdup_printf (_("%s → %s"), old_text ? old_text : empty, new_text ? new_text : empty);
}

/* Values can be selected and copied; headings take no focus. */
static GtkWidget *
text_label (const char *text,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* What became of the field or row, in words or as a diff. */
static GtkWidget *
change_value (IcatSyncFieldChange *change)
{
  g_autofree char *text = NULL;
  GtkWidget *value;

  switch (change->change)
    {
    case ICAT_SYNC_ROW_CREATED:
      return text_label (change->nested_path ? _("Added") : _("Created"), TRUE);
    case ICAT_SYNC_ROW_DELETED:
      return text_label (_("Deleted"), TRUE);
    case ICAT_SYNC_LINK_ADDED:
      /* Translators: %s was added to a list, e.g. an agency to the chairs */
      text = g_strdup_printf (_("Added: %s"), change->new_text ? change->new_text : "");
      return text_label (text, FALSE);
    case ICAT_SYNC_LINK_REMOVED:
      /* Translators: %s was taken off a list */
      text = g_strdup_printf (_("Removed: %s"), change->old_text ? change->old_text : "");
      return text_label (text, FALSE);
    case ICAT_SYNC_FIELD_CHANGED:
    default:
      break;
    }
  if (is_long (change->old_text) || is_long (change->new_text))
    return icat_diff_label_new (change->old_text ? change->old_text : "", change->new_text ? change->new_text : "");
  text = _icat_history_short_change (change->old_text, change->new_text);
  value = text_label (text, FALSE);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  return value;
}

static GtkWidget *
restore_button (IcatSyncFieldChange    *change,
                IcatHistoryRestoreFunc  restore,
                gpointer                user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore This Version"));
  g_autofree char *name = g_strdup_printf (_("Restore this version of %s"), change->label);

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "history-restore");
  gtk_widget_set_tooltip_text (button, _("Put back the value this field had right after this change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "nested-path", g_strdup (change->nested_path), g_free);
  g_object_set_data_full (G_OBJECT (button), "field", g_strdup (change->field), g_free);
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (change->new_value), g_free);
  g_object_set_data_full (G_OBJECT (button), "label", g_strdup (change->label), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore), user_data);
  return button;
}

static GtkWidget *
change_row (IcatSyncFieldChange    *change,
            gboolean                superseded,
            IcatHistoryRestoreFunc  restore,
            gpointer                user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = text_label (change->label, FALSE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  if (change->change == ICAT_SYNC_FIELD_CHANGED && change->restorable && superseded)
    gtk_box_append (GTK_BOX (top), restore_button (change, restore, user_data));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), change_value (change));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

GtkWidget *
_icat_history_entry_new (IcatSyncHistoryEntry   *entry,
                         GHashTable             *newer_fields,
                         IcatHistoryRestoreFunc  restore,
                         gpointer                user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *who;
  GtkWidget *when;
  g_autofree char *time = _icat_history_format_time (entry->made_at);

  who = text_label (entry->is_self ? _("This laptop")
                    : entry->device_name ? entry->device_name : _("Another laptop"), FALSE);
  gtk_widget_add_css_class (who, "heading");
  gtk_widget_set_hexpand (who, TRUE);
  when = text_label (time, TRUE);
  gtk_label_set_xalign (GTK_LABEL (when), 1);
  gtk_box_append (GTK_BOX (heading), who);
  gtk_box_append (GTK_BOX (heading), when);
  gtk_box_append (GTK_BOX (box), heading);
  if (entry->after_approval)
    {
      /* Translators: over a change in a History: another laptop changed the minutes once they were approved */
      GtkWidget *flag = text_label (_("Changed on another laptop after approval"), FALSE);

      gtk_widget_set_name (flag, "history-after-approval");
      gtk_widget_add_css_class (flag, "warning");
      gtk_box_append (GTK_BOX (box), flag);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "history-changes");
  for (guint i = 0; i < entry->changes->len; i++)
    {
      IcatSyncFieldChange *change = entry->changes->pdata[i];
      g_autofree char *key = g_strconcat (change->nested_path ? change->nested_path : "", "/",
                                          change->field ? change->field : "", NULL);
      gboolean superseded = g_hash_table_contains (newer_fields, key);

      gtk_list_box_append (GTK_LIST_BOX (list), change_row (change, superseded, restore, user_data));
      if (change->field != NULL)
        g_hash_table_add (newer_fields, g_steal_pointer (&key));
    }
  gtk_box_append (GTK_BOX (box), list);
  return box;
}
