/* onloop-trigger-editor.h: the exception triggers of the draft
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store-spec.h"
#include "onloop-trigger-row.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_TRIGGER_EDITOR (onloop_trigger_editor_get_type ())

G_DECLARE_FINAL_TYPE (OnloopTriggerEditor, onloop_trigger_editor, ONLOOP, TRIGGER_EDITOR, AdwBin)

void              onloop_trigger_editor_set_store (OnloopTriggerEditor *self,
                                                   OnloopStore         *store,
                                                   OnloopUndoStack     *undo_stack);
/* Shows the triggers of @draft with the lint @warnings about them. */
void              onloop_trigger_editor_show      (OnloopTriggerEditor *self,
                                                   OnloopSpec          *draft,
                                                   GPtrArray           *warnings);
OnloopTriggerRow *onloop_trigger_editor_get_row   (OnloopTriggerEditor *self,
                                                   const char          *id);
/* Adds a trigger of @kind with the usual starting values. */
gboolean          onloop_trigger_editor_add       (OnloopTriggerEditor *self,
                                                   OnloopTriggerKind    kind,
                                                   GError             **error);

G_END_DECLS
