/* onloop-share-bar.h: the live execution share against the method's band
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONLOOP_TYPE_SHARE_BAR (onloop_share_bar_get_type ())

G_DECLARE_FINAL_TYPE (OnloopShareBar, onloop_share_bar, ONLOOP, SHARE_BAR, GtkWidget)

GtkWidget  *onloop_share_bar_new       (void);
/* @share is execution / (execution + judgment), or a NaN with no sorted card;
 * @low and @high bound the band most teams land in (0.60 and 0.70). */
void        onloop_share_bar_set_share (OnloopShareBar *self,
                                        double          share,
                                        double          low,
                                        double          high);
/* What the bar says in words, e.g. "62 % execution: within the 60–70 % band". */
const char *onloop_share_bar_get_text  (OnloopShareBar *self);

G_END_DECLS
