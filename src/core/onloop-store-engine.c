/* onloop-store-engine.c: the engine's SQL
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-log.h"
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

gboolean
onloop_store_scan_first_time_fields (OnloopStore        *self,
                                     const gint64       *seqs,
                                     guint               n_seqs,
                                     OnloopEventRowFunc  func,
                                     gpointer            user_data,
                                     GError            **error)
{
  for (guint i = 0; i < n_seqs; i++)
    {
      sqlite3_stmt *stmt = onloop_store_statement (self,
                                                   "SELECT at, id, industry, persona, objection"
                                                   " FROM events WHERE seq = ?",
                                                   error);
      OnloopEventRow row = { .seq = seqs[i], .deal_arr = NAN, .sentiment = NAN, .engagement = NAN,
                             .stage_progressed = -1, .days_in_stage = -1, .rec_escalated = -1 };

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, seqs[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      row.at = sqlite3_column_int64 (stmt, 0);
      row.id = onloop_sqlite_text (stmt, 1);
      row.decision = "";
      row.action = "";
      row.industry = column_text_or_null (stmt, 2);
      row.persona = column_text_or_null (stmt, 3);
      row.objection = column_text_or_null (stmt, 4);
      func (&row, user_data);
      sqlite3_reset (stmt);
    }
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
                                 /* CROSS JOIN: the few checks drive, never a scan of the events. */
                                 " FROM spot_checks s CROSS JOIN events e ON e.id = s.event",
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

  /* Clear the flag only if nothing marked the workspace stale again since
   * the refresh began (it set the flag to '2'): an import committed while
   * we computed leaves '1', and the next read refreshes again. */
  if (!onloop_store_exec (self, "DELETE FROM settings WHERE key = 'engine.stale' AND value = '2'", error) ||
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

/* The shortest text that reads back as @value (JSON has no NaN). */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers without an exponent: 61250, not 6.125e+04. */
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[precision - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               gboolean   *first,
               const char *name)
{
  if (!*first)
    g_string_append (out, ", ");
  *first = FALSE;
  append_string (out, name);
  g_string_append (out, ": ");
}

char *
onloop_store_event_json (OnloopStore  *self,
                         gint64        seq,
                         GError      **error)
{
  static const char * const doubles[] = { "deal_arr", "sentiment", NULL, NULL, NULL, "engagement" };
  static const char * const strings[] = { NULL, NULL, "industry", "persona", "objection" };
  GString *out;
  sqlite3_stmt *stmt;
  gboolean first = TRUE;

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

  out = g_string_new ("{\"id\": ");
  append_string (out, onloop_sqlite_text (stmt, 0));
  g_string_append (out, ", \"at\": ");
  append_string (out, onloop_sqlite_text (stmt, 1));
  g_string_append (out, ", \"decision\": ");
  append_string (out, onloop_sqlite_text (stmt, 2));
  g_string_append (out, ", \"action\": ");
  append_string (out, onloop_sqlite_text (stmt, 3));

  g_string_append (out, ", \"context\": {");
  for (int c = 4; c <= 9; c++)
    {
      if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
        continue;
      if (c == 4 || c == 5 || c == 9)
        {
          append_member (out, &first, doubles[c - 4]);
          append_number (out, sqlite3_column_double (stmt, c));
        }
      else
        {
          append_member (out, &first, strings[c - 4]);
          append_string (out, onloop_sqlite_text (stmt, c));
        }
    }
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    {
      append_member (out, &first, "stage_progressed");
      g_string_append (out, sqlite3_column_int (stmt, 10) ? "true" : "false");
    }
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    {
      append_member (out, &first, "days_in_stage");
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 11));
    }
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      append_member (out, &first, "tags");
      g_string_append (out, onloop_sqlite_text (stmt, 12));   /* stored as a JSON array */
    }

  g_string_append (out, "}, \"outcome\": {");
  first = TRUE;
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    {
      append_member (out, &first, "escalated");
      g_string_append (out, sqlite3_column_int (stmt, 13) ? "true" : "false");
    }
  append_member (out, &first, "reviewed");
  g_string_append (out, sqlite3_column_int (stmt, 14) ? "true" : "false");
  append_member (out, &first, "overridden");
  g_string_append (out, sqlite3_column_int (stmt, 15) ? "true" : "false");
  append_member (out, &first, "quality_issue");
  g_string_append (out, sqlite3_column_int (stmt, 16) ? "true" : "false");
  if (sqlite3_column_type (stmt, 17) != SQLITE_NULL)
    {
      append_member (out, &first, "review_minutes");
      append_number (out, sqlite3_column_double (stmt, 17));
    }
  g_string_append_c (out, '}');

  /* Unknown fields as the log had them, so the line can be imported again. */
  if (sqlite3_column_type (stmt, 18) != SQLITE_NULL)
    {
      const char *extra = onloop_sqlite_text (stmt, 18);
      const char *open = strchr (extra, '{');
      const char *close = strrchr (extra, '}');

      if (open != NULL && close != NULL && close > open)
        {
          g_autofree char *inner = g_strstrip (g_strndup (open + 1, close - open - 1));

          if (*inner != '\0')
            g_string_append_printf (out, ", %s", inner);
        }
    }
  g_string_append_c (out, '}');

  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

char *
onloop_store_events_signature (OnloopStore  *self,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 lo = 0, hi = 0;

  stmt = onloop_store_statement (self, "SELECT max(seq) FROM events", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hi = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = onloop_store_statement (self, "SELECT min(seq) FROM events", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    lo = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* The blobs are in this machine's byte order and type sizes. */
  return g_strdup_printf ("onloop.columns/1 %s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          G_BYTE_ORDER == G_LITTLE_ENDIAN ? "le" : "be",
                          (guint) sizeof (gpointer), lo, hi);
}

char *
onloop_store_log_columns_signature (OnloopStore *self)
{
  sqlite3_stmt *stmt;
  char *signature = NULL;

  stmt = onloop_store_statement (self, "SELECT data FROM log_columns WHERE name = 'signature'", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    signature = g_strndup (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return signature;
}

gboolean
onloop_store_write_log_columns (OnloopStore         *self,
                                const char          *signature,
                                const char * const  *names,
                                const void * const  *data,
                                const gsize         *sizes,
                                guint                n,
                                GError             **error)
{
  sqlite3_stmt *stmt;

  if (!onloop_store_begin (self, error))
    return FALSE;
  if (!onloop_store_exec (self, "DELETE FROM log_columns", error))
    goto fail;

  for (guint i = 0; i <= n; i++)
    {
      const char *name = i < n ? names[i] : "signature";
      const void *bytes = i < n ? data[i] : signature;
      gsize size = i < n ? sizes[i] : strlen (signature);

      stmt = onloop_store_statement (self, "INSERT INTO log_columns (name, data) VALUES (?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 2, size > 0 ? bytes : "", size, SQLITE_STATIC);
      if (!onloop_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!onloop_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  onloop_store_rollback (self);
  return FALSE;
}

gpointer
onloop_store_read_log_column (OnloopStore  *self,
                              const char   *name,
                              gsize        *size,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  sqlite3_blob *blob = NULL;
  sqlite3_int64 rowid;
  gpointer data;
  int bytes;

  stmt = onloop_store_statement (self, "SELECT rowid FROM log_columns WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ONLOOP_STORE_ERROR, ONLOOP_STORE_ERROR_NOT_FOUND_ROW,
                   "log column %s is missing", name);
      return NULL;
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* The blob API reads straight into our buffer, without a copy in a row;
   * through a memory map it also saves one pread() per page (tens of
   * thousands of system calls on a million events). Unmapping after each
   * column keeps at most one column's file pages resident on top of the
   * columns themselves. Without the map the read still works. */
  onloop_store_exec (self, "PRAGMA mmap_size = 1073741824", NULL);
  if (sqlite3_blob_open (onloop_store_get_db (self), "main", "log_columns", "data", rowid, 0, &blob) != SQLITE_OK)
    {
      onloop_store_set_error (self, error, _("Could not read the decision log"));
      sqlite3_blob_close (blob);
      onloop_store_exec (self, "PRAGMA mmap_size = 0", NULL);
      return NULL;
    }
  bytes = sqlite3_blob_bytes (blob);
  data = onloop_log_alloc_column (bytes);
  if (bytes > 0 && sqlite3_blob_read (blob, data, bytes, 0) != SQLITE_OK)
    {
      onloop_store_set_error (self, error, _("Could not read the decision log"));
      sqlite3_blob_close (blob);
      onloop_store_exec (self, "PRAGMA mmap_size = 0", NULL);
      g_free (data);
      return NULL;
    }
  sqlite3_blob_close (blob);
  onloop_store_exec (self, "PRAGMA mmap_size = 0", NULL);
  *size = bytes;
  return data;
}
