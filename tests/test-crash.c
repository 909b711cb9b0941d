/* test-crash.c: kill -9 at random moments loses no committed edit and never
 * corrupts the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "onloop-store-engine.h"
#include "onloop-store-map.h"
#include "onloop-test-util.h"

#define N_KILLS 15
#define IMPORT_EVENTS 200000

/* Reads what the writer printed before it died: the numbers it committed. */
static guint
read_committed (GSubprocess *writer,
                guint        last)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (writer);
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (out);
  char *line;

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      guint n = atoi (line);
      g_assert_cmpuint (n, >=, last);
      last = n + 1;
      g_free (line);
    }

  return last;
}

static void
assert_consistent (const char *path,
                   guint       n_committed)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  guint next_position[ONLOOP_N_CATEGORIES] = { 0 };

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_integrity_check (store, &error));
  g_assert_no_error (error);

  for (guint n = 0; n < n_committed; n++)
    {
      g_autofree char *key = g_strdup_printf ("card-%u", n);
      g_autoptr(OnloopDecision) decision = onloop_store_get_decision (store, key, &error);

      g_assert_no_error (error);
      g_assert_nonnull (decision);
    }

  /* Moves are all-or-nothing: every column stays numbered 0, 1, 2 … */
  decisions = onloop_store_list_decisions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, >=, n_committed);
  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *d = decisions->pdata[i];
      g_assert_cmpuint (onloop_decision_get_position (d), ==,
                        next_position[onloop_decision_get_category (d)]++);
    }
}

static void
test_kill_during_edits (void)
{
  g_autofree char *dir = onloop_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.onloop", NULL);
  g_autofree char *writer_path = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint committed = 0;
  guint total_reported = 0;
  g_autoptr(GError) create_error = NULL;
  g_autoptr(OnloopStore) created = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE,
                                                      &create_error);

  g_assert_no_error (create_error);
  g_clear_object (&created);

  for (guint kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *first = g_strdup_printf ("%u", committed);
      guint before = committed;

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 writer_path, path, seed, first, NULL);
      g_assert_no_error (error);

      g_usleep (g_rand_int_range (rand, 20, 400) * 1000);
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

      committed = read_committed (writer, committed);
      total_reported += committed - before;

      /* The next writer continues the numbering; a card that was being
       * inserted when the kill came may exist without being reported, so
       * skip past it rather than insert it again. */
      assert_consistent (path, committed);
      {
        g_autoptr(OnloopStore) store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
        g_autofree char *key = g_strdup_printf ("card-%u", committed);
        g_autoptr(OnloopDecision) maybe = onloop_store_get_decision (store, key, NULL);
        if (maybe != NULL)
          committed++;
      }
    }

  g_test_message ("%u kills, %u committed edits checked", N_KILLS, total_reported);
  g_assert_cmpuint (total_reported, >, 0);
  onloop_test_remove_dir (dir);
}

/* ---- a burst of board edits ------------------------------------------------ */

typedef struct
{
  GHashTable *expected;   /* key → "CATEGORY\tTITLE" or "-" */
  char       *in_flight;  /* the key of an edit begun but not reported */
  guint       reported;
} Board;

static void
read_board_lines (GSubprocess *writer,
                  Board       *board)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (writer);
  g_autoptr(GOutputStream) all = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  char *end;

  g_output_stream_splice (all, out, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (all)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (all)));

  /* Only whole lines: the last one may be cut short by the kill. */
  end = text != NULL ? strrchr (text, '\n') : NULL;
  if (end == NULL)
    return;
  *end = '\0';

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_str_equal (fields[0], "BEGIN"))
        {
          g_assert_cmpuint (g_strv_length (fields), ==, 2);
          g_free (board->in_flight);
          board->in_flight = g_strdup (fields[1]);
        }
      else
        {
          g_assert_cmpstr (fields[0], ==, "STATE");
          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          g_assert_cmpstr (fields[1], ==, board->in_flight);
          g_hash_table_insert (board->expected, g_strdup (fields[1]), g_strdup (fields[2]));
          g_clear_pointer (&board->in_flight, g_free);
          board->reported++;
        }
    }
}

static char *
state_of (OnloopDecision *decision)
{
  if (decision == NULL)
    return g_strdup ("-");
  return g_strdup_printf ("%s\t%s",
                          onloop_category_to_string (onloop_decision_get_category (decision)),
                          onloop_decision_get_title (decision));
}

/* Every reported edit is in the file; the one in flight may or may not be,
 * and whatever it is becomes what the next round expects. */
static void
assert_board (const char *path,
              Board      *board)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  guint next_position[ONLOOP_N_CATEGORIES] = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_integrity_check (store, &error));
  g_assert_no_error (error);

  decisions = onloop_store_list_decisions (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      OnloopDecision *d = decisions->pdata[i];

      g_assert_cmpuint (onloop_decision_get_position (d), ==,
                        next_position[onloop_decision_get_category (d)]++);
      g_hash_table_insert (actual, g_strdup (onloop_decision_get_key (d)), state_of (d));
    }

  g_hash_table_iter_init (&iter, board->expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *now = g_hash_table_lookup (actual, key);

      if (g_strcmp0 (key, board->in_flight) == 0)
        continue;
      g_assert_cmpstr (now != NULL ? now : "-", ==, value);
    }

  if (board->in_flight != NULL)
    {
      const char *now = g_hash_table_lookup (actual, board->in_flight);
      g_hash_table_insert (board->expected, g_strdup (board->in_flight), g_strdup (now != NULL ? now : "-"));
      g_clear_pointer (&board->in_flight, g_free);
    }
}

static void
test_kill_during_board_edits (void)
{
  g_autofree char *dir = onloop_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "board.onloop", NULL);
  g_autofree char *writer_path = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Board board = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), NULL, 0 };
  g_autoptr(OnloopStore) created = NULL;
  g_autoptr(GError) create_error = NULL;
  guint kills = 0;

  /* The workspace exists before the first writer, which a kill may stop
   * before it opened anything (a sanitizer build starts slowly). */
  created = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &create_error);
  g_assert_no_error (create_error);
  g_clear_object (&created);

  for (guint run = 0; kills < N_KILLS; run++)
    {
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *run_name = g_strdup_printf ("r%u", run);

      g_assert_cmpuint (run, <, 3 * N_KILLS);
      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 writer_path, "board", path, seed, run_name, NULL);
      g_assert_no_error (error);

      g_usleep (g_rand_int_range (rand, 30, 400) * 1000);
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      /* The writer never stops on its own: an exit is a failed edit. */
      g_assert_true (g_subprocess_get_if_signaled (writer));
      kills++;

      read_board_lines (writer, &board);
      assert_board (path, &board);
    }

  g_test_message ("%u kills during board edits, %u committed edits reported, %u cards checked",
                  kills, board.reported, g_hash_table_size (board.expected));
  g_assert_cmpuint (board.reported, >, N_KILLS);
  g_hash_table_unref (board.expected);
  onloop_test_remove_dir (dir);
}

/* ---- a 200,000-event log import ---------------------------------------------- */

static void
write_log (const char *path,
           guint       round,
           guint       n_events)
{
  g_autoptr(GString) text = g_string_sized_new (n_events * 160);
  static const char * const decisions[] = { "follow-up-timing", "crm-hygiene", "lead-scoring" };

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (text,
                            "{\"id\":\"r%u-%u\",\"at\":\"2026-%02u-%02uT%02u:%02u:00Z\","
                            "\"decision\":\"%s\",\"action\":\"act-%u\","
                            "\"context\":{\"deal_arr\":%u,\"sentiment\":%.2f},"
                            "\"outcome\":{\"escalated\":%s}}\n",
                            round, i, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                            decisions[i % 3], i % 7, (i * 7919) % 120000,
                            ((int) (i % 201) - 100) / 100.0,
                            i % 9 == 0 ? "true" : "false");
  onloop_test_write (path, text->str, text->len);
}

static gint64
count_events (const char *path)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Opened the way the app opens it, which recovers from the kill. */
  store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_integrity_check (store, &error));
  g_assert_no_error (error);
  return onloop_store_count_events (store);
}

static GSubprocess *
start_import (const char *cli,
              const char *path,
              const char *log)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                         G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                         cli, "--db", path, "import-log", log, NULL);
  g_assert_no_error (error);
  return child;
}

static void
test_kill_during_import (void)
{
  const char *cli = g_getenv ("ONLOOP_CLI");
  g_autofree char *dir = onloop_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "import.onloop", NULL);
  g_autofree char *scratch = g_build_filename (dir, "timing.onloop", NULL);
  g_autofree char *saved = g_build_filename (dir, "baseline.onloop", NULL);
  g_autoptr(GFile) baseline_file = NULL;
  g_autoptr(GFile) saved_file = NULL;
  g_autofree char *log = g_build_filename (dir, "log.jsonl", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(OnloopStore) created = NULL;
  g_autoptr(GError) error = NULL;
  guint round = 0, kills = 0, completed = 0;
  gint64 committed, started, full_usec;

  if (cli == NULL)
    {
      g_test_skip ("ONLOOP_CLI is not set");
      return;
    }

  /* One whole import in a workspace of its own, to know how long one
   * takes here. */
  created = onloop_store_open (scratch, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&created);
  write_log (log, round, IMPORT_EVENTS);
  started = g_get_monotonic_time ();
  first = start_import (cli, scratch, log);
  g_subprocess_wait_check (first, NULL, &error);
  g_assert_no_error (error);
  full_usec = g_get_monotonic_time () - started;
  g_assert_cmpint (count_events (scratch), ==, IMPORT_EVENTS);
  g_clear_object (&first);

  /* The workspace under test starts with a small committed import, which
   * every kill must leave alone. */
  created = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&created);
  write_log (log, ++round, 1000);
  first = start_import (cli, path, log);
  g_subprocess_wait_check (first, NULL, &error);
  g_assert_no_error (error);
  committed = count_events (path);
  g_assert_cmpint (committed, ==, 1000);
  baseline_file = g_file_new_for_path (path);
  saved_file = g_file_new_for_path (saved);
  g_file_copy (baseline_file, saved_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  write_log (log, ++round, IMPORT_EVENTS);

  while (kills < N_KILLS)
    {
      g_autoptr(GSubprocess) child = NULL;
      gint64 now;

      g_assert_cmpuint (kills + completed, <, 3 * N_KILLS);
      child = start_import (cli, path, log);
      g_usleep (g_rand_double_range (rand, 0.02, 1.1) * full_usec);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);

      now = count_events (path);
      if (g_subprocess_get_if_signaled (child))
        {
          /* All or nothing. */
          kills++;
          if (now != committed)
            g_assert_cmpint (now, ==, committed + IMPORT_EVENTS);
        }
      else
        {
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          g_assert_cmpint (now, ==, committed + IMPORT_EVENTS);
          completed++;
        }

      /* When the import got through, go back to the small workspace, so
       * that the same log can be imported again and the checks stay
       * quick. */
      if (now != committed)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          /* Closed, the workspace is one file; a -wal of the big one would
           * be replayed into the small one. */
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
          g_unlink (shm);
          g_file_copy (saved_file, baseline_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (count_events (path), ==, committed);
        }
    }

  g_test_message ("%u kills during a %u-event import (%.2f s each when whole), %u imports "
                  "ran to the end",
                  kills, IMPORT_EVENTS, full_usec / 1e6, completed);
  onloop_test_remove_dir (dir);
}

/* ---- a checkpoint cut short ------------------------------------------------ */

/* After a crash in the middle of a checkpoint, the main file's header
 * already counts the pages the checkpoint was copying, while the file is
 * still shorter and the pages are in the write-ahead log. SQLite recovers
 * such a workspace from the log; Onloop must open it rather than call it
 * truncated. The state is made exactly: a writer commits into the log and
 * dies, then page 1 of the log is copied over the main file's first page,
 * as the checkpoint does first. */
static void
test_open_after_kill_during_checkpoint (void)
{
  g_autofree char *dir = onloop_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "checkpoint.onloop", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *writer_path = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autofree char *last = NULL;
  const guint8 *p;
  gsize len, frame_size, page1 = 0;
  guint32 page_size, n_pages;
  guint8 header[100];
  FILE *file;
  struct stat st;

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             writer_path, "wal", path, "3000", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (writer));

  /* The last frame of page 1 in the log. */
  wal = onloop_test_read_bytes (wal_path);
  p = g_bytes_get_data (wal, &len);
  g_assert_cmpuint (len, >, 32);
  page_size = ((guint32) p[8] << 24) | ((guint32) p[9] << 16) | ((guint32) p[10] << 8) | p[11];
  frame_size = 24 + page_size;
  for (gsize off = 32; off + frame_size <= len; off += frame_size)
    if (p[off] == 0 && p[off + 1] == 0 && p[off + 2] == 0 && p[off + 3] == 1)
      page1 = off + 24;
  g_assert_cmpuint (page1, >, 0);

  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (p + page1, 1, page_size, file), ==, page_size);
  fclose (file);

  /* The state of the crash: the header counts more pages than the file has. */
  file = fopen (path, "rb");
  g_assert_cmpuint (fread (header, 1, sizeof header, file), ==, sizeof header);
  fclose (file);
  n_pages = ((guint32) header[28] << 24) | ((guint32) header[29] << 16) |
            ((guint32) header[30] << 8) | header[31];
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint ((guint64) n_pages * page_size, >, (guint64) st.st_size);

  g_assert_true (onloop_store_check_file (path, &error));
  g_assert_no_error (error);
  store = onloop_store_open (path, ONLOOP_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (onloop_store_integrity_check (store, &error));
  g_assert_no_error (error);
  last = onloop_store_get_setting (store, "crash-test-2999");
  g_assert_nonnull (last);
  g_assert_cmpuint (strlen (last), ==, 1000);

  g_clear_object (&store);
  onloop_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-9-during-map-edits", test_kill_during_edits);
  g_test_add_func ("/crash/kill-9-during-board-edits", test_kill_during_board_edits);
  g_test_add_func ("/crash/kill-9-during-log-import", test_kill_during_import);
  g_test_add_func ("/crash/open-after-kill-during-checkpoint",
                   test_open_after_kill_during_checkpoint);

  return g_test_run ();
}
