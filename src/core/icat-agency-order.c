/* icat-agency-order.c — current members first, former ones out of the way
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-agency-order"

#include "config.h"

#include <string.h>

#include "icat-agency-order.h"
#include "icat-fields.h"
#include "icat-format.h"
#include "icat-record.h"

gboolean
icat_agency_is_former (JsonObject *agency,
                       const char *date)
{
  JsonNode *successor;

  g_return_val_if_fail (date != NULL, FALSE);

  if (agency == NULL)
    return FALSE;
  successor = json_object_get_member (agency, ICAT_KEY_SUCCESSOR);
  if (successor != NULL && JSON_NODE_HOLDS_VALUE (successor) &&
      json_node_get_string (successor) != NULL && *json_node_get_string (successor) != '\0')
    return TRUE;
  return icat_agency_status_on (agency, date, NULL) == ICAT_AGENCY_STATUS_FORMER_MEMBER;
}

/* As the lists' SQL orders acronyms (COLLATE NOCASE): the same order in
 * every locale. */
static int
compare_strings_folded (const char *a,
                        const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a ? a : "", -1);
  g_autofree char *folded_b = g_utf8_casefold (b ? b : "", -1);

  return strcmp (folded_a, folded_b);
}

int
icat_agency_compare_current_first (JsonObject *a,
                                   JsonObject *b,
                                   const char *date)
{
  gboolean former_a, former_b;
  int order;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  former_a = icat_agency_is_former (a, date);
  former_b = icat_agency_is_former (b, date);
  if (former_a != former_b)
    return former_a ? 1 : -1;
  order = compare_strings_folded (json_object_get_string_member_with_default (a, ICAT_KEY_ACRONYM, NULL),
                                  json_object_get_string_member_with_default (b, ICAT_KEY_ACRONYM, NULL));
  if (order != 0)
    return order;
  return g_strcmp0 (json_object_get_string_member_with_default (a, ICAT_KEY_ID, NULL),
                    json_object_get_string_member_with_default (b, ICAT_KEY_ID, NULL));
}

static int
compare_records_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      date)
{
  return icat_agency_compare_current_first (icat_record_get_data (*(IcatRecord **) a),
                                            icat_record_get_data (*(IcatRecord **) b), date);
}

GPtrArray *
icat_agency_list_current_first (GListModel *agencies,
                                const char *date)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (agencies), records);
  g_return_val_if_fail (date != NULL, records);

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      IcatRecord *agency = g_list_model_get_item (agencies, i);

      if (agency != NULL && icat_record_get_id (agency) != NULL)
        g_ptr_array_add (records, agency);
      else
        g_clear_object (&agency);
    }
  g_ptr_array_sort_with_data (records, compare_records_cb, (gpointer) date);
  return records;
}
