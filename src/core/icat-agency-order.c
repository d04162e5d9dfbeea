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
