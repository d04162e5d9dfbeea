/* icat-endorsement-reason.h — asking why a paper objected to goes on
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* reason: what the person wrote, stripped; NULL when they cancelled. */
typedef void (*IcatEndorsementReasonDone) (const char *reason,
                                           gpointer    user_data);

/* Asks, in a dialog over parent's window, why the paper titled title goes
 * to Working Group endorsement while an agency objected. done is called
 * once, then destroy on user_data. Returns the dialog (owned by GTK). */
AdwMessageDialog *icat_endorsement_reason_ask (GtkWidget                 *parent,
                                               const char                *title,
                                               IcatEndorsementReasonDone  done,
                                               gpointer                   user_data,
                                               GDestroyNotify             destroy);

/* For tests: the dialog's reason entry. */
GtkEditable      *_icat_endorsement_reason_get_entry (AdwMessageDialog *dialog);

G_END_DECLS
