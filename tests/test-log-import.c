/* test-log-import.c: importing a decision log into a workspace (PRODUCT.md §2, §5)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "onloop-store-log.h"
#include "onloop-store-map.h"
#include "onloop-test-util.h"

typedef struct
{
  char *dir;
  char *path;      /* the workspace */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char * const keys[] = { "follow-up-timing", "discount-approval" };

  f->dir = onloop_test_make_dir ();
  f->path = g_build_filename (f->dir, "team.onloop", NULL);
  store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(OnloopDecision) decision = onloop_decision_new (keys[i], keys[i]);
      onloop_store_insert_decision (store, decision, &error);
      g_assert_no_error (error);
    }

  /* Start from a workspace whose derived data is up to date, so the tests
   * see what an import itself marks. */
  onloop_store_clear_stale (store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  onloop_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
event_line (const char *id,
            const char *at,
            const char *decision)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"at\": \"%s\", \"decision\": \"%s\", \"action\": \"send\","
                          " \"context\": {\"deal_arr\": 1200, \"industry\": \"Retail\"},"
                          " \"outcome\": {\"escalated\": false}}",
                          id, at, decision);
}

static char *
write_log (Fixture    *f,
           const char *name,
           const char *contents,
           gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  onloop_test_write (path, contents, len);
  return path;
}

/* A log of @n good events, ids PREFIX-0 …, one per line. */
static GString *
good_lines (const char *prefix,
            guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, i);
      g_autofree char *at = g_strdup_printf ("2026-11-%02uT%02u:%02u:00Z", 2 + i % 20, i / 60 % 24, i % 60);
      g_autofree char *line = event_line (id, at, i % 3 == 0 ? "unknown-key" : "follow-up-timing");
      g_string_append (s, line);
      g_string_append_c (s, '\n');
    }
  return s;
}

static gboolean
import (Fixture             *f,
        const char          *log,
        OnloopImportCounts  *counts,
        GError             **error)
{
  g_autoptr(OnloopStore) store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);

  g_assert_nonnull (store);
  return onloop_store_import_log (store, log, NULL, NULL, NULL, counts, error);
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* Read-write, so that closing the last connection removes -wal and -shm
   * as the app's own connections do. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  /* Read-write, so that closing the last connection removes -wal and -shm
   * as the app's own connections do. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("a", 9);
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  g_assert_true (import (f, log, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.lines, ==, 9);
  g_assert_cmpuint (counts.imported, ==, 9);
  g_assert_cmpuint (counts.already_present, ==, 0);
  g_assert_cmpuint (counts.unmapped, ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 9);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE decision = 'unknown-key'"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM settings WHERE key = 'engine.stale' AND value = '1'"), ==, 1);
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) first = good_lines ("a", 6);
  g_autoptr(GString) second = good_lines ("a", 10);
  g_autofree char *log1 = write_log (f, "one.jsonl", first->str, first->len);
  g_autofree char *log2 = write_log (f, "two.jsonl", second->str, second->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  OnloopImportCounts counts = { 0 };

  g_assert_true (import (f, log1, &counts, &error));
  g_assert_cmpuint (counts.imported, ==, 6);

  /* The same file again changes nothing, not even the file's bytes. */
  before = onloop_test_read_bytes (f->path);
  g_assert_true (import (f, log1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.imported, ==, 0);
  g_assert_cmpuint (counts.already_present, ==, 6);
  g_assert_cmpuint (counts.unmapped, ==, 0);
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));

  /* A longer log with the same start: only the new events are added. */
  g_assert_true (import (f, log2, &counts, &error));
  g_assert_cmpuint (counts.imported, ==, 4);
  g_assert_cmpuint (counts.already_present, ==, 6);
  g_assert_cmpuint (counts.unmapped, ==, 2);   /* a-6 and a-9 have an unknown key */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 10);
}

static void assert_refused (Fixture    *f,
                            const char *contents,
                            gssize      len,
                            guint       line,
                            int         code,
                            const char *message);

/* Longer logs: a log that overlaps what is there, repeats close to each
 * other and far apart. */
static void
test_overlap_in_groups (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) first = good_lines ("g", 100);
  g_autoptr(GString) second = good_lines ("g", 300);
  g_autofree char *log1 = write_log (f, "one.jsonl", first->str, first->len);
  g_autofree char *log2 = write_log (f, "two.jsonl", second->str, second->len);
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  g_assert_true (import (f, log1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.imported, ==, 100);
  g_assert_cmpuint (counts.unmapped, ==, 34);

  g_assert_true (import (f, log2, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.lines, ==, 300);
  g_assert_cmpuint (counts.imported, ==, 200);
  g_assert_cmpuint (counts.already_present, ==, 100);
  g_assert_cmpuint (counts.unmapped, ==, 66);   /* i % 3 == 0 for i in 100 … 299 */

  g_assert_true (import (f, log2, &counts, &error));
  g_assert_cmpuint (counts.imported, ==, 0);
  g_assert_cmpuint (counts.already_present, ==, 300);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 300);
  g_assert_cmpint (count_rows (f, "SELECT count(DISTINCT seq) FROM events"), ==, 300);
}

/* Replaces line @line (from 1) of @lines by an event with id @id. */
static void
replace_line (GString    *lines,
              guint       line,
              const char *id)
{
  g_auto(GStrv) split = g_strsplit (lines->str, "\n", -1);
  g_autofree char *joined = NULL;

  g_free (split[line - 1]);
  split[line - 1] = event_line (id, "2026-11-20T10:00:00Z", "follow-up-timing");
  joined = g_strjoinv ("\n", split);
  g_string_assign (lines, joined);
}

static void
test_duplicates_in_groups (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) same_group = good_lines ("q", 200);
  g_autoptr(GString) other_group = good_lines ("r", 200);
  g_autoptr(GString) known = good_lines ("k", 10);
  g_autoptr(GString) twice_known = good_lines ("s", 200);
  g_autofree char *known_log = NULL;
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  replace_line (same_group, 20, "q-9");      /* lines 10 and 20 */
  assert_refused (f, same_group->str, same_group->len, 20, ONLOOP_LOG_ERROR_DUPLICATE,
                  "id: “q-9” appears twice in this file");

  replace_line (other_group, 150, "r-4");    /* lines 5 and 150 */
  replace_line (other_group, 190, "r-6");    /* a later one is not the one reported */
  assert_refused (f, other_group->str, other_group->len, 150, ONLOOP_LOG_ERROR_DUPLICATE,
                  "id: “r-4” appears twice in this file");

  /* Rows are written in id order; still the earliest repeat is reported. */
  {
    g_autoptr(GString) order = good_lines ("o", 200);

    replace_line (order, 3, "z-last");
    replace_line (order, 100, "z-last");
    replace_line (order, 4, "a-first");
    replace_line (order, 150, "a-first");
    assert_refused (f, order->str, order->len, 100, ONLOOP_LOG_ERROR_DUPLICATE,
                    "id: “z-last” appears twice in this file");
  }

  /* An id the workspace already has is skipped, but a file naming it twice
   * has a duplicate all the same (PRODUCT.md §2). */
  known_log = write_log (f, "known.jsonl", known->str, known->len);
  g_assert_true (import (f, known_log, &counts, &error));
  g_assert_no_error (error);
  g_unlink (known_log);
  replace_line (twice_known, 30, "k-3");
  replace_line (twice_known, 170, "k-4");
  {
    g_autofree char *log = write_log (f, "twice.jsonl", twice_known->str, twice_known->len);
    g_assert_true (import (f, log, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.imported, ==, 198);
    g_assert_cmpuint (counts.already_present, ==, 2);
    g_unlink (log);
  }
  replace_line (twice_known, 40, "k-3");
  assert_refused (f, twice_known->str, twice_known->len, 40, ONLOOP_LOG_ERROR_DUPLICATE,
                  "id: “k-3” appears twice in this file");
}

static void
test_fields_stored (Fixture       *f,
                    gconstpointer  data)
{
  const char *contents =
    "{\"id\": \"e1\", \"at\": \"2026-11-02T10:00:00.5+01:00\", \"decision\": \"discount-approval\","
    " \"action\": \"apply_discount\", \"context\": {\"deal_arr\": 61250, \"sentiment\": -0.5,"
    " \"industry\": \"Retail\", \"persona\": \"CFO\", \"objection\": \"price\", \"engagement\": 0.75,"
    " \"stage_progressed\": false, \"days_in_stage\": 30, \"tags\": [\"smb\", \"reference-check\"],"
    " \"region\": \"EMEA\"}, \"outcome\": {\"escalated\": true, \"reviewed\": true, \"overridden\": true,"
    " \"review_minutes\": 4.5}, \"trace_id\": \"abc\", \"model\": {\"name\": \"v2\"}}\n"
    "{\"id\": \"e2\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"follow-up-timing\", \"action\": \"send\"}\n";
  g_autofree char *log = write_log (f, "log.jsonl", contents, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *at_text = NULL;

  g_assert_true (import (f, log, NULL, &error));
  g_assert_no_error (error);

  extra = query_text (f, "SELECT extra FROM events WHERE id = 'e1'");
  g_assert_cmpstr (extra, ==, "{\"trace_id\":\"abc\",\"model\":{\"name\": \"v2\"},\"context\":{\"region\":\"EMEA\"}}");
  tags = query_text (f, "SELECT tags FROM events WHERE id = 'e1'");
  g_assert_cmpstr (tags, ==, "[\"smb\",\"reference-check\"]");
  at_text = query_text (f, "SELECT at_text FROM events WHERE id = 'e1'");
  g_assert_cmpstr (at_text, ==, "2026-11-02T10:00:00.5+01:00");
  /* Stored in UTC microseconds. */
  g_assert_cmpint (count_rows (f, "SELECT at FROM events WHERE id = 'e1'"), ==, G_GINT64_CONSTANT (1793610000500000));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE id = 'e1' AND deal_arr = 61250"
                                  " AND sentiment = -0.5 AND industry = 'Retail' AND persona = 'CFO'"
                                  " AND objection = 'price' AND engagement = 0.75 AND stage_progressed = 0"
                                  " AND days_in_stage = 30 AND rec_escalated = 1 AND reviewed = 1"
                                  " AND overridden = 1 AND quality_issue = 0 AND review_minutes = 4.5"),
                   ==, 1);
  /* Absent fields are NULL, booleans default to false. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE id = 'e2' AND deal_arr IS NULL"
                                  " AND sentiment IS NULL AND industry IS NULL AND tags IS NULL"
                                  " AND stage_progressed IS NULL AND days_in_stage IS NULL"
                                  " AND rec_escalated IS NULL AND reviewed = 0 AND overridden = 0"
                                  " AND review_minutes IS NULL AND extra IS NULL"),
                   ==, 1);
}

static void
test_empty_and_blank (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *empty = write_log (f, "empty.jsonl", "", 0);
  g_autofree char *blank = write_log (f, "blank.jsonl", "\n  \r\n\t\n\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = onloop_test_read_bytes (f->path);
  g_autoptr(GBytes) after = NULL;
  OnloopImportCounts counts = { 1, 1, 1, 1 };

  g_assert_true (import (f, empty, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.lines, ==, 0);
  g_assert_cmpuint (counts.imported, ==, 0);
  g_assert_cmpuint (counts.already_present, ==, 0);
  g_assert_true (import (f, blank, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.imported, ==, 0);

  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  /* Nothing imported, nothing to re-evaluate. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM settings WHERE key = 'engine.stale' AND value = '1'"), ==, 0);
}

static void
test_crlf (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *a = event_line ("c1", "2026-11-02T09:00:00Z", "follow-up-timing");
  g_autofree char *b = event_line ("c2", "2026-11-02T09:00:00Z", "follow-up-timing");
  g_autofree char *contents = g_strdup_printf ("%s\r\n\r\n%s", a, b);   /* no line end at the end */
  g_autofree char *log = write_log (f, "crlf.jsonl", contents, -1);
  g_autofree char *bad_contents = g_strdup_printf ("%s\r\n\r\n\r\n{\"id\": \"x\"}\r\n", a);
  g_autofree char *bad = write_log (f, "bad.jsonl", bad_contents, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  OnloopImportCounts counts = { 0 };

  g_assert_true (import (f, log, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.imported, ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE action = 'send'"), ==, 2);

  /* A byte order mark before the first line is not part of it. */
  {
    g_autofree char *c3 = event_line ("c3", "2026-11-02T09:00:00Z", "follow-up-timing");
    g_autofree char *bom_contents = g_strdup_printf ("\xef\xbb\xbf%s\r\n", c3);
    g_autofree char *bom = write_log (f, "bom.jsonl", bom_contents, -1);

    g_assert_true (import (f, bom, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.imported, ==, 1);
  }

  /* Blank lines count in line numbers. */
  g_assert_false (import (f, bad, &counts, &error));
  expected = g_strdup_printf ("%s:4: at: the required field is missing", bad);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Imports @contents and asserts it fails with @code and "LOG:LINE: …
 * @message …", leaving the workspace's bytes (and files) as they were. */
static void
assert_refused (Fixture    *f,
                const char *contents,
                gssize      len,
                guint       line,
                int         code,
                const char *message)
{
  g_autofree char *log = write_log (f, "bad.jsonl", contents, len);
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", log, line);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  before = onloop_test_read_bytes (f->path);
  onloop_test_assert_dir_entries (f->dir, 2);

  g_assert_false (import (f, log, &counts, &error));
  g_assert_error (error, ONLOOP_LOG_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, message) == NULL)
    g_error ("“%s” is not “%s… %s…”", error->message, prefix, message);

  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  onloop_test_assert_dir_entries (f->dir, 2);   /* no -wal, no -shm left */
  g_unlink (log);
}

static void
test_refuses_bad_lines (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *line; int code; const char *message; } cases[] = {
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": 5}",
      ONLOOP_LOG_ERROR_TYPE, "action: must be a non-empty string" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"sentiment\": 1.5}}",
      ONLOOP_LOG_ERROR_RANGE, "context.sentiment: must be a number between -1 and 1" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"deal_arr\": NaN}}",
      ONLOOP_LOG_ERROR_RANGE, "context.deal_arr: NaN and Infinity" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"engagement\": Infinity}}",
      ONLOOP_LOG_ERROR_RANGE, "context.engagement: NaN and Infinity" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"days_in_stage\": -2}}",
      ONLOOP_LOG_ERROR_RANGE, "context.days_in_stage: must be a whole number ≥ 0" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"context\": {\"industry\": \"caf\xe9\"}}",
      ONLOOP_LOG_ERROR_ENCODING, "invalid UTF-8 at column" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"action\": \"a\"}",
      ONLOOP_LOG_ERROR_MISSING, "decision: the required field is missing" },
    { "{\"id\": \"b\", \"at\": \"02/11/2026 09:00\", \"decision\": \"d\", \"action\": \"a\"}",
      ONLOOP_LOG_ERROR_TIMESTAMP, "at: “02/11/2026 09:00” is not an RFC 3339 timestamp" },
    { "{\"id\": \"b\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\",}",
      ONLOOP_LOG_ERROR_SYNTAX, "invalid JSON at column" },
    { "not json at all",
      ONLOOP_LOG_ERROR_SYNTAX, "a line must hold one JSON object" },
  };
  g_autoptr(GString) existing = good_lines ("old", 5);
  g_autofree char *log = write_log (f, "old.jsonl", existing->str, existing->len);
  g_autoptr(GError) error = NULL;

  /* The workspace already holds events: they must survive every refusal. */
  g_assert_true (import (f, log, NULL, &error));
  g_assert_no_error (error);
  g_unlink (log);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) lines = good_lines ("new", 3);
      g_string_append_printf (lines, "%s\n", cases[i].line);
      g_string_append (lines, "{\"id\": \"after\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\"}\n");
      assert_refused (f, lines->str, lines->len, 4, cases[i].code, cases[i].message);
    }

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 5);
}

static void
test_refuses_duplicate_id (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("d", 4);
  g_autofree char *again = event_line ("d-1", "2026-11-05T09:00:00Z", "follow-up-timing");

  g_string_append_printf (lines, "\n%s\n", again);
  assert_refused (f, lines->str, lines->len, 6, ONLOOP_LOG_ERROR_DUPLICATE,
                  "id: “d-1” appears twice in this file");
}

/* A bad line after several batches of events: everything written before
 * it is rolled back. */
static void
test_refuses_late_bad_line (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("late", 70000);
  g_autoptr(GString) dup = good_lines ("late", 70000);

  g_string_append (lines, "{\"id\": \"z\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\","
                          " \"outcome\": {\"reviewed\": \"no\"}}\n");
  assert_refused (f, lines->str, lines->len, 70001, ONLOOP_LOG_ERROR_TYPE,
                  "outcome.reviewed: must be true or false");

  /* The duplicate of line 1 on line 70001, in another batch. */
  g_string_append (dup, "{\"id\": \"late-0\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\"}\n");
  assert_refused (f, dup->str, dup->len, 70001, ONLOOP_LOG_ERROR_DUPLICATE, "“late-0” appears twice");
}

static void
test_refuses_huge_line (Fixture       *f,
                        gconstpointer  data)
{
  gsize huge = 30 * 1024 * 1024;
  g_autoptr(GString) lines = good_lines ("h", 2);

  g_string_append (lines, "{\"id\": \"big\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"pad\": \"");
  g_string_set_size (lines, lines->len + huge);
  memset (lines->str + lines->len - huge, 'x', huge);
  g_string_append (lines, "\"}\n");
  assert_refused (f, lines->str, lines->len, 3, ONLOOP_LOG_ERROR_TOO_LONG,
                  "the line is longer than the limit of 1048576 bytes");
}

/* A line exactly at the limit (with a \r\n end) is fine, also where it
 * spans two of the reader's 4 MiB chunks; one byte more is refused. */
static void
test_line_limit (Fixture       *f,
                 gconstpointer  data)
{
  const char *head = "{\"id\": \"edge\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"pad\": \"";
  gsize fill = ONLOOP_LOG_MAX_LINE_LENGTH - strlen (head) - 2;
  g_autoptr(GString) lines = good_lines ("l", 19000);   /* about 3.5 MB */
  g_autoptr(GString) over = NULL;
  g_autoptr(GString) tail1 = good_lines ("m", 2);
  g_autoptr(GString) tail2 = good_lines ("n", 2);
  g_autofree char *log = NULL;
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  g_assert_cmpuint (lines->len, <, 4 * 1024 * 1024);
  g_string_append (lines, head);
  g_string_set_size (lines, lines->len + fill);
  memset (lines->str + lines->len - fill, 'y', fill);
  g_string_append (lines, "\"}");
  over = g_string_new_len (lines->str, lines->len);
  g_string_append (lines, "\r\n");
  g_string_append (lines, tail1->str);
  log = write_log (f, "edge.jsonl", lines->str, lines->len);
  g_assert_true (import (f, log, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >, 4 * 1024 * 1024);
  g_assert_cmpuint (counts.imported, ==, 19003);
  g_unlink (log);

  g_string_insert_c (over, over->len - 2, 'y');
  g_string_append (over, "\n");
  g_string_append (over, tail2->str);
  assert_refused (f, over->str, over->len, 19001, ONLOOP_LOG_ERROR_TOO_LONG, "longer than the limit");
}

static void
test_refuses_deep_nesting (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("n", 1);

  g_string_append (lines, "{\"id\": \"deep\", \"at\": \"2026-11-02T09:00:00Z\", \"decision\": \"d\", \"action\": \"a\", \"x\": ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (lines, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (lines, ']');
  g_string_append (lines, "}\n");
  assert_refused (f, lines->str, lines->len, 2, ONLOOP_LOG_ERROR_TOO_DEEP, "nested deeper than 64 levels");
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *log = g_build_filename (f->dir, "nowhere.jsonl", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (import (f, log, NULL, &error));
  g_assert_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, log));

  g_clear_error (&error);
  g_assert_false (import (f, f->dir, NULL, &error));
  g_assert_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_IO);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint64       last_done;
  guint64       total;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->last_done = done;
  p->total = total;
  p->calls++;
  if (p->cancellable != NULL)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("p", 70000);   /* three batches */
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autoptr(OnloopStore) store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };

  g_assert_true (onloop_store_import_log (store, log, on_progress, &p, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, >=, 2);
  g_assert_cmpuint (p.total, ==, lines->len);
  g_assert_cmpuint (p.last_done, ==, lines->len);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("k", 40000);
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = onloop_test_read_bytes (f->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { cancellable };

  {
    g_autoptr(OnloopStore) store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);

    /* Cancelled after the first batch is written. */
    g_assert_false (onloop_store_import_log (store, log, on_progress, &p, cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (p.calls, ==, 1);
    g_clear_error (&error);

    /* Cancelled before it starts. */
    g_assert_false (onloop_store_import_log (store, log, NULL, NULL, cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  onloop_test_assert_dir_entries (f->dir, 2);
}

/* The app's way: a second connection on the same file imports in a worker
 * thread while the first stays open (and may read). */
typedef struct
{
  const char   *path;
  const char   *log;
  GCancellable *cancellable;
  gboolean      ok;
  GError       *error;
  OnloopImportCounts counts;
} ThreadImport;

static gpointer
import_thread (gpointer data)
{
  ThreadImport *t = data;
  g_autoptr(OnloopStore) store = onloop_store_open (t->path, ONLOOP_STORE_OPEN_NONE, &t->error);

  if (store != NULL)
    t->ok = onloop_store_import_log (store, t->log, NULL, NULL, t->cancellable, &t->counts, &t->error);
  return NULL;
}

static void
test_second_connection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("t", 12000);
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autoptr(OnloopStore) main_store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  ThreadImport t = { f->path, log, cancellable };
  GThread *thread;

  /* Cancelled at once: nothing changes, even with the other connection open. */
  g_cancellable_cancel (cancellable);
  thread = g_thread_new ("import", import_thread, &t);
  g_thread_join (thread);
  g_assert_false (t.ok);
  g_assert_error (t.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&t.error);
  g_clear_object (&main_store);
  before = onloop_test_read_bytes (f->path);

  main_store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);
  g_assert_false (onloop_store_is_stale (main_store));
  t.cancellable = NULL;
  thread = g_thread_new ("import", import_thread, &t);
  g_thread_join (thread);
  g_assert_no_error (t.error);
  g_assert_true (t.ok);
  g_assert_cmpuint (t.counts.imported, ==, 12000);
  g_assert_cmpuint (t.counts.unmapped, ==, 4000);

  /* The main connection sees the committed import. */
  g_assert_true (onloop_store_is_stale (main_store));
  g_clear_object (&main_store);
  after = onloop_test_read_bytes (f->path);
  g_assert_false (g_bytes_equal (before, after));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 12000);
  onloop_test_assert_dir_entries (f->dir, 2);
}

static void
on_changed (OnloopStore *store,
            guint        change,
            gpointer     user_data)
{
  *(guint *) user_data |= change;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("s", 2);
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autoptr(OnloopStore) store = onloop_store_open (f->path, ONLOOP_STORE_OPEN_NONE, NULL);
  guint changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_true (onloop_store_import_log (store, log, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmphex (changes & ONLOOP_STORE_CHANGE_LOG, ==, ONLOOP_STORE_CHANGE_LOG);

  changes = 0;
  g_assert_true (onloop_store_import_log (store, log, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmphex (changes, ==, 0);   /* nothing new */
}

/* onloop-cli, the real binary. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ONLOOP_CLI");
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("ONLOOP_CLI is not set");
      return -1;
    }

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GString) lines = good_lines ("cli", 6);
  g_autofree char *log = write_log (f, "log.jsonl", lines->str, lines->len);
  g_autofree char *bad = write_log (f, "bad.jsonl", "{\"id\": \"x\"}\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int status;

  status = run_cli ((const char *[]) { "--db", f->path, "import-log", log, NULL }, &out, &err);
  if (status < 0)
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "imported: 6\nalready present: 0\nunmapped: 2\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_cli ((const char *[]) { "--db", f->path, "import-log", log, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "imported: 0\nalready present: 6\nunmapped: 0\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = onloop_test_read_bytes (f->path);
  status = run_cli ((const char *[]) { "--db", f->path, "import-log", bad, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 1);
  expected = g_strdup_printf ("onloop-cli: %s:1: at: the required field is missing\n", bad);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  after = onloop_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: no file, two files, no --db. */
  status = run_cli ((const char *[]) { "--db", f->path, "import-log", NULL }, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_cli ((const char *[]) { "--db", f->path, "import-log", log, log, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_cli ((const char *[]) { "import-log", log, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A workspace that is not there is bad input, not a usage error. */
  {
    g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.onloop", NULL);
    status = run_cli ((const char *[]) { "--db", nowhere, "import-log", log, NULL }, &out, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/log/import/counts", test_counts);
  ADD ("/log/import/reimport-counts-already-present", test_reimport);
  ADD ("/log/import/overlapping-logs", test_overlap_in_groups);
  ADD ("/log/import/duplicates-near-and-far", test_duplicates_in_groups);
  ADD ("/log/import/stores-every-field-and-extra", test_fields_stored);
  ADD ("/log/import/empty-and-blank-files", test_empty_and_blank);
  ADD ("/log/import/crlf-and-line-numbers", test_crlf);
  ADD ("/log/import/refuses-bad-lines-unchanged", test_refuses_bad_lines);
  ADD ("/log/import/refuses-duplicate-id", test_refuses_duplicate_id);
  ADD ("/log/import/refuses-late-bad-line", test_refuses_late_bad_line);
  ADD ("/log/import/refuses-huge-line", test_refuses_huge_line);
  ADD ("/log/import/line-length-limit", test_line_limit);
  ADD ("/log/import/refuses-deep-nesting", test_refuses_deep_nesting);
  ADD ("/log/import/missing-file", test_missing_file);
  ADD ("/log/import/progress", test_progress);
  ADD ("/log/import/cancel-leaves-file-unchanged", test_cancel);
  ADD ("/log/import/second-connection-in-thread", test_second_connection);
  ADD ("/log/import/changed-signal", test_changed_signal);
  ADD ("/log/import/cli", test_cli);
#undef ADD

  return g_test_run ();
}
