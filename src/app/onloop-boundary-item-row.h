/* onloop-boundary-item-row.h: one item of a boundary list (label + machine id)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-spec.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_BOUNDARY_ITEM_ROW (onloop_boundary_item_row_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoundaryItemRow, onloop_boundary_item_row, ONLOOP, BOUNDARY_ITEM_ROW, GtkListBoxRow)

/* @list_name is the group's title ("May"), for accessible names. */
GtkWidget   *onloop_boundary_item_row_new        (const OnloopBoundaryItem *item,
                                                  const char               *list_name);
const char  *onloop_boundary_item_row_get_id     (OnloopBoundaryItemRow *self);
/* Shows @item unless the person is in the middle of editing this row. */
void         onloop_boundary_item_row_update     (OnloopBoundaryItemRow    *self,
                                                  const OnloopBoundaryItem *item);
/* The ids of the other items of the list, for the uniqueness check. */
void         onloop_boundary_item_row_set_siblings (OnloopBoundaryItemRow *self,
                                                    GStrv                  ids);
void         onloop_boundary_item_row_set_position (OnloopBoundaryItemRow *self,
                                                    guint                  index,
                                                    guint                  n_items);
/* A message under the row (NULL hides it): validation errors and refusals
 * from the store, and lint warnings. */
void         onloop_boundary_item_row_set_error  (OnloopBoundaryItemRow *self,
                                                  const char            *message);
void         onloop_boundary_item_row_set_warning (OnloopBoundaryItemRow *self,
                                                   const char            *message);
const char  *onloop_boundary_item_row_get_error  (OnloopBoundaryItemRow *self);
void         onloop_boundary_item_row_set_editable (OnloopBoundaryItemRow *self,
                                                    gboolean               editable);
GtkEditable *onloop_boundary_item_row_get_label_entry (OnloopBoundaryItemRow *self);
GtkEditable *onloop_boundary_item_row_get_id_entry    (OnloopBoundaryItemRow *self);
/* Validates what the entries hold and, if it is valid and differs from the
 * item, emits "edit". What Enter and leaving the row do. */
void         onloop_boundary_item_row_commit     (OnloopBoundaryItemRow *self);

G_END_DECLS
