/* onloop-time.h: timestamps and ISO weeks, all in UTC
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ONLOOP_USEC_PER_WEEK (G_GINT64_CONSTANT (7) * 24 * 3600 * G_USEC_PER_SEC)

/* An ISO 8601 week as one comparable number: year * 100 + week (202645). */
typedef gint32 OnloopWeek;

/* Parses an RFC 3339 timestamp ("2026-11-02T09:00:00Z", "…+01:00", with an
 * optional fraction) into microseconds since 1970-01-01 UTC. Rejects
 * anything else, including a missing offset and impossible dates. */
gboolean    onloop_time_parse_rfc3339  (const char *text,
                                        gsize       len,
                                        gint64     *usec);
/* Formats @usec as "2026-11-02T09:00:00Z" (with a fraction when non-zero). */
char       *onloop_time_format_rfc3339 (gint64      usec);
/* Parses "2026-11-02" (midnight UTC) or an RFC 3339 timestamp. */
gboolean    onloop_time_parse_date     (const char *text,
                                        gint64     *usec);

OnloopWeek  onloop_week_from_usec      (gint64      usec);
/* Monday 00:00 UTC of @week. */
gint64      onloop_week_start_usec     (OnloopWeek  week);
OnloopWeek  onloop_week_next           (OnloopWeek  week);
/* "2026-W45" */
char       *onloop_week_format         (OnloopWeek  week);
gboolean    onloop_week_parse          (const char *text,
                                        OnloopWeek *week);

G_END_DECLS
