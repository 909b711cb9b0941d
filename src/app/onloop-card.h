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
/* The workflow heading above the card when the board groups by workflow. */
void            onloop_card_set_group_header  (OnloopCard     *self,
                                               const char     *workflow);
/* Grouped by workflow, the heading names it: the card need not repeat it. */
void            onloop_card_set_show_workflow (OnloopCard     *self,
                                               gboolean        show);
/* The card itself, without the heading: what a drag shows. */
GtkWidget      *onloop_card_get_frame         (OnloopCard     *self);
/* Whether the suggestion badge is shown, and what it says. */
gboolean        onloop_card_get_badge_visible (OnloopCard     *self);
const char     *onloop_card_get_badge_text    (OnloopCard     *self);

G_END_DECLS
