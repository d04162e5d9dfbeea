/* icat-action-items-chase.c — the button that chases an agency by e-mail
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter itself is composed in the core (icat-chase.c); here it becomes
 * a mailto: address for the user's mail program.
 */
#define G_LOG_DOMAIN "icat-action-items-view"

#include "config.h"

#include "icat-action-items-view-private.h"
#include "icat-chase.h"
#include "icat-editor-util.h"

void
_icat_action_items_view_update_email_button (IcatActionItemsView *self)
{
  const char *agency = _icat_action_items_view_get_filter_agency (self);

  gtk_widget_set_visible (self->email_button, agency != NULL);
  if (agency != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->email_button), "s", agency);
}

void
_icat_action_items_view_email_agency_activated (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter)
{
  IcatActionItemsView *self = ICAT_ACTION_ITEMS_VIEW (widget);
  g_autofree char *uri = icat_action_items_mailto (self->store, g_variant_get_string (parameter, NULL), self->today);

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
