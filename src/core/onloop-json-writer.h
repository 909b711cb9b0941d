/* onloop-json-writer.h: small pieces for JSON by hand
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

/* json-glib parses recursively, so a document nested 100,000 deep would
 * overflow the stack. This scan (strings skipped) tells whether @data nests
 * arrays and objects at most @max_depth deep; when not, @line gets the line
 * where it goes deeper. */
gboolean onloop_json_depth_ok (const char *data,
                               gsize       len,
                               guint       max_depth,
                               guint      *line);

G_END_DECLS
