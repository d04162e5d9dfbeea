/* icat-error.h — errors the core reports to people
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICAT_ERROR (icat_error_quark ())

typedef enum {
  ICAT_ERROR_FAILED,
  ICAT_ERROR_INVALID,          /* a record or document breaks the format's rules */
  ICAT_ERROR_NOT_FOUND,        /* no record with this id */
  ICAT_ERROR_IN_USE,           /* other records still refer to it */
  ICAT_ERROR_READ_ONLY,        /* the database cannot be written */
  ICAT_ERROR_DISK_FULL,
  ICAT_ERROR_NEWER_VERSION,    /* written by a newer ICAT Tracker */
  ICAT_ERROR_NOT_A_DATABASE,   /* the file is not an ICAT Tracker database */
  ICAT_ERROR_CONFLICT,         /* an undo found the record changed since */
  ICAT_ERROR_IO,
} IcatError;

GQuark icat_error_quark (void);

G_END_DECLS
