/* onloop-slug.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *onloop_slugify      (const char *text);
gboolean  onloop_slug_is_valid (const char *slug);

G_END_DECLS
