/* onloop-store-map.h: the decision map in the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-store.h"

G_BEGIN_DECLS

typedef enum
{
  ONLOOP_PHASE_SHADOW,
  ONLOOP_PHASE_EXCEPTION_ONLY,
  ONLOOP_PHASE_STEADY,
} OnloopPhase;

const char     *onloop_phase_to_string      (OnloopPhase phase);
gboolean        onloop_phase_from_string    (const char  *text,
                                             OnloopPhase *phase);

/* Every decision, ordered by column (unsorted, execution, judgment) and by
 * position within its column. (element-type OnloopDecision) */
GPtrArray      *onloop_store_list_decisions (OnloopStore     *self,
                                             GError         **error);
OnloopDecision *onloop_store_get_decision   (OnloopStore     *self,
                                             const char      *key,
                                             GError         **error);
guint           onloop_store_count_decisions (OnloopStore    *self,
                                              OnloopCategory  category);

/* Inserts @decision into its category at its position (clamped to the
 * column's length), shifting the cards after it. Creates its workflow. */
gboolean        onloop_store_insert_decision (OnloopStore    *self,
                                              OnloopDecision *decision,
                                              GError        **error);
/* Saves every field but category and position. */
gboolean        onloop_store_update_decision (OnloopStore    *self,
                                              OnloopDecision *decision,
                                              GError        **error);
gboolean        onloop_store_delete_decision (OnloopStore    *self,
                                              const char     *key,
                                              GError        **error);
/* Moves a card to @index in @category (clamped), closing the gap it leaves. */
gboolean        onloop_store_move_decision  (OnloopStore     *self,
                                             const char      *key,
                                             OnloopCategory   category,
                                             guint            index,
                                             GError         **error);
/* A key made from @title that no decision uses yet. */
char           *onloop_store_new_decision_key (OnloopStore   *self,
                                               const char    *title);

GStrv           onloop_store_list_workflows (OnloopStore     *self,
                                             GError         **error);
gboolean        onloop_store_ensure_workflow (OnloopStore    *self,
                                              const char     *name,
                                              GError        **error);
gboolean        onloop_store_get_workflow   (OnloopStore     *self,
                                             const char      *name,
                                             OnloopPhase     *phase,
                                             char           **review_cadence,
                                             GError         **error);
gboolean        onloop_store_set_workflow   (OnloopStore     *self,
                                             const char      *name,
                                             OnloopPhase      phase,
                                             const char      *review_cadence,
                                             GError         **error);

G_END_DECLS
