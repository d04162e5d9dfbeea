/* icat-action-items-chase.c — the buttons that chase an agency by e-mail
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter itself is composed in the core (icat-chase.c); here it becomes
 * a mailto: address for the user's mail program. A letter with no overdue
 * item in it asks nothing: the buttons are not offered for an agency with
 * nothing overdue, and the action refuses it with a word of why.
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-items-chase.h"
#include "icat-action-items-view-private.h"
#include "icat-chase.h"
#include "icat-editor-util.h"
#include "icat-toast.h"
#include "icat-today.h"

/* Why an agency is not chased: the button's tooltip, and the toast when
 * its action is asked for anyway. */
static char *
nothing_overdue (IcatStore  *store,
                 const char *agency_id)
{
  g_autoptr(IcatRecord) agency = icat_store_lookup (store, "agency", agency_id);
  const char *acronym = agency ? icat_record_get_string (agency, "acronym") : NULL;

  /* Translators: %s is an agency's acronym, e.g. "UNODC"; said instead of
   * opening an e-mail that would chase it about nothing */
  return g_strdup_printf (_("%s has no overdue action items"), acronym ? acronym : agency_id);
}

/* The chasing buttons {{{ */

typedef struct {
  GtkWidget *button;     /* borrowed: this is its data */
  IcatStore *store;
  char      *agency_id;
  char      *tooltip;    /* the button's own, while it is offered */
  guint      refresh_id;
} ChaseButton;

static void
chase_button_free (ChaseButton *chase)
{
  g_clear_handle_id (&chase->refresh_id, g_source_remove);
  g_object_unref (chase->store);
  g_free (chase->agency_id);
  g_free (chase->tooltip);
  g_free (chase);
}

static ChaseButton *
chase_button_get (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "icat-chase-button");
}

static void
chase_button_refresh (ChaseButton *chase)
{
  g_autofree char *today = icat_today_string ();
  g_autofree char *reason = NULL;
  gboolean offered = chase->agency_id != NULL &&
                     icat_chase_count_overdue (chase->store, chase->agency_id, today) > 0;

  if (!offered && chase->agency_id != NULL)
    reason = nothing_overdue (chase->store, chase->agency_id);
  gtk_widget_set_sensitive (chase->button, offered);
  gtk_widget_set_tooltip_text (chase->button, reason ? reason : chase->tooltip);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (chase->button), reason);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (chase->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (chase->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static gboolean
chase_button_refresh_idle (gpointer data)
{
  ChaseButton *chase = data;

  chase->refresh_id = 0;
  chase_button_refresh (chase);
  return G_SOURCE_REMOVE;
}

/* A bulk change of status saves many items: one count after them all. */
static void
chase_button_queue_refresh (GtkWidget *button)
{
  ChaseButton *chase = chase_button_get (button);

  if (chase->refresh_id == 0)
    chase->refresh_id = g_idle_add (chase_button_refresh_idle, chase);
}

static void
chase_button_clicked_cb (GtkWidget *button)
{
  ChaseButton *chase = chase_button_get (button);

  if (chase->agency_id != NULL)
    gtk_widget_activate_action (button, "items.email-agency", "s", chase->agency_id);
}

void
icat_chase_button_init (GtkWidget *button,
                        IcatStore *store)
{
  ChaseButton *chase = g_new0 (ChaseButton, 1);

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (ICAT_IS_STORE (store));
  chase->button = button;
  chase->store = g_object_ref (store);
  chase->tooltip = g_strdup (gtk_widget_get_tooltip_text (button));
  g_object_set_data_full (G_OBJECT (button), "icat-chase-button", chase, (GDestroyNotify) chase_button_free);
  g_signal_connect (button, "clicked", G_CALLBACK (chase_button_clicked_cb), NULL);
  g_signal_connect_object (store, "record-changed::action_item", G_CALLBACK (chase_button_queue_refresh), button,
                           G_CONNECT_SWAPPED);
  /* The tooltip names the agency by its acronym. */
  g_signal_connect_object (store, "record-changed::agency", G_CALLBACK (chase_button_queue_refresh), button,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (chase_button_queue_refresh), button, G_CONNECT_SWAPPED);
  chase_button_refresh (chase);
}

void
icat_chase_button_set_agency (GtkWidget  *button,
                              const char *agency_id)
{
  ChaseButton *chase = chase_button_get (button);

  g_return_if_fail (chase != NULL);
  if (g_strcmp0 (chase->agency_id, agency_id) == 0)
    return;
  g_free (chase->agency_id);
  chase->agency_id = g_strdup (agency_id);
  chase_button_refresh (chase);
}

/* }}} */

void
_icat_action_items_view_update_email_button (IcatActionItemsView *self)
{
  const char *agency = _icat_action_items_view_get_filter_agency (self);

  gtk_widget_set_visible (self->email_holder, agency != NULL);
  icat_chase_button_set_agency (self->email_button, agency);
}

void
_icat_action_items_view_email_agency_activated (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);
  const char *agency_id = g_variant_get_string (parameter, NULL);
  g_autofree char *uri = NULL;

  if (icat_chase_count_overdue (self->store, agency_id, self->today) == 0)
    {
      g_autofree char *reason = nothing_overdue (self->store, agency_id);

      icat_toast (widget, reason);
      return;
    }
  uri = icat_action_items_mailto (self->store, agency_id, self->today);
  /* A mailto: address opens at once; the shared opener makes sure of it. */
  if (uri != NULL)
    icat_open_typed_link (widget, uri);
}

static char *
escaped_addresses (const char * const *recipients)
{
  g_autoptr(GString) to = g_string_new (NULL);

  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (recipients[i], "@", FALSE);

      if (to->len > 0)
        g_string_append_c (to, ',');
      g_string_append (to, escaped);
    }
  return g_string_free (g_steal_pointer (&to), FALSE);
}

char *
icat_action_items_mailto (IcatStore  *store,
                          const char *agency_id,
                          const char *today)
{
  g_autoptr(IcatChase) chase = NULL;
  g_autofree char *to = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_body = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  chase = icat_chase_new (store, agency_id, today);
  if (chase == NULL)
    return NULL;
  to = escaped_addresses ((const char * const *) chase->recipients);
  escaped_subject = g_uri_escape_string (chase->subject, NULL, FALSE);
  escaped_body = g_uri_escape_string (chase->body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, escaped_subject, escaped_body);
}
