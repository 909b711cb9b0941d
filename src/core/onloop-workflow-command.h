/* onloop-workflow-command.h: undoable change of a workflow's rollout settings
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-store-map.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_WORKFLOW_COMMAND (onloop_workflow_command_get_type ())

G_DECLARE_FINAL_TYPE (OnloopWorkflowCommand, onloop_workflow_command, ONLOOP, WORKFLOW_COMMAND, OnloopCommand)

/* Sets workflow @name's phase and review cadence ("daily", "weekly",
 * "biweekly", "monthly"); undo puts back what they were when it applied. */
OnloopCommand *onloop_workflow_command_new (const char  *name,
                                            OnloopPhase  phase,
                                            const char  *review_cadence);

G_END_DECLS
