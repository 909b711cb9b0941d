/* onloop-draft-preview.h: what the draft would have escalated, kept up to date
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onloop-calibration.h"
#include "onloop-spec.h"
#include "onloop-store.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_DRAFT_PREVIEW (onloop_draft_preview_get_type ())

G_DECLARE_FINAL_TYPE (OnloopDraftPreview, onloop_draft_preview, ONLOOP, DRAFT_PREVIEW, GObject)

OnloopDraftPreview *onloop_draft_preview_new          (void);
/* Reads @store's log (again) soon, then computes again. NULL forgets it. */
void                onloop_draft_preview_set_store    (OnloopDraftPreview  *self,
                                                       OnloopStore         *store);
void                onloop_draft_preview_reload_log   (OnloopDraftPreview  *self);
/* Computes the preview and the lint of @draft in a worker thread, with
 * trigger @candidate_id replaced by @candidate when both are given (a
 * threshold being typed). Cancels the run before; "updated" follows. */
void                onloop_draft_preview_update       (OnloopDraftPreview  *self,
                                                       OnloopSpec          *draft,
                                                       const char          *candidate_id,
                                                       const OnloopTrigger *candidate);
/* Stops everything under way; nothing is emitted afterwards. */
void                onloop_draft_preview_cancel       (OnloopDraftPreview  *self);

gboolean            onloop_draft_preview_is_busy      (OnloopDraftPreview  *self);
gboolean            onloop_draft_preview_is_reading_log (OnloopDraftPreview *self);
/* The last result: FALSE when there is none (no log, or no events). */
gboolean            onloop_draft_preview_get          (OnloopDraftPreview  *self,
                                                       OnloopPreview       *preview);
/* (element-type OnloopLintWarning) (transfer none) (nullable) */
GPtrArray          *onloop_draft_preview_get_warnings (OnloopDraftPreview  *self);

G_END_DECLS
