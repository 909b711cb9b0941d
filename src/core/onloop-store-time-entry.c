/* onloop-store-time-entry.c: manager time entries in the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-store-private.h"
#include "onloop-store-time-entry.h"

#define ENTRY_COLUMNS \
  "week, manager, execution_oversight, exception_handling, strategy, coaching," \
  " relationship_repair, other"

static gboolean
check_entry (const OnloopTimeEntry *entry,
             GError               **error)
{
  g_autofree char *week = onloop_week_format (entry->week);
  OnloopWeek parsed;

  if (!onloop_week_parse (week, &parsed) || parsed != entry->week)
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("%s is not an ISO week"), week);
      return FALSE;
    }

  if (entry->manager == NULL || *entry->manager == '\0' ||
      g_ascii_isspace (entry->manager[0]) ||
      g_ascii_isspace (entry->manager[strlen (entry->manager) - 1]))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                   _("A time entry needs a manager’s name (without surrounding spaces)"));
      return FALSE;
    }

  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    {
      if (!isfinite (entry->hours[i]) || entry->hours[i] < 0)
        {
          g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_INVALID,
                       _("%s: %s must be a number of hours ≥ 0"),
                       week, onloop_time_entry_field_label (i));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_entry (OnloopStore           *self,
             const OnloopTimeEntry *entry,
             GError               **error)
{
  g_autofree char *week = NULL;
  sqlite3_stmt *stmt;

  if (!check_entry (entry, error))
    return FALSE;

  stmt = onloop_store_statement (self,
                                 "INSERT OR REPLACE INTO time_entries (" ENTRY_COLUMNS ")"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  week = onloop_week_format (entry->week);
  sqlite3_bind_text (stmt, 1, week, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->manager, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    sqlite3_bind_double (stmt, 3 + i, entry->hours[i]);

  return onloop_store_step_done (self, stmt, error);
}

gboolean
onloop_store_set_time_entry (OnloopStore           *self,
                             const OnloopTimeEntry *entry,
                             GError               **error)
{
  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!onloop_store_begin (self, error))
    return FALSE;

  if (!write_entry (self, entry, error))
    {
      onloop_store_rollback (self);
      return FALSE;
    }

  if (!onloop_store_commit (self, error))
    return FALSE;

  onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_TIME);
  return TRUE;
}

gboolean
onloop_store_delete_time_entry (OnloopStore *self,
                                OnloopWeek   week,
                                const char  *manager,
                                GError     **error)
{
  g_autofree char *week_text = onloop_week_format (week);
  sqlite3_stmt *stmt;
  gboolean removed;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);

  if (!onloop_store_begin (self, error))
    return FALSE;

  stmt = onloop_store_statement (self,
                                 "DELETE FROM time_entries WHERE week = ?1 AND manager = ?2",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, week_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, manager, -1, SQLITE_STATIC);
  if (!onloop_store_step_done (self, stmt, error))
    goto failed;

  removed = sqlite3_changes (onloop_store_get_db (self)) > 0;

  if (!onloop_store_commit (self, error))
    return FALSE;

  if (removed)
    onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_TIME);
  return TRUE;

failed:
  onloop_store_rollback (self);
  return FALSE;
}

static OnloopTimeEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  OnloopTimeEntry *entry;
  OnloopWeek week = 0;

  onloop_week_parse (onloop_sqlite_text (stmt, 0), &week);
  entry = onloop_time_entry_new (week, onloop_sqlite_text (stmt, 1));
  for (guint i = 0; i < ONLOOP_N_HOURS; i++)
    entry->hours[i] = sqlite3_column_double (stmt, 2 + i);

  return entry;
}

OnloopTimeEntry *
onloop_store_get_time_entry (OnloopStore *self,
                             OnloopWeek   week,
                             const char  *manager,
                             GError     **error)
{
  g_autofree char *week_text = onloop_week_format (week);
  OnloopTimeEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT " ENTRY_COLUMNS " FROM time_entries"
                                 " WHERE week = ?1 AND manager = ?2",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, week_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, manager, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc != SQLITE_DONE)
    onloop_store_set_error (self, error, _("Could not read the time entries"));
  sqlite3_reset (stmt);

  return entry;
}

GPtrArray *
onloop_store_list_time_entries (OnloopStore *self,
                                OnloopWeek   from,
                                OnloopWeek   to,
                                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) onloop_time_entry_free);
  /* ISO weeks as "2026-W45" sort as text in time order. */
  g_autofree char *from_text = from > 0 ? onloop_week_format (from) : g_strdup ("");
  g_autofree char *to_text = to > 0 ? onloop_week_format (to) : g_strdup ("\x7f");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ONLOOP_IS_STORE (self), NULL);

  stmt = onloop_store_statement (self,
                                 "SELECT " ENTRY_COLUMNS " FROM time_entries"
                                 " WHERE week >= ?1 AND week <= ?2 ORDER BY week, manager",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the time entries"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

GStrv
onloop_store_list_managers (OnloopStore *self,
                            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT DISTINCT manager FROM time_entries ORDER BY manager",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, onloop_sqlite_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the time entries"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

gboolean
onloop_store_import_time_entries (OnloopStore *self,
                                  GPtrArray   *entries,
                                  GError     **error)
{
  g_return_val_if_fail (ONLOOP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!onloop_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!write_entry (self, g_ptr_array_index (entries, i), error))
        {
          onloop_store_rollback (self);
          return FALSE;
        }
    }

  if (!onloop_store_commit (self, error))
    return FALSE;

  if (entries->len > 0)
    onloop_store_emit_changed (self, ONLOOP_STORE_CHANGE_TIME);
  return TRUE;
}

gboolean
onloop_store_import_time_file (OnloopStore *self,
                               const char  *path,
                               guint       *n_entries,
                               GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_name (path);
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  entries = onloop_time_entries_parse (contents, len, name, error);
  if (entries == NULL || !onloop_store_import_time_entries (self, entries, error))
    return FALSE;

  if (n_entries != NULL)
    *n_entries = entries->len;
  return TRUE;
}
