/* onloop-store-spec.c: the System Boundary Spec in the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-slug.h"
#include "onloop-spec-private.h"
#include "onloop-store-map.h"
#include "onloop-store-private.h"
#include "onloop-store-spec.h"
#include "onloop-time.h"

static const char * const list_names[] = { "may", "uses", "must_not" };

const char *
onloop_boundary_list_to_string (OnloopBoundaryList list)
{
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, "may");

  return list_names[list];
}

gboolean
onloop_boundary_list_from_string (const char         *text,
                                  OnloopBoundaryList *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_names); i++)
    {
      if (g_strcmp0 (text, list_names[i]) == 0)
        {
          *list = i;
          return TRUE;
        }
    }

  return FALSE;
}

GPtrArray *
onloop_spec_decision_get_list (OnloopSpecDecision *decision,
                               OnloopBoundaryList  list)
{
  switch (list)
    {
    case ONLOOP_BOUNDARY_MAY: return decision->may;
    case ONLOOP_BOUNDARY_USES: return decision->uses;
    case ONLOOP_BOUNDARY_MUST_NOT: return decision->must_not;
    default: g_return_val_if_reached (NULL);
    }
}

void
onloop_spec_version_info_free (OnloopSpecVersionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->published_at);
  g_free (info->note);
  g_free (info);
}

/* ---- Edits: one transaction each ---------------------------------------- */

static gboolean
edit_begin (OnloopStore *self,
            GError     **error)
{
  if (!onloop_store_begin (self, error))
    return FALSE;

  if (!onloop_store_mark_draft_changed (self, error))
    {
      onloop_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_end (OnloopStore      *self,
          gboolean          ok,
          OnloopStoreChange change,
          GError          **error)
{
  if (!ok)
    {
      onloop_store_rollback (self);
      return FALSE;
    }

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, change);
  return TRUE;
}

static gboolean
check_decision_exists (OnloopStore *self,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(OnloopDecision) decision = onloop_store_get_decision (self, key, error);

  return decision != NULL;
}

static gboolean
check_item_id (const char *id,
               GError    **error)
{
  if (!onloop_slug_is_valid (id))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("“%s” is not a valid id: use lower-case letters, digits, “-” and “_”"),
                   id != NULL ? id : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_label (const char *label,
             GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label != NULL ? label : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                           _("An item needs a label"));
      return FALSE;
    }

  return TRUE;
}

/* The item's position, or -1 (with @error) when the list has no such id. */
static int
item_position (OnloopStore        *self,
               const char         *decision,
               OnloopBoundaryList  list,
               const char         *id,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int position = -1;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT position FROM boundary_items"
                                 " WHERE decision = ?1 AND kind = ?2 AND item = ?3",
                                 error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("“%s” has no item “%s” in %s"), decision, id, list_names[list]);
  else
    onloop_store_set_error (self, error, _("Could not read the boundary"));
  sqlite3_reset (stmt);

  return position;
}

static int
list_length (OnloopStore        *self,
             const char         *decision,
             OnloopBoundaryList  list)
{
  sqlite3_stmt *stmt;
  int count = 0;

  stmt = onloop_store_statement (self,
                                 "SELECT count(*) FROM boundary_items"
                                 " WHERE decision = ?1 AND kind = ?2",
                                 NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Shifts the positions at or after @from by @delta. */
static gboolean
shift_items (OnloopStore        *self,
             const char         *decision,
             OnloopBoundaryList  list,
             int                 from,
             int                 delta,
             GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "UPDATE boundary_items SET position = position + ?4"
                                 " WHERE decision = ?1 AND kind = ?2 AND position >= ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, delta);

  return onloop_store_step_done (self, stmt, error);
}

static gboolean
insert_item (OnloopStore        *self,
             const char         *decision,
             OnloopBoundaryList  list,
             int                 position,
             const char         *id,
             const char         *label,
             GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "INSERT INTO boundary_items (decision, kind, item, label, position)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, position);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (onloop_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                     _("“%s” already has an item “%s” in %s"), decision, id, list_names[list]);
      else
        onloop_store_set_error (self, error, _("Could not save the boundary"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
onloop_store_add_boundary_item (OnloopStore        *self,
                                const char         *decision,
                                OnloopBoundaryList  list,
                                int                 index,
                                const char         *id,
                                const char         *label,
                                GError            **error)
{
  gboolean ok;
  int length;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, FALSE);

  if (!check_item_id (id, error) || !check_label (label, error) || !edit_begin (self, error))
    return FALSE;

  length = list_length (self, decision, list);
  if (index < 0 || index > length)
    index = length;

  ok = check_decision_exists (self, decision, error) &&
       shift_items (self, decision, list, index, +1, error) &&
       insert_item (self, decision, list, index, id, label, error);

  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

gboolean
onloop_store_remove_boundary_item (OnloopStore        *self,
                                   const char         *decision,
                                   OnloopBoundaryList  list,
                                   const char         *id,
                                   GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int position;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  position = item_position (self, decision, list, id, error);
  if (position < 0)
    goto out;

  stmt = onloop_store_statement (self,
                                 "DELETE FROM boundary_items"
                                 " WHERE decision = ?1 AND kind = ?2 AND item = ?3",
                                 error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  ok = onloop_store_step_done (self, stmt, error) &&
       shift_items (self, decision, list, position + 1, -1, error);

out:
  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

gboolean
onloop_store_edit_boundary_item (OnloopStore        *self,
                                 const char         *decision,
                                 OnloopBoundaryList  list,
                                 const char         *id,
                                 const char         *new_id,
                                 const char         *new_label,
                                 GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, FALSE);

  if ((new_id != NULL && !check_item_id (new_id, error)) ||
      (new_label != NULL && !check_label (new_label, error)) ||
      !edit_begin (self, error))
    return FALSE;

  if (item_position (self, decision, list, id, error) < 0)
    goto out;

  stmt = onloop_store_statement (self,
                                 "UPDATE boundary_items SET item = coalesce (?4, item),"
                                 " label = coalesce (?5, label)"
                                 " WHERE decision = ?1 AND kind = ?2 AND item = ?3",
                                 error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, new_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, new_label, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    ok = TRUE;
  else if ((sqlite3_extended_errcode (onloop_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                 _("“%s” already has an item “%s” in %s"), decision, new_id, list_names[list]);
  else
    onloop_store_set_error (self, error, _("Could not save the boundary"));
  sqlite3_reset (stmt);

out:
  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

gboolean
onloop_store_relabel_boundary_item (OnloopStore        *self,
                                    const char         *decision,
                                    OnloopBoundaryList  list,
                                    const char         *id,
                                    const char         *label,
                                    GError            **error)
{
  g_return_val_if_fail (label != NULL, FALSE);

  return onloop_store_edit_boundary_item (self, decision, list, id, NULL, label, error);
}

gboolean
onloop_store_rename_boundary_item (OnloopStore        *self,
                                   const char         *decision,
                                   OnloopBoundaryList  list,
                                   const char         *id,
                                   const char         *new_id,
                                   GError            **error)
{
  g_return_val_if_fail (new_id != NULL, FALSE);

  return onloop_store_edit_boundary_item (self, decision, list, id, new_id, NULL, error);
}

gboolean
onloop_store_move_boundary_item (OnloopStore        *self,
                                 const char         *decision,
                                 OnloopBoundaryList  list,
                                 const char         *id,
                                 guint               index,
                                 GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int position, target;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  position = item_position (self, decision, list, id, error);
  if (position < 0)
    goto out;
  target = MIN ((int) MIN (index, G_MAXINT), list_length (self, decision, list) - 1);

  /* Park the item out of the way, close its gap, open one at the target. */
  stmt = onloop_store_statement (self,
                                 "UPDATE boundary_items SET position = -1"
                                 " WHERE decision = ?1 AND kind = ?2 AND item = ?3",
                                 error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  if (!onloop_store_step_done (self, stmt, error) ||
      !shift_items (self, decision, list, position + 1, -1, error) ||
      !shift_items (self, decision, list, target, +1, error))
    goto out;

  stmt = onloop_store_statement (self,
                                 "UPDATE boundary_items SET position = ?4"
                                 " WHERE decision = ?1 AND kind = ?2 AND item = ?3",
                                 error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, target);
  ok = onloop_store_step_done (self, stmt, error);

out:
  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

static gboolean
delete_list (OnloopStore        *self,
             const char         *decision,
             int                 list,
             GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "DELETE FROM boundary_items WHERE decision = ?1"
                                 " AND (?2 IS NULL OR kind = ?2)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, decision, -1, SQLITE_TRANSIENT);
  if (list >= 0)
    sqlite3_bind_text (stmt, 2, list_names[list], -1, SQLITE_STATIC);

  return onloop_store_step_done (self, stmt, error);
}

static gboolean
insert_list (OnloopStore        *self,
             const char         *decision,
             OnloopBoundaryList  list,
             GPtrArray          *items,
             GError            **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      OnloopBoundaryItem *item = g_ptr_array_index (items, i);

      if (!check_item_id (item->id, error) || !check_label (item->label, error) ||
          !insert_item (self, decision, list, i, item->id, item->label, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
onloop_store_set_boundary_list (OnloopStore        *self,
                                const char         *decision,
                                OnloopBoundaryList  list,
                                GPtrArray          *items,
                                GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (list < ONLOOP_N_BOUNDARY_LISTS, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  ok = check_decision_exists (self, decision, error) &&
       delete_list (self, decision, list, error) &&
       insert_list (self, decision, list, items, error);

  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

/* ---- Triggers ----------------------------------------------------------- */

static OnloopTrigger *
trigger_from_row (sqlite3_stmt *stmt,
                  GError      **error)
{
  OnloopTrigger *trigger;
  OnloopTriggerKind kind;
  g_autoptr(GError) local_error = NULL;

  if (!onloop_trigger_kind_from_string (onloop_sqlite_text (stmt, 1), &kind))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                   _("The trigger “%s” has an unknown kind"), onloop_sqlite_text (stmt, 0));
      return NULL;
    }

  trigger = onloop_trigger_new (onloop_sqlite_text (stmt, 0), kind);
  trigger->enabled = sqlite3_column_int (stmt, 2) != 0;
  if (!onloop_trigger_params_from_json (trigger, onloop_sqlite_text (stmt, 3), &local_error) ||
      !onloop_trigger_scope_from_json (trigger, onloop_sqlite_text (stmt, 4), &local_error))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                   _("The trigger “%s” is damaged: %s"), trigger->id, local_error->message);
      onloop_trigger_free (trigger);
      return NULL;
    }

  return trigger;
}

static GPtrArray *
list_triggers (OnloopStore *self,
               GError     **error)
{
  g_autoptr(GPtrArray) triggers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_trigger_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT id, kind, enabled, params, scope FROM triggers"
                                 " ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OnloopTrigger *trigger = trigger_from_row (stmt, error);

      if (trigger == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (triggers, trigger);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the triggers"));
      return NULL;
    }

  return g_steal_pointer (&triggers);
}

OnloopTrigger *
onloop_store_get_trigger (OnloopStore *self,
                          const char  *id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  OnloopTrigger *trigger = NULL;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT id, kind, enabled, params, scope FROM triggers"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    trigger = trigger_from_row (stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no trigger “%s”"), id);
  else
    onloop_store_set_error (self, error, _("Could not read the triggers"));
  sqlite3_reset (stmt);

  return trigger;
}

static int
trigger_position (OnloopStore *self,
                  const char  *id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int position = -1;

  stmt = onloop_store_statement (self, "SELECT position FROM triggers WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  else
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no trigger “%s”"), id);
  sqlite3_reset (stmt);

  return position;
}

static int
count_triggers (OnloopStore *self)
{
  sqlite3_stmt *stmt;
  int count = 0;

  stmt = onloop_store_statement (self, "SELECT count(*) FROM triggers", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static gboolean
shift_triggers (OnloopStore *self,
                int          from,
                int          delta,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "UPDATE triggers SET position = position + ?2"
                                 " WHERE position >= ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, delta);

  return onloop_store_step_done (self, stmt, error);
}

/* Validates @trigger for the draft: its fields, and scope keys in the map. */
static gboolean
check_trigger (OnloopStore         *self,
               const OnloopTrigger *trigger,
               GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!onloop_trigger_validate (trigger, &local_error))
    {
      g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < trigger->decisions->len; i++)
    {
      const char *key = g_ptr_array_index (trigger->decisions, i);
      g_autoptr(OnloopDecision) decision = onloop_store_get_decision (self, key, NULL);

      if (decision == NULL)
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                       _("decisions[%u]: there is no decision “%s” in the map"), i, key);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (key, g_ptr_array_index (trigger->decisions, j)))
          {
            g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                         _("decisions[%u]: “%s” is listed twice"), i, key);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
insert_trigger (OnloopStore         *self,
                const OnloopTrigger *trigger,
                int                  position,
                GError             **error)
{
  g_autofree char *params = onloop_trigger_params_to_json (trigger);
  g_autofree char *scope = onloop_trigger_scope_to_json (trigger);
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "INSERT INTO triggers (id, kind, enabled, params, scope, position)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, trigger->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, onloop_trigger_kind_to_string (trigger->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, trigger->enabled ? 1 : 0);
  sqlite3_bind_text (stmt, 4, params, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, position);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (onloop_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                     _("There is already a trigger “%s”"), trigger->id);
      else
        onloop_store_set_error (self, error, _("Could not save the trigger"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
onloop_store_add_trigger (OnloopStore         *self,
                          const OnloopTrigger *trigger,
                          int                  index,
                          GError             **error)
{
  gboolean ok = FALSE;
  int count;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (trigger != NULL, FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  count = count_triggers (self);
  if (count >= ONLOOP_SPEC_MAX_TRIGGERS)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("A spec has at most %d triggers"), ONLOOP_SPEC_MAX_TRIGGERS);
      goto out;
    }
  if (index < 0 || index > count)
    index = count;

  ok = check_trigger (self, trigger, error) &&
       shift_triggers (self, index, +1, error) &&
       insert_trigger (self, trigger, index, error);

out:
  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

static gboolean
delete_trigger (OnloopStore *self,
                const char  *id,
                GError     **error)
{
  sqlite3_stmt *stmt = onloop_store_statement (self, "DELETE FROM triggers WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  return onloop_store_step_done (self, stmt, error);
}

gboolean
onloop_store_remove_trigger (OnloopStore *self,
                             const char  *id,
                             GError     **error)
{
  gboolean ok = FALSE;
  int position;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  position = trigger_position (self, id, error);
  if (position >= 0)
    ok = delete_trigger (self, id, error) && shift_triggers (self, position + 1, -1, error);

  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

gboolean
onloop_store_update_trigger (OnloopStore         *self,
                             const char          *id,
                             const OnloopTrigger *trigger,
                             GError             **error)
{
  gboolean ok = FALSE;
  int position;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (trigger != NULL, FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  position = trigger_position (self, id, error);
  if (position >= 0)
    ok = check_trigger (self, trigger, error) &&
         delete_trigger (self, id, error) &&
         insert_trigger (self, trigger, position, error);

  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

gboolean
onloop_store_move_trigger (OnloopStore *self,
                           const char  *id,
                           guint        index,
                           GError     **error)
{
  g_autoptr(OnloopTrigger) trigger = NULL;
  gboolean ok = FALSE;
  int position, target;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  if (!edit_begin (self, error))
    return FALSE;

  position = trigger_position (self, id, error);
  if (position < 0)
    goto out;
  trigger = onloop_store_get_trigger (self, id, error);
  if (trigger == NULL)
    goto out;

  target = MIN ((int) MIN (index, G_MAXINT), count_triggers (self) - 1);
  ok = delete_trigger (self, id, error) &&
       shift_triggers (self, position + 1, -1, error) &&
       shift_triggers (self, target, +1, error) &&
       insert_trigger (self, trigger, target, error);

out:
  return edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error);
}

/* ---- The draft ---------------------------------------------------------- */

OnloopSpec *
onloop_store_load_draft (OnloopStore *self,
                         GError     **error)
{
  g_autoptr(OnloopSpec) spec = onloop_spec_new ();
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  decisions = onloop_store_list_decisions (self, error);
  if (decisions == NULL)
    return NULL;

  stmt = onloop_store_statement (self, "SELECT name, phase FROM workflows", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (phases, g_strdup (onloop_sqlite_text (stmt, 0)),
                         g_strdup (onloop_sqlite_text (stmt, 1)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *decision = g_ptr_array_index (decisions, i);
      OnloopSpecDecision *entry;
      const char *workflow = onloop_decision_get_workflow (decision);

      entry = onloop_spec_decision_new (onloop_decision_get_key (decision),
                                        onloop_decision_get_title (decision),
                                        onloop_decision_get_category (decision));
      if (workflow != NULL && *workflow != '\0')
        {
          const char *phase = g_hash_table_lookup (phases, workflow);

          entry->workflow = g_strdup (workflow);
          entry->phase = g_strdup (phase != NULL ? phase : "shadow");
        }
      g_ptr_array_add (spec->decisions, entry);
      g_hash_table_insert (by_key, entry->key, entry);
    }

  stmt = onloop_store_statement (self,
                                 "SELECT decision, kind, item, label FROM boundary_items"
                                 " ORDER BY decision, kind, position",
                                 error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OnloopSpecDecision *entry = g_hash_table_lookup (by_key, onloop_sqlite_text (stmt, 0));
      OnloopBoundaryList list;

      if (entry == NULL || !onloop_boundary_list_from_string (onloop_sqlite_text (stmt, 1), &list))
        continue;
      g_ptr_array_add (onloop_spec_decision_get_list (entry, list),
                       onloop_boundary_item_new (onloop_sqlite_text (stmt, 2),
                                                 onloop_sqlite_text (stmt, 3)));
    }
  sqlite3_reset (stmt);

  triggers = list_triggers (self, error);
  if (triggers == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (spec->triggers, g_steal_pointer (&triggers));

  return g_steal_pointer (&spec);
}

static gboolean
upsert_decision (OnloopStore        *self,
                 OnloopSpecDecision *entry,
                 GError            **error)
{
  g_autoptr(OnloopDecision) decision = onloop_store_get_decision (self, entry->key, NULL);

  if (decision == NULL)
    {
      decision = onloop_decision_new (entry->key, entry->title);
      onloop_decision_set_category (decision, entry->category);
      onloop_decision_set_workflow (decision, entry->workflow);
      onloop_decision_set_position (decision, onloop_store_count_decisions (self, entry->category));
      if (!onloop_store_insert_decision (self, decision, error))
        return FALSE;
    }
  else
    {
      if (g_strcmp0 (onloop_decision_get_title (decision), entry->title) != 0 ||
          g_strcmp0 (onloop_decision_get_workflow (decision), entry->workflow) != 0)
        {
          onloop_decision_set_title (decision, entry->title);
          onloop_decision_set_workflow (decision, entry->workflow);
          if (!onloop_store_update_decision (self, decision, error))
            return FALSE;
        }
      if (onloop_decision_get_category (decision) != entry->category &&
          !onloop_store_move_decision (self, entry->key, entry->category,
                                       onloop_store_count_decisions (self, entry->category),
                                       error))
        return FALSE;
    }

  if (entry->workflow != NULL && entry->phase != NULL)
    {
      OnloopPhase phase = ONLOOP_PHASE_SHADOW;
      OnloopPhase current = ONLOOP_PHASE_SHADOW;

      onloop_phase_from_string (entry->phase, &phase);
      if (!onloop_store_get_workflow (self, entry->workflow, &current, NULL, error))
        return FALSE;
      if (current != phase &&
          !onloop_store_set_workflow (self, entry->workflow, phase, NULL, error))
        return FALSE;
    }

  for (guint l = 0; l < ONLOOP_N_BOUNDARY_LISTS; l++)
    if (!insert_list (self, entry->key, l, onloop_spec_decision_get_list (entry, l), error))
      return FALSE;

  return TRUE;
}

gboolean
onloop_store_set_draft (OnloopStore *self,
                        OnloopSpec  *spec,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!onloop_spec_validate (spec, &local_error))
    {
      g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (!edit_begin (self, error))
    return FALSE;

  ok = onloop_store_exec (self, "DELETE FROM boundary_items; DELETE FROM triggers;", error);
  for (guint i = 0; ok && i < spec->decisions->len; i++)
    ok = upsert_decision (self, g_ptr_array_index (spec->decisions, i), error);
  for (guint i = 0; ok && i < spec->triggers->len; i++)
    ok = insert_trigger (self, g_ptr_array_index (spec->triggers, i), i, error);

  if (!edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC | ONLOOP_STORE_CHANGE_MAP, error))
    {
      /* The map's own edits announced themselves inside the transaction that
       * was rolled back: let views read the map again. */
      onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_MAP);
      return FALSE;
    }

  return TRUE;
}

gboolean
onloop_store_import_spec (OnloopStore *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(OnloopSpec) spec = NULL;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  spec = onloop_spec_load_file (path, error);
  if (spec == NULL)
    return FALSE;

  return onloop_store_set_draft (self, spec, error);
}

gboolean
onloop_store_restore_version (OnloopStore *self,
                              int          version,
                              GError     **error)
{
  g_autoptr(OnloopSpec) spec = onloop_store_load_version (self, version, error);

  if (spec == NULL)
    return FALSE;

  return onloop_store_set_draft (self, spec, error);
}

gboolean
onloop_store_has_unpublished_changes (OnloopStore *self)
{
  g_autoptr(OnloopSpec) draft = NULL;
  g_autoptr(OnloopSpec) latest = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  int version;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  draft = onloop_store_load_draft (self, NULL);
  if (draft == NULL)
    return FALSE;

  version = onloop_store_get_latest_version (self);
  if (version == 0)
    return draft->decisions->len > 0 || draft->triggers->len > 0;

  latest = onloop_store_load_version (self, version, NULL);
  if (latest == NULL)
    return TRUE;

  changes = onloop_spec_diff (latest, draft);
  return changes->len > 0;
}

/* ---- Versions ----------------------------------------------------------- */

int
onloop_store_get_latest_version (OnloopStore *self)
{
  sqlite3_stmt *stmt;
  int version = 0;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), 0);

  stmt = onloop_store_statement (self, "SELECT coalesce (max (version), 0) FROM spec_versions",
                                 NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

static gint64
latest_usec (OnloopStore *self)
{
  sqlite3_stmt *stmt;
  gint64 usec = G_MININT64;

  stmt = onloop_store_statement (self,
                                 "SELECT published_us FROM spec_versions"
                                 " ORDER BY version DESC LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return usec;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    usec = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return usec;
}

gboolean
onloop_store_publish_at (OnloopStore *self,
                         const char  *note,
                         gint64       usec,
                         int         *version,
                         GError     **error)
{
  g_autoptr(OnloopSpec) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                           _("Publishing needs a note that says what changed and why"));
      return FALSE;
    }

  /* A new version changes the spec in force for the events after it, even
   * when an earlier version exists. */
  if (!edit_begin (self, error))
    return FALSE;
  if (!onloop_store_mark_stale (self, error))
    goto out;

  draft = onloop_store_load_draft (self, error);
  if (draft == NULL)
    goto out;

  if (!onloop_spec_validate (draft, &local_error))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("The draft cannot be published: %s"), local_error->message);
      goto out;
    }

  if (usec < latest_usec (self))
    {
      g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                           _("A version cannot be published before the latest one"));
      goto out;
    }

  draft->version = onloop_store_get_latest_version (self) + 1;
  draft->published_usec = usec;
  draft->published_at = onloop_time_format_rfc3339 (usec);
  draft->note = g_strdup (trimmed);
  json = onloop_spec_to_json (draft);

  stmt = onloop_store_statement (self,
                                 "INSERT INTO spec_versions (version, published_at, published_us,"
                                 " note, spec) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int (stmt, 1, draft->version);
  sqlite3_bind_text (stmt, 2, draft->published_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, usec);
  sqlite3_bind_text (stmt, 4, draft->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_TRANSIENT);
  ok = onloop_store_step_done (self, stmt, error);

out:
  if (!edit_end (self, ok, ONLOOP_STORE_CHANGE_SPEC, error))
    return FALSE;

  if (version != NULL)
    *version = draft->version;
  return TRUE;
}

gboolean
onloop_store_publish (OnloopStore *self,
                      const char  *note,
                      int         *version,
                      GError     **error)
{
  /* Whole seconds: the time reads the same in the file and in the history. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC;

  return onloop_store_publish_at (self, note, MAX (now, latest_usec (self)), version, error);
}

GPtrArray *
onloop_store_list_versions (OnloopStore *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spec_version_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT version, published_at, published_us, note"
                                 " FROM spec_versions ORDER BY version",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OnloopSpecVersionInfo *info = g_new0 (OnloopSpecVersionInfo, 1);

      info->version = sqlite3_column_int (stmt, 0);
      info->published_at = g_strdup (onloop_sqlite_text (stmt, 1));
      info->published_usec = sqlite3_column_int64 (stmt, 2);
      info->note = g_strdup (onloop_sqlite_text (stmt, 3));
      g_ptr_array_add (versions, info);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the spec versions"));
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/* Published versions never change, and parsing a large one takes a few
 * milliseconds: each store keeps the versions it has read. Callers get
 * copies, so nothing they do reaches the cache. */
typedef struct
{
  GMutex      lock;
  GHashTable *specs;   /* version → OnloopSpec */
} VersionCache;

static void
version_cache_free (gpointer data)
{
  VersionCache *cache = data;

  g_hash_table_unref (cache->specs);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static VersionCache *
version_cache_get (OnloopStore *self)
{
  static GMutex init_lock;
  VersionCache *cache;

  g_mutex_lock (&init_lock);
  cache = g_object_get_data (G_OBJECT (self), "onloop-spec-version-cache");
  if (cache == NULL)
    {
      cache = g_new0 (VersionCache, 1);
      g_mutex_init (&cache->lock);
      cache->specs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) onloop_spec_unref);
      g_object_set_data_full (G_OBJECT (self), "onloop-spec-version-cache", cache,
                              version_cache_free);
    }
  g_mutex_unlock (&init_lock);

  return cache;
}

static OnloopSpec *
spec_from_row (OnloopStore  *self,
               sqlite3_stmt *stmt,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  VersionCache *cache = version_cache_get (self);
  OnloopSpec *spec;
  int version = sqlite3_column_int (stmt, 0);

  g_mutex_lock (&cache->lock);
  spec = g_hash_table_lookup (cache->specs, GINT_TO_POINTER (version));
  if (spec != NULL)
    spec = onloop_spec_copy (spec);
  g_mutex_unlock (&cache->lock);
  if (spec != NULL)
    return spec;

  spec = onloop_spec_parse ((const char *) sqlite3_column_text (stmt, 4),
                            sqlite3_column_bytes (stmt, 4), &local_error);
  if (spec == NULL)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_CORRUPT,
                   _("Version %d of the spec is damaged: %s"), version, local_error->message);
      return NULL;
    }

  /* The columns are the truth for what the history shows. */
  spec->version = version;
  g_free (spec->published_at);
  spec->published_at = g_strdup (onloop_sqlite_text (stmt, 1));
  spec->published_usec = sqlite3_column_int64 (stmt, 2);
  g_free (spec->note);
  spec->note = g_strdup (onloop_sqlite_text (stmt, 3));

  g_mutex_lock (&cache->lock);
  g_hash_table_replace (cache->specs, GINT_TO_POINTER (version), onloop_spec_copy (spec));
  g_mutex_unlock (&cache->lock);

  return spec;
}

OnloopSpec *
onloop_store_load_version (OnloopStore *self,
                           int          version,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  OnloopSpec *spec = NULL;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT version, published_at, published_us, note, spec"
                                 " FROM spec_versions WHERE version = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    spec = spec_from_row (self, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no version %d of the spec"), version);
  else
    onloop_store_set_error (self, error, _("Could not read the spec versions"));
  sqlite3_reset (stmt);

  return spec;
}

OnloopSpec *
onloop_store_load_spec_named (OnloopStore *self,
                              const char  *name,
                              GError     **error)
{
  guint64 version;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  if (g_strcmp0 (name, "draft") == 0)
    return onloop_store_load_draft (self, error);

  if (g_strcmp0 (name, "latest") == 0)
    {
      int latest = onloop_store_get_latest_version (self);

      if (latest == 0)
        {
          g_set_error_literal (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                               _("No version of the spec has been published yet"));
          return NULL;
        }
      return onloop_store_load_version (self, latest, error);
    }

  if (name == NULL || !g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT, &version, NULL))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("“%s” is not a version: use a number, “latest” or “draft”"),
                   name != NULL ? name : "");
      return NULL;
    }

  return onloop_store_load_version (self, (int) version, error);
}

GPtrArray *
onloop_store_list_specs (OnloopStore *self,
                         GError     **error)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spec_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT version, published_at, published_us, note, spec"
                                 " FROM spec_versions ORDER BY version",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OnloopSpec *spec = spec_from_row (self, stmt, error);

      if (spec == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (specs, spec);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the spec versions"));
      return NULL;
    }

  return g_steal_pointer (&specs);
}

OnloopSpec *
onloop_spec_list_in_force (GPtrArray *specs,
                           gint64     usec)
{
  guint low = 0, high;

  g_return_val_if_fail (specs != NULL, NULL);

  if (specs->len == 0)
    return NULL;

  /* The first version published after @usec; the one before it is in force. */
  high = specs->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      OnloopSpec *spec = g_ptr_array_index (specs, mid);

      if (spec->published_usec <= usec)
        low = mid + 1;
      else
        high = mid;
    }

  return g_ptr_array_index (specs, low > 0 ? low - 1 : 0);
}

OnloopSpec *
onloop_store_spec_in_force (OnloopStore *self,
                            gint64       usec,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int version = 0;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT coalesce ((SELECT max (version) FROM spec_versions"
                                 "                  WHERE published_us <= ?1),"
                                 "                 (SELECT min (version) FROM spec_versions), 0)",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, usec);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (version == 0)
    return onloop_store_load_draft (self, error);

  return onloop_store_load_version (self, version, error);
}
