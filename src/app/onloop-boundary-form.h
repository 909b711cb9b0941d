/* onloop-boundary-form.h: the boundary of one decision (may, uses, must not)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onloop-boundary-item-row.h"
#include "onloop-store-spec.h"
#include "onloop-undo.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_BOUNDARY_FORM (onloop_boundary_form_get_type ())

G_DECLARE_FINAL_TYPE (OnloopBoundaryForm, onloop_boundary_form, ONLOOP, BOUNDARY_FORM, AdwBin)

void         onloop_boundary_form_set_store (OnloopBoundaryForm *self,
                                             OnloopStore        *store,
                                             OnloopUndoStack    *undo_stack);
/* Shows decision @key of @draft with the lint @warnings that concern it
 * (element-type OnloopLintWarning, may be NULL). Rows the person is editing
 * keep what they hold. */
void         onloop_boundary_form_show      (OnloopBoundaryForm *self,
                                             OnloopSpec         *draft,
                                             const char         *key,
                                             GPtrArray          *warnings);
const char  *onloop_boundary_form_get_key   (OnloopBoundaryForm *self);

/* For tests and the view: the row of item @id, the "add" entry of a list,
 * the message of the last refused add. */
OnloopBoundaryItemRow *onloop_boundary_form_get_item_row (OnloopBoundaryForm *self,
                                                          OnloopBoundaryList  list,
                                                          const char         *id);
AdwEntryRow *onloop_boundary_form_get_add_row (OnloopBoundaryForm *self,
                                               OnloopBoundaryList  list);
const char  *onloop_boundary_form_get_add_error (OnloopBoundaryForm *self,
                                                 OnloopBoundaryList  list);
AdwComboRow *onloop_boundary_form_get_phase_row (OnloopBoundaryForm *self);

G_END_DECLS
