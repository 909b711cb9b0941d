/* onloop-review-range.h: what the Review pane works out for a range
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-engine.h"

G_BEGIN_DECLS

/* False negatives listed by name on a card. */
#define ONLOOP_REVIEW_MAX_LISTED 8

/* One workflow's numbers in the range, for its rollout guidance. */
typedef struct
{
  char  *name;
  char  *phase;
  guint  events;
  guint  escalated;
  guint  false_negatives;
} OnloopWorkflowStat;

typedef struct
{
  GArray    *contribution;   /* OnloopContribution */
  guint      n_escalated;
  guint      n_events;
  GPtrArray *fn_range;       /* char *, at most ONLOOP_REVIEW_MAX_LISTED */
  guint      fn_range_total;
  GPtrArray *fn_latest;
  guint      fn_latest_total;
  GArray    *workflows;      /* OnloopWorkflowStat */
} OnloopReviewRange;

/* Contribution, false negatives (of the range and of its latest complete
 * week) and per-workflow numbers, from an engine snapshot. Runs over the
 * range's events: call it in a worker thread. */
OnloopReviewRange *onloop_review_range_compute (OnloopEngine             *engine,
                                                OnloopRange               range,
                                                OnloopRange               latest);
void               onloop_review_range_free    (OnloopReviewRange        *range);

/* "Shadow mode", "Exception-only", "Steady state". */
const char        *onloop_phase_label          (const char               *phase);
/* What the phase means and what to do next, from the workflow's numbers:
 * the method's rollout (shadow → exception-only → steady). */
char              *onloop_rollout_guidance     (const OnloopWorkflowStat *stat,
                                                const OnloopThresholds   *thresholds);

G_END_DECLS
