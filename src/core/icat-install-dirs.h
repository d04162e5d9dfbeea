/* icat-install-dirs.h — where an installed ICAT Tracker finds its data
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *icat_install_dirs_relocate          (const char *program_path,
                                               const char *prefix,
                                               const char *bindir,
                                               const char *configured_dir);
char     *icat_install_dirs_find              (const char *configured_dir);
void      icat_install_dirs_bind_translations (void);
gboolean  icat_install_dirs_add_data_dir      (void);

G_END_DECLS
