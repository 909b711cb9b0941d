/* onloop-calibration.h: what would the draft have escalated? (PRODUCT.md §4)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calibration sweeps one parameter of one trigger of the DRAFT over the
 * distinct values of its field among the events of a range, with every other
 * enabled trigger and every boundary rule as they are, counting evaluated
 * escalations (never recorded ones). OnloopCalibration is built once per
 * (draft, log, trigger, range) — the expensive part, run it in a worker
 * thread; cancelling gives G_IO_ERROR_CANCELLED — and is then immutable: the rate at any threshold is a binary
 * search over a sorted column with prefix counts, cheap enough for every
 * frame of a slider on the main thread.
 *
 * Swept parameters: deal_size → min_arr (fires when deal_arr ≥ it),
 * sentiment → below (fires when sentiment < it), conflicting_signals →
 * min_engagement (fires when engagement ≥ it, with its other conditions).
 */

#pragma once

#include "onloop-engine.h"

G_BEGIN_DECLS

#define ONLOOP_CALIBRATION_ERROR (onloop_calibration_error_quark ())

typedef enum
{
  ONLOOP_CALIBRATION_ERROR_NO_TRIGGER,    /* the draft has no trigger with that id */
  ONLOOP_CALIBRATION_ERROR_NOT_SWEEPABLE, /* first_time and ethical have no threshold */
  ONLOOP_CALIBRATION_ERROR_NO_EVENTS,     /* no event in the range */
  ONLOOP_CALIBRATION_ERROR_NO_VALUES,     /* no event in the range has the field */
} OnloopCalibrationError;

GQuark              onloop_calibration_error_quark (void);

typedef struct _OnloopCalibration OnloopCalibration;

typedef struct
{
  double threshold;
  double exception_rate;
  guint  escalated;
} OnloopCalibrationPoint;

/* Builds the sweep. @draft is evaluated as is except that trigger
 * @trigger_id counts as enabled (calibrating a disabled trigger shows what
 * enabling it would do). Cancellable. */
OnloopCalibration  *onloop_calibration_new        (OnloopLog      *log,
                                                   OnloopSpec     *draft,
                                                   const char     *trigger_id,
                                                   OnloopRange     range,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
OnloopCalibration  *onloop_calibration_ref        (OnloopCalibration *self);
void                onloop_calibration_unref      (OnloopCalibration *self);

const char         *onloop_calibration_get_trigger_id (OnloopCalibration *self);
OnloopTriggerKind   onloop_calibration_get_kind   (OnloopCalibration *self);
/* "min_arr", "below" or "min_engagement". */
const char         *onloop_calibration_get_parameter (OnloopCalibration *self);
/* The draft's current value of the parameter. */
double              onloop_calibration_get_current (OnloopCalibration *self);
/* Events in the range, and how many of them the other rules escalate. */
guint               onloop_calibration_get_n_events (OnloopCalibration *self);
guint               onloop_calibration_get_n_base  (OnloopCalibration *self);

/* Escalations and exception rate at any threshold (binary search). */
guint               onloop_calibration_escalated_at (OnloopCalibration *self,
                                                     double             threshold);
double              onloop_calibration_rate_at     (OnloopCalibration *self,
                                                    double             threshold);

/* The distinct cuts (the field's distinct values, ascending). */
guint               onloop_calibration_get_n_cuts  (OnloopCalibration *self);
void                onloop_calibration_get_cut     (OnloopCalibration *self,
                                                    guint              index,
                                                    OnloopCalibrationPoint *point);
/* The cut whose rate is closest to @target; ties go to fewer escalations,
 * then to the cut nearest the current value, then the lower one. */
void                onloop_calibration_best        (OnloopCalibration *self,
                                                    double             target,
                                                    OnloopCalibrationPoint *point);
/* Every cut (element-type OnloopCalibrationPoint), ascending threshold. */
GArray             *onloop_calibration_curve       (OnloopCalibration *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnloopCalibration, onloop_calibration_unref)

/* Live preview for the Boundaries view: the exception rate the draft would
 * have produced on the log (evaluated, never recorded), overall and over the
 * last four ISO weeks of the log (the log's latest week and the three before
 * it). Rates are NAN without events. Checks @cancellable every 65,536
 * events; run it in a worker thread and cancel it when the draft changes
 * again. */
typedef struct
{
  guint  events;
  guint  escalated;
  double exception_rate;
  guint  recent_events;
  guint  recent_escalated;
  double recent_exception_rate;
  OnloopWeek recent_from;    /* first of the four weeks, 0 without events */
} OnloopPreview;

gboolean            onloop_preview_compute         (OnloopLog      *log,
                                                    OnloopSpec     *draft,
                                                    OnloopPreview  *preview,
                                                    GCancellable   *cancellable,
                                                    GError        **error);

G_END_DECLS
