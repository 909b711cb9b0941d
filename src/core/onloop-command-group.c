/* onloop-command-group.c: several commands undone and redone as one
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the starter deck adds two dozen cards; one Ctrl+Z takes them all
 * back. A part that fails takes back the parts done before it, so the map
 * is never left half changed.
 */

#include "config.h"

#include "onloop-command-group.h"

struct _OnloopCommandGroup
{
  OnloopCommand  parent_instance;

  GPtrArray     *commands;
};

G_DEFINE_FINAL_TYPE (OnloopCommandGroup, onloop_command_group, ONLOOP_TYPE_COMMAND)

static gboolean
onloop_command_group_apply (OnloopCommand  *command,
                            OnloopStore    *store,
                            GError        **error)
{
  OnloopCommandGroup *self = ONLOOP_COMMAND_GROUP (command);

  for (guint i = 0; i < self->commands->len; i++)
    {
      if (!onloop_command_apply (g_ptr_array_index (self->commands, i), store, error))
        {
          while (i-- > 0)
            onloop_command_revert (g_ptr_array_index (self->commands, i), store, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
onloop_command_group_revert (OnloopCommand  *command,
                             OnloopStore    *store,
                             GError        **error)
{
  OnloopCommandGroup *self = ONLOOP_COMMAND_GROUP (command);

  for (guint i = self->commands->len; i-- > 0;)
    {
      if (!onloop_command_revert (g_ptr_array_index (self->commands, i), store, error))
        {
          for (i++; i < self->commands->len; i++)
            onloop_command_apply (g_ptr_array_index (self->commands, i), store, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static void
onloop_command_group_finalize (GObject *object)
{
  OnloopCommandGroup *self = ONLOOP_COMMAND_GROUP (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (onloop_command_group_parent_class)->finalize (object);
}

static void
onloop_command_group_class_init (OnloopCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OnloopCommandClass *command_class = ONLOOP_COMMAND_CLASS (klass);

  object_class->finalize = onloop_command_group_finalize;
  command_class->apply = onloop_command_group_apply;
  command_class->revert = onloop_command_group_revert;
}

static void
onloop_command_group_init (OnloopCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

OnloopCommandGroup *
onloop_command_group_new (const char *label)
{
  OnloopCommandGroup *self = g_object_new (ONLOOP_TYPE_COMMAND_GROUP, NULL);

  onloop_command_set_label (ONLOOP_COMMAND (self), label);
  return self;
}

void
onloop_command_group_add (OnloopCommandGroup *self,
                          OnloopCommand      *command)
{
  g_return_if_fail (ONLOOP_IS_COMMAND_GROUP (self));
  g_return_if_fail (ONLOOP_IS_COMMAND (command));

  g_ptr_array_add (self->commands, g_object_ref (command));
}

guint
onloop_command_group_get_length (OnloopCommandGroup *self)
{
  g_return_val_if_fail (ONLOOP_IS_COMMAND_GROUP (self), 0);

  return self->commands->len;
}
