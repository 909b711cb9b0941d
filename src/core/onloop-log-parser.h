/* onloop-log-parser.h: one line of the decision log → an OnloopEvent (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser takes bytes and returns a value or a GError; it never touches
 * the store, so it can be fuzzed on its own. Error messages name the field
 * and the rule ("context.sentiment: must be a number between -1 and 1") but
 * not the file or line: callers prefix "FILE:LINE: ". See docs/log.md.
 */

#pragma once

#include "onloop-event.h"

G_BEGIN_DECLS

/* Longest line accepted, line end excluded. Longer lines are refused
 * without being buffered whole. */
#define ONLOOP_LOG_MAX_LINE_LENGTH (1024 * 1024)
/* Deepest nesting of arrays and objects accepted (the line's object is 1). */
#define ONLOOP_LOG_MAX_DEPTH 64

#define ONLOOP_LOG_ERROR (onloop_log_error_quark ())

typedef enum
{
  ONLOOP_LOG_ERROR_SYNTAX,     /* not JSON, or not one object */
  ONLOOP_LOG_ERROR_ENCODING,   /* invalid UTF-8, lone surrogate, NUL */
  ONLOOP_LOG_ERROR_MISSING,    /* a required field is absent */
  ONLOOP_LOG_ERROR_TYPE,       /* a field of the wrong JSON type */
  ONLOOP_LOG_ERROR_RANGE,      /* a number out of range, NaN, Infinity */
  ONLOOP_LOG_ERROR_TIMESTAMP,  /* `at` is not RFC 3339 */
  ONLOOP_LOG_ERROR_DUPLICATE,  /* a field twice in one object; an id twice in one file */
  ONLOOP_LOG_ERROR_TOO_LONG,   /* line longer than ONLOOP_LOG_MAX_LINE_LENGTH */
  ONLOOP_LOG_ERROR_TOO_DEEP,   /* nesting deeper than ONLOOP_LOG_MAX_DEPTH */
  ONLOOP_LOG_ERROR_IO,         /* the file cannot be read */
} OnloopLogError;

GQuark            onloop_log_error_quark       (void);

typedef struct _OnloopLogParser OnloopLogParser;

/* A parser keeps scratch buffers between lines; use one per thread. */
OnloopLogParser  *onloop_log_parser_new        (void);
void              onloop_log_parser_free       (OnloopLogParser *self);

/* Parses one line (the bytes between two line ends; a trailing '\r' is
 * ignored) into @event, which is cleared first. On error @event is left
 * cleared. Blank lines are an error here: skip them first with
 * onloop_log_line_is_blank(). Fast enough to call for every line of a
 * 1,000,000-event stream. */
gboolean          onloop_log_parser_parse      (OnloopLogParser *self,
                                                const char      *line,
                                                gsize            len,
                                                OnloopEvent     *event,
                                                GError         **error);

/* Whether the line holds only white space (blank lines are ignored, §2). */
gboolean          onloop_log_line_is_blank     (const char      *line,
                                                gsize            len);

/* One-shot convenience: a new event, or NULL with @error set. */
OnloopEvent      *onloop_event_parse           (const char      *line,
                                                gsize            len,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopLogParser, onloop_log_parser_free)

G_END_DECLS
