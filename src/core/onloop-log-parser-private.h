/* onloop-log-parser-private.h: the allocation-free form of a parsed line
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import parses a million lines in a thread of its own and hands them
 * to the SQLite writer in batches, so the parser writes every string it
 * keeps into a caller-owned arena instead of allocating per field.
 */

#pragma once

#include "onloop-log-parser.h"

G_BEGIN_DECLS

/* A NUL-terminated string in the arena, or { NULL, 0 } when absent. */
typedef struct
{
  const char *str;
  guint32     len;
} OnloopSpan;

typedef struct
{
  OnloopSpan id;
  OnloopSpan at_text;
  OnloopSpan decision;
  OnloopSpan action;
  OnloopSpan industry;
  OnloopSpan persona;
  OnloopSpan objection;
  OnloopSpan tags_json;       /* the tags as a JSON array, when HAS_TAGS */
  OnloopSpan extra;           /* unknown fields as one JSON object */
  const char *tags;           /* n_tags decoded tags, each NUL-terminated, one after the other */
  guint32    n_tags;

  gint64     at_usec;
  guint      has;             /* OnloopEventHas */
  double     deal_arr;
  double     sentiment;
  double     engagement;
  double     review_minutes;
  gint64     days_in_stage;
  gboolean   stage_progressed;
  gboolean   escalated;
  gboolean   reviewed;
  gboolean   overridden;
  gboolean   quality_issue;
} OnloopEventView;

/* The arena must have room for this many bytes for a line of @len bytes. */
#define ONLOOP_LOG_ARENA_NEED(len) (4 * (gsize) (len) + 256)

/* Parses one line (no line end; a trailing '\r' is ignored) into @view,
 * writing strings at @arena (at least ONLOOP_LOG_ARENA_NEED (len) bytes).
 * Returns the number of arena bytes used, or 0 with @error set. */
gsize    onloop_log_parser_parse_view (OnloopLogParser *self,
                                       const char      *line,
                                       gsize            len,
                                       OnloopEventView *view,
                                       char            *arena,
                                       GError         **error);

G_END_DECLS
