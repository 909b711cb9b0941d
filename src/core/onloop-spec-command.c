/* onloop-spec-command.c: undoable edits of the draft spec
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-spec-command.h"

typedef enum
{
  SPEC_EDIT_SET_TRIGGER,
  SPEC_EDIT_ADD_TRIGGER,
  SPEC_EDIT_REMOVE_TRIGGER,
  SPEC_EDIT_MOVE_TRIGGER,
  SPEC_EDIT_ADD_ITEM,
  SPEC_EDIT_REMOVE_ITEM,
  SPEC_EDIT_EDIT_ITEM,
  SPEC_EDIT_MOVE_ITEM,
  SPEC_EDIT_SET_DRAFT,
  SPEC_EDIT_SET_WORKFLOW,
} SpecEdit;

struct _OnloopSpecCommand
{
  OnloopCommand       parent_instance;

  SpecEdit            edit;

  /* Triggers: before and after (either NULL for add/remove). */
  OnloopTrigger      *before;
  OnloopTrigger      *after;
  char               *trigger_id;

  /* Items: which list, the id and label before and after. */
  char               *decision;
  OnloopBoundaryList  list;
  char               *id;
  char               *label;
  char               *new_id;
  char               *new_label;

  /* Where to (index) and, once applied, where from (position). */
  int                 index;
  int                 position;

  /* SET_WORKFLOW: the workflow is in decision; after and, once applied, before. */
  OnloopPhase         phase;
  char               *cadence;
  OnloopPhase         old_phase;
  char               *old_cadence;

  /* SET_DRAFT */
  OnloopSpec         *spec;
  OnloopSpec         *previous;
};

G_DEFINE_FINAL_TYPE (OnloopSpecCommand, onloop_spec_command, ONLOOP_TYPE_COMMAND)

/* Where an item or a trigger is in the draft now, or -1. */
static int
find_item_position (OnloopStore        *store,
                    const char         *decision,
                    OnloopBoundaryList  list,
                    const char         *id,
                    char              **label,
                    GError            **error)
{
  g_autoptr(OnloopSpec) draft = onloop_store_load_draft (store, error);
  OnloopSpecDecision *entry;
  GPtrArray *items;

  if (draft == NULL)
    return -1;

  entry = onloop_spec_find_decision (draft, decision);
  if (entry != NULL)
    {
      items = onloop_spec_decision_get_list (entry, list);
      for (guint i = 0; i < items->len; i++)
        {
          OnloopBoundaryItem *item = g_ptr_array_index (items, i);

          if (g_str_equal (item->id, id))
            {
              if (label != NULL)
                *label = g_strdup (item->label);
              return i;
            }
        }
    }

  g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
               _("“%s” has no item “%s” in %s"), decision, id,
               onloop_boundary_list_to_string (list));
  return -1;
}

static int
find_trigger_position (OnloopStore *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(OnloopSpec) draft = onloop_store_load_draft (store, error);
  int index;

  if (draft == NULL)
    return -1;

  index = onloop_spec_trigger_index (draft, id);
  if (index < 0)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no trigger “%s”"), id);
  return index;
}

static gboolean
onloop_spec_command_apply (OnloopCommand  *command,
                           OnloopStore    *store,
                           GError        **error)
{
  OnloopSpecCommand *self = ONLOOP_SPEC_COMMAND (command);

  switch (self->edit)
    {
    case SPEC_EDIT_SET_TRIGGER:
      return onloop_store_update_trigger (store, self->before->id, self->after, error);

    case SPEC_EDIT_ADD_TRIGGER:
      return onloop_store_add_trigger (store, self->after, self->index, error);

    case SPEC_EDIT_REMOVE_TRIGGER:
      self->position = find_trigger_position (store, self->before->id, error);
      if (self->position < 0)
        return FALSE;
      g_clear_pointer (&self->before, onloop_trigger_free);
      self->before = onloop_store_get_trigger (store, self->trigger_id, error);
      if (self->before == NULL)
        return FALSE;
      return onloop_store_remove_trigger (store, self->trigger_id, error);

    case SPEC_EDIT_MOVE_TRIGGER:
      self->position = find_trigger_position (store, self->trigger_id, error);
      if (self->position < 0)
        return FALSE;
      return onloop_store_move_trigger (store, self->trigger_id, self->index, error);

    case SPEC_EDIT_ADD_ITEM:
      return onloop_store_add_boundary_item (store, self->decision, self->list, self->index,
                                             self->id, self->label, error);

    case SPEC_EDIT_REMOVE_ITEM:
      g_clear_pointer (&self->label, g_free);
      self->position = find_item_position (store, self->decision, self->list, self->id,
                                           &self->label, error);
      if (self->position < 0)
        return FALSE;
      return onloop_store_remove_boundary_item (store, self->decision, self->list, self->id,
                                                error);

    case SPEC_EDIT_EDIT_ITEM:
      g_clear_pointer (&self->label, g_free);
      if (find_item_position (store, self->decision, self->list, self->id, &self->label,
                              error) < 0)
        return FALSE;
      return onloop_store_edit_boundary_item (store, self->decision, self->list, self->id,
                                              self->new_id, self->new_label, error);

    case SPEC_EDIT_MOVE_ITEM:
      self->position = find_item_position (store, self->decision, self->list, self->id, NULL,
                                           error);
      if (self->position < 0)
        return FALSE;
      return onloop_store_move_boundary_item (store, self->decision, self->list, self->id,
                                              self->index, error);

    case SPEC_EDIT_SET_WORKFLOW:
      g_clear_pointer (&self->old_cadence, g_free);
      if (!onloop_store_get_workflow (store, self->decision, &self->old_phase, &self->old_cadence,
                                      error))
        return FALSE;
      return onloop_store_set_workflow (store, self->decision, self->phase, self->cadence, error);

    case SPEC_EDIT_SET_DRAFT:
      g_clear_pointer (&self->previous, onloop_spec_unref);
      self->previous = onloop_store_load_draft (store, error);
      if (self->previous == NULL)
        return FALSE;
      return onloop_store_set_draft (store, self->spec, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
onloop_spec_command_revert (OnloopCommand  *command,
                            OnloopStore    *store,
                            GError        **error)
{
  OnloopSpecCommand *self = ONLOOP_SPEC_COMMAND (command);

  switch (self->edit)
    {
    case SPEC_EDIT_SET_TRIGGER:
      return onloop_store_update_trigger (store, self->after->id, self->before, error);

    case SPEC_EDIT_ADD_TRIGGER:
      return onloop_store_remove_trigger (store, self->after->id, error);

    case SPEC_EDIT_REMOVE_TRIGGER:
      return onloop_store_add_trigger (store, self->before, self->position, error);

    case SPEC_EDIT_MOVE_TRIGGER:
      return onloop_store_move_trigger (store, self->trigger_id, self->position, error);

    case SPEC_EDIT_ADD_ITEM:
      return onloop_store_remove_boundary_item (store, self->decision, self->list, self->id,
                                                error);

    case SPEC_EDIT_REMOVE_ITEM:
      return onloop_store_add_boundary_item (store, self->decision, self->list, self->position,
                                             self->id, self->label, error);

    case SPEC_EDIT_EDIT_ITEM:
      return onloop_store_edit_boundary_item (store, self->decision, self->list,
                                              self->new_id != NULL ? self->new_id : self->id,
                                              self->new_id != NULL ? self->id : NULL,
                                              self->label, error);

    case SPEC_EDIT_MOVE_ITEM:
      return onloop_store_move_boundary_item (store, self->decision, self->list, self->id,
                                              self->position, error);

    case SPEC_EDIT_SET_WORKFLOW:
      return onloop_store_set_workflow (store, self->decision, self->old_phase, self->old_cadence,
                                        error);

    case SPEC_EDIT_SET_DRAFT:
      return onloop_store_set_draft (store, self->previous, error);

    default:
      g_assert_not_reached ();
    }
}

static void
onloop_spec_command_finalize (GObject *object)
{
  OnloopSpecCommand *self = ONLOOP_SPEC_COMMAND (object);

  g_clear_pointer (&self->before, onloop_trigger_free);
  g_clear_pointer (&self->after, onloop_trigger_free);
  g_clear_pointer (&self->trigger_id, g_free);
  g_clear_pointer (&self->decision, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->new_id, g_free);
  g_clear_pointer (&self->new_label, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_pointer (&self->old_cadence, g_free);
  g_clear_pointer (&self->spec, onloop_spec_unref);
  g_clear_pointer (&self->previous, onloop_spec_unref);

  G_OBJECT_CLASS (onloop_spec_command_parent_class)->finalize (object);
}

static void
onloop_spec_command_class_init (OnloopSpecCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OnloopCommandClass *command_class = ONLOOP_COMMAND_CLASS (klass);

  object_class->finalize = onloop_spec_command_finalize;
  command_class->apply = onloop_spec_command_apply;
  command_class->revert = onloop_spec_command_revert;
}

static void
onloop_spec_command_init (OnloopSpecCommand *self)
{
  self->index = -1;
}

static OnloopSpecCommand *
spec_command_new (SpecEdit    edit,
                  const char *label)
{
  OnloopSpecCommand *self = g_object_new (ONLOOP_TYPE_SPEC_COMMAND, NULL);

  self->edit = edit;
  onloop_command_set_label (ONLOOP_COMMAND (self), label);
  return self;
}

OnloopCommand *
onloop_spec_command_new_set_trigger (const OnloopTrigger *before,
                                     const OnloopTrigger *after)
{
  g_autofree char *label = g_strdup_printf (_("Change trigger “%s”"), before->id);
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_SET_TRIGGER, label);

  self->before = onloop_trigger_copy (before);
  self->after = onloop_trigger_copy (after);
  self->trigger_id = g_strdup (before->id);
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_add_trigger (const OnloopTrigger *trigger,
                                     int                  index)
{
  g_autofree char *label = g_strdup_printf (_("Add trigger “%s”"), trigger->id);
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_ADD_TRIGGER, label);

  self->after = onloop_trigger_copy (trigger);
  self->trigger_id = g_strdup (trigger->id);
  self->index = index;
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_remove_trigger (const OnloopTrigger *trigger)
{
  g_autofree char *label = g_strdup_printf (_("Remove trigger “%s”"), trigger->id);
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_REMOVE_TRIGGER, label);

  self->before = onloop_trigger_copy (trigger);
  self->trigger_id = g_strdup (trigger->id);
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_move_trigger (const char *id,
                                      guint       index)
{
  g_autofree char *label = g_strdup_printf (_("Move trigger “%s”"), id);
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_MOVE_TRIGGER, label);

  self->trigger_id = g_strdup (id);
  self->index = (int) MIN (index, G_MAXINT);
  return ONLOOP_COMMAND (self);
}

static OnloopSpecCommand *
item_command_new (SpecEdit            edit,
                  const char         *format,
                  const char         *decision,
                  const char         *title,
                  OnloopBoundaryList  list,
                  const char         *id,
                  const char         *shown)
{
  g_autofree char *label = g_strdup_printf (format, shown != NULL ? shown : id,
                                            title != NULL ? title : decision);
  OnloopSpecCommand *self = spec_command_new (edit, label);

  self->decision = g_strdup (decision);
  self->list = list;
  self->id = g_strdup (id);
  return self;
}

OnloopCommand *
onloop_spec_command_new_add_item (const char         *decision,
                                  const char         *title,
                                  OnloopBoundaryList  list,
                                  int                 index,
                                  const char         *id,
                                  const char         *label)
{
  /* TRANSLATORS: "Add “Send follow-ups” to “Follow-up timing”" */
  OnloopSpecCommand *self = item_command_new (SPEC_EDIT_ADD_ITEM, _("Add “%s” to “%s”"),
                                              decision, title, list, id, label);

  self->label = g_strdup (label);
  self->index = index;
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_remove_item (const char         *decision,
                                     const char         *title,
                                     OnloopBoundaryList  list,
                                     const char         *id)
{
  return ONLOOP_COMMAND (item_command_new (SPEC_EDIT_REMOVE_ITEM, _("Remove “%s” from “%s”"),
                                           decision, title, list, id, NULL));
}

OnloopCommand *
onloop_spec_command_new_edit_item (const char         *decision,
                                   const char         *title,
                                   OnloopBoundaryList  list,
                                   const char         *id,
                                   const char         *new_id,
                                   const char         *new_label)
{
  OnloopSpecCommand *self = item_command_new (SPEC_EDIT_EDIT_ITEM, _("Edit “%s” of “%s”"),
                                              decision, title, list, id, NULL);

  /* An unchanged id is no rename: undo must not try one. */
  if (new_id != NULL && g_strcmp0 (new_id, id) != 0)
    self->new_id = g_strdup (new_id);
  self->new_label = g_strdup (new_label);
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_move_item (const char         *decision,
                                   const char         *title,
                                   OnloopBoundaryList  list,
                                   const char         *id,
                                   guint               index)
{
  OnloopSpecCommand *self = item_command_new (SPEC_EDIT_MOVE_ITEM, _("Move “%s” in “%s”"),
                                              decision, title, list, id, NULL);

  self->index = (int) MIN (index, G_MAXINT);
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_set_workflow (const char  *workflow,
                                      OnloopPhase  phase,
                                      const char  *review_cadence)
{
  g_autofree char *label = g_strdup_printf (_("Change workflow “%s”"), workflow);
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_SET_WORKFLOW, label);

  self->decision = g_strdup (workflow);
  self->phase = phase;
  self->cadence = g_strdup (review_cadence);
  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_spec_command_new_set_draft (OnloopSpec *spec,
                                   const char *label)
{
  OnloopSpecCommand *self = spec_command_new (SPEC_EDIT_SET_DRAFT,
                                              label != NULL ? label : _("Replace the draft"));

  self->spec = onloop_spec_copy (spec);
  return ONLOOP_COMMAND (self);
}
