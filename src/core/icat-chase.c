/* icat-chase.c — the chasing e-mail: an agency asked about its overdue items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overdue items are found in SQL (IcatRecordList's filters), so a
 * letter to an agency with thousands of items reads only what it lists.
 */
#define G_LOG_DOMAIN "icat-chase"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-chase.h"
#include "icat-format.h"
#include "icat-record-list.h"
#include "icat-schema.h"

/* The agency's items overdue on today, oldest first. */
static IcatRecordList *
overdue_list (IcatStore  *store,
              const char *agency_id,
              const char *today)
{
  IcatRecordList *overdue = icat_record_list_new (store, "action_item");

  icat_record_list_set_filter (overdue, ICAT_FILTER_OWNER, agency_id);
  icat_record_list_set_filter (overdue, ICAT_FILTER_DUE_BEFORE, today);
  icat_record_list_set_sort (overdue, "due", FALSE);
  return overdue;
}

guint
icat_chase_count_overdue (IcatStore  *store,
                          const char *agency_id,
                          const char *today)
{
  g_autoptr(IcatRecordList) overdue = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL, 0);
  if (agency_id == NULL)
    return 0;
  overdue = overdue_list (store, agency_id, today);
  return g_list_model_get_n_items (G_LIST_MODEL (overdue));
}

/* Returns how many items are overdue, listed or not. */
static guint
append_overdue_lines (IcatStore  *store,
                      const char *agency_id,
                      const char *today,
                      GString    *body)
{
  g_autoptr(IcatRecordList) overdue = overdue_list (store, agency_id, today);
  guint n, listed = 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (overdue));
  for (guint i = 0; i < n && listed < ICAT_CHASE_MAX_ITEMS; i++)
    {
      g_autoptr(IcatRecord) item = g_list_model_get_item (G_LIST_MODEL (overdue), i);
      g_autofree char *due = NULL;

      if (item == NULL)
        continue;
      due = icat_action_format_date (icat_record_get_string (item, "due"));
      /* Translators: a line of the chasing e-mail: title, due date */
      g_string_append_printf (body, _("- %s (due %s)"), icat_record_get_string (item, "title"), due);
      g_string_append (body, "\r\n");
      listed++;
    }
  if (n > listed)
    {
      /* Translators: the last line of a chasing e-mail that lists the oldest items only */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "- and %u more, due later", "- and %u more, due later",
                                                 n - listed),
                              n - listed);
      g_string_append (body, "\r\n");
    }
  return n;
}

static GStrv
focal_point_addresses (IcatRecord *agency)
{
  JsonArray *points = icat_record_get_array (agency, "focal_points");
  g_autoptr(GStrvBuilder) to = g_strv_builder_new ();

  for (guint i = 0; points != NULL && i < json_array_get_length (points); i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);
      const char *email = point ? json_object_get_string_member_with_default (point, "email", NULL) : NULL;

      if (email != NULL && *email != '\0')
        g_strv_builder_add (to, email);
    }
  return g_strv_builder_end (to);
}

IcatChase *
icat_chase_new (IcatStore  *store,
                const char *agency_id,
                const char *today)
{
  g_autoptr(IcatRecord) agency = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  IcatChase *chase;
  guint n_overdue;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  agency = icat_store_lookup (store, "agency", agency_id);
  if (agency == NULL)
    return NULL;
  g_string_append (body, _("Dear colleagues,"));
  g_string_append (body, "\r\n\r\n");
  g_string_append (body, _("These ICAT action items are past their due date:"));
  g_string_append (body, "\r\n\r\n");
  n_overdue = append_overdue_lines (store, agency_id, today, body);
  g_string_append (body, "\r\n");
  g_string_append (body, _("Could you let us know where they stand?"));
  g_string_append (body, "\r\n");
  chase = g_new0 (IcatChase, 1);
  chase->n_overdue = n_overdue;
  chase->recipients = focal_point_addresses (agency);
  chase->subject = g_strdup_printf (_("ICAT action items overdue — %s"), icat_record_get_string (agency, "acronym"));
  chase->body = g_string_free (g_steal_pointer (&body), FALSE);
  return chase;
}

void
icat_chase_free (IcatChase *chase)
{
  if (chase == NULL)
    return;
  g_strfreev (chase->recipients);
  g_free (chase->subject);
  g_free (chase->body);
  g_free (chase);
}
