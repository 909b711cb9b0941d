/* onloop-card-editor.h: every field of one decision, saved as it is edited
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-board-model.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_CARD_EDITOR (onloop_card_editor_get_type ())

G_DECLARE_FINAL_TYPE (OnloopCardEditor, onloop_card_editor, ONLOOP, CARD_EDITOR, AdwWindow)

/* Each change goes to @undo_stack as one edit command at once (text after
 * a short pause, and whatever is pending when the window closes). */
OnloopCardEditor *onloop_card_editor_new          (OnloopUndoStack  *undo_stack,
                                                   OnloopBoardModel *model,
                                                   const char       *key);
const char       *onloop_card_editor_get_key      (OnloopCardEditor *self);
/* Sets the answer to @criterion as the switch does; for tests. */
GtkWidget        *onloop_card_editor_get_criterion_switch (OnloopCardEditor *self,
                                                           guint             criterion);
/* Saves whatever is still pending (typed text). */
void              onloop_card_editor_flush        (OnloopCardEditor *self);

G_END_DECLS
