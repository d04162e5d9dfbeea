/* icat-attachment-row.h — one attachment of a meeting in the meeting editor
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A boxed list of two entry rows, the attachment's title and its file or web
 * address, with buttons to choose a file, open the address and remove the
 * attachment; the meeting editor fills and follows them
 * (see icat-meeting-lists.c).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICAT_TYPE_ATTACHMENT_ROW (icat_attachment_row_get_type ())
G_DECLARE_FINAL_TYPE (IcatAttachmentRow, icat_attachment_row, ICAT, ATTACHMENT_ROW, AdwBin)

GtkWidget   *icat_attachment_row_new               (void);
AdwEntryRow *icat_attachment_row_get_title_row     (IcatAttachmentRow *self);
AdwEntryRow *icat_attachment_row_get_uri_row       (IcatAttachmentRow *self);
GtkWidget   *icat_attachment_row_get_choose_button (IcatAttachmentRow *self);
GtkWidget   *icat_attachment_row_get_open_button   (IcatAttachmentRow *self);
GtkWidget   *icat_attachment_row_get_remove_button (IcatAttachmentRow *self);

G_END_DECLS
