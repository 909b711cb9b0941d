/* onloop-command-group.h: several commands undone and redone as one
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_COMMAND_GROUP (onloop_command_group_get_type ())

G_DECLARE_FINAL_TYPE (OnloopCommandGroup, onloop_command_group, ONLOOP, COMMAND_GROUP, OnloopCommand)

OnloopCommandGroup *onloop_command_group_new    (const char         *label);
/* Takes a reference on @command. Commands apply in the order they were
 * added and revert in the opposite order. */
void                onloop_command_group_add    (OnloopCommandGroup *self,
                                                 OnloopCommand      *command);
guint               onloop_command_group_get_length (OnloopCommandGroup *self);

G_END_DECLS
