/* icat-mandate-chip.h — a mandate linked to an agenda item, in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mandate's short label and a button that unlinks it; the chip keeps
 * the mandate's id (see icat-meeting-mandates.c).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICAT_TYPE_MANDATE_CHIP (icat_mandate_chip_get_type ())
G_DECLARE_FINAL_TYPE (IcatMandateChip, icat_mandate_chip, ICAT, MANDATE_CHIP, GtkBox)

GtkWidget  *icat_mandate_chip_new               (const char      *mandate_id);
const char *icat_mandate_chip_get_mandate_id    (IcatMandateChip *self);
GtkLabel   *icat_mandate_chip_get_label         (IcatMandateChip *self);
GtkWidget  *icat_mandate_chip_get_remove_button (IcatMandateChip *self);

G_END_DECLS
