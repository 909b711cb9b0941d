/* onloop-map-view.h: the Map view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_MAP_VIEW (onloop_map_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopMapView, onloop_map_view, ONLOOP, MAP_VIEW, AdwBin)

OnloopStore     *onloop_map_view_get_store      (OnloopMapView   *self);
void             onloop_map_view_set_store      (OnloopMapView   *self,
                                               OnloopStore     *store);
OnloopUndoStack *onloop_map_view_get_undo_stack (OnloopMapView   *self);
void             onloop_map_view_set_undo_stack (OnloopMapView   *self,
                                               OnloopUndoStack *undo_stack);

G_END_DECLS
