/* onloop-starter-deck.h: common sales decisions to start a workshop with
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-store.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

guint          onloop_starter_deck_get_size      (void);
/* The deck as new Unsorted cards, in deck order, each with a title,
 * description, workflow, weekly frequency and the criteria answered the way
 * most sales teams answer them. (element-type OnloopDecision) */
GPtrArray     *onloop_starter_deck_new_decisions (void);
/* One undoable command that adds, at the end of Unsorted, every card of the
 * deck whose key the map does not have yet; NULL when it has them all. */
OnloopCommand *onloop_starter_deck_new_command   (OnloopStore *store);

G_END_DECLS
