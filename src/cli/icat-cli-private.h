/* icat-cli-private.h — what the commands of icat-tracker-cli share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "icat-db.h"
#include "icat-store.h"

G_BEGIN_DECLS

enum {
  ICAT_CLI_EXIT_OK = 0,
  ICAT_CLI_EXIT_FAILED = 1,
  ICAT_CLI_EXIT_USAGE = 2,
};

/* One line on stderr; the exit status to return. */
int        icat_cli_fail              (const GError   *error);
int        icat_cli_usage_error       (const char     *message);

/* The database for a command that changes it (creating and seeding it
 * when missing). */
IcatStore *icat_cli_open_store        (const char     *database,
                                       GError        **error);
/* A connection that cannot write, for the commands that only read. A
 * missing database is first created and seeded, and an older one updated,
 * as every command does. */
IcatDb    *icat_cli_open_read_only    (const char     *database,
                                       GError        **error);

/* The database, read-only and in one snapshot, for an export written to
 * output; NULL with error set. The output is checked before the database
 * is read, so a mistyped path costs nothing. End the snapshot with
 * icat_db_end_snapshot (). */
IcatDb    *icat_cli_open_snapshot_for (const char     *database,
                                       const char     *output,
                                       GError        **error);
/* Checks that output ("-" or NULL: standard output) names a file that can
 * be written, with a message naming the file when not. */
gboolean   icat_cli_check_output      (const char     *output,
                                       GError        **error);
/* Standard output, or a device or pipe that must be written in place
 * rather than replaced. */
gboolean   icat_cli_output_is_special (const char     *output);
/* Writes data to standard output, or replaces the file whole through a
 * temporary file, so a failure never leaves half a file. */
gboolean   icat_cli_write_output      (const char     *output,
                                       const void     *data,
                                       gsize           length,
                                       GError        **error);
/* "2016" → 2016; a usage message when it is not a year from 2006 to 2100. */
gboolean   icat_cli_parse_year        (const char     *text,
                                       int            *year,
                                       char          **message);
/* The same for another option ("--from", "--to"), named in the message. */
gboolean   icat_cli_parse_year_option (const char     *option,
                                       const char     *text,
                                       int            *year,
                                       char          **message);

/* --language, for the commands that write documents. */
void       icat_cli_add_language_option (GOptionContext  *context,
                                         char           **language);
/* Writes the rest of the process's messages, and the localized fields it
 * picks, in language (a code of icat_languages ()); NULL keeps the user's.
 * Called before anything of the document is translated, as gettext cannot
 * translate one call into another language. A usage message when the
 * language is not one of them. */
char      *icat_cli_use_language      (const char     *language);

int        icat_cli_command_export    (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_workplan  (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_minutes   (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_sync      (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_demo      (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_report    (const char     *database,
                                       int             argc,
                                       char          **argv);
int        icat_cli_command_search    (const char     *database,
                                       int             argc,
                                       char          **argv);

G_END_DECLS
