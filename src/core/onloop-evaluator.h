/* onloop-evaluator.h: does an event escalate under a spec? (PRODUCT.md §3)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-event.h"
#include "onloop-log.h"
#include "onloop-spec.h"

G_BEGIN_DECLS

/* A verdict is a set of reasons, as bits: bit i (i < number of triggers) is
 * the spec's trigger i, then ONLOOP_N_BOUNDARY_REASONS boundary bits. An
 * event escalates iff its reasons are non-zero. */
typedef guint64 OnloopReasons;

typedef struct _OnloopEvaluator OnloopEvaluator;

/* Compiles @spec for fast evaluation; with @log, against the log's
 * dictionaries so that onloop_evaluator_reasons_at() does no string work. */
OnloopEvaluator *onloop_evaluator_new            (OnloopSpec       *spec,
                                                  OnloopLog        *log);
void             onloop_evaluator_free           (OnloopEvaluator  *self);
OnloopSpec      *onloop_evaluator_get_spec       (OnloopEvaluator  *self);

/* The reasons for event @index of the log given at creation. */
OnloopReasons    onloop_evaluator_reasons_at     (OnloopEvaluator  *self,
                                                  guint             index);
/* The reasons for events [@start, @end) of the log into @out (end - start
 * elements): the same as onloop_evaluator_reasons_at(), a column at a time. */
void             onloop_evaluator_reasons_range  (OnloopEvaluator  *self,
                                                  guint             start,
                                                  guint             end,
                                                  OnloopReasons    *out);
/* The reasons for a parsed event; @first is its OnloopFirstTimeField bits
 * (the fields whose value no earlier event had). */
OnloopReasons    onloop_evaluator_reasons        (OnloopEvaluator  *self,
                                                  const OnloopEvent *event,
                                                  guint             first);
/* Whether trigger @trigger_index's scope includes event @index. */
gboolean         onloop_evaluator_in_scope_at    (OnloopEvaluator  *self,
                                                  guint             trigger_index,
                                                  guint             index);

guint            onloop_evaluator_get_n_reasons  (OnloopEvaluator  *self);
OnloopReasons    onloop_evaluator_trigger_bit    (OnloopEvaluator  *self,
                                                  guint             trigger_index);
OnloopReasons    onloop_evaluator_boundary_bit   (OnloopEvaluator  *self,
                                                  OnloopBoundaryReason reason);
/* "deal-size", …, "judgment-decision", … */
const char      *onloop_evaluator_reason_id      (OnloopEvaluator  *self,
                                                  guint             bit);
/* {"id": "...", "escalate": true, "reasons": ["deal-size", ...]} */
char            *onloop_evaluator_verdict_json   (OnloopEvaluator  *self,
                                                  const char       *event_id,
                                                  OnloopReasons     reasons);
/* The same, appended to @out (no newline): one buffer per stream. */
void             onloop_evaluator_append_verdict (OnloopEvaluator  *self,
                                                  GString          *out,
                                                  const char       *event_id,
                                                  OnloopReasons     reasons);

/* First-time history for streams of events (onloop-cli evaluate): the
 * earliest (at, id) seen for each normalized value of each field. */
typedef struct _OnloopFirstTimeHistory OnloopFirstTimeHistory;

OnloopFirstTimeHistory *onloop_first_time_history_new  (void);
void                    onloop_first_time_history_free (OnloopFirstTimeHistory *self);
/* Records every event of @log (with its at and id) as history. */
gboolean                onloop_first_time_history_add_store (OnloopFirstTimeHistory *self,
                                                             OnloopStore            *store,
                                                             GError                **error);
/* The fields of @event that no event earlier than it (by at, then id) in
 * the history had; then records @event. */
guint                   onloop_first_time_history_check_and_add (OnloopFirstTimeHistory *self,
                                                                 const OnloopEvent      *event);

G_END_DECLS
