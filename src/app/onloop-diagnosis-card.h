/* onloop-diagnosis-card.h: the diagnosis of one week or one range
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onloop-engine.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_DIAGNOSIS_CARD (onloop_diagnosis_card_get_type ())

G_DECLARE_FINAL_TYPE (OnloopDiagnosisCard, onloop_diagnosis_card, ONLOOP, DIAGNOSIS_CARD, GtkBox)

GtkWidget  *onloop_diagnosis_card_new                (void);
/* @metrics NULL shows "no data". The verdicts are @metrics->verdicts. */
void        onloop_diagnosis_card_set_metrics        (OnloopDiagnosisCard     *self,
                                                      const char              *title,
                                                      const OnloopWeekMetrics *metrics,
                                                      const OnloopThresholds  *thresholds);
/* The false-negative events to list under "trigger gap", one line each
 * ("2026-11-03 · follow-up-timing · send_follow_up"), of @total; NULL
 * while they are being worked out. */
void        onloop_diagnosis_card_set_false_negatives (OnloopDiagnosisCard    *self,
                                                       GPtrArray              *lines,
                                                       guint                   total);
guint       onloop_diagnosis_card_get_verdicts       (OnloopDiagnosisCard     *self);
/* Everything the card says, one line per label (for tests and screen
 * readers' summaries). */
char       *onloop_diagnosis_card_get_text           (OnloopDiagnosisCard     *self);
/* What the method says about a verdict, beyond its one-line message. */
const char *onloop_diagnosis_explain                 (OnloopVerdict            verdict);

G_END_DECLS
