/* icat-endorsement-reason.c — asking why a paper objected to goes on
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A joint paper goes to the Working Group for endorsement once its
 * agencies cleared it. The Working Group may still take up a paper an
 * agency objected to, but the record then says why: the board's stage
 * button and the editor's stage both ask here, and the reason is saved
 * with the move (the store refuses the move without one).
 */
#define G_LOG_DOMAIN "icat-papers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-endorsement-reason.h"

#define ENTRY_KEY "icat-endorsement-reason-entry"

typedef struct {
  IcatEndorsementReasonDone done;
  gpointer                  user_data;
  GDestroyNotify            destroy;
  GtkEditable              *entry;  /* borrowed: the dialog's */
} Asking;

static void
asking_free (gpointer  data,
             GClosure *closure)
{
  Asking *asking = data;

  if (asking->destroy != NULL)
    asking->destroy (asking->user_data);
  g_free (asking);
}

static void
responded_cb (AdwMessageDialog *dialog,
              const char       *response,
              Asking           *asking)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (asking->entry)));

  asking->done (g_str_equal (response, "move") && *reason != '\0' ? reason : NULL, asking->user_data);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", *reason != '\0');
}

static void
reason_activated_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  /* As a click on the button does: answer, then go. */
  if (adw_message_dialog_get_response_enabled (dialog, "move"))
    {
      adw_message_dialog_response (dialog, "move");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

AdwMessageDialog *
icat_endorsement_reason_ask (GtkWidget                 *parent,
                             const char                *title,
                             IcatEndorsementReasonDone  done,
                             gpointer                   user_data,
                             GDestroyNotify             destroy)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  Asking *asking = g_new0 (Asking, 1);

  g_return_val_if_fail (done != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Endorse Despite an Objection?"), NULL));
  /* Translators: %s is the paper's title */
  adw_message_dialog_format_body (dialog, _("An agency objected to “%s”. Say why it goes to the Working Group "
                                            "for endorsement all the same; the reason is kept with the paper."),
                                  title ? title : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for endorsement despite the objection"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move to Endorsement"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "move", FALSE);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_set_name (GTK_WIDGET (dialog), "endorsement-reason");

  asking->done = done;
  asking->user_data = user_data;
  asking->destroy = destroy;
  asking->entry = GTK_EDITABLE (entry);
  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activated_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (responded_cb), asking,
                         asking_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

GtkEditable *
_icat_endorsement_reason_get_entry (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  return g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
}
