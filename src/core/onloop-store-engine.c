/* onloop-store-engine.c: the engine's SQL
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "onloop-store-engine.h"
#include "onloop-store-private.h"

static inline double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static inline const char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback : sqlite3_column_int64 (stmt, column);
}

gboolean
onloop_store_scan_events (OnloopStore        *self,
                          OnloopEventRowFunc  func,
                          gpointer            user_data,
                          GCancellable       *cancellable,
                          GError            **error)
{
  sqlite3_stmt *stmt;
  OnloopEventRow row;
  guint n = 0;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT seq, at, id, decision, action, deal_arr, sentiment,"
                                 " engagement, stage_progressed, days_in_stage, industry, persona,"
                                 " objection, tags, rec_escalated, reviewed, overridden, quality_issue"
                                 " FROM events ORDER BY at, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((++n & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      row.seq = sqlite3_column_int64 (stmt, 0);
      row.at = sqlite3_column_int64 (stmt, 1);
      row.id = onloop_sqlite_text (stmt, 2);
      row.decision = onloop_sqlite_text (stmt, 3);
      row.action = onloop_sqlite_text (stmt, 4);
      row.deal_arr = column_double (stmt, 5);
      row.sentiment = column_double (stmt, 6);
      row.engagement = column_double (stmt, 7);
      row.stage_progressed = (int) column_int_or (stmt, 8, -1);
      row.days_in_stage = column_int_or (stmt, 9, -1);
      row.industry = column_text_or_null (stmt, 10);
      row.persona = column_text_or_null (stmt, 11);
      row.objection = column_text_or_null (stmt, 12);
      row.tags = column_text_or_null (stmt, 13);
      row.rec_escalated = (int) column_int_or (stmt, 14, -1);
      row.reviewed = sqlite3_column_int (stmt, 15) != 0;
      row.overridden = sqlite3_column_int (stmt, 16) != 0;
      row.quality_issue = sqlite3_column_int (stmt, 17) != 0;

      if (!func (&row, user_data))
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the decision log"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gint64
onloop_store_count_events (OnloopStore *self)
{
  sqlite3_stmt *stmt = onloop_store_statement (self, "SELECT count(*) FROM events", NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

gboolean
onloop_store_scan_spot_checks (OnloopStore         *self,
                               OnloopSpotCheckFunc  func,
                               gpointer             user_data,
                               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT e.at, e.seq, s.verdict = 'quality-issue'"
                                 " FROM spot_checks s JOIN events e ON e.id = s.event",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
          sqlite3_column_int (stmt, 2) != 0, user_data);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the spot checks"));
      return FALSE;
    }
  return TRUE;
}

gboolean
onloop_store_write_weekly (OnloopStore           *self,
                           const OnloopWeeklyRow *rows,
                           guint                  n_rows,
                           GError               **error)
{
  sqlite3_stmt *stmt;

  if (!onloop_store_begin (self, error))
    return FALSE;

  if (!onloop_store_exec (self, "DELETE FROM weekly", error))
    goto fail;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *week = onloop_week_format (rows[i].week);

      stmt = onloop_store_statement (self,
                                     "INSERT INTO weekly (week, starts_at, events, escalated,"
                                     " interventions, overrides, false_negatives, drift)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, week, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, onloop_week_start_usec (rows[i].week));
      sqlite3_bind_int64 (stmt, 3, rows[i].events);
      sqlite3_bind_int64 (stmt, 4, rows[i].escalated);
      sqlite3_bind_int64 (stmt, 5, rows[i].interventions);
      sqlite3_bind_int64 (stmt, 6, rows[i].overrides);
      sqlite3_bind_int64 (stmt, 7, rows[i].false_negatives);
      sqlite3_bind_int64 (stmt, 8, rows[i].drift);
      if (!onloop_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!onloop_store_clear_stale (self, error) ||
      !onloop_store_commit (self, error))
    goto fail;

  return TRUE;

fail:
  onloop_store_rollback (self);
  return FALSE;
}

GArray *
onloop_store_read_weekly (OnloopStore  *self,
                          GError      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (OnloopWeeklyRow));
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT week, events, escalated, interventions, overrides,"
                                 " false_negatives, drift FROM weekly ORDER BY starts_at",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OnloopWeeklyRow row = { 0 };

      if (!onloop_week_parse (onloop_sqlite_text (stmt, 0), &row.week))
        continue;
      row.events = sqlite3_column_int64 (stmt, 1);
      row.escalated = sqlite3_column_int64 (stmt, 2);
      row.interventions = sqlite3_column_int64 (stmt, 3);
      row.overrides = sqlite3_column_int64 (stmt, 4);
      row.false_negatives = sqlite3_column_int64 (stmt, 5);
      row.drift = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (rows, row);
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the weekly metrics"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
onloop_store_scan_time_entries (OnloopStore         *self,
                                OnloopTimeEntryFunc  func,
                                gpointer             user_data,
                                GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = onloop_store_statement (self,
                                 "SELECT week, execution_oversight, exception_handling, strategy,"
                                 " coaching, relationship_repair, other FROM time_entries",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double hours[6];

      for (int i = 0; i < 6; i++)
        hours[i] = sqlite3_column_double (stmt, 1 + i);
      func (onloop_sqlite_text (stmt, 0), hours, user_data);
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      onloop_store_set_error (self, error, _("Could not read the time entries"));
      return FALSE;
    }
  return TRUE;
}

static void
add_optional_double (JsonBuilder  *builder,
                     sqlite3_stmt *stmt,
                     int           column,
                     const char   *name)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, sqlite3_column_double (stmt, column));
}

static void
add_optional_string (JsonBuilder  *builder,
                     sqlite3_stmt *stmt,
                     int           column,
                     const char   *name)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, onloop_sqlite_text (stmt, column));
}

char *
onloop_store_event_json (OnloopStore  *self,
                         gint64        seq,
                         GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  sqlite3_stmt *stmt;

  stmt = onloop_store_statement (self,
                                 "SELECT id, at_text, decision, action, deal_arr, sentiment,"
                                 " industry, persona, objection, engagement, stage_progressed,"
                                 " days_in_stage, tags, rec_escalated, reviewed, overridden,"
                                 " quality_issue, review_minutes, extra FROM events WHERE seq = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                   _("The event is no longer in the workspace"));
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, onloop_sqlite_text (stmt, 0));
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, onloop_sqlite_text (stmt, 1));
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, onloop_sqlite_text (stmt, 2));
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, onloop_sqlite_text (stmt, 3));

  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  add_optional_double (builder, stmt, 4, "deal_arr");
  add_optional_double (builder, stmt, 5, "sentiment");
  add_optional_string (builder, stmt, 6, "industry");
  add_optional_string (builder, stmt, 7, "persona");
  add_optional_string (builder, stmt, 8, "objection");
  add_optional_double (builder, stmt, 9, "engagement");
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    {
      json_builder_set_member_name (builder, "stage_progressed");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 10) != 0);
    }
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    {
      json_builder_set_member_name (builder, "days_in_stage");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 11));
    }
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      g_autoptr(JsonNode) tags = json_from_string (onloop_sqlite_text (stmt, 12), NULL);

      if (tags != NULL)
        {
          json_builder_set_member_name (builder, "tags");
          json_builder_add_value (builder, g_steal_pointer (&tags));
        }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "outcome");
  json_builder_begin_object (builder);
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    {
      json_builder_set_member_name (builder, "escalated");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 13) != 0);
    }
  json_builder_set_member_name (builder, "reviewed");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 14) != 0);
  json_builder_set_member_name (builder, "overridden");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 15) != 0);
  json_builder_set_member_name (builder, "quality_issue");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 16) != 0);
  add_optional_double (builder, stmt, 17, "review_minutes");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  sqlite3_reset (stmt);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
