/* icat-json-merge.h — a list changed on two sides, merged
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Whether two values are the same (NULL: absent). */
typedef gboolean (*IcatJsonSame) (JsonNode *a,
                                  JsonNode *b);

/* A list changed on this side (mine) and on another (theirs) since base,
 * merged element by element (by "id") and member by member: what mine
 * changed wins, the rest comes from theirs; elements theirs added are
 * kept, elements mine took out stay out. In mine's order unless only
 * theirs moved elements. Elements keep mine's members only, numbered
 * again in "position" where they have one. A list without ids (or a
 * value that is not a list) gives mine. */
JsonNode *icat_json_merge_lists (JsonNode     *base,
                                 JsonNode     *mine,
                                 JsonNode     *theirs,
                                 IcatJsonSame  same);

G_END_DECLS
