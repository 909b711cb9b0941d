/* onloop-review-view.h: the Review view of a workspace
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

#define ONLOOP_TYPE_REVIEW_VIEW (onloop_review_view_get_type ())

G_DECLARE_FINAL_TYPE (OnloopReviewView, onloop_review_view, ONLOOP, REVIEW_VIEW, AdwBin)

OnloopStore     *onloop_review_view_get_store      (OnloopReviewView   *self);
void             onloop_review_view_set_store      (OnloopReviewView   *self,
                                               OnloopStore     *store);
OnloopUndoStack *onloop_review_view_get_undo_stack (OnloopReviewView   *self);
void             onloop_review_view_set_undo_stack (OnloopReviewView   *self,
                                               OnloopUndoStack *undo_stack);

G_END_DECLS
