/* icat-action-items-chase.h — a button that chases one agency by e-mail
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "icat-store.h"

G_BEGIN_DECLS

/* Makes button chase the agency set with icat_chase_button_set_agency ():
 * a click activates "items.email-agency" on it. It is offered only while
 * something of the agency's is overdue today; otherwise it is insensitive,
 * and its accessible description and its parent's tooltip say why (GTK
 * shows no tooltip of an insensitive widget: the parent is a holder of the
 * button's size, an AdwBin). It follows changes to action items by itself. */
void icat_chase_button_init       (GtkWidget  *button,
                                   IcatStore  *store);
/* agency_id NULL: nobody to chase, the button insensitive. */
void icat_chase_button_set_agency (GtkWidget  *button,
                                   const char *agency_id);

G_END_DECLS
