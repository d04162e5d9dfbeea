/* icat-editor-util.h — what every record editor does with its fields
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shows a record's text in a field (NULL as empty), touching it only when
 * it differs, so what is being typed is not disturbed by our own saves.
 * Loaded text cannot be undone: Ctrl+Z in the field must never bring back
 * the text of the record shown before. */
void           icat_editable_show_text  (GtkEditable        *editable,
                                         const char         *text);
/* The same for a text view; its buffer's history is cleared likewise. */
void           icat_text_view_show_text (GtkTextView        *view,
                                         const char         *text);
/* The whole text of a text view. */
char          *icat_text_view_get_text  (GtkTextView        *view);

/* The index of value in a NULL-terminated list, or fallback. */
guint          icat_enum_index          (const char * const *values,
                                         const char         *value,
                                         guint               fallback);
/* A GtkStringList of each value's label, for an AdwComboRow. */
GtkStringList *icat_enum_labels         (const char * const *values,
                                         const char       *(*label) (const char *value));

/* A date row's calendar in the menu button beside it: when it opens it
 * shows the row's date (YYYY-MM-DD; otherwise today), and a day chosen in
 * it is written into the row, as if typed, and closes it. */
void           icat_date_picker_attach  (AdwEntryRow        *row,
                                         GtkMenuButton      *button,
                                         GtkCalendar        *calendar);

/* Says what is wrong with a field in words, next to it, and keeps it so
 * until called again: message NULL clears it. A row in a list box (an
 * AdwEntryRow has no subtitle in libadwaita 1.2) gets a line of red caption
 * text in a row of its own just below it; a widget in a box gets the line
 * just after it. The field also turns red ("error" style), is marked
 * invalid, and its accessible description is the message, so a screen
 * reader says it. The line goes away with the field. */
void           icat_row_show_problem    (GtkWidget          *row,
                                         const char         *message);
/* A deep copy without null members and empty lists, so that a value
 * compares equal to what the store gives back for it; NULL for nothing at
 * all. It shares nothing with the original, not even strings or numbers:
 * json-glib counts references without atomics, and what an editor sends is
 * read by the store's writing thread while the editor keeps its copy. */
JsonNode      *icat_json_normalized     (JsonNode           *node);

/* The message icat_row_show_problem shows next to row, or NULL. */
const char    *icat_row_get_problem     (GtkWidget          *row);
/* Every problem shown on screen below root, a line each ("Date: February
 * 2026 has 28 days"), or NULL when there is none: what would be lost if
 * the window went now. */
char          *icat_problems_describe   (GtkWidget          *root);

/* Leaving a record (another chosen, the editor closed) while row shows a
 * problem: what was typed there is not saved, and a toast ("win.toast")
 * says so, naming the field as it reads in a sentence ("due date"), the
 * record's title and the problem. Then clears the problem. Returns TRUE
 * when there was one to tell. */
gboolean       icat_row_report_unsaved  (GtkWidget          *row,
                                         const char         *field,
                                         const char         *record_title);
/* The same for several fields: pairs of row and field name, then NULL.
 * One toast for all: the problem itself when one field has one, else the
 * fields named ("2 fields of “…” were not saved: title, due date"), whose
 * reasons were shown next to them. */
gboolean       icat_rows_report_unsaved (const char         *record_title,
                                         GtkWidget          *first_row,
                                         const char         *first_field,
                                         ...) G_GNUC_NULL_TERMINATED;
/* The same for rows made at run time (a list's rows): n_rows rows, each
 * with its field's name. */
gboolean       icat_rows_report_unsavedv (const char         *record_title,
                                          GtkWidget * const  *rows,
                                          const char * const *fields,
                                          guint               n_rows);

/* Whether a value an editor queued in its IcatAutosave at queued_at
 * (g_get_monotonic_time; 0 once flushed) still waits there unsent: the
 * delay has not run out. A field turned wrong takes back such a value (the
 * valid "2026-02" on the way to "2026-02-30") by queueing the stored one
 * over it; a value already sent stays, for the record may not show it yet. */
gboolean       icat_autosave_still_waits (gint64             queued_at);

/* A spin button whose typed text is no number in its range ("2150" for a
 * year up to 2100) says so next to row in problem's words
 * (icat_input_year_problem, say) and keeps the text, instead of clamping it
 * or snapping back without a word; its value stays until a good number is typed or its buttons are
 * used. Call before connecting to "value-changed". */
void           icat_spin_button_check_typing (GtkSpinButton *spin,
                                              GtkWidget     *row,
                                              char         *(*problem) (const char *text,
                                                                      int         min,
                                                                      int         max));

/* A link as people type it, as an address to open: a file's path, an
 * address with its scheme, or a bare "icat.un.org/…" (taken as https).
 * NULL for blank text. */
char          *icat_typed_link_uri      (const char         *text);
/* Opens it with the system's handler for that kind of address. Links come
 * from data, possibly an imported file: web and e-mail addresses open at
 * once; anything else (a file, javascript:, another program's scheme) only
 * once the user says "Open" in a dialog ("open-link") that shows the full
 * address, where "Cancel" is the default. */
void           icat_open_typed_link     (GtkWidget          *widget,
                                         const char         *text);
/* For tests: what opening an address runs instead of gtk_show_uri (NULL
 * puts gtk_show_uri back). */
typedef void (*IcatLinkLauncher) (GtkWindow  *parent,
                                  const char *uri);
void           _icat_set_link_launcher  (IcatLinkLauncher    launcher);

G_END_DECLS
