/* fuzz-exchange.h — the exchange format's fuzz target, shared with its replay
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int  LLVMFuzzerTestOneInput      (const uint8_t *data,
                                  size_t         size);
/* Closes the database the target keeps between inputs. */
void icat_fuzz_exchange_cleanup (void);
