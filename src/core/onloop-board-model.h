/* onloop-board-model.h: the decision map as three observable columns
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-store.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_BOARD_MODEL (onloop_board_model_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoardModel, onloop_board_model, ONLOOP, BOARD_MODEL, GObject)

/* Follows @store's "changed" signal. One OnloopDecision object lives per
 * key for as long as the card exists: a reload updates it in place (so
 * "notify" tells bound widgets) and splices the columns only where the
 * order of cards changed. */
OnloopBoardModel *onloop_board_model_new               (OnloopStore      *store);
OnloopStore      *onloop_board_model_get_store         (OnloopBoardModel *self);
void              onloop_board_model_reload            (OnloopBoardModel *self);

/* The cards of @category that pass the workflow filter, in the order the
 * board shows them. (element-type OnloopDecision) */
GListModel       *onloop_board_model_get_column        (OnloopBoardModel *self,
                                                        OnloopCategory    category);
/* Every card in @category, filter or not. */
guint             onloop_board_model_get_count         (OnloopBoardModel *self,
                                                        OnloopCategory    category);
guint             onloop_board_model_get_total         (OnloopBoardModel *self);
/* execution / (execution + judgment), or a NaN while neither has a card. */
double            onloop_board_model_get_execution_share (OnloopBoardModel *self);

OnloopDecision   *onloop_board_model_lookup            (OnloopBoardModel *self,
                                                        const char       *key);
/* Where the board shows @key: its column and its index there. FALSE when
 * there is no such card or the filter hides it. */
gboolean          onloop_board_model_find              (OnloopBoardModel *self,
                                                        const char       *key,
                                                        OnloopCategory   *category,
                                                        guint            *index);
/* The column position to pass to a move of @key so that it lands just before
 * the card shown at @index in @category (or after the last one when @index
 * is the column's length). */
guint             onloop_board_model_get_drop_position (OnloopBoardModel *self,
                                                        const char       *key,
                                                        OnloopCategory    category,
                                                        guint             index);

/* Workflows in use on the map, sorted; a NULL-terminated array. */
GStrv             onloop_board_model_list_workflows    (OnloopBoardModel *self);
const char       *onloop_board_model_get_workflow_filter (OnloopBoardModel *self);
/* NULL or "" shows every card. */
void              onloop_board_model_set_workflow_filter (OnloopBoardModel *self,
                                                          const char       *workflow);
gboolean          onloop_board_model_get_group_by_workflow (OnloopBoardModel *self);
void              onloop_board_model_set_group_by_workflow (OnloopBoardModel *self,
                                                            gboolean          group);
/* With grouping on, the workflow name to show above the card at @index
 * (the first of its group); NULL otherwise. */
const char       *onloop_board_model_get_group_header  (OnloopBoardModel *self,
                                                        OnloopCategory    category,
                                                        guint             index);

G_END_DECLS
