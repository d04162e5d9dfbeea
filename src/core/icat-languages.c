/* icat-languages.c — the languages a document can be written in
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext translates a process into one language, so a document in
 * another language than the app's is written by icat-tracker-cli
 * --language; this list is what both offer. tests/test-cli-language
 * checks that it matches po/LINGUAS.
 */
#define G_LOG_DOMAIN "icat-languages"

#include "config.h"

#include "icat-languages.h"

static const IcatLanguage languages[] = {
  { "ar", "العربية", "ar_EG.UTF-8" },
  { "en", "English", "en_GB.UTF-8" },
  { "es", "Español", "es_ES.UTF-8" },
  { "fr", "Français", "fr_FR.UTF-8" },
  { "ru", "Русский", "ru_RU.UTF-8" },
  { "zh_CN", "中文", "zh_CN.UTF-8" },
};

const IcatLanguage *
icat_languages (guint *n_languages)
{
  *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

const IcatLanguage *
icat_language_find (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];
  return NULL;
}

char *
icat_language_codes (void)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", languages[i].code);
  return g_string_free (g_steal_pointer (&codes), FALSE);
}
