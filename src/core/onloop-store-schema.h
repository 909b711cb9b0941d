/* onloop-store-schema.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* onloop_store_migrations[N - 1] brings a workspace from version N - 1 to N.
 * A released migration is never edited: add a new one. */
extern const char * const onloop_store_migrations[];

G_END_DECLS
