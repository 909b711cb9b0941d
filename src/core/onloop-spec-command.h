/* onloop-spec-command.h: undoable edits of the draft spec
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-spec.h"
#include "onloop-store-map.h"
#include "onloop-store-spec.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_SPEC_COMMAND (onloop_spec_command_get_type ())

G_DECLARE_FINAL_TYPE (OnloopSpecCommand, onloop_spec_command, ONLOOP, SPEC_COMMAND, OnloopCommand)

/* Saves @after over the trigger @before names: parameters, enabled, scope,
 * even its id. "Apply to draft" and the trigger editor use it. */
OnloopCommand *onloop_spec_command_new_set_trigger    (const OnloopTrigger *before,
                                                       const OnloopTrigger *after);
/* Adds @trigger at @index (-1: at the end). */
OnloopCommand *onloop_spec_command_new_add_trigger    (const OnloopTrigger *trigger,
                                                       int                  index);
/* Removes the trigger; undo puts it back where it was. */
OnloopCommand *onloop_spec_command_new_remove_trigger (const OnloopTrigger *trigger);
OnloopCommand *onloop_spec_command_new_move_trigger   (const char          *id,
                                                       guint                index);

/* Boundary items of @decision (a key); @title names it in the label. */
OnloopCommand *onloop_spec_command_new_add_item       (const char          *decision,
                                                       const char          *title,
                                                       OnloopBoundaryList   list,
                                                       int                  index,
                                                       const char          *id,
                                                       const char          *label);
OnloopCommand *onloop_spec_command_new_remove_item    (const char          *decision,
                                                       const char          *title,
                                                       OnloopBoundaryList   list,
                                                       const char          *id);
/* Changes an item's id and/or label; NULL keeps it. */
OnloopCommand *onloop_spec_command_new_edit_item      (const char          *decision,
                                                       const char          *title,
                                                       OnloopBoundaryList   list,
                                                       const char          *id,
                                                       const char          *new_id,
                                                       const char          *new_label);
OnloopCommand *onloop_spec_command_new_move_item      (const char          *decision,
                                                       const char          *title,
                                                       OnloopBoundaryList   list,
                                                       const char          *id,
                                                       guint                index);

/* Sets a workflow's rollout phase and review cadence (NULL keeps it). */
OnloopCommand *onloop_spec_command_new_set_workflow   (const char          *workflow,
                                                       OnloopPhase          phase,
                                                       const char          *review_cadence);

/* Replaces the draft's boundaries and triggers with @spec's (restore a
 * version, import a file); undo puts the previous boundaries and triggers
 * back. Decisions the replacement added to the map stay there. */
OnloopCommand *onloop_spec_command_new_set_draft      (OnloopSpec          *spec,
                                                       const char          *label);

G_END_DECLS
