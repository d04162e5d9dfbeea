/* icat-text-diff.h — what changed between two versions of a text
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICAT_DIFF_SAME,
  ICAT_DIFF_REMOVED,
  ICAT_DIFF_ADDED,
} IcatDiffKind;

typedef struct {
  IcatDiffKind  kind;
  char         *text;
} IcatDiffSpan;

void       icat_diff_span_free (IcatDiffSpan *span);

/* The spans that turn old_text into new_text, word by word (character by
 * character in Chinese, which has no spaces), in reading order: what both
 * hold, what was taken out, what was put in. Neighbouring spans of one
 * kind are joined; a removal comes before the addition that replaces it.
 * NULL reads as "". Very long texts that differ throughout are told as
 * one replacement of their differing middle rather than compared word
 * by word, so a diff is never slow. */
GPtrArray *icat_text_diff      (const char *old_text,
                                const char *new_text);

G_END_DECLS
