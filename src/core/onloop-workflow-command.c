/* onloop-workflow-command.c: undoable change of a workflow's rollout settings
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-workflow-command.h"

struct _OnloopWorkflowCommand
{
  OnloopCommand  parent_instance;

  char          *name;
  OnloopPhase    phase;
  char          *cadence;
  OnloopPhase    old_phase;
  char          *old_cadence;
};

G_DEFINE_FINAL_TYPE (OnloopWorkflowCommand, onloop_workflow_command, ONLOOP_TYPE_COMMAND)

static gboolean
onloop_workflow_command_apply (OnloopCommand  *command,
                               OnloopStore    *store,
                               GError        **error)
{
  OnloopWorkflowCommand *self = ONLOOP_WORKFLOW_COMMAND (command);

  /* What to go back to is read when applying, so redo after other edits
   * still undoes to the right place. */
  g_clear_pointer (&self->old_cadence, g_free);
  if (!onloop_store_get_workflow (store, self->name, &self->old_phase, &self->old_cadence, error))
    return FALSE;

  return onloop_store_set_workflow (store, self->name, self->phase, self->cadence, error);
}

static gboolean
onloop_workflow_command_revert (OnloopCommand  *command,
                                OnloopStore    *store,
                                GError        **error)
{
  OnloopWorkflowCommand *self = ONLOOP_WORKFLOW_COMMAND (command);

  return onloop_store_set_workflow (store, self->name, self->old_phase, self->old_cadence, error);
}

static void
onloop_workflow_command_finalize (GObject *object)
{
  OnloopWorkflowCommand *self = ONLOOP_WORKFLOW_COMMAND (object);

  g_free (self->name);
  g_free (self->cadence);
  g_free (self->old_cadence);

  G_OBJECT_CLASS (onloop_workflow_command_parent_class)->finalize (object);
}

static void
onloop_workflow_command_class_init (OnloopWorkflowCommandClass *klass)
{
  OnloopCommandClass *command_class = ONLOOP_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = onloop_workflow_command_finalize;
  command_class->apply = onloop_workflow_command_apply;
  command_class->revert = onloop_workflow_command_revert;
}

static void
onloop_workflow_command_init (OnloopWorkflowCommand *self)
{
}

OnloopCommand *
onloop_workflow_command_new (const char  *name,
                             OnloopPhase  phase,
                             const char  *review_cadence)
{
  OnloopWorkflowCommand *self = g_object_new (ONLOOP_TYPE_WORKFLOW_COMMAND, NULL);
  g_autofree char *label = g_strdup_printf (_("Change workflow “%s”"), name);

  self->name = g_strdup (name);
  self->phase = phase;
  self->cadence = g_strdup (review_cadence);
  onloop_command_set_label (ONLOOP_COMMAND (self), label);
  return ONLOOP_COMMAND (self);
}
