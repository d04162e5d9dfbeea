/* icat-test-widgets.h — finding widgets in the UI tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gtk/gtk.h>

#include "icat-preferences-window.h"
#include "icat-store.h"
#include "icat-window.h"

G_BEGIN_DECLS

/* The first widget below root (root included), depth first, with this
 * name (gtk_widget_set_name, or <property name="name"> in a template);
 * NULL if there is none. */
GtkWidget *icat_test_find_named (GtkWidget  *root,
                                 const char *name);
/* The same for the first widget of this type. */
GtkWidget *icat_test_find_type  (GtkWidget  *root,
                                 GType       type);

typedef void (*IcatTestAppFunc) (IcatWindow *window,
                                 IcatStore  *store,
                                 gpointer    data);

/* Runs the app on a new database in a temporary folder, calls test with
 * its window and store once it is shown, then closes it. */
void       icat_test_run_app    (IcatTestAppFunc  test,
                                 gpointer         data);
/* Goes to a section of the window; its view, of this type, is shown. */
GtkWidget *icat_test_show_section (IcatWindow    *window,
                                   const char    *section,
                                   GType          type);

/* Opens Preferences from the app's menu action; its window. */
IcatPreferencesWindow *icat_test_open_preferences (IcatWindow *window);

/* A condition for icat_test_wait_until (): the agenda item of a
 * meeting editor at the index (GUINT_TO_POINTER) has the focus in its
 * title, and the title is on screen in the editor's scrolled window. */
gboolean   icat_test_agenda_item_in_view (gpointer      editor,
                                          gconstpointer index);

/* Real key presses, through the X server (XTEST), as a person types: they
 * reach whatever window and widget has the focus. NULL when the display
 * cannot do it (no X11, or no libXtst): the test should then skip. */
typedef struct _IcatTestKeyboard IcatTestKeyboard;

/* Starts an X server of the test's own (Xvfb), or returns NULL; *name
 * gets its name (":5"). Stop it with icat_test_display_stop. */
GSubprocess      *icat_test_display_start        (char              **name);
void              icat_test_display_stop         (GSubprocess        *server);
/* Runs the app with test (given the keyboard as its data) in a child
 * process, on an X server of its own where no other test's window takes
 * the keyboard focus: program is the test program (argv[0]), test_path
 * the test that calls this, and child_variable the environment variable
 * that tells the child it is one. Skips when there is no Xvfb. */
void              icat_test_run_app_with_keys    (const char         *program,
                                                  const char         *test_path,
                                                  const char         *child_variable,
                                                  IcatTestAppFunc     test);
/* Keys for the display named (NULL: $DISPLAY). */
IcatTestKeyboard *icat_test_keyboard_open        (const char         *display);
void              icat_test_keyboard_free        (IcatTestKeyboard   *kb);
/* Presses the keys named, as one chord ("Control_L", "z"), then lets go,
 * and waits until the X server has them. */
void              icat_test_keyboard_press       (IcatTestKeyboard   *kb,
                                                  const char * const *keys);
/* The X id of a large window on screen of the process pid, or 0. */
gulong            icat_test_keyboard_find_window (IcatTestKeyboard   *kb,
                                                  GPid                pid);
/* Whether some window on the display owns the PRIMARY selection: a GTK
 * program claims it once text in a focused field is selected. */
gboolean          icat_test_keyboard_has_selection (IcatTestKeyboard *kb);
/* Gives the keyboard focus to an X window, or to this process's window;
 * again before each key if it was taken. */
void              icat_test_keyboard_focus       (IcatTestKeyboard   *kb,
                                                  gulong              window);
void              icat_test_keyboard_focus_widget (IcatTestKeyboard  *kb,
                                                   GtkWidget         *widget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatTestKeyboard, icat_test_keyboard_free)

/* Sends every editor's queued edit at once (not after the delay), waits
 * until the store has written them and every other queued write, and
 * dispatches the answers and change notices: what a view shows next is
 * what is stored. */
void        icat_test_wait_saved     (IcatStore  *store);

/* Every view and editor of ICAT Tracker below root (root included), and
 * the window itself, watched by weak references: after the window is
 * destroyed and its saves answered, icat_test_assert_finalized fails the
 * test naming any that is still alive, so a leaked widget fails a test. */
GPtrArray  *icat_test_watch_widgets  (GtkWidget  *root);
void        icat_test_assert_finalized (GPtrArray *watched);

/* The visible window (a dialog) with this widget name, or NULL. */
GtkWidget  *icat_test_find_toplevel  (const char *name);
/* Closes the window as its close button would, agreeing to lose any input
 * the test left wrong on purpose. */
void        icat_test_close_window   (GtkWindow  *window);
/* Replaces a field's text as typing would (one deletion, one insertion). */
void        icat_test_type_text      (GtkWidget  *field,
                                      const char *text);
/* The words on the line just below a field that shows a problem, checking
 * that the field and the line are marked as an error and the line shows. */
const char *icat_test_problem_below  (GtkWidget  *row);

/* Writes report name on the years from_year .. to_year through the
 * window's win.export-report into path (named beforehand, as a test cannot
 * answer a file chooser) and waits until the file is there. */
void        icat_test_export_report  (IcatWindow *window,
                                      const char *path,
                                      const char *name,
                                      int         from_year,
                                      int         to_year);
/* The file chooser an export shows (GTK's own dialog: the tests have no
 * portal), waited for. */
GtkFileChooser *icat_test_wait_file_chooser (void);
/* Picks the option that says label in the chooser's drop-down that has
 * it, as a click does (GTK 4.8's set_choice does not reach a choice with
 * options, and its dialog shows the first option whatever was set), and
 * checks that choice id answers option. */
void        icat_test_choose_in_file_chooser (GtkFileChooser *chooser,
                                              const char     *id,
                                              const char     *label,
                                              const char     *option);
/* Picks language (a code of icat_languages ()) in the chooser's Language
 * drop-down, by the language's own name. */
void        icat_test_choose_document_language (GtkFileChooser *chooser,
                                                const char     *language);
/* Names path in the chooser, as typed, and presses its accept button. */
void        icat_test_accept_file_chooser (GtkFileChooser *chooser,
                                           const char     *path);
/* A label on screen below root that starts with prefix (a toast). */
gboolean    icat_test_shows_label    (GtkWidget  *root,
                                      const char *prefix);

/* The content.xml of an .odt, read with libgsf. */
char       *icat_test_odt_content    (const char *path);

G_END_DECLS
