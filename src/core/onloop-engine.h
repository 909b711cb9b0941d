/* onloop-engine.h: evaluation under the spec in force, weekly metrics,
 * diagnosis, per-trigger contribution, false negatives, spot-check samples
 * (PRODUCT.md §3–4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ways in:
 *
 * - onloop_engine_read_metrics() is what the CLI and the Review charts call
 *   for the weekly numbers. When the workspace is up to date it reads only
 *   the small `weekly` table, the time entries and the settings (no event
 *   is loaded); when it is stale it first runs onloop_engine_refresh().
 *
 * - OnloopEngine is an immutable snapshot of one state of a workspace: the
 *   log as columns, the published versions, the draft, and each event's
 *   evaluation under the spec in force at its time. Build it once in a
 *   worker thread (GTask) with onloop_engine_load(), then read it from any
 *   thread: contribution, false negatives, samples, in-memory metrics.
 *
 * Neither keeps SQL statements running across calls; an OnloopStore must
 * still be used by one thread at a time.
 */

#pragma once

#include "onloop-evaluator.h"
#include "onloop-log.h"
#include "onloop-spec.h"
#include "onloop-store.h"

G_BEGIN_DECLS

/* The snapshot (see above). */
typedef struct _OnloopEngine OnloopEngine;

/* Manager time categories, in the order of PRODUCT.md §4. */
typedef enum
{
  ONLOOP_HOURS_EXECUTION_OVERSIGHT,
  ONLOOP_HOURS_EXCEPTION_HANDLING,
  ONLOOP_HOURS_STRATEGY,
  ONLOOP_HOURS_COACHING,
  ONLOOP_HOURS_RELATIONSHIP_REPAIR,
  ONLOOP_HOURS_OTHER,
} OnloopHours;

#define ONLOOP_N_HOURS 6

/* "execution_oversight", … as in the time-entry format. */
const char *onloop_hours_to_string (OnloopHours hours);

/* Diagnosis verdicts as bits, in the order they are listed. At most one of
 * the five exception-rate verdicts is set (none when the rate is null). */
typedef enum
{
  ONLOOP_VERDICT_TOO_LOOSE     = 1 << 0,  /* "too-loose" */
  ONLOOP_VERDICT_BELOW_TARGET  = 1 << 1,  /* "below-target" */
  ONLOOP_VERDICT_ON_TARGET     = 1 << 2,  /* "on-target" */
  ONLOOP_VERDICT_ABOVE_TARGET  = 1 << 3,  /* "above-target" */
  ONLOOP_VERDICT_IN_THE_LOOP   = 1 << 4,  /* "in-the-loop" */
  ONLOOP_VERDICT_TOO_SENSITIVE = 1 << 5,  /* "too-sensitive" */
  ONLOOP_VERDICT_TRIGGER_GAP   = 1 << 6,  /* "trigger-gap" */
} OnloopVerdict;

#define ONLOOP_N_VERDICTS 7

/* The id of one verdict bit ("too-loose"), or NULL. */
const char *onloop_verdict_id      (OnloopVerdict verdict);
/* What the person is told, translated ("triggers too loose: judgment
 * abdication risk"). */
const char *onloop_verdict_message (OnloopVerdict verdict);

/* The diagnosis numbers of a workspace (settings diagnosis.*). */
typedef struct
{
  double too_loose;     /* 0.05 */
  double target_low;    /* 0.10 */
  double target_high;   /* 0.15 */
  double in_the_loop;   /* 0.20 */
  double override_min;  /* 0.30 */
} OnloopThresholds;

void        onloop_thresholds_init_default (OnloopThresholds *thresholds);
void        onloop_thresholds_load         (OnloopThresholds *thresholds,
                                            OnloopStore      *store);

/* One ISO week of PRODUCT.md §4. Rates and judgment_share are NAN when
 * their denominator is zero (null in JSON). */
typedef struct
{
  OnloopWeek week;              /* 0 for a sum over a range */
  gint64     starts_usec;       /* Monday 00:00 UTC */
  guint      events;
  guint      escalated;
  guint      interventions;
  guint      overrides;
  guint      autonomous;
  guint      false_negatives;
  guint      drift;
  double     exception_rate;
  double     override_rate;
  double     false_negative_rate;
  double     hours[ONLOOP_N_HOURS];
  double     hours_total;
  double     judgment_share;
  guint      verdicts;          /* OnloopVerdict bits */
} OnloopWeekMetrics;

/* Fills the rates, judgment_share and autonomous from the counts and
 * hours, and the verdicts from @thresholds. */
void        onloop_week_metrics_finish     (OnloopWeekMetrics      *metrics,
                                            const OnloopThresholds *thresholds);
/* Sums @n_weeks weeks into @out (counts and hours added, rates and
 * verdicts recomputed): the diagnosis of a whole range. */
void        onloop_week_metrics_sum        (const OnloopWeekMetrics *weeks,
                                            guint                    n_weeks,
                                            const OnloopThresholds  *thresholds,
                                            OnloopWeekMetrics       *out);

/* A range of time: [from_usec, to_usec). Use ONLOOP_RANGE_ALL for none. */
typedef struct
{
  gint64 from_usec;
  gint64 to_usec;
} OnloopRange;

#define ONLOOP_RANGE_ALL ((OnloopRange) { G_MININT64, G_MAXINT64 })

/* Parses the CLI's --from/--to: a date ("2026-11-02") or an RFC 3339
 * timestamp; a --to date includes that whole day. NULL leaves that end
 * open. FALSE with @error naming the bad option. */
gboolean    onloop_range_parse             (const char   *from,
                                            const char   *to,
                                            OnloopRange  *range,
                                            GError      **error);

/* Brings the per-event evaluation and the `weekly` table up to date when
 * onloop_store_is_stale(); does nothing otherwise. With @out_engine, also
 * returns the snapshot (loaded either way). */
gboolean    onloop_engine_refresh          (OnloopStore   *store,
                                            OnloopEngine **out_engine,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* The weekly metrics of every week from the first to the last week with
 * events or time entries, inside @range (a week is in when any of it is),
 * with verdicts from the workspace's thresholds. Refreshes a stale
 * workspace first. (element-type OnloopWeekMetrics) */
GArray     *onloop_engine_read_metrics     (OnloopStore   *store,
                                            OnloopRange    range,
                                            GCancellable  *cancellable,
                                            GError       **error);

OnloopEngine *onloop_engine_load           (OnloopStore   *store,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* For tests and callers that already have the pieces: @versions are the
 * published versions (any order, may be empty), @draft the draft. */
OnloopEngine *onloop_engine_new            (OnloopLog     *log,
                                            GPtrArray     *versions,
                                            OnloopSpec    *draft,
                                            GCancellable  *cancellable,
                                            GError       **error);
OnloopEngine *onloop_engine_ref            (OnloopEngine  *self);
void          onloop_engine_unref          (OnloopEngine  *self);

OnloopLog    *onloop_engine_get_log        (OnloopEngine  *self);
OnloopSpec   *onloop_engine_get_draft      (OnloopEngine  *self);
/* The spec in force at @usec (PRODUCT.md §3): the latest version published
 * at or before it, version 1 before every version, the draft when nothing
 * was published. */
OnloopSpec   *onloop_engine_spec_in_force  (OnloopEngine  *self,
                                            gint64         usec);
/* The evaluator of the spec in force for event @index. */
OnloopEvaluator *onloop_engine_evaluator_at (OnloopEngine *self,
                                             guint         index);
/* Event @index's reasons under the spec in force at its time. */
OnloopReasons onloop_engine_reasons_at     (OnloopEngine  *self,
                                            guint          index);
/* Escalated as the metrics count it: outcome.escalated when the log
 * recorded it, else the evaluation. */
gboolean      onloop_engine_escalated_at   (OnloopEngine  *self,
                                            guint          index);

/* The metrics of @range's weeks computed from the snapshot; @hours may be
 * NULL (hours 0) or come from onloop_engine_read_hours(). */
GArray       *onloop_engine_compute_metrics (OnloopEngine           *self,
                                             OnloopRange             range,
                                             const OnloopThresholds *thresholds,
                                             GHashTable             *hours);
/* Week (GINT_TO_POINTER (OnloopWeek)) → double[ONLOOP_N_HOURS], summed over
 * managers. */
GHashTable   *onloop_engine_read_hours     (OnloopStore   *store,
                                            GError       **error);

/* How many evaluated escalations in @range each reason caused. */
typedef struct
{
  char  *reason;        /* trigger id or boundary reason id */
  guint  alone;         /* escalations where it was the only reason */
  guint  overlapping;   /* escalations where other reasons fired too */
} OnloopContribution;

/* (element-type OnloopContribution) sorted by alone + overlapping,
 * descending, then by id; @n_escalated gets the number of evaluated
 * escalations in the range and @n_events the events. */
GArray       *onloop_engine_contribution   (OnloopEngine  *self,
                                            OnloopRange    range,
                                            guint         *n_escalated,
                                            guint         *n_events);
void          onloop_contribution_clear    (OnloopContribution *contribution);

/* Indices (guint) into the log of the false negatives in @range: autonomous
 * events with outcome.quality_issue or a spot check marked
 * "quality-issue". In (at, id) order. */
GArray       *onloop_engine_false_negatives (OnloopEngine *self,
                                             OnloopRange   range);

/* A reproducible spot-check sample: @size autonomous events of @range
 * drawn with a seeded generator of our own (stable across GLib versions).
 * The same events, size and seed give the same sample. Indices into the
 * log, in (at, id) order. */
GArray       *onloop_engine_sample         (OnloopEngine  *self,
                                            guint          size,
                                            guint64        seed,
                                            OnloopRange    range);

/* The event at log @index as a §2 JSON object (one line, no newline),
 * read back from @store. */
char         *onloop_engine_event_json     (OnloopEngine  *self,
                                            OnloopStore   *store,
                                            guint          index,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopEngine, onloop_engine_unref)

G_END_DECLS
