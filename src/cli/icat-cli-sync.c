/* icat-cli-sync.c — icat-tracker-cli sync: laptops that merge
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-cli-private.h"
#include "icat-sync.h"

static int
sync_init (IcatStore *store,
           int        argc,
           char     **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *join_file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *passphrase = NULL;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("The sync folder the laptops share"), N_("DIR") },
    { "join-file", 0, 0, G_OPTION_ARG_FILENAME, &join_file, N_("Where to write the file other laptops join with"), N_("FILE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("This laptop’s name, e.g. “UNODC Vienna laptop”"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— make a new group for this database"));
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (folder == NULL || join_file == NULL)
    return icat_cli_usage_error (_("Name the sync folder (--folder) and the join file to write (--join-file)"));
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  if (!icat_sync_init (store, folder, join_file, name, &passphrase, &error))
    return icat_cli_fail (error);
  /* Translators: %s is the join file; the passphrase follows on the next line */
  g_print (_("Made a new group. Other laptops join with %s or with this passphrase:"), join_file);
  g_print ("\n%s\n", passphrase);
  return ICAT_CLI_EXIT_OK;
}

static int
sync_join (IcatStore *store,
           int        argc,
           char     **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *backup = NULL;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("The sync folder the laptops share"), N_("DIR") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("This laptop’s name, e.g. “Chair’s laptop”"), N_("NAME") },
    { "passphrase", 0, 0, G_OPTION_ARG_STRING, &passphrase, N_("Join with the passphrase instead of a join file"), N_("WORDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE] — join the group of a join file"));
  g_autoptr(GError) error = NULL;
  IcatSyncReport report;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("This database then holds the group’s records; what it held is saved beside it as a JSON backup first."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (folder == NULL)
    return icat_cli_usage_error (_("Name the sync folder (--folder)"));
  if ((argc == 2) == (passphrase != NULL) || argc > 2)
    return icat_cli_usage_error (_("Name one join file, or give --passphrase"));
  if (!icat_sync_join (store, folder, argc == 2 ? argv[1] : NULL, passphrase, name, &backup, &error))
    return icat_cli_fail (error);
  if (backup != NULL)
    {
      g_print (_("What this database held before is saved in %s."), backup);
      g_print ("\n");
    }
  if (!icat_sync_run (store, NULL, &report, &error))
    return icat_cli_fail (error);
  g_print ("%s\n", _("Joined the group."));
  return ICAT_CLI_EXIT_OK;
}

static void
print_report (const IcatSyncReport *report)
{
  g_autofree char *applied = NULL;
  g_autofree char *laptops = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *published = NULL;

  /* Translators: the four parts make one line: "applied 12 changes from 2 laptops; 1 conflict; published 3 changes" */
  applied = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "applied %u change", "applied %u changes", report->applied_changes),
                             report->applied_changes);
  laptops = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u laptop", "from %u laptops", report->applied_laptops),
                             report->applied_laptops);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", report->new_conflicts),
                               report->new_conflicts);
  published = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "published %u change", "published %u changes", report->published_changes),
                               report->published_changes);
  /* Translators: "applied 12 changes" "from 2 laptops"; "1 conflict"; "published 3 changes" */
  g_print (_("%s %s; %s; %s"), applied, laptops, conflicts, published);
  g_print ("\n");
  if (report->waiting_files > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u file waits for an earlier one or a newer ICAT Tracker",
                            "%u files wait for earlier ones or a newer ICAT Tracker", report->waiting_files),
               report->waiting_files);
      g_print ("\n");
    }
  if (report->refused_files > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u file refused (see “sync status”)",
                            "%u files refused (see “sync status”)", report->refused_files),
               report->refused_files);
      g_print ("\n");
    }
}

static int
sync_run (IcatStore *store,
          int        argc,
          char     **argv)
{
  g_autofree char *folder = NULL;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("Use this sync folder (and remember it)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— apply other laptops’ changes and publish this one’s, once"));
  g_autoptr(GError) error = NULL;
  IcatSyncReport report;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  if (!icat_sync_run (store, folder, &report, &error))
    return icat_cli_fail (error);
  print_report (&report);
  return ICAT_CLI_EXIT_OK;
}

static int
sync_status (IcatStore *store,
             int        argc,
             char     **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the group’s laptops, files waiting or refused, open conflicts"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  status = icat_sync_status (store, &error);
  if (status == NULL)
    return icat_cli_fail (error);
  if (status->group_id == NULL)
    {
      g_print ("%s\n", _("This database is not in a group."));
      return ICAT_CLI_EXIT_OK;
    }
  g_print (_("Group: %s"), status->group_id);
  g_print ("\n");
  g_print (_("Sync folder: %s"), status->folder ? status->folder : "");
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u change not yet shared", "%u changes not yet shared",
                        (gulong) status->unshared), (guint) status->unshared);
  g_print ("\n%s\n", _("Laptops:"));
  for (guint i = 0; i < status->laptops->len; i++)
    {
      IcatSyncLaptop *laptop = status->laptops->pdata[i];

      if (laptop->last_change_at != NULL)
        /* Translators: a laptop of the group: its name, id, how many of its changes are applied here, the time of the last */
        g_print (g_dngettext (GETTEXT_PACKAGE, "  %s (%s%s): %u change applied, last %s",
                              "  %s (%s%s): %u changes applied, last %s", (gulong) laptop->applied),
                 laptop->name ? laptop->name : _("unnamed"), laptop->device_id, laptop->is_self ? _(", this laptop") : "",
                 (guint) laptop->applied, laptop->last_change_at);
      else
        /* Translators: a laptop of the group with no change yet: its name and id */
        g_print (_("  %s (%s%s): no changes yet"),
                 laptop->name ? laptop->name : _("unnamed"), laptop->device_id, laptop->is_self ? _(", this laptop") : "");
      g_print ("\n");
    }
  for (guint i = 0; i < status->waiting->len; i++)
    {
      g_print (_("Waiting: %s"), (const char *) status->waiting->pdata[i]);
      g_print ("\n");
    }
  for (guint i = 0; i < status->refused->len; i++)
    {
      g_print (_("Refused: %s"), (const char *) status->refused->pdata[i]);
      g_print ("\n");
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u open conflict", "%u open conflicts", status->open_conflicts),
           status->open_conflicts);
  g_print ("\n");
  return ICAT_CLI_EXIT_OK;
}

/* A laptop as people know it: its name, else its id. */
static const char *
laptop_name (IcatSyncStatus *status,
             const char     *device)
{
  for (guint i = 0; status != NULL && device != NULL && i < status->laptops->len; i++)
    {
      IcatSyncLaptop *laptop = status->laptops->pdata[i];

      if (g_str_equal (laptop->device_id, device) && laptop->name != NULL)
        return laptop->name;
    }
  return device ? device : "";
}

static int
sync_conflicts (IcatStore *store,
                int        argc,
                char     **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the conflicts waiting for a decision"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc > 1)
    return icat_cli_usage_error (_("Unexpected argument"));
  conflicts = icat_sync_conflicts (store, &error);
  if (conflicts == NULL)
    return icat_cli_fail (error);
  status = icat_sync_status (store, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      g_print ("%.8s %s %s/%s %s\n", conflict->id, conflict->kind, conflict->record_kind, conflict->record_id,
               conflict->field);
      /* Translators: a conflict's two values: the value, the laptop's name, the time */
      g_print (_("  mine:   %s (%s, %s)"), conflict->mine_value ? conflict->mine_value : "",
               laptop_name (status, conflict->mine_device), conflict->mine_time ? conflict->mine_time : "");
      g_print ("\n");
      g_print (_("  theirs: %s (%s, %s)"), conflict->theirs_value ? conflict->theirs_value : "",
               laptop_name (status, conflict->theirs_device), conflict->theirs_time ? conflict->theirs_time : "");
      g_print ("\n");
    }
  return ICAT_CLI_EXIT_OK;
}

static int
sync_resolve (IcatStore *store,
              int        argc,
              char     **argv)
{
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep, N_("Which value stays: this laptop’s (mine) or the other (theirs)"), N_("mine|theirs") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID — decide a conflict; the decision reaches every laptop"));
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc != 2)
    return icat_cli_usage_error (_("Name one conflict"));
  if (g_strcmp0 (keep, "mine") != 0 && g_strcmp0 (keep, "theirs") != 0)
    return icat_cli_usage_error (_("Say which value stays: --keep mine or --keep theirs"));
  if (!icat_sync_resolve (store, argv[1], g_str_equal (keep, "mine") ? ICAT_SYNC_KEEP_MINE : ICAT_SYNC_KEEP_THEIRS,
                          &error))
    return icat_cli_fail (error);
  g_print ("%s\n", _("Decided. The decision reaches the other laptops with the next “sync run”."));
  return ICAT_CLI_EXIT_OK;
}

typedef struct {
  const char *name;
  int       (*run) (IcatStore *store, int argc, char **argv);
  const char *summary;
} SyncCommand;

static const SyncCommand sync_commands[] = {
  { "init",      sync_init,      N_("Make a new group for this database") },
  { "join",      sync_join,      N_("Join a group with its join file or passphrase") },
  { "run",       sync_run,       N_("Apply other laptops’ changes and publish this one’s") },
  { "status",    sync_status,    N_("Show the laptops, files waiting or refused, and conflicts") },
  { "conflicts", sync_conflicts, N_("List the conflicts waiting for a decision") },
  { "resolve",   sync_resolve,   N_("Decide a conflict") },
};

int
icat_cli_command_sync (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND — merge this database with other laptops through a sync folder"));
  g_autoptr(GString) description = g_string_new (_("Commands:"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IcatStore) store = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sync_commands); i++)
    g_string_append_printf (description, "\n  %-10s %s", sync_commands[i].name, _(sync_commands[i].summary));
  g_option_context_set_description (context, description->str);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return icat_cli_usage_error (error->message);
  if (argc < 2)
    return icat_cli_usage_error (_("Name a sync command"));
  for (guint i = 0; i < G_N_ELEMENTS (sync_commands); i++)
    if (strcmp (argv[1], sync_commands[i].name) == 0)
      {
        g_autofree char *program = g_strdup_printf ("icat-tracker-cli sync %s", sync_commands[i].name);
        gboolean wants_help = FALSE;

        g_set_prgname (program);
        for (int a = 2; a < argc; a++)
          wants_help |= g_str_has_prefix (argv[a], "--help") || strcmp (argv[a], "-h") == 0;
        if (!wants_help)
          {
            store = icat_cli_open_store (database, &error);
            if (store == NULL)
              return icat_cli_fail (error);
          }
        return sync_commands[i].run (store, argc - 1, argv + 1);
      }
  {
    g_autofree char *message = g_strdup_printf (_("Unknown sync command “%s”"), argv[1]);

    return icat_cli_usage_error (message);
  }
}
