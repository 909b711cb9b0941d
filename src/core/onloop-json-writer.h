/* onloop-json-writer.h: small pieces for writing JSON by hand
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files Onloop writes (map, time entries, marks) are read by people and
 * diffed in version control, so numbers are written as short as they can be
 * while reading back the same double (1.1, not 1.1000000000000001), and
 * whole numbers without a fraction.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text (UTF-8) as a JSON string, quotes and control characters escaped;
 * NULL as null. */
void onloop_json_append_string (GString    *out,
                                const char *text);
/* A finite @value in the shortest form that reads back the same. */
void onloop_json_append_number (GString    *out,
                                double      value);

G_END_DECLS
