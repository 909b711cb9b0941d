/* onloop-store-review.c: spot-check marks on events
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onloop-csv.h"
#include "onloop-json-writer.h"
#include "onloop-store-private.h"
#include "onloop-store-review.h"
#include "onloop-time.h"

static const char * const verdict_names[] = { "ok", "quality-issue" };
static const char * const verdict_labels[] = { N_("OK"), N_("Quality issue") };

const char *
onloop_spot_verdict_to_string (OnloopSpotVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdict_names), "ok");

  return verdict_names[verdict];
}

gboolean
onloop_spot_verdict_from_string (const char        *text,
                                 OnloopSpotVerdict *verdict)
{
  for (guint i = 0; i < G_N_ELEMENTS (verdict_names); i++)
    {
      if (g_strcmp0 (text, verdict_names[i]) == 0)
        {
          *verdict = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
onloop_spot_verdict_get_label (OnloopSpotVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdict_labels), "");

  return _(verdict_labels[verdict]);
}

void
onloop_spot_check_free (OnloopSpotCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->event);
  g_free (check->note);
  g_free (check->checked_at);
  g_free (check->at);
  g_free (check->decision);
  g_free (check->action);
  g_free (check);
}

static gboolean
event_exists (OnloopStore *self,
              const char  *event_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self, "SELECT 1 FROM events WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                 _("There is no event “%s” in the workspace"), event_id);
  else
    onloop_store_set_error (self, error, _("Could not read the decision log"));
  return FALSE;
}

gboolean
onloop_store_set_spot_check_at (OnloopStore       *self,
                                const char        *event_id,
                                OnloopSpotVerdict  verdict,
                                const char        *note,
                                gint64             checked_usec,
                                GError           **error)
{
  g_autofree char *checked_at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (verdict <= ONLOOP_SPOT_CHECK_QUALITY_ISSUE, FALSE);

  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("The note is not valid UTF-8 text"));
      return FALSE;
    }

  /* Whole seconds: a mark's time is for people, not for ordering. */
  checked_at = onloop_time_format_rfc3339 (checked_usec - checked_usec % G_USEC_PER_SEC);

  if (!onloop_store_begin (self, error))
    return FALSE;

  if (!event_exists (self, event_id, error))
    goto failed;

  stmt = onloop_store_statement (self,
                                 "INSERT OR REPLACE INTO spot_checks (event, verdict, note, checked_at)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, onloop_spot_verdict_to_string (verdict), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note != NULL ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, checked_at, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error) ||
      !onloop_store_mark_stale (self, error))
    goto failed;

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_REVIEWS);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

gboolean
onloop_store_set_spot_check (OnloopStore       *self,
                             const char        *event_id,
                             OnloopSpotVerdict  verdict,
                             const char        *note,
                             GError           **error)
{
  return onloop_store_set_spot_check_at (self, event_id, verdict, note, g_get_real_time (), error);
}

gboolean
onloop_store_clear_spot_check (OnloopStore *self,
                               const char  *event_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean removed;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  if (!onloop_store_begin (self, error))
    return FALSE;

  stmt = onloop_store_statement (self, "DELETE FROM spot_checks WHERE event = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error))
    goto failed;

  removed = sqlite3_changes (onloop_store_get_db (self)) > 0;
  if (removed && !onloop_store_mark_stale (self, error))
    goto failed;

  if (!onloop_store_commit (self, error))
    return FALSE;

  if (removed)
    onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_REVIEWS);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

#define CHECK_SELECT \
  "SELECT s.event, s.verdict, s.note, s.checked_at, e.at, e.decision, e.action" \
  " FROM spot_checks s JOIN events e ON e.id = s.event"

static OnloopSpotCheck *
check_from_row (sqlite3_stmt *stmt)
{
  OnloopSpotCheck *check = g_new0 (OnloopSpotCheck, 1);

  check->event = g_strdup (onloop_sqlite_text (stmt, 0));
  if (!onloop_spot_verdict_from_string (onloop_sqlite_text (stmt, 1), &check->verdict))
    check->verdict = ONLOOP_SPOT_CHECK_OK;
  check->note = g_strdup (onloop_sqlite_text (stmt, 2));
  check->checked_at = g_strdup (onloop_sqlite_text (stmt, 3));
  check->at = onloop_time_format_rfc3339 (sqlite3_column_int64 (stmt, 4));
  check->decision = g_strdup (onloop_sqlite_text (stmt, 5));
  check->action = g_strdup (onloop_sqlite_text (stmt, 6));

  return check;
}

OnloopSpotCheck *
onloop_store_get_spot_check (OnloopStore *self,
                             const char  *event_id,
                             GError     **error)
{
  OnloopSpotCheck *check = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self, CHECK_SELECT " WHERE s.event = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    check = check_from_row (stmt);
  else if (rc != SQLITE_DONE)
    onloop_store_set_error (self, error, _("Could not read the spot checks"));
  sqlite3_reset (stmt);

  return check;
}

static char *
ids_to_json (const char * const *ids)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      onloop_json_append_string (out, ids[i]);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

GPtrArray *
onloop_store_list_spot_checks (OnloopStore        *self,
                               const char * const *event_ids,
                               GError            **error)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_spot_check_free);
  g_autofree char *ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  if (event_ids == NULL)
    stmt = onloop_store_statement (self, CHECK_SELECT " ORDER BY e.at, e.id", error);
  else
    stmt = onloop_store_statement (self,
                                   CHECK_SELECT " WHERE s.event IN (SELECT value FROM json_each (?1))"
                                   " ORDER BY e.at, e.id",
                                   error);
  if (stmt == NULL)
    return NULL;

  if (event_ids != NULL)
    {
      ids = ids_to_json (event_ids);
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (checks, check_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the spot checks"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&checks);
}

guint
onloop_store_count_spot_checks (OnloopStore       *self,
                                OnloopSpotVerdict  verdict)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = onloop_store_statement (self, "SELECT count(*) FROM spot_checks WHERE verdict = ?1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, onloop_spot_verdict_to_string (verdict), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

char *
onloop_spot_checks_to_csv (GPtrArray *checks)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "event", "at", "decision", "action", "verdict", "note", "checked_at" };

  onloop_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < checks->len; i++)
    {
      OnloopSpotCheck *check = g_ptr_array_index (checks, i);
      const char *row[] = {
        check->event, check->at, check->decision, check->action,
        onloop_spot_verdict_to_string (check->verdict), check->note, check->checked_at
      };

      onloop_csv_append_row (out, row, G_N_ELEMENTS (row));
    }

  return g_string_free (out, FALSE);
}

char *
onloop_spot_checks_to_json (GPtrArray *checks)
{
  GString *out = g_string_new ("{\n  \"format\": \"onloop.marks/1\",\n  \"marks\": [");
  const char *names[] = { "event", "at", "decision", "action", "verdict", "note", "checked_at" };

  for (guint i = 0; i < checks->len; i++)
    {
      OnloopSpotCheck *check = g_ptr_array_index (checks, i);
      const char *values[] = {
        check->event, check->at, check->decision, check->action,
        onloop_spot_verdict_to_string (check->verdict), check->note, check->checked_at
      };

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      for (guint f = 0; f < G_N_ELEMENTS (names); f++)
        {
          g_string_append_printf (out, "%s\n      \"%s\": ", f == 0 ? "" : ",", names[f]);
          onloop_json_append_string (out, values[f]);
        }
      g_string_append (out, "\n    }");
    }

  g_string_append (out, checks->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}
