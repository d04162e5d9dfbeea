/* icat-export.h — documents for people outside the app: CSV and iCalendar
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON backup keeps everything; these are meant to be sent to agencies
 * and Member States, so focal points' e-mail addresses and phone numbers are
 * left out unless ICAT_EXPORT_INCLUDE_CONTACTS is given (DESIGN.md, Exports).
 */
#pragma once

#include <glib.h>

#include "icat-db.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_EXPORT_DEFAULT          = 0,
  ICAT_EXPORT_INCLUDE_CONTACTS = 1 << 0,  /* focal points' e-mail and phone */
  ICAT_EXPORT_BOM              = 1 << 1,  /* CSV only: a UTF-8 byte-order mark for spreadsheets */
  ICAT_EXPORT_RAW              = 1 << 2,  /* CSV only: cells exactly as stored, formulas and all */
  /* Sections of a work plan or a meeting record the user left out; by
   * default a document has them all (icat_document_sections_flags ()). */
  ICAT_EXPORT_OMIT_ACTIVITIES   = 1 << 3,  /* work plan: the activities by pillar or mandate */
  ICAT_EXPORT_OMIT_TIMELINE     = 1 << 4,  /* work plan: the timeline of the year */
  ICAT_EXPORT_OMIT_ATTENDANCE   = 1 << 5,  /* record: attendance and invited States */
  ICAT_EXPORT_OMIT_AGENDA       = 1 << 6,  /* record: agenda and minutes */
  ICAT_EXPORT_OMIT_DECISIONS    = 1 << 7,  /* record: decisions */
  ICAT_EXPORT_OMIT_ACTION_ITEMS = 1 << 8,  /* record: action items arising */
  ICAT_EXPORT_OMIT_ATTACHMENTS  = 1 << 9,  /* record: attachments */
} IcatExportFlags;

/* Action items, one row each under a header row; RFC 4180 quoting, UTF-8,
 * CRLF line ends. year 0 means every item; otherwise the items due that year.
 * A cell starting with =, +, -, @, a tab or a carriage return would be run
 * as a formula by a spreadsheet, so it gets a leading apostrophe (as OWASP
 * recommends against CSV injection) unless ICAT_EXPORT_RAW is given. */
GBytes *icat_export_action_items_csv (IcatDb          *db,
                                      int              year,
                                      IcatExportFlags  flags,
                                      GError         **error);

/* Meetings as an iCalendar (RFC 5545) calendar, one VEVENT each, in the
 * venue's time zone. year 0 means every meeting; otherwise those starting
 * in that year (UTC). */
GBytes *icat_export_meetings_ics     (IcatDb          *db,
                                      int              year,
                                      IcatExportFlags  flags,
                                      GError         **error);

/* Files                                                                */

/* The path a chain of symbolic links ends at, whether or not that file
 * exists; path itself when it is no link. */
char    *icat_export_resolve_links      (const char      *path);
/* Fails, naming both, when path is (or links to) the database file or one
 * of the files SQLite keeps beside it (-wal, -shm, -journal). database may
 * be an SQLite "file:" URI, or NULL for no check. Files are compared by
 * device and inode, so a relative path, a link or a hard link is caught. */
gboolean icat_export_check_not_database (const char      *path,
                                        const char      *database,
                                        GError         **error);
/* Replaces the file whole through a temporary file beside it, so a failure
 * never leaves half a file. An existing file keeps its mode; through a
 * symbolic link (even one whose file does not exist yet) the file it points
 * to is written and the link stays. */
gboolean icat_export_replace_file       (const char      *path,
                                        const void      *data,
                                        gsize            length,
                                        GError         **error);
/* A device or a pipe (/dev/stdout, a FIFO a script reads) is written into
 * as it is: replacing it would put a plain file in its place. */
gboolean icat_export_write_in_place     (const char      *path,
                                        const void      *data,
                                        gsize            length,
                                        GError         **error);

/* A document written as it is made: a temporary file beside the one
 * named, renamed over it by icat_export_file_close() once whole, with the
 * same rules as icat_export_replace_file(); freed before it is closed,
 * the temporary file goes and the old file stays as it was. */
typedef struct _IcatExportFile IcatExportFile;

IcatExportFile *icat_export_file_new          (const char      *path,
                                               GError         **error);
/* A device or pipe, written into as icat_export_write_in_place() does. */
IcatExportFile *icat_export_file_new_in_place (const char      *path,
                                               GError         **error);
gboolean        icat_export_file_write        (IcatExportFile  *file,
                                               const void      *data,
                                               gsize            length,
                                               GError         **error);
gboolean        icat_export_file_close        (IcatExportFile  *file,
                                               GError         **error);
void            icat_export_file_free         (IcatExportFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatExportFile, icat_export_file_free)

G_END_DECLS
