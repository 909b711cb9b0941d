/* onloop-map-view.h: the Map view of a workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-board-column.h"
#include "onloop-board-export.h"
#include "onloop-board-model.h"
#include "onloop-share-bar.h"
#include "onloop-store.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_MAP_VIEW (onloop_map_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopMapView, onloop_map_view, ONLOOP, MAP_VIEW, AdwBin)

OnloopStore       *onloop_map_view_get_store      (OnloopMapView   *self);
void               onloop_map_view_set_store      (OnloopMapView   *self,
                                                   OnloopStore     *store);
OnloopUndoStack   *onloop_map_view_get_undo_stack (OnloopMapView   *self);
void               onloop_map_view_set_undo_stack (OnloopMapView   *self,
                                                   OnloopUndoStack *undo_stack);
/* Presentation: larger type, the toolbar's controls hidden. */
gboolean           onloop_map_view_get_presenting (OnloopMapView   *self);
void               onloop_map_view_set_presenting (OnloopMapView   *self,
                                                   gboolean         presenting);

/* The board's model; NULL while no workspace is open. */
OnloopBoardModel  *onloop_map_view_get_model      (OnloopMapView   *self);
OnloopBoardColumn *onloop_map_view_get_column     (OnloopMapView   *self,
                                                   OnloopCategory   category);
OnloopShareBar    *onloop_map_view_get_share_bar  (OnloopMapView   *self);
/* Scrolls to the card and gives it the focus. */
gboolean           onloop_map_view_focus_card     (OnloopMapView   *self,
                                                   const char      *key);
/* Whether the window offers win.edit-boundary (the Boundaries view). */
gboolean           onloop_map_view_can_edit_boundary (OnloopMapView *self);
/* What board.export does once a file is chosen. */
gboolean           onloop_map_view_export         (OnloopMapView           *self,
                                                   OnloopBoardExportFormat  format,
                                                   const char              *path,
                                                   GError                 **error);

G_END_DECLS
