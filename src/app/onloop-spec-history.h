/* onloop-spec-history.h: published versions, their differences, restore
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-store-spec.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_SPEC_HISTORY (onloop_spec_history_get_type ())

G_DECLARE_FINAL_TYPE (OnloopSpecHistory, onloop_spec_history, ONLOOP, SPEC_HISTORY, AdwBin)

void        onloop_spec_history_set_store   (OnloopSpecHistory *self,
                                             OnloopStore       *store,
                                             OnloopUndoStack   *undo_stack);
/* Reads the versions again (keeps the ticks that still apply). */
void        onloop_spec_history_refresh     (OnloopSpecHistory *self);
/* Ticks exactly @a and @b (0 for none), as a person would. */
void        onloop_spec_history_select      (OnloopSpecHistory *self,
                                             int                a,
                                             int                b);
/* The differences shown, one per line ("" when nothing is compared). */
const char *onloop_spec_history_get_diff_text (OnloopSpecHistory *self);
guint       onloop_spec_history_get_n_versions (OnloopSpecHistory *self);
/* Puts version @version back into the draft (one undoable step). */
gboolean    onloop_spec_history_restore     (OnloopSpecHistory *self,
                                             int                version,
                                             GError           **error);

G_END_DECLS
