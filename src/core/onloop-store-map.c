/* onloop-store-map.c: the decision map in the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-slug.h"
#include "onloop-store-map.h"
#include "onloop-store-private.h"

static const char * const phase_names[] = { "shadow", "exception-only", "steady" };

const char *
onloop_phase_to_string (OnloopPhase phase)
{
  g_return_val_if_fail (phase < G_N_ELEMENTS (phase_names), "shadow");

  return phase_names[phase];
}

gboolean
onloop_phase_from_string (const char  *text,
                          OnloopPhase *phase)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
    {
      if (g_strcmp0 (text, phase_names[i]) == 0)
        {
          *phase = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DECISION_COLUMNS \
  "key, title, description, workflow, category, position," \
  " routine, low_stakes, reversible, ethically_neutral, frequency_per_week, notes"

static OnloopAnswer
answer_from_column (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return ONLOOP_ANSWER_UNANSWERED;

  return sqlite3_column_int (stmt, column) ? ONLOOP_ANSWER_YES : ONLOOP_ANSWER_NO;
}

static void
bind_answer (sqlite3_stmt *stmt,
             int           index,
             OnloopAnswer  answer)
{
  if (answer == ONLOOP_ANSWER_UNANSWERED)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, answer == ONLOOP_ANSWER_YES);
}

static OnloopDecision *
decision_from_row (sqlite3_stmt *stmt)
{
  OnloopDecision *decision;
  OnloopCategory category = ONLOOP_CATEGORY_UNSORTED;

  decision = onloop_decision_new (onloop_sqlite_text (stmt, 0), onloop_sqlite_text (stmt, 1));
  onloop_decision_set_description (decision, onloop_sqlite_text (stmt, 2));
  onloop_decision_set_workflow (decision, (const char *) sqlite3_column_text (stmt, 3));
  onloop_category_from_string (onloop_sqlite_text (stmt, 4), &category);
  onloop_decision_set_category (decision, category);
  onloop_decision_set_position (decision, sqlite3_column_int (stmt, 5));
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    onloop_decision_set_criterion (decision, i, answer_from_column (stmt, 6 + i));
  onloop_decision_set_frequency (decision, sqlite3_column_double (stmt, 10));
  onloop_decision_set_notes (decision, onloop_sqlite_text (stmt, 11));

  return decision;
}

GPtrArray *
onloop_store_list_decisions (OnloopStore *self,
                             GError     **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT " DECISION_COLUMNS " FROM decisions"
                                 " ORDER BY CASE category WHEN 'unsorted' THEN 0"
                                 " WHEN 'execution' THEN 1 ELSE 2 END, position, key",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (decisions, decision_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the decision map"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&decisions);
}

OnloopDecision *
onloop_store_get_decision (OnloopStore *self,
                           const char  *key,
                           GError     **error)
{
  OnloopDecision *decision = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT " DECISION_COLUMNS " FROM decisions WHERE key = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    decision = decision_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no decision “%s” in the map"), key);
  else
    onloop_store_set_error (self, error, _("Could not read the decision map"));
  sqlite3_reset (stmt);

  return decision;
}

static int
count_in_column (OnloopStore    *self,
                 OnloopCategory  category,
                 const char     *except_key)
{
  sqlite3_stmt *stmt;
  int count = 0;

  stmt = onloop_store_statement (self,
                                 "SELECT count(*) FROM decisions"
                                 " WHERE category = ?1 AND key IS NOT ?2",
                                 NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, onloop_category_to_string (category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, except_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

guint
onloop_store_count_decisions (OnloopStore    *self,
                              OnloopCategory  category)
{
  return count_in_column (self, category, NULL);
}

/* Shifts positions by @delta for the cards of @category at or after @from. */
static gboolean
shift_column (OnloopStore    *self,
              OnloopCategory  category,
              int             from,
              int             delta,
              const char     *except_key,
              GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "UPDATE decisions SET position = position + ?3"
                                 " WHERE category = ?1 AND position >= ?2 AND key IS NOT ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, onloop_category_to_string (category), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, delta);
  sqlite3_bind_text (stmt, 4, except_key, -1, SQLITE_STATIC);

  return onloop_store_step_done (self, stmt, error);
}

gboolean
onloop_store_ensure_workflow (OnloopStore *self,
                              const char  *name,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  if (name == NULL || *name == '\0')
    return TRUE;

  stmt = onloop_store_statement (self,
                                 "INSERT INTO workflows (name, position)"
                                 " SELECT ?1, coalesce (max (position) + 1, 0) FROM workflows"
                                 " WHERE true ON CONFLICT (name) DO NOTHING",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return onloop_store_step_done (self, stmt, error);
}

static gboolean
check_decision (OnloopDecision *decision,
                GError        **error)
{
  const char *key = onloop_decision_get_key (decision);
  g_autofree char *title = g_strstrip (g_strdup (onloop_decision_get_title (decision)));

  if (!onloop_slug_is_valid (key))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("“%s” is not a valid decision key: use lower-case letters, digits and dashes"),
                   key);
      return FALSE;
    }

  if (*title == '\0')
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("The decision “%s” needs a title"), key);
      return FALSE;
    }

  return TRUE;
}

static void
bind_fields (sqlite3_stmt   *stmt,
             OnloopDecision *decision)
{
  sqlite3_bind_text (stmt, 1, onloop_decision_get_key (decision), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, onloop_decision_get_title (decision), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, onloop_decision_get_description (decision), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, onloop_decision_get_workflow (decision), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < ONLOOP_N_CRITERIA; i++)
    bind_answer (stmt, 5 + i, onloop_decision_get_criterion (decision, i));
  sqlite3_bind_double (stmt, 9, onloop_decision_get_frequency (decision));
  sqlite3_bind_text (stmt, 10, onloop_decision_get_notes (decision), -1, SQLITE_TRANSIENT);
}

gboolean
onloop_store_insert_decision (OnloopStore    *self,
                              OnloopDecision *decision,
                              GError        **error)
{
  OnloopCategory category = onloop_decision_get_category (decision);
  sqlite3_stmt *stmt;
  int index;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ONLOOP_IS_DECISION (decision), FALSE);

  if (!check_decision (decision, error) || !onloop_store_begin (self, error))
    return FALSE;

  /* Clamped as unsigned: G_MAXUINT ("at the end") must not wrap to -1. */
  index = (int) MIN (onloop_decision_get_position (decision),
                     (guint) count_in_column (self, category, NULL));

  if (!onloop_store_ensure_workflow (self, onloop_decision_get_workflow (decision), error) ||
      !shift_column (self, category, index, +1, NULL, error))
    goto failed;

  stmt = onloop_store_statement (self,
                                 "INSERT INTO decisions (key, title, description, workflow,"
                                 " routine, low_stakes, reversible, ethically_neutral,"
                                 " frequency_per_week, notes, category, position)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                 error);
  if (stmt == NULL)
    goto failed;

  bind_fields (stmt, decision);
  sqlite3_bind_text (stmt, 11, onloop_category_to_string (category), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, index);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (onloop_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                     _("The map already has a decision “%s”"), onloop_decision_get_key (decision));
      else
        onloop_store_set_error (self, error, _("Could not add the decision"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);

  if (!onloop_store_mark_draft_changed (self, error))
    goto failed;
  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_decision_set_position (decision, index);
  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_MAP);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

gboolean
onloop_store_update_decision (OnloopStore    *self,
                              OnloopDecision *decision,
                              GError        **error)
{
  sqlite3_stmt *stmt;

  if (!check_decision (decision, error) || !onloop_store_begin (self, error))
    return FALSE;

  if (!onloop_store_ensure_workflow (self, onloop_decision_get_workflow (decision), error))
    goto failed;

  stmt = onloop_store_statement (self,
                                 "UPDATE decisions SET title = ?2, description = ?3,"
                                 " workflow = ?4, routine = ?5, low_stakes = ?6, reversible = ?7,"
                                 " ethically_neutral = ?8, frequency_per_week = ?9, notes = ?10"
                                 " WHERE key = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;

  bind_fields (stmt, decision);
  if (!onloop_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (onloop_store_get_db (self)) == 0)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                   _("There is no decision “%s” in the map"), onloop_decision_get_key (decision));
      goto failed;
    }

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_MAP);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

gboolean
onloop_store_delete_decision (OnloopStore *self,
                              const char  *key,
                              GError     **error)
{
  g_autoptr(OnloopDecision) decision = NULL;
  sqlite3_stmt *stmt;

  if (!onloop_store_begin (self, error))
    return FALSE;

  decision = onloop_store_get_decision (self, key, error);
  if (decision == NULL)
    goto failed;

  stmt = onloop_store_statement (self, "DELETE FROM decisions WHERE key = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error) ||
      !shift_column (self, onloop_decision_get_category (decision),
                     onloop_decision_get_position (decision) + 1, -1, NULL, error) ||
      !onloop_store_mark_draft_changed (self, error))
    goto failed;

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_MAP);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

gboolean
onloop_store_move_decision (OnloopStore     *self,
                            const char      *key,
                            OnloopCategory   category,
                            guint            index,
                            GError         **error)
{
  g_autoptr(OnloopDecision) decision = NULL;
  sqlite3_stmt *stmt;
  int target;

  if (!onloop_store_begin (self, error))
    return FALSE;

  decision = onloop_store_get_decision (self, key, error);
  if (decision == NULL)
    goto failed;

  /* Close the gap the card leaves, then open one where it lands. */
  if (!shift_column (self, onloop_decision_get_category (decision),
                     onloop_decision_get_position (decision) + 1, -1, key, error))
    goto failed;

  target = (int) MIN (index, (guint) count_in_column (self, category, key));
  if (!shift_column (self, category, target, +1, key, error))
    goto failed;

  stmt = onloop_store_statement (self,
                                 "UPDATE decisions SET category = ?2, position = ?3 WHERE key = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, onloop_category_to_string (category), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, target);
  if (!onloop_store_step_done (self, stmt, error))
    goto failed;

  if (category != onloop_decision_get_category (decision) &&
      !onloop_store_mark_draft_changed (self, error))
    goto failed;

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_MAP);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

char *
onloop_store_new_decision_key (OnloopStore *self,
                               const char  *title)
{
  g_autofree char *base = onloop_slugify (title);
  char *key = g_strdup (base);

  for (guint n = 2;; n++)
    {
      g_autoptr(OnloopDecision) existing = onloop_store_get_decision (self, key, NULL);

      if (existing == NULL)
        return key;

      g_free (key);
      key = g_strdup_printf ("%s-%u", base, n);
    }
}

GStrv
onloop_store_list_workflows (OnloopStore *self,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self, "SELECT name FROM workflows ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, onloop_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

gboolean
onloop_store_get_workflow (OnloopStore  *self,
                           const char   *name,
                           OnloopPhase  *phase,
                           char        **review_cadence,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = onloop_store_statement (self,
                                 "SELECT phase, review_cadence FROM workflows WHERE name = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      if (phase != NULL && !onloop_phase_from_string (onloop_sqlite_text (stmt, 0), phase))
        *phase = ONLOOP_PHASE_SHADOW;
      if (review_cadence != NULL)
        *review_cadence = g_strdup (onloop_sqlite_text (stmt, 1));
    }
  else
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no workflow “%s”"), name);
  sqlite3_reset (stmt);

  return found;
}

gboolean
onloop_store_set_workflow (OnloopStore *self,
                           const char  *name,
                           OnloopPhase  phase,
                           const char  *review_cadence,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!onloop_store_begin (self, error))
    return FALSE;

  if (!onloop_store_ensure_workflow (self, name, error))
    goto failed;

  stmt = onloop_store_statement (self,
                                 "UPDATE workflows SET phase = ?2,"
                                 " review_cadence = coalesce (?3, review_cadence) WHERE name = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, onloop_phase_to_string (phase), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, review_cadence, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error))
    {
      g_clear_error (error);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("“%s” is not a review cadence (daily, weekly, biweekly or monthly)"),
                   review_cadence);
      goto failed;
    }

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_SPEC);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}
