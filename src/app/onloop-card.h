/* onloop-card.h: one decision on the board
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-decision.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_CARD (onloop_card_get_type ())

G_DECLARE_FINAL_TYPE (OnloopCard, onloop_card, ONLOOP, CARD, GtkWidget)

GtkWidget      *onloop_card_new               (void);
OnloopDecision *onloop_card_get_decision      (OnloopCard     *self);
void            onloop_card_set_decision      (OnloopCard     *self,
                                               OnloopDecision *decision);
/* Whether the suggestion badge is shown, and what it says. */
gboolean        onloop_card_get_badge_visible (OnloopCard     *self);
const char     *onloop_card_get_badge_text    (OnloopCard     *self);

G_END_DECLS
