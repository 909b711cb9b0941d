/* onloop-boundaries-view.h: the Boundaries view of a workspace
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

#define ONLOOP_TYPE_BOUNDARIES_VIEW (onloop_boundaries_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoundariesView, onloop_boundaries_view, ONLOOP, BOUNDARIES_VIEW, AdwBin)

OnloopStore     *onloop_boundaries_view_get_store      (OnloopBoundariesView   *self);
void             onloop_boundaries_view_set_store      (OnloopBoundariesView   *self,
                                               OnloopStore     *store);
OnloopUndoStack *onloop_boundaries_view_get_undo_stack (OnloopBoundariesView   *self);
void             onloop_boundaries_view_set_undo_stack (OnloopBoundariesView   *self,
                                               OnloopUndoStack *undo_stack);

G_END_DECLS
