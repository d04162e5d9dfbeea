/* icat-record.h — one live record, as views show it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ICAT_TYPE_RECORD (icat_record_get_type ())
G_DECLARE_FINAL_TYPE (IcatRecord, icat_record, ICAT, RECORD, GObject)

const char *icat_record_get_kind      (IcatRecord *self);
const char *icat_record_get_id        (IcatRecord *self);
/* The record in the exchange format; borrowed, replaced on every change. */
JsonObject *icat_record_get_data      (IcatRecord *self);
/* A title in the user's language: "UNODC — United Nations Office ...". */
const char *icat_record_get_title     (IcatRecord *self);
gboolean    icat_record_get_deleted   (IcatRecord *self);

const char *icat_record_get_string    (IcatRecord *self,
                                       const char *field);
gint64      icat_record_get_int       (IcatRecord *self,
                                       const char *field,
                                       gint64      fallback);
/* A localized field in the user's language, falling back to English. */
const char *icat_record_get_localized (IcatRecord *self,
                                       const char *field);
JsonArray  *icat_record_get_array     (IcatRecord *self,
                                       const char *field);

/* A text field of an exchange-format object, or NULL when it is absent,
 * null or not text. */
const char *icat_json_get_string      (JsonObject *object,
                                       const char *field);

/* For the store. */
IcatRecord *_icat_record_new          (const char *kind,
                                       const char *id,
                                       JsonObject *data);
void        _icat_record_set_data     (IcatRecord *self,
                                       JsonObject *data);
void        _icat_record_set_deleted  (IcatRecord *self);

G_END_DECLS
