/* onloop-decision.h
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_CATEGORY_UNSORTED,
  ONLOOP_CATEGORY_EXECUTION,
  ONLOOP_CATEGORY_JUDGMENT,
} OnloopCategory;

#define ONLOOP_N_CATEGORIES 3

/* The answer to one of the four criteria questions. */
typedef enum
{
  ONLOOP_ANSWER_UNANSWERED,
  ONLOOP_ANSWER_YES,
  ONLOOP_ANSWER_NO,
} OnloopAnswer;

typedef enum
{
  ONLOOP_CRITERION_ROUTINE,
  ONLOOP_CRITERION_LOW_STAKES,
  ONLOOP_CRITERION_REVERSIBLE,
  ONLOOP_CRITERION_ETHICALLY_NEUTRAL,
} OnloopCriterion;

#define ONLOOP_N_CRITERIA 4

#define ONLOOP_TYPE_CATEGORY (onloop_category_get_type ())
#define ONLOOP_TYPE_ANSWER (onloop_answer_get_type ())
#define ONLOOP_TYPE_DECISION (onloop_decision_get_type ())

GType onloop_category_get_type (void) G_GNUC_CONST;
GType onloop_answer_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (OnloopDecision, onloop_decision, ONLOOP, DECISION, GObject)

const char     *onloop_category_to_string     (OnloopCategory  category);
gboolean        onloop_category_from_string   (const char     *text,
                                               OnloopCategory *category);
const char     *onloop_category_get_label     (OnloopCategory  category);

const char     *onloop_criterion_get_question (OnloopCriterion criterion);
const char     *onloop_criterion_get_label    (OnloopCriterion criterion);

OnloopDecision *onloop_decision_new           (const char     *key,
                                               const char     *title);
OnloopDecision *onloop_decision_copy          (OnloopDecision *self);
gboolean        onloop_decision_equal         (OnloopDecision *a,
                                               OnloopDecision *b);

const char     *onloop_decision_get_key       (OnloopDecision *self);
void            onloop_decision_set_key       (OnloopDecision *self,
                                               const char     *key);
const char     *onloop_decision_get_title     (OnloopDecision *self);
void            onloop_decision_set_title     (OnloopDecision *self,
                                               const char     *title);
const char     *onloop_decision_get_description (OnloopDecision *self);
void            onloop_decision_set_description (OnloopDecision *self,
                                                 const char     *description);
const char     *onloop_decision_get_workflow  (OnloopDecision *self);
void            onloop_decision_set_workflow  (OnloopDecision *self,
                                               const char     *workflow);
OnloopCategory  onloop_decision_get_category  (OnloopDecision *self);
void            onloop_decision_set_category  (OnloopDecision *self,
                                               OnloopCategory  category);
guint           onloop_decision_get_position  (OnloopDecision *self);
void            onloop_decision_set_position  (OnloopDecision *self,
                                               guint           position);
OnloopAnswer    onloop_decision_get_criterion (OnloopDecision *self,
                                               OnloopCriterion criterion);
void            onloop_decision_set_criterion (OnloopDecision *self,
                                               OnloopCriterion criterion,
                                               OnloopAnswer    answer);
double          onloop_decision_get_frequency (OnloopDecision *self);
void            onloop_decision_set_frequency (OnloopDecision *self,
                                               double          per_week);
const char     *onloop_decision_get_notes     (OnloopDecision *self);
void            onloop_decision_set_notes     (OnloopDecision *self,
                                               const char     *notes);

/* Execution iff all four criteria are yes, judgment if any is no, and
 * unsorted (no suggestion) while some are unanswered and none is no. */
OnloopCategory  onloop_decision_get_suggestion (OnloopDecision *self);
gboolean        onloop_decision_has_mismatch  (OnloopDecision *self);

G_END_DECLS
