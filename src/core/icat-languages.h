/* icat-languages.h — the languages a document can be written in
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;   /* as LANGUAGE takes it: a catalogue of po/LINGUAS, or "en" */
  const char *name;   /* the language's name in itself, never translated */
  const char *locale; /* for its dates' month and day names (LC_TIME), where installed */
} IcatLanguage;

/* English and each translation, in the order of their codes. */
const IcatLanguage *icat_languages       (guint      *n_languages);
/* The language with that exact code, or NULL. */
const IcatLanguage *icat_language_find   (const char *code);
/* "ar, en, es, fr, ru, zh_CN", for messages that list the choices. */
char               *icat_language_codes  (void);

G_END_DECLS
