/* bench-spec.c: in-process timings of the spec store on a large map
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-spec [DECISIONS] [RUNS]
 * Builds a workspace in a temporary folder with DECISIONS decisions (default
 * 1,000; each with 3 may, 2 uses, 2 must-not items), 61 triggers and 20
 * published versions, then prints the median of RUNS (default 7) runs of what
 * the Boundaries view does per edit, in ms of CPU time. Not a test.
 */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "onloop-store-map.h"
#include "onloop-store-spec.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* CPU time of this process: the machine is shared, wall time is noisy. */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

#define MS(t0) ((cpu_usec () - (t0)) / 1000.0)

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

int
main (int    argc,
      char **argv)
{
  int n_decisions = argc > 1 ? atoi (argv[1]) : 1000;
  int runs = argc > 2 ? atoi (argv[2]) : 7;
  g_autofree char *dir = g_dir_make_tmp ("bench-spec-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.onloop", NULL);
  g_autoptr(OnloopStore) store = NULL;
  g_autofree double *t_draft = g_new0 (double, runs);
  g_autofree double *t_changes = g_new0 (double, runs);
  g_autofree double *t_edit = g_new0 (double, runs);
  g_autofree double *t_specs = g_new0 (double, runs);
  g_autofree double *t_json = g_new0 (double, runs);
  GError *error = NULL;
  gint64 t0;

  store = onloop_store_open (path, ONLOOP_STORE_OPEN_CREATE, &error);
  check (store != NULL, error);

  t0 = cpu_usec ();
  for (int i = 0; i < n_decisions; i++)
    {
      g_autofree char *key = g_strdup_printf ("decision-%d", i);
      g_autofree char *title = g_strdup_printf ("Decision %d", i);
      g_autofree char *workflow = g_strdup_printf ("Workflow %d", i % 12);
      g_autoptr(OnloopDecision) decision = onloop_decision_new (key, title);

      onloop_decision_set_category (decision, ONLOOP_CATEGORY_EXECUTION);
      onloop_decision_set_workflow (decision, workflow);
      onloop_decision_set_position (decision, i);
      check (onloop_store_insert_decision (store, decision, &error), error);
      for (int l = 0; l < ONLOOP_N_BOUNDARY_LISTS; l++)
        for (int k = 0; k < 3 - (l > 0); k++)
          {
            g_autofree char *id = g_strdup_printf ("item_%d", k);
            check (onloop_store_add_boundary_item (store, key, l, -1, id, "An item", &error),
                   error);
          }
    }
  for (int i = 0; i < ONLOOP_SPEC_MAX_TRIGGERS; i++)
    {
      OnloopTrigger *trigger = onloop_trigger_new ("t", ONLOOP_TRIGGER_DEAL_SIZE);

      g_free (trigger->id);
      trigger->id = g_strdup_printf ("trigger-%d", i);
      trigger->min_arr = 1000 * i;
      check (onloop_store_add_trigger (store, trigger, -1, &error), error);
      onloop_trigger_free (trigger);
    }
  for (int v = 1; v <= 20; v++)
    {
      OnloopTrigger *trigger = onloop_store_get_trigger (store, "trigger-0", &error);

      trigger->min_arr = v;
      check (onloop_store_update_trigger (store, "trigger-0", trigger, &error), error);
      check (onloop_store_publish_at (store, "Bench", (gint64) v * G_USEC_PER_SEC * 86400,
                                      NULL, &error), error);
      onloop_trigger_free (trigger);
    }
  printf ("setup (%d decisions, %d items, 61 triggers, 20 versions): %.0f ms\n",
          n_decisions, n_decisions * 7, MS (t0));

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OnloopSpec) draft = NULL;
      g_autoptr(GPtrArray) specs = NULL;
      g_autofree char *json = NULL;

      t0 = cpu_usec ();
      draft = onloop_store_load_draft (store, &error);
      check (draft != NULL, error);
      t_draft[r] = MS (t0);

      t0 = cpu_usec ();
      onloop_store_has_unpublished_changes (store);
      t_changes[r] = MS (t0);

      t0 = cpu_usec ();
      check (onloop_store_relabel_boundary_item (store, "decision-7", ONLOOP_BOUNDARY_MAY,
                                                 "item_1", r % 2 ? "Odd" : "Even", &error),
             error);
      t_edit[r] = MS (t0);

      t0 = cpu_usec ();
      specs = onloop_store_list_specs (store, &error);
      check (specs != NULL, error);
      t_specs[r] = MS (t0);

      t0 = cpu_usec ();
      json = onloop_spec_to_json (draft);
      t_json[r] = MS (t0);
    }

  printf ("load draft:               %.2f ms (median of %d)\n", median (t_draft, runs), runs);
  printf ("has unpublished changes:  %.2f ms\n", median (t_changes, runs));
  printf ("relabel one item (commit): %.2f ms\n", median (t_edit, runs));
  printf ("list 20 versions (parse): %.2f ms\n", median (t_specs, runs));
  printf ("draft to JSON:            %.2f ms\n", median (t_json, runs));

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
