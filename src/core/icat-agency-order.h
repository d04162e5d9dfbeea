/* icat-agency-order.h — current members first, former ones out of the way
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists of agencies to choose from for new work (owners, attendance, chairs,
 * coverage) offer the current members first and keep former members and
 * defunct bodies (DAW and UNIFEM, merged into UN-Women) out of the way.
 * Plain functions over an agency's JSON, tested without a display.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* TRUE when the agency is no longer one to give new work to on date
 * (YYYY, YYYY-MM or YYYY-MM-DD): it has a successor (it merged into
 * another body) or every role it held has ended. An agency without any
 * membership yet is not former: it may have just been added. */
gboolean icat_agency_is_former              (JsonObject *agency,
                                             const char *date);
/* The order of a choice list on date: current agencies before former
 * ones, each part by acronym (case folded, as COLLATE NOCASE), then by id so that no two
 * agencies tie. NULL agencies sort last. */
int      icat_agency_compare_current_first  (JsonObject *a,
                                             JsonObject *b,
                                             const char *date);

/* agencies: a GListModel of IcatRecord (a short list: every agency is
 * read). Returns its records with an id, current members first as
 * icat_agency_compare_current_first () orders them; owned references. */
GPtrArray *icat_agency_list_current_first   (GListModel *agencies,
                                             const char *date);

G_END_DECLS
