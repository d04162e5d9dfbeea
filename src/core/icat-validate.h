/* icat-validate.h — checking records against the exchange format
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "icat-schema.h"

G_BEGIN_DECLS

/* A reference found in a record, resolved once the whole document is known. */
typedef struct {
  char *path;        /* JSON path of the field, for the error message */
  char *target;      /* kind name, or the child table of a CHILD_REF */
  char *id;
  char *parent_id;   /* CHILD_REF: the record the child must belong to */
} IcatRef;

typedef struct {
  GPtrArray  *refs;       /* IcatRef, owned */
  GHashTable *child_ids;  /* "table/id" → parent id: children seen, for duplicates and CHILD_REF */
  GPtrArray  *children;   /* IcatRef: each child with an id (target = its table), to check against stored ones */
} IcatValidation;

/* Sets an ICAT_ERROR_INVALID error reading "path: message" and returns
 * FALSE; path says where (a JSON path, or the document's name). */
gboolean        icat_set_invalid     (GError      **error,
                                      const char   *path,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (3, 4);

IcatValidation *icat_validation_new  (void);
void            icat_validation_free (IcatValidation *validation);
/* Moves what from collected into into, as if into had checked from's
 * record itself: a nested id another record already used is refused. */
gboolean        icat_validation_merge (IcatValidation  *into,
                                       IcatValidation  *from,
                                       GError         **error);

/* Checks one record and returns it normalized: every field present in
 * schema order, absent values null, timestamps with milliseconds. path is
 * the record's JSON path, e.g. "$.meetings[3]". */
JsonObject *icat_validate_record (const IcatKind  *kind,
                                  JsonNode        *node,
                                  const char      *path,
                                  IcatValidation  *validation,
                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatValidation, icat_validation_free)

G_END_DECLS
