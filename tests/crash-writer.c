/* crash-writer.c: edits a workspace as fast as it can and says which edits
 * are committed; test-crash kills it with SIGKILL at random moments.
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "onloop-store-map.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  guint first;

  if (argc != 4)
    {
      g_printerr ("usage: crash-writer WORKSPACE SEED FIRST-NUMBER\n");
      return 2;
    }

  store = onloop_store_open (argv[1], ONLOOP_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  rand = g_rand_new_with_seed (atoi (argv[2]));
  first = atoi (argv[3]);

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
