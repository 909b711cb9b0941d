/* onloop-map-command.h: undoable edits of the decision map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_MAP_COMMAND (onloop_map_command_get_type ())

G_DECLARE_FINAL_TYPE (OnloopMapCommand, onloop_map_command, ONLOOP, MAP_COMMAND, OnloopCommand)

/* Moves a card to @index in @category: between columns or within one. */
OnloopCommand *onloop_map_command_new_move   (const char     *key,
                                              const char     *title,
                                              OnloopCategory  category,
                                              guint           index);
/* Adds @decision at its category and position. */
OnloopCommand *onloop_map_command_new_add    (OnloopDecision *decision);
/* Saves @after over the card it names (every field but column and position). */
OnloopCommand *onloop_map_command_new_edit   (OnloopDecision *before,
                                              OnloopDecision *after);
OnloopCommand *onloop_map_command_new_delete (OnloopDecision *decision);

const char    *onloop_map_command_get_key    (OnloopMapCommand *self);

G_END_DECLS
