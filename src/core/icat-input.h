/* icat-input.h — what is wrong with what was typed, in words
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editors check a field as it is typed and show the answer next to it; the
 * same words name the field in a toast when the user leaves a record whose
 * input could not be saved. No GTK here, so every message is unit-tested.
 * Each function returns NULL when the text is fine, else a translated
 * sentence (free it with g_free).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as stored: YYYY, YYYY-MM or YYYY-MM-DD, from 1900 on, that exists
 * ("2026-02-30" → "February 2026 has 28 days"; "30/02/2026" → "Write the
 * date as 2026-03-31, 2026-03 or 2026"). Empty text is fine: whether a
 * date is required is the caller's question (icat_input_required_problem). */
char *icat_input_date_problem      (const char *text);
/* Two dates of a span (start, end; either may be empty or partial): NULL
 * when the end is not before the start, else "The end is before the
 * start". Only meaningful once both pass icat_input_date_problem. */
char *icat_input_date_order_problem (const char *from,
                                     const char *to);
/* A required title or name: blank (or only spaces) → "A title is needed". */
char *icat_input_title_problem     (const char *text);
/* Another required field, named in the message: "A name is needed" for
 * what, e.g., _("A name is needed"), passed ready translated. Returns a copy
 * of what when text is blank. */
char *icat_input_required_problem  (const char *text,
                                    const char *what);
/* A year written in four digits within [min, max]; empty is fine. */
char *icat_input_year_problem      (const char *text,
                                    int         min,
                                    int         max);
/* A link as people type it: empty, an address, a file's full path or a
 * bare host ("icat.un.org/…"). Refused: spaces outside a path ("A web
 * address cannot contain spaces"), control characters, and addresses that
 * do not parse or lead nowhere ("https://"). */
char *icat_input_link_problem      (const char *text);

/* Whether an address may be opened without asking: http, https and
 * mailto only (a mailto: naming an attachment is asked about). Links come from data, possibly an imported file; anything
 * else (file: and other local paths, javascript:, ftp:, a custom handler
 * such as vscode:) is opened only after the user has seen the full address
 * and said yes. */
gboolean icat_input_link_opens_directly (const char *uri);

/* What a toast says when the user leaves a record whose field could not be
 * saved: "The due date of “Draft the paper” was not saved: February 2026
 * has 28 days". field is the field's name as it reads in a sentence
 * ("due date"), already translated; title may be empty. */
char *icat_input_not_saved_message (const char *field,
                                    const char *title,
                                    const char *problem);

/* The same for several fields at once, which one toast names: "2 fields
 * of “Draft the paper” were not saved: title, due date". fields is
 * NULL-terminated, with at least two names. */
char *icat_input_not_saved_list_message (const char         *title,
                                         const char * const *fields);

G_END_DECLS
