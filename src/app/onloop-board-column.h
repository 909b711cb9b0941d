/* onloop-board-column.h: one column of the Decision Surface Map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-board-model.h"
#include "onloop-card.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_BOARD_COLUMN (onloop_board_column_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoardColumn, onloop_board_column, ONLOOP, BOARD_COLUMN, GtkWidget)

GtkWidget      *onloop_board_column_new          (OnloopCategory     category);
OnloopCategory  onloop_board_column_get_category (OnloopBoardColumn *self);
void            onloop_board_column_set_model    (OnloopBoardColumn *self,
                                                  OnloopBoardModel  *model);
/* Scrolls to the card shown at @index (clamped) and gives it the focus.
 * An empty column focuses its quick-add field, if it has one. */
gboolean        onloop_board_column_focus_index  (OnloopBoardColumn *self,
                                                  guint              index);
void            onloop_board_column_scroll_to    (OnloopBoardColumn *self,
                                                  guint              index);
/* The card widget showing @key, if its row is realised; for tests. */
OnloopCard     *onloop_board_column_find_card    (OnloopBoardColumn *self,
                                                  const char        *key);
GtkWidget      *onloop_board_column_get_quick_entry (OnloopBoardColumn *self);
GtkWidget      *onloop_board_column_get_list_view (OnloopBoardColumn *self);
/* Where a card dropped at (@x, @y), in the column's coordinates, would
 * land: the index of the card it goes before. */
guint           onloop_board_column_get_drop_index (OnloopBoardColumn *self,
                                                    double             x,
                                                    double             y);

G_END_DECLS
