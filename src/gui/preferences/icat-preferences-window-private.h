/* icat-preferences-window-private.h — what the preferences' files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * icat-preferences-window.c shows the laptop's name, the folder and the
 * group and leaves it; icat-preferences-sharing.c makes and joins groups.
 * The functions that do the work are here so that a test can call them
 * where a person would go through a file chooser.
 */
#pragma once

#include "icat-preferences-window.h"

G_BEGIN_DECLS

typedef struct _IcatJoinRequest IcatJoinRequest;

struct _IcatPreferencesWindow {
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwActionRow         *folder_row;
  AdwPreferencesGroup  *group_group;
  AdwActionRow         *create_row;
  AdwActionRow         *join_row;
  AdwActionRow         *group_row;
  AdwActionRow         *leave_row;
  GtkSwitch            *reminders_switch;

  /* Owned */
  IcatStore            *store;
  GSettings            *settings;       /* the app's: reminders on or off */
  char                 *group_id;       /* NULL: not in a group */
  char                 *folder;         /* the group's, or the one chosen before making or joining one */
  GtkFileChooserNative *chooser;        /* the one open, kept alive while it is */
  IcatJoinRequest      *join;           /* the join dialog's choices while it is open */
  gboolean              create_after_folder;  /* "Create a New Group…" waits for a folder */
};

/* Reads the group, folder and name again and shows them. */
void     _icat_preferences_refresh       (IcatPreferencesWindow *self);
/* A message at the bottom of the preferences, as plain text. */
void     _icat_preferences_toast         (IcatPreferencesWindow *self,
                                          const char            *message);
/* A refusal or a result too long for a toast, in a dialog over the
 * preferences (or over parent, when not NULL). */
void     _icat_preferences_alert         (IcatPreferencesWindow *self,
                                          GtkWindow             *parent,
                                          const char            *heading,
                                          const char            *body);
/* Tells the app's sync service that the group or the folder changed. */
void     _icat_preferences_sync_now      (IcatPreferencesWindow *self);
/* Uses folder: kept for a group yet to be made or joined, else stored
 * for the group (an error becomes a toast). */
void     _icat_preferences_use_folder    (IcatPreferencesWindow *self,
                                          const char            *folder);
GtkFileChooserNative *
         _icat_preferences_new_chooser   (IcatPreferencesWindow *self,
                                          GtkWindow             *parent,
                                          const char            *title,
                                          GtkFileChooserAction   action,
                                          const char            *accept);

/* The folder chooser, then what waited for it (icat-preferences-window.c). */
void     _icat_preferences_choose_folder (IcatPreferencesWindow *self,
                                          GtkWindow             *parent);

/* icat-preferences-sharing.c: "Create a New Group…" and "Join a Group…". */
void     _icat_preferences_start_create  (IcatPreferencesWindow *self);
void     _icat_preferences_start_join    (IcatPreferencesWindow *self);
/* The folder chosen while the join dialog is open. */
void     _icat_preferences_join_folder_changed (IcatPreferencesWindow *self);
void     _icat_preferences_join_request_free   (IcatJoinRequest *request);
/* Makes the group (join file written to join_file) and shows its
 * passphrase; FALSE and error when it could not. */
gboolean _icat_preferences_create_group  (IcatPreferencesWindow *self,
                                          const char            *folder,
                                          const char            *join_file,
                                          GError               **error);
/* Joins the group of join_file or passphrase; *backup_path (may be NULL)
 * gets the file what the database held was saved to. */
gboolean _icat_preferences_join_group    (IcatPreferencesWindow *self,
                                          const char            *folder,
                                          const char            *join_file,
                                          const char            *passphrase,
                                          char                 **backup_path,
                                          GError               **error);
/* Leaves the group after the question was answered. */
gboolean _icat_preferences_leave_group   (IcatPreferencesWindow *self,
                                          GError               **error);

G_END_DECLS
