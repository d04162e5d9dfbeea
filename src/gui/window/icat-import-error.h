/* icat-import-error.h — an import's error worded for the person importing
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits the message of an import's GError (which names the file, then
 * either "LINE:COLUMN:" or a JSON path such as "$.action_items[12].due:")
 * into where in the file the problem is, worded for a person ("Line 3,
 * column 14", "Action item 13, field “due”"; NULL when the message names
 * no place), and what is wrong. file_name is the name the import was
 * given; a message that does not start with it is all problem. */
char *icat_import_error_place (const char  *message,
                               const char  *file_name,
                               char       **problem);

/* The whole text of the dialog that says an import failed. */
char *icat_import_error_describe (const char *message,
                                  const char *file_name);

G_END_DECLS
