/* onloop-map-command.c: undoable edits of the decision map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-map-command.h"
#include "onloop-store-map.h"

typedef enum
{
  MAP_EDIT_MOVE,
  MAP_EDIT_ADD,
  MAP_EDIT_EDIT,
  MAP_EDIT_DELETE,
} MapEdit;

struct _OnloopMapCommand
{
  OnloopCommand   parent_instance;

  MapEdit         edit;
  char           *key;
  /* MOVE: where the card goes and, once applied, where it came from. */
  OnloopCategory  to_category;
  guint           to_index;
  OnloopCategory  from_category;
  guint           from_index;
  /* ADD and DELETE: the card; EDIT: the card before and after. */
  OnloopDecision *before;
  OnloopDecision *after;
};

G_DEFINE_FINAL_TYPE (OnloopMapCommand, onloop_map_command, ONLOOP_TYPE_COMMAND)

static gboolean
onloop_map_command_apply (OnloopCommand  *command,
                          OnloopStore    *store,
                          GError        **error)
{
  OnloopMapCommand *self = ONLOOP_MAP_COMMAND (command);

  switch (self->edit)
    {
    case MAP_EDIT_MOVE:
      {
        g_autoptr(OnloopDecision) current = onloop_store_get_decision (store, self->key, error);

        if (current == NULL)
          return FALSE;

        self->from_category = onloop_decision_get_category (current);
        self->from_index = onloop_decision_get_position (current);
        return onloop_store_move_decision (store, self->key, self->to_category, self->to_index,
                                           error);
      }

    case MAP_EDIT_ADD:
      return onloop_store_insert_decision (store, self->after, error);

    case MAP_EDIT_EDIT:
      return onloop_store_update_decision (store, self->after, error);

    case MAP_EDIT_DELETE:
      return onloop_store_delete_decision (store, self->key, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
onloop_map_command_revert (OnloopCommand  *command,
                           OnloopStore    *store,
                           GError        **error)
{
  OnloopMapCommand *self = ONLOOP_MAP_COMMAND (command);

  switch (self->edit)
    {
    case MAP_EDIT_MOVE:
      return onloop_store_move_decision (store, self->key, self->from_category, self->from_index,
                                         error);

    case MAP_EDIT_ADD:
      return onloop_store_delete_decision (store, self->key, error);

    case MAP_EDIT_EDIT:
      return onloop_store_update_decision (store, self->before, error);

    case MAP_EDIT_DELETE:
      return onloop_store_insert_decision (store, self->before, error);

    default:
      g_assert_not_reached ();
    }
}

static void
onloop_map_command_finalize (GObject *object)
{
  OnloopMapCommand *self = ONLOOP_MAP_COMMAND (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_object (&self->before);
  g_clear_object (&self->after);

  G_OBJECT_CLASS (onloop_map_command_parent_class)->finalize (object);
}

static void
onloop_map_command_class_init (OnloopMapCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OnloopCommandClass *command_class = ONLOOP_COMMAND_CLASS (klass);

  object_class->finalize = onloop_map_command_finalize;
  command_class->apply = onloop_map_command_apply;
  command_class->revert = onloop_map_command_revert;
}

static void
onloop_map_command_init (OnloopMapCommand *self)
{
}

static OnloopMapCommand *
map_command_new (MapEdit     edit,
                 const char *key)
{
  OnloopMapCommand *self = g_object_new (ONLOOP_TYPE_MAP_COMMAND, NULL);

  self->edit = edit;
  self->key = g_strdup (key);
  return self;
}

OnloopCommand *
onloop_map_command_new_move (const char     *key,
                             const char     *title,
                             OnloopCategory  category,
                             guint           index)
{
  OnloopMapCommand *self = map_command_new (MAP_EDIT_MOVE, key);
  g_autofree char *label = g_strdup_printf (_("Move “%s”"), title != NULL ? title : key);

  self->to_category = category;
  self->to_index = index;
  onloop_command_set_label (ONLOOP_COMMAND (self), label);

  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_map_command_new_add (OnloopDecision *decision)
{
  OnloopMapCommand *self = map_command_new (MAP_EDIT_ADD, onloop_decision_get_key (decision));
  g_autofree char *label = g_strdup_printf (_("Add “%s”"), onloop_decision_get_title (decision));

  self->after = onloop_decision_copy (decision);
  onloop_command_set_label (ONLOOP_COMMAND (self), label);

  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_map_command_new_edit (OnloopDecision *before,
                             OnloopDecision *after)
{
  OnloopMapCommand *self = map_command_new (MAP_EDIT_EDIT, onloop_decision_get_key (before));
  g_autofree char *label = g_strdup_printf (_("Edit “%s”"), onloop_decision_get_title (before));

  g_return_val_if_fail (g_strcmp0 (onloop_decision_get_key (before),
                                   onloop_decision_get_key (after)) == 0, NULL);

  self->before = onloop_decision_copy (before);
  self->after = onloop_decision_copy (after);
  onloop_command_set_label (ONLOOP_COMMAND (self), label);

  return ONLOOP_COMMAND (self);
}

OnloopCommand *
onloop_map_command_new_delete (OnloopDecision *decision)
{
  OnloopMapCommand *self = map_command_new (MAP_EDIT_DELETE, onloop_decision_get_key (decision));
  g_autofree char *label = g_strdup_printf (_("Delete “%s”"), onloop_decision_get_title (decision));

  self->before = onloop_decision_copy (decision);
  onloop_command_set_label (ONLOOP_COMMAND (self), label);

  return ONLOOP_COMMAND (self);
}

const char *
onloop_map_command_get_key (OnloopMapCommand *self)
{
  return self->key;
}
