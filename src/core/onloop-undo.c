/* onloop-undo.c: commands and the undo stack
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "onloop-undo.h"

typedef struct
{
  char *label;
} OnloopCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OnloopCommand, onloop_command, G_TYPE_OBJECT)

static void
onloop_command_finalize (GObject *object)
{
  OnloopCommandPrivate *priv = onloop_command_get_instance_private (ONLOOP_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (onloop_command_parent_class)->finalize (object);
}

static void
onloop_command_class_init (OnloopCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = onloop_command_finalize;
}

static void
onloop_command_init (OnloopCommand *self)
{
}

const char *
onloop_command_get_label (OnloopCommand *self)
{
  OnloopCommandPrivate *priv = onloop_command_get_instance_private (self);

  return priv->label != NULL ? priv->label : "";
}

void
onloop_command_set_label (OnloopCommand *self,
                          const char    *label)
{
  OnloopCommandPrivate *priv = onloop_command_get_instance_private (self);

  g_free (priv->label);
  priv->label = g_strdup (label);
}

gboolean
onloop_command_apply (OnloopCommand *self,
                      OnloopStore   *store,
                      GError       **error)
{
  return ONLOOP_COMMAND_GET_CLASS (self)->apply (self, store, error);
}

gboolean
onloop_command_revert (OnloopCommand *self,
                       OnloopStore   *store,
                       GError       **error)
{
  return ONLOOP_COMMAND_GET_CLASS (self)->revert (self, store, error);
}

struct _OnloopUndoStack
{
  GObject      parent_instance;

  OnloopStore *store;
  GPtrArray   *done;     /* oldest first */
  GPtrArray   *undone;   /* most recently undone last */
};

G_DEFINE_FINAL_TYPE (OnloopUndoStack, onloop_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onloop_undo_stack_dispose (GObject *object)
{
  OnloopUndoStack *self = ONLOOP_UNDO_STACK (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->undone, g_ptr_array_unref);

  G_OBJECT_CLASS (onloop_undo_stack_parent_class)->dispose (object);
}

static void
onloop_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OnloopUndoStack *self = ONLOOP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, onloop_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, onloop_undo_stack_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, onloop_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, onloop_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onloop_undo_stack_class_init (OnloopUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onloop_undo_stack_dispose;
  object_class->get_property = onloop_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onloop_undo_stack_init (OnloopUndoStack *self)
{
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
  self->undone = g_ptr_array_new_with_free_func (g_object_unref);
}

OnloopUndoStack *
onloop_undo_stack_new (OnloopStore *store)
{
  OnloopUndoStack *self = g_object_new (ONLOOP_TYPE_UNDO_STACK, NULL);

  self->store = g_object_ref (store);
  return self;
}

OnloopStore *
onloop_undo_stack_get_store (OnloopUndoStack *self)
{
  return self->store;
}

static void
notify_all (OnloopUndoStack *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

gboolean
onloop_undo_stack_push (OnloopUndoStack *self,
                        OnloopCommand   *command,
                        GError         **error)
{
  g_return_val_if_fail (ONLOOP_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (ONLOOP_IS_COMMAND (command), FALSE);

  if (!onloop_command_apply (command, self->store, error))
    return FALSE;

  g_ptr_array_add (self->done, g_object_ref (command));
  g_ptr_array_set_size (self->undone, 0);
  notify_all (self);

  return TRUE;
}

/* Moves the last command of @from to @to if @step succeeds on it. A command
 * that fails (the file changed under it) stays where it was. */
static gboolean
step (OnloopUndoStack *self,
      GPtrArray       *from,
      GPtrArray       *to,
      gboolean         undo,
      GError         **error)
{
  OnloopCommand *command;
  gboolean ok;

  if (from->len == 0)
    return TRUE;

  command = g_ptr_array_index (from, from->len - 1);
  ok = undo ? onloop_command_revert (command, self->store, error)
            : onloop_command_apply (command, self->store, error);
  if (!ok)
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_all (self);

  return TRUE;
}

gboolean
onloop_undo_stack_undo (OnloopUndoStack *self,
                        GError         **error)
{
  return step (self, self->done, self->undone, TRUE, error);
}

gboolean
onloop_undo_stack_redo (OnloopUndoStack *self,
                        GError         **error)
{
  return step (self, self->undone, self->done, FALSE, error);
}

gboolean
onloop_undo_stack_can_undo (OnloopUndoStack *self)
{
  return self->done->len > 0;
}

gboolean
onloop_undo_stack_can_redo (OnloopUndoStack *self)
{
  return self->undone->len > 0;
}

const char *
onloop_undo_stack_get_undo_label (OnloopUndoStack *self)
{
  if (self->done->len == 0)
    return NULL;

  return onloop_command_get_label (g_ptr_array_index (self->done, self->done->len - 1));
}

const char *
onloop_undo_stack_get_redo_label (OnloopUndoStack *self)
{
  if (self->undone->len == 0)
    return NULL;

  return onloop_command_get_label (g_ptr_array_index (self->undone, self->undone->len - 1));
}

void
onloop_undo_stack_clear (OnloopUndoStack *self)
{
  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  notify_all (self);
}
