/* onloop-undo.h: commands and the undo stack
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onloop-store.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_COMMAND (onloop_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (OnloopCommand, onloop_command, ONLOOP, COMMAND, GObject)

/**
 * OnloopCommandClass:
 * @apply: does the edit in the store, as one transaction
 * @revert: undoes exactly what @apply did, as one transaction
 *
 * One undoable edit. A command keeps what it needs to go both ways.
 */
struct _OnloopCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (OnloopCommand  *self,
                      OnloopStore    *store,
                      GError        **error);
  gboolean (*revert) (OnloopCommand  *self,
                      OnloopStore    *store,
                      GError        **error);
};

const char *onloop_command_get_label (OnloopCommand *self);
void        onloop_command_set_label (OnloopCommand *self,
                                      const char    *label);
gboolean    onloop_command_apply     (OnloopCommand *self,
                                      OnloopStore   *store,
                                      GError       **error);
gboolean    onloop_command_revert    (OnloopCommand *self,
                                      OnloopStore   *store,
                                      GError       **error);

#define ONLOOP_TYPE_UNDO_STACK (onloop_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (OnloopUndoStack, onloop_undo_stack, ONLOOP, UNDO_STACK, GObject)

OnloopUndoStack *onloop_undo_stack_new        (OnloopStore     *store);
OnloopStore     *onloop_undo_stack_get_store  (OnloopUndoStack *self);
/* Applies @command and, if it succeeded, puts it on the stack. */
gboolean         onloop_undo_stack_push       (OnloopUndoStack *self,
                                               OnloopCommand   *command,
                                               GError         **error);
gboolean         onloop_undo_stack_undo       (OnloopUndoStack *self,
                                               GError         **error);
gboolean         onloop_undo_stack_redo       (OnloopUndoStack *self,
                                               GError         **error);
gboolean         onloop_undo_stack_can_undo   (OnloopUndoStack *self);
gboolean         onloop_undo_stack_can_redo   (OnloopUndoStack *self);
/* The label of what undo (or redo) would do, "Move “Lead scoring”". */
const char      *onloop_undo_stack_get_undo_label (OnloopUndoStack *self);
const char      *onloop_undo_stack_get_redo_label (OnloopUndoStack *self);
void             onloop_undo_stack_clear      (OnloopUndoStack *self);

G_END_DECLS
