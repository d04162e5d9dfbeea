/* icat-clearance.c — joint papers cleared agency by agency
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before the Working Group endorses a joint paper, each lead and
 * contributing agency clears it, clears it with comments or objects. These
 * functions read the paper's record as the exchange format writes it, so
 * the board, the editor, the store and the tests share one reading.
 */
#define G_LOG_DOMAIN "icat-clearance"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-clearance.h"
#include "icat-fields.h"
#include "icat-validate.h"

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

gboolean
icat_clearance_state_is_cleared (const char *state)
{
  return g_strcmp0 (state, "cleared") == 0 || g_strcmp0 (state, "cleared-with-comments") == 0;
}

void
icat_clearance_count (JsonObject         *paper,
                      IcatClearanceCount *count)
{
  JsonArray *rows = member_array (paper, ICAT_KEY_CLEARANCES);
  g_auto(GStrv) not_asked = icat_clearance_missing_agencies (paper);

  g_return_if_fail (count != NULL);

  *count = (IcatClearanceCount) { 0 };
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      const char *state;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        continue;
      state = member_string (json_node_get_object (row_node), ICAT_KEY_STATE);
      count->n_rows++;
      if (icat_clearance_state_is_cleared (state))
        count->n_cleared++;
      else if (g_strcmp0 (state, "objected") == 0)
        count->n_objected++;
    }
  count->n_agencies = count->n_rows + g_strv_length (not_asked);
}

char *
icat_clearance_summary (JsonObject *paper)
{
  IcatClearanceCount count;
  g_autofree char *cleared = NULL;

  icat_clearance_count (paper, &count);
  if (count.n_agencies == 0 ||
      (count.n_rows == 0 && g_strcmp0 (member_string (paper, ICAT_KEY_STATUS), "agency-review") != 0))
    return NULL;
  /* Translators: on a paper's card: how many of the agencies asked cleared it, "5 of 7 cleared" */
  cleared = g_strdup_printf (ngettext ("%u of %u cleared", "%u of %u cleared", count.n_agencies),
                             count.n_cleared, count.n_agencies);
  if (count.n_objected == 0)
    return g_steal_pointer (&cleared);
  /* Translators: on a paper's card, after "5 of 7 cleared": how many agencies objected */
  return g_strdup_printf (ngettext ("%s · %u objected", "%s · %u objected", count.n_objected),
                          cleared, count.n_objected);
}

static gboolean
has_row_for (JsonArray  *rows,
             const char *agency)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);

      if (JSON_NODE_HOLDS_OBJECT (row_node) &&
          g_strcmp0 (member_string (json_node_get_object (row_node), ICAT_KEY_AGENCY), agency) == 0)
        return TRUE;
    }
  return FALSE;
}

char **
icat_clearance_missing_agencies (JsonObject *paper)
{
  static const char * const lists[] = { ICAT_KEY_LEAD_AGENCIES, ICAT_KEY_CONTRIBUTING_AGENCIES };
  JsonArray *rows = member_array (paper, ICAT_KEY_CLEARANCES);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *agencies = member_array (paper, lists[l]);

      for (guint i = 0; agencies != NULL && i < json_array_get_length (agencies); i++)
        {
          const char *agency = json_array_get_string_element (agencies, i);

          /* An agency both leading and contributing clears once. */
          if (agency == NULL || !g_hash_table_add (seen, (gpointer) agency) || has_row_for (rows, agency))
            continue;
          g_strv_builder_add (missing, agency);
        }
    }
  return g_strv_builder_end (missing);
}

JsonArray *
icat_clearance_request_all (JsonObject *paper,
                            const char *today)
{
  JsonArray *rows = member_array (paper, ICAT_KEY_CLEARANCES);
  g_auto(GStrv) missing = icat_clearance_missing_agencies (paper);
  JsonArray *result = json_array_new ();

  g_return_val_if_fail (today != NULL, result);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    json_array_add_element (result, json_node_copy (json_array_get_element (rows, i)));
  for (guint i = 0; missing[i] != NULL; i++)
    {
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, ICAT_KEY_AGENCY, missing[i]);
      json_object_set_string_member (row, ICAT_KEY_STATE, "requested");
      json_object_set_string_member (row, ICAT_KEY_ON, today);
      json_array_add_object_element (result, row);
    }
  return result;
}

gboolean
icat_paper_endorsement_needs_reason (JsonObject *paper)
{
  IcatClearanceCount count;
  const char *reason = member_string (paper, ICAT_KEY_ENDORSEMENT_REASON);
  g_autofree char *stripped = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;

  icat_clearance_count (paper, &count);
  return count.n_objected > 0 && (stripped == NULL || *stripped == '\0');
}

gboolean
icat_paper_check_endorsement (const char  *old_status,
                              JsonObject  *paper,
                              GError     **error)
{
  const char *status = member_string (paper, ICAT_KEY_STATUS);

  /* Only the move itself is held to the rule: a paper already awaiting
   * endorsement can still be edited, and an objection recorded after the
   * move is kept as it comes. */
  if (g_strcmp0 (status, "wg-endorsement") != 0 || g_strcmp0 (old_status, "wg-endorsement") == 0 ||
      !icat_paper_endorsement_needs_reason (paper))
    return TRUE;
  return icat_set_invalid (error, "$." ICAT_KEY_ENDORSEMENT_REASON,
                           _("an agency objected to this paper; say why it goes to Working Group endorsement"));
}

int
icat_clearance_find_duplicate (JsonArray *clearances)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; clearances != NULL && i < json_array_get_length (clearances); i++)
    {
      JsonNode *row_node = json_array_get_element (clearances, i);
      const char *agency;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        continue;
      agency = member_string (json_node_get_object (row_node), ICAT_KEY_AGENCY);
      if (agency != NULL && !g_hash_table_add (seen, (gpointer) agency))
        return (int) i;
    }
  return -1;
}
