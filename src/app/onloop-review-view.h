/* onloop-review-view.h: the Review view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-calibration-panel.h"
#include "onloop-chart-card.h"
#include "onloop-diagnosis-card.h"
#include "onloop-spot-check-queue.h"
#include "onloop-store.h"
#include "onloop-store-log.h"
#include "onloop-time-entry-form.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_REVIEW_VIEW (onloop_review_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopReviewView, onloop_review_view, ONLOOP, REVIEW_VIEW, AdwBin)

/* The charts of the view, in reading order. */
typedef enum
{
  ONLOOP_REVIEW_CHART_EXCEPTION_RATE,
  ONLOOP_REVIEW_CHART_OVERRIDE_RATE,
  ONLOOP_REVIEW_CHART_FALSE_NEGATIVES,
  ONLOOP_REVIEW_CHART_MANAGER_TIME,
} OnloopReviewChart;

OnloopStore     *onloop_review_view_get_store      (OnloopReviewView   *self);
void             onloop_review_view_set_store      (OnloopReviewView   *self,
                                                    OnloopStore        *store);
OnloopUndoStack *onloop_review_view_get_undo_stack (OnloopReviewView   *self);
void             onloop_review_view_set_undo_stack (OnloopReviewView   *self,
                                                    OnloopUndoStack    *undo_stack);

/* The last N weeks with data (0: all). */
guint            onloop_review_view_get_range_weeks (OnloopReviewView  *self);
void             onloop_review_view_set_range_weeks (OnloopReviewView  *self,
                                                     guint              weeks);
/* The range the view shows now, as times. */
OnloopRange      onloop_review_view_get_range      (OnloopReviewView   *self);
/* Whether figures are being worked out in a thread (metrics, the engine
 * snapshot, the range's contribution) or a log is being imported: the
 * "busy" property, notified when it changes. */
gboolean         onloop_review_view_is_busy        (OnloopReviewView   *self);
/* The snapshot behind contribution, samples and calibration, once loaded. */
OnloopEngine    *onloop_review_view_get_engine     (OnloopReviewView   *self);
/* The weekly metrics of the whole workspace (element-type OnloopWeekMetrics). */
GArray          *onloop_review_view_get_weeks      (OnloopReviewView   *self);

/* Imports @path in a thread, with progress and Cancel, as the Import Log
 * button does after its file chooser. */
void             onloop_review_view_import         (OnloopReviewView   *self,
                                                    const char         *path);
void             onloop_review_view_cancel_import  (OnloopReviewView   *self);
/* The error or cancellation shown after an import, or NULL. */
const char      *onloop_review_view_get_message    (OnloopReviewView   *self);
/* The counts of the last successful import. */
gboolean         onloop_review_view_get_import_counts (OnloopReviewView   *self,
                                                       OnloopImportCounts *counts);

OnloopChartCard *onloop_review_view_get_chart_card (OnloopReviewView   *self,
                                                    OnloopReviewChart   chart);
OnloopDiagnosisCard *onloop_review_view_get_latest_card (OnloopReviewView *self);
OnloopDiagnosisCard *onloop_review_view_get_range_card  (OnloopReviewView *self);
OnloopCalibrationPanel *onloop_review_view_get_calibration_panel (OnloopReviewView *self);
OnloopSpotCheckQueue *onloop_review_view_get_spot_check_queue (OnloopReviewView *self);
OnloopTimeEntryForm *onloop_review_view_get_time_entry_form (OnloopReviewView *self);
/* The per-trigger contribution rows as shown: "deal-size: 120 alone, 30 with others". */
char           **onloop_review_view_get_contribution_lines (OnloopReviewView *self);
/* The rollout guidance rows: "Follow-ups (exception-only): …". */
char           **onloop_review_view_get_rollout_lines (OnloopReviewView *self);

G_END_DECLS
