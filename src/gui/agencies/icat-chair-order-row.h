/* icat-chair-order-row.h — one turn in the chair rotation's order
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action row with the turn's number and buttons to move the agency up,
 * down or out of the order; the rotation relabels the row when the order
 * changes (see icat-chair-rotation-order.c).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_CHAIR_ORDER_ROW (icat_chair_order_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatChairOrderRow, icat_chair_order_row, ICAT, CHAIR_ORDER_ROW, AdwActionRow)

GtkWidget *icat_chair_order_row_new               (void);
GtkLabel  *icat_chair_order_row_get_number_label  (IcatChairOrderRow *self);
GtkWidget *icat_chair_order_row_get_up_button     (IcatChairOrderRow *self);
GtkWidget *icat_chair_order_row_get_down_button   (IcatChairOrderRow *self);
GtkWidget *icat_chair_order_row_get_remove_button (IcatChairOrderRow *self);

G_END_DECLS
