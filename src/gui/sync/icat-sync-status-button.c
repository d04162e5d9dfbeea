/* icat-sync-status-button.c — the state of sharing at the foot of the sidebar
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Always in view and never in the way: a quiet line that turns into a
 * warning when the folder is gone or files were refused, and a second
 * button when a clash waits for a person. Its texts come from
 * icat-sync-summary.c; the time in "Last from … 10:42" is redrawn each
 * minute so that "today" stays true past midnight.
 */
#define G_LOG_DOMAIN "icat-sync-status-button"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-sync-status-button.h"

/* What the texts ask for at most: less than the sidebar's 220 pixels, so
 * they wrap within it whatever the language. */
#define STATUS_WIDTH_CHARS 20

struct _IcatSyncStatusButton {
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkWidget       *status_button;
  GtkWidget       *icon;
  GtkWidget       *title;
  GtkWidget       *subtitle;
  GtkWidget       *decisions_button;
  IcatSyncService *service;
  guint            minute_source;
};

G_DEFINE_FINAL_TYPE (IcatSyncStatusButton, icat_sync_status_button, GTK_TYPE_WIDGET)

static void
update (IcatSyncStatusButton *self)
{
  const IcatSyncSummary *summary = self->service ? icat_sync_service_get_summary (self->service) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *decisions = NULL;
  g_autofree char *spoken = NULL;

  if (summary != NULL)
    {
      title = icat_sync_summary_title (summary);
      subtitle = icat_sync_summary_subtitle (summary, now);
      decisions = icat_sync_summary_decisions (summary);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), title != NULL);
  if (title == NULL)
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icat_sync_summary_icon (summary));
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
  if (g_str_equal (icat_sync_summary_icon (summary), "dialog-warning-symbolic"))
    gtk_widget_add_css_class (self->status_button, "warning");
  else
    gtk_widget_remove_css_class (self->status_button, "warning");
  spoken = g_strdup_printf ("%s. %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_visible (self->decisions_button, decisions != NULL);
  if (decisions != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->decisions_button), decisions);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->decisions_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, decisions, -1);
    }
}

static gboolean
minute_timeout (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

static GtkWidget *
new_status_button (IcatSyncStatusButton *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->icon = gtk_image_new ();
  self->title = gtk_label_new (NULL);
  self->subtitle = gtk_label_new (NULL);
  for (GtkWidget *label = self->title; label != NULL; label = label == self->title ? self->subtitle : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* The sidebar's width, not the text's: "1 autre ordinateur portable,
       * rien n’a encore été reçu" takes a second line instead of widening
       * the sidebar; past two lines (three for "Last from laptop 95b2e02d
       * 12:07", in French) it is cut. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), label == self->title ? 2 : 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), STATUS_WIDTH_CHARS);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (row), self->icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_button_set_child (GTK_BUTTON (button), row);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show the Laptops That Share This Database"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-sharing");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "laptops");
  return button;
}

static void
icat_sync_status_button_dispose (GObject *object)
{
  IcatSyncStatusButton *self = ICAT_SYNC_STATUS_BUTTON (object);

  g_clear_handle_id (&self->minute_source, g_source_remove);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (icat_sync_status_button_parent_class)->dispose (object);
}

static void
icat_sync_status_button_class_init (IcatSyncStatusButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_sync_status_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "icat-sync-status");
}

static void
icat_sync_status_button_init (IcatSyncStatusButton *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  self->status_button = new_status_button (self);
  self->decisions_button = gtk_button_new ();
  gtk_widget_add_css_class (self->decisions_button, "pill");
  gtk_widget_add_css_class (self->decisions_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->decisions_button, _("Show the Changes That Clashed"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->decisions_button), "win.show-sharing");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->decisions_button), "s", "decisions");
  gtk_box_append (GTK_BOX (self->box), self->decisions_button);
  gtk_box_append (GTK_BOX (self->box), self->status_button);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  self->minute_source = g_timeout_add_seconds (60, minute_timeout, self);
}

void
icat_sync_status_button_set_service (IcatSyncStatusButton *self,
                                     IcatSyncService      *service)
{
  g_return_if_fail (ICAT_IS_SYNC_STATUS_BUTTON (self));
  g_return_if_fail (service == NULL || ICAT_IS_SYNC_SERVICE (service));

  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_set_object (&self->service, service);
  if (service != NULL)
    g_signal_connect_swapped (service, "notify::summary", G_CALLBACK (update), self);
  update (self);
}

const char *
icat_sync_status_button_get_title (IcatSyncStatusButton *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_STATUS_BUTTON (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (GTK_LABEL (self->title)) : NULL;
}

const char *
icat_sync_status_button_get_subtitle (IcatSyncStatusButton *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_STATUS_BUTTON (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (GTK_LABEL (self->subtitle)) : NULL;
}

const char *
icat_sync_status_button_get_decisions (IcatSyncStatusButton *self)
{
  g_return_val_if_fail (ICAT_IS_SYNC_STATUS_BUTTON (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_widget_get_visible (self->decisions_button)
         ? gtk_button_get_label (GTK_BUTTON (self->decisions_button)) : NULL;
}
