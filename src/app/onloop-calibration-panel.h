/* onloop-calibration-panel.h: drag a trigger's threshold, see the rate
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-calibration.h"
#include "onloop-chart.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_CALIBRATION_PANEL (onloop_calibration_panel_get_type ())

G_DECLARE_FINAL_TYPE (OnloopCalibrationPanel, onloop_calibration_panel, ONLOOP,
                      CALIBRATION_PANEL, GtkBox)

/* What to calibrate over: the log's events in @range, the draft's triggers.
 * @log NULL empties the panel. The panel keeps its trigger choice. */
void         onloop_calibration_panel_set_source    (OnloopCalibrationPanel *self,
                                                     OnloopUndoStack        *undo_stack,
                                                     OnloopLog              *log,
                                                     OnloopSpec             *draft,
                                                     OnloopRange             range,
                                                     const OnloopThresholds *thresholds);
gboolean     onloop_calibration_panel_select_trigger (OnloopCalibrationPanel *self,
                                                      const char             *trigger_id);
/* The sweep, once its thread finished (NULL before). */
OnloopCalibration *onloop_calibration_panel_get_calibration (OnloopCalibrationPanel *self);
GtkRange    *onloop_calibration_panel_get_slider    (OnloopCalibrationPanel *self);
OnloopChart *onloop_calibration_panel_get_chart     (OnloopCalibrationPanel *self);
double       onloop_calibration_panel_get_threshold (OnloopCalibrationPanel *self);
double       onloop_calibration_panel_get_rate      (OnloopCalibrationPanel *self);
const char  *onloop_calibration_panel_get_result_text (OnloopCalibrationPanel *self);

G_END_DECLS
