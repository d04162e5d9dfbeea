/* icat-test-util.h — shared helpers for the test programs
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-db.h"
#include "icat-store.h"

G_BEGIN_DECLS

/* g_test_init with the user's folders (config, data, cache) moved to a
 * temporary directory, so a test never touches the real home. Used instead
 * of G_TEST_OPTION_ISOLATE_DIRS, which leaks inside GLib 2.74 and would
 * make LeakSanitizer fail every test. */
void       icat_test_init           (int        *argc,
                                     char     ***argv);
/* A fresh temporary directory for this test, removed by icat_test_tmpdir_free. */
char      *icat_test_tmpdir_new     (void);
void       icat_test_tmpdir_free    (char *dir);
/* A new, seeded store in dir; *path_out (optional) gets the database path. */
IcatStore *icat_test_store_new      (const char *dir,
                                     char      **path_out);
/* Builds a JSON object from text; aborts on a syntax error. */
JsonObject *icat_test_object        (const char *json);
/* The database's export with a fixed exported_at, for before/after comparisons. */
char       *icat_test_export        (IcatStore  *store);
/* Text without white space, so line breaks and columns do not matter. */
char       *icat_test_squeezed      (const char *text);
/* The same, NFKC (Arabic comes back from pdftotext partly in presentation
 * forms) and without format characters: the bidi marks pdftotext adds
 * around right-to-left lines, joiners. */
char       *icat_test_squeezed_normal (const char *text);
/* pdftotext's text of a PDF (-raw: in the order it was drawn), squeezed. */
char       *icat_test_pdf_squeezed  (const char *pdf,
                                     gboolean    raw);
/* Each of parts (squeezed) in squeezed text, in this order; aborts naming
 * the first that is not where expected. Returns where the last one ends. */
const char *icat_test_assert_says_in_order (const char         *text,
                                            const char * const *parts);
/* Aborts when part (squeezed) is in squeezed text. */
void        icat_test_assert_not_said (const char *text,
                                       const char *part);
/* Takes export's "generator" line out (asserting it names this version), so
 * the export compares with the seed, which no version in particular wrote. */
void        icat_test_drop_generator (char      *export);
/* Takes the seed's "group" member out: the group's own name, which no
 * record holds and export does not write (doc/exchange-format.md). */
void        icat_test_drop_group_name (char     *seed);
/* The first column of the first row of sql, as text; NULL when there is
 * no row or it is NULL. Aborts on an SQL error. */
char       *icat_test_query_text    (IcatDb     *db,
                                     const char *sql);
/* An agency id of the seed by acronym. */
char       *icat_test_agency_id     (IcatStore  *store,
                                     const char *acronym);
/* A full disk: caps db at the pages it holds now (call it while nothing is
 * being written), and returns sentence repeated to more bytes than its
 * free pages hold, a text that can no longer be stored. */
char       *icat_test_fill_disk     (IcatDb      *db,
                                     const char  *sentence);
/* Runs icat-tracker-cli with the arguments; returns its exit status. */
int         icat_test_run_cli       (const char * const *argv,
                                     char      **stdout_text,
                                     char      **stderr_text);
/* The same on the database at database: --database database, then argv. */
int         icat_test_run_cli_on    (const char         *database,
                                     const char * const *argv,
                                     char              **stdout_text,
                                     char              **stderr_text);

/* Translations from the build's catalogues (build/po), in the
 * environment's locale: for a test that switches language. */
void        icat_test_use_build_catalogues (void);
/* Switches gettext to language (NULL: back to the environment's), as a
 * change of LANGUAGE at run time needs. */
void        icat_test_set_language  (const char  *language);

/* A program run to its end: its exit status (-1 when killed), standard
 * output as bytes (a PDF holds NULs) and standard error as text. */
typedef struct {
  int     status;
  GBytes *out;
  char   *err;
} IcatTestRun;

void        icat_test_run_clear     (IcatTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcatTestRun, icat_test_run_clear)

/* The bytes as a string; empty bytes give "". */
char       *icat_test_bytes_text    (GBytes      *bytes);
/* The text LibreOffice reads in the .odt at odt (converted to plain text
 * in dir, with a profile of its own there), as a coordinator editing the
 * document would find it. */
char       *icat_test_libreoffice_text (const char *dir,
                                        const char *odt);
/* The .odt at odt as LibreOffice converts it with filter ("pdf",
 * "txt:Text (encoded):UTF8"), in dir; the path of the file written. */
char       *icat_test_libreoffice_convert (const char *dir,
                                           const char *odt,
                                           const char *filter);
/* Runs argv (a program and its arguments) in the folder cwd (NULL: this
 * one). The CLI lays out text with Pango, and fontconfig 2.14.1 (Debian 12)
 * leaks while it parses the system's configuration, so under LeakSanitizer
 * the CLI's process gets the window tests' suppression, which names
 * libfontconfig alone; the test program itself runs without. */
IcatTestRun icat_test_run_program   (const char         *cwd,
                                     const char * const *argv);
/* The standard output of argv run to its end, which must succeed. */
char       *icat_test_run_text      (const char * const *argv);
/* The fonts pdffonts finds in pdf, one a line ("ABCDEF+LiberationSerif"). */
char       *icat_test_pdf_fonts     (const char  *pdf);
/* Runs $ICAT_CLI --database database ARGS…; it must succeed. */
void        icat_test_cli_ok        (const char         *database,
                                     const char * const *args);
/* The CLI's document (args: "workplan", "--year", "2016", NULL) written
 * to output (-o). */
void        icat_test_write_document (const char         *database,
                                      const char * const *args,
                                      const char         *output);
/* The CLI run from now on speaks language, from the build's catalogues
 * ($ICAT_TEST_LOCALEDIR). */
void        icat_test_cli_speak     (const char  *language);

/* A test that runs the CLI on a new database (db, not yet created) in a
 * directory of its own, which is also its home: no language, no
 * SOURCE_DATE_EPOCH, until the test sets them. */
typedef struct {
  char *dir;
  char *db;
} IcatTestCliDir;

void        icat_test_cli_dir_set_up    (IcatTestCliDir *fixture,
                                         gconstpointer   data);
void        icat_test_cli_dir_tear_down (IcatTestCliDir *fixture,
                                         gconstpointer   data);

/* A wait's deadline of seconds, stretched by the factor ICAT_TEST_SLOW (a
 * whole number, 1 when unset): a loaded machine or a sanitizer build is
 * many times slower than an idle one, and a deadline only ends a wait that
 * would otherwise hang. tests/meson.build sets the factor for each build. */
guint       icat_test_timeout       (guint        seconds);

/* A condition a test waits for: subject is usually the test's fixture. */
typedef gboolean (*IcatTestCondition) (gpointer      subject,
                                       gconstpointer data);

/* Iterates the main context until condition (subject, data) holds; after
 * timeout_seconds the test fails, naming the condition and where it was
 * waited for (timeout_seconds go through icat_test_timeout). Use
 * icat_test_wait_until (); the _at form is what it calls. */
void        icat_test_wait_until_at (const char        *file,
                                     int                line,
                                     const char        *func,
                                     const char        *condition_name,
                                     IcatTestCondition  condition,
                                     gpointer           subject,
                                     gconstpointer      data,
                                     guint              timeout_seconds);
/* icat_test_wait_until (condition, subject, data, timeout_seconds). The
 * cast lets a condition take its fixture's own type as subject; the rest
 * are passed on as they are, so that data may be a compound literal. */
#define icat_test_wait_until(condition, subject, ...)                     \
  icat_test_wait_until_at (__FILE__, __LINE__, G_STRFUNC, #condition,    \
                           (IcatTestCondition) (condition), (subject),  \
                           __VA_ARGS__)

/* Drops the last reference to store and asserts that it is finalized: the
 * test's teardown, once the worker threads have let go of it. */
void        icat_test_finalize_store (IcatStore *store);

G_END_DECLS
