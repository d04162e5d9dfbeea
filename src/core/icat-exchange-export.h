/* icat-exchange-export.h — the whole database as an exchange document, as a stream
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-db.h"

G_BEGIN_DECLS

/* Takes the next piece of the document; FALSE with error set stops the
 * export. */
typedef gboolean (*IcatExchangeSink) (const char  *data,
                                      gsize        length,
                                      gpointer     user_data,
                                      GError     **error);

/* The document icat_exchange_export() returns, handed to sink piece by
 * piece as its records are read, so the document is never whole in
 * memory. One read transaction; on failure sink has had part of it. */
gboolean icat_exchange_export_to (IcatDb            *db,
                                  const char        *exported_at,
                                  IcatExchangeSink   sink,
                                  gpointer           user_data,
                                  GError           **error);

G_END_DECLS
