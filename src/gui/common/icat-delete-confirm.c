/* icat-delete-confirm.c — asking before a record is deleted
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list view asks the same way: Cancel is the default and what Escape
 * means, Delete is marked destructive. What deleting does, and what a refusal
 * shows, stays with the view.
 */
#define G_LOG_DOMAIN "icat-delete-confirm"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "icat-delete-confirm.h"

typedef struct {
  IcatDeleteConfirmedFunc confirmed;
  gpointer                user_data;
  GDestroyNotify          destroy;
} Confirming;

static void
confirming_free (gpointer data)
{
  Confirming *confirming = data;

  if (confirming->destroy != NULL)
    confirming->destroy (confirming->user_data);
  g_free (confirming);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *view)
{
  Confirming *confirming = g_object_get_data (G_OBJECT (dialog), "icat-delete-confirm");

  confirming->confirmed (view, confirming->user_data);
}

/* Shows the question in view's window; dialog_name (may be NULL) names the
 * dialog for tests. The dialog outliving view calls nothing. */
void
icat_delete_confirm (GtkWidget              *view,
                     const char             *heading,
                     const char             *body,
                     const char             *dialog_name,
                     IcatDeleteConfirmedFunc confirmed,
                     gpointer                user_data,
                     GDestroyNotify          destroy)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  Confirming *confirming;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (confirmed != NULL);

  root = gtk_widget_get_root (view);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (dialog_name != NULL)
    gtk_widget_set_name (GTK_WIDGET (dialog), dialog_name);
  confirming = g_new0 (Confirming, 1);
  confirming->confirmed = confirmed;
  confirming->user_data = user_data;
  confirming->destroy = destroy;
  g_object_set_data_full (G_OBJECT (dialog), "icat-delete-confirm", confirming, confirming_free);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response_cb), view, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
