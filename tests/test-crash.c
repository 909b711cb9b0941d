/* test-crash.c: kill -9 at random moments loses no committed edit and never
 * corrupts the workspace
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <stdlib.h>

#include "onloop-store-map.h"
#include "onloop-test-util.h"

#define N_KILLS 12

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-9-during-map-edits", test_kill_during_edits);

  return g_test_run ();
}
