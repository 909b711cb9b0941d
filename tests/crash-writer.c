/* crash-writer.c: edits a workspace as fast as it can and says which edits
 * are committed; test-crash kills it with SIGKILL at random moments.
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-writer WORKSPACE SEED FIRST-NUMBER
 *     inserts cards card-FIRST, card-FIRST+1, … through the store and moves
 *     earlier ones; prints each number once its insert committed.
 *
 *   crash-writer board WORKSPACE SEED RUN
 *     a burst of board edits the way the Map view makes them: add, move,
 *     retitle, delete, undo and redo through OnloopUndoStack and the map
 *     commands. Before each edit it prints "BEGIN\tKEY"; once the edit
 *     committed it reads the card back from the store and prints
 *     "STATE\tKEY\tCATEGORY\tTITLE" (or "STATE\tKEY\t-" when the card is
 *     gone). New cards are keyed RUN-N so runs never collide.
 *
 *   crash-writer wal WORKSPACE N
 *     commits N settings rows (about 1 kB each) in one transaction with the
 *     automatic checkpoint off, prints "committed", and kills itself: the
 *     rows are only in the write-ahead log, as after a crash.
 */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "onloop-map-command.h"
#include "onloop-store-map.h"
#include "onloop-undo.h"

static int
insert_cards (OnloopStore *store,
              guint32      seed,
              guint        first)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;

  for (guint n = first;; n++)
    {
      g_autofree char *key = g_strdup_printf ("card-%u", n);
      g_autoptr(OnloopDecision) decision = onloop_decision_new (key, key);

      onloop_decision_set_category (decision, g_rand_int_range (rand, 0, ONLOOP_N_CATEGORIES));
      onloop_decision_set_position (decision, g_rand_int_range (rand, 0, 50));
      if (!onloop_store_insert_decision (store, decision, &error))
        break;

      /* Committed: say so only now. */
      printf ("%u\n", n);
      fflush (stdout);

      /* And move an earlier card somewhere, so that kills land mid-move too. */
      if (n > 0)
        {
          g_autofree char *other = g_strdup_printf ("card-%u", g_rand_int_range (rand, 0, n));
          onloop_store_move_decision (store, other, g_rand_int_range (rand, 0, 3),
                                      g_rand_int_range (rand, 0, 50), NULL);
        }
    }

  g_printerr ("crash-writer: %s\n", error->message);
  return 1;
}

static void
report (OnloopStore *store,
        const char  *key)
{
  g_autoptr(OnloopDecision) decision = onloop_store_get_decision (store, key, NULL);

  if (decision == NULL)
    printf ("STATE\t%s\t-\n", key);
  else
    printf ("STATE\t%s\t%s\t%s\n", key,
            onloop_category_to_string (onloop_decision_get_category (decision)),
            onloop_decision_get_title (decision));
  fflush (stdout);
}

static char *
pick_key (OnloopStore *store,
          GRand       *rand)
{
  g_autoptr(GPtrArray) decisions = onloop_store_list_decisions (store, NULL);

  if (decisions == NULL || decisions->len == 0)
    return NULL;
  return g_strdup (onloop_decision_get_key (decisions->pdata[g_rand_int_range (rand, 0, decisions->len)]));
}

static int
board_edits (OnloopStore *store,
             guint32      seed,
             const char  *run)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(OnloopUndoStack) undo = onloop_undo_stack_new (store);
  /* The keys the undo stack's commands touch, mirrored. */
  g_autoptr(GPtrArray) undo_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) redo_keys = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0;; n++)
    {
      g_autoptr(OnloopCommand) command = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      int dice = g_rand_int_range (rand, 0, 100);
      gboolean ok;

      if (dice < 10 && undo_keys->len > 0)
        {
          key = g_ptr_array_steal_index (undo_keys, undo_keys->len - 1);
          printf ("BEGIN\t%s\n", key);
          fflush (stdout);
          ok = onloop_undo_stack_undo (undo, &error);
          g_ptr_array_add (redo_keys, g_strdup (key));
        }
      else if (dice < 15 && redo_keys->len > 0)
        {
          key = g_ptr_array_steal_index (redo_keys, redo_keys->len - 1);
          printf ("BEGIN\t%s\n", key);
          fflush (stdout);
          ok = onloop_undo_stack_redo (undo, &error);
          g_ptr_array_add (undo_keys, g_strdup (key));
        }
      else
        {
          g_autoptr(OnloopDecision) current = NULL;

          if (dice >= 45)
            key = pick_key (store, rand);
          if (key != NULL)
            current = onloop_store_get_decision (store, key, NULL);

          if (current == NULL)
            {
              g_autoptr(OnloopDecision) added = NULL;

              g_clear_pointer (&key, g_free);
              key = g_strdup_printf ("%s-%u", run, n);
              added = onloop_decision_new (key, key);
              onloop_decision_set_category (added, g_rand_int_range (rand, 0, ONLOOP_N_CATEGORIES));
              onloop_decision_set_position (added, G_MAXUINT);
              command = onloop_map_command_new_add (added);
            }
          else if (dice < 80)
            command = onloop_map_command_new_move (key, onloop_decision_get_title (current),
                                                   g_rand_int_range (rand, 0, ONLOOP_N_CATEGORIES),
                                                   g_rand_int_range (rand, 0, 40));
          else if (dice < 95)
            {
              g_autoptr(OnloopDecision) after = onloop_decision_copy (current);
              g_autofree char *title = g_strdup_printf ("Title %s %u", run, n);

              onloop_decision_set_title (after, title);
              command = onloop_map_command_new_edit (current, after);
            }
          else
            command = onloop_map_command_new_delete (current);

          printf ("BEGIN\t%s\n", key);
          fflush (stdout);
          ok = onloop_undo_stack_push (undo, command, &error);
          if (ok)
            {
              g_ptr_array_add (undo_keys, g_strdup (key));
              g_ptr_array_set_size (redo_keys, 0);
            }
        }

      if (!ok)
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }

      /* Committed: say what the store now holds for the card. */
      report (store, key);
    }
}

static int
commit_then_die (const char *path,
                 guint       n_rows)
{
  g_autofree char *filler = g_strnfill (1000, 'x');
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO settings (key, value) VALUES (?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("crash-writer: %s\n", sqlite3_errmsg (db));
      return 1;
    }

  for (guint n = 0; n < n_rows; n++)
    {
      g_autofree char *key = g_strdup_printf ("crash-test-%u", n);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, filler, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_printerr ("crash-writer: %s\n", sqlite3_errmsg (db));
          return 1;
        }
      sqlite3_reset (stmt);
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("crash-writer: %s\n", sqlite3_errmsg (db));
      return 1;
    }
  printf ("committed\n");
  fflush (stdout);

  /* Die before closing, which would checkpoint and remove the log. */
  raise (SIGKILL);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean board = argc == 5 && g_str_equal (argv[1], "board");

  if (argc == 4 && g_str_equal (argv[1], "wal"))
    return commit_then_die (argv[2], strtoul (argv[3], NULL, 10));

  if (argc != 4 && !board)
    {
      g_printerr ("usage: crash-writer WORKSPACE SEED FIRST-NUMBER\n"
                  "       crash-writer board WORKSPACE SEED RUN\n");
      return 2;
    }
  if (board)
    argv++;

  store = onloop_store_open (argv[1], ONLOOP_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  if (board)
    return board_edits (store, strtoul (argv[2], NULL, 10), argv[3]);

  return insert_cards (store, strtoul (argv[2], NULL, 10), atoi (argv[3]));
}
